//! Answers to the questionnaire: from `--answer KEY=VALUE` flags and
//! `--answers FILE` (YAML or JSON, `-` for stdin), checked against the questions
//! (ids ignoring case and spaces; values as the question's own words, so `on`
//! stays `on` and a boolean is the question's `yes`/`no`), every problem placed
//! at its line and column; and saved back (`--save`) atomically, never over
//! anything but a regular file.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::fs;
use std::io::{self, Read, Write};
use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _};
use std::path::Path;

use anyhow::Result;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::error::{BadInput, shown, tick_list, unknown_name_message};
use crate::kb::load::{decode_text, located, read_text};
use crate::kb::problem::KEPT_PROBLEMS;
use crate::kb::{Choice, KbError, Problem, Question, Questionnaire, Step, yaml};

/// The largest answers file read from stdin, in bytes.
const MAX_STDIN_BYTES: u64 = 1024 * 1024;

/// The most nodes an answers file may hold: ten for each of 10,000 questions.
pub const MAX_ANSWER_NODES: usize = 100_000;

/// What was answered to one question: one value, or several for a question that
/// takes several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// The value of a single-choice question, or a number (written as one).
    #[serde(serialize_with = "number_or_text")]
    One(String),
    /// The values of a multiple-choice question.
    Many(Vec<String>),
}

/// Writes plain digits (a head count, years) as a number, so a saved file
/// holds `size: 5000`, not `"5000"`; `012` or `+5` stay text.
fn number_or_text<S: serde::Serializer>(value: &str, serializer: S) -> Result<S::Ok, S::Error> {
    match value.parse::<u32>() {
        Ok(number) if number.to_string() == value => serializer.serialize_u32(number),
        _ => serializer.serialize_str(value),
    }
}

impl Answer {
    /// The chosen values.
    pub fn values(&self) -> Vec<&str> {
        match self {
            Answer::One(value) => vec![value.as_str()],
            Answer::Many(values) => values.iter().map(String::as_str).collect(),
        }
    }
}

/// Answers keyed by question id; a question left out means no preference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, Answer>);

