//! The policy of `roles advise` over the shared engine
//! ([`crate::questionnaire::engine`]): each needed role becomes a hire, in order
//! of need, and the seats the company can fund decide which hires are
//! full-time; the rest are taken fractionally. A tie for the last full-time seat
//! is said, and left open, never settled by list order.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::kb::Fact;
use crate::library::{Library, RoleRef};
use crate::questionnaire::Answers;
use crate::questionnaire::engine::{self, Confidence, Flip, Reason, SourceRef, Tally};

/// Version of `roles advise`'s JSON: 4 moved confidence into each hire, added
/// `tie`, `need` and `favours`, and dropped the top-level `engagement`,
/// `confidence` and `both_points`, which could disagree with `hires`.
pub const ADVICE_SCHEMA_VERSION: u32 = 4;

/// The full result of `roles advise`.
#[derive(Debug, Serialize)]
pub struct Advice {
    /// Output shape version.
    pub schema_version: u32,
    /// The hire plan: one entry per needed role, the strongest need first;
    /// empty when no answer bears on any role.
    pub hires: Vec<Hire>,
    /// The one role id of `hires`, `both` when it holds more than one, `null`
    /// when it is empty: a summary of `hires`, never more.
    pub recommendation: Option<String>,
    /// Whether two needed roles have the same need, so their order is open.
    pub tie: bool,
    /// Full-time senior seats the company says it can fund, if it said.
    pub seats: Option<u8>,
    /// Need per role id.
    pub scores: BTreeMap<String, i32>,
    /// Points towards each engagement.
    pub engagement_points: BTreeMap<String, i32>,
    /// One entry per chosen value, in questionnaire order.
    pub reasons: Vec<Reason>,
    /// What to keep in mind about the plan.
    pub caveats: Vec<Fact>,
    /// Single answer changes that would change the plan, the most decisive first.
    pub flips: Vec<Flip>,
    /// The answers used.
    pub answers: Answers,
    /// Ids of the questions left without an answer (no preference).
    pub unanswered: Vec<String>,
    /// The unanswered questions that could decide an open or close verdict.
    pub deciding_questions: Vec<String>,
    /// The articles the reasons and caveats cite.
    pub sources: Vec<SourceRef>,
    /// Commands to run next.
    pub next_steps: Vec<String>,
    /// The day of the decision, for the Markdown record (JSON depends on the answers alone).
    #[serde(skip)]
    pub date: Option<String>,
    /// The questions, for the record's table of answers in words.
    #[serde(skip)]
    pub questions: Vec<crate::kb::Question>,
    /// Whether the table shows every flip, not the most decisive few.
    #[serde(skip)]
    pub all_flips: bool,
}

/// One role to hire, and how.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hire {
    /// The role's id.
    pub role: String,
    /// Its full title.
    pub name: String,
    /// `full-time`, `fractional`, or `null` when no answer settles it.
    pub engagement: Option<String>,
    /// How strongly the answers show the need for it.
    pub need: i32,
    /// How far the answers back hiring this role.
    pub confidence: Confidence,
    /// How far they back its engagement; `null` when nothing bears on it.
    pub engagement_confidence: Option<Confidence>,
    /// Why this role, and why so engaged, in a sentence.
    pub why: String,
}

