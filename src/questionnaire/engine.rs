//! The one decision engine behind `advise` and `career`: answers → evidence →
//! decision → reasons → flips → confidence. Each command adds only a policy
//! (advise: a hire plan within the seats; career: a track and its gaps).
//!
//! The rules (the README documents them): each chosen value's `weights` add
//! to each role's need and its `both` points to every role's; a role is needed
//! when its need is above 0 and at least half the strongest or [`OWN_NEED`]
//! (our judgement), ranked by need, equal needs a tie that is said; a role's
//! confidence is `for / (for + against) × (1 − ½ⁿ)` for the n answers backing
//! it, so one answer stays below high and support never lowers it; a flip is
//! one changed answer that changes the policy's outcome, found from the totals
//! less the old answer plus the new one.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use super::answers::{Answer, Answers};
use crate::commands::RoleRef;
use crate::kb::{Basis, Choice, Question, Source};
use crate::render::{Painter, wrap};

/// A need this strong stands on its own, whatever other roles' needs are: as
/// much as one guiding question gives (so a large organisation, which the
/// articles say often needs both roles, gets both).
pub const OWN_NEED: i32 = 3;

/// Confidence from 0.34 up is `medium`.
pub const MEDIUM: f64 = 0.34;
/// Confidence from 0.67 up is `high`.
pub const HIGH: f64 = 0.67;

/// How far the answers back one decision, from 0 to 1, with its word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Confidence {
    /// 0 to 1, two decimal places.
    pub value: f64,
    /// `low`, `medium` or `high`.
    pub level: &'static str,
    /// When the decision is a close call: why, and what would settle it.
    pub close_call: Option<String>,
}

impl Confidence {
    /// A confidence of `value`, rounded, with its word.
    pub fn new(value: f64, close_call: Option<String>) -> Confidence {
        let value = (value * 100.0).round() / 100.0;
        let level = match value {
            _ if value >= HIGH => "high",
            _ if value >= MEDIUM => "medium",
            _ => "low",
        };
        Confidence {
            value,
            level,
            close_call,
        }
    }

    /// `medium (0.50)`, and the close call if there is one.
    pub fn text(&self) -> String {
        let close = (self.close_call.as_ref()).map_or(String::new(), |c| format!("; {c}"));
        format!("{} ({:.2}){close}", self.level, self.value)
    }
}

/// Why one answer counted as it did.
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    /// The question id.
    pub question: String,
    /// The question as asked.
    pub question_text: String,
    /// The chosen value.
    pub value: String,
    /// The answer in words.
    pub label: String,
    /// Which way it pushes: role ids, `both roles`, `fractional`, `full-time`.
    pub favours: Vec<String>,
    /// The points it gave, keyed by role id, `both`, `fractional`, `full-time`.
    pub points: BTreeMap<String, i32>,
    /// Why, in the knowledge base's words.
    pub because: String,
    /// The sources behind that.
    pub sources: Vec<String>,
    /// `article`, `disputed` (the articles disagree) or `judgement` (ours).
    pub basis: Basis,
}

impl Reason {
    /// `→ CTO`, `→ both roles, full-time`: which way the reason pushes.
    pub fn arrow(&self) -> String {
        if self.favours.is_empty() {
            return "→ neither".to_owned();
        }
        let words: Vec<String> = (self.favours.iter())
            .map(|f| match f.as_str() {
                "both roles" | "fractional" | "full-time" => f.clone(),
                role => role.to_uppercase(),
            })
            .collect();
        format!("→ {}", words.join(", "))
    }

    /// `ANSWER → CTO: because (our judgement)`, for the table's "Why".
    pub fn line(&self, answer: &str) -> String {
        let (arrow, note) = (self.arrow(), self.basis_note());
        format!("{answer} {arrow}: {}{note}", self.because)
    }

    /// What the reason's basis adds to it in prose.
    pub fn basis_note(&self) -> &'static str {
        match self.basis {
            Basis::Article => "",
            Basis::Disputed => " (the articles lean one way but disagree)",
            Basis::Judgement => " (our judgement)",
        }
    }
}

