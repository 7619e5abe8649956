//! The conventions of a well-behaved command-line tool: completion scripts and a
//! man page, `--version`, exit code 2 for bad usage, and JSON output that
//! validates against the JSON Schema `roles schema` prints for it. Colour and
//! closed pipes have modules of their own.

use std::path::Path;

use crate::common::child::*;
use serde_json::Value;

fn run(args: &[&str]) -> Outcome {
    child(args).run()
}

// --- completions, man page, version ---------------------------------------------

#[test]
fn completions_are_printed_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = run(&["completions", shell]).succeeded();
        assert!(
            out.stdout.contains("roles"),
            "the {shell} script mentions `roles`\n{out}"
        );
        for command in ["compare", "advise", "schema"] {
            assert!(
                out.stdout.contains(command),
                "the {shell} script completes `{command}`"
            );
        }
        assert!(!out.has_escapes(), "{shell}: no escape codes in a script");
    }
}

#[test]
fn bash_completion_registers_a_function_for_roles() {
    let out = run(&["completions", "bash"]).succeeded();
    assert!(out.stdout.contains("complete -F"), "{out}");
    assert!(out.stdout.contains(" roles"), "{out}");
}

#[test]
fn an_unknown_shell_is_bad_usage() {
    let out = run(&["completions", "tcsh"]);
    assert_eq!(out.code, Some(2), "{out}");
    assert!(out.stdout.is_empty(), "{out}");
    assert!(out.stderr.contains("bash"), "lists the shells\n{out}");
}

#[test]
fn the_man_page_is_roff() {
    let out = run(&["man"]).succeeded();
    let page = &out.stdout;
    assert!(
        page.starts_with(".TH") || page.contains("\n.TH roles"),
        "a roff page with a `.TH roles` title line\n{out}"
    );
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS"] {
        assert!(page.contains(section), "the page has {section}");
    }
    assert!(page.contains("roles 0.1.0"), "the page carries the version");
    assert!(!out.has_escapes(), "no escape codes in roff");
}

#[test]
fn version_prints_the_version() {
    for flag in ["--version", "-V"] {
        let out = run(&[flag]).succeeded();
        assert_eq!(out.stdout, "roles 0.1.0\n", "`roles {flag}`");
    }
    assert_eq!(env!("CARGO_PKG_VERSION"), "0.1.0");
}

#[test]
fn the_readme_says_how_to_install_completions_and_the_man_page() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        assert!(
            readme.contains(shell),
            "the README mentions {shell} completions"
        );
    }
    assert!(
        readme.contains("roles completions bash >"),
        "the README installs a completion script"
    );
    assert!(
        readme.contains("roles man >"),
        "the README installs the man page"
    );
    for code in ["| 0 |", "| 1 |", "| 2 |", "| 130 |"] {
        assert!(
            readme.contains(code),
            "the README documents exit code {code}"
        );
    }
}

// --- exit codes ----------------------------------------------------------------

#[test]
fn bad_usage_exits_2_with_a_message_and_nothing_on_stdout() {
    for args in [
        &["--bogus"][..],
        &["compare", "--bogus"],
        &["bogus"],
        &[],
        &["--format", "xml", "compare"],
        &["--color", "sometimes", "compare"],
        &["show"],
        &["search"],
        &["search", "x", "-n", "0"],
        &["schema", "nothing"],
        &["kb"],
        &["kb", "validate"],
        &["jd"],
        &["advise", "--force"],
    ] {
        let out = run(args);
        assert_eq!(out.code, Some(2), "{out}");
        assert!(out.stdout.is_empty(), "{out}");
        assert!(!out.stderr.is_empty(), "says what is wrong\n{out}");
        assert!(!out.stderr.contains("panicked"), "{out}");
    }
}

#[test]
fn unknown_flags_and_subcommands_are_named() {
    let out = run(&["--bogus"]);
    assert!(out.stderr.contains("'--bogus'"), "{out}");
    let out = run(&["bogus"]);
    assert!(out.stderr.contains("'bogus'"), "{out}");
}

#[test]
fn help_and_version_exit_0() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["help"],
        &["help", "compare"],
        &["--version"],
    ] {
        run(args).succeeded();
    }
}

#[test]
fn the_help_documents_the_exit_codes() {
    let out = run(&["--help"]).succeeded();
    for line in [
        "0    success",
        "1    failure",
        "2    bad usage or bad input",
        "130  interrupted",
    ] {
        assert!(
            out.stdout.contains(line),
            "`roles --help` documents {line:?}\n{out}"
        );
    }
}

