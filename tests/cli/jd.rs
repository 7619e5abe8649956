//! `roles jd ROLE [--fractional] [--brief] [--answers FILE]`: the Markdown job
//! posting (second person, no duplicates, placeholders), its JSON shape, the
//! fractional and brief variants, needs from `advise` first, snapshots of each,
//! unknown roles and a role from a custom knowledge base.

use std::collections::BTreeSet;

use crate::common::*;
use serde_json::Value;

/// The `## ` headings of a Markdown document, in order.
fn headings(markdown: &str) -> Vec<&str> {
    markdown
        .lines()
        .filter_map(|line| line.strip_prefix("## "))
        .collect()
}

/// The bullet lines under the `## heading` section.
fn bullets<'a>(markdown: &'a str, heading: &str) -> Vec<&'a str> {
    markdown
        .lines()
        .skip_while(|line| *line != format!("## {heading}"))
        .skip(1)
        .take_while(|line| !line.starts_with("## ") && !line.starts_with("---"))
        .filter_map(|line| line.strip_prefix("- "))
        .collect()
}

/// The lists of a posting's JSON.
const LISTS: [&str; 5] = [
    "responsibilities",
    "success_measures",
    "requirements",
    "nice_to_have",
    "background",
];

/// Every line of the posting's JSON lists.
fn items(json: &Value) -> Vec<&Value> {
    LISTS
        .iter()
        .flat_map(|list| json[*list].as_array().expect("a list"))
        .collect()
}

#[test]
fn jd_has_every_section_of_a_job_posting_in_order() {
    let markdown = roles(&["jd", "cto"]).format("markdown").succeeds().stdout;
    let expected = [
        "About the role",
        "What you will do",
        "How success may be measured",
        "What you must bring",
        "Nice to have",
        "Where you may come from",
    ];
    assert_eq!(headings(&markdown), expected);
    for heading in &expected[1..] {
        assert!(
            !bullets(&markdown, heading).is_empty(),
            "`{heading}` has no items\n{markdown}"
        );
    }
}

#[test]
fn jd_duties_and_opening_speak_to_the_candidate() {
    for role in ["cio", "cto"] {
        let json = roles(&["jd", role]).format("json").succeeds().stdout_json();
        let summary = json["summary"].as_str().expect("summary");
        assert!(summary.starts_with("You will "), "{summary}");
        for duty in json["responsibilities"].as_array().expect("duties") {
            let text = duty["text"].as_str().expect("text");
            assert!(
                text.starts_with("You will ") || text.starts_with("You may "),
                "{role}: {text}"
            );
        }
    }
}

#[test]
fn jd_has_no_third_person_lines_about_the_role() {
    for args in [
        &["jd", "cto"][..],
        &["jd", "cio"],
        &["jd", "cto", "--fractional"],
    ] {
        let markdown = roles(args).format("markdown").succeeds().stdout;
        for phrase in ["is often regarded", "visionary", "The CTO ", "The CIO "] {
            assert!(!markdown.contains(phrase), "{args:?}: {phrase}\n{markdown}");
        }
    }
}

#[test]
fn jd_states_no_line_twice() {
    for role in ["cio", "cto"] {
        let json = roles(&["jd", role]).format("json").succeeds().stdout_json();
        let mut seen = BTreeSet::new();
        for item in items(&json) {
            let text = item["text"].as_str().expect("text").to_lowercase();
            assert!(seen.insert(text.clone()), "{role}: twice: {text}");
        }
    }
}

#[test]
fn jd_merges_facts_several_articles_give_and_keeps_all_their_sources() {
    let json = roles(&["jd", "cto"])
        .format("json")
        .succeeds()
        .stdout_json();
    let widest = json["responsibilities"]
        .as_array()
        .expect("duties")
        .iter()
        .map(|duty| duty["sources"].as_array().expect("sources").len())
        .max();
    assert!(widest >= Some(4), "{json}");
}

