//! `roles schema`: JSON Schema documents for each JSON output, generated from the
//! same types that produce the output, so they cannot drift apart.

use schemars::{JsonSchema, schema_for};
use serde_json::{Map, Value};

use crate::advise::Advice;
use crate::cli::SchemaName;
use crate::kb::KnowledgeBase;
use crate::view::compare::CompareView;
use crate::view::jd::JobDescription;
use crate::view::search::SearchView;
use crate::view::show::ShowView;
use crate::view::sources::SourcesView;

fn schema<T: JsonSchema>() -> Value {
    schema_for!(T).to_value()
}

/// The schema of one output.
pub fn schema_of(name: SchemaName) -> Value {
    match name {
        SchemaName::Compare => schema::<CompareView>(),
        SchemaName::Show => schema::<ShowView>(),
        SchemaName::Search => schema::<SearchView>(),
        SchemaName::Sources => schema::<SourcesView>(),
        SchemaName::Advise => schema::<Advice>(),
        SchemaName::Jd => schema::<JobDescription>(),
        SchemaName::Kb => schema::<KnowledgeBase>(),
    }
}

/// Every schema, keyed by output name; or one, when `name` is given.
pub fn schemas(name: Option<SchemaName>) -> Value {
    use clap::ValueEnum;
    match name {
        Some(name) => schema_of(name),
        None => Value::Object(
            SchemaName::value_variants()
                .iter()
                .filter_map(|&name| {
                    let key = name.to_possible_value()?.get_name().to_owned();
                    Some((key, schema_of(name)))
                })
                .collect::<Map<_, _>>(),
        ),
    }
}
