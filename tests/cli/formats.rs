//! Every command in every output format: it succeeds quietly, each format is
//! what it claims to be (JSON and YAML parse, the same data; html.rs checks
//! Markdown and HTML), and JSON and YAML validate against the JSON Schema
//! `roles schema` prints for the command, closed to fields it does not describe.

use crate::common::*;
use serde_json::Value;

/// Runs of every command (`FILE` a dumped knowledge base): the schema that
/// describes its JSON and the `schema_version` it carries (see CHANGELOG.md).
pub const RUNS: &[(&str, u64, &str)] = &[
    ("compare", 1, "compare"),
    ("compare", 1, "compare cto cio --only salary,focus --cite"),
    ("show", 2, "show cio"),
    ("show", 2, "show cto --section kpis"),
    ("show", 2, "show cto --section salary"),
    ("search", 2, "search data governance"),
    ("search", 2, "search governance secruity"),
    ("search", 2, "search IT --role cio"),
    ("search", 2, "search innovation -n 1"),
    ("topics", 1, "topics"),
    ("topics", 1, "topics need-both"),
    ("topics", 1, "topics disagreements"),
    ("disputes", 1, "disputes"),
    ("split", 2, "split"),
    ("sources", 1, "sources"),
    ("advise", 4, "advise --no-input -a size=startup"),
    (
        "advise",
        4,
        "advise --no-input -a aim=product -a needs=innovation,tech-stack",
    ),
    (
        "advise",
        4,
        "advise --no-input -a aim=process -a size=large -a budget=part-time",
    ),
    (
        "advise",
        4,
        "advise --no-input -a aim=both -a tech-company=yes -a size=startup",
    ),
    (
        "career",
        2,
        "career --no-input -a background=software-engineering -a interest=product -a years=12",
    ),
    ("jd", 2, "jd cto"),
    ("jd", 2, "jd cio --fractional"),
    ("kb", 1, "kb dump"),
    ("kb-validate", 2, "kb validate FILE"),
];

/// Checks `instance` against `schema`, listing every violation on failure.
#[track_caller]
fn assert_valid(schema: &Value, instance: &Value, what: &str) {
    let validator = jsonschema::validator_for(schema).expect("a valid JSON Schema");
    let errors = validator
        .iter_errors(instance)
        .map(|e| format!("  at {}: {e}", e.instance_path()));
    let errors: Vec<String> = errors.collect();
    assert!(
        errors.is_empty(),
        "{what} does not match its schema:\n{}",
        errors.join("\n")
    );
}

/// `roles schema NAME` in which every object schema that lists `properties`
/// forbids others, so output carrying a field the schema does not describe fails.
fn closed_schema(name: &str) -> Value {
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
    closed(&json(&["schema", name]))
}

/// Every run in every format exits 0 with output and nothing on stderr
/// (`succeeds` checks that); the table is the default; JSON carries its
/// `schema_version`; YAML is the same data; both match the closed schema.
#[test]
fn every_command_writes_every_format_and_each_is_what_it_claims() {
    let dir = temp_dir();
    let file = dump_to(dir.path(), "yaml").display().to_string();
    for &(schema, version, command) in RUNS {
        let args: Vec<&str> = command
            .split(' ')
            .map(|a| if a == "FILE" { &file } else { a })
            .collect();
        let run = |format: &str| roles(&args).format(format).succeeds();
        assert_eq!(
            roles(&args).succeeds().stdout,
            run("table").stdout,
            "`{command}`"
        );
        let json = run("json").stdout_json();
        assert_eq!(json["schema_version"], version, "`roles {command}`: {json}");
        assert_eq!(run("yaml").stdout_yaml(), json, "`roles {command}`");
        assert_valid(&closed_schema(schema), &json, &format!("`roles {command}`"));
        run("markdown");
        run("html");
    }
    roles(&["kb", "validate", &file])
        .format("markdown")
        .succeeds()
        .stdout_has("**ok**");
    let mut extra = json(&["compare"]);
    extra["dimensions"][0]["colour"] = Value::String("blue".into());
    let validator = jsonschema::validator_for(&closed_schema("compare")).expect("a schema");
    assert!(
        !validator.is_valid(&extra),
        "the closed schema catches a stray field"
    );
}

#[test]
fn failed_runs_print_output_that_validates_against_its_closed_schema() {
    for query in ["zzzqqq", "secruity"] {
        let run = roles(&["search", query]).format("json").run();
        assert_eq!(run.code, Some(1), "{run}");
        assert_valid(&closed_schema("search"), &run.stdout_json(), &run.shown);
    }
    for format in ["json", "yaml"] {
        let bad = fixture("bad/three-problems.yaml");
        let run = roles(&["kb", "validate"]).arg(bad).format(format).run();
        assert_eq!(run.code, Some(2), "{run}");
        assert_valid(
            &closed_schema("kb-validate"),
            &run.stdout_yaml(),
            &run.shown,
        );
    }
}

#[test]
fn the_kb_schema_describes_the_fixtures_and_the_data_and_rejects_what_the_loader_rejects() {
    let schema = json(&["schema", "kb"]);
    let minimal = fixture("minimal.yaml");
    let dumped = roles(&["kb", "dump"])
        .kb(&minimal)
        .format("json")
        .succeeds();
    assert_valid(
        &schema,
        &dumped.stdout_json(),
        "the dump of tests/fixtures/minimal.yaml",
    );
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/kb.yaml");
    for file in [minimal, data] {
        let text = std::fs::read_to_string(&file).expect("the file");
        let as_written = roles::kb::yaml::parse(&text).expect("YAML");
        assert_valid(&schema, &as_written, &file.display().to_string());
    }
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    for (parent, key, value) in [
        ("/roles/0", "colour", "blue"),
        ("", "schema_version", "one"),
    ] {
        let mut dump = json(&["kb", "dump"]);
        dump.pointer_mut(parent).expect("the parent")[key] = Value::String(value.into());
        assert!(
            !validator.is_valid(&dump),
            "{key}: {value} is refused, as `--kb` refuses it"
        );
    }
}

#[test]
fn schema_without_a_name_gives_every_schema() {
    let all = json(&["schema"]);
    let map = all.as_object().expect("an object");
    let mut names: Vec<&str> = RUNS.iter().map(|(name, ..)| *name).collect();
    names.dedup();
    names.sort_unstable();
    let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, names);
    for (name, schema) in map {
        assert_eq!(
            schema,
            &json(&["schema", name]),
            "`roles schema` holds `roles schema {name}`"
        );
        jsonschema::validator_for(schema).expect("a valid JSON Schema");
        let dialect = schema
            .get("$schema")
            .and_then(Value::as_str)
            .unwrap_or_default();
        assert!(
            dialect.contains("json-schema.org"),
            "`{name}` names its JSON Schema dialect"
        );
    }
}

#[test]
fn format_and_color_values_are_case_insensitive() {
    let json = roles(&["sources"]).format("JSON").succeeds().stdout_json();
    assert_eq!(
        json,
        roles(&["sources"]).format("Yaml").succeeds().stdout_yaml()
    );
    assert_eq!(json["schema_version"], 1);
    roles(&["sources", "--color", "NEVER"]).succeeds();
}

#[test]
fn markdown_dump_is_a_fenced_yaml_block_of_the_dump() {
    let markdown = markdown(&["kb", "dump"]);
    let body = markdown
        .strip_prefix("```yaml\n")
        .and_then(|rest| rest.strip_suffix("```\n"));
    let dump = roles(&["kb", "dump"]).succeeds().stdout;
    assert_eq!(body, Some(dump.as_str()), "a fenced YAML block");
}
