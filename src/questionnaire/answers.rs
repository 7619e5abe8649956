//! Answers to the questionnaire: parsed from `--answer KEY=VALUE` flags and
//! `--answers FILE` (YAML or JSON, `-` for stdin), checked against the questions
//! in the knowledge base, and saved back in the same file format.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{BadInput, tick_list, unknown_name};
use crate::kb::{Question, Questionnaire, load, unique_keys, yaml};

/// The largest answers file read from stdin, in bytes.
const MAX_STDIN_BYTES: u64 = 1024 * 1024;

/// What was answered to one question: one value, or several for a question that
/// takes several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Answer {
    /// The value of a single-choice question.
    One(String),
    /// The values of a multiple-choice question.
    Many(Vec<String>),
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

/// The shape of an answers file: a mapping from question id to value(s).
#[derive(Deserialize)]
struct AnswersFile(#[serde(deserialize_with = "unique_keys")] BTreeMap<String, Option<FileAnswer>>);

/// A value as a file may write it: YAML and JSON writers turn `yes` and `no`
/// into booleans, so those are read back as the words.
#[derive(Deserialize)]
#[serde(untagged)]
enum FileAnswer {
    Text(String),
    List(Vec<String>),
    Flag(bool),
}

impl FileAnswer {
    fn into_values(self) -> Vec<String> {
        match self {
            FileAnswer::Text(value) => vec![value],
            FileAnswer::List(values) => values,
            FileAnswer::Flag(true) => vec!["yes".to_owned()],
            FileAnswer::Flag(false) => vec!["no".to_owned()],
        }
    }
}

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
        let origin = if path == Path::new("-") {
            "<stdin>".to_owned()
        } else {
            path.display().to_string()
        };
        let text = if path == Path::new("-") {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .take(MAX_STDIN_BYTES + 1)
                .read_to_end(&mut bytes)?;
            if bytes.len() as u64 > MAX_STDIN_BYTES {
                return Err(BadInput::err(format!(
                    "{origin}: answers are larger than 1 MiB; an answers file is a short mapping"
                )));
            }
            String::from_utf8(bytes)
                .map_err(|_| BadInput::err(format!("{origin}: is not valid UTF-8 text")))?
        } else {
            load::read_text(path)
                .map_err(|message| BadInput::err(format!("{origin}: {message}")))?
        };
        if text.trim().is_empty() {
            return Ok(Answers::default());
        }
        let file: AnswersFile = yaml::parse(&text).map_err(|mut problem| {
            if problem.message.contains("untagged enum") {
                problem.message =
                    "each answer must be a value, a list of values, or yes/no".to_owned();
            }
            BadInput::err(format!(
                "{}\n\nan answers file maps question ids to values, e.g. `aim: product`",
                crate::kb::KbError::single(&origin, problem)
            ))
        })?;
        let mut answers = Answers::default();
        for (id, answer) in file.0 {
            let question = find_question(questionnaire, &id)
                .map_err(|error| BadInput::err(format!("{origin}: {error}")))?;
            // `null` and an empty list both mean no preference, as a skip does.
            let values = answer.map(FileAnswer::into_values).unwrap_or_default();
            if !values.is_empty() {
                let checked = check_values(question, &values)
                    .map_err(|error| BadInput::err(format!("{origin}: {error}")))?;
                answers.set(&question.id, Some(checked));
            }
        }
        Ok(answers)
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
                    "`--answer {flag}` is not KEY=VALUE; e.g. `--answer aim=product`"
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
            let answer = check_values(question, &values)?;
            self.set(&question.id, Some(answer));
        }
        Ok(())
    }

    /// Writes these answers as an answers file at `path`, atomically: the file is
    /// either complete or absent. An existing file is replaced only with `force`.
    pub fn save(&self, path: &Path, force: bool) -> anyhow::Result<()> {
        let text = yaml::to_string(self).map_err(|error| anyhow::anyhow!(error))?;
        let directory = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        if !directory.is_dir() {
            return Err(BadInput::err(format!(
                "cannot save answers to `{}`: there is no directory `{}`",
                path.display(),
                directory.display()
            )));
        }
        let mut file = tempfile::NamedTempFile::new_in(directory).map_err(|error| {
            BadInput::err(format!(
                "cannot save answers to `{}`: {}",
                path.display(),
                error.kind()
            ))
        })?;
        file.write_all(text.as_bytes())?;
        file.as_file().sync_all()?;
        let persisted = if force {
            file.persist(path).map(drop)
        } else {
            file.persist_noclobber(path).map(drop)
        };
        persisted.map_err(|error| {
            if error.error.kind() == std::io::ErrorKind::AlreadyExists {
                refuse_overwrite(path)
            } else {
                BadInput::err(format!(
                    "cannot save answers to `{}`: {}",
                    path.display(),
                    error.error
                ))
            }
        })
    }
}

/// The error for `--save` onto an existing file without `--force`.
pub fn refuse_overwrite(path: &Path) -> anyhow::Error {
    BadInput::err(format!(
        "`{}` already exists; add `--force` to replace it, or choose another file",
        path.display()
    ))
}

/// Finds a question by id, case-insensitively, or explains which ids exist.
pub fn find_question<'a>(
    questionnaire: &'a Questionnaire,
    id: &str,
) -> anyhow::Result<&'a Question> {
    let wanted = id.trim().to_lowercase();
    questionnaire
        .questions
        .iter()
        .find(|q| q.id == wanted)
        .ok_or_else(|| {
            unknown_name(
                "question",
                id,
                questionnaire.questions.iter().map(|q| q.id.as_str()),
            )
        })
}

/// Checks values against a question's choices and normalises them (lower case,
/// duplicates dropped, choice order kept).
fn check_values(question: &Question, values: &[String]) -> anyhow::Result<Answer> {
    let valid = || question.choices.iter().map(|c| c.value.as_str());
    let mut chosen: Vec<String> = Vec::new();
    for value in values {
        let wanted = value.trim().to_lowercase();
        if wanted.is_empty() {
            return Err(BadInput::err(format!(
                "question `{}` needs a value; valid values: {}",
                question.id,
                tick_list(valid())
            )));
        }
        let Some(choice) = question.choices.iter().find(|c| c.value == wanted) else {
            return Err(unknown_name(
                &format!("`{}` value", question.id),
                value.trim(),
                valid(),
            ));
        };
        if !chosen.iter().any(|v| choice.value == *v) {
            chosen.push(choice.value.to_string());
        }
    }
    if question.multiple {
        let order = |v: &String| valid().position(|c| c == v);
        chosen.sort_by_key(order);
        Ok(Answer::Many(chosen))
    } else if chosen.len() == 1 {
        Ok(Answer::One(chosen.remove(0)))
    } else {
        Err(BadInput::err(format!(
            "question `{}` takes one value, not {}; valid values: {}",
            question.id,
            chosen.len(),
            tick_list(valid())
        )))
    }
}
