//! Long output on a terminal goes through a pager, as git's does: only when
//! stdout is a terminal and the output is taller than the screen.

use std::io::{self, IsTerminal, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// The pager used when neither `ROLES_PAGER` nor `PAGER` is set: `-F` quits at
/// once when the text fits after all, `-R` passes colour through, `-X` leaves
/// the text on the screen afterwards.
pub const DEFAULT_PAGER: &str = "less -FRX";

/// The pager for `output` when it is `wanted` (a paged view, no `--no-pager`)
/// and stdout is a terminal, read from the terminal and the environment.
pub fn pager_for(wanted: bool, stdout: &io::Stdout, output: &[u8]) -> Option<Vec<String>> {
    if !wanted || !stdout.is_terminal() {
        return None;
    }
    let variable = |name| std::env::var(name).ok();
    let rows = terminal_size::terminal_size_of(stdout).map(|(_, rows)| rows.0);
    let height = screen_height(rows, variable("LINES").as_deref());
    let (roles_pager, pager) = (variable("ROLES_PAGER"), variable("PAGER"));
    pager_command(height, roles_pager.as_deref(), pager.as_deref(), output)
}

/// The pager to run (program and arguments) for `output` on a screen `height`
/// lines tall, or `None` to write directly: the height is unknown, the output
/// fits, or the pager (`ROLES_PAGER`, else `PAGER`) is empty, `cat`, or cannot
/// be split (an unclosed quote).
pub fn pager_command(
    height: Option<usize>,
    roles_pager: Option<&str>,
    pager: Option<&str>,
    output: &[u8],
) -> Option<Vec<String>> {
    if output.split_inclusive(|&byte| byte == b'\n').count() <= height? {
        return None;
    }
    let words = shell_words::split(roles_pager.or(pager).unwrap_or(DEFAULT_PAGER)).ok()?;
    (!words.is_empty() && words != ["cat"]).then_some(words)
}

/// The terminal's height: its own answer, else `LINES` if a positive number.
pub fn screen_height(terminal: Option<u16>, lines: Option<&str>) -> Option<usize> {
    terminal
        .filter(|&rows| rows > 0)
        .or_else(|| lines?.trim().parse::<u16>().ok().filter(|&rows| rows > 0))
        .map(usize::from)
}

/// Writes `output` through the pager `command`. Returns `Ok(false)` when the
/// pager cannot be started, for the caller to write directly. A pager that
/// quits before reading everything (`q` in less) is not an error; one that
/// fails (`PAGER=false`) is, so that output it never showed does not pass for
/// a success.
pub fn page(command: &[String], output: &[u8]) -> io::Result<bool> {
    let Some((program, args)) = command.split_first() else {
        return Ok(false);
    };
    let Ok(mut child) = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .spawn()
    else {
        return Ok(false);
    };
    // Ctrl-C while the pager runs is the pager's to handle; ending `roles`
    // would hand the terminal back with the pager still drawing on it.
    let interrupted = Arc::new(AtomicBool::new(false));
    let guard = signal_hook::flag::register(signal_hook::consts::SIGINT, interrupted).ok();
    let written = match child.stdin.take() {
        Some(mut stdin) => stdin.write_all(output).and_then(|()| stdin.flush()),
        None => Ok(()),
    };
    let waited = child.wait();
    guard.map(signal_hook::low_level::unregister);
    match written {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => return Err(error),
        _ => {}
    }
    match waited? {
        status if status.success() => Ok(true),
        status => Err(io::Error::other(format!(
            "the pager `{}` failed ({status}); set PAGER or ROLES_PAGER to one that works, or pass --no-pager",
            crate::error::shown(program)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_output_goes_through_roles_pager_else_pager_else_less() {
        const LONG: &[u8] = b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n";
        let cases: [(Option<usize>, Option<&str>, Option<&str>, &[u8], &[&str]); 12] = [
            (Some(10), None, None, LONG, &["less", "-FRX"]),
            (Some(10), None, None, &LONG[..20], &[]),
            (Some(10), None, None, b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10", &[]),
            (None, None, None, LONG, &[]),
            (Some(10), None, Some(""), LONG, &[]),
            (Some(10), None, Some("  "), LONG, &[]),
            (Some(10), None, Some("cat"), LONG, &[]),
            (Some(10), Some(""), Some("more"), LONG, &[]),
            (Some(10), Some("cat"), Some("more"), LONG, &[]),
            (Some(10), None, Some("more"), LONG, &["more"]),
            (Some(10), None, Some("less 'oops"), LONG, &[]),
            (Some(10), Some("most -s 'a b'"), Some("more"), LONG, &["most", "-s", "a b"]),
        ];
        for (height, roles_pager, pager, output, expected) in cases {
            let command = pager_command(height, roles_pager, pager, output);
            let expected = (!expected.is_empty()).then(|| expected.iter().map(|w| w.to_string()).collect());
            assert_eq!(command, expected, "{roles_pager:?} {pager:?} {height:?}");
        }
    }

    #[test]
    fn the_height_is_the_terminal_s_else_lines() {
        let cases = [
            (Some(24), Some("50"), Some(24)),
            (None, Some(" 50 "), Some(50)),
            (Some(0), Some("50"), Some(50)),
            (None, Some("tall"), None),
            (None, Some("0"), None),
            (None, None, None),
        ];
        for (terminal, lines, height) in cases {
            assert_eq!(screen_height(terminal, lines), height, "{lines:?}");
        }
    }
}
