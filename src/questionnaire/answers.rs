//! Answers to the questionnaire: parsed from `--answer KEY=VALUE` flags and
//! `--answers FILE` (YAML or JSON, `-` for stdin), checked against the questions
//! in the knowledge base, and saved back (`--save`) as a YAML answers file.
//!
//! A file is read like a knowledge base (same size cap, same parser budgets)
//! and every problem in it is reported with its line and column. Question ids
//! are matched ignoring case and surrounding spaces, so keys that differ only
//! in those are the same question given twice. Values are matched against the
//! question's own choices: `on`, `off`, `yes` and `no` are read as the words
//! written (the parser's YAML 1.2 booleans are `true` and `false` only), and a
//! boolean means the choice `true`/`false`, else `yes`/`no`, whichever the
//! question has.
//!
//! Saving never replaces anything but a regular file: not a symlink, a
//! directory, a device or a FIFO, even with `--force`. The file is written
//! beside the target and renamed over it, so it is complete or absent; a new
//! file gets the usual permissions (0666 less the umask), and `--force` keeps
//! those of the file it replaces.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::error::{BadInput, shown, tick_list, unknown_name, unknown_name_message};
use crate::kb::load::{decode_text, located, read_text};
use crate::kb::problem::KEPT_PROBLEMS;
use crate::kb::{KbError, Problem, Question, Questionnaire, Step, yaml};

/// The largest answers file read from stdin, in bytes.
const MAX_STDIN_BYTES: u64 = 1024 * 1024;

/// The most nodes an answers file may hold: ten for each of 10,000 questions.
pub const MAX_ANSWER_NODES: usize = 100_000;

/// What was answered to one question: one value, or several for a question that
/// takes several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Answer {
    /// The value of a single-choice question, or a number (written as one).
    #[serde(serialize_with = "number_or_text")]
    #[schemars(with = "NumberOrText")]
    One(String),
    /// The values of a multiple-choice question.
    Many(Vec<String>),
}

/// How a single answer is written: a whole number as a number, else text.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum NumberOrText {
    Number(u32),
    Text(String),
}

