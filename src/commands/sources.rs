//! `roles sources`: the articles, and how many facts cite each.

use std::io::Write;

use serde::Serialize;

use super::SCHEMA_VERSION;
use crate::kb::Source;
use crate::library::Library;
use crate::render::grid::Grid;
use crate::render::markdown::{self, cell};
use crate::render::{Painter, View};

/// The list of articles.
#[derive(Debug, Serialize)]
pub struct SourcesView {
    /// Output shape version.
    pub schema_version: u32,
    /// The articles, in knowledge-base order.
    pub sources: Vec<SourceRow>,
}

/// One article.
#[derive(Debug, Serialize)]
pub struct SourceRow {
    /// The article, as the knowledge base gives it.
    #[serde(flatten)]
    pub source: Source,
    /// How many facts, salary figures and reasons cite it.
    pub citations: usize,
}

/// The source lists of everything in the knowledge base that cites. Walked by
/// hand, not through a serialisation of the whole knowledge base, which took 5.8x
/// a hello world's wall time (BENCHMARKS.md); a new part that cites needs a line here.
fn citations(library: &Library) -> Vec<&[String]> {
    // Topic `disagreements` is the disputes' views again: they count once, as views.
    let built = crate::kb::disputes::disagreements(&[], &library.kb.disputes);
    let built = built.map(|topic| format!("topic/{}", topic.id));
    let mut cited: Vec<&[String]> = (super::every_fact(library).into_iter())
        .filter(|f| built.as_ref() != Some(&f.id))
        .map(|f| f.fact.sources.as_slice())
        .collect();
    let career = &library.kb.career;
    let questions = (library.kb.questionnaire.questions.iter()).chain(&career.questions);
    for choice in questions.flat_map(|q| &q.choices) {
        cited.push(&choice.reason.sources);
        cited.extend(choice.caveat.as_ref().map(|c| c.sources.as_slice()));
    }
    let salaries = library.kb.roles.iter().flat_map(|r| &r.salaries);
    cited.extend(salaries.map(|s| s.sources.as_slice()));
    let requirements = career.requirements.values().flatten();
    cited.extend(requirements.map(|r| r.sources.as_slice()));
    let steps = career.stepping_stones.values().flat_map(|path| &path.steps);
    cited.extend(steps.map(|s| s.sources.as_slice()));
    let skills = career.skills.values().flatten();
    cited.extend(skills.map(|s| s.sources.as_slice()));
    let caveats = career.caveats.iter().flat_map(|caveat| &caveat.points);
    cited.extend(caveats.map(|c| c.sources.as_slice()));
    let views = library
        .kb
        .disputes
        .iter()
        .flat_map(|dispute| &dispute.views);
    cited.extend(views.map(|v| v.sources.as_slice()));
    let areas = library.kb.areas.iter().flat_map(|area| &area.facts);
    cited.extend(areas.map(|f| f.sources.as_slice()));
    for posting in library.kb.jd.values() {
        let paragraphs = [&posting.about, &posting.fractional_engagement];
        cited.extend(paragraphs.map(|paragraph| paragraph.sources.as_slice()));
        let lists = [&posting.duties, &posting.measures, &posting.requirements];
        let items = lists
            .into_iter()
            .chain([&posting.assets, &posting.backgrounds]);
        cited.extend(items.flatten().map(|item| item.sources.as_slice()));
    }
    cited
}

/// Builds the list of sources with their citation counts.
pub fn sources(library: &Library) -> anyhow::Result<SourcesView> {
    let cited = citations(library);
    Ok(SourcesView {
        schema_version: SCHEMA_VERSION,
        sources: (library.kb.sources.iter())
            .map(|source| SourceRow {
                citations: cited.iter().filter(|ids| ids.contains(&source.id)).count(),
                source: source.clone(),
            })
            .collect(),
    })
}

impl View for SourcesView {
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        let rows = self.sources.iter().map(|SourceRow { source, citations }| {
            let mut article = source.title.to_string();
            let extras = [source.publisher.as_deref(), source.note.as_deref()];
            for extra in extras.into_iter().flatten().chain([source.file.as_str()]) {
                article.push('\n');
                article.push_str(&painter.dim(extra));
            }
            let date = source.date.as_deref().unwrap_or("—").to_owned();
            let (id, cited) = (source.id.to_string(), citations.to_string());
            vec![id, article, date, cited]
        });
        let grid = Grid::new(&["Id", "Article", "Date", "Cited"], rows).align_right(3);
        writeln!(out, "{}", painter.draw(&grid))?;
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "# Sources\n")?;
        let rows = self.sources.iter().map(|SourceRow { source, citations }| {
            let mut article = cell(&source.title);
            if let Some(publisher) = &source.publisher {
                article.push_str(&format!(", {}", cell(publisher)));
            }
            let date = source.date.as_deref().unwrap_or("—").to_owned();
            let (id, file) = (format!("`{}`", source.id), format!("`{}`", source.file));
            vec![id, article, date, file, citations.to_string()]
        });
        markdown::table(out, &["Id", "Article", "Date", "File", "Cited"], None, rows)?;
        Ok(())
    }
}
