//! A reader that stops early (`roles … | head`) closes the pipe; `roles` then ends
//! quietly with exit 0 instead of panicking or reporting a broken pipe.

use std::io::Read;
use std::process::{Command, Stdio};

/// Runs `roles` with its stdout a pipe whose read end is closed at once, and
/// returns the exit code and stderr.
fn run_with_closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("roles"))
        .args(args)
        .env_remove("ROLES_KB")
        .env("COLUMNS", "80")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("`roles` can be started");
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr is piped")
        .read_to_string(&mut stderr)
        .expect("stderr is UTF-8");
    let status = child.wait().expect("`roles` ends");
    (status.code(), stderr)
}

#[test]
fn every_command_ends_quietly_when_stdout_is_closed() {
    for args in [
        &["compare", "--format", "json"][..],
        &["compare"],
        &["show", "cio"],
        &["show", "cto", "--format", "markdown"],
        &["search", "data", "governance"],
        &["sources", "--format", "yaml"],
        &["topics", "disagreements"],
        &["disputes"],
        &["split", "--format", "markdown"],
        &["kb", "dump"],
        &["kb", "dump", "--format", "json"],
    ] {
        let (code, stderr) = run_with_closed_stdout(args);
        let shown = args.join(" ");
        assert_eq!(
            code,
            Some(0),
            "`roles {shown}` exit code; stderr:\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "`roles {shown}`:\n{stderr}");
        assert!(
            !stderr.contains("Broken pipe"),
            "`roles {shown}`:\n{stderr}"
        );
        assert!(stderr.is_empty(), "`roles {shown}`:\n{stderr}");
    }
}