/// Writes plain digits (a head count, years) as a number, so a saved file
/// holds `size: 5000`, not `"5000"`.
fn number_or_text<S: serde::Serializer>(value: &str, serializer: S) -> Result<S::Ok, S::Error> {
    let digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    match value.parse::<u32>() {
        Ok(number) if digits && number.to_string() == value => serializer.serialize_u32(number),
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    /// Whether nothing has been answered.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The answer to question `id`, if any.
    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.0.get(id)
    }

    /// Records an answer, or removes it when `answer` is `None` (no preference).
    pub fn set(&mut self, id: &str, answer: Option<Answer>) {
        match answer {
            Some(answer) => self.0.insert(id.to_owned(), answer),
            None => self.0.remove(id),
        };
    }

    /// Reads an answers file (`-` for stdin) and checks every answer.
    pub fn from_file(path: &Path, questionnaire: &Questionnaire) -> anyhow::Result<Answers> {
        let (origin, text) = if path == Path::new("-") {
            ("<stdin>".to_owned(), read_stdin()?)
        } else {
            let origin = path.display().to_string();
            let text = read_text(path)
                .map_err(|problem| BadInput::err(KbError::single(&origin, problem).to_string()))?;
            (origin, text)
        };
        Answers::from_text(&origin, &text, questionnaire)
    }

    /// Parses answers-file text and checks every answer; `origin` names the file
    /// in messages. Every problem is reported, each at its line and column.
    pub fn from_text(
        origin: &str,
        text: &str,
        questionnaire: &Questionnaire,
    ) -> anyhow::Result<Answers> {
        if text.trim().is_empty() {
            return Ok(Answers::default());
        }
        let file: AnswersFile = yaml::parse_within(text, MAX_ANSWER_NODES).map_err(|problem| {
            BadInput::err(format!(
                "{}\n\nan answers file maps question ids to values, e.g. `aim: product`",
                KbError::single(origin, problem)
            ))
        })?;
        let mut answers = Answers::default();
        let mut problems = Problems::default();
        // Question id (as the knowledge base spells it) → the key that first answered it.
        let mut answered: HashMap<&str, &str> = HashMap::new();
        // Where each value was written, found in one pass over the text.
        let paths: Vec<[Step; 1]> = (0..file.0.len()).map(|i| [Step::EntryValue(i)]).collect();
        let nodes: Vec<&[Step]> = paths.iter().map(|path| &path[..]).collect();
        let written_at = yaml::locate(text, &nodes);
        let lines: Vec<&str> = text.lines().collect();
        for (position, (key, answer)) in file.0.iter().enumerate() {
            let question = match find(questionnaire, key) {
                Ok(question) => question,
                Err(message) => {
                    problems.keep(Problem::whole_file(message).on(vec![Step::EntryKey(position)]));
                    continue;
                }
            };
            if let Some(first) = answered.insert(&question.id, key) {
                problems.keep(
                    Problem::whole_file(format!(
                        "question `{}` is answered twice (as `{}` and as `{}`); keys that differ only in case or spaces are the same question, give it once",
                        question.id,
                        shown(first),
                        shown(key)
                    ))
                    .on(vec![Step::EntryKey(position)]),
                );
                continue;
            }
            if let FileAnswer::One(_) = answer
                && let Some(message) = written_at[position].and_then(|at| {
                    let line = lines.get(at.line.checked_sub(1)?)?;
                    loosely_typed(line, at.column, question)
                })
            {
                problems.keep(Problem::whole_file(message).on(vec![Step::EntryValue(position)]));
                continue;
            }
            // `null` and an empty list both mean no preference, as a skip does.
            let values = answer.words(question);
            if values.is_empty() {
                continue;
            }
            match check_values(question, &values) {
                Ok(checked) => answers.set(&question.id, Some(checked)),
                Err(bad) => {
                    let mut node = vec![Step::EntryValue(position)];
                    if let (FileAnswer::List(_), Some(item)) = (answer, bad.item) {
                        node.push(Step::Item(item));
                    }
                    problems.keep(Problem::whole_file(bad.message).on(node));
                }
            }
        }
        if problems.kept.is_empty() {
            Ok(answers)
        } else {
            let mut error = located(origin, text, problems.kept);
            error.more = problems.more;
            Err(BadInput::err(error.to_string()))
        }
    }

    /// Applies `--answer KEY=VALUE` flags over these answers; a key given twice is
    /// refused rather than silently resolved.
    pub fn apply_flags(
        &mut self,
        flags: &[String],
        questionnaire: &Questionnaire,
    ) -> anyhow::Result<()> {
        let mut seen: Vec<&str> = Vec::new();
        for flag in flags {
            let Some((key, value)) = flag.split_once('=') else {
                return Err(BadInput::err(format!(
                    "`--answer {}` is not KEY=VALUE; e.g. `--answer aim=product`",
                    shown(flag)
                )));
            };
            let question = find_question(questionnaire, key.trim())?;
            if seen.contains(&question.id.as_str()) {
                return Err(BadInput::err(format!(
                    "question `{}` is answered twice with `--answer`; give it once",
                    question.id
                )));
            }
            seen.push(&question.id);
            let values: Vec<String> = value.split(',').map(str::to_owned).collect();
            let answer =
                check_values(question, &values).map_err(|bad| BadInput::err(bad.message))?;
            self.set(&question.id, Some(answer));
        }
        Ok(())
    }

    /// Writes these answers as an answers file at `path`, atomically: the file is
    /// either complete or absent. An existing regular file is replaced only with
    /// `force`, keeping its permissions; anything else at `path` never is.
    ///
    /// A failure to write (a full disk) is an error of its own (exit 1), not bad
    /// input; either way the message names `path`, never the temporary file.
    pub fn save(&self, path: &Path, force: bool) -> anyhow::Result<()> {
        let text = yaml::to_string(self).map_err(|error| anyhow::anyhow!(error))?;
        check_save_target(path, force)?;
        let directory = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        if !directory.is_dir() {
            return Err(BadInput::err(format!(
                "cannot save answers to `{}`: there is no directory `{}`",
                shown(&path.display().to_string()),
                shown(&directory.display().to_string())
            )));
        }
        // With `--force`, the replacement keeps the replaced file's permissions.
        let kept = force
            .then(|| fs::metadata(path).ok())
            .flatten()
            .filter(fs::Metadata::is_file)
            .map(|metadata| metadata.permissions());
        let fail = |error: io::Error| save_failed(path, &error);
        let mut file = temp_file_in(directory).map_err(fail)?;
        if let Some(permissions) = kept {
            file.as_file().set_permissions(permissions).map_err(fail)?;
        }
        file.write_all(text.as_bytes()).map_err(fail)?;
        file.as_file().sync_all().map_err(fail)?;
        let persisted = if force {
            file.persist(path).map(drop)
        } else {
            file.persist_noclobber(path).map(drop)
        };
        // On failure the temporary file is dropped, and so removed.
        persisted.map_err(|error| {
            if error.error.kind() == io::ErrorKind::AlreadyExists {
                refuse_overwrite(path)
            } else {
                save_failed(path, &error.error)
            }
        })
    }
}

