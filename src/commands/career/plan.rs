//! [`CareerPlan`]: what `roles career` tells a professional. Its serialisation is
//! the JSON and YAML contract, so field names here are stable.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::commands::RoleRef;
use crate::kb::career::{Caveat, RequirementKind, Strength};

/// Version of `roles career`'s JSON: 2 made `confidence` the shared shape
/// (`null` without a track) and added `tie`, `deciding_questions` and each
/// qualification's `name` and `required`.
pub const CAREER_SCHEMA_VERSION: u32 = 2;

/// The full result of `roles career`.
#[derive(Debug, Clone, Serialize)]
pub struct CareerPlan {
    /// Output shape version.
    pub schema_version: u32,
    /// A role id, or `null` when the track is undecided: no answer bears on it,
    /// or the leading roles tie (separate careers: there is no "both" track).
    pub track: Option<String>,
    /// The role of the track (none when `track` is `null`).
    pub track_roles: Vec<RoleRef>,
    /// How clearly the answers point to the track; `null` without a track.
    pub confidence: Option<Confidence>,
    /// Points per role id from the answers that bear on the track.
    pub scores: BTreeMap<String, i32>,
    /// Whether the leading roles tie, leaving the track undecided.
    pub tie: bool,
    /// When the track is undecided: the unanswered questions that would decide it.
    pub deciding_questions: Vec<String>,
    /// One entry per answer that bore on the track, in question order.
    pub reasons: Vec<Reason>,
    /// The roles the qualifications, paths and skills below are for: the track's,
    /// or every role when there is no track.
    pub covers: Vec<String>,
    /// Qualifications of the roles in `covers` the answers fall short of.
    pub gaps: Vec<Qualification>,
    /// Qualifications the answers meet.
    pub met: Vec<Qualification>,
    /// Qualifications whose question is unanswered: neither met nor a gap.
    pub unknown: Vec<Qualification>,
    /// The usual path into each role in `covers`.
    pub stepping_stones: Vec<PathPlan>,
    /// The skills each role in `covers` needs.
    pub skills: Vec<SkillPlan>,
    /// Single answer changes that would change the track, the biggest first.
    pub flips: Vec<Flip>,
    /// Disagreements between the articles that bear on the track.
    pub caveats: Vec<Caveat>,
    /// The answers used, by question id (`years` as a decimal string).
    pub answers: BTreeMap<String, Vec<String>>,
    /// Ids of the questions left without an answer.
    pub unanswered: Vec<String>,
    /// The articles this plan cites, in knowledge-base order.
    pub sources: Vec<SourceRef>,
}

/// One qualification of a role, checked against the answers.
#[derive(Debug, Clone, Serialize)]
pub struct Qualification {
    /// What it is, in words: `IT degree`, `advanced degree`, `experience`.
    pub name: String,
    /// Whether the articles require it (required, necessary); otherwise it helps.
    pub required: bool,
    /// What sort of qualification.
    pub kind: RequirementKind,
    /// The role it is for.
    pub role: String,
    /// How firmly the article words it.
    pub strength: Strength,
    /// What the articles say.
    pub text: String,
    /// How the answer stands against it: how far off for a gap, what meets it for
    /// a met one, the question to answer for an unknown one.
    pub detail: String,
    /// For an experience gap: the years still to go.
    pub years_to_go: Option<u32>,
    /// The question it is checked against.
    pub question: String,
    /// The sources behind it.
    pub sources: Vec<String>,
}

/// The usual path into one role.
#[derive(Debug, Clone, Serialize)]
pub struct PathPlan {
    /// The role.
    pub role: String,
    /// Whether the steps are a progression (`false`: in no set order).
    pub ordered: bool,
    /// The steps.
    pub steps: Vec<StepPlan>,
}

/// One stepping stone, and whether the answers suggest it is behind the person.
#[derive(Debug, Clone, Serialize)]
pub struct StepPlan {
    /// The step.
    pub text: String,
    /// The sources that give it.
    pub sources: Vec<String>,
    /// `true` when an answer suggests the step is taken, `false` when the answers
    /// that would show it were given otherwise, `null` when nothing tells.
    pub reached: Option<bool>,
}

/// One skill a role needs, and whether the answers suggest the person has it.
#[derive(Debug, Clone, Serialize)]
pub struct SkillPlan {
    /// The role that needs it.
    pub role: String,
    /// The skill.
    pub text: String,
    /// The sources that name it.
    pub sources: Vec<String>,
    /// `true` when an answer suggests it, `false` when the answers that would show
    /// it were given otherwise, `null` when nothing tells.
    pub have: Option<bool>,
}

pub use crate::questionnaire::engine::{Confidence, Flip, Reason, SourceRef};
