//! Hostile and oversized input through every route a file reaches the YAML
//! reader: `--kb FILE`, `ROLES_KB=FILE`, `roles kb validate FILE`,
//! `roles advise --answers FILE` and `roles advise --answers -` (stdin). Each
//! must be refused with exit 2, nothing on stdout, and one `error:` report that
//! names the file (or `<stdin>`) and places the problem as `FILE:LINE:COLUMN:`
//! (files refused unread, for their size or kind, are named without a place).
//!
//! Every run has its address space capped at 1 GiB (with `prlimit`, else
//! `ulimit -v`), so a blow-up ends in a failed allocation (an abort, which fails
//! the exit-code check) rather than swapping the machine. A run is killed after
//! 30 s as a hang guard; speed itself is measured by `bench/hostile.sh` and
//! reported in BENCHMARKS.md, not asserted here. Each run prints its time (see
//! them with `cargo test --test hostile -- --nocapture`).
//!
//! Files go to the file routes at the size cap (8 MiB) and to stdin at its own
//! cap (1 MiB). Small files are committed in `tests/fixtures/hostile/`; big ones
//! are made in temporary directories at test time.

#![allow(clippy::print_stderr)]

use std::path::Path;

use crate::common::*;
use At::*;
use Says::*;

/// The size cap of a file the README documents.
const CAP: usize = 8 * 1024 * 1024;
/// The size cap of answers on stdin.
const STDIN_CAP: usize = 1024 * 1024;

/// The ways a file reaches the YAML reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Via {
    /// `roles --kb FILE compare`.
    Kb,
    /// `ROLES_KB=FILE roles compare`.
    Env,
    /// `roles kb validate FILE`.
    Validate,
    /// `roles advise --no-input --answers FILE`.
    Answers,
    /// `roles advise --no-input --answers -`, the file on stdin.
    Stdin,
}

const EVERY: &[Via] = &[Via::Kb, Via::Env, Via::Validate, Via::Answers, Via::Stdin];
const KB: &[Via] = &[Via::Kb, Via::Env, Via::Validate];
const FILES: &[Via] = &[Via::Kb, Via::Env, Via::Validate, Via::Answers];
const ANSWERS: &[Via] = &[Via::Answers, Via::Stdin];

impl Via {
    fn child(self, file: &Path) -> Roles {
        match self {
            Via::Kb => child(&["--kb"]).arg(file).arg("compare"),
            Via::Env => child(&["compare"]).env("ROLES_KB", file),
            Via::Validate => child(&["kb", "validate"]).arg(file),
            Via::Answers => child(&["advise", "--no-input", "--answers"]).arg(file),
            Via::Stdin => child(&["advise", "--no-input", "--answers", "-"])
                .stdin(std::fs::read(file).expect("the file can be read")),
        }
    }

    /// How the report names the input.
    fn origin(self, file: &Path) -> String {
        match self {
            Via::Stdin => "<stdin>".to_owned(),
            _ => file.display().to_string(),
        }
    }
}

/// Where the report must place the problem.
#[derive(Clone, Copy, Debug)]
enum At {
    /// The file as a whole: no `line:column`.
    File,
    /// Some `FILE:LINE:COLUMN:`.
    Somewhere,
    /// `FILE:LINE:COLUMN:` on this line.
    Line(usize),
}

/// What a refusal must say: every one of these, or one of these.
#[derive(Clone, Copy)]
enum Says<'a> {
    All(&'a [&'a str]),
    Any(&'a [&'a str]),
}

/// What a refusal of hostile input may say: the budget that stopped it, or the
/// schema (a typed reader stops at the first node of the wrong shape, which for
/// a bomb is usually its first node).
const STOPPED: &[&str] = &[
    "anchors (`&name`) and aliases (`*name`) are not accepted",
    "nested more than 24 levels deep",
    "values, lists and mappings",
    "duplicate key",
    "invalid type",
    "expected",
    "unknown field",
    "unknown question",
    "not allowed",
    "invalid",
    "BOM",
];

/// Runs `roles` on `file` each way in `vias`, memory-capped, and checks each run
/// refused it: exit 2, nothing on stdout, one `error:` report naming the input,
/// saying what `says` asks, placed as `at` says.
#[track_caller]
fn refused(file: &Path, vias: &[Via], at: At, says: Says<'_>) {
    for &via in vias {
        let shown = via.origin(file);
        let run = via.child(file).memory_capped().run();
        let name = format!("{} via {via:?}", file.display());
        eprintln!(
            "hostile: {name}: exit {:?} in {} ms",
            run.code,
            run.elapsed.as_millis()
        );
        assert!(!run.timed_out, "{name}: hung\n{run}");
        assert_eq!(run.code, Some(2), "{name}: exit 2\n{run}");
        assert!(run.stdout.is_empty(), "{name}: wrote to stdout\n{run}");
        assert!(
            run.stderr.starts_with("error: "),
            "{name}: reports `error: …`\n{run}"
        );
        assert!(!run.stderr.contains("panicked"), "{name}: panicked\n{run}");
        assert!(
            !run.stderr.contains('\u{1b}'),
            "{name}: an escape reached stderr\n{run}"
        );
        assert!(
            run.stderr.contains(&shown),
            "{name}: the report names {shown}\n{run}"
        );
        let said = |text: &&str| run.stderr.contains(text);
        match says {
            All(all) => assert!(
                all.iter().all(said),
                "{name}: the report says all of {all:?}\n{run}"
            ),
            Any(any) => assert!(
                any.iter().any(said),
                "{name}: the report says one of {any:?}\n{run}"
            ),
        }
        match at {
            File => {}
            Somewhere => assert!(
                has_location(&run.stderr, &shown),
                "{name}: line:column\n{run}"
            ),
            Line(line) => assert_eq!(
                location(&run.stderr, &shown).map(|(l, _)| l),
                Some(line),
                "{name}\n{run}"
            ),
        }
    }
}

