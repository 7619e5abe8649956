//! A reader that stops early (`roles … | head`) closes the pipe; `roles` then ends
//! quietly with exit 0 instead of panicking or reporting a broken pipe, whether
//! the reader is gone before it writes or leaves after a few bytes. (A full
//! disk is an error, exit 1: hostile.rs.)

use std::io::Read;

use crate::common::{FORMATS, roles};

/// Every command, in the formats that matter for a pipe.
fn piped_commands() -> Vec<String> {
    let advise = FORMATS
        .iter()
        .map(|format| ["advise --no-input -a aim=product --format ", format].concat());
    #[rustfmt::skip]
    let others = [
        "compare --format json", "compare", "show cio", "show cto --format markdown",
        "search data governance", "sources --format yaml", "topics disagreements", "disputes",
        "split --format markdown", "kb dump", "kb dump --format json", "jd cto",
        "jd cio --fractional --format json", "schema", "schema kb", "completions bash",
        "completions zsh", "man", "--help", "-h", "help advise", "advise --help", "--version",
        "kb dump --format yaml", "compare --format markdown", "search innovation --format json",
    ];
    advise.chain(others.map(String::from)).collect()
}

/// Spawns `roles LINE` with stdout a pipe, lets `reader` read what it wants and
/// drop the pipe, then checks a quiet exit 0: no panic, no broken-pipe report.
#[track_caller]
fn ends_quietly(line: &str, how: &str, reader: impl FnOnce(std::process::ChildStdout)) {
    let mut process = roles(&line.split(' ').collect::<Vec<_>>()).spawn_piped();
    reader(process.stdout.take().expect("stdout is piped"));
    let mut stderr = String::new();
    let mut pipe = process.stderr.take().expect("stderr is piped");
    pipe.read_to_string(&mut stderr).expect("stderr is text");
    let status = process.wait().expect("`roles` ends");
    assert_eq!(status.code(), Some(0), "`roles {line}` ({how}):\n{stderr}");
    assert!(stderr.is_empty(), "`roles {line}` ({how}):\n{stderr}");
}

/// Every command, with the reader gone before it writes, and like `| head -c 1`.
#[test]
fn every_remaining_command_ends_quietly_when_the_reader_is_gone_or_takes_one_byte() {
    for line in piped_commands() {
        ends_quietly(&line, "reader closed at once", drop);
        ends_quietly(&line, "like `| head -c 1`", |mut stdout| {
            let read = stdout.read(&mut [0u8; 1]).expect("the first byte");
            assert_eq!(read, 1, "`roles {line}` printed something");
        });
    }
}

#[test]
fn a_big_output_into_a_pipe_closed_midway_ends_quietly() {
    // `schema` and `kb dump --format json` outgrow a pipe's buffer, so the
    // child is still writing when the reader goes.
    for line in ["schema", "kb dump --format json", "man"] {
        ends_quietly(line, "closed after 4 KiB", |mut stdout| {
            let mut chunk = vec![0u8; 4096];
            let _ = stdout.read_exact(&mut chunk);
        });
    }
}
