//! The one place that names the YAML library (serde-saphyr): parsing a
//! knowledge-base or answers file within budgets, finding where nodes start
//! (for problems found after parsing), and writing any value as YAML.
//!
//! Hostile input ends at the first node over a budget, with its place: no
//! anchors or aliases (the "billion laughs" needs one), nesting within
//! [`MAX_DEPTH`], at most [`MAX_NODES`] nodes and [`MAX_TEXT_BYTES`] of text,
//! one document, no repeated or merge keys, no tags; booleans are only `true`
//! and `false`, so `on` and `no` stay words. A document that starts with `{` is
//! JSON, read by serde_json with the same caps from a count of its brackets.

use std::collections::HashMap;
use std::ops::ControlFlow::{self, Break, Continue};

use serde::{Deserialize, Serialize};
use serde_saphyr::budget::BudgetBreach as Breach;
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle};
use serde_saphyr::{DuplicateKeyPolicy, Error, MergeKeyPolicy};

use super::problem::{Location, Problem, Step, place_of};
use super::text::{cut, one_line, shown};

/// Deepest nesting of sequences and mappings accepted. The knowledge base
/// itself nests 8 deep (a citation in a fact in a section in a role).
pub const MAX_DEPTH: usize = 24;
/// Most nodes (scalars, sequences, mappings) in one document: over 1.5 times
/// what a knowledge base like the embedded one holds at the 8 MiB size cap.
pub const MAX_NODES: usize = 750_000;
/// Most bytes of scalar text in one document: the size cap, as without aliases
/// text cannot outgrow its file.
pub const MAX_TEXT_BYTES: usize = 8 * 1024 * 1024;

/// The parser's options: the budgets above (with at most `max_nodes` nodes)
/// and the strict readings.
fn options(max_nodes: usize) -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            flow_nesting_limit: MAX_DEPTH,
            max_nodes: max_nodes,
            // Each collection is a start and an end event: nodes bind first.
            max_events: 2 * max_nodes + 16,
            max_aliases: 0,
            max_anchors: 0,
            max_documents: 1,
            max_total_scalar_bytes: MAX_TEXT_BYTES,
            max_merge_keys: 0,
        },
        duplicate_keys: DuplicateKeyPolicy::Error,
        merge_keys: MergeKeyPolicy::Error,
        strict_booleans: true,
        reject_unsupported_tags: true,
        with_snippet: false,
    }
}

/// Parses YAML (or JSON) text into `T`, turning the parser's error into a
/// located [`Problem`]. A byte-order mark at the very start is ignored; a tag
/// is refused (see [`typed_as_json`]).
pub fn parse<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, Problem> {
    parse_checked(text, MAX_NODES, &[])
}

/// [`parse`] for a knowledge-base file, which also refuses quoted text where
/// the knowledge base has an integer (`schema_version: '1'`, a weight `'3'`).
pub fn parse_kb<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, Problem> {
    parse_checked(text, MAX_NODES, INTEGER_KEYS)
}

/// [`parse`] with a smaller node budget, for files small by nature (an answers
/// file, whose values are words or numbers alike: quoted numbers pass).
pub fn parse_within<'de, T: Deserialize<'de>>(
    text: &'de str,
    max_nodes: usize,
) -> Result<T, Problem> {
    parse_checked(text, max_nodes, &[])
}

fn parse_checked<'de, T: Deserialize<'de>>(
    text: &'de str,
    max_nodes: usize,
    integer_keys: &[&str],
) -> Result<T, Problem> {
    let max_nodes = max_nodes.min(MAX_NODES);
    let text = without_bom(text);
    if text.trim_start().starts_with('{') {
        json_within_caps(text, max_nodes)?;
        return serde_json::from_str(text).map_err(|error| json_problem(&error));
    }
    let parsed = serde_saphyr::from_str_with_options(text, options(max_nodes))
        .map_err(|error| problem_from(&error, max_nodes))?;
    typed_as_json(text, integer_keys)?;
    Ok(parsed)
}

/// Keys whose value is an integer in a knowledge base, as are the values of
/// a `weights` mapping.
const INTEGER_KEYS: &[&str] = &[
    "schema_version",
    "both",
    "fractional",
    "full_time",
    "at_least",
    "seats",
    "years",
];

