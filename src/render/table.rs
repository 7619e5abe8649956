//! Terminal output: tables fitted to the width, headings and wrapped bullets.
//! Colour and bold only when [`Style::color`] says so; otherwise plain text with
//! no escape codes.

use std::io::Write;

use anstyle::{AnsiColor, Effects};

use crate::kb::Text;

use super::grid::Grid;
use super::wrap;
use super::{Output, Style, Validated};
use crate::advise::Advice;
use crate::view::compare::CompareView;
use crate::view::search::SearchView;
use crate::view::show::ShowView;
use crate::view::sources::SourcesView;

/// Writes `output` for a person at a terminal.
pub fn render(output: &Output, style: &Style, out: &mut dyn Write) -> anyhow::Result<()> {
    let painter = Painter { style: *style };
    match output {
        Output::Compare(view) => compare(view, &painter, out),
        Output::Show(view) => show(view, &painter, out),
        Output::Search(view) => search(view, &painter, out),
        Output::Sources(view) => sources(view, &painter, out),
        Output::Dump(_) => super::yaml::render(output, out),
        Output::Validated(view) => validated(view, &painter, out),
        Output::Schema(_) => super::json::render(output, out),
        Output::Advice(view) => advice(view, &painter, out),
        // A job description is a Markdown document wherever it is read.
        Output::JobDescription(_) => super::markdown::render(output, out),
    }
}

/// Applies the colour decision to text and tables.
struct Painter {
    style: Style,
}

impl Painter {
    fn paint(&self, text: &str, look: anstyle::Style) -> String {
        crate::terminal::paint(self.style.color, text, look)
    }

    fn heading(&self, text: &str) -> String {
        self.paint(text, anstyle::Style::new().effects(Effects::BOLD))
    }

    fn accent(&self, text: &str) -> String {
        self.paint(
            text,
            anstyle::Style::new()
                .fg_color(Some(AnsiColor::Cyan.into()))
                .effects(Effects::BOLD),
        )
    }

    fn dim(&self, text: &str) -> String {
        self.paint(text, anstyle::Style::new().effects(Effects::DIMMED))
    }

    fn draw(&self, grid: &Grid) -> String {
        grid.draw(self.style.width, self.style.color)
    }

    /// Wraps `text` as a bullet, continuation lines indented under the text.
    fn bullet(&self, text: &str, sources: &[Text], indent: usize) -> String {
        let width = usize::from(self.style.width).max(40);
        let lead = " ".repeat(indent);
        let first = format!("{lead}• ");
        let rest = format!("{lead}  ");
        let plain = format!("{text} [{}]", sources.join(", "));
        let wrapped = wrap::fill(&plain, width, &first, &rest);
        // Dim the citation after wrapping, so escape codes never count as width.
        match wrapped.rfind(" [") {
            Some(at) if self.style.color => {
                format!("{}{}", &wrapped[..at], self.dim(&wrapped[at..]))
            }
            _ => wrapped,
        }
    }
}

/// Column header for a role: its id in capitals over its full title.
fn role_header(id: &str, name: &str) -> String {
    format!("{}\n{name}", id.to_uppercase())
}

fn compare(view: &CompareView, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut header = vec![String::new()];
    header.extend(
        view.roles
            .iter()
            .map(|role| role_header(&role.id, &role.name)),
    );
    let mut grid = Grid::new(Some(header)).cap(0, 16);
    for row in &view.dimensions {
        let mut cells = vec![row.name.to_string()];
        for role in &view.roles {
            cells.push(match row.values.get(&role.id).and_then(Option::as_ref) {
                Some(value) if view.cite => {
                    format!("{}\n[{}]", value.text, value.sources.join(", "))
                }
                Some(value) => value.text.to_string(),
                None => "—".to_owned(),
            });
        }
        grid.row(cells);
    }
    writeln!(out, "{}", painter.draw(&grid))?;
    if !view.cite {
        writeln!(
            out,
            "{}",
            painter.dim("Sources: add --cite, or see `roles sources`.")
        )?;
    }
    Ok(())
}

fn show(view: &ShowView, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(
        out,
        "{} {}",
        painter.accent(&view.role.id.to_uppercase()),
        painter.heading(&format!("· {}", view.role.name))
    )?;
    writeln!(
        out,
        "{}",
        painter
            .bullet(&view.summary.text, &view.summary.sources, 0)
            .replacen('•', " ", 1)
    )?;

    if !view.overview.is_empty() {
        // A list rather than a boxed table: each dimension's name, then its value
        // wrapped in the column beside it.
        writeln!(out, "\n{}", painter.heading("At a glance"))?;
        let label_width = view
            .overview
            .iter()
            .map(|glance| wrap::width(&glance.name))
            .max()
            .unwrap_or(0)
            .min(18);
        let indent = " ".repeat(label_width + 4);
        for glance in &view.overview {
            let columns = usize::from(painter.style.width).max(40);
            let value = wrap::fill(&glance.text, columns, &indent, &indent);
            let label = &glance.name;
            let pad = label_width.saturating_sub(wrap::width(label));
            if wrap::width(label) > label_width {
                writeln!(out, "  {}", painter.heading(label))?;
                writeln!(out, "{value}")?;
            } else {
                let value = &value[indent.len()..];
                writeln!(
                    out,
                    "  {}{}  {value}",
                    painter.heading(label),
                    " ".repeat(pad)
                )?;
            }
        }
    }

    for section in &view.sections {
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
            writeln!(out, "{}", painter.bullet(&fact.text, &fact.sources, indent))?;
        }
    }

    if !view.salaries.is_empty() {
        writeln!(out, "\n{}", painter.heading("Salary, as reported"))?;
        for salary in &view.salaries {
            let text = format!("{}: {}", salary.figure, super::salary_details(salary));
            writeln!(out, "{}", painter.bullet(&text, &salary.sources, 0))?;
        }
    }
    Ok(())
}

