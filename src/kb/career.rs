//! The career guide (`data/career.yaml`): the questionnaire for a professional
//! weighing the tracks, each role's qualifications as the articles give them
//! (each with a criterion an answer can be checked against), the usual stepping
//! stones, the skills to build, and the disagreements between the articles that
//! matter to a person choosing a track.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use super::model::Basis;
use super::model::{Question, unique_keys};

/// The id of the question whose answer is the years of work experience.
pub const YEARS_QUESTION: &str = "years";
/// The id of the question whose answer is the highest degree.
pub const DEGREE_QUESTION: &str = "degree";
/// The id of the question whose answer is where the career has been so far.
pub const BACKGROUND_QUESTION: &str = "background";
/// The answer that meets a requirement checked against a yes-or-no question.
pub const YES: &str = "yes";

/// The career guide behind `roles career`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Career {
    /// The questions, in the order they are asked; only the choices whose
    /// `weights` give points bear on the track.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// Each role's qualifications, keyed by role id.
    #[serde(default, deserialize_with = "unique_keys")]
    pub requirements: BTreeMap<String, Vec<Requirement>>,
    /// Each role's usual path, keyed by role id.
    #[serde(default, deserialize_with = "unique_keys")]
    pub stepping_stones: BTreeMap<String, CareerPath>,
    /// Each role's skills to build, keyed by role id.
    #[serde(default, deserialize_with = "unique_keys")]
    pub skills: BTreeMap<String, Vec<Attainment>>,
    /// Disagreements between the articles that matter to a person choosing a track.
    #[serde(default)]
    pub caveats: Vec<Caveat>,
}

/// One qualification for a role, with the criterion that checks an answer against it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// What sort of qualification it is.
    pub kind: RequirementKind,
    /// What the articles say, in our words.
    pub text: String,
    /// Ids of the sources that say it.
    pub sources: Vec<String>,
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
    pub question: Option<String>,
    /// For `background`: the values of the `background` question that meet it.
    #[serde(default)]
    pub backgrounds: Vec<String>,
}

/// The sorts of qualification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
    pub fn as_str(self) -> String {
        format!("{self:?}").to_lowercase()
    }
}

/// How firmly an article words a qualification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
    pub fn as_str(self) -> String {
        format!("{self:?}").to_lowercase()
    }
}

/// A degree level, lowest first; an advanced degree counts as `master`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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
        let value = serde::de::value::StrDeserializer::<serde::de::value::Error>::new(value);
        Degree::deserialize(value).ok()
    }
}

/// The usual path into a role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CareerPath {
    /// Whether the article gives the steps as a progression (`false`: a list of
    /// the roles the path involves, in no set order).
    #[serde(default)]
    pub ordered: bool,
    /// The steps.
    pub steps: Vec<Attainment>,
}

/// A stepping stone on a path, or a skill a role needs: what a person may
/// already have.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attainment {
    /// The step or skill, in our words.
    pub text: String,
    /// Ids of the sources that give it.
    pub sources: Vec<String>,
    /// Answers that suggest the person already has it.
    #[serde(default)]
    pub shown_by: Vec<ShownBy>,
}

/// An answer: one value of one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShownBy {
    /// The question id.
    pub question: String,
    /// The value.
    pub value: String,
}

/// A disagreement between the articles that matters to a person choosing a track.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caveat {
    /// Short id, e.g. `seniority`.
    pub id: String,
    /// The question in dispute, e.g. "Is one track more senior?".
    pub title: String,
    /// The tracks it applies to (empty: every track).
    #[serde(default)]
    pub roles: Vec<String>,
    /// What each side says, or what we read into it.
    pub points: Vec<CaveatPoint>,
}

/// One side of a disagreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaveatPoint {
    /// The statement, in our words.
    pub text: String,
    /// Ids of the sources it rests on.
    pub sources: Vec<String>,
    /// Whether an article says it or we infer it.
    #[serde(default)]
    pub basis: Basis,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degrees_rank_none_bachelor_master_and_read_and_print_as_in_data() {
        assert!(Degree::None < Degree::Bachelor && Degree::Bachelor < Degree::Master);
        assert_eq!(Degree::from_answer("master"), Some(Degree::Master));
        assert_eq!(Degree::from_answer("phd"), None);
        assert_eq!(RequirementKind::Certifications.as_str(), "certifications");
        assert_eq!(Strength::Typical.as_str(), "typical");
    }
}
