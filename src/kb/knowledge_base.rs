//! The whole knowledge base: what `--kb FILE` loads and `roles kb dump` prints,
//! made of the parts in the sibling modules, and the one walk that checks it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::career::Career;
use super::disputes::{Area, Dispute};
use super::jd::Postings;
use super::model::{Dimension, Questionnaire, Role, Source, Topic, unique_keys};
use super::problem::Problem;
use super::validate::{At, Checker, Target};

/// The version of the knowledge-base file format this build reads and writes.
pub const KB_SCHEMA_VERSION: u32 = 1;

/// A whole knowledge base: what `--kb FILE` loads and `roles kb dump` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KnowledgeBase {
    /// File-format version; must equal [`KB_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The articles every fact cites.
    pub sources: Vec<Source>,
    /// The roles, in the order they are shown.
    pub roles: Vec<Role>,
    /// The rows of `roles compare`, each with a value per role.
    pub dimensions: Vec<Dimension>,
    /// Facts about the roles together: similarities, when to hire both, …
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// The hiring questionnaire behind `roles advise`.
    #[serde(default)]
    pub questionnaire: Questionnaire,
    /// The career guide behind `roles career`.
    #[serde(default)]
    pub career: Career,
    /// Where the articles disagree, as questions with their views side by side.
    #[serde(default)]
    pub disputes: Vec<Dispute>,
    /// Who owns what in a company that has both roles.
    #[serde(default)]
    pub areas: Vec<Area>,
    /// Each role's job posting (`roles jd`), keyed by role id.
    #[serde(default, deserialize_with = "unique_keys")]
    pub jd: Postings,
}

/// Returns the problems found in `kb` (the first `KEPT_PROBLEMS` of them);
/// an empty list means it is valid.
pub fn validate(kb: &KnowledgeBase) -> Vec<Problem> {
    check(kb).0
}

/// The problems found in `kb`, part by part in one walk: the first
/// `KEPT_PROBLEMS`, each naming its node, and how many more there are.
pub fn check(kb: &KnowledgeBase) -> (Vec<Problem>, usize) {
    let mut check = Checker::new(&kb.sources, &kb.roles);
    if kb.schema_version != KB_SCHEMA_VERSION {
        let message = format!(
            "unsupported version {}; this build reads version {KB_SCHEMA_VERSION}",
            kb.schema_version
        );
        check.push(&At::ROOT.field("schema_version"), Target::Here, message);
    }
    check.sources(&kb.sources);
    check.roles(&kb.roles);
    check.dimensions(&kb.dimensions);
    check.topics(&kb.topics);
    let questionnaire = At::ROOT.field("questionnaire");
    check.questions(
        &questionnaire.field("questions"),
        &kb.questionnaire.questions,
    );
    check.career(&kb.career);
    check.disputes(&kb.disputes);
    check.areas(&kb.areas, &kb.disputes);
    check.jd(&kb.jd, &kb.questionnaire);
    check.finish()
}
