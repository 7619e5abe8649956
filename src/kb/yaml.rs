//! The one place that names the YAML library: parsing a knowledge-base or answers
//! file into a model (JSON documents go to the JSON parser), guarding the parser
//! against hostile input, and writing any serialisable value as YAML. Swapping
//! the YAML crate means changing this file only.

use std::collections::HashSet;

use serde::Deserialize;
use serde::Serialize;

use super::problem::{Location, Problem};

/// Deepest flow nesting (`[[[…]]]`) accepted. The parser's own limit is 128
/// levels, but it slows down quadratically with flow depth before reaching it.
pub const MAX_FLOW_DEPTH: usize = 128;
/// Furthest right a node may start, in columns: far beyond any real file, and it
/// keeps the parser's indentation stack small.
pub const MAX_INDENT: usize = 256;
/// Most entries (lines, list items, flow items) accepted. The parser holds every
/// event in memory before anything is checked, about 130 bytes each.
pub const MAX_NODES: usize = 1_000_000;

/// Parses YAML text into `T`, turning the parser's error into a located [`Problem`].
/// Text the parser would choke on (see [`guard`]) is refused before parsing.
///
/// A document that starts with `{` is JSON (as `roles kb dump --format json`
/// writes) and is read by the JSON parser: faster, and exact about characters
/// that YAML 1.1 would fold, such as NEL.
pub fn parse<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, Problem> {
    if text.trim_start().starts_with('{') {
        return serde_json::from_str(text).map_err(|error| Problem {
            location: Some(Location {
                line: error.line(),
                column: error.column(),
            }),
            path: String::new(),
            message: without_position(&error.to_string()),
            needle: None,
        });
    }
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

/// Refuses, before parsing, what would make the parser slow or its memory huge:
///
/// - aliases (`*name` after `&name`): a few aliases to a large node expand to
///   gigabytes (the "billion laughs"). See [`alias_at`] for why no quoting trick
///   can hide one;
/// - flow collections nested deeper than [`MAX_FLOW_DEPTH`];
/// - nodes starting further right than [`MAX_INDENT`] columns (deep indentation,
///   or `- - - …` chains);
/// - more than [`MAX_NODES`] entries: the parser keeps every event in memory
///   before anything is checked.
///
/// This is a scan, not a parser: it knows quotes, comments and block scalars
/// well enough not to be fooled by brackets inside text.
pub fn guard(text: &str) -> Result<(), Problem> {
    // Every character that matters here is ASCII, and no byte of a multi-byte
    // UTF-8 character is, so the scan works on bytes.
    let refuse = |line: &str, number: usize, at: usize, message: String| Problem {
        location: Some(Location {
            line: number + 1,
            column: line.get(..at).map_or(at, |before| before.chars().count()) + 1,
        }),
        path: String::new(),
        message,
        needle: None,
    };
    let too_many =
        || format!("has more than {MAX_NODES} entries; split the knowledge base or trim it");
    let mut flow_depth = 0usize;
    let mut nodes = 0usize;
    let mut quote: Option<u8> = None;
    let mut block_scalar_column: Option<usize> = None;
    let mut anchors = HashSet::new();
    for (number, line) in yaml_lines(text).enumerate() {
        let bytes = line.as_bytes();
        if let Some(at) = alias_at(line, &mut anchors) {
            return Err(refuse(
                line,
                number,
                at,
                "aliases (`*name`) are not accepted; write the values out in full".to_owned(),
            ));
        }
        let indent = bytes.iter().take_while(|&&b| b == b' ').count();
        let blank = bytes.iter().all(u8::is_ascii_whitespace);
        if let Some(parent) = block_scalar_column {
            if indent > parent || blank {
                continue;
            }
            block_scalar_column = None;
        }
        if !blank {
            nodes += 1;
        }
        // Where the line's node begins, after indentation and `- `/`? ` indicators.
        let mut node_column = indent;
        while quote.is_none()
            && matches!(bytes.get(node_column), Some(b'-' | b'?'))
            && bytes.get(node_column + 1).is_none_or(|&b| b == b' ')
        {
            node_column += 2;
            nodes += 1;
            if node_column > MAX_INDENT {
                return Err(refuse(
                    line,
                    number,
                    node_column.min(bytes.len()),
                    format!("nested more than {MAX_INDENT} columns deep; nest less deeply"),
                ));
            }
        }
        if quote.is_none() && node_column > MAX_INDENT {
            return Err(refuse(
                line,
                number,
                node_column.min(bytes.len()),
                format!("nested more than {MAX_INDENT} columns deep; nest less deeply"),
            ));
        }
        // Whether a new node (scalar, collection) may begin here.
        let mut node_start = true;
        // Whether the last thing read was a quoted scalar or a closed collection,
        // after which `:` starts a value even with no space ("a":b).
        let mut after_closed = false;
        let mut index = if quote.is_some() { 0 } else { node_column };
        while index < bytes.len() {
            let c = bytes[index];
            let next = bytes.get(index + 1).copied();
            if let Some(open) = quote {
                match c {
                    b'\\' if open == b'"' => index += 1,
                    b'\'' if open == b'\'' && next == Some(b'\'') => index += 1,
                    _ if c == open => {
                        quote = None;
                        node_start = false;
                        after_closed = true;
                    }
                    _ => {}
                }
                index += 1;
                continue;
            }
            let ends_plain = |n: Option<u8>| {
                n.is_none_or(|n| n.is_ascii_whitespace() || flow_depth > 0 && b",[]{}".contains(&n))
            };
            let closed = std::mem::take(&mut after_closed);
            match c {
                b'#' if index == 0 || bytes[index - 1].is_ascii_whitespace() => break,
                b' ' | b'\t' => after_closed = closed,
                b'"' | b'\'' if node_start => quote = Some(c),
                b'|' | b'>' if node_start && flow_depth == 0 => {
                    block_scalar_column = Some(node_column);
                    break;
                }
                b'[' | b'{' if node_start || flow_depth > 0 => {
                    flow_depth += 1;
                    if flow_depth > MAX_FLOW_DEPTH {
                        return Err(refuse(
                            line,
                            number,
                            index,
                            format!(
                                "nested more than {MAX_FLOW_DEPTH} levels deep; nest less deeply"
                            ),
                        ));
                    }
                    node_start = true;
                }
                b']' | b'}' if flow_depth > 0 => {
                    flow_depth -= 1;
                    node_start = false;
                    after_closed = true;
                }
                b',' if flow_depth > 0 => {
                    nodes += 1;
                    if nodes > MAX_NODES {
                        return Err(refuse(line, number, index, too_many()));
                    }
                    node_start = true;
                }
                b'-' | b'?' if node_start && next.is_none_or(|n| n.is_ascii_whitespace()) => {}
                b':' if ends_plain(next) || closed => node_start = true,
                _ => node_start = false,
            }
            index += 1;
        }
        if nodes > MAX_NODES {
            return Err(refuse(line, number, 0, too_many()));
        }
    }
    Ok(())
}

/// The lines of `text` as the parser counts them: YAML 1.1 breaks lines at CRLF
/// and LF, and also at a lone CR, NEL (U+0085), LS (U+2028) and PS (U+2029).
fn yaml_lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let mut index = start;
        while index < bytes.len() {
            let break_len = match bytes[index] {
                b'\n' => 1,
                b'\r' if bytes.get(index + 1) == Some(&b'\n') => 2,
                b'\r' => 1,
                0xC2 if bytes.get(index + 1) == Some(&0x85) => 2,
                0xE2 if bytes.get(index + 1) == Some(&0x80)
                    && matches!(bytes.get(index + 2), Some(0xA8 | 0xA9)) =>
                {
                    3
                }
                _ => 0,
            };
            if break_len > 0 {
                let line = &text[start..index];
                start = index + break_len;
                return Some(line);
            }
            index += 1;
        }
        done = true;
        Some(&text[start..])
    })
}

