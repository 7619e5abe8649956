//! A [`CareerPlan`] for people: a terminal table that leads with the track and
//! its confidence, and a Markdown personal development plan to take to a mentor.
//! JSON and YAML come from the plan's serialisation, not from here.

use std::io::Write;

use super::plan::{CareerPlan, Qualification, SHOWN_FLIPS};
use crate::kb::career::Basis;
use crate::questionnaire::engine;
use crate::render::markdown::cell;
use crate::render::{Painter, wrap};

/// A role as the table names it: its id in capitals.
fn role(id: &str) -> String {
    id.to_uppercase()
}

/// The distinct entries of `items`, first occurrence first.
fn distinct(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}

/// `text` and its citation wrapped under `first`, the citation dimmed after
/// wrapping so escape codes never count as width.
fn cited(painter: &Painter, text: &str, sources: &[String], first: &str) -> String {
    let rest = " ".repeat(wrap::width(first));
    let plain = match sources {
        [] => text.to_owned(),
        _ => format!("{text} [{}]", sources.join(", ")),
    };
    let wrapped = wrap::fill(&plain, painter.width().max(40), first, &rest);
    match wrapped.rfind(" [") {
        Some(at) if painter.style.color && !sources.is_empty() => {
            format!("{}{}", &wrapped[..at], painter.dim(&wrapped[at..]))
        }
        _ => wrapped,
    }
}

