//! Every command's terminal output fits the width it is given, from 40 columns
//! up, measured in display columns (a `—` is one, a CJK character two); and a
//! narrower `COLUMNS` is drawn at 40.

use crate::common::*;

/// One run of every command that draws for a terminal, with answers for the
/// questionnaires and a fixture for `kb validate`.
const COMMANDS: &[&[&str]] = &[
    &["compare"],
    &["compare", "--cite"],
    &["compare", "cto", "cio", "--only", "focus,salary"],
    &["show", "cio"],
    &["show", "cto", "--section", "kpis,salary"],
    &["search", "data", "governance"],
    &["search", "innovation", "--role", "cto"],
    &["search", "secruity"],
    &["topics"],
    &["topics", "need-both"],
    &["topics", "disagreements"],
    &["disputes"],
    &["split"],
    &["sources"],
    &[
        "advise",
        "--no-input",
        "--answer",
        "aim=product",
        "--answer",
        "size=startup",
    ],
    &[
        "advise",
        "--no-input",
        "--answers",
        "tests/fixtures/advise/answers.yaml",
        "--all-flips",
    ],
    &["advise", "--no-input", "--answer", "size=startup"],
    &[
        "career",
        "--no-input",
        "--answer",
        "interest=product",
        "--answer",
        "audience=external",
        "--answer",
        "years=12",
    ],
    &["career", "--no-input", "--answer", "years=3"],
    &["kb", "validate", "data/kb.yaml"],
    &["jd", "cto"],
    &["jd", "cio", "--fractional"],
    &["jd", "cto", "--brief"],
];

#[test]
fn every_command_fits_40_60_80_and_120_columns() {
    let root = env!("CARGO_MANIFEST_DIR");
    for args in COMMANDS {
        for columns in [40, 60, 80, 120] {
            let run = roles(args).current_dir(root).columns(columns).run();
            assert!(
                matches!(run.code, Some(0 | 1)) && !run.stdout.is_empty(),
                "should print a result\n{run}"
            );
            let (width, line) = widest_line(&run.stdout);
            assert!(
                width <= usize::from(columns),
                "`roles {}` at {columns} columns: a line {width} wide:\n{line}",
                args.join(" ")
            );
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
