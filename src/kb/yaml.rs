//! The one place that names the YAML library (serde-saphyr): parsing a
//! knowledge-base or answers file into a model, within budgets; finding where
//! nodes of the document start, for problems found after parsing; and writing
//! any serialisable value as YAML. Swapping the YAML crate means changing this
//! file only.
//!
//! # Budgets
//!
//! serde-saphyr streams parser events into the deserialiser and counts them as
//! it goes, so hostile input ends at the first node over a limit, with its
//! place, before it costs time or memory:
//!
//! - anchors and aliases are refused (a budget of 0 each): the "billion laughs"
//!   needs an alias, and no real knowledge base needs one. The parser reads the
//!   names, so no spelling of a name (`&x?`, `&x:`, a BOM before `*x`) can hide one;
//! - nesting, block or flow, tagged or not, is capped at [`MAX_DEPTH`] levels;
//! - a document holds at most [`MAX_NODES`] nodes (scalars, sequences, mappings)
//!   and [`MAX_TEXT_BYTES`] bytes of scalar text;
//! - one document per file; a repeated key, a merge key (`<<`) or an unknown
//!   tag is an error;
//! - booleans are YAML 1.2's `true` and `false` only, so `on`, `off`, `yes`
//!   and `no` stay the words written.
//!
//! A document that starts with `{` is JSON (as `roles kb dump --format json`
//! writes) and is read by serde_json, exact about JSON's own escapes; it gets the
//! same depth and node caps from a count of its brackets and commas, which is
//! exact for JSON because strings are its only quoting.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Serialize;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{DuplicateKeyPolicy, Error, MergeKeyPolicy, Spanned};

use super::problem::{Location, Problem, Step};
use super::text::{one_line, shown};

/// Deepest nesting of sequences and mappings accepted. The knowledge base
/// itself nests 8 deep (a citation in a fact in a section in a role).
pub const MAX_DEPTH: usize = 24;
/// Most nodes (scalars, sequences, mappings) in one document: over twice what a
/// valid knowledge base at the 8 MiB size cap holds (about 450,000).
pub const MAX_NODES: usize = 1_000_000;
/// Most bytes of scalar text in one document: the size cap, as without aliases
/// text cannot outgrow its file.
pub const MAX_TEXT_BYTES: usize = 8 * 1024 * 1024;

/// The parser's options: the budgets above (with at most `max_nodes` nodes)
/// and the strict readings.
fn options(duplicate_keys: DuplicateKeyPolicy, max_nodes: usize) -> serde_saphyr::Options {
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
        duplicate_keys: duplicate_keys,
        merge_keys: MergeKeyPolicy::Error,
        strict_booleans: true,
        reject_unsupported_tags: true,
        with_snippet: false,
    }
}

/// Parses YAML (or JSON) text into `T`, turning the parser's error into a
/// located [`Problem`]. A byte-order mark at the very start is ignored.
pub fn parse<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, Problem> {
    parse_within(text, MAX_NODES)
}

/// [`parse`] with a smaller node budget, for files that are small by nature
/// (an answers file): the parser spends about 2 µs and 150 bytes on each entry
/// of a mapping, so a smaller cap keeps a mapping of a million keys cheap to refuse.
pub fn parse_within<'de, T: Deserialize<'de>>(
    text: &'de str,
    max_nodes: usize,
) -> Result<T, Problem> {
    let max_nodes = max_nodes.min(MAX_NODES);
    let text = without_bom(text);
    if is_json(text) {
        json_within_caps(text, max_nodes)?;
        return serde_json::from_str(text).map_err(|error| json_problem(&error));
    }
    serde_saphyr::from_str_with_options(text, options(DuplicateKeyPolicy::Error, max_nodes))
        .map_err(|error| problem_from(&error, max_nodes))
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
                        Some(location_of(text, offset)),
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
                Some(location_of(text, offset)),
                too_many_nodes(max_nodes),
            ));
        }
    }
    Ok(())
}

/// The line and column (in characters) of a byte offset.
fn location_of(text: &str, offset: usize) -> Location {
    let before = &text.as_bytes()[..offset];
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
    };
    serde_saphyr::to_string_with_options(&value, options).map_err(|error| error.to_string())
}