/// Read as the map it is (`get`, `is_empty`); written through `set`.
impl std::ops::Deref for Answers {
    type Target = BTreeMap<String, Answer>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Answers {
    /// Records an answer, or removes it when `answer` is `None` (no preference).
    pub fn set(&mut self, id: &str, answer: Option<Answer>) {
        match answer {
            Some(answer) => self.0.insert(id.to_owned(), answer),
            None => self.0.remove(id),
        };
    }

    /// Reads an answers file (`-` for stdin) and checks every answer.
    pub fn from_file(path: &Path, questionnaire: &Questionnaire) -> Result<Answers> {
        let (origin, text) = match path == Path::new("-") {
            true => ("<stdin>".to_owned(), read_stdin()),
            false => (path.display().to_string(), read_text(path)),
        };
        let text =
            text.map_err(|problem| BadInput::err(KbError::single(&origin, problem).to_string()))?;
        Answers::from_text(&origin, &text, questionnaire)
    }

    /// Parses answers-file text and checks every answer; `origin` names the file
    /// in messages. Every problem is reported, each at its line and column.
    pub fn from_text(origin: &str, text: &str, questionnaire: &Questionnaire) -> Result<Answers> {
        if text.trim().is_empty() {
            return Ok(Answers::default());
        }
        let hint = "an answers file maps question ids to values, e.g. `aim: product`";
        let parsed = yaml::parse_within(text, MAX_ANSWER_NODES);
        let AnswersFile(entries) = parsed.map_err(|problem| {
            BadInput::err(format!("{}\n\n{hint}", KbError::single(origin, problem)))
        })?;
        let mut answers = Answers::default();
        let mut problems = Vec::new();
        let mut fail = |message, node| problems.push(Problem::whole_file(message).on(node));
        // Question id (as the knowledge base spells it) → the key that first answered it.
        let mut answered: HashMap<&str, String> = HashMap::new();
        for (position, (key, answer)) in entries.iter().enumerate() {
            let (at_key, mut at_value) =
                (Step::EntryKey(position), vec![Step::EntryValue(position)]);
            let key = key.word(None, || None);
            let question = match find(questionnaire, &key) {
                Ok(question) => question,
                Err(message) => {
                    fail(message, vec![at_key]);
                    continue;
                }
            };
            if let Some(first) = answered.insert(&question.id, key.clone()) {
                let (id, first, again) = (&question.id, shown(&first), shown(&key));
                let message = format!(
                    "question `{id}` is answered twice (as `{first}` and as `{again}`); keys that differ only in case or spaces are the same question, give it once"
                );
                fail(message, vec![at_key]);
                continue;
            }
            // `null` and an empty list both mean no preference, as a skip does.
            let values: Vec<String> = match answer {
                None => continue,
                Some(FileAnswer::One(one)) => {
                    vec![one.word(Some(question), || written(text, &at_value))]
                }
                Some(FileAnswer::List(list)) if list.is_empty() => continue,
                Some(FileAnswer::List(list)) => list
                    .iter()
                    .map(|v| v.word(Some(question), || None))
                    .collect(),
            };
            match check_values(question, &values) {
                Ok(checked) => answers.set(&question.id, Some(checked)),
                Err((message, item)) => {
                    let listed = matches!(answer, Some(FileAnswer::List(_)));
                    at_value.extend(item.filter(|_| listed).map(Step::Item));
                    fail(message, at_value);
                }
            }
        }
        if problems.is_empty() {
            return Ok(answers);
        }
        // Only so many are kept, each with its place; the rest are counted.
        let more = problems.len().saturating_sub(KEPT_PROBLEMS);
        problems.truncate(KEPT_PROBLEMS);
        let mut error = located(origin, text, problems);
        error.more = more;
        Err(BadInput::err(error.to_string()))
    }

    /// Applies `--answer KEY=VALUE` flags over these answers; a key given twice is
    /// refused rather than silently resolved.
    pub fn apply_flags(&mut self, flags: &[String], questionnaire: &Questionnaire) -> Result<()> {
        let mut seen: Vec<&str> = Vec::new();
        for flag in flags {
            let Some((key, value)) = flag.split_once('=') else {
                return Err(BadInput::err(format!(
                    "`--answer {}` is not KEY=VALUE; e.g. `--answer aim=product`",
                    shown(flag)
                )));
            };
            let question = find(questionnaire, key.trim()).map_err(BadInput::err)?;
            if seen.contains(&question.id.as_str()) {
                return Err(BadInput::err(format!(
                    "question `{}` is answered twice with `--answer`; give it once",
                    question.id
                )));
            }
            seen.push(&question.id);
            let values: Vec<String> = value.split(',').map(str::to_owned).collect();
            let answer =
                check_values(question, &values).map_err(|(message, _)| BadInput::err(message))?;
            self.set(&question.id, Some(answer));
        }
        Ok(())
    }

    /// Writes these answers as an answers file at `path`, atomically: complete
    /// or absent. An existing regular file is replaced only with `force`,
    /// keeping its permissions; anything else at `path` never is.
    pub fn save(&self, path: &Path, force: bool) -> Result<()> {
        let text = yaml::to_string(self).map_err(|error| anyhow::anyhow!(error))?;
        let mut file = check_save_path(path, force)?;
        let fail = |error: io::Error| save_failed(path, &error);
        // With `--force`, the replacement keeps the replaced file's permissions.
        if force && let Ok(replaced) = fs::metadata(path).map(|meta| meta.permissions()) {
            file.as_file().set_permissions(replaced).map_err(fail)?;
        }
        file.write_all(text.as_bytes()).map_err(fail)?;
        file.as_file().sync_all().map_err(fail)?;
        let persisted = match force {
            true => file.persist(path),
            false => file.persist_noclobber(path),
        };
        // On failure the temporary file is dropped, and so removed.
        persisted
            .map(drop)
            .map_err(|error| match error.error.kind() {
                io::ErrorKind::AlreadyExists => refuse_overwrite(path),
                _ => save_failed(path, &error.error),
            })
    }
}

/// Refuses a path answers cannot be saved to, saying why (see `save`); else
/// the temporary file beside it that saving writes and then renames, created
/// with the permissions a new file gets (0666 less the umask).
pub fn check_save_path(path: &Path, force: bool) -> Result<tempfile::NamedTempFile> {
    let refuse = |why: String| {
        let path = shown(&path.display().to_string());
        BadInput::err(format!("cannot save answers to `{path}`: {why}"))
    };
    match fs::symlink_metadata(path).map(|metadata| metadata.file_type()) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => return Err(save_failed(path, &error)),
        Ok(kind) if kind.is_file() && force => {}
        Ok(kind) if kind.is_file() => return Err(refuse_overwrite(path)),
        Ok(kind) => {
            let what = match kind {
                _ if kind.is_symlink() => "a symbolic link",
                _ if kind.is_dir() => "a directory",
                _ if kind.is_fifo() => "a FIFO (named pipe)",
                _ if kind.is_char_device() || kind.is_block_device() => "a device",
                _ if kind.is_socket() => "a socket",
                _ => "not a regular file",
            };
            return Err(refuse(format!(
                "it is {what}, and `--save` only writes regular files (even with `--force`); choose another path"
            )));
        }
    }
    let directory = (path.parent()).filter(|parent| !parent.as_os_str().is_empty());
    let directory = directory.unwrap_or(Path::new("."));
    let shown_directory = shown(&directory.display().to_string());
    if !directory.is_dir() {
        return Err(refuse(format!("there is no directory `{shown_directory}`")));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".roles-answers-").suffix(".tmp");
    builder.permissions(fs::Permissions::from_mode(0o666));
    let cannot =
        |error: io::Error| format!("cannot write in `{shown_directory}` ({})", error.kind());
    (builder.tempfile_in(directory)).map_err(|error| refuse(cannot(error)))
}

