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
    /// How it must stand in the text.
    pub kind: Match,
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
    pub fn pointing_at(mut self, text: &str) -> Self {
        self.needle = Some(Needle {
            text: text.to_owned(),
            occurrence: 1,
            kind: Match::Word,
        });
        self
    }

    /// Marks the key `field:` under the problem's path as its place.
    pub fn pointing_at_key(mut self, field: &str) -> Self {
        self.needle = Some(Needle {
            text: field.to_owned(),
            occurrence: 1,
            kind: Match::Key,
        });
        self
    }

    /// Marks the `occurrence`-th `id: text` in the problem's list as its place.
    pub fn pointing_at_id(mut self, text: &str, occurrence: usize) -> Self {
        self.needle = Some(Needle {
            text: text.to_owned(),
            occurrence,
            kind: Match::IdValue,
        });
        self
    }

    /// Fills in the line and column from the file text: walks the problem's path
    /// (each id segment to its `id:` line, each other segment to its key), then
    /// finds the value it names from there. Comments are not searched.
    pub fn locate_in(&mut self, text: &str) {
        let Some(needle) = &self.needle else {
            return;
        };
        if self.location.is_some() {
            return;
        }
        let mut from = 0;
        for segment in self.path.split('.') {
            let (name, index) = match segment.split_once('[') {
                Some((name, index)) => (name, index.trim_end_matches(']').parse::<usize>().ok()),
                None => (segment, None),
            };
            if let Some((at, _)) = find(text, from, name, 1, Match::IdValue)
                .or_else(|| find(text, from, name, 1, Match::Key))
            {
                from = at;
            }
            if let Some(at) = index.and_then(|index| nth_item(text, from, index)) {
                from = at;
            }
        }
        self.location = find(text, from, &needle.text, needle.occurrence, needle.kind)
            .map(|(_, location)| location);
    }
}

impl Problem {
    /// Moves the location of a "duplicate key" problem from the start of its
    /// mapping, where the parser puts it, to the repeated key itself.
    pub fn point_at_repeated_key(&mut self, text: &str) {
        let Some(at) = self.location else {
            return;
        };
        let Some(key) = ["duplicate key `", "duplicate field `"]
            .iter()
            .find_map(|prefix| self.message.strip_prefix(prefix))
            .and_then(|rest| rest.split('`').next())
        else {
            return;
        };
        let from: usize = text
            .split_inclusive('\n')
            .take(at.line.saturating_sub(1))
            .map(str::len)
            .sum();
        // The repetition is the next key at the same column as the first one;
        // a key of the same name nested deeper is not it.
        let Some((_, first)) = find(text, from, key, 1, Match::Key) else {
            return;
        };
        self.location = (2..)
            .map_while(|n| find(text, from, key, n, Match::Key))
            .map(|(_, location)| location)
            .find(|location| location.column == first.column)
            .or(self.location);
    }
}

/// How a word must stand to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// Anywhere, as a whole word.
    Word,
    /// As the value of an `id:` key (or a choice's `value:` key).
    IdValue,
    /// As a mapping key, `word:`.
    Key,
}

/// Finds the `occurrence`-th match of `word` at or after byte `from`, outside
/// comments; returns its byte offset and location.
fn find(
    text: &str,
    from: usize,
    word: &str,
    occurrence: usize,
    kind: Match,
) -> Option<(usize, Location)> {
    if word.is_empty() {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut seen = 0;
    let mut line_start = 0;
    for (line_index, line) in text.split_inclusive('\n').enumerate() {
        let line_end = line_start + line.len();
        if line_end <= from {
            line_start = line_end;
            continue;
        }
        let code = code_part(line);
        let mut search = from.saturating_sub(line_start).min(code.len());
        while !code.is_char_boundary(search) {
            search += 1;
        }
        while let Some(offset) = code[search..].find(word) {
            let start = search + offset;
            let end = start + word.len();
            let (before, after) = (&code[..start], &code[end..]);
            let whole = !before.chars().next_back().is_some_and(is_word)
                && !after.chars().next().is_some_and(is_word);
            let fits = whole
                && match kind {
                    Match::Word => true,
                    Match::IdValue => {
                        let key = before.trim_end_matches(['"', '\'']).trim_end();
                        key.ends_with("id:") || key.ends_with("value:")
                    }
                    Match::Key => after.trim_start_matches(['"', '\'']).starts_with(':'),
                };
            if fits {
                seen += 1;
                if seen == occurrence {
                    let location = Location {
                        line: line_index + 1,
                        column: before.chars().count() + 1,
                    };
                    return Some((line_start + start, location));
                }
            }
            search = end;
        }
        line_start = line_end;
    }
    None
}

/// The byte offset of the `index`-th item (from 0) of the block sequence that
/// starts after byte `from`; `None` for a flow sequence or too few items.
fn nth_item(text: &str, from: usize, index: usize) -> Option<usize> {
    let mut line_start = 0;
    let mut item_indent = None;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        if line_start <= from {
            continue;
        }
        let content = line.trim_start_matches(' ');
        if code_part(content).trim().is_empty() {
            continue;
        }
        let indent = line.len() - content.len();
        match item_indent {
            None if start < from => {}
            None if content.starts_with('-') => item_indent = Some(indent),
            None => return None,
            Some(expected) if indent < expected => return None,
            Some(_) => {}
        }
        if item_indent == Some(indent) && content.starts_with('-') {
            if seen == index {
                return Some(start + indent);
            }
            seen += 1;
        }
    }
    None
}

/// The part of a line before a comment.
fn code_part(line: &str) -> &str {
    let bytes = line.as_bytes();
    let cut = (0..bytes.len())
        .find(|&i| bytes[i] == b'#' && (i == 0 || bytes[i - 1].is_ascii_whitespace()))
        .unwrap_or(bytes.len());
    &line[..cut]
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
