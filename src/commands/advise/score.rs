//! Scoring `roles advise`: answers become two decisions, each on its own
//! evidence (which roles to hire, and how to engage them), then a hire plan
//! within the seats the company can fund, the reasons, and the single answer
//! changes that would change the plan.
//!
//! The rules, which the README documents:
//! - each chosen value adds its `weights` to the roles and its `both` points
//!   towards hiring more than one. Only answers whose points separate the roles
//!   (or ask for both) bear on the roles; with none there is no recommendation;
//! - the two highest-scoring roles are compared (equal scores: the role listed
//!   first in the knowledge base ranks first); if the gap between them is no more
//!   than the `both` points, recommend both, otherwise the leader alone;
//! - the engagement weighs `full_time` against `fractional` points; with none,
//!   or as many of each, it stays open (`null`) rather than defaulting;
//! - the budget answer says how many full-time seats the company can fund; the
//!   plan never puts more roles full-time than that, and takes the rest
//!   fractionally in priority order;
//! - confidence is reported for each decision apart (see
//!   [`crate::questionnaire::evidence`]).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::commands::RoleRef;
use crate::kb::{Basis, Choice, Fact, Question, Text};
use crate::library::Library;
use crate::questionnaire::evidence::{self, SourceRef};
use crate::questionnaire::{Answer, Answers};

/// Version of `roles advise`'s JSON: 2 added `hires`, the split `confidence`,
/// a `null` recommendation and engagement, `basis` on reasons, and `seats`.
pub const ADVICE_SCHEMA_VERSION: u32 = 3;

/// The recommendation value when more than one role should be hired.
pub const BOTH: &str = "both";
/// The engagement values.
pub const FULL_TIME: &str = "full-time";
/// See [`FULL_TIME`].
pub const FRACTIONAL: &str = "fractional";

/// The full result of `roles advise`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Advice {
    /// Output shape version.
    pub schema_version: u32,
    /// A role id, `both`, or `null` when no answer bears on the roles.
    pub recommendation: Option<String>,
    /// The hire plan: one entry per recommended role, in order of priority.
    pub hires: Vec<Hire>,
    /// `full-time` or `fractional` as the answers point, or `null` when no
    /// answer bears on it or they are split evenly.
    pub engagement: Option<String>,
    /// How far the answers back each decision.
    pub confidence: Confidence,
    /// Full-time senior seats the company says it can fund, if it said.
    pub seats: Option<u8>,
    /// Points per role id.
    pub scores: BTreeMap<Text, i32>,
    /// Points towards hiring more than one role.
    pub both_points: i32,
    /// Points towards each engagement.
    pub engagement_points: EngagementPoints,
    /// One entry per chosen value, in questionnaire order.
    pub reasons: Vec<Reason>,
    /// What to keep in mind: caveats the plan's limits call for.
    pub caveats: Vec<Caveat>,
    /// Single answer changes that would change the plan, the most decisive first.
    pub flips: Vec<Flip>,
    /// The answers used.
    pub answers: Answers,
    /// Ids of the questions left without an answer (no preference).
    pub unanswered: Vec<Text>,
    /// When there is no recommendation: the unanswered questions that could decide it.
    pub deciding_questions: Vec<Text>,
    /// The articles the reasons and caveats cite.
    pub sources: Vec<SourceRef>,
    /// Commands to run next.
    pub next_steps: Vec<String>,
    /// The day of the decision, for the Markdown decision record (not in JSON,
    /// which depends on the answers alone).
    #[serde(skip)]
    pub date: Option<String>,
}

/// One role to hire, and how.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Hire {
    /// The role's id.
    pub role: Text,
    /// Its full title.
    pub name: Text,
    /// `full-time`, `fractional`, or `null` when no answer bears on it.
    pub engagement: Option<String>,
    /// Why this role, and why so engaged, in a sentence.
    pub why: String,
}

/// How far the answers back each decision, from 0 to 1 (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct Confidence {
    /// In the role recommendation; 0 when there is none.
    pub role: f64,
    /// In the engagement; `null` when no answer bears on it.
    pub engagement: Option<f64>,
}

/// Fractional versus full-time points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct EngagementPoints {
    /// Points towards a fractional engagement.
    pub fractional: i32,
    /// Points towards a full-time engagement.
    #[serde(rename = "full-time")]
    pub full_time: i32,
}

