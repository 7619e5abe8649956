//! The whole knowledge base: what `--kb FILE` loads and `roles kb dump` prints,
//! made of the parts in the sibling modules.

use serde::{Deserialize, Serialize};

use super::career::Career;
use super::disputes::{Area, Dispute};
use super::jd::Postings;
use super::model::{Dimension, Questionnaire, Role, Source, Topic, unique_keys};

/// The version of the knowledge-base file format this build reads and writes.
pub const KB_SCHEMA_VERSION: u32 = 1;

/// A whole knowledge base: what `--kb FILE` loads and `roles kb dump` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
