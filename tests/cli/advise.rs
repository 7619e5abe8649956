//! `roles advise` without a terminal: the verdict for known answer sets (worked
//! out by hand from the rules in src/advise/score.rs and the weights in
//! data/questionnaire.yaml), the JSON contract, answers from flags, files and
//! stdin, `--save`, every way answers can be wrong, and the output formats.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::*;
use serde_json::{Value, json};

/// The question ids the README promises scripts, in questionnaire order.
const QUESTION_IDS: [&str; 8] = [
    "aim",
    "audience",
    "finance",
    "team",
    "needs",
    "size",
    "tech-company",
    "budget",
];

/// Runs `roles advise --no-input` with these `--answer` flags (and any extra
/// arguments), as JSON.
fn advise_json(answers: &[&str]) -> Value {
    advise_with(answers, &[])
        .format("json")
        .succeeds()
        .stdout_json()
}

/// `roles advise --no-input` with `--answer` for each of `answers`, then `extra`.
fn advise_with(answers: &[&str], extra: &[&str]) -> Roles {
    let mut run = roles(&["advise", "--no-input"]);
    for answer in answers {
        run = run.arg("--answer").arg(answer);
    }
    for arg in extra {
        run = run.arg(arg);
    }
    run
}

// --- The verdict and its JSON contract --------------------------------------------
//
// The verdicts for answer sets, the confidence properties and the flips are unit
// tests beside the scoring (src/commands/advise/score.rs); these check what a
// script reading the JSON relies on, through the real binary.

/// An answer set that touches every kind of point: roles, both and engagement.
const MIXED: &[&str] = &[
    "aim=both",
    "audience=external",
    "needs=data-governance,product-strategy",
    "size=startup",
    "tech-company=yes",
];

#[test]
fn json_has_schema_version_4_and_every_documented_field() {
    let json = advise_json(MIXED);
    assert_eq!(json["schema_version"], 4);
    for field in [
        "recommendation",
        "hires",
        "seats",
        "scores",
        "engagement_points",
        "reasons",
        "caveats",
        "flips",
        "answers",
        "unanswered",
        "deciding_questions",
        "sources",
        "next_steps",
    ] {
        assert!(
            json.get(field).is_some(),
            "`{field}` is missing from\n{json:#}"
        );
    }
    assert!(["cio", "cto", "both"].contains(&json["recommendation"].as_str().unwrap_or("")));
    assert!(json["hires"][0]["confidence"]["value"].is_f64(), "{json:#}");
    assert!(
        json["engagement_points"].get("full-time").is_some(),
        "one spelling, `full-time`, as in `engagement`"
    );
}

#[test]
fn each_hire_names_a_role_an_engagement_and_why() {
    let json = advise_json(&["aim=process", "size=large", "budget=one"]);
    assert_eq!(json["recommendation"], "both");
    assert_eq!(json["tie"], false);
    let hires = json["hires"].as_array().expect("hires");
    assert_eq!(hires.len(), 2);
    assert_eq!(hires[0]["role"], "cio");
    assert_eq!(hires[0]["engagement"], "full-time");
    assert_eq!(hires[1]["role"], "cto");
    assert_eq!(hires[1]["engagement"], "fractional");
    for hire in hires {
        assert!(hire["why"].as_str().is_some_and(|why| !why.is_empty()));
    }
    assert_eq!(json["seats"], 1);
    assert_eq!(json["caveats"][0]["sources"], json!(["tension"]));
}

#[test]
fn an_engagement_no_answer_bears_on_is_null_not_a_default() {
    let json = advise_json(&["aim=process"]);
    assert_eq!(json["recommendation"], "cio");
    assert_eq!(json["hires"][0]["engagement"], Value::Null);
    assert_eq!(json["hires"][0]["confidence"]["value"], 0.5);
    assert_eq!(json["hires"][0]["engagement_confidence"], Value::Null);
}

