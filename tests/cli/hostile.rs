//! Hostile and oversized input through each route to the YAML reader (`--kb`,
//! `ROLES_KB`, `kb validate`, `advise --answers FILE` and `-`): exit 2, nothing
//! on stdout, one `error:` report naming the input at `FILE:LINE:COLUMN:`.
//! Runs are capped at 1 GiB of address space, so a blow-up fails the exit
//! check. A shape at the 8 MiB cap goes through `--kb` and `--answers FILE`,
//! the other routes (the same reader) get it at 1 MiB; speed through every
//! route is `bench/hostile.py`'s. Small files: `tests/fixtures/hostile/`.

use std::path::Path;

use crate::common::*;
use At::*;
use Says::*;

/// The size cap of a file the README documents.
const CAP: usize = 8 * 1024 * 1024;
/// The size cap of answers on stdin.
const STDIN_CAP: usize = 1024 * 1024;

/// The ways a file reaches the YAML reader.
#[derive(Clone, Copy, Debug)]
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
            Via::Kb => roles(&["--kb"]).arg(file).arg("compare"),
            Via::Env => roles(&["compare"]).env("ROLES_KB", file),
            Via::Validate => roles(&["kb", "validate"]).arg(file),
            Via::Answers => roles(&["advise", "--no-input", "--answers"]).arg(file),
            Via::Stdin => roles(&["advise", "--no-input", "--answers", "-"])
                .stdin(std::fs::read(file).expect("the file can be read")),
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
#[derive(Clone, Copy, Debug)]
enum Says<'a> {
    All(&'a [&'a str]),
    Any(&'a [&'a str]),
}

const ANCHORS: &str = "anchors (`&name`) and aliases (`*name`) are not accepted";
/// A refusal of an anchor or alias.
const ALIAS: Says = All(&[ANCHORS]);
/// A refusal by a budget or by the schema (a typed reader stops at the first
/// node of the wrong shape, which for a bomb is usually its first node).
#[rustfmt::skip]
const STOP: Says = Any(&[
    ANCHORS, "nested more than 24 levels deep", "values, lists and mappings", "duplicate key",
    "invalid type", "expected", "unknown field", "unknown question", "not allowed", "invalid", "BOM",
]);

/// Runs `roles` on `file` each way in `vias` (see [`refused_via`]).
#[track_caller]
fn refused(file: &Path, vias: &[Via], at: At, says: Says<'_>) {
    for &via in vias {
        refused_via(file, via, at, says);
    }
}

/// Runs `roles` on `file` by `via`, memory-capped, and checks it refused it:
/// exit 2, nothing on stdout, one `error:` report naming the input without a
/// panic or an escape, saying what `says` asks, placed as `at` says.
#[track_caller]
fn refused_via(file: &Path, via: Via, at: At, says: Says<'_>) -> Run {
    let shown = match via {
        Via::Stdin => "<stdin>".to_owned(),
        _ => file.display().to_string(),
    };
    let run = via.child(file).memory_capped().run();
    let name = format!("{} via {via:?}", file.display());
    let quiet = !run.timed_out && run.code == Some(2) && run.stdout.is_empty();
    assert!(quiet, "{name}: exit 2 with nothing on stdout\n{run}");
    let report = run.stderr.starts_with("error: ") && run.stderr.contains(&shown);
    assert!(report, "{name}: reports `error: …` naming {shown}\n{run}");
    let raw = run.stderr.contains("panicked") || run.stderr.contains('\u{1b}');
    assert!(!raw, "{name}: a panic or an escape\n{run}");
    let said = |text: &&str| run.stderr.contains(text);
    let ok = match says {
        All(all) => all.iter().all(said),
        Any(any) => any.iter().any(said),
    };
    assert!(ok, "{name}: the report says {says:?}\n{run}");
    let line = location(&run.stderr, &shown).map(|(line, _)| line);
    match at {
        File => {}
        Somewhere => assert!(line.is_some(), "{name}: line:column\n{run}"),
        Line(at) => assert_eq!(line, Some(at), "{name}\n{run}"),
    }
    run
}

