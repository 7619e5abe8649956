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
use std::path::Path;

use schemars::JsonSchema;
use serde::de::{Deserializer, MapAccess, Visitor};
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
        let keys: Vec<String> = file.0.iter().map(|(key, _)| key.word(None)).collect();
        for (position, (key, answer)) in keys
            .iter()
            .zip(&file.0)
            .map(|(k, (_, a))| (k, a))
            .enumerate()
        {
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
            if let Some(FileAnswer::One(_)) = answer
                && let Some(message) = written_at[position].and_then(|at| {
                    let line = lines.get(at.line.checked_sub(1)?)?;
                    loosely_typed(line, at.column, question)
                })
            {
                problems.keep(Problem::whole_file(message).on(vec![Step::EntryValue(position)]));
                continue;
            }
            // `null` and an empty list both mean no preference, as a skip does.
            let values: Vec<String> = match answer {
                None => Vec::new(),
                Some(FileAnswer::One(one)) => vec![one.word(Some(question))],
                Some(FileAnswer::List(list)) => {
                    list.iter().map(|v| v.word(Some(question))).collect()
                }
            };
            if values.is_empty() {
                continue;
            }
            match check_values(question, &values) {
                Ok(checked) => answers.set(&question.id, Some(checked)),
                Err(bad) => {
                    let mut node = vec![Step::EntryValue(position)];
                    if let (Some(FileAnswer::List(_)), Some(item)) = (answer, bad.item) {
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
        let directory = check_save_path(path, force)?;
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

/// Refuses a path answers cannot be saved to, saying what it is: a symbolic
/// link, a directory or another special file (never replaced, even with
/// `force`), an existing file without `force`, or a file in a directory that
/// is missing or not writable. Returns that directory.
pub fn check_save_path(path: &Path, force: bool) -> anyhow::Result<&Path> {
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
            let what = if kind.is_symlink() {
                "a symbolic link"
            } else if kind.is_dir() {
                "a directory"
            } else {
                special_file_kind(&kind)
            };
            return Err(refuse(format!(
                "it is {what}, and `--save` only writes regular files (even with `--force`); choose another path"
            )));
        }
    }
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let shown_directory = shown(&directory.display().to_string());
    if !directory.is_dir() {
        return Err(refuse(format!("there is no directory `{shown_directory}`")));
    }
    // Saving writes a temporary file beside the answers and renames it; try
    // the first half now rather than after the last question.
    temp_file_in(directory).map_err(|error| {
        refuse(format!(
            "cannot write in `{shown_directory}` ({})",
            error.kind()
        ))
    })?;
    Ok(directory)
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
struct AnswersFile(Vec<(Scalar, Option<FileAnswer>)>);

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
    /// The value as a word to match against `question`'s choices (a key has none).
    fn word(&self, question: Option<&Question>) -> String {
        match (self, question) {
            (Scalar::Flag(flag), Some(question)) => flag_word(question, *flag),
            (Scalar::Flag(flag), None) => flag.to_string(),
            (Scalar::Whole(number), _) => number.to_string(),
            (Scalar::Signed(number), _) => number.to_string(),
            (Scalar::Real(number), _) => number.to_string(),
            (Scalar::Text(text), _) => text.clone(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::tests::question;

    fn questionnaire() -> Questionnaire {
        let mut needs = question("needs", &[("a", &[], 0), ("b", &[], 0), ("c", &[], 0)]);
        needs.multiple = true;
        let mut size = question("size", &[("small", &[], 0), ("large", &[], 0)]);
        size.number = true;
        size.choices[0].at_least = Some(0);
        size.choices[1].at_least = Some(1000);
        Questionnaire {
            questions: vec![
                question("aim", &[("product", &[], 0), ("process", &[], 0)]),
                question("light", &[("on", &[], 0), ("off", &[], 0)]),
                question("tech-company", &[("yes", &[], 0), ("no", &[], 0)]),
                needs,
                size,
            ],
        }
    }

    fn read(text: &str) -> anyhow::Result<Answers> {
        Answers::from_text("answers.yaml", text, &questionnaire())
    }

    #[test]
    fn a_file_is_read_strictly_and_every_problem_placed() {
        let one = |v: &str| Some(Answer::One(v.to_owned()));
        let ok: &[(&str, &str, Option<Answer>)] = &[
            // `on`/`off` are the words written; a boolean is yes/no where the question has those.
            ("light: on\n", "light", one("on")),
            ("light: OFF\n", "light", one("off")),
            ("tech-company: true\n", "tech-company", one("yes")),
            ("{\"tech-company\": false}", "tech-company", one("no")),
            ("size: 5000\n", "size", one("5000")),
            (
                "needs: [c, a, c]\n",
                "needs",
                Some(Answer::Many(vec!["a".into(), "c".into()])),
            ),
            // `null` and an empty list mean no preference.
            ("aim: ~\nneeds: []\n", "aim", None),
        ];
        for (text, id, expected) in ok {
            let answers = read(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(answers.get(id), expected.as_ref(), "{text:?}");
        }
        let refused: &[(&str, &[&str])] = &[
            (
                "aim: product\n\"Aim \": process\n",
                &["answers.yaml:2:1: ", "answered twice"],
            ),
            (
                "aim: prodcut\nneeds: [a, zzz]\nnope: x\n",
                &[
                    "3 problems in `answers.yaml`:",
                    "answers.yaml:1:6: unknown `aim` value `prodcut`",
                    "answers.yaml:2:12: unknown `needs` value `zzz`",
                    "answers.yaml:3:1: unknown question `nope`",
                ],
            ),
            ("aim:\n  x: y\n", &["answers.yaml:2:"]),
            ("size: 0x10\n", &["answers.yaml:1:7: `0x10` is not valid"]),
            ("size: +5\n", &["answers.yaml:1:7: `+5` is not valid"]),
            ("size: 1_000\n", &["answers.yaml:1:7: `1_000` is not valid"]),
            ("size: 3e2\n", &["answers.yaml:1:7: `3e2` is not valid"]),
            ("size: !!int 5\n", &["answers.yaml:1:", "YAML tag"]),
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
