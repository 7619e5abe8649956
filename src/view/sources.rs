//! `roles sources`: the articles, and how many facts cite each.

use schemars::JsonSchema;
use serde::Serialize;

use super::SCHEMA_VERSION;
use crate::kb::{KnowledgeBase, Source, Text};

/// The list of articles.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SourcesView {
    /// Output shape version.
    pub schema_version: u32,
    /// The articles, in knowledge-base order.
    pub sources: Vec<SourceRow>,
}

/// One article.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SourceRow {
    /// Its id.
    pub id: Text,
    /// Its title.
    pub title: Text,
    /// Publisher or site, where named.
    pub publisher: Option<Text>,
    /// Date, where given.
    pub date: Option<Text>,
    /// The seed file.
    pub file: Text,
    /// Notes on the source.
    pub note: Option<Text>,
    /// How many facts and salary figures cite it.
    pub citations: usize,
}

/// Builds the list of sources with their citation counts.
pub fn sources(kb: &KnowledgeBase) -> SourcesView {
    let facts = super::every_fact(kb);
    let reasons = kb
        .questionnaire
        .questions
        .iter()
        .flat_map(|q| &q.choices)
        .map(|c| c.reason.sources.as_slice());
    let salaries = kb.roles.iter().flat_map(|r| &r.salaries);
    let cited: Vec<&[Text]> = facts
        .iter()
        .map(|f| f.fact.sources.as_slice())
        .chain(salaries.map(|s| s.sources.as_slice()))
        .chain(reasons)
        .collect();

    SourcesView {
        schema_version: SCHEMA_VERSION,
        sources: kb
            .sources
            .iter()
            .map(|source: &Source| SourceRow {
                id: source.id.clone(),
                title: source.title.clone(),
                publisher: source.publisher.clone(),
                date: source.date.clone(),
                file: source.file.clone(),
                note: source.note.clone(),
                citations: cited.iter().filter(|ids| ids.contains(&source.id)).count(),
            })
            .collect(),
    }
}