/// A hostile shape `make(size)`, refused, placed, saying `says`: at the file
/// cap via `--kb` and `--answers FILE`, and at the stdin cap the other ways.
#[track_caller]
fn refused_everywhere(name: &str, says: Says<'_>, make: impl Fn(usize) -> Vec<u8>) {
    let dir = temp_dir();
    let small: &[Via] = &[Via::Env, Via::Validate, Via::Stdin];
    for (cap, vias) in [(CAP, &[Via::Kb, Via::Answers][..]), (STDIN_CAP, small)] {
        let bytes = make(cap - 64);
        assert!(bytes.len() <= cap, "{name}: {} bytes", bytes.len());
        let file = write_file(dir.path(), &format!("{cap}.yaml"), &bytes);
        refused(&file, vias, Somewhere, says);
    }
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("the fixture can be read")
}

/// The 1-based line of the `occurrence`-th line of `text` containing `needle`.
fn line_of(text: &str, needle: &str, occurrence: usize) -> usize {
    let lines = text.lines().enumerate();
    let found = lines
        .filter(|(_, line)| line.contains(needle))
        .nth(occurrence - 1);
    found
        .unwrap_or_else(|| panic!("{needle:?} occurs {occurrence} times"))
        .0
        + 1
}

/// `tests/fixtures/minimal.yaml` without its comment, cut before `topics:`,
/// then `topics` as given.
fn minimal_with_topics(topics: &str) -> String {
    let minimal = read("minimal.yaml");
    let body = minimal.lines().filter(|line| !line.starts_with('#'));
    let body: String = body.map(|line| format!("{line}\n")).collect();
    format!("{}{topics}", body.split("topics:").next().expect("a head"))
}

/// The topics of a knowledge base with one fact, up to where its `sources:`
/// list goes: the place a width bomb goes.
const ONE_FACT: &str = "topics:\n  - id: both\n    title: Both roles\n    facts:\n      - text: A fact.\n        sources:";

/// The head of the topics of a knowledge base whose facts follow.
const FACTS: &str = "topics:\n  - id: both\n    title: Both roles\n    facts:\n";

/// `head`, then `unit(0)`, `unit(1)`, … as many as fit in `size` bytes with `tail`.
fn numbered(head: &str, unit: impl Fn(u32) -> String, tail: &str, size: usize) -> Vec<u8> {
    let mut text = head.to_owned();
    for unit in (0..).map(unit) {
        if text.len() + unit.len() + tail.len() > size {
            break;
        }
        text.push_str(&unit);
    }
    text.push_str(tail);
    text.into_bytes()
}

/// Repeats `unit` to fill `size` bytes after `head` and before `tail`.
fn fill(head: &str, unit: &str, tail: &str, size: usize) -> Vec<u8> {
    let room = size.saturating_sub(head.len() + tail.len());
    [head, &unit.repeat(room / unit.len()), tail]
        .concat()
        .into_bytes()
}

/// A knowledge base that fits the schema, with a `text_bytes`-byte fact text
/// anchored as `&text` and `aliases` facts citing it as `*text`.
fn aliased_text_kb(text_bytes: usize, aliases: usize, line_break: &str) -> String {
    let mut kb = format!("# TEST DATA: an alias bomb\n{}", minimal_with_topics(FACTS));
    let text = "A".repeat(text_bytes);
    kb.push_str(&format!(
        "      - text: &text '{text}'\n        sources: [article]\n"
    ));
    kb.push_str(&"      - {text: *text, sources: [article]}\n".repeat(aliases));
    kb.replace('\n', line_break)
}

// --- aliases and repeated keys -----------------------------------------------

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
/// anchors a large list, aliased thousands of times (the 850 KB stdin version
/// of the first once aborted out of memory at 3.9 GB); then in a title.
#[test]
fn alias_bombs_in_any_spelling_are_refused_at_the_anchor() {
    for (anchor, alias_line) in [
        ("&x?AAAA", "  - *x?AAAA\n"),
        ("&x:", "  - *x:\n"),
        ("&x", "\u{feff}  - *x\n"),
    ] {
        // The first key is one both a knowledge base and an answers file read.
        let list = vec!["aaaaaaaa"; 2_000].join(", ");
        let head = format!("schema_version: {anchor} [{list}]\nx:\n");
        refused_everywhere(anchor, ALIAS, |size| fill(&head, alias_line, "", size));
        let dir = temp_dir();
        let topics = format!("topics:\n  - id: t\n    title:\n{alias_line}    facts: []\n");
        let titled = format!("title: {anchor} An article");
        let kb = minimal_with_topics(&topics).replace("title: An article", &titled);
        let file = write_file(dir.path(), "kb.yaml", &kb);
        refused(&file, KB, Line(line_of(&kb, anchor, 1)), ALIAS);
    }
}

