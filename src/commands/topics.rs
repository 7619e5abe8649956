//! `roles topics [TOPIC]`: the cross-role topics (when a company needs both, the
//! tension between the roles, where the articles disagree, …), listed, or one of
//! them with its facts grouped by theme.

use std::io::Write;

use serde::Serialize;

use super::{Cited, SCHEMA_VERSION, find_by_id, roles_label};
use crate::library::Library;
use crate::render::grid::Grid;
use crate::render::markdown::{self, cell, cite};
use crate::render::{Painter, View};

/// The topics, or one topic: the JSON is one shape or the other.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum TopicsView {
    /// Every topic, when none is named.
    List(TopicList),
    /// The topic named, with its facts.
    One(TopicDetail),
}

/// Every topic, in knowledge-base order.
#[derive(Debug, Serialize)]
pub struct TopicList {
    /// Output shape version.
    pub schema_version: u32,
    /// The topics.
    pub topics: Vec<TopicSummary>,
}

/// A topic in the list.
#[derive(Debug, Serialize)]
pub struct TopicSummary {
    /// Its id, as `roles topics ID` takes it.
    pub id: String,
    /// Its title.
    pub title: String,
    /// How many facts it holds.
    pub facts: usize,
}

/// One topic, its facts grouped by theme.
#[derive(Debug, Serialize)]
pub struct TopicDetail {
    /// Output shape version.
    pub schema_version: u32,
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The facts by theme, themes in the order they first appear.
    pub themes: Vec<ThemeGroup>,
}

/// The facts of a topic that share a theme.
#[derive(Debug, Serialize)]
pub struct ThemeGroup {
    /// The theme; `null` for the facts that have none.
    pub theme: Option<String>,
    /// The facts, in knowledge-base order.
    pub facts: Vec<Cited>,
}

/// Lists the topics, or shows the one `topic` names (an unknown id is bad input
/// that suggests the closest).
pub fn topics(library: &Library, topic: Option<&str>) -> anyhow::Result<TopicsView> {
    let Some(id) = topic else {
        let topics = library.topics.iter().map(|topic| TopicSummary {
            id: topic.id.clone(),
            title: topic.title.clone(),
            facts: topic.facts.len(),
        });
        return Ok(TopicsView::List(TopicList {
            schema_version: SCHEMA_VERSION,
            topics: topics.collect(),
        }));
    };
    let topic = find_by_id(&library.topics, "topic", id, |topic| &topic.id)?;
    // The facts grouped by theme, themes in order of first appearance.
    let mut themes: Vec<ThemeGroup> = Vec::new();
    for fact in &topic.facts {
        let entry = Cited::about_roles(fact);
        match themes.iter_mut().find(|group| group.theme == fact.theme) {
            Some(group) => group.facts.push(entry),
            None => themes.push(ThemeGroup {
                theme: fact.theme.clone(),
                facts: vec![entry],
            }),
        }
    }
    Ok(TopicsView::One(TopicDetail {
        schema_version: SCHEMA_VERSION,
        id: topic.id.clone(),
        title: topic.title.clone(),
        themes,
    }))
}

impl View for TopicsView {
    const PAGED: bool = true;

    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        match self {
            TopicsView::List(list) => {
                let rows = (list.topics.iter())
                    .map(|t| vec![t.id.to_string(), t.title.to_string(), t.facts.to_string()]);
                let grid = Grid::new(&["Id", "Topic", "Facts"], rows).align_right(2);
                writeln!(out, "{}", painter.draw(&grid))?;
                if let Some(first) = list.topics.first() {
                    let hint = format!("One topic with its facts: `roles topics {}`.", first.id);
                    let hint = painter.fill(&hint, "", "");
                    writeln!(out, "{}", painter.dim(&hint))?;
                }
            }
            TopicsView::One(topic) => {
                let id = painter.dim(&format!("({})", topic.id));
                let title = format!("{} {id}", painter.heading(&topic.title));
                writeln!(out, "{}", painter.fill(&title, "", ""))?;
                for group in &topic.themes {
                    let indent = if group.theme.is_some() { 2 } else { 0 };
                    writeln!(out)?;
                    if let Some(theme) = &group.theme {
                        let theme = painter.fill(theme, "", "");
                        writeln!(out, "{}", painter.accent(&theme))?;
                    }
                    for fact in &group.facts {
                        let text = fact.labelled(str::to_owned);
                        let label = roles_label(fact.roles.as_deref().unwrap_or_default());
                        let bullet = painter.bullet(&text, &fact.sources, indent);
                        let bullet = match label.is_empty() {
                            true => bullet,
                            false => bullet.replacen(&label, &painter.heading(&label), 1),
                        };
                        writeln!(out, "{bullet}")?;
                    }
                }
            }
        }
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        match self {
            TopicsView::List(list) => {
                writeln!(out, "# Topics\n")?;
                let rows = (list.topics.iter())
                    .map(|t| vec![format!("`{}`", t.id), cell(&t.title), t.facts.to_string()]);
                markdown::table(out, &["Id", "Topic", "Facts"], Some(2), rows)?;
            }
            TopicsView::One(topic) => {
                writeln!(out, "# {}", topic.title)?;
                for group in &topic.themes {
                    writeln!(out)?;
                    if let Some(theme) = &group.theme {
                        writeln!(out, "## {theme}\n")?;
                    }
                    for fact in &group.facts {
                        let line = fact.labelled(|label| format!("**{label}**"));
                        writeln!(out, "- {line} {}", cite(&fact.sources))?;
                    }
                }
            }
        }
        Ok(())
    }
}
