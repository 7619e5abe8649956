//! `roles jd ROLE`: a job-description draft assembled from the role's profile.
//!
//! It draws on the sections `responsibilities`, `kpis`, `qualifications` and
//! `career-path` where the role has them; qualification facts whose theme
//! mentions experience go under "Experience". A custom role with other sections
//! still gets its summary and whatever of these it has.

use std::io::Write;

use schemars::JsonSchema;
use serde::Serialize;

use super::{RoleRef, SCHEMA_VERSION, find_role, show::ShowFact};
use crate::kb::{Role, Text};
use crate::library::Library;
use crate::render::{Painter, View};

/// A job description draft.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JobDescription {
    /// Output shape version.
    pub schema_version: u32,
    /// The role.
    pub role: RoleRef,
    /// Whether the draft is for a fractional (part-time) engagement.
    pub fractional: bool,
    /// The job title as advertised.
    pub title: Text,
    /// The opening paragraph.
    pub summary: Text,
    /// How the engagement is framed.
    pub engagement: Text,
    /// What the person will do.
    pub responsibilities: Vec<ShowFact>,
    /// What success is measured by.
    pub success_measures: Vec<ShowFact>,
    /// Degrees, certifications and skills sought.
    pub qualifications: Vec<ShowFact>,
    /// The experience sought.
    pub experience: Vec<ShowFact>,
    /// Roles people typically come from.
    pub background: Vec<ShowFact>,
    /// What a fractional hire brings, for the fractional variant.
    pub fractional_benefits: Vec<ShowFact>,
    /// Every source the draft cites.
    pub sources: Vec<Text>,
}

fn facts(role: &Role, section: &str, keep: impl Fn(&ShowFact) -> bool) -> Vec<ShowFact> {
    role.sections
        .iter()
        .filter(|s| s.id == section)
        .flat_map(|s| &s.facts)
        .map(|fact| ShowFact {
            theme: fact.theme.clone(),
            text: fact.text.clone(),
            sources: fact.sources.clone(),
        })
        .filter(keep)
        .collect()
}

fn is_experience(fact: &ShowFact) -> bool {
    fact.theme
        .as_deref()
        .is_some_and(|t| t.to_lowercase().contains("experience"))
}

/// Drafts the job description of `role_id`.
pub fn job_description(
    library: &Library,
    role_id: &str,
    fractional: bool,
) -> anyhow::Result<JobDescription> {
    let role = find_role(library, role_id)?;
    let responsibilities = facts(role, "responsibilities", |_| true);
    let success_measures = facts(role, "kpis", |_| true);
    let qualifications = facts(role, "qualifications", |f| !is_experience(f));
    let experience = facts(role, "qualifications", is_experience);
    let background = facts(role, "career-path", |_| true);
    let fractional_benefits = if fractional {
        facts(role, "fractional", |_| true)
    } else {
        Vec::new()
    };
    let mut sources: Vec<Text> = role.summary.sources.clone();
    for fact in [
        &responsibilities,
        &success_measures,
        &qualifications,
        &experience,
        &background,
        &fractional_benefits,
    ]
    .into_iter()
    .flatten()
    {
        sources.extend(fact.sources.iter().cloned());
    }
    let order = |id: &Text| library.sources().iter().position(|s| &s.id == id);
    sources.sort_by_key(order);
    sources.dedup();

    let (title, engagement) = if fractional {
        (
            format!("Fractional {} ({})", role.name, role.id.to_uppercase()),
            "A part-time, fractional engagement: senior leadership for a set number of days a \
             month, scaled up or down as the company grows, without the cost of a full-time \
             executive."
                .to_owned(),
        )
    } else {
        (
            format!("{} ({})", role.name, role.id.to_uppercase()),
            "A full-time, permanent executive position.".to_owned(),
        )
    };
    Ok(JobDescription {
        schema_version: SCHEMA_VERSION,
        role: role.into(),
        fractional,
        title: title.into(),
        summary: role.summary.text.clone(),
        engagement: engagement.into(),
        responsibilities,
        success_measures,
        qualifications,
        experience,
        background,
        fractional_benefits,
        sources,
    })
}

impl View for JobDescription {
    /// A job description is a Markdown document wherever it is read.
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        // Markdown still, so it can be pasted, but fitted to the terminal.
        let mut text = Vec::new();
        self.markdown(&mut text)?;
        let text = String::from_utf8_lossy(&text);
        out.write_all(crate::render::markdown::fit(&text, painter.width()).as_bytes())?;
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "# {}\n", self.title)?;
        writeln!(out, "## About the role\n")?;
        writeln!(out, "{}\n", self.summary)?;
        writeln!(out, "**Engagement:** {}", self.engagement)?;
        let sections = [
            ("What you will do", &self.responsibilities),
            ("How success is measured", &self.success_measures),
            ("Qualifications", &self.qualifications),
            ("Experience", &self.experience),
            ("Typical background", &self.background),
            (
                "What a fractional engagement gives you",
                &self.fractional_benefits,
            ),
        ];
        for (heading, facts) in sections {
            if facts.is_empty() {
                continue;
            }
            writeln!(out, "\n## {heading}")?;
            let grouped = heading == "What you will do";
            let mut theme: Option<&str> = None;
            for (index, fact) in facts.iter().enumerate() {
                if index == 0 || grouped && fact.theme.as_deref() != theme {
                    theme = fact.theme.as_deref();
                    match theme {
                        Some(name) if grouped => writeln!(out, "\n### {name}\n")?,
                        _ => writeln!(out)?,
                    }
                }
                writeln!(out, "- {}", fact.text)?;
            }
        }
        writeln!(
            out,
            "\n---\n\n_Drafted by `roles jd` from the knowledge base (sources: {}). Review before publishing._",
            self.sources.join(", ")
        )?;
        Ok(())
    }
}
