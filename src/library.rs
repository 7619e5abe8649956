//! The knowledge base a command reads: a user's file, loaded and validated whole,
//! or the copy `build.rs` validated and compiled into the binary in postcard
//! form, which every command decodes whole (well under a millisecond).

use serde::Deserialize;

use crate::kb::disputes::disagreements;
use crate::kb::{KnowledgeBase, Role, Topic};

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
    /// The knowledge base as loaded.
    pub kb: KnowledgeBase,
    /// Each role's id and name, in knowledge-base order.
    pub role_refs: Vec<RoleRef>,
    /// The knowledge base's topics and `disagreements`, built from the disputes.
    pub topics: Vec<Topic>,
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
}
