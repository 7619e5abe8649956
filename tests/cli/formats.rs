//! Every command in every output format: it succeeds quietly, and each format is
//! what it claims to be (JSON and YAML parse; html.rs checks Markdown and HTML).

use crate::common::*;

/// One run of each command (a file for `kb validate` as `FILE`) and the
/// `schema_version` its JSON carries (see CHANGELOG.md).
const COMMANDS: &[(&str, u64)] = &[
    ("compare", 1),
    ("compare cio cto --only focus,kpis --cite", 1),
    ("show cio", 2),
    ("show cto --section salary", 2),
    ("search data governance", 2),
    ("search IT --role cio", 2),
    ("topics", 1),
    ("topics need-both", 1),
    ("disputes", 1),
    ("split", 2),
    ("sources", 1),
    ("kb dump", 1),
    ("kb validate FILE", 2),
];

/// Every command in every format exits 0 with output and nothing on stderr
/// (`succeeds` checks that); the table is the default; JSON parses and carries
/// its `schema_version`; YAML is the same data as JSON.
#[test]
fn every_command_writes_every_format_and_each_is_what_it_claims() {
    let dir = temp_dir();
    let file = dump_to(dir.path(), "yaml").display().to_string();
    for &(command, version) in COMMANDS {
        let args: Vec<&str> = command
            .split_whitespace()
            .map(|arg| if arg == "FILE" { file.as_str() } else { arg })
            .collect();
        let run = |format: &str| roles(&args).format(format).succeeds();
        assert_eq!(
            roles(&args).succeeds().stdout,
            run("table").stdout,
            "`{command}`"
        );
        let json = run("json").stdout_json();
        assert_eq!(json["schema_version"], version, "`roles {command}`: {json}");
        let yaml = serde_json::to_value(run("yaml").stdout_yaml()).expect("YAML is JSON data");
        assert_eq!(yaml, json, "`roles {command}`");
        run("markdown");
        run("html");
    }
}

#[test]
fn markdown_dump_is_a_fenced_yaml_block_of_the_dump() {
    let markdown = roles(&["kb", "dump"]).format("markdown").succeeds().stdout;
    let body = markdown
        .strip_prefix("```yaml\n")
        .and_then(|rest| rest.strip_suffix("```\n"))
        .unwrap_or_else(|| panic!("not a fenced YAML block:\n{markdown}"));
    assert_eq!(body, roles(&["kb", "dump"]).succeeds().stdout);
}

#[test]
fn markdown_validate_says_ok_in_bold() {
    let dir = temp_dir();
    let file = dump_to(dir.path(), "yaml");
    roles(&["kb", "validate"])
        .arg(&file)
        .format("markdown")
        .succeeds()
        .stdout_has("**ok**");
}

#[test]
fn an_unknown_format_is_refused() {
    let run = roles(&["sources", "--format", "xml"]).run();
    assert_eq!(run.code, Some(2), "{run}");
    assert!(run.stdout.is_empty(), "{run}");
    assert!(run.stderr.contains("xml"), "{run}");
}
