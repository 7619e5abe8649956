//! Property tests on the library: any text to the loaders and any `--answer`
//! give a value or an error, never a panic; a dump loads back equal; advice
//! keeps its promises over any answers. A seeded generator makes the same cases
//! every run with no extra crate (`CASES=5000` tries more).

use crate::common::embedded;
use roles::kb::load::parse_and_validate;
use roles::kb::{KnowledgeBase, Questionnaire, yaml};
use roles::questionnaire::{Answer, Answers};
use serde_json::Value;

/// Runs `check` on `cases` generated cases (or `CASES` from the environment).
fn each_case(seed: u64, cases: usize, mut check: impl FnMut(&mut Gen)) {
    let wanted = std::env::var("CASES").ok().and_then(|n| n.parse().ok());
    let mut generator = Gen(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    for _ in 0..wanted.unwrap_or(cases) {
        check(&mut generator);
    }
}

/// A deterministic xorshift64* generator of test inputs.
struct Gen(u64);

const PRINTABLE: &str = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() >> 33) as usize % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `min..=max` characters from `alphabet`.
    fn of(&mut self, alphabet: &str, min: usize, max: usize) -> String {
        let alphabet: Vec<char> = alphabet.chars().collect();
        let len = min + self.below(max - min + 1);
        (0..len).map(|_| *self.pick(&alphabet)).collect()
    }

    /// Up to `max` characters of any kind, ASCII (controls included) half the time.
    fn any(&mut self, max: usize) -> String {
        let len = self.below(max + 1);
        let mut char = || {
            let limit = [0x80, 0x11_0000][self.below(2)];
            char::from_u32(self.below(limit) as u32)
        };
        (0..len).filter_map(|_| char()).collect()
    }

    /// Up to `max` characters, none of them a control.
    fn printable(&mut self, max: usize) -> String {
        self.any(max).chars().filter(|c| !c.is_control()).collect()
    }

    /// Text for a string field: printable ASCII, printable Unicode, or tricky
    /// strings, sometimes glued together.
    fn text(&mut self) -> String {
        match self.below(4) {
            0 => self.of(PRINTABLE, 1, 40),
            1 => self.printable(20),
            2 => self.pick(TRICKY).to_string(),
            _ => [
                self.pick(TRICKY).to_string(),
                self.of(PRINTABLE, 0, 10),
                self.pick(TRICKY).to_string(),
            ]
            .concat(),
        }
    }

    /// Text shaped like YAML source: its punctuation, line breaks of every kind,
    /// indentation, words and the knowledge base's own keys.
    fn yamlish(&mut self) -> String {
        const BREAKS: &[&str] = &["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "  ", "    "];
        (0..self.below(80))
            .map(|_| match self.below(13) {
                0..4 => self.of("-?:,[]{}&*!|>'\"#%@` \t", 1, 3),
                4..7 => self.pick(BREAKS).to_string(),
                7..10 => self.of("abcdefghijklmnopqrstuvwxyz0123456789", 1, 6),
                10..12 => format!("{}: ", self.pick(KEYS)),
                _ => self.pick(TRICKY).to_string(),
            })
            .collect()
    }

    fn key(&mut self) -> String {
        match self.below(4) {
            3 => self.of("abcdefghijklmnopqrstuvwxyz_", 1, 8),
            _ => self.pick(KEYS).to_string(),
        }
    }

    /// A YAML document tree at most `depth` deep and `nodes` big: nested
    /// mappings (mostly with knowledge-base keys), sequences and scalars.
    fn tree(&mut self, depth: usize, nodes: &mut usize, mapping: bool) -> Value {
        *nodes = nodes.saturating_sub(1);
        let kind = if mapping { 1 } else { self.below(3) };
        let items = |g: &mut Gen| 0..g.below(6) * usize::from(depth > 0 && *nodes > 0);
        let child = |g: &mut Gen, nodes: &mut usize| g.tree(depth - 1, nodes, false);
        match kind {
            0 if depth > 0 => Value::Array(items(self).map(|_| child(self, nodes)).collect()),
            1 if depth > 0 => Value::Object(
                items(self)
                    .map(|_| (self.key(), child(self, nodes)))
                    .collect(),
            ),
            _ => match self.below(7) {
                0 => Value::Null,
                1 => Value::Bool(self.below(2) == 0),
                2 => Value::from(self.next() as i64),
                3 => serde_json::json!(f64::from_bits(self.next())),
                4 => Value::from(self.below(3)),
                5 => Value::String(self.text()),
                _ => Value::String(self.pick(KEYS).to_string()),
            },
        }
    }

    /// A document: mostly a mapping at the top, as a knowledge base is.
    fn document(&mut self) -> Value {
        let mapping = self.below(4) > 0;
        self.tree(6, &mut 96, mapping)
    }

    /// Answers-file text: keys (question ids in any case, with spaces, or not
    /// question ids at all) and values (choices, booleans, numbers, lists, junk).
    fn answers_source(&mut self) -> String {
        const KEYS: &[&str] = &[
            "aim",
            "AIM",
            " aim ",
            "needs",
            "size",
            "tech-company",
            "budget",
        ];
        #[rustfmt::skip]
        const VALUES: &[&str] = &[
            "product", "process", "both", "yes", "no", "on", "true", "~", "[]", "[a, b]", "{a: b}",
            "1", "-1.5e9",
        ];
        let line = |g: &mut Gen| match (g.below(2), g.below(2)) {
            (0, 0) => format!("{}: {}\n", g.pick(KEYS), g.pick(VALUES)),
            (0, _) => format!("{}: {}\n", g.pick(KEYS), g.text()),
            (_, 0) => format!("{}: {}\n", g.of("abcxyzAIMNDS -", 0, 12), g.pick(VALUES)),
            _ => format!("{}: {}\n", g.of("abcxyzAIMNDS -", 0, 12), g.text()),
        };
        (0..self.below(8)).map(|_| line(self)).collect()
    }

    /// Any set of answers to the real questionnaire: each question unanswered or
    /// given one of its values (several for a multiple choice), or a head count
    /// for a number question.
    fn answers(&mut self) -> Answers {
        let mut answers = Answers::default();
        for question in &questionnaire().questions {
            let values: Vec<String> = question.choices.iter().map(|c| c.value.clone()).collect();
            let pick = self.below(values.len() + 2);
            let answer = if question.multiple {
                let chosen: Vec<String> =
                    values.into_iter().filter(|_| self.below(2) == 0).collect();
                (!chosen.is_empty()).then_some(Answer::Many(chosen))
            } else if question.number && pick == values.len() + 1 {
                Some(Answer::One(self.below(20_000).to_string()))
            } else {
                values.get(pick).map(|v| Answer::One(v.clone()))
            };
            answers.set(&question.id, answer);
        }
        answers
    }
}

