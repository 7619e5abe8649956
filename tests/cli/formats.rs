//! Every command in every output format: it succeeds quietly, and each format is
//! what it claims to be (JSON and YAML parse; html.rs checks Markdown and HTML);
//! format names in any case.

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
        assert_eq!(run("yaml").stdout_yaml(), json, "`roles {command}`");
        run("markdown");
        run("html");
    }
    let markdown = roles(&["kb", "validate", &file])
        .format("markdown")
        .succeeds();
    markdown.stdout_has("**ok**");
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
    let markdown = roles(&["kb", "dump"]).format("markdown").succeeds().stdout;
    let body = markdown
        .strip_prefix("```yaml\n")
        .and_then(|rest| rest.strip_suffix("```\n"));
    assert_eq!(
        body,
        Some(roles(&["kb", "dump"]).succeeds().stdout.as_str()),
        "a fenced YAML block"
    );
}