/// Refuses what serde-saphyr would quietly convert, so that a YAML file is
/// typed as strictly as the same file in JSON: any tag (`!!binary` is decoded
/// into text), and quoted text (`'3'`) where an integer is expected (the values
/// of `integer_keys`, and of `weights` when there are any).
fn typed_as_json(text: &str, integer_keys: &[&str]) -> Result<(), Problem> {
    // A collection's state: whether it is the value of a `weights` key.
    let refused = walk(text, |place, weights: Option<&bool>, event, at| {
        let (tag, quoted) = match event {
            Event::Scalar(_, ScalarStyle::Plain, _, tag) => (tag, None),
            Event::Scalar(value, _, _, tag) => (tag, Some(value)),
            Event::SequenceStart(_, _, tag) | Event::MappingStart(_, _, tag) => (tag, None),
            _ => return Continue(false),
        };
        let at = Some(at);
        if let Some(tag) = tag {
            let tag = tag.to_string();
            let message = format!(
                "the YAML tag `{}` is not accepted; write the value itself, untagged",
                shown(&tag)
            );
            return Break(Problem::located(at, message));
        }
        if let (Place::Value(_, key), Some(value)) = (&place, quoted)
            && !integer_keys.is_empty()
            && (integer_keys.contains(key) || weights == Some(&true))
        {
            let message = format!(
                "expected an integer for `{}`, found the quoted text `{}`; write the number without quotes",
                shown(key),
                shown(value)
            );
            return Break(Problem::located(at, message));
        }
        Continue(matches!(place, Place::Value(_, "weights")))
    });
    refused.map_or(Ok(()), Err)
}

fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// A parser error as a problem: its place, and a message in our words where
/// the library's would be cryptic (budgets), escaped and cut otherwise.
fn problem_from(error: &Error, max_nodes: usize) -> Problem {
    let error = innermost(error);
    let location = error
        .location()
        .filter(|at| at.line() > 0)
        .map(|at| Location {
            line: usize::try_from(at.line()).unwrap_or(usize::MAX),
            column: usize::try_from(at.column()).unwrap_or(usize::MAX),
        });
    let message = match error {
        Error::Budget { breach, .. } => budget_message(breach, max_nodes),
        Error::DuplicateMappingKey { key, .. } => match key {
            Some(key) => format!("duplicate key `{}`; give each key once", shown(key)),
            None => "duplicate key; give each key once".to_owned(),
        },
        Error::MergeKeyNotAllowed { .. } => NO_MERGE_KEYS.to_owned(),
        // The Rust type or parser event wanted, as the file's author knows it.
        Error::InvalidScalar { ty, .. } => format!(
            "expected {} here",
            match *ty {
                "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number, 0 or more",
                "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number",
                "f32" | "f64" => "a number",
                "bool" => "`true` or `false`",
                other => other,
            }
        ),
        // `unexpected` quotes the file (`string "…"`): cut it like any value.
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => format!(
            "invalid type: {}, expected {}",
            shown(unexpected),
            shown(expected)
        ),
        Error::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => format!(
            "invalid value: {}, expected {}",
            shown(unexpected),
            shown(expected)
        ),
        Error::Unexpected { expected, .. } => format!(
            "expected {} here",
            match *expected {
                "mapping start" => "a mapping (`key: value` entries)",
                "sequence start" => "a list",
                "string scalar" | "scalar" => "a single value",
                other => other,
            }
        ),
        Error::SerdeUnknownField {
            field, expected, ..
        } => {
            let names: Vec<String> = expected.iter().map(|name| format!("`{name}`")).collect();
            let expected = match names.as_slice() {
                [] => "no fields here".to_owned(),
                [one] => one.clone(),
                many => format!("one of {}", many.join(", ")),
            };
            format!("unknown field `{}`; expected {expected}", shown(field))
        }
        other => {
            use serde_saphyr::MessageFormatter as _;
            library_message(&serde_saphyr::UserMessageFormatter.format_message(other))
        }
    };
    Problem::located(location, message)
}

/// A message from a library, which may quote the file: one short line, or ours
/// when it says the nesting is too deep.
fn library_message(message: &str) -> String {
    if message.contains("recursion limit exceeded") {
        too_deep()
    } else {
        cut(&one_line(message), 300).into_owned()
    }
}