// --- JSON Schema -----------------------------------------------------------------

fn json(args: &[&str]) -> Value {
    let out = run(args).succeeded();
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("invalid JSON: {e}\n{out}"))
}

fn yaml_as_json(args: &[&str]) -> Value {
    let out = run(args).succeeded();
    roles::kb::yaml::parse(&out.stdout).unwrap_or_else(|e| panic!("invalid YAML: {e:?}\n{out}"))
}

/// Checks `instance` against `schema`, listing every violation on failure.
#[track_caller]
fn assert_valid(schema: &Value, instance: &Value, what: &str) {
    let validator = jsonschema::validator_for(schema)
        .unwrap_or_else(|e| panic!("the schema for {what} is not a valid JSON Schema: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|error| format!("  at {}: {error}", error.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match its schema:\n{}",
        errors.join("\n")
    );
}

/// A copy of `schema` in which every object schema that lists `properties`
/// forbids others, so output carrying a field the schema does not describe fails.
fn closed(schema: &Value) -> Value {
    match schema {
        Value::Object(map) => {
            let mut map: serde_json::Map<String, Value> =
                map.iter().map(|(k, v)| (k.clone(), closed(v))).collect();
            if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".into(), Value::Bool(false));
            }
            Value::Object(map)
        }
        Value::Array(items) => Value::Array(items.iter().map(closed).collect()),
        other => other.clone(),
    }
}

