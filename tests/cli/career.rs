//! `roles career` without a terminal: the three people of the issue (a senior
//! engineer aiming at products, a mid-career IT operations lead, someone who
//! answered only their years), bad answers, the JSON contract and its schema,
//! answers files and `--save` replay. The track, gaps and years to go for every
//! hand-worked case are unit tests beside the assessment
//! (src/commands/career/assess.rs); these run the real binary.

use serde_json::{Value, json};

use crate::common::*;

/// `roles career --no-input` with `--answer` for each space-separated answer.
fn career(answers: &str) -> Roles {
    let mut run = roles(&["career", "--no-input"]);
    for answer in answers.split_whitespace() {
        run = run.arg("--answer").arg(answer);
    }
    run
}

fn career_json(answers: &str) -> Value {
    career(answers).format("json").succeeds().stdout_json()
}

const SENIOR_ENGINEER: &str = "background=software-engineering interest=product audience=external years=12 degree=bachelor certifications=no leadership=yes sales-marketing=no";

const IT_OPERATIONS_LEAD: &str = "background=it-operations interest=process audience=internal years=7 degree=bachelor leadership=yes";

/// The kinds of the gaps, with the years to go of an experience gap.
fn gaps(json: &Value) -> Vec<(String, Option<i64>)> {
    json["gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .map(|gap| {
            (
                gap["kind"].as_str().expect("kind").to_owned(),
                gap["years_to_go"].as_i64(),
            )
        })
        .collect()
}

#[test]
fn a_senior_engineer_aiming_at_products_is_on_the_cto_track_three_years_short() {
    let json = career_json(SENIOR_ENGINEER);
    assert_eq!(json["track"], "cto");
    // 15 years desirable − 12 = 3; a master's is preferred; no certifications;
    // no sales and marketing experience.
    assert_eq!(
        gaps(&json),
        [
            ("experience".to_owned(), Some(3)),
            ("degree".to_owned(), None),
            ("certifications".to_owned(), None),
            ("skills".to_owned(), None),
        ]
    );
    assert!(
        json["stepping_stones"][0]["steps"]
            .as_array()
            .is_some_and(|s| !s.is_empty())
    );
}

#[test]
fn a_mid_career_it_operations_lead_is_on_the_cio_track_with_years_to_go() {
    let json = career_json(IT_OPERATIONS_LEAD);
    assert_eq!(json["track"], "cio");
    let gaps = gaps(&json);
    assert!(
        gaps.contains(&("experience".to_owned(), Some(3))),
        "{gaps:?}"
    );
}

#[test]
fn only_years_answered_gives_no_track_but_says_where_the_years_stand() {
    let json = career_json("years=12");
    assert_eq!(json["track"], Value::Null);
    assert_eq!(json["confidence"], serde_json::Value::Null);
    // 12 ≥ the CIO's 10; 3 to go for the CTO's 15.
    assert_eq!(gaps(&json), [("experience".to_owned(), Some(3))]);
    career("years=12").succeeds().stdout_has("Track: none yet");
}

/// Answers that are refused, and what the message must say.
#[rustfmt::skip]
const BAD: &[(&str, &[&str])] = &[
    ("years=-3", &["years", "whole number"]),
    ("years=ten", &["years", "whole number"]),
    ("years=1.5", &["years", "whole number"]),
    ("years=", &["years", "whole number"]),
    ("background=marketing", &["it-operations", "software-engineering"]),
    ("", &["--answer"]),
];

#[test]
fn bad_or_missing_answers_are_refused_saying_what_is_valid() {
    for (answers, said) in BAD {
        let run = career(answers).fails_as_bad_input();
        said.iter().fold(run, |run, text| run.stderr_has(text));
    }
    roles(&["career"])
        .fails_as_bad_input()
        .stderr_has("--answer");
}

#[test]
fn the_json_has_the_documented_fields_and_validates_against_its_schema() {
    let json = career_json(SENIOR_ENGINEER);
    #[rustfmt::skip]
    let fields = [
        "schema_version", "track", "reasons", "gaps", "stepping_stones", "skills", "answers",
        "confidence",
    ];
    for field in fields {
        assert!(json.get(field).is_some(), "`{field}` missing\n{json:#}");
    }
    let schema = roles(&["schema", "career"]).succeeds().stdout_json();
    crate::formats::assert_valid(&schema, &json, "`roles career --format json`");
}

#[test]
fn an_answers_file_gives_the_same_plan_as_flags_and_save_replays_it() {
    let dir = temp_dir();
    let file = write_file(
        dir.path(),
        "me.yaml",
        "interest: product\naudience: external\nyears: 12\ncertifications: no\n",
    );
    let from_file = roles(&["career", "--answers"])
        .arg(&file)
        .format("json")
        .succeeds()
        .stdout_json();
    let from_flags = career_json("interest=product audience=external years=12 certifications=no");
    assert_eq!(from_file, from_flags);

    let saved = dir.path().join("saved.yaml");
    let first = career(SENIOR_ENGINEER)
        .arg("--save")
        .arg(&saved)
        .format("json")
        .succeeds()
        .stdout_json();
    let replay = roles(&["career", "--answers"])
        .arg(&saved)
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(replay, first);
    assert_eq!(first["answers"]["years"], json!(["12"]));
}

#[test]
fn every_format_works_and_markdown_is_a_development_plan() {
    for format in FORMATS {
        career(SENIOR_ENGINEER).format(format).succeeds();
    }
    let plan = career(SENIOR_ENGINEER).format("markdown").succeeds().stdout;
    assert!(plan.starts_with("# "), "{plan}");
    assert!(!plan.contains("--answer"), "no CLI jargon:\n{plan}");
}

#[test]
fn the_table_shows_at_most_five_changes() {
    let table = career("interest=product").succeeds().stdout;
    let section = table
        .split("What would change it")
        .nth(1)
        .unwrap_or_default();
    let section = section.split("\n\n").next().unwrap_or_default();
    assert!(section.matches("  • ").count() <= 5, "{table}");
}

#[test]
fn gaps_are_split_into_required_and_helpful_and_none_when_all_is_met() {
    let answers = "background=business interest=process years=3";
    let table = career(answers).succeeds().stdout;
    let (required, helpful) = table
        .split_once("  Would help:")
        .expect("a 'Would help' list");
    let required = required
        .split_once("  Required:")
        .expect("a 'Required' list")
        .1;
    assert!(required.contains("experience: 7 more years"), "{table}");
    assert!(!required.contains("background"), "{table}");
    assert!(helpful.contains("IT operations background"), "{table}");
    let json = career_json(answers);
    let required: Vec<bool> = json["gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .map(|gap| gap["required"].as_bool().expect("required"))
        .collect();
    assert_eq!(required, [true, false, false]);

    let met =
        "background=software-engineering interest=product audience=external years=16 degree=master";
    assert!(
        career(met)
            .succeeds()
            .stdout
            .contains("None in what you answered.")
    );
    assert_eq!(career_json(met)["gaps"], json!([]));
}
