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

/// Fields inside entries that must stay even when empty, because the file
/// format requires them; every top-level field stays too.
const REQUIRED: &[&str] = &["sections", "values", "facts", "sources", "text"];

fn prune(value: &mut Value) {
    if let Value::Object(top) = value {
        top.values_mut().for_each(prune_nested);
    }
}

fn prune_nested(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|key, field| REQUIRED.contains(&key.as_str()) || !is_empty(field));
            map.values_mut().for_each(prune_nested);
        }
        Value::Array(items) => items.iter_mut().for_each(prune_nested),
        _ => {}
    }
}

fn is_empty(field: &Value) -> bool {
    match field {
        Value::Null | Value::Bool(false) => true,
        Value::Number(number) => number.as_i64() == Some(0),
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        Value::String(_) | Value::Bool(true) => false,
    }
}
