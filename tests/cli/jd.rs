//! `roles jd ROLE [--fractional] [--brief] [--answers FILE]`: the Markdown job
//! posting (second person, no duplicates, placeholders), its JSON shape, the
//! fractional and brief variants, needs from `advise` first, snapshots of each,
//! unknown roles and a role from a custom knowledge base.

use std::collections::BTreeSet;

use crate::common::*;
use serde_json::{Value, json};

/// The `## ` headings of a Markdown document, in order.
fn headings(markdown: &str) -> Vec<&str> {
    let lines = markdown.lines();
    lines.filter_map(|line| line.strip_prefix("## ")).collect()
}

/// The bullet lines under the `## heading` section.
fn bullets<'a>(markdown: &'a str, heading: &str) -> Vec<&'a str> {
    let heading = format!("## {heading}");
    let lines = markdown.lines().skip_while(|line| *line != heading);
    let end = |line: &&str| line.starts_with("## ") || line.starts_with("---");
    let section = lines.skip(1).take_while(|line| !end(line));
    section.filter_map(|line| line.strip_prefix("- ")).collect()
}

/// The lists of a posting's JSON.
#[rustfmt::skip]
const LISTS: [&str; 5] =
    ["responsibilities", "success_measures", "requirements", "nice_to_have", "background"];

/// The texts of a JSON list of facts.
fn texts<'a>(list: &'a Value) -> Vec<&'a str> {
    let text = |fact: &'a Value| string(&fact["text"]);
    items(list).iter().map(text).collect()
}

/// A set of the strings of a JSON array.
fn set(list: &Value) -> BTreeSet<&str> {
    items(list).iter().filter_map(Value::as_str).collect()
}

#[test]
fn jd_has_every_section_of_a_job_posting_in_order_and_lists_the_json_duties() {
    let markdown = markdown(&["jd", "cto"]);
    #[rustfmt::skip]
    let expected = ["About the role", "What you will do", "How success may be measured",
        "What you must bring", "Nice to have", "Where you may come from"];
    assert_eq!(headings(&markdown), expected);
    for heading in &expected[1..] {
        let ok = !bullets(&markdown, heading).is_empty();
        assert!(ok, "`{heading}`\n{markdown}");
    }
    let duties = json(&["jd", "cto"]);
    let expected = texts(&duties["responsibilities"]);
    assert_eq!(bullets(&markdown, "What you will do"), expected);
}

#[test]
fn jd_speaks_to_the_candidate_and_states_no_line_twice() {
    for args in [
        &["jd", "cto"][..],
        &["jd", "cio"],
        &["jd", "cto", "--fractional"],
    ] {
        let posting = json(args);
        let summary = string(&posting["summary"]);
        assert!(summary.starts_with("You will "), "{summary}");
        for text in texts(&posting["responsibilities"]) {
            let second_person = text.starts_with("You will ") || text.starts_with("You may ");
            assert!(second_person, "{args:?}: {text}");
        }
        let mut seen = BTreeSet::new();
        for text in LISTS.iter().flat_map(|list| texts(&posting[*list])) {
            assert!(seen.insert(text.to_lowercase()), "{args:?}: twice: {text}");
        }
        let markdown = roles(args).markdown();
        for phrase in ["is often regarded", "visionary", "The CTO ", "The CIO "] {
            assert!(!markdown.contains(phrase), "{args:?}: {phrase}\n{markdown}");
        }
    }
}

#[test]
fn jd_merges_facts_several_articles_give_and_keeps_all_their_sources() {
    let posting = json(&["jd", "cto"]);
    let duties = items(&posting["responsibilities"]).iter();
    let widest = duties.map(|duty| items(&duty["sources"]).len()).max();
    assert!(widest >= Some(4), "{posting}");
}

#[test]
fn jd_leaves_placeholders_for_what_only_the_company_knows() {
    let placeholders = ["[Company]", "[Location]", "[Salary range]", "[Reports to]"];
    let markdown = markdown(&["jd", "cio"]);
    for placeholder in placeholders {
        assert!(markdown.contains(placeholder), "{placeholder}\n{markdown}");
    }
    assert_eq!(json(&["jd", "cio"])["placeholders"], json!(placeholders));
}

