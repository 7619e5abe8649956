//! `roles advise`: the hiring questionnaire. Answers are gathered by
//! [`crate::questionnaire`]; [`score`] turns them into an explained
//! recommendation, drawn here for people.

pub mod score;

use std::io::Write;

pub use score::{Advice, advise};

use crate::error::BadInput;
use crate::library::Library;
use crate::questionnaire::{self, Answer, FollowUp, Gathered, Intake};
use crate::render::grid::Grid;
use crate::render::markdown::{cell, cite, table_row};
use crate::render::{Painter, View, wrap};

/// Gathers the answers as `intake` says and scores them; the follow-up is
/// offered once the advice is shown.
pub fn run(library: &Library, intake: &Intake<'_>) -> anyhow::Result<(Advice, FollowUp)> {
    let questionnaire = library.questionnaire();
    if questionnaire.questions.is_empty() {
        return Err(BadInput::err(
            "this knowledge base has no questionnaire; add `questionnaire.questions` (see `roles kb dump`)",
        ));
    }
    let Gathered { answers, follow_up } = questionnaire::gather(questionnaire, intake)?;
    Ok((advise(library, &answers), follow_up))
}

/// An answer as prose: its values, or "no preference".
fn answer_text(answer: Option<&Answer>) -> String {
    match answer {
        Some(answer) => answer.values().join(", "),
        None => "no preference".to_owned(),
    }
}

/// Width of the longest bar in the score chart.
const BAR_WIDTH: usize = 24;

impl View for Advice {
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        let names: Vec<String> = self
            .recommended_roles
            .iter()
            .map(|r| format!("{} ({})", r.id.to_uppercase(), r.name))
            .collect();
        let verdict = format!(
            "{} {}, {}",
            painter.heading("Recommendation: hire"),
            painter.accent(&names.join(" and ")),
            painter.accent(&self.engagement)
        );
        // Wrapping measures width without the escape codes, so painting first is safe.
        writeln!(out, "{}", wrap::fill(&verdict, painter.width(), "", ""))?;
        writeln!(
            out,
            "Confidence: {} ({:.2}){}",
            self.confidence_label,
            self.confidence,
            self.tie_break
                .as_ref()
                .map(|tie| format!(". Tie-break: {tie}."))
                .unwrap_or_default()
        )?;

        writeln!(out, "\n{}", painter.heading("Scores"))?;
        let mut bars: Vec<(String, i32)> = self
            .scores
            .iter()
            .map(|(role, &score)| (role.to_uppercase(), score))
            .collect();
        bars.push(("both".to_owned(), self.both_points));
        let top = bars.iter().map(|(_, s)| *s).max().unwrap_or(0).max(1);
        let label_width = bars
            .iter()
            .map(|(l, _)| l.chars().count())
            .max()
            .unwrap_or(0);
        for (label, score) in &bars {
            let filled = usize::try_from(*score).unwrap_or(0) * BAR_WIDTH
                / usize::try_from(top).unwrap_or(1);
            writeln!(
                out,
                "  {label:<label_width$}  {}{} {score:>3}",
                painter.accent(&"█".repeat(filled)),
                painter.dim(&"░".repeat(BAR_WIDTH - filled.min(BAR_WIDTH)))
            )?;
        }
        writeln!(
            out,
            "  {}",
            painter.dim(&format!(
                "both = points towards hiring both; engagement: fractional {} vs full-time {}",
                self.engagement_points.fractional, self.engagement_points.full_time
            ))
        )?;

        if !self.reasons.is_empty() {
            writeln!(out, "\n{}", painter.heading("Why"))?;
            let mut grid = Grid::new(Some(
                ["Question", "Answer and points", "Because"]
                    .map(String::from)
                    .to_vec(),
            ))
            .cap(1, 22);
            for reason in &self.reasons {
                // A no-break space keeps each `cto +2` on one line.
                let points: Vec<String> = reason
                    .points
                    .iter()
                    .map(|(key, p)| format!("{key}\u{a0}{p:+}"))
                    .collect();
                let points = if points.is_empty() {
                    "no points".to_owned()
                } else {
                    points.join(", ")
                };
                grid.row(vec![
                    reason.question.to_string(),
                    format!("{}\n({points})", reason.label),
                    format!("{} [{}]", reason.because, reason.sources.join(", ")),
                ]);
            }
            writeln!(out, "{}", painter.draw(&grid))?;
        }
        if !self.unanswered.is_empty() {
            writeln!(
                out,
                "{}",
                painter.dim(&format!("No preference: {}.", self.unanswered.join(", ")))
            )?;
        }

        writeln!(out, "\n{}", painter.heading("What would change it"))?;
        if self.flips.is_empty() {
            writeln!(out, "  No single change of answer would change it.")?;
        }
        for flip in &self.flips {
            writeln!(
                out,
                "  • {}: {} instead of {} → {}, {}",
                flip.question,
                answer_text(flip.to.as_ref()),
                answer_text(flip.from.as_ref()),
                flip.recommendation,
                flip.engagement
            )?;
        }

        writeln!(out, "\n{}", painter.heading("Next"))?;
        for step in &self.next_steps {
            writeln!(out, "  {step}")?;
        }
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "# Decision record: technology leadership hire\n")?;
        writeln!(out, "## Decision\n")?;
        let names: Vec<String> = self
            .recommended_roles
            .iter()
            .map(|r| format!("**{} ({})**", r.name, r.id.to_uppercase()))
            .collect();
        writeln!(
            out,
            "Hire {}, engaged **{}**. Confidence: {} ({:.2}).",
            names.join(" and "),
            self.engagement,
            self.confidence_label,
            self.confidence
        )?;
        if let Some(tie) = &self.tie_break {
            writeln!(out, "\nTie-break: {tie}.")?;
        }

        writeln!(out, "\n## Context\n")?;
        table_row(out, &["Question".into(), "Answer".into()])?;
        table_row(out, &["---".into(), "---".into()])?;
        for reason in &self.reasons {
            table_row(
                out,
                &[
                    format!("`{}`: {}", reason.question, cell(&reason.question_text)),
                    format!("`{}` ({})", reason.value, cell(&reason.label)),
                ],
            )?;
        }
        for id in &self.unanswered {
            table_row(out, &[format!("`{id}`"), "no preference".into()])?;
        }

        writeln!(out, "\n## Scores\n")?;
        table_row(out, &["Role".into(), "Points".into()])?;
        table_row(out, &["---".into(), "---:".into()])?;
        for (role, score) in &self.scores {
            table_row(out, &[role.to_uppercase(), score.to_string()])?;
        }
        writeln!(
            out,
            "\nPoints towards hiring both: {}. Engagement: fractional {}, full-time {}.",
            self.both_points, self.engagement_points.fractional, self.engagement_points.full_time
        )?;

        writeln!(out, "\n## Reasons\n")?;
        for reason in &self.reasons {
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
        if self.flips.is_empty() {
            writeln!(out, "No single change of answer would change it.")?;
        }
        for flip in &self.flips {
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
        for step in &self.next_steps {
            writeln!(out, "- `{step}`")?;
        }
        Ok(())
    }
}