#[test]
fn answers_that_bear_on_no_role_give_a_null_recommendation_and_exit_0() {
    let run = advise_with(&["size=startup", "budget=part-time"], &[])
        .format("json")
        .succeeds();
    let json = run.stdout_json();
    assert_eq!(json["recommendation"], Value::Null);
    assert_eq!(json["hires"], json!([]));
    assert_eq!(json["engagement_points"]["fractional"], 5);
    assert_eq!(
        json["deciding_questions"],
        json!([
            "aim",
            "audience",
            "finance",
            "team",
            "needs",
            "tech-company"
        ])
    );
    advise_with(&["size=startup", "budget=part-time"], &[])
        .succeeds()
        .stdout_has("No recommendation yet")
        .stdout_has("These questions would decide it: aim, audience");
}

#[test]
fn no_answer_at_all_is_refused_naming_answer() {
    advise_with(&[], &[])
        .fails_as_bad_input()
        .stderr_has("--answer");
    let dir = temp_dir();
    let empty = write_file(dir.path(), "empty.yaml", "");
    roles(&["advise", "--no-input", "--answers"])
        .arg(&empty)
        .fails_as_bad_input()
        .stderr_has("--answer");
    roles(&["advise", "--no-input", "--answers", "-"])
        .stdin("# nothing answered\n")
        .fails_as_bad_input()
        .stderr_has("--answer");
}

#[test]
fn confidence_labels_follow_the_documented_thresholds_in_the_table() {
    // One answer: 0.5, medium. Three that agree: 0.88, high.
    advise_with(&["aim=product"], &[])
        .succeeds()
        .stdout_has("Confidence in the CTO: medium (0.50)");
    advise_with(
        &["aim=product", "audience=external", "team=engineering"],
        &[],
    )
    .succeeds()
    .stdout_has("Confidence in the CTO: high (0.88)");
}

#[test]
fn scores_have_one_integer_per_role() {
    let json = advise_json(MIXED);
    let scores = json["scores"].as_object().expect("scores object");
    assert_eq!(scores.keys().collect::<Vec<_>>(), ["cio", "cto"]);
    for (role, score) in scores {
        assert!(score.is_i64(), "{role}: {score} is not an integer");
    }
}

#[test]
fn scores_have_a_key_for_every_role_of_a_custom_knowledge_base() {
    let json = advise_with(&["aim=process"], &[])
        .kb(fixture("three-roles.yaml"))
        .format("json")
        .succeeds()
        .stdout_json();
    let scores = json["scores"].as_object().expect("scores object");
    let mut keys: Vec<&str> = scores.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["cio", "ciso", "cto"]);
}

