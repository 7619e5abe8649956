//! The conventions of a well-behaved command-line tool: completion scripts and a
//! man page, `--version`, colour only when wanted (on a real terminal too),
//! exit code 2 for bad usage, quiet ends on closed pipes for the commands that
//! `tests/closed_pipe.rs` does not cover, and JSON output that validates
//! against the JSON Schema `roles schema` prints for it.

#![allow(clippy::print_stderr)]

mod common;

use std::io::Read;
use std::path::Path;

use common::child::*;
use serde_json::Value;

/// The output formats every command supports.
const FORMATS: &[&str] = &["table", "json", "yaml", "markdown"];

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

// --- colour --------------------------------------------------------------------

#[test]
fn color_always_paints_compare_and_help_even_when_piped() {
    let out = run(&["compare", "--color", "always"]).succeeded();
    assert!(out.stdout.contains("\x1b["), "compare is painted\n{out}");
    for args in [
        &["--color", "always", "--help"][..],
        &["compare", "--help", "--color=always"],
    ] {
        let out = run(args).succeeded();
        assert!(out.stdout.contains("\x1b["), "help is painted\n{out}");
    }
}

#[test]
fn color_always_paints_the_error_label() {
    let out = run(&["--color", "always", "show", "nobody"]);
    assert_eq!(out.code, Some(2), "{out}");
    assert!(out.stderr.contains("\x1b["), "{out}");
}

#[test]
fn piped_output_has_no_escape_codes_by_default() {
    for args in [
        &["compare"][..],
        &["--help"],
        &["compare", "--help"],
        &["show", "cio"],
        &["search", "data"],
        &["advise", "--no-input", "-a", "aim=product"],
    ] {
        let out = run(args).succeeded();
        assert!(!out.has_escapes(), "{out}");
    }
    let out = run(&["show", "nobody"]);
    assert!(!out.has_escapes(), "the error report is plain\n{out}");
}

#[test]
fn color_never_and_no_color_keep_output_plain() {
    for args in [&["compare"][..], &["--help"]] {
        let never = child(args)
            .arg("--color")
            .arg("never")
            .env("CLICOLOR_FORCE", "1")
            .run()
            .succeeded();
        assert!(
            !never.has_escapes(),
            "--color never beats CLICOLOR_FORCE\n{never}"
        );
        let no_color = child(args).env("NO_COLOR", "1").run().succeeded();
        assert!(!no_color.has_escapes(), "{no_color}");
    }
}

#[test]
fn clicolor_force_paints_in_auto_mode() {
    for args in [&["compare"][..], &["--help"]] {
        let out = child(args).env("CLICOLOR_FORCE", "1").run().succeeded();
        assert!(out.stdout.contains("\x1b["), "{out}");
    }
}

#[test]
fn term_dumb_without_clicolor_force_is_plain() {
    for args in [&["compare"][..], &["--help"]] {
        let out = child(args).env("TERM", "dumb").run().succeeded();
        assert!(!out.has_escapes(), "{out}");
    }
}

/// Runs `roles ARGS` on a pseudo-terminal with `script`, with these variables
/// set; `None` when `script` is not available.
fn on_a_terminal(args: &[&str], env: &[(&str, &str)]) -> Option<Outcome> {
    let available = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success());
    if !available {
        eprintln!("note: skipped a terminal test: util-linux `script` is not available");
        return None;
    }
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut line = quote(&binary().display().to_string());
    for arg in args {
        line.push(' ');
        line.push_str(&quote(arg));
    }
    let mut command = std::process::Command::new("script");
    command.args(["-qec", &line, "/dev/null"]);
    for name in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM", "ROLES_KB"] {
        command.env_remove(name);
    }
    command.env("COLUMNS", "80").env("TERM", "xterm-256color");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command
        .stdin(std::process::Stdio::null())
        .output()
        .expect("`script` runs");
    if !output.status.success() && output.stdout.is_empty() {
        // `script` itself failed (no pseudo-terminals here), not `roles`.
        eprintln!(
            "note: skipped a terminal test: `script` failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        return None;
    }
    Some(Outcome {
        shown: format!("script -qec {line}"),
        code: output.status.code(),
        timed_out: false,
        elapsed: std::time::Duration::ZERO,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    })
}

