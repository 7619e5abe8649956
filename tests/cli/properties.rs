//! Property tests, calling the library directly: whatever text reaches the
//! knowledge-base loader or the answers reader, and whatever string is given as
//! an `--answer`, the result is a value or an error, never a panic; and a valid
//! knowledge base dumped and loaded again is the same knowledge base.
//!
//! Case counts are fixed and small so the file runs in seconds in CI; failures
//! are not persisted to files (run again with `PROPTEST_CASES=5000` to search
//! harder).

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::TestCaseError;
use roles::kb::load::parse_and_validate;
use roles::kb::{KnowledgeBase, Questionnaire, Text, yaml};
use roles::questionnaire::{Answer, Answers};
use serde_json::{Map, Value};

/// A bounded configuration: `cases` cases, no regression files written.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The embedded knowledge base, decoded once.
fn embedded() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| roles::library::Library::embedded().whole())
}

fn questionnaire() -> &'static Questionnaire {
    &embedded().questionnaire
}

/// Loads `text` as a knowledge base; on error, renders the report too (the
/// locating and formatting code must not panic either).
fn load(text: &str) -> Result<KnowledgeBase, String> {
    parse_and_validate("prop.yaml", text).map_err(|error| {
        let report = error.to_string();
        assert!(!report.is_empty(), "an error says something");
        report
    })
}

/// Strings that mean something to YAML.
const TRICKY: &[&str] = &[
    "*alias",
    "&anchor x",
    "- item",
    "[",
    "]",
    "{a: b}",
    "[[[[",
    "key: value",
    "# not a comment",
    "a #comment",
    "'",
    "\"",
    "''",
    "\"\\\"",
    "null",
    "~",
    "yes",
    "no",
    "1.5",
    "0x1F",
    "  leading",
    "trailing  ",
    "a\nb",
    "line one\n  line two",
    "tab\there",
    "back\\slash\\",
    "Toronto:\"East",
    "|",
    ">-",
    "---",
    "...",
    "%YAML 1.2",
    "@",
    "`",
    "!tag",
    "!!str",
    "? key",
    ": value",
    "a: *b",
    "x:[y",
    "\u{feff}bom",
    "é ü 中文 🦀",
    "cr\rhere",
    "nel\u{85}here",
    "ls\u{2028}here",
    "bell\u{7}",
    "crlf\r\nhere",
];

/// Text for a string field: printable ASCII, any printable Unicode, or one of
/// the tricky strings, sometimes glued together.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{1,40}",
        "\\PC{1,20}",
        select(TRICKY).prop_map(str::to_owned),
        (select(TRICKY), "[ -~]{0,10}", select(TRICKY)).prop_map(|(a, b, c)| format!("{a}{b}{c}")),
    ]
}