/// A temporary file beside the target, created with the permissions a new
/// file gets: 0666 less the umask (0644 under the usual 022).
fn temp_file_in(directory: &Path) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".roles-answers-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(directory)
}

/// Whether `--save` may write to `path`: nothing there, or (with `force`) a
/// regular file. A symlink, a directory, a device, a FIFO or a socket is never
/// replaced, since the user cannot have meant to turn it into a file.
pub fn check_save_target(path: &Path, force: bool) -> anyhow::Result<()> {
    let shown_path = shown(&path.display().to_string());
    let metadata = match fs::symlink_metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(save_failed(path, &error)),
    };
    let kind = metadata.file_type();
    if kind.is_file() {
        return if force {
            Ok(())
        } else {
            Err(refuse_overwrite(path))
        };
    }
    let what = if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_dir() {
        "a directory"
    } else {
        special_file_kind(&kind)
    };
    Err(BadInput::err(format!(
        "cannot save answers to `{shown_path}`: it is {what}, and `--save` only writes regular files (even with `--force`); choose another path"
    )))
}

#[cfg(unix)]
fn special_file_kind(kind: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_file_kind(_: &fs::FileType) -> &'static str {
    "not a regular file"
}

/// The error for a save that failed. Where the user chose a place that cannot
/// be written (no permission, a read-only file system) it is bad input (exit
/// 2); anything else, such as a full disk, is a failure (exit 1).
fn save_failed(path: &Path, error: &io::Error) -> anyhow::Error {
    // Describe the error from its code: tempfile's own errors name the
    // temporary file, which the user never asked for.
    let reason = match error.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code).to_string(),
        None => error.kind().to_string(),
    };
    let message = format!(
        "cannot save answers to `{}`: {reason}",
        shown(&path.display().to_string())
    );
    match error.kind() {
        io::ErrorKind::PermissionDenied
        | io::ErrorKind::ReadOnlyFilesystem
        | io::ErrorKind::NotFound
        | io::ErrorKind::NotADirectory
        | io::ErrorKind::IsADirectory
        | io::ErrorKind::InvalidFilename => BadInput::err(message),
        _ => anyhow::anyhow!(message),
    }
}

/// The error for `--save` onto an existing file without `--force`.
pub fn refuse_overwrite(path: &Path) -> anyhow::Error {
    BadInput::err(format!(
        "`{}` already exists; add `--force` to replace it, or choose another file",
        shown(&path.display().to_string())
    ))
}