#[test]
fn a_terminal_gets_colour_unless_no_color_or_term_dumb() {
    for args in [&["compare", "--only", "focus"][..], &["--help"]] {
        let Some(plain_tty) = on_a_terminal(args, &[]) else {
            return;
        };
        assert_eq!(plain_tty.code, Some(0), "{plain_tty}");
        assert!(
            plain_tty.stdout.contains("\x1b["),
            "auto colours a terminal\n{plain_tty}"
        );
        // NO_COLOR: any non-empty value, `0` too (no-color.org).
        for env in [
            &[("NO_COLOR", "1")][..],
            &[("NO_COLOR", "0")],
            &[("TERM", "dumb")],
        ] {
            let out = on_a_terminal(args, env).expect("script");
            assert_eq!(out.code, Some(0), "{out}");
            assert!(
                !out.stdout.contains("\x1b["),
                "{env:?} keeps a terminal plain\n{out}"
            );
        }
        let forced =
            on_a_terminal(args, &[("TERM", "dumb"), ("CLICOLOR_FORCE", "1")]).expect("script");
        assert!(
            forced.stdout.contains("\x1b["),
            "CLICOLOR_FORCE beats TERM=dumb\n{forced}"
        );
        let never = on_a_terminal(&[args, &["--color", "never"]].concat(), &[]).expect("script");
        assert!(!never.stdout.contains("\x1b["), "{never}");
    }
}

// --- closed pipes ----------------------------------------------------------------

/// The commands `tests/closed_pipe.rs` leaves out.
fn piped_commands() -> Vec<Vec<String>> {
    let mut commands: Vec<Vec<String>> = FORMATS
        .iter()
        .map(|format| {
            [
                "advise",
                "--no-input",
                "-a",
                "aim=product",
                "--format",
                format,
            ]
            .map(str::to_owned)
            .to_vec()
        })
        .collect();
    for args in [
        &["jd", "cto"][..],
        &["jd", "cio", "--fractional", "--format", "json"],
        &["schema"],
        &["schema", "kb"],
        &["completions", "bash"],
        &["completions", "zsh"],
        &["man"],
        &["--help"],
        &["-h"],
        &["help", "advise"],
        &["advise", "--help"],
        &["--version"],
        &["kb", "dump", "--format", "yaml"],
        &["compare", "--format", "markdown"],
        &["search", "innovation", "--format", "json"],
    ] {
        commands.push(args.iter().map(|a| (*a).to_owned()).collect());
    }
    commands
}

/// Spawns `roles ARGS` with stdout a pipe, lets `reader` read what it wants and
/// drop the pipe, then checks a quiet exit 0.
#[track_caller]
fn ends_quietly(args: &[String], how: &str, reader: impl FnOnce(std::process::ChildStdout)) {
    let mut process = child(args).spawn_piped();
    reader(process.stdout.take().expect("stdout is piped"));
    let mut stderr = String::new();
    process
        .stderr
        .take()
        .expect("stderr is piped")
        .read_to_string(&mut stderr)
        .expect("stderr is text");
    let status = process.wait().expect("`roles` ends");
    let shown = args.join(" ");
    assert_eq!(
        status.code(),
        Some(0),
        "`roles {shown}` ({how}); stderr:\n{stderr}"
    );
    assert!(
        !stderr.contains("panicked"),
        "`roles {shown}` ({how}):\n{stderr}"
    );
    assert!(
        !stderr.contains("Broken pipe"),
        "`roles {shown}` ({how}):\n{stderr}"
    );
    assert!(stderr.is_empty(), "`roles {shown}` ({how}):\n{stderr}");
}

#[test]
fn every_remaining_command_ends_quietly_when_the_reader_is_gone_before_it_writes() {
    for args in piped_commands() {
        ends_quietly(&args, "reader closed at once", drop);
    }
}

#[test]
fn every_remaining_command_ends_quietly_after_the_reader_takes_one_byte() {
    for args in piped_commands() {
        ends_quietly(&args, "like `| head -c 1`", |mut stdout| {
            let mut byte = [0u8; 1];
            let read = stdout.read(&mut byte).expect("the first byte");
            assert_eq!(read, 1, "`roles {}` printed something", args.join(" "));
        });
    }
}

#[test]
fn a_big_output_into_a_pipe_closed_midway_ends_quietly() {
    // `schema` and `kb dump --format json` outgrow a pipe's buffer, so the
    // child is still writing when the reader goes.
    for args in [
        &["schema"][..],
        &["kb", "dump", "--format", "json"],
        &["man"],
    ] {
        let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        ends_quietly(&args, "closed after 4 KiB", |mut stdout| {
            let mut chunk = vec![0u8; 4096];
            let _ = stdout.read_exact(&mut chunk);
        });
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
                &["search", "zzzqqq"],
                &["search", "innovation", "-n", "1"],
            ],
        ),
        ("sources", vec![&["sources"][..]]),
        (
            "advise",
            vec![
                &["advise", "--no-input"][..],
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
fn schema_without_a_name_gives_all_seven() {
    let all = json(&["schema"]);
    let map = all.as_object().expect("an object");
    let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["advise", "compare", "jd", "kb", "search", "show", "sources"]
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
