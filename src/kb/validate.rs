//! The checks a knowledge base must pass once it has parsed, part by part: ids
//! well-formed, unique and not reserved; every reference resolving; no empty
//! text and no control character in any text; weights within bounds. Every
//! problem is collected in one walk (see `knowledge_base::check`), each naming
//! its node as a path of [`Step`]s that the loader resolves to a line and
//! column; messages stay short (values cut to 80 characters, known ids to 10).
//!
//! Weights are bounded so that scores cannot overflow: a score adds at most one
//! weight (within ±[`MAX_WEIGHT`]) per choice, and a file under the 8 MiB cap
//! holds fewer than 420,000 choices, so no sum passes ±42,000,000.

use std::collections::{HashMap, HashSet};

use super::career::{
    BACKGROUND_QUESTION, Career, DEGREE_QUESTION, Requirement, RequirementKind, ShownBy,
    YEARS_QUESTION, YES,
};
use super::disputes::{Area, DISPUTED, DIVIDED, Dispute, SHARED};
use super::jd::{NEEDS_QUESTION, Postings};
use super::model::{Dimension, Fact, Question, Questionnaire, Role, Salary, Source, Topic};
use super::problem::{KEPT_PROBLEMS, Problem, Step};
use super::text::{is_forbidden_control, is_invisible, shown};

/// The largest weight (and `both`, `fractional`, `full_time` point) a choice
/// may give, either way.
pub const MAX_WEIGHT: i32 = 100;

/// How many known ids a message lists before `…`.
pub const LISTED_IDS: usize = 10;

/// A place in the model, as a chain back to the root kept on the stack: the
/// path of a problem is only built when there is one.
#[derive(Clone, Copy)]
pub(super) struct At<'a> {
    parent: Option<&'a At<'a>>,
    segment: Segment<'a>,
}

#[derive(Clone, Copy)]
enum Segment<'a> {
    Root,
    /// A field of a struct, or a key of the file format.
    Field(&'static str),
    /// An item of a list, shown by its id when it has one.
    Item {
        index: usize,
        id: Option<&'a str>,
    },
    /// The entry of a map with this key (map keys are role ids).
    Entry(&'a str),
}

/// Which node a problem points at, from its place.
pub(super) enum Target<'a> {
    /// The place itself.
    Here,
    /// The value of a field under it.
    Field(&'static str),
    /// The key of a map entry under it.
    Key(&'a str),
}

impl<'a> At<'a> {
    pub(super) const ROOT: At<'static> = At {
        parent: None,
        segment: Segment::Root,
    };

    fn under(&'a self, segment: Segment<'a>) -> At<'a> {
        At {
            parent: Some(self),
            segment,
        }
    }

    pub(super) fn field(&'a self, name: &'static str) -> At<'a> {
        self.under(Segment::Field(name))
    }

    fn item(&'a self, index: usize, id: Option<&'a str>) -> At<'a> {
        self.under(Segment::Item { index, id })
    }

    fn entry(&'a self, key: &'a str) -> At<'a> {
        self.under(Segment::Entry(key))
    }

    fn segments(&self) -> Vec<Segment<'a>> {
        let mut segments = vec![self.segment];
        let mut next = self.parent;
        while let Some(at) = next {
            segments.push(at.segment);
            next = at.parent;
        }
        segments.reverse();
        segments
    }

    /// The path for people: `roles.cto.sections.kpis.facts[2]`.
    fn path(&self) -> String {
        let mut path = String::new();
        for segment in self.segments() {
            match segment {
                Segment::Root => {}
                Segment::Field(name) if path.is_empty() => path.push_str(name),
                Segment::Field(name) => path.push_str(&format!(".{name}")),
                Segment::Item { id: Some(id), .. } if !id.trim().is_empty() => {
                    path.push_str(&format!(".{}", shown(id)));
                }
                Segment::Item { index, .. } => path.push_str(&format!("[{index}]")),
                Segment::Entry(key) => path.push_str(&format!(".{}", shown(key))),
            }
        }
        path
    }

    /// The node in the document tree.
    fn node(&self, target: &Target<'_>) -> Vec<Step> {
        let mut node: Vec<Step> = self
            .segments()
            .into_iter()
            .filter_map(|segment| match segment {
                Segment::Root => None,
                Segment::Field(name) | Segment::Entry(name) => Some(Step::Value(name.to_owned())),
                Segment::Item { index, .. } => Some(Step::Item(index)),
            })
            .collect();
        match target {
            Target::Here => {}
            Target::Field(name) => node.push(Step::Value((*name).to_owned())),
            Target::Key(key) => node.push(Step::Key((*key).to_owned())),
        }
        node
    }
}