/// The error for a save that failed: bad input (exit 2) where the user chose a
/// place that cannot be written, else (a full disk) a failure (exit 1).
fn save_failed(path: &Path, error: &io::Error) -> anyhow::Error {
    // Describe the error from its code: tempfile's own errors name the
    // temporary file, which the user never asked for.
    let reason = match error.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code).to_string(),
        None => error.kind().to_string(),
    };
    let path = shown(&path.display().to_string());
    let message = format!("cannot save answers to `{path}`: {reason}");
    use io::ErrorKind::*;
    match error.kind() {
        PermissionDenied | ReadOnlyFilesystem | NotFound | NotADirectory | IsADirectory
        | InvalidFilename => BadInput::err(message),
        _ => anyhow::anyhow!(message),
    }
}

/// The error for `--save` onto an existing file without `--force`.
fn refuse_overwrite(path: &Path) -> anyhow::Error {
    BadInput::err(format!(
        "`{}` already exists; add `--force` to replace it, or choose another file",
        shown(&path.display().to_string())
    ))
}

/// Reads answers from stdin: at most 1 MiB of UTF-8 text, and not nothing
/// (stdin empty, or closed, which the runtime turns into `/dev/null`).
fn read_stdin() -> Result<String, Problem> {
    let mut bytes = Vec::new();
    let mut stdin = io::stdin().lock().take(MAX_STDIN_BYTES + 1);
    let read = stdin.read_to_end(&mut bytes);
    let problem = match read {
        Err(error) if error.kind() == io::ErrorKind::IsADirectory => {
            "stdin is a directory; redirect a file, e.g. `--answers - < answers.yaml`".to_owned()
        }
        Err(error) => format!("cannot read stdin: {error}"),
        Ok(_) if bytes.len() as u64 > MAX_STDIN_BYTES => {
            "answers are larger than 1 MiB; an answers file is a short mapping".to_owned()
        }
        Ok(0) => "no answers on stdin (it is empty or closed); pipe them in, e.g. `roles advise --answers - < answers.yaml`".to_owned(),
        Ok(_) => return decode_text(bytes),
    };
    Err(Problem::whole_file(problem))
}

/// The question with this id, ignoring case and surrounding spaces, or a
/// message saying which ids exist.
fn find<'a>(questionnaire: &'a Questionnaire, id: &str) -> Result<&'a Question, String> {
    let wanted = id.trim().to_lowercase();
    let questions = &questionnaire.questions;
    questions.iter().find(|q| q.id == wanted).ok_or_else(|| {
        unknown_name_message("question", id, questions.iter().map(|q| q.id.as_str()))
    })
}