/// Strings that mean something to YAML.
#[rustfmt::skip]
const TRICKY: &[&str] = &[
    "*alias", "&anchor x", "- item", "[", "]", "{a: b}", "[[[[", "key: value", "# not a comment",
    "a #comment", "'", "\"", "''", "\"\\\"", "null", "~", "yes", "no", "1.5", "0x1F", "  leading",
    "trailing  ", "a\nb", "line one\n  line two", "tab\there", "back\\slash\\", "Toronto:\"East", "|",
    ">-", "---", "...", "%YAML 1.2", "@", "`", "!tag", "!!str", "? key", ": value", "a: *b", "x:[y",
    "\u{feff}bom", "é ü 中文 🦀", "cr\rhere", "nel\u{85}here", "ls\u{2028}here", "bell\u{7}",
    "crlf\r\nhere",
];

/// Keys of the knowledge-base format, so generated documents get past the
/// first `unknown field` and into deserialisation and validation.
#[rustfmt::skip]
const KEYS: &[&str] = &[
    "schema_version", "sources", "roles", "dimensions", "topics", "questionnaire", "id", "title",
    "file", "name", "summary", "sections", "facts", "text", "theme", "values", "questions", "choices",
    "value", "label", "weights", "reason", "hint", "multiple", "cio", "cto", "article",
];