/// Ids a list may not use, and why: role ids that would make `advise`'s output
/// ambiguous, and section ids `roles show` uses for its own parts.
type Reserved = (&'static [&'static str], &'static str);
const ANY_ID: Reserved = (&[], "");
const ROLE_IDS: Reserved = (
    &["both", "fractional", "full-time"],
    "`roles advise` recommends `both`, `fractional` or `full-time`",
);
const SECTION_IDS: Reserved = (
    &["overview", "salary"],
    "`roles show` uses `overview` and `salary` for its own parts",
);

/// Collects the problems of one knowledge base in one walk.
pub(super) struct Checker<'a> {
    problems: Vec<Problem>,
    /// Problems found past [`KEPT_PROBLEMS`], counted only.
    more: usize,
    sources: HashSet<&'a str>,
    roles: HashSet<&'a str>,
    /// The known-id lists for messages, made once when first needed.
    known_sources: Option<String>,
    known_roles: Option<String>,
}

impl<'a> Checker<'a> {
    /// A checker for a knowledge base with these sources and roles.
    pub(super) fn new(sources: &'a [Source], roles: &'a [Role]) -> Self {
        Checker {
            problems: Vec::new(),
            more: 0,
            sources: sources.iter().map(|s| s.id.as_str()).collect(),
            roles: roles.iter().map(|r| r.id.as_str()).collect(),
            known_sources: None,
            known_roles: None,
        }
    }

    /// The first [`KEPT_PROBLEMS`] problems found, and how many more there are.
    pub(super) fn finish(self) -> (Vec<Problem>, usize) {
        (self.problems, self.more)
    }

    pub(super) fn push(&mut self, at: &At<'_>, target: Target<'_>, message: String) {
        self.keep(|| Problem::at(at.path(), message).on(at.node(&target)));
    }

    /// Keeps a problem, or counts it once [`KEPT_PROBLEMS`] are kept.
    fn keep(&mut self, problem: impl FnOnce() -> Problem) {
        if self.problems.len() >= KEPT_PROBLEMS {
            self.more += 1;
        } else {
            self.problems.push(problem());
        }
    }

