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

/// The width to fit: `COLUMNS` if set, else the terminal's, else 80.
pub fn output_width(stdout: &io::Stdout) -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.trim().parse::<u16>().ok())
        .filter(|&columns| columns >= 20)
        .or_else(|| terminal_size::terminal_size_of(stdout).map(|(terminal_size::Width(w), _)| w))
        .unwrap_or(80)
}