fn questionnaire() -> &'static Questionnaire {
    &embedded().questionnaire
}

/// An error's report, which must say something (rendering it, the locating
/// and formatting code must not panic either).
fn report(error: impl std::fmt::Display) -> String {
    let report = error.to_string();
    assert!(!report.is_empty(), "an error says something");
    report
}

/// Loads `text` as a knowledge base; on error, renders the report.
fn load(text: &str) -> Result<KnowledgeBase, String> {
    parse_and_validate("prop.yaml", text).map_err(report)
}

/// Reads `text` as an answers file; on error, renders the report.
fn read_answers(text: &str) {
    let _ = Answers::from_text("answers.yaml", text, questionnaire()).map_err(report);
}

/// Feeds `text` to every reader: the loader, the YAML parser and the answers reader.
fn read_everywhere(text: &str) {
    let _ = load(text);
    let _ = yaml::parse::<Value>(text);
    read_answers(text);
}

/// The knowledge base dumped as YAML (`json: false`) or JSON.
fn dump(kb: &KnowledgeBase, json: bool) -> String {
    let library = roles::library::Library::loaded(kb.clone());
    let tree = roles::commands::kb::dump(&library).expect("a dump");
    match json {
        true => serde_json::to_string_pretty(&tree).expect("JSON"),
        false => yaml::to_string(&tree).expect("YAML"),
    }
}

#[test]
fn arbitrary_bytes_and_strings_never_panic_the_loader() {
    each_case(1, 256, |generator| {
        let bytes: Vec<u8> = (0..generator.below(600))
            .map(|_| generator.below(256) as u8)
            .collect();
        read_everywhere(&String::from_utf8_lossy(&bytes));
        read_everywhere(&generator.any(100));
    });
}

#[test]
fn yaml_punctuation_soup_never_panics_the_loader() {
    each_case(2, 256, |generator| read_everywhere(&generator.yamlish()));
}

#[test]
fn yaml_shaped_documents_never_panic_the_loader() {
    each_case(3, 256, |generator| {
        let doc = generator.document();
        read_everywhere(&yaml::to_string(&doc).expect("a generated tree serialises"));
        read_everywhere(&serde_json::to_string(&doc).expect("a generated tree is JSON too"));
    });
}

#[test]
fn answers_shaped_text_never_panics_the_answers_reader() {
    each_case(4, 256, |generator| {
        read_answers(&generator.answers_source())
    });
}

/// What the writer writes, the reader reads back the same (the trees are
/// shallow, and the writer uses no anchors).
#[test]
fn what_is_written_as_yaml_reads_back_the_same() {
    each_case(5, 256, |generator| {
        let doc = generator.document();
        let text = yaml::to_string(&doc).expect("a generated tree serialises");
        let read = yaml::parse::<Value>(&text).map_err(|e| format!("{e:?}"));
        assert_eq!(read.as_ref(), Ok(&doc), "text:\n{text}");
    });
}

#[test]
fn any_answer_flag_never_panics_and_a_valid_aim_is_one_of_its_choices() {
    let aim = questionnaire().questions.iter().find(|q| q.id == "aim");
    let aim = aim.expect("question `aim`");
    let choices: Vec<&str> = aim.choices.iter().map(|c| c.value.as_str()).collect();
    each_case(6, 256, |generator| {
        let mut answers = Answers::default();
        let flag = format!("aim={}", generator.any(30));
        if answers
            .apply_flags(&[flag], questionnaire())
            .map_err(report)
            .is_ok()
        {
            match answers.get("aim") {
                Some(Answer::One(chosen)) => assert!(choices.contains(&chosen.as_str())),
                other => panic!("`aim` answered as {other:?}"),
            }
        }
        let needs = match generator.below(2) {
            0 => generator.of(
                "abcdefghijklmnopqrstuvwxyz ,-_ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                0,
                60,
            ),
            _ => generator.printable(30),
        };
        let flag = format!("needs={needs}");
        let _ = Answers::default()
            .apply_flags(&[flag], questionnaire())
            .map_err(report);
        let flags: Vec<String> = (0..generator.below(4)).map(|_| generator.any(20)).collect();
        let _ = Answers::default()
            .apply_flags(&flags, questionnaire())
            .map_err(|e| e.to_string());
    });
}

