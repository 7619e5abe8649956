//! How terminal output looks, decided once per run (colour, width), and text
//! painted by that decision: headings, accents, dimmed notes, cited bullets,
//! and tables fitted to the width.

use std::io::IsTerminal;
use std::os::fd::AsFd;

use anstyle::{AnsiColor, Effects};

use super::grid::Grid;
use super::markdown::cite;
use super::wrap;
use crate::cli::ColorChoice;

/// How terminal output looks, decided once from flags and the environment,
/// and the text and tables painted by that decision.
#[derive(Debug, Clone, Copy)]
pub struct Painter {
    /// Whether to use colour and bold.
    pub color: bool,
    /// The width to fit, in columns (never less than 40, see [`output_width`]).
    pub width: u16,
}

/// Whether to colour a stream: `--color always|never` if given, then
/// CLICOLOR_FORCE (unless empty or `0`), NO_COLOR (any non-empty value, as
/// no-color.org says), TERM=dumb and whether the stream is a terminal.
pub fn stream_color(choice: ColorChoice, stream: &impl IsTerminal) -> bool {
    let set =
        |name: &str, off: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != off);
    match choice {
        ColorChoice::Auto => {
            set("CLICOLOR_FORCE", "0")
                || !set("NO_COLOR", "")
                    && std::env::var_os("TERM").is_none_or(|term| term != "dumb")
                    && stream.is_terminal()
        }
        choice => choice == ColorChoice::Always,
    }
}

/// The width to fit on `stream`: `COLUMNS` if set to a number, else the
/// terminal's, else 80; never less than 40, as a table cannot usefully be narrower.
pub fn output_width(stream: &impl AsFd) -> u16 {
    fitted_width(
        std::env::var("COLUMNS").ok().as_deref(),
        terminal_width(stream),
    )
}

/// The width of the terminal `stream` is, if it is one.
pub fn terminal_width(stream: &impl AsFd) -> Option<u16> {
    let width = terminal_size::terminal_size_of(stream).map(|(width, _)| width.0);
    width.filter(|&width| width > 0)
}

/// [`output_width`] from `COLUMNS` and the terminal's width, where known.
fn fitted_width(columns: Option<&str>, terminal: Option<u16>) -> u16 {
    let columns = columns.and_then(|columns| columns.trim().parse::<u16>().ok());
    let width = columns.filter(|&w| w > 0).or(terminal.filter(|&w| w > 0));
    width.unwrap_or(80).max(40)
}

/// `text` in `look` when `color` is on, plain otherwise.
pub fn paint(color: bool, text: &str, look: anstyle::Style) -> String {
    match color {
        true => format!("{}{text}{}", look.render(), look.render_reset()),
        false => text.to_owned(),
    }
}

impl Painter {
    /// The width to fit, in columns.
    pub fn width(&self) -> usize {
        usize::from(self.width)
    }

    /// Bold.
    pub fn heading(&self, text: &str) -> String {
        paint(self.color, text, Effects::BOLD.into())
    }

    /// Bold cyan.
    pub fn accent(&self, text: &str) -> String {
        let cyan = AnsiColor::Cyan.on_default().effects(Effects::BOLD);
        paint(self.color, text, cyan)
    }

    /// Dimmed.
    pub fn dim(&self, text: &str) -> String {
        paint(self.color, text, Effects::DIMMED.into())
    }

    /// Draws `grid` fitted to the width.
    pub fn draw(&self, grid: &Grid) -> String {
        grid.draw(self.width, self.color)
    }

    /// `text` wrapped to the width, the first line led by `first`, the others by `rest`.
    pub fn fill(&self, text: &str, first: &str, rest: &str) -> String {
        wrap::fill(text, self.width(), first, rest)
    }

    /// `text` and its sources (`[a, b]`, none when empty) wrapped under `first`,
    /// the citation dimmed after wrapping so escape codes never count as width.
    pub fn cited(&self, text: &str, sources: &[String], first: &str) -> String {
        let plain = match sources {
            [] => text.to_owned(),
            _ => format!("{text} {}", cite(sources)),
        };
        let wrapped = self.fill(&plain, first, &" ".repeat(wrap::width(first)));
        match wrapped.rfind(" [") {
            Some(at) if self.color && !sources.is_empty() => {
                format!("{}{}", &wrapped[..at], self.dim(&wrapped[at..]))
            }
            _ => wrapped,
        }
    }

    /// [`Painter::cited`] as a bullet `indent` columns in.
    pub fn bullet(&self, text: &str, sources: &[String], indent: usize) -> String {
        self.cited(text, sources, &format!("{}• ", " ".repeat(indent)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_wins_over_the_terminal_and_nothing_is_narrower_than_forty() {
        let cases = [
            (Some("120"), Some(60), 120),
            (Some("wide"), Some(60), 60),
            (Some("0"), None, 80),
            (Some("12"), Some(60), 40),
            (None, Some(30), 40),
            (None, None, 80),
        ];
        for (columns, terminal, width) in cases {
            assert_eq!(fitted_width(columns, terminal), width, "{columns:?}");
        }
    }
}
