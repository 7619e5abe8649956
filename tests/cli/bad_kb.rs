//! Knowledge-base files that cannot be used. Whether loaded with `--kb` or checked
//! with `kb validate`, each is refused with exit 2, nothing on stdout and an
//! `error:` report that names the file and says what is wrong (with the line and
//! column where the parser knows them), never a panic.
//!
//! The committed files in `tests/fixtures/bad/` are copies of
//! `tests/fixtures/minimal.yaml` with one thing broken; files that are not text
//! are made in temporary directories.

use std::path::Path;

use crate::common::*;

/// Loads `file` with `roles --kb FILE compare` and with `roles kb validate FILE`.
/// Both must refuse it with the same report, which names the file and contains
/// each of `what`. Returns that report.
#[track_caller]
fn refuses(file: &Path, what: &[&str]) -> String {
    let via_kb = roles(&["compare"]).kb(file).fails_as_bad_input();
    let via_validate = roles(&["kb", "validate"]).arg(file).fails_as_bad_input();
    assert_eq!(
        via_kb.stderr, via_validate.stderr,
        "both ways give one report"
    );
    let report = via_validate.stderr;
    let name = file.display().to_string();
    assert!(report.contains(&name), "the report names {name}:\n{report}");
    for text in what {
        assert!(report.contains(text), "the report says {text:?}:\n{report}");
    }
    report
}

/// The 1-based number of the `occurrence`-th line of `file` that contains `text`.
fn line_of(file: &Path, text: &str, occurrence: usize) -> usize {
    std::fs::read_to_string(file)
        .expect("fixture")
        .lines()
        .enumerate()
        .filter(|(_, line)| line.contains(text))
        .nth(occurrence - 1)
        .map(|(index, _)| index + 1)
        .unwrap_or_else(|| panic!("{text:?} in {}", file.display()))
}

/// The `line` of each `file:line:column:` location in a report.
fn reported_lines(report: &str, file: &Path) -> Vec<usize> {
    let prefix = format!("{}:", file.display());
    report
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix(&prefix))
        .filter_map(|rest| rest.split(':').next()?.parse().ok())
        .collect()
}

#[test]
fn a_missing_file_is_refused() {
    let dir = temp_dir();
    refuses(&dir.path().join("missing.yaml"), &["no such file"]);
}

#[test]
fn a_missing_file_named_by_roles_kb_is_refused() {
    let dir = temp_dir();
    let file = dir.path().join("missing.yaml");
    roles(&["compare"])
        .env("ROLES_KB", &file)
        .fails_as_bad_input()
        .stderr_has(&file.display().to_string())
        .stderr_has("no such file");
}

#[test]
fn an_empty_file_is_refused() {
    let dir = temp_dir();
    refuses(&write_file(dir.path(), "empty.yaml", ""), &["empty"]);
}

#[test]
fn a_file_of_only_blank_lines_is_refused_as_empty() {
    let dir = temp_dir();
    refuses(
        &write_file(dir.path(), "blank.yaml", "\n  \n\n"),
        &["empty"],
    );
}

