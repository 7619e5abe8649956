//! A [`CareerPlan`] for people: a terminal table that leads with the track and
//! its confidence, and a Markdown personal development plan to take to a mentor.
//! JSON and YAML come from the plan's serialisation, not from here.

use std::io::Write;

use super::plan::{CareerPlan, PathPlan};
use crate::commands::{SHOWN_FLIPS, distinct, flips_markdown};
use crate::kb::career::Basis;
use crate::questionnaire::engine;
use crate::render::markdown::{self, cell, cite};
use crate::render::{Painter, View};

/// Every source a path's steps cite, once each.
fn path_sources(path: &PathPlan) -> Vec<String> {
    distinct(path.steps.iter().flat_map(|s| s.sources.iter().cloned()))
}

/// The mark of a step taken or a skill held (`Some(true)`), else a dot.
fn tick(yes: Option<bool>) -> &'static str {
    if yes == Some(true) { "✓" } else { "·" }
}

impl View for CareerPlan {
    /// Writes the plan for a person at a terminal, fitted to the painter's width.
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        let plan = self;
        let verdict = match (plan.track.as_deref(), plan.track_roles.first()) {
            (Some(id), Some(r)) => format!("{} ({})", id.to_uppercase(), r.name),
            _ if plan.tie => "undecided, as your answers lean equally both ways".to_owned(),
            _ => "none yet, as no answer bears on it".to_owned(),
        };
        // Wrapping measures width without the escape codes, so painting first is safe.
        let track = format!("{} {}", painter.heading("Track:"), painter.accent(&verdict));
        let mut lines = vec![track];
        lines.extend((plan.confidence.as_ref()).map(|c| format!("Confidence: {}", c.text())));
        if !plan.deciding_questions.is_empty() {
            let questions = plan.deciding_questions.join(", ");
            lines.push(format!("These questions would decide it: {questions}."));
        }
        let none =
            "Why: none of your answers bears on the track yet; see what would change it below";
        lines.extend(plan.reasons.is_empty().then(|| none.to_owned()));
        for line in lines {
            writeln!(out, "{}", painter.fill(&line, "", ""))?;
        }
        if !plan.reasons.is_empty() {
            writeln!(out, "Why:")?;
            for reason in &plan.reasons {
                let why = painter.fill(&reason.line(&reason.label), "  • ", "    ");
                writeln!(out, "{why}")?;
            }
        }

        // With more than one role covered, each line says whose it is.
        let several = plan.covers.len() > 1;
        let whose = |id: &str| match several {
            true => format!("{} · ", id.to_uppercase()),
            false => String::new(),
        };
        let for_roles: Vec<String> = plan.covers.iter().map(|id| id.to_uppercase()).collect();
        let for_roles = for_roles.join(" and ");
        let heading = painter.heading(&format!("Gaps against the {for_roles} qualifications"));
        writeln!(out, "\n{}", painter.fill(&heading, "", ""))?;
        if plan.gaps.is_empty() {
            let none = match plan.unknown.is_empty() {
                true => {
                    format!(
                        "None: you meet every qualification the articles list for the {for_roles}."
                    )
                }
                false => "None in what you answered.".to_owned(),
            };
            writeln!(out, "{}", painter.fill(&none, "  ", "  "))?;
        }
        for (required, heading) in [(true, "Required"), (false, "Would help")] {
            let gaps = plan.gaps.iter().filter(|q| q.required == required);
            for (index, gap) in gaps.enumerate() {
                if index == 0 {
                    writeln!(out, "  {heading}:")?;
                }
                let (whose, name) = (whose(&gap.role), &gap.name);
                let text = format!("{whose}{name}: {}. {}", gap.detail, gap.text);
                writeln!(out, "{}", painter.cited(&text, &gap.sources, "  • "))?;
            }
        }
        let met = (plan.met.iter()).map(|q| format!("{}{}", whose(&q.role), q.name));
        let met = distinct(met);
        let unknown = distinct(plan.unknown.iter().map(|q| q.question.clone()));
        for (list, lead) in [(met, "Met"), (unknown, "Not known until answered")] {
            if !list.is_empty() {
                let text = format!("{lead}: {}.", list.join(", "));
                writeln!(out, "{}", painter.dim(&painter.fill(&text, "  ", "  ")))?;
            }
        }