/// The error itself, without the wrappers that add a snippet or an alias's place.
fn innermost(error: &Error) -> &Error {
    match error {
        Error::WithSnippet { error, .. } | Error::AliasError { error, .. } => innermost(error),
        other => other,
    }
}

const NO_MERGE_KEYS: &str = "merge keys (`<<`) are not accepted; write the entries out in full";

fn budget_message(breach: &Breach, max_nodes: usize) -> String {
    match breach {
        Breach::Aliases { .. }
        | Breach::Anchors { .. }
        | Breach::AliasAnchorRatio { .. }
        | Breach::RecordedAnchorEvents { .. }
        | Breach::RecordedAnchorBytes { .. } => {
            "anchors (`&name`) and aliases (`*name`) are not accepted; write the values out in full"
                .to_owned()
        }
        Breach::Depth { .. } => too_deep(),
        Breach::Nodes { .. } | Breach::Events { .. } => too_many_nodes(max_nodes),
        Breach::ScalarBytes { .. } => format!(
            "holds more than {} MiB of text; split the file or trim it",
            MAX_TEXT_BYTES / (1024 * 1024)
        ),
        Breach::Documents { .. } => {
            "holds more than one YAML document (a second `---`); keep one document per file"
                .to_owned()
        }
        Breach::MergeKeys { .. } => NO_MERGE_KEYS.to_owned(),
        other => format!("is beyond a parser limit ({other:?}); simplify the file"),
    }
}

fn too_deep() -> String {
    format!("nested more than {MAX_DEPTH} levels deep; nest less deeply")
}

fn too_many_nodes(max_nodes: usize) -> String {
    format!("has more than {max_nodes} values, lists and mappings; split the file or trim it")
}

/// Refuses JSON nested deeper than [`MAX_DEPTH`] or with more than
/// `max_nodes` nodes, before serde_json reads it. Strings are JSON's only
/// quoting (`"` with `\` escapes), so counting brackets, colons and commas
/// outside them is exact.
fn json_within_caps(text: &str, max_nodes: usize) -> Result<(), Problem> {
    let (mut depth, mut nodes, mut in_string, mut escaped) = (0usize, 1usize, false, false);
    for (offset, byte) in text.bytes().enumerate() {
        let refuse = |message| {
            Err(Problem::located(
                Some(place_of(text.as_bytes(), offset)),
                message,
            ))
        };
        match byte {
            _ if escaped => escaped = false,
            b'\\' if in_string => escaped = true,
            b'"' => in_string = !in_string,
            _ if in_string => {}
            b'[' | b'{' => {
                depth += 1;
                nodes += 1;
                if depth > MAX_DEPTH {
                    return refuse(too_deep());
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' | b':' => nodes += 1,
            _ => {}
        }
        if nodes > max_nodes {
            return refuse(too_many_nodes(max_nodes));
        }
    }
    Ok(())
}

fn json_problem(error: &serde_json::Error) -> Problem {
    let message = error.to_string();
    // serde_json states the position in words (`… at line 6 column 5`); we print
    // it as `line:column`.
    let message = message
        .rfind(" at line ")
        .map_or(&*message, |at| &message[..at]);
    let location = (error.line() > 0).then(|| Location {
        line: error.line(),
        column: error.column(),
    });
    Problem::located(location, library_message(message))
}

/// Writes a value as a YAML document.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    let options = serde_saphyr::ser_options! {
        // Long text stays on one line, so every string reads back as written.
        prefer_block_scalars: false,
        // Quote every string a YAML 1.1 reader would read as a boolean, null,
        // number or timestamp (`yes`, `~`, `0o17`, `2023-06-16`), so it gets the
        // JSON output's data (tests/cli/yaml11.rs). The default, named to stay.
        yaml_12: false,
    };
    serde_saphyr::to_string_with_options(&value, options).map_err(|error| error.to_string())
}

// --- walking the parser's events ---------------------------------------------

/// Where a node stands in its parent: the root, an item of a sequence, or the
/// key or the value of a mapping's entry (with the entry's key).
enum Place<'a> {
    Root,
    Item(usize),
    Key(usize),
    Value(usize, &'a str),
}