#[test]
fn a_directory_is_refused() {
    let dir = temp_dir();
    let sub = dir.path().join("kb.yaml");
    std::fs::create_dir(&sub).expect("a directory");
    refuses(&sub, &["is a directory"]);
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_the_line() {
    let dir = temp_dir();
    let file = write_file(
        dir.path(),
        "latin1.yaml",
        b"schema_version: 1\nsources:\n  - id: caf\xe9\n",
    );
    refuses(
        &file,
        &["not valid UTF-8", &format!("{}:3:12: ", file.display())],
    );
}

#[test]
fn a_binary_file_is_refused() {
    let dir = temp_dir();
    let file = write_file(dir.path(), "kb.yaml", b"schema_version: 1\n\0\x01\x02\x03");
    refuses(
        &file,
        &["binary", "NUL", &format!("{}:2:1: ", file.display())],
    );
}

#[test]
fn a_file_over_16_mib_is_refused_unread() {
    let dir = temp_dir();
    let file = dir.path().join("huge.yaml");
    let huge = std::fs::File::create(&file).expect("a file");
    huge.set_len(17 * 1024 * 1024).expect("a sparse file");
    refuses(&file, &["too large"]);
}

#[test]
fn a_yaml_syntax_error_gives_the_line_and_column() {
    let file = fixture("bad/syntax-error.yaml");
    refuses(&file, &[&format!("{}:6:5: ", file.display())]);
}

#[test]
fn a_document_that_is_not_a_mapping_is_refused() {
    let dir = temp_dir();
    let file = write_file(dir.path(), "list.yaml", "- just\n- a list\n");
    refuses(&file, &[":1:1: ", "expected a mapping"]);
}

#[test]
fn an_unknown_field_is_named() {
    let file = fixture("bad/unknown-field.yaml");
    let line = line_of(&file, "colour:", 1);
    refuses(
        &file,
        &[
            &format!(":{line}:5: "),
            "unknown field `colour`",
            "expected one of `id`, `name`",
        ],
    );
}

#[test]
fn a_missing_field_is_named() {
    let file = fixture("bad/missing-field.yaml");
    // The parser finds a field missing when the entry ends, at its last key.
    let line = line_of(&file, "file: article.txt", 1);
    refuses(&file, &[&format!(":{line}:5: "), "missing field `title`"]);
}

#[test]
fn a_value_of_the_wrong_type_is_refused() {
    let file = fixture("bad/wrong-type.yaml");
    let line = line_of(&file, "schema_version: one", 1);
    refuses(
        &file,
        &[&format!(":{line}:17: "), "expected a whole number"],
    );
}

#[test]
fn an_unsupported_schema_version_is_refused() {
    let dir = temp_dir();
    let minimal = std::fs::read_to_string(fixture("minimal.yaml")).expect("fixture");
    let file = write_file(
        dir.path(),
        "v2.yaml",
        minimal.replace("schema_version: 1", "schema_version: 2"),
    );
    refuses(&file, &["unsupported version 2"]);
}

#[test]
fn a_duplicate_role_id_is_refused() {
    refuses(
        &fixture("bad/duplicate-role-id.yaml"),
        &["roles: duplicate id `alpha`"],
    );
}

#[test]
fn a_duplicate_source_id_is_refused() {
    refuses(
        &fixture("bad/duplicate-source-id.yaml"),
        &["sources: duplicate id `article`"],
    );
}

#[test]
fn a_duplicate_dimension_id_is_refused() {
    refuses(
        &fixture("bad/duplicate-dimension-id.yaml"),
        &["dimensions: duplicate id `focus`"],
    );
}

#[test]
fn a_role_given_two_values_in_one_dimension_is_refused() {
    refuses(
        &fixture("bad/duplicate-value-key.yaml"),
        &["duplicate key `alpha`"],
    );
}

#[test]
fn a_citation_of_an_unknown_source_is_refused() {
    refuses(
        &fixture("bad/unknown-source.yaml"),
        &[
            "roles.beta.sections.duties.facts[0]",
            "cites unknown source `brochure`",
            "known sources: `article`",
        ],
    );
}

#[test]
fn a_dimension_value_for_an_unknown_role_is_refused() {
    refuses(
        &fixture("bad/unknown-role-in-values.yaml"),
        &[
            "dimensions.focus.values",
            "unknown role `gamma`",
            "`alpha`, `beta`",
        ],
    );
}

#[test]
fn a_fact_naming_an_unknown_role_is_refused() {
    refuses(
        &fixture("bad/unknown-role-in-fact-roles.yaml"),
        &["topics.both.facts[0]", "unknown role `gamma`"],
    );
}

#[test]
fn empty_text_is_refused() {
    refuses(
        &fixture("bad/empty-text.yaml"),
        &["roles.beta.summary", "`text` is empty"],
    );
}

#[test]
fn every_problem_in_a_file_is_reported_not_only_the_first() {
    let file = fixture("bad/three-problems.yaml");
    let report = refuses(
        &file,
        &[
            "3 problems in",
            "`text` is empty",
            "unknown source `brochure`",
            "unknown role `gamma`",
        ],
    );
    let problems = report
        .lines()
        .filter(|line| line.starts_with(&format!("  {}:", file.display())))
        .count();
    assert_eq!(problems, 3, "one line per problem:\n{report}");
}

#[test]
fn problems_are_reported_in_file_order() {
    let file = fixture("bad/three-problems.yaml");
    let report = refuses(&file, &[]);
    let lines = reported_lines(&report, &file);
    assert!(lines.is_sorted(), "{lines:?}\n{report}");
}

#[test]
fn a_problem_is_located_at_the_value_not_at_a_comment_naming_it() {
    let file = fixture("bad/unknown-source.yaml");
    let line = line_of(&file, "sources: [brochure]", 1);
    refuses(&file, &[&format!("{}:{line}:", file.display())]);
}

#[test]
fn a_duplicate_id_is_located_at_the_repeated_id() {
    let dir = temp_dir();
    let dump = roles(&["kb", "dump"]).succeeds().stdout;
    assert!(dump.contains("\n- id: cto\n"));
    let file = write_file(
        dir.path(),
        "kb.yaml",
        dump.replace("\n- id: cto\n", "\n- id: cio\n"),
    );
    let line = line_of(&file, "- id: cio", 2);
    let report = refuses(&file, &["roles: duplicate id `cio`"]);
    let located = report
        .lines()
        .find(|l| l.contains("duplicate id"))
        .expect("the duplicate problem");
    assert!(
        located.contains(&format!(":{line}:")),
        "expected line {line}: {located}"
    );
}

#[test]
fn each_citation_of_an_unknown_source_is_located_on_its_own_line() {
    let dir = temp_dir();
    let dump = roles(&["kb", "dump"]).succeeds().stdout;
    assert!(dump.contains("\n- id: tension\n"));
    let file = write_file(
        dir.path(),
        "kb.yaml",
        dump.replace("\n- id: tension\n", "\n- id: strain\n"),
    );
    let report = refuses(&file, &["cites unknown source `tension`"]);
    let lines = reported_lines(&report, &file);
    let mut distinct = lines.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), lines.len(), "{lines:?}");
}

