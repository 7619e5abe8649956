//! `roles kb dump`: the knowledge base in use, as a document that loads back.
//!
//! Empty optional fields (`null`, `[]`, `0`, `false`) are left out so the dump
//! reads like a hand-written file; the loader fills them back in with defaults.

use serde_json::Value;

use crate::kb::KnowledgeBase;

/// The knowledge base as a tree with empty optional fields pruned.
pub fn dump(kb: &KnowledgeBase) -> anyhow::Result<Value> {
    let mut tree = serde_json::to_value(kb)?;
    prune(&mut tree);
    Ok(tree)
}

/// Fields that are required even when empty, so pruning must keep them.
const REQUIRED: &[&str] = &[
    "schema_version",
    "sources",
    "roles",
    "dimensions",
    "sections",
    "values",
    "facts",
    "choices",
    "text",
];

fn prune(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|key, field| {
                REQUIRED.contains(&key.as_str())
                    || !matches!(field, Value::Null | Value::Bool(false))
                        && field.as_array().is_none_or(|a| !a.is_empty())
                        && field.as_object().is_none_or(|o| !o.is_empty())
                        && field.as_i64() != Some(0)
            });
            map.values_mut().for_each(prune);
        }
        Value::Array(items) => items.iter_mut().for_each(prune),
        _ => {}
    }
}
