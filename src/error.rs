//! Errors a user can act on, and the exit code each one maps to; and how text
//! from a file or an argument is echoed in a message.
//!
//! Everything else is an unexpected failure (exit 1). A closed stdout is not an
//! error at all: `roles … | head` ends quietly with exit 0.
//!
//! Nothing from data reaches a terminal raw: a message repeats a user's value
//! through [`shown`] (control characters escaped, cut to 80 characters), lists
//! at most [`LISTED_IDS`] known names, and renderers pass data through
//! [`escape_controls`]. Both are defined with the knowledge-base text type,
//! which `build.rs` compiles on its own, and re-exported here.

use std::fmt;
use std::io;

use crate::kb::KbError;
pub use crate::kb::text::{SHOWN_CHARS, escape_controls, one_line, shown};
pub use crate::kb::validate::LISTED_IDS;

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

/// What an error means for the process: its exit code, or `None` for a pipe
/// its reader closed. A path or name too long for the system is bad input.
pub fn exit_code(error: &anyhow::Error) -> Option<u8> {
    for cause in error.chain() {
        let io = cause.downcast_ref::<io::Error>();
        if io.is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) {
            return None;
        }
        let too_long = io.is_some_and(|e| e.kind() == io::ErrorKind::InvalidFilename);
        if too_long || cause.is::<BadInput>() || cause.is::<KbError>() {
            return Some(EXIT_BAD_INPUT);
        }
        if cause.is::<Interrupted>() {
            return Some(EXIT_INTERRUPTED);
        }
    }
    Some(EXIT_FAILURE)
}

/// The width error messages wrap to when stderr is a terminal (`terminal` is
/// its width): `COLUMNS` if set to a number, else the terminal's. `None` (no
/// wrapping) when stderr is a file or a pipe, even with `COLUMNS` set: a log,
/// a script or an editor jumping to `file:line:column:` wants each message on
/// its own line.
pub fn message_width(columns: Option<&str>, terminal: Option<u16>) -> Option<usize> {
    let terminal = terminal.filter(|&w| w > 0)?;
    let columns = columns
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|&w| w > 0);
    Some(usize::from(columns.unwrap_or(terminal).max(40)))
}

/// The report of `error` for stderr: `error:` (red and bold with `color`), the
/// message and its causes, every line wrapped to `width` when given, and
/// nothing that could act on the terminal or hide there (see
/// [`escape_controls`]).
pub fn message(error: &anyhow::Error, color: bool, width: Option<usize>) -> String {
    let mut text = format!("error: {error}");
    for cause in error.chain().skip(1) {
        text.push_str(&format!(": {cause}"));
    }
    let text = escape_controls(&text, false);
    let lines: Vec<std::borrow::Cow<'_, str>> = match width {
        Some(width) => text
            .lines()
            .flat_map(|line| match line {
                "" => vec!["".into()],
                _ => crate::render::wrap::wrap(line, width),
            })
            .collect(),
        None => text.lines().map(Into::into).collect(),
    };
    let text = lines.join("\n");
    if !color {
        return text;
    }
    let red = anstyle::Style::new()
        .fg_color(Some(anstyle::AnsiColor::Red.into()))
        .effects(anstyle::Effects::BOLD);
    text.replacen(
        "error:",
        &crate::render::paint::paint(true, "error:", red),
        1,
    )
}

/// Formats a list of names as `` `a`, `b` `` for messages: each escaped and
/// cut (see [`shown`]), and no more than [`LISTED_IDS`] of them, then `…`.
pub fn tick_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let mut names = names.into_iter();
    let mut listed: Vec<String> = names
        .by_ref()
        .take(LISTED_IDS)
        .map(|name| format!("`{}`", shown(name)))
        .collect();
    if names.next().is_some() {
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
    let wanted = given.to_lowercase();
    let closest = known
        .clone()
        .into_iter()
        .map(|name| (strsim::jaro_winkler(&wanted, name), name))
        .filter(|(similarity, _)| *similarity > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name);
    let mut message = format!(
        "unknown {kind} `{}`; expected one of: {}",
        shown(given),
        tick_list(known)
    );
    if let Some(name) = closest {
        message.push_str(&format!("\n\ndid you mean `{}`?", shown(name)));
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tick_list_stops_at_ten_names() {
        let names: Vec<String> = (0..25).map(|i| format!("n{i}")).collect();
        let list = tick_list(names.iter().map(String::as_str));
        assert_eq!(list.matches('`').count(), 20);
        assert!(list.ends_with("`n9`, …"), "{list}");
        assert_eq!(tick_list(["a", "b"]), "`a`, `b`");
    }

    #[test]
    fn an_unknown_name_is_echoed_escaped_and_cut() {
        let given = format!("\u{1b}]0;title\u{7}{}", "x".repeat(500));
        let message = unknown_name_message("role", &given, ["cio", "cto"]);
        assert!(!message.contains('\u{1b}'), "{message}");
        assert!(message.contains("`\\u{1b}]0;title\\u{7}xxx"), "{message}");
        assert!(message.len() < 200, "{message}");
    }

    #[test]
    fn a_message_shows_invisible_characters_and_wraps_to_the_width() {
        let error = BadInput::err("id `c\u{200b}io` must be lower-case\n\ntry `cio`");
        assert_eq!(
            message(&error, false, None),
            "error: id `c\\u{200b}io` must be lower-case\n\ntry `cio`"
        );
        let long = BadInput::err("word ".repeat(30));
        let wrapped = message(&long, false, Some(40));
        assert_eq!(
            message(&BadInput::err("a\n\nb"), false, Some(40)),
            "error: a\n\nb"
        );
        assert!(wrapped.lines().count() > 2, "{wrapped}");
        assert!(wrapped.lines().all(|line| line.len() <= 40), "{wrapped}");
        assert_eq!(message_width(Some("100"), Some(60)), Some(100));
        assert_eq!(message_width(None, Some(60)), Some(60));
        assert_eq!(message_width(Some("x"), Some(60)), Some(60));
        assert_eq!(message_width(Some("100"), None), None);
        let too_long = anyhow::Error::new(io::Error::from_raw_os_error(36));
        assert_eq!(exit_code(&too_long), Some(EXIT_BAD_INPUT));
    }

    #[test]
    fn an_unknown_name_suggests_the_closest() {
        let message = unknown_name_message("role", "CTo", ["cio", "cto"]);
        assert!(message.ends_with("did you mean `cto`?"), "{message}");
    }
}
