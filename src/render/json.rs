//! JSON: the view's serialisation, pretty-printed, one object per run.

use std::io::Write;

use super::Output;

/// Writes `output` as one pretty-printed JSON object and a newline.
pub fn render(output: &Output, out: &mut dyn Write) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, output)?;
    writeln!(out)?;
    Ok(())
}
