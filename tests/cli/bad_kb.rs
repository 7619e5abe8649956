//! Knowledge-base files that cannot be used, refused by `--kb` and `kb validate`
//! alike: exit 2, an `error:` report naming the file, what is wrong and where.
//! `tests/fixtures/bad/` holds copies of `minimal.yaml` with one thing broken;
//! other cases are edits of it (or of `roles kb dump`) made at test time.

use std::path::{Path, PathBuf};

use crate::common::*;

/// Loads `file` with `roles --kb FILE compare` and with `roles kb validate FILE`.
/// Both must refuse it with the same report, which names the file and contains
/// each of `what`. Returns that report.
#[track_caller]
fn refuses(file: &Path, what: &[&str]) -> String {
    let via_kb = roles(&["compare"]).kb(file).fails_as_bad_input();
    let report = roles(&["kb", "validate"])
        .arg(file)
        .fails_as_bad_input()
        .stderr;
    assert_eq!(via_kb.stderr, report, "both ways give one report");
    let name = file.display().to_string();
    assert!(report.contains(&name), "the report names {name}:\n{report}");
    for text in what {
        assert!(report.contains(text), "the report says {text:?}:\n{report}");
    }
    report
}

/// The 1-based number of the `occurrence`-th line of `file` that contains `text`.
fn line_of(file: &Path, text: &str, occurrence: usize) -> usize {
    let text_of_file = std::fs::read_to_string(file).expect("fixture");
    let mut lines = text_of_file
        .lines()
        .enumerate()
        .filter(|(_, line)| line.contains(text));
    let found = lines.nth(occurrence - 1).map(|(index, _)| index + 1);
    found.unwrap_or_else(|| panic!("{text:?} in {}", file.display()))
}

/// The `line` of each `file:line:column:` location in a report.
fn reported_lines(report: &str, file: &Path) -> Vec<usize> {
    let prefix = format!("{}:", file.display());
    let line_of = |line: &str| line.split_once(&prefix)?.1.split(':').next()?.parse().ok();
    report.lines().filter_map(line_of).collect()
}

/// Refuses `file`, saying `what`, placed at the `occurrence`-th line holding
/// `at` (unless `at` is empty) and at `column` (unless 0).
#[track_caller]
fn refuses_at(file: &Path, what: &[&str], at: &str, occurrence: usize, column: usize) -> String {
    let report = refuses(file, what);
    if !at.is_empty() {
        let line = line_of(file, at, occurrence);
        let place = match column {
            0 => format!("{}:{line}:", file.display()),
            _ => format!("{}:{line}:{column}: ", file.display()),
        };
        assert!(report.contains(&place), "placed at {place}:\n{report}");
    }
    report
}

/// A file `kb.yaml` in `dir` holding `text`.
fn kb_file(dir: &Path, text: impl AsRef<[u8]>) -> PathBuf {
    write_file(dir, "kb.yaml", text)
}

fn minimal() -> String {
    std::fs::read_to_string(fixture("minimal.yaml")).expect("minimal.yaml")
}

/// The committed broken files: what the report says, and where (the n-th line
/// holding a text, and the column where it matters).
#[rustfmt::skip]
const FIXTURES: &[(&str, &[&str], &str, usize, usize)] = &[
    ("syntax-error", &[], "    : article.txt", 1, 5),
    ("unknown-field", &["unknown field `colour`", "expected one of `id`, `name`"], "colour:", 1, 5),
    // The parser finds a field missing when the entry ends, at its last key.
    ("missing-field", &["missing field `title`"], "file: article.txt", 1, 5),
    ("wrong-type", &["expected a whole number"], "schema_version: one", 1, 17),
    ("duplicate-role-id", &["roles: duplicate id `alpha`"], "", 0, 0),
    ("duplicate-source-id", &["sources: duplicate id `article`"], "", 0, 0),
    ("duplicate-dimension-id", &["dimensions: duplicate id `focus`"], "", 0, 0),
    // A role given two values in one dimension, placed at the repetition.
    ("duplicate-value-key", &["duplicate key `alpha`"], "      alpha:", 2, 0),
    // Placed at the value, not at a comment naming it.
    ("unknown-source", &["roles.beta.sections.duties.facts[0]", "cites unknown source `brochure`",
        "known sources: `article`"], "sources: [brochure]", 1, 0),
    ("unknown-role-in-values", &["dimensions.focus.values", "unknown role `gamma`", "`alpha`, `beta`"], "", 0, 0),
    ("unknown-role-in-fact-roles", &["topics.both.facts[0]", "unknown role `gamma`"], "", 0, 0),
    ("empty-text", &["roles.beta.summary", "`text` is empty"], "", 0, 0),
];

