//! The career guide (`data/career.yaml`): the questionnaire for a professional
//! weighing the tracks, each role's qualifications as the articles give them
//! (each with a criterion an answer can be checked against), the usual stepping
//! stones, the skills to build, and the disagreements between the articles that
//! matter to a person choosing a track. Its checks live here too.
//!
//! Like the rest of [`super`], this compiles into `build.rs` as well, so it
//! refers only to its sibling modules, std and the serde crates.

use std::collections::{BTreeMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::{KnowledgeBase, Question, Text, unique_keys};
use super::problem::{KbError, Problem};
use super::yaml;

/// The id of the question whose answer is the years of work experience.
pub const YEARS_QUESTION: &str = "years";
/// The id of the question whose answer is the highest degree.
pub const DEGREE_QUESTION: &str = "degree";
/// The id of the question whose answer is where the career has been so far.
pub const BACKGROUND_QUESTION: &str = "background";
/// The answer that meets a requirement checked against a yes-or-no question.
pub const YES: &str = "yes";

/// The career guide behind `roles career`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Career {
    /// The questions, in the order they are asked; only the choices whose
    /// `weights` give points bear on the track.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// Choices whose reason is our judgement rather than an article's claim (their
    /// reasons still cite the articles they lean on).
    #[serde(default)]
    pub judgements: Vec<ShownBy>,
    /// Each role's qualifications, keyed by role id.
    #[serde(default, deserialize_with = "unique_keys")]
    pub requirements: BTreeMap<Text, Vec<Requirement>>,
    /// Each role's usual path, keyed by role id.
    #[serde(default, deserialize_with = "unique_keys")]
    pub stepping_stones: BTreeMap<Text, CareerPath>,
    /// Each role's skills to build, keyed by role id.
    #[serde(default, deserialize_with = "unique_keys")]
    pub skills: BTreeMap<Text, Vec<Skill>>,
    /// Disagreements between the articles that matter to a person choosing a track.
    #[serde(default)]
    pub caveats: Vec<Caveat>,
}

/// One qualification for a role, with the criterion that checks an answer against it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Requirement {
    /// What sort of qualification it is.
    pub kind: RequirementKind,
    /// What the articles say, in our words.
    pub text: Text,
    /// Ids of the sources that say it.
    pub sources: Vec<Text>,
    /// How firmly the article words it.
    pub strength: Strength,
    /// For `experience`: the years of work experience asked for.
    #[serde(default)]
    pub years: Option<u32>,
    /// For `degree`: the lowest degree that meets it.
    #[serde(default)]
    pub degree: Option<Degree>,
    /// For `certifications`, `leadership` and `skills`: the question whose `yes` meets it.
    #[serde(default)]
    pub question: Option<Text>,
    /// For `background`: the values of the `background` question that meet it.
    #[serde(default)]
    pub backgrounds: Vec<Text>,
}

/// The sorts of qualification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RequirementKind {
    /// Years of work experience.
    Experience,
    /// A degree.
    Degree,
    /// Industry certifications.
    Certifications,
    /// Leading teams and managing people.
    Leadership,
    /// Where a career has been so far.
    Background,
    /// Any other skill or experience.
    Skills,
}

impl RequirementKind {
    /// The word used in data and output, e.g. `experience`.
    pub fn as_str(self) -> &'static str {
        match self {
            RequirementKind::Experience => "experience",
            RequirementKind::Degree => "degree",
            RequirementKind::Certifications => "certifications",
            RequirementKind::Leadership => "leadership",
            RequirementKind::Background => "background",
            RequirementKind::Skills => "skills",
        }
    }
}

/// How firmly an article words a qualification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    /// Employers require it.
    Required,
    /// Employers find it desirable.
    Desirable,
    /// It may be necessary.
    Necessary,
    /// Employers often prefer it.
    Preferred,
    /// It can help a candidate.
    Helpful,
    /// Candidates typically have it.
    Typical,
}

