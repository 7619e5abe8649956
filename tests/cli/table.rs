//! The terminal table: a snapshot at a fixed width, wider with a wider
//! `COLUMNS`, and colour only when asked for or on a terminal (widths.rs checks
//! that every command fits its width).
//!
//! To accept a changed snapshot after checking it by eye, run the tests with
//! `UPDATE_SNAPSHOTS=1` and review the diff of `tests/snapshots/`.

use std::path::Path;

use crate::common::*;

/// The commands whose table output people read.
const TABLE_COMMANDS: &[&[&str]] = &[
    &["compare"],
    &["compare", "--cite"],
    &["show", "cio"],
    &["show", "cto"],
    &["search", "data", "governance"],
    &["sources"],
    &["topics"],
    &["topics", "need-both"],
    &["disputes"],
    &["split"],
];

/// Compares `actual` with the snapshot file, or rewrites it under `UPDATE_SNAPSHOTS=1`.
#[track_caller]
fn assert_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).expect("the snapshot can be written");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    assert!(
        actual == expected,
        "output differs from {}\n--- expected ---\n{expected}\n--- actual ---\n{actual}",
        path.display()
    );
}

#[test]
fn compare_table_at_80_columns_with_the_salary_caveat_matches_the_snapshot() {
    let table = roles(&["compare", "--only", "focus,objective,revenue-line,salary"])
        .columns(80)
        .succeeds()
        .stdout;
    assert_snapshot("compare_80.txt", &table);
}

#[test]
fn compare_uses_the_extra_room_of_a_wider_terminal() {
    let wide = roles(&["compare"]).columns(160).succeeds().stdout;
    let narrow = roles(&["compare"]).columns(80).succeeds().stdout;
    assert!(widest_line(&wide).0 > 80, "{wide}");
    assert!(wide.lines().count() < narrow.lines().count());
}

#[test]
fn piped_output_has_no_escape_codes_by_default() {
    for args in TABLE_COMMANDS {
        let run = roles(args).succeeds();
        assert!(
            !run.stdout.contains('\x1b'),
            "`{}`:\n{}",
            run.shown,
            run.stdout
        );
    }
}