/// A hostile shape made at a size: at the file cap for the file routes and at
/// the stdin cap for stdin. Every route must refuse it, placed; `says` holds
/// for every route.
#[track_caller]
fn refused_everywhere(name: &str, says: Says<'_>, make: impl Fn(usize) -> Vec<u8>) {
    eprintln!("hostile: {name}");
    let dir = temp_dir();
    let big = make(CAP - 64);
    assert!(big.len() <= CAP, "{name}: {} bytes", big.len());
    let file = write_file(dir.path(), "hostile.yaml", &big);
    refused(&file, FILES, Somewhere, says);
    let small = make(STDIN_CAP - 64);
    assert!(small.len() <= STDIN_CAP, "{name}: {} bytes", small.len());
    let stdin = write_file(dir.path(), "stdin.yaml", &small);
    refused(&stdin, &[Via::Stdin], Somewhere, says);
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("the fixture can be read")
}

/// The 1-based line of the `occurrence`-th line of `text` containing `needle`.
fn line_of(text: &str, needle: &str, occurrence: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.contains(needle))
        .nth(occurrence - 1)
        .map(|(index, _)| index + 1)
        .unwrap_or_else(|| panic!("{needle:?} occurs {occurrence} times"))
}

/// `tests/fixtures/minimal.yaml` without its comment, split before `topics:`.
fn minimal_without_topics() -> String {
    let minimal = read("minimal.yaml");
    let body: String = minimal
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| format!("{line}\n"))
        .collect();
    body.split("topics:").next().expect("a head").to_owned()
}

/// A valid knowledge base up to one fact's `sources:`, where a list of any
/// length fits the schema: the place a width bomb goes.
fn kb_up_to_a_citation_list() -> String {
    format!(
        "{}topics:\n  - id: both\n    title: Both roles\n    facts:\n      - text: A fact.\n        sources:",
        minimal_without_topics()
    )
}

/// Repeats `unit` to fill `size` bytes after `head` and before `tail`.
fn fill(head: &str, unit: &str, tail: &str, size: usize) -> Vec<u8> {
    let room = size.saturating_sub(head.len() + tail.len());
    let mut text = String::with_capacity(size);
    text.push_str(head);
    text.push_str(&unit.repeat(room / unit.len()));
    text.push_str(tail);
    text.into_bytes()
}

/// A knowledge base that fits the schema, whose one topic has a fact with a
/// `text_bytes`-byte text anchored as `&text`, then `aliases` facts citing it as
/// `*text`: `text_bytes * aliases` bytes once expanded.
fn aliased_text_kb(text_bytes: usize, aliases: usize, line_break: &str) -> String {
    let mut kb = String::from("# TEST DATA: an alias bomb that fits the schema\n");
    kb.push_str(&minimal_without_topics());
    kb.push_str("topics:\n  - id: both\n    title: Both roles\n    facts:\n");
    kb.push_str(&format!(
        "      - text: &text '{}'\n        sources: [article]\n",
        "A".repeat(text_bytes)
    ));
    for _ in 0..aliases {
        kb.push_str("      - {text: *text, sources: [article]}\n");
    }
    kb.replace('\n', line_break)
}

const ANCHORS: &str = "anchors (`&name`) and aliases (`*name`) are not accepted";
/// A refusal of an anchor or alias.
const ALIAS: Says = All(&[ANCHORS]);
/// A refusal by a budget or the schema (see `STOPPED`).
const STOP: Says = Any(STOPPED);

// --- alias bombs -------------------------------------------------------------

