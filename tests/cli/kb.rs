//! `roles kb dump` and `roles kb validate`, and loading a knowledge base from a
//! file with `--kb` or `ROLES_KB`: a dump loads back and every command then
//! answers exactly as it does with the embedded knowledge base.

use std::path::Path;

use crate::common::*;
use serde_json::Value;

/// Commands whose JSON output depends only on the knowledge base.
const QUERIES: &[&[&str]] = &[
    &["compare"],
    &["compare", "cto", "cio", "--only", "kpis,focus"],
    &["show", "cio"],
    &["show", "cto", "--section", "salary"],
    &["search", "data", "governance"],
    &["search", "innovation"],
    &["search", "IT", "--role", "cto"],
    &["topics"],
    &["topics", "tension"],
    &["disputes"],
    &["split"],
    &["sources"],
    &[
        "advise",
        "--no-input",
        "-a",
        "aim=product",
        "-a",
        "needs=innovation,data-governance",
    ],
    &[
        "advise",
        "--no-input",
        "-a",
        "size=large",
        "-a",
        "budget=part-time",
    ],
    &["jd", "cto"],
    &["jd", "cio", "--fractional"],
];

fn json(args: &[&str]) -> Value {
    roles(args).format("json").succeeds().stdout_json()
}

fn json_with_kb(args: &[&str], kb: &Path) -> Value {
    roles(args).kb(kb).format("json").succeeds().stdout_json()
}

/// Dumps the embedded knowledge base in `format`, loads it with `--kb`, and
/// checks every query answers as on the embedded one.
fn assert_dump_answers_like_the_embedded_knowledge_base(format: &str) {
    let dir = temp_dir();
    let file = dump_to(dir.path(), format);
    for args in QUERIES {
        assert_eq!(
            json_with_kb(args, &file),
            json(args),
            "roles {}",
            args.join(" ")
        );
    }
}

#[test]
fn a_yaml_dump_loaded_with_kb_answers_like_the_embedded_knowledge_base() {
    assert_dump_answers_like_the_embedded_knowledge_base("yaml");
}

#[test]
fn a_json_dump_loads_back_too() {
    assert_dump_answers_like_the_embedded_knowledge_base("json");
}

#[test]
fn roles_kb_environment_variable_loads_the_file() {
    let dir = temp_dir();
    let file = dump_to(dir.path(), "yaml");
    for args in QUERIES {
        let from_env = roles(args)
            .env("ROLES_KB", &file)
            .format("json")
            .succeeds()
            .stdout_json();
        assert_eq!(from_env, json(args), "roles {}", args.join(" "));
    }
}

#[test]
fn roles_kb_environment_variable_is_really_used() {
    let three = roles(&["compare"])
        .env("ROLES_KB", fixture("three-roles.yaml"))
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(ids(&three["roles"]), ["cio", "cto", "ciso"]);
}

#[test]
fn kb_flag_wins_over_the_environment_variable() {
    let dir = temp_dir();
    let file = dump_to(dir.path(), "yaml");
    let run = roles(&["compare"])
        .env("ROLES_KB", dir.path().join("missing.yaml"))
        .kb(&file)
        .format("json")
        .succeeds();
    assert_eq!(ids(&run.stdout_json()["roles"]), ["cio", "cto"]);
}

#[test]
fn dumping_a_loaded_dump_gives_the_same_dump() {
    let dir = temp_dir();
    let file = dump_to(dir.path(), "yaml");
    let again = roles(&["kb", "dump"]).kb(&file).succeeds().stdout;
    assert_eq!(again, std::fs::read_to_string(&file).expect("the dump"));
}

#[test]
fn dump_holds_the_questionnaire_as_well() {
    let dump = json(&["kb", "dump"]);
    let questions = dump["questionnaire"]["questions"]
        .as_array()
        .expect("questionnaire.questions");
    assert!(!questions.is_empty());
}

#[test]
fn dump_leaves_out_empty_optional_fields() {
    let dump = roles(&["kb", "dump"]).succeeds().stdout;
    let noisy: Vec<&str> = dump.lines().filter(|line| line.ends_with(": []")).collect();
    assert!(
        noisy.is_empty(),
        "{} empty fields, e.g. {:?}",
        noisy.len(),
        noisy.first()
    );
}

#[test]
fn validate_accepts_a_dump_and_says_ok() {
    let dir = temp_dir();
    dump_to(dir.path(), "yaml");
    roles(&["kb", "validate", "kb.yaml"])
        .current_dir(dir.path())
        .succeeds()
        .stdout_has("ok:")
        .stdout_has("`kb.yaml` is a valid knowledge base");
}

#[test]
fn validate_reports_in_json_what_the_file_holds() {
    let dir = temp_dir();
    let file = dump_to(dir.path(), "yaml");
    let report = roles(&["kb", "validate"])
        .arg(&file)
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(report["valid"], true);
    assert_eq!(report["file"], file.display().to_string());
    let compare = json(&["compare"]);
    let sources = json(&["sources"]);
    let count = |list: &Value| list.as_array().map(Vec::len);
    assert_eq!(
        report["roles"].as_u64().map(|n| n as usize),
        count(&compare["roles"])
    );
    assert_eq!(
        report["dimensions"].as_u64().map(|n| n as usize),
        count(&compare["dimensions"])
    );
    assert_eq!(
        report["sources"].as_u64().map(|n| n as usize),
        count(&sources["sources"])
    );
}

#[test]
fn validate_checks_the_named_file_not_roles_kb() {
    let dir = temp_dir();
    let file = dump_to(dir.path(), "yaml");
    roles(&["kb", "validate"])
        .arg(&file)
        .env("ROLES_KB", fixture("bad/syntax-error.yaml"))
        .succeeds();
}

#[test]
fn the_data_file_in_the_repository_is_valid() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/kb.yaml");
    roles(&["kb", "validate"])
        .arg(&file)
        .succeeds()
        .stdout_has("ok:");
}

#[test]
fn the_minimal_fixture_is_valid_and_usable() {
    roles(&["kb", "validate"])
        .arg(fixture("minimal.yaml"))
        .succeeds();
    let compare = json_with_kb(&["compare"], &fixture("minimal.yaml"));
    assert_eq!(ids(&compare["roles"]), ["alpha", "beta"]);
}