/// Reads answers from stdin: at most 1 MiB of UTF-8 text. Nothing at all
/// (stdin empty, or closed, which the runtime turns into `/dev/null`) and a
/// directory are refused: `-` asks for answers on stdin.
fn read_stdin() -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_STDIN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| {
            let what = match error.kind() {
                io::ErrorKind::IsADirectory => {
                    "stdin is a directory; redirect a file, e.g. `--answers - < answers.yaml`"
                        .to_owned()
                }
                _ => format!("cannot read stdin: {error}"),
            };
            BadInput::err(format!("<stdin>: {what}"))
        })?;
    if bytes.len() as u64 > MAX_STDIN_BYTES {
        return Err(BadInput::err(
            "<stdin>: answers are larger than 1 MiB; an answers file is a short mapping",
        ));
    }
    if bytes.is_empty() {
        return Err(BadInput::err(
            "<stdin>: no answers on stdin (it is empty or closed); pipe them in, e.g. `roles advise --answers - < answers.yaml`",
        ));
    }
    decode_text(bytes)
        .map_err(|problem| BadInput::err(KbError::single("<stdin>", problem).to_string()))
}

/// Finds a question by id, ignoring case and surrounding spaces, or explains
/// which ids exist.
pub fn find_question<'a>(
    questionnaire: &'a Questionnaire,
    id: &str,
) -> anyhow::Result<&'a Question> {
    find(questionnaire, id).map_err(|_| {
        unknown_name(
            "question",
            id,
            questionnaire.questions.iter().map(|q| q.id.as_str()),
        )
    })
}

fn find<'a>(questionnaire: &'a Questionnaire, id: &str) -> Result<&'a Question, String> {
    let wanted = id.trim().to_lowercase();
    questionnaire
        .questions
        .iter()
        .find(|q| q.id == wanted)
        .ok_or_else(|| {
            unknown_name_message(
                "question",
                id,
                questionnaire.questions.iter().map(|q| q.id.as_str()),
            )
        })
}

/// The problems found in an answers file: the first [`KEPT_PROBLEMS`], and how
/// many more.
#[derive(Default)]
struct Problems {
    kept: Vec<Problem>,
    more: usize,
}

impl Problems {
    fn keep(&mut self, problem: Problem) {
        if self.kept.len() < KEPT_PROBLEMS {
            self.kept.push(problem);
        } else {
            self.more += 1;
        }
    }
}

/// A value that does not fit its question: why, and which item of a list it is.
struct BadValue {
    message: String,
    item: Option<usize>,
}

/// Checks values against a question's choices and normalises them (lower case,
/// duplicates dropped, choice order kept).
fn check_values(question: &Question, values: &[String]) -> Result<Answer, BadValue> {
    let valid = || question.choices.iter().map(|c| c.value.as_str());
    let mut chosen: Vec<String> = Vec::new();
    for (item, value) in values.iter().enumerate() {
        let wanted = value.trim().to_lowercase();
        let bad = |message| BadValue {
            message,
            item: Some(item),
        };
        if wanted.is_empty() && question.number {
            return Err(bad(format!(
                "no value given: {}",
                number_expected(question)
            )));
        }
        if wanted.is_empty() && values.len() > 1 {
            return Err(bad(format!(
                "item {} of the list for `{}` is empty; give one value between each pair of commas",
                item + 1,
                question.id
            )));
        }
        if wanted.is_empty() {
            return Err(bad(format!(
                "question `{}` needs a value; valid values: {}",
                question.id,
                tick_list(valid())
            )));
        }
        let picked = question
            .choices
            .iter()
            .find(|c| c.value == wanted || c.aliases.contains(&wanted));
        let value = match (picked, question.number) {
            (Some(choice), _) => choice.value.to_string(),
            (None, true) => number_answer(question, &wanted).map_err(bad)?,
            (None, false) => {
                return Err(bad(unknown_name_message(
                    &format!("`{}` value", question.id),
                    value.trim(),
                    valid(),
                )));
            }
        };
        if !chosen.contains(&value) {
            chosen.push(value);
        }
    }
    if question.multiple {
        let order = |v: &String| valid().position(|c| c == v);
        chosen.sort_by_key(order);
        Ok(Answer::Many(chosen))
    } else if chosen.len() == 1 {
        Ok(Answer::One(chosen.remove(0)))
    } else {
        let expected = if question.choices.is_empty() {
            number_expected(question)
        } else {
            format!("valid values: {}", tick_list(valid()))
        };
        Err(BadValue {
            message: format!(
                "question `{}` takes one value, not {}; {expected}",
                question.id,
                chosen.len(),
            ),
            item: None,
        })
    }
}