/// The committed hostile files: the routes, the text on the line the report
/// points at (its n-th occurrence; none: somewhere), and what it says.
#[rustfmt::skip]
const FIXTURES: &[(&str, &[Via], &str, usize, Says)] = &[
    ("billion-laughs", ANSWERS, "&lol1", 1, All(&[ANCHORS, "write the values out in full"])),
    // A knowledge base stops at the first key, which is not one of its fields.
    ("billion-laughs", KB, "&lol1", 1, All(&["unknown field `lol1`"])),
    ("answers-billion-laughs", ANSWERS, "&lol1", 1, ALIAS),
    // A small alias that fits the schema.
    ("aliased-fact-text", KB, "&text", 1, ALIAS),
    ("aliased-fact-text", ANSWERS, "", 0, STOP),
    ("alias-after-block-scalar", KB, "theme: &theme", 1, ALIAS),
    ("alias-after-flow-colon-quote", KB, "&inward", 2, ALIAS),
    // A duplicate key is refused at the repetition.
    ("duplicate-top-level-key", KB, "roles: []", 1, All(&["duplicate key `roles`"])),
    ("duplicate-key-in-role", KB, "name: Alpha Prime", 1, All(&["duplicate key `name`"])),
    ("duplicate-key-in-weights", KB, "alpha: 5", 1, All(&["duplicate key `alpha`"])),
    ("duplicate-answer", ANSWERS, "aim: process", 1, All(&["duplicate key `aim`"])),
];

#[test]
fn each_committed_hostile_file_is_refused_at_its_place() {
    for (name, vias, needle, occurrence, says) in FIXTURES {
        let name = format!("hostile/{name}.yaml");
        let at = match needle.is_empty() {
            true => Somewhere,
            false => Line(line_of(&read(&name), needle, *occurrence)),
        };
        refused(&fixture(&name), vias, at, *says);
    }
}

/// The spellings that got past the old pre-scan: an anchor name ending in `?`
/// or `:`, and a byte-order mark at the start of a line before the alias. Each
/// anchors a large list, aliased thousands of times; the 850 KB stdin version
/// of the first aborted out of memory (3.9 GB).
#[test]
fn alias_bombs_in_any_spelling_are_refused_at_the_anchor() {
    for (spelling, anchor, alias_line) in [
        ("name ending in `?`", "&x?AAAA", "  - *x?AAAA\n"),
        ("name ending in `:`", "&x:", "  - *x:\n"),
        ("BOM before the alias", "&x", "\u{feff}  - *x\n"),
    ] {
        // The first key is one both a knowledge base and an answers file read.
        let head = format!(
            "schema_version: {anchor} [{}]\nx:\n",
            vec!["aaaaaaaa"; 2_000].join(", ")
        );
        refused_everywhere(spelling, ALIAS, |size| fill(&head, alias_line, "", size));
        let dir = temp_dir();
        let mut kb = minimal_without_topics()
            .replace("title: An article", &format!("title: {anchor} An article"));
        kb.push_str(&format!(
            "topics:\n  - id: t\n    title:\n{alias_line}    facts: []\n"
        ));
        let file = write_file(dir.path(), "kb.yaml", &kb);
        let line = line_of(&kb, anchor, 1);
        refused(&file, KB, Line(line), ALIAS);
    }
}

#[test]
fn a_mebibyte_text_aliased_thousands_of_times_is_refused() {
    let dir = temp_dir();
    let kb = aliased_text_kb(1 << 20, 5_000, "\n");
    let line = line_of(&kb, "&text", 1);
    let file = write_file(dir.path(), "bomb.yaml", kb);
    refused(&file, KB, Line(line), ALIAS);
    let answers = format!(
        "x: &big '{}'\nneeds: [{}]\n",
        "a".repeat(900 * 1024),
        vec!["*big"; 3_000].join(", ")
    );
    let answers = write_file(dir.path(), "answers.yaml", answers);
    refused(&answers, ANSWERS, Line(1), ALIAS);
}

/// A line-based scan once split lines only at `\n` while the parser also broke
/// them at a lone CR (and, as YAML 1.1, at NEL, LS and PS), and missed aliases.
/// The parser now reads the file itself: CR and CRLF break lines, and the
/// anchor is refused; YAML 1.2 reads NEL, LS and PS as ordinary characters, so
/// a file that starts with a comment is one comment line, with nothing to expand.
#[test]
fn line_breaks_of_every_kind_do_not_hide_an_alias() {
    let dir = temp_dir();
    for (name, line_break) in [
        ("crlf", "\r\n"),
        ("cr", "\r"),
        ("nel", "\u{85}"),
        ("ls", "\u{2028}"),
        ("ps", "\u{2029}"),
    ] {
        let breaks_lines = line_break.starts_with('\r');
        let text = aliased_text_kb(1 << 20, 3_000, line_break);
        let file = write_file(dir.path(), &format!("{name}.yaml"), text);
        refused(
            &file,
            KB,
            Somewhere,
            if breaks_lines { ALIAS } else { STOP },
        );
        let text = ["# answers", "aim: &both both", "audience: *both", ""].join(line_break);
        let answers = write_file(dir.path(), &format!("answers-{name}.yaml"), text);
        if breaks_lines {
            refused(&answers, ANSWERS, Line(2), ALIAS);
            continue;
        }
        // The break is no line break, so the whole file is one comment: nothing
        // is answered, which `advise` refuses (naming `--answer`) rather than
        // expanding anything.
        for via in ANSWERS {
            let run = via
                .child(&answers)
                .arg("--format")
                .arg("json")
                .memory_capped()
                .run();
            assert_eq!(run.code, Some(2), "{name}: nothing answered\n{run}");
            assert!(
                run.stderr.contains("--answer") && run.stdout.is_empty(),
                "{name}\n{run}"
            );
        }
    }
}

