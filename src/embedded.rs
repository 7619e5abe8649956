//! The knowledge base compiled into the binary: `data/` as validated by `build.rs`
//! and stored in postcard form, part by part, so start-up decodes a few bytes
//! (borrowing every string from the binary) instead of parsing YAML, and only
//! the parts a command reads.

use anyhow::Context;
use serde::Deserialize;

use crate::kb::career::Career;
use crate::kb::{Fact, KnowledgeBase, Questionnaire, Role, Text};

macro_rules! part {
    ($name:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".bin"))
    };
}

static SCHEMA_VERSION: &[u8] = part!("schema-version");
static SOURCES: &[u8] = part!("sources");
static ROLE_HEADS: &[u8] = part!("role-heads");
static ROLES: &[u8] = part!("roles");
static DIMENSIONS: &[u8] = part!("dimensions");
static TOPICS: &[u8] = part!("topics");
static QUESTIONNAIRE: &[u8] = part!("questionnaire");
static CAREER: &[u8] = part!("career");

/// How much of each role a command reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleDetail {
    /// Only each role's id and name; summaries and sections are left empty.
    Heads,
    /// Whole profiles.
    Full,
}

/// The parts of the knowledge base a command reads; the others are left empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// The articles.
    pub sources: bool,
    /// The roles, and how much of each.
    pub roles: RoleDetail,
    /// The comparison dimensions.
    pub dimensions: bool,
    /// The cross-role topics.
    pub topics: bool,
    /// The questionnaire.
    pub questionnaire: bool,
    /// The career guide.
    pub career: bool,
}

impl Parts {
    /// Everything.
    pub const ALL: Parts = Parts {
        sources: true,
        roles: RoleDetail::Full,
        dimensions: true,
        topics: true,
        questionnaire: true,
        career: true,
    };
}

fn decode<T: Deserialize<'static>>(bytes: &'static [u8]) -> anyhow::Result<T> {
    postcard::from_bytes(bytes).context("the embedded knowledge base is corrupt; rebuild `roles`")
}

/// Decodes the embedded knowledge base: every part, or only those in `parts`.
pub fn knowledge_base_parts(parts: Parts) -> anyhow::Result<KnowledgeBase> {
    let roles = match parts.roles {
        RoleDetail::Full => decode(ROLES)?,
        RoleDetail::Heads => decode::<Vec<(Text, Text)>>(ROLE_HEADS)?
            .into_iter()
            .map(|(id, name)| Role {
                id,
                name,
                summary: Fact {
                    text: Text::default(),
                    sources: Vec::new(),
                    theme: None,
                    roles: Vec::new(),
                },
                sections: Vec::new(),
                salaries: Vec::new(),
            })
            .collect(),
    };
    Ok(KnowledgeBase {
        schema_version: decode(SCHEMA_VERSION)?,
        sources: if parts.sources {
            decode(SOURCES)?
        } else {
            Vec::new()
        },
        roles,
        dimensions: if parts.dimensions {
            decode(DIMENSIONS)?
        } else {
            Vec::new()
        },
        topics: if parts.topics {
            decode(TOPICS)?
        } else {
            Vec::new()
        },
        questionnaire: if parts.questionnaire {
            decode(QUESTIONNAIRE)?
        } else {
            Questionnaire::default()
        },
        career: if parts.career {
            decode(CAREER)?
        } else {
            Career::default()
        },
    })
}

/// Decodes the whole embedded knowledge base.
pub fn knowledge_base() -> anyhow::Result<KnowledgeBase> {
    knowledge_base_parts(Parts::ALL)
}