        for path in &plan.stepping_stones {
            let order = if path.ordered {
                "in this order"
            } else {
                "in no set order"
            };
            let heading = format!("Usual path into {}, {order}", path.role.to_uppercase());
            let cited = painter.dim(&cite(&path_sources(path)));
            let heading = format!("{} {cited}", painter.heading(&heading));
            writeln!(out, "\n{}", painter.fill(&heading, "", ""))?;
            for (index, step) in path.steps.iter().enumerate() {
                let first = match path.ordered {
                    true => format!("  {}. {} ", index + 1, tick(step.reached)),
                    false => format!("  {} ", tick(step.reached)),
                };
                writeln!(out, "{}", painter.cited(&step.text, &[], &first))?;
            }
        }

        if !plan.skills.is_empty() {
            let heading = painter.heading(&format!("Skills for the {for_roles}"));
            let ticked = painter.dim("(✓ your answers suggest you have it)");
            let heading = format!("{heading} {ticked}");
            writeln!(out, "\n{}", painter.fill(&heading, "", ""))?;
            for skill in &plan.skills {
                let text = format!("{}{}", whose(&skill.role), skill.text);
                let first = format!("  {} ", tick(skill.have));
                writeln!(out, "{}", painter.cited(&text, &skill.sources, &first))?;
            }
        }

        engine::flips_table(painter, &plan.flips, SHOWN_FLIPS, "in the JSON output", out)?;

