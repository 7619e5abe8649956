//! Scoring: answers become points per role, a recommendation, an engagement, the
//! reasons behind them and the single answer changes that would flip them.
//!
//! The rules, which the README documents:
//! - each chosen value adds its `weights` to the roles, and its `both`,
//!   `fractional` and `full_time` points to those tallies;
//! - the two highest-scoring roles are compared (equal scores: the role listed
//!   first in the knowledge base ranks first); if the gap between them is no more
//!   than the `both` points, recommend both, otherwise the leader alone; so a tie
//!   between roles resolves to both;
//! - the engagement is fractional when fractional points exceed full-time points;
//!   a tie resolves to full-time.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::commands::{RoleRef, SCHEMA_VERSION};
use crate::kb::{Choice, Question, Text};
use crate::library::Library;
use crate::questionnaire::{Answer, Answers};

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
    /// A role id, or `both`.
    pub recommendation: String,
    /// The role or roles recommended.
    pub recommended_roles: Vec<RoleRef>,
    /// `full-time` or `fractional`.
    pub engagement: String,
    /// Points per role id.
    pub scores: BTreeMap<Text, i32>,
    /// Points towards hiring both of the leading roles.
    pub both_points: i32,
    /// Points towards each engagement.
    pub engagement_points: EngagementPoints,
    /// From 0 (a coin toss, or nothing answered) to 1 (no answer could have
    /// changed it): how far the decision is from its threshold, over all points given.
    pub confidence: f64,
    /// `high` (0.5 or more), `medium` (0.25 or more) or `low`.
    pub confidence_label: String,
    /// How a tie was resolved, when one decided the result.
    pub tie_break: Option<String>,
    /// One entry per answered question, in questionnaire order.
    pub reasons: Vec<Reason>,
    /// Single answer changes that would change the recommendation or engagement.
    pub flips: Vec<Flip>,
    /// The answers used.
    pub answers: Answers,
    /// Ids of the questions left without an answer (no preference).
    pub unanswered: Vec<Text>,
    /// Commands to run next.
    pub next_steps: Vec<String>,
}

/// Fractional versus full-time points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct EngagementPoints {
    /// Points towards a fractional engagement.
    pub fractional: i32,
    /// Points towards a full-time engagement.
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
}

/// An answer change that would change the outcome.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Flip {
    /// The question id.
    pub question: Text,
    /// The answer now (`null` when unanswered).
    pub from: Option<Answer>,
    /// The changed answer (`null` for no preference).
    pub to: Option<Answer>,
    /// The recommendation it would give.
    pub recommendation: String,
    /// The engagement it would give.
    pub engagement: String,
}

/// The part of the result that answers alone decide, used again for each flip.
#[derive(Debug, Clone, PartialEq)]
struct Decision {
    roles: Vec<usize>,
    engagement: &'static str,
    scores: Vec<i32>,
    both: i32,
    engagement_points: EngagementPoints,
    role_tie: bool,
    engagement_tie: bool,
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
    let mut scores = vec![0; roles.len()];
    let mut both = 0;
    let mut points = EngagementPoints {
        fractional: 0,
        full_time: 0,
    };
    for question in &library.questionnaire().questions {
        for choice in chosen(question, answers) {
            for (index, role) in roles.iter().enumerate() {
                scores[index] += choice.weights.get(&role.id).copied().unwrap_or(0);
            }
            both += choice.both;
            points.fractional += choice.fractional;
            points.full_time += choice.full_time;
        }
    }
    // Stable sort: equal scores keep knowledge-base order.
    let mut ranked: Vec<usize> = (0..roles.len()).collect();
    ranked.sort_by_key(|&index| std::cmp::Reverse(scores[index]));
    let (roles, role_tie) = match ranked.as_slice() {
        [] => (Vec::new(), false),
        [only] => (vec![*only], false),
        [first, second, ..] => {
            let gap = scores[*first] - scores[*second];
            if gap <= both {
                (vec![*first.min(second), *first.max(second)], gap == 0)
            } else {
                (vec![*first], false)
            }
        }
    };
    let engagement = if points.fractional > points.full_time {
        FRACTIONAL
    } else {
        FULL_TIME
    };
    Decision {
        roles,
        engagement,
        scores,
        both,
        engagement_points: points,
        role_tie,
        engagement_tie: points.fractional == points.full_time,
    }
}

