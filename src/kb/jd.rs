//! The job postings (`data/jd.yaml`): for each role, what `roles jd` prints, in
//! the second person and our words, each item citing the articles that say it,
//! marked for the brief and the fractional postings and tagged with the hiring
//! needs (`advise`'s `needs` values) it answers. Its checks live here too.
//!
//! Like the rest of [`super`], this compiles into `build.rs` as well, so it
//! refers only to its sibling modules, std and the serde crates.

use std::collections::{BTreeMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::{Questionnaire, Text};
use super::text::shown;
use super::validate::{At, Checker, Target, known};

/// The id of the hiring question whose values an item's `needs` name.
pub const NEEDS_QUESTION: &str = "needs";

/// Each role's job posting, keyed by role id.
pub type Postings = BTreeMap<Text, Posting>;

/// One role's job posting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// The paragraph, in the second person.
    pub text: Text,
    /// Ids of the sources that say it.
    pub sources: Vec<Text>,
}

/// One line of a posting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostingItem {
    /// The line, in the second person and our words.
    pub text: Text,
    /// Ids of every source that says it.
    pub sources: Vec<Text>,
    /// Whether the one-screen posting (`--brief`) keeps it.
    #[serde(default)]
    pub brief: bool,
    /// Whether it fits a part-time, fractional engagement (`--fractional`).
    #[serde(default)]
    pub fractional: bool,
    /// The hiring needs (values of `advise`'s `needs` question) it answers.
    #[serde(default)]
    pub needs: Vec<Text>,
}

impl Checker<'_> {
    /// The postings: each keyed by a known role, every paragraph and item
    /// written and citing known sources, and every `needs` value one the
    /// hiring questionnaire offers.
    pub(super) fn jd(&mut self, postings: &Postings, questionnaire: &Questionnaire) {
        let root = At::ROOT.field("jd");
        let needs: HashSet<&str> = questionnaire
            .questions
            .iter()
            .filter(|q| q.id == NEEDS_QUESTION)
            .flat_map(|q| q.choices.iter().map(|c| c.value.as_str()))
            .collect();
        for (role, posting) in postings {
            self.role_ref(&root, Target::Key(role), role);
            let at = root.entry(role);
            for (field, paragraph) in [
                ("about", &posting.about),
                ("fractional_engagement", &posting.fractional_engagement),
            ] {
                let at = at.field(field);
                self.text(&at, "text", &paragraph.text);
                self.cites(&at, &paragraph.sources);
            }
            for (field, items) in [
                ("duties", &posting.duties),
                ("measures", &posting.measures),
                ("requirements", &posting.requirements),
                ("assets", &posting.assets),
                ("backgrounds", &posting.backgrounds),
            ] {
                let list = at.field(field);
                for (index, item) in items.iter().enumerate() {
                    let at = list.item(index, None);
                    self.text(&at, "text", &item.text);
                    self.cites(&at, &item.sources);
                    let values = at.field("needs");
                    for (index, need) in item.needs.iter().enumerate() {
                        if !needs.contains(need.as_str()) {
                            self.push(
                                &values.item(index, None),
                                Target::Here,
                                format!(
                                    "names unknown need `{}`; the `{NEEDS_QUESTION}` question offers: {}",
                                    shown(need),
                                    known(&needs)
                                ),
                            );
                        }
                    }
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

    /// The postings' problems, as `path: message`.
    fn messages(kb: &KnowledgeBase) -> Vec<String> {
        crate::kb::validate::messages_under(kb, &["jd"])
    }

    #[test]
    fn the_embedded_postings_are_valid_and_cover_every_role() {
        let kb = kb();
        assert_eq!(messages(&kb), Vec::<String>::new());
        for role in &kb.roles {
            let posting = kb.jd.get(role.id.as_str());
            assert!(posting.is_some_and(|p| !p.duties.is_empty()), "{}", role.id);
        }
    }

    #[test]
    fn the_fractional_engagements_cite_only_key_differences() {
        for (role, posting) in &kb().jd {
            assert_eq!(
                posting.fractional_engagement.sources,
                [Text::from("key-differences")],
                "{role}"
            );
        }
    }

    #[test]
    fn unknown_roles_sources_and_needs_are_reported() {
        let mut kb = kb();
        let mut posting = kb.jd.get("cto").cloned().expect("a cto posting");
        posting.duties[0].needs.push("telepathy".into());
        posting.duties[0].sources.push("rumour".into());
        kb.jd.insert("cfo".into(), posting);
        let found = messages(&kb).join("\n");
        assert!(found.contains("jd.cfo"), "{found}");
        assert!(found.contains("telepathy"), "{found}");
        assert!(found.contains("rumour"), "{found}");
    }
}
