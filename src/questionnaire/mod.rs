//! What the guided questionnaires share: answers (from `--answer` flags, an
//! answers file or stdin, checked against the questions in the knowledge base,
//! and saved for replay), the interview engine, and the terminal prompt.
//!
//! A command calls [`gather_for`] with an [`Intake`] naming itself, shows its
//! result, then calls [`FollowUp::offer`]: after an interview at the terminal
//! that prints the equivalent command line and offers to save the answers.

pub mod answers;
pub mod engine;
pub mod interview;
pub mod prompt;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

pub use answers::{Answer, Answers, check_save_path};

use crate::error::BadInput;
use crate::kb::{Question, Questionnaire};

/// Where a questionnaire's answers come from, and where they are saved.
#[derive(Debug, Clone, Copy, Default)]
pub struct Intake<'a> {
    /// The command the answers are for, e.g. `advise`, named in the replay.
    pub command: &'a str,
    /// An answers file (`-` for stdin).
    pub file: Option<&'a Path>,
    /// `KEY=VALUE` answers, applied over the file's.
    pub flags: &'a [String],
    /// Never prompt: what is unanswered stays unanswered.
    pub no_input: bool,
    /// Save the answers here once given.
    pub save: Option<&'a Path>,
    /// Let `save` replace an existing file.
    pub force: bool,
    /// The knowledge base in use (`--kb` or `ROLES_KB`), named in the replay.
    pub kb: Option<&'a Path>,
    /// Whether the prompt on stderr is coloured.
    pub color: bool,
}

/// What to offer after the result of an interview at the terminal: the command
/// line that gives the same answers, and saving them when `--save` was not
/// given. Empty when the answers came from flags or a file alone.
#[derive(Debug, Default)]
#[must_use = "call `offer` once the result is shown"]
pub struct FollowUp {
    command: String,
    /// The command line that gives the same answers; none when nothing was asked.
    line: Option<String>,
    /// The answers to offer to save; none when `--save` was given.
    save: Option<Answers>,
    color: bool,
}

impl FollowUp {
    /// After an interview, prints the equivalent command line to stderr and,
    /// when `--save` was not given, asks for a file to save the answers to
    /// (Enter skips). Does nothing otherwise. Call it once the result is shown.
    pub fn offer(self) -> anyhow::Result<()> {
        let Some(line) = &self.line else {
            return Ok(());
        };
        // Best effort: the result is out, and a closed stderr should not turn
        // it into a failure.
        let say = |text: String| drop(writeln!(io::stderr().lock(), "{text}"));
        let replay = format!("\nTo give the same answers without the questions:\n  {line}");
        say(replay);
        let Some(answers) = &self.save else {
            return Ok(());
        };
        let mut prompter = prompt::TerminalPrompter::new(self.color)?;
        let (mut problem, mut before) = (None, String::new());
        while let Some(name) = prompter.ask_file(&self.command, &before, problem.take())? {
            // A leading `~/` is the home directory, as a shell would read it.
            let path = match (name.strip_prefix("~/"), std::env::var_os("HOME")) {
                (Some(rest), Some(home)) => Path::new(&home).join(rest),
                _ => PathBuf::from(&name),
            };
            before = name;
            // `--force` means nothing here: an existing file is for another name.
            if std::fs::symlink_metadata(&path).is_ok_and(|meta| meta.is_file()) {
                let shown = path.display();
                problem = Some(format!("`{shown}` already exists; type another name"));
            } else if let Err(error) = answers.save(&path, false) {
                problem = Some(error.to_string());
            } else {
                drop(prompter);
                let (shown, command) = (path.display(), &self.command);
                let file = shell_word(&shown.to_string());
                let saved =
                    format!("Saved to `{shown}`; replay with `roles {command} --answers {file}`.");
                say(saved);
                break;
            }
        }
        Ok(())
    }
}

/// Gathers a command's answers and what to offer once its result is shown:
/// the file, then the flags, then a terminal interview for the rest when there
/// is a terminal and prompting is allowed. Refuses first, before any question,
/// a knowledge base without the questions (`missing` says where they go) and a
/// `--save` path that cannot be written; then a run with no answer (nothing to
/// `verb`; `example` is one to suggest). Saves last, so a run that fails never
/// creates, truncates or replaces the file.
pub fn gather_for(
    questionnaire: &Questionnaire,
    intake: &Intake<'_>,
    missing: &str,
    (verb, example): (&str, &str),
) -> anyhow::Result<(Answers, FollowUp)> {
    let questions = &questionnaire.questions;
    if questions.is_empty() {
        return Err(BadInput::err(format!(
            "this knowledge base has no {missing} (see `roles kb dump`)"
        )));
    }
    if let Some(path) = intake.save {
        if path == Path::new("-") {
            return Err(BadInput::err(
                "`--save -` would write a file named `-`; answers are saved to a file, so give its name (e.g. `--save answers.yaml`)",
            ));
        }
        check_save_path(path, intake.force)?;
    }
    let mut answers = match intake.file {
        Some(path) => Answers::from_file(path, questionnaire)?,
        None => Answers::default(),
    };
    answers.apply_flags(intake.flags, questionnaire)?;
    let mut follow_up = FollowUp::default();
    if !intake.no_input && io::stdin().is_terminal() && io::stderr().is_terminal() {
        // Dropped at the end of this block, the prompter restores the terminal.
        let prompter = &mut prompt::TerminalPrompter::new(intake.color)?;
        if interview::interview(questions, &mut answers, prompter)? {
            follow_up = FollowUp {
                command: intake.command.to_owned(),
                line: Some(command_line(intake, questions, &answers)),
                save: intake.save.is_none().then(|| answers.clone()),
                color: intake.color,
            };
        }
    } else if !intake.no_input && intake.flags.is_empty() && intake.file.is_none() {
        return Err(BadInput::err(
            "no terminal to ask the questions on, and no answers given; pass them with \
             `--answer KEY=VALUE` or `--answers FILE` (add `--no-input` to accept no preference)",
        ));
    }
    if answers.is_empty() {
        return Err(BadInput::err(format!(
            "no question was answered, so there is nothing to {verb}; answer at least one with \
             `--answer KEY=VALUE` (e.g. `--answer {example}`), or see `roles {} --help`",
            intake.command
        )));
    }
    if let Some(path) = intake.save {
        answers.save(path, intake.force)?;
    }
    Ok((answers, follow_up))
}

/// The command line that gives these answers without questions: `roles
/// COMMAND [--kb FILE] --answer ID=VALUE …` in questionnaire order, with
/// `--no-input` when a question has no answer, so that it is not asked again.
pub fn command_line(intake: &Intake<'_>, questions: &[Question], answers: &Answers) -> String {
    let mut words = vec!["roles".to_owned(), shell_word(intake.command)];
    if let Some(kb) = intake.kb {
        words.extend(["--kb".to_owned(), shell_word(&kb.display().to_string())]);
    }
    for question in questions {
        if let Some(answer) = answers.get(&question.id) {
            let pair = format!("{}={}", question.id, answer.values().join(","));
            words.extend(["--answer".to_owned(), shell_word(&pair)]);
        }
    }
    if questions.iter().any(|q| answers.get(&q.id).is_none()) {
        words.push("--no-input".to_owned());
    }
    words.join(" ")
}

/// `word` as a POSIX shell reads it back: as it is when it holds only
/// characters no shell treats specially, else in single quotes. (The
/// shell-words crate leaves `~` bare and quotes `=`, so `aim=product` would
/// read `'aim=product'`.)
pub fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_=,./:@+%".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests;