/// Why one answer counted as it did.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Reason {
    /// The question id.
    pub question: Text,
    /// The question as asked.
    pub question_text: Text,
    /// The chosen value.
    pub value: Text,
    /// How that value reads.
    pub label: Text,
    /// What it favoured: role ids, `both`, `fractional`, `full-time`; empty if nothing.
    pub favours: Vec<String>,
    /// The points it gave, keyed like `favours`.
    pub points: BTreeMap<String, i32>,
    /// Why, in the knowledge base's words.
    pub because: Text,
    /// The sources behind that.
    pub sources: Vec<Text>,
    /// `article`, `disputed` (the articles disagree) or `judgement` (ours).
    pub basis: Basis,
}

/// Something to keep in mind about the plan.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Caveat {
    /// The caveat.
    pub text: Text,
    /// The sources behind it.
    pub sources: Vec<Text>,
}

/// An answer change that would change the plan.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Flip {
    /// The question id.
    pub question: Text,
    /// The values answered now, as a list whatever the question (empty when
    /// unanswered).
    pub from: Vec<String>,
    /// The values of the changed answer, as a list (empty for no preference).
    pub to: Vec<String>,
    /// The change in words: `team: The IT department instead of no preference`.
    pub change: String,
    /// The recommendation it would give.
    pub recommendation: Option<String>,
    /// The hire plan it would give.
    pub hires: Vec<Hire>,
    /// How far the change moves the balance of points; the list is sorted by it.
    pub shift: i32,
}

/// What the answers decide, before it is explained; computed again for each flip.
#[derive(Debug, Clone)]
struct Decision {
    /// Role indices by score, highest first (knowledge-base order on ties).
    ranked: Vec<usize>,
    /// The recommended roles, in priority order; empty for no recommendation.
    roles: Vec<usize>,
    scores: Vec<i32>,
    both: i32,
    /// Each bearing answer's contribution to the role verdict (signed: positive
    /// backs it).
    role_votes: Vec<i64>,
    engagement: Option<&'static str>,
    engagement_votes: Vec<i64>,
    points: EngagementPoints,
    seats: Option<u8>,
}

impl Decision {
    /// The balance the role decision rests on: the gap between the two leading
    /// roles less the points for both (positive: one role; otherwise both).
    fn role_balance(&self, leader: usize, runner_up: Option<usize>) -> i32 {
        let gap = runner_up.map_or(self.scores[leader], |r| {
            self.scores[leader] - self.scores[r]
        });
        gap - self.both
    }
}

/// The chosen choices of a question under `answers`.
fn chosen<'q>(question: &'q Question, answers: &Answers) -> Vec<&'q Choice> {
    let Some(answer) = answers.get(&question.id) else {
        return Vec::new();
    };
    let values = answer.values();
    question
        .choices
        .iter()
        .filter(|c| values.contains(&c.value.as_str()))
        .collect()
}

fn decide(library: &Library, answers: &Answers) -> Decision {
    let roles = library.role_refs();
    let questions = &library.questionnaire().questions;
    let choices: Vec<&Choice> = questions
        .iter()
        .flat_map(|question| chosen(question, answers))
        .collect();
    let weight =
        |choice: &Choice, role: usize| choice.weights.get(&roles[role].id).copied().unwrap_or(0);

    let mut scores = vec![0; roles.len()];
    let mut both = 0;
    let mut points = EngagementPoints {
        fractional: 0,
        full_time: 0,
    };
    let mut seats = None;
    for choice in &choices {
        for (index, score) in scores.iter_mut().enumerate() {
            *score += weight(choice, index);
        }
        both += choice.both;
        points.fractional += choice.fractional;
        points.full_time += choice.full_time;
        seats = choice.seats.or(seats);
    }
    // Stable sort: equal scores keep knowledge-base order.
    let mut ranked: Vec<usize> = (0..roles.len()).collect();
    ranked.sort_by_key(|&index| std::cmp::Reverse(scores[index]));

    let mut decision = Decision {
        ranked: ranked.clone(),
        roles: Vec::new(),
        scores,
        both,
        role_votes: Vec::new(),
        engagement: None,
        engagement_votes: Vec::new(),
        points,
        seats,
    };
    if let Some(&leader) = ranked.first() {
        let runner_up = ranked.get(1).copied();
        let one_role = decision.role_balance(leader, runner_up) > 0 || runner_up.is_none();
        // Each answer's part in the balance, signed to back the verdict.
        decision.role_votes = choices
            .iter()
            .map(|choice| {
                let gap = weight(choice, leader) - runner_up.map_or(0, |r| weight(choice, r));
                let part = i64::from(gap - choice.both);
                if one_role { part } else { -part }
            })
            .collect();
        if decision.role_votes.iter().any(|&vote| vote != 0) {
            decision.roles = match runner_up {
                Some(second) if !one_role => vec![leader, second],
                _ => vec![leader],
            };
        }
    }
    let lean = points.full_time - points.fractional;
    decision.engagement = match lean.signum() {
        1 => Some(FULL_TIME),
        -1 => Some(FRACTIONAL),
        _ => None,
    };
    decision.engagement_votes = choices
        .iter()
        .map(|choice| {
            let part = i64::from(choice.full_time - choice.fractional);
            if lean < 0 { -part } else { part }
        })
        .collect();
    decision
}