/// Writes "What would change it": at most `shown` flips as bullets, then how
/// many more there are and where to see them (`more`).
pub fn flips_table(
    painter: &Painter,
    flips: &[Flip],
    shown: usize,
    more: &str,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let width = painter.width().max(40);
    writeln!(out, "\n{}", painter.heading("What would change it"))?;
    if flips.is_empty() {
        let none = "No single change of answer would change it.";
        writeln!(out, "{}", wrap::fill(none, width, "  ", "  "))?;
    }
    for flip in flips.iter().take(shown) {
        let text = format!("{} → {}", flip.change, flip.outcome);
        writeln!(out, "{}", wrap::fill(&text, width, "  • ", "    "))?;
    }
    if flips.len() > shown {
        let text = format!("… and {} more {more}", flips.len() - shown);
        let text = painter.dim(&wrap::fill(&text, width, "  ", "  "));
        writeln!(out, "{text}")?;
    }
    Ok(())
}

/// One answer changed that would change the outcome.
#[derive(Debug, Clone, Serialize)]
pub struct Flip {
    /// The question id.
    pub question: String,
    /// The values answered now (empty when unanswered).
    pub from: Vec<String>,
    /// The values of the changed answer (empty for no preference).
    pub to: Vec<String>,
    /// The change in words: `team: The IT department instead of no preference`.
    pub change: String,
    /// The outcome it would give, in words.
    pub outcome: String,
    /// The role ids it would recommend, in order.
    pub roles: Vec<String>,
    /// How far the change moves the needs; the list is sorted by it.
    pub shift: i32,
}

/// The evidence of a set of answers, summed: what every decision reads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tally {
    /// Need per role, in knowledge-base order.
    pub need: Vec<i32>,
    /// Answers that back each role (give it need).
    pub backing: Vec<i32>,
    /// Points given to other roles by answers that give this one nothing.
    pub against: Vec<i32>,
    /// Points towards a fractional engagement.
    pub fractional: i32,
    /// Points towards a full-time engagement.
    pub full_time: i32,
    /// Answers that bear on the engagement, and those that back its lean.
    pub engagement_answers: i32,
    /// Full-time seats the answers say can be funded.
    pub seats: Option<u8>,
    /// The role the answers put first when needs tie.
    pub first: Option<usize>,
}

/// The need `choice` gives the role `id`: its weight plus its points for both.
fn need_of(choice: &Choice, id: &str) -> i32 {
    choice.weights.get(id).copied().unwrap_or(0) + choice.both
}

impl Tally {
    /// Adds (`sign` 1) or takes away (`sign` −1) one answer: the values chosen
    /// for one question. An answer backs a role once however many values it
    /// has, so one answer alone never reaches high confidence.
    fn add(&mut self, roles: &[RoleRef], choices: &[&Choice], sign: i32) {
        let need = |r: &RoleRef| choices.iter().map(|c| need_of(c, &r.id)).sum::<i32>();
        let needs: Vec<i32> = roles.iter().map(need).collect();
        let strongest = needs.iter().copied().max().unwrap_or(0).max(0);
        for (index, &need) in needs.iter().enumerate() {
            self.need[index] += sign * need;
            if need > 0 {
                self.backing[index] += sign;
            } else {
                self.against[index] += sign * strongest;
            }
        }
        for choice in choices {
            self.fractional += sign * choice.fractional;
            self.full_time += sign * choice.full_time;
        }
        let engages = |c: &&Choice| c.fractional != 0 || c.full_time != 0;
        self.engagement_answers += sign * i32::from(choices.iter().any(engages));
        if let Some(seats) = choices.iter().find_map(|c| c.seats) {
            self.seats = (sign > 0).then_some(seats);
        }
        if let Some(first) = choices.iter().find_map(|c| c.first.as_deref()) {
            let at = roles.iter().position(|r| r.id == first);
            self.first = at.filter(|_| sign > 0);
        }
    }

    /// Whether roles `a` and `b` have the same need and no answer has put
    /// either of them first.
    pub fn ties(&self, a: usize, b: usize) -> bool {
        a != b && self.need[a] == self.need[b] && self.first != Some(a) && self.first != Some(b)
    }

    /// The needed roles, strongest need first (then the role put first, then
    /// knowledge-base order), and whether two of them tie.
    pub fn needed(&self) -> (Vec<usize>, bool) {
        let strongest = self.need.iter().copied().max().unwrap_or(0);
        if strongest <= 0 {
            return (Vec::new(), false);
        }
        let mut roles: Vec<usize> = (0..self.need.len())
            .filter(|&r| {
                self.need[r] > 0 && (2 * self.need[r] >= strongest || self.need[r] >= OWN_NEED)
            })
            .collect();
        roles.sort_by_key(|&r| (std::cmp::Reverse(self.need[r]), self.first != Some(r)));
        let tie = roles.windows(2).any(|w| self.ties(w[0], w[1]));
        (roles, tie)
    }

