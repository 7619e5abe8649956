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

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use serde::Serialize;
use serde_saphyr::{DuplicateKeyPolicy, Error, MergeKeyPolicy};

use super::problem::{Location, Problem, Step, place_of};
use super::text::{one_line, shown};

/// Deepest nesting of sequences and mappings accepted. The knowledge base
/// itself nests 8 deep (a citation in a fact in a section in a role).
pub const MAX_DEPTH: usize = 24;
/// Most nodes (scalars, sequences, mappings) in one document: over 1.5 times
/// what a knowledge base like the embedded one holds at the 8 MiB size cap
/// (about 480,000: 17.6 bytes a node). It bounds the worst case, a mapping of
/// tiny entries, which the parser reads at about 2 µs and 150 bytes an entry.
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

/// [`parse`] with a smaller node budget, for files that are small by nature
/// (an answers file): the parser spends about 2 µs and 150 bytes on each entry
/// of a mapping, so a smaller cap keeps a mapping of a million keys cheap to
/// refuse. An answers file's values are words or numbers alike, so only its
/// tags are refused, not quoted numbers.
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
    if is_json(text) {
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
/// into text, `!!str` turns a number into text), and quoted text (`'3'`) where
/// an integer is expected (the values of `integer_keys`, and of `weights` when
/// there are any). Run once the file has parsed within its budgets, so this
/// pass over the parser's events needs none of its own.
fn typed_as_json(text: &str, integer_keys: &[&str]) -> Result<(), Problem> {
    use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle};

    /// An open collection: a mapping's last key and whether a key comes next;
    /// whether it is the value of a `weights` key.
    struct Open {
        mapping: bool,
        key_next: bool,
        key: String,
        weights: bool,
    }
    let mut open: Vec<Open> = Vec::new();
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else {
            return Ok(());
        };
        let at = Some(Location {
            line: span.start.line(),
            column: span.start.col() + 1,
        });
        let (tag, scalar, opens) = match &event {
            Event::Scalar(value, style, _, tag) => (tag, Some((value, *style)), None),
            Event::SequenceStart(_, _, tag) => (tag, None, Some(false)),
            Event::MappingStart(_, _, tag) => (tag, None, Some(true)),
            Event::SequenceEnd | Event::MappingEnd => {
                open.pop();
                continue;
            }
            _ => continue,
        };
        if let Some(tag) = tag {
            let tag = tag.to_string();
            return Err(Problem::located(
                at,
                format!(
                    "the YAML tag `{}` is not accepted; write the value itself, untagged",
                    shown(&tag)
                ),
            ));
        }
        let parent = open.last_mut();
        let mut weights = false;
        match parent {
            Some(parent) if parent.mapping && parent.key_next => {
                parent.key_next = false;
                parent.key = scalar.map_or_else(String::new, |(key, _)| key.to_string());
            }
            Some(parent) => {
                parent.key_next = parent.mapping;
                let integer = parent.mapping
                    && integer_keys
                        .iter()
                        .any(|key| *key == parent.key || parent.weights);
                if let Some((value, style)) = scalar
                    && integer
                    && style != ScalarStyle::Plain
                {
                    return Err(Problem::located(
                        at,
                        format!(
                            "expected an integer for `{}`, found the quoted text `{}`; write the number without quotes",
                            shown(&parent.key),
                            shown(value)
                        ),
                    ));
                }
                weights = parent.mapping && parent.key == "weights";
            }
            None => {}
        }
        if let Some(mapping) = opens {
            open.push(Open {
                mapping,
                key_next: true,
                key: String::new(),
                weights,
            });
        }
    }
    Ok(())
}

fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn is_json(text: &str) -> bool {
    text.trim_start().starts_with('{')
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
        Error::DuplicateMappingKey { key: Some(key), .. } => {
            format!("duplicate key `{}`; give each key once", shown(key))
        }
        Error::DuplicateMappingKey { key: None, .. } => {
            "duplicate key; give each key once".to_owned()
        }
        Error::MergeKeyNotAllowed { .. } => {
            "merge keys (`<<`) are not accepted; write the entries out in full".to_owned()
        }
        Error::InvalidScalar { ty, .. } => format!("expected {} here", scalar_kind(ty)),
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
        Error::Unexpected { expected, .. } => format!("expected {} here", node_kind(expected)),
        Error::SerdeUnknownField {
            field, expected, ..
        } => format!(
            "unknown field `{}`; expected {}",
            shown(field),
            match expected.as_slice() {
                [] => "no fields here".to_owned(),
                [one] => format!("`{one}`"),
                many => format!(
                    "one of {}",
                    many.iter()
                        .map(|name| format!("`{name}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        ),
        other => {
            use serde_saphyr::MessageFormatter as _;
            let message = serde_saphyr::UserMessageFormatter.format_message(other);
            if message.contains("recursion limit exceeded") {
                too_deep()
            } else {
                // The library's message may quote the file; keep it to one short line.
                cut(&one_line(&message), 300)
            }
        }
    };
    Problem::located(location, message)
}

/// A Rust scalar type as the file's author knows it.
fn scalar_kind(ty: &str) -> &str {
    match ty {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number, 0 or more",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "bool" => "`true` or `false`",
        other => other,
    }
}

/// A parser event the deserialiser wanted, as the file's author knows it.
fn node_kind(expected: &str) -> &str {
    match expected {
        "mapping start" => "a mapping (`key: value` entries)",
        "sequence start" => "a list",
        "string scalar" | "scalar" => "a single value",
        other => other,
    }
}

/// The error itself, without the wrappers that add a snippet or an alias's place.
fn innermost(error: &Error) -> &Error {
    match error {
        Error::WithSnippet { error, .. } | Error::AliasError { error, .. } => innermost(error),
        other => other,
    }
}

fn budget_message(breach: &serde_saphyr::budget::BudgetBreach, max_nodes: usize) -> String {
    use serde_saphyr::budget::BudgetBreach as Breach;
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
        Breach::MergeKeys { .. } => {
            "merge keys (`<<`) are not accepted; write the entries out in full".to_owned()
        }
        other => format!("is beyond a parser limit ({other:?}); simplify the file"),
    }
}

fn too_deep() -> String {
    format!("nested more than {MAX_DEPTH} levels deep; nest less deeply")
}

fn too_many_nodes(max_nodes: usize) -> String {
    format!("has more than {max_nodes} values, lists and mappings; split the file or trim it")
}

/// `text` cut to `chars` characters, with `…` when cut.
fn cut(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// Refuses JSON nested deeper than [`MAX_DEPTH`] or with more than
/// `max_nodes` nodes, before serde_json reads it. Strings are JSON's only
/// quoting (`"` with `\` escapes), so counting brackets, colons and commas
/// outside them is exact.
fn json_within_caps(text: &str, max_nodes: usize) -> Result<(), Problem> {
    let mut depth = 0usize;
    let mut nodes = 1usize;
    let mut in_string = false;
    let mut escaped = false;
    for (offset, byte) in text.bytes().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                nodes += 1;
                if depth > MAX_DEPTH {
                    return Err(Problem::located(
                        Some(place_of(text.as_bytes(), offset)),
                        too_deep(),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' | b':' => nodes += 1,
            _ => {}
        }
        if nodes > max_nodes {
            return Err(Problem::located(
                Some(place_of(text.as_bytes(), offset)),
                too_many_nodes(max_nodes),
            ));
        }
    }
    Ok(())
}

fn json_problem(error: &serde_json::Error) -> Problem {
    let message = error.to_string();
    // serde_json states the position in words (`… at line 6 column 5`); we print
    // it as `line:column`.
    let message = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => &message,
    };
    let message = if message.contains("recursion limit exceeded") {
        too_deep()
    } else {
        cut(&one_line(message), 300)
    };
    let location = (error.line() > 0).then(|| Location {
        line: error.line(),
        column: error.column(),
    });
    Problem::located(location, message)
}

/// Writes a value as a YAML document.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    let options = serde_saphyr::ser_options! {
        // Long text stays on one line rather than folding, so every string
        // reads back exactly as written.
        prefer_block_scalars: false,
        // Quote every string a YAML 1.1 reader (PyYAML, Ruby, most CI tools)
        // would read as a boolean (`yes`, `No`, `on`, `y`), a null (`~`), a
        // number (`0o17`, `1_000`, `.5`, `1:30`) or a timestamp (`2023-06-16`),
        // so every reader gets the JSON output's data (tests/cli/yaml11.rs).
        // This is the crate's default; it is named so that it stays.
        yaml_12: false,
    };
    serde_saphyr::to_string_with_options(&value, options).map_err(|error| error.to_string())
}

// --- locating nodes ----------------------------------------------------------

/// Where each of `nodes` (paths from the document's root) starts in `text`:
/// one more pass over the parser's events (without deserialising: about a
/// third of the cost of a parse), following only the branches some path
/// names, so the cost is O(file) for any number of paths, and it stops once
/// every path is found. A path that names no node, or text that no longer
/// parses, gives `None`. JSON is located the same way: it is YAML too.
///
/// Only text that has already parsed within the budgets is located, so the
/// pass needs no budgets of its own beyond the parser's nesting limits.
pub fn locate(text: &str, nodes: &[&[Step]]) -> Vec<Option<Location>> {
    use serde_saphyr::granit_parser::{Event, Parser};

    let mut found = vec![None; nodes.len()];
    let mut tree = Tree::default();
    let mut remaining = 0;
    for (index, path) in nodes.iter().enumerate() {
        if !path.is_empty() {
            tree.insert(path, index);
            remaining += 1;
        }
    }
    if remaining == 0 {
        return found;
    }
    let options = serde_saphyr::granit_parser::options! {
        flow_nesting_limit: MAX_DEPTH,
        block_nesting_limit: MAX_DEPTH + 1,
    };
    let mut frames: Vec<Frame> = Vec::new();
    for event in Parser::new_from_str_with_options(without_bom(text), options) {
        let Ok((event, span)) = event else {
            break;
        };
        let at = Location {
            line: span.start.line(),
            column: span.start.col() + 1,
        };
        let (scalar, opens) = match &event {
            Event::Scalar(value, ..) => (Some(value.as_ref()), None),
            Event::Alias(_) => (Some(""), None),
            Event::SequenceStart(..) => (None, Some(false)),
            Event::MappingStart(..) => (None, Some(true)),
            Event::SequenceEnd | Event::MappingEnd => {
                frames.pop();
                node_done(&mut frames);
                continue;
            }
            _ => continue,
        };
        let node = tree.node_at(&mut frames, scalar, at, &mut found, &mut remaining);
        if let Some(node) = node {
            tree.record(node, at, &mut found, &mut remaining);
        }
        if remaining == 0 {
            break;
        }
        match opens {
            Some(mapping) => frames.push(Frame {
                node: node.filter(|&node| tree.nodes[node].has_children()),
                mapping,
                count: 0,
                key_next: true,
                value_node: None,
                seen: HashSet::new(),
            }),
            None => node_done(&mut frames),
        }
    }
    found
}

/// An open sequence or mapping during [`locate`].
struct Frame {
    /// The tree node it matches, if any path goes through it.
    node: Option<usize>,
    mapping: bool,
    /// Items (or entries) read so far.
    count: usize,
    /// In a mapping: whether the next node is a key.
    key_next: bool,
    /// In a mapping: the tree node of the value after the key just read.
    value_node: Option<usize>,
    /// In a mapping: keys named by a path and seen (a step by key means the
    /// first entry with that key).
    seen: HashSet<String>,
}

/// Moves the enclosing collection past a node just read.
fn node_done(frames: &mut [Frame]) {
    if let Some(frame) = frames.last_mut() {
        if !frame.mapping {
            frame.count += 1;
        } else if frame.key_next {
            frame.key_next = false;
        } else {
            frame.key_next = true;
            frame.count += 1;
        }
    }
}

/// The paths to locate, merged into a tree.
#[derive(Default)]
struct Tree {
    nodes: Vec<TreeNode>,
}

#[derive(Default)]
struct TreeNode {
    values: HashMap<String, usize>,
    keys: HashMap<String, usize>,
    items: HashMap<usize, usize>,
    entry_keys: HashMap<usize, usize>,
    entry_values: HashMap<usize, usize>,
    /// The indices of the paths that end here.
    targets: Vec<usize>,
}

impl TreeNode {
    fn has_children(&self) -> bool {
        !(self.values.is_empty()
            && self.keys.is_empty()
            && self.items.is_empty()
            && self.entry_keys.is_empty()
            && self.entry_values.is_empty())
    }
}

impl Tree {
    fn insert(&mut self, path: &[Step], target: usize) {
        if self.nodes.is_empty() {
            self.nodes.push(TreeNode::default());
        }
        let mut at = 0;
        for step in path {
            let next = self.nodes.len();
            let node = &mut self.nodes[at];
            at = *match step {
                Step::Value(key) => node.values.entry(key.clone()).or_insert(next),
                Step::Key(key) => node.keys.entry(key.clone()).or_insert(next),
                Step::Item(index) => node.items.entry(*index).or_insert(next),
                Step::EntryKey(index) => node.entry_keys.entry(*index).or_insert(next),
                Step::EntryValue(index) => node.entry_values.entry(*index).or_insert(next),
            };
            if at == next {
                self.nodes.push(TreeNode::default());
            }
        }
        self.nodes[at].targets.push(target);
    }

    /// The tree node of a node starting now, given the collections it is in;
    /// a mapping key is not descended into, but places the paths to it.
    fn node_at(
        &self,
        frames: &mut [Frame],
        scalar: Option<&str>,
        at: Location,
        found: &mut [Option<Location>],
        remaining: &mut usize,
    ) -> Option<usize> {
        let Some(frame) = frames.last_mut() else {
            return Some(0);
        };
        let parent = &self.nodes[frame.node?];
        if !frame.mapping {
            return parent.items.get(&frame.count).copied();
        }
        if !frame.key_next {
            return frame.value_node.take();
        }
        let by_position = parent.entry_keys.get(&frame.count).copied();
        let mut by_key = None;
        let mut value_by_key = None;
        if let Some(key) = scalar {
            let named = parent.keys.get(key).or(parent.values.get(key)).is_some();
            if named && frame.seen.insert(key.to_owned()) {
                by_key = parent.keys.get(key).copied();
                value_by_key = parent.values.get(key).copied();
            }
        }
        for node in [by_position, by_key].into_iter().flatten() {
            self.record(node, at, found, remaining);
        }
        frame.value_node = parent
            .entry_values
            .get(&frame.count)
            .copied()
            .or(value_by_key);
        None
    }

    /// Places every path ending at tree node `node` at `at`.
    fn record(
        &self,
        node: usize,
        at: Location,
        found: &mut [Option<Location>],
        remaining: &mut usize,
    ) {
        for &target in &self.nodes[node].targets {
            if found[target].is_none() {
                found[target] = Some(at);
                *remaining -= 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Option<Location> {
        Some(Location { line, column })
    }

    #[test]
    fn nodes_are_located_by_key_index_and_position() {
        let text = "a: 1\nlist:\n  - x\n  - {id: y, n: [p, q]}\nmap:\n  k: v\n";
        let paths: Vec<Vec<Step>> = vec![
            vec![Step::Value("a".into())],
            vec![Step::Value("list".into()), Step::Item(1)],
            vec![
                Step::Value("list".into()),
                Step::Item(1),
                Step::Value("n".into()),
                Step::Item(1),
            ],
            vec![Step::Value("map".into()), Step::Key("k".into())],
            vec![Step::Value("map".into()), Step::EntryValue(0)],
            vec![Step::Value("missing".into())],
            vec![],
        ];
        let refs: Vec<&[Step]> = paths.iter().map(Vec::as_slice).collect();
        assert_eq!(
            locate(text, &refs),
            [
                at(1, 4),
                at(4, 5),
                at(4, 20),
                at(6, 3),
                at(6, 6),
                None,
                None
            ]
        );
    }

    #[test]
    fn json_is_located_as_yaml() {
        let text = "{\n  \"roles\": [\n    {\"id\": \"x\"},\n    {\"id\": \"y\"}\n  ]\n}\n";
        let path = [
            Step::Value("roles".into()),
            Step::Item(1),
            Step::Value("id".into()),
        ];
        assert_eq!(locate(text, &[&path]), [at(4, 12)]);
    }

    #[test]
    fn the_second_of_two_equal_keys_is_found_by_position() {
        let text = "aim: product\nAim: process\naim: both\n";
        let paths = [vec![Step::EntryKey(2)], vec![Step::Key("aim".into())]];
        let refs: Vec<&[Step]> = paths.iter().map(Vec::as_slice).collect();
        assert_eq!(locate(text, &refs), [at(3, 1), at(1, 1)]);
    }

    #[test]
    fn json_deeper_than_the_cap_is_refused() {
        let deep = format!(
            "{{\"a\": {}1{}}}",
            "[".repeat(MAX_DEPTH),
            "]".repeat(MAX_DEPTH)
        );
        let problem = parse::<serde_json::Value>(&deep).expect_err("too deep");
        assert!(problem.message.contains("nested more than"), "{problem:?}");
        assert_eq!(problem.location, at(1, 30));
        let brackets_in_strings = format!("{{\"a\": \"{}\"}}", "[".repeat(1000));
        assert!(parse::<serde_json::Value>(&brackets_in_strings).is_ok());
    }

    #[test]
    fn a_value_quoted_in_a_message_is_cut_and_escaped() {
        let long = format!("\"\\e{}\"", "x".repeat(500));
        let problem = parse::<Vec<u32>>(&format!("[{long}]")).expect_err("not a number");
        assert!(problem.message.len() < 200, "{problem:?}");
        assert!(!problem.message.contains('\u{1b}'), "{problem:?}");
    }

    #[test]
    fn yes_and_on_stay_words() {
        let value: serde_json::Value = parse("a: yes\nb: on\nc: true\n").expect("parses");
        assert_eq!(value, serde_json::json!({"a": "yes", "b": "on", "c": true}));
    }

    #[test]
    fn a_byte_order_mark_at_the_start_is_ignored() {
        let value: serde_json::Value = parse("\u{feff}a: 1\n").expect("parses");
        assert_eq!(value, serde_json::json!({"a": 1}));
        let json: serde_json::Value = parse("\u{feff}{\"a\": 1}").expect("parses");
        assert_eq!(json, serde_json::json!({"a": 1}));
    }

    #[test]
    fn tags_and_quoted_integers_are_refused_where_json_would_refuse_them() {
        for (text, line, column, says) in [
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
            let problem = parse_kb::<serde_json::Value>(text).expect_err(text);
            let shown = problem.message.clone();
            assert!(shown.contains(says), "{text:?}: {shown}");
            assert_eq!(
                problem.location,
                Some(Location { line, column }),
                "{text:?}"
            );
        }
        let value: serde_json::Value =
            parse_kb("schema_version: 1\nweights: {cio: 3}\ntext: '3'\nid: \"12\"\n")
                .expect("parses");
        assert_eq!(value["text"], "3");
        let any: serde_json::Value = parse("schema_version: '1'\n").expect("parses");
        assert_eq!(
            any["schema_version"], "1",
            "only a knowledge base has integers"
        );
    }
}
