//! The terminal decisions, made once per run: whether a stream gets colour, and
//! how wide output may be; and painting text once the colour decision is made.

use std::io::{self, IsTerminal};

use crate::cli::ColorChoice;

/// Whether to colour a stream: `--color`, then CLICOLOR_FORCE, NO_COLOR, TERM=dumb
/// and whether the stream is a terminal.
///
/// NO_COLOR set to any non-empty value, `0` included, turns colour off
/// (no-color.org); CLICOLOR_FORCE forces it on unless empty or `0`.
pub fn stream_color(choice: ColorChoice, stream: &impl IsTerminal) -> bool {
    let non_empty = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let forced = std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0");
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if forced => true,
        ColorChoice::Auto => {
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

/// `text` in `look` when `color` is on, plain otherwise.
pub fn paint(color: bool, text: &str, look: anstyle::Style) -> String {
    if color {
        format!("{}{text}{}", look.render(), look.render_reset())
    } else {
        text.to_owned()
    }
}
