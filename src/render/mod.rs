//! The shared drawing tools, and the one place an output format is chosen.
//!
//! Every command builds a view (a plain, serialisable value) and hands it to
//! [`render`]: JSON and YAML come from the view's serde serialisation, which is the
//! documented contract; the table and Markdown come from the view's own [`View`]
//! methods, written in the command's module with the tools here ([`grid`],
//! [`wrap`], [`paint`], [`markdown`]), and HTML from the Markdown ([`html`]).
//! Nothing here reads the knowledge base.

pub mod grid;
pub mod html;
pub mod markdown;
pub mod pager;
pub mod paint;
pub mod style;
pub mod wrap;

use std::io::Write;

use serde::Serialize;

pub use crate::cli::Format;
pub use paint::Painter;
pub use style::Style;

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
/// Table, Markdown and HTML output pass through [`crate::error::escape_controls`]:
/// validation refuses control characters in a knowledge base, and invisible
/// ones in its names and labels, but nothing from a file or an argument may act
/// on the terminal or hide there (bidi overrides, zero-width and tag
/// characters are shown as `\u{202e}`). JSON and YAML escape controls by
/// themselves and carry the rest as data.
pub fn render<V: View>(
    view: &V,
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        Format::Table | Format::Markdown | Format::Html => {
            let mut text = Vec::with_capacity(16 * 1024);
            if format == Format::Table {
                view.table(&Painter::new(*style), &mut text)?;
            } else {
                view.markdown(&mut text)?;
            }
            let mut text = String::from_utf8_lossy(&text).into_owned();
            if format == Format::Html {
                text = html::document(&text);
            }
            out.write_all(crate::error::escape_controls(&text, style.color).as_bytes())?;
            Ok(())
        }
        Format::Json => json(view, out),
        Format::Yaml => yaml(view, out),
    }
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