#[test]
fn a_repeated_value_key_is_located_at_the_repetition() {
    let file = fixture("bad/duplicate-value-key.yaml");
    let line = line_of(&file, "      alpha:", 2);
    refuses(&file, &[&format!("{}:{line}:", file.display())]);
}

/// A copy of `tests/fixtures/minimal.yaml` with `from` replaced by `to`.
fn minimal_with(dir: &Path, from: &str, to: &str) -> std::path::PathBuf {
    let minimal = std::fs::read_to_string(fixture("minimal.yaml")).expect("fixture");
    assert!(minimal.contains(from), "{from:?} in minimal.yaml");
    write_file(dir, "kb.yaml", minimal.replacen(from, to, 1))
}

#[test]
fn reserved_role_ids_are_refused_where_they_stand() {
    for id in ["both", "fractional", "full-time"] {
        let dir = temp_dir();
        let file = minimal_with(dir.path(), "- id: beta", &format!("- id: {id}"));
        let line = line_of(&file, &format!("- id: {id}"), 1);
        refuses(
            &file,
            &[
                &format!(":{line}:9: roles: id `{id}` is reserved"),
                "choose another id",
            ],
        );
    }
}

#[test]
fn reserved_section_ids_are_refused() {
    for id in ["overview", "salary"] {
        let dir = temp_dir();
        let file = minimal_with(dir.path(), "- id: duties", &format!("- id: {id}"));
        refuses(
            &file,
            &[&format!("roles.alpha.sections: id `{id}` is reserved")],
        );
    }
}

#[test]
fn role_ids_differing_only_in_case_are_duplicates() {
    let dir = temp_dir();
    let file = minimal_with(dir.path(), "- id: beta", "- id: Alpha");
    let line = line_of(&file, "- id: Alpha", 1);
    refuses(
        &file,
        &[
            &format!(":{line}:9: roles: duplicate id `Alpha` (the same as `alpha` ignoring case)"),
            "must be lower-case",
        ],
    );
}

#[test]
fn controls_hidden_characters_tags_and_quoted_numbers_are_refused_where_they_stand() {
    for (from, to, says) in [
        (
            "title: An article",
            "title: \"An\\x1b[2J article\"",
            "control character U+001B",
        ),
        (
            "name: Beta Officer",
            "name: \"Beta\\u0007 Officer\"",
            "control character U+0007",
        ),
        (
            "file: article.txt",
            "file: \"article\\x9b.txt\"",
            "control character U+009B",
        ),
        (
            "file: article.txt",
            "file: \"article\\t.txt\"",
            "control character U+0009",
        ),
        (
            "name: Beta Officer",
            "name: \"Beta\\nOfficer\"",
            "control character U+000A",
        ),
        (
            "name: Beta Officer",
            "name: \"Beta\\u200bOfficer\"",
            "invisible character U+200B",
        ),
        (
            "title: An article",
            "title: \"An \\u202Eelcitra\"",
            "invisible character U+202E",
        ),
        (
            "name: Beta Officer",
            "name: \"Beta\\U000E0041\"",
            "invisible character U+E0041",
        ),
        (
            "schema_version: 1",
            "schema_version: '1'",
            "expected an integer for `schema_version`",
        ),
        (
            "title: An article",
            "title: !!binary QW4gYXJ0aWNsZQ==",
            "YAML tag `tag:yaml.org,2002:binary`",
        ),
    ] {
        let dir = temp_dir();
        let file = minimal_with(dir.path(), from, to);
        let line = line_of(&file, to, 1);
        let report = refuses(&file, &[says]);
        assert!(
            report.contains(&format!(":{line}:")),
            "{to}: placed on line {line}:\n{report}"
        );
        assert!(
            !report.contains(['\u{1b}', '\u{7}', '\u{200b}', '\u{202e}']),
            "{report}"
        );
    }
}

