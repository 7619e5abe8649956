//! The commands, one module each. A module owns its command end to end: it builds
//! a view from the knowledge base (the view's serde serialisation is the JSON and
//! YAML contract documented in the README, so field names are stable), and draws
//! that view as a table and as Markdown ([`crate::render::View`]).
//!
//! This file holds what several views share: how they refer to roles and cited
//! facts, and every fact with its place, for search and the source counts.

pub mod advise;
pub mod compare;
pub mod jd;
pub mod kb;
pub mod schema;
pub mod search;
pub mod show;
pub mod sources;

use schemars::JsonSchema;
use serde::Serialize;

use crate::error::unknown_name;
use crate::kb::{Dimension, Fact, KnowledgeBase, Role, Section, Text, Topic};

/// Version of the JSON/YAML output shapes; bumped only on a breaking change.
pub const SCHEMA_VERSION: u32 = 1;

/// A role as outputs refer to it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RoleRef {
    /// The role's id, e.g. `cio`.
    pub id: Text,
    /// Its full title.
    pub name: Text,
}

impl From<&Role> for RoleRef {
    fn from(role: &Role) -> Self {
        RoleRef {
            id: role.id.clone(),
            name: role.name.clone(),
        }
    }
}

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

/// Finds a role by id, case-insensitively; an unknown id is bad input that lists the
/// known roles and suggests the closest.
pub fn find_role<'a>(kb: &'a KnowledgeBase, id: &str) -> anyhow::Result<&'a Role> {
    let wanted = id.trim().to_lowercase();
    kb.roles
        .iter()
        .find(|role| role.id == wanted)
        .ok_or_else(|| unknown_name("role", id, kb.roles.iter().map(|r| r.id.as_str())))
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
            Place::Dimension(dimension) => format!("dimension/{}", dimension.id).into(),
            Place::Topic(topic) => format!("topic/{}", topic.id).into(),
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
pub fn every_fact(kb: &KnowledgeBase) -> Vec<FactRef<'_>> {
    let mut facts = Vec::new();
    for role in &kb.roles {
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
    for dimension in &kb.dimensions {
        facts.extend(dimension.values.iter().map(|(role, fact)| FactRef {
            roles: std::slice::from_ref(role),
            place: Place::Dimension(dimension),
            fact,
        }));
    }
    for topic in &kb.topics {
        facts.extend(topic.facts.iter().map(|fact| FactRef {
            roles: &fact.roles,
            place: Place::Topic(topic),
            fact,
        }));
    }
    facts
}
