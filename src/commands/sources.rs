//! `roles sources`: the articles, and how many facts cite each.

use std::io::Write;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use super::SCHEMA_VERSION;
use crate::library::Library;
use crate::render::grid::Grid;
use crate::render::markdown::{self, cell};
use crate::render::{Painter, View};

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
    pub id: String,
    /// Its title.
    pub title: String,
    /// Publisher or site, where named.
    pub publisher: Option<String>,
    /// Date, where given.
    pub date: Option<String>,
    /// The seed file.
    pub file: String,
    /// Notes on the source.
    pub note: Option<String>,
    /// How many facts, salary figures and reasons cite it.
    pub citations: usize,
}

/// Every list of source ids in the knowledge base (facts, salary figures, the
/// questionnaires' reasons and caveats, the career guide, disputes, areas and
/// postings), found by walking its serialisation, so a new part is counted
/// without a line here. The topic built from the disputes is not in it, so
/// their views count once.
fn citations(value: &Value, found: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields {
                match serde_json::from_value::<Vec<String>>(field.clone()) {
                    Ok(ids) if key == "sources" => found.push(ids),
                    _ => citations(field, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| citations(item, found)),
        _ => {}
    }
}

/// Builds the list of sources with their citation counts.
pub fn sources(library: &Library) -> anyhow::Result<SourcesView> {
    let mut cited = Vec::new();
    citations(&serde_json::to_value(library.whole())?, &mut cited);
    Ok(SourcesView {
        schema_version: SCHEMA_VERSION,
        sources: (library.sources().iter())
            .map(|source| SourceRow {
                id: source.id.clone(),
                title: source.title.clone(),
                publisher: source.publisher.clone(),
                date: source.date.clone(),
                file: source.file.clone(),
                note: source.note.clone(),
                citations: cited.iter().filter(|ids| ids.contains(&source.id)).count(),
            })
            .collect(),
    })
}

impl View for SourcesView {
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        let rows = self.sources.iter().map(|source| {
            let mut article = source.title.to_string();
            let extras = [source.publisher.as_deref(), source.note.as_deref()];
            for extra in extras.into_iter().flatten().chain([source.file.as_str()]) {
                article.push('\n');
                article.push_str(&painter.dim(extra));
            }
            let date = source.date.as_deref().unwrap_or("—").to_owned();
            vec![
                source.id.to_string(),
                article,
                date,
                source.citations.to_string(),
            ]
        });
        let grid = Grid::new(&["Id", "Article", "Date", "Cited"], rows).align_right(3);
        writeln!(out, "{}", painter.draw(&grid))?;
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "# Sources\n")?;
        let rows = self.sources.iter().map(|source| {
            let mut article = cell(&source.title);
            if let Some(publisher) = &source.publisher {
                article.push_str(&format!(", {}", cell(publisher)));
            }
            let date = source.date.as_deref().unwrap_or("—").to_owned();
            let file = format!("`{}`", source.file);
            vec![
                format!("`{}`", source.id),
                article,
                date,
                file,
                source.citations.to_string(),
            ]
        });
        markdown::table(out, &["Id", "Article", "Date", "File", "Cited"], None, rows)?;
        Ok(())
    }
}
