//! The terminal layout: every command's output fits the width it is given, from
//! 40 columns up, measured in display columns (a `—` is one, a CJK character
//! two), without cutting a word that fits on a line and without escape codes
//! when piped; a table too narrow for its words is stacked; a narrower `COLUMNS`
//! is drawn at 40; a 256 KiB word is cut to the width rather than dropped; and
//! a table at 80 columns matches its snapshot.

use std::collections::HashSet;

use crate::common::*;

/// One run of every command that draws for a terminal, with answers for the
/// questionnaires and a fixture for `kb validate`.
#[rustfmt::skip]
const COMMANDS: &[&str] = &[
    "compare", "compare --cite", "compare cto cio --only focus,salary", "show cio",
    "show cto --section kpis,salary", "search data governance", "search innovation --role cto",
    "search secruity", "topics", "topics need-both", "topics disagreements", "disputes", "split",
    "sources", "advise --no-input --answer aim=product --answer size=startup",
    "advise --no-input --answers tests/fixtures/advise/answers.yaml --all-flips",
    "advise --no-input --answer size=startup",
    "career --no-input --answer interest=product --answer audience=external --answer years=12",
    "career --no-input --answer years=3", "kb validate data/kb.yaml", "jd cto",
    "jd cio --fractional", "jd cto --brief",
];

/// The words of `text`: runs of letters, digits and hyphens, so a word cut in
/// two (`Informatio` / `n`, `key-di` / `fferences`) shows as pieces.
fn words(text: &str) -> HashSet<&str> {
    let words = text.split(|c: char| !c.is_alphanumeric() && c != '-');
    words.filter(|word| !word.is_empty()).collect()
}

#[test]
fn every_command_fits_every_width_from_40_columns_without_cutting_a_word() {
    for command in COMMANDS {
        let args: Vec<&str> = command.split_whitespace().collect();
        let root = env!("CARGO_MANIFEST_DIR");
        let at = |columns| roles(&args).current_dir(root).columns(columns).run();
        let wide = at(1000).stdout;
        for columns in [40, 50, 60, 80, 120] {
            let run = at(columns);
            let ok = matches!(run.code, Some(0 | 1)) && !run.stdout.is_empty();
            assert!(ok, "a result\n{run}");
            let (width, line) = widest_line(&run.stdout);
            let ok = width <= usize::from(columns);
            assert!(ok, "`{command}` at {columns}: {width} wide:\n{line}");
            assert!(!run.stdout.contains('\x1b'), "piped, yet painted:\n{run}");
            let cut: Vec<_> = words(&run.stdout)
                .difference(&words(&wide))
                .copied()
                .collect();
            assert!(
                cut.is_empty(),
                "`{command}` at {columns} columns cuts words: {cut:?}\n{run}"
            );
        }
    }
}

/// A table too narrow for its words is stacked, as the README's example shows;
/// a narrower width is drawn at 40 columns.
#[test]
fn a_table_too_narrow_for_its_words_is_stacked_a_heading_per_row() {
    let args = ["compare", "--only", "focus,objective"];
    let narrow = roles(&args).columns(40).succeeds().stdout;
    assert!(!narrow.contains('┆'), "{narrow}");
    let example = format!("$ COLUMNS=40 roles {}\n{narrow}```", args.join(" "));
    let ok = include_str!("../../README.md").contains(&example);
    assert!(ok, "the README shows:\n{example}");
    assert!(roles(&args).columns(60).succeeds().stdout.contains('┆'));
    let twenty = roles(&["compare"]).columns(20).succeeds().stdout;
    assert_eq!(twenty, roles(&["compare"]).columns(40).succeeds().stdout);
}

/// A 256 KiB word, cut in one pass, at the table's width (a cut taking time
/// in the word's square would hit the driver's deadline); a 16 KiB word in the
/// other formats, which do not cut it and must not drop it.
#[test]
fn a_256_kib_word_is_cut_to_the_width_not_dropped_in_every_command_and_format() {
    let dir = temp_dir();
    let dump = std::fs::read_to_string(dump_to(dir.path(), "yaml")).expect("the dump");
    #[rustfmt::skip]
    let places = [
        // A role name, a source title, a dimension's value, a dispute's question, an area's title.
        ("name: Chief Information Officer", "name: Chief WORD"),
        ("title: \"CIO vs CTO: What's the difference?\"", "title: WORD"),
        ("Inward: internal", "Inward: WORD internal"),
        ("question: Who drives innovation?", "question: Who drives WORD?"),
        ("title: IT infrastructure and operations", "title: IT WORD"),
    ];
    #[rustfmt::skip]
    let commands = ["compare", "show cio", "search inward", "disputes", "split", "sources", "jd cio",
        "advise --no-input -a aim=process -a size=large"];
    for (kib, formats) in [
        (256, &["table"][..]),
        (16, &["markdown", "html", "json", "yaml"]),
    ] {
        let word = "W".repeat(kib * 1024);
        let mut kb = dump.clone();
        for (from, to) in places {
            assert!(kb.contains(from), "the dump has {from}");
            kb = kb.replacen(from, &to.replace("WORD", &word), 1);
        }
        let kb = write_file(dir.path(), "huge-word.yaml", kb);
        for (command, format) in commands
            .iter()
            .flat_map(|c| formats.iter().map(move |f| (c, f)))
        {
            let args: Vec<&str> = command.split_whitespace().collect();
            let run = roles(&args).kb(&kb).format(format).run();
            assert!(!run.timed_out && run.code == Some(0), "{run}");
            let shown = run.stdout.matches('W').count();
            assert!(shown >= word.len(), "the word is dropped: {shown} W\n{run}");
            let (width, line) = widest_line(&run.stdout);
            let fits = *format != "table" || width <= 80;
            assert!(fits, "`{}`: {width} wide: {line:.100}", run.shown);
        }
    }
}

#[test]
fn a_narrow_table_gives_its_room_to_the_text_not_the_source_list() {
    let text = roles(&["search", "data", "governance"]).succeeds().stdout;
    let header = text
        .lines()
        .find(|line| line.contains("Fact"))
        .expect("a header row");
    let cells: Vec<usize> = header
        .split('┆')
        .map(unicode_width::UnicodeWidthStr::width)
        .collect();
    assert!(cells[2] > cells[3], "{header}");
}

#[test]
fn compare_table_at_80_columns_with_the_salary_caveat_matches_the_snapshot() {
    let args = ["compare", "--only", "focus,objective,revenue-line,salary"];
    assert_snapshot("compare_80.txt", &roles(&args).succeeds().stdout);
}

#[test]
fn compare_uses_the_extra_room_of_a_wider_terminal() {
    let wide = roles(&["compare"]).columns(160).succeeds().stdout;
    let narrow = roles(&["compare"]).succeeds().stdout;
    assert!(widest_line(&wide).0 > 80, "{wide}");
    assert!(wide.lines().count() < narrow.lines().count());
}
