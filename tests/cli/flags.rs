//! Flags mean what they say: `--format` and `--color` values in any case, and
//! a global flag that a command would ignore is refused for it.

use crate::common::*;

#[test]
fn format_values_are_case_insensitive() {
    let json = roles(&["sources"]).format("JSON").succeeds().stdout_json();
    assert_eq!(json["schema_version"], 1);
    let yaml = roles(&["sources"]).format("Yaml").succeeds().stdout_yaml();
    assert_eq!(yaml, json);
    roles(&["sources", "--color", "NEVER"]).succeeds();
}

#[test]
fn completions_and_man_refuse_format_and_kb() {
    for command in [&["completions", "bash"][..], &["man"]] {
        roles(command)
            .format("json")
            .fails_as_bad_input()
            .stderr_has("`--format` has no effect on");
        roles(command)
            .arg("--kb")
            .arg("data/kb.yaml")
            .fails_as_bad_input()
            .stderr_has("`--kb` has no effect on");
    }
}

#[test]
fn schema_refuses_kb_but_honours_format() {
    roles(&["schema", "compare", "--kb", "data/kb.yaml"])
        .fails_as_bad_input()
        .stderr_has("`--kb` has no effect on `roles schema`");
    roles(&["schema", "compare"]).format("yaml").succeeds();
}

#[test]
fn roles_kb_in_the_environment_is_not_refused() {
    roles(&["man"]).env("ROLES_KB", "data/kb.yaml").succeeds();
}