#[test]
fn each_answer_gives_a_reason_with_its_points_basis_and_known_sources() {
    let sources = roles(&["sources"]).format("json").succeeds().stdout_json();
    let known: BTreeSet<&str> = ids(&sources["sources"]).into_iter().collect();
    let json = advise_json(MIXED);
    let reasons = json["reasons"].as_array().expect("reasons array");
    // One reason per chosen value: aim, audience, two needs, size, tech-company.
    let pairs: Vec<(&str, &str)> = reasons
        .iter()
        .map(|r| {
            (
                r["question"].as_str().expect("question"),
                r["value"].as_str().expect("value"),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("aim", "both"),
            ("audience", "external"),
            ("needs", "data-governance"),
            ("needs", "product-strategy"),
            ("size", "startup"),
            ("tech-company", "yes"),
        ]
    );
    let listed: BTreeSet<&str> = ids(&json["sources"]).into_iter().collect();
    for reason in reasons {
        let at = format!("{}={}", reason["question"], reason["value"]);
        assert!(
            reason["because"].as_str().is_some_and(|t| !t.is_empty()),
            "{at}: because"
        );
        assert!(
            ["article", "disputed", "judgement"].contains(&reason["basis"].as_str().unwrap_or("")),
            "{at}: basis"
        );
        let cited = reason["sources"].as_array().expect("sources array");
        assert!(!cited.is_empty(), "{at}: cites nothing");
        for source in cited {
            let id = source.as_str().expect("a source id");
            assert!(known.contains(id), "{at}: unknown source `{id}`");
            assert!(
                listed.contains(id),
                "{at}: `{id}` is not in the advice's sources"
            );
        }
    }
}

#[test]
fn a_reason_records_the_points_its_value_gave() {
    let json = advise_json(&["aim=both", "size=large", "tech-company=no"]);
    let reasons = json["reasons"].as_array().expect("reasons array");
    // aim=both and size=large count for both roles.
    assert_eq!(reasons[0]["favours"], json!(["both roles"]));
    assert_eq!(reasons[1]["favours"], json!(["both roles", "full-time"]));
    // tech-company=no gives nothing and favours nothing.
    assert_eq!(reasons[2]["points"], json!({}));
    assert_eq!(reasons[2]["favours"], json!([]));
}

#[test]
fn judgement_and_disputes_are_labelled_in_every_output() {
    let answers = ["size=mid", "needs=vendor-management", "aim=process"];
    advise_with(&answers, &[])
        .succeeds()
        .stdout_has("our judgement")
        .stdout_has("(the articles lean one");
    advise_with(&answers, &["--format", "markdown"])
        .succeeds()
        .stdout_has("our judgement")
        .stdout_has("(the articles lean one way but disagree)");
    let json = advise_json(&answers);
    let bases: BTreeSet<&str> = json["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .filter_map(|r| r["basis"].as_str())
        .collect();
    assert_eq!(bases, BTreeSet::from(["article", "disputed", "judgement"]));
}

#[test]
fn the_table_shows_at_most_five_flips_unless_asked_for_all() {
    let answers = ["aim=both", "size=large", "budget=one"];
    let json = advise_json(&answers);
    let total = json["flips"].as_array().expect("flips").len();
    assert!(total > 5, "the example needs more than five flips: {total}");
    let table = advise_with(&answers, &[]).succeeds().stdout;
    let section = table
        .split("What would change it")
        .nth(1)
        .expect("a flips section");
    let section = section.split("\n\n").next().unwrap_or_default();
    assert_eq!(section.matches("  • ").count(), 5, "{table}");
    assert!(
        section.contains(&format!("and {} more", total - 5)),
        "{table}"
    );
    let all = advise_with(&answers, &["--all-flips"]).succeeds().stdout;
    let section = all.split("What would change it").nth(1).expect("flips");
    let section = section.split("\n\n").next().unwrap_or_default();
    assert_eq!(section.matches("  • ").count(), total, "{all}");
}

#[test]
fn the_table_carries_no_raw_points_or_source_ids() {
    let table = advise_with(MIXED, &[]).succeeds().stdout;
    for jargon in [
        "cto +",
        "cio +",
        "both =",
        "[difference",
        "key-differences]",
    ] {
        assert!(!table.contains(jargon), "`{jargon}` in\n{table}");
    }
    assert!(table.contains("Sources\n  [1] "), "{table}");
}

#[test]
fn markdown_is_a_decision_record_with_a_date_and_article_titles() {
    let record = advise_with(&["size=large", "budget=one", "aim=process"], &[])
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .format("markdown")
        .succeeds()
        .stdout;
    assert!(record.starts_with("# Decision record"), "{record}");
    assert!(record.contains("Date: 2023-11-14"), "{record}");
    for heading in [
        "## Decision",
        "## What we answered",
        "## Why",
        "## Caveats",
        "## What would change the decision",
        "## Next steps",
        "## Sources",
    ] {
        assert!(record.contains(heading), "`{heading}` missing\n{record}");
    }
    assert!(
        record.contains("CIO vs CTO: Understanding the Key Differences"),
        "{record}"
    );
    for jargon in ["--answer", "roles jd", "`aim`"] {
        assert!(!record.contains(jargon), "`{jargon}` in\n{record}");
    }
}

#[test]
fn answers_echo_what_was_given() {
    let json = advise_json(&[
        "aim=product",
        "needs=tech-stack,innovation",
        "tech-company=no",
    ]);
    // Multiple-choice answers are a list, in questionnaire order.
    assert_eq!(
        json["answers"],
        json!({"aim": "product", "needs": ["innovation", "tech-stack"], "tech-company": "no"})
    );
}

#[test]
fn answers_are_normalised_to_lower_case() {
    let json = advise_json(&["AIM=Product", "Needs=TECH-STACK"]);
    assert_eq!(
        json["answers"],
        json!({"aim": "product", "needs": ["tech-stack"]})
    );
}

#[test]
fn unanswered_lists_the_other_questions_in_order() {
    let json = advise_json(&["audience=internal", "size=mid"]);
    assert_eq!(
        json["unanswered"],
        json!(["aim", "finance", "team", "needs", "tech-company", "budget"])
    );
}

#[test]
fn next_steps_point_to_the_job_description_of_the_recommended_role() {
    let json = advise_json(&["aim=process", "size=mid"]);
    assert_eq!(json["recommendation"], "cio");
    let steps: Vec<&str> = json["next_steps"]
        .as_array()
        .expect("next_steps")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(steps.contains(&"roles jd cio"), "{steps:?}");
    assert!(steps.contains(&"roles show cio"), "{steps:?}");
    assert!(!steps.iter().any(|s| s.contains("cto")), "{steps:?}");
}

#[test]
fn next_steps_ask_for_a_fractional_job_description_when_fractional() {
    let json = advise_json(&["aim=product", "size=startup"]);
    assert_eq!(json["hires"][0]["engagement"], "fractional");
    let steps: Vec<&str> = json["next_steps"]
        .as_array()
        .expect("next_steps")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(steps.contains(&"roles jd cto --fractional"), "{steps:?}");
    assert!(!steps.contains(&"roles jd cto"), "{steps:?}");
}

#[test]
fn next_steps_cover_both_roles_when_both_are_recommended() {
    let json = advise_json(&["size=large", "tech-company=yes"]);
    assert_eq!(json["recommendation"], "both");
    let steps: Vec<&str> = json["next_steps"]
        .as_array()
        .expect("next_steps")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(steps.contains(&"roles jd cio"), "{steps:?}");
    assert!(steps.contains(&"roles jd cto"), "{steps:?}");
}

// --- Answers from files and stdin -------------------------------------------------

/// The flags equal to tests/fixtures/advise/answers.{yaml,json}.
const FILE_ANSWERS_AS_FLAGS: &[&str] = &[
    "aim=product",
    "audience=external",
    "needs=product-strategy,tech-stack",
    "size=startup",
    "tech-company=yes",
];

fn advise_file_json(file: &Path) -> Value {
    roles(&["advise", "--answers"])
        .arg(file)
        .format("json")
        .succeeds()
        .stdout_json()
}

#[test]
fn a_yaml_answers_file_gives_the_same_result_as_flags() {
    assert_eq!(
        advise_file_json(&fixture("advise/answers.yaml")),
        advise_json(FILE_ANSWERS_AS_FLAGS)
    );
}

#[test]
fn a_json_answers_file_gives_the_same_result_as_flags() {
    assert_eq!(
        advise_file_json(&fixture("advise/answers.json")),
        advise_json(FILE_ANSWERS_AS_FLAGS)
    );
}

#[test]
fn answers_on_stdin_give_the_same_result_as_flags() {
    let yaml = std::fs::read_to_string(fixture("advise/answers.yaml")).expect("fixture");
    let from_stdin = roles(&["advise", "--answers", "-"])
        .stdin(yaml)
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(from_stdin, advise_json(FILE_ANSWERS_AS_FLAGS));
}

#[test]
fn json_answers_on_stdin_give_the_same_result_as_flags() {
    let text = std::fs::read_to_string(fixture("advise/answers.json")).expect("fixture");
    let from_stdin = roles(&["advise", "--answers", "-"])
        .stdin(text)
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(from_stdin, advise_json(FILE_ANSWERS_AS_FLAGS));
}

#[test]
fn an_answer_flag_overrides_the_same_question_in_the_file() {
    let json = roles(&["advise", "--answers"])
        .arg(fixture("advise/answers.yaml"))
        .arg("--answer")
        .arg("size=large")
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(json["answers"]["size"], "large");
    assert_eq!(json["answers"]["aim"], "product", "the rest is kept");
}

#[test]
fn an_answer_flag_for_needs_replaces_the_file_list() {
    let json = roles(&["advise", "--answers"])
        .arg(fixture("advise/answers.yaml"))
        .arg("--answer")
        .arg("needs=innovation")
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(json["answers"]["needs"], json!(["innovation"]));
}

#[test]
fn booleans_are_accepted_for_tech_company_in_a_file() {
    let dir = temp_dir();
    for (text, word) in [
        ("tech-company: true\n", "yes"),
        ("tech-company: false\n", "no"),
        ("{\"tech-company\": true}", "yes"),
        ("{\"tech-company\": false}", "no"),
    ] {
        let file = write_file(dir.path(), "answers.txt", text);
        let json = advise_file_json(&file);
        assert_eq!(json["answers"]["tech-company"], word, "{text}");
        assert_eq!(
            json,
            advise_json(&[&format!("tech-company={word}")]),
            "{text}"
        );
    }
}

#[test]
fn needs_as_a_list_in_a_file_equals_comma_separated_needs_on_the_flag() {
    let dir = temp_dir();
    let file = write_file(
        dir.path(),
        "answers.yaml",
        "needs:\n  - innovation\n  - data-governance\n  - tech-stack\n",
    );
    assert_eq!(
        advise_file_json(&file),
        advise_json(&["needs=innovation,data-governance,tech-stack"])
    );
}

#[test]
fn a_single_need_may_be_written_as_a_plain_value_in_a_file() {
    let dir = temp_dir();
    let file = write_file(dir.path(), "answers.yaml", "needs: innovation\n");
    assert_eq!(
        advise_file_json(&file)["answers"]["needs"],
        json!(["innovation"])
    );
}

#[test]
fn a_null_answer_in_a_file_is_no_preference() {
    let dir = temp_dir();
    let file = write_file(
        dir.path(),
        "answers.json",
        r#"{"aim": null, "size": "mid"}"#,
    );
    let json = advise_file_json(&file);
    assert_eq!(json["answers"], json!({"size": "mid"}));
    assert!(
        json["unanswered"]
            .as_array()
            .expect("unanswered")
            .contains(&json!("aim"))
    );
}

#[test]

fn an_empty_needs_list_in_a_file_is_no_preference() {
    let dir = temp_dir();
    let file = write_file(dir.path(), "answers.yaml", "aim: process\nneeds: []\n");
    let json = advise_file_json(&file);
    assert!(
        json["unanswered"]
            .as_array()
            .expect("unanswered")
            .contains(&json!("needs")),
        "{json:#}"
    );
    assert_eq!(json["answers"], json!({"aim": "process"}));
}

// --- --save -----------------------------------------------------------------------

#[test]
fn saved_answers_replay_to_the_same_result() {
    let dir = temp_dir();
    let saved = dir.path().join("answers.yaml");
    let first = advise_with(MIXED, &["--save"])
        .arg(&saved)
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(advise_file_json(&saved), first);
}

#[test]
fn the_saved_file_is_yaml_keyed_by_question_id() {
    let dir = temp_dir();
    let saved = dir.path().join("answers.yaml");
    advise_with(MIXED, &["--save"]).arg(&saved).succeeds();
    let text = std::fs::read_to_string(&saved).expect("the file was saved");
    let yaml: serde_json::Value = roles::kb::yaml::parse(&text).expect("the file is YAML");
    let keys: BTreeSet<&str> = yaml
        .as_object()
        .expect("a mapping")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        BTreeSet::from(["aim", "audience", "needs", "size", "tech-company"])
    );
    assert_eq!(
        yaml["needs"],
        roles::kb::yaml::parse::<serde_json::Value>("[data-governance, product-strategy]")
            .expect("yaml")
    );
    assert_eq!(
        dir_entries(dir.path()),
        ["answers.yaml"],
        "no temporary files"
    );
}

#[test]
fn save_refuses_to_overwrite_an_existing_file() {
    let dir = temp_dir();
    let saved = write_file(dir.path(), "answers.yaml", "aim: process\n# mine\n");
    advise_with(MIXED, &["--save"])
        .arg(&saved)
        .fails_as_bad_input()
        .stderr_has("already exists")
        .stderr_has("--force");
    assert_eq!(
        std::fs::read_to_string(&saved).expect("still there"),
        "aim: process\n# mine\n"
    );
    assert_eq!(
        dir_entries(dir.path()),
        ["answers.yaml"],
        "no temporary files"
    );
}

#[test]
fn save_with_force_replaces_an_existing_file() {
    let dir = temp_dir();
    let saved = write_file(dir.path(), "answers.yaml", "aim: process\n");
    let json = advise_with(&["aim=product", "size=startup"], &["--force", "--save"])
        .arg(&saved)
        .format("json")
        .succeeds()
        .stdout_json();
    let text = std::fs::read_to_string(&saved).expect("the file was saved");
    let yaml: serde_json::Value = roles::kb::yaml::parse(&text).expect("the file is YAML");
    assert_eq!(yaml["aim"], "product");
    assert_eq!(yaml["size"], "startup");
    assert_eq!(advise_file_json(&saved), json);
    assert_eq!(
        dir_entries(dir.path()),
        ["answers.yaml"],
        "no temporary files"
    );
}

#[test]
fn force_without_save_is_a_usage_error() {
    let run = roles(&["advise", "--no-input", "--force"]).run();
    assert_eq!(run.code, Some(2), "{run}");
    assert!(run.stdout.is_empty(), "{run}");
    assert!(run.stderr.contains("--save"), "{run}");
}

#[test]
fn bad_answers_save_nothing() {
    let dir = temp_dir();
    let saved = dir.path().join("answers.yaml");
    advise_with(&["aim=prod"], &["--save"])
        .arg(&saved)
        .fails_as_bad_input();
    assert!(
        dir_entries(dir.path()).is_empty(),
        "{:?}",
        dir_entries(dir.path())
    );
}

#[test]
fn save_into_a_missing_directory_is_refused() {
    let dir = temp_dir();
    let saved = dir.path().join("missing/answers.yaml");
    advise_with(&["aim=process"], &["--save"])
        .arg(&saved)
        .fails_as_bad_input()
        .stderr_has("cannot save answers");
    assert!(dir_entries(dir.path()).is_empty());
}

// --- Bad answers ------------------------------------------------------------------

#[test]
fn an_unknown_question_lists_the_ids_and_suggests_the_closest() {
    let run = advise_with(&["aimm=process"], &[])
        .fails_as_bad_input()
        .stderr_has("unknown question `aimm`")
        .stderr_has("did you mean `aim`?");
    for id in QUESTION_IDS {
        assert!(run.stderr.contains(&format!("`{id}`")), "{id}\n{run}");
    }
}

/// `--answer` flags that are refused (exit 2, nothing on stdout), and what
/// the message must say.
const BAD_FLAGS: &[(&[&str], &[&str])] = &[
    (
        &["aim=prod"],
        &[
            "`prod`",
            "`process`, `product`, `both`",
            "did you mean `product`?",
        ],
    ),
    (
        &["needs=innovation,tech-stak"],
        &["`tech-stak`", "did you mean `tech-stack`?"],
    ),
    (&["aim"], &["KEY=VALUE"]),
    (&["aim="], &["`aim`", "`process`, `product`, `both`"]),
    (
        &["needs=innovation,"],
        &["item 2 of the list for `needs` is empty"],
    ),
    (
        &["needs=innovation,,tech-stack"],
        &["item 2 of the list for `needs` is empty"],
    ),
    (&["aim=process,product"], &["`aim` takes one value"]),
    (
        &["aim=process", "AIM=product"],
        &["`aim` is answered twice"],
    ),
    (&["size=0x10"], &["`0x10` is not valid"]),
    (&["size=+5"], &["`+5` is not valid"]),
];

#[test]
fn bad_answer_flags_are_refused_saying_what_is_wrong() {
    for (answers, said) in BAD_FLAGS {
        let mut run = advise_with(answers, &[])
            .format("json")
            .fails_as_bad_input();
        for text in *said {
            run = run.stderr_has(text);
        }
    }
    roles(&["career", "--no-input", "-a", "years=12,13"])
        .fails_as_bad_input()
        .stderr_has("takes one value, not 2; question `years` takes a whole number");
}

/// Answers files that are refused, and what the message must say.
const BAD_FILES: &[(&str, &[&str])] = &[
    (
        "size: huge\n",
        &[
            "answers.yaml",
            "`huge`",
            "`startup`, `small`, `mid`, `large`",
        ],
    ),
    (
        "aim: process\naim: product\n",
        &["answers.yaml:2:", "duplicate key `aim`"],
    ),
    ("aim: [process, product]\n", &["`aim` takes one value"]),
    ("- aim\n- product\n", &["answers.yaml"]),
    ("size: 0x10\n", &["answers.yaml:1:7: `0x10` is not valid"]),
    ("size: 0b101\n", &["answers.yaml:1:7: `0b101` is not valid"]),
    ("size: +5\n", &["answers.yaml:1:7: `+5` is not valid"]),
    ("size: -0\n", &["answers.yaml:1:7: `-0` is not valid"]),
    ("size: 1_000\n", &["answers.yaml:1:7: `1_000` is not valid"]),
    ("size: 3e2\n", &["answers.yaml:1:7: `3e2` is not valid"]),
    ("size: !!int 12\n", &["answers.yaml:1:", "YAML tag"]),
    (
        "aim: !!binary cHJvZHVjdA==\n",
        &["answers.yaml:1:", "YAML tag"],
    ),
];

#[test]
fn bad_answers_files_are_refused_at_their_place() {
    let dir = temp_dir();
    for (text, said) in BAD_FILES {
        let file = write_file(dir.path(), "answers.yaml", text);
        let mut run = roles(&["advise", "--answers"])
            .arg(&file)
            .fails_as_bad_input();
        for expected in *said {
            run = run.stderr_has(expected);
        }
    }
}

#[test]
fn a_malformed_answers_file_is_located_by_file_line_and_column() {
    let run = roles(&["advise", "--answers"])
        .arg(fixture("advise/malformed.yaml"))
        .fails_as_bad_input();
    let after = run
        .stderr
        .split_once("malformed.yaml:")
        .unwrap_or_else(|| panic!("names the file\n{run}"))
        .1;
    let mut parts = after.splitn(3, ':');
    let line: u32 = parts
        .next()
        .and_then(|l| l.parse().ok())
        .unwrap_or_else(|| panic!("a line number\n{run}"));
    let column: u32 = parts
        .next()
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("a column number\n{run}"));
    // The unclosed `[` is on line 4; the parser notices it on line 4 or 5.
    assert!((4..=5).contains(&line), "line {line}\n{run}");
    assert!(column >= 1, "{run}");
}