/// The hire plan: each recommended role with its engagement, within the seats.
fn plan(library: &Library, decision: &Decision, answers: &Answers) -> Vec<Hire> {
    let roles = library.role_refs();
    let count = decision.roles.len();
    let deciders = deciding_answers(library, answers, decision);
    decision
        .roles
        .iter()
        .enumerate()
        .map(|(position, &index)| {
            let role = &roles[index];
            let beyond_seats = decision
                .seats
                .is_some_and(|seats| position >= usize::from(seats));
            let engagement = match decision.engagement {
                Some(FRACTIONAL) => Some(FRACTIONAL),
                _ if beyond_seats => Some(FRACTIONAL),
                other => other,
            };
            let mut why = if count > 1 {
                format!(
                    "Your answers call for both roles ({deciders}); the {} ranks {}.",
                    role.id.to_uppercase(),
                    if position == 0 { "first" } else { "second" }
                )
            } else {
                format!(
                    "Your answers point to the {} ({deciders}).",
                    role.id.to_uppercase()
                )
            };
            if beyond_seats && decision.engagement != Some(FRACTIONAL) {
                let seats = decision.seats.unwrap_or(0);
                why.push_str(&if seats == 0 {
                    " You can fund no full-time seat, so it is taken fractionally.".to_owned()
                } else {
                    format!(
                        " You can fund {} full-time seat{}, so this one is taken fractionally.",
                        seats,
                        if seats == 1 { "" } else { "s" }
                    )
                });
            } else if engagement.is_none() {
                why.push_str(" No answer settles full-time or fractional yet.");
            }
            Hire {
                role: role.id.clone(),
                name: role.name.clone(),
                engagement: engagement.map(str::to_owned),
                why,
            }
        })
        .collect()
}

/// The questions whose answers backed the role verdict, as a phrase.
fn deciding_answers(library: &Library, answers: &Answers, decision: &Decision) -> String {
    let mut ids: Vec<&str> = Vec::new();
    let mut votes = decision.role_votes.iter();
    for question in &library.questionnaire().questions {
        for _ in chosen(question, answers) {
            if votes.next().is_some_and(|&vote| vote > 0) && !ids.contains(&question.id.as_str()) {
                ids.push(&question.id);
            }
        }
    }
    match ids.as_slice() {
        [] => "on balance".to_owned(),
        [one] => format!("your answer on {one}"),
        [rest @ .., last] => format!("your answers on {} and {last}", rest.join(", ")),
    }
}

fn recommendation(roles: &[RoleRef], decision: &Decision) -> Option<String> {
    match decision.roles.as_slice() {
        [] => None,
        [one] => Some(roles[*one].id.to_string()),
        _ => Some(BOTH.to_owned()),
    }
}

