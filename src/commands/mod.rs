//! The commands, one module each, owning its command end to end: a view built
//! from the knowledge base (its serde serialisation is the JSON and YAML
//! contract, so field names are stable), drawn as a table and as Markdown
//! ([`crate::render::View`]). This file holds what several views share.

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

use std::io::Write;

use serde::Serialize;

use crate::error::{BadInput, suggest, tick_list, unknown_name};
use crate::kb::{Fact, Role};
use crate::library::Library;
pub use crate::library::RoleRef;
use crate::questionnaire::engine::Flip;

/// Version of the JSON/YAML output shapes; bumped only on a breaking change.
pub const SCHEMA_VERSION: u32 = 1;

/// A statement with the sources behind it.
#[derive(Debug, Clone, Serialize)]
pub struct Cited {
    /// The statement.
    pub text: String,
    /// The roles it concerns, in the views that name them (topics, split).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
    /// Ids of the sources that support it.
    pub sources: Vec<String>,
}

impl Cited {
    /// `fact` with the roles it concerns.
    pub fn about_roles(fact: &Fact) -> Self {
        let mut cited = Cited::from(fact);
        cited.roles = Some(fact.roles.clone());
        cited
    }

    /// Its text led by the roles it concerns (`CIO, CTO: text`), the label as
    /// `mark` makes it; the text alone when it names none.
    pub fn labelled(&self, mark: impl Fn(&str) -> String) -> String {
        match roles_label(self.roles.as_deref().unwrap_or_default()) {
            label if label.is_empty() => self.text.clone(),
            label => format!("{}: {}", mark(&label), self.text),
        }
    }
}

impl From<&Fact> for Cited {
    fn from(fact: &Fact) -> Self {
        Cited {
            text: fact.text.clone(),
            roles: None,
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

/// Picks the entries a list flag names (`--only a,b`), in the order given, each
/// by its id or its label, case-insensitively. An empty item, an unknown one (with
/// the closest id suggested) and an entry named twice are bad input.
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
            let example = entries.first().map_or("ID", &id_of);
            return Err(BadInput::err(format!(
                "`{flag}` has an empty item; name each {kind}, separated by commas, e.g. `{flag} {example}`"
            )));
        }
        let Some(found) = (entries.iter())
            .find(|entry| id_of(entry) == key || label_of(entry).to_lowercase() == key)
        else {
            let ids = tick_list(entries.iter().map(&id_of));
            let message = format!(
                "unknown {kind} `{}`; expected one of: {ids} (or their names)",
                crate::error::shown(item)
            );
            // How alike an entry is to the item, by id or by label.
            let likeness = entries.iter().map(|entry| {
                let by_label = strsim::jaro_winkler(&key, &label_of(entry).to_lowercase());
                let by_id = strsim::jaro_winkler(&key, id_of(entry));
                (by_id.max(by_label), id_of(entry))
            });
            return Err(BadInput::err(suggest(message, likeness)));
        };
        if picked.iter().any(|earlier| id_of(earlier) == id_of(found)) {
            let id = id_of(found);
            return Err(BadInput::err(format!(
                "{kind} `{id}` is named twice in `{flag}`; name each {kind} once"
            )));
        }
        picked.push(found);
    }
    Ok(picked)
}

/// Finds a role's whole profile by id; see [`find_by_id`].
pub fn find_role<'a>(library: &'a Library, id: &str) -> anyhow::Result<&'a Role> {
    find_by_id(&library.kb.roles, "role", id, |role| &role.id)
}

/// A fact together with where it stands in the knowledge base: a role's
/// summary or section, a dimension, or a topic.
#[derive(Debug, Clone)]
pub struct FactRef<'a> {
    /// The roles it concerns (empty when it concerns none in particular).
    pub roles: &'a [String],
    /// The fact.
    pub fact: &'a Fact,
    /// Its place's own id: `summary`, or its section's, dimension's or topic's.
    pub key: &'a str,
    /// An id across places: `summary`, a section id, `dimension/ID` or `topic/ID`.
    pub id: String,
    /// A heading for its place.
    pub title: &'a str,
}

/// A fact with the roles it concerns.
type Concerning<'a> = (&'a [String], &'a Fact);

