//! Checks that hold across a knowledge base once it has parsed: ids unique, every
//! reference resolving, no empty text. Every problem is collected, not only the first.

use std::collections::HashSet;

use super::model::{Fact, KB_SCHEMA_VERSION, KnowledgeBase, Questionnaire, Text};
use super::problem::Problem;

/// Returns every problem found in `kb`; an empty list means it is valid.
pub fn validate(kb: &KnowledgeBase) -> Vec<Problem> {
    let mut check = Checker {
        problems: Vec::new(),
        sources: kb.sources.iter().map(|s| s.id.as_str()).collect(),
        roles: kb.roles.iter().map(|r| r.id.as_str()).collect(),
    };
    if kb.schema_version != KB_SCHEMA_VERSION {
        check.problems.push(Problem::at(
            "schema_version",
            format!(
                "unsupported version {}; this build reads version {KB_SCHEMA_VERSION}",
                kb.schema_version
            ),
        ));
    }
    check.sources(kb);
    check.roles(kb);
    check.dimensions(kb);
    for topic in &kb.topics {
        let path = format!("topics.{}", topic.id);
        check.text(&path, "title", &topic.title);
        check.facts(&path, &topic.facts);
    }
    check.unique_ids("topics", kb.topics.iter().map(|t| t.id.as_str()));
    check.questionnaire(&kb.questionnaire);
    check.problems.extend(super::career::validate_career(kb));
    check.problems.extend(super::browse::validate_browse(kb));
    check.problems
}

struct Checker<'a> {
    problems: Vec<Problem>,
    sources: HashSet<&'a str>,
    roles: HashSet<&'a str>,
}

impl<'a> Checker<'a> {
    fn push(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    /// Ids must be non-empty, lower-case words joined by `-`, and unique in their list.
    fn unique_ids<'i>(&mut self, list: &str, ids: impl Iterator<Item = &'i str>) {
        let mut seen = HashSet::new();
        for id in ids {
            if id.trim().is_empty() {
                self.push(Problem::at(
                    list,
                    "an `id` is empty; give every entry a short id",
                ));
                continue;
            }
            if !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                self.push(
                    Problem::at(
                        list,
                        format!("id `{id}` must be lower-case letters, digits and `-`"),
                    )
                    .pointing_at(id),
                );
            }
            if !seen.insert(id) {
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

    fn cites(&mut self, path: &str, sources: &[Text]) {
        if sources.is_empty() {
            self.push(Problem::at(
                path,
                "cites no source; list at least one id from `sources`",
            ));
        }
        for id in sources {
            if !self.sources.contains(id.as_str()) {
                let known = sorted(&self.sources);
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

    fn role_ref(&mut self, path: &str, id: &str) {
        if !self.roles.contains(id) {
            let known = sorted(&self.roles);
            self.push(
                Problem::at(
                    path,
                    format!("names unknown role `{id}`; known roles: {known}"),
                )
                .pointing_at(id),
            );
        }
    }

    fn fact(&mut self, path: &str, fact: &Fact) {
        self.text(path, "text", &fact.text);
        self.cites(path, &fact.sources);
        for role in &fact.roles {
            self.role_ref(path, role);
        }
    }

    fn facts(&mut self, path: &str, facts: &[Fact]) {
        for (index, fact) in facts.iter().enumerate() {
            self.fact(&format!("{path}.facts[{index}]"), fact);
        }
    }

    fn sources(&mut self, kb: &KnowledgeBase) {
        if kb.sources.is_empty() {
            self.push(Problem::at(
                "sources",
                "is empty; list the articles facts cite",
            ));
        }
        self.unique_ids("sources", kb.sources.iter().map(|s| s.id.as_str()));
        for source in &kb.sources {
            let path = format!("sources.{}", source.id);
            self.text(&path, "title", &source.title);
            self.text(&path, "file", &source.file);
        }
    }

    fn roles(&mut self, kb: &KnowledgeBase) {
        if kb.roles.is_empty() {
            self.push(Problem::at(
                "roles",
                "is empty; a knowledge base needs at least one role",
            ));
        }
        self.unique_ids("roles", kb.roles.iter().map(|r| r.id.as_str()));
        for role in &kb.roles {
            let path = format!("roles.{}", role.id);
            self.text(&path, "name", &role.name);
            self.fact(&format!("{path}.summary"), &role.summary);
            self.unique_ids(
                &format!("{path}.sections"),
                role.sections.iter().map(|s| s.id.as_str()),
            );
            for section in &role.sections {
                let path = format!("{path}.sections.{}", section.id);
                self.text(&path, "title", &section.title);
                self.facts(&path, &section.facts);
            }
            for (index, salary) in role.salaries.iter().enumerate() {
                let path = format!("{path}.salaries[{index}]");
                for (field, value) in [
                    ("figure", &salary.figure),
                    ("basis", &salary.basis),
                    ("place", &salary.place),
                    ("as_of", &salary.as_of),
                ] {
                    self.text(&path, field, value);
                }
                for caveat in &salary.caveats {
                    self.text(&path, "caveats", caveat);
                }
                self.cites(&path, &salary.sources);
            }
        }
    }

    fn dimensions(&mut self, kb: &KnowledgeBase) {
        self.unique_ids("dimensions", kb.dimensions.iter().map(|d| d.id.as_str()));
        for dimension in &kb.dimensions {
            let path = format!("dimensions.{}", dimension.id);
            self.text(&path, "name", &dimension.name);
            for caveat in &dimension.caveats {
                self.text(&path, "caveats", caveat);
            }
            if dimension.values.is_empty() {
                self.push(Problem::at(
                    &path,
                    "has no `values`; give a value for each role",
                ));
            }
            for (role, value) in &dimension.values {
                self.role_ref(&format!("{path}.values"), role);
                self.fact(&format!("{path}.values.{role}"), value);
            }
        }
    }

    fn questionnaire(&mut self, questionnaire: &Questionnaire) {
        let questions = &questionnaire.questions;
        self.unique_ids(
            "questionnaire.questions",
            questions.iter().map(|q| q.id.as_str()),
        );
        for question in questions {
            let path = format!("questionnaire.questions.{}", question.id);
            self.text(&path, "text", &question.text);
            self.text(&path, "hint", &question.hint);
            if !question.number && question.choices.len() < 2 {
                self.push(Problem::at(&path, "needs at least two `choices`"));
            }
            self.unique_ids(
                &format!("{path}.choices"),
                question.choices.iter().map(|c| c.value.as_str()),
            );
            for choice in &question.choices {
                let path = format!("{path}.choices.{}", choice.value);
                self.text(&path, "label", &choice.label);
                for role in choice.weights.keys() {
                    self.role_ref(&format!("{path}.weights"), role);
                }
                self.fact(&format!("{path}.reason"), &choice.reason);
            }
        }
    }
}

fn sorted(ids: &HashSet<&str>) -> String {
    let mut ids: Vec<_> = ids.iter().map(|id| format!("`{id}`")).collect();
    ids.sort();
    if ids.is_empty() {
        "none".into()
    } else {
        ids.join(", ")
    }
}
