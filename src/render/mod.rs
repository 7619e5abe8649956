//! The shared drawing tools, and the one place an output format is chosen.
//!
//! Every command builds a view (a plain, serialisable value) and hands it to
//! [`render`]: JSON and YAML come from the view's serde serialisation, which is the
//! documented contract; the table and Markdown come from the view's own [`View`]
//! methods, written in the command's module with the tools here ([`grid`],
//! [`wrap`], [`paint`], [`markdown`]). Nothing here reads the knowledge base.

pub mod grid;
pub mod markdown;
pub mod pager;
pub mod paint;
pub mod style;
pub mod wrap;

use std::io::Write;

use serde::Serialize;

pub use paint::Painter;
pub use style::Style;

/// How results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A table or text for people (plain when piped).
    Table,
    /// One pretty-printed JSON object.
    Json,
    /// The same data as a YAML document.
    Yaml,
    /// Markdown, to paste into documents.
    Markdown,
}

/// What a command shows. Its serde serialisation is the JSON and YAML output; the
/// two methods draw it for people.
pub trait View: Serialize {
    /// Writes the view for a person at a terminal.
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()>;

    /// Writes the view as Markdown.
    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()>;

    /// The exit code once the view is written: success, unless the view is a
    /// result that found nothing. `roles search` then exits 1, as grep and rg do,
    /// so a script can test for a match, yet still gets the view (with its
    /// suggestions) on stdout. A view says so here rather than failing, because
    /// an error would write nothing to stdout and report on stderr.
    fn exit_code(&self) -> u8 {
        crate::error::EXIT_OK
    }
    /// Whether long output of this view goes through a pager on a terminal.
    const PAGED: bool = false;
}

/// Writes `view` in `format`.
///
/// Table and Markdown output pass through [`escape_terminal_controls`] as a
/// second line of defence: validation already refuses control characters in a
/// knowledge base, but nothing from a file or an argument may act on the
/// terminal even if a check is missed. JSON and YAML escape them by themselves.
pub fn render<V: View>(
    view: &V,
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        Format::Table | Format::Markdown => {
            let mut text = Vec::with_capacity(16 * 1024);
            if format == Format::Table {
                view.table(&Painter::new(*style), &mut text)?;
            } else {
                view.markdown(&mut text)?;
            }
            out.write_all(&escape_terminal_controls(&text, style.color))?;
            Ok(())
        }
        Format::Json => json(view, out),
        Format::Yaml => yaml(view, out),
    }
}

/// `text` (UTF-8) with every control character made visible (as
/// [`crate::error::escape_controls`] does) except line feeds, tabs and, when
/// `color` is on, the colour sequences the painter writes (`ESC [ digits ; … m`).
///
/// It works on bytes: a C0 control or DEL is one byte and a C1 control two
/// (`0xC2 0x80`–`0x9F`), and no byte of any other character looks like either,
/// so the usual output, which has none, is checked in one pass and not copied.
pub fn escape_terminal_controls(text: &[u8], color: bool) -> std::borrow::Cow<'_, [u8]> {
    let control_at = |at: usize| -> usize {
        match text[at] {
            b'\n' | b'\t' => 0,
            0x00..=0x1f | 0x7f => 1,
            0xc2 if matches!(text.get(at + 1), Some(0x80..=0x9f)) => 2,
            _ => 0,
        }
    };
    let colour_at = |at: usize| -> usize {
        let body = &text[at + 1..];
        if !color || text[at] != 0x1b || body.first() != Some(&b'[') {
            return 0;
        }
        let digits = body[1..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b';')
            .count();
        if body.get(1 + digits) == Some(&b'm') {
            2 + digits + 1
        } else {
            0
        }
    };
    let Some(first) = (0..text.len()).find(|&at| control_at(at) > 0 && colour_at(at) == 0) else {
        return std::borrow::Cow::Borrowed(text);
    };
    let mut escaped = Vec::with_capacity(text.len() + 16);
    escaped.extend_from_slice(&text[..first]);
    let mut at = first;
    while at < text.len() {
        let colour = colour_at(at);
        let control = control_at(at);
        if colour > 0 {
            escaped.extend_from_slice(&text[at..at + colour]);
            at += colour;
        } else if control > 0 {
            let c = std::str::from_utf8(&text[at..at + control])
                .map_or('\u{fffd}', |s| s.chars().next().unwrap_or('\u{fffd}'));
            escaped.extend_from_slice(crate::error::escape_controls(&c.to_string()).as_bytes());
            at += control;
        } else {
            escaped.push(text[at]);
            at += 1;
        }
    }
    std::borrow::Cow::Owned(escaped)
}

/// Writes `value` as one pretty-printed JSON object and a newline.
pub fn json<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Writes `value` as a YAML document.
pub fn yaml<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> anyhow::Result<()> {
    let text = crate::kb::yaml::to_string(value)
        .map_err(|error| anyhow::anyhow!("cannot write YAML: {error}"))?;
    out.write_all(text.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::escape_terminal_controls;

    #[test]
    fn plain_output_keeps_no_control_but_line_feeds_and_tabs() {
        let text = "a\tb\nc\x1b[31mred\x1b]0;title\x07\r\u{9b}2J";
        let plain = escape_terminal_controls(text.as_bytes(), false);
        let plain = String::from_utf8_lossy(&plain);
        assert!(!plain.contains('\x1b') && !plain.contains('\x07') && !plain.contains('\r'));
        assert!(!plain.contains('\u{9b}'), "{plain}");
        assert!(plain.starts_with("a\tb\nc"), "{plain}");
    }

    #[test]
    fn coloured_output_keeps_only_colour_sequences() {
        let text = "\x1b[1;36mCIO\x1b[0m \x1b]0;title\x07 \x1b[2J";
        let shown = escape_terminal_controls(text.as_bytes(), true);
        let shown = String::from_utf8_lossy(&shown);
        assert!(shown.starts_with("\x1b[1;36mCIO\x1b[0m "), "{shown}");
        assert_eq!(shown.matches('\x1b').count(), 2, "{shown}");
        assert!(!shown.contains('\x07'), "{shown}");
    }

    #[test]
    fn text_without_controls_is_borrowed() {
        assert!(matches!(
            escape_terminal_controls("plain text │ ┆ é".as_bytes(), true),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