/// A block scalar whose content starts with `'` at the list's column switched
/// the old scan into "inside a quote", and every later check was skipped.
#[test]
fn a_block_scalar_opening_with_a_quote_hides_nothing() {
    let dir = temp_dir();
    let mut kb = minimal_without_topics();
    kb.push_str(
        "topics:\n  - id: both\n    title: Both roles\n    facts:\n      - text: |\n      'quoted at the list's column\n        sources: [article]\n      - text: &x plain\n        sources: [article]\n      - text: *x\n        sources: [article]\n",
    );
    let file = write_file(dir.path(), "quote.yaml", kb);
    refused(&file, EVERY, Somewhere, STOP);
}

// --- deep and wide nesting -------------------------------------------------------

#[test]
fn deep_flow_nesting_is_refused_with_or_without_tags_and_anchors() {
    for (name, open, close) in [
        ("brackets", "[", "]"),
        ("braces", "{a: ", "}"),
        ("tagged brackets", "!!seq [", "]"),
        ("anchored brackets", "&a [", "]"),
        ("tagged braces", "!!map {a: ", "}"),
    ] {
        for key in ["schema_version", "needs"] {
            refused_everywhere(&format!("{name} under {key}"), STOP, |size| {
                let depth = size / (open.len() + close.len()) - 4;
                format!("{key}: {}x{}\n", open.repeat(depth), close.repeat(depth)).into_bytes()
            });
        }
    }
}

/// Shapes made of one unit repeated to the cap between a head and a tail: deep
/// chains, a line indented to the cap, and wide flow and block collections (the
/// width bomb `!!map {a,a,…}` once took 886 MB at 8 MB).
#[rustfmt::skip]
const REPEATED: &[(&str, &str, &str, &str)] = &[
    ("dash chain", "", "- ", "x\n"),
    ("dash chain under roles", "schema_version: 1\nsources: []\nroles:\n  ", "- ", "x\n"),
    ("question-mark chain", "", "? ", "x\n"),
    ("a line indented to the cap", "schema_version: 1\nsources:\n", " ", "- x\n"),
    ("tagged map of one key repeated", "needs: !!map {", "a,", "a}\n"),
    ("flat flow list of tiny scalars", "needs: [", "a,", "a]\n"),
    ("block list of tiny scalars", "needs:\n", "- a\n", ""),
];

#[test]
fn repeated_units_deep_or_wide_are_refused() {
    for (name, head, unit, tail) in REPEATED {
        refused_everywhere(name, STOP, |size| fill(head, unit, tail, size));
    }
}

#[test]
fn deep_block_nesting_is_refused() {
    refused_everywhere("block mappings", STOP, |size| {
        let mut text = String::new();
        let mut depth = 0;
        while text.len() + depth + 3 < size && depth < 4_000 {
            text.push_str(&format!("{}k:\n", " ".repeat(depth)));
            depth += 1;
        }
        text.into_bytes()
    });
}

#[test]
fn a_fact_citing_millions_of_sources_is_refused() {
    let dir = temp_dir();
    let kb = fill(
        &format!("{} [", kb_up_to_a_citation_list()),
        "a,",
        "a]\n",
        CAP - 64,
    );
    let file = write_file(dir.path(), "citations.yaml", kb);
    refused(&file, KB, Somewhere, All(&["values, lists and mappings"]));
}

/// The mapping of tiny entries, where the model takes any key (a choice's
/// `weights`), is the parser's costliest shape per byte.
#[test]
fn a_choice_weighting_hundreds_of_thousands_of_roles_is_refused() {
    let dir = temp_dir();
    let head = format!(
        "{}questionnaire:\n  questions:\n    - id: aim\n      text: Aim?\n      hint: Why.\n      choices:\n        - value: process\n          label: Processes\n          reason: {{text: Because., sources: [article]}}\n          weights:",
        read("minimal.yaml")
    );
    for (name, open, unit, close) in [
        ("block", "\n", "            k{n:x}: 1\n", ""),
        ("flow", " {", "k{n:x}: 1, ", "z: 1}\n"),
    ] {
        let mut kb = format!("{head}{open}");
        let mut n = 0u32;
        while kb.len() + 40 < CAP {
            kb.push_str(&unit.replace("{n:x}", &format!("{n:x}")));
            n += 1;
        }
        kb.push_str(close);
        let file = write_file(dir.path(), &format!("weights-{name}.yaml"), &kb);
        refused(&file, KB, Somewhere, STOP);
    }
}

