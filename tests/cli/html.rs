//! `--format html`: one self-contained page for every command with a Markdown
//! view (which opens with a heading and holds a table), saying what the
//! Markdown says, with knowledge-base text escaped; and
//! the decision record printed by headless Chromium on A4 and US Letter.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

const RECORD: &str = "advise --no-input -a aim=product -a size=startup";

#[rustfmt::skip]
const COMMANDS: &[&str] = &[
    RECORD, "career --no-input -a interest=product -a years=12", "compare --cite", "show cio",
    "disputes", "split", "topics", "topics need-both", "jd cto", "search data governance", "sources",
];

fn html(command: &str) -> String {
    let args: Vec<&str> = command.split_whitespace().collect();
    roles(&args).format("html").succeeds().stdout
}

#[test]
fn every_command_writes_one_self_contained_page_of_its_markdown() {
    for command in COMMANDS {
        let page = html(command);
        let args: Vec<&str> = command.split_whitespace().collect();
        let markdown = markdown(&args);
        assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
        assert!(page.contains("<title>") && page.contains("@media print"));
        for fetch_or_run in ["<script", "<link", "<img", "src=", "url(", "@import"] {
            assert!(!page.contains(fetch_or_run), "`{command}`: {fetch_or_run}");
        }
        let ok = markdown.starts_with("# ");
        assert!(ok, "`{command}` opens with a heading");
        // The same headings and table rows as the Markdown, which has tables.
        let lines = |keep: fn(&str) -> bool| markdown.lines().filter(|l| keep(l)).count();
        let headings = lines(|l| l.starts_with('#'));
        let rows = lines(|l| l.starts_with('|') && !l.chars().all(|c| "|-: ".contains(c)));
        let tags = |tags: &[&str]| {
            tags.iter()
                .map(|tag| page.matches(tag).count())
                .sum::<usize>()
        };
        assert_eq!(tags(&["<h1", "<h2", "<h3", "<h4"]), headings, "`{command}`");
        assert_eq!(tags(&["<tr>"]), rows, "`{command}` table rows");
        let tables = !matches!(*command, "topics need-both" | "jd cto");
        assert_eq!(rows > 0, tables, "`{command}` holds a table");
    }
}

#[test]
fn raw_html_in_a_knowledge_base_text_comes_out_as_text() {
    let dir = temp_dir();
    let kb = std::fs::read_to_string(dump_to(dir.path(), "yaml")).expect("a dump");
    let hostile = "Inward: <script>alert(1)</script> <img src=x onerror=alert(1)> \
                   ![x](https://example.com/x.png) internal";
    let kb = write_file(
        dir.path(),
        "kb.yaml",
        kb.replacen("Inward: internal", hostile, 1),
    );
    let page = roles(&["compare"]).kb(&kb).format("html").succeeds().stdout;
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&lt;img src=x"), "{page}");
    assert!(!page.contains("<script") && !page.contains("<img") && !page.contains("https://"));
}

/// Runs `program` with `args`, or `None` when it is not installed.
fn tool(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    assert!(output.status.success(), "{program} {args:?}: {output:?}");
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Prints `page` to `NAME.pdf` on `paper` with headless Chromium (`None`
/// without it), and returns the PDF's path as a string.
fn print(dir: &Path, name: &str, page: &str, paper: &str) -> Option<String> {
    let sized = page.replace("</style>", &format!("@page {{ size: {paper}; }}\n</style>"));
    let html = write_file(dir, &format!("{name}.html"), sized);
    let url = format!("file://{}", html.display());
    let pdf: PathBuf = dir.join(format!("{name}.pdf"));
    let to = format!("--print-to-pdf={}", pdf.display());
    let flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-pdf-header-footer",
    ];
    tool("chromium", &[&flags[..], &[&to, &url]].concat())?;
    Some(pdf.display().to_string())
}

/// The number in `name"…"` in `text`.
fn attribute(text: &str, name: &str) -> Option<f64> {
    let rest = &text[text.find(name)? + name.len() + 1..];
    rest[..rest.find('"')?].parse().ok()
}

#[test]
fn the_decision_record_prints_on_a4_and_letter_within_three_pages_and_the_margins() {
    let dir = temp_dir();
    let (record, table) = (html(RECORD), html("compare --cite"));
    for paper in ["A4", "letter"] {
        let printed = print(dir.path(), "record", &record, paper);
        let (Some(record), Some(table)) = (printed, print(dir.path(), "table", &table, paper))
        else {
            return prerequisite_missing("chromium (Debian's `chromium` package)");
        };
        let Some(info) = tool("pdfinfo", &[&record]) else {
            return prerequisite_missing("pdfinfo (Debian's `poppler-utils` package)");
        };
        let pages = info.lines().find_map(|line| line.strip_prefix("Pages:"));
        let pages = pages.and_then(|pages| pages.trim().parse::<u32>().ok());
        assert!(matches!(pages, Some(1..=3)), "{paper}: {info}");
        let text = tool("pdftotext", &[&record, "-"]).unwrap_or_default();
        assert!(text.contains("Hire a Chief Technology Officer (CTO)"));
        // Every word of the widest table lies within the page's right margin (15 mm).
        let boxes = tool("pdftotext", &["-bbox", &table, "-"]).unwrap_or_default();
        let page_width = attribute(&boxes, "<page width=").expect("a page width");
        let words: Vec<&str> = boxes.split("<word ").skip(1).collect();
        assert!(words.len() > 300, "{paper}: {} words", words.len());
        for word in words {
            let right = attribute(word, "xMax=").expect("a word box");
            let ok = right <= page_width - 40.0;
            assert!(ok, "{paper}: a word runs off: {word}");
        }
    }
}