impl Strength {
    /// The word used in data and output, e.g. `required`.
    pub fn as_str(self) -> &'static str {
        match self {
            Strength::Required => "required",
            Strength::Desirable => "desirable",
            Strength::Necessary => "necessary",
            Strength::Preferred => "preferred",
            Strength::Helpful => "helpful",
            Strength::Typical => "typical",
        }
    }
}

/// A degree level, lowest first; an advanced degree counts as `master`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Degree {
    /// No degree.
    None,
    /// A bachelor's or other first degree.
    Bachelor,
    /// A master's, or a higher or other advanced degree.
    Master,
}

impl Degree {
    /// The level an answer to the `degree` question names, if it names one.
    pub fn from_answer(value: &str) -> Option<Degree> {
        match value {
            "none" => Some(Degree::None),
            "bachelor" => Some(Degree::Bachelor),
            "master" => Some(Degree::Master),
            _ => None,
        }
    }

    /// The word used in data and output, e.g. `bachelor`.
    pub fn as_str(self) -> &'static str {
        match self {
            Degree::None => "none",
            Degree::Bachelor => "bachelor",
            Degree::Master => "master",
        }
    }
}

/// The usual path into a role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct CareerPath {
    /// Whether the article gives the steps as a progression (`false`: a list of
    /// the roles the path involves, in no set order).
    #[serde(default)]
    pub ordered: bool,
    /// The steps.
    pub steps: Vec<Step>,
}

/// One stepping stone on a path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Step {
    /// The step, in our words.
    pub text: Text,
    /// Ids of the sources that give it.
    pub sources: Vec<Text>,
    /// Answers that suggest the person has already taken this step.
    #[serde(default)]
    pub shown_by: Vec<ShownBy>,
}

/// One skill a role needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Skill {
    /// The skill, in our words.
    pub text: Text,
    /// Ids of the sources that name it.
    pub sources: Vec<Text>,
    /// Answers that suggest the person already has it.
    #[serde(default)]
    pub shown_by: Vec<ShownBy>,
}

/// An answer: one value of one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct ShownBy {
    /// The question id.
    pub question: Text,
    /// The value.
    pub value: Text,
}

/// A disagreement between the articles that matters to a person choosing a track.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Caveat {
    /// Short id, e.g. `seniority`.
    pub id: Text,
    /// The question in dispute, e.g. "Is one track more senior?".
    pub title: Text,
    /// The tracks it applies to (empty: every track).
    #[serde(default)]
    pub roles: Vec<Text>,
    /// What each side says, or what we read into it.
    pub points: Vec<CaveatPoint>,
}

/// One side of a disagreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct CaveatPoint {
    /// The statement, in our words.
    pub text: Text,
    /// Ids of the sources it rests on.
    pub sources: Vec<Text>,
    /// Whether an article says it or we infer it.
    #[serde(default)]
    pub basis: Basis,
}

pub use super::model::Basis;

/// The shape of `data/career.yaml`, which holds only the career guide.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
struct CareerFile {
    career: Career,
}

/// Parses a file that holds only a `career:` key (as `data/` keeps it).
pub fn parse_career_file(origin: &str, text: &'static str) -> Result<Career, KbError> {
    yaml::parse::<CareerFile>(text)
        .map(|file| file.career)
        .map_err(|problem| KbError::single(origin, problem))
}