#[test]
fn a_mebibyte_text_aliased_thousands_of_times_is_refused() {
    let dir = temp_dir();
    let kb = aliased_text_kb(1 << 20, 5_000, "\n");
    let file = write_file(dir.path(), "bomb.yaml", &kb);
    refused(&file, KB, Line(line_of(&kb, "&text", 1)), ALIAS);
    let big = "a".repeat(900 * 1024);
    let aliases = vec!["*big"; 3_000].join(", ");
    let answers = format!("x: &big '{big}'\nneeds: [{aliases}]\n");
    let answers = write_file(dir.path(), "answers.yaml", answers);
    refused(&answers, ANSWERS, Line(1), ALIAS);
}

/// A line-based scan once split lines only at `\n` while the parser also broke
/// them at a lone CR (and, as YAML 1.1, at NEL, LS and PS), and missed aliases.
/// CR and CRLF break lines, and the anchor is refused; YAML 1.2 reads NEL, LS
/// and PS as ordinary characters, so a file starting with a comment is one
/// comment line: nothing to expand, and nothing answered, which `advise`
/// refuses naming `--answer`.
#[test]
fn line_breaks_of_every_kind_do_not_hide_an_alias() {
    let dir = temp_dir();
    for line_break in ["\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"] {
        let name = line_break.escape_unicode().to_string();
        let breaks_lines = line_break.starts_with('\r');
        let text = aliased_text_kb(1 << 16, 3_000, line_break);
        let file = write_file(dir.path(), &format!("{name}.yaml"), text);
        refused(
            &file,
            KB,
            Somewhere,
            [STOP, ALIAS][usize::from(breaks_lines)],
        );
        let text = ["# answers", "aim: &both both", "audience: *both", ""].join(line_break);
        let answers = write_file(dir.path(), &format!("answers-{name}.yaml"), text);
        if breaks_lines {
            refused(&answers, ANSWERS, Line(2), ALIAS);
            continue;
        }
        for via in ANSWERS {
            via.child(&answers)
                .fails_as_bad_input()
                .stderr_has("--answer");
        }
    }
}

/// A block scalar whose content starts with `'` at the list's column switched
/// the old scan into "inside a quote", and every later check was skipped.
#[test]
fn a_block_scalar_opening_with_a_quote_hides_nothing() {
    let dir = temp_dir();
    let kb = minimal_with_topics(&format!(
        "{FACTS}      - text: |\n      'quoted at the list's column\n        sources: [article]\n      - text: &x plain\n        sources: [article]\n      - text: *x\n        sources: [article]\n",
    ));
    let file = write_file(dir.path(), "quote.yaml", kb);
    refused(&file, EVERY, Somewhere, STOP);
}

// --- deep and wide ---------------------------------------------------------------

