//! Assessing a professional's answers: the track their aims point to, how they
//! stand against its qualifications, the path and skills, and the single answer
//! changes that would change the track.
//!
//! The rules:
//! - each chosen value adds its `weights` to the roles; only those points decide
//!   the track, so background and qualifications never veto it;
//! - the track is the role with the most points, `both` when the two leading
//!   roles tie (equal scores rank in knowledge-base order), and `null` when no
//!   answer gives any role points;
//! - qualifications are checked for the track's roles, or for every role when
//!   there is no track; an unanswered question makes them unknown, not gaps.

use std::collections::BTreeMap;

use super::plan::{
    BOTH, CareerPlan, Confidence, Flip, PathPlan, Qualification, Reason, SkillPlan, StepPlan,
};
use crate::commands::SCHEMA_VERSION;
use crate::kb::career::{
    BACKGROUND_QUESTION, Career, DEGREE_QUESTION, Degree, Requirement, RequirementKind, ShownBy,
    YEARS_QUESTION, YES,
};
use crate::kb::{Choice, Question, Text};
use crate::library::Library;
use crate::questionnaire::evidence::{self, SourceRef};

/// Checked answers by question id; `years` as its decimal string, e.g. `"12"`.
pub type CareerAnswers = BTreeMap<String, Vec<String>>;

/// What the answers decide about the track, computed again for each flip.
#[derive(Debug, Clone, PartialEq)]
struct Decision {
    /// Indices into the knowledge base's roles: none, one, or the two that tie.
    roles: Vec<usize>,
    /// Points per role, in knowledge-base order.
    scores: Vec<i32>,
    /// The confidence in `roles`, rounded to two decimals.
    confidence: f64,
}

/// The values answered to question `id`; an empty list counts as unanswered.
fn answered<'a>(answers: &'a CareerAnswers, id: &str) -> Option<&'a [String]> {
    answers
        .get(id)
        .map(Vec::as_slice)
        .filter(|values| !values.is_empty())
}

/// The chosen choices of `question`.
fn chosen<'q>(question: &'q Question, answers: &CareerAnswers) -> Vec<&'q Choice> {
    let Some(values) = answered(answers, &question.id) else {
        return Vec::new();
    };
    question
        .choices
        .iter()
        .filter(|choice| values.iter().any(|v| choice.value == *v))
        .collect()
}

/// The points `choice` gives each role, in knowledge-base order.
fn points(library: &Library, choice: &Choice) -> Vec<i32> {
    library
        .role_refs()
        .iter()
        .map(|role| choice.weights.get(&role.id).copied().unwrap_or(0))
        .collect()
}

fn decide(library: &Library, answers: &CareerAnswers) -> Decision {
    let mut scores = vec![0; library.role_refs().len()];
    let mut given_points: Vec<Vec<i32>> = Vec::new();
    for question in &library.career().questions {
        for choice in chosen(question, answers) {
            let given = points(library, choice);
            if given.iter().any(|&p| p != 0) {
                for (score, p) in scores.iter_mut().zip(&given) {
                    *score += p;
                }
                given_points.push(given);
            }
        }
    }
    let signals = given_points.len();
    if signals == 0 {
        return Decision {
            roles: Vec::new(),
            scores,
            confidence: 0.0,
        };
    }
    // Stable sort: equal scores keep knowledge-base order.
    let mut ranked: Vec<usize> = (0..scores.len()).collect();
    ranked.sort_by_key(|&index| std::cmp::Reverse(scores[index]));
    let leader = ranked[0];
    let runner_up = ranked.get(1).map_or(0, |&index| scores[index]);
    let margin = scores[leader] - runner_up;
    let roles = match ranked.get(1) {
        Some(&second) if margin == 0 => vec![leader.min(second), leader.max(second)],
        _ => vec![leader],
    };
    // Each answer's part in the gap between the two leading roles.
    let second = ranked.get(1).copied();
    let votes = given_points
        .iter()
        .map(|given| i64::from(given[leader] - second.map_or(0, |s| given[s])));
    let confidence = if roles.len() == 2 {
        split_confidence(margin, &given_points, signals)
    } else {
        evidence::confidence(votes).unwrap_or(0.0)
    };
    Decision {
        confidence,
        roles,
        scores,
    }
}