/// Calls `visit` at the start of each node of `text` with its place, the state
/// `visit` returned for its parent collection, the event and its location,
/// until `visit` breaks. Only text already parsed within the budgets is walked.
fn walk<S, B>(
    text: &str,
    mut visit: impl FnMut(Place<'_>, Option<&S>, &Event<'_>, Location) -> ControlFlow<B, S>,
) -> Option<B> {
    /// An open collection: its state, the items (or entries) read, and in a
    /// mapping the key just read when its value comes next.
    struct Open<S> {
        state: S,
        mapping: bool,
        count: usize,
        key: Option<String>,
    }
    /// Moves the enclosing collection past a node just read.
    fn read<S>(open: &mut [Open<S>], scalar: &str) {
        if let Some(parent) = open.last_mut() {
            match parent.key.take() {
                None if parent.mapping => parent.key = Some(scalar.to_owned()),
                _ => parent.count += 1,
            }
        }
    }
    let options = serde_saphyr::granit_parser::options! {
        flow_nesting_limit: MAX_DEPTH,
        block_nesting_limit: MAX_DEPTH + 1,
    };
    let mut open: Vec<Open<S>> = Vec::new();
    for event in Parser::new_from_str_with_options(without_bom(text), options) {
        let Ok((event, span)) = event else {
            return None;
        };
        let (scalar, mapping) = match &event {
            Event::Scalar(value, ..) => (value.as_ref(), None),
            Event::Alias(_) => ("", None),
            Event::SequenceStart(..) => ("", Some(false)),
            Event::MappingStart(..) => ("", Some(true)),
            Event::SequenceEnd | Event::MappingEnd => {
                open.pop();
                read(&mut open, "");
                continue;
            }
            _ => continue,
        };
        let parent = open.last();
        let place = match parent {
            None => Place::Root,
            Some(parent) => match (parent.mapping, &parent.key) {
                (false, _) => Place::Item(parent.count),
                (true, None) => Place::Key(parent.count),
                (true, Some(key)) => Place::Value(parent.count, key),
            },
        };
        let at = Location {
            line: span.start.line(),
            column: span.start.col() + 1,
        };
        let state = match visit(place, parent.map(|parent| &parent.state), &event, at) {
            Continue(state) => state,
            Break(result) => return Some(result),
        };
        match mapping {
            Some(mapping) => open.push(Open {
                state,
                mapping,
                count: 0,
                key: None,
            }),
            None => read(&mut open, scalar),
        }
    }
    None
}