#[test]
fn each_committed_broken_file_is_refused_at_its_place() {
    for (name, what, at, occurrence, column) in FIXTURES {
        let file = fixture(&format!("bad/{name}.yaml"));
        refuses_at(&file, what, at, *occurrence, *column);
    }
}

#[test]
fn every_problem_in_a_file_is_reported_not_only_the_first_in_file_order() {
    let file = fixture("bad/three-problems.yaml");
    let says = [
        "3 problems in",
        "`text` is empty",
        "unknown source `brochure`",
        "unknown role `gamma`",
    ];
    let report = refuses(&file, &says);
    let lines = reported_lines(&report, &file);
    let ok = lines.len() == 3 && lines.is_sorted();
    assert!(ok, "a line per problem, in order:\n{report}");
}

/// Files that are not a knowledge base at all, and what the report says.
#[rustfmt::skip]
const NOT_A_KNOWLEDGE_BASE: &[(&str, &[u8], &[&str])] = &[
    ("empty", b"", &["empty"]),
    ("only blank lines", b"\n  \n\n", &["empty"]),
    ("not UTF-8", b"schema_version: 1\nsources:\n  - id: caf\xe9\n", &["not valid UTF-8", ":3:12: "]),
    ("binary", b"schema_version: 1\n\0\x01\x02\x03", &["binary", "NUL", ":2:1: "]),
    ("a list", b"- just\n- a list\n", &[":1:1: ", "expected a mapping"]),
];

#[test]
fn files_that_are_not_a_knowledge_base_are_refused() {
    let dir = temp_dir();
    for (name, bytes, what) in NOT_A_KNOWLEDGE_BASE {
        let report = refuses(&kb_file(dir.path(), bytes), what);
        assert!(!report.contains("panicked"), "{name}");
    }
    let v2 = minimal().replace("schema_version: 1", "schema_version: 2");
    refuses(&kb_file(dir.path(), v2), &["unsupported version 2"]);
    let missing = dir.path().join("missing.yaml");
    refuses(&missing, &["no such file"]);
    let run = roles(&["compare"])
        .env("ROLES_KB", &missing)
        .fails_as_bad_input();
    run.stderr_has(&missing.display().to_string())
        .stderr_has("no such file");
}

/// One-line edits of `minimal.yaml` (`from` → `to`) that are refused, placed
/// on the line of `to` (and at `column` where it matters).
#[rustfmt::skip]
const EDITS: &[(&str, &str, &[&str], usize)] = &[
    ("- id: beta", "- id: both", &["roles: id `both` is reserved", "choose another id"], 9),
    ("- id: beta", "- id: fractional", &["roles: id `fractional` is reserved"], 9),
    ("- id: beta", "- id: full-time", &["roles: id `full-time` is reserved"], 9),
    ("- id: beta", "- id: Alpha", &["roles: duplicate id `Alpha` (the same as `alpha` ignoring case)",
        "must be lower-case"], 9),
    ("- id: duties", "- id: overview", &["roles.alpha.sections: id `overview` is reserved"], 0),
    ("- id: duties", "- id: salary", &["roles.alpha.sections: id `salary` is reserved"], 0),
    ("title: An article", "title: \"An\\x1b[2J article\"", &["control character U+001B"], 0),
    ("name: Beta Officer", "name: \"Beta\\u0007 Officer\"", &["control character U+0007"], 0),
    ("file: article.txt", "file: \"article\\x9b.txt\"", &["control character U+009B"], 0),
    ("file: article.txt", "file: \"article\\t.txt\"", &["control character U+0009"], 0),
    ("name: Beta Officer", "name: \"Beta\\nOfficer\"", &["control character U+000A"], 0),
    ("name: Beta Officer", "name: \"Beta\\u200bOfficer\"", &["invisible character U+200B"], 0),
    ("title: An article", "title: \"An \\u202Eelcitra\"", &["invisible character U+202E"], 0),
    ("name: Beta Officer", "name: \"Beta\\U000E0041\"", &["invisible character U+E0041"], 0),
    ("schema_version: 1", "schema_version: '1'", &["expected an integer for `schema_version`"], 0),
    ("title: An article", "title: !!binary QW4gYXJ0aWNsZQ==", &["YAML tag `tag:yaml.org,2002:binary`"], 0),
];

#[test]
fn reserved_ids_controls_hidden_characters_tags_and_quoted_numbers_are_refused_where_they_stand() {
    let dir = temp_dir();
    for (from, to, what, column) in EDITS {
        let minimal = minimal();
        assert!(minimal.contains(from), "{from:?} in minimal.yaml");
        let file = kb_file(dir.path(), minimal.replacen(from, to, 1));
        let report = refuses_at(&file, what, to, 1, *column);
        let hidden = ['\u{1b}', '\u{7}', '\u{200b}', '\u{202e}'];
        assert!(!report.contains(hidden), "{report}");
    }
}

