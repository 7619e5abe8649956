//! Long output on a terminal goes through a pager, as git's does: only when
//! stdout is a terminal and the output is taller than the screen.

use std::io::{self, IsTerminal, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;

/// The pager when neither `ROLES_PAGER` nor `PAGER` is set: `-F` quits if the
/// text fits, `-R` passes colour, `-X` leaves the text on the screen.
pub const DEFAULT_PAGER: &str = "less -FRX";

/// The pager (program and arguments) for `output` on a terminal `rows` (else
/// `LINES`) tall, or `None`: the height is unknown, the output fits, or the
/// pager (`ROLES_PAGER`, else `PAGER`) is empty, `cat`, or an unclosed quote.
fn pager_command(
    rows: Option<u16>,
    var: impl Fn(&str) -> Option<String>,
    output: &[u8],
) -> Option<Vec<String>> {
    let lines = var("LINES").and_then(|lines| lines.trim().parse::<u16>().ok());
    let height = rows
        .filter(|&rows| rows > 0)
        .or(lines.filter(|&rows| rows > 0))?;
    if output.split_inclusive(|&byte| byte == b'\n').count() <= usize::from(height) {
        return None;
    }
    let pager = var("ROLES_PAGER").or_else(|| var("PAGER"));
    let words = shell_words::split(pager.as_deref().unwrap_or(DEFAULT_PAGER)).ok()?;
    (!words.is_empty() && words != ["cat"]).then_some(words)
}

/// Writes `output` through the pager when it is `wanted` (a paged view, no
/// `--no-pager`) and stdout is a terminal; `Ok(false)` when it is not paged or
/// the pager cannot be started. A pager that quits early (`q`) is fine; one
/// that fails (`PAGER=false`) is an error, as its output was never shown.
pub fn page(wanted: bool, output: &[u8]) -> io::Result<bool> {
    let stdout = io::stdout();
    let rows = terminal_size::terminal_size_of(&stdout).map(|(_, rows)| rows.0);
    let command = (wanted && stdout.is_terminal())
        .then(|| pager_command(rows, |name| std::env::var(name).ok(), output))
        .flatten();
    let Some((program, args)) = command.as_deref().and_then(<[String]>::split_first) else {
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
    let guard = signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::default()).ok();
    // Dropping the pipe once written ends the pager's input.
    let stdin = child.stdin.take();
    let written = stdin.map_or(Ok(()), |mut stdin| stdin.write_all(output));
    let waited = child.wait();
    guard.map(signal_hook::low_level::unregister);
    if let Err(error) = written
        && error.kind() != io::ErrorKind::BrokenPipe
    {
        return Err(error);
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
        // (terminal rows, LINES, ROLES_PAGER, PAGER, the pager's words)
        let cases = [
            (Some(10), None, None, None, "less|-FRX"),
            (Some(10), None, None, Some("more"), "more"),
            (
                Some(10),
                None,
                Some("most -s 'a b'"),
                Some("more"),
                "most|-s|a b",
            ),
            (Some(10), None, None, Some(""), ""),
            (Some(10), None, None, Some("  "), ""),
            (Some(10), None, None, Some("cat"), ""),
            (Some(10), None, Some(""), Some("more"), ""),
            (Some(10), None, Some("cat"), Some("more"), ""),
            (Some(10), None, None, Some("less 'oops"), ""),
            // The height: the terminal's, else `LINES` if a positive number.
            (Some(11), Some("5"), None, None, ""),
            (Some(10), Some("50"), None, None, "less|-FRX"),
            (None, Some(" 10 "), None, None, "less|-FRX"),
            (None, Some("11"), None, None, ""),
            (Some(0), Some("10"), None, None, "less|-FRX"),
            (None, Some("tall"), None, None, ""),
            (None, Some("0"), None, None, ""),
            (None, None, None, None, ""),
        ];
        for (rows, lines, roles_pager, pager, expected) in cases {
            let var = |name: &str| match name {
                "LINES" => lines.map(str::to_owned),
                "ROLES_PAGER" => roles_pager.map(str::to_owned),
                _ => pager.map(str::to_owned),
            };
            let command = pager_command(rows, var, LONG).map(|words| words.join("|"));
            let expected = Some(expected).filter(|words| !words.is_empty());
            assert_eq!(command.as_deref(), expected, "{rows:?} {lines:?} {pager:?}");
        }
        // Output that fits the screen, its last line ended or not.
        assert_eq!(pager_command(Some(10), |_| None, &LONG[..20]), None);
        assert_eq!(pager_command(Some(10), |_| None, &LONG[..20 - 1]), None);
    }
}
