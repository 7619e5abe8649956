//! The knowledge base a command reads: a user's file, loaded and validated whole,
//! or the copy compiled into the binary, decoded part by part on first use.
//!
//! `build.rs` validates `data/` and stores each part (sources, roles, role heads,
//! dimensions, topics, questionnaires, disputes, areas) on its own in postcard form. A command
//! asks for the parts it reads through the accessors here, each backed by a
//! `OnceCell`, so it never holds a part that was not decoded and never pays to
//! decode one it does not read (`compare` reads a tenth of the bytes; see
//! BENCHMARKS.md).

use std::cell::OnceCell;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::kb::browse::{Area, Dispute, disagreements};
use crate::kb::career::Career;
use crate::kb::jd::Postings;
use crate::kb::{Dimension, KnowledgeBase, Questionnaire, Role, Source, Text, Topic};

macro_rules! part {
    ($name:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".bin"))
    };
}

/// The embedded parts, as `build.rs` wrote them.
mod embedded {
    pub static SCHEMA_VERSION: &[u8] = part!("schema-version");
    pub static SOURCES: &[u8] = part!("sources");
    pub static ROLE_REFS: &[u8] = part!("role-heads");
    pub static ROLES: &[u8] = part!("roles");
    pub static DIMENSIONS: &[u8] = part!("dimensions");
    pub static TOPICS: &[u8] = part!("topics");
    pub static QUESTIONNAIRE: &[u8] = part!("questionnaire");
    pub static CAREER: &[u8] = part!("career");
    pub static DISPUTES: &[u8] = part!("disputes");
    pub static AREAS: &[u8] = part!("areas");
    pub static JD: &[u8] = part!("jd");
}

// Its id and name are all that some commands need of a role, so the embedded
// knowledge base keeps them apart from the whole profiles. (A doc comment here
// is the JSON Schema's description, so this note is a plain comment.)
/// A role as outputs refer to it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize, schemars::JsonSchema)]
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

/// The knowledge base in use, read part by part.
#[derive(Debug, Default)]
pub struct Library {
    schema_version: OnceCell<u32>,
    sources: OnceCell<Vec<Source>>,
    role_refs: OnceCell<Vec<RoleRef>>,
    roles: OnceCell<Vec<Role>>,
    dimensions: OnceCell<Vec<Dimension>>,
    topics: OnceCell<Vec<Topic>>,
    questionnaire: OnceCell<Questionnaire>,
    career: OnceCell<Career>,
    disputes: OnceCell<Vec<Dispute>>,
    areas: OnceCell<Vec<Area>>,
    jd: OnceCell<Postings>,
}

/// Decodes one embedded part. The bytes were encoded by `build.rs` from the same
/// types a moment after validation, and a test decodes every part, so a failure
/// here is a broken build, not bad input.
fn decode<T: DeserializeOwned>(bytes: &[u8]) -> T {
    postcard::from_bytes(bytes)
        .expect("the embedded knowledge base decodes: build.rs encoded it from the same types")
}

impl Library {
    /// The knowledge base compiled into the binary; nothing is decoded yet.
    pub fn embedded() -> Self {
        Library::default()
    }

    /// A knowledge base already loaded whole, e.g. from a user's file.
    pub fn loaded(kb: KnowledgeBase) -> Self {
        let role_refs: Vec<RoleRef> = kb.roles.iter().map(RoleRef::from).collect();
        let mut topics = kb.topics;
        topics.extend(disagreements(&topics, &kb.disputes));
        Library {
            schema_version: OnceCell::from(kb.schema_version),
            sources: OnceCell::from(kb.sources),
            role_refs: OnceCell::from(role_refs),
            roles: OnceCell::from(kb.roles),
            dimensions: OnceCell::from(kb.dimensions),
            topics: OnceCell::from(topics),
            questionnaire: OnceCell::from(kb.questionnaire),
            career: OnceCell::from(kb.career),
            disputes: OnceCell::from(kb.disputes),
            areas: OnceCell::from(kb.areas),
            jd: OnceCell::from(kb.jd),
        }
    }