/// A number given to a question that takes one: the band it falls in, for a
/// question with choices (the one with the greatest `at_least` not above it),
/// or the number itself, in plain digits.
fn number_answer(question: &Question, given: &str) -> Result<String, String> {
    let expected = || number_expected(question);
    if given.is_empty() || !given.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("`{}` is not valid: {}", shown(given), expected()));
    }
    let Ok(number) = given.parse::<u32>() else {
        return Err(format!("`{}` is too large: {}", shown(given), expected()));
    };
    // The number is kept as given (and saved as a number); the engine reads
    // the band it falls in, so every route gives the same result.
    let banded = question.choices.is_empty()
        || question
            .choices
            .iter()
            .any(|choice| choice.at_least.is_some_and(|least| least <= number));
    if banded {
        Ok(number.to_string())
    } else {
        Err(format!("`{number}` falls in no band: {}", expected()))
    }
}

/// What a question that takes a number accepts, for messages.
fn number_expected(question: &Question) -> String {
    let bands: Vec<&str> = question.choices.iter().map(|c| c.value.as_str()).collect();
    if bands.is_empty() {
        format!(
            "question `{}` takes a whole number of 0 or more, e.g. `{}=12`",
            question.id, question.id
        )
    } else {
        format!(
            "question `{}` takes one of {} or a whole number of 0 or more, e.g. `{}=20`",
            question.id,
            tick_list(bands),
            question.id
        )
    }
}

/// The shape of an answers file: question ids and their answers, in file order
/// (so that each can be placed, and repeats found, after parsing).
struct AnswersFile(Vec<(String, FileAnswer)>);

/// An answer as a file may write it.
enum FileAnswer {
    /// `null` or nothing: no preference.
    Nothing,
    /// One value.
    One(Scalar),
    /// Several values.
    List(Vec<Scalar>),
}

/// One value as written: text (numbers read as their digits), or a boolean.
enum Scalar {
    Text(String),
    Flag(bool),
}

impl FileAnswer {
    /// The values as words to match against `question`'s choices.
    fn words(&self, question: &Question) -> Vec<String> {
        let word = |scalar: &Scalar| match scalar {
            Scalar::Text(text) => text.clone(),
            Scalar::Flag(flag) => flag_word(question, *flag),
        };
        match self {
            FileAnswer::Nothing => Vec::new(),
            FileAnswer::One(scalar) => vec![word(scalar)],
            FileAnswer::List(scalars) => scalars.iter().map(word).collect(),
        }
    }
}

/// Why the value written from `column` of `line` is refused though
/// YAML would read it: a tag (`!!binary`, `!!int`), or a number in a form
/// `--answer` refuses (`0x10`, `+5`, `-0`, `1_000`, `3e2`). `None` if neither.
fn loosely_typed(line: &str, column: usize, question: &Question) -> Option<String> {
    let written: String = line.chars().skip(column.saturating_sub(1)).collect();
    let written = written.split(" #").next().unwrap_or("").trim();
    // A tag may sit before the located scalar, after the key's colon.
    let before: String = line.chars().take(column.saturating_sub(1)).collect();
    let tagged = written.starts_with('!')
        || before
            .rsplit(':')
            .next()
            .is_some_and(|t| t.trim().starts_with('!'));
    if tagged {
        return Some(format!(
            "`{}` carries a YAML tag; write the value plainly, e.g. `{}: {}`",
            question.id,
            question.id,
            question.choices.first().map_or("12", |c| c.value.as_str())
        ));
    }
    let plain = written.trim_matches(|c| c == '"' || c == '\'');
    let numeric =
        plain.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '-' || c == '.');
    let digits = !plain.is_empty() && plain.bytes().all(|b| b.is_ascii_digit());
    (question.number && numeric && !digits && !question.choices.iter().any(|c| c.value == plain))
        .then(|| {
            format!(
                "`{}` is not valid: {}",
                shown(plain),
                number_expected(question)
            )
        })
}