#[test]
fn a_weight_beyond_a_hundred_points_is_refused() {
    let dir = temp_dir();
    let dump = roles(&["kb", "dump"]).succeeds().stdout;
    let weight = dump
        .lines()
        .find(|line| line.trim_start().starts_with("cio: ") && line.trim_end().ends_with('2'))
        .expect("a weight of 2 for the CIO");
    let file = write_file(
        dir.path(),
        "kb.yaml",
        dump.replacen(weight, &weight.replace(": 2", ": 101"), 1),
    );
    let line = line_of(&file, ": 101", 1);
    refuses(
        &file,
        &[
            &format!(":{line}:"),
            "`cio` gives 101 points; points go from -100 to 100",
        ],
    );
}

#[test]
fn an_unknown_source_message_lists_at_most_ten_known_ids() {
    let dir = temp_dir();
    let minimal = std::fs::read_to_string(fixture("minimal.yaml")).expect("fixture");
    let extra: String = (0..30)
        .map(|n| format!("  - {{id: s{n:02}, title: T, file: f}}\n"))
        .collect();
    let file = write_file(
        dir.path(),
        "kb.yaml",
        minimal
            .replacen("sources:\n", &format!("sources:\n{extra}"), 1)
            .replacen("sources: [article]", "sources: [brochure]", 1),
    );
    let report = refuses(
        &file,
        &["cites unknown source `brochure`; known sources: `article`, `s00`, `s01`"],
    );
    assert!(report.contains("`s08`, … (31 in all)"), "{report}");
    assert!(!report.contains("`s09`"), "{report}");
}

/// `tests/fixtures/minimal.yaml` with `extra` appended.
fn minimal_plus(dir: &Path, extra: &str) -> std::path::PathBuf {
    let minimal = std::fs::read_to_string(fixture("minimal.yaml")).expect("minimal.yaml");
    write_file(dir, "kb.yaml", format!("{minimal}{extra}"))
}

#[test]
fn a_dispute_view_citing_an_unknown_source_is_refused_at_its_line() {
    let dir = temp_dir();
    let file = minimal_plus(
        dir.path(),
        "disputes:
  - id: scope
    question: Who looks after the building?
    views:
      - text: Alpha does.
        roles: [alpha]
        sources: [article]
      - text: Beta does.
        roles: [beta]
        sources: [brochure]
",
    );
    let line = line_of(&file, "sources: [brochure]", 1);
    refuses(
        &file,
        &[
            &format!("{}:{line}:", file.display()),
            "disputes.scope.views[1].sources[0]: cites unknown source `brochure`",
        ],
    );
}

#[test]
fn a_dispute_with_one_view_and_a_view_without_a_role_are_refused() {
    let dir = temp_dir();
    let file = minimal_plus(
        dir.path(),
        "disputes:
  - id: scope
    question: Who looks after the building?
    views:
      - text: Alpha does.
        roles: []
        sources: [article]
",
    );
    refuses(
        &file,
        &[
            "disputes.scope: has 1 view(s); a dispute needs at least two `views`",
            "disputes.scope.views[0]: names no role",
        ],
    );
}

#[test]
fn an_area_with_an_unknown_owner_or_dispute_is_refused_at_its_line() {
    let dir = temp_dir();
    let file = minimal_plus(
        dir.path(),
        "areas:
  - id: doors
    title: Doors
    owner: gamma
    facts:
      - text: Beta keeps the doors open.
        sources: [article]
        roles: [beta]
  - id: lights
    title: Lights
    owner: disputed
    dispute: wiring
    facts:
      - text: Alpha keeps the lights on.
        sources: [article]
        roles: [alpha]
  - id: roof
    title: Roof
    owner: shared
    dispute: wiring
    facts:
      - text: Both look after the roof.
        sources: [manual]
",
    );
    let owner = line_of(&file, "owner: gamma", 1);
    let dispute = line_of(&file, "dispute: wiring", 1);
    let source = line_of(&file, "sources: [manual]", 1);
    let report = refuses(
        &file,
        &[
            "areas.doors: owner `gamma` is not a role, `shared`, `divided` or `disputed`",
            "areas.lights: names unknown dispute `wiring`",
            "areas.roof: names dispute `wiring` but its owner is `shared`",
            "areas.roof.facts[0].sources[0]: cites unknown source `manual`",
        ],
    );
    let lines = reported_lines(&report, &file);
    for line in [owner, dispute, source] {
        assert!(lines.contains(&line), "line {line} in {lines:?}:\n{report}");
    }
}

#[test]
fn a_disputed_area_without_a_dispute_is_refused() {
    let dir = temp_dir();
    let file = minimal_plus(
        dir.path(),
        "areas:
  - id: doors
    title: Doors
    owner: disputed
    facts:
      - text: Beta keeps the doors open.
        sources: [article]
        roles: [beta]
",
    );
    refuses(
        &file,
        &["areas.doors: is `disputed` but names no `dispute`"],
    );
}