#[test]
fn an_answers_file_with_an_unknown_question_names_the_file_and_suggests() {
    roles(&["advise", "--answers"])
        .arg(fixture("advise/unknown-key.yaml"))
        .fails_as_bad_input()
        .stderr_has("unknown-key.yaml")
        .stderr_has("unknown question `aimm`")
        .stderr_has("did you mean `aim`?");
}

#[test]
fn an_answers_file_that_is_a_directory_is_refused() {
    let dir = temp_dir();
    roles(&["advise", "--answers"])
        .arg(dir.path())
        .fails_as_bad_input()
        .stderr_has("is a directory");
}

#[test]
fn a_missing_answers_file_is_refused() {
    let dir = temp_dir();
    roles(&["advise", "--answers"])
        .arg(dir.path().join("nope.yaml"))
        .fails_as_bad_input()
        .stderr_has("nope.yaml")
        .stderr_has("no such file");
}

#[test]
fn malformed_answers_on_stdin_are_reported_as_stdin() {
    roles(&["advise", "--answers", "-"])
        .stdin("aim: [product\n")
        .fails_as_bad_input()
        .stderr_has("<stdin>");
}

#[test]
fn a_knowledge_base_without_a_questionnaire_is_refused() {
    roles(&["advise", "--no-input"])
        .kb(fixture("minimal.yaml"))
        .fails_as_bad_input()
        .stderr_has("no questionnaire");
}