#[test]
fn jd_leaves_placeholders_for_what_only_the_company_knows() {
    let markdown = roles(&["jd", "cio"]).format("markdown").succeeds().stdout;
    for placeholder in ["[Company]", "[Location]", "[Salary range]", "[Reports to]"] {
        assert!(markdown.contains(placeholder), "{placeholder}\n{markdown}");
    }
    let json = roles(&["jd", "cio"])
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(
        json["placeholders"],
        serde_json::json!(["[Company]", "[Location]", "[Salary range]", "[Reports to]"])
    );
}

#[test]
fn jd_states_requirements_as_requirements_and_the_rest_as_nice_to_have() {
    let markdown = roles(&["jd", "cto"]).format("markdown").succeeds().stdout;
    let required = bullets(&markdown, "What you must bring");
    assert!(
        required.iter().any(|line| line.starts_with("A degree in")),
        "{required:?}"
    );
    // With the articles' strength: a degree "may be required", experience is
    // "often required" and the CTO's 15 years "desirable".
    for strength in ["may be required", "often required", "desirable"] {
        assert!(
            required.iter().any(|line| line.contains(strength)),
            "{strength} in {required:?}"
        );
    }
    let extra = bullets(&markdown, "Nice to have");
    assert!(extra.contains(&"Industry certifications."), "{extra:?}");
}

#[test]
fn jd_is_the_same_whatever_the_case_of_the_role() {
    assert_eq!(
        roles(&["jd", "CTO"]).succeeds().stdout,
        roles(&["jd", "cto"]).succeeds().stdout
    );
}

#[test]
fn jd_is_full_time_by_default() {
    let json = roles(&["jd", "cio"])
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(json["fractional"], false);
    assert_eq!(json["brief"], false);
    assert_eq!(json["title"], "Chief Information Officer (CIO)");
    let markdown = roles(&["jd", "cio"]).succeeds().stdout;
    assert!(markdown.contains("Full-time"), "{markdown}");
    assert!(!markdown.contains("Fractional"), "{markdown}");
}

#[test]
fn fractional_jd_is_titled_fractional_and_framed_as_part_time() {
    let markdown = roles(&["jd", "cto", "--fractional"]).succeeds().stdout;
    let title = markdown.lines().next().unwrap_or_default();
    assert!(
        title.starts_with("# Fractional "),
        "title: {title}\n{markdown}"
    );
    assert!(title.contains("(CTO)"), "{title}");
    assert!(markdown.contains("part-time"), "{markdown}");
}

#[test]
fn fractional_jd_keeps_only_the_duties_that_fit_a_part_time_engagement() {
    for role in ["cio", "cto"] {
        let full = roles(&["jd", role]).format("json").succeeds().stdout_json();
        let part = roles(&["jd", role, "--fractional"])
            .format("json")
            .succeeds()
            .stdout_json();
        let duties = |json: &Value| json["responsibilities"].as_array().expect("duties").len();
        assert!(duties(&part) > 0 && duties(&part) < duties(&full), "{role}");
    }
    let part = roles(&["jd", "cio", "--fractional"]).succeeds().stdout;
    assert!(!part.contains("help desk"), "{part}");
    assert!(!part.contains("run IT infrastructure"), "{part}");
}

#[test]
fn fractional_engagement_claims_only_what_key_differences_says() {
    for role in ["cio", "cto"] {
        let full = roles(&["jd", role]).format("json").succeeds().stdout_json();
        let part = roles(&["jd", role, "--fractional"])
            .format("json")
            .succeeds()
            .stdout_json();
        let engagement = part["engagement_terms"].as_str().expect("engagement_terms");
        // Terms for the candidate, not a pitch to the company.
        assert!(engagement.contains("your time"), "{role}: {engagement}");
        for claim in [
            "days a month",
            "permanent",
            "Smaller companies",
            "may not need",
        ] {
            assert!(!engagement.contains(claim), "{role}: {engagement}");
        }
        // The sources the fractional posting adds to the full-time one's items are its engagement's.
        let listed = |json: &Value| -> BTreeSet<String> {
            json["sources"]
                .as_array()
                .expect("sources")
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        };
        assert!(listed(&part).contains("key-differences"), "{role}");
        assert!(listed(&part).is_subset(&listed(&full)), "{role}");
    }
}