/// Text shaped like YAML source: its punctuation, line breaks of every kind,
/// indentation, words and the knowledge base's own keys.
fn yamlish_source() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[-?:,\\[\\]{}&*!|>'\"#%@` \t]{1,3}",
        3 => select(&["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "  ", "    "][..]).prop_map(str::to_owned),
        3 => "[a-z0-9]{1,6}",
        2 => select(KEYS).prop_map(|key| format!("{key}: ")),
        1 => select(TRICKY).prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

/// Keys of the knowledge-base format, so generated documents get past the
/// first `unknown field` and into deserialisation and validation.
const KEYS: &[&str] = &[
    "schema_version",
    "sources",
    "roles",
    "dimensions",
    "topics",
    "questionnaire",
    "id",
    "title",
    "file",
    "name",
    "summary",
    "sections",
    "facts",
    "text",
    "theme",
    "values",
    "questions",
    "choices",
    "value",
    "label",
    "weights",
    "reason",
    "hint",
    "multiple",
    "cio",
    "cto",
    "article",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![3 => select(KEYS).prop_map(str::to_owned), 1 => "[a-z_]{1,8}"]
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        any::<f64>()
            .prop_filter("finite", |n| n.is_finite())
            .prop_map(|n| serde_json::json!(n)),
        (0u32..3).prop_map(|n| Value::Number(n.into())),
        text().prop_map(Value::String),
        select(KEYS).prop_map(|k| Value::String(k.to_owned())),
    ]
}

/// A YAML document tree: nested mappings (mostly with knowledge-base keys),
/// sequences and scalars.
fn document() -> impl Strategy<Value = Value> {
    let tree = scalar().prop_recursive(6, 96, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    });
    prop_oneof![
        1 => tree.clone(),
        3 => prop::collection::vec((key(), tree), 0..7)
            .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
    ]
}

/// Every free-text field of a knowledge base, to mutate.
fn text_fields(kb: &mut KnowledgeBase) -> Vec<&mut Text> {
    let mut fields: Vec<&mut Text> = Vec::new();
    for source in &mut kb.sources {
        fields.push(&mut source.title);
        fields.extend(source.note.as_mut());
    }
    for role in &mut kb.roles {
        fields.push(&mut role.name);
        fields.push(&mut role.summary.text);
        fields.extend(role.summary.theme.as_mut());
        for section in &mut role.sections {
            fields.push(&mut section.title);
            for fact in &mut section.facts {
                fields.push(&mut fact.text);
                fields.extend(fact.theme.as_mut());
            }
        }
        for salary in &mut role.salaries {
            fields.push(&mut salary.figure);
            fields.push(&mut salary.basis);
            fields.push(&mut salary.place);
        }
    }
    for dimension in &mut kb.dimensions {
        fields.push(&mut dimension.name);
        fields.extend(dimension.description.as_mut());
        for fact in dimension.values.values_mut() {
            fields.push(&mut fact.text);
        }
    }
    for topic in &mut kb.topics {
        fields.push(&mut topic.title);
        for fact in &mut topic.facts {
            fields.push(&mut fact.text);
        }
    }
    for question in &mut kb.questionnaire.questions {
        fields.push(&mut question.text);
        fields.push(&mut question.hint);
        for choice in &mut question.choices {
            fields.push(&mut choice.label);
            fields.push(&mut choice.reason.text);
        }
    }
    fields
}

/// The embedded knowledge base with these texts written into these fields.
fn mutated(mutations: &[(Index, String)]) -> KnowledgeBase {
    let mut kb = embedded().clone();
    let mut fields = text_fields(&mut kb);
    for (index, text) in mutations {
        let at = index.index(fields.len());
        *fields[at] = Text::from(text.clone());
    }
    kb
}

/// Non-blank text (blank text is refused by validation, rightly).
fn field_text() -> impl Strategy<Value = String> {
    text().prop_filter("blank text is invalid", |t| !t.trim().is_empty())
}

fn dump_yaml(kb: &KnowledgeBase) -> String {
    let tree =
        roles::commands::kb::dump(&roles::library::Library::loaded(kb.clone())).expect("a dump");
    yaml::to_string(&tree).expect("YAML")
}

/// Reads `text` as an answers file; on error, renders the report too.
fn read_answers(text: &str) {
    if let Err(error) = Answers::from_text("answers.yaml", text, questionnaire()) {
        assert!(!error.to_string().is_empty(), "an error says something");
    }
}

/// Answers-file text: keys (question ids in any case, with spaces, or not
/// question ids at all) and values (choices, booleans, numbers, lists, junk).
fn answers_source() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        select(
            &[
                "aim",
                "AIM",
                " aim ",
                "needs",
                "size",
                "tech-company",
                "budget",
                "x"
            ][..]
        )
        .prop_map(str::to_owned),
        "[a-zA-Z -]{0,12}",
    ];
    let value = prop_oneof![
        select(
            &[
                "product", "process", "both", "yes", "no", "on", "true", "~", "[]", "[a, b]",
                "{a: b}", "1", "-1.5e9"
            ][..]
        )
        .prop_map(str::to_owned),
        text(),
    ];
    prop::collection::vec((key, value), 0..8).prop_map(|entries| {
        entries
            .into_iter()
            .map(|(key, value)| format!("{key}: {value}\n"))
            .collect()
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = load(&text);
        let _ = yaml::parse::<Value>(&text);
        read_answers(&text);
    }

    #[test]
    fn arbitrary_strings_never_panic_the_loader(text in any::<String>()) {
        let _ = load(&text);
        read_answers(&text);
    }

    #[test]
    fn yaml_punctuation_soup_never_panics_the_loader(text in yamlish_source()) {
        let _ = load(&text);
        let _ = yaml::parse::<Value>(&text);
        read_answers(&text);
    }

    #[test]
    fn yaml_shaped_documents_never_panic_the_loader(doc in document()) {
        let text = yaml::to_string(&doc).expect("a generated tree serialises");
        let _ = load(&text);
        read_answers(&text);
        let json = serde_json::to_string(&doc).expect("a generated tree is JSON too");
        let _ = load(&json);
        read_answers(&json);
    }

    #[test]
    fn answers_shaped_text_never_panics_the_answers_reader(text in answers_source()) {
        read_answers(&text);
    }

    /// What the writer writes, the reader reads back the same (the trees are
    /// shallow, and the writer uses no anchors).
    #[test]
    fn what_is_written_as_yaml_reads_back_the_same(doc in document()) {
        let text = yaml::to_string(&doc).expect("a generated tree serialises");
        let read = yaml::parse::<Value>(&text);
        prop_assert_eq!(read.as_ref().ok(), Some(&doc), "text:\n{}\n{:?}", text, read.as_ref().err());
    }

    #[test]
    fn any_aim_answer_never_panics(value in any::<String>()) {
        let mut answers = Answers::default();
        match answers.apply_flags(&[format!("aim={value}")], questionnaire()) {
            Ok(()) => {
                let choices: Vec<&str> = questionnaire().questions.iter()
                    .find(|q| q.id == "aim").expect("question `aim`")
                    .choices.iter().map(|c| c.value.as_str()).collect();
                match answers.get("aim") {
                    Some(Answer::One(chosen)) => prop_assert!(choices.contains(&chosen.as_str())),
                    other => prop_assert!(false, "`aim` answered as {:?}", other),
                }
            }
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }

    #[test]
    fn any_needs_answer_never_panics(value in "[a-z ,\\-_A-Z]{0,60}|\\PC{0,30}") {
        let mut answers = Answers::default();
        if let Err(error) = answers.apply_flags(&[format!("needs={value}")], questionnaire()) {
            prop_assert!(!error.to_string().is_empty());
        }
    }

    #[test]
    fn any_answer_flags_never_panic(flags in prop::collection::vec(any::<String>(), 0..4)) {
        let mut answers = Answers::default();
        let _ = answers.apply_flags(&flags, questionnaire()).map_err(|e| e.to_string());
    }
}

proptest! {
    // Each case writes and reads the whole embedded knowledge base (64 KB).
    #![proptest_config(config(24))]

    #[test]
    fn a_valid_knowledge_base_dumped_and_loaded_again_is_equal(
        mutations in prop::collection::vec((any::<Index>(), field_text()), 1..6)
    ) {
        let kb = mutated(&mutations);
        prop_assume!(roles::kb::validate(&kb).is_empty());
        let text = dump_yaml(&kb);
        match load(&text) {
            Ok(again) => prop_assert!(again == kb, "the reloaded knowledge base differs; mutations: {:?}", mutations),
            Err(report) => prop_assert!(false, "the dump does not load back: {}\nmutations: {:?}", report, mutations),
        }
    }

    #[test]
    fn a_valid_knowledge_base_dumped_as_json_and_loaded_again_is_equal(
        mutations in prop::collection::vec((any::<Index>(), field_text()), 1..6)
    ) {
        let kb = mutated(&mutations);
        prop_assume!(roles::kb::validate(&kb).is_empty());
        let tree = roles::commands::kb::dump(&roles::library::Library::loaded(kb.clone())).expect("a dump");
        let text = serde_json::to_string_pretty(&tree).expect("JSON");
        match load(&text) {
            Ok(again) => prop_assert!(again == kb, "the reloaded knowledge base differs; mutations: {:?}", mutations),
            Err(report) => prop_assert!(false, "the JSON dump does not load back: {}\nmutations: {:?}", report, mutations),
        }
    }
}

/// Runs the `roles` binary with `text` as a file (`kb validate`) and on stdin
/// (`advise --answers -`): whatever the text, the process ends with 0 or 2,
/// never an abort (a failed allocation, a stack overflow) or a panic.
fn through_the_binary(text: &str) -> Result<(), TestCaseError> {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("prop.yaml");
    std::fs::write(&file, text).expect("the file can be written");
    let binary = env!("CARGO_BIN_EXE_roles");
    let validate = Command::new(binary)
        .args(["kb", "validate"])
        .arg(&file)
        .env_remove("ROLES_KB")
        .output()
        .expect("`roles` runs");
    let mut advise = Command::new(binary)
        .args(["advise", "--no-input", "--answers", "-"])
        .env_remove("ROLES_KB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("`roles` runs");
    let mut stdin = advise.stdin.take().expect("piped stdin");
    // The process may stop reading early (a size cap); that is not an error here.
    let _ = stdin.write_all(text.as_bytes());
    drop(stdin);
    let advise = advise.wait_with_output().expect("`roles` ends");
    for (route, out) in [("kb validate", validate), ("advise --answers -", advise)] {
        let stderr = String::from_utf8_lossy(&out.stderr);
        prop_assert!(
            matches!(out.status.code(), Some(0 | 2)),
            "{}: {:?}\n{}",
            route,
            out.status,
            stderr
        );
        prop_assert!(!stderr.contains("panicked"), "{}: {}", route, stderr);
    }
    Ok(())
}

proptest! {
    // Each case starts the binary twice.
    #![proptest_config(config(32))]

    #[test]
    fn yaml_soup_through_the_binary_exits_0_or_2(text in yamlish_source()) {
        through_the_binary(&text)?;
    }

    #[test]
    fn answers_through_the_binary_exit_0_or_2(text in answers_source()) {
        through_the_binary(&text)?;
    }
}

#[test]
fn the_embedded_knowledge_base_dumped_and_loaded_again_is_equal() {
    let kb = embedded();
    let again = load(&dump_yaml(kb)).expect("the dump loads back");
    assert!(&again == kb);
}

/// A control character in a text is refused, however it is written: raw in
/// JSON, or as an escape in YAML (`\e`, `\x85`).
#[test]
fn a_dump_with_a_control_character_in_a_text_does_not_load() {
    for control in ['\u{1b}', '\u{85}', '\u{7}'] {
        let mut kb = embedded().clone();
        kb.roles[0].summary.text = Text::from(format!("before{control}after"));
        let problems = roles::kb::validate(&kb);
        assert_eq!(problems.len(), 1, "{problems:?}");
        let tree = roles::commands::kb::dump(&roles::library::Library::loaded(kb.clone()))
            .expect("a dump");
        for text in [
            serde_json::to_string_pretty(&tree).expect("JSON"),
            dump_yaml(&kb),
        ] {
            let report = load(&text).expect_err("refused");
            assert!(report.contains("control character"), "{report}");
            assert!(report.contains("prop.yaml:"), "{report}");
        }
    }
}

/// Any set of answers to the real questionnaire: each question unanswered or
/// given one of its values (several for `needs`), or a head count for `size`.
fn advice_answers() -> impl Strategy<Value = Answers> {
    let questions = &questionnaire().questions;
    let per_question: Vec<_> = questions
        .iter()
        .map(|question| {
            let values: Vec<String> = question
                .choices
                .iter()
                .map(|c| c.value.to_string())
                .collect();
            let multiple = question.multiple;
            let number = question.number;
            (
                0..=values.len() + 1,
                prop::collection::vec(any::<bool>(), values.len()),
                0u32..20_000,
            )
                .prop_map(move |(pick, toggles, head_count)| {
                    if multiple {
                        let chosen: Vec<String> = values
                            .iter()
                            .zip(&toggles)
                            .filter(|(_, on)| **on)
                            .map(|(v, _)| v.clone())
                            .collect();
                        (!chosen.is_empty()).then_some(Answer::Many(chosen))
                    } else if number && pick == values.len() + 1 {
                        Some(Answer::One(head_count.to_string()))
                    } else {
                        values.get(pick).map(|v| Answer::One(v.clone()))
                    }
                })
        })
        .collect();
    per_question.prop_map(|given| {
        let mut answers = Answers::default();
        for (question, answer) in questionnaire().questions.iter().zip(given) {
            answers.set(&question.id, answer);
        }
        answers
    })
}

proptest! {
    #![proptest_config(config(200))]

    /// Seats are never exceeded, no verdict comes without evidence, a needed
    /// role never shows 0 and one answer is never high, and a tie is said.
    #[test]
    fn advice_keeps_its_promises_over_the_real_questionnaire(answers in advice_answers()) {
        let library = roles::library::Library::embedded();
        let advice = roles::commands::advise::advise(&library, &answers);
        let full_time = advice.hires.iter().filter(|h| h.engagement.as_deref() == Some("full-time")).count();
        if let Some(seats) = advice.seats {
            prop_assert!(full_time <= usize::from(seats));
        }
        let bearing = advice.reasons.iter().any(|r| r.favours.iter().any(|f| f != "fractional" && f != "full-time"));
        prop_assert_eq!(advice.hires.is_empty(), !bearing, "{:?}", advice.reasons);
        for hire in &advice.hires {
            prop_assert!(hire.confidence.value > 0.0);
            let backers = advice.reasons.iter().filter(|r| r.points.keys().any(|k| *k == hire.role.as_str() || k == "both")).count();
            if backers <= 1 {
                prop_assert!(hire.confidence.level != "high", "{:?}", hire);
            }
        }
        let needs: Vec<i32> = advice.hires.iter().map(|h| h.need).collect();
        prop_assert_eq!(advice.tie, needs.windows(2).any(|w| w[0] == w[1]));
        prop_assert!(needs.windows(2).all(|w| w[0] >= w[1]), "hires in order of need");
    }

    /// An answer that backs a role never lowers that role's confidence.
    #[test]
    fn an_answer_for_a_role_never_lowers_its_confidence(answers in advice_answers(), pick in any::<Index>()) {
        let library = roles::library::Library::embedded();
        let before = roles::commands::advise::advise(&library, &answers);
        let unanswered: Vec<_> = questionnaire().questions.iter().filter(|q| answers.get(&q.id).is_none() && !q.multiple).collect();
        if unanswered.is_empty() {
            return Ok(());
        }
        let question = pick.get(&unanswered);
        for choice in &question.choices {
            let mut more = answers.clone();
            more.set(&question.id, Some(Answer::One(choice.value.to_string())));
            let after = roles::commands::advise::advise(&library, &more);
            for hire in &before.hires {
                let backs = choice.both > 0 || choice.weights.get(&hire.role).is_some_and(|w| *w > 0);
                let later = after.hires.iter().find(|h| h.role == hire.role);
                if backs {
                    let later = later.map_or(0.0, |h| h.confidence.value);
                    prop_assert!(later >= hire.confidence.value, "{} {}: {} → {}", question.id, choice.value, hire.confidence.value, later);
                }
            }
        }
    }
}
