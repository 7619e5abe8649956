//! What the guided questionnaires share: answers (from `--answer` flags, an
//! answers file or stdin, checked against the questions in the knowledge base,
//! and saved for replay), the interview engine, and the terminal prompt.

pub mod answers;
pub mod evidence;
pub mod interview;
pub mod prompt;

use std::io::{self, IsTerminal};
use std::path::Path;

pub use answers::{Answer, Answers};

use crate::error::BadInput;
use crate::kb::Questionnaire;

/// Where a questionnaire's answers come from, and where they are saved.
#[derive(Debug, Clone, Copy)]
pub struct Intake<'a> {
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
    /// Whether the prompt on stderr is coloured.
    pub color: bool,
}

/// Gathers answers: the file, then the flags, then a terminal interview for the
/// rest when there is a terminal and prompting is allowed; saves them if asked.
pub fn gather(questionnaire: &Questionnaire, intake: &Intake<'_>) -> anyhow::Result<Answers> {
    if let Some(path) = intake.save
        && !intake.force
        && path.exists()
    {
        return Err(answers::refuse_overwrite(path));
    }
    let mut answers = match intake.file {
        Some(path) => Answers::from_file(path, questionnaire)?,
        None => Answers::default(),
    };
    answers.apply_flags(intake.flags, questionnaire)?;

    let interactive = !intake.no_input && io::stdin().is_terminal() && io::stderr().is_terminal();
    if interactive {
        let mut prompter = prompt::TerminalPrompter {
            color: intake.color,
        };
        interview::interview(&questionnaire.questions, &mut answers, &mut prompter)?;
    } else if !intake.no_input && intake.flags.is_empty() && intake.file.is_none() {
        return Err(BadInput::err(
            "no terminal to ask the questions on, and no answers given; pass them with \
             `--answer KEY=VALUE` or `--answers FILE` (add `--no-input` to accept no preference)",
        ));
    }
    if let Some(path) = intake.save {
        answers.save(path, intake.force)?;
    }
    Ok(answers)
}
