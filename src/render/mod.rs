//! The shared drawing tools, and the one place an output format is chosen: JSON
//! and YAML come from a view's serde serialisation (the documented contract),
//! the table and Markdown from its [`View`] methods, written with the tools here,
//! and HTML from the Markdown. Nothing here reads the knowledge base.

pub mod grid;
pub mod markdown;
pub mod pager;
pub mod paint;
pub mod wrap;

use std::io::Write;

use serde::Serialize;

pub use crate::cli::Format;
pub use paint::Painter;

/// What a command shows. Its serde serialisation is the JSON and YAML output; the
/// two methods draw it for people.
pub trait View: Serialize {
    /// Writes the view for a person at a terminal.
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()>;

    /// Writes the view as Markdown.
    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()>;

    /// The exit code once the view is written: a result that found nothing
    /// (`roles search`) exits 1, as grep does, yet still writes its view.
    fn exit_code(&self) -> u8 {
        crate::error::EXIT_OK
    }

    /// Whether long output of this view goes through a pager on a terminal.
    const PAGED: bool = false;
}

/// Writes `view` in `format`. Table, Markdown and HTML pass through
/// [`crate::error::escape_controls`], so nothing from a file or an argument acts
/// on the terminal or hides there (a bidi override shows as `\u{202e}`); JSON
/// and YAML escape controls themselves and carry the rest as data.
pub fn render<V: View>(
    view: &V,
    format: Format,
    painter: &Painter,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut text = Vec::new();
    match format {
        Format::Json => return json(view, out),
        Format::Yaml => return yaml(view, out),
        Format::Table => view.table(painter, &mut text)?,
        Format::Markdown | Format::Html => view.markdown(&mut text)?,
    }
    let mut text = String::from_utf8_lossy(&text).into_owned();
    if format == Format::Html {
        text = markdown::to_html(&text);
    }
    Ok(out.write_all(crate::error::escape_controls(&text, painter.color).as_bytes())?)
}

/// Writes `value` as one pretty-printed JSON object and a newline.
pub fn json<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    Ok(writeln!(out)?)
}

/// Writes `value` as a YAML document.
pub fn yaml<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> anyhow::Result<()> {
    let text = crate::kb::yaml::to_string(value)
        .map_err(|error| anyhow::anyhow!("cannot write YAML: {error}"))?;
    Ok(out.write_all(text.as_bytes())?)
}