/// Each case writes and reads the whole embedded knowledge base (64 KB), as
/// YAML and as JSON, after writing new texts into up to five of its fields.
#[test]
fn a_valid_knowledge_base_dumped_and_loaded_again_is_equal() {
    let kb = embedded();
    assert!(&load(&dump(kb, false)).expect("the dump loads back") == kb);
    each_case(7, 8, |generator| {
        let mut kb = embedded().clone();
        let mut fields = text_fields(&mut kb);
        let mut mutations = Vec::new();
        for _ in 0..1 + generator.below(5) {
            let text = std::iter::repeat_with(|| generator.text()).find(|t| !t.trim().is_empty());
            let at = generator.below(fields.len());
            *fields[at] = text.clone().unwrap_or_default();
            mutations.push(text);
        }
        if !roles::kb::validate(&kb).is_empty() {
            return;
        }
        for json in [false, true] {
            let again = load(&dump(&kb, json));
            let again = again.unwrap_or_else(|e| panic!("does not load back: {e}\n{mutations:?}"));
            let ok = again == kb;
            assert!(ok, "reloaded differs (json: {json}): {mutations:?}");
        }
    });
}

/// Every free-text field of a knowledge base, to mutate.
fn text_fields(kb: &mut KnowledgeBase) -> Vec<&mut String> {
    let mut fields: Vec<&mut String> = Vec::new();
    for source in &mut kb.sources {
        fields.push(&mut source.title);
        fields.extend(source.note.as_mut());
    }
    for role in &mut kb.roles {
        fields.extend([&mut role.name, &mut role.summary.text]);
        fields.extend(role.summary.theme.as_mut());
        for section in &mut role.sections {
            fields.push(&mut section.title);
            for fact in &mut section.facts {
                fields.push(&mut fact.text);
                fields.extend(fact.theme.as_mut());
            }
        }
        for salary in &mut role.salaries {
            fields.extend([&mut salary.figure, &mut salary.basis, &mut salary.place]);
        }
    }
    for dimension in &mut kb.dimensions {
        fields.push(&mut dimension.name);
        fields.extend(dimension.description.as_mut());
        fields.extend(dimension.values.values_mut().map(|fact| &mut fact.text));
    }
    for topic in &mut kb.topics {
        fields.push(&mut topic.title);
        fields.extend(topic.facts.iter_mut().map(|fact| &mut fact.text));
    }
    for question in &mut kb.questionnaire.questions {
        fields.extend([&mut question.text, &mut question.hint]);
        for choice in &mut question.choices {
            fields.extend([&mut choice.label, &mut choice.reason.text]);
        }
    }
    fields
}

/// A control character in a text is refused, however it is written: raw in
/// JSON, or as an escape in YAML (`\e`, `\x85`).
#[test]
fn a_dump_with_a_control_character_in_a_text_does_not_load() {
    for control in ['\u{1b}', '\u{85}', '\u{7}'] {
        let mut kb = embedded().clone();
        kb.roles[0].summary.text = format!("before{control}after");
        let problems = roles::kb::validate(&kb);
        assert_eq!(problems.len(), 1, "{problems:?}");
        for json in [true, false] {
            let report = load(&dump(&kb, json)).expect_err("refused");
            assert!(report.contains("control character"), "{report}");
            assert!(report.contains("prop.yaml:"), "{report}");
        }
    }
}