#[test]
fn deep_flow_nesting_is_refused_with_or_without_tags_and_anchors() {
    #[rustfmt::skip]
    let brackets = [("[", "]"), ("{a: ", "}"), ("!!seq [", "]"), ("&a [", "]"), ("!!map {a: ", "}")];
    for (open, close) in brackets {
        for key in ["schema_version", "needs"] {
            refused_everywhere(&format!("{open} under {key}"), STOP, |size| {
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
    let key = |depth: u32| format!("{}k:\n", " ".repeat(depth as usize));
    let keys = |size: usize| numbered("", key, "", size.min(4_000 * 4_003 / 2));
    refused_everywhere("block mappings", STOP, keys);
}

/// Where the model takes a list of any length, a file at the cap: a fact
/// citing millions of sources in a flow list, refused by the node budget; in a
/// block list, 698,969 unknown sources, counted, not all listed. The cap is the
/// point, so one route each (the reader is the same for every route).
#[test]
fn a_fact_citing_millions_of_sources_is_refused() {
    let dir = temp_dir();
    let head = minimal_with_topics(&format!("{ONE_FACT} ["));
    let flow = write_file(dir.path(), "flow.yaml", fill(&head, "a,", "a]\n", CAP - 64));
    refused(
        &flow,
        &[Via::Kb],
        Somewhere,
        All(&["values, lists and mappings"]),
    );
    let head = minimal_with_topics(&format!("{ONE_FACT}\n"));
    let block = write_file(
        dir.path(),
        "block.yaml",
        fill(&head, "        - a\n", "", CAP - 64),
    );
    let says = [
        "698969 problems in",
        "cites unknown source `a`",
        "… and 698919 more",
    ];
    refused(&block, &[Via::Validate], Somewhere, All(&says));
}

/// A choice weighting hundreds of thousands of roles at the cap, in a block
/// mapping (`block`) or a flow one: a mapping of tiny entries that the model
/// takes whatever its keys, the parser's costliest shape per byte.
fn weights_at_the_cap(block: bool) {
    let dir = temp_dir();
    let head = format!(
        "{}questionnaire:\n  questions:\n    - id: aim\n      text: Aim?\n      hint: Why.\n      choices:\n        - value: process\n          label: Processes\n          reason: {{text: Because., sources: [article]}}\n          weights:",
        read("minimal.yaml")
    );
    let (open, unit, close, via) = match block {
        true => ("\n", "            k{n}: 1\n", "", Via::Env),
        false => (" {", "k{n}: 1, ", "z: 1}\n", Via::Validate),
    };
    let unit = |n: u32| unit.replace("{n}", &format!("{n:x}"));
    let kb = numbered(&format!("{head}{open}"), unit, close, CAP - 64);
    refused(
        &write_file(dir.path(), "weights.yaml", &kb),
        &[via],
        Somewhere,
        STOP,
    );
}

#[test]
fn a_block_mapping_of_weights_for_hundreds_of_thousands_of_roles_is_refused() {
    weights_at_the_cap(true);
}

#[test]
fn a_flow_mapping_of_weights_for_hundreds_of_thousands_of_roles_is_refused() {
    weights_at_the_cap(false);
}

#[test]
fn a_mapping_of_distinct_tiny_keys_is_refused() {
    let key = |n: u32| format!("k{n:x}: v\n");
    refused_everywhere("distinct keys", STOP, |size| numbered("", key, "", size));
}

// --- bytes -----------------------------------------------------------------------

#[test]
fn a_byte_order_mark_inside_a_file_is_refused_and_one_at_the_start_ignored() {
    let dir = temp_dir();
    let mut kb = minimal_with_topics("");
    kb.insert(kb.find("roles:").expect("roles"), '\u{feff}');
    let file = write_file(dir.path(), "bom.yaml", &kb);
    refused(&file, KB, Line(line_of(&kb, "roles:", 1)), All(&["BOM"]));
    let answers = write_file(
        dir.path(),
        "answers.yaml",
        "aim: product\n\u{feff}size: startup\n",
    );
    refused(&answers, ANSWERS, Line(2), All(&["BOM"]));
    let kb = write_file(
        dir.path(),
        "kb.yaml",
        format!("\u{feff}{}", read("minimal.yaml")),
    );
    let answers = write_file(dir.path(), "answers.yaml", "\u{feff}aim: product\n");
    for (file, vias) in [(kb, KB), (answers, ANSWERS)] {
        vias.iter()
            .for_each(|via| drop(via.child(&file).run().succeeded()));
    }
}

#[test]
fn nul_bytes_and_invalid_utf8_are_refused_at_their_place() {
    let dir = temp_dir();
    for (name, bytes, says) in [
        ("nul", &b"aim: product\nsize: \0startup\n"[..], "NUL byte"),
        ("utf8", b"aim: product\nsize: caf\xe9\n", "not valid UTF-8"),
    ] {
        let file = write_file(dir.path(), &format!("{name}.yaml"), bytes);
        refused(&file, EVERY, Line(2), All(&[says]));
    }
}

// --- size ------------------------------------------------------------------------

#[test]
fn a_file_one_byte_over_the_cap_is_refused_unread() {
    let dir = temp_dir();
    for (name, len) in [("over-by-one", CAP as u64 + 1), ("huge", 1 << 40)] {
        let file = dir.path().join(format!("{name}.yaml"));
        let sparse = std::fs::File::create(&file).expect("a file");
        // Some file systems cap a file's size below 1 TiB.
        if sparse.set_len(len).is_ok() {
            let says = ["too large", &format!("({len} bytes)"), "the limit is 8 MiB"];
            refused(&file, FILES, File, All(&says));
        }
    }
}

#[test]
fn more_than_a_mebibyte_on_stdin_is_refused() {
    let dir = temp_dir();
    let text = format!("aim: product\n{}", "# padding\n".repeat(110_000));
    let file = write_file(dir.path(), "big.yaml", text);
    refused(&file, &[Via::Stdin], File, All(&["larger than 1 MiB"]));
}

#[test]
fn the_readme_documents_the_size_cap() {
    let ok = include_str!("../../README.md").contains("8 MiB");
    assert!(ok, "the README names the cap");
    assert_eq!(roles::kb::MAX_FILE_BYTES, CAP as u64);
}

// --- many problems -----------------------------------------------------------------

/// 20,000 sources and 20,000 citations of unknown ones: each message used to
/// list every known source, and the run aborted after 67 s. The report is
/// short: 50 problems, each message listing a few sources.
#[test]
fn twenty_thousand_unknown_citations_are_reported_briefly() {
    let dir = temp_dir();
    let sources: String = (1..20_000)
        .map(|n| format!("  - {{id: s{n}, title: T, file: f}}\n"))
        .collect();
    let facts: String = (0..20_000)
        .map(|n| format!("      - {{text: T, sources: [u{n}]}}\n"))
        .collect();
    let kb = minimal_with_topics(&format!("{FACTS}{facts}"));
    let kb = kb.replacen("sources:\n", &format!("sources:\n{sources}"), 1);
    let file = write_file(dir.path(), "sources.yaml", &kb);
    #[rustfmt::skip]
    let says = ["20000 problems in", "cites unknown source `u0`", "`article`, `s1`, `s10`",
        ", … (20000 in all)", "… and 19950 more"];
    let at = Line(line_of(&kb, "[u0]", 1));
    let run = refused_via(&file, Via::Validate, at, All(&says));
    assert!(run.stderr.len() < 20_000, "a short report:\n{run}");
    assert!(run.stderr.lines().all(|line| line.len() < 300), "{run}");
}

#[test]
fn ten_thousand_problems_are_each_located_on_their_own_line() {
    let dir = temp_dir();
    let facts = "      - text: ''\n        sources: [article]\n".repeat(10_000);
    let kb = minimal_with_topics(&format!("{FACTS}{facts}"));
    let file = write_file(dir.path(), "empty.yaml", &kb);
    let says = ["10000 problems in", "`text` is empty", "… and 9950 more"];
    let at = Line(line_of(&kb, "text: ''", 1));
    let run = refused_via(&file, Via::Validate, at, All(&says));
    let shown = file.display().to_string();
    let lines = run.stderr.lines().filter_map(|line| location(line, &shown));
    let lines: Vec<usize> = lines.map(|(line, _)| line).collect();
    assert_eq!(lines.len(), 50, "{run}");
    assert!(lines.windows(2).all(|w| w[1] == w[0] + 2), "{lines:?}");
}

#[test]
fn ten_thousand_unknown_answers_are_reported_briefly() {
    let dir = temp_dir();
    let answers: String = (0..10_000).map(|n| format!("question-{n}: x\n")).collect();
    let file = write_file(dir.path(), "answers.yaml", answers);
    let says = [
        "10000 problems in",
        "unknown question `question-0`",
        "… and 9950 more",
    ];
    refused(&file, &[Via::Stdin], Line(1), All(&says));
}

// --- values that must not pass ------------------------------------------------------

#[test]
fn a_huge_weight_is_refused_at_its_place() {
    let dir = temp_dir();
    let text = read("hostile/duplicate-key-in-weights.yaml").replacen(
        "            alpha: 2\n            alpha: 5\n",
        "            alpha: 2147483647\n",
        1,
    );
    let line = Line(line_of(&text, "2147483647", 1));
    let file = write_file(dir.path(), "weights.yaml", &text);
    refused(
        &file,
        KB,
        line,
        All(&["gives 2147483647 points", "points go from -100 to 100"]),
    );
    let overflow = text.replace("2147483647", "2147483648");
    let file = write_file(dir.path(), "overflow.yaml", overflow);
    refused(&file, KB, line, All(&["expected a whole number"]));
}

/// `"\e[31m"` and `"\e]0;title\a"` written as YAML escapes become ESC and BEL
/// in the text: refused where they stand, and never echoed raw.
#[test]
fn terminal_escapes_written_as_yaml_escapes_are_refused() {
    let dir = temp_dir();
    for escape in ["\\e[31m", "\\e]0;title\\a", "\\x9b31m"] {
        let kb = read("minimal.yaml").replace(
            "text: Keeps the doors open.",
            &format!("text: \"Keeps the doors open.{escape}\""),
        );
        let line = Line(line_of(&kb, "Keeps the doors open.", 1));
        let file = write_file(dir.path(), "escape.yaml", &kb);
        refused(
            &file,
            KB,
            line,
            All(&["`text` contains the control character"]),
        );
        let answers = format!("aim: \"product{escape}\"\n\"{escape}\": x\n");
        let answers = write_file(dir.path(), "answers.yaml", answers);
        refused(&answers, ANSWERS, Line(1), All(&["2 problems", "\\u{"]));
    }
}

/// A role name of tag characters as long as the file allows (quoted integers,
/// tags and single invisible characters: bad_kb.rs).
#[test]
fn a_role_name_of_tag_characters_is_refused_at_its_place() {
    let head = read("minimal.yaml").replacen("name: Beta Officer", "name: \"Beta", 1);
    let at = head.find("name: \"Beta").expect("a name") + 11;
    refused_everywhere(
        "tag characters",
        Any(&["U+E0041", "invalid type"]),
        |size| {
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
        let run = roles(&["show", "beta"])
            .kb(&file)
            .format(format)
            .run()
            .succeeded();
        run.stdout_has("Keeps\\u{202e}\\u{200b}\\u{feff}\\u{2066}\\u{e0041} open.");
    }
    let long = "k".repeat(100_000);
    let cut = "k".repeat(80);
    for (args, echo) in [
        (vec!["show", "c\u{200b}io"], "`c\\u{200b}io`".to_owned()),
        (vec!["compare", "--only", &long], format!("`{cut}…`")),
        (vec!["--kb", &long, "compare"], format!("{cut}…")),
    ] {
        let run = roles(&args).fails_as_bad_input();
        let ok = run.stderr.contains(&echo) && run.stderr.len() < 1000;
        assert!(ok, "{run}");
    }
}

#[test]
fn answers_differing_only_in_case_or_spaces_are_refused_as_a_repetition() {
    let dir = temp_dir();
    for second in ["AIM", "\" aim\"", "Aim "] {
        let text = format!("aim: product\nsize: startup\n{second}: process\n");
        let file = write_file(dir.path(), "answers.yaml", text);
        refused(
            &file,
            ANSWERS,
            Line(3),
            All(&["question `aim` is answered twice"]),
        );
    }
}

// --- not regular files, odd stdin -----------------------------------------------

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

/// `roles ARGS` in `sh` after `setup` (a redirection, a umask, a file-size
/// limit), stdin empty: the exit code and stderr.
#[cfg(unix)]
fn in_shell(setup: &str, args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let out = std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg(format!("{setup}\nexec \"$@\""))
        .arg("sh")
        .arg(binary())
        .args(args)
        .env_remove("ROLES_KB")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("`sh` runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `--answers -` with a directory on stdin (`< dir`) reads an error, not text;
/// a closed (`<&-`) or empty stdin has no answers.
#[cfg(unix)]
#[test]
fn a_directory_a_closed_or_an_empty_stdin_is_refused() {
    let dir = temp_dir();
    let args = ["advise", "--no-input", "--answers", "-"].map(std::ffi::OsStr::new);
    let redirect = format!("exec < '{}'", dir.path().display());
    for (setup, says) in [
        (&*redirect, "error: <stdin>: stdin is a directory"),
        ("exec <&-", "error: <stdin>: no answers on stdin"),
    ] {
        let (code, stderr) = in_shell(setup, &args);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stderr.starts_with(says), "{stderr}");
    }
    roles(&args)
        .stdin("")
        .fails_as_bad_input()
        .stderr_has("no answers on stdin");
}

#[test]
fn an_empty_roles_kb_means_the_embedded_knowledge_base() {
    let embedded = roles(&["compare"]).succeeds();
    let empty = roles(&["compare"]).env("ROLES_KB", "").succeeds();
    assert_eq!(empty.stdout, embedded.stdout);
}

// --- saving answers ----------------------------------------------------------------

/// `roles advise … --save TARGET [--force]` in `sh` after `setup`.
#[cfg(unix)]
fn save(setup: &str, target: &Path, force: bool) -> (Option<i32>, String) {
    let args =
        ["advise", "--no-input", "--answer", "aim=product", "--save"].map(std::ffi::OsStr::new);
    let force = force.then_some(std::ffi::OsStr::new("--force"));
    in_shell(
        setup,
        &[&args[..], &[target.as_os_str()], force.as_slice()].concat(),
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
    let at = |name: &str| dir.path().join(name);
    let real = write_file(dir.path(), "real.yaml", "aim: process\n");
    std::os::unix::fs::symlink(&real, at("link.yaml")).expect("a symlink");
    std::os::unix::fs::symlink(at("nowhere.yaml"), at("dangling.yaml")).expect("a symlink");
    std::fs::create_dir(at("sub.yaml")).expect("a directory");
    mkfifo(&at("fifo.yaml"));
    #[rustfmt::skip]
    let cases = [
        (at("link.yaml"), false, "it is a symbolic link"), (at("link.yaml"), true, "it is a symbolic link"),
        (at("dangling.yaml"), true, ""), (at("sub.yaml"), true, "it is a directory"),
        ("/dev/full".into(), true, "it is a device"), ("/dev/null".into(), true, "it is a device"),
        (at("fifo.yaml"), true, "it is a FIFO"),
    ];
    for (target, force, says) in cases.iter().filter(|(t, ..)| t.is_symlink() || t.exists()) {
        let (code, stderr) = save("", target, *force);
        assert_eq!(code, Some(2), "{}: {stderr}", target.display());
        let named = stderr.contains(&*target.to_string_lossy());
        assert!(stderr.contains(says) && named, "{stderr}");
    }
    let link = std::fs::symlink_metadata(at("link.yaml")).expect("the link");
    assert!(link.file_type().is_symlink());
    let expected = "aim: process\n";
    assert_eq!(std::fs::read_to_string(&real).expect("the file"), expected);
    let ok = !at("nowhere.yaml").exists();
    assert!(ok, "nothing written through the link");
}

/// A new file honours the umask; one replaced with `--force` keeps its mode.
#[cfg(unix)]
#[test]
fn a_saved_file_honours_the_umask_and_a_replaced_one_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = temp_dir();
    for (umask, expected) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        let target = dir.path().join(format!("answers-{umask}.yaml"));
        let (code, stderr) = save(&format!("umask {umask}"), &target, false);
        let expected = (Some(0), expected);
        assert_eq!((code, mode(&target)), expected, "umask {umask}: {stderr}");
    }
    for kept in [0o644, 0o640, 0o600] {
        let target = write_file(dir.path(), "answers.yaml", "aim: process\n");
        let permissions = std::fs::Permissions::from_mode(kept);
        std::fs::set_permissions(&target, permissions).expect("permissions");
        let (code, stderr) = save("umask 077", &target, true);
        assert_eq!((code, mode(&target)), (Some(0), kept), "{stderr}");
        let saved = std::fs::read_to_string(&target).expect("saved");
        assert!(saved.contains("aim: product"), "{saved}");
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
    let says = format!("error: cannot save answers to `{}`: ", target.display());
    assert!(stderr.starts_with(&says), "{stderr}");
    let ok = !stderr.contains(".roles-answers-");
    assert!(ok, "names the temporary file: {stderr}");
    assert!(
        dir_entries(dir.path()).is_empty(),
        "{:?}",
        dir_entries(dir.path())
    );
    let existing = write_file(dir.path(), "answers.yaml", "aim: process\n");
    let (code, stderr) = save("trap '' XFSZ\nulimit -f 0", &existing, true);
    assert_eq!(code, Some(1), "{stderr}");
    let kept = std::fs::read_to_string(&existing).expect("kept");
    assert_eq!(kept, "aim: process\n", "the old file is untouched");
    assert_eq!(dir_entries(dir.path()), ["answers.yaml"]);
}

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
        let args = args.iter().map(std::ffi::OsStr::new).collect::<Vec<_>>();
        let (code, stderr) = in_shell("exec > /dev/full", &args);
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        let full = stderr.starts_with("error: ") && stderr.contains("No space left");
        assert!(full, "{args:?}: {stderr}");
    }
}
