//! Errors a user can act on, and the exit code each one maps to.
//!
//! Everything else is an unexpected failure (exit 1). A closed stdout is not an
//! error at all: `roles … | head` ends quietly with exit 0.

use std::fmt;
use std::io;

use crate::kb::KbError;

/// Exit code for success.
pub const EXIT_OK: u8 = 0;
/// Exit code for an unexpected failure.
pub const EXIT_FAILURE: u8 = 1;
/// Exit code for bad usage or bad input.
pub const EXIT_BAD_INPUT: u8 = 2;
/// Exit code after Ctrl-C.
pub const EXIT_INTERRUPTED: u8 = 130;

/// Input the user gave that cannot be used: a role name, a flag value, an answer.
/// The message says what is wrong and what to do.
#[derive(Debug)]
pub struct BadInput(pub String);

impl BadInput {
    /// Wraps a message as an [`anyhow::Error`].
    pub fn err(message: impl Into<String>) -> anyhow::Error {
        anyhow::Error::new(BadInput(message.into()))
    }
}

impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

/// The user interrupted an interactive session (Ctrl-C).
#[derive(Debug)]
pub struct Interrupted;

impl fmt::Display for Interrupted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("interrupted")
    }
}

impl std::error::Error for Interrupted {}

/// What an error means for the process: its exit code, or `None` for a closed pipe.
pub fn exit_code(error: &anyhow::Error) -> Option<u8> {
    for cause in error.chain() {
        if cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
        {
            return None;
        }
        if cause.is::<BadInput>() || cause.is::<KbError>() {
            return Some(EXIT_BAD_INPUT);
        }
        if cause.is::<Interrupted>() {
            return Some(EXIT_INTERRUPTED);
        }
    }
    Some(EXIT_FAILURE)
}

/// Formats a list of names as `` `a`, `b` `` for messages.
pub fn tick_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names
        .into_iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An error for a name that matches none of `known`, suggesting the closest.
pub fn unknown_name<'a>(
    kind: &str,
    given: &str,
    known: impl IntoIterator<Item = &'a str> + Clone,
) -> anyhow::Error {
    let closest = known
        .clone()
        .into_iter()
        .map(|name| (strsim::jaro_winkler(&given.to_lowercase(), name), name))
        .filter(|(similarity, _)| *similarity > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name);
    let mut message = format!(
        "unknown {kind} `{given}`; expected one of: {}",
        tick_list(known)
    );
    if let Some(name) = closest {
        message.push_str(&format!("\n\ndid you mean `{name}`?"));
    }
    BadInput::err(message)
}
