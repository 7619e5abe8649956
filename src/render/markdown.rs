//! Markdown: headings, bullet lists and pipe tables to paste into documents.

use std::io::Write;

use crate::kb::Text;

use super::{Output, Validated};
use crate::advise::{Advice, Answer};
use crate::view::compare::CompareView;
use crate::view::jd::JobDescription;
use crate::view::search::SearchView;
use crate::view::show::ShowView;
use crate::view::sources::SourcesView;

/// Writes `output` as Markdown.
pub fn render(output: &Output, out: &mut dyn Write) -> anyhow::Result<()> {
    match output {
        Output::Compare(view) => compare(view, out),
        Output::Show(view) => show(view, out),
        Output::Search(view) => search(view, out),
        Output::Sources(view) => sources(view, out),
        Output::Dump(_) => {
            writeln!(out, "```yaml")?;
            super::yaml::render(output, out)?;
            writeln!(out, "```")?;
            Ok(())
        }
        Output::Validated(view) => validated(view, out),
        Output::Schema(_) => {
            writeln!(out, "```json")?;
            super::json::render(output, out)?;
            writeln!(out, "```")?;
            Ok(())
        }
        Output::Advice(view) => advice(view, out),
        Output::JobDescription(view) => job_description(view, out),
    }
}

/// Escapes text for a table cell: pipes would end the cell, newlines the row.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

fn cite(sources: &[Text]) -> String {
    format!("[{}]", sources.join(", "))
}

fn table_row(out: &mut dyn Write, cells: &[String]) -> std::io::Result<()> {
    writeln!(out, "| {} |", cells.join(" | "))
}

fn compare(view: &CompareView, out: &mut dyn Write) -> anyhow::Result<()> {
    let names: Vec<&str> = view.roles.iter().map(|r| r.name.as_str()).collect();
    writeln!(out, "# {}\n", names.join(" vs "))?;
    let mut header = vec![String::new()];
    header.extend(
        view.roles
            .iter()
            .map(|r| format!("{} ({})", r.name, r.id.to_uppercase())),
    );
    table_row(out, &header)?;
    table_row(out, &vec!["---".to_owned(); header.len()])?;
    for row in &view.dimensions {
        let mut cells = vec![format!("**{}**", cell(&row.name))];
        for role in &view.roles {
            cells.push(match row.values.get(&role.id).and_then(Option::as_ref) {
                Some(value) => format!("{} {}", cell(&value.text), cite(&value.sources)),
                None => "—".to_owned(),
            });
        }
        table_row(out, &cells)?;
    }
    Ok(())
}

fn show(view: &ShowView, out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(
        out,
        "# {} ({})\n",
        view.role.name,
        view.role.id.to_uppercase()
    )?;
    writeln!(out, "{} {}", view.summary.text, cite(&view.summary.sources))?;
    if !view.overview.is_empty() {
        writeln!(out, "\n## At a glance\n")?;
        table_row(out, &["Dimension".into(), "Value".into(), "Sources".into()])?;
        table_row(out, &["---".into(), "---".into(), "---".into()])?;
        for glance in &view.overview {
            table_row(
                out,
                &[
                    cell(&glance.name),
                    cell(&glance.text),
                    glance.sources.join(", "),
                ],
            )?;
        }
    }
    for section in &view.sections {
        writeln!(out, "\n## {}\n", section.title)?;
        let mut theme: Option<&str> = None;
        for fact in &section.facts {
            if fact.theme.as_deref() != theme {
                theme = fact.theme.as_deref();
                if let Some(name) = theme {
                    writeln!(out, "\n### {name}\n")?;
                }
            }
            writeln!(out, "- {} {}", fact.text, cite(&fact.sources))?;
        }
    }
    if !view.salaries.is_empty() {
        writeln!(out, "\n## Salary, as reported\n")?;
        for salary in &view.salaries {
            let line = format!("- **{}**: {}", salary.figure, super::salary_details(salary));
            writeln!(out, "{line} {}", cite(&salary.sources))?;
        }
    }
    Ok(())
}

fn search(view: &SearchView, out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(out, "# Search: {}\n", view.terms.join(" "))?;
    if view.hits.is_empty() {
        writeln!(out, "No facts match.")?;
        return Ok(());
    }
    if let Some(lean) = &view.lean {
        writeln!(
            out,
            "The matches lean to **{}** ({}), with {:.0}% of the match weight.\n",
            lean.role.to_uppercase(),
            lean.name,
            lean.share * 100.0
        )?;
    } else {
        writeln!(out, "The matches lean to no single role.\n")?;
    }
    table_row(
        out,
        &[
            "Role".into(),
            "Where".into(),
            "Fact".into(),
            "Sources".into(),
        ],
    )?;
    table_row(out, &vec!["---".to_owned(); 4])?;
    for hit in &view.hits {
        table_row(
            out,
            &[
                hit.role.as_deref().unwrap_or("both").to_uppercase(),
                cell(&hit.section_title),
                cell(&hit.text),
                hit.sources.join(", "),
            ],
        )?;
    }
    Ok(())
}

