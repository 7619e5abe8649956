//! `roles disputes`: each point where the articles disagree, as a question with
//! its views side by side, each view citing its articles by title.

use std::collections::BTreeMap;
use std::io::Write;

use schemars::JsonSchema;
use serde::Serialize;

use super::SCHEMA_VERSION;
use crate::kb::Text;
use crate::kb::browse::Dispute;
use crate::library::Library;
use crate::render::grid::Grid;
use crate::render::markdown::{cell, table_row};
use crate::render::{Painter, View, wrap};

/// The disputes.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DisputesView {
    /// Output shape version.
    pub schema_version: u32,
    /// The disputes, in knowledge-base order: `{id, question, views: [{text,
    /// roles, sources}], note}`.
    pub disputes: Vec<Dispute>,
    /// Each cited source's title by id, for people (JSON carries the ids; `roles
    /// sources` has the titles).
    #[serde(skip)]
    pub titles: BTreeMap<Text, Text>,
}

/// Builds the list of disputes.
pub fn disputes(library: &Library) -> DisputesView {
    DisputesView {
        schema_version: SCHEMA_VERSION,
        disputes: library.disputes().to_vec(),
        titles: library
            .sources()
            .iter()
            .map(|source| (source.id.clone(), source.title.clone()))
            .collect(),
    }
}

impl DisputesView {
    /// A source's title in quotes, or its id should it have none.
    fn title(&self, id: &str) -> String {
        format!(
            "“{}”",
            self.titles.get(id).map_or(id, |title| title.as_str())
        )
    }
}

/// The roles a view gives the point to, as a column heading: `CIO, CTO`.
fn roles_label(roles: &[Text]) -> String {
    roles
        .iter()
        .map(|role| role.to_uppercase())
        .collect::<Vec<_>>()
        .join(", ")
}

impl View for DisputesView {
    const PAGED: bool = true;

    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        if self.disputes.is_empty() {
            writeln!(out, "This knowledge base records no disputes.")?;
            return Ok(());
        }
        for (index, dispute) in self.disputes.iter().enumerate() {
            if index > 0 {
                writeln!(out)?;
            }
            let question = wrap::fill(&dispute.question, painter.width(), "", "");
            writeln!(out, "{}", painter.heading(&question))?;
            let header = dispute.views.iter().map(|v| roles_label(&v.roles));
            let mut grid = Grid::new(Some(header.collect()));
            grid.row(
                dispute
                    .views
                    .iter()
                    .map(|view| {
                        let titles: Vec<String> =
                            view.sources.iter().map(|id| self.title(id)).collect();
                        format!("{}\n\n{}", view.text, titles.join("\n"))
                    })
                    .collect(),
            );
            writeln!(out, "{}", painter.draw(&grid))?;
            if let Some(note) = &dispute.note {
                let note = wrap::fill(&format!("Note: {note}"), painter.width(), "", "");
                writeln!(out, "{}", painter.dim(&note))?;
            }
        }
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "# Where the articles disagree")?;
        for dispute in &self.disputes {
            writeln!(out, "\n## {}\n", dispute.question)?;
            let header: Vec<String> = dispute
                .views
                .iter()
                .map(|v| roles_label(&v.roles))
                .collect();
            table_row(out, &header)?;
            table_row(out, &vec!["---".to_owned(); header.len()])?;
            let cells: Vec<String> = dispute
                .views
                .iter()
                .map(|view| {
                    let titles: Vec<String> =
                        view.sources.iter().map(|id| self.title(id)).collect();
                    format!("{}<br><br>*{}*", cell(&view.text), cell(&titles.join("; ")))
                })
                .collect();
            table_row(out, &cells)?;
            if let Some(note) = &dispute.note {
                writeln!(out, "\n*Note:* {note}")?;
            }
        }
        Ok(())
    }
}
