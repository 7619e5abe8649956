//! Assessing a professional's answers: the track is the role with the strictly
//! greatest need in the shared engine ([`crate::questionnaire::engine`]), else
//! undecided (the articles describe two separate careers, so no "both"); then
//! the qualifications of the track's role (of every role without a track), the
//! path and skills, and what would change the track. An unanswered question
//! makes a qualification unknown, not a gap.

use std::collections::BTreeMap;

use super::plan::{
    CAREER_SCHEMA_VERSION, CareerPlan, Confidence, PathPlan, Qualification, SkillPlan, StepPlan,
};
use crate::kb::career::{
    Attainment, BACKGROUND_QUESTION, Career, Caveat, DEGREE_QUESTION, Degree, Requirement,
    RequirementKind, ShownBy, Strength, YEARS_QUESTION, YES,
};
use crate::library::Library;
use crate::questionnaire::engine::{self, SourceRef, Tally};
use crate::questionnaire::{Answer, Answers};

/// Checked answers by question id, none empty; `years` as its decimal string,
/// e.g. `"12"`.
pub type CareerAnswers = BTreeMap<String, Vec<String>>;

/// The track a tally gives: the role with the strictly greatest need, or none
/// (no need at all, or a tie at the top).
fn track(tally: &Tally) -> Option<usize> {
    let (needed, _) = tally.needed();
    let leader = *needed.first()?;
    let tied = (needed.iter().skip(1)).any(|&r| tally.need[r] == tally.need[leader]);
    (!tied).then_some(leader)
}

/// Assesses a professional's checked answers against the career guide in `kb`.
pub fn assess(library: &Library, given: &Answers) -> CareerPlan {
    let career = &library.kb.career;
    let roles = &library.role_refs;
    let questions = &career.questions;
    let tally = engine::tally(roles, questions, given);
    let leader = track(&tally);
    let tie = leader.is_none() && !tally.needed().0.is_empty();
    let values = |answer: &Answer| answer.values().into_iter().map(str::to_owned).collect();
    let answers: &CareerAnswers = &(given.0.iter())
        .map(|(id, a)| (id.clone(), values(a)))
        .filter(|(_, values): &(_, Vec<_>)| !values.is_empty())
        .collect();
    let deciding_questions = match leader {
        None => engine::deciding_questions(questions, given, false),
        Some(_) => Vec::new(),
    };
    let mut reasons = engine::reasons(roles, questions, given);
    reasons.retain(|reason| reason.points.values().any(|&p| p != 0));

    // With no track, the plan covers every role.
    let considered: Vec<&String> = match leader {
        None => roles.iter().map(|role| &role.id).collect(),
        Some(index) => vec![&roles[index].id],
    };

    let (mut gaps, mut met, mut unknown) = (Vec::new(), Vec::new(), Vec::new());
    for &role in &considered {
        for requirement in career.requirements.get(role).into_iter().flatten() {
            let (standing, qualification) = check(career, role, requirement, answers);
            match standing {
                Some(false) => gaps.push(qualification),
                Some(true) => met.push(qualification),
                None => unknown.push(qualification),
            }
        }
    }

    let step = |step: &Attainment| StepPlan {
        text: step.text.clone(),
        sources: step.sources.clone(),
        reached: shown(&step.shown_by, answers),
    };
    let stepping_stones = considered.iter().filter_map(|&role| {
        let path = career.stepping_stones.get(role)?;
        let (role, ordered, steps) = (role.clone(), path.ordered, path.steps.iter());
        let steps = steps.map(step).collect();
        Some(PathPlan {
            role,
            ordered,
            steps,
        })
    });
    let skills = considered.iter().flat_map(|&role| {
        (career.skills.get(role).into_iter().flatten()).map(|skill| SkillPlan {
            role: role.clone(),
            text: skill.text.clone(),
            sources: skill.sources.clone(),
            have: shown(&skill.shown_by, answers),
        })
    });
    let concerns = |caveat: &&Caveat| {
        caveat.roles.is_empty() || caveat.roles.iter().any(|r| considered.contains(&r))
    };

    let mut plan = CareerPlan {
        schema_version: CAREER_SCHEMA_VERSION,
        track: leader.map(|index| roles[index].id.clone()),
        track_roles: leader.iter().map(|&index| roles[index].clone()).collect(),
        confidence: leader.map(|index| Confidence::new(tally.confidence(index), None)),
        tie,
        deciding_questions,
        scores: (roles.iter().zip(&tally.need))
            .map(|(r, &need)| (r.id.clone(), need))
            .collect(),
        reasons,
        gaps,
        met,
        unknown,
        stepping_stones: stepping_stones.collect(),
        skills: skills.collect(),
        flips: engine::flips(roles, questions, given, |changed| {
            let other = track(changed);
            let words = other.map_or_else(
                || "no track yet".to_owned(),
                |index| format!("the {} track", roles[index].id.to_uppercase()),
            );
            let ids = other.iter().map(|&index| roles[index].id.clone()).collect();
            (other, words, ids)
        }),
        caveats: career.caveats.iter().filter(concerns).cloned().collect(),
        covers: considered.iter().map(|&id| id.clone()).collect(),
        answers: answers.clone(),
        unanswered: (questions.iter())
            .filter(|q| !answers.contains_key(&q.id))
            .map(|q| q.id.clone())
            .collect(),
        sources: Vec::new(),
    };
    plan.sources = cited_sources(library, &plan);
    plan
}