/// The confidence that the aims are split evenly: one less the share of all points
/// the gap between the two leading roles makes up, times 1 − ½ⁿ for the n answers
/// that gave points (see [`evidence`]).
fn split_confidence(gap: i32, given: &[Vec<i32>], signals: usize) -> f64 {
    let total: i32 = given.iter().flatten().map(|p| p.abs()).sum();
    if total == 0 {
        return 0.0;
    }
    let share = 1.0 - (f64::from(gap) / f64::from(total)).clamp(0.0, 1.0);
    let answers = i32::try_from(signals).unwrap_or(i32::MAX);
    evidence::rounded(share * evidence::saturation(answers))
}

/// `low`, `medium` or `high`, as for every questionnaire.
pub fn confidence_label(confidence: f64) -> &'static str {
    evidence::label(confidence)
}

fn track(library: &Library, decision: &Decision) -> Option<String> {
    match decision.roles.as_slice() {
        [] => None,
        [one] => Some(library.role_refs()[*one].id.to_string()),
        _ => Some(BOTH.to_owned()),
    }
}

/// Assesses a professional's checked answers against the career guide in `kb`.
pub fn assess(library: &Library, answers: &CareerAnswers) -> CareerPlan {
    let career = library.career();
    let roles = library.role_refs();
    let decision = decide(library, answers);

    let mut reasons = Vec::new();
    for question in &career.questions {
        for choice in chosen(question, answers) {
            let points: BTreeMap<Text, i32> = roles
                .iter()
                .zip(points(library, choice))
                .filter(|(_, p)| *p != 0)
                .map(|(role, p)| (role.id.clone(), p))
                .collect();
            if points.is_empty() {
                continue;
            }
            reasons.push(Reason {
                question: question.id.clone(),
                question_text: question.text.clone(),
                value: choice.value.clone(),
                label: choice.label.clone(),
                points,
                text: choice.reason.text.clone(),
                sources: choice.reason.sources.clone(),
                basis: choice.basis,
            });
        }
    }

    // With no track, the plan covers every role.
    let considered: Vec<&Text> = if decision.roles.is_empty() {
        roles.iter().map(|role| &role.id).collect()
    } else {
        decision.roles.iter().map(|&i| &roles[i].id).collect()
    };

    let (mut gaps, mut met, mut unknown) = (Vec::new(), Vec::new(), Vec::new());
    for &role in &considered {
        for requirement in career.requirements.get(role).into_iter().flatten() {
            let (standing, qualification) = check(career, role, requirement, answers);
            match standing {
                Standing::Gap => gaps.push(qualification),
                Standing::Met => met.push(qualification),
                Standing::Unknown => unknown.push(qualification),
            }
        }
    }

    let stepping_stones: Vec<PathPlan> = considered
        .iter()
        .filter_map(|&role| {
            let path = career.stepping_stones.get(role)?;
            Some(PathPlan {
                role: role.clone(),
                ordered: path.ordered,
                steps: path
                    .steps
                    .iter()
                    .map(|step| StepPlan {
                        text: step.text.clone(),
                        sources: step.sources.clone(),
                        reached: shown(&step.shown_by, answers),
                    })
                    .collect(),
            })
        })
        .collect();

    let skills: Vec<SkillPlan> = considered
        .iter()
        .flat_map(|&role| {
            career
                .skills
                .get(role)
                .into_iter()
                .flatten()
                .map(|skill| SkillPlan {
                    role: role.clone(),
                    text: skill.text.clone(),
                    sources: skill.sources.clone(),
                    have: shown(&skill.shown_by, answers),
                })
        })
        .collect();

    let caveats: Vec<_> = career
        .caveats
        .iter()
        .filter(|caveat| {
            caveat.roles.is_empty() || caveat.roles.iter().any(|r| considered.contains(&r))
        })
        .cloned()
        .collect();

    let mut plan = CareerPlan {
        schema_version: SCHEMA_VERSION,
        track: track(library, &decision),
        track_roles: decision.roles.iter().map(|&i| roles[i].clone()).collect(),
        confidence: Confidence {
            track: decision.confidence,
            label: confidence_label(decision.confidence).to_owned(),
        },
        scores: roles
            .iter()
            .zip(&decision.scores)
            .map(|(role, &score)| (role.id.clone(), score))
            .collect(),
        reasons,
        gaps,
        met,
        unknown,
        stepping_stones,
        skills,
        flips: flips(library, answers, &decision),
        caveats,
        covers: considered.iter().map(|&id| id.clone()).collect(),
        answers: answers
            .iter()
            .filter(|(_, values)| !values.is_empty())
            .map(|(id, values)| (id.clone(), values.clone()))
            .collect(),
        unanswered: career
            .questions
            .iter()
            .filter(|q| answered(answers, &q.id).is_none())
            .map(|q| q.id.clone())
            .collect(),
        sources: Vec::new(),
    };
    plan.sources = cited_sources(library, &plan);
    plan
}