#[test]
fn files_of_tiny_nodes_are_refused() {
    refused_everywhere("distinct keys", STOP, |size| {
        let mut text = String::with_capacity(size);
        let mut n = 0u32;
        while text.len() + 16 < size {
            text.push_str(&format!("k{n:x}: v\n"));
            n += 1;
        }
        text.into_bytes()
    });
    let dir = temp_dir();
    let kb = fill(
        &format!("{}\n", kb_up_to_a_citation_list()),
        "        - a\n",
        "",
        CAP - 64,
    );
    let file = write_file(dir.path(), "citations.yaml", kb);
    refused(
        &file,
        KB,
        Somewhere,
        All(&[
            "698969 problems in",
            "cites unknown source `a`",
            "… and 698919 more",
        ]),
    );
}

// --- bytes ---------------------------------------------------------------------

#[test]
fn a_byte_order_mark_inside_a_file_is_refused() {
    let dir = temp_dir();
    let mut kb = minimal_without_topics();
    kb.insert(kb.find("roles:").expect("roles"), '\u{feff}');
    let file = write_file(dir.path(), "bom.yaml", &kb);
    let line = line_of(&kb, "roles:", 1);
    refused(&file, KB, Line(line), All(&["BOM"]));
    let answers = write_file(
        dir.path(),
        "answers.yaml",
        "aim: product\n\u{feff}size: startup\n",
    );
    refused(&answers, ANSWERS, Line(2), All(&["BOM"]));
}

#[test]
fn a_byte_order_mark_at_the_start_is_ignored() {
    let dir = temp_dir();
    let kb = write_file(
        dir.path(),
        "kb.yaml",
        format!("\u{feff}{}", read("minimal.yaml")),
    );
    for via in KB {
        via.child(&kb).run().succeeded();
    }
    let answers = write_file(dir.path(), "answers.yaml", "\u{feff}aim: product\n");
    for via in ANSWERS {
        via.child(&answers).run().succeeded();
    }
}

#[test]
fn nul_bytes_and_invalid_utf8_are_refused_at_their_place() {
    let dir = temp_dir();
    for (name, bytes, says) in [
        (
            "NUL",
            b"aim: product\nsize: \0startup\n".to_vec(),
            "NUL byte",
        ),
        (
            "invalid UTF-8",
            b"aim: product\nsize: caf\xe9\n".to_vec(),
            "not valid UTF-8",
        ),
    ] {
        let file = write_file(dir.path(), &format!("{name}.yaml"), &bytes);
        refused(&file, EVERY, Line(2), All(&[says]));
    }
}

// --- size ----------------------------------------------------------------------

#[test]
fn a_file_one_byte_over_the_cap_is_refused_unread() {
    let dir = temp_dir();
    for (name, len) in [("over-by-one", CAP as u64 + 1), ("huge", 1 << 40)] {
        let file = dir.path().join(format!("{name}.yaml"));
        let sparse = std::fs::File::create(&file).expect("a file");
        if let Err(error) = sparse.set_len(len) {
            // Some file systems cap a file's size below 1 TiB.
            eprintln!("note: skipped a sparse file of {len} bytes: {error}");
            continue;
        }
        refused(
            &file,
            FILES,
            File,
            All(&["too large", &format!("({len} bytes)"), "the limit is 8 MiB"]),
        );
    }
}

#[test]
fn more_than_a_mebibyte_on_stdin_is_refused() {
    let dir = temp_dir();
    let file = write_file(
        dir.path(),
        "big.yaml",
        format!("aim: product\n{}", "# padding\n".repeat(110_000)),
    );
    refused(&file, &[Via::Stdin], File, All(&["larger than 1 MiB"]));
}

#[test]
fn the_readme_documents_the_size_cap() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    assert!(readme.contains("8 MiB"), "the README names the 8 MiB cap");
    assert_eq!(roles::kb::MAX_FILE_BYTES, CAP as u64);
}

// --- many problems ----------------------------------------------------------------

/// 20,000 sources and 20,000 citations of unknown ones: each message used to
/// list every known source, and the run aborted after 67 s.
#[test]
fn twenty_thousand_unknown_citations_are_reported_briefly() {
    let dir = temp_dir();
    let mut kb =
        String::from("schema_version: 1\nsources:\n  - {id: article, title: T, file: f}\n");
    for n in 1..20_000 {
        kb.push_str(&format!("  - {{id: s{n}, title: T, file: f}}\n"));
    }
    let head = minimal_without_topics();
    kb.push_str(&head[head.find("roles:").expect("roles")..]);
    kb.push_str("topics:\n  - id: both\n    title: Both roles\n    facts:\n");
    for n in 0..20_000 {
        kb.push_str(&format!("      - {{text: T, sources: [u{n}]}}\n"));
    }
    let file = write_file(dir.path(), "sources.yaml", &kb);
    let first = line_of(&kb, "[u0]", 1);
    refused(
        &file,
        KB,
        Line(first),
        All(&[
            "20000 problems in",
            "cites unknown source `u0`",
            "`article`, `s1`, `s10`",
            ", … (20000 in all)",
            "… and 19950 more",
        ]),
    );
    let run = Via::Validate.child(&file).memory_capped().run();
    assert!(run.stderr.len() < 20_000, "a short report:\n{run}");
    assert!(run.stderr.lines().all(|line| line.len() < 300), "{run}");
}

