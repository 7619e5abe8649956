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

use super::model::{Question, Text, unique_keys};
use super::text::shown;
use super::validate::{At, Checker, Reserved, Target, known};

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
#[serde(deny_unknown_fields)]
pub struct Career {
    /// The questions, in the order they are asked; only the choices whose
    /// `weights` give points bear on the track.
    #[serde(default)]
    pub questions: Vec<Question>,
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
pub struct ShownBy {
    /// The question id.
    pub question: Text,
    /// The value.
    pub value: Text,
}

/// A disagreement between the articles that matters to a person choosing a track.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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

impl Checker<'_> {
    /// The career guide: its questions (as any questionnaire's), each role's
    /// requirements with exactly the criterion their kind is checked by, the
    /// stepping stones, skills and caveats, and answers (`shown_by`, `question`,
    /// `backgrounds`) that no question offers.
    pub(super) fn career(&mut self, career: &Career) {
        let root = At::ROOT;
        let root = root.field("career");
        self.questions(&root.field("questions"), &career.questions);
        let requirements = root.field("requirements");
        for (role, list) in &career.requirements {
            self.role_ref(&requirements, Target::Key(role), role);
            let at = requirements.entry(role);
            for (index, requirement) in list.iter().enumerate() {
                self.requirement(&at.item(index, None), requirement, career);
            }
        }
        let paths = root.field("stepping_stones");
        for (role, path) in &career.stepping_stones {
            self.role_ref(&paths, Target::Key(role), role);
            let at = paths.entry(role);
            if path.steps.is_empty() {
                self.push(
                    &at,
                    Target::Field("steps"),
                    "has no `steps`; list the path's roles".to_owned(),
                );
            }
            let steps = at.field("steps");
            for (index, step) in path.steps.iter().enumerate() {
                let at = steps.item(index, None);
                self.cited(&at, &step.text, &step.sources);
                self.shown_by(&at, &step.shown_by, career);
            }
        }
        let skills = root.field("skills");
        for (role, list) in &career.skills {
            self.role_ref(&skills, Target::Key(role), role);
            let at = skills.entry(role);
            for (index, skill) in list.iter().enumerate() {
                let at = at.item(index, None);
                self.cited(&at, &skill.text, &skill.sources);
                self.shown_by(&at, &skill.shown_by, career);
            }
        }
        let caveats = root.field("caveats");
        self.unique_ids(
            &caveats,
            "id",
            career.caveats.iter().map(|c| c.id.as_str()),
            Reserved::None,
        );
        for (index, caveat) in career.caveats.iter().enumerate() {
            let at = caveats.item(index, Some(&caveat.id));
            self.text(&at, "title", &caveat.title);
            let roles = at.field("roles");
            for (index, role) in caveat.roles.iter().enumerate() {
                self.role_ref(&roles.item(index, None), Target::Here, role);
            }
            if caveat.points.is_empty() {
                self.push(
                    &at,
                    Target::Field("points"),
                    "has no `points`; say what each side holds".to_owned(),
                );
            }
            let points = at.field("points");
            for (index, point) in caveat.points.iter().enumerate() {
                let at = points.item(index, None);
                self.cited(&at, &point.text, &point.sources);
            }
        }
    }

    /// A statement in our words with its sources.
    fn cited(&mut self, at: &At<'_>, text: &str, sources: &[Text]) {
        self.text(at, "text", text);
        self.cites(at, sources);
    }

    /// A question id must name a career question, and a value one of its
    /// choices; `target` is where they are written.
    fn answer_to(
        &mut self,
        at: &At<'_>,
        target: Target<'_>,
        career: &Career,
        question: &str,
        value: Option<&str>,
    ) {
        let Some(found) = career.questions.iter().find(|q| q.id == question) else {
            let ids: HashSet<&str> = career.questions.iter().map(|q| q.id.as_str()).collect();
            self.push(
                at,
                target,
                format!(
                    "names unknown question `{}`; career questions: {}",
                    shown(question),
                    known(&ids)
                ),
            );
            return;
        };
        let Some(value) = value else { return };
        if !found.choices.iter().any(|c| c.value == value) {
            let values: HashSet<&str> = found.choices.iter().map(|c| c.value.as_str()).collect();
            self.push(
                at,
                target,
                format!(
                    "question `{}` has no value `{}`; its values: {}",
                    shown(question),
                    shown(value),
                    known(&values)
                ),
            );
        }
    }

