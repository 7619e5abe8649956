//! Long output on a terminal goes through the pager, and `--no-pager` writes it
//! directly. The terminal is a util-linux `script` pseudo-terminal made ten
//! rows high; the pager is a shell script that leaves a marker file and passes
//! the text on. Where `script` is missing, the test says so and passes.

use std::path::Path;

use crate::common::binary;
use crate::common::{prerequisite_missing, temp_dir, write_file};

/// Runs `roles ARGS` on a terminal of 10 rows and 80 columns with `PAGER` set
/// to `pager`; returns whether `script` could run, and `roles`'s exit code.
fn on_a_short_terminal(args: &str, pager: &Path) -> Option<i32> {
    let available = std::process::Command::new("script")
        .arg("--version")
        .output();
    let available = available.is_ok_and(|out| out.status.success());
    if !available {
        prerequisite_missing("util-linux `script`, to make a pseudo-terminal");
        return None;
    }
    // A terminal size needs both: with 0 columns the height reads as unknown.
    let binary = binary().display().to_string();
    let line = format!("stty rows 10 cols 80 && '{binary}' {args}; echo \"exit=$?\"");
    let mut script = std::process::Command::new("script");
    script
        .args(["-qec", &line, "/dev/null"])
        .env("PAGER", pager);
    for name in ["ROLES_PAGER", "LINES", "ROLES_KB"] {
        script.env_remove(name);
    }
    let output = script.stdin(std::process::Stdio::null()).output();
    let output = output.expect("`script` runs");
    let shown = String::from_utf8_lossy(&output.stdout);
    let Some(code) = shown.rsplit_once("exit=").map(|(_, code)| code.trim()) else {
        let failed = String::from_utf8_lossy(&output.stderr);
        prerequisite_missing(&format!("a pseudo-terminal (`script` failed: {failed})"));
        return None;
    };
    Some(code.parse().expect("an exit code"))
}

/// An executable shell script `name` in `dir`.
fn script(dir: &Path, name: &str, text: String) -> std::path::PathBuf {
    let file = write_file(dir, name, text);
    let executable = std::os::unix::fs::PermissionsExt::from_mode(0o755);
    std::fs::set_permissions(&file, executable).expect("the pager is executable");
    file
}

#[test]
fn long_output_on_a_terminal_goes_through_the_pager_unless_no_pager() {
    let dir = temp_dir();
    let marker = dir.path().join("paged");
    let text = format!("#!/bin/sh\necho ran > '{}'\ncat\n", marker.display());
    let pager = script(dir.path(), "pager.sh", text);
    let Some(code) = on_a_short_terminal("--no-pager show cto", &pager) else {
        return;
    };
    assert_eq!(code, 0);
    assert!(!marker.exists(), "--no-pager ran the pager");
    assert_eq!(on_a_short_terminal("show cto", &pager), Some(0));
    assert!(marker.exists(), "`roles show cto` on 10 rows did not page");
}

#[test]
fn a_pager_that_fails_is_an_error_not_a_silent_success() {
    let dir = temp_dir();
    let failing = script(dir.path(), "failing.sh", "#!/bin/sh\nexit 3\n".into());
    let code = on_a_short_terminal("show cto", &failing);
    assert!(matches!(code, Some(1) | None), "{code:?}");
}