#[test]
fn ten_thousand_problems_are_each_located_on_their_own_line() {
    let dir = temp_dir();
    let mut kb = minimal_without_topics();
    kb.push_str("topics:\n  - id: both\n    title: Both roles\n    facts:\n");
    for _ in 0..10_000 {
        kb.push_str("      - text: ''\n        sources: [article]\n");
    }
    let file = write_file(dir.path(), "empty.yaml", &kb);
    let first = line_of(&kb, "text: ''", 1);
    refused(
        &file,
        KB,
        Line(first),
        All(&["10000 problems in", "`text` is empty", "… and 9950 more"]),
    );
    let run = Via::Validate.child(&file).run();
    let shown = file.display().to_string();
    let lines: Vec<usize> = run
        .stderr
        .lines()
        .filter_map(|line| location(line, &shown).map(|(line, _)| line))
        .collect();
    assert_eq!(lines.len(), 50, "{run}");
    assert!(lines.windows(2).all(|w| w[1] == w[0] + 2), "{lines:?}");
}

#[test]
fn ten_thousand_unknown_answers_are_reported_briefly() {
    let dir = temp_dir();
    let answers: String = (0..10_000).map(|n| format!("question-{n}: x\n")).collect();
    let file = write_file(dir.path(), "answers.yaml", answers);
    refused(
        &file,
        ANSWERS,
        Line(1),
        All(&[
            "10000 problems in",
            "unknown question `question-0`",
            "… and 9950 more",
        ]),
    );
}

// --- values that must not pass --------------------------------------------------

#[test]
fn a_huge_weight_is_refused_at_its_place() {
    let dir = temp_dir();
    let text = read("hostile/duplicate-key-in-weights.yaml").replacen(
        "            alpha: 2\n            alpha: 5\n",
        "            alpha: 2147483647\n",
        1,
    );
    let line = line_of(&text, "2147483647", 1);
    let file = write_file(dir.path(), "weights.yaml", &text);
    refused(
        &file,
        KB,
        Line(line),
        All(&["gives 2147483647 points", "points go from -100 to 100"]),
    );
    let file = write_file(
        dir.path(),
        "overflow.yaml",
        text.replace("2147483647", "2147483648"),
    );
    refused(&file, KB, Line(line), All(&["expected a whole number"]));
}

/// `"\e[31m"` and `"\e]0;title\a"` written as YAML escapes become ESC and BEL
/// in the text: refused where they stand, and never echoed raw.
#[test]
fn terminal_escapes_written_as_yaml_escapes_are_refused() {
    let dir = temp_dir();
    for (name, escape) in [
        ("colour", "\\e[31m"),
        ("title", "\\e]0;title\\a"),
        ("C1", "\\x9b31m"),
    ] {
        let kb = read("minimal.yaml").replace(
            "text: Keeps the doors open.",
            &format!("text: \"Keeps the doors open.{escape}\""),
        );
        let line = line_of(&kb, "Keeps the doors open.", 1);
        let file = write_file(dir.path(), &format!("escape-{name}.yaml"), &kb);
        refused(
            &file,
            KB,
            Line(line),
            All(&["`text` contains the control character"]),
        );
        let answers = write_file(
            dir.path(),
            "answers.yaml",
            format!("aim: \"product{escape}\"\n\"{escape}\": x\n"),
        );
        refused(&answers, ANSWERS, Line(1), All(&["2 problems", "\\u{"]));
    }
}

// --- duplicate keys ------------------------------------------------------------

// --- what JSON would refuse, and what cannot be seen -----------------------------

#[test]
fn a_role_name_of_tag_characters_is_refused_at_its_place() {
    // Quoted integers, tags and single invisible characters: bad_kb.rs.
    let minimal = read("minimal.yaml");
    refused_everywhere(
        "a role name of tag characters",
        Any(&["U+E0041", "invalid type"]),
        |size| {
            let head = minimal.replacen("name: Beta Officer", "name: \"Beta", 1);
            let at = head.find("name: \"Beta").expect("a name") + 11;
            let tags = "\u{e0041}".repeat((size - head.len() - 2) / 4);
            format!("{}{tags}\"{}", &head[..at], &head[at..]).into_bytes()
        },
    );
}