    /// The articles facts cite.
    pub fn sources(&self) -> &[Source] {
        self.sources.get_or_init(|| decode(embedded::SOURCES))
    }

    /// Each role's id and name, in knowledge-base order.
    pub fn role_refs(&self) -> &[RoleRef] {
        self.role_refs.get_or_init(|| decode(embedded::ROLE_REFS))
    }

    /// The whole role profiles, in knowledge-base order.
    pub fn roles(&self) -> &[Role] {
        self.roles.get_or_init(|| decode(embedded::ROLES))
    }

    /// The comparison dimensions.
    pub fn dimensions(&self) -> &[Dimension] {
        self.dimensions.get_or_init(|| decode(embedded::DIMENSIONS))
    }

    /// The cross-role topics, with `disagreements` built from the disputes.
    pub fn topics(&self) -> &[Topic] {
        self.topics.get_or_init(|| {
            let mut topics: Vec<Topic> = decode(embedded::TOPICS);
            topics.extend(disagreements(&topics, self.disputes()));
            topics
        })
    }

    /// The hiring questionnaire.
    pub fn questionnaire(&self) -> &Questionnaire {
        self.questionnaire
            .get_or_init(|| decode(embedded::QUESTIONNAIRE))
    }

    /// The career guide: its questionnaire, and what each track asks of a person.
    pub fn career(&self) -> &Career {
        self.career.get_or_init(|| decode(embedded::CAREER))
    }

    /// Where the articles disagree.
    pub fn disputes(&self) -> &[Dispute] {
        self.disputes.get_or_init(|| decode(embedded::DISPUTES))
    }

    /// Who owns what in a company that has both roles.
    pub fn areas(&self) -> &[Area] {
        self.areas.get_or_init(|| decode(embedded::AREAS))
    }

    /// Each role's job posting, keyed by role id.
    pub fn jd(&self) -> &Postings {
        self.jd.get_or_init(|| decode(embedded::JD))
    }

    /// The whole knowledge base, every part decoded (for `roles kb dump`).
    pub fn whole(&self) -> KnowledgeBase {
        // The built topic is the disputes again; a dump keeps one copy.
        let built = disagreements(&[], self.disputes());
        KnowledgeBase {
            schema_version: *self
                .schema_version
                .get_or_init(|| decode(embedded::SCHEMA_VERSION)),
            sources: self.sources().to_vec(),
            roles: self.roles().to_vec(),
            dimensions: self.dimensions().to_vec(),
            topics: (self.topics().iter())
                .filter(|topic| built.as_ref() != Some(*topic))
                .cloned()
                .collect(),
            questionnaire: self.questionnaire().clone(),
            career: self.career().clone(),
            disputes: self.disputes().to_vec(),
            areas: self.areas().to_vec(),
            jd: self.jd().clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_part_decodes_and_the_role_refs_match_the_roles() {
        let library = Library::embedded();
        let kb = library.whole();
        assert!(!kb.sources.is_empty() && kb.roles.len() >= 2);
        assert!(!kb.dimensions.is_empty() && !kb.topics.is_empty());
        assert!(!kb.questionnaire.questions.is_empty());
        assert!(!kb.disputes.is_empty() && !kb.areas.is_empty());
        let heads: Vec<RoleRef> = kb.roles.iter().map(RoleRef::from).collect();
        assert_eq!(library.role_refs(), heads.as_slice());
    }

    #[test]
    fn a_loaded_knowledge_base_hands_out_its_own_parts() {
        let mut kb = Library::embedded().whole();
        kb.roles.truncate(1);
        let library = Library::loaded(kb.clone());
        assert_eq!(library.roles(), kb.roles.as_slice());
        assert_eq!(library.role_refs().len(), 1);
        assert_eq!(library.whole(), kb);
    }
}
