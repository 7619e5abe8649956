//! `roles show ROLE`: one role's whole profile, grouped by section.

use std::io::Write;

use serde::Serialize;

use super::{Cited, RoleRef, find_role, pick_named};
use crate::kb::Salary;
use crate::library::Library;
use crate::render::markdown::{self, cell, cite};
use crate::render::{Painter, View, wrap};

/// Version of the `roles show` output: 2 gave each salary its `amount`,
/// `currency` and `period` beside the figure as reported.
pub const SHOW_SCHEMA_VERSION: u32 = 2;
/// The section id that selects the at-a-glance dimension values.
pub const OVERVIEW: &str = "overview";
/// The section id that selects the salary figures.
pub const SALARY: &str = "salary";
/// The heading of the salary figures.
const SALARY_TITLE: &str = "Salary, as reported";

/// A role's profile.
#[derive(Debug, Serialize)]
pub struct ShowView {
    /// Output shape version.
    pub schema_version: u32,
    /// The role.
    pub role: RoleRef,
    /// One-line summary.
    pub summary: Cited,
    /// The role's value in each comparison dimension (section `overview`).
    pub overview: Vec<Glance>,
    /// The profile sections, in knowledge-base order.
    pub sections: Vec<ShowSection>,
    /// Salary figures as reported, each with its caveats (section `salary`).
    pub salaries: Vec<Salary>,
}

/// One dimension's value for the role.
#[derive(Debug, Serialize)]
pub struct Glance {
    /// Dimension id.
    pub dimension: String,
    /// Dimension name.
    pub name: String,
    /// The value, with its sources.
    #[serde(flatten)]
    pub value: Cited,
    /// What to know before reading the value (the dimension's caveats).
    pub caveats: Vec<String>,
}

/// One section of the profile.
#[derive(Debug, Serialize)]
pub struct ShowSection {
    /// Section id.
    pub id: String,
    /// Heading.
    pub title: String,
    /// The facts, in order.
    pub facts: Vec<ShowFact>,
}

/// A fact in a section, with its theme.
#[derive(Debug, Serialize)]
pub struct ShowFact {
    /// The group it belongs to within the section, if any.
    pub theme: Option<String>,
    /// The statement, with its sources.
    #[serde(flatten)]
    pub fact: Cited,
}

/// Builds the profile of `role_id`, or only the sections named in `sections`
/// (each by id or title; all of them when empty), in profile order.
pub fn show(library: &Library, role_id: &str, sections: &[String]) -> anyhow::Result<ShowView> {
    let role = find_role(library, role_id)?;
    let profile = (role.sections.iter()).map(|s| (s.id.as_str(), s.title.as_str()));
    let known: Vec<(&str, &str)> = std::iter::once((OVERVIEW, "At a glance"))
        .chain(profile)
        .chain([(SALARY, SALARY_TITLE)])
        .collect();
    let picked = pick_named(&known, "section", "--section", sections, |s| s.0, |s| s.1)?;
    let picked: Vec<&str> = picked.into_iter().map(|(id, _)| *id).collect();
    let wants = |id: &str| picked.is_empty() || picked.contains(&id);

    let overview = library.kb.dimensions.iter().filter(|_| wants(OVERVIEW));
    let overview = overview.filter_map(|dimension| {
        let value = dimension.values.get(&role.id)?;
        Some(Glance {
            dimension: dimension.id.clone(),
            name: dimension.name.clone(),
            value: value.into(),
            caveats: dimension.caveats.clone(),
        })
    });
    let sections = role.sections.iter().filter(|s| wants(&s.id)).map(|s| {
        let facts = s.facts.iter().map(|fact| ShowFact {
            theme: fact.theme.clone(),
            fact: fact.into(),
        });
        ShowSection {
            id: s.id.clone(),
            title: s.title.clone(),
            facts: facts.collect(),
        }
    });
    let salaries = role.salaries.iter().filter(|_| wants(SALARY)).cloned();

    Ok(ShowView {
        schema_version: SHOW_SCHEMA_VERSION,
        role: role.into(),
        summary: (&role.summary).into(),
        overview: overview.collect(),
        sections: sections.collect(),
        salaries: salaries.collect(),
    })
}

