//! `roles split`: who owns what in a company that has both roles. Each area of
//! responsibility has an owner (a role, `shared`, `divided` or `disputed`) and the
//! facts behind it; a disputed area names its dispute and asks for an explicit
//! decision, while a divided one is no disagreement: each role has its own part.

use std::io::Write;

use serde::Serialize;

use super::{Cited, RoleRef, distinct};
use crate::kb::disputes::{Area, DISPUTED, DIVIDED, SHARED};
use crate::library::Library;
use crate::render::grid::Grid;
use crate::render::markdown::{self, cell, cite};
use crate::render::{Painter, View};

/// The shape of `roles split` JSON: 2 since an owner may be `divided`.
pub const SPLIT_SCHEMA_VERSION: u32 = 2;

/// Who owns what.
#[derive(Debug, Serialize)]
pub struct SplitView {
    /// Output shape version.
    pub schema_version: u32,
    /// The roles of the knowledge base, whose ids owners and facts use.
    pub roles: Vec<RoleRef>,
    /// The areas, in knowledge-base order.
    pub areas: Vec<SplitArea>,
}

/// One area of responsibility and its owner.
#[derive(Debug, Serialize)]
pub struct SplitArea {
    /// Area id.
    pub id: String,
    /// Heading.
    pub title: String,
    /// A role id, `shared` (the articles give it to both), `divided` (each role
    /// a different part of it) or `disputed` (they disagree).
    pub owner: String,
    /// Why: the facts, each with the roles it gives the area to and its sources.
    pub facts: Vec<Cited>,
    /// Every source the facts cite, in order of first citation.
    pub sources: Vec<String>,
    /// For a disputed area: the dispute, as `roles disputes` shows it.
    pub dispute: Option<DisputeRef>,
    /// For a disputed area: what the company has to do about it.
    pub decide: Option<String>,
}

/// The dispute a disputed area refers to.
#[derive(Debug, Serialize)]
pub struct DisputeRef {
    /// Its id.
    pub id: String,
    /// Its question.
    pub question: String,
}

/// The table's legend for the two owners that are not roles.
const LEGEND: &str = "Shared: the articles give the area to more than one role. Divided: each role has its own part of it, as the facts say. Disputed: they disagree; every company strikes its own balance between the roles, so decide the owner explicitly.";

/// Builds who owns what from the knowledge base's areas.
pub fn split(library: &Library) -> SplitView {
    let area = |area: &Area| {
        let dispute = (area.dispute.as_ref())
            .and_then(|id| library.kb.disputes.iter().find(|dispute| &dispute.id == id))
            .map(|d| DisputeRef {
                id: d.id.clone(),
                question: d.question.clone(),
            });
        let question = dispute.as_ref().map_or(&area.title, |d| &d.question);
        // The tension article's point: every company strikes the balance between
        // the two roles its own way, so nobody else settles it for you.
        let decide = (area.owner == DISPUTED)
            .then(|| format!("Decide it explicitly: see “{question}” in `roles disputes`."));
        SplitArea {
            id: area.id.clone(),
            title: area.title.clone(),
            owner: area.owner.clone(),
            facts: area.facts.iter().map(Cited::about_roles).collect(),
            sources: distinct(area.facts.iter().flat_map(|f| f.sources.iter().cloned())),
            dispute,
            decide,
        }
    };
    SplitView {
        schema_version: SPLIT_SCHEMA_VERSION,
        roles: library.role_refs.to_vec(),
        areas: library.kb.areas.iter().map(area).collect(),
    }
}

/// An owner as people read it: a role id in capitals, `Shared` or `Disputed`.
fn owner_label(owner: &str) -> String {
    match owner {
        SHARED => "Shared".to_owned(),
        DIVIDED => "Divided".to_owned(),
        DISPUTED => "Disputed".to_owned(),
        role => role.to_uppercase(),
    }
}

/// A fact as one line of text: `CIO: text [sources]`.
fn fact_line(fact: &Cited) -> String {
    format!("{} {}", fact.labelled(str::to_owned), cite(&fact.sources))
}

impl View for SplitView {
    const PAGED: bool = true;

    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        if self.areas.is_empty() {
            let none = "This knowledge base records no areas of responsibility.";
            writeln!(out, "{none}")?;
            return Ok(());
        }
        let rows = self.areas.iter().map(|area| {
            let mut why: Vec<String> = (area.facts.iter())
                .map(|fact| format!("• {}", fact_line(fact)))
                .collect();
            why.extend(area.decide.as_ref().map(|decide| format!("→ {decide}")));
            let (title, owner) = (area.title.to_string(), owner_label(&area.owner));
            vec![title, owner, why.join("\n")]
        });
        let grid = (Grid::new(&["Area", "Owner", "Why"], rows))
            .cap(0, 20)
            .cap(1, 8);
        writeln!(out, "{}", painter.draw(&grid))?;
        let legend = painter.fill(LEGEND, "", "");
        writeln!(out, "{}", painter.dim(&legend))?;
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "# Who owns what\n")?;
        let rows = self.areas.iter().map(|area| {
            let mut why: Vec<String> = (area.facts.iter())
                .map(|fact| format!("• {}", cell(&fact_line(fact))))
                .collect();
            why.extend(area.decide.as_ref().map(|d| format!("**{}**", cell(d))));
            let owner = format!("**{}**", owner_label(&area.owner));
            vec![cell(&area.title), owner, why.join("<br>")]
        });
        markdown::table(out, &["Area", "Owner", "Why"], None, rows)?;
        writeln!(out, "\n{LEGEND}")?;
        Ok(())
    }
}
