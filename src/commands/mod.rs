//! The commands, one module each. A module owns its command end to end: it builds
//! a view from the knowledge base (the view's serde serialisation is the JSON and
//! YAML contract documented in the README, so field names are stable), and draws
//! that view as a table and as Markdown ([`crate::render::View`]).
//!
//! This file holds what several views share: how they refer to roles and cited
//! facts, and every fact with its place, for search and the source counts.

pub mod advise;
pub mod career;
pub mod compare;
pub mod completions;
pub mod disputes;
pub mod jd;
pub mod kb;
pub mod man;
pub mod schema;
pub mod search;
pub mod show;
pub mod sources;
pub mod split;
pub mod topics;

use schemars::JsonSchema;
use serde::Serialize;

use crate::error::{BadInput, tick_list, unknown_name};
use crate::kb::{Dimension, Fact, Role, Section, Text, Topic};
use crate::library::Library;
pub use crate::library::RoleRef;

/// Version of the JSON/YAML output shapes; bumped only on a breaking change.
pub const SCHEMA_VERSION: u32 = 1;

/// A statement with the sources behind it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Cited {
    /// The statement.
    pub text: Text,
    /// Ids of the sources that support it.
    pub sources: Vec<Text>,
}

impl From<&Fact> for Cited {
    fn from(fact: &Fact) -> Self {
        Cited {
            text: fact.text.clone(),
            sources: fact.sources.clone(),
        }
    }
}

/// Finds an entry by id, case-insensitively; an unknown id is bad input that lists
/// the known ids and suggests the closest. `kind` names the entry in the message.
pub fn find_by_id<'a, T>(
    entries: &'a [T],
    kind: &str,
    id: &str,
    id_of: impl Fn(&T) -> &str,
) -> anyhow::Result<&'a T> {
    let wanted = id.trim().to_lowercase();
    entries
        .iter()
        .find(|entry| id_of(entry) == wanted)
        .ok_or_else(|| unknown_name(kind, id, entries.iter().map(&id_of)))
}

/// Picks the entries a list flag names (`--only a,b`, `--section a --section b`),
/// in the order given, each by its id or its label, case-insensitively. An empty
/// item, an unknown one (with the closest id suggested, by id or label) and an
/// entry named twice are bad input. `kind` names an entry and `flag` the flag in
/// messages.
pub fn pick_named<'a, T>(
    entries: &'a [T],
    kind: &str,
    flag: &str,
    wanted: &[String],
    id_of: impl Fn(&T) -> &str,
    label_of: impl Fn(&T) -> &str,
) -> anyhow::Result<Vec<&'a T>> {
    let mut picked: Vec<&T> = Vec::with_capacity(wanted.len());
    for item in wanted {
        let key = item.trim().to_lowercase();
        if key.is_empty() {
            return Err(BadInput::err(format!(
                "`{flag}` has an empty item; name each {kind}, separated by commas, e.g. `{flag} {}`",
                entries.first().map_or("ID", &id_of)
            )));
        }
        let found = entries
            .iter()
            .find(|entry| id_of(entry) == key || label_of(entry).to_lowercase() == key)
            .ok_or_else(|| unknown_label(entries, kind, item, &id_of, &label_of))?;
        if picked.iter().any(|earlier| id_of(earlier) == id_of(found)) {
            return Err(BadInput::err(format!(
                "{kind} `{}` is named twice in `{flag}`; name each {kind} once",
                id_of(found)
            )));
        }
        picked.push(found);
    }
    Ok(picked)
}

/// The error for a name that is neither an id nor a label of `entries`: the
/// known ids, and the id whose id or label is closest to `given`.
fn unknown_label<T>(
    entries: &[T],
    kind: &str,
    given: &str,
    id_of: impl Fn(&T) -> &str,
    label_of: impl Fn(&T) -> &str,
) -> anyhow::Error {
    let given_lower = given.trim().to_lowercase();
    let closest = entries
        .iter()
        .map(|entry| {
            let by_id = strsim::jaro_winkler(&given_lower, id_of(entry));
            let by_label = strsim::jaro_winkler(&given_lower, &label_of(entry).to_lowercase());
            (by_id.max(by_label), id_of(entry))
        })
        .filter(|(similarity, _)| *similarity > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id);
    let mut message = format!(
        "unknown {kind} `{}`; expected one of: {} (or their names)",
        crate::error::shown(given),
        tick_list(entries.iter().map(&id_of))
    );
    if let Some(id) = closest {
        message.push_str(&format!("\n\ndid you mean `{id}`?"));
    }
    BadInput::err(message)
}

/// Finds a role's whole profile by id; see [`find_by_id`].
pub fn find_role<'a>(library: &'a Library, id: &str) -> anyhow::Result<&'a Role> {
    find_by_id(library.roles(), "role", id, |role| &role.id)
}

/// A fact together with where it stands in the knowledge base.
#[derive(Debug, Clone)]
pub struct FactRef<'a> {
    /// The roles it concerns (empty when it concerns none in particular).
    pub roles: &'a [Text],
    /// Where it stands.
    pub place: Place<'a>,
    /// The fact.
    pub fact: &'a Fact,
}

