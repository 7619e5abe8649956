//! `roles jd ROLE`: a job posting in the second person, from the role's entry in
//! `data/jd.yaml`, with placeholders in brackets for what only the company knows.
//! `--fractional` keeps the items fit for a part-time engagement, `--brief` the
//! one-screen selection, and an `advise` answers file puts the duties meeting the
//! chosen needs first. A role with no posting gets its profile's facts.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{RoleRef, find_role};
use crate::kb::Role;
use crate::kb::jd::{NEEDS_QUESTION, Paragraph, Posting, PostingItem};
use crate::library::Library;
use crate::questionnaire::Answers;
use crate::render::{Painter, View};

/// The shape of `roles jd` JSON; bumped when a change could break a reader.
pub const JD_SCHEMA_VERSION: u32 = 2;

/// The placeholders a posting leaves for the company to fill in.
pub const PLACEHOLDERS: [&str; 4] = ["[Company]", "[Location]", "[Salary range]", "[Reports to]"];

/// A job posting.
#[derive(Debug, Serialize)]
pub struct JobDescription {
    /// Output shape version.
    pub schema_version: u32,
    /// The role.
    pub role: RoleRef,
    /// Whether the posting is for a fractional (part-time) engagement.
    pub fractional: bool,
    /// Whether it is the one-screen version (`--brief`).
    pub brief: bool,
    /// The hiring needs from the answers file whose duties come first.
    pub needs: Vec<String>,
    /// The job title as advertised.
    pub title: String,
    /// The placeholders left in the text for the company to fill in.
    pub placeholders: Vec<String>,
    /// The opening paragraph.
    pub summary: String,
    /// The terms of the engagement, in words (`advise`'s `engagement` is the
    /// one-word kind; this is the posting's paragraph).
    pub engagement_terms: String,
    /// What the person will do, the duties meeting `needs` first.
    pub responsibilities: Vec<JobItem>,
    /// What success may be measured by.
    pub success_measures: Vec<JobItem>,
    /// What a candidate must bring.
    pub requirements: Vec<JobItem>,
    /// What helps but is not required.
    pub nice_to_have: Vec<JobItem>,
    /// Where candidates may come from.
    pub background: Vec<JobItem>,
    /// Every source the posting cites.
    pub sources: Vec<String>,
}

/// One line of a posting.
#[derive(Debug, Clone, Serialize)]
pub struct JobItem {
    /// The line.
    pub text: String,
    /// Ids of every source that says it.
    pub sources: Vec<String>,
    /// Which of the chosen needs it meets.
    pub meets: Vec<String>,
}

impl JobDescription {
    /// The items of one list kept, those meeting a chosen need first; a brief
    /// list keeps as many as its brief items, preferring those meeting a need.
    fn pick(&self, items: &[PostingItem]) -> Vec<JobItem> {
        let meets = |item: &PostingItem| {
            let needs = self.needs.iter().filter(|need| item.needs.contains(need));
            needs.cloned().collect::<Vec<String>>()
        };
        let kept = (items.iter()).filter(|item| !self.fractional || item.fractional);
        let mut kept: Vec<_> = kept.map(|item| (item, meets(item))).collect();
        kept.sort_by_key(|(_, meets)| meets.is_empty());
        if self.brief {
            let room = kept.iter().filter(|(item, _)| item.brief).count();
            let mut taken = 0;
            kept.retain(|(item, meets)| {
                let keep = taken < room && (item.brief || !meets.is_empty());
                taken += usize::from(keep);
                keep
            });
        }
        let item = |(item, meets): (&PostingItem, _)| JobItem {
            text: item.text.clone(),
            sources: item.sources.clone(),
            meets,
        };
        kept.into_iter().map(item).collect()
    }