    /// Ids must be non-empty, lower-case words joined by `-`, unique in their
    /// list ignoring case, and not reserved. `field` names the id's key.
    fn unique_ids<'i>(
        &mut self,
        list: &At<'_>,
        field: &'static str,
        ids: impl Iterator<Item = &'i str>,
        (reserved, why): Reserved,
    ) {
        let mut seen: HashMap<String, &'i str> = HashMap::new();
        for (index, id) in ids.enumerate() {
            // The list is the problem's path (the id is in the message); the
            // id itself is its place.
            let item = list.item(index, None);
            let mut report = |message: String| {
                self.keep(|| {
                    Problem::at(list.path(), message).on(item.node(&Target::Field(field)))
                });
            };
            if id.trim().is_empty() {
                report(format!(
                    "an `{field}` is empty; give every entry a short id"
                ));
                continue;
            }
            let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
            if !id.chars().all(allowed) {
                report(format!(
                    "id `{}` must be lower-case letters, digits and `-`",
                    shown(id)
                ));
            }
            if reserved.contains(&id) {
                report(format!("id `{id}` is reserved ({why}); choose another id"));
            }
            match seen.get(&id.to_lowercase()) {
                Some(first) if *first == id => report(format!(
                    "duplicate id `{}`; ids must be unique in a list",
                    shown(id)
                )),
                Some(first) => report(format!(
                    "duplicate id `{}` (the same as `{}` ignoring case); ids must be unique in a list",
                    shown(id),
                    shown(first)
                )),
                None => {
                    seen.insert(id.to_lowercase(), id);
                }
            }
        }
    }

    /// Texts that must be written: not blank, no control characters.
    fn texts(&mut self, at: &At<'_>, fields: &[(&'static str, &str)]) {
        for &(field, value) in fields {
            if value.trim().is_empty() {
                self.push(
                    at,
                    Target::Field(field),
                    format!("`{field}` is empty; write the text or remove the entry"),
                );
            } else {
                self.controls(at, Target::Field(field), field, value);
            }
        }
    }

    /// Optional texts: no control characters.
    fn optionals(&mut self, at: &At<'_>, fields: &[(&'static str, &Option<String>)]) {
        for &(field, value) in fields {
            if let Some(value) = value {
                self.controls(at, Target::Field(field), field, value);
            }
        }
    }

    /// Refuses C0 controls (but line feed), DEL and C1 controls: ESC starts
    /// terminal sequences, whether written raw or as a YAML escape, and a tab
    /// breaks a table's columns. A name, label, title, theme or alias is one
    /// line (a line feed would break a Markdown table's header) and refuses
    /// invisible characters (bidi controls, zero-width and tag characters),
    /// which would make two names that read the same differ; longer text
    /// keeps them, shown escaped.
    fn controls(&mut self, at: &At<'_>, target: Target<'_>, what: &str, value: &str) {
        let short = ["name", "label", "title", "theme", "aliases"].contains(&what);
        let bad = |c: char| is_forbidden_control(c) || (short && (is_invisible(c) || c == '\n'));
        if let Some(c) = value.chars().find(|&c| bad(c)) {
            let kind = if is_invisible(c) {
                "invisible"
            } else {
                "control"
            };
            self.push(
                at,
                target,
                format!(
                    "`{what}` contains the {kind} character U+{:04X}; remove it (terminal codes, tabs and hidden characters are not allowed here)",
                    u32::from(c)
                ),
            );
        }
    }

    /// Every item of a list of texts: with `written`, each must be written too.
    fn list(&mut self, at: &At<'_>, field: &'static str, items: &[String], written: bool) {
        let list = at.field(field);
        for (index, item) in items.iter().enumerate() {
            let at = list.item(index, None);
            if written && item.trim().is_empty() {
                self.push(
                    &at,
                    Target::Here,
                    format!("an item of `{field}` is empty; write it or remove it"),
                );
            } else {
                self.controls(&at, Target::Here, field, item);
            }
        }
    }

    /// A list that must not be empty.
    fn needs(&mut self, at: &At<'_>, field: &'static str, empty: bool, message: &str) {
        if empty {
            self.push(at, Target::Field(field), message.to_owned());
        }
    }

    /// A statement with its sources: written, citing at least one known source.
    fn cited(&mut self, at: &At<'_>, text: &str, sources: &[String]) {
        self.texts(at, &[("text", text)]);
        self.cites(at, sources);
    }

    fn cites(&mut self, at: &At<'_>, sources: &[String]) {
        let none = "cites no source; list at least one id from `sources`";
        self.needs(at, "sources", sources.is_empty(), none);
        let list = at.field("sources");
        for (index, id) in sources.iter().enumerate() {
            if !self.sources.contains(id.as_str()) {
                // Past the kept problems a citation is only counted: there may be 700,000.
                if self.problems.len() >= KEPT_PROBLEMS {
                    self.more += 1;
                    continue;
                }
                let sources = &self.sources;
                let known = self.known_sources.get_or_insert_with(|| known(sources));
                let message = format!(
                    "cites unknown source `{}`; known sources: {known}",
                    shown(id)
                );
                self.push(&list.item(index, None), Target::Here, message);
            }
        }
    }

    /// A role id used as a reference; `target` is where it is written.
    fn role_ref(&mut self, at: &At<'_>, target: Target<'_>, id: &str) {
        if !self.roles.contains(id) {
            let roles = &self.roles;
            let known = self.known_roles.get_or_insert_with(|| known(roles));
            let message = format!("names unknown role `{}`; known roles: {known}", shown(id));
            self.push(at, target, message);
        }
    }

    /// Role ids in a list, each a reference.
    fn role_refs(&mut self, at: &At<'_>, roles: &[String]) {
        let list = at.field("roles");
        for (index, role) in roles.iter().enumerate() {
            self.role_ref(&list.item(index, None), Target::Here, role);
        }
    }

    fn fact(&mut self, at: &At<'_>, fact: &Fact) {
        self.texts(at, &[("text", &fact.text)]);
        self.optionals(at, &[("theme", &fact.theme)]);
        self.cites(at, &fact.sources);
        self.role_refs(at, &fact.roles);
    }

    fn facts(&mut self, at: &At<'_>, facts: &[Fact]) {
        let list = at.field("facts");
        for (index, fact) in facts.iter().enumerate() {
            self.fact(&list.item(index, None), fact);
        }
    }

    pub(super) fn sources(&mut self, sources: &[Source]) {
        let list = At::ROOT.field("sources");
        if sources.is_empty() {
            let message = "is empty; list the articles facts cite".to_owned();
            self.push(&list, Target::Here, message);
        }
        self.unique_ids(&list, "id", sources.iter().map(|s| s.id.as_str()), ANY_ID);
        for (index, source) in sources.iter().enumerate() {
            let at = list.item(index, Some(&source.id));
            self.texts(&at, &[("title", &source.title), ("file", &source.file)]);
            let optional = [
                ("publisher", &source.publisher),
                ("date", &source.date),
                ("note", &source.note),
            ];
            self.optionals(&at, &optional);
        }
    }

    pub(super) fn roles(&mut self, roles: &[Role]) {
        let list = At::ROOT.field("roles");
        if roles.is_empty() {
            let message = "is empty; a knowledge base needs at least one role".to_owned();
            self.push(&list, Target::Here, message);
        }
        self.unique_ids(&list, "id", roles.iter().map(|r| r.id.as_str()), ROLE_IDS);
        for (index, role) in roles.iter().enumerate() {
            let at = list.item(index, Some(&role.id));
            self.texts(&at, &[("name", &role.name)]);
            self.fact(&at.field("summary"), &role.summary);
            let sections = at.field("sections");
            let ids = role.sections.iter().map(|s| s.id.as_str());
            self.unique_ids(&sections, "id", ids, SECTION_IDS);
            for (index, section) in role.sections.iter().enumerate() {
                let at = sections.item(index, Some(&section.id));
                self.texts(&at, &[("title", &section.title)]);
                self.facts(&at, &section.facts);
            }
            let salaries = at.field("salaries");
            for (index, salary) in role.salaries.iter().enumerate() {
                self.salary(&salaries.item(index, None), salary);
            }
        }
    }

    /// A salary's texts and sources; its `amount` is the number its `figure`
    /// prints (so scripts read the figure as reported), and its `currency` is a
    /// three-letter code.
    fn salary(&mut self, at: &At<'_>, salary: &Salary) {
        let written = [
            ("figure", salary.figure.as_str()),
            ("basis", &salary.basis),
            ("place", &salary.place),
            ("as_of", &salary.as_of),
        ];
        self.texts(at, &written);
        self.optionals(at, &[("data_from", &salary.data_from)]);
        self.list(at, "highest_paying", &salary.highest_paying, false);
        self.list(at, "caveats", &salary.caveats, true);
        self.cites(at, &salary.sources);
        let printed = printed_number(&salary.figure);
        if let Some(amount) = salary.amount
            && printed != Some(amount)
        {
            let printed = printed.map_or_else(|| "no number".to_owned(), |n| n.to_string());
            let message = format!(
                "`amount` is {amount} but `figure` prints {printed}; give the figure's own number"
            );
            self.push(at, Target::Field("amount"), message);
        }
        if let Some(currency) = &salary.currency
            && !(currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase()))
        {
            let message = format!(
                "`currency` is `{}`; expected an ISO 4217 code such as `CAD` or `USD`",
                shown(currency)
            );
            self.push(at, Target::Field("currency"), message);
        }
    }

    pub(super) fn dimensions(&mut self, dimensions: &[Dimension]) {
        let list = At::ROOT.field("dimensions");
        let ids = dimensions.iter().map(|d| d.id.as_str());
        self.unique_ids(&list, "id", ids, ANY_ID);
        for (index, dimension) in dimensions.iter().enumerate() {
            let at = list.item(index, Some(&dimension.id));
            self.texts(&at, &[("name", &dimension.name)]);
            self.optionals(&at, &[("description", &dimension.description)]);
            self.list(&at, "caveats", &dimension.caveats, true);
            let none = "has no `values`; give a value for each role";
            self.needs(&at, "values", dimension.values.is_empty(), none);
            let values = at.field("values");
            for (role, value) in &dimension.values {
                self.role_ref(&values, Target::Key(role), role);
                self.fact(&values.entry(role), value);
            }
        }
    }

    pub(super) fn topics(&mut self, topics: &[Topic]) {
        let list = At::ROOT.field("topics");
        self.unique_ids(&list, "id", topics.iter().map(|t| t.id.as_str()), ANY_ID);
        for (index, topic) in topics.iter().enumerate() {
            let at = list.item(index, Some(&topic.id));
            self.texts(&at, &[("title", &topic.title)]);
            self.facts(&at, &topic.facts);
        }
    }

    /// A questionnaire's questions (the hiring one, or the career guide's).
    pub(super) fn questions(&mut self, list: &At<'_>, questions: &[Question]) {
        self.unique_ids(list, "id", questions.iter().map(|q| q.id.as_str()), ANY_ID);
        for (index, question) in questions.iter().enumerate() {
            let at = list.item(index, Some(&question.id));
            self.texts(&at, &[("text", &question.text), ("hint", &question.hint)]);
            let few = "needs at least two `choices`, or `number: true` for a question answered with a number";
            self.needs(
                &at,
                "choices",
                !question.number && question.choices.len() < 2,
                few,
            );
            let choices = at.field("choices");
            let values = question.choices.iter().map(|c| c.value.as_str());
            self.unique_ids(&choices, "value", values, ANY_ID);
            for (index, choice) in question.choices.iter().enumerate() {
                let at = choices.item(index, Some(&choice.value));
                self.texts(&at, &[("label", &choice.label)]);
                let weights = at.field("weights");
                for (role, &weight) in &choice.weights {
                    self.role_ref(&weights, Target::Key(role), role);
                    self.weight(&weights.entry(role), Target::Here, role, weight);
                }
                for (field, points) in [
                    ("both", choice.both),
                    ("fractional", choice.fractional),
                    ("full_time", choice.full_time),
                ] {
                    self.weight(&at, Target::Field(field), field, points);
                }
                if let Some(role) = &choice.first {
                    self.role_ref(&at, Target::Field("first"), role);
                }
                self.fact(&at.field("reason"), &choice.reason);
                if let Some(caveat) = &choice.caveat {
                    self.fact(&at.field("caveat"), caveat);
                }
                let aliases = at.field("aliases");
                for (index, alias) in choice.aliases.iter().enumerate() {
                    let clash = question.choices.iter().any(|other| {
                        other.value == *alias
                            || (other.value != choice.value && other.aliases.contains(alias))
                    });
                    if clash {
                        let message = format!(
                            "alias `{}` is already a value or an alias of another choice; an alias must name one choice",
                            shown(alias)
                        );
                        self.push(&aliases.item(index, None), Target::Here, message);
                    }
                }
                self.list(&at, "aliases", &choice.aliases, false);
                if choice.at_least.is_some() && !question.number {
                    let message = "`at_least` maps a number to this choice, so it needs `number: true` on the question";
                    self.push(&at, Target::Field("at_least"), message.to_owned());
                }
            }
        }
    }

    fn weight(&mut self, at: &At<'_>, target: Target<'_>, what: &str, points: i32) {
        if points.abs() > MAX_WEIGHT {
            let message = format!(
                "`{}` gives {points} points; points go from -{MAX_WEIGHT} to {MAX_WEIGHT}",
                shown(what)
            );
            self.push(at, target, message);
        }
    }

    /// The career guide: its questions (as any questionnaire's), each role's
    /// requirements with exactly the criterion their kind is checked by, the
    /// stepping stones, skills and caveats, and answers (`shown_by`, `question`,
    /// `backgrounds`) that no question offers.
    pub(super) fn career(&mut self, career: &Career) {
        let root = At::ROOT.field("career");
        self.questions(&root.field("questions"), &career.questions);
        let requirements = root.field("requirements");
        for (role, list) in &career.requirements {
            self.role_ref(&requirements, Target::Key(role), role);
            let at = requirements.entry(role);
            for (index, requirement) in list.iter().enumerate() {
                let at = at.item(index, None);
                self.cited(&at, &requirement.text, &requirement.sources);
                self.criterion(&at, requirement, career);
            }
        }
        let paths = root.field("stepping_stones");
        for (role, path) in &career.stepping_stones {
            self.role_ref(&paths, Target::Key(role), role);
            let at = paths.entry(role);
            let none = "has no `steps`; list the path's roles";
            self.needs(&at, "steps", path.steps.is_empty(), none);
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
        let ids = career.caveats.iter().map(|c| c.id.as_str());
        self.unique_ids(&caveats, "id", ids, ANY_ID);
        for (index, caveat) in career.caveats.iter().enumerate() {
            let at = caveats.item(index, Some(&caveat.id));
            self.texts(&at, &[("title", &caveat.title)]);
            self.role_refs(&at, &caveat.roles);
            let none = "has no `points`; say what each side holds";
            self.needs(&at, "points", caveat.points.is_empty(), none);
            let points = at.field("points");
            for (index, point) in caveat.points.iter().enumerate() {
                self.cited(&points.item(index, None), &point.text, &point.sources);
            }
        }
    }

    /// A question id must name a career question, and a value one of its
    /// choices; `target` is where they are written.
    fn answer_to(
        &mut self,
        at: &At<'_>,
        target: Target<'_>,
        career: &Career,
        (question, value): (&str, Option<&str>),
    ) {
        let Some(found) = career.questions.iter().find(|q| q.id == question) else {
            let ids = career.questions.iter().map(|q| q.id.as_str()).collect();
            let message = format!(
                "names unknown question `{}`; career questions: {}",
                shown(question),
                known(&ids)
            );
            return self.push(at, target, message);
        };
        if let Some(value) = value
            && !found.choices.iter().any(|c| c.value == value)
        {
            let values = found.choices.iter().map(|c| c.value.as_str()).collect();
            let message = format!(
                "question `{}` has no value `{}`; its values: {}",
                shown(question),
                shown(value),
                known(&values)
            );
            self.push(at, target, message);
        }
    }

    fn shown_by(&mut self, at: &At<'_>, answers: &[ShownBy], career: &Career) {
        let list = at.field("shown_by");
        for (index, answer) in answers.iter().enumerate() {
            let answer = (answer.question.as_str(), Some(answer.value.as_str()));
            self.answer_to(&list.item(index, None), Target::Here, career, answer);
        }
    }

    /// A requirement gives exactly the criterion its kind is checked by, and
    /// that criterion names a question (and values) the guide asks.
    fn criterion(&mut self, at: &At<'_>, requirement: &Requirement, career: &Career) {
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
            let kind = requirement.kind.as_str();
            let message = format!(
                "`kind: {kind}` is checked by `{wanted}` alone; give `{wanted}` and no other criterion"
            );
            self.push(at, Target::Field("kind"), message);
        }
        match requirement.kind {
            RequirementKind::Experience => {
                self.answer_to(at, Target::Field("kind"), career, (YEARS_QUESTION, None));
            }
            RequirementKind::Degree => {
                self.answer_to(at, Target::Field("kind"), career, (DEGREE_QUESTION, None));
            }
            RequirementKind::Background => {
                let list = at.field("backgrounds");
                for (index, value) in requirement.backgrounds.iter().enumerate() {
                    let answer = (BACKGROUND_QUESTION, Some(value.as_str()));
                    self.answer_to(&list.item(index, None), Target::Here, career, answer);
                }
            }
            _ => {
                if let Some(question) = &requirement.question {
                    let answer = (question.as_str(), Some(YES));
                    self.answer_to(at, Target::Field("question"), career, answer);
                }
            }
        }
    }

    /// The disputes: at least two views each, every view written, citing known
    /// sources and naming the roles it gives the point to.
    pub(super) fn disputes(&mut self, disputes: &[Dispute]) {
        let list = At::ROOT.field("disputes");
        self.unique_ids(&list, "id", disputes.iter().map(|d| d.id.as_str()), ANY_ID);
        for (index, dispute) in disputes.iter().enumerate() {
            let at = list.item(index, Some(&dispute.id));
            self.texts(&at, &[("question", &dispute.question)]);
            self.optionals(&at, &[("note", &dispute.note)]);
            if dispute.views.len() < 2 {
                let message = format!(
                    "has {} view(s); a dispute needs at least two `views`, one per side",
                    dispute.views.len()
                );
                self.push(&at, Target::Field("views"), message);
            }
            let views = at.field("views");
            for (index, view) in dispute.views.iter().enumerate() {
                let at = views.item(index, None);
                self.optionals(&at, &[("label", &view.label)]);
                self.cited(&at, &view.text, &view.sources);
                let none = "names no role; list in `roles` whom the view gives the point to";
                self.needs(&at, "roles", view.roles.is_empty(), none);
                self.role_refs(&at, &view.roles);
            }
        }
    }

    /// The areas: an owner that is a role, `shared`, `divided` or `disputed`, a
    /// `disputed` area (only) naming a known dispute, and facts that say why.
    pub(super) fn areas(&mut self, areas: &[Area], disputes: &[Dispute]) {
        let disputes: HashSet<&str> = disputes.iter().map(|d| d.id.as_str()).collect();
        let list = At::ROOT.field("areas");
        self.unique_ids(&list, "id", areas.iter().map(|a| a.id.as_str()), ANY_ID);
        for (index, area) in areas.iter().enumerate() {
            let at = list.item(index, Some(&area.id));
            self.texts(&at, &[("title", &area.title)]);
            let owner = area.owner.as_str();
            if ![SHARED, DIVIDED, DISPUTED].contains(&owner) && !self.roles.contains(owner) {
                let message = format!(
                    "owner `{}` is not a role, `{SHARED}`, `{DIVIDED}` or `{DISPUTED}`; known roles: {}",
                    shown(owner),
                    known(&self.roles)
                );
                self.push(&at, Target::Field("owner"), message);
            }
            let (field, message) = match (owner == DISPUTED, &area.dispute) {
                (true, None) => (
                    "owner",
                    "is `disputed` but names no `dispute`; give the id of its dispute in `disputes`"
                        .to_owned(),
                ),
                (true, Some(id)) if !disputes.contains(id.as_str()) => (
                    "dispute",
                    format!(
                        "names unknown dispute `{}`; known disputes: {}",
                        shown(id),
                        known(&disputes)
                    ),
                ),
                (false, Some(id)) => (
                    "dispute",
                    format!(
                        "names dispute `{}` but its owner is `{}`; only a `{DISPUTED}` area names a dispute",
                        shown(id),
                        shown(owner)
                    ),
                ),
                _ => ("", String::new()),
            };
            if !message.is_empty() {
                self.push(&at, Target::Field(field), message);
            }
            let none = "has no `facts`; say, citing the articles, why the owner owns it";
            self.needs(&at, "facts", area.facts.is_empty(), none);
            self.facts(&at, &area.facts);
        }
    }

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
                self.cited(&at.field(field), &paragraph.text, &paragraph.sources);
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
                    self.cited(&at, &item.text, &item.sources);
                    let values = at.field("needs");
                    for (index, need) in item.needs.iter().enumerate() {
                        if !needs.contains(need.as_str()) {
                            let message = format!(
                                "names unknown need `{}`; the `{NEEDS_QUESTION}` question offers: {}",
                                shown(need),
                                known(&needs)
                            );
                            self.push(&values.item(index, None), Target::Here, message);
                        }
                    }
                }
            }
        }
    }
}