#[test]
fn jd_states_requirements_as_requirements_and_the_rest_as_nice_to_have() {
    let markdown = markdown(&["jd", "cto"]);
    let required = bullets(&markdown, "What you must bring");
    let ok = required.iter().any(|line| line.starts_with("A degree in"));
    assert!(ok, "{required:?}");
    // With the articles' strength: a degree "may be required", experience is
    // "often required" and the CTO's 15 years "desirable".
    for strength in ["may be required", "often required", "desirable"] {
        let ok = required.iter().any(|line| line.contains(strength));
        assert!(ok, "{strength} in {required:?}");
    }
    let extra = bullets(&markdown, "Nice to have");
    assert!(extra.contains(&"Industry certifications."), "{extra:?}");
}

#[test]
fn jd_is_full_time_by_default_whatever_the_case_of_the_role() {
    let upper = roles(&["jd", "CTO"]).succeeds().stdout;
    assert_eq!(upper, roles(&["jd", "cto"]).succeeds().stdout);
    let posting = json(&["jd", "cio"]);
    assert_eq!(posting["fractional"], false);
    assert_eq!(posting["brief"], false);
    assert_eq!(posting["title"], "Chief Information Officer (CIO)");
    let cio = roles(&["jd", "cio"]).succeeds();
    cio.stdout_has("Full-time").stdout_lacks("Fractional");
}

#[test]
fn fractional_jd_is_titled_fractional_and_framed_as_part_time() {
    let markdown = roles(&["jd", "cto", "--fractional"]).succeeds().stdout;
    let title = markdown.lines().next().unwrap_or_default();
    let ok = title.starts_with("# Fractional ") && title.contains("(CTO)");
    assert!(ok, "{title}");
    assert!(markdown.contains("part-time"), "{markdown}");
}

#[test]
fn fractional_jd_keeps_the_part_time_duties_and_claims_only_what_key_differences_says() {
    for role in ["cio", "cto"] {
        let (full, part) = (json(&["jd", role]), json(&["jd", role, "--fractional"]));
        let duties = |posting: &Value| posting["responsibilities"].as_array().map(Vec::len);
        let (part_time, all) = (duties(&part), duties(&full));
        assert!(part_time > Some(0) && part_time < all, "{role}");
        let engagement = string(&part["engagement_terms"]);
        // Terms for the candidate, not a pitch to the company.
        assert!(engagement.contains("your time"), "{role}: {engagement}");
        let claims = ["days a month", "permanent", "Smaller companies"];
        for claim in claims.into_iter().chain(["may not need"]) {
            assert!(!engagement.contains(claim), "{role}: {engagement}");
        }
        // The sources the fractional posting adds to the full-time one's are its engagement's.
        assert!(set(&part["sources"]).contains("key-differences"), "{role}");
        let (part, full) = (set(&part["sources"]), set(&full["sources"]));
        assert!(part.is_subset(&full), "{role}");
    }
    let part = roles(&["jd", "cio", "--fractional"]).succeeds();
    part.stdout_lacks("help desk")
        .stdout_lacks("run IT infrastructure");
}

#[test]
fn brief_jd_fits_one_screen_and_keeps_the_main_duties() {
    for role in ["cio", "cto"] {
        let brief = roles(&["jd", role, "--brief"]).succeeds().stdout;
        assert!(brief.lines().count() <= 25, "{role}\n{brief}");
        let full = markdown(&["jd", role]);
        let kept = bullets(&brief, "What you will do");
        let all = bullets(&full, "What you will do").len();
        assert!(kept.len() >= 3 && kept.len() < all, "{brief}");
        let required = bullets(&brief, "What you must bring");
        assert!(!required.is_empty(), "{brief}");
    }
}

