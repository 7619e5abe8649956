//! A reader that stops early (`roles … | head`) closes the pipe; `roles` then ends
//! quietly with exit 0 instead of panicking or reporting a broken pipe, whether
//! the reader is gone before it writes or leaves after a few bytes. A full
//! disk is an error (exit 1).

use std::io::Read;

use crate::common::FORMATS;
use crate::common::child::child;

/// Every command, in the formats that matter for a pipe.
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
        &["jd", "cto"],
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

#[test]
fn a_full_stdout_is_exit_1_with_a_message() {
    let line = format!(
        "'{}' compare > /dev/full",
        crate::common::child::binary().display()
    );
    let output = std::process::Command::new("sh")
        .args(["-c", &line])
        .output()
        .expect("sh runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("error: ") && stderr.contains("No space left"),
        "{stderr}"
    );
}