    /// The confidence that `role` is needed (see the module doc).
    pub fn confidence(&self, role: usize) -> f64 {
        let (backing, against) = (self.need[role].max(0), self.against[role].max(0));
        if backing == 0 {
            return 0.0;
        }
        let share = f64::from(backing) / f64::from(backing + against);
        // A needed role never shows 0 once rounded.
        (share * saturation(self.backing[role])).max(0.01)
    }

    /// Full-time or fractional as the answers lean, or `None` when they do not.
    pub fn engagement(&self) -> Option<&'static str> {
        lean(self.full_time, self.fractional)
    }

    /// The confidence in [`Tally::engagement`], as for a role.
    pub fn engagement_confidence(&self) -> Option<f64> {
        let (ahead, behind) = (self.full_time, self.fractional);
        let (ahead, behind) = (ahead.max(behind), ahead.min(behind));
        let share = f64::from(ahead - behind) / f64::from(ahead + behind);
        (ahead > behind).then(|| share * saturation(self.engagement_answers))
    }
}

/// `full-time` or `fractional`, whichever has more points, or `None` at a draw.
fn lean(full_time: i32, fractional: i32) -> Option<&'static str> {
    match full_time.cmp(&fractional) {
        std::cmp::Ordering::Greater => Some("full-time"),
        std::cmp::Ordering::Less => Some("fractional"),
        std::cmp::Ordering::Equal => None,
    }
}

/// How much `answers` answers can establish at most: 1 − ½ⁿ.
fn saturation(answers: i32) -> f64 {
    1.0 - 0.5f64.powi(answers)
}

/// The choices `answer` picks: its values, or the band a number falls in.
pub fn chosen<'q>(question: &'q Question, answer: Option<&Answer>) -> Vec<&'q Choice> {
    let Some(answer) = answer else {
        return Vec::new();
    };
    let values = answer.values();
    let picks = |c: &&Choice| values.contains(&c.value.as_str());
    let mut picked: Vec<&Choice> = question.choices.iter().filter(picks).collect();
    if picked.is_empty()
        && question.number
        && let Some(number) = values.first().and_then(|v| v.parse::<u32>().ok())
    {
        // The band it falls in: the one with the greatest `at_least` not above it.
        let holds = |c: &&Choice| c.at_least.is_some_and(|least| least <= number);
        let band = question
            .choices
            .iter()
            .filter(holds)
            .max_by_key(|c| c.at_least);
        picked.extend(band);
    }
    picked
}

/// Sums the evidence of `answers`.
pub fn tally(roles: &[RoleRef], questions: &[Question], answers: &Answers) -> Tally {
    let mut tally = Tally {
        need: vec![0; roles.len()],
        backing: vec![0; roles.len()],
        against: vec![0; roles.len()],
        ..Tally::default()
    };
    for question in questions {
        tally.add(roles, &chosen(question, answers.get(&question.id)), 1);
    }
    tally
}

/// One reason per chosen value, in questionnaire order.
pub fn reasons(roles: &[RoleRef], questions: &[Question], answers: &Answers) -> Vec<Reason> {
    let mut reasons = Vec::new();
    for question in questions {
        let answer = answers.get(&question.id);
        for choice in chosen(question, answer) {
            let weights = (choice.weights.iter()).map(|(role, &p)| (role.to_string(), p));
            let more = [("both", choice.both), ("fractional", choice.fractional)];
            let more = more.into_iter().chain([("full-time", choice.full_time)]);
            let points: BTreeMap<String, i32> = (weights.chain(more.map(|(k, p)| (k.into(), p))))
                .filter(|&(_, p)| p != 0)
                .collect();
            let needs: Vec<i32> = roles.iter().map(|r| need_of(choice, &r.id)).collect();
            // The way it pushes is to the roles it gives the most need; a
            // lean (3 and 1) pushes to the first, evidence for all to all.
            let most = needs.iter().copied().max().unwrap_or(0);
            let top = |(r, &n): (&RoleRef, &i32)| (most > 0 && n == most).then(|| r.id.clone());
            let mut favours: Vec<String> = if let Some(first) = &choice.first {
                vec![first.clone()]
            } else if most > 0 && roles.len() > 1 && needs.iter().all(|&n| n == most) {
                vec!["both roles".to_owned()]
            } else {
                roles.iter().zip(&needs).filter_map(top).collect()
            };
            favours.extend(lean(choice.full_time, choice.fractional).map(str::to_owned));
            // A typed number reads as itself and its band.
            let label = match answer.map(Answer::values).as_deref() {
                Some([typed]) if *typed != choice.value => format!("{typed} ({})", choice.label),
                _ => choice.label.clone(),
            };
            reasons.push(Reason {
                question: question.id.clone(),
                question_text: question.text.clone(),
                value: choice.value.clone(),
                label,
                favours,
                points,
                because: choice.reason.text.clone(),
                sources: choice.reason.sources.clone(),
                basis: choice.basis,
            });
        }
    }
    reasons
}

