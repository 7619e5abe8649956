//! A [`CareerPlan`] for people: a terminal table that leads with the track and
//! its confidence, and a Markdown personal development plan to take to a mentor.
//! JSON and YAML come from the plan's serialisation, not from here.

use std::io::{self, Write};

use anstyle::{AnsiColor, Effects, Style};

use super::plan::{CareerPlan, Qualification, SHOWN_FLIPS};
use crate::kb::Text;
use crate::kb::career::Basis;
use crate::render::wrap;

/// The narrowest width the table is fitted to.
const MIN_WIDTH: usize = 40;

/// Applies the colour decision, made once by the caller.
struct Painter {
    color: bool,
}

impl Painter {
    fn paint(&self, text: &str, look: Style) -> String {
        crate::render::paint::paint(self.color, text, look)
    }

    fn heading(&self, text: &str) -> String {
        self.paint(text, Style::new().effects(Effects::BOLD))
    }

    fn accent(&self, text: &str) -> String {
        self.paint(
            text,
            Style::new()
                .fg_color(Some(AnsiColor::Cyan.into()))
                .effects(Effects::BOLD),
        )
    }

    fn dim(&self, text: &str) -> String {
        self.paint(text, Style::new().effects(Effects::DIMMED))
    }

    /// `text` and its citation wrapped under `first`, the citation dimmed after
    /// wrapping so escape codes never count as width.
    fn cited(&self, text: &str, sources: &[Text], width: usize, first: &str) -> String {
        let rest = " ".repeat(wrap::width(first));
        let plain = if sources.is_empty() {
            text.to_owned()
        } else {
            format!("{text} [{}]", sources.join(", "))
        };
        let wrapped = wrap::fill(&plain, width, first, &rest);
        match wrapped.rfind(" [") {
            Some(at) if self.color && !sources.is_empty() => {
                format!("{}{}", &wrapped[..at], self.dim(&wrapped[at..]))
            }
            _ => wrapped,
        }
    }
}

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