/// Where an answer leaves a qualification.
enum Standing {
    Gap,
    Met,
    Unknown,
}

/// Checks one requirement of `role` against the answers.
fn check(
    career: &Career,
    role: &Text,
    requirement: &Requirement,
    answers: &CareerAnswers,
) -> (Standing, Qualification) {
    let question: &str = match requirement.kind {
        RequirementKind::Experience => YEARS_QUESTION,
        RequirementKind::Degree => DEGREE_QUESTION,
        RequirementKind::Background => BACKGROUND_QUESTION,
        _ => requirement.question.as_deref().unwrap_or_default(),
    };
    let first = answered(answers, question).and_then(|values| values.first());
    let strength = requirement.strength.as_str();
    let mut years_to_go = None;
    let (standing, detail) = match requirement.kind {
        RequirementKind::Experience => {
            let need = requirement.years.unwrap_or(0);
            match first.and_then(|value| value.trim().parse::<u32>().ok()) {
                None => (Standing::Unknown, unanswered_detail(career, question)),
                Some(have) if have >= need => (
                    Standing::Met,
                    format!("{have} years, against {need} {strength}"),
                ),
                Some(have) => {
                    let to_go = need - have;
                    years_to_go = Some(to_go);
                    (
                        Standing::Gap,
                        format!(
                            "{to_go} more {} to go ({have} so far, against {need} {strength})",
                            if to_go == 1 { "year" } else { "years" }
                        ),
                    )
                }
            }
        }
        RequirementKind::Degree => {
            let need = requirement.degree.unwrap_or(Degree::None);
            match first.and_then(|value| Degree::from_answer(value)) {
                None => (Standing::Unknown, unanswered_detail(career, question)),
                Some(have) if have >= need => (
                    Standing::Met,
                    format!(
                        "{}, where {} meets it",
                        degree_phrase(have),
                        or_higher(need)
                    ),
                ),
                Some(have) => (
                    Standing::Gap,
                    format!(
                        "{} so far; {} meets it",
                        degree_phrase(have),
                        or_higher(need)
                    ),
                ),
            }
        }
        RequirementKind::Background => match first {
            None => (Standing::Unknown, unanswered_detail(career, question)),
            Some(have) => {
                let have_label = label_of(career, question, have);
                if requirement.backgrounds.iter().any(|b| b == have) {
                    (Standing::Met, format!("background “{have_label}”"))
                } else {
                    let wanted: Vec<String> = requirement
                        .backgrounds
                        .iter()
                        .map(|b| format!("“{}”", label_of(career, question, b)))
                        .collect();
                    (
                        Standing::Gap,
                        format!(
                            "background “{have_label}”, where the articles point to {}",
                            wanted.join(" or ")
                        ),
                    )
                }
            }
        },
        RequirementKind::Certifications | RequirementKind::Leadership | RequirementKind::Skills => {
            match first {
                None => (Standing::Unknown, unanswered_detail(career, question)),
                Some(value) if value == YES => (Standing::Met, "answered yes".to_owned()),
                Some(value) => (Standing::Gap, format!("not yet (answered {value})")),
            }
        }
    };
    let qualification = Qualification {
        kind: requirement.kind,
        role: role.clone(),
        strength: requirement.strength,
        text: requirement.text.clone(),
        detail,
        years_to_go,
        question: Text::from(question.to_owned()),
        sources: requirement.sources.clone(),
    };
    (standing, qualification)
}

fn unanswered_detail(career: &Career, question: &str) -> String {
    match career.questions.iter().find(|q| q.id == question) {
        Some(q) => q.text.to_string(),
        None => format!("not known: no question `{question}` asks it"),
    }
}

/// How a value of `question` reads; the value itself if no choice has it.
fn label_of(career: &Career, question: &str, value: &str) -> String {
    career
        .questions
        .iter()
        .find(|q| q.id == question)
        .and_then(|q| q.choices.iter().find(|c| c.value == value))
        .map_or_else(|| value.to_owned(), |c| c.label.to_string())
}

fn degree_phrase(degree: Degree) -> &'static str {
    match degree {
        Degree::None => "no degree",
        Degree::Bachelor => "a bachelor's degree",
        Degree::Master => "a master's or other advanced degree",
    }
}