#[test]
fn brief_jd_fits_one_screen_and_keeps_the_main_duties() {
    for role in ["cio", "cto"] {
        let brief = roles(&["jd", role, "--brief"])
            .columns(80)
            .succeeds()
            .stdout;
        let lines = brief.lines().count();
        assert!(lines <= 25, "{role}: {lines} lines\n{brief}");
        let full = roles(&["jd", role]).format("markdown").succeeds().stdout;
        let kept = bullets(&brief, "What you will do");
        assert!(kept.len() >= 3, "{brief}");
        assert!(kept.len() < bullets(&full, "What you will do").len());
        assert!(
            !bullets(&brief, "What you must bring").is_empty(),
            "{brief}"
        );
    }
}

#[test]
fn answers_from_advise_put_the_duties_meeting_the_chosen_needs_first() {
    for (role, need, says) in [
        ("cto", "intellectual-property", "intellectual property"),
        ("cto", "security-compliance", "security and compliance"),
        ("cio", "security-compliance", "secure and compliant"),
    ] {
        let json = roles(&["jd", role, "--answers", "-"])
            .stdin(format!("needs: [{need}]\n"))
            .format("json")
            .succeeds()
            .stdout_json();
        assert_eq!(json["needs"], serde_json::json!([need]));
        let first = &json["responsibilities"][0];
        assert!(
            first["meets"] == serde_json::json!([need]),
            "{need}: {first}"
        );
        assert!(
            first["text"].as_str().is_some_and(|t| t.contains(says)),
            "{first}"
        );
        let plain = roles(&["jd", role]).format("json").succeeds().stdout_json();
        assert_ne!(plain["responsibilities"][0], *first, "{role} {need}");
    }
}

#[test]
fn answers_in_a_brief_jd_bring_the_matching_duty_into_the_screen() {
    let brief = roles(&["jd", "cto", "--brief", "--answers", "-"])
        .stdin("needs: intellectual-property\n")
        .format("markdown")
        .succeeds()
        .stdout;
    let duties = bullets(&brief, "What you will do");
    assert!(duties[0].contains("intellectual property"), "{brief}");
}

#[test]
fn jd_answers_file_with_an_unknown_value_is_refused() {
    roles(&["jd", "cto", "--answers", "-"])
        .stdin("needs: [telepathy]\n")
        .fails_as_bad_input()
        .stderr_has("telepathy");
}

#[test]
fn jd_json_has_the_documented_fields() {
    let json = roles(&["jd", "cto", "--fractional"])
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(json["schema_version"], 2);
    assert_eq!(json["role"]["id"], "cto");
    assert_eq!(json["role"]["name"], "Chief Technology Officer");
    assert_eq!(json["fractional"], true);
    assert!(
        json["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Fractional"))
    );
    for field in ["summary", "engagement_terms"] {
        assert!(
            json[field].as_str().is_some_and(|t| !t.is_empty()),
            "`{field}`"
        );
    }
    for field in LISTS {
        let facts = json[field].as_array().expect("an array");
        assert!(!facts.is_empty(), "`{field}` is empty");
        for fact in facts {
            assert!(
                fact["text"].as_str().is_some_and(|t| !t.is_empty()),
                "{field}: {fact}"
            );
            assert!(
                !fact["sources"].as_array().expect("sources").is_empty(),
                "{field}: {fact}"
            );
        }
    }
}