// --- locating nodes ----------------------------------------------------------

/// Where each of `nodes` (paths from the document's root) starts in `text`:
/// one more parse of the text, which descends only into the branches some
/// path names and skips the rest, so the cost is O(file) for any number of
/// paths. A path that names no node, or text that no longer parses, gives
/// `None`. JSON is located the same way: it is YAML too.
pub fn locate(text: &str, nodes: &[&[Step]]) -> Vec<Option<Location>> {
    let text = without_bom(text);
    let mut tree = Tree {
        nodes: vec![TreeNode::default()],
    };
    let mut wanted = 0;
    for (index, path) in nodes.iter().enumerate() {
        if !path.is_empty() {
            tree.insert(path, index);
            wanted += 1;
        }
    }
    let walk = Walk {
        tree,
        at: 0,
        found: vec![None; nodes.len()],
        remaining: wanted,
    };
    if wanted > 0 {
        WALK.with(|cell| *cell.borrow_mut() = Some(walk));
        // Repeated keys were refused when the file was parsed for real; a
        // located problem may still be about one (an answers file's keys that
        // differ in case), so let them through here.
        let _ = serde_saphyr::from_str_with_options::<Probe>(
            text,
            options(DuplicateKeyPolicy::PassThrough, MAX_NODES),
        );
        WALK.with(|cell| cell.borrow_mut().take())
            .map(|walk| walk.found)
            .unwrap_or_else(|| vec![None; nodes.len()])
    } else {
        walk.found
    }
}

/// The paths to locate, merged into a tree.
struct Tree {
    nodes: Vec<TreeNode>,
}

#[derive(Default)]
struct TreeNode {
    children: HashMap<Step, usize>,
    /// The indices of the paths that end here.
    targets: Vec<usize>,
}

impl Tree {
    fn insert(&mut self, path: &[Step], target: usize) {
        let mut at = 0;
        for step in path {
            at = match self.nodes[at].children.get(step) {
                Some(&child) => child,
                None => {
                    let child = self.nodes.len();
                    self.nodes.push(TreeNode::default());
                    self.nodes[at].children.insert(step.clone(), child);
                    child
                }
            };
        }
        self.nodes[at].targets.push(target);
    }
}

/// The state of a locating parse. serde-saphyr gives a node's place through
/// its `Spanned<T>` wrapper, which takes a type rather than a seed, so the
/// probe finds the tree through this thread-local instead.
struct Walk {
    tree: Tree,
    /// The tree node matching the document node being read.
    at: usize,
    found: Vec<Option<Location>>,
    remaining: usize,
}

thread_local! {
    static WALK: RefCell<Option<Walk>> = const { RefCell::new(None) };
}

/// Stops the locating parse once every node is found.
const ALL_FOUND: &str = "all nodes located";

fn with_walk<R>(f: impl FnOnce(&mut Walk) -> R) -> Option<R> {
    WALK.with(|cell| cell.borrow_mut().as_mut().map(f))
}

/// The tree node at `step` from the current one, if a path goes there.
fn child(step: &Step) -> Option<usize> {
    with_walk(|walk| walk.tree.nodes[walk.at].children.get(step).copied()).flatten()
}

fn set_at(node: usize) {
    with_walk(|walk| walk.at = node);
}

fn current() -> usize {
    with_walk(|walk| walk.at).unwrap_or(0)
}

/// Records `location` for every path ending at tree node `node`; false once
/// every path is found.
fn record(node: usize, location: serde_saphyr::Location) -> bool {
    with_walk(|walk| {
        if location.line() > 0 {
            let at = Location {
                line: usize::try_from(location.line()).unwrap_or(usize::MAX),
                column: usize::try_from(location.column()).unwrap_or(usize::MAX),
            };
            for &target in &walk.tree.nodes[node].targets {
                if walk.found[target].is_none() {
                    walk.found[target] = Some(at);
                    walk.remaining -= 1;
                }
            }
        }
        walk.remaining > 0
    })
    .unwrap_or(false)
}

/// Any node, read only to find the nodes inside it that a path names.
struct Probe;

impl<'de> Deserialize<'de> for Probe {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ProbeVisitor)
    }
}

