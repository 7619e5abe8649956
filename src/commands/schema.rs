//! `roles schema`: JSON Schema documents for each JSON output, generated from the
//! same types that produce the output, so they cannot drift apart.

use std::io::Write;

use clap::ValueEnum;
use schemars::{JsonSchema, schema_for};
use serde::Serialize;
use serde_json::{Map, Value};

use super::advise::Advice;
use super::career::CareerPlan;
use super::compare::CompareView;
use super::disputes::DisputesView;
use super::jd::JobDescription;
use super::kb::Validation;
use super::search::SearchView;
use super::show::ShowView;
use super::sources::SourcesView;
use super::split::SplitView;
use super::topics::TopicsView;
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
            Subject::Compare => of::<CompareView>(),
            Subject::Show => of::<ShowView>(),
            Subject::Search => of::<SearchView>(),
            Subject::Topics => of::<TopicsView>(),
            Subject::Disputes => of::<DisputesView>(),
            Subject::Split => of::<SplitView>(),
            Subject::Sources => of::<SourcesView>(),
            Subject::Advise => of::<Advice>(),
            Subject::Career => of::<CareerPlan>(),
            Subject::Jd => of::<JobDescription>(),
            Subject::Kb => of::<KnowledgeBase>(),
            Subject::KbValidate => of::<Validation>(),
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
        None => Value::Object(
            Subject::value_variants()
                .iter()
                .filter_map(|subject| {
                    let name = subject.to_possible_value()?.get_name().to_owned();
                    Some((name, subject.schema()))
                })
                .collect::<Map<_, _>>(),
        ),
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
