//! Renderers: one module per output format. Each takes a finished view and a
//! `Write`, and never looks at the knowledge base itself.

pub mod grid;
pub mod json;
pub mod markdown;
pub mod table;
pub mod wrap;
pub mod yaml;

use std::io::Write;

use schemars::JsonSchema;
use serde::Serialize;

use crate::advise::Advice;
use crate::cli::Format;
use crate::view::compare::CompareView;
use crate::view::jd::JobDescription;
use crate::view::search::SearchView;
use crate::view::show::ShowView;
use crate::view::sources::SourcesView;

/// Everything a command can print.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Output {
    /// `roles compare`.
    Compare(CompareView),
    /// `roles show`.
    Show(ShowView),
    /// `roles search`.
    Search(SearchView),
    /// `roles sources`.
    Sources(SourcesView),
    /// `roles advise`.
    Advice(Advice),
    /// `roles jd`.
    JobDescription(JobDescription),
    /// `roles kb dump`: the knowledge base as a pruned tree.
    Dump(serde_json::Value),
    /// `roles kb validate`: a summary of a valid file.
    Validated(Validated),
    /// `roles schema`: JSON Schema documents.
    Schema(serde_json::Value),
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
}

/// How terminal output looks: decided once, from flags and the environment.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Whether to use colour and bold.
    pub color: bool,
    /// The width to fit, in columns.
    pub width: u16,
}

/// A salary figure's particulars after the figure itself, as both the table and
/// the Markdown renderers print them.
fn salary_details(salary: &crate::kb::Salary) -> String {
    let mut details = format!("{}, {}; as of {}", salary.basis, salary.place, salary.as_of);
    if !salary.highest_paying.is_empty() {
        details.push_str("; highest paying: ");
        details.push_str(&salary.highest_paying.join(" / "));
    }
    if let Some(data) = &salary.data_from {
        details.push_str("; data: ");
        details.push_str(data);
    }
    details
}

/// Writes `output` in `format`.
pub fn render(
    output: &Output,
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        Format::Table => table::render(output, style, out),
        Format::Json => json::render(output, out),
        Format::Yaml => yaml::render(output, out),
        Format::Markdown => markdown::render(output, out),
    }
}