/// Every problem in the career guide of `kb`: sources and roles that do not
/// exist, empty texts, requirements without the criterion their kind needs, and
/// answers (`shown_by`, `judgements`, `question`, `backgrounds`) that no question offers.
pub fn validate_career(kb: &KnowledgeBase) -> Vec<Problem> {
    let career = &kb.career;
    let mut check = Check {
        problems: Vec::new(),
        sources: kb.sources.iter().map(|s| s.id.as_str()).collect(),
        roles: kb.roles.iter().map(|r| r.id.as_str()).collect(),
        career,
    };
    check.questions();
    for (index, answer) in career.judgements.iter().enumerate() {
        check.answer(&format!("career.judgements[{index}]"), answer);
    }
    for (role, requirements) in &career.requirements {
        check.role(&format!("career.requirements.{role}"), role);
        for (index, requirement) in requirements.iter().enumerate() {
            check.requirement(&format!("career.requirements.{role}[{index}]"), requirement);
        }
    }
    for (role, path) in &career.stepping_stones {
        let at = format!("career.stepping_stones.{role}");
        check.role(&at, role);
        if path.steps.is_empty() {
            check.push(Problem::at(&at, "has no `steps`; list the path's roles"));
        }
        for (index, step) in path.steps.iter().enumerate() {
            let at = format!("{at}.steps[{index}]");
            check.cited(&at, &step.text, &step.sources);
            check.answers(&at, &step.shown_by);
        }
    }
    for (role, skills) in &career.skills {
        check.role(&format!("career.skills.{role}"), role);
        for (index, skill) in skills.iter().enumerate() {
            let at = format!("career.skills.{role}[{index}]");
            check.cited(&at, &skill.text, &skill.sources);
            check.answers(&at, &skill.shown_by);
        }
    }
    check.unique(
        "career.caveats",
        career.caveats.iter().map(|c| c.id.as_str()),
    );
    for caveat in &career.caveats {
        let at = format!("career.caveats.{}", caveat.id);
        check.text(&at, "title", &caveat.title);
        for role in &caveat.roles {
            check.role(&at, role);
        }
        if caveat.points.is_empty() {
            check.push(Problem::at(
                &at,
                "has no `points`; say what each side holds",
            ));
        }
        for (index, point) in caveat.points.iter().enumerate() {
            check.cited(
                &format!("{at}.points[{index}]"),
                &point.text,
                &point.sources,
            );
        }
    }
    check.problems
}

struct Check<'a> {
    problems: Vec<Problem>,
    sources: HashSet<&'a str>,
    roles: HashSet<&'a str>,
    career: &'a Career,
}