        if !plan.caveats.is_empty() {
            writeln!(out, "\n{}", painter.heading("Keep in mind"))?;
            for caveat in &plan.caveats {
                writeln!(out, "{}", painter.fill(&caveat.title, "  ", "  "))?;
                for point in &caveat.points {
                    let text = match point.basis {
                        Basis::Judgement => format!("{} (our reading)", point.text),
                        _ => point.text.clone(),
                    };
                    writeln!(out, "{}", painter.cited(&text, &point.sources, "    • "))?;
                }
            }
        }
        Ok(())
    }

    /// Writes the plan as a personal development plan in Markdown, for a person to
    /// keep or take to a mentor: plain words, articles cited by title.
    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let plan = self;
        let names: Vec<String> = (plan.track_roles.iter())
            .map(|r| named(plan, &r.id))
            .collect();
        let towards = names.join(" or ");
        match names.is_empty() {
            true => writeln!(out, "# Personal development plan\n")?,
            false => writeln!(out, "# Personal development plan: towards {towards}\n")?,
        }
        let (open, track) = (plan.deciding_questions.join(", "), names.join(", "));
        let direction = match plan.confidence.as_ref().map(|c| c.text()) {
            None if plan.tie => format!(
                "No track yet: my answers lean equally both ways. These questions would decide it: {open}."
            ),
            None => {
                "No track yet: none of my answers so far says what I want to work on or for whom."
                    .to_owned()
            }
            Some(how) => format!(
                "The track that fits my aims: **{track}**. How clearly my answers point to it: {how}."
            ),
        };
        writeln!(out, "## Direction\n\n{direction}")?;
        if !plan.reasons.is_empty() {
            writeln!(out, "\nWhy:\n")?;
        }
        for reason in &plan.reasons {
            let judged = match reason.basis {
                Basis::Judgement => " *(our judgement; no article says this outright)*",
                _ => "",
            };
            let (label, arrow, because) = (&reason.label, reason.arrow(), &reason.because);
            let cited = note(plan, &reason.sources);
            let asked = &reason.question_text;
            writeln!(
                out,
                "- *{asked}* {label} ({arrow}). {because}{cited}{judged}"
            )?;
        }

        writeln!(out, "\n## Where I stand\n")?;
        if plan.gaps.is_empty() && plan.met.is_empty() && plan.unknown.is_empty() {
            writeln!(out, "Nothing to check yet.")?;
        } else {
            let rows = (plan.gaps.iter().map(|q| ("to close", q)))
                .chain(plan.met.iter().map(|q| ("met", q)))
                .chain(plan.unknown.iter().map(|q| ("not yet known", q)))
                .map(|(status, q)| {
                    let name = format!("{} ({})", q.name, q.strength.as_str());
                    let stand = format!("{status}: {}", cell(&q.detail));
                    let says = format!("{}{}", cell(&q.text), note(plan, &q.sources));
                    vec![name, q.role.to_uppercase(), stand, says]
                });
            let header = [
                "Qualification",
                "For",
                "Where I stand",
                "What the articles say",
            ];
            markdown::table(out, &header, None, rows)?;
        }

        writeln!(out, "\n## Gaps to close\n")?;
        if plan.gaps.is_empty() {
            let covered: Vec<String> = plan.covers.iter().map(|id| named(plan, id)).collect();
            match plan.unknown.is_empty() && !covered.is_empty() {
                true => writeln!(
                    out,
                    "None: I meet every qualification the articles list for {}.",
                    covered.join(" and ")
                )?,
                false => writeln!(out, "None among the questions I have answered.")?,
            }
        }
        for gap in &plan.gaps {
            let (name, whose) = (capitalised(&gap.name), gap.role.to_uppercase());
            let about = format!("{}. {}{}", gap.detail, gap.text, note(plan, &gap.sources));
            let strength = gap.strength.as_str();
            writeln!(out, "- **{name}** for the {whose} ({strength}): {about}")?;
        }
        if !plan.unknown.is_empty() {
            writeln!(out, "\nStill to find out:\n")?;
            for question in distinct(plan.unknown.iter().map(|q| q.detail.clone())) {
                writeln!(out, "- {question}")?;
            }
        }

        for path in &plan.stepping_stones {
            let order = if path.ordered {
                "usually in this order"
            } else {
                "in no set order"
            };
            let (to, cited) = (path.role.to_uppercase(), note(plan, &path_sources(path)));
            writeln!(
                out,
                "\n## The usual path to {to}\n\nThe roles it runs through, {order}{cited}:\n"
            )?;
            for (index, step) in path.steps.iter().enumerate() {
                let done = if step.reached == Some(true) {
                    " *(already behind me)*"
                } else {
                    ""
                };
                match path.ordered {
                    true => writeln!(out, "{}. {}{done}", index + 1, step.text)?,
                    false => writeln!(out, "- {}{done}", step.text)?,
                }
            }
        }

        if !plan.skills.is_empty() {
            writeln!(out, "\n## Skills to build\n")?;
            writeln!(out, "Ticked: my answers suggest I already have it.\n")?;
        }
        for skill in &plan.skills {
            let ticked = if skill.have == Some(true) { "x" } else { " " };
            let whose = match plan.covers.len() > 1 {
                true => format!(" ({})", skill.role.to_uppercase()),
                false => String::new(),
            };
            let cited = note(plan, &skill.sources);
            writeln!(out, "- [{ticked}] {}{whose}{cited}", skill.text)?;
        }

        flips_markdown(out, "track", &plan.flips, |f| {
            format!("If I answered {}, it would be {}.", f.change, f.outcome)
        })?;

        if !plan.caveats.is_empty() {
            let disagree = "The articles disagree on points that bear on this track.";
            writeln!(out, "\n## Worth discussing\n\n{disagree}")?;
        }
        for caveat in &plan.caveats {
            writeln!(out, "\n### {}\n", caveat.title)?;
            for point in &caveat.points {
                let ours = match point.basis {
                    Basis::Judgement => " *(our reading, not the article's words)*",
                    _ => "",
                };
                writeln!(out, "- {}{}{ours}", point.text, note(plan, &point.sources))?;
            }
        }
        if !plan.sources.is_empty() {
            writeln!(out, "\n## Sources\n")?;
        }
        for (index, source) in plan.sources.iter().enumerate() {
            writeln!(out, "{}. *{}*", index + 1, source.title)?;
        }
        Ok(())
    }
}

/// The plan's source numbers for `sources`, e.g. ` [1, 4]`: the articles are
/// listed by title, numbered, at the end of the document.
fn note(plan: &CareerPlan, sources: &[String]) -> String {
    let numbers: Vec<String> = (sources.iter())
        .filter_map(|id| plan.sources.iter().position(|s| s.id == *id))
        .map(|index| (index + 1).to_string())
        .collect();
    match numbers.is_empty() {
        true => String::new(),
        false => format!(" {}", cite(&numbers)),
    }
}

/// A role of the plan by its name and id, `Chief Technology Officer (CTO)`;
/// the id alone for a role outside the track.
fn named(plan: &CareerPlan, id: &str) -> String {
    match plan.track_roles.iter().find(|r| r.id == id) {
        Some(r) => format!("{} ({})", r.name, id.to_uppercase()),
        None => id.to_uppercase(),
    }
}

/// `text` with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
