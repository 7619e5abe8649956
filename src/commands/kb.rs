//! `roles kb`: `dump` prints the knowledge base in use as a document that loads
//! back; `validate` checks a file and summarises it.
//!
//! In a dump, empty optional fields (`null`, `[]`, `0`, `false`) are left out so
//! it reads like a hand-written file; the loader fills them back in with defaults.

use std::io::Write;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use super::SCHEMA_VERSION;
use crate::library::Library;
use crate::render::{Painter, View};

/// The knowledge base as a tree with empty optional fields pruned.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Dump(Value);

/// Builds the dump of `kb`.
pub fn dump(library: &Library) -> anyhow::Result<Dump> {
    let mut tree = serde_json::to_value(library.whole())?;
    prune(&mut tree);
    Ok(Dump(tree))
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

impl View for Dump {
    /// A knowledge base is a YAML document, for people too.
    fn table(&self, _painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        crate::render::yaml(self, out)
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "```yaml")?;
        crate::render::yaml(self, out)?;
        writeln!(out, "```")?;
        Ok(())
    }
}

/// What `roles kb validate` reports for a valid file.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Validated {
    /// Output shape version.
    pub schema_version: u32,
    /// The file as given.
    pub file: String,
    /// Always `true`: an invalid file exits 2 with its problems on stderr.
    pub valid: bool,
    /// Number of sources.
    pub sources: usize,
    /// Number of roles.
    pub roles: usize,
    /// Number of comparison dimensions.
    pub dimensions: usize,
    /// Number of topics.
    pub topics: usize,
    /// Number of facts, counting role summaries and dimension values.
    pub facts: usize,
    /// Number of questionnaire questions.
    pub questions: usize,
    /// Number of disputes (where the articles disagree).
    pub disputes: usize,
    /// Number of areas of responsibility.
    pub areas: usize,
}

/// Summarises a knowledge base that loaded and validated from `file`.
pub fn validated(file: &str, library: &Library) -> Validated {
    Validated {
        schema_version: SCHEMA_VERSION,
        file: file.to_owned(),
        valid: true,
        sources: library.sources().len(),
        roles: library.roles().len(),
        dimensions: library.dimensions().len(),
        topics: library.topics().len(),
        facts: super::every_fact(library).len(),
        questions: library.questionnaire().questions.len(),
        disputes: library.disputes().len(),
        areas: library.areas().len(),
    }
}

impl Validated {
    fn summary(&self) -> String {
        format!(
            "`{}` is a valid knowledge base: {} roles, {} dimensions, {} topics, {} facts, {} sources, {} questions, {} disputes, {} areas.",
            self.file,
            self.roles,
            self.dimensions,
            self.topics,
            self.facts,
            self.sources,
            self.questions,
            self.disputes,
            self.areas
        )
    }
}

impl View for Validated {
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "{} {}", painter.accent("ok:"), self.summary())?;
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "**ok**: {}", self.summary())?;
        Ok(())
    }
}