/// Writes the plan for a person at a terminal, fitted to `width` columns (at
/// least 40); colour only when `color`.
pub fn table(plan: &CareerPlan, width: usize, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let width = width.max(MIN_WIDTH);
    let painter = Painter { color };
    let fill = |text: &str| wrap::fill(text, width, "", "");

    let verdict = match (plan.track.as_deref(), plan.track_roles.first()) {
        (Some(id), Some(r)) => format!(
            "{} {}",
            painter.heading("Track:"),
            painter.accent(&format!("{} ({})", role(id), r.name))
        ),
        _ if plan.tie => format!(
            "{} {}",
            painter.heading("Track:"),
            painter.accent("undecided, as your answers lean equally both ways")
        ),
        _ => format!(
            "{} {}",
            painter.heading("Track:"),
            painter.accent("none yet, as no answer bears on it")
        ),
    };
    // Wrapping measures width without the escape codes, so painting first is safe.
    writeln!(out, "{}", fill(&verdict))?;
    if let Some(confidence) = &plan.confidence {
        writeln!(
            out,
            "{}",
            fill(&format!("Confidence: {}", confidence.text()))
        )?;
    }
    if !plan.deciding_questions.is_empty() {
        let ask = format!(
            "These questions would decide it: {}.",
            plan.deciding_questions.join(", ")
        );
        writeln!(out, "{}", fill(&ask))?;
    }
    if plan.reasons.is_empty() {
        let why =
            "Why: none of your answers bears on the track yet; see what would change it below";
        writeln!(out, "{}", fill(why))?;
    } else {
        writeln!(out, "Why:")?;
        for reason in &plan.reasons {
            let judged = if reason.basis == Basis::Judgement {
                " (our judgement)"
            } else {
                ""
            };
            let line = format!(
                "{} {}: {}{judged}",
                reason.label,
                reason.arrow(),
                reason.because
            );
            writeln!(out, "{}", wrap::fill(&line, width, "  • ", "    "))?;
        }
    }

    let several = plan.covers.len() > 1;
    let for_roles = plan
        .covers
        .iter()
        .map(|id| role(id))
        .collect::<Vec<_>>()
        .join(" and ");
    let prefix = |q: &Qualification| {
        if several {
            format!("{} · ", role(&q.role))
        } else {
            String::new()
        }
    };

    let heading = painter.heading(&format!("Gaps against the {for_roles} qualifications"));
    writeln!(out, "\n{}", fill(&heading))?;
    if plan.gaps.is_empty() {
        let none = if plan.unknown.is_empty() {
            format!("None: you meet every qualification the articles list for the {for_roles}.")
        } else {
            "None in what you answered.".to_owned()
        };
        writeln!(out, "{}", wrap::fill(&none, width, "  ", "  "))?;
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
            writeln!(out, "{}", painter.cited(&text, &gap.sources, width, "  • "))?;
        }
    }
    if !plan.met.is_empty() {
        let met = distinct(plan.met.iter().map(|q| format!("{}{}", prefix(q), q.name)));
        let text = format!("Met: {}.", met.join(", "));
        writeln!(
            out,
            "{}",
            painter.dim(&wrap::fill(&text, width, "  ", "  "))
        )?;
    }
    if !plan.unknown.is_empty() {
        let unknown = distinct(plan.unknown.iter().map(|q| q.question.to_string()));
        let text = format!("Not known until answered: {}.", unknown.join(", "));
        writeln!(
            out,
            "{}",
            painter.dim(&wrap::fill(&text, width, "  ", "  "))
        )?;
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
        writeln!(out, "\n{}", fill(&heading))?;
        for (index, step) in path.steps.iter().enumerate() {
            let mark = if step.reached == Some(true) {
                "✓"
            } else {
                "·"
            };
            let first = if path.ordered {
                format!("  {}. {mark} ", index + 1)
            } else {
                format!("  {mark} ")
            };
            let rest = " ".repeat(wrap::width(&first));
            writeln!(out, "{}", wrap::fill(&step.text, width, &first, &rest))?;
        }
    }

    if !plan.skills.is_empty() {
        let heading = format!(
            "{} {}",
            painter.heading(&format!("Skills for the {for_roles}")),
            painter.dim("(✓ your answers suggest you have it)")
        );
        writeln!(out, "\n{}", fill(&heading))?;
        for skill in &plan.skills {
            let mark = if skill.have == Some(true) {
                "✓"
            } else {
                "·"
            };
            let text = if several {
                format!("{} · {}", role(&skill.role), skill.text)
            } else {
                skill.text.to_string()
            };
            writeln!(
                out,
                "{}",
                painter.cited(&text, &skill.sources, width, &format!("  {mark} "))
            )?;
        }
    }

    writeln!(out, "\n{}", painter.heading("What would change it"))?;
    if plan.flips.is_empty() {
        writeln!(
            out,
            "{}",
            wrap::fill(
                "No single change of answer would change it.",
                width,
                "  ",
                "  "
            )
        )?;
    }
    for flip in plan.flips.iter().take(SHOWN_FLIPS) {
        let text = format!("{} → {}", flip.change, flip.outcome);
        writeln!(out, "{}", wrap::fill(&text, width, "  • ", "    "))?;
    }
    if plan.flips.len() > SHOWN_FLIPS {
        writeln!(
            out,
            "{}",
            painter.dim(&format!(
                "  … and {} more in the JSON output",
                plan.flips.len() - SHOWN_FLIPS
            ))
        )?;
    }

    if !plan.caveats.is_empty() {
        writeln!(out, "\n{}", painter.heading("Keep in mind"))?;
        for caveat in &plan.caveats {
            writeln!(out, "{}", wrap::fill(&caveat.title, width, "  ", "  "))?;
            for point in &caveat.points {
                let text = if point.basis == Basis::Judgement {
                    format!("{} (our reading)", point.text)
                } else {
                    point.text.to_string()
                };
                writeln!(
                    out,
                    "{}",
                    painter.cited(&text, &point.sources, width, "    • ")
                )?;
            }
        }
    }
    Ok(())
}

/// Escapes text for a Markdown table cell: pipes would end the cell, newlines the row.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The plan's source numbers for `sources`, e.g. `[1, 4]`: the articles are
/// listed by title, numbered, at the end of the document.
fn note(plan: &CareerPlan, sources: &[Text]) -> String {
    let numbers: Vec<String> = sources
        .iter()
        .filter_map(|id| plan.sources.iter().position(|s| s.id == *id))
        .map(|index| (index + 1).to_string())
        .collect();
    if numbers.is_empty() {
        String::new()
    } else {
        format!(" [{}]", numbers.join(", "))
    }
}

/// A role's full title from the plan, or its id in capitals.
fn role_name(plan: &CareerPlan, id: &str) -> String {
    plan.track_roles
        .iter()
        .find(|r| r.id == id)
        .map_or_else(|| role(id), |r| format!("{} ({})", r.name, role(id)))
}

