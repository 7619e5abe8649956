//! Markdown building blocks shared by the commands: table rows, cells and
//! citations; and Markdown fitted to a terminal.

use std::io::Write;

use super::wrap;

/// Markdown wrapped to `width` for reading at a terminal, and still Markdown:
/// paragraphs and list items wrap at spaces, continuation lines indented under
/// the item's text (which Markdown reads as the same item). Table rows and
/// fenced code are kept whole, as wrapping would change what they mean.
pub fn fit(text: &str, width: usize) -> String {
    let mut fitted = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        if fenced || line.starts_with("```") || line.starts_with('|') || wrap::width(line) <= width
        {
            fitted.push_str(line);
        } else {
            let body = line.trim_start();
            let indent = &line[..line.len() - body.len()];
            let marker = list_marker(body);
            let first = format!("{indent}{marker}");
            let rest = " ".repeat(wrap::width(&first));
            fitted.push_str(&wrap::fill(&body[marker.len()..], width, &first, &rest));
        }
        fitted.push('\n');
    }
    fitted
}

/// The marker that starts a list item or quote (`- `, `* `, `12. `, `> `), or
/// nothing.
fn list_marker(line: &str) -> &str {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let length = match line.get(..2) {
        _ if digits > 0 && line[digits..].starts_with(". ") => digits + 2,
        Some("- " | "* " | "+ " | "> ") => 2,
        _ => 0,
    };
    &line[..length]
}

/// Escapes text for a table cell: pipes would end the cell, newlines the row.
pub fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

/// Source ids as a bracketed citation: `[a, b]`.
pub fn cite(sources: &[impl AsRef<str>]) -> String {
    let ids: Vec<&str> = sources.iter().map(AsRef::as_ref).collect();
    format!("[{}]", ids.join(", "))
}

/// Writes a pipe table: the headings, the rule (right-aligned for column
/// `right`), then the rows, each cell already escaped.
pub fn table(
    out: &mut dyn Write,
    header: &[impl AsRef<str>],
    right: Option<usize>,
    rows: impl IntoIterator<Item = Vec<String>>,
) -> std::io::Result<()> {
    let rule = (0..header.len()).map(|i| if Some(i) == right { "---:" } else { "---" });
    let header = header.iter().map(|h| h.as_ref().to_owned()).collect();
    for row in [header, rule.map(str::to_owned).collect()]
        .into_iter()
        .chain(rows)
    {
        writeln!(out, "| {} |", row.join(" | "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_and_list_items_wrap_under_their_text() {
        let text = "Some prose that is too long.\n- an item that is too long\n12. numbered and long\n| a | table row that stays |\n";
        assert_eq!(
            fit(text, 14),
            "Some prose\nthat is too\nlong.\n- an item that\n  is too long\n12. numbered\n    and long\n| a | table row that stays |\n"
        );
    }
}
