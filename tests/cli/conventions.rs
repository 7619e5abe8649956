//! The conventions of a well-behaved command-line tool: `--version`, exit code 2
//! for bad usage, documented exit codes, and JSON (and YAML) output that
//! validates against the JSON Schema `roles schema` prints for it. Completions,
//! the man page, colour and closed pipes have modules of their own.

use crate::common::*;
use serde_json::Value;

#[test]
fn version_prints_the_version() {
    for flag in ["--version", "-V"] {
        assert_eq!(
            roles(&[flag]).succeeds().stdout,
            "roles 0.1.0\n",
            "`roles {flag}`"
        );
    }
    assert_eq!(env!("CARGO_PKG_VERSION"), "0.1.0");
}

#[test]
fn the_readme_says_how_to_install_completions_and_the_man_page_and_the_exit_codes() {
    let readme = include_str!("../../README.md");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        assert!(
            readme.contains(shell),
            "the README mentions {shell} completions"
        );
    }
    for needle in [
        "roles completions bash >",
        "roles man >",
        "| 0 |",
        "| 1 |",
        "| 2 |",
        "| 130 |",
    ] {
        assert!(readme.contains(needle), "the README has {needle:?}");
    }
}

#[test]
fn bad_usage_exits_2_with_a_message_and_nothing_on_stdout() {
    for (args, says) in [
        (&["--bogus"][..], "'--bogus'"),
        (&["compare", "--bogus"], "'--bogus'"),
        (&["bogus"], "'bogus'"),
        (&[], "Usage"),
        (&["--format", "xml", "compare"], "xml"),
        (&["sources", "--format", "xml"], "xml"),
        (&["--color", "sometimes", "compare"], "sometimes"),
        (&["show"], "ROLE"),
        (&["search"], "WORDS"),
        (&["search", "x", "-n", "0"], "0"),
        (&["schema", "nothing"], "nothing"),
        (&["kb"], "Usage"),
        (&["kb", "validate"], "FILE"),
        (&["jd"], "ROLE"),
        (&["advise", "--force"], "--force"),
        (&["completions", "tcsh"], "bash"),
    ] {
        let run = roles(args).run();
        assert_eq!(run.code, Some(2), "{run}");
        assert!(run.stdout.is_empty(), "{run}");
        assert!(run.stderr.contains(says), "says what is wrong\n{run}");
        assert!(!run.stderr.contains("panicked"), "{run}");
    }
}

