//! A global flag that a command would ignore is refused for it (see
//! conventions.rs); `ROLES_KB` in the environment is not a flag.

use crate::common::*;

#[test]
fn roles_kb_in_the_environment_is_not_refused_where_kb_would_be() {
    roles(&["man"]).env("ROLES_KB", "data/kb.yaml").succeeds();
    roles(&["schema", "compare"]).format("yaml").succeeds();
}
