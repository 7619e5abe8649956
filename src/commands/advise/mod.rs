//! `roles advise`: the hiring questionnaire. Answers are gathered by
//! [`crate::questionnaire`]; [`score`] turns them into an explained
//! recommendation, drawn here for people.

pub mod score;

use std::io::Write;

pub use score::{Advice, Hire, advise};

use super::{SHOWN_FLIPS, flips_markdown};
use crate::library::Library;
use crate::questionnaire::{self, FollowUp, Intake, engine};
use crate::render::markdown::{self, cell};
use crate::render::{Painter, View};

/// Gathers the answers as `intake` says and scores them (the table showing
/// every flip with `all_flips`); the follow-up is offered once the advice is shown.
pub fn run(
    library: &Library,
    intake: &Intake<'_>,
    all_flips: bool,
) -> anyhow::Result<(Advice, FollowUp)> {
    let missing = "questionnaire; add `questionnaire.questions`";
    let (answers, follow_up) = questionnaire::gather_for(
        &library.kb.questionnaire,
        intake,
        missing,
        ("advise on", "aim=product"),
    )?;
    let mut advice = advise(library, &answers);
    (advice.date, advice.all_flips) = (Some(today()), all_flips);
    Ok((advice, follow_up))
}

/// Today's date (UTC) as `YYYY-MM-DD`, or the day of `SOURCE_DATE_EPOCH` when it
/// is set, the reproducible-builds convention, so a record can be made again.
fn today() -> String {
    // humantime writes years up to 9999 only; a later epoch counts as unset.
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|epoch| epoch.trim().parse::<u64>().ok())
        .filter(|seconds| *seconds < 253_402_300_800)
        .map(|seconds| std::time::UNIX_EPOCH + std::time::Duration::from_secs(seconds))
        .unwrap_or_else(std::time::SystemTime::now);
    humantime::format_rfc3339_seconds(now).to_string()[..10].to_owned()
}

/// How a hire's engagement reads in prose.
fn engaged(hire: &Hire) -> &str {
    hire.engagement.as_deref().unwrap_or("engagement open")
}

/// The numbers of `ids` among the advice's numbered sources, `[1, 3]`, or
/// their titles, for prose: `"A"; "B"`.
fn cited(advice: &Advice, ids: &[String], titles: bool) -> String {
    let cited = (1..)
        .zip(&advice.sources)
        .filter(|(_, s)| ids.contains(&s.id));
    let cited = cited.map(|(number, source)| match titles {
        true => format!("“{}”", source.title),
        false => number.to_string(),
    });
    let cited: Vec<String> = cited.collect();
    match titles {
        true => cited.join("; "),
        false => format!("[{}]", cited.join(", ")),
    }
}

/// A hire's confidence in the role and the engagement, in words.
fn confidence_line(hire: &Hire) -> String {
    let engagement = (hire.engagement_confidence.as_ref()).map(engine::Confidence::text);
    let (id, role) = (hire.role.to_uppercase(), hire.confidence.text());
    let engagement = engagement.as_deref().unwrap_or("open");
    format!("Confidence in the {id}: {role} · engagement {engagement}")
}

/// The headline when no role is needed yet.
const NO_VERDICT: &str = "no answer so far bears on any role.";

/// What a tie between needed roles means for the plan.
const TIE: &str = "A tie: some roles are needed equally, so their order is open.";