#[test]
fn help_and_version_exit_0_and_the_help_documents_the_exit_codes() {
    for args in [&["-h"][..], &["help"], &["help", "compare"]] {
        roles(args).succeeds();
    }
    let help = roles(&["--help"]).succeeds();
    for line in [
        "0    success",
        "1    failure",
        "2    bad usage or bad input",
        "130  interrupted",
    ] {
        assert!(
            help.stdout.contains(line),
            "`roles --help` documents {line:?}\n{help}"
        );
    }
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
const SCHEMA_CASES: &[(&str, &str)] = &[
    ("compare", "compare"),
    ("compare", "compare cto cio --only salary,focus --cite"),
    ("show", "show cio"),
    ("show", "show cto --section kpis"),
    ("show", "show cto --section salary"),
    ("search", "search data governance"),
    ("search", "search governance secruity"),
    ("search", "search IT --role cio"),
    ("search", "search innovation -n 1"),
    ("topics", "topics"),
    ("topics", "topics disagreements"),
    ("disputes", "disputes"),
    ("split", "split"),
    ("sources", "sources"),
    ("advise", "advise --no-input -a size=startup"),
    (
        "advise",
        "advise --no-input -a aim=product -a needs=innovation,tech-stack",
    ),
    (
        "advise",
        "advise --no-input -a aim=process -a size=large -a budget=part-time",
    ),
    (
        "advise",
        "advise --no-input -a aim=both -a tech-company=yes -a size=startup",
    ),
    ("jd", "jd cto"),
    ("jd", "jd cio --fractional"),
    ("kb", "kb dump"),
    ("kb-validate", "kb validate tests/fixtures/minimal.yaml"),
    (
        "career",
        "career --no-input -a background=software-engineering -a interest=product -a years=12",
    ),
];

/// Each run's JSON and YAML validate against its schema closed to fields it
/// does not describe (which implies the schema as printed).
#[test]
fn real_json_and_yaml_output_validates_against_its_closed_schema() {
    for (name, command) in SCHEMA_CASES {
        let schema = closed(&json(&["schema", name]));
        let args: Vec<&str> = command.split_whitespace().collect();
        let output = json(&args);
        assert_valid(
            &schema,
            &output,
            &format!("`roles {command} --format json`"),
        );
        let yaml = roles(&args).format("yaml").succeeds().stdout_yaml();
        assert_valid(&schema, &yaml, &format!("`roles {command} --format yaml`"));
    }
    let mut extra = json(&["compare"]);
    extra["dimensions"][0]["colour"] = Value::String("blue".into());
    let strict = closed(&json(&["schema", "compare"]));
    let validator = jsonschema::validator_for(&strict).expect("a valid schema");
    assert!(
        !validator.is_valid(&extra),
        "the closed schema catches a stray field"
    );
}

#[test]
fn failed_runs_print_output_that_validates_against_its_closed_schema() {
    let search = closed(&json(&["schema", "search"]));
    for query in ["zzzqqq", "secruity"] {
        let run = roles(&["search", query]).format("json").run();
        assert_eq!(run.code, Some(1), "{run}");
        assert_valid(
            &search,
            &run.stdout_json(),
            &format!("`roles search {query}`"),
        );
    }
    let report = closed(&json(&["schema", "kb-validate"]));
    for format in ["json", "yaml"] {
        let run = roles(&["kb", "validate", "tests/fixtures/bad/three-problems.yaml"])
            .format(format)
            .run();
        assert_eq!(run.code, Some(2), "{run}");
        assert_valid(
            &report,
            &run.stdout_yaml(),
            &format!("an invalid file's report ({format})"),
        );
    }
}

#[test]
fn the_kb_schema_describes_a_dumped_fixture_and_the_committed_data_and_rejects_what_the_loader_rejects()
 {
    let schema = json(&["schema", "kb"]);
    let minimal = fixture("minimal.yaml");
    let dumped = roles(&["kb", "dump"])
        .kb(&minimal)
        .format("json")
        .succeeds()
        .stdout_json();
    assert_valid(&schema, &dumped, "the dump of tests/fixtures/minimal.yaml");
    for (file, what) in [
        (minimal, "tests/fixtures/minimal.yaml as written"),
        (
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/kb.yaml"),
            "data/kb.yaml",
        ),
    ] {
        let text = std::fs::read_to_string(file).expect("the file");
        assert_valid(&schema, &roles::kb::yaml::parse(&text).expect("YAML"), what);
    }
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    for (field, value) in [("/roles/0/colour", "blue"), ("/schema_version", "one")] {
        let mut dump = json(&["kb", "dump"]);
        let (parent, key) = field.rsplit_once('/').expect("a path");
        dump.pointer_mut(parent).expect("the parent")[key] = Value::String(value.into());
        assert!(
            !validator.is_valid(&dump),
            "{field}: {value} is refused, as `--kb` refuses it"
        );
    }
}

#[test]
fn schema_without_a_name_gives_every_schema() {
    let all = json(&["schema"]);
    let map = all.as_object().expect("an object");
    let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
    keys.sort_unstable();
    let mut names: Vec<&str> = SCHEMA_CASES.iter().map(|(name, _)| *name).collect();
    names.dedup();
    names.sort_unstable();
    assert_eq!(keys, names);
    for (name, schema) in map {
        assert_eq!(
            schema,
            &json(&["schema", name]),
            "`roles schema` holds `roles schema {name}`"
        );
        jsonschema::validator_for(schema)
            .unwrap_or_else(|e| panic!("`{name}` is not a valid JSON Schema: {e}"));
        let dialect = schema.get("$schema").and_then(Value::as_str);
        assert!(
            dialect.is_some_and(|s| s.contains("json-schema.org")),
            "`{name}` names its JSON Schema dialect"
        );
    }
}