/// Real runs of each command whose JSON `roles schema NAME` describes.
fn schema_cases() -> Vec<(&'static str, Vec<&'static [&'static str]>)> {
    vec![
        (
            "compare",
            vec![
                &["compare"][..],
                &["compare", "cto", "cio", "--only", "salary,focus", "--cite"],
            ],
        ),
        (
            "show",
            vec![
                &["show", "cio"][..],
                &["show", "cto", "--section", "kpis"],
                &["show", "cto", "--section", "salary"],
            ],
        ),
        (
            "search",
            vec![
                &["search", "data", "governance"][..],
                &["search", "governance", "secruity"],
                &["search", "IT", "--role", "cio"],
                &["search", "innovation", "-n", "1"],
            ],
        ),
        (
            "topics",
            vec![&["topics"][..], &["topics", "disagreements"]],
        ),
        ("disputes", vec![&["disputes"][..]]),
        ("split", vec![&["split"][..]]),
        ("sources", vec![&["sources"][..]]),
        (
            "advise",
            vec![
                &["advise", "--no-input", "-a", "size=startup"][..],
                &[
                    "advise",
                    "--no-input",
                    "-a",
                    "aim=product",
                    "-a",
                    "needs=innovation,tech-stack",
                ],
                &[
                    "advise",
                    "--no-input",
                    "-a",
                    "aim=process",
                    "-a",
                    "size=large",
                    "-a",
                    "budget=part-time",
                ],
                &[
                    "advise",
                    "--no-input",
                    "-a",
                    "aim=both",
                    "-a",
                    "tech-company=yes",
                    "-a",
                    "size=startup",
                ],
            ],
        ),
        (
            "jd",
            vec![&["jd", "cto"][..], &["jd", "cio", "--fractional"]],
        ),
        ("kb", vec![&["kb", "dump"][..]]),
        (
            "kb-validate",
            vec![&["kb", "validate", "tests/fixtures/minimal.yaml"][..]],
        ),
        (
            "career",
            vec![
                &[
                    "career",
                    "--no-input",
                    "-a",
                    "background=software-engineering",
                    "-a",
                    "interest=product",
                    "-a",
                    "years=12",
                ][..],
            ],
        ),
    ]
}

#[test]
fn real_json_output_validates_against_its_schema() {
    for (name, runs) in schema_cases() {
        let schema = json(&["schema", name]);
        for args in runs {
            let shown = format!("`roles {} --format json`", args.join(" "));
            let output = json(&[args, &["--format", "json"]].concat());
            assert_valid(&schema, &output, &shown);
        }
    }
}

#[test]
fn real_yaml_output_validates_against_the_same_schema() {
    for (name, runs) in schema_cases() {
        let schema = json(&["schema", name]);
        for args in runs {
            let shown = format!("`roles {} --format yaml`", args.join(" "));
            let output = yaml_as_json(&[args, &["--format", "yaml"]].concat());
            assert_valid(&schema, &output, &shown);
        }
    }
}

#[test]
fn a_search_without_a_match_exits_1_with_output_that_validates_against_its_schema() {
    let schema = json(&["schema", "search"]);
    let strict = closed(&schema);
    for query in ["zzzqqq", "secruity"] {
        let out = run(&["search", query, "--format", "json"]);
        assert_eq!(out.code, Some(1), "{out}");
        let output: Value = serde_json::from_str(&out.stdout).expect("JSON");
        assert_valid(&schema, &output, &format!("`roles search {query}`"));
        assert_valid(
            &strict,
            &output,
            &format!("`roles search {query}` (closed)"),
        );
    }
}

#[test]
fn real_json_output_has_no_field_its_schema_leaves_out() {
    let mut extra = json(&["compare", "--format", "json"]);
    extra["dimensions"][0]["colour"] = Value::String("blue".into());
    let strict = closed(&json(&["schema", "compare"]));
    let validator = jsonschema::validator_for(&strict).expect("a valid schema");
    assert!(
        !validator.is_valid(&extra),
        "the closed schema catches a stray field"
    );
    for (name, runs) in schema_cases() {
        let schema = closed(&json(&["schema", name]));
        for args in runs {
            let shown = format!("`roles {} --format json` (schema closed)", args.join(" "));
            let output = json(&[args, &["--format", "json"]].concat());
            assert_valid(&schema, &output, &shown);
        }
    }
}

#[test]
fn kb_validate_json_reports_what_it_checked() {
    let dump = run(&["kb", "dump"]).succeeded().stdout;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("kb.yaml");
    std::fs::write(&file, dump).expect("the dump is written");
    let out = child(&["kb", "validate"])
        .arg(&file)
        .arg("--format")
        .arg("json")
        .run()
        .succeeded();
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(report["valid"], true, "{out}");
}

#[test]
fn the_kb_schema_describes_a_dumped_fixture_and_the_committed_data() {
    let schema = json(&["schema", "kb"]);
    let minimal = fixture("minimal.yaml");
    let dumped = json(&[
        "--kb",
        &minimal.display().to_string(),
        "kb",
        "dump",
        "--format",
        "json",
    ]);
    assert_valid(&schema, &dumped, "the dump of tests/fixtures/minimal.yaml");
    let as_written: Value =
        roles::kb::yaml::parse(&std::fs::read_to_string(&minimal).expect("the fixture"))
            .expect("YAML");
    assert_valid(
        &schema,
        &as_written,
        "tests/fixtures/minimal.yaml as written",
    );
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/kb.yaml");
    let data: Value = roles::kb::yaml::parse(&std::fs::read_to_string(data).expect("data/kb.yaml"))
        .expect("YAML");
    assert_valid(&schema, &data, "data/kb.yaml");
}

#[test]
fn the_kb_schema_rejects_what_the_loader_rejects() {
    let schema = json(&["schema", "kb"]);
    let mut dump = json(&["kb", "dump", "--format", "json"]);
    dump["roles"][0]["colour"] = Value::String("blue".into());
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    assert!(
        !validator.is_valid(&dump),
        "an unknown field is refused, as `--kb` refuses it"
    );
    let mut dump = json(&["kb", "dump", "--format", "json"]);
    dump["schema_version"] = Value::String("one".into());
    assert!(!validator.is_valid(&dump), "a wrong type is refused");
}

#[test]
fn schema_without_a_name_gives_every_schema() {
    let all = json(&["schema"]);
    let map = all.as_object().expect("an object");
    let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "advise",
            "career",
            "compare",
            "disputes",
            "jd",
            "kb",
            "kb-validate",
            "search",
            "show",
            "sources",
            "split",
            "topics"
        ]
    );
    for (name, schema) in map {
        assert_eq!(
            schema,
            &json(&["schema", name]),
            "`roles schema` holds `roles schema {name}`"
        );
        jsonschema::validator_for(schema)
            .unwrap_or_else(|e| panic!("`{name}` is not a valid JSON Schema: {e}"));
        assert!(
            schema
                .get("$schema")
                .and_then(Value::as_str)
                .is_some_and(|s| s.contains("json-schema.org")),
            "`{name}` names its JSON Schema dialect"
        );
    }
}

#[test]
fn an_invalid_kb_validate_report_validates_against_its_schema() {
    let schema = closed(&json(&["schema", "kb-validate"]));
    for format in ["json", "yaml"] {
        let out = run(&[
            "kb",
            "validate",
            "tests/fixtures/bad/three-problems.yaml",
            "--format",
            format,
        ]);
        assert_eq!(out.code, Some(2), "{out}");
        let report: Value = roles::kb::yaml::parse(&out.stdout).expect("a report");
        assert_valid(
            &schema,
            &report,
            &format!("an invalid file's report ({format})"),
        );
    }
}