/// Looks for an alias to an anchor: returns the byte offset of a `*name` that
/// stands where a YAML node could begin (at the start of the line's content or
/// after `-`, `?`, `:`, `[`, `{` or `,`) when a `&name` was seen earlier in
/// `anchors`, which collects every anchor-like `&name` on the way.
///
/// Quotes are deliberately ignored, so no quoting trick can hide an alias. Text
/// that merely looks like one (`": *x"` inside a string) is refused only if the
/// same text also defines the anchor, which prose does not do.
fn alias_at<'t>(line: &'t str, anchors: &mut HashSet<&'t str>) -> Option<usize> {
    let bytes = line.as_bytes();
    let name_end = |from: usize| {
        bytes[from..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || b",[]{}".contains(b))
            .map_or(bytes.len(), |length| from + length)
    };
    let mut previous: Option<u8> = None;
    for (index, &c) in bytes.iter().enumerate() {
        let at_node = previous.is_none_or(|p| b"-?:[{,".contains(&p));
        let after_space = index == 0 || bytes[index - 1].is_ascii_whitespace();
        if (c == b'&' && (at_node || after_space)) || (c == b'*' && at_node) {
            let name = &line[index + 1..name_end(index + 1)];
            if !name.is_empty() {
                if c == b'&' {
                    anchors.insert(name);
                } else if anchors.contains(name) {
                    return Some(index);
                }
            }
        }
        if !c.is_ascii_whitespace() {
            previous = Some(c);
        }
    }
    None
}

/// Writes a value as a YAML document.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|error| error.to_string())
}