struct ProbeVisitor;

/// Reads a node with `read` as tree node `node`, recording where it starts;
/// an error stops the parse, found or not.
fn descend<E: de::Error>(
    node: usize,
    read: impl FnOnce() -> Result<Option<Spanned<Probe>>, E>,
) -> Result<bool, E> {
    let parent = current();
    set_at(node);
    let read = read();
    set_at(parent);
    match read? {
        None => Ok(false),
        Some(spanned) if record(node, spanned.referenced) => Ok(true),
        Some(_) => Err(E::custom(ALL_FOUND)),
    }
}

impl<'de> Visitor<'de> for ProbeVisitor {
    type Value = Probe;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML node")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Probe, A::Error> {
        let mut seen_keys: HashSet<String> = HashSet::new();
        let mut position = 0;
        while let Some(key) = map.next_key::<Spanned<KeyText>>()? {
            let text = key.value.0;
            // A step by key means the first entry with that key.
            let first = seen_keys.insert(text.clone());
            let key_nodes = [
                child(&Step::EntryKey(position)),
                first.then(|| child(&Step::Key(text.clone()))).flatten(),
            ];
            for node in key_nodes.into_iter().flatten() {
                if !record(node, key.referenced) {
                    return Err(de::Error::custom(ALL_FOUND));
                }
            }
            let value_node = child(&Step::EntryValue(position))
                .or_else(|| first.then(|| child(&Step::Value(text))).flatten());
            match value_node {
                Some(node) => {
                    descend(node, || map.next_value::<Spanned<Probe>>().map(Some))?;
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            position += 1;
        }
        Ok(Probe)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Probe, A::Error> {
        for index in 0.. {
            let more = match child(&Step::Item(index)) {
                Some(node) => descend(node, || seq.next_element::<Spanned<Probe>>())?,
                None => seq.next_element::<IgnoredAny>()?.is_some(),
            };
            if !more {
                break;
            }
        }
        Ok(Probe)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Probe, E> {
        Ok(Probe)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Probe, E> {
        Ok(Probe)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Probe, E> {
        Ok(Probe)
    }

    fn visit_i128<E: de::Error>(self, _: i128) -> Result<Probe, E> {
        Ok(Probe)
    }

    fn visit_u128<E: de::Error>(self, _: u128) -> Result<Probe, E> {
        Ok(Probe)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Probe, E> {
        Ok(Probe)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Probe, E> {
        Ok(Probe)
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Probe, E> {
        Ok(Probe)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Probe, E> {
        Ok(Probe)
    }

    fn visit_none<E: de::Error>(self) -> Result<Probe, E> {
        Ok(Probe)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Probe, D::Error> {
        deserializer.deserialize_any(ProbeVisitor)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Probe, D::Error> {
        deserializer.deserialize_any(ProbeVisitor)
    }
}

/// A mapping key as text, whatever scalar it is written as.
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = KeyText;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping key")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<KeyText, E> {
                Ok(KeyText(text.to_owned()))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<KeyText, E> {
                Ok(KeyText(text))
            }

            fn visit_bool<E: de::Error>(self, value: bool) -> Result<KeyText, E> {
                Ok(KeyText(value.to_string()))
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<KeyText, E> {
                Ok(KeyText(value.to_string()))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<KeyText, E> {
                Ok(KeyText(value.to_string()))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<KeyText, E> {
                Ok(KeyText(value.to_string()))
            }

            fn visit_unit<E: de::Error>(self) -> Result<KeyText, E> {
                Ok(KeyText(String::new()))
            }

            fn visit_none<E: de::Error>(self) -> Result<KeyText, E> {
                Ok(KeyText(String::new()))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<KeyText, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(KeyText(String::new()))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyText, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(KeyText(String::new()))
            }
        }

        deserializer.deserialize_any(KeyVisitor)
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
    fn an_alias_is_refused_at_its_anchor() {
        let problem = parse::<serde_json::Value>("a: &x [1]\nb: *x\n").expect_err("refused");
        assert!(problem.message.contains("aliases"), "{problem:?}");
        assert_eq!(problem.location.map(|at| at.line), Some(1));
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
}