/// Checks values against a question's choices and normalises them (lower case,
/// duplicates dropped, choice order kept); else why not, and at which item.
fn check_values(question: &Question, values: &[String]) -> Result<Answer, (String, Option<usize>)> {
    let valid = || question.choices.iter().map(|c| c.value.as_str());
    let (id, listed) = (&question.id, tick_list(valid()));
    let unknown = format!("`{id}` value");
    let mut chosen: Vec<String> = Vec::new();
    for (item, value) in values.iter().enumerate() {
        let wanted = value.trim().to_lowercase();
        let named = |c: &&Choice| c.value == wanted || c.aliases.contains(&wanted);
        let picked = question.choices.iter().find(named);
        let value = match (picked, question.number) {
            _ if wanted.is_empty() => Err(match (question.number, values.len()) {
                (true, _) => format!("no value given: {}", number_expected(question)),
                (false, 2..) => format!(
                    "item {} of the list for `{id}` is empty; give one value between each pair of commas",
                    item + 1
                ),
                (false, _) => format!("question `{id}` needs a value; valid values: {listed}"),
            }),
            (Some(choice), _) => Ok(choice.value.clone()),
            (None, true) => number_answer(question, &wanted),
            (None, false) => Err(unknown_name_message(&unknown, value.trim(), valid())),
        };
        let value = value.map_err(|message| (message, Some(item)))?;
        if !chosen.contains(&value) {
            chosen.push(value);
        }
    }
    if question.multiple {
        chosen.sort_by_key(|v| valid().position(|c| c == v));
        return Ok(Answer::Many(chosen));
    }
    if chosen.len() == 1 {
        return Ok(Answer::One(chosen.remove(0)));
    }
    let expected = match question.choices.is_empty() {
        true => number_expected(question),
        false => format!("valid values: {listed}"),
    };
    let count = chosen.len();
    let message = format!("question `{id}` takes one value, not {count}; {expected}");
    Err((message, None))
}

/// A number given to a question that takes one, in plain digits, if it falls
/// in one of the question's bands (when it has any).
fn number_answer(question: &Question, given: &str) -> Result<String, String> {
    let expected = || number_expected(question);
    if !given.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("`{}` is not valid: {}", shown(given), expected()));
    }
    let Ok(number) = given.parse::<u32>() else {
        return Err(format!("`{}` is too large: {}", shown(given), expected()));
    };
    // The number is kept as given (and saved as a number); the engine reads
    // the band it falls in, so every route gives the same result.
    let choices = &question.choices;
    let banded = (choices.iter()).any(|c| c.at_least.is_some_and(|least| least <= number));
    if choices.is_empty() || banded {
        Ok(number.to_string())
    } else {
        Err(format!("`{number}` falls in no band: {}", expected()))
    }
}

/// What a question that takes a number accepts, for messages.
fn number_expected(question: &Question) -> String {
    let (id, bands) = (&question.id, &question.choices);
    let values = tick_list(bands.iter().map(|c| c.value.as_str()));
    match bands.is_empty() {
        true => format!("question `{id}` takes a whole number of 0 or more, e.g. `{id}=12`"),
        false => format!(
            "question `{id}` takes one of {values} or a whole number of 0 or more, e.g. `{id}=20`"
        ),
    }
}

/// The shape of an answers file: question ids and their answers, in file order
/// (so that each can be placed, and repeats found, after parsing).
struct AnswersFile(Vec<(Scalar, Option<FileAnswer>)>);

impl<'de> Deserialize<'de> for AnswersFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = AnswersFile;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping from question ids to values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnswersFile, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(AnswersFile(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

/// An answer as a file may write it; `null` (no preference) is `None` above.
#[derive(Deserialize)]
#[serde(
    untagged,
    expecting = "invalid type: expected a value, a list of values, or nothing"
)]
enum FileAnswer {
    One(Scalar),
    List(Vec<Scalar>),
}

