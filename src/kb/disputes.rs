//! Where the articles disagree (`data/disputes.yaml`) and who owns what in a
//! company that has both roles (`data/areas.yaml`).
//!
//! A dispute is a question with two or more views, each citing the articles that
//! hold it. An area of responsibility has an owner: a role id, [`SHARED`] when the
//! articles give it to both, [`DIVIDED`] when they give each role a different
//! part of it, or [`DISPUTED`] when they disagree, and then it names the dispute.

use serde::{Deserialize, Serialize};

use super::model::{Fact, Topic};

/// The owner of an area the articles give to more than one role.
pub const SHARED: &str = "shared";
/// The owner of an area the articles divide by object (security: IT and data to
/// the CIO, products to the CTO), which is no disagreement.
pub const DIVIDED: &str = "divided";
/// The owner of an area the articles disagree on; such an area names its dispute.
pub const DISPUTED: &str = "disputed";

/// A point on which the articles disagree, put as a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    /// Short id, e.g. `vendors`.
    pub id: String,
    /// The question the articles answer differently, e.g. "Who works with vendors?".
    pub question: String,
    /// What each side holds (at least two).
    pub views: Vec<DisputeView>,
    /// How to read the disagreement, in one line.
    #[serde(default)]
    pub note: Option<String>,
}

/// One side of a dispute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisputeView {
    /// What the view says in a few words, heading its column (the roles it
    /// names when absent, as files written before labels have it).
    #[serde(default)]
    pub label: Option<String>,
    /// What the articles on this side hold, in our words.
    pub text: String,
    /// The role (or roles) this view gives the point to.
    pub roles: Vec<String>,
    /// Ids of the sources that hold it.
    pub sources: Vec<String>,
}

/// An area of responsibility and who owns it in a company with both roles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Short id, e.g. `tech-stack`.
    pub id: String,
    /// Heading, e.g. "Choosing the technology stack".
    pub title: String,
    /// A role id, `shared`, `divided` or `disputed`.
    pub owner: String,
    /// For a `disputed` area: the id of its dispute.
    #[serde(default)]
    pub dispute: Option<String>,
    /// Why the owner owns it; `roles` says whom each fact gives the area to.
    pub facts: Vec<Fact>,
}

/// The id of the topic built from the disputes.
pub const DISAGREEMENTS: &str = "disagreements";

/// The disputes as topic `disagreements`: each question a theme, each view a
/// fact, so the disagreements are written once. `None` when there are no
/// disputes or `topics` already has a topic of that id (a user's file may).
pub fn disagreements(topics: &[Topic], disputes: &[Dispute]) -> Option<Topic> {
    let fact = |question: &String, view: &DisputeView| Fact {
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
