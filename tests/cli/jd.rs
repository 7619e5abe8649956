//! `roles jd ROLE [--fractional]`: the Markdown job-description draft, its JSON
//! shape, the fractional variant, unknown roles and a role from a custom
//! knowledge base.

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

#[test]
fn jd_is_markdown_titled_with_the_role_name_and_id() {
    let markdown = roles(&["jd", "cto"]).format("markdown").succeeds().stdout;
    assert_eq!(
        markdown.lines().next(),
        Some("# Chief Technology Officer (CTO)"),
        "{markdown}"
    );
}

#[test]
fn jd_has_every_section_of_a_job_description_in_order() {
    let markdown = roles(&["jd", "cto"]).format("markdown").succeeds().stdout;
    assert_eq!(
        headings(&markdown),
        [
            "About the role",
            "What you will do",
            "How success is measured",
            "Qualifications",
            "Experience",
            "Typical background",
        ]
    );
    for heading in [
        "What you will do",
        "How success is measured",
        "Qualifications",
        "Experience",
        "Typical background",
    ] {
        assert!(
            !bullets(&markdown, heading).is_empty(),
            "`{heading}` has no items\n{markdown}"
        );
    }
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
    assert_eq!(json["title"], "Chief Information Officer (CIO)");
    assert!(
        json["fractional_benefits"]
            .as_array()
            .expect("array")
            .is_empty()
    );
    let markdown = roles(&["jd", "cio"]).succeeds().stdout;
    assert!(markdown.contains("full-time"), "{markdown}");
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
    assert!(
        !bullets(&markdown, "What a fractional engagement gives you").is_empty(),
        "no fractional benefits\n{markdown}"
    );
}

#[test]
fn fractional_jd_keeps_the_sections_of_the_full_time_one() {
    let full = roles(&["jd", "cio"]).succeeds().stdout;
    let fractional = roles(&["jd", "cio", "--fractional"]).succeeds().stdout;
    let mut expected = headings(&full);
    expected.push("What a fractional engagement gives you");
    assert_eq!(headings(&fractional), expected);
}

#[test]
fn jd_json_has_the_documented_fields() {
    let json = roles(&["jd", "cto", "--fractional"])
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["role"]["id"], "cto");
    assert_eq!(json["role"]["name"], "Chief Technology Officer");
    assert_eq!(json["fractional"], true);
    assert!(
        json["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Fractional"))
    );
    for field in ["summary", "engagement"] {
        assert!(
            json[field].as_str().is_some_and(|t| !t.is_empty()),
            "`{field}`"
        );
    }
    for field in [
        "responsibilities",
        "success_measures",
        "qualifications",
        "experience",
        "background",
        "fractional_benefits",
    ] {
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
    for field in [
        "responsibilities",
        "success_measures",
        "qualifications",
        "experience",
        "background",
        "fractional_benefits",
    ] {
        for fact in json[field].as_array().expect("an array") {
            for source in fact["sources"].as_array().expect("sources") {
                cited.insert(source.as_str().expect("a source id"));
            }
        }
    }
    assert!(cited.is_subset(&listed), "{cited:?} ⊄ {listed:?}");
    assert!(listed.is_subset(&known), "{listed:?} ⊄ {known:?}");
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
            "How success is measured"
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
    for field in [
        "qualifications",
        "experience",
        "background",
        "fractional_benefits",
    ] {
        assert_eq!(json[field], serde_json::json!([]), "{field}");
    }
}

#[test]
fn jd_yaml_is_the_same_data_as_json() {
    let json = roles(&["jd", "cio"])
        .format("json")
        .succeeds()
        .stdout_json();
    let yaml = roles(&["jd", "cio"])
        .format("yaml")
        .succeeds()
        .stdout_yaml();
    assert_eq!(serde_json::to_value(yaml).expect("yaml as json"), json);
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