/// A boolean as a choice: `true`/`false` where the question has that choice,
/// else `yes`/`no` where it has that one (YAML and JSON writers turn those
/// words into booleans), else the boolean's own word.
fn flag_word(question: &Question, flag: bool) -> String {
    let has = |word: &str| question.choices.iter().any(|c| c.value == word);
    let (literal, word) = if flag {
        ("true", "yes")
    } else {
        ("false", "no")
    };
    if !has(literal) && has(word) {
        word.to_owned()
    } else {
        literal.to_owned()
    }
}

impl<'de> Deserialize<'de> for AnswersFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FileVisitor;

        impl<'de> Visitor<'de> for FileVisitor {
            type Value = AnswersFile;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping from question ids to values")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnswersFile, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<KeyText, FileAnswer>()? {
                    entries.push((entry.0.0, entry.1));
                }
                Ok(AnswersFile(entries))
            }
        }

        deserializer.deserialize_map(FileVisitor)
    }
}

/// A question id as written: text, or a number read as its digits.
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ScalarVisitor
            .deserialize(deserializer)
            .map(|scalar| match scalar {
                Scalar::Text(text) => KeyText(text),
                Scalar::Flag(flag) => KeyText(flag.to_string()),
            })
    }
}

/// Reads one scalar value: a string, a number (as its digits) or a boolean.
struct ScalarVisitor;

impl ScalarVisitor {
    fn deserialize<'de, D: Deserializer<'de>>(self, deserializer: D) -> Result<Scalar, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Visitor<'_> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value (a word, a number or true/false)")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Scalar, E> {
        Ok(Scalar::Text(text))
    }

    fn visit_bool<E: de::Error>(self, flag: bool) -> Result<Scalar, E> {
        Ok(Scalar::Flag(flag))
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<Scalar, E> {
        Ok(Scalar::Text(number.to_string()))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<Scalar, E> {
        Ok(Scalar::Text(number.to_string()))
    }

    fn visit_f64<E: de::Error>(self, number: f64) -> Result<Scalar, E> {
        Ok(Scalar::Text(number.to_string()))
    }
}

impl<'de> Deserialize<'de> for FileAnswer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AnswerVisitor;

        impl<'de> Visitor<'de> for AnswerVisitor {
            type Value = FileAnswer;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value, a list of values, or nothing")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<FileAnswer, E> {
                ScalarVisitor.visit_str(text).map(FileAnswer::One)
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<FileAnswer, E> {
                ScalarVisitor.visit_string(text).map(FileAnswer::One)
            }

            fn visit_bool<E: de::Error>(self, flag: bool) -> Result<FileAnswer, E> {
                ScalarVisitor.visit_bool(flag).map(FileAnswer::One)
            }

            fn visit_i64<E: de::Error>(self, number: i64) -> Result<FileAnswer, E> {
                ScalarVisitor.visit_i64(number).map(FileAnswer::One)
            }

            fn visit_u64<E: de::Error>(self, number: u64) -> Result<FileAnswer, E> {
                ScalarVisitor.visit_u64(number).map(FileAnswer::One)
            }

            fn visit_f64<E: de::Error>(self, number: f64) -> Result<FileAnswer, E> {
                ScalarVisitor.visit_f64(number).map(FileAnswer::One)
            }

            fn visit_unit<E: de::Error>(self) -> Result<FileAnswer, E> {
                Ok(FileAnswer::Nothing)
            }

            fn visit_none<E: de::Error>(self) -> Result<FileAnswer, E> {
                Ok(FileAnswer::Nothing)
            }

            fn visit_some<D: Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<FileAnswer, D::Error> {
                FileAnswer::deserialize(deserializer)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FileAnswer, A::Error> {
                let mut values = Vec::new();
                while let Some(ListItem(scalar)) = seq.next_element()? {
                    values.push(scalar);
                }
                Ok(FileAnswer::List(values))
            }
        }

        deserializer.deserialize_any(AnswerVisitor)
    }
}

