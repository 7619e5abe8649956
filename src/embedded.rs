//! The knowledge base compiled into the binary: `data/` as validated by `build.rs`
//! and stored in postcard form, so start-up decodes bytes instead of parsing YAML.

use anyhow::Context;

use crate::kb::KnowledgeBase;

static KNOWLEDGE_BASE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb.bin"));

/// Decodes the embedded knowledge base.
pub fn knowledge_base() -> anyhow::Result<KnowledgeBase> {
    postcard::from_bytes(KNOWLEDGE_BASE)
        .context("the embedded knowledge base is corrupt; rebuild `roles`")
}
