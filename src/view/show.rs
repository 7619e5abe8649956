//! `roles show ROLE`: one role's whole profile, grouped by section.

use schemars::JsonSchema;
use serde::Serialize;

use super::{Cited, RoleRef, SCHEMA_VERSION, find_role};
use crate::error::unknown_name;
use crate::kb::{KnowledgeBase, Salary, Text};

/// The section id that selects the at-a-glance dimension values.
pub const OVERVIEW: &str = "overview";
/// The section id that selects the salary figures.
pub const SALARY: &str = "salary";

/// A role's profile.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ShowView {
    /// Output shape version.
    pub schema_version: u32,
    /// The role.
    pub role: RoleRef,
    /// One-line summary.
    pub summary: Cited,
    /// The role's value in each comparison dimension (section `overview`).
    pub overview: Vec<Glance>,
    /// The profile sections, in knowledge-base order.
    pub sections: Vec<ShowSection>,
    /// Salary figures as reported (section `salary`).
    pub salaries: Vec<Salary>,
}

/// One dimension's value for the role.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Glance {
    /// Dimension id.
    pub dimension: Text,
    /// Dimension name.
    pub name: Text,
    /// The value.
    pub text: Text,
    /// Its sources.
    pub sources: Vec<Text>,
}

/// One section of the profile.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ShowSection {
    /// Section id.
    pub id: Text,
    /// Heading.
    pub title: Text,
    /// The facts, in order.
    pub facts: Vec<ShowFact>,
}

/// A fact in a section, with its theme.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ShowFact {
    /// The group it belongs to within the section, if any.
    pub theme: Option<Text>,
    /// The statement.
    pub text: Text,
    /// Its sources.
    pub sources: Vec<Text>,
}

/// Builds the profile of `role_id`, or only its `section`.
pub fn show(kb: &KnowledgeBase, role_id: &str, section: Option<&str>) -> anyhow::Result<ShowView> {
    let role = find_role(kb, role_id)?;
    let section = section.map(|s| s.trim().to_lowercase());
    if let Some(wanted) = &section {
        let known = || {
            std::iter::once(OVERVIEW)
                .chain(role.sections.iter().map(|s| s.id.as_str()))
                .chain(std::iter::once(SALARY))
        };
        if !known().any(|id| id == wanted) {
            return Err(unknown_name("section", wanted, known()));
        }
    }
    let wants = |id: &str| section.as_deref().is_none_or(|wanted| wanted == id);

    let overview = if wants(OVERVIEW) {
        kb.dimensions
            .iter()
            .filter_map(|dimension| {
                dimension.values.get(&role.id).map(|value| Glance {
                    dimension: dimension.id.clone(),
                    name: dimension.name.clone(),
                    text: value.text.clone(),
                    sources: value.sources.clone(),
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let sections = role
        .sections
        .iter()
        .filter(|s| wants(&s.id))
        .map(|s| ShowSection {
            id: s.id.clone(),
            title: s.title.clone(),
            facts: s
                .facts
                .iter()
                .map(|fact| ShowFact {
                    theme: fact.theme.clone(),
                    text: fact.text.clone(),
                    sources: fact.sources.clone(),
                })
                .collect(),
        })
        .collect();
    let salaries = if wants(SALARY) {
        role.salaries.clone()
    } else {
        Vec::new()
    };

    Ok(ShowView {
        schema_version: SCHEMA_VERSION,
        role: role.into(),
        summary: (&role.summary).into(),
        overview,
        sections,
        salaries,
    })
}