/// Writes the plan as a personal development plan in Markdown, for a person to
/// keep or take to a mentor: plain words, articles cited by title.
pub fn markdown(plan: &CareerPlan, out: &mut dyn Write) -> io::Result<()> {
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
            let judged = if reason.basis == Basis::Judgement {
                " *(our judgement; no article says this outright)*"
            } else {
                ""
            };
            writeln!(
                out,
                "- *{}* {} ({}). {}{}{judged}",
                reason.question_text,
                reason.label,
                reason.arrow(),
                reason.because,
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
        let rows = plan
            .gaps
            .iter()
            .map(|q| ("to close", q))
            .chain(plan.met.iter().map(|q| ("met", q)))
            .chain(plan.unknown.iter().map(|q| ("not yet known", q)));
        for (status, q) in rows {
            writeln!(
                out,
                "| {} ({}) | {} | {status}: {} | {}{} |",
                q.kind.as_str(),
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
        let covered: Vec<String> = plan.covers.iter().map(|id| role_name(plan, id)).collect();
        if plan.unknown.is_empty() && !covered.is_empty() {
            writeln!(
                out,
                "None: I meet every qualification the articles list for {}.",
                covered.join(" and ")
            )?;
        } else {
            writeln!(out, "None among the questions I have answered.")?;
        }
    }
    for gap in &plan.gaps {
        writeln!(
            out,
            "- **{}** for the {} ({}): {}. {}{}",
            capitalised(gap.kind.as_str()),
            role(&gap.role),
            gap.strength.as_str(),
            gap.detail,
            gap.text,
            note(plan, &gap.sources)
        )?;
    }
    if !plan.unknown.is_empty() {
        writeln!(out, "\nStill to find out:\n")?;
        let questions = distinct(plan.unknown.iter().map(|q| q.detail.clone()));
        for question in questions {
            writeln!(out, "- {question}")?;
        }
    }

    for path in &plan.stepping_stones {
        let order = if path.ordered {
            "usually in this order"
        } else {
            "in no set order"
        };
        let sources: Vec<Text> = distinct(
            path.steps
                .iter()
                .flat_map(|s| &s.sources)
                .map(ToString::to_string),
        )
        .into_iter()
        .collect();
        writeln!(
            out,
            "\n## The usual path to {}\n\nThe roles it runs through, {order}{}:\n",
            role(&path.role),
            note(plan, &sources)
        )?;
        for (index, step) in path.steps.iter().enumerate() {
            let done = if step.reached == Some(true) {
                " *(already behind me)*"
            } else {
                ""
            };
            if path.ordered {
                writeln!(out, "{}. {}{done}", index + 1, step.text)?;
            } else {
                writeln!(out, "- {}{done}", step.text)?;
            }
        }
    }

    if !plan.skills.is_empty() {
        writeln!(out, "\n## Skills to build\n")?;
        writeln!(out, "Ticked: my answers suggest I already have it.\n")?;
        for skill in &plan.skills {
            let tick = if skill.have == Some(true) { "x" } else { " " };
            let whose = if plan.covers.len() > 1 {
                format!(" ({})", role(&skill.role))
            } else {
                String::new()
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
                let ours = if point.basis == Basis::Judgement {
                    " *(our reading, not the article's words)*"
                } else {
                    ""
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
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::career::assess;
    use crate::questionnaire::{Answer, Answers};

    fn plan(pairs: &[(&str, &str)]) -> CareerPlan {
        let kb = crate::library::Library::embedded();
        let mut answers = Answers::default();
        for (id, value) in pairs {
            answers.set(id, Some(Answer::One((*value).to_owned())));
        }
        assess(&kb, &answers)
    }

    fn table_text(plan: &CareerPlan, width: usize, color: bool) -> String {
        let mut out = Vec::new();
        table(plan, width, color, &mut out).expect("writing to a Vec");
        String::from_utf8(out).expect("UTF-8")
    }

    fn markdown_text(plan: &CareerPlan) -> String {
        let mut out = Vec::new();
        markdown(plan, &mut out).expect("writing to a Vec");
        String::from_utf8(out).expect("UTF-8")
    }

    const IT_OPERATIONS_LEAD: &[(&str, &str)] = &[
        ("background", "it-operations"),
        ("interest", "process"),
        ("audience", "internal"),
        ("years", "7"),
        ("degree", "bachelor"),
        ("certifications", "yes"),
        ("leadership", "yes"),
        ("sales-marketing", "no"),
    ];

    const CIO_READY: &[(&str, &str)] = &[
        ("background", "it-operations"),
        ("interest", "process"),
        ("audience", "internal"),
        ("years", "15"),
        ("degree", "master"),
        ("leadership", "yes"),
    ];

    #[test]
    fn the_table_leads_with_the_track_confidence_why_and_gaps() {
        let text = table_text(&plan(IT_OPERATIONS_LEAD), 72, false);
        let expected = "\
Track: CIO (Chief Information Officer)
Confidence: high (0.88)
Why:
  • IT operations or systems administration → CIO: CIOs may more often
    come up through IT operations.
  • How it works (its processes) → CIO: Making the company's own
    processes run better with technology is the heart of the CIO's job.
  • Employees and business units → CIO: The CIO looks inward, at the
    needs of staff and internal business units.

Gaps against the CIO qualifications
  Required:
  • experience: 3 more years to go (7 so far, against 10 required).
    Employers usually want a minimum of 10 years in the industry, plus
    extensive training, since the post ranks so high. [definitions]
  Would help:
  • advanced degree: a bachelor's degree so far; a master's or other
    advanced degree meets it. As it is an executive post, many employers
    favour a graduate degree, such as a master's in IT. [definitions]
  Met: IT degree, leadership, IT operations background, IT background.

Usual path into CIO, in this order [key-differences]
  1. ✓ Roles in IT operations
  2. ✓ Systems administration
  3. · IT management
  4. · In time, executive leadership
";
        assert!(text.starts_with(expected), "{text}");
        assert!(
            text.contains("No single change of answer would change it."),
            "{text}"
        );
    }

    #[test]
    fn the_table_fits_every_width_from_40() {
        let plans = [
            plan(IT_OPERATIONS_LEAD),
            plan(&[("years", "12")]),
            plan(&[("interest", "both"), ("audience", "external")]),
        ];
        for plan in &plans {
            for width in [40, 41, 47, 60, 80, 133] {
                let text = table_text(plan, width, false);
                for line in text.lines() {
                    assert!(wrap::width(line) <= width, "{width}: {line:?}");
                }
            }
            // Narrower requests are fitted to 40.
            let text = table_text(plan, 20, false);
            assert!(text.lines().all(|line| wrap::width(line) <= 40));
        }
    }

    #[test]
    fn colour_only_when_asked() {
        let plan = plan(IT_OPERATIONS_LEAD);
        assert!(!table_text(&plan, 80, false).contains('\x1b'));
        let coloured = table_text(&plan, 80, true);
        assert!(coloured.contains("\x1b["));
        // Escape codes take no width.
        assert!(coloured.lines().all(|line| wrap::width(line) <= 80));
    }

    #[test]
    fn a_person_who_meets_everything_is_told_so() {
        let text = table_text(&plan(CIO_READY), 80, false);
        assert!(
            text.contains("  None: you meet every qualification the articles list for the CIO.\n"),
            "{text}"
        );
        let text = markdown_text(&plan(CIO_READY));
        assert!(text.contains(
            "None: I meet every qualification the articles list for Chief Information Officer (CIO)."
        ));
        // Unanswered questions are not gaps, and then nobody is told they meet everything.
        let text = table_text(&plan(&[("interest", "process")]), 80, false);
        assert!(text.contains("  None in what you answered.\n"), "{text}");
        assert!(text.contains("Not known until answered: years, degree, leadership"));
    }

    #[test]
    fn at_most_five_changes_are_shown() {
        // Only years: each value of `interest`, `audience` and `background`
        // but the even split sets a track.
        let plan = plan(&[("years", "12")]);
        assert_eq!(plan.flips.len(), 6);
        let text = table_text(&plan, 80, false);
        let shown = text.lines().filter(|line| line.contains(" → ")).count();
        assert_eq!(shown, 5, "{text}");
        assert!(text.contains(" → the CIO track\n"), "{text}");
        assert!(text.contains("… and 1 more in the JSON output"));
        let text = markdown_text(&plan);
        assert_eq!(text.matches("- If I answered").count(), 5);
    }

    #[test]
    fn the_markdown_plan_names_articles_by_title_and_speaks_plainly() {
        let text = markdown_text(&plan(IT_OPERATIONS_LEAD));
        assert!(
            text.starts_with(
                "# Personal development plan: towards Chief Information Officer (CIO)\n"
            )
        );
        assert!(text.contains("\n1. *CIO vs CTO: What's the difference?*\n"));
        for id in [
            "[difference",
            "key-differences]",
            "[definitions]",
            "--answer",
            "`",
        ] {
            assert!(!text.contains(id), "{id} in\n{text}");
        }
        assert!(text.contains("- **Experience** for the CIO (required): 3 more years to go"));
        assert!(text.contains("1. Roles in IT operations *(already behind me)*\n"));
        assert!(text.contains("### Does a CIO build, or manage the building?"));
        assert!(text.contains("*(our reading, not the article's words)*"));
    }

    #[test]
    fn split_aims_leave_the_track_undecided_and_cover_both_roles() {
        let plan = plan(&[("interest", "process"), ("audience", "external")]);
        let text = table_text(&plan, 100, false);
        assert!(text.starts_with("Track: undecided, as your answers lean equally both ways\nThese questions would decide it: background.\n"), "{text}");
        assert!(text.contains("Usual path into CIO, in this order"));
        assert!(text.contains("Usual path into CTO, in no set order"));
        let text = markdown_text(&plan);
        assert!(text.contains("No track yet: my answers lean equally both ways. These questions would decide it: background."), "{text}");
        assert!(text.contains("- [ ] An innovation mindset (CTO) [2]"));
    }
}