/// Writes the plan for a person at a terminal, fitted to the painter's width
/// (at least 40 columns).
pub fn table(plan: &CareerPlan, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
    let width = painter.width().max(40);
    let fill = |text: &str, first: &str, rest: &str| wrap::fill(text, width, first, rest);
    let verdict = match (plan.track.as_deref(), plan.track_roles.first()) {
        (Some(id), Some(r)) => format!("{} ({})", role(id), r.name),
        _ if plan.tie => "undecided, as your answers lean equally both ways".to_owned(),
        _ => "none yet, as no answer bears on it".to_owned(),
    };
    // Wrapping measures width without the escape codes, so painting first is safe.
    let verdict = format!("{} {}", painter.heading("Track:"), painter.accent(&verdict));
    writeln!(out, "{}", fill(&verdict, "", ""))?;
    if let Some(confidence) = &plan.confidence {
        writeln!(
            out,
            "{}",
            fill(&format!("Confidence: {}", confidence.text()), "", "")
        )?;
    }
    if !plan.deciding_questions.is_empty() {
        let ask = format!(
            "These questions would decide it: {}.",
            plan.deciding_questions.join(", ")
        );
        writeln!(out, "{}", fill(&ask, "", ""))?;
    }
    if plan.reasons.is_empty() {
        let why =
            "Why: none of your answers bears on the track yet; see what would change it below";
        writeln!(out, "{}", fill(why, "", ""))?;
    } else {
        writeln!(out, "Why:")?;
        for reason in &plan.reasons {
            writeln!(out, "{}", fill(&reason.line(&reason.label), "  • ", "    "))?;
        }
    }

    let several = plan.covers.len() > 1;
    let for_roles: Vec<String> = plan.covers.iter().map(|id| role(id)).collect();
    let for_roles = for_roles.join(" and ");
    let prefix = |q: &Qualification| {
        if several {
            format!("{} · ", role(&q.role))
        } else {
            String::new()
        }
    };
    let heading = painter.heading(&format!("Gaps against the {for_roles} qualifications"));
    writeln!(out, "\n{}", fill(&heading, "", ""))?;
    if plan.gaps.is_empty() {
        let none = if plan.unknown.is_empty() {
            format!("None: you meet every qualification the articles list for the {for_roles}.")
        } else {
            "None in what you answered.".to_owned()
        };
        writeln!(out, "{}", fill(&none, "  ", "  "))?;
    }
    for (required, heading) in [(true, "Required"), (false, "Would help")] {
        let gaps: Vec<&Qualification> = plan
            .gaps
            .iter()
            .filter(|q| q.required == required)
            .collect();
        if !gaps.is_empty() {
            writeln!(out, "  {heading}:")?;
        }
        for gap in gaps {
            let text = format!("{}{}: {}. {}", prefix(gap), gap.name, gap.detail, gap.text);
            writeln!(out, "{}", cited(painter, &text, &gap.sources, "  • "))?;
        }
    }
    let met = distinct(plan.met.iter().map(|q| format!("{}{}", prefix(q), q.name)));
    let unknown = distinct(plan.unknown.iter().map(|q| q.question.to_string()));
    for (list, lead) in [(met, "Met"), (unknown, "Not known until answered")] {
        if !list.is_empty() {
            let text = format!("{lead}: {}.", list.join(", "));
            writeln!(out, "{}", painter.dim(&fill(&text, "  ", "  ")))?;
        }
    }

    for path in &plan.stepping_stones {
        let order = if path.ordered {
            "in this order"
        } else {
            "in no set order"
        };
        let sources = distinct(
            path.steps
                .iter()
                .flat_map(|s| &s.sources)
                .map(ToString::to_string),
        );
        let heading = format!(
            "{} {}",
            painter.heading(&format!("Usual path into {}, {order}", role(&path.role))),
            painter.dim(&format!("[{}]", sources.join(", ")))
        );
        writeln!(out, "\n{}", fill(&heading, "", ""))?;
        for (index, step) in path.steps.iter().enumerate() {
            let mark = if step.reached == Some(true) {
                "✓"
            } else {
                "·"
            };
            let first = match path.ordered {
                true => format!("  {}. {mark} ", index + 1),
                false => format!("  {mark} "),
            };
            writeln!(
                out,
                "{}",
                fill(&step.text, &first, &" ".repeat(wrap::width(&first)))
            )?;
        }
    }

    if !plan.skills.is_empty() {
        let heading = format!(
            "{} {}",
            painter.heading(&format!("Skills for the {for_roles}")),
            painter.dim("(✓ your answers suggest you have it)")
        );
        writeln!(out, "\n{}", fill(&heading, "", ""))?;
        for skill in &plan.skills {
            let mark = if skill.have == Some(true) {
                "✓"
            } else {
                "·"
            };
            let text = match several {
                true => format!("{} · {}", role(&skill.role), skill.text),
                false => skill.text.to_string(),
            };
            writeln!(
                out,
                "{}",
                cited(painter, &text, &skill.sources, &format!("  {mark} "))
            )?;
        }
    }

    engine::flips_table(painter, &plan.flips, SHOWN_FLIPS, "in the JSON output", out)?;

    if !plan.caveats.is_empty() {
        writeln!(out, "\n{}", painter.heading("Keep in mind"))?;
        for caveat in &plan.caveats {
            writeln!(out, "{}", fill(&caveat.title, "  ", "  "))?;
            for point in &caveat.points {
                let text = match point.basis {
                    Basis::Judgement => format!("{} (our reading)", point.text),
                    _ => point.text.to_string(),
                };
                writeln!(out, "{}", cited(painter, &text, &point.sources, "    • "))?;
            }
        }
    }
    Ok(())
}

/// The plan's source numbers for `sources`, e.g. ` [1, 4]`: the articles are
/// listed by title, numbered, at the end of the document.
fn note(plan: &CareerPlan, sources: &[String]) -> String {
    let numbers: Vec<String> = sources
        .iter()
        .filter_map(|id| plan.sources.iter().position(|s| s.id == *id))
        .map(|index| (index + 1).to_string())
        .collect();
    match numbers.as_slice() {
        [] => String::new(),
        _ => format!(" [{}]", numbers.join(", ")),
    }
}

