//! Long output on a terminal goes through a pager, as git's and gh's does: only
//! when stdout is a terminal and the output is taller than the screen. Which
//! pager, if any, is decided by [`pager_command`], a pure function; [`page`]
//! runs it.

use std::io::{self, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// The pager used when neither `ROLES_PAGER` nor `PAGER` is set: `-F` quits at
/// once when the text fits after all, `-R` passes colour through, `-X` leaves
/// the text on the screen afterwards.
pub const DEFAULT_PAGER: &str = "less -FRX";

/// What decides whether output is paged, read from the flags, stdout and the
/// environment.
#[derive(Debug, Clone, Copy)]
pub struct Paging<'a> {
    /// The command pages long output and `--no-pager` was not given.
    pub wanted: bool,
    /// Stdout is a terminal.
    pub terminal: bool,
    /// The terminal's height in lines, where known (see [`screen_height`]).
    pub height: Option<usize>,
    /// `ROLES_PAGER`, if set.
    pub roles_pager: Option<&'a str>,
    /// `PAGER`, if set.
    pub pager: Option<&'a str>,
}

/// The pager to run for `output` (its program and arguments), or `None` to
/// write it directly: when paging is not wanted, stdout is not a terminal, the
/// height is unknown or the output fits, or the pager is empty or `cat`.
/// `ROLES_PAGER` is read before `PAGER`; a command line that cannot be split
/// (an unclosed quote) means no pager rather than a failure.
pub fn pager_command(paging: &Paging, output: &[u8]) -> Option<Vec<String>> {
    if !paging.wanted || !paging.terminal {
        return None;
    }
    let height = paging.height?;
    if line_count(output) <= height {
        return None;
    }
    let line = paging.roles_pager.or(paging.pager).unwrap_or(DEFAULT_PAGER);
    let words = shell_words::split(line).ok()?;
    match words.as_slice() {
        [] => None,
        [only] if only == "cat" => None,
        _ => Some(words),
    }
}

/// The terminal's height: the terminal's own answer, else `LINES` if it is a
/// positive number.
pub fn screen_height(terminal: Option<u16>, lines: Option<&str>) -> Option<usize> {
    terminal
        .filter(|&rows| rows > 0)
        .or_else(|| lines?.trim().parse::<u16>().ok().filter(|&rows| rows > 0))
        .map(usize::from)
}

/// How many lines `output` takes, a last line without a newline included.
fn line_count(output: &[u8]) -> usize {
    let newlines = output.iter().filter(|&&byte| byte == b'\n').count();
    newlines + usize::from(output.last().is_some_and(|&byte| byte != b'\n'))
}

/// Writes `output` through the pager `command`. Returns `Ok(false)` when the
/// pager cannot be started, for the caller to write directly. A pager that
/// quits before reading everything (`q` in less) is not an error; one that
/// fails (`PAGER=false`: a non-zero exit or killed by a signal) is, so that
/// output it never showed does not pass for a success.
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
    // Ctrl-C while the pager runs is the pager's to handle (less stops
    // scrolling); ending `roles` then would hand the terminal back to the
    // shell with the pager still drawing on it.
    let interrupted = Arc::new(AtomicBool::new(false));
    let guard = signal_hook::flag::register(signal_hook::consts::SIGINT, interrupted).ok();
    let written = match child.stdin.take() {
        Some(mut stdin) => stdin.write_all(output).and_then(|()| stdin.flush()),
        None => Ok(()),
    };
    let waited = child.wait();
    if let Some(id) = guard {
        signal_hook::low_level::unregister(id);
    }
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

    /// Eleven lines, taller than the ten-line screen of [`on_a_terminal`].
    const LONG: &[u8] = b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n";

    fn on_a_terminal() -> Paging<'static> {
        Paging {
            wanted: true,
            terminal: true,
            height: Some(10),
            roles_pager: None,
            pager: None,
        }
    }

    fn words(line: &str) -> Option<Vec<String>> {
        Some(line.split(' ').map(str::to_owned).collect())
    }

    #[test]
    fn long_output_on_a_terminal_goes_through_less_by_default() {
        assert_eq!(pager_command(&on_a_terminal(), LONG), words("less -FRX"));
    }

    #[test]
    fn output_that_is_not_for_a_terminal_is_not_paged() {
        let piped = Paging {
            terminal: false,
            ..on_a_terminal()
        };
        assert_eq!(pager_command(&piped, LONG), None);
    }

    #[test]
    fn output_that_fits_the_screen_is_not_paged() {
        assert_eq!(pager_command(&on_a_terminal(), &LONG[..20]), None);
        assert_eq!(
            pager_command(&on_a_terminal(), b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10"),
            None
        );
        let unknown = Paging {
            height: None,
            ..on_a_terminal()
        };
        assert_eq!(pager_command(&unknown, LONG), None);
    }

    #[test]
    fn an_empty_pager_or_cat_means_none() {
        for line in ["", "  ", "cat"] {
            let set = Paging {
                pager: Some(line),
                ..on_a_terminal()
            };
            assert_eq!(pager_command(&set, LONG), None, "PAGER={line:?}");
            let set = Paging {
                roles_pager: Some(line),
                pager: Some("more"),
                ..on_a_terminal()
            };
            assert_eq!(pager_command(&set, LONG), None, "ROLES_PAGER={line:?}");
        }
    }

    #[test]
    fn no_pager_turns_it_off() {
        let unwanted = Paging {
            wanted: false,
            ..on_a_terminal()
        };
        assert_eq!(pager_command(&unwanted, LONG), None);
    }

    #[test]
    fn roles_pager_wins_over_pager_and_is_split_as_a_shell_would() {
        let both = Paging {
            roles_pager: Some("most -s 'a b'"),
            pager: Some("more"),
            ..on_a_terminal()
        };
        assert_eq!(
            pager_command(&both, LONG),
            Some(vec!["most".into(), "-s".into(), "a b".into()])
        );
        let pager_only = Paging {
            pager: Some("more"),
            ..on_a_terminal()
        };
        assert_eq!(pager_command(&pager_only, LONG), words("more"));
        let unclosed = Paging {
            pager: Some("less 'oops"),
            ..on_a_terminal()
        };
        assert_eq!(pager_command(&unclosed, LONG), None);
    }

    #[test]
    fn the_height_is_the_terminal_s_else_lines() {
        assert_eq!(screen_height(Some(24), Some("50")), Some(24));
        assert_eq!(screen_height(None, Some(" 50 ")), Some(50));
        assert_eq!(screen_height(Some(0), Some("50")), Some(50));
        assert_eq!(screen_height(None, Some("tall")), None);
        assert_eq!(screen_height(None, Some("0")), None);
        assert_eq!(screen_height(None, None), None);
    }
}
