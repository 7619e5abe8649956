//! Where the articles disagree (`data/disputes.yaml`) and who owns what in a
//! company that has both roles (`data/areas.yaml`): their model, how their files
//! parse, and their checks.
//!
//! A dispute is a question with two or more views, each citing the articles that
//! hold it. An area of responsibility has an owner: a role id, [`SHARED`] when the
//! articles give it to both, or [`DISPUTED`] when they disagree, and then it names
//! the dispute. Like the rest of [`super`], this compiles into `build.rs` as well,
//! so it refers only to its sibling modules, std and the serde crates.

use std::collections::HashSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::{Fact, KnowledgeBase, Text};
use super::problem::{KbError, Problem};
use super::yaml;

/// The owner of an area the articles give to more than one role.
pub const SHARED: &str = "shared";
/// The owner of an area the articles disagree on; such an area names its dispute.
pub const DISPUTED: &str = "disputed";

/// A point on which the articles disagree, put as a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Dispute {
    /// Short id, e.g. `vendors`.
    pub id: Text,
    /// The question the articles answer differently, e.g. "Who works with vendors?".
    pub question: Text,
    /// What each side holds (at least two).
    pub views: Vec<DisputeView>,
    /// How to read the disagreement, in one line.
    #[serde(default)]
    pub note: Option<Text>,
}

/// One side of a dispute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct DisputeView {
    /// What the articles on this side hold, in our words.
    pub text: Text,
    /// The role (or roles) this view gives the point to.
    pub roles: Vec<Text>,
    /// Ids of the sources that hold it.
    pub sources: Vec<Text>,
}

/// An area of responsibility and who owns it in a company with both roles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Area {
    /// Short id, e.g. `tech-stack`.
    pub id: Text,
    /// Heading, e.g. "Choosing the technology stack".
    pub title: Text,
    /// A role id, `shared`, or `disputed`.
    pub owner: Text,
    /// For a `disputed` area: the id of its dispute.
    #[serde(default)]
    pub dispute: Option<Text>,
    /// Why the owner owns it; `roles` says whom each fact gives the area to.
    pub facts: Vec<Fact>,
}

/// The shape of `data/disputes.yaml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
struct DisputesFile {
    disputes: Vec<Dispute>,
}

/// The shape of `data/areas.yaml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
struct AreasFile {
    areas: Vec<Area>,
}

/// Parses a file that holds only a `disputes:` key (as `data/` keeps it).
pub fn parse_disputes_file(origin: &str, text: &'static str) -> Result<Vec<Dispute>, KbError> {
    yaml::parse::<DisputesFile>(text)
        .map(|file| file.disputes)
        .map_err(|problem| KbError::single(origin, problem))
}

/// Parses a file that holds only an `areas:` key (as `data/` keeps it).
pub fn parse_areas_file(origin: &str, text: &'static str) -> Result<Vec<Area>, KbError> {
    yaml::parse::<AreasFile>(text)
        .map(|file| file.areas)
        .map_err(|problem| KbError::single(origin, problem))
}