fn search(view: &SearchView, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
    if view.hits.is_empty() {
        writeln!(
            out,
            "No facts match {}.",
            painter.heading(&format!("“{}”", view.terms.join(" ")))
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{} of {} matching facts for {}",
        view.hits.len(),
        view.total,
        painter.heading(&format!("“{}”", view.terms.join(" ")))
    )?;
    let mut grid = Grid::new(Some(
        ["Role", "Where", "Fact", "Source"]
            .map(String::from)
            .to_vec(),
    ))
    .cap(1, 18);
    for hit in &view.hits {
        grid.row(vec![
            hit.role.as_deref().unwrap_or("both").to_uppercase(),
            hit.section_title.to_string(),
            hit.text.to_string(),
            hit.sources.join(", "),
        ]);
    }
    writeln!(out, "{}", painter.draw(&grid))?;
    let weights: Vec<String> = view
        .weights
        .iter()
        .map(|(role, weight)| format!("{} {weight:.1}", role.to_uppercase()))
        .collect();
    let verdict = match &view.lean {
        Some(lean) => format!(
            "Leans to {} ({}): {:.0}% of the match weight ({}).",
            lean.role.to_uppercase(),
            lean.name,
            lean.share * 100.0,
            weights.join(", ")
        ),
        None => format!(
            "No clear lean: the matches are spread across roles ({}).",
            weights.join(", ")
        ),
    };
    let wrapped = wrap::fill(&verdict, usize::from(painter.style.width), "", "");
    match &view.lean {
        Some(lean) => {
            let role = lean.role.to_uppercase();
            writeln!(
                out,
                "{}",
                wrapped.replacen(&role, &painter.accent(&role), 1)
            )?;
        }
        None => writeln!(out, "{wrapped}")?,
    }
    Ok(())
}

fn sources(view: &SourcesView, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut grid = Grid::new(Some(
        ["Id", "Article", "Date", "Cited"]
            .map(String::from)
            .to_vec(),
    ))
    .align_right(3);
    for source in &view.sources {
        let mut article = source.title.to_string();
        for extra in [&source.publisher, &source.note].into_iter().flatten() {
            article.push('\n');
            article.push_str(&painter.dim(extra));
        }
        article.push('\n');
        article.push_str(&painter.dim(&source.file));
        grid.row(vec![
            source.id.to_string(),
            article,
            source.date.as_deref().unwrap_or("—").to_owned(),
            source.citations.to_string(),
        ]);
    }
    writeln!(out, "{}", painter.draw(&grid))?;
    Ok(())
}

fn validated(view: &Validated, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(
        out,
        "{} `{}` is a valid knowledge base: {} roles, {} dimensions, {} topics, {} facts, {} sources, {} questions.",
        painter.accent("ok:"),
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

/// Width of the longest bar in the score chart.
const BAR_WIDTH: usize = 24;

fn advice(view: &Advice, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
    let names: Vec<String> = view
        .recommended_roles
        .iter()
        .map(|r| format!("{} ({})", r.id.to_uppercase(), r.name))
        .collect();
    let verdict = format!(
        "{} {}, {}",
        painter.heading("Recommendation: hire"),
        painter.accent(&names.join(" and ")),
        painter.accent(&view.engagement)
    );
    // Wrapping measures width without the escape codes, so painting first is safe.
    writeln!(
        out,
        "{}",
        wrap::fill(&verdict, usize::from(painter.style.width), "", "")
    )?;
    writeln!(
        out,
        "Confidence: {} ({:.2}){}",
        view.confidence_label,
        view.confidence,
        view.tie_break
            .as_ref()
            .map(|tie| format!(". Tie-break: {tie}."))
            .unwrap_or_default()
    )?;

    writeln!(out, "\n{}", painter.heading("Scores"))?;
    let mut bars: Vec<(String, i32)> = view
        .scores
        .iter()
        .map(|(role, &score)| (role.to_uppercase(), score))
        .collect();
    bars.push(("both".to_owned(), view.both_points));
    let top = bars.iter().map(|(_, s)| *s).max().unwrap_or(0).max(1);
    let label_width = bars
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    for (label, score) in &bars {
        let filled =
            usize::try_from(*score).unwrap_or(0) * BAR_WIDTH / usize::try_from(top).unwrap_or(1);
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
            view.engagement_points.fractional, view.engagement_points.full_time
        ))
    )?;

    if !view.reasons.is_empty() {
        writeln!(out, "\n{}", painter.heading("Why"))?;
        let mut grid = Grid::new(Some(
            ["Question", "Answer and points", "Because"]
                .map(String::from)
                .to_vec(),
        ))
        .cap(1, 22);
        for reason in &view.reasons {
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
    if !view.unanswered.is_empty() {
        writeln!(
            out,
            "{}",
            painter.dim(&format!("No preference: {}.", view.unanswered.join(", ")))
        )?;
    }

    writeln!(out, "\n{}", painter.heading("What would change it"))?;
    if view.flips.is_empty() {
        writeln!(out, "  No single change of answer would change it.")?;
    }
    for flip in &view.flips {
        writeln!(
            out,
            "  • {}: {} instead of {} → {}, {}",
            flip.question,
            super::markdown::answer_text(flip.to.as_ref()),
            super::markdown::answer_text(flip.from.as_ref()),
            flip.recommendation,
            flip.engagement
        )?;
    }

    writeln!(out, "\n{}", painter.heading("Next"))?;
    for step in &view.next_steps {
        writeln!(out, "  {step}")?;
    }
    Ok(())
}