/// One value as written: a boolean, a number (read as its digits), or text.
#[derive(Deserialize)]
#[serde(
    untagged,
    expecting = "invalid type: expected a value (a word, a number or true/false)"
)]
enum Scalar {
    Flag(bool),
    Whole(u64),
    Signed(i64),
    Real(f64),
    Text(String),
}

impl Scalar {
    /// The value as a word to match against `question`'s choices (a key has
    /// none): a number as `written` in the file where known, so that forms
    /// `--answer` refuses (`0x10`, `+5`, `-0`, `1_000`, `3e2`) are refused
    /// here too; a boolean is `yes`/`no` where the question has that choice and
    /// not `true`/`false`, as YAML and JSON writers turn those into booleans.
    fn word(&self, question: Option<&Question>, written: impl Fn() -> Option<String>) -> String {
        let number = match self {
            Scalar::Flag(flag) => {
                let has = |word: &str| {
                    question.is_some_and(|q| q.choices.iter().any(|c| c.value == word))
                };
                let (literal, word) = (flag.to_string(), if *flag { "yes" } else { "no" });
                return match !has(&literal) && has(word) {
                    true => word.to_owned(),
                    false => literal,
                };
            }
            Scalar::Text(text) => return text.clone(),
            Scalar::Whole(number) => number.to_string(),
            Scalar::Signed(number) => number.to_string(),
            Scalar::Real(number) => number.to_string(),
        };
        written().unwrap_or(number)
    }
}

/// The plain scalar at `node` in `text` as written: up to the first space,
/// comma or closing bracket, none of which a number holds.
fn written(text: &str, node: &[Step]) -> Option<String> {
    let at = yaml::locate(text, &[node])[0]?;
    let line = text.lines().nth(at.line.checked_sub(1)?)?;
    let rest: String = line.chars().skip(at.column.saturating_sub(1)).collect();
    rest.split(|c: char| c.is_whitespace() || ",]}".contains(c))
        .next()
        .map(str::to_owned)
}

/// What only a fixture questionnaire can show; tests/cli/advise.rs and
/// hostile.rs read answers files against the embedded one.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::tests::question;

    #[test]
    fn words_and_numbers_stay_as_written_lists_keep_choice_order_and_every_problem_is_placed() {
        let mut needs = question("needs", &[("a", &[], 0), ("b", &[], 0), ("c", &[], 0)]);
        let mut years = question("years", &[]);
        (needs.multiple, years.number) = (true, true);
        let questionnaire = Questionnaire {
            questions: vec![
                question("aim", &[("product", &[], 0), ("process", &[], 0)]),
                question("light", &[("on", &[], 0), ("off", &[], 0)]),
                needs,
                years,
            ],
        };
        let read = |text| Answers::from_text("answers.yaml", text, &questionnaire);
        let many = Answer::Many(vec!["a".into(), "c".into()]);
        #[rustfmt::skip]
        let ok = [("light: on\n", "light", Answer::One("on".into())), ("light: OFF\n", "light", Answer::One("off".into())),
            ("needs: [c, a, c]\n", "needs", many), (r#"{"years": 12}"#, "years", Answer::One("12".into()))];
        for (text, id, expected) in ok {
            let answers = read(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(answers.get(id), Some(&expected), "{text:?}");
        }
        #[rustfmt::skip]
        let refused: &[(&str, &[&str])] = &[
            ("aim: prodcut\nneeds: [a, zzz]\nnope: x\n", &["3 problems in `answers.yaml`:",
                "answers.yaml:1:6: unknown `aim` value `prodcut`", "answers.yaml:2:12: unknown `needs` value `zzz`",
                "answers.yaml:3:1: unknown question `nope`"]),
            ("aim:\n  x: y\n", &["answers.yaml:2:"]), (r#"{"years": 1e3}"#, &["answers.yaml:1:11: `1e3` is not valid"]),
        ];
        for (text, parts) in refused {
            let message = read(text).expect_err(text).to_string();
            assert!(message.starts_with(parts[0]), "{text:?}: {message}");
            for part in *parts {
                assert!(message.contains(part), "{text:?}: {message}");
            }
        }
    }
}