/// Every problem in the disputes and areas of `kb`: ids missing, malformed or
/// repeated, empty texts, unknown sources and roles, a dispute with fewer than
/// two views, an owner that is not a role, `shared` or `disputed`, and a
/// `disputed` area without a known dispute (or another area with one).
pub fn validate_browse(kb: &KnowledgeBase) -> Vec<Problem> {
    let mut check = Check {
        problems: Vec::new(),
        sources: kb.sources.iter().map(|s| s.id.as_str()).collect(),
        roles: kb.roles.iter().map(|r| r.id.as_str()).collect(),
    };
    check.unique("disputes", kb.disputes.iter().map(|d| d.id.as_str()));
    for dispute in &kb.disputes {
        let at = format!("disputes.{}", dispute.id);
        check.text(&at, "question", &dispute.question);
        if let Some(note) = &dispute.note {
            check.text(&at, "note", note);
        }
        if dispute.views.len() < 2 {
            check.push(Problem::at(
                &at,
                format!(
                    "has {} view(s); a dispute needs at least two `views`, one per side",
                    dispute.views.len()
                ),
            ));
        }
        for (index, view) in dispute.views.iter().enumerate() {
            let at = format!("{at}.views[{index}]");
            check.cited(&at, &view.text, &view.sources);
            check.roles(&at, &view.roles);
        }
    }

    let disputes: HashSet<&str> = kb.disputes.iter().map(|d| d.id.as_str()).collect();
    check.unique("areas", kb.areas.iter().map(|a| a.id.as_str()));
    for area in &kb.areas {
        let at = format!("areas.{}", area.id);
        check.text(&at, "title", &area.title);
        check.owner(&at, area, &disputes);
        if area.facts.is_empty() {
            check.push(Problem::at(
                &at,
                "has no `facts`; say, citing the articles, why the owner owns it",
            ));
        }
        for (index, fact) in area.facts.iter().enumerate() {
            let at = format!("{at}.facts[{index}]");
            check.cited(&at, &fact.text, &fact.sources);
            for role in &fact.roles {
                check.role(&at, role);
            }
        }
    }
    check.problems
}

struct Check<'a> {
    problems: Vec<Problem>,
    sources: HashSet<&'a str>,
    roles: HashSet<&'a str>,
}

impl Check<'_> {
    fn push(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    /// Ids must be non-empty, lower-case words joined by `-`, and unique in their list.
    fn unique<'i>(&mut self, list: &str, ids: impl Iterator<Item = &'i str>) {
        let mut seen = HashSet::new();
        for id in ids {
            if id.trim().is_empty() {
                self.push(Problem::at(
                    list,
                    "an `id` is empty; give every entry a short id",
                ));
                continue;
            }
            if !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                self.push(
                    Problem::at(
                        list,
                        format!("id `{id}` must be lower-case letters, digits and `-`"),
                    )
                    .pointing_at(id),
                );
            }
            if !seen.insert(id) {
                self.push(
                    Problem::at(
                        list,
                        format!("duplicate id `{id}`; ids must be unique in a list"),
                    )
                    .pointing_at_id(id, 2),
                );
            }
        }
    }

    fn text(&mut self, path: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.push(
                Problem::at(
                    path,
                    format!("`{field}` is empty; write the text or remove the entry"),
                )
                .pointing_at_key(field),
            );
        }
    }

    fn cited(&mut self, path: &str, text: &str, sources: &[Text]) {
        self.text(path, "text", text);
        if sources.is_empty() {
            self.push(Problem::at(
                path,
                "cites no source; list at least one id from `sources`",
            ));
        }
        for id in sources {
            if !self.sources.contains(id.as_str()) {
                let known = listed(&self.sources);
                self.push(
                    Problem::at(
                        path,
                        format!("cites unknown source `{id}`; known sources: {known}"),
                    )
                    .pointing_at(id),
                );
            }
        }
    }

    fn role(&mut self, path: &str, id: &str) {
        if !self.roles.contains(id) {
            let known = listed(&self.roles);
            self.push(
                Problem::at(
                    path,
                    format!("names unknown role `{id}`; known roles: {known}"),
                )
                .pointing_at(id),
            );
        }
    }

    fn roles(&mut self, path: &str, roles: &[Text]) {
        if roles.is_empty() {
            self.push(Problem::at(
                path,
                "names no role; list in `roles` whom the view gives the point to",
            ));
        }
        for role in roles {
            self.role(path, role);
        }
    }

    fn owner(&mut self, path: &str, area: &Area, disputes: &HashSet<&str>) {
        let owner = area.owner.as_str();
        if owner != SHARED && owner != DISPUTED && !self.roles.contains(owner) {
            let known = listed(&self.roles);
            self.push(
                Problem::at(
                    path,
                    format!(
                        "owner `{owner}` is not a role, `{SHARED}` or `{DISPUTED}`; known roles: {known}"
                    ),
                )
                .pointing_at(owner),
            );
        }
        match (owner == DISPUTED, &area.dispute) {
            (true, None) => self.push(
                Problem::at(
                    path,
                    "is `disputed` but names no `dispute`; give the id of its dispute in `disputes`",
                )
                .pointing_at_key("owner"),
            ),
            (true, Some(id)) if !disputes.contains(id.as_str()) => {
                let known = listed(disputes);
                self.push(
                    Problem::at(
                        path,
                        format!("names unknown dispute `{id}`; known disputes: {known}"),
                    )
                    .pointing_at(id),
                );
            }
            (false, Some(id)) => self.push(
                Problem::at(
                    path,
                    format!(
                        "names dispute `{id}` but its owner is `{owner}`; only a `{DISPUTED}` area names a dispute"
                    ),
                )
                .pointing_at_key("dispute"),
            ),
            _ => {}
        }
    }
}