fn or_higher(degree: Degree) -> &'static str {
    match degree {
        Degree::None => "any education",
        Degree::Bachelor => "a bachelor's degree or higher",
        Degree::Master => "a master's or other advanced degree",
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
        match answered(answers, &sign.question) {
            Some(values) if values.iter().any(|v| sign.value == *v) => return Some(true),
            Some(_) => {}
            None => all_answered = false,
        }
    }
    all_answered.then_some(false)
}

/// Every single answer change that changes the track, the largest swing first
/// (ties in question and choice order).
fn flips(library: &Library, answers: &CareerAnswers, now: &Decision) -> Vec<Flip> {
    let now_track = track(library, now);
    let mut flips = Vec::new();
    for question in &library.career().questions {
        let current = answered(answers, &question.id);
        for alternative in alternatives(question, current) {
            let mut changed = answers.clone();
            match &alternative {
                Some(values) => changed.insert(question.id.to_string(), values.clone()),
                None => changed.remove(question.id.as_str()),
            };
            let other = decide(library, &changed);
            let other_track = track(library, &other);
            if other_track == now_track {
                continue;
            }
            let label = |values: &[String]| -> Text {
                let labels: Vec<String> = values
                    .iter()
                    .map(|v| {
                        question
                            .choices
                            .iter()
                            .find(|c| c.value == *v)
                            .map_or_else(|| v.clone(), |c| c.label.to_string())
                    })
                    .collect();
                Text::from(labels.join(", "))
            };
            flips.push(Flip {
                question: question.id.clone(),
                question_text: question.text.clone(),
                from: current.map(|values| Text::from(values.join(","))),
                from_label: current.map(label),
                to: alternative
                    .as_ref()
                    .map(|values| Text::from(values.join(","))),
                to_label: alternative.as_deref().map(label),
                track: other_track,
                confidence: other.confidence,
                swing: now
                    .scores
                    .iter()
                    .zip(&other.scores)
                    .map(|(a, b)| (a - b).abs())
                    .sum(),
            });
        }
    }
    // Stable: equal swings keep question and choice order.
    flips.sort_by_key(|flip| std::cmp::Reverse(flip.swing));
    flips
}

/// The single changes to one question's answer: each other value (for a question
/// that takes several, each value added or removed), and no answer.
fn alternatives(question: &Question, current: Option<&[String]>) -> Vec<Option<Vec<String>>> {
    let now: Vec<String> = current.map(<[String]>::to_vec).unwrap_or_default();
    let mut options = Vec::new();
    for choice in &question.choices {
        let value = choice.value.to_string();
        if question.multiple {
            let toggled: Vec<String> = question
                .choices
                .iter()
                .map(|c| c.value.to_string())
                .filter(|v| (now.contains(v)) != (*v == value))
                .collect();
            options.push((!toggled.is_empty()).then_some(toggled));
        } else if now != [value.clone()] {
            options.push(Some(vec![value]));
        }
    }
    if current.is_some() && !question.multiple {
        options.push(None);
    }
    options
}

/// The articles the plan cites, in knowledge-base order.
fn cited_sources(library: &Library, plan: &CareerPlan) -> Vec<SourceRef> {
    let mut cited: Vec<&Text> = Vec::new();
    cited.extend(plan.reasons.iter().flat_map(|r| &r.sources));
    for list in [&plan.gaps, &plan.met, &plan.unknown] {
        cited.extend(list.iter().flat_map(|q| &q.sources));
    }
    cited.extend(
        plan.stepping_stones
            .iter()
            .flat_map(|p| &p.steps)
            .flat_map(|s| &s.sources),
    );
    cited.extend(plan.skills.iter().flat_map(|s| &s.sources));
    cited.extend(
        plan.caveats
            .iter()
            .flat_map(|c| &c.points)
            .flat_map(|p| &p.sources),
    );
    evidence::cited(library.sources(), cited)
}

#[cfg(test)]
mod tests {
    //! Cases worked out by hand from `data/career.yaml`. The weights: `interest`
    //! process cio 2 | product cto 2 | both cio 1, cto 1; `audience` internal cio 2 |
    //! external cto 2 | both cio 1, cto 1. No other question gives points.
    //! Requirements: CIO experience 10 required, degree bachelor necessary and
    //! master preferred, leadership, background it-operations, background IT
    //! (it-operations or software-engineering). CTO experience 15 desirable, degree
    //! bachelor and master, certifications, sales-marketing (kind skills),
    //! leadership, background software-engineering, background IT.

