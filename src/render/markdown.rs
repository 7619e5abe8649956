//! Markdown building blocks shared by the commands: table rows, cells and
//! citations.

use std::io::Write;

/// Escapes text for a table cell: pipes would end the cell, newlines the row.
pub fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

/// Source ids as a bracketed citation: `[a, b]`.
pub fn cite(sources: &[impl AsRef<str>]) -> String {
    let ids: Vec<&str> = sources.iter().map(AsRef::as_ref).collect();
    format!("[{}]", ids.join(", "))
}

/// Writes one pipe-table row.
pub fn table_row(out: &mut dyn Write, cells: &[String]) -> std::io::Result<()> {
    writeln!(out, "| {} |", cells.join(" | "))
}