    fn shown_by(&mut self, at: &At<'_>, answers: &[ShownBy], career: &Career) {
        let list = at.field("shown_by");
        for (index, answer) in answers.iter().enumerate() {
            self.answer_to(
                &list.item(index, None),
                Target::Here,
                career,
                &answer.question,
                Some(&answer.value),
            );
        }
    }

    fn requirement(&mut self, at: &At<'_>, requirement: &Requirement, career: &Career) {
        self.cited(at, &requirement.text, &requirement.sources);
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
                at,
                Target::Field("kind"),
                format!(
                    "`kind: {kind}` is checked by `{wanted}` alone; give `{wanted}` and no other criterion"
                ),
            );
        }
        match requirement.kind {
            RequirementKind::Experience => {
                self.answer_to(at, Target::Field("kind"), career, YEARS_QUESTION, None);
            }
            RequirementKind::Degree => {
                self.answer_to(at, Target::Field("kind"), career, DEGREE_QUESTION, None);
            }
            RequirementKind::Background => {
                let list = at.field("backgrounds");
                for (index, value) in requirement.backgrounds.iter().enumerate() {
                    self.answer_to(
                        &list.item(index, None),
                        Target::Here,
                        career,
                        BACKGROUND_QUESTION,
                        Some(value),
                    );
                }
            }
            _ => {
                if let Some(question) = &requirement.question {
                    self.answer_to(at, Target::Field("question"), career, question, Some(YES));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::kb::KnowledgeBase;

    fn kb() -> KnowledgeBase {
        crate::library::Library::embedded().whole()
    }

    /// The career guide's problems, as `path: message`.
    fn messages(kb: &KnowledgeBase) -> Vec<String> {
        crate::kb::validate::messages_under(kb, &["career"])
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
        // Only the aims and the background give points.
        for question in &kb.career.questions {
            let weighted = question.choices.iter().any(|c| !c.weights.is_empty());
            let aims = ["interest", "audience", "background"].contains(&question.id.as_str());
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
        career.stepping_stones.get_mut("cto").expect("cto").steps[0].shown_by = vec![ShownBy {
            question: Text::from("salary"),
            value: Text::from("high"),
        }];
        let skills = career.skills.remove("cio").expect("cio");
        career.skills.insert(Text::from("cfo"), skills);
        career.caveats[0].points[0].text = Text::from(" ");
        let found = messages(&kb);
        let expected = [
            "career.stepping_stones.cio.steps[0].shown_by[0]: question `background` has no value `sales`",
            "career.stepping_stones.cto.steps[0].shown_by[0]: names unknown question `salary`",
            "career.skills: names unknown role `cfo`; known roles: `cio`, `cto`",
            "career.skills.cto[0].sources[0]: cites unknown source `blog`",
            "career.caveats.seniority.points[0]: `text` is empty",
        ];
        assert_eq!(found.len(), expected.len(), "{found:#?}");
        for (found, expected) in found.iter().zip(expected) {
            assert!(found.starts_with(expected), "{found}\n{:#?}", messages(&kb));
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
            [
                "career.questions.years: needs at least two `choices`, or `number: true` for a question answered with a number"
            ]
        );
    }

    #[test]
    fn degrees_rank_none_bachelor_master() {
        assert!(Degree::None < Degree::Bachelor && Degree::Bachelor < Degree::Master);
        assert_eq!(Degree::from_answer("master"), Some(Degree::Master));
        assert_eq!(Degree::from_answer("phd"), None);
    }
}