/// A salary figure's particulars after the figure itself, as both the table and
/// the Markdown print them.
fn salary_details(salary: &Salary) -> String {
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

impl View for ShowView {
    const PAGED: bool = true;

    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        let title = format!("{} · {}", self.role.id.to_uppercase(), self.role.name);
        let title = painter.fill(&title, "", "");
        let (id, name) = title.split_once(' ').unwrap_or((&title, ""));
        writeln!(out, "{} {}", painter.accent(id), painter.heading(name))?;
        let summary = painter.bullet(&self.summary.text, &self.summary.sources, 0);
        writeln!(out, "{}", summary.replacen('•', " ", 1))?;

        if !self.overview.is_empty() {
            // A list rather than a boxed table: each dimension's name, then its value
            // wrapped in the column beside it.
            writeln!(out, "\n{}", painter.heading("At a glance"))?;
            let widths = self.overview.iter().map(|glance| wrap::width(&glance.name));
            let label_width = widths.max().unwrap_or(0).min(18);
            let indent = " ".repeat(label_width + 4);
            for glance in &self.overview {
                let value = painter.fill(&glance.value.text, &indent, &indent);
                let (label, width) = (painter.heading(&glance.name), wrap::width(&glance.name));
                if width > label_width {
                    writeln!(out, "  {label}\n{value}")?;
                } else {
                    let pad = " ".repeat(label_width - width);
                    writeln!(out, "  {label}{pad}  {}", &value[indent.len()..])?;
                }
                if !glance.caveats.is_empty() {
                    let note = format!("Note: {}", glance.caveats.join(" "));
                    let note = painter.fill(&note, &indent, &indent);
                    writeln!(out, "{}", painter.dim(&note))?;
                }
            }
        }

        for section in &self.sections {
            writeln!(out, "\n{}", painter.heading(&section.title))?;
            let mut theme: Option<&str> = None;
            for fact in &section.facts {
                let indent = if fact.theme.is_some() { 2 } else { 0 };
                if fact.theme.as_deref() != theme {
                    theme = fact.theme.as_deref();
                    if let Some(name) = theme {
                        writeln!(out, "  {}", painter.accent(name))?;
                    }
                }
                let bullet = painter.bullet(&fact.fact.text, &fact.fact.sources, indent);
                writeln!(out, "{bullet}")?;
            }
        }

        if !self.salaries.is_empty() {
            writeln!(out, "\n{}", painter.heading(SALARY_TITLE))?;
            for salary in &self.salaries {
                let text = format!("{}: {}", salary.figure, salary_details(salary));
                writeln!(out, "{}", painter.bullet(&text, &salary.sources, 0))?;
                for caveat in &salary.caveats {
                    let note = format!("Note: {caveat}");
                    let note = painter.fill(&note, "  ", "  ");
                    writeln!(out, "{}", painter.dim(&note))?;
                }
            }
        }
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let (name, id) = (&self.role.name, self.role.id.to_uppercase());
        writeln!(out, "# {name} ({id})\n")?;
        writeln!(out, "{} {}", self.summary.text, cite(&self.summary.sources))?;
        if !self.overview.is_empty() {
            writeln!(out, "\n## At a glance\n")?;
            let rows = self.overview.iter().map(|glance| {
                let mut value = cell(&glance.value.text);
                for caveat in &glance.caveats {
                    value.push_str(&format!("<br>*Note: {}*", cell(caveat)));
                }
                vec![cell(&glance.name), value, glance.value.sources.join(", ")]
            });
            markdown::table(out, &["Dimension", "Value", "Sources"], None, rows)?;
        }
        for section in &self.sections {
            writeln!(out, "\n## {}\n", section.title)?;
            let mut theme: Option<&str> = None;
            for fact in &section.facts {
                if fact.theme.as_deref() != theme {
                    theme = fact.theme.as_deref();
                    if let Some(name) = theme {
                        writeln!(out, "\n### {name}\n")?;
                    }
                }
                writeln!(out, "- {} {}", fact.fact.text, cite(&fact.fact.sources))?;
            }
        }
        if !self.salaries.is_empty() {
            writeln!(out, "\n## {SALARY_TITLE}\n")?;
            for salary in &self.salaries {
                let line = format!("- **{}**: {}", salary.figure, salary_details(salary));
                writeln!(out, "{line} {}", cite(&salary.sources))?;
                for caveat in &salary.caveats {
                    writeln!(out, "  - *Note:* {caveat}")?;
                }
            }
        }
        Ok(())
    }
}