    use super::*;
    use crate::kb::career::{Basis, RequirementKind as Kind};

    fn kb() -> Library {
        Library::embedded()
    }

    fn answers(pairs: &[(&str, &str)]) -> CareerAnswers {
        pairs
            .iter()
            .map(|(id, value)| ((*id).to_owned(), vec![(*value).to_owned()]))
            .collect()
    }

    const SENIOR_ENGINEER: &[(&str, &str)] = &[
        ("background", "software-engineering"),
        ("interest", "product"),
        ("audience", "external"),
        ("years", "12"),
        ("degree", "bachelor"),
        ("certifications", "no"),
        ("leadership", "yes"),
        ("sales-marketing", "no"),
    ];

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

    fn kinds(list: &[Qualification]) -> Vec<(&str, &str)> {
        list.iter()
            .map(|q| (q.role.as_str(), q.kind.as_str()))
            .collect()
    }

    struct Case {
        name: &'static str,
        answers: &'static [(&'static str, &'static str)],
        track: Option<&'static str>,
        confidence: f64,
        /// (role, kind) of each gap, in order.
        gaps: &'static [(&'static str, &'static str)],
        years_to_go: &'static [u32],
        unknown: usize,
    }

    #[test]
    fn tracks_gaps_and_years_to_go_match_the_hand_worked_cases() {
        let cases = [
            // cio 0, cto 2+2 = 4; votes +2 and +2: share 1 × (1 − ¼) = 0.75.
            // CTO: 15 desirable − 12 = 3 to go; bachelor meets `bachelor` but not
            // `master`; certifications no; sales-marketing no; leadership yes and
            // software-engineering meet the rest.
            Case {
                name: "a senior engineer aiming at products",
                answers: SENIOR_ENGINEER,
                track: Some("cto"),
                confidence: 0.75,
                gaps: &[
                    ("cto", "experience"),
                    ("cto", "degree"),
                    ("cto", "certifications"),
                    ("cto", "skills"),
                ],
                years_to_go: &[3],
                unknown: 0,
            },
            // cio 2+2 = 4, cto 0: votes +2, +2: 1 × (1 − ¼) = 0.75. CIO: 10 required − 7 = 3 to go;
            // master preferred missing; the rest met (certifications and
            // sales-marketing are not CIO requirements).
            Case {
                name: "a mid-career IT operations lead",
                answers: IT_OPERATIONS_LEAD,
                track: Some("cio"),
                confidence: 0.75,
                gaps: &[("cio", "experience"), ("cio", "degree")],
                years_to_go: &[3],
                unknown: 0,
            },
            // No points: no track, confidence 0, every role checked. 12 ≥ 10 meets
            // the CIO's; 15 − 12 = 3 to go for the CTO. Unknown: CIO 2 degree +
            // leadership + 2 background = 5; CTO 2 degree + certifications +
            // sales-marketing + leadership + 2 background = 7; 12 in all.
            Case {
                name: "someone who answered only their years",
                answers: &[("years", "12")],
                track: None,
                confidence: 0.0,
                gaps: &[("cto", "experience")],
                years_to_go: &[3],
                unknown: 12,
            },
            // cio 2, cto 2: a tie, so both; gap 0: (1 − 0/4) × (1 − ¼) = 0.75.
            // Both roles' 6 + 8 = 14 requirements unknown.
            Case {
                name: "aims split between processes and customers",
                answers: &[("interest", "process"), ("audience", "external")],
                track: Some("both"),
                confidence: 0.75,
                gaps: &[],
                years_to_go: &[],
                unknown: 14,
            },
            // cio 1, cto 1: both; (1 − 0/2) × (1 − ½) = 0.5.
            Case {
                name: "both aims, nothing else",
                answers: &[("interest", "both")],
                track: Some("both"),
                confidence: 0.5,
                gaps: &[],
                years_to_go: &[],
                unknown: 14,
            },
            // cio 2+1 = 3, cto 1: votes +2 (process) and 0 (audience both, which
            // separates nothing and so is not evidence): 1 × (1 − ½) = 0.5.
            Case {
                name: "processes, serving both",
                answers: &[("interest", "process"), ("audience", "both")],
                track: Some("cio"),
                confidence: 0.5,
                gaps: &[],
                years_to_go: &[],
                unknown: 6,
            },
            // CIO: 15 ≥ 10, master ≥ bachelor and master, leadership yes,
            // it-operations meets both backgrounds: nothing missing, nothing unknown.
            Case {
                name: "a CIO candidate who meets every requirement",
                answers: &[
                    ("background", "it-operations"),
                    ("interest", "process"),
                    ("audience", "internal"),
                    ("years", "15"),
                    ("degree", "master"),
                    ("leadership", "yes"),
                ],
                track: Some("cio"),
                confidence: 0.75,
                gaps: &[],
                years_to_go: &[],
                unknown: 0,
            },
            // CTO: 20 ≥ 15, master, certifications, sales-marketing, leadership yes,
            // software-engineering: nothing missing.
            Case {
                name: "a CTO candidate who meets every requirement",
                answers: &[
                    ("background", "software-engineering"),
                    ("interest", "product"),
                    ("audience", "external"),
                    ("years", "20"),
                    ("degree", "master"),
                    ("certifications", "yes"),
                    ("leadership", "yes"),
                    ("sales-marketing", "yes"),
                ],
                track: Some("cto"),
                confidence: 0.75,
                gaps: &[],
                years_to_go: &[],
                unknown: 0,
            },
            // Background never vetoes: a business person aiming at products is on the
            // CTO track, with both background requirements as gaps (and 0 − 15 = 15
            // years to go).
            Case {
                name: "a business person aiming at products",
                answers: &[
                    ("background", "business"),
                    ("interest", "product"),
                    ("audience", "external"),
                    ("years", "0"),
                    ("degree", "none"),
                    ("certifications", "no"),
                    ("leadership", "no"),
                    ("sales-marketing", "yes"),
                ],
                track: Some("cto"),
                confidence: 0.75,
                gaps: &[
                    ("cto", "experience"),
                    ("cto", "degree"),
                    ("cto", "degree"),
                    ("cto", "certifications"),
                    ("cto", "leadership"),
                    ("cto", "background"),
                    ("cto", "background"),
                ],
                years_to_go: &[15],
                unknown: 0,
            },
        ];
        let kb = kb();
        for case in cases {
            let plan = assess(&kb, &answers(case.answers));
            assert_eq!(plan.track.as_deref(), case.track, "{}", case.name);
            assert_eq!(plan.confidence.track, case.confidence, "{}", case.name);
            assert_eq!(kinds(&plan.gaps), case.gaps, "{}", case.name);
            let to_go: Vec<u32> = plan.gaps.iter().filter_map(|g| g.years_to_go).collect();
            assert_eq!(to_go, case.years_to_go, "{}", case.name);
            assert_eq!(plan.unknown.len(), case.unknown, "{}", case.name);
        }
    }