/// Every fact in the knowledge base, in file order: role summaries and sections,
/// dimension values, then topics.
pub fn every_fact(library: &Library) -> Vec<FactRef<'_>> {
    // Each place: its id's prefix (none for a role's own), key and title, and
    // its facts, each with the roles it concerns.
    let mut places: Vec<(&str, &str, &str, Vec<Concerning>)> = Vec::new();
    for role in &library.kb.roles {
        let roles = std::slice::from_ref(&role.id);
        places.push(("", "summary", "Summary", vec![(roles, &role.summary)]));
        for s in &role.sections {
            let facts = s.facts.iter().map(|fact| (roles, fact)).collect();
            places.push(("", &s.id, &s.title, facts));
        }
    }
    for d in &library.kb.dimensions {
        let values = (d.values.iter()).map(|(r, fact)| (std::slice::from_ref(r), fact));
        places.push(("dimension/", &d.id, &d.name, values.collect()));
    }
    for t in &library.topics {
        let facts = t.facts.iter().map(|fact| (fact.roles.as_slice(), fact));
        places.push(("topic/", &t.id, &t.title, facts.collect()));
    }
    let facts = places.into_iter().flat_map(|(prefix, key, title, facts)| {
        let id = format!("{prefix}{key}");
        let at = move |(roles, fact)| FactRef {
            roles,
            fact,
            key,
            id: id.clone(),
            title,
        };
        facts.into_iter().map(at)
    });
    facts.collect()
}

/// The distinct entries of `items`, first occurrence first.
pub fn distinct<T: PartialEq>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut seen = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}

/// How many flips (single answer changes that would change a questionnaire's
/// outcome) the table and the Markdown show.
pub const SHOWN_FLIPS: usize = 5;

/// Writes the Markdown section on what would change the `what`: the first
/// [`SHOWN_FLIPS`] flips, each as `line` words it.
pub fn flips_markdown(
    out: &mut dyn Write,
    what: &str,
    flips: &[Flip],
    line: impl Fn(&Flip) -> String,
) -> anyhow::Result<()> {
    writeln!(out, "\n## What would change the {what}\n")?;
    if flips.is_empty() {
        writeln!(out, "No single change of answer would change it.")?;
    }
    for flip in flips.iter().take(SHOWN_FLIPS) {
        writeln!(out, "- {}", line(flip))?;
    }
    Ok(())
}

/// The roles a fact concerns, as a label: `CIO, CTO`; empty when it names none.
pub fn roles_label(roles: &[String]) -> String {
    let ids: Vec<String> = roles.iter().map(|role| role.to_uppercase()).collect();
    ids.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dimensions as (id, name) pairs.
    const ENTRIES: [(&str, &str); 3] = [
        ("focus", "Focus"),
        ("revenue-line", "Revenue line"),
        ("salary", "Salary"),
    ];

    #[test]
    fn an_id_is_found_whatever_its_case_else_the_closest_is_suggested() {
        let find = |id| find_by_id(&ENTRIES, "dimension", id, |e| e.0).map(|e| e.0);
        assert_eq!(find(" Revenue-Line ").unwrap(), "revenue-line");
        let error = find("focsu").unwrap_err();
        let bad_input = Some(crate::error::EXIT_BAD_INPUT);
        assert_eq!(crate::error::exit_code(&error), bad_input);
        let expected = "unknown dimension `focsu`; expected one of: `focus`, `revenue-line`, \
                        `salary`\n\ndid you mean `focus`?";
        assert_eq!(error.to_string(), expected);
        let message = find("zzzz").unwrap_err().to_string();
        assert!(!message.contains("did you mean"), "{message}");
    }

    #[test]
    fn every_fact_lists_summaries_sections_dimensions_then_topics() {
        let library = Library::embedded();
        let order = |f: &FactRef| match f.id.split_once('/') {
            None => 0,
            Some(("dimension", _)) => 1,
            _ => 2,
        };
        let facts = every_fact(&library);
        assert!(facts.windows(2).all(|w| order(&w[0]) <= order(&w[1])));
        assert_eq!((facts[0].key, facts[0].title), ("summary", "Summary"));
        let in_profiles: usize = (library.kb.roles.iter())
            .map(|role| 1 + role.sections.iter().map(|s| s.facts.len()).sum::<usize>())
            .sum();
        assert_eq!(facts.iter().filter(|f| order(f) == 0).count(), in_profiles);
        assert!(facts.iter().any(|f| order(f) == 2));
    }
}
