//! Errors a user can act on and the exit code each maps to (anything else is a
//! failure, exit 1; a closed stdout ends quietly with exit 0), and how text from
//! a file or an argument is echoed in a message: through [`shown`] (controls
//! escaped, cut to 80 characters), at most [`LISTED_IDS`] names listed, and
//! never raw (see [`escape_controls`], shared with the knowledge-base checks).

use std::io;

use crate::kb::KbError;
pub use crate::kb::text::{escape_controls, shown};
pub use crate::kb::validate::LISTED_IDS;
use crate::render::{paint::paint, wrap::fill};

/// Exit code for success.
pub const EXIT_OK: u8 = 0;
/// Exit code for an unexpected failure.
pub const EXIT_FAILURE: u8 = 1;
/// Exit code for bad usage or bad input.
pub const EXIT_BAD_INPUT: u8 = 2;
/// Exit code after Ctrl-C.
pub const EXIT_INTERRUPTED: u8 = 130;

/// Input the user gave that cannot be used: a role name, a flag value, an
/// answer. The message says what is wrong and what to do.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadInput(pub String);

impl BadInput {
    /// Wraps a message as an [`anyhow::Error`].
    pub fn err(message: impl Into<String>) -> anyhow::Error {
        anyhow::Error::new(BadInput(message.into()))
    }
}

/// The user interrupted an interactive session (Ctrl-C).
#[derive(Debug, thiserror::Error)]
#[error("interrupted")]
pub struct Interrupted;

/// What an error means for the process: its exit code, or `None` for a pipe
/// its reader closed. A path or name too long for the system is bad input.
pub fn exit_code(error: &anyhow::Error) -> Option<u8> {
    for cause in error.chain() {
        let kind = cause.downcast_ref::<io::Error>().map(io::Error::kind);
        if kind == Some(io::ErrorKind::BrokenPipe) {
            return None;
        }
        let too_long = kind == Some(io::ErrorKind::InvalidFilename);
        if too_long || cause.is::<BadInput>() || cause.is::<KbError>() {
            return Some(EXIT_BAD_INPUT);
        }
        if cause.is::<Interrupted>() {
            return Some(EXIT_INTERRUPTED);
        }
    }
    Some(EXIT_FAILURE)
}

/// The report of `error` for stderr: `error:` (red and bold with `color`), the
/// message and its causes, each line wrapped to `width` when given, and
/// nothing that could act on the terminal or hide there.
pub fn message(error: &anyhow::Error, color: bool, width: Option<usize>) -> String {
    let text = escape_controls(&format!("error: {error:#}"), false).into_owned();
    let text = text.strip_suffix('\n').unwrap_or(&text);
    let text = width.map_or_else(|| text.to_owned(), |width| fill(text, width, "", ""));
    let red = anstyle::Style::new()
        .fg_color(Some(anstyle::AnsiColor::Red.into()))
        .effects(anstyle::Effects::BOLD);
    text.replacen("error:", &paint(color, "error:", red), 1)
}

/// Formats a list of names as `` `a`, `b` `` for messages: each escaped and
/// cut (see [`shown`]), and no more than [`LISTED_IDS`] of them, then `…`.
pub fn tick_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let mut listed: Vec<String> = names
        .into_iter()
        .map(|name| format!("`{}`", shown(name)))
        .collect();
    if listed.len() > LISTED_IDS {
        listed.truncate(LISTED_IDS);
        listed.push("…".to_owned());
    }
    listed.join(", ")
}

/// An error for a name that matches none of `known`, suggesting the closest.
pub fn unknown_name<'a>(
    kind: &str,
    given: &str,
    known: impl IntoIterator<Item = &'a str> + Clone,
) -> anyhow::Error {
    BadInput::err(unknown_name_message(kind, given, known))
}

/// The message of [`unknown_name`]: what was given, up to [`LISTED_IDS`] known
/// names, and the closest one when it is close.
pub fn unknown_name_message<'a>(
    kind: &str,
    given: &str,
    known: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    let (wanted, listed) = (given.to_lowercase(), tick_list(known.clone()));
    let message = format!(
        "unknown {kind} `{}`; expected one of: {listed}",
        shown(given)
    );
    let likeness = known
        .into_iter()
        .map(|name| (strsim::jaro_winkler(&wanted, name), name));
    suggest(message, likeness)
}

/// `message` and, when a name is alike enough (above 0.7) to what was given,
/// `did you mean` the most alike; `likeness` pairs each name with its likeness.
pub fn suggest<'a>(mut message: String, likeness: impl Iterator<Item = (f64, &'a str)>) -> String {
    let closest = likeness.filter(|(similarity, _)| *similarity > 0.7);
    if let Some((_, name)) = closest.max_by(|a, b| a.0.total_cmp(&b.0)) {
        message.push_str(&format!("\n\ndid you mean `{}`?", shown(name)));
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_listed_up_to_ten_echoed_escaped_and_cut_and_the_closest_suggested() {
        let names: Vec<String> = (0..25).map(|i| format!("n{i}")).collect();
        let list = tick_list(names.iter().map(String::as_str));
        assert_eq!(list.matches('`').count(), 20);
        assert!(list.ends_with("`n9`, …"), "{list}");
        assert_eq!(tick_list(["a", "b"]), "`a`, `b`");
        let given = format!("\u{1b}]0;title\u{7}{}", "x".repeat(500));
        let message = unknown_name_message("role", &given, ["cio", "cto"]);
        assert!(!message.contains('\u{1b}'), "{message}");
        assert!(message.contains("`\\u{1b}]0;title\\u{7}xxx"), "{message}");
        assert!(message.len() < 200, "{message}");
        let message = unknown_name_message("role", "CTo", ["cio", "cto"]);
        assert!(message.ends_with("did you mean `cto`?"), "{message}");
    }

    #[test]
    fn a_message_shows_invisible_characters_and_wraps_to_the_width() {
        let error = BadInput::err("id `c\u{200b}io` must be lower-case\n\ntry `cio`");
        assert_eq!(
            message(&error, false, None),
            "error: id `c\\u{200b}io` must be lower-case\n\ntry `cio`"
        );
        let error = BadInput::err("a\n\nb").context("outer");
        assert_eq!(message(&error, false, Some(40)), "error: outer: a\n\nb");
        let wrapped = message(&BadInput::err("word ".repeat(30)), false, Some(40));
        assert!(wrapped.lines().count() > 2, "{wrapped}");
        assert!(wrapped.lines().all(|line| line.len() <= 40), "{wrapped}");
        let too_long = anyhow::Error::new(io::Error::from_raw_os_error(36));
        assert_eq!(exit_code(&too_long), Some(EXIT_BAD_INPUT));
    }
}
