//! Markdown building blocks shared by the commands (table rows, cells,
//! citations), Markdown fitted to a terminal, and `--format html`: a view's
//! Markdown as one self-contained HTML5 document, by pulldown-cmark, to open in
//! a browser or print for a board. Inline CSS with a print stylesheet, no
//! JavaScript, nothing fetched: raw HTML in a knowledge-base text is shown as
//! text, and an image keeps only its description.

use std::io::Write;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

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

/// Readable on a screen, and on A4 or US Letter (15 mm margins), tables too.
const STYLE: &str = "\
body { font: 16px/1.5 system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1, h2, h3 { line-height: 1.2; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef; }
p, li, td { overflow-wrap: anywhere; }
code { font-size: .9em; }
@media print {
  @page { margin: 15mm; }
  body { font-size: 10pt; max-width: none; margin: 0; padding: 0; color: #000; }
  tr, li { break-inside: avoid; }
  th { background: none; }
}";

/// `markdown` as an HTML5 document titled after its first `# ` heading.
pub fn to_html(markdown: &str) -> String {
    let title = markdown
        .lines()
        .find_map(|line| line.strip_prefix("# "))
        .unwrap_or("roles");
    let mut body = String::new();
    html::push_html(&mut body, escaped(markdown));
    let mut escaped_title = String::new();
    html::push_html(&mut escaped_title, [Event::Text(title.into())].into_iter());
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{escaped_title}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
}

/// The Markdown's events with raw HTML as text (but the `<br>` of a table
/// cell) and images dropped (their description stays): no markup, no fetch.
fn escaped(markdown: &str) -> impl Iterator<Item = Event<'_>> {
    Parser::new_ext(markdown, Options::ENABLE_TABLES).filter_map(|event| match event {
        Event::InlineHtml(text) if &*text == "<br>" => Some(Event::InlineHtml(text)),
        Event::Html(text) | Event::InlineHtml(text) => Some(Event::Text(text)),
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    })
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

    #[test]
    fn the_title_is_escaped_a_cell_keeps_its_line_break_and_an_image_its_words() {
        let page = to_html("# CIO & CTO\n\n| a |\n|---|\n| x<br>y |\n\n![logo](x.png)\n");
        assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
        assert!(page.contains("<title>CIO &amp; CTO</title>") && page.contains("x<br>y"));
        assert!(page.contains("logo") && !page.contains("x.png"), "{page}");
    }
}
