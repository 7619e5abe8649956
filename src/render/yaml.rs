//! YAML: the same data as the JSON output, as a YAML document.

use std::io::Write;

use anyhow::anyhow;

use super::Output;
use crate::kb::yaml;

/// Writes `output` as a YAML document.
pub fn render(output: &Output, out: &mut dyn Write) -> anyhow::Result<()> {
    let text = yaml::to_string(output).map_err(|error| anyhow!("cannot write YAML: {error}"))?;
    out.write_all(text.as_bytes())?;
    Ok(())
}