// --- Without a terminal ---------------------------------------------------------

#[test]
fn without_a_terminal_or_answers_it_exits_2_naming_both_options() {
    let run = roles(&["advise"]).fails_as_bad_input();
    assert!(run.stderr.contains("`--answers"), "{run}");
    assert!(
        run.stderr.replace("--answers", "").contains("`--answer"),
        "names `--answer` too\n{run}"
    );
}

#[test]
fn without_a_terminal_no_input_with_nothing_answered_is_refused() {
    roles(&["advise", "--no-input"])
        .fails_as_bad_input()
        .stderr_has("--answer");
}
#[test]
fn a_tie_for_the_one_seat_is_said_and_left_open_never_settled_by_list_order() {
    let json = advise_json(&["aim=both", "audience=both", "size=400", "budget=one"]);
    assert_eq!(json["tie"], true);
    for hire in json["hires"].as_array().expect("hires") {
        assert_eq!(hire["engagement"], Value::Null, "{hire:#}");
        let close = hire["confidence"]["close_call"]
            .as_str()
            .unwrap_or_default();
        assert!(
            close.contains("a tie") && close.contains("would settle it"),
            "{close}"
        );
    }
    advise_with(
        &["aim=both", "audience=both", "size=400", "budget=one"],
        &[],
    )
    .succeeds()
    .stdout_has("A tie: some roles are needed equally");
}

