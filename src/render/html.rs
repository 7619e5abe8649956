//! `--format html`: a view's Markdown as one self-contained HTML5 document, by
//! pulldown-cmark, to open in a browser or print for a board. Inline CSS with a
//! print stylesheet, no JavaScript, nothing fetched: raw HTML in a
//! knowledge-base text is shown as text, and an image keeps only its
//! description.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

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
pub fn document(markdown: &str) -> String {
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
    #[test]
    fn the_title_is_escaped_a_cell_keeps_its_line_break_and_an_image_its_words() {
        let page = super::document("# CIO & CTO\n\n| a |\n|---|\n| x<br>y |\n\n![logo](x.png)\n");
        assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
        assert!(page.contains("<title>CIO &amp; CTO</title>") && page.contains("x<br>y"));
        assert!(page.contains("logo") && !page.contains("x.png"), "{page}");
    }
}
