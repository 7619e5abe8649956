//! Where the articles disagree (`data/disputes.yaml`) and who owns what in a
//! company that has both roles (`data/areas.yaml`): their model, how their files
//! parse, and their checks.
//!
//! A dispute is a question with two or more views, each citing the articles that
//! hold it. An area of responsibility has an owner: a role id, [`SHARED`] when the
//! articles give it to both, [`DIVIDED`] when they give each role a different
//! part of it, or [`DISPUTED`] when they disagree, and then it names the dispute. Like the rest of [`super`], this compiles into `build.rs` as well,
//! so it refers only to its sibling modules, std and the serde crates.

use std::collections::HashSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::{Fact, KnowledgeBase, Text, Topic};
use super::text::shown;
use super::validate::{At, Checker, Reserved, Target, known};

/// The owner of an area the articles give to more than one role.
pub const SHARED: &str = "shared";
/// The owner of an area the articles divide by object (security: IT and data to
/// the CIO, products to the CTO), which is no disagreement.
pub const DIVIDED: &str = "divided";
/// The owner of an area the articles disagree on; such an area names its dispute.
pub const DISPUTED: &str = "disputed";

/// A point on which the articles disagree, put as a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
pub struct DisputeView {
    /// What the view says in a few words, heading its column (the roles it
    /// names when absent, as files written before labels have it).
    #[serde(default)]
    pub label: Option<Text>,
    /// What the articles on this side hold, in our words.
    pub text: Text,
    /// The role (or roles) this view gives the point to.
    pub roles: Vec<Text>,
    /// Ids of the sources that hold it.
    pub sources: Vec<Text>,
}

/// An area of responsibility and who owns it in a company with both roles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Short id, e.g. `tech-stack`.
    pub id: Text,
    /// Heading, e.g. "Choosing the technology stack".
    pub title: Text,
    /// A role id, `shared`, `divided` or `disputed`.
    pub owner: Text,
    /// For a `disputed` area: the id of its dispute.
    #[serde(default)]
    pub dispute: Option<Text>,
    /// Why the owner owns it; `roles` says whom each fact gives the area to.
    pub facts: Vec<Fact>,
}

/// The id of the topic built from the disputes.
pub const DISAGREEMENTS: &str = "disagreements";

/// The disputes as topic `disagreements`: each question a theme, each view a
/// fact, so the disagreements are written once. `None` when there are no
/// disputes or `topics` already has a topic of that id (a user's file may).
pub fn disagreements(topics: &[Topic], disputes: &[Dispute]) -> Option<Topic> {
    let fact = |question: &Text, view: &DisputeView| Fact {
        text: view.text.clone(),
        sources: view.sources.clone(),
        theme: Some(question.clone()),
        roles: view.roles.clone(),
    };
    let facts = disputes
        .iter()
        .flat_map(|d| d.views.iter().map(|v| fact(&d.question, v)));
    let built = !disputes.is_empty() && !topics.iter().any(|t| t.id == DISAGREEMENTS);
    built.then(|| Topic {
        id: DISAGREEMENTS.into(),
        title: "Where the articles disagree".into(),
        facts: facts.collect(),
    })
}

