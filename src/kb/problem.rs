//! What is wrong with a knowledge-base file: a list of problems, each with the
//! place it was found (line and column where known, a path into the data always).

use std::fmt;

/// A line and column in a file, both counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
}

/// One thing wrong with a knowledge base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the file, when known.
    pub location: Option<Location>,
    /// Where in the data, e.g. `roles.cto.sections.kpis.facts[2]`; empty for the whole file.
    pub path: String,
    /// What is wrong, lower-case, names in backticks.
    pub message: String,
    /// A value whose position in the file pinpoints the problem, used to find a
    /// line when the parser could not give one.
    pub needle: Option<Needle>,
}

/// A value to look for in the file text, and which occurrence of it is meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needle {
    /// The text, matched as a whole word.
    pub text: String,
    /// Which occurrence, from 1.
    pub occurrence: usize,
}

impl Problem {
    /// A problem found at a path into the data.
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            location: None,
            path: path.into(),
            message: message.into(),
            needle: None,
        }
    }

    /// A problem with the file as a whole.
    pub fn whole_file(message: impl Into<String>) -> Self {
        Problem::at("", message)
    }

    /// Marks the value that pinpoints this problem in the file text.
    pub fn pointing_at(mut self, text: &str, occurrence: usize) -> Self {
        self.needle = Some(Needle {
            text: text.to_owned(),
            occurrence,
        });
        self
    }

    /// Fills in the line and column from the file text, if the problem names a value.
    pub fn locate_in(&mut self, text: &str) {
        if self.location.is_none()
            && let Some(needle) = &self.needle
        {
            self.location = find_word(text, &needle.text, needle.occurrence);
        }
    }
}

/// Finds the `occurrence`-th whole-word match of `word` in `text`.
fn find_word(text: &str, word: &str, occurrence: usize) -> Option<Location> {
    if word.is_empty() {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut seen = 0;
    for (line_index, line) in text.lines().enumerate() {
        let mut from = 0;
        while let Some(offset) = line[from..].find(word) {
            let start = from + offset;
            let end = start + word.len();
            let before = line[..start].chars().next_back();
            let after = line[end..].chars().next();
            if !before.is_some_and(is_word) && !after.is_some_and(is_word) {
                seen += 1;
                if seen == occurrence {
                    return Some(Location {
                        line: line_index + 1,
                        column: line[..start].chars().count() + 1,
                    });
                }
            }
            from = end;
        }
    }
    None
}

/// A knowledge base that could not be loaded, with everything found wrong in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbError {
    /// The file's name as the user gave it, or a description of the embedded data.
    pub origin: String,
    /// The problems, in file order where known.
    pub problems: Vec<Problem>,
}

impl KbError {
    /// An error with a single problem.
    pub fn single(origin: &str, problem: Problem) -> Self {
        KbError {
            origin: origin.to_owned(),
            problems: vec![problem],
        }
    }
}

impl Problem {
    /// Writes `origin:line:column: path: message`, leaving out what is unknown.
    fn write_from(&self, origin: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(origin)?;
        if let Some(at) = self.location {
            write!(f, ":{}:{}", at.line, at.column)?;
        }
        f.write_str(": ")?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

impl fmt::Display for KbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.as_slice() {
            [one] => one.write_from(&self.origin, f),
            many => {
                write!(f, "{} problems in `{}`:", many.len(), self.origin)?;
                for problem in many {
                    f.write_str("\n  ")?;
                    problem.write_from(&self.origin, f)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for KbError {}
