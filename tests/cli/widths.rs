//! The terminal layout: every command's output fits the width it is given, from
//! 40 columns up, measured in display columns (a `—` is one, a CJK character
//! two), without cutting a word that fits on a line and without escape codes
//! when piped; a table too narrow for its words is stacked; a narrower `COLUMNS`
//! is drawn at 40; a 256 KiB word is cut to the width rather than dropped; and
//! a table at 80 columns matches its snapshot (to accept a changed one after
//! checking it by eye, run the tests with `UPDATE_SNAPSHOTS=1` and review the
//! diff of `tests/snapshots/`).

use std::path::Path;

use crate::common::*;

/// One run of every command that draws for a terminal, with answers for the
/// questionnaires and a fixture for `kb validate`.
const COMMANDS: &[&str] = &[
    "compare",
    "compare --cite",
    "compare cto cio --only focus,salary",
    "show cio",
    "show cto --section kpis,salary",
    "search data governance",
    "search innovation --role cto",
    "search secruity",
    "topics",
    "topics need-both",
    "topics disagreements",
    "disputes",
    "split",
    "sources",
    "advise --no-input --answer aim=product --answer size=startup",
    "advise --no-input --answers tests/fixtures/advise/answers.yaml --all-flips",
    "advise --no-input --answer size=startup",
    "career --no-input --answer interest=product --answer audience=external --answer years=12",
    "career --no-input --answer years=3",
    "kb validate data/kb.yaml",
    "jd cto",
    "jd cio --fractional",
    "jd cto --brief",
];

/// The words of `text`: runs of letters, digits and hyphens, so a word cut in
/// two (`Informatio` / `n`, `key-di` / `fferences`) shows as pieces.
fn words(text: &str) -> std::collections::HashSet<&str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|word| !word.is_empty())
        .collect()
}

#[test]
fn every_command_fits_every_width_from_40_columns_without_cutting_a_word() {
    let root = env!("CARGO_MANIFEST_DIR");
    for command in COMMANDS {
        let args: Vec<&str> = command.split_whitespace().collect();
        let wide = roles(&args).current_dir(root).columns(1000).run().stdout;
        for columns in [40, 50, 60, 80, 120] {
            let run = roles(&args).current_dir(root).columns(columns).run();
            assert!(
                matches!(run.code, Some(0 | 1)) && !run.stdout.is_empty(),
                "should print a result\n{run}"
            );
            let (width, line) = widest_line(&run.stdout);
            assert!(
                width <= usize::from(columns),
                "`roles {command}` at {columns} columns: a line {width} wide:\n{line}"
            );
            assert!(!run.stdout.contains('\x1b'), "piped, yet painted:\n{run}");
            let cut: Vec<_> = words(&run.stdout)
                .difference(&words(&wide))
                .copied()
                .collect();
            assert!(
                cut.is_empty(),
                "`roles {command}` at {columns} columns cuts words: {cut:?}\n{run}"
            );
        }
    }
}

/// A table too narrow for its words is stacked, as the README's example shows.
#[test]
fn a_table_too_narrow_for_its_words_is_stacked_a_heading_per_row() {
    let args = ["compare", "--only", "focus,objective"];
    let narrow = roles(&args).columns(40).succeeds().stdout;
    assert!(!narrow.contains('┆'), "{narrow}");
    let readme = include_str!("../../README.md");
    let example = format!("$ COLUMNS=40 roles {}\n{narrow}```", args.join(" "));
    assert!(readme.contains(&example), "the README shows:\n{example}");
    assert!(roles(&args).columns(60).succeeds().stdout.contains('┆'));
}

/// One 256 KiB word in a role name, a source title, a dimension's value, a
/// dispute's question and an area's title.
fn kb_with_a_huge_word(dir: &Path, word: &str) -> std::path::PathBuf {
    let mut kb = std::fs::read_to_string(dump_to(dir, "yaml")).expect("the dump is readable");
    for (from, to) in [
        ("name: Chief Information Officer", "name: Chief WORD"),
        (
            "title: \"CIO vs CTO: What's the difference?\"",
            "title: WORD",
        ),
        ("Inward: internal", "Inward: WORD internal"),
        (
            "question: Who drives innovation?",
            "question: Who drives WORD?",
        ),
        ("title: IT infrastructure and operations", "title: IT WORD"),
    ] {
        assert!(kb.contains(from), "the dump has {from}");
        kb = kb.replacen(from, &to.replace("WORD", word), 1);
    }
    write_file(dir, "huge-word.yaml", kb)
}

#[test]
fn a_256_kib_word_is_cut_to_the_width_not_dropped_in_every_command_and_format() {
    let dir = temp_dir();
    let word = "W".repeat(256 * 1024);
    let kb = kb_with_a_huge_word(dir.path(), &word);
    let commands = [
        "compare",
        "show cio",
        "search inward",
        "disputes",
        "split",
        "sources",
        "jd cio",
        "advise --no-input -a aim=process -a size=large",
    ];
    for command in commands {
        let args: Vec<&str> = command.split_whitespace().collect();
        for format in ["table", "markdown", "html", "json", "yaml"] {
            // The driver kills a run at its deadline; timing is measured in BENCHMARKS.md.
            let run = roles(&args).kb(&kb).format(format).run();
            assert!(!run.timed_out && run.code == Some(0), "{run}");
            let shown = run.stdout.matches('W').count();
            assert!(shown >= word.len(), "the word is dropped: {shown} W\n{run}");
            if format == "table" {
                let (width, line) = widest_line(&run.stdout);
                assert!(
                    width <= 80,
                    "`{}`: a line {width} wide: {line:.100}",
                    run.shown
                );
            }
        }
    }
}

#[test]
fn a_narrower_width_is_drawn_at_40_columns() {
    let narrow = roles(&["compare"]).columns(20).succeeds().stdout;
    let forty = roles(&["compare"]).columns(40).succeeds().stdout;
    assert_eq!(narrow, forty);
}

#[test]
fn a_narrow_table_gives_its_room_to_the_text_not_the_source_list() {
    let text = roles(&["search", "data", "governance"])
        .columns(80)
        .succeeds()
        .stdout;
    let header = text
        .lines()
        .find(|line| line.contains("Fact"))
        .expect("a header row");
    let cells: Vec<&str> = header.split('┆').collect();
    let fact = unicode_width::UnicodeWidthStr::width(cells[2]);
    let source = unicode_width::UnicodeWidthStr::width(cells[3]);
    assert!(fact > source, "{header}");
}

#[test]
fn compare_table_at_80_columns_with_the_salary_caveat_matches_the_snapshot() {
    let args = ["compare", "--only", "focus,objective,revenue-line,salary"];
    let table = roles(&args).columns(80).succeeds().stdout;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/snapshots/compare_80.txt"
    );
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, &table).expect("the snapshot can be written");
    }
    let expected = std::fs::read_to_string(path).expect("the snapshot is readable");
    assert!(table == expected, "differs from {path}:\n{table}");
}

#[test]
fn compare_uses_the_extra_room_of_a_wider_terminal() {
    let wide = roles(&["compare"]).columns(160).succeeds().stdout;
    let narrow = roles(&["compare"]).columns(80).succeeds().stdout;
    assert!(widest_line(&wide).0 > 80, "{wide}");
    assert!(wide.lines().count() < narrow.lines().count());
}