/// Scores `answers` and explains the result.
pub fn advise(library: &Library, answers: &Answers) -> Advice {
    let roles = library.role_refs();
    let questions = &library.questionnaire().questions;
    let decision = decide(library, answers);
    let hires = plan(library, &decision, answers);

    let mut reasons = Vec::new();
    for question in questions {
        for choice in chosen(question, answers) {
            reasons.push(reason(question, choice));
        }
    }

    let mut caveats = Vec::new();
    if let Some(seats) = decision.seats
        && decision.roles.len() > usize::from(seats)
        && decision.engagement != Some(FRACTIONAL)
    {
        let limiting = questions
            .iter()
            .flat_map(|question| chosen(question, answers))
            .filter(|choice| choice.seats.is_some())
            .filter_map(|choice| choice.caveat.as_ref());
        caveats.extend(limiting.map(|fact: &Fact| Caveat {
            text: fact.text.clone(),
            sources: fact.sources.clone(),
        }));
    }

    let flips = flips(library, answers, &decision, &hires);
    let unanswered: Vec<Text> = questions
        .iter()
        .filter(|q| answers.get(&q.id).is_none())
        .map(|q| q.id.clone())
        .collect();
    let deciding_questions = if decision.roles.is_empty() {
        questions
            .iter()
            .filter(|q| answers.get(&q.id).is_none())
            .filter(|q| {
                q.choices
                    .iter()
                    .any(|c| c.both != 0 || c.weights.values().any(|&w| w != 0))
            })
            .map(|q| q.id.clone())
            .collect()
    } else {
        Vec::new()
    };

    let cited = reasons
        .iter()
        .flat_map(|reason| &reason.sources)
        .chain(caveats.iter().flat_map(|caveat| &caveat.sources));
    let sources = evidence::cited(library.sources(), cited);

    let mut next_steps: Vec<String> = Vec::new();
    for hire in &hires {
        next_steps.push(format!("roles show {}", hire.role));
        next_steps.push(if hire.engagement.as_deref() == Some(FRACTIONAL) {
            format!("roles jd {} --fractional", hire.role)
        } else {
            format!("roles jd {}", hire.role)
        });
    }
    if hires.is_empty() {
        for id in &deciding_questions {
            next_steps.push(format!("roles advise --answer {id}=…"));
        }
    }
    next_steps.push("roles compare".to_owned());

    Advice {
        schema_version: ADVICE_SCHEMA_VERSION,
        recommendation: recommendation(roles, &decision),
        hires,
        engagement: decision.engagement.map(str::to_owned),
        confidence: Confidence {
            role: if decision.roles.is_empty() {
                0.0
            } else {
                evidence::confidence(decision.role_votes.iter().copied()).unwrap_or(0.0)
            },
            engagement: evidence::confidence(decision.engagement_votes.iter().copied()),
        },
        seats: decision.seats,
        scores: roles
            .iter()
            .zip(&decision.scores)
            .map(|(role, &score)| (role.id.clone(), score))
            .collect(),
        both_points: decision.both,
        engagement_points: decision.points,
        reasons,
        caveats,
        flips,
        answers: answers.clone(),
        unanswered,
        deciding_questions,
        sources,
        next_steps,
        date: None,
    }
}

/// Why `choice` counted as it did.
fn reason(question: &Question, choice: &Choice) -> Reason {
    let mut points: BTreeMap<String, i32> = choice
        .weights
        .iter()
        .filter(|(_, p)| **p != 0)
        .map(|(role, &p)| (role.to_string(), p))
        .collect();
    for (key, value) in [
        (BOTH, choice.both),
        (FRACTIONAL, choice.fractional),
        (FULL_TIME, choice.full_time),
    ] {
        if value != 0 {
            points.insert(key.to_owned(), value);
        }
    }
    let mut favours: Vec<(String, i32)> = points
        .iter()
        .map(|(k, &v)| (k.clone(), v))
        .filter(|(_, v)| *v > 0)
        .collect();
    favours.sort_by_key(|(_, v)| std::cmp::Reverse(*v));
    Reason {
        question: question.id.clone(),
        question_text: question.text.clone(),
        value: choice.value.clone(),
        label: choice.label.clone(),
        favours: favours.into_iter().map(|(k, _)| k).collect(),
        points,
        because: choice.reason.text.clone(),
        sources: choice.reason.sources.clone(),
        basis: choice.basis,
    }
}