#[test]
fn answers_from_advise_put_the_duties_meeting_the_chosen_needs_first() {
    for (role, need, says) in [
        ("cto", "intellectual-property", "intellectual property"),
        ("cto", "security-compliance", "security and compliance"),
        ("cio", "security-compliance", "secure and compliant"),
    ] {
        let posting = roles(&["jd", role, "--answers", "-"])
            .stdin(format!("needs: [{need}]\n"))
            .json();
        assert_eq!(posting["needs"], json!([need]));
        let first = &posting["responsibilities"][0];
        assert_eq!(first["meets"], json!([need]), "{need}: {first}");
        assert!(string(&first["text"]).contains(says), "{first}");
        let plain = json(&["jd", role]);
        assert_ne!(plain["responsibilities"][0], *first, "{need}");
    }
    let brief = roles(&["jd", "cto", "--brief", "--answers", "-"]);
    let brief = brief.stdin("needs: intellectual-property\n").markdown();
    let duties = bullets(&brief, "What you will do");
    assert!(duties[0].contains("intellectual property"), "{brief}");
    let telepathy = roles(&["jd", "cto", "--answers", "-"]).stdin("needs: [telepathy]\n");
    telepathy.fails_as_bad_input().stderr_has("telepathy");
}

#[test]
fn jd_json_has_the_documented_fields_and_cites_only_known_sources() {
    let posting = json(&["jd", "cto", "--fractional"]);
    assert_eq!(posting["schema_version"], 2);
    let role = json!({"id": "cto", "name": "Chief Technology Officer"});
    assert_eq!(posting["role"], role);
    assert_eq!(posting["fractional"], true);
    let text = |field: &str| string(&posting[field]);
    assert!(text("title").starts_with("Fractional"));
    assert!(!text("summary").is_empty() && !text("engagement_terms").is_empty());
    let mut cited = BTreeSet::new();
    for field in LISTS {
        let facts = items(&posting[field]);
        assert!(!facts.is_empty(), "`{field}` is empty");
        for fact in facts {
            let sources = set(&fact["sources"]);
            let cites = !string(&fact["text"]).is_empty() && !sources.is_empty();
            assert!(cites, "{field}: {fact}");
            cited.extend(sources);
        }
    }
    let sources = json(&["sources"]);
    let known: BTreeSet<&str> = ids(&sources["sources"]).into_iter().collect();
    let listed = set(&posting["sources"]);
    assert!(cited.is_subset(&listed), "{cited:?} ⊄ {listed:?}");
    assert!(listed.is_subset(&known), "{listed:?} ⊄ {known:?}");
}

#[test]
fn every_posting_matches_its_snapshot() {
    for role in ["cio", "cto"] {
        for flag in ["", "--fractional", "--brief"] {
            let args = ["jd", role, flag];
            let posting = roles(&args[..2 + usize::from(!flag.is_empty())]).succeeds();
            let name = format!("jd/{role}{}.md", flag.replace("--", "-"));
            assert_snapshot(&name, &posting.stdout);
        }
    }
}

#[test]
fn jd_works_for_a_third_role_with_empty_lists_for_sections_it_lacks() {
    let three = fixture("three-roles.yaml");
    let markdown = roles(&["jd", "ciso"]).kb(&three).succeeds().stdout;
    let title = "# Chief Information Security Officer (CISO)";
    assert_eq!(markdown.lines().next(), Some(title), "{markdown}");
    // The CISO has responsibilities and KPIs only, so only those sections appear.
    let only = [
        "About the role",
        "What you will do",
        "How success may be measured",
    ];
    assert_eq!(headings(&markdown), only);
    assert!(!bullets(&markdown, "What you will do").is_empty());
    let posting = roles(&["jd", "ciso", "--fractional"]).kb(&three).json();
    assert_eq!(posting["role"]["id"], "ciso");
    let title = "Fractional Chief Information Security Officer (CISO)";
    assert_eq!(posting["title"], title);
    for field in ["requirements", "nice_to_have", "background"] {
        assert_eq!(posting[field], json!([]), "{field}");
    }
}

#[test]
fn advise_points_to_a_jd_that_exists() {
    let advice = json(&["advise", "--no-input", "--answer", "aim=product"]);
    let mut steps = items(&advice["next_steps"]).iter().map(string);
    let step = steps
        .find(|s| s.starts_with("roles jd "))
        .expect("a jd step");
    let args: Vec<&str> = step.split_whitespace().skip(1).collect();
    roles(&args)
        .succeeds()
        .stdout_has("# Chief Technology Officer (CTO)");
}