#[test]
fn jd_sources_are_every_source_its_facts_cite_and_all_exist() {
    let sources = roles(&["sources"]).format("json").succeeds().stdout_json();
    let known: BTreeSet<&str> = ids(&sources["sources"]).into_iter().collect();
    let json = roles(&["jd", "cio", "--fractional"])
        .format("json")
        .succeeds()
        .stdout_json();
    let listed: BTreeSet<&str> = json["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let mut cited = BTreeSet::new();
    for fact in items(&json) {
        for source in fact["sources"].as_array().expect("sources") {
            cited.insert(source.as_str().expect("a source id"));
        }
    }
    assert!(cited.is_subset(&listed), "{cited:?} ⊄ {listed:?}");
    assert!(listed.is_subset(&known), "{listed:?} ⊄ {known:?}");
}

/// Compares `actual` with `tests/snapshots/jd/NAME`, or rewrites it under `UPDATE_SNAPSHOTS=1`.
#[track_caller]
fn assert_snapshot(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/jd")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("the directory");
        std::fs::write(&path, actual).expect("the snapshot can be written");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e} (run with UPDATE_SNAPSHOTS=1)",
            path.display()
        )
    });
    assert!(
        actual == expected,
        "output differs from {}\n--- expected ---\n{expected}\n--- actual ---\n{actual}",
        path.display()
    );
}

#[test]
fn every_posting_matches_its_snapshot() {
    for role in ["cio", "cto"] {
        for (variant, flags) in [
            ("", &[][..]),
            ("-fractional", &["--fractional"][..]),
            ("-brief", &["--brief"][..]),
        ] {
            let mut args = vec!["jd", role];
            args.extend(flags);
            let posting = roles(&args).columns(80).succeeds().stdout;
            assert_snapshot(&format!("{role}{variant}.md"), &posting);
        }
    }
}

#[test]
fn jd_markdown_lists_the_json_responsibilities() {
    let json = roles(&["jd", "cto"])
        .format("json")
        .succeeds()
        .stdout_json();
    let markdown = roles(&["jd", "cto"]).format("markdown").succeeds().stdout;
    let texts: Vec<&str> = json["responsibilities"]
        .as_array()
        .expect("responsibilities")
        .iter()
        .filter_map(|f| f["text"].as_str())
        .collect();
    assert_eq!(bullets(&markdown, "What you will do"), texts);
}

#[test]
fn jd_of_an_unknown_role_is_refused_with_a_suggestion() {
    roles(&["jd", "ctoo"])
        .fails_as_bad_input()
        .stderr_has("unknown role `ctoo`")
        .stderr_has("`cio`, `cto`")
        .stderr_has("did you mean `cto`?");
}

#[test]
fn jd_needs_a_role() {
    let run = roles(&["jd"]).run();
    assert_eq!(run.code, Some(2), "{run}");
    assert!(run.stdout.is_empty(), "{run}");
}

#[test]
fn jd_works_for_a_third_role_in_a_custom_knowledge_base() {
    let markdown = roles(&["jd", "ciso"])
        .kb(fixture("three-roles.yaml"))
        .succeeds()
        .stdout;
    assert_eq!(
        markdown.lines().next(),
        Some("# Chief Information Security Officer (CISO)"),
        "{markdown}"
    );
    // The CISO has responsibilities and KPIs only, so only those sections appear.
    assert_eq!(
        headings(&markdown),
        [
            "About the role",
            "What you will do",
            "How success may be measured"
        ]
    );
    assert!(!bullets(&markdown, "What you will do").is_empty());
}

#[test]
fn jd_of_a_third_role_has_empty_lists_for_sections_it_lacks() {
    let json = roles(&["jd", "ciso", "--fractional"])
        .kb(fixture("three-roles.yaml"))
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(json["role"]["id"], "ciso");
    assert_eq!(
        json["title"],
        "Fractional Chief Information Security Officer (CISO)"
    );
    for field in ["requirements", "nice_to_have", "background"] {
        assert_eq!(json[field], serde_json::json!([]), "{field}");
    }
}

#[test]
fn advise_points_to_a_jd_that_exists() {
    let advice = roles(&["advise", "--no-input", "--answer", "aim=product"])
        .format("json")
        .succeeds()
        .stdout_json();
    let step = advice["next_steps"]
        .as_array()
        .expect("next_steps")
        .iter()
        .filter_map(Value::as_str)
        .find(|s| s.starts_with("roles jd "))
        .expect("a jd step")
        .to_owned();
    let args: Vec<&str> = step.split_whitespace().skip(1).collect();
    roles(&args)
        .succeeds()
        .stdout_has("# Chief Technology Officer (CTO)");
}