/// Where a fact stands.
#[derive(Debug, Clone, Copy)]
pub enum Place<'a> {
    /// A role's one-line summary.
    Summary,
    /// A section of a role's profile.
    Section(&'a Section),
    /// A value of a comparison dimension.
    Dimension(&'a Dimension),
    /// A cross-role topic.
    Topic(&'a Topic),
}

impl Place<'_> {
    /// An id for the place: a section id, `summary`, `dimension/ID` or `topic/ID`.
    pub fn id(&self) -> Text {
        match self {
            Place::Summary => "summary".into(),
            Place::Section(section) => section.id.clone(),
            Place::Dimension(dimension) => format!("dimension/{}", dimension.id),
            Place::Topic(topic) => format!("topic/{}", topic.id),
        }
    }

    /// A heading for the place.
    pub fn title(&self) -> Text {
        match self {
            Place::Summary => "Summary".into(),
            Place::Section(section) => section.title.clone(),
            Place::Dimension(dimension) => dimension.name.clone(),
            Place::Topic(topic) => topic.title.clone(),
        }
    }
}

/// Every fact in the knowledge base, in file order: role summaries and sections,
/// dimension values, then topics.
pub fn every_fact(library: &Library) -> Vec<FactRef<'_>> {
    let mut facts = Vec::new();
    for role in library.roles() {
        facts.push(FactRef {
            roles: std::slice::from_ref(&role.id),
            place: Place::Summary,
            fact: &role.summary,
        });
        for section in &role.sections {
            facts.extend(section.facts.iter().map(|fact| FactRef {
                roles: std::slice::from_ref(&role.id),
                place: Place::Section(section),
                fact,
            }));
        }
    }
    for dimension in library.dimensions() {
        facts.extend(dimension.values.iter().map(|(role, fact)| FactRef {
            roles: std::slice::from_ref(role),
            place: Place::Dimension(dimension),
            fact,
        }));
    }
    for topic in library.topics() {
        facts.extend(topic.facts.iter().map(|fact| FactRef {
            roles: &fact.roles,
            place: Place::Topic(topic),
            fact,
        }));
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIMENSIONS: &[&str] = &["focus", "objective", "revenue-line"];

    fn find(id: &str) -> anyhow::Result<&'static str> {
        find_by_id(DIMENSIONS, "dimension", id, |d| d).copied()
    }

    #[test]
    fn an_id_is_found_whatever_its_case_and_surrounding_spaces() {
        assert_eq!(find("focus").unwrap(), "focus");
        assert_eq!(find(" Revenue-Line ").unwrap(), "revenue-line");
    }

    #[test]
    fn an_unknown_id_lists_the_known_ones_and_suggests_the_closest() {
        let message = find("objectve").unwrap_err().to_string();
        assert!(
            message.contains("unknown dimension `objectve`"),
            "{message}"
        );
        assert!(
            message.contains("`focus`, `objective`, `revenue-line`"),
            "{message}"
        );
        assert!(message.ends_with("did you mean `objective`?"), "{message}");
    }

    #[test]
    fn nothing_is_suggested_when_no_id_is_close() {
        let message = find("salary").unwrap_err().to_string();
        assert!(!message.contains("did you mean"), "{message}");
    }

    #[test]
    fn an_unknown_id_is_bad_input() {
        let error = find("nope").unwrap_err();
        assert_eq!(
            crate::error::exit_code(&error),
            Some(crate::error::EXIT_BAD_INPUT)
        );
    }

    #[test]
    fn every_fact_lists_summaries_sections_dimensions_then_topics() {
        let library = Library::embedded();
        let facts = every_fact(&library);
        let first_dimension = facts
            .iter()
            .position(|f| matches!(f.place, Place::Dimension(_)))
            .unwrap();
        let first_topic = facts
            .iter()
            .position(|f| matches!(f.place, Place::Topic(_)))
            .unwrap();
        assert!(matches!(facts[0].place, Place::Summary));
        assert!(first_dimension < first_topic);
        assert!(
            facts[first_dimension..first_topic]
                .iter()
                .all(|f| matches!(f.place, Place::Dimension(_)))
        );
        let in_profiles: usize = library
            .roles()
            .iter()
            .map(|role| 1 + role.sections.iter().map(|s| s.facts.len()).sum::<usize>())
            .sum();
        assert_eq!(first_dimension, in_profiles);
    }

    /// Dimensions as (id, name) pairs.
    const ENTRIES: [(&str, &str); 3] = [
        ("focus", "Focus"),
        ("revenue-line", "Revenue line"),
        ("salary", "Salary"),
    ];

    fn pick(wanted: &[&str]) -> anyhow::Result<Vec<&'static str>> {
        let wanted: Vec<String> = wanted.iter().map(|w| (*w).to_owned()).collect();
        pick_named(&ENTRIES, "dimension", "--only", &wanted, |e| e.0, |e| e.1)
            .map(|picked| picked.into_iter().map(|e| e.0).collect())
    }

    fn message(result: anyhow::Result<Vec<&'static str>>) -> String {
        result.expect_err("refused").to_string()
    }

    #[test]
    fn entries_are_picked_by_id_or_name_in_any_case_in_the_order_given() {
        assert_eq!(
            pick(&["Salary", "REVENUE LINE", " focus "]).expect("picked"),
            ["salary", "revenue-line", "focus"]
        );
    }

    #[test]
    fn an_unknown_name_suggests_the_closest_id_by_id_or_by_name() {
        let by_id = message(pick(&["revenue-lin"]));
        assert!(by_id.contains("did you mean `revenue-line`?"), "{by_id}");
        let by_name = message(pick(&["Revenu line"]));
        assert!(
            by_name.contains("did you mean `revenue-line`?"),
            "{by_name}"
        );
        let far = message(pick(&["zzzz"]));
        assert!(!far.contains("did you mean"), "{far}");
    }

    #[test]
    fn an_entry_named_twice_and_an_empty_item_are_refused() {
        let twice = message(pick(&["focus", "Focus"]));
        assert!(
            twice.contains("dimension `focus` is named twice in `--only`"),
            "{twice}"
        );
        let empty = message(pick(&["focus", " "]));
        assert!(empty.contains("`--only` has an empty item"), "{empty}");
    }
}
