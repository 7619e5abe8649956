//! Every command in every output format: it succeeds quietly, and each format is
//! what it claims to be (JSON and YAML parse, Markdown has headings and tables).

use crate::common::*;

/// One run of each command, with a file for `kb validate` in `dir`.
fn every_command(dir: &std::path::Path) -> Vec<Vec<String>> {
    let file = dump_to(dir, "yaml").display().to_string();
    [
        vec!["compare"],
        vec!["compare", "cio", "cto", "--only", "focus,kpis", "--cite"],
        vec!["show", "cio"],
        vec!["show", "cto", "--section", "salary"],
        vec!["search", "data", "governance"],
        vec!["search", "IT", "--role", "cio"],
        vec!["topics"],
        vec!["topics", "need-both"],
        vec!["disputes"],
        vec!["split"],
        vec!["sources"],
        vec!["kb", "dump"],
        vec!["kb", "validate", &file],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(String::from).collect())
    .collect()
}

fn run(args: &[String], format: &str) -> Run {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    roles(&args).format(format).succeeds()
}

#[test]
fn every_command_succeeds_in_every_format_with_output_and_no_stderr() {
    let dir = temp_dir();
    for args in every_command(dir.path()) {
        for format in FORMATS.iter().chain(&["html"]) {
            // `succeeds` checks exit 0, non-empty stdout and empty stderr.
            run(&args, format);
        }
    }
}

#[test]
fn table_is_the_default_format() {
    let dir = temp_dir();
    for args in every_command(dir.path()) {
        let plain: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_eq!(
            roles(&plain).succeeds().stdout,
            run(&args, "table").stdout,
            "`roles {}` without --format",
            args.join(" ")
        );
    }
}

/// The `schema_version` each command's JSON carries (see CHANGELOG.md).
fn schema_version(args: &[String]) -> u64 {
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["kb", "validate", ..] | ["show", ..] | ["search", ..] => 2,
        _ => 1,
    }
}

#[test]
fn json_output_parses_and_carries_its_schema_version() {
    let dir = temp_dir();
    for args in every_command(dir.path()) {
        let json = run(&args, "json").stdout_json();
        assert!(json.is_object(), "`roles {}`: {json}", args.join(" "));
        assert_eq!(
            json["schema_version"],
            schema_version(&args),
            "`roles {}`",
            args.join(" ")
        );
    }
}

#[test]
fn yaml_output_parses_to_the_same_data_as_json() {
    let dir = temp_dir();
    for args in every_command(dir.path()) {
        let yaml = run(&args, "yaml").stdout_yaml();
        let json = run(&args, "json").stdout_json();
        let yaml_as_json: serde_json::Value =
            serde_json::to_value(&yaml).expect("YAML output converts to JSON");
        assert_eq!(yaml_as_json, json, "`roles {}`", args.join(" "));
    }
}

#[test]
fn markdown_views_open_with_a_heading_and_hold_a_table() {
    for args in [
        &["compare"][..],
        &["show", "cio"],
        &["search", "governance"],
        &["sources"],
        &["topics"],
        &["disputes"],
        &["split"],
    ] {
        let markdown = roles(args).format("markdown").succeeds().stdout;
        assert!(
            markdown.starts_with("# "),
            "`roles {}` should open with a heading:\n{markdown}",
            args.join(" ")
        );
        assert!(
            markdown.lines().any(|line| line.starts_with("| ---")),
            "`roles {}` should hold a pipe table:\n{markdown}",
            args.join(" ")
        );
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