    #[test]
    fn only_years_answered_gives_no_track_but_the_experience_status_of_every_role() {
        let plan = assess(&kb(), &answers(&[("years", "12")]));
        assert_eq!(plan.track, None);
        assert!(plan.track_roles.is_empty() && plan.reasons.is_empty());
        assert_eq!(plan.confidence.label, "low");
        let experience: Vec<(&str, &str)> = kinds(&plan.met)
            .into_iter()
            .filter(|(_, kind)| *kind == "experience")
            .collect();
        assert_eq!(experience, [("cio", "experience")]);
        assert_eq!(plan.met[0].detail, "12 years, against 10 required");
        assert_eq!(
            plan.gaps[0].detail,
            "3 more years to go (12 so far, against 15 desirable)"
        );
        // Every role is covered: both paths, both roles' skills, both caveats.
        let paths: Vec<&str> = plan
            .stepping_stones
            .iter()
            .map(|p| p.role.as_str())
            .collect();
        assert_eq!(paths, ["cio", "cto"]);
        assert_eq!(plan.caveats.len(), 2);
    }

    #[test]
    fn every_reason_is_an_answer_that_gave_points_and_says_its_basis() {
        let kb = kb();
        let plan = assess(&kb, &answers(SENIOR_ENGINEER));
        let reasons: Vec<(&str, &str, Basis)> = plan
            .reasons
            .iter()
            .map(|r| (r.question.as_str(), r.value.as_str(), r.basis))
            .collect();
        assert_eq!(
            reasons,
            [
                ("interest", "product", Basis::Article),
                ("audience", "external", Basis::Article)
            ]
        );
        assert!(plan.reasons.iter().all(|r| !r.sources.is_empty()));
        // Split aims are our judgement, which the data says.
        let split = assess(&kb, &answers(&[("interest", "both")]));
        assert_eq!(split.reasons[0].basis, Basis::Judgement);
    }