/// Where each of `nodes` (paths from the document's root) starts in `text`,
/// in one walk that follows only the branches some path names and stops once
/// every path is found, so the cost is O(file) for any number of paths. A path
/// that names no node, or text that no longer parses, gives `None`. JSON is
/// located the same way: it is YAML too.
pub fn locate(text: &str, nodes: &[&[Step]]) -> Vec<Option<Location>> {
    // The paths merged into a tree: each node's children by step, and the
    // indices of the paths that end there.
    let mut tree: Vec<(HashMap<&Step, usize>, Vec<usize>)> = vec![Default::default()];
    let mut remaining = 0;
    for (index, path) in nodes
        .iter()
        .enumerate()
        .filter(|(_, path)| !path.is_empty())
    {
        let mut at = 0;
        for step in *path {
            let next = tree.len();
            at = *tree[at].0.entry(step).or_insert(next);
            if at == next {
                tree.push(Default::default());
            }
        }
        tree[at].1.push(index);
        remaining += 1;
    }
    let mut found = vec![None; nodes.len()];
    if remaining == 0 {
        return found;
    }
    // A collection's state: the tree nodes it matches.
    walk(text, |place, parents: Option<&Vec<usize>>, event, at| {
        let steps = match place {
            Place::Root => return Continue(vec![0]),
            _ if parents.is_none_or(Vec::is_empty) => return Continue(Vec::new()),
            Place::Item(index) => [Step::Item(index), Step::Item(index)],
            Place::Key(index) => {
                let key = match event {
                    Event::Scalar(key, ..) => key.to_string(),
                    _ => String::new(),
                };
                [Step::EntryKey(index), Step::Key(key)]
            }
            Place::Value(index, key) => [Step::EntryValue(index), Step::Value(key.to_owned())],
        };
        let mut matched = Vec::new();
        for &parent in parents.into_iter().flatten() {
            for step in &steps {
                if let Some(&node) = tree[parent].0.get(step)
                    && !matched.contains(&node)
                {
                    for &index in &tree[node].1 {
                        if found[index].is_none() {
                            found[index] = Some(at);
                            remaining -= 1;
                        }
                    }
                    matched.push(node);
                }
            }
        }
        if remaining == 0 {
            return Break(());
        }
        // A mapping's key is placed but not descended into.
        if matches!(place, Place::Key(_)) {
            matched.clear();
        }
        Continue(matched)
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn at(line: usize, column: usize) -> Option<Location> {
        Some(Location { line, column })
    }

    #[test]
    fn nodes_are_located_by_key_index_and_position() {
        let text = "a: 1\nlist:\n  - x\n  - {id: y, n: [p, q]}\nmap:\n  k: v\n  K: w\n";
        let (value, item) = (|key: &str| Step::Value(key.into()), Step::Item);
        let paths: Vec<Vec<Step>> = vec![
            vec![value("a")],
            vec![value("list"), item(1)],
            vec![value("list"), item(1), value("n"), item(1)],
            vec![value("map"), Step::Key("k".into())],
            vec![value("map"), Step::EntryValue(0)],
            vec![value("map"), Step::EntryKey(1)],
            vec![value("missing")],
            vec![],
        ];
        let refs: Vec<&[Step]> = paths.iter().map(Vec::as_slice).collect();
        let found = [
            at(1, 4),
            at(4, 5),
            at(4, 20),
            at(6, 3),
            at(6, 6),
            at(7, 3),
            None,
            None,
        ];
        assert_eq!(locate(text, &refs), found);
        // JSON is located as YAML.
        let text = "{\n  \"roles\": [\n    {\"id\": \"x\"},\n    {\"id\": \"y\"}\n  ]\n}\n";
        let path = [value("roles"), item(1), value("id")];
        assert_eq!(locate(text, &[&path]), [at(4, 12)]);
    }

    #[test]
    fn a_value_quoted_in_a_message_is_cut_and_escaped() {
        let long = format!("\"\\e{}\"", "x".repeat(500));
        let problem = parse::<Vec<u32>>(&format!("[{long}]")).expect_err("not a number");
        assert!(problem.message.len() < 200, "{problem:?}");
        assert!(!problem.message.contains('\u{1b}'), "{problem:?}");
    }

    #[test]
    fn yes_and_on_stay_words_and_a_byte_order_mark_at_the_start_is_ignored() {
        let value: Value = parse("a: yes\nb: on\nc: true\n").expect("parses");
        assert_eq!(value, json!({"a": "yes", "b": "on", "c": true}));
        for text in ["\u{feff}a: 1\n", "\u{feff}{\"a\": 1}"] {
            assert_eq!(parse::<Value>(text).expect("parses"), json!({"a": 1}));
        }
    }

    #[test]
    fn json_too_deep_tags_and_quoted_integers_are_refused_where_they_stand() {
        let [open, close] = ["[", "]"].map(|bracket| bracket.repeat(MAX_DEPTH));
        let deep = format!("{{\"a\": {open}1{close}}}");
        for (text, line, column, says) in [
            (&*deep, 1, 30, "nested more than"),
            ("schema_version: '1'\n", 1, 17, "quoted text `1`"),
            ("w:\n  weights: {cio: \"3\", cto: 1}\n", 2, 18, "`cio`"),
            ("seats: |\n  2\n", 2, 3, "`seats`"),
            (
                "aim: !!binary cHJvZHVjdA==\n",
                1,
                15,
                "`tag:yaml.org,2002:binary`",
            ),
            ("a: !!str 3\n", 1, 10, "tag"),
            ("a: !local {b: 1}\n", 1, 11, "`!local`"),
        ] {
            let problem = parse_kb::<Value>(text).expect_err(text);
            assert!(
                problem.message.contains(says),
                "{text:?}: {}",
                problem.message
            );
            assert_eq!(problem.location, at(line, column), "{text:?}");
        }
        let brackets_in_strings = format!("{{\"a\": \"{open}\"}}");
        assert!(parse::<Value>(&brackets_in_strings).is_ok());
        let text = "schema_version: 1\nweights: {cio: 3}\ntext: '3'\nid: \"12\"\n";
        assert_eq!(parse_kb::<Value>(text).expect("parses")["text"], "3");
        let any: Value =
            parse("schema_version: '1'\n").expect("only a knowledge base has integers");
        assert_eq!(any["schema_version"], "1");
    }
}
