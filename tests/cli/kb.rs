//! `roles kb dump` and `roles kb validate`, and loading a knowledge base from a
//! file with `--kb` or `ROLES_KB`: a dump loads back and every command then
//! answers exactly as it does with the embedded knowledge base.

use std::path::Path;

use crate::common::*;
use serde_json::Value;

/// A YAML dump loaded with `--kb` and a JSON dump loaded with `ROLES_KB` answer
/// queries of every command as the embedded knowledge base does.
#[test]
fn a_dump_loaded_with_kb_or_roles_kb_answers_like_the_embedded_knowledge_base() {
    let dir = temp_dir();
    let (yaml, json_file) = (dump_to(dir.path(), "yaml"), dump_to(dir.path(), "json"));
    // Every command but `kb` (whose own tests are below), each query once, by
    // turns through each way.
    let runs = crate::formats::RUNS.iter();
    let runs = runs.filter(|run| !run.0.starts_with("kb"));
    for (n, (_, _, query)) in runs.enumerate() {
        let args: Vec<&str> = query.split_whitespace().collect();
        let loaded = match n % 2 {
            0 => roles(&args).kb(&yaml),
            _ => roles(&args).env("ROLES_KB", &json_file),
        };
        let (loaded, embedded) = (loaded.json(), json(&args));
        assert_eq!(loaded, embedded, "{query}, by way {n} % 2");
    }
}

#[test]
fn roles_kb_is_really_used_and_the_kb_flag_wins_over_it() {
    let three = roles(&["compare"])
        .env("ROLES_KB", fixture("three-roles.yaml"))
        .json();
    assert_eq!(ids(&three["roles"]), ["cio", "cto", "ciso"]);
    let dir = temp_dir();
    let run = roles(&["compare"]).env("ROLES_KB", dir.path().join("missing.yaml"));
    let minimal = run.kb(fixture("minimal.yaml")).json();
    assert_eq!(ids(&minimal["roles"]), ["alpha", "beta"]);
}

#[test]
fn dumping_a_loaded_dump_gives_the_same_dump_with_the_questionnaire_and_no_empty_fields() {
    let dir = temp_dir();
    let file = dump_to(dir.path(), "yaml");
    let again = roles(&["kb", "dump"]).kb(&file).succeeds().stdout;
    assert_eq!(again, std::fs::read_to_string(&file).expect("the dump"));
    let noisy: Vec<&str> = again
        .lines()
        .filter(|line| line.ends_with(": []"))
        .collect();
    assert!(noisy.is_empty(), "empty fields: {noisy:?}");
    let dump = json(&["kb", "dump"]);
    assert!(!items(&dump["questionnaire"]["questions"]).is_empty());
}

#[test]
fn validate_accepts_a_dump_says_ok_and_reports_in_json_what_the_file_holds() {
    let dir = temp_dir();
    let file = dump_to(dir.path(), "yaml");
    let run = roles(&["kb", "validate", "kb.yaml"]).current_dir(dir.path());
    let run = run
        .env("ROLES_KB", fixture("bad/syntax-error.yaml"))
        .succeeds();
    run.stdout_has("ok: `kb.yaml` is a valid knowledge base");
    let report = roles(&["kb", "validate"]).arg(&file).json();
    assert_eq!(report["valid"], true);
    assert_eq!(report["file"], file.display().to_string());
    let (compare, sources) = (json(&["compare"]), json(&["sources"]));
    let count = |list: &Value| list.as_array().map(|list| list.len() as u64);
    assert_eq!(report["roles"].as_u64(), count(&compare["roles"]));
    assert_eq!(report["dimensions"].as_u64(), count(&compare["dimensions"]));
    assert_eq!(report["sources"].as_u64(), count(&sources["sources"]));
}

#[test]
fn the_data_file_in_the_repository_is_valid() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/kb.yaml");
    roles(&["kb", "validate"])
        .arg(data)
        .succeeds()
        .stdout_has("ok:");
}

