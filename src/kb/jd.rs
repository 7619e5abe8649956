//! The job postings (`data/jd.yaml`): for each role, what `roles jd` prints, in
//! the second person and our words, each item citing the articles that say it,
//! marked for the brief and the fractional postings and tagged with the hiring
//! needs (`advise`'s `needs` values) it answers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The id of the hiring question whose values an item's `needs` name.
pub const NEEDS_QUESTION: &str = "needs";

/// Each role's job posting, keyed by role id.
pub type Postings = BTreeMap<String, Posting>;

/// One role's job posting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Posting {
    /// The opening paragraph, addressed to the candidate.
    pub about: Paragraph,
    /// The engagement paragraph of the fractional posting.
    pub fractional_engagement: Paragraph,
    /// What the person will do.
    #[serde(default)]
    pub duties: Vec<PostingItem>,
    /// What success may be measured by.
    #[serde(default)]
    pub measures: Vec<PostingItem>,
    /// What a candidate must bring.
    #[serde(default)]
    pub requirements: Vec<PostingItem>,
    /// What helps but is not required.
    #[serde(default)]
    pub assets: Vec<PostingItem>,
    /// Where candidates may come from.
    #[serde(default)]
    pub backgrounds: Vec<PostingItem>,
}

/// A paragraph in our words with its sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// The paragraph, in the second person.
    pub text: String,
    /// Ids of the sources that say it.
    pub sources: Vec<String>,
}

/// One line of a posting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostingItem {
    /// The line, in the second person and our words.
    pub text: String,
    /// Ids of every source that says it.
    pub sources: Vec<String>,
    /// Whether the one-screen posting (`--brief`) keeps it.
    #[serde(default)]
    pub brief: bool,
    /// Whether it fits a part-time, fractional engagement (`--fractional`).
    #[serde(default)]
    pub fractional: bool,
    /// The hiring needs (values of `advise`'s `needs` question) it answers.
    #[serde(default)]
    pub needs: Vec<String>,
}
