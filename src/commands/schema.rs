//! `roles schema`: the JSON Schema of each JSON output. The schemas are the
//! contract, written down in `schemas/` and embedded; they are not derived
//! from the types (schemars cost a tenth of the build), so the integration
//! tests check every command's JSON against its schema, closed to fields it
//! does not describe, and a change to an output fails them until its schema
//! (and `schema_version`) says so.

use std::io::Write;

use clap::ValueEnum;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::render::{Painter, View};

/// The outputs `roles schema` describes (`roles schema NAME` takes their names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Subject {
    /// `roles compare`.
    Compare,
    /// `roles show`.
    Show,
    /// `roles search`.
    Search,
    /// `roles topics`.
    Topics,
    /// `roles disputes`.
    Disputes,
    /// `roles split`.
    Split,
    /// `roles sources`.
    Sources,
    /// `roles advise`.
    Advise,
    /// `roles career`.
    Career,
    /// `roles jd`.
    Jd,
    /// A knowledge-base file, as `roles kb dump` writes and `--kb` reads it.
    Kb,
    /// `roles kb validate`: the report on a file, valid or not.
    KbValidate,
}

/// The global flags `roles schema` refuses: it reads no knowledge base.
pub const IGNORED_FLAGS: &[&str] = &["kb"];

impl Subject {
    /// The subject's JSON Schema.
    pub fn schema(self) -> Value {
        let text = match self {
            Subject::Compare => include_str!("../../schemas/compare.json"),
            Subject::Show => include_str!("../../schemas/show.json"),
            Subject::Search => include_str!("../../schemas/search.json"),
            Subject::Topics => include_str!("../../schemas/topics.json"),
            Subject::Disputes => include_str!("../../schemas/disputes.json"),
            Subject::Split => include_str!("../../schemas/split.json"),
            Subject::Sources => include_str!("../../schemas/sources.json"),
            Subject::Advise => include_str!("../../schemas/advise.json"),
            Subject::Career => include_str!("../../schemas/career.json"),
            Subject::Jd => include_str!("../../schemas/jd.json"),
            Subject::Kb => include_str!("../../schemas/kb.json"),
            Subject::KbValidate => include_str!("../../schemas/kb-validate.json"),
        };
        serde_json::from_str(text).expect("the embedded schemas are JSON (a unit test reads each)")
    }
}

/// One JSON Schema, or all of them keyed by name.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Schemas(Value);

/// The schema of `subject`, or every schema when it is `None`.
pub fn schemas(subject: Option<Subject>) -> Schemas {
    Schemas(match subject {
        Some(subject) => subject.schema(),
        None => Value::Object(Map::from_iter(Subject::value_variants().iter().filter_map(
            |subject| {
                Some((
                    subject.to_possible_value()?.get_name().to_owned(),
                    subject.schema(),
                ))
            },
        ))),
    })
}

impl View for Schemas {
    /// A schema is a JSON document, for people too.
    fn table(&self, _painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        crate::render::json(self, out)
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "```json")?;
        crate::render::json(self, out)?;
        writeln!(out, "```")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_schema_is_a_json_schema_object() {
        for subject in Subject::value_variants() {
            let schema = subject.schema();
            assert!(schema.get("$schema").is_some(), "{subject:?}");
            assert!(schema.get("title").is_some(), "{subject:?}");
        }
    }
}