#[test]
fn validate_reports_an_invalid_file_on_stdout_in_json_and_yaml_and_exits_2() {
    let validate = |file: &str, format| {
        let run = roles(&["kb", "validate"])
            .arg(fixture(file))
            .format(format)
            .run();
        let report = run.stdout_yaml();
        // The report is on stdout only.
        assert!(run.code == Some(2) && run.stderr.is_empty(), "{run}");
        let ok = report.get("roles").is_none();
        assert!(ok, "no counts for an invalid file");
        report
    };
    let report = validate("bad/three-problems.yaml", "json");
    let expected = (&false.into(), &3.into());
    assert_eq!((&report["valid"], &report["count"]), expected);
    let problems = items(&report["problems"]);
    assert_eq!(problems.len(), 3);
    for problem in problems {
        let file = string(&problem["file"]).ends_with("three-problems.yaml");
        let place = problem["line"].is_u64() && problem["column"].is_u64();
        let what = problem["path"].is_string() && problem["message"].is_string();
        assert!(file && place && what, "{problem}");
    }
    let report = validate("bad/syntax-error.yaml", "yaml");
    let expected = (&false.into(), &1.into());
    assert_eq!((&report["valid"], &report["count"]), expected);
}

#[test]
fn validate_json_gives_null_line_and_path_where_the_place_is_unknown() {
    let run = roles(&["kb", "validate", "no-such-file.yaml"])
        .format("json")
        .run();
    assert_eq!(run.code, Some(2), "{run}");
    let problem = &run.stdout_json()["problems"][0];
    for field in ["line", "column", "path"] {
        assert_eq!(problem[field], Value::Null, "{field}");
    }
    assert_eq!(problem["file"], "no-such-file.yaml");
}

#[test]
fn validate_json_lists_every_problem_past_the_fifty_of_the_stderr_report() {
    let dir = temp_dir();
    let mut text = std::fs::read_to_string(fixture("minimal.yaml")).expect("fixture");
    // The fixture ends with its topics; more follow, each citing no known source.
    for i in 0..60 {
        let fact = "{text: A fact., sources: [nowhere]}";
        text.push_str(&format!(
            "  - id: t{i}\n    title: Topic {i}\n    facts:\n      - {fact}\n"
        ));
    }
    let file = write_file(dir.path(), "many.yaml", text);
    let run = roles(&["kb", "validate"]).arg(&file).format("json").run();
    assert_eq!(run.code, Some(2), "{run}");
    let report = run.stdout_json();
    let count = report["count"].as_u64().expect("count");
    assert!(count >= 60, "{count}");
    assert_eq!(items(&report["problems"]).len() as u64, count);
}

#[test]
fn validate_as_a_table_reports_an_invalid_file_on_stderr() {
    let bad = fixture("bad/three-problems.yaml");
    let run = roles(&["kb", "validate"]).arg(&bad).fails_as_bad_input();
    run.stderr_has("3 problems in");
    let bad = std::fs::read(bad).expect("fixture");
    let run = roles(&["kb", "validate", "-"])
        .stdin(bad)
        .fails_as_bad_input();
    run.stderr_has("3 problems in `<stdin>`");
}

#[test]
fn validate_dash_reads_the_knowledge_base_from_stdin() {
    let dump = roles(&["kb", "dump"]).succeeds().stdout;
    let report = roles(&["kb", "validate", "-"]).stdin(dump).json();
    assert_eq!(report["valid"], true);
    assert_eq!(report["file"], "<stdin>");
    assert_eq!((&report["count"], &report["roles"]), (&0.into(), &2.into()));
    for (stdin, says) in [
        (Vec::new(), "<stdin>: nothing on stdin"),
        (vec![b'#'; 8 * 1024 * 1024 + 10], "is too large"),
    ] {
        let run = roles(&["kb", "validate", "-"]).stdin(stdin);
        run.fails_as_bad_input().stderr_has(says);
    }
}

#[test]
fn a_salary_amount_that_is_not_the_figure_printed_is_refused() {
    let dir = temp_dir();
    let dump = roles(&["kb", "dump"]).succeeds().stdout;
    assert!(dump.contains("amount: 22.33"), "the dump holds the amount");
    let text = dump.replace("amount: 22.33", "amount: 22.5");
    let file = write_file(dir.path(), "kb.yaml", text);
    let run = roles(&["kb", "validate"]).arg(&file).fails_as_bad_input();
    run.stderr_has("`amount` is 22.5 but `figure` prints 22.33");
}
