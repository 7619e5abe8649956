//! Painting text once the colour decision is made: headings, accents, dimmed
//! notes, bullets with their citations, and tables fitted to the width.

use anstyle::{AnsiColor, Effects};

use super::Style;
use super::grid::Grid;
use super::wrap;

/// `text` in `look` when `color` is on, plain otherwise.
pub fn paint(color: bool, text: &str, look: anstyle::Style) -> String {
    if color {
        format!("{}{text}{}", look.render(), look.render_reset())
    } else {
        text.to_owned()
    }
}

/// Applies one [`Style`] to text and tables.
#[derive(Debug, Clone, Copy)]
pub struct Painter {
    /// The colour and width decision.
    pub style: Style,
}

impl Painter {
    /// A painter for `style`.
    pub fn new(style: Style) -> Self {
        Painter { style }
    }

    /// The width to fit, in columns.
    pub fn width(&self) -> usize {
        usize::from(self.style.width)
    }

    /// `text` in `look`, if colour is on.
    pub fn paint(&self, text: &str, look: anstyle::Style) -> String {
        paint(self.style.color, text, look)
    }

    /// Bold.
    pub fn heading(&self, text: &str) -> String {
        self.paint(text, anstyle::Style::new().effects(Effects::BOLD))
    }

    /// Bold cyan.
    pub fn accent(&self, text: &str) -> String {
        self.paint(
            text,
            anstyle::Style::new()
                .fg_color(Some(AnsiColor::Cyan.into()))
                .effects(Effects::BOLD),
        )
    }

    /// Dimmed.
    pub fn dim(&self, text: &str) -> String {
        self.paint(text, anstyle::Style::new().effects(Effects::DIMMED))
    }

    /// Draws `grid` fitted to the width.
    pub fn draw(&self, grid: &Grid) -> String {
        grid.draw(self.style.width, self.style.color)
    }

    /// Wraps `text` as a bullet, continuation lines indented under the text, with
    /// its sources after it, dimmed.
    pub fn bullet(&self, text: &str, sources: &[impl AsRef<str>], indent: usize) -> String {
        let width = self.width().max(40);
        let lead = " ".repeat(indent);
        let first = format!("{lead}• ");
        let rest = format!("{lead}  ");
        let sources: Vec<&str> = sources.iter().map(AsRef::as_ref).collect();
        let plain = format!("{text} [{}]", sources.join(", "));
        let wrapped = wrap::fill(&plain, width, &first, &rest);
        // Dim the citation after wrapping, so escape codes never count as width.
        match wrapped.rfind(" [") {
            Some(at) if self.style.color => {
                format!("{}{}", &wrapped[..at], self.dim(&wrapped[at..]))
            }
            _ => wrapped,
        }
    }
}