#[test]
fn a_failed_run_never_creates_or_replaces_the_saved_file() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let keep = dir.path().join("keep.yaml");
    std::fs::write(&keep, "aim: product\nsize: mid\n").expect("written");
    let path = keep.display().to_string();
    for command in ["advise", "career"] {
        roles(&[command, "--no-input", "--save", &path, "--force"]).fails_as_bad_input();
        let kept = std::fs::read_to_string(&keep).expect("still there");
        assert_eq!(kept, "aim: product\nsize: mid\n", "{command}");
    }
    let fresh = dir.path().join("fresh.yaml");
    roles(&[
        "advise",
        "--no-input",
        "--save",
        &fresh.display().to_string(),
    ])
    .fails_as_bad_input();
    assert!(!fresh.exists(), "a failed run created {}", fresh.display());
    roles(&["advise", "--no-input", "--save", "-", "-a", "aim=product"])
        .fails_as_bad_input()
        .stderr_has("a file named `-`");
}

#[test]
fn a_head_count_is_saved_as_a_number_and_read_as_its_band() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let saved = dir.path().join("answers.yaml");
    let path = saved.display().to_string();
    let given = &["aim=product", "tech-company=yes", "size=5000", "budget=two"];
    let json = advise_with(given, &["--save", &path])
        .format("json")
        .succeeds()
        .stdout_json();
    let text = std::fs::read_to_string(&saved).expect("saved");
    assert!(text.contains("size: 5000\n"), "{text}");
    let hires: Vec<&str> = json["hires"]
        .as_array()
        .expect("hires")
        .iter()
        .filter_map(|h| h["role"].as_str())
        .collect();
    assert_eq!(hires, ["cto", "cio"]);
    let replayed = roles(&["advise", "--no-input", "--answers", &path])
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(replayed["hires"], json["hires"]);
    for flip in json["flips"].as_array().expect("flips") {
        assert!(
            !flip["change"]
                .as_str()
                .unwrap_or_default()
                .starts_with("size: 1,000 or more"),
            "{flip:#}"
        );
    }
}

