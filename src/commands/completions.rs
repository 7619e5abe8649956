//! `roles completions SHELL`: a completion script that offers the knowledge
//! base's real values, not file names: role, section, dimension and topic ids, and
//! `ID=VALUE` answers. They are the embedded knowledge base's, written in as clap's
//! possible values on a copy of the command, so clap_complete's static generators
//! write them for every shell (the dynamic, per-TAB completion is still unstable).

use std::io::Write;

use clap::Command;
use clap::builder::PossibleValuesParser;

use crate::commands::distinct;
use crate::commands::show::{OVERVIEW, SALARY};
use crate::kb::Question;
use crate::library::Library;

/// The global flags `roles completions` refuses: it prints a completion script, in no format, from no knowledge base.
pub const IGNORED_FLAGS: &[&str] = &["format", "kb"];

/// Writes the completion script for `shell`, completing `library`'s values.
pub fn write_script(
    shell: clap_complete::Shell,
    command: Command,
    library: &Library,
    out: &mut dyn Write,
) {
    let mut command = with_values(command, library);
    clap_complete::generate(shell, &mut command, "roles", out);
}

/// `command` with the knowledge base's ids as the possible values of the
/// arguments that take them.
pub fn with_values(command: Command, library: &Library) -> Command {
    let roles: Vec<String> = library.kb.roles.iter().map(|r| r.id.clone()).collect();
    let profile = library.kb.roles.iter().flat_map(|role| &role.sections);
    let profile = profile.map(|section| section.id.clone());
    let mut sections = distinct(std::iter::once(OVERVIEW.to_owned()).chain(profile));
    sections.push(SALARY.to_owned());
    let dimensions: Vec<String> = library.kb.dimensions.iter().map(|d| d.id.clone()).collect();
    let topics: Vec<String> = library.topics.iter().map(|t| t.id.clone()).collect();
    let advise = answers(&library.kb.questionnaire.questions);
    let career = answers(&library.kb.career.questions);
    // clap keeps possible values as `&'static str` unless its `string` feature
    // is on; this command builds the script once and exits, so leaking the few
    // ids is cheaper than another feature in every build.
    let values =
        |ids: &[String]| PossibleValuesParser::new(ids.iter().map(|id| &*id.clone().leak()));
    let arguments = [
        ("show", "role", &roles),
        ("show", "section", &sections),
        ("compare", "roles", &roles),
        ("compare", "only", &dimensions),
        ("jd", "role", &roles),
        ("search", "role", &roles),
        ("topics", "topic", &topics),
        ("advise", "answer", &advise),
        ("career", "answer", &career),
    ];
    arguments
        .into_iter()
        .fold(command, |command, (name, arg, ids)| {
            command.mut_subcommand(name, |c| c.mut_arg(arg, |a| a.value_parser(values(ids))))
        })
}

/// Every `ID=VALUE` a question accepts; `ID=` alone for a number question.
fn answers(questions: &[Question]) -> Vec<String> {
    let mut answers = Vec::new();
    for question in questions {
        if question.number || question.choices.is_empty() {
            answers.push(format!("{}=", question.id));
        }
        for choice in &question.choices {
            answers.push(format!("{}={}", question.id, choice.value));
        }
    }
    answers
}