/// Up to [`LISTED_IDS`] of `ids`, sorted, as `` `a`, `b`, … ``.
pub fn known(ids: &HashSet<&str>) -> String {
    if ids.is_empty() {
        return "none".into();
    }
    let mut sorted: Vec<&str> = ids.iter().copied().collect();
    sorted.sort_unstable();
    let listed: Vec<String> = sorted
        .iter()
        .take(LISTED_IDS)
        .map(|id| format!("`{}`", shown(id)))
        .collect();
    let mut list = listed.join(", ");
    if sorted.len() > LISTED_IDS {
        list.push_str(&format!(", … ({} in all)", sorted.len()));
    }
    list
}

/// The first number a salary figure prints, thousands separators dropped:
/// `$102,150 per year` gives 102150.
pub fn printed_number(figure: &str) -> Option<f64> {
    let start = figure.find(|c: char| c.is_ascii_digit())?;
    let digits: String = figure[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    digits.trim_end_matches('.').parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::{KnowledgeBase, validate};

    fn embedded() -> KnowledgeBase {
        crate::library::Library::embedded().whole()
    }

    /// Each message found (`path: message`) begins with the one expected, and
    /// there are no others.
    fn assert_found(kb: &KnowledgeBase, expected: &[&str]) {
        let found: Vec<String> = validate(kb)
            .iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect();
        assert_eq!(found.len(), expected.len(), "{found:#?}");
        for (found, expected) in found.iter().zip(expected) {
            assert!(found.starts_with(expected), "{found}\n{expected}");
        }
    }

    #[test]
    fn the_embedded_knowledge_base_is_valid() {
        assert_found(&embedded(), &[]);
    }

    #[test]
    fn each_part_reports_what_is_wrong_at_its_path() {
        type Break = fn(&mut KnowledgeBase);
        let cases: [(Break, &[&str]); 6] = [
            (
                |kb| {
                    let mut dispute = kb.disputes[0].clone();
                    dispute.id = "d".into();
                    dispute.views.truncate(1);
                    dispute.views[0].sources = vec!["blog".into()];
                    dispute.views[0].roles = vec!["cfo".into()];
                    kb.disputes.push(dispute);
                },
                &[
                    "disputes.d: has 1 view(s)",
                    "disputes.d.views[0].sources[0]: cites unknown source `blog`",
                    "disputes.d.views[0].roles[0]: names unknown role `cfo`",
                ],
            ),
            (
                |kb| {
                    for (index, (owner, dispute)) in [
                        ("cfo", None),
                        (DISPUTED, None),
                        (SHARED, Some("vendors")),
                        (DISPUTED, Some("who-pays")),
                    ]
                    .into_iter()
                    .enumerate()
                    {
                        let mut area = kb.areas[0].clone();
                        area.id = format!("a{index}");
                        area.owner = owner.into();
                        area.dispute = dispute.map(String::from);
                        kb.areas.push(area);
                    }
                    kb.areas.last_mut().expect("a3").facts.clear();
                    kb.disputes.push(kb.disputes[0].clone());
                },
                &[
                    "disputes: duplicate id `",
                    "areas.a0: owner `cfo` is not a role, `shared`, `divided` or `disputed`",
                    "areas.a1: is `disputed` but names no `dispute`",
                    "areas.a2: names dispute `vendors` but its owner is `shared`",
                    "areas.a3: names unknown dispute `who-pays`",
                    "areas.a3: has no `facts`",
                ],
            ),
            (
                |kb| {
                    let cio = kb.career.requirements.get_mut("cio").expect("cio");
                    cio[0].question = Some("leadership".into());
                    cio[1].degree = None;
                },
                &[
                    "career.requirements.cio[0]: `kind: experience` is checked by `years` alone; give `years` and no other criterion",
                    "career.requirements.cio[1]: `kind: degree` is checked by `degree` alone; give `degree` and no other criterion",
                ],
            ),
            (
                |kb| {
                    let career = &mut kb.career;
                    career.skills.get_mut("cto").expect("cto")[0].sources = vec!["blog".into()];
                    let paths = &mut career.stepping_stones;
                    paths.get_mut("cio").expect("cio").steps[0].shown_by = vec![ShownBy {
                        question: "background".into(),
                        value: "sales".into(),
                    }];
                    paths.get_mut("cto").expect("cto").steps[0].shown_by = vec![ShownBy {
                        question: "salary".into(),
                        value: "high".into(),
                    }];
                    let skills = career.skills.remove("cio").expect("cio");
                    career.skills.insert("cfo".into(), skills);
                    career.caveats[0].id = "c".into();
                    career.caveats[0].points[0].text = " ".into();
                },
                &[
                    "career.stepping_stones.cio.steps[0].shown_by[0]: question `background` has no value `sales`",
                    "career.stepping_stones.cto.steps[0].shown_by[0]: names unknown question `salary`",
                    "career.skills: names unknown role `cfo`; known roles: `cio`, `cto`",
                    "career.skills.cto[0].sources[0]: cites unknown source `blog`",
                    "career.caveats.c.points[0]: `text` is empty",
                ],
            ),
            (
                |kb| {
                    let years = kb
                        .career
                        .questions
                        .iter_mut()
                        .find(|q| q.id == YEARS_QUESTION);
                    years.expect("years").number = false;
                },
                &[
                    "career.questions.years: needs at least two `choices`, or `number: true` for a question answered with a number",
                ],
            ),
            (
                |kb| {
                    let mut posting = kb.jd.get("cto").cloned().expect("a cto posting");
                    posting.duties[0].needs.push("telepathy".into());
                    posting.duties[0].sources.push("rumour".into());
                    kb.jd.insert("cfo".into(), posting);
                },
                &[
                    "jd: names unknown role `cfo`",
                    "jd.cfo.duties[0].sources[",
                    "jd.cfo.duties[0].needs[",
                ],
            ),
        ];
        for (break_it, expected) in cases {
            let mut kb = embedded();
            break_it(&mut kb);
            assert_found(&kb, expected);
        }
    }

    #[test]
    fn a_known_list_stops_at_ten() {
        let ids: Vec<String> = (0..20_000).map(|i| format!("s{i:05}")).collect();
        let list = known(&ids.iter().map(String::as_str).collect());
        assert_eq!(list.matches('`').count(), 2 * LISTED_IDS);
        assert!(list.starts_with("`s00000`, `s00001`"));
        assert!(list.ends_with(", … (20000 in all)"));
        assert_eq!(known(&["b", "a"].into_iter().collect()), "`a`, `b`");
        assert_eq!(known(&HashSet::new()), "none");
    }

    #[test]
    fn paths_show_ids_cut_and_escaped_and_nodes_use_indices() {
        let (root, long) = (At::ROOT, format!("\u{1b}{}", "x".repeat(200)));
        let roles = root.field("roles");
        let (role, other) = (roles.item(3, Some("cto")), roles.item(0, Some(&long)));
        let facts = role.field("facts");
        let fact = facts.item(2, None);
        assert_eq!(fact.path(), "roles.cto.facts[2]");
        let step = |key: &str| Step::Value(key.into());
        let node = [
            step("roles"),
            Step::Item(3),
            step("facts"),
            Step::Item(2),
            step("text"),
        ];
        assert_eq!(fact.node(&Target::Field("text")), node);
        assert!(other.path().starts_with("roles.\\u{1b}xxx") && other.path().ends_with('…'));
        assert!(other.path().chars().count() < 100);
    }

    #[test]
    fn a_figure_prints_its_number_without_separators() {
        assert_eq!(printed_number("$102,150 per year"), Some(102_150.0));
        assert_eq!(printed_number("$22.33 per hour"), Some(22.33));
        assert_eq!(printed_number("undisclosed"), None);
    }
}