/// A requirement named for what it is: "IT degree", "advanced degree",
/// "IT operations background", rather than its kind alone.
fn requirement_name(requirement: &Requirement) -> String {
    let (kind, degree) = (requirement.kind, requirement.degree);
    match (kind, degree, requirement.backgrounds.as_slice()) {
        (RequirementKind::Degree, Some(Degree::Bachelor), _) => "IT degree".to_owned(),
        (RequirementKind::Degree, Some(_), _) => "advanced degree".to_owned(),
        (RequirementKind::Background, _, [one]) => {
            format!("{} background", one.replace('-', " ").replace("it ", "IT "))
        }
        (RequirementKind::Background, _, _) => "IT background".to_owned(),
        (kind, ..) => kind.as_str().to_owned(),
    }
}

/// Checks one requirement of `role` against the answers: met (`Some(true)`),
/// a gap (`Some(false)`) or unknown until its question is answered (`None`).
fn check(
    career: &Career,
    role: &str,
    requirement: &Requirement,
    answers: &CareerAnswers,
) -> (Option<bool>, Qualification) {
    let question: &str = match requirement.kind {
        RequirementKind::Experience => YEARS_QUESTION,
        RequirementKind::Degree => DEGREE_QUESTION,
        RequirementKind::Background => BACKGROUND_QUESTION,
        _ => requirement.question.as_deref().unwrap_or_default(),
    };
    let first = answers.get(question).and_then(|values| values.first());
    let asked = career.questions.iter().find(|q| q.id == question);
    let strength = requirement.strength.as_str();
    let mut years_to_go = None;
    // Met or not, in words; `None` when there is no answer to judge (yet).
    let judged = match (requirement.kind, first) {
        (_, None) => None,
        (RequirementKind::Experience, Some(value)) => {
            value.trim().parse::<u32>().ok().map(|have| {
                let need = requirement.years.unwrap_or(0);
                let to_go = need.saturating_sub(have);
                years_to_go = (to_go > 0).then_some(to_go);
                let unit = if to_go == 1 { "year" } else { "years" };
                let against = format!("against {need} {strength}");
                let detail = match to_go {
                    0 => format!("{have} years, {against}"),
                    _ => format!("{to_go} more {unit} to go ({have} so far, {against})"),
                };
                (to_go == 0, detail)
            })
        }
        (RequirementKind::Degree, Some(value)) => Degree::from_answer(value).map(|have| {
            let need = requirement.degree.unwrap_or(Degree::None);
            let (have_words, need_words) = (degree_words(have).0, degree_words(need).1);
            match have >= need {
                true => (true, format!("{have_words}, where {need_words} meets it")),
                false => (false, format!("{have_words} so far; {need_words} meets it")),
            }
        }),
        (RequirementKind::Background, Some(have)) => {
            let label = |value: &str| {
                let choice = asked.and_then(|q| q.choices.iter().find(|c| c.value == value));
                format!("“{}”", choice.map_or(value, |c| c.label.as_str()))
            };
            let now = format!("background {}", label(have));
            let wanted: Vec<String> = requirement.backgrounds.iter().map(|b| label(b)).collect();
            let wanted = wanted.join(" or ");
            Some(match requirement.backgrounds.contains(have) {
                true => (true, now),
                false => (
                    false,
                    format!("{now}, where the articles point to {wanted}"),
                ),
            })
        }
        (_, Some(value)) => Some(match value == YES {
            true => (true, "answered yes".to_owned()),
            false => (false, format!("not yet (answered {value})")),
        }),
    };
    let (standing, detail) = match judged {
        Some((met, detail)) => (Some(met), detail),
        None => match asked {
            Some(q) => (None, q.text.clone()),
            None => (None, format!("not known: no question `{question}` asks it")),
        },
    };
    let required = matches!(
        requirement.strength,
        Strength::Required | Strength::Necessary
    );
    let qualification = Qualification {
        name: requirement_name(requirement),
        required,
        kind: requirement.kind,
        role: role.to_owned(),
        strength: requirement.strength,
        text: requirement.text.clone(),
        detail,
        years_to_go,
        question: question.to_owned(),
        sources: requirement.sources.clone(),
    };
    (standing, qualification)
}

const ADVANCED: &str = "a master's or other advanced degree";

/// How `degree` reads as held, and as the least that meets a requirement.
fn degree_words(degree: Degree) -> (&'static str, &'static str) {
    match degree {
        Degree::None => ("no degree", "any education"),
        Degree::Bachelor => ("a bachelor's degree", "a bachelor's degree or higher"),
        Degree::Master => (ADVANCED, ADVANCED),
    }
}

/// `true` if any answer in `shown_by` was given, `false` if every question it
/// names was answered otherwise, `None` if it names none or some are unanswered.
fn shown(shown_by: &[ShownBy], answers: &CareerAnswers) -> Option<bool> {
    if shown_by.is_empty() {
        return None;
    }
    let mut all_answered = true;
    for sign in shown_by {
        match answers.get(&sign.question) {
            Some(values) if values.contains(&sign.value) => return Some(true),
            Some(_) => {}
            None => all_answered = false,
        }
    }
    all_answered.then_some(false)
}

/// The articles the plan cites, in knowledge-base order.
fn cited_sources(library: &Library, plan: &CareerPlan) -> Vec<SourceRef> {
    let mut cited: Vec<&String> = plan.reasons.iter().flat_map(|r| &r.sources).collect();
    for list in [&plan.gaps, &plan.met, &plan.unknown] {
        cited.extend(list.iter().flat_map(|q| &q.sources));
    }
    let steps = plan.stepping_stones.iter().flat_map(|p| &p.steps);
    cited.extend(steps.flat_map(|s| &s.sources));
    cited.extend(plan.skills.iter().flat_map(|s| &s.sources));
    let points = plan.caveats.iter().flat_map(|c| &c.points);
    cited.extend(points.flat_map(|p| &p.sources));
    engine::cited(&library.kb.sources, cited)
}
