//! The one place that names the YAML library: parsing a knowledge-base file into a
//! model, and writing any serialisable value as YAML. Swapping the YAML crate
//! means changing this file only.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::problem::{Location, Problem};

/// Deepest flow nesting (`[[[…]]]`) accepted. The parser's own limit is 128
/// levels, but it slows down quadratically with flow depth before reaching it.
pub const MAX_FLOW_DEPTH: usize = 128;
/// Widest indentation accepted, in columns: far beyond any real file, and it keeps
/// the parser's indentation stack small.
pub const MAX_INDENT: usize = 256;

/// Parses YAML text into `T`, turning the parser's error into a located [`Problem`].
/// Text the parser would choke on (see [`guard`]) is refused before parsing.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    guard(text)?;
    serde_yaml::from_str(text).map_err(|error| {
        let location = error.location().map(|at| Location {
            line: at.line(),
            column: at.column(),
        });
        let message = without_position(&error.to_string());
        let (path, message) = split_path(&message);
        let mut problem = Problem {
            location,
            path: path.to_owned(),
            message: message.to_owned(),
            needle: None,
        };
        problem.point_at_repeated_key(text);
        problem
    })
}

/// The library states the position in words (`… at line 6 column 5`); we print it
/// as `line:column`, so drop its first mention and keep any later context.
fn without_position(message: &str) -> String {
    let Some(start) = message.find(" at line ") else {
        return message.to_owned();
    };
    let rest = &message[start + " at line ".len()..];
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let line = digits(rest);
    let Some(after_column) = rest[line..].strip_prefix(" column ") else {
        return message.to_owned();
    };
    let column = digits(after_column);
    format!("{}{}", &message[..start], &after_column[column..])
}

/// The library prefixes messages with the data path (`roles[0].id: …`); keep it apart.
fn split_path(message: &str) -> (&str, &str) {
    match message.split_once(": ") {
        Some((path, rest))
            if !path.is_empty()
                && !path.contains(' ')
                && path
                    .chars()
                    .all(|c| c.is_alphanumeric() || "._-[]".contains(c)) =>
        {
            (path, rest)
        }
        _ => ("", message),
    }
}

/// Refuses, before parsing, what would make the parser slow or its output huge:
/// anchors and aliases (a few aliases to a large node expand to gigabytes, the
/// "billion laughs"), flow collections nested deeper than [`MAX_FLOW_DEPTH`],
/// and lines indented more than [`MAX_INDENT`] columns. This is a scan, not a
/// parser: it knows quotes, comments and block scalars well enough not to be
/// fooled by brackets or asterisks inside text.
pub fn guard(text: &str) -> Result<(), Problem> {
    let refuse = |line: usize, column: usize, message: String| Problem {
        location: Some(Location {
            line: line + 1,
            column: column + 1,
        }),
        path: String::new(),
        message,
        needle: None,
    };
    let mut flow_depth = 0usize;
    let mut quote: Option<char> = None;
    let mut block_scalar_indent: Option<usize> = None;
    for (number, line) in text.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let indent = chars.iter().take_while(|&&c| c == ' ').count();
        if let Some(parent) = block_scalar_indent {
            if indent > parent || chars.iter().all(|c| c.is_whitespace()) {
                continue;
            }
            block_scalar_indent = None;
        }
        if quote.is_none() && indent > MAX_INDENT {
            return Err(refuse(
                number,
                indent,
                format!("indented more than {MAX_INDENT} columns; nest less deeply"),
            ));
        }
        // Whether a new node (scalar, collection, alias) may begin here.
        let mut node_start = true;
        let mut index = if quote.is_some() { 0 } else { indent };
        while index < chars.len() {
            let c = chars[index];
            let next = chars.get(index + 1).copied();
            if let Some(open) = quote {
                match c {
                    '\\' if open == '"' => index += 1,
                    '\'' if open == '\'' && next == Some('\'') => index += 1,
                    _ if c == open => {
                        quote = None;
                        node_start = false;
                    }
                    _ => {}
                }
                index += 1;
                continue;
            }
            let spaced = |n: Option<char>| n.is_none_or(char::is_whitespace);
            match c {
                '#' if index == 0 || chars[index - 1].is_whitespace() => break,
                ' ' | '\t' => {}
                '"' | '\'' if node_start => quote = Some(c),
                '&' | '*' if node_start => {
                    return Err(refuse(
                        number,
                        index,
                        "anchors and aliases (`&name`, `*name`) are not accepted; write the values out in full".to_owned(),
                    ));
                }
                '|' | '>' if node_start && flow_depth == 0 => {
                    block_scalar_indent = Some(indent);
                    break;
                }
                '[' | '{' if node_start || flow_depth > 0 => {
                    flow_depth += 1;
                    if flow_depth > MAX_FLOW_DEPTH {
                        return Err(refuse(
                            number,
                            index,
                            format!(
                                "nested more than {MAX_FLOW_DEPTH} levels deep; nest less deeply"
                            ),
                        ));
                    }
                    node_start = true;
                }
                ']' | '}' if flow_depth > 0 => {
                    flow_depth -= 1;
                    node_start = false;
                }
                ',' if flow_depth > 0 => node_start = true,
                '-' | '?' if node_start && spaced(next) => {}
                ':' if spaced(next) || flow_depth > 0 => node_start = true,
                _ => node_start = false,
            }
            index += 1;
        }
    }
    Ok(())
}

/// Writes a value as a YAML document.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|error| error.to_string())
}
