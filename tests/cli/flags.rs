//! A global flag that a command would ignore is refused for it.

use crate::common::*;

#[test]
fn completions_man_and_schema_refuse_the_flags_they_would_ignore() {
    for command in [&["completions", "bash"][..], &["man"]] {
        let format = roles(command).format("json").fails_as_bad_input();
        format.stderr_has("`--format` has no effect on");
        roles(command)
            .kb("data/kb.yaml")
            .fails_as_bad_input()
            .stderr_has("`--kb` has no effect on");
    }
    roles(&["schema", "compare", "--kb", "data/kb.yaml"])
        .fails_as_bad_input()
        .stderr_has("`--kb` has no effect on `roles schema`");
    roles(&["schema", "compare"]).format("yaml").succeeds();
    // `ROLES_KB` in the environment is not a flag, so it is not refused.
    roles(&["man"]).env("ROLES_KB", "data/kb.yaml").succeeds();
}