fn recommendation(roles: &[RoleRef], decision: &Decision) -> String {
    match decision.roles.as_slice() {
        [one] => roles[*one].id.to_string(),
        _ => BOTH.to_owned(),
    }
}

/// Scores `answers` and explains the result.
pub fn advise(library: &Library, answers: &Answers) -> Advice {
    let roles = library.role_refs();
    let decision = decide(library, answers);
    let questions = &library.questionnaire().questions;

    let mut reasons = Vec::new();
    for question in questions {
        for choice in chosen(question, answers) {
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
            reasons.push(Reason {
                question: question.id.clone(),
                question_text: question.text.clone(),
                value: choice.value.clone(),
                label: choice.label.clone(),
                favours: favours.into_iter().map(|(k, _)| k).collect(),
                points,
                because: choice.reason.text.clone(),
                sources: choice.reason.sources.clone(),
            });
        }
    }

    let outcome = |d: &Decision| (recommendation(roles, d), d.engagement);
    let now = outcome(&decision);
    let mut flips = Vec::new();
    for question in questions {
        let current = answers.get(&question.id).cloned();
        for alternative in alternatives(question, current.as_ref()) {
            let mut changed = answers.clone();
            changed.set(&question.id, alternative.clone());
            let other = decide(library, &changed);
            let (recommendation, engagement) = outcome(&other);
            if (recommendation.as_str(), engagement) != (now.0.as_str(), now.1) {
                flips.push(Flip {
                    question: question.id.clone(),
                    from: current.clone(),
                    to: alternative,
                    recommendation,
                    engagement: engagement.to_owned(),
                });
            }
        }
    }

    let total: i32 = decision.scores.iter().map(|s| s.abs()).sum::<i32>()
        + decision.both.abs()
        + decision.engagement_points.fractional.abs()
        + decision.engagement_points.full_time.abs();
    let role_margin = match decision.roles.as_slice() {
        [_, _] => {
            let gap =
                (decision.scores[decision.roles[0]] - decision.scores[decision.roles[1]]).abs();
            decision.both - gap + 1
        }
        [one] => {
            let runner_up = (0..roles.len())
                .filter(|i| i != one)
                .map(|i| decision.scores[i])
                .max();
            runner_up.map_or(total, |r| decision.scores[*one] - r - decision.both)
        }
        [] => 0,
        _ => unreachable!("at most two roles are recommended"),
    };
    let confidence = if total == 0 {
        0.0
    } else {
        (f64::from(role_margin) / f64::from(total)).clamp(0.0, 1.0)
    };
    let confidence = (confidence * 100.0).round() / 100.0;
    let confidence_label = if confidence >= 0.5 {
        "high"
    } else if confidence >= 0.25 {
        "medium"
    } else {
        "low"
    };

    let mut tie_break = Vec::new();
    if decision.role_tie {
        tie_break.push("the leading roles scored the same, and a tie recommends hiring both");
    }
    if decision.engagement_tie {
        tie_break
            .push("fractional and full-time points were equal, and a tie resolves to full-time");
    }

    let recommended: Vec<RoleRef> = decision.roles.iter().map(|&i| roles[i].clone()).collect();
    let mut next_steps: Vec<String> = Vec::new();
    for role in &recommended {
        next_steps.push(format!("roles show {}", role.id));
        next_steps.push(if decision.engagement == FRACTIONAL {
            format!("roles jd {} --fractional", role.id)
        } else {
            format!("roles jd {}", role.id)
        });
    }
    next_steps.push("roles compare".to_owned());

    Advice {
        schema_version: SCHEMA_VERSION,
        recommendation: now.0,
        recommended_roles: recommended,
        engagement: decision.engagement.to_owned(),
        scores: roles
            .iter()
            .zip(&decision.scores)
            .map(|(role, &score)| (role.id.clone(), score))
            .collect(),
        both_points: decision.both,
        engagement_points: decision.engagement_points,
        confidence,
        confidence_label: confidence_label.to_owned(),
        tie_break: (!tie_break.is_empty()).then(|| tie_break.join("; ")),
        reasons,
        flips,
        answers: answers.clone(),
        unanswered: questions
            .iter()
            .filter(|q| answers.get(&q.id).is_none())
            .map(|q| q.id.clone())
            .collect(),
        next_steps,
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