/// Edits of the embedded knowledge base's dump: a repeated role id, a source
/// renamed from under its citations, a weight beyond a hundred points.
#[test]
fn problems_in_a_dump_are_each_located_where_they_stand() {
    let dir = temp_dir();
    let dump = roles(&["kb", "dump"]).succeeds().stdout;
    assert!(dump.contains("\n- id: cto\n") && dump.contains("\n- id: tension\n"));
    let file = kb_file(dir.path(), dump.replace("\n- id: cto\n", "\n- id: cio\n"));
    let report = refuses(&file, &["roles: duplicate id `cio`"]);
    let line = line_of(&file, "- id: cio", 2);
    let located = report.lines().find(|l| l.contains("duplicate id"));
    let located = located.expect("the problem");
    let ok = located.contains(&format!(":{line}:"));
    assert!(ok, "line {line}: {located}");
    let file = kb_file(
        dir.path(),
        dump.replace("\n- id: tension\n", "\n- id: strain\n"),
    );
    let lines = reported_lines(&refuses(&file, &["cites unknown source `tension`"]), &file);
    let mut distinct = lines.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), lines.len(), "one line each: {lines:?}");

    let two = |line: &&str| line.trim_start().starts_with("cio: ") && line.ends_with('2');
    let weight = dump.lines().find(two).expect("a weight of 2 for the CIO");
    let text = dump.replacen(weight, &weight.replace(": 2", ": 101"), 1);
    let says = ["`cio` gives 101 points; points go from -100 to 100"];
    refuses_at(&kb_file(dir.path(), text), &says, ": 101", 1, 0);
}

#[test]
fn an_unknown_source_message_lists_at_most_ten_known_ids() {
    let dir = temp_dir();
    let source = |n| format!("  - {{id: s{n:02}, title: T, file: f}}\n");
    let extra: String = (0..30).map(source).collect();
    let text = minimal().replacen("sources:\n", &format!("sources:\n{extra}"), 1);
    let file = kb_file(dir.path(), text.replacen("[article]", "[brochure]", 1));
    let says = ["cites unknown source `brochure`; known sources: `article`, `s00`, `s01`"];
    let report = refuses(&file, &says);
    let ten = report.contains("`s08`, … (31 in all)") && !report.contains("`s09`");
    assert!(ten, "{report}");
}

/// Disputes and areas appended to `minimal.yaml`: what the report says, and
/// the lines it must point at.
#[rustfmt::skip]
const DISPUTES_AND_AREAS: &[(&str, &[&str], &[&str])] = &[
    ("disputes:
  - id: scope
    question: Who looks after the building?
    views:
      - {text: Alpha does., roles: [alpha], sources: [article]}
      - {text: Beta does., roles: [beta], sources: [brochure]}
", &["disputes.scope.views[1].sources[0]: cites unknown source `brochure`"], &["sources: [brochure]"]),
    ("disputes:
  - {id: scope, question: Who looks after it?, views: [{text: Alpha does., roles: [], sources: [article]}]}
", &["disputes.scope: has 1 view(s); a dispute needs at least two `views`",
        "disputes.scope.views[0]: names no role"], &[]),
    ("areas:
  - {id: doors, title: Doors, owner: gamma, facts: [{text: Beta keeps them., sources: [article], roles: [beta]}]}
  - {id: lights, title: Lights, owner: disputed, dispute: wiring, facts: [{text: Alpha does., sources: [article]}]}
  - {id: roof, title: Roof, owner: shared, dispute: wiring, facts: [{text: Both do., sources: [manual]}]}
", &["areas.doors: owner `gamma` is not a role, `shared`, `divided` or `disputed`",
        "areas.lights: names unknown dispute `wiring`",
        "areas.roof: names dispute `wiring` but its owner is `shared`",
        "areas.roof.facts[0].sources[0]: cites unknown source `manual`"],
        &["owner: gamma", "dispute: wiring", "sources: [manual]"]),
    ("areas:
  - {id: doors, title: Doors, owner: disputed, facts: [{text: Beta does., sources: [article], roles: [beta]}]}
", &["areas.doors: is `disputed` but names no `dispute`"], &[]),
];

#[test]
fn disputes_and_areas_that_do_not_hold_together_are_refused_at_their_lines() {
    let dir = temp_dir();
    for (extra, what, at) in DISPUTES_AND_AREAS {
        let file = kb_file(dir.path(), format!("{}{extra}", minimal()));
        let lines = reported_lines(&refuses(&file, what), &file);
        for text in *at {
            let line = line_of(&file, text, 1);
            assert!(lines.contains(&line), "{text} on line {line} in {lines:?}");
        }
    }
}