    #[test]
    fn the_path_and_skills_are_marked_from_the_answers() {
        let kb = kb();
        let plan = assess(&kb, &answers(SENIOR_ENGINEER));
        let [path] = plan.stepping_stones.as_slice() else {
            panic!("one path: {:?}", plan.stepping_stones)
        };
        assert_eq!(path.role, "cto");
        assert!(
            !path.ordered,
            "key-differences gives the CTO's path as a list"
        );
        let reached: Vec<Option<bool>> = path.steps.iter().map(|s| s.reached).collect();
        // software-engineering shows the first two; nothing tells the others.
        assert_eq!(reached, [Some(true), Some(true), None, None]);
        let have = |text: &str| {
            plan.skills
                .iter()
                .find(|s| s.text.starts_with(text))
                .map(|s| s.have)
                .unwrap_or_else(|| panic!("skill {text}"))
        };
        assert_eq!(have("A grounding in computing"), Some(true));
        assert_eq!(have("Communication and leadership"), Some(true));
        // sales-marketing answered no.
        assert_eq!(have("Customer relations"), Some(false));
        assert_eq!(have("Creativity"), None);

        let lead = assess(&kb, &answers(IT_OPERATIONS_LEAD));
        assert!(lead.stepping_stones[0].ordered);
        let caveats: Vec<&str> = lead.caveats.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(caveats, ["seniority", "hands-on"]);
        let caveats: Vec<&str> = plan.caveats.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            caveats,
            ["seniority"],
            "the hands-on dispute is about the CIO"
        );
    }

    #[test]
    fn flips_are_every_single_change_that_moves_the_track_biggest_first() {
        let kb = kb();
        // product alone: cto 2. interest process: cio 2 (swing 2 + 2 = 4) → cio;
        // interest both: cio 1, cto 1 (swing 1 + 1 = 2) → both; no interest: 0, 0
        // (swing 2) → none; audience internal: cio 2, cto 2 (swing 2) → both;
        // audience external (cto 4) and both (cio 1, cto 3) keep cto.
        let plan = assess(&kb, &answers(&[("interest", "product")]));
        let flips: Vec<(&str, Option<&str>, Option<&str>, i32)> = plan
            .flips
            .iter()
            .map(|f| {
                (
                    f.question.as_str(),
                    f.to.as_deref(),
                    f.track.as_deref(),
                    f.swing,
                )
            })
            .collect();
        assert_eq!(
            flips,
            [
                ("interest", Some("process"), Some("cio"), 4),
                ("interest", Some("both"), Some("both"), 2),
                ("interest", None, None, 2),
                ("audience", Some("internal"), Some("both"), 2),
            ]
        );
        // Agreeing answers: only a switch to the other side moves it, to a tie.
        let plan = assess(&kb, &answers(SENIOR_ENGINEER));
        let flips: Vec<(&str, Option<&str>)> = plan
            .flips
            .iter()
            .map(|f| (f.question.as_str(), f.track.as_deref()))
            .collect();
        assert_eq!(
            flips,
            [("interest", Some("both")), ("audience", Some("both"))]
        );
    }

    #[test]
    fn one_answer_never_reaches_high_confidence() {
        let kb = kb();
        for question in &kb.career().questions {
            for choice in &question.choices {
                let plan = assess(&kb, &answers(&[(&question.id, &choice.value)]));
                // One answer: at most 1 × 1/2 = 0.5.
                assert!(
                    plan.confidence.track <= 0.5 && plan.confidence.label != "high",
                    "{}={}: {:?}",
                    question.id,
                    choice.value,
                    plan.confidence
                );
            }
        }
    }

    #[test]
    fn agreeing_answers_reach_high_confidence() {
        let kb = kb();
        for pair in [
            [("interest", "product"), ("audience", "external")],
            [("interest", "process"), ("audience", "internal")],
        ] {
            let plan = assess(&kb, &answers(&pair));
            // Two agreeing votes: 1 × (1 − ¼) = 0.75, high.
            assert_eq!(plan.confidence.track, 0.75, "{pair:?}");
            assert_eq!(plan.confidence.label, "high", "{pair:?}");
        }
    }

    #[test]
    fn an_answer_for_the_leader_never_lowers_confidence() {
        let kb = kb();
        let track_questions: Vec<&Question> = kb
            .career()
            .questions
            .iter()
            .filter(|q| q.choices.iter().any(|c| !c.weights.is_empty()))
            .collect();
        // Every combination of track answers, each question possibly unanswered.
        let mut states: Vec<CareerAnswers> = vec![CareerAnswers::new()];
        for question in &track_questions {
            let mut next = Vec::new();
            for state in &states {
                next.push(state.clone());
                for choice in &question.choices {
                    let mut with = state.clone();
                    with.insert(question.id.to_string(), vec![choice.value.to_string()]);
                    next.push(with);
                }
            }
            states = next;
        }
        let mut checked = 0;
        for state in &states {
            let before = decide(&kb, state);
            let [leader] = before.roles.as_slice() else {
                continue;
            };
            for question in &track_questions {
                if state.contains_key(question.id.as_str()) {
                    continue;
                }
                for choice in &question.choices {
                    let given = points(&kb, choice);
                    let for_leader_only = given[*leader] > 0
                        && given
                            .iter()
                            .enumerate()
                            .all(|(i, &p)| i == *leader || p == 0);
                    if !for_leader_only {
                        continue;
                    }
                    let mut after = state.clone();
                    after.insert(question.id.to_string(), vec![choice.value.to_string()]);
                    let after = decide(&kb, &after);
                    assert!(
                        after.confidence >= before.confidence,
                        "{state:?} + {}={}: {} → {}",
                        question.id,
                        choice.value,
                        before.confidence,
                        after.confidence
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked >= 4, "only {checked} cases");
    }

    #[test]
    fn confidence_is_zero_without_signal_and_labels_follow_the_thresholds() {
        assert_eq!(decide(&kb(), &CareerAnswers::new()).confidence, 0.0);
        assert_eq!(confidence_label(0.0), "low");
        assert_eq!(confidence_label(0.33), "low");
        assert_eq!(confidence_label(0.34), "medium");
        assert_eq!(confidence_label(0.66), "medium");
        assert_eq!(confidence_label(0.67), "high");
        // A tie: (1 − 0/4) × (1 − ¼) = 0.75.
        assert_eq!(split_confidence(0, &[vec![2, 0], vec![0, 2]], 2), 0.75);
    }

    #[test]
    fn unreadable_or_empty_answers_count_as_unanswered() {
        let kb = kb();
        let mut odd = answers(&[("years", "lots")]);
        odd.insert("degree".to_owned(), Vec::new());
        let plan = assess(&kb, &odd);
        assert!(plan.gaps.is_empty() && plan.met.is_empty());
        assert!(plan.unanswered.iter().any(|id| id == "degree"));
        assert!(!plan.answers.contains_key("degree"));
    }

    #[test]
    fn the_json_contract_has_the_documented_fields() {
        let plan = assess(&kb(), &answers(IT_OPERATIONS_LEAD));
        let json = serde_json::to_value(&plan).expect("a plan serialises");
        for key in [
            "schema_version",
            "track",
            "reasons",
            "gaps",
            "stepping_stones",
            "skills",
            "answers",
            "confidence",
            "flips",
            "caveats",
        ] {
            assert!(json.get(key).is_some(), "missing `{key}`");
        }
        assert_eq!(json["track"], "cio");
        assert_eq!(json["confidence"]["track"], 0.75);
        assert_eq!(json["confidence"]["label"], "high");
        assert_eq!(json["gaps"][0]["kind"], "experience");
        assert_eq!(json["gaps"][0]["role"], "cio");
        assert_eq!(json["gaps"][0]["years_to_go"], 3);
        assert_eq!(json["gaps"][0]["sources"][0], "definitions");
        assert_eq!(json["reasons"][0]["basis"], "article");
        assert_eq!(json["answers"]["years"][0], "7");
        let schema = schemars::schema_for!(CareerPlan).to_value();
        for key in ["track", "gaps", "confidence", "flips", "caveats"] {
            assert!(
                schema["properties"].get(key).is_some(),
                "schema lacks `{key}`"
            );
        }
        let none = serde_json::to_value(assess(&kb(), &CareerAnswers::new())).expect("json");
        assert!(none["track"].is_null());
        assert_eq!(none["confidence"]["track"], 0.0);
    }

    #[test]
    fn the_plan_cites_only_known_articles_with_their_titles() {
        let kb = kb();
        let plan = assess(&kb, &answers(SENIOR_ENGINEER));
        let ids: Vec<&str> = plan.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "difference",
                "key-differences",
                "overlap",
                "definitions",
                "tension"
            ]
        );
        assert!(plan.sources.iter().all(|s| !s.title.is_empty()));
        let gap_kinds: Vec<Kind> = plan.gaps.iter().map(|g| g.kind).collect();
        assert!(gap_kinds.contains(&Kind::Certifications));
    }
}
