//! Long output on a terminal goes through a pager, as git's does: only when
//! stdout is a terminal and the output is taller than the screen.

use std::io::{self, IsTerminal, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// The pager when neither `ROLES_PAGER` nor `PAGER` is set: `-F` quits if the
/// text fits, `-R` passes colour, `-X` leaves the text on the screen.
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

/// Writes `output` through the pager `command`; `Ok(false)` if it cannot be
/// started. A pager that quits early (`q`) is fine; one that fails
/// (`PAGER=false`) is an error, as its output was never shown.
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
        let cases = [
            (None, None, "less|-FRX"),
            (None, Some("more"), "more"),
            (Some("most -s 'a b'"), Some("more"), "most|-s|a b"),
            (None, Some(""), ""),
            (None, Some("  "), ""),
            (None, Some("cat"), ""),
            (Some(""), Some("more"), ""),
            (Some("cat"), Some("more"), ""),
            (None, Some("less 'oops"), ""),
        ];
        for (roles_pager, pager, expected) in cases {
            let command = pager_command(Some(10), roles_pager, pager, LONG);
            let expected = Some(expected).filter(|words| !words.is_empty());
            assert_eq!(command.map(|words| words.join("|")).as_deref(), expected);
        }
        // Output that fits the screen, or a screen of unknown height.
        assert_eq!(pager_command(Some(10), None, None, &LONG[..20]), None);
        assert_eq!(pager_command(Some(10), None, None, &LONG[..20 - 1]), None);
        assert_eq!(pager_command(None, None, None, LONG), None);
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