impl View for Advice {
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        let advice = self;
        let mut line = |text: &str, first: &str, rest: &str| {
            writeln!(out, "{}", painter.fill(text, first, rest))
        };
        if advice.hires.is_empty() {
            let verdict = format!("{} {NO_VERDICT}", painter.heading("No recommendation yet:"));
            line(&verdict, "", "")?;
            if !advice.deciding_questions.is_empty() {
                let ask = format!(
                    "These questions would decide it: {}. Answer them with `--answer ID=VALUE` (values: `roles advise --help`).",
                    advice.deciding_questions.join(", ")
                );
                line(&ask, "", "")?;
            }
        } else {
            let names: Vec<String> = (advice.hires.iter())
                .map(|hire| format!("{} ({})", hire.role.to_uppercase(), hire.name))
                .collect();
            // Wrapping measures width without the escape codes, so painting first is safe.
            let hire = painter.heading("Recommendation: hire");
            let verdict = format!("{hire} {}", painter.accent(&names.join(" and ")));
            line(&verdict, "", "")?;
            if advice.tie {
                line(TIE, "", "")?;
            }
            for (index, hire) in advice.hires.iter().enumerate() {
                let (id, engagement) = (hire.role.to_uppercase(), engaged(hire));
                let text = format!("{}. {id}, {engagement}: {}", index + 1, hire.why);
                line(&text, "  ", "     ")?;
                line(&confidence_line(hire), "     ", "       ")?;
            }
        }
        if !advice.reasons.is_empty() {
            line(&format!("\n{}", painter.heading("Why")), "", "")?;
        }
        for reason in &advice.reasons {
            let answer = reason.line(&painter.accent(&reason.label));
            let notes = painter.dim(&cited(advice, &reason.sources, false));
            let why = format!("{} {answer} {notes}", reason.question_text);
            line(&why, "  • ", "    ")?;
        }
        if !advice.caveats.is_empty() {
            line(&format!("\n{}", painter.heading("Keep in mind")), "", "")?;
        }
        for caveat in &advice.caveats {
            let notes = painter.dim(&cited(advice, &caveat.sources, false));
            line(&format!("{} {notes}", caveat.text), "  • ", "    ")?;
        }
        if !advice.flips.is_empty() {
            let all = self.all_flips;
            let shown = if all { usize::MAX } else { SHOWN_FLIPS };
            let more = "(--all-flips shows them)";
            engine::flips_table(painter, &advice.flips, shown, more, out)?;
        }
        if !advice.sources.is_empty() {
            writeln!(out, "\n{}", painter.heading("Sources"))?;
        }
        for (index, source) in advice.sources.iter().enumerate() {
            let source = format!("[{}] {}", index + 1, source.title);
            writeln!(out, "{}", painter.fill(&source, "  ", "      "))?;
        }
        let next = advice.next_steps.join(" · ");
        let next = format!("{} {next}", painter.heading("Next:"));
        writeln!(out, "\n{}", painter.fill(&next, "", "  "))?;
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let advice = self;
        writeln!(out, "# Decision record: technology leadership hire\n")?;
        if let Some(date) = &advice.date {
            writeln!(out, "Date: {date}\n")?;
        }
        writeln!(out, "## Decision\n")?;
        if advice.hires.is_empty() {
            writeln!(out, "No recommendation yet: {NO_VERDICT}")?;
            if !advice.deciding_questions.is_empty() {
                let open = advice.deciding_questions.join(", ");
                writeln!(
                    out,
                    "\nThe questions still open that would decide it: {open}."
                )?;
            }
        }
        if advice.tie {
            writeln!(out, "{TIE}\n")?;
        }
        for hire in &advice.hires {
            let (name, id, engagement) = (&hire.name, hire.role.to_uppercase(), engaged(hire));
            let (why, confidence) = (&hire.why, confidence_line(hire));
            writeln!(
                out,
                "- Hire a **{name} ({id})**, {engagement}. {why} {confidence}."
            )?;
        }

        writeln!(out, "\n## What we answered\n")?;
        let rows = advice.questions.iter().map(|question| {
            let answer = advice.answers.get(&question.id);
            let words = questionnaire::interview::answer_words(question, answer);
            vec![cell(&question.text), cell(&words)]
        });
        markdown::table(out, &["Question", "Answer"], None, rows)?;

        writeln!(out, "\n## Why\n")?;
        for reason in &advice.reasons {
            let (arrow, note) = (reason.arrow(), reason.basis_note());
            let titles = cited(advice, &reason.sources, true);
            let (question, label) = (&reason.question_text, &reason.label);
            let because = format!("{}{note} (Sources: {titles}.)", reason.because);
            writeln!(out, "- **{question}: {label}** ({arrow}): {because}")?;
        }
        if !advice.caveats.is_empty() {
            writeln!(out, "\n## Caveats\n")?;
        }
        for caveat in &advice.caveats {
            let titles = cited(advice, &caveat.sources, true);
            writeln!(out, "- {} (Sources: {titles}.)", caveat.text)?;
        }

        flips_markdown(out, "decision", &advice.flips, |flip| {
            format!("{} → {}", flip.change, flip.outcome)
        })?;

        writeln!(out, "\n## Next steps\n")?;
        for hire in &advice.hires {
            let (id, engagement, name) = (hire.role.to_uppercase(), engaged(hire), &hire.name);
            writeln!(
                out,
                "- Read the {id} profile and draft a job description for a {engagement} {name}."
            )?;
        }
        if advice.hires.is_empty() {
            writeln!(out, "- Answer the open questions above and decide again.")?;
        }
        writeln!(out, "- Compare the roles side by side before deciding.")?;

        writeln!(out, "\n## Sources\n")?;
        for (index, source) in advice.sources.iter().enumerate() {
            writeln!(out, "{}. {}", index + 1, source.title)?;
        }
        Ok(())
    }
}
