//! `roles schema`: JSON Schema documents for each JSON output, generated from the
//! same types that produce the output, so they cannot drift apart.

use std::io::Write;

use clap::ValueEnum;
use schemars::{JsonSchema, schema_for};
use serde::Serialize;
use serde_json::{Map, Value};

use super::{advise, career, compare, disputes, jd, kb, search, show, sources, split, topics};
use crate::kb::KnowledgeBase;
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
        fn of<T: JsonSchema>() -> Value {
            schema_for!(T).to_value()
        }
        match self {
            Subject::Compare => of::<compare::CompareView>(),
            Subject::Show => of::<show::ShowView>(),
            Subject::Search => of::<search::SearchView>(),
            Subject::Topics => of::<topics::TopicsView>(),
            Subject::Disputes => of::<disputes::DisputesView>(),
            Subject::Split => of::<split::SplitView>(),
            Subject::Sources => of::<sources::SourcesView>(),
            Subject::Advise => of::<advise::Advice>(),
            Subject::Career => of::<career::CareerPlan>(),
            Subject::Jd => of::<jd::JobDescription>(),
            Subject::Kb => of::<KnowledgeBase>(),
            Subject::KbValidate => of::<kb::Validation>(),
        }
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
