//! `roles disputes`: each point where the articles disagree, as a question with
//! its views side by side, each view citing its articles by title.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use super::SCHEMA_VERSION;
use crate::kb::disputes::{Dispute, DisputeView};
use crate::library::Library;
use crate::render::grid::Grid;
use crate::render::markdown::{self, cell};
use crate::render::{Painter, View};

/// The disputes.
#[derive(Debug, Serialize)]
pub struct DisputesView {
    /// Output shape version.
    pub schema_version: u32,
    /// The disputes, in knowledge-base order.
    pub disputes: Vec<Dispute>,
    /// Each cited source's title by id, for people (JSON carries the ids; `roles
    /// sources` has the titles).
    #[serde(skip)]
    pub titles: BTreeMap<String, String>,
}

/// Builds the list of disputes.
pub fn disputes(library: &Library) -> DisputesView {
    let titles = (library.kb.sources.iter()).map(|s| (s.id.clone(), s.title.clone()));
    DisputesView {
        schema_version: SCHEMA_VERSION,
        disputes: library.kb.disputes.to_vec(),
        titles: titles.collect(),
    }
}

impl DisputesView {
    /// The titles of the sources a view cites, in quotes (an id should one
    /// have no title).
    fn titles(&self, view: &DisputeView) -> Vec<String> {
        let title = |id| format!("“{}”", self.titles.get(id).unwrap_or(id));
        view.sources.iter().map(title).collect()
    }
}

/// A view's column heading: what it says, then whose articles say it, so two
/// views that give the point to the same role still read apart.
fn heading(view: &DisputeView, between: &str) -> String {
    let label = (view.label.clone()).unwrap_or_else(|| super::roles_label(&view.roles));
    format!("{label}{between}({})", view.sources.join(", "))
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
            let question = painter.fill(&dispute.question, "", "");
            writeln!(out, "{}", painter.heading(&question))?;
            let header: Vec<String> = dispute.views.iter().map(|v| heading(v, "\n")).collect();
            let row = (dispute.views.iter())
                .map(|view| format!("{}\n\n{}", view.text, self.titles(view).join("\n")));
            let grid = Grid::new(&header, [row.collect()]);
            writeln!(out, "{}", painter.draw(&grid))?;
            if let Some(note) = &dispute.note {
                let note = painter.fill(&format!("Note: {note}"), "", "");
                writeln!(out, "{}", painter.dim(&note))?;
            }
        }
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "# Where the articles disagree")?;
        for dispute in &self.disputes {
            writeln!(out, "\n## {}\n", dispute.question)?;
            let header: Vec<String> = (dispute.views.iter())
                .map(|v| cell(&heading(v, " ")))
                .collect();
            let row = dispute.views.iter().map(|view| {
                let titles = self.titles(view).join("; ");
                format!("{}<br><br>*{}*", cell(&view.text), cell(&titles))
            });
            markdown::table(out, &header, None, [row.collect()])?;
            if let Some(note) = &dispute.note {
                writeln!(out, "\n*Note:* {note}")?;
            }
        }
        Ok(())
    }
}