impl Checker<'_> {
    /// The disputes and areas: ids well formed and unique, texts written, every
    /// view and fact citing known sources and naming known roles, at least two
    /// views per dispute, an owner that is a role, `shared`, `divided` or `disputed`, and a
    /// `disputed` area (only) naming a known dispute.
    pub(super) fn browse(&mut self, kb: &KnowledgeBase) {
        let list = At::ROOT.field("disputes");
        self.unique_ids(
            &list,
            "id",
            kb.disputes.iter().map(|d| d.id.as_str()),
            Reserved::None,
        );
        for (index, dispute) in kb.disputes.iter().enumerate() {
            let at = list.item(index, Some(&dispute.id));
            self.text(&at, "question", &dispute.question);
            self.optional(&at, "note", dispute.note.as_ref());
            if dispute.views.len() < 2 {
                self.push(
                    &at,
                    Target::Field("views"),
                    format!(
                        "has {} view(s); a dispute needs at least two `views`, one per side",
                        dispute.views.len()
                    ),
                );
            }
            let views = at.field("views");
            for (index, view) in dispute.views.iter().enumerate() {
                let at = views.item(index, None);
                self.optional(&at, "label", view.label.as_ref());
                self.text(&at, "text", &view.text);
                self.cites(&at, &view.sources);
                if view.roles.is_empty() {
                    self.push(
                        &at,
                        Target::Field("roles"),
                        "names no role; list in `roles` whom the view gives the point to"
                            .to_owned(),
                    );
                }
                let roles = at.field("roles");
                for (index, role) in view.roles.iter().enumerate() {
                    self.role_ref(&roles.item(index, None), Target::Here, role);
                }
            }
        }

        let disputes: HashSet<&str> = kb.disputes.iter().map(|d| d.id.as_str()).collect();
        let list = At::ROOT.field("areas");
        self.unique_ids(
            &list,
            "id",
            kb.areas.iter().map(|a| a.id.as_str()),
            Reserved::None,
        );
        for (index, area) in kb.areas.iter().enumerate() {
            let at = list.item(index, Some(&area.id));
            self.text(&at, "title", &area.title);
            self.owner(&at, area, &disputes);
            if area.facts.is_empty() {
                self.push(
                    &at,
                    Target::Field("facts"),
                    "has no `facts`; say, citing the articles, why the owner owns it".to_owned(),
                );
            }
            self.facts(&at, &area.facts);
        }
    }

    fn owner(&mut self, at: &At<'_>, area: &Area, disputes: &HashSet<&str>) {
        let owner = area.owner.as_str();
        if ![SHARED, DIVIDED, DISPUTED].contains(&owner) && !self.roles.contains(owner) {
            let roles = known(&self.roles);
            self.push(
                at,
                Target::Field("owner"),
                format!(
                    "owner `{}` is not a role, `{SHARED}`, `{DIVIDED}` or `{DISPUTED}`; known roles: {roles}",
                    shown(owner)
                ),
            );
        }
        match (owner == DISPUTED, &area.dispute) {
            (true, None) => self.push(
                at,
                Target::Field("owner"),
                "is `disputed` but names no `dispute`; give the id of its dispute in `disputes`"
                    .to_owned(),
            ),
            (true, Some(id)) if !disputes.contains(id.as_str()) => self.push(
                at,
                Target::Field("dispute"),
                format!(
                    "names unknown dispute `{}`; known disputes: {}",
                    shown(id),
                    known(disputes)
                ),
            ),
            (false, Some(id)) => self.push(
                at,
                Target::Field("dispute"),
                format!(
                    "names dispute `{}` but its owner is `{}`; only a `{DISPUTED}` area names a dispute",
                    shown(id),
                    shown(owner)
                ),
            ),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        crate::library::Library::embedded().whole()
    }

    /// The disputes' and areas' problems, as `path: message`.
    fn messages(kb: &KnowledgeBase) -> Vec<String> {
        crate::kb::validate::messages_under(kb, &["disputes", "areas"])
    }

    /// Each message found begins with the one expected, and there are no others.
    fn starts_with(found: &[String], expected: &[String]) {
        assert_eq!(found.len(), expected.len(), "{found:#?}");
        for (found, expected) in found.iter().zip(expected) {
            assert!(found.starts_with(expected.as_str()), "{found}");
        }
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
            format!("disputes.{id}.views[0].sources[0]: cites unknown source `blog`"),
            format!("disputes.{id}.views[0].roles[0]: names unknown role `cfo`"),
        ];
        starts_with(&found, &expected);
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
                "areas.{}: owner `cfo` is not a role, `shared`, `divided` or `disputed`",
                ids[0]
            ),
            format!("areas.{}: is `disputed` but names no `dispute`", ids[1]),
            format!(
                "areas.{}: names dispute `vendors` but its owner is `shared`",
                ids[2]
            ),
            format!("areas.{}: names unknown dispute `who-pays`", ids[3]),
        ];
        starts_with(&found, &expected);
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
