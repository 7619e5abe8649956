//! `roles sources`: the articles, and how many facts cite each.

use std::io::Write;

use schemars::JsonSchema;
use serde::Serialize;

use super::SCHEMA_VERSION;
use crate::kb::{Source, Text};
use crate::library::Library;
use crate::render::grid::Grid;
use crate::render::markdown::{cell, table_row};
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
    /// How many facts, salary figures and reasons cite it.
    pub citations: usize,
}

/// The source lists of everything in the knowledge base that cites: facts,
/// salary figures, the questionnaires' reasons and caveats, the career guide's
/// requirements, steps, skills and caveats, the disputes' views and the areas' facts.
fn citations(library: &Library) -> Vec<&[Text]> {
    // Topic `disagreements` is the disputes' views again: they count once, as views.
    let built = crate::kb::disputes::disagreements(&[], library.disputes());
    let mut facts = super::every_fact(library);
    facts.retain(|f| !matches!(f.place, super::Place::Topic(t) if built.as_ref() == Some(t)));
    let career = library.career();
    let choices = library
        .questionnaire()
        .questions
        .iter()
        .chain(&career.questions)
        .flat_map(|q| &q.choices);
    let reasons = choices.clone().flat_map(|c| {
        std::iter::once(c.reason.sources.as_slice())
            .chain(c.caveat.as_ref().map(|caveat| caveat.sources.as_slice()))
    });
    let salaries = library.roles().iter().flat_map(|r| &r.salaries);
    let requirements = career.requirements.values().flatten();
    let steps = career.stepping_stones.values().flat_map(|path| &path.steps);
    let skills = career.skills.values().flatten();
    let caveats = career.caveats.iter().flat_map(|caveat| &caveat.points);
    let views = library.disputes().iter().flat_map(|dispute| &dispute.views);
    let areas = library.areas().iter().flat_map(|area| &area.facts);
    let postings = library.jd().values().flat_map(|posting| {
        [&posting.about, &posting.fractional_engagement]
            .into_iter()
            .map(|paragraph| paragraph.sources.as_slice())
            .chain(
                [
                    &posting.duties,
                    &posting.measures,
                    &posting.requirements,
                    &posting.assets,
                    &posting.backgrounds,
                ]
                .into_iter()
                .flatten()
                .map(|item| item.sources.as_slice()),
            )
    });
    facts
        .iter()
        .map(|f| f.fact.sources.as_slice())
        .chain(salaries.map(|s| s.sources.as_slice()))
        .chain(reasons)
        .chain(requirements.map(|r| r.sources.as_slice()))
        .chain(steps.map(|s| s.sources.as_slice()))
        .chain(skills.map(|s| s.sources.as_slice()))
        .chain(caveats.map(|c| c.sources.as_slice()))
        .chain(views.map(|v| v.sources.as_slice()))
        .chain(areas.map(|f| f.sources.as_slice()))
        .chain(postings)
        .collect()
}

/// Builds the list of sources with their citation counts.
pub fn sources(library: &Library) -> SourcesView {
    let cited = citations(library);

    SourcesView {
        schema_version: SCHEMA_VERSION,
        sources: library
            .sources()
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

impl View for SourcesView {
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        let mut grid = Grid::new(Some(
            ["Id", "Article", "Date", "Cited"]
                .map(String::from)
                .to_vec(),
        ))
        .align_right(3);
        for source in &self.sources {
            let mut article = source.title.to_string();
            for extra in [&source.publisher, &source.note].into_iter().flatten() {
                article.push('\n');
                article.push_str(&painter.dim(extra));
            }
            article.push('\n');
            article.push_str(&painter.dim(&source.file));
            grid.row(vec![
                source.id.to_string(),
                article,
                source.date.as_deref().unwrap_or("—").to_owned(),
                source.citations.to_string(),
            ]);
        }
        writeln!(out, "{}", painter.draw(&grid))?;
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "# Sources\n")?;
        table_row(
            out,
            &[
                "Id".into(),
                "Article".into(),
                "Date".into(),
                "File".into(),
                "Cited".into(),
            ],
        )?;
        table_row(out, &vec!["---".to_owned(); 5])?;
        for source in &self.sources {
            let mut article = cell(&source.title);
            if let Some(publisher) = &source.publisher {
                article.push_str(&format!(", {}", cell(publisher)));
            }
            table_row(
                out,
                &[
                    format!("`{}`", source.id),
                    article,
                    source.date.as_deref().unwrap_or("—").to_owned(),
                    format!("`{}`", source.file),
                    source.citations.to_string(),
                ],
            )?;
        }
        Ok(())
    }
}
