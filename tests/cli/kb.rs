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

// --- `kb validate` for scripts ---------------------------------------------------

#[test]
fn validate_json_reports_an_invalid_file_on_stdout_and_exits_2() {
    let run = roles(&["kb", "validate"])
        .arg(fixture("bad/three-problems.yaml"))
        .format("json")
        .run();
    assert_eq!(run.code, Some(2), "{run}");
    assert!(run.stderr.is_empty(), "the report is on stdout only\n{run}");
    let report = run.stdout_json();
    assert_eq!(report["valid"], false);
    assert_eq!(report["count"], 3);
    let problems = report["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 3);
    for problem in problems {
        assert!(
            problem["file"]
                .as_str()
                .is_some_and(|file| file.ends_with("three-problems.yaml"))
        );
        assert!(problem["line"].as_u64().is_some(), "{problem}");
        assert!(problem["column"].as_u64().is_some(), "{problem}");
        assert!(problem["path"].is_string(), "{problem}");
        assert!(problem["message"].is_string(), "{problem}");
    }
    assert!(
        report.get("roles").is_none(),
        "no counts for an invalid file"
    );
}

#[test]
fn validate_yaml_reports_an_invalid_file_on_stdout_too() {
    let run = roles(&["kb", "validate"])
        .arg(fixture("bad/syntax-error.yaml"))
        .format("yaml")
        .run();
    assert_eq!(run.code, Some(2), "{run}");
    let report = run.stdout_yaml();
    assert_eq!(report["valid"], false);
    assert_eq!(report["count"], 1);
}

#[test]
fn validate_json_gives_null_line_and_path_where_the_place_is_unknown() {
    let run = roles(&["kb", "validate", "no-such-file.yaml"])
        .format("json")
        .run();
    assert_eq!(run.code, Some(2), "{run}");
    let report = run.stdout_json();
    let problem = &report["problems"][0];
    assert_eq!(problem["line"], Value::Null);
    assert_eq!(problem["column"], Value::Null);
    assert_eq!(problem["path"], Value::Null);
    assert_eq!(problem["file"], "no-such-file.yaml");
}

#[test]
fn validate_json_lists_every_problem_past_the_fifty_of_the_stderr_report() {
    let dir = temp_dir();
    let mut text = std::fs::read_to_string(fixture("minimal.yaml")).expect("fixture");
    // The fixture ends with its topics; more follow, each citing no known source.
    for i in 0..60 {
        text.push_str(&format!(
            "  - id: t{i}\n    title: Topic {i}\n    facts:\n      - {{text: A fact., sources: [nowhere]}}\n"
        ));
    }
    let file = write_file(dir.path(), "many.yaml", text);
    let run = roles(&["kb", "validate"]).arg(&file).format("json").run();
    assert_eq!(run.code, Some(2), "{run}");
    let report = run.stdout_json();
    let count = report["count"].as_u64().expect("count");
    assert!(count >= 60, "{count}");
    assert_eq!(
        report["problems"].as_array().map(Vec::len),
        Some(count as usize)
    );
}

#[test]
fn validate_table_keeps_the_report_on_stderr_for_an_invalid_file() {
    roles(&["kb", "validate"])
        .arg(fixture("bad/three-problems.yaml"))
        .fails_as_bad_input()
        .stderr_has("3 problems in");
}

#[test]
fn validate_dash_reads_the_knowledge_base_from_stdin() {
    let dump = roles(&["kb", "dump"]).succeeds().stdout;
    let report = roles(&["kb", "validate", "-"])
        .stdin(dump)
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(report["valid"], true);
    assert_eq!(report["file"], "<stdin>");
    assert_eq!(report["count"], 0);
    assert_eq!(report["roles"], 2);
}

#[test]
fn validate_dash_reports_problems_in_what_stdin_holds() {
    let bad = std::fs::read(fixture("bad/three-problems.yaml")).expect("fixture");
    roles(&["kb", "validate", "-"])
        .stdin(bad)
        .fails_as_bad_input()
        .stderr_has("3 problems in `<stdin>`");
}

#[test]
fn validate_dash_with_nothing_on_stdin_says_what_to_do() {
    roles(&["kb", "validate", "-"])
        .fails_as_bad_input()
        .stderr_has("<stdin>: nothing on stdin");
}

#[test]
fn validate_dash_refuses_more_than_the_size_cap() {
    let huge = vec![b'#'; 8 * 1024 * 1024 + 10];
    roles(&["kb", "validate", "-"])
        .stdin(huge)
        .fails_as_bad_input()
        .stderr_has("is too large");
}

#[test]
fn a_salary_amount_that_is_not_the_figure_printed_is_refused() {
    let dir = temp_dir();
    let dump = roles(&["kb", "dump"]).succeeds().stdout;
    assert!(dump.contains("amount: 22.33"), "the dump holds the amount");
    let file = write_file(
        dir.path(),
        "kb.yaml",
        dump.replace("amount: 22.33", "amount: 22.5"),
    );
    roles(&["kb", "validate"])
        .arg(&file)
        .fails_as_bad_input()
        .stderr_has("`amount` is 22.5 but `figure` prints 22.33");
}