/// Runs the `roles` binary with `text` as a file (`kb validate`) and on stdin
/// (`advise --answers -`): whatever the text, the process ends with 0 or 2,
/// never an abort (a failed allocation, a stack overflow) or a panic.
#[test]
fn yaml_soup_and_answers_through_the_binary_exit_0_or_2() {
    each_case(8, 32, |generator| {
        let text = match generator.below(2) {
            0 => generator.yamlish(),
            _ => generator.answers_source(),
        };
        let dir = crate::common::temp_dir();
        let file = crate::common::write_file(dir.path(), "prop.yaml", &text);
        let validate = crate::common::roles(&["kb", "validate"]).arg(&file).run();
        let advise = crate::common::roles(&["advise", "--no-input", "--answers", "-"]);
        for (route, out) in [
            ("kb validate", validate),
            ("--answers -", advise.stdin(text.clone()).run()),
        ] {
            assert!(matches!(out.code, Some(0 | 2)), "{route}: {text:?}\n{out}");
            assert!(!out.stderr.contains("panicked"), "{route}: {text:?}\n{out}");
        }
    });
}

/// Seats are never exceeded, no verdict comes without evidence, a needed
/// role never shows 0 and one answer is never high, a tie is said, and an
/// answer that backs a role never lowers that role's confidence.
#[test]
fn advice_keeps_its_promises_over_the_real_questionnaire() {
    let library = roles::library::Library::embedded();
    each_case(9, 200, |generator| {
        let answers = generator.answers();
        let advice = roles::commands::advise::advise(&library, &answers);
        let hires = advice.hires.iter();
        let full_time = hires.filter(|h| h.engagement.as_deref() == Some("full-time"));
        if let Some(seats) = advice.seats {
            assert!(full_time.count() <= usize::from(seats), "{answers:?}");
        }
        let engagement = |f: &String| f == "fractional" || f == "full-time";
        let reasons = advice.reasons.iter();
        let bearing = reasons
            .clone()
            .any(|r| !r.points.is_empty() && r.favours.iter().any(|f| !engagement(f)));
        assert_eq!(advice.hires.is_empty(), !bearing, "{:?}", advice.reasons);
        for hire in &advice.hires {
            assert!(hire.confidence.value > 0.0);
            let backs = |k: &String| *k == hire.role.as_str() || k == "both";
            let backers = reasons
                .clone()
                .filter(|r| r.points.keys().any(backs))
                .count();
            assert!(backers > 1 || hire.confidence.level != "high", "{hire:?}");
        }
        // The role a priority answer puts first settles a tie it is part of.
        let first = (questionnaire().questions.iter())
            .flat_map(|q| {
                let values = answers.get(&q.id).map(|a| a.values()).unwrap_or_default();
                (q.choices.iter()).filter(move |c| values.contains(&c.value.as_str()))
            })
            .find_map(|c| c.first.clone());
        let unsettled = |w: &[roles::commands::advise::Hire]| {
            w[0].need == w[1].need && w.iter().all(|h| Some(&h.role) != first.as_ref())
        };
        assert_eq!(advice.tie, advice.hires.windows(2).any(unsettled));
        let needs: Vec<i32> = advice.hires.iter().map(|h| h.need).collect();
        let ok = needs.windows(2).all(|w| w[0] >= w[1]);
        assert!(ok, "hires in order of need");
        let open = |q: &&roles::kb::Question| answers.get(&q.id).is_none() && !q.multiple;
        let unanswered: Vec<_> = questionnaire().questions.iter().filter(open).collect();
        if unanswered.is_empty() {
            return;
        }
        let question = generator.pick(&unanswered);
        for choice in &question.choices {
            let mut more = answers.clone();
            more.set(&question.id, Some(Answer::One(choice.value.to_string())));
            let after = roles::commands::advise::advise(&library, &more);
            for hire in &advice.hires {
                let backs =
                    choice.both > 0 || choice.weights.get(&hire.role).is_some_and(|w| *w > 0);
                let later = after.hires.iter().find(|h| h.role == hire.role);
                let later = later.map_or(0.0, |h| h.confidence.value);
                let (id, value, was) = (&question.id, &choice.value, hire.confidence.value);
                assert!(!backs || later >= was, "{id} {value}: {was} → {later}");
            }
        }
    });
}