impl Check<'_> {
    fn push(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    fn text(&mut self, path: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.push(
                Problem::at(
                    path,
                    format!("`{field}` is empty; write the text or remove the entry"),
                )
                .pointing_at_key(field),
            );
        }
    }

    fn cited(&mut self, path: &str, text: &str, sources: &[Text]) {
        self.text(path, "text", text);
        if sources.is_empty() {
            self.push(Problem::at(
                path,
                "cites no source; list at least one id from `sources`",
            ));
        }
        for id in sources {
            if !self.sources.contains(id.as_str()) {
                let known = listed(&self.sources);
                self.push(
                    Problem::at(
                        path,
                        format!("cites unknown source `{id}`; known sources: {known}"),
                    )
                    .pointing_at(id),
                );
            }
        }
    }

    fn role(&mut self, path: &str, id: &str) {
        if !self.roles.contains(id) {
            let known = listed(&self.roles);
            self.push(
                Problem::at(
                    path,
                    format!("names unknown role `{id}`; known roles: {known}"),
                )
                .pointing_at(id),
            );
        }
    }

    fn unique<'i>(&mut self, list: &str, ids: impl Iterator<Item = &'i str>) {
        let mut seen = HashSet::new();
        for id in ids {
            if id.trim().is_empty() {
                self.push(Problem::at(
                    list,
                    "an id is empty; give every entry a short id",
                ));
            } else if !seen.insert(id) {
                self.push(
                    Problem::at(
                        list,
                        format!("duplicate id `{id}`; ids must be unique in a list"),
                    )
                    .pointing_at_id(id, 2),
                );
            }
        }
    }

    fn question(&self, id: &str) -> Option<&Question> {
        self.career.questions.iter().find(|q| q.id == id)
    }

    /// A question id must name a career question, and a value one of its choices.
    fn answer_to(&mut self, path: &str, question: &str, value: Option<&str>) {
        let Some(found) = self.question(question) else {
            let known: HashSet<&str> = self
                .career
                .questions
                .iter()
                .map(|q| q.id.as_str())
                .collect();
            let known = listed(&known);
            self.push(
                Problem::at(
                    path,
                    format!("names unknown question `{question}`; career questions: {known}"),
                )
                .pointing_at(question),
            );
            return;
        };
        let Some(value) = value else { return };
        if !found.choices.iter().any(|c| c.value == value) {
            let known: HashSet<&str> = found.choices.iter().map(|c| c.value.as_str()).collect();
            let known = listed(&known);
            self.push(
                Problem::at(
                    path,
                    format!("question `{question}` has no value `{value}`; its values: {known}"),
                )
                .pointing_at(value),
            );
        }
    }

    fn answer(&mut self, path: &str, answer: &ShownBy) {
        self.answer_to(path, &answer.question, Some(&answer.value));
    }

    fn answers(&mut self, path: &str, answers: &[ShownBy]) {
        for answer in answers {
            self.answer(&format!("{path}.shown_by"), answer);
        }
    }

    fn questions(&mut self) {
        let questions = &self.career.questions;
        self.unique("career.questions", questions.iter().map(|q| q.id.as_str()));
        for question in questions {
            let at = format!("career.questions.{}", question.id);
            self.text(&at, "text", &question.text);
            self.text(&at, "hint", &question.hint);
            if !question.number && question.choices.len() < 2 {
                self.push(Problem::at(
                    &at,
                    "needs at least two `choices`, or `number: true`",
                ));
            }
            self.unique(
                &format!("{at}.choices"),
                question.choices.iter().map(|c| c.value.as_str()),
            );
            for choice in &question.choices {
                let at = format!("{at}.choices.{}", choice.value);
                self.text(&at, "label", &choice.label);
                for role in choice.weights.keys() {
                    self.role(&format!("{at}.weights"), role);
                }
                let reason = &choice.reason;
                self.cited(&format!("{at}.reason"), &reason.text, &reason.sources);
                for role in &reason.roles {
                    self.role(&format!("{at}.reason"), role);
                }
            }
        }
    }

    fn requirement(&mut self, path: &str, requirement: &Requirement) {
        self.cited(path, &requirement.text, &requirement.sources);
        let kind = requirement.kind.as_str();
        let given: Vec<&str> = [
            ("years", requirement.years.is_some()),
            ("degree", requirement.degree.is_some()),
            ("question", requirement.question.is_some()),
            ("backgrounds", !requirement.backgrounds.is_empty()),
        ]
        .into_iter()
        .filter_map(|(field, set)| set.then_some(field))
        .collect();
        let wanted = match requirement.kind {
            RequirementKind::Experience => "years",
            RequirementKind::Degree => "degree",
            RequirementKind::Background => "backgrounds",
            RequirementKind::Certifications
            | RequirementKind::Leadership
            | RequirementKind::Skills => "question",
        };
        if given != [wanted] {
            self.push(
                Problem::at(
                    path,
                    format!(
                        "`kind: {kind}` is checked by `{wanted}` alone; give `{wanted}` and no other criterion"
                    ),
                )
                .pointing_at_key("kind"),
            );
        }
        match requirement.kind {
            RequirementKind::Experience => self.answer_to(path, YEARS_QUESTION, None),
            RequirementKind::Degree => self.answer_to(path, DEGREE_QUESTION, None),
            RequirementKind::Background => {
                for value in &requirement.backgrounds {
                    self.answer_to(path, BACKGROUND_QUESTION, Some(value));
                }
            }
            _ => {
                if let Some(question) = &requirement.question {
                    self.answer_to(path, question, Some(YES));
                }
            }
        }
    }
}

/// Ids in backticks, sorted, for a message.
fn listed(ids: &HashSet<&str>) -> String {
    let mut ids: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
    ids.sort();
    if ids.is_empty() {
        "none".into()
    } else {
        ids.join(", ")
    }
}