#[test]
fn without_a_terminal_answers_alone_are_enough() {
    let json = roles(&["advise", "--answer", "aim=process"])
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(json["recommendation"], "cio");
}

// --- Formats ------------------------------------------------------------------------

#[test]
fn the_table_leads_with_the_verdict_and_the_plan_then_the_reasons() {
    let table = advise_with(&["aim=product", "size=startup"], &[])
        .columns(160)
        .succeeds()
        .stdout;
    let mut lines = table.lines();
    assert_eq!(
        lines.next(),
        Some("Recommendation: hire CTO (Chief Technology Officer)"),
        "{table}"
    );
    let plan = lines.next().unwrap_or_default();
    assert!(plan.starts_with("  1. CTO, fractional: "), "{table}");
    assert!(
        lines
            .next()
            .unwrap_or_default()
            .starts_with("     Confidence in the CTO: medium (0.50)"),
        "{table}"
    );
    assert!(table.contains("Why"), "{table}");
    assert!(
        table.contains("The products we sell → CTO: Using technology"),
        "{table}"
    );
    assert!(table.contains("What would change it"), "{table}");
    assert!(table.contains("roles jd cto --fractional"), "{table}");
}
#[test]
fn the_table_is_plain_text_when_piped() {
    let table = advise_with(&["aim=product"], &[]).succeeds().stdout;
    assert!(!table.contains('\x1b'), "{table}");
}

#[test]
fn yaml_is_the_same_data_as_json() {
    let json = advise_json(MIXED);
    let yaml = advise_with(MIXED, &[])
        .format("yaml")
        .succeeds()
        .stdout_yaml();
    assert_eq!(serde_json::to_value(yaml).expect("yaml as json"), json);
}

#[test]
fn a_flip_gives_from_and_to_as_lists_whatever_the_question() {
    let json = advise_json(MIXED);
    let flips = json["flips"].as_array().expect("flips");
    assert!(!flips.is_empty());
    for flip in flips {
        assert!(flip["from"].is_array(), "{flip:#}");
        assert!(flip["to"].is_array(), "{flip:#}");
    }
}