/// Every single answer change that changes the plan, the most decisive first:
/// the change that moves the balance of points most.
fn flips(library: &Library, answers: &Answers, now: &Decision, hires: &[Hire]) -> Vec<Flip> {
    let roles = library.role_refs();
    let balance = |d: &Decision| match now.ranked.as_slice() {
        [leader, runner_up, ..] => d.role_balance(*leader, Some(*runner_up)),
        [leader] => d.role_balance(*leader, None),
        [] => 0,
    };
    let engagement_balance = |d: &Decision| d.points.full_time - d.points.fractional;
    let mut flips = Vec::new();
    for question in &library.questionnaire().questions {
        let current = answers.get(&question.id).cloned();
        for alternative in alternatives(question, current.as_ref()) {
            let mut changed = answers.clone();
            changed.set(&question.id, alternative.clone());
            let other = decide(library, &changed);
            let other_hires = plan(library, &other, &changed);
            let same = other_hires.len() == hires.len()
                && other_hires
                    .iter()
                    .zip(hires)
                    .all(|(a, b)| a.role == b.role && a.engagement == b.engagement);
            if same {
                continue;
            }
            let shift = (balance(&other) - balance(now)).abs()
                + (engagement_balance(&other) - engagement_balance(now)).abs();
            let change = format!(
                "{}: {} instead of {}",
                question.id,
                in_words(question, alternative.as_ref()),
                in_words(question, current.as_ref())
            );
            flips.push(Flip {
                question: question.id.clone(),
                from: chosen_values(current.as_ref()),
                to: chosen_values(alternative.as_ref()),
                change,
                recommendation: recommendation(roles, &other),
                hires: other_hires,
                shift,
            });
        }
    }
    // Stable: equal shifts keep questionnaire order.
    flips.sort_by_key(|flip| std::cmp::Reverse(flip.shift));
    flips
}

/// The values an answer chose, as a list; none for no answer.
fn chosen_values(answer: Option<&Answer>) -> Vec<String> {
    answer.map_or_else(Vec::new, |answer| {
        answer.values().into_iter().map(str::to_owned).collect()
    })
}

/// An answer as its choices' labels, or "no preference".
fn in_words(question: &Question, answer: Option<&Answer>) -> String {
    let Some(answer) = answer else {
        return "no preference".to_owned();
    };
    let values = answer.values();
    let labels: Vec<&str> = question
        .choices
        .iter()
        .filter(|choice| values.contains(&choice.value.as_str()))
        .map(|choice| choice.label.as_str())
        .collect();
    if labels.is_empty() {
        values.join(", ")
    } else {
        labels.join(", ")
    }
}

