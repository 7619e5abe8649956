//! How terminal output looks, decided once per run: whether a stream gets colour,
//! and how wide output may be.

use std::io::{self, IsTerminal};

/// How terminal output looks: decided once, from flags and the environment.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Whether to use colour and bold.
    pub color: bool,
    /// The width to fit, in columns.
    pub width: u16,
}

/// Whether to colour a stream: `forced` (from `--color always|never`) if given,
/// then CLICOLOR_FORCE, NO_COLOR, TERM=dumb and whether the stream is a terminal.
///
/// NO_COLOR set to any non-empty value, `0` included, turns colour off
/// (no-color.org); CLICOLOR_FORCE forces it on unless empty or `0`.
pub fn stream_color(forced: Option<bool>, stream: &impl IsTerminal) -> bool {
    let non_empty = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let clicolor_force =
        std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0");
    match forced {
        Some(color) => color,
        None if clicolor_force => true,
        None => {
            !non_empty("NO_COLOR")
                && std::env::var_os("TERM").is_none_or(|term| term != "dumb")
                && stream.is_terminal()
        }
    }
}

/// The narrowest width output is drawn for: a narrower terminal gets lines
/// this wide, as a table cannot usefully be narrower.
pub const MIN_WIDTH: u16 = 40;

/// The width to fit: `COLUMNS` if set to a number, else the terminal's, else
/// 80; never less than [`MIN_WIDTH`].
pub fn output_width(stdout: &io::Stdout) -> u16 {
    fitted_width(
        std::env::var("COLUMNS").ok().as_deref(),
        terminal_size::terminal_size_of(stdout).map(|(terminal_size::Width(w), _)| w),
    )
}

/// [`output_width`] from `COLUMNS` and the terminal's width, where known.
fn fitted_width(columns: Option<&str>, terminal: Option<u16>) -> u16 {
    columns
        .and_then(|columns| columns.trim().parse::<u16>().ok())
        .filter(|&columns| columns > 0)
        .or(terminal.filter(|&columns| columns > 0))
        .unwrap_or(80)
        .max(MIN_WIDTH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_wins_over_the_terminal_and_nothing_is_narrower_than_forty() {
        assert_eq!(fitted_width(Some("120"), Some(60)), 120);
        assert_eq!(fitted_width(Some("wide"), Some(60)), 60);
        assert_eq!(fitted_width(Some("0"), None), 80);
        assert_eq!(fitted_width(Some("12"), Some(60)), 40);
        assert_eq!(fitted_width(None, Some(30)), 40);
        assert_eq!(fitted_width(None, None), 80);
    }
}