    /// The posting's lists under their headings, in order.
    fn lists(&self) -> [(&'static str, &[JobItem]); 5] {
        [
            ("What you will do", &self.responsibilities),
            ("How success may be measured", &self.success_measures),
            ("What you must bring", &self.requirements),
            ("Nice to have", &self.nice_to_have),
            ("Where you may come from", &self.background),
        ]
    }
}

/// A posting made of a role's profile, every fact kept in full, for a role
/// `data/jd.yaml` does not cover.
fn from_profile(role: &Role) -> Posting {
    let facts = |section: &str, keep: &dyn Fn(Option<&str>) -> bool| -> Vec<PostingItem> {
        role.sections
            .iter()
            .filter(|s| s.id == section)
            .flat_map(|s| &s.facts)
            .filter(|fact| keep(fact.theme.as_deref()))
            .map(|fact| PostingItem {
                text: fact.text.clone(),
                sources: fact.sources.clone(),
                brief: true,
                fractional: true,
                needs: Vec::new(),
            })
            .collect()
    };
    let helpful =
        |theme: Option<&str>| theme.is_some_and(|t| t.eq_ignore_ascii_case("also helpful"));
    Posting {
        about: Paragraph {
            text: role.summary.text.clone(),
            sources: role.summary.sources.clone(),
        },
        fractional_engagement: Paragraph {
            text: "A fractional, part-time engagement.".into(),
            sources: Vec::new(),
        },
        duties: facts("responsibilities", &|_| true),
        measures: facts("kpis", &|_| true),
        requirements: facts("qualifications", &|t| !helpful(t)),
        assets: facts("qualifications", &helpful),
        backgrounds: facts("career-path", &|_| true),
    }
}

/// The engagement of a full-time posting: only the company knows it, so it is
/// placeholders around the one thing the flag says.
const FULL_TIME: &str = "Full-time and permanent, at [Company] in [Location], reporting to \
                         [Reports to]. Salary: [Salary range].";

/// Builds the posting of `role_id`: `fractional` keeps the items fit for a
/// part-time engagement, `brief` the one-screen selection, and the needs chosen
/// in an `advise` answers file put the duties meeting them first.
pub fn posting(
    library: &Library,
    role_id: &str,
    (fractional, brief, answers): (bool, bool, Option<&Path>),
) -> anyhow::Result<JobDescription> {
    let answers = answers.map(|file| Answers::from_file(file, &library.kb.questionnaire));
    let needs = (answers.transpose()?).and_then(|answers| answers.get(NEEDS_QUESTION).cloned());
    let needs = needs.iter().flat_map(|answer| answer.values());
    let role = find_role(library, role_id)?;
    let made = from_profile(role);
    let posting = library.kb.jd.get(role.id.as_str()).unwrap_or(&made);
    let (name, id) = (&role.name, role.id.to_uppercase());
    let part_time = &posting.fractional_engagement;
    let (title, engagement, cited) = match fractional {
        true => (
            format!("Fractional {name} ({id})"),
            format!(
                "{} At [Company] in [Location], reporting to [Reports to]. Pay: [Salary range].",
                part_time.text
            ),
            &part_time.sources[..],
        ),
        false => (format!("{name} ({id})"), FULL_TIME.to_owned(), &[][..]),
    };
    let mut posted = JobDescription {
        schema_version: JD_SCHEMA_VERSION,
        role: role.into(),
        fractional,
        brief,
        needs: needs.map(str::to_owned).collect(),
        title,
        placeholders: PLACEHOLDERS.map(String::from).to_vec(),
        summary: posting.about.text.clone(),
        engagement_terms: engagement,
        responsibilities: Vec::new(),
        success_measures: Vec::new(),
        requirements: Vec::new(),
        nice_to_have: Vec::new(),
        background: Vec::new(),
        sources: Vec::new(),
    };
    posted.responsibilities = posted.pick(&posting.duties);
    posted.success_measures = posted.pick(&posting.measures);
    posted.requirements = posted.pick(&posting.requirements);
    posted.nice_to_have = posted.pick(&posting.assets);
    posted.background = posted.pick(&posting.backgrounds);
    let items = posted.lists().into_iter().flat_map(|(_, items)| items);
    let items = items.flat_map(|item| &item.sources);
    let about = posting.about.sources.iter().chain(cited);
    let mut sources: Vec<String> = about.chain(items).cloned().collect();
    sources.sort_by_key(|id| library.kb.sources.iter().position(|s| &s.id == id));
    sources.dedup();
    posted.sources = sources;
    Ok(posted)
}

impl View for JobDescription {
    const PAGED: bool = true;

    /// A job posting is Markdown wherever it is read, so it can be pasted; here
    /// fitted to the terminal.
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        let mut text = Vec::new();
        self.markdown(&mut text)?;
        let text = String::from_utf8_lossy(&text);
        out.write_all(crate::render::markdown::fit(&text, painter.width()).as_bytes())?;
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "# {}\n", self.title)?;
        // The one-screen posting spends no lines on the opening's heading or a rule.
        if !self.brief {
            writeln!(out, "## About the role\n")?;
        }
        writeln!(out, "{}\n", self.summary)?;
        writeln!(out, "**Engagement:** {}", self.engagement_terms)?;
        for (heading, items) in self.lists() {
            if items.is_empty() {
                continue;
            }
            writeln!(out, "\n## {heading}\n")?;
            for item in items {
                writeln!(out, "- {}", item.text)?;
            }
        }
        writeln!(out, "{}", if self.brief { "" } else { "\n---\n" })?;
        writeln!(
            out,
            "_Drafted by `roles jd` (sources: {}). Fill in the brackets and review before posting._",
            self.sources.join(", ")
        )?;
        Ok(())
    }
}
