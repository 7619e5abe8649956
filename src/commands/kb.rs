//! `roles kb`: `dump` prints the knowledge base in use as a document that loads
//! back; `validate` checks a file and summarises it.
//!
//! In a dump, every optional field that holds its default (`null`, `[]`, `0`,
//! `false`, `article`) is left out, so it reads like a hand-written file; the
//! loader fills them back in. Which fields are optional, and their defaults, come
//! from the knowledge base's JSON Schema (`roles schema kb`), generated from the
//! same model, so a new field needs no change here.

use std::io::Write;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{Map, Value};

use super::SCHEMA_VERSION;
use crate::kb::KnowledgeBase;
use crate::library::Library;
use crate::render::{Painter, View};

/// The knowledge base as a tree with fields at their defaults left out.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Dump(Value);

/// Builds the dump of the knowledge base in use.
pub fn dump(library: &Library) -> anyhow::Result<Dump> {
    let mut tree = serde_json::to_value(library.whole())?;
    let schema = schemars::schema_for!(KnowledgeBase).to_value();
    let definitions = schema.get("$defs").and_then(Value::as_object);
    // Top-level fields always stay, so a dump shows every part a file can hold.
    if let (Value::Object(top), Some(properties)) = (&mut tree, schema.get("properties")) {
        for (key, field) in top.iter_mut() {
            if let Some(field_schema) = properties.get(key) {
                prune(field, field_schema, definitions);
            }
        }
    }
    Ok(Dump(tree))
}

/// The schema `schema` stands for: a `$ref` followed, and of an optional
/// (`anyOf` with `null`), the branch that is not `null`.
fn resolve<'s>(schema: &'s Value, definitions: Option<&'s Map<String, Value>>) -> &'s Value {
    if let Some(name) = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|reference| reference.strip_prefix("#/$defs/"))
        && let Some(definition) = definitions.and_then(|defs| defs.get(name))
    {
        return resolve(definition, definitions);
    }
    if let Some(branches) = schema.get("anyOf").and_then(Value::as_array)
        && let Some(branch) = branches
            .iter()
            .find(|branch| branch.get("type").and_then(Value::as_str) != Some("null"))
    {
        return resolve(branch, definitions);
    }
    schema
}

/// Leaves out, inside `value`, the optional fields that hold their default.
fn prune(value: &mut Value, schema: &Value, definitions: Option<&Map<String, Value>>) {
    let schema = resolve(schema, definitions);
    match value {
        Value::Object(map) => {
            if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                let required: Vec<&str> = schema
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|names| names.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                map.retain(|key, field| {
                    let default = properties.get(key).and_then(|p| p.get("default"));
                    required.contains(&key.as_str()) || default != Some(field)
                });
                for (key, field) in map.iter_mut() {
                    if let Some(field_schema) = properties.get(key) {
                        prune(field, field_schema, definitions);
                    }
                }
            } else if let Some(entries) = schema.get("additionalProperties") {
                for field in map.values_mut() {
                    prune(field, entries, definitions);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = schema.get("items") {
                for item in items {
                    prune(item, item_schema, definitions);
                }
            }
        }
        _ => {}
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
        let line = format!("{} {}", painter.accent("ok:"), self.summary());
        writeln!(
            out,
            "{}",
            crate::render::wrap::fill(&line, painter.width(), "", "    ")
        )?;
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "**ok**: {}", self.summary())?;
        Ok(())
    }
}