/// Writes the plan as a personal development plan in Markdown, for a person to
/// keep or take to a mentor: plain words, articles cited by title.
pub fn markdown(plan: &CareerPlan, out: &mut dyn Write) -> anyhow::Result<()> {
    let names: Vec<String> = plan
        .track_roles
        .iter()
        .map(|r| format!("{} ({})", r.name, role(&r.id)))
        .collect();
    match names.as_slice() {
        [] => writeln!(out, "# Personal development plan\n")?,
        _ => writeln!(
            out,
            "# Personal development plan: towards {}\n",
            names.join(" or ")
        )?,
    }
    writeln!(out, "## Direction\n")?;
    match &plan.confidence {
        None if plan.tie => writeln!(
            out,
            "No track yet: my answers lean equally both ways. These questions would decide it: {}.",
            plan.deciding_questions.join(", ")
        )?,
        None => writeln!(
            out,
            "No track yet: none of my answers so far says what I want to work on or for whom."
        )?,
        Some(confidence) => writeln!(
            out,
            "The track that fits my aims: **{}**. How clearly my answers point to it: {}.",
            names.join(", "),
            confidence.text()
        )?,
    }
    if !plan.reasons.is_empty() {
        writeln!(out, "\nWhy:\n")?;
        for reason in &plan.reasons {
            let judged = match reason.basis {
                Basis::Judgement => " *(our judgement; no article says this outright)*",
                _ => "",
            };
            let line = format!("{} ({}). {}", reason.label, reason.arrow(), reason.because);
            writeln!(
                out,
                "- *{}* {line}{}{judged}",
                reason.question_text,
                note(plan, &reason.sources)
            )?;
        }
    }

    writeln!(out, "\n## Where I stand\n")?;
    if plan.gaps.is_empty() && plan.met.is_empty() && plan.unknown.is_empty() {
        writeln!(out, "Nothing to check yet.")?;
    } else {
        writeln!(
            out,
            "| Qualification | For | Where I stand | What the articles say |"
        )?;
        writeln!(out, "| --- | --- | --- | --- |")?;
        let rows = (plan.gaps.iter().map(|q| ("to close", q)))
            .chain(plan.met.iter().map(|q| ("met", q)))
            .chain(plan.unknown.iter().map(|q| ("not yet known", q)));
        for (status, q) in rows {
            writeln!(
                out,
                "| {} ({}) | {} | {status}: {} | {}{} |",
                q.name,
                q.strength.as_str(),
                role(&q.role),
                cell(&q.detail),
                cell(&q.text),
                note(plan, &q.sources)
            )?;
        }
    }

    writeln!(out, "\n## Gaps to close\n")?;
    if plan.gaps.is_empty() {
        let covered: Vec<String> = plan
            .covers
            .iter()
            .map(|id| match plan.track_roles.iter().find(|r| r.id == *id) {
                Some(r) => format!("{} ({})", r.name, role(id)),
                None => role(id),
            })
            .collect();
        if plan.unknown.is_empty() && !covered.is_empty() {
            let all = covered.join(" and ");
            writeln!(
                out,
                "None: I meet every qualification the articles list for {all}."
            )?;
        } else {
            writeln!(out, "None among the questions I have answered.")?;
        }
    }
    for gap in &plan.gaps {
        let (role, strength) = (role(&gap.role), gap.strength.as_str());
        let about = format!("{}. {}{}", gap.detail, gap.text, note(plan, &gap.sources));
        writeln!(
            out,
            "- **{}** for the {role} ({strength}): {about}",
            capitalised(&gap.name)
        )?;
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
        let sources: Vec<String> = distinct(
            path.steps
                .iter()
                .flat_map(|s| &s.sources)
                .map(ToString::to_string),
        )
        .into_iter()
        .collect();
        let (to, cited) = (role(&path.role), note(plan, &sources));
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
        for skill in &plan.skills {
            let tick = if skill.have == Some(true) { "x" } else { " " };
            let whose = match plan.covers.len() > 1 {
                true => format!(" ({})", role(&skill.role)),
                false => String::new(),
            };
            writeln!(
                out,
                "- [{tick}] {}{whose}{}",
                skill.text,
                note(plan, &skill.sources)
            )?;
        }
    }

    writeln!(out, "\n## What would change the track\n")?;
    if plan.flips.is_empty() {
        writeln!(out, "No single change of answer would change it.")?;
    }
    for flip in plan.flips.iter().take(SHOWN_FLIPS) {
        writeln!(
            out,
            "- If I answered {}, it would be {}.",
            flip.change, flip.outcome
        )?;
    }

    if !plan.caveats.is_empty() {
        writeln!(out, "\n## Worth discussing\n")?;
        writeln!(
            out,
            "The articles disagree on points that bear on this track."
        )?;
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
    }
    if !plan.sources.is_empty() {
        writeln!(out, "\n## Sources\n")?;
        for (index, source) in plan.sources.iter().enumerate() {
            writeln!(out, "{}. *{}*", index + 1, source.title)?;
        }
    }
    Ok(())
}

/// `text` with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