#[test]
fn invisible_characters_in_text_and_arguments_are_shown_escaped() {
    let dir = temp_dir();
    let hidden = "\u{202e}\u{200b}\u{feff}\u{2066}\u{e0041}";
    let text =
        read("minimal.yaml").replacen("Keeps the doors open.", &format!("Keeps{hidden} open."), 1);
    let file = write_file(dir.path(), "kb.yaml", text);
    for format in ["table", "markdown"] {
        let run = child(&[
            "--kb",
            &file.display().to_string(),
            "show",
            "beta",
            "--format",
            format,
        ])
        .run();
        assert_eq!(run.code, Some(0), "{run}");
        assert!(
            run.stdout
                .contains("Keeps\\u{202e}\\u{200b}\\u{feff}\\u{2066}\\u{e0041} open."),
            "{run}"
        );
    }
    let long = "k".repeat(100_000);
    for (args, echo) in [
        (vec!["show", "c\u{200b}io"], "`c\\u{200b}io`".to_owned()),
        (
            vec!["compare", "--only", &long],
            format!("`{}…`", "k".repeat(80)),
        ),
        (
            vec!["--kb", &long, "compare"],
            format!("{}…", "k".repeat(80)),
        ),
    ] {
        let run = child(&args[..]).run();
        assert_eq!(run.code, Some(2), "{run}");
        assert!(
            run.stderr.contains(&echo) && run.stderr.len() < 1000,
            "{run}"
        );
    }
}

#[test]
fn answers_differing_only_in_case_or_spaces_are_refused_as_a_repetition() {
    let dir = temp_dir();
    for second in ["AIM", "\" aim\"", "Aim "] {
        let file = write_file(
            dir.path(),
            "answers.yaml",
            format!("aim: product\nsize: startup\n{second}: process\n"),
        );
        refused(
            &file,
            ANSWERS,
            Line(3),
            All(&["question `aim` is answered twice"]),
        );
    }
}

// --- not regular files -----------------------------------------------------------

/// Makes a FIFO at `path`; false where `mkfifo` is missing.
fn mkfifo(path: &Path) -> bool {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    matches!(made, Ok(status) if status.success())
}

/// Symlink loops, a FIFO (which with no writer would block an `open` for
/// ever) and a link to it, a directory and devices are refused from their
/// metadata, unopened.
#[cfg(unix)]
#[test]
fn files_that_are_not_regular_are_refused_unread() {
    let dir = temp_dir();
    let at = |name: &str| dir.path().join(name);
    let link = |to: &str, name: &str| std::os::unix::fs::symlink(at(to), at(name)).expect("a link");
    link("b.yaml", "a.yaml");
    link("a.yaml", "b.yaml");
    link("self.yaml", "self.yaml");
    if mkfifo(&at("fifo.yaml")) {
        link("fifo.yaml", "link.yaml");
    }
    #[rustfmt::skip]
    let cases = [
        (at("a.yaml"), "symlink loop"), (at("self.yaml"), "symlink loop"),
        (at("fifo.yaml"), "not a regular file"), (at("link.yaml"), "not a regular file"),
        (dir.path().to_owned(), "is a directory"), ("/dev/null".into(), "not a regular file"),
        ("/dev/zero".into(), "not a regular file"), ("/dev/urandom".into(), "not a regular file"),
    ];
    for (file, says) in cases
        .iter()
        .filter(|(file, _)| file.is_symlink() || file.exists())
    {
        refused(file, FILES, File, All(&[says]));
    }
}

// --- stdin that is not a stream of answers ------------------------------------------

/// `--answers -` with a directory on stdin (`< dir`) reads an error, not text.
#[cfg(unix)]
#[test]
fn a_directory_on_stdin_is_refused() {
    let dir = temp_dir();
    let run = std::process::Command::new(binary())
        .args(["advise", "--no-input", "--answers", "-"])
        .env_remove("ROLES_KB")
        .stdin(std::fs::File::open(dir.path()).expect("a directory opens for reading"))
        .output()
        .expect("`roles` runs");
    assert_eq!(run.status.code(), Some(2), "{run:?}");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.starts_with("error: <stdin>: stdin is a directory"),
        "{stderr}"
    );
}

/// A closed stdin (`<&-`) reads as empty: `-` asked for answers, and there are none.
#[cfg(unix)]
#[test]
fn a_closed_or_empty_stdin_is_refused() {
    let closed = std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg("exec \"$0\" advise --no-input --answers - <&-")
        .arg(binary())
        .env_remove("ROLES_KB")
        .output()
        .expect("`sh` runs");
    assert_eq!(closed.status.code(), Some(2), "{closed:?}");
    assert!(
        String::from_utf8_lossy(&closed.stderr).contains("no answers on stdin"),
        "{closed:?}"
    );
    let empty = child(&["advise", "--no-input", "--answers", "-"])
        .stdin("")
        .run();
    assert_eq!(empty.code, Some(2), "{empty}");
    assert!(empty.stderr.contains("no answers on stdin"), "{empty}");
}

#[test]
fn an_empty_roles_kb_means_the_embedded_knowledge_base() {
    let embedded = child(&["compare"]).run().succeeded();
    let empty = child(&["compare"]).env("ROLES_KB", "").run().succeeded();
    assert_eq!(empty.stdout, embedded.stdout);
}

// --- saving answers ----------------------------------------------------------------