/// The hire plan a tally gives: `(role index, engagement)` in order, and
/// whether a tie leaves the order open.
fn plan(tally: &Tally) -> (Vec<(usize, Option<&'static str>)>, bool) {
    let (roles, tie) = tally.needed();
    let lean = tally.engagement();
    let seats = tally.seats.map(usize::from);
    let plan = roles
        .iter()
        .enumerate()
        .map(|(position, &role)| {
            let beyond = seats.is_some_and(|seats| position >= seats);
            // A tie across the last seat leaves both tied roles open.
            let contested = seats.is_some_and(|seats| {
                seats > 0
                    && seats < roles.len()
                    && (position + 1 == seats || position == seats)
                    && tally.ties(roles[seats - 1], roles[seats])
            });
            let engagement = match lean {
                Some("fractional") => Some("fractional"),
                _ if contested => None,
                _ if beyond => Some("fractional"),
                other => other,
            };
            (role, engagement)
        })
        .collect();
    (plan, tie)
}

/// A plan in words, for flips: `hire CTO (full-time) and CIO (fractional)`.
fn plan_words(roles: &[RoleRef], plan: &[(usize, Option<&str>)]) -> String {
    let hire = |&(role, engaged): &(usize, Option<&str>)| {
        let engaged = engaged.unwrap_or("engagement open");
        format!("{} ({engaged})", roles[role].id.to_uppercase())
    };
    let hires: Vec<String> = plan.iter().map(hire).collect();
    match hires.is_empty() {
        true => "no recommendation".to_owned(),
        false => format!("hire {}", hires.join(" and ")),
    }
}

/// Scores `answers` and explains the result.
pub fn advise(library: &Library, answers: &Answers) -> Advice {
    let roles = &library.role_refs;
    let questions = &library.kb.questionnaire.questions;
    let tally = engine::tally(roles, questions, answers);
    let (hire_plan, tie) = plan(&tally);
    let reasons = engine::reasons(roles, questions, answers);
    let deciding_questions = engine::deciding_questions(questions, answers, false);
    // A tie is also settled by an answer that puts one role first.
    let settle = |what: &str, tie: bool| {
        let ids = engine::deciding_questions(questions, answers, tie);
        let ids: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
        match ids.is_empty() {
            true => {
                format!("{what}; the changes listed under “what would change it” would settle it")
            }
            false => format!("{what}; an answer on {} would settle it", ids.join(", ")),
        }
    };
    let strongest = tally.need.iter().copied().max().unwrap_or(0);
    let seats = tally.seats.map(usize::from);
    let hires: Vec<Hire> = hire_plan
        .iter()
        .map(|&(role, engagement)| {
            let need = tally.need[role];
            let tied = (hire_plan.iter()).filter(|&&(other, _)| tally.ties(role, other));
            let tied: Vec<String> = tied.map(|&(other, _)| roles[other].id.to_uppercase()).collect();
            let close = if !tied.is_empty() {
                let tie = format!("a tie: the need for it equals the {}'s", tied.join(" and "));
                Some(settle(&tie, true))
            } else if need < strongest && (2 * need - strongest).max(need - engine::OWN_NEED) <= 0 {
                let close = format!("a close call: its need ({need}) only just counts beside the strongest ({strongest})");
                Some(settle(&close, false))
            } else {
                None
            };
            let mut backers: Vec<&str> = reasons
                .iter()
                // Those that gave it need: a priority (no points) gives none.
                .filter(|r| {
                    !r.points.is_empty()
                        && (r.favours.iter())
                            .any(|f| f == "both roles" || *f == roles[role].id.as_str())
                })
                .map(|r| r.question.as_str())
                .collect();
            backers.dedup();
            let (id, backers) = (roles[role].id.to_uppercase(), backers.join(", "));
            let mut why = format!("Your answers show a need for the {id} (need {need}, from {backers}).");
            let short = seats.is_some_and(|seats| seats > 0 && seats < hire_plan.len());
            if engagement.is_none() && !tied.is_empty() && short {
                why.push_str(
                    " It ties for the last full-time seat, so its engagement is open until an answer settles the tie.",
                );
            } else if engagement == Some("fractional") && tally.engagement() != Some("fractional")
            {
                why.push_str(&format!(
                    " You can fund {} full-time seat{}, so this one is taken fractionally.",
                    tally.seats.unwrap_or(0),
                    if tally.seats == Some(1) { "" } else { "s" }
                ));
            } else if engagement.is_none() {
                why.push_str(" No answer settles full-time or fractional yet.");
            }
            let engagement_close = (engagement.is_none() && tally.engagement().is_some())
                .then(|| "the tie leaves it open".to_owned());
            Hire {
                role: roles[role].id.clone(),
                name: roles[role].name.clone(),
                engagement: engagement.map(str::to_owned),
                need,
                confidence: Confidence::new(tally.confidence(role), close),
                engagement_confidence: tally
                    .engagement_confidence()
                    .map(|value| Confidence::new(value, engagement_close.clone())),
                why,
            }
        })
        .collect();

    let mut caveats: Vec<Fact> = Vec::new();
    if hires.len() == 1 && roles.len() > 1 {
        caveats.push(fact(
            "The articles see both roles as vital and counsel making both real as soon as the company can; the other role may well be needed later.",
            "difference",
        ));
    }
    if seats.is_some_and(|seats| seats < hires.len()) {
        for question in questions {
            for choice in engine::chosen(question, answers.get(&question.id)) {
                caveats.extend(choice.caveat.clone());
            }
        }
        if tally.seats == Some(1) && caveats.iter().all(|c| !c.text.contains("combine")) {
            caveats.push(fact(
                "Some companies combine the two roles in one person, each striking its own balance between them.",
                "tension",
            ));
        }
    }

    let flips = engine::flips(roles, questions, answers, |changed| {
        let (other, _) = plan(changed);
        // A change that only reorders the same hires is not a flip.
        let mut key = other.clone();
        key.sort_unstable();
        let ids = other.iter().map(|&(r, _)| roles[r].id.clone()).collect();
        (key, plan_words(roles, &other), ids)
    });
    let unanswered = questions.iter().filter(|q| answers.get(&q.id).is_none());
    let cited = (reasons.iter()).flat_map(|reason| &reason.sources);
    let cited = cited.chain(caveats.iter().flat_map(|caveat| &caveat.sources));
    let sources = engine::cited(&library.kb.sources, cited);
    let mut next_steps: Vec<String> = Vec::new();
    for hire in &hires {
        let fractional = hire.engagement.as_deref() == Some("fractional");
        let flag = if fractional { " --fractional" } else { "" };
        next_steps.push(format!("roles show {}", hire.role));
        next_steps.push(format!("roles jd {}{flag}", hire.role));
    }
    if hires.is_empty() {
        for id in &deciding_questions {
            next_steps.push(format!("roles advise --answer {id}=…"));
        }
    }
    next_steps.push("roles compare".to_owned());

    Advice {
        schema_version: ADVICE_SCHEMA_VERSION,
        tie,
        seats: tally.seats,
        recommendation: match hires.as_slice() {
            [] => None,
            [one] => Some(one.role.to_string()),
            _ => Some("both".to_owned()),
        },
        scores: (roles.iter().zip(&tally.need))
            .map(|(r, &need)| (r.id.clone(), need))
            .collect(),
        engagement_points: BTreeMap::from([
            ("fractional".to_owned(), tally.fractional),
            ("full-time".to_owned(), tally.full_time),
        ]),
        hires,
        reasons,
        caveats,
        flips,
        answers: answers.clone(),
        unanswered: unanswered.map(|q| q.id.clone()).collect(),
        deciding_questions,
        sources,
        next_steps,
        date: None,
        questions: questions.clone(),
        all_flips: false,
    }
}

/// A caveat of the plan's own, citing one article by source id.
fn fact(text: &'static str, source: &'static str) -> Fact {
    Fact {
        text: String::from(text),
        sources: vec![String::from(source)],
        theme: None,
        roles: Vec::new(),
    }
}
