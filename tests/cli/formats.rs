//! Every command in every output format: it succeeds quietly, each format is
//! what it claims to be (JSON and YAML parse, the same data; html.rs checks
//! Markdown and HTML), and JSON and YAML validate against the JSON Schema
//! `roles schema` prints for the command, closed to fields it does not describe.

use crate::common::*;
use serde_json::Value;

/// Runs of every command (`FILE` a dumped knowledge base): the schema that
/// describes its JSON and the `schema_version` it carries (see CHANGELOG.md).
#[rustfmt::skip]
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
    ("advise", 4, "advise --no-input -a aim=product -a needs=innovation,tech-stack"),
    ("advise", 4, "advise --no-input -a aim=process -a size=large -a budget=part-time"),
    ("advise", 4, "advise --no-input -a aim=both -a tech-company=yes -a size=startup -a first=cio"),
    ("career", 2, "career --no-input -a background=software-engineering -a interest=product -a years=12"),
    ("jd", 2, "jd cto"),
    ("jd", 2, "jd cio --fractional"),
    ("kb", 1, "kb dump"),
    ("kb-validate", 2, "kb validate FILE"),
];

/// Checks `instance` against `schema`, listing every violation on failure.
#[track_caller]
pub fn assert_valid(schema: &Value, instance: &Value, what: &str) {
    let errors = schema_errors(schema, instance);
    assert!(
        errors.is_empty(),
        "{what} does not match its schema:\n{}",
        errors.join("\n")
    );
}

/// Where `instance` breaks `schema`, for the JSON Schema keywords `roles schema`
/// writes. Not the jsonschema crate: it and its regex stack were some 60 s of a
/// fresh `cargo test` build on two cores, whose budget is 90 s (issue 20), to
/// check a dozen keywords. A keyword this does not know fails the test, so a
/// schema is never checked less than it says.
fn schema_errors(schema: &Value, instance: &Value) -> Vec<String> {
    errors_in(schema, schema, instance)
}

/// [`schema_errors`] of `value` against `schema`, a part of `root`.
fn errors_in(root: &Value, schema: &Value, value: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(root, schema, value, "", &mut errors);
    errors
}

fn check(root: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let Value::Object(rules) = schema else {
        if *schema == Value::Bool(false) {
            errors.push(format!("at {at}: no value is allowed here"));
        }
        return;
    };
    let fails = |schema: &Value| !errors_in(root, schema, value).is_empty();
    let fields = value.as_object();
    for (keyword, rule) in rules {
        let broken = match keyword.as_str() {
            "$schema" | "$defs" | "title" | "description" | "default" | "format" => None,
            "$ref" => {
                let path = rule.as_str().and_then(|r| r.strip_prefix('#'));
                let target = path.and_then(|path| root.pointer(path));
                check(root, target.expect("a local $ref"), value, at, errors);
                None
            }
            "type" => {
                let names: Vec<&str> = match rule {
                    Value::Array(names) => names.iter().filter_map(Value::as_str).collect(),
                    name => vec![name.as_str().expect("a type name")],
                };
                (!names.iter().any(|name| is_type(value, name)))
                    .then(|| format!("{value} is not of type {names:?}"))
            }
            "const" => (value != rule).then(|| format!("{value} is not {rule}")),
            "minimum" | "maximum" => {
                let bound = value.as_f64().zip(rule.as_f64());
                let below = bound.is_some_and(|(value, bound)| value < bound);
                let above = bound.is_some_and(|(value, bound)| value > bound);
                (if keyword == "minimum" { below } else { above })
                    .then(|| format!("{value} is out of its {keyword} {rule}"))
            }
            "anyOf" => rule
                .as_array()
                .is_some_and(|options| options.iter().all(fails))
                .then(|| format!("{value} matches none of anyOf")),
            "oneOf" => rule
                .as_array()
                .is_some_and(|options| options.iter().filter(|o| !fails(o)).count() != 1)
                .then(|| format!("{value} does not match exactly one of oneOf")),
            "required" => fields.and_then(|fields| {
                let names = rule.as_array().expect("a list of names").iter();
                let missing: Vec<&Value> = names
                    .filter(|name| !fields.contains_key(name.as_str().unwrap_or_default()))
                    .collect();
                (!missing.is_empty()).then(|| format!("missing {missing:?}"))
            }),
            "properties" => {
                for (name, value) in fields.into_iter().flatten() {
                    if let Some(schema) = rule.get(name) {
                        check(root, schema, value, &format!("{at}/{name}"), errors);
                    }
                }
                None
            }
            "additionalProperties" => {
                let known = rules.get("properties");
                for (name, value) in fields.into_iter().flatten() {
                    if known.and_then(|known| known.get(name)).is_none() {
                        check(root, rule, value, &format!("{at}/{name}"), errors);
                    }
                }
                None
            }
            "items" => {
                for (n, item) in value.as_array().into_iter().flatten().enumerate() {
                    check(root, rule, item, &format!("{at}/{n}"), errors);
                }
                None
            }
            other => panic!("schema keyword `{other}` is not checked by tests/cli/formats.rs"),
        };
        if let Some(broken) = broken {
            errors.push(format!("at {at}: {broken}"));
        }
    }
}

/// Panics on a keyword anywhere in `schema` that `check` does not know.
fn known_keywords(schema: &Value) {
    for (keyword, rule) in schema.as_object().into_iter().flatten() {
        let parts: Vec<&Value> = match keyword.as_str() {
            "properties" | "$defs" => rule.as_object().map_or(vec![], |m| m.values().collect()),
            "anyOf" | "oneOf" => rule.as_array().into_iter().flatten().collect(),
            "items" | "additionalProperties" => vec![rule],
            "$schema" | "title" | "description" | "default" | "format" | "$ref" | "type"
            | "const" | "minimum" | "maximum" | "required" => vec![],
            other => panic!("schema keyword `{other}` is not checked by tests/cli/formats.rs"),
        };
        parts.into_iter().for_each(known_keywords);
    }
}

fn is_type(value: &Value, name: &str) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64(),
        other => panic!("schema type `{other}` is not checked by tests/cli/formats.rs"),
    }
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
    assert!(
        !schema_errors(&closed_schema("compare"), &extra).is_empty(),
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
    for (parent, key, value) in [
        ("/roles/0", "colour", "blue"),
        ("", "schema_version", "one"),
    ] {
        let mut dump = json(&["kb", "dump"]);
        dump.pointer_mut(parent).expect("the parent")[key] = Value::String(value.into());
        assert!(
            !schema_errors(&schema, &dump).is_empty(),
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
        known_keywords(schema);
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
