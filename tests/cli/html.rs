//! `--format html`: one self-contained page for every command with a Markdown
//! view, saying what the Markdown says, with knowledge-base text escaped; and
//! the decision record printed by headless Chromium on A4 and US Letter.

use std::path::Path;
use std::process::Command;

use crate::common::*;

const COMMANDS: &[&[&str]] = &[
    &[
        "advise",
        "--no-input",
        "-a",
        "aim=product",
        "-a",
        "size=startup",
    ],
    &[
        "career",
        "--no-input",
        "-a",
        "interest=product",
        "-a",
        "years=12",
    ],
    &["compare", "--cite"],
    &["show", "cio"],
    &["disputes"],
    &["split"],
    &["topics"],
    &["topics", "need-both"],
    &["jd", "cto"],
    &["search", "data", "governance"],
    &["sources"],
];

#[test]
fn every_command_writes_one_self_contained_page_of_its_markdown() {
    for args in COMMANDS {
        let page = roles(args).format("html").succeeds().stdout;
        let markdown = roles(args).format("markdown").succeeds().stdout;
        let shown = args.join(" ");
        assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
        assert!(
            page.contains("<title>") && page.contains("@media print"),
            "{shown}"
        );
        for fetch_or_script in ["<script", "<link", "<img", "src=", "url(", "@import"] {
            assert!(
                !page.contains(fetch_or_script),
                "`{shown}`: {fetch_or_script}"
            );
        }
        // The same headings and table rows as the Markdown.
        let headings = markdown.lines().filter(|l| l.starts_with('#')).count();
        let rows = markdown.lines().filter(|l| l.starts_with('|')).count();
        let separator = |l: &str| l.starts_with('|') && l.chars().all(|c| "|-: ".contains(c));
        let separators = markdown.lines().filter(|l| separator(l)).count();
        let opened = |tag: &str| page.matches(tag).count();
        let html_headings: usize = ["<h1", "<h2", "<h3", "<h4"].map(opened).iter().sum();
        assert_eq!(html_headings, headings, "`{shown}` headings");
        assert_eq!(opened("<tr>"), rows - separators, "`{shown}` table rows");
    }
}

#[test]
fn raw_html_in_a_knowledge_base_text_comes_out_as_text() {
    let dir = temp_dir();
    let kb = std::fs::read_to_string(dump_to(dir.path(), "yaml")).expect("a dump");
    let hostile = "Inward: <script>alert(1)</script> <img src=x onerror=alert(1)> ![x](https://example.com/x.png) internal";
    let kb = write_file(
        dir.path(),
        "kb.yaml",
        kb.replacen("Inward: internal", hostile, 1),
    );
    let page = roles(&["compare"]).kb(&kb).format("html").succeeds().stdout;
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(page.contains("&lt;img src=x"), "{page}");
    assert!(!page.contains("<script") && !page.contains("<img") && !page.contains("https://"));
}

/// Runs `program` with `args`, or `None` when it is not installed.
fn tool(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    assert!(output.status.success(), "{program} {args:?}: {output:?}");
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Prints `page` to `NAME.pdf` on `paper` with headless Chromium; `None`
/// without it.
fn print(dir: &Path, name: &str, page: &str, paper: &str) -> Option<std::path::PathBuf> {
    let sized = page.replace("</style>", &format!("@page {{ size: {paper}; }}\n</style>"));
    let html = write_file(dir, &format!("{name}.html"), sized);
    let pdf = dir.join(format!("{name}.pdf"));
    let print_to = format!("--print-to-pdf={}", pdf.display());
    let url = format!("file://{}", html.display());
    let flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-pdf-header-footer",
    ];
    tool(
        "chromium",
        &[&flags[..], &[print_to.as_str(), url.as_str()]].concat(),
    )?;
    Some(pdf)
}

#[test]
fn the_decision_record_prints_on_a4_and_letter_within_three_pages_and_the_margins() {
    let dir = temp_dir();
    let record = roles(COMMANDS[0]).format("html").succeeds().stdout;
    let table = roles(&["compare", "--cite"])
        .format("html")
        .succeeds()
        .stdout;
    for paper in ["A4", "letter"] {
        let (Some(record), Some(table)) = (
            print(dir.path(), "record", &record, paper),
            print(dir.path(), "table", &table, paper),
        ) else {
            return prerequisite_missing("chromium (Debian's `chromium` package)");
        };
        let Some(info) = tool("pdfinfo", &[&record.display().to_string()]) else {
            return prerequisite_missing("pdfinfo (Debian's `poppler-utils` package)");
        };
        let pages: usize = info
            .lines()
            .find_map(|line| line.strip_prefix("Pages:"))
            .and_then(|pages| pages.trim().parse().ok())
            .expect("pdfinfo gives the page count");
        assert!((1..=3).contains(&pages), "{paper}: {pages} pages");
        let text = tool("pdftotext", &[&record.display().to_string(), "-"]).unwrap_or_default();
        assert!(
            text.contains("Hire a Chief Technology Officer (CTO)"),
            "{text}"
        );
        // Every word of the widest table lies within the page's right margin (15 mm).
        let boxes = tool("pdftotext", &["-bbox", &table.display().to_string(), "-"]);
        let boxes = boxes.unwrap_or_default();
        let page_width: f64 = attribute(&boxes, "<page width=").expect("a page width");
        let words: Vec<&str> = boxes.split("<word ").skip(1).collect();
        assert!(words.len() > 300, "{paper}: {} words", words.len());
        for word in words {
            let right = attribute(word, "xMax=").expect("a word box");
            assert!(
                right <= page_width - 40.0,
                "{paper}: a word runs off: {word}"
            );
        }
    }
}

/// The number in `name"…"` in `text`.
fn attribute(text: &str, name: &str) -> Option<f64> {
    let rest = &text[text.find(name)? + name.len() + 1..];
    rest[..rest.find('"')?].parse().ok()
}