/// Whether the reason of choice `value` of question `question` is an article's
/// claim or our judgement. A choice's reason is a model [`Fact`](super::model::Fact), which carries no
/// basis, so the judgement ones are listed in [`Career::judgements`].
pub fn reason_basis(career: &Career, question: &str, value: &str) -> Basis {
    if career
        .judgements
        .iter()
        .any(|j| j.question == question && j.value == value)
    {
        Basis::Judgement
    } else {
        Basis::Article
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        crate::library::Library::embedded().whole()
    }

    fn messages(kb: &KnowledgeBase) -> Vec<String> {
        validate_career(kb)
            .into_iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect()
    }

    #[test]
    fn the_embedded_guide_is_valid_and_keeps_the_issue_contract() {
        let kb = kb();
        assert_eq!(messages(&kb), Vec::<String>::new());
        let values = |id: &str| -> Vec<&str> {
            let question = kb.career.questions.iter().find(|q| q.id == id);
            let question = question.unwrap_or_else(|| panic!("question `{id}`"));
            question.choices.iter().map(|c| c.value.as_str()).collect()
        };
        assert_eq!(
            values("background"),
            ["it-operations", "software-engineering", "business", "other"]
        );
        assert_eq!(values("interest"), ["process", "product", "both"]);
        assert_eq!(values("audience"), ["internal", "external", "both"]);
        assert_eq!(values("degree"), ["none", "bachelor", "master"]);
        for id in ["certifications", "leadership", "sales-marketing"] {
            assert_eq!(values(id), ["yes", "no"], "{id}");
        }
        let years = kb.career.questions.iter().find(|q| q.id == YEARS_QUESTION);
        assert!(years.is_some_and(|q| q.number && q.choices.is_empty()));
        // Only the aims give points.
        for question in &kb.career.questions {
            let weighted = question.choices.iter().any(|c| !c.weights.is_empty());
            let aims = ["interest", "audience"].contains(&question.id.as_str());
            assert_eq!(weighted, aims, "{}", question.id);
        }
    }

    #[test]
    fn a_requirement_needs_exactly_the_criterion_its_kind_is_checked_by() {
        let mut kb = kb();
        let cio = kb.career.requirements.get_mut("cio").expect("cio");
        cio[0].question = Some(Text::from("leadership"));
        cio[1].degree = None;
        let found = messages(&kb);
        assert_eq!(
            found,
            [
                "career.requirements.cio[0]: `kind: experience` is checked by `years` alone; give `years` and no other criterion",
                "career.requirements.cio[1]: `kind: degree` is checked by `degree` alone; give `degree` and no other criterion",
            ]
        );
    }

    #[test]
    fn unknown_sources_roles_questions_and_values_are_reported() {
        let mut kb = kb();
        let career = &mut kb.career;
        career.skills.get_mut("cto").expect("cto")[0].sources = vec![Text::from("blog")];
        career.stepping_stones.get_mut("cio").expect("cio").steps[0].shown_by = vec![ShownBy {
            question: Text::from("background"),
            value: Text::from("sales"),
        }];
        career.judgements.push(ShownBy {
            question: Text::from("salary"),
            value: Text::from("high"),
        });
        let skills = career.skills.remove("cio").expect("cio");
        career.skills.insert(Text::from("cfo"), skills);
        career.caveats[0].points[0].text = Text::from(" ");
        let found = messages(&kb);
        let expected = [
            "career.judgements[2]: names unknown question `salary`",
            "career.stepping_stones.cio.steps[0].shown_by: question `background` has no value `sales`",
            "career.skills.cfo: names unknown role `cfo`; known roles: `cio`, `cto`",
            "career.skills.cto[0]: cites unknown source `blog`",
            "career.caveats.seniority.points[0]: `text` is empty",
        ];
        assert_eq!(found.len(), expected.len(), "{found:#?}");
        for (found, expected) in found.iter().zip(expected) {
            assert!(found.starts_with(expected), "{found}");
        }
    }

    #[test]
    fn only_a_number_question_may_go_without_choices() {
        let mut kb = kb();
        let years = kb
            .career
            .questions
            .iter_mut()
            .find(|q| q.id == YEARS_QUESTION)
            .expect("years");
        years.number = false;
        assert_eq!(
            messages(&kb),
            ["career.questions.years: needs at least two `choices`, or `number: true`"]
        );
    }

    #[test]
    fn degrees_rank_none_bachelor_master() {
        assert!(Degree::None < Degree::Bachelor && Degree::Bachelor < Degree::Master);
        assert_eq!(Degree::from_answer("master"), Some(Degree::Master));
        assert_eq!(Degree::from_answer("phd"), None);
    }
}