/// An item of a list of values.
struct ListItem(Scalar);

impl<'de> Deserialize<'de> for ListItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ScalarVisitor.deserialize(deserializer).map(ListItem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::{Choice, Fact, Text};

    fn question(id: &'static str, values: &[&'static str], multiple: bool) -> Question {
        Question {
            id: Text::from(id),
            text: Text::from("?"),
            hint: Text::from("?"),
            multiple,
            number: false,
            choices: values
                .iter()
                .map(|&value| Choice {
                    value: Text::from(value),
                    label: Text::from(value),
                    weights: BTreeMap::new(),
                    both: 0,
                    fractional: 0,
                    full_time: 0,
                    reason: Fact {
                        text: Text::from("because"),
                        sources: vec![Text::from("s")],
                        theme: None,
                        roles: Vec::new(),
                    },
                    basis: crate::kb::Basis::Article,
                    aliases: Vec::new(),
                    at_least: None,
                    seats: None,
                    caveat: None,
                })
                .collect(),
        }
    }

    fn questionnaire() -> Questionnaire {
        Questionnaire {
            questions: vec![
                question("aim", &["product", "process"], false),
                question("light", &["on", "off"], false),
                question("tech-company", &["yes", "no"], false),
                question("needs", &["a", "b", "c"], true),
            ],
        }
    }

    fn read(text: &str) -> anyhow::Result<Answers> {
        Answers::from_text("answers.yaml", text, &questionnaire())
    }

    #[test]
    fn on_and_off_are_the_words_written() {
        let answers = read("light: on\n").expect("valid");
        assert_eq!(answers.get("light"), Some(&Answer::One("on".into())));
        let answers = read("light: OFF\n").expect("valid");
        assert_eq!(answers.get("light"), Some(&Answer::One("off".into())));
    }

    #[test]
    fn a_boolean_means_yes_or_no_where_the_question_has_those() {
        let answers = read("tech-company: true\n").expect("valid");
        assert_eq!(
            answers.get("tech-company"),
            Some(&Answer::One("yes".into()))
        );
        let answers = read("{\"tech-company\": false}").expect("valid");
        assert_eq!(answers.get("tech-company"), Some(&Answer::One("no".into())));
    }

    #[test]
    fn keys_differing_only_in_case_or_spaces_are_one_question_twice() {
        let error = read("aim: product\n\"Aim \": process\n").expect_err("refused");
        let message = error.to_string();
        assert!(message.starts_with("answers.yaml:2:1: "), "{message}");
        assert!(message.contains("answered twice"), "{message}");
    }

    #[test]
    fn every_problem_is_reported_at_its_place() {
        let error = read("aim: prodcut\nneeds: [a, zzz]\nnope: x\n").expect_err("refused");
        let message = error.to_string();
        assert!(
            message.starts_with("3 problems in `answers.yaml`:"),
            "{message}"
        );
        assert!(
            message.contains("answers.yaml:1:6: unknown `aim` value `prodcut`"),
            "{message}"
        );
        assert!(
            message.contains("answers.yaml:2:12: unknown `needs` value `zzz`"),
            "{message}"
        );
        assert!(
            message.contains("answers.yaml:3:1: unknown question `nope`"),
            "{message}"
        );
    }

    #[test]
    fn nothing_and_an_empty_list_mean_no_preference() {
        let answers = read("aim: ~\nneeds: []\n").expect("valid");
        assert!(answers.is_empty());
    }

    #[test]
    fn a_mapping_as_a_value_is_refused_at_its_place() {
        let error = read("aim:\n  x: y\n").expect_err("refused");
        assert!(error.to_string().starts_with("answers.yaml:2:"), "{error}");
    }
}
