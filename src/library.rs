//! The knowledge base a command reads: a user's file, loaded and validated whole,
//! or the copy `build.rs` validated and compiled into the binary in postcard
//! form, which every command decodes whole (well under a millisecond).

use serde::Deserialize;

use crate::kb::career::Career;
use crate::kb::disputes::{Area, Dispute, disagreements};
use crate::kb::jd::Postings;
use crate::kb::{Dimension, KnowledgeBase, Questionnaire, Role, Source, Topic};

/// The embedded knowledge base, as `build.rs` encoded it.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb.bin"));

/// A role as outputs refer to it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
pub struct RoleRef {
    /// The role's id, e.g. `cio`.
    pub id: String,
    /// Its full title.
    pub name: String,
}

impl From<&Role> for RoleRef {
    fn from(role: &Role) -> Self {
        RoleRef {
            id: role.id.clone(),
            name: role.name.clone(),
        }
    }
}

/// The knowledge base in use.
#[derive(Debug)]
pub struct Library {
    kb: KnowledgeBase,
    role_refs: Vec<RoleRef>,
    /// The knowledge base's topics and `disagreements`, built from the disputes.
    topics: Vec<Topic>,
}

impl Library {
    /// The knowledge base compiled into the binary; a failure to decode it is
    /// a broken build, not bad input.
    pub fn embedded() -> Self {
        Library::loaded(
            postcard::from_bytes(EMBEDDED).expect(
                "the embedded knowledge base decodes: build.rs encoded it from the same types",
            ),
        )
    }

    /// A knowledge base already loaded whole, e.g. from a user's file.
    pub fn loaded(kb: KnowledgeBase) -> Self {
        let role_refs = kb.roles.iter().map(RoleRef::from).collect();
        let mut topics = kb.topics.clone();
        topics.extend(disagreements(&topics, &kb.disputes));
        Library {
            kb,
            role_refs,
            topics,
        }
    }

    /// The articles facts cite.
    pub fn sources(&self) -> &[Source] {
        &self.kb.sources
    }
    /// Each role's id and name, in knowledge-base order.
    pub fn role_refs(&self) -> &[RoleRef] {
        &self.role_refs
    }
    /// The whole role profiles, in knowledge-base order.
    pub fn roles(&self) -> &[Role] {
        &self.kb.roles
    }
    /// The comparison dimensions.
    pub fn dimensions(&self) -> &[Dimension] {
        &self.kb.dimensions
    }
    /// The cross-role topics, with `disagreements` built from the disputes.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }
    /// The hiring questionnaire.
    pub fn questionnaire(&self) -> &Questionnaire {
        &self.kb.questionnaire
    }
    /// The career guide: its questionnaire, and what each track asks of a person.
    pub fn career(&self) -> &Career {
        &self.kb.career
    }
    /// Where the articles disagree.
    pub fn disputes(&self) -> &[Dispute] {
        &self.kb.disputes
    }
    /// Who owns what in a company that has both roles.
    pub fn areas(&self) -> &[Area] {
        &self.kb.areas
    }
    /// Each role's job posting, keyed by role id.
    pub fn jd(&self) -> &Postings {
        &self.kb.jd
    }

    /// The whole knowledge base (for `roles kb dump`), without the built topic.
    pub fn whole(&self) -> &KnowledgeBase {
        &self.kb
    }
}