/// The single changes to one question's answer: each other value (or, for a
/// multiple-choice question, each value added or removed), and no preference.
fn alternatives(question: &Question, current: Option<&Answer>) -> Vec<Option<Answer>> {
    let mut options = Vec::new();
    if question.multiple {
        let now: Vec<String> = current
            .map(|a| a.values().iter().map(|v| (*v).to_owned()).collect())
            .unwrap_or_default();
        for choice in &question.choices {
            let toggled: Vec<String> = if now.iter().any(|v| choice.value == *v) {
                now.iter()
                    .filter(|v| choice.value != **v)
                    .cloned()
                    .collect()
            } else {
                question
                    .choices
                    .iter()
                    .map(|c| c.value.to_string())
                    .filter(|v| now.contains(v) || choice.value == *v)
                    .collect()
            };
            options.push((!toggled.is_empty()).then_some(Answer::Many(toggled)));
        }
    } else {
        for choice in &question.choices {
            let alternative = Answer::One(choice.value.to_string());
            if current != Some(&alternative) {
                options.push(Some(alternative));
            }
        }
        if current.is_some() {
            options.push(None);
        }
    }
    options
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn library() -> Library {
        Library::embedded()
    }

    /// Answers from `(question, value)` pairs; several values of a
    /// multiple-choice question are comma-separated.
    fn answers(library: &Library, given: &[(&str, &str)]) -> Answers {
        let mut answers = Answers::default();
        for (id, value) in given {
            let question = library
                .questionnaire()
                .questions
                .iter()
                .find(|q| q.id == *id)
                .unwrap_or_else(|| panic!("no question `{id}`"));
            let answer = if question.multiple {
                Answer::Many(value.split(',').map(str::to_owned).collect())
            } else {
                Answer::One((*value).to_owned())
            };
            answers.set(id, Some(answer));
        }
        answers
    }

    fn advise_on(given: &[(&str, &str)]) -> Advice {
        let library = library();
        advise(&library, &answers(&library, given))
    }

    /// The plan as `(role, engagement)` pairs.
    fn plan_of(advice: &Advice) -> Vec<(&str, Option<&str>)> {
        advice
            .hires
            .iter()
            .map(|hire| (hire.role.as_str(), hire.engagement.as_deref()))
            .collect()
    }

    #[test]
    fn a_single_answer_on_the_aim_recommends_its_role_at_medium() {
        // aim=product: cto 3, cio 0, both 0 → gap 3 > 0 → CTO; one vote of +3:
        // share 1 × (1 − ½) = 0.5. No answer bears on the engagement.
        let advice = advise_on(&[("aim", "product")]);
        assert_eq!(advice.recommendation.as_deref(), Some("cto"));
        assert_eq!(plan_of(&advice), [("cto", None)]);
        assert_eq!(advice.confidence.role, 0.5);
        assert_eq!(advice.confidence.engagement, None);
        assert_eq!(advice.engagement, None);
    }

    #[test]
    fn answers_that_do_not_separate_the_roles_give_no_recommendation() {
        // size=startup gives only fractional points; the disputed need gives cio 1
        // and cto 1, which cancel; tech-company=no gives nothing.
        let advice = advise_on(&[
            ("size", "startup"),
            ("needs", "security-compliance"),
            ("tech-company", "no"),
        ]);
        assert_eq!(advice.recommendation, None);
        assert!(advice.hires.is_empty());
        assert_eq!(advice.confidence.role, 0.0);
        // The engagement has its own evidence: fractional 2 → fractional, 0.5.
        assert_eq!(advice.engagement.as_deref(), Some(FRACTIONAL));
        assert_eq!(advice.confidence.engagement, Some(0.5));
        assert_eq!(
            advice.deciding_questions,
            ["aim", "audience", "finance", "team"]
        );
    }

    #[test]
    fn a_large_company_with_one_seat_gets_one_full_time_and_one_fractional_hire() {
        // size=large: both 3, full-time 2; budget=one: full-time 3, one seat.
        // Scores 0 and 0: gap 0 ≤ both 3 → both, CIO first (knowledge-base order).
        // Engagement 5 full-time → full-time, votes 2 and 3 → 0.75; one seat, so
        // the CTO is taken fractionally, with the tension article's caveat.
        let advice = advise_on(&[("size", "large"), ("budget", "one")]);
        assert_eq!(advice.recommendation.as_deref(), Some(BOTH));
        assert_eq!(
            plan_of(&advice),
            [("cio", Some(FULL_TIME)), ("cto", Some(FRACTIONAL))]
        );
        assert_eq!(advice.seats, Some(1));
        assert_eq!(advice.confidence.engagement, Some(0.75));
        assert_eq!(advice.caveats.len(), 1);
        assert_eq!(advice.caveats[0].sources, ["tension"]);
    }

    #[test]
    fn two_seats_let_both_roles_be_full_time() {
        let advice = advise_on(&[("size", "large"), ("budget", "two")]);
        assert_eq!(
            plan_of(&advice),
            [("cio", Some(FULL_TIME)), ("cto", Some(FULL_TIME))]
        );
        assert!(advice.caveats.is_empty());
    }

    #[test]
    fn no_seat_makes_every_hire_fractional() {
        // Large: full-time 2; part-time: fractional 3 → fractional, no seat.
        let advice = advise_on(&[("size", "large"), ("budget", "part-time")]);
        assert_eq!(
            plan_of(&advice),
            [("cio", Some(FRACTIONAL)), ("cto", Some(FRACTIONAL))]
        );
    }

    #[test]
    fn one_seat_never_holds_two_full_time_hires_whatever_else_is_answered() {
        let library = library();
        let questions = &library.questionnaire().questions;
        for question in questions.iter().filter(|q| q.id != "budget") {
            for choice in &question.choices {
                let given = [
                    ("size", "large"),
                    ("budget", "one"),
                    (question.id.as_str(), choice.value.as_str()),
                ];
                let advice = advise(&library, &answers(&library, &given));
                let full_time = advice
                    .hires
                    .iter()
                    .filter(|hire| hire.engagement.as_deref() == Some(FULL_TIME))
                    .count();
                assert!(full_time <= 1, "{given:?}: {:?}", plan_of(&advice));
            }
        }
    }

    #[test]
    fn a_large_technology_company_gets_both_roles_even_when_its_aim_is_products() {
        // aim=product cto 3; size=large both 3; tech-company=yes both 2.
        // Gap 3 ≤ both 5 → both, the CTO first. Votes against the CTO-CIO gap
        // less both: aim 3 (away from both), size −3 and tech −2 (towards both):
        // share 2/8 × (1 − ⅛) = 0.22.
        let advice = advise_on(&[
            ("aim", "product"),
            ("size", "large"),
            ("tech-company", "yes"),
        ]);
        assert_eq!(advice.recommendation.as_deref(), Some(BOTH));
        assert_eq!(advice.hires[0].role, "cto");
        assert_eq!(advice.confidence.role, 0.22);
    }

    #[test]
    fn answers_that_all_point_to_the_cto_give_high_confidence() {
        // Six votes for the CTO (aim, audience, finance, team and two needs), none
        // against: share 1 × (1 − 1/64) = 0.98.
        let advice = advise_on(&[
            ("aim", "product"),
            ("audience", "external"),
            ("finance", "top-line"),
            ("team", "engineering"),
            ("needs", "product-strategy,tech-stack"),
            ("tech-company", "no"),
            ("size", "mid"),
            ("budget", "one"),
        ]);
        assert_eq!(advice.recommendation.as_deref(), Some("cto"));
        assert_eq!(advice.confidence.role, 0.98);
        assert_eq!(plan_of(&advice), [("cto", Some(FULL_TIME))]);
    }

    #[test]
    fn a_disputed_need_says_so_and_does_not_tilt_the_verdict() {
        let with = advise_on(&[("aim", "process"), ("needs", "vendor-management")]);
        let without = advise_on(&[("aim", "process")]);
        assert_eq!(with.recommendation, without.recommendation);
        assert_eq!(with.confidence.role, without.confidence.role);
        let need = with.reasons.iter().find(|r| r.question == "needs").unwrap();
        assert_eq!(need.basis, Basis::Disputed);
    }

    #[test]
    fn judgement_reasons_are_marked() {
        let advice = advise_on(&[("size", "mid"), ("budget", "one")]);
        assert!(advice.reasons.iter().all(|r| r.basis == Basis::Judgement));
    }

    #[test]
    fn every_flip_gives_the_plan_it_names_and_they_come_most_decisive_first() {
        let library = library();
        let given = answers(
            &library,
            &[("aim", "product"), ("size", "large"), ("budget", "one")],
        );
        let advice = advise(&library, &given);
        assert!(!advice.flips.is_empty());
        for flip in &advice.flips {
            let mut changed = given.clone();
            let question = library
                .questionnaire()
                .questions
                .iter()
                .find(|q| q.id == flip.question)
                .unwrap();
            let to = match flip.to.as_slice() {
                [] => None,
                [one] if !question.multiple => Some(Answer::One(one.clone())),
                many => Some(Answer::Many(many.to_vec())),
            };
            changed.set(&flip.question, to);
            let other = advise(&library, &changed);
            assert_eq!(other.hires, flip.hires, "{}", flip.change);
            assert_ne!(plan_of(&other), plan_of(&advice), "{}", flip.change);
        }
        assert!(advice.flips.windows(2).all(|w| w[0].shift >= w[1].shift));
    }

    #[test]
    fn a_single_answer_never_reaches_high_confidence() {
        let library = library();
        for question in &library.questionnaire().questions {
            for choice in &question.choices {
                let given = answers(&library, &[(&question.id, &choice.value)]);
                let advice = advise(&library, &given);
                assert!(
                    advice.confidence.role < evidence::HIGH,
                    "{}={}",
                    question.id,
                    choice.value
                );
                if let Some(engagement) = advice.confidence.engagement {
                    assert!(engagement < evidence::HIGH);
                }
            }
        }
    }

    /// Every (question, value) of the real questionnaire.
    fn every_choice() -> Vec<(String, String)> {
        library()
            .questionnaire()
            .questions
            .iter()
            .flat_map(|q| {
                q.choices
                    .iter()
                    .map(|c| (q.id.to_string(), c.value.to_string()))
            })
            .collect()
    }

    /// A set of answers to distinct questions (and distinct needs), as pairs.
    fn answer_set() -> impl Strategy<Value = Vec<(String, String)>> {
        proptest::sample::subsequence(every_choice(), 0..=12).prop_map(|picked| {
            let mut seen: Vec<String> = Vec::new();
            let mut set: Vec<(String, String)> = Vec::new();
            for (question, value) in picked {
                if question == "needs" {
                    match set.iter_mut().find(|(q, _)| q == "needs") {
                        Some((_, values)) => *values = format!("{values},{value}"),
                        None => set.push((question, value)),
                    }
                } else if !seen.contains(&question) {
                    seen.push(question.clone());
                    set.push((question, value));
                }
            }
            set
        })
    }

    fn borrowed(set: &[(String, String)]) -> Vec<(&str, &str)> {
        set.iter().map(|(q, v)| (q.as_str(), v.as_str())).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn an_added_answer_that_favours_the_leader_never_lowers_role_confidence(
            set in answer_set()
        ) {
            let library = library();
            let given = answers(&library, &borrowed(&set));
            let before = advise(&library, &given);
            let Some(leader) = before.hires.first().map(|h| h.role.clone()) else {
                return Ok(());
            };
            prop_assume!(before.hires.len() == 1);
            for question in &library.questionnaire().questions {
                if given.get(&question.id).is_some() {
                    continue;
                }
                for choice in &question.choices {
                    let for_leader = choice.weights.get(&leader).copied().unwrap_or(0);
                    let favours = choice.both == 0
                        && for_leader > 0
                        && choice.weights.iter().all(|(r, &w)| *r == leader || w < for_leader);
                    if !favours {
                        continue;
                    }
                    let mut more = given.clone();
                    let answer = if question.multiple {
                        Answer::Many(vec![choice.value.to_string()])
                    } else {
                        Answer::One(choice.value.to_string())
                    };
                    more.set(&question.id, Some(answer));
                    let after = advise(&library, &more);
                    prop_assert_eq!(after.recommendation.as_deref(), Some(leader.as_str()));
                    prop_assert!(
                        after.confidence.role >= before.confidence.role,
                        "{:?} + {}={}: {} → {}", set, question.id, choice.value,
                        before.confidence.role, after.confidence.role
                    );
                }
            }
        }

        #[test]
        fn answers_that_all_favour_one_role_reach_high_confidence(
            (role, set) in (0usize..2).prop_flat_map(|favoured| {
                let library = library();
                let role = library.role_refs()[favoured].id.to_string();
                // Every value that gives `role` points and nothing else.
                let agreeing: Vec<(String, String)> = every_choice()
                    .into_iter()
                    .filter(|(question, value)| {
                        let question = library.questionnaire().questions.iter()
                            .find(|q| q.id == *question).unwrap();
                        let choice = question.choices.iter().find(|c| c.value == *value).unwrap();
                        choice.both == 0
                            && choice.weights.get(role.as_str()).copied().unwrap_or(0) > 0
                            && choice.weights.iter().all(|(r, &w)| *r == role || w == 0)
                    })
                    .collect();
                let size = agreeing.len();
                (Just(role), proptest::sample::subsequence(agreeing, 2..=size))
            })
        ) {
            let library = library();
            // Distinct questions: one value per single-choice question, needs merged.
            let mut merged: Vec<(String, String)> = Vec::new();
            for (question, value) in set {
                match merged.iter_mut().find(|(q, _)| *q == question) {
                    Some((_, values)) if question == "needs" => *values = format!("{values},{value}"),
                    Some(_) => {}
                    None => merged.push((question, value)),
                }
            }
            let votes: usize = merged.iter().map(|(_, v)| v.split(',').count()).sum();
            prop_assume!(votes >= 2);
            let advice = advise(&library, &answers(&library, &borrowed(&merged)));
            prop_assert_eq!(advice.recommendation.as_deref(), Some(role.as_str()));
            prop_assert!(advice.confidence.role >= evidence::HIGH, "{:?}", merged);
        }

        #[test]
        fn no_signal_gives_no_recommendation(set in answer_set()) {
            let library = library();
            let questions = &library.questionnaire().questions;
            // Keep only answers that neither separate the roles nor ask for both.
            let kept: Vec<(String, String)> = set
                .into_iter()
                .filter(|(question, values)| {
                    let question = questions.iter().find(|q| q.id == *question).unwrap();
                    values.split(',').all(|value| {
                        let choice = question.choices.iter().find(|c| c.value == value).unwrap();
                        let first = choice.weights.values().next().copied().unwrap_or(0);
                        choice.both == 0
                            && choice.weights.values().all(|&w| w == first)
                            && (choice.weights.len() == library.role_refs().len() || first == 0)
                    })
                })
                .collect();
            let advice = advise(&library, &answers(&library, &borrowed(&kept)));
            prop_assert_eq!(advice.recommendation, None, "{:?}", kept);
            prop_assert!(advice.hires.is_empty());
            prop_assert_eq!(advice.confidence.role, 0.0);
        }
    }
}