fn sources(view: &SourcesView, out: &mut dyn Write) -> anyhow::Result<()> {
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
    for source in &view.sources {
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

fn validated(view: &Validated, out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(
        out,
        "**ok**: `{}` is a valid knowledge base: {} roles, {} dimensions, {} topics, {} facts, {} sources, {} questions.",
        view.file,
        view.roles,
        view.dimensions,
        view.topics,
        view.facts,
        view.sources,
        view.questions
    )?;
    Ok(())
}

fn advice(view: &Advice, out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(out, "# Decision record: technology leadership hire\n")?;
    writeln!(out, "## Decision\n")?;
    let names: Vec<String> = view
        .recommended_roles
        .iter()
        .map(|r| format!("**{} ({})**", r.name, r.id.to_uppercase()))
        .collect();
    writeln!(
        out,
        "Hire {}, engaged **{}**. Confidence: {} ({:.2}).",
        names.join(" and "),
        view.engagement,
        view.confidence_label,
        view.confidence
    )?;
    if let Some(tie) = &view.tie_break {
        writeln!(out, "\nTie-break: {tie}.")?;
    }

    writeln!(out, "\n## Context\n")?;
    table_row(out, &["Question".into(), "Answer".into()])?;
    table_row(out, &["---".into(), "---".into()])?;
    for reason in &view.reasons {
        table_row(
            out,
            &[
                format!("`{}`: {}", reason.question, cell(&reason.question_text)),
                format!("`{}` ({})", reason.value, cell(&reason.label)),
            ],
        )?;
    }
    for id in &view.unanswered {
        table_row(out, &[format!("`{id}`"), "no preference".into()])?;
    }

    writeln!(out, "\n## Scores\n")?;
    table_row(out, &["Role".into(), "Points".into()])?;
    table_row(out, &["---".into(), "---:".into()])?;
    for (role, score) in &view.scores {
        table_row(out, &[role.to_uppercase(), score.to_string()])?;
    }
    writeln!(
        out,
        "\nPoints towards hiring both: {}. Engagement: fractional {}, full-time {}.",
        view.both_points, view.engagement_points.fractional, view.engagement_points.full_time
    )?;

    writeln!(out, "\n## Reasons\n")?;
    for reason in &view.reasons {
        let points: Vec<String> = reason
            .points
            .iter()
            .map(|(key, p)| format!("{key} {p:+}"))
            .collect();
        let points = if points.is_empty() {
            "no points".to_owned()
        } else {
            points.join(", ")
        };
        writeln!(
            out,
            "- **{} = {}** ({points}): {} {}",
            reason.question,
            reason.value,
            reason.because,
            cite(&reason.sources)
        )?;
    }

    writeln!(out, "\n## What would change the decision\n")?;
    if view.flips.is_empty() {
        writeln!(out, "No single change of answer would change it.")?;
    }
    for flip in &view.flips {
        writeln!(
            out,
            "- `{}`: {} instead of {} → {}, {}",
            flip.question,
            answer_text(flip.to.as_ref()),
            answer_text(flip.from.as_ref()),
            flip.recommendation,
            flip.engagement
        )?;
    }

    writeln!(out, "\n## Next steps\n")?;
    for step in &view.next_steps {
        writeln!(out, "- `{step}`")?;
    }
    Ok(())
}

/// An answer as prose: its values, or "no preference".
pub(super) fn answer_text(answer: Option<&Answer>) -> String {
    match answer {
        Some(answer) => answer.values().join(", "),
        None => "no preference".to_owned(),
    }
}

fn job_description(view: &JobDescription, out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(out, "# {}\n", view.title)?;
    writeln!(out, "## About the role\n")?;
    writeln!(out, "{}\n", view.summary)?;
    writeln!(out, "**Engagement:** {}", view.engagement)?;
    let sections = [
        ("What you will do", &view.responsibilities),
        ("How success is measured", &view.success_measures),
        ("Qualifications", &view.qualifications),
        ("Experience", &view.experience),
        ("Typical background", &view.background),
        (
            "What a fractional engagement gives you",
            &view.fractional_benefits,
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
        view.sources.join(", ")
    )?;
    Ok(())
}
