//! What is wrong with a knowledge-base (or answers) file: a list of problems,
//! each with the place it was found (line and column where known, a path into
//! the data always), and how such a list is reported. A problem found after
//! parsing names its node as a [`Step`] path, which the loader places in the
//! file ([`super::yaml::locate`]).

use std::fmt;

use super::text::shown;

/// A line and column in a file, both counted from 1 (columns in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
}

/// The line and column of byte `offset` in a file's bytes, counting the
/// characters before it on its line (bytes that are not valid UTF-8 count as
/// one each).
pub fn place_of(bytes: &[u8], offset: usize) -> Location {
    let before = &bytes[..offset];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |at| at + 1);
    Location {
        line: before.iter().filter(|&&b| b == b'\n').count() + 1,
        column: String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1,
    }
}

/// One step from a node of the document tree to a node inside it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    /// The value under this key of a mapping (the first entry with the key).
    Value(String),
    /// This key of a mapping, itself.
    Key(String),
    /// The item at this index (from 0) of a sequence.
    Item(usize),
    /// The key of the mapping entry at this position (from 0), in file order.
    EntryKey(usize),
    /// The value of the mapping entry at this position (from 0), in file order.
    EntryValue(usize),
}

/// One thing wrong with a knowledge base or an answers file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the file, when known.
    pub location: Option<Location>,
    /// Where in the data, for people, e.g. `roles.cto.sections.kpis.facts[2]`;
    /// empty for the whole file. Ids in it are escaped and cut (see
    /// [`super::text::shown`]).
    pub path: String,
    /// What is wrong, lower-case, names in backticks.
    pub message: String,
    /// The node the problem is about, from the document's root, for locating it;
    /// empty when the parser gave the location or the file as a whole is meant.
    pub node: Vec<Step>,
}

impl Problem {
    /// A problem with the file as a whole.
    pub fn whole_file(message: impl Into<String>) -> Self {
        Problem {
            location: None,
            path: String::new(),
            message: message.into(),
            node: Vec::new(),
        }
    }

    /// A problem at a known place in the file.
    pub fn located(location: Option<Location>, message: impl Into<String>) -> Self {
        Problem {
            location,
            ..Problem::whole_file(message)
        }
    }

    /// Names the node this problem is about, to be located later.
    pub fn on(mut self, node: Vec<Step>) -> Self {
        self.node = node;
        self
    }
}

/// How many problems a report lists before it says how many more there are.
pub const LISTED_PROBLEMS: usize = 50;

/// How many problems are kept, each with its place; more are only counted. A
/// file at the size cap can hold 700,000 problems (a citation list of 700,000
/// unknown sources), and keeping them all would take over 600 MB.
pub const KEPT_PROBLEMS: usize = 10_000;

/// A knowledge base (or answers file) that could not be used, with what was
/// found wrong in it. The report lists the first [`LISTED_PROBLEMS`]; up to
/// [`KEPT_PROBLEMS`] stay here with their places, and the rest are counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbError {
    /// The file's name as the user gave it, or a description of the embedded data.
    pub origin: String,
    /// The problems, in file order where known.
    pub problems: Vec<Problem>,
    /// How many more problems were found and not kept (see [`KEPT_PROBLEMS`]).
    pub more: usize,
}

impl KbError {
    /// An error with a single problem.
    pub fn single(origin: &str, problem: Problem) -> Self {
        KbError {
            origin: origin.to_owned(),
            problems: vec![problem],
            more: 0,
        }
    }

    /// How many problems were found, kept or not.
    pub fn count(&self) -> usize {
        self.problems.len() + self.more
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
        // The origin is a path the user typed; it may hold anything.
        let origin = shown(&self.origin);
        match self.problems.as_slice() {
            [one] if self.more == 0 => one.write_from(&origin, f),
            many => {
                write!(f, "{} problems in `{origin}`:", self.count())?;
                for problem in many.iter().take(LISTED_PROBLEMS) {
                    f.write_str("\n  ")?;
                    problem.write_from(&origin, f)?;
                }
                let listed = many.len().min(LISTED_PROBLEMS);
                if self.count() > listed {
                    write!(f, "\n  … and {} more", self.count() - listed)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for KbError {}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` problems, one a line.
    fn problems(n: usize) -> KbError {
        let at = |line| Some(Location { line, column: 1 });
        let mut error = KbError::single("kb.yaml", Problem::located(at(1), "problem 0"));
        let more = (1..n).map(|i| Problem::located(at(i + 1), format!("problem {i}")));
        error.problems.extend(more);
        error
    }

    /// Past fifty, a report counts the rest (tests/cli/hostile.rs:
    /// `ten_thousand_problems_are_each_located_on_their_own_line`).
    #[test]
    fn a_report_of_fifty_problems_lists_them_all() {
        let report = problems(LISTED_PROBLEMS).to_string();
        let head = "50 problems in `kb.yaml`:\n  kb.yaml:1:1: problem 0\n";
        assert!(report.starts_with(head), "{report}");
        assert!(report.ends_with("\n  kb.yaml:50:1: problem 49"), "{report}");
        assert_eq!(report.lines().count(), 1 + LISTED_PROBLEMS);
    }

    #[test]
    fn an_origin_with_control_characters_is_escaped() {
        let error = KbError::single("a\u{1b}[31m.yaml", Problem::whole_file("is empty"));
        assert_eq!(error.to_string(), "a\\u{1b}[31m.yaml: is empty");
    }

    #[test]
    fn problems_sort_into_file_order_with_unplaced_ones_last() {
        let mut problems = problems(3).problems;
        problems.reverse();
        problems.insert(1, Problem::whole_file("somewhere"));
        let error = crate::kb::load::located("kb.yaml", "", problems);
        let lines = error.problems.iter().map(|p| p.location.map(|at| at.line));
        let lines: Vec<_> = lines.collect();
        assert_eq!(lines, [Some(1), Some(2), Some(3), None]);
    }
}