/// Ids in backticks, sorted, for a message.
fn listed(ids: &HashSet<&str>) -> String {
    let mut ids: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
    ids.sort();
    if ids.is_empty() {
        "none".into()
    } else {
        ids.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        crate::library::Library::embedded().whole()
    }

    fn messages(kb: &KnowledgeBase) -> Vec<String> {
        validate_browse(kb)
            .into_iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect()
    }

    #[test]
    fn the_embedded_disputes_and_areas_are_valid() {
        assert_eq!(messages(&kb()), Vec::<String>::new());
    }

    #[test]
    fn a_dispute_needs_two_views_each_citing_known_sources_and_roles() {
        let mut kb = kb();
        let dispute = &mut kb.disputes[0];
        dispute.views.truncate(1);
        dispute.views[0].sources = vec![Text::from("blog")];
        dispute.views[0].roles = vec![Text::from("cfo")];
        let id = dispute.id.clone();
        let found = messages(&kb);
        let expected = [
            format!("disputes.{id}: has 1 view(s)"),
            format!("disputes.{id}.views[0]: cites unknown source `blog`"),
            format!("disputes.{id}.views[0]: names unknown role `cfo`"),
        ];
        assert_eq!(found.len(), expected.len(), "{found:#?}");
        for (found, expected) in found.iter().zip(&expected) {
            assert!(found.starts_with(expected.as_str()), "{found}");
        }
    }

    #[test]
    fn an_owner_is_a_role_shared_or_disputed_and_only_disputed_names_a_dispute() {
        let mut kb = kb();
        let [first, second, third, fourth] = &mut kb.areas[..4] else {
            panic!("four areas");
        };
        first.owner = Text::from("cfo");
        second.owner = Text::from(DISPUTED);
        second.dispute = None;
        third.dispute = Some(Text::from("vendors"));
        third.owner = Text::from(SHARED);
        fourth.owner = Text::from(DISPUTED);
        fourth.dispute = Some(Text::from("who-pays"));
        let ids: Vec<Text> = kb.areas[..4].iter().map(|a| a.id.clone()).collect();
        let found = messages(&kb);
        let expected = [
            format!(
                "areas.{}: owner `cfo` is not a role, `shared` or `disputed`",
                ids[0]
            ),
            format!("areas.{}: is `disputed` but names no `dispute`", ids[1]),
            format!(
                "areas.{}: names dispute `vendors` but its owner is `shared`",
                ids[2]
            ),
            format!("areas.{}: names unknown dispute `who-pays`", ids[3]),
        ];
        assert_eq!(found.len(), expected.len(), "{found:#?}");
        for (found, expected) in found.iter().zip(&expected) {
            assert!(found.starts_with(expected.as_str()), "{found}");
        }
    }

    #[test]
    fn ids_are_unique_and_every_area_cites_a_source() {
        let mut kb = kb();
        kb.disputes[1].id = kb.disputes[0].id.clone();
        kb.areas[0].facts.clear();
        let area = kb.areas[0].id.clone();
        let dispute = kb.disputes[0].id.clone();
        let found = messages(&kb);
        assert!(
            found.contains(&format!(
                "disputes: duplicate id `{dispute}`; ids must be unique in a list"
            )),
            "{found:#?}"
        );
        assert!(
            found
                .iter()
                .any(|m| m.starts_with(&format!("areas.{area}: has no `facts`"))),
            "{found:#?}"
        );
    }
}