/// Every single answer change whose outcome (by `outcome`) differs from now's,
/// the most decisive first (the change that moves the needs most). `outcome`
/// gives the outcome in words and the roles it recommends.
pub fn flips<O: PartialEq>(
    roles: &[RoleRef],
    questions: &[Question],
    answers: &Answers,
    outcome: impl Fn(&Tally) -> (O, String, Vec<String>),
) -> Vec<Flip> {
    let now = tally(roles, questions, answers);
    let (current, ..) = outcome(&now);
    let mut flips = Vec::new();
    for question in questions {
        let answer = answers.get(&question.id);
        let old = chosen(question, answer);
        for alternative in alternatives(question, answer) {
            let mut changed = now.clone();
            changed.add(roles, &old, -1);
            changed.add(roles, &chosen(question, alternative.as_ref()), 1);
            let (other, words, recommended) = outcome(&changed);
            if other == current {
                continue;
            }
            let gap = |(a, b): (&i32, &i32)| (a - b).abs();
            let moved: i32 = std::iter::zip(&changed.need, &now.need).map(gap).sum();
            let lean = changed.full_time - changed.fractional - now.full_time + now.fractional;
            let in_words = |a: Option<&Answer>| super::interview::answer_words(question, a);
            let (to, from) = (in_words(alternative.as_ref()), in_words(answer));
            flips.push(Flip {
                question: question.id.clone(),
                from: values_of(answer),
                to: values_of(alternative.as_ref()),
                change: format!("{}: {to} instead of {from}", question.id),
                outcome: words,
                roles: recommended,
                shift: moved + lean.abs(),
            });
        }
    }
    // Stable: equal shifts keep questionnaire order.
    flips.sort_by_key(|flip| std::cmp::Reverse(flip.shift));
    flips
}

/// An answer's values as a list; none for no answer.
fn values_of(answer: Option<&Answer>) -> Vec<String> {
    let values = answer.map(Answer::values).unwrap_or_default();
    values.into_iter().map(str::to_owned).collect()
}

/// The single changes to one question's answer: each other value (for a
/// multiple-choice question, each value added or removed; for a number, each
/// band but its own), and no preference.
fn alternatives(question: &Question, current: Option<&Answer>) -> Vec<Option<Answer>> {
    let now = chosen(question, current);
    let was = |value: &String| now.iter().any(|c| c.value == *value);
    let values = question.choices.iter().map(|c| c.value.clone());
    if !question.multiple {
        let others = values.filter(|v| !was(v)).map(|v| Some(Answer::One(v)));
        return others.chain(current.map(|_| None)).collect();
    }
    // Every value picked now, with one toggled.
    let toggled = |value: String| {
        let picked: Vec<String> = values.clone().filter(|v| (*v == value) != was(v)).collect();
        (!picked.is_empty()).then_some(Answer::Many(picked))
    };
    values.clone().map(toggled).collect()
}

/// The unanswered questions that could give some role need, and with `ties`
/// those that put one role first: what would decide a verdict that is open,
/// close or tied.
pub fn deciding_questions(questions: &[Question], answers: &Answers, ties: bool) -> Vec<String> {
    let decides = |c: &Choice| {
        c.both != 0 || c.weights.values().any(|&w| w != 0) || (ties && c.first.is_some())
    };
    (questions.iter())
        .filter(|q| answers.get(&q.id).is_none() && q.choices.iter().any(decides))
        .map(|q| q.id.clone())
        .collect()
}

/// An article as a result cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    /// The id the result's `sources` lists use.
    pub id: String,
    /// The article's title.
    pub title: String,
}

/// The articles among `all` that `cited` names, in knowledge-base order.
pub fn cited<'a>(all: &[Source], cited: impl IntoIterator<Item = &'a String>) -> Vec<SourceRef> {
    let cited: std::collections::BTreeSet<&str> = cited.into_iter().map(String::as_str).collect();
    all.iter()
        .filter(|source| cited.contains(source.id.as_str()))
        .map(|source| SourceRef {
            id: source.id.clone(),
            title: source.title.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests;