/// `roles advise … --save TARGET [--force]`, in `sh` after `setup` (a umask, a
/// file-size limit), returning the exit code and stderr.
#[cfg(unix)]
fn save(setup: &str, target: &Path, force: bool) -> (Option<i32>, String) {
    let out = std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg(format!("{setup}\nexec \"$@\""))
        .arg("sh")
        .arg(binary())
        .args(["advise", "--no-input", "--answer", "aim=product", "--save"])
        .arg(target)
        .args(force.then_some("--force"))
        .env_remove("ROLES_KB")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("`sh` runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path)
        .expect("the file")
        .permissions()
        .mode()
        & 0o7777
}

/// A symbolic link (even a dangling one), a directory, a device or a FIFO is
/// never replaced by a saved file, even with `--force`.
#[cfg(unix)]
#[test]
fn save_never_replaces_a_link_a_directory_a_device_or_a_fifo() {
    let dir = temp_dir();
    let real = write_file(dir.path(), "real.yaml", "aim: process\n");
    let (link, dangling) = (
        dir.path().join("link.yaml"),
        dir.path().join("dangling.yaml"),
    );
    std::os::unix::fs::symlink(&real, &link).expect("a symlink");
    std::os::unix::fs::symlink(dir.path().join("nowhere.yaml"), &dangling).expect("a symlink");
    std::fs::create_dir(dir.path().join("sub.yaml")).expect("a directory");
    mkfifo(&dir.path().join("fifo.yaml"));
    #[rustfmt::skip]
    let cases = [
        (link.clone(), false, "it is a symbolic link"), (link.clone(), true, "it is a symbolic link"),
        (dangling, true, ""), (dir.path().join("sub.yaml"), true, "it is a directory"),
        ("/dev/full".into(), true, "it is a device"), ("/dev/null".into(), true, "it is a device"),
        (dir.path().join("fifo.yaml"), true, "it is a FIFO"),
    ];
    for (target, force, says) in cases
        .iter()
        .filter(|(t, _, _)| t.is_symlink() || t.exists())
    {
        let (code, stderr) = save("", target, *force);
        assert_eq!(code, Some(2), "{}: {stderr}", target.display());
        assert!(
            stderr.contains(says) && stderr.contains(&*target.to_string_lossy()),
            "{stderr}"
        );
    }
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("the link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read_to_string(&real).expect("the file"),
        "aim: process\n"
    );
    assert!(
        !dir.path().join("nowhere.yaml").exists(),
        "nothing written through the link"
    );
}

#[cfg(unix)]
#[test]
fn a_saved_file_honours_the_umask() {
    let dir = temp_dir();
    for (umask, expected) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        let target = dir.path().join(format!("answers-{umask}.yaml"));
        let (code, stderr) = save(&format!("umask {umask}"), &target, false);
        assert_eq!(code, Some(0), "{stderr}");
        assert_eq!(mode(&target), expected, "umask {umask}");
    }
}

#[cfg(unix)]
#[test]
fn save_with_force_keeps_the_replaced_files_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = temp_dir();
    for kept in [0o644, 0o640, 0o600] {
        let target = write_file(dir.path(), "answers.yaml", "aim: process\n");
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(kept))
            .expect("permissions");
        let (code, stderr) = save("umask 077", &target, true);
        assert_eq!(code, Some(0), "{stderr}");
        assert_eq!(mode(&target), kept);
        assert!(
            std::fs::read_to_string(&target)
                .expect("saved")
                .contains("aim: product")
        );
    }
}

/// A write that fails part-way (here a file-size limit of 0 blocks, with
/// SIGXFSZ ignored, standing in for a full disk) is exit 1, names the target
/// rather than the temporary file, and leaves no file behind.
#[cfg(unix)]
#[test]
fn a_failed_write_is_exit_1_and_leaves_no_file() {
    let dir = temp_dir();
    let target = dir.path().join("answers.yaml");
    let (code, stderr) = save("trap '' XFSZ\nulimit -f 0", &target, false);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "error: cannot save answers to `{}`: ",
            target.display()
        )),
        "{stderr}"
    );
    assert!(
        !stderr.contains(".roles-answers-"),
        "names the temporary file: {stderr}"
    );
    assert!(
        dir_entries(dir.path()).is_empty(),
        "{:?}",
        dir_entries(dir.path())
    );
    let existing = write_file(dir.path(), "answers.yaml", "aim: process\n");
    let (code, stderr) = save("trap '' XFSZ\nulimit -f 0", &existing, true);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&existing).expect("kept"),
        "aim: process\n",
        "the old file is untouched"
    );
    assert_eq!(dir_entries(dir.path()), ["answers.yaml"]);
}

// --- small ends --------------------------------------------------------------------

/// Help and version written into a full disk fail like every other output.
#[cfg(unix)]
#[test]
fn help_and_version_into_a_full_disk_exit_1() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    for args in [
        &["--help"][..],
        &["--version"],
        &["compare", "--help"],
        &["compare"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full opens");
        let out = std::process::Command::new(binary())
            .args(args)
            .env_remove("ROLES_KB")
            .stdout(full)
            .output()
            .expect("`roles` runs");
        assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with("error: ") && stderr.contains("No space left"),
            "{args:?}: {stderr}"
        );
    }
}
