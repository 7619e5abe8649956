//! Checks that hold across a knowledge base once it has parsed: ids well-formed,
//! unique and not reserved; every reference resolving; no empty text and no
//! control character in any text; weights within bounds. Every problem is
//! collected, not only the first, in one walk over the model: O(model) time,
//! with messages of bounded length (values cut to 80 characters, lists of
//! known ids to 10).
//!
//! Each problem names the node it is about as a path of [`Step`]s, which the
//! loader resolves to a line and column in one more pass over the file.
//!
//! The sections with models of their own (the career guide, disputes and areas)
//! add their checks to the same [`Checker`] beside their models, in
//! `career.rs` and `browse.rs`.
//!
//! Weights are bounded so that scores cannot overflow: every weight and every
//! `both`, `fractional` and `full_time` point is within ±[`MAX_WEIGHT`], and a
//! score adds at most one weight per choice. A choice takes more than 20 bytes
//! of any file, so a file under the 8 MiB size cap holds fewer than 420,000
//! choices, and no sum can pass ±42,000,000, far inside `i32`.

use std::collections::{HashMap, HashSet};

use super::model::{Fact, KB_SCHEMA_VERSION, KnowledgeBase, Question, Questionnaire, Salary, Text};
use super::problem::{KEPT_PROBLEMS, Problem, Step};
use super::text::{is_forbidden_control, is_invisible, shown};

/// The largest weight (and `both`, `fractional`, `full_time` point) a choice
/// may give, either way.
pub const MAX_WEIGHT: i32 = 100;

/// Role ids that would make output ambiguous: `advise` recommends `both`, and
/// an engagement is `fractional` or `full-time`.
pub const RESERVED_ROLE_IDS: &[&str] = &["both", "fractional", "full-time"];

/// Section ids the profile already uses for its own parts (`roles show`).
pub const RESERVED_SECTION_IDS: &[&str] = &["overview", "salary"];

/// How many known ids a message lists before `…`.
pub const LISTED_IDS: usize = 10;

/// Returns the problems found in `kb` (the first [`KEPT_PROBLEMS`] of them);
/// an empty list means it is valid.
pub fn validate(kb: &KnowledgeBase) -> Vec<Problem> {
    check(kb).0
}

/// The problems found in `kb`: the first [`KEPT_PROBLEMS`], each naming its
/// node, and how many more there are.
pub fn check(kb: &KnowledgeBase) -> (Vec<Problem>, usize) {
    let mut check = Checker {
        problems: Vec::new(),
        more: 0,
        sources: kb.sources.iter().map(|s| s.id.as_str()).collect(),
        roles: kb.roles.iter().map(|r| r.id.as_str()).collect(),
        known_sources: None,
        known_roles: None,
    };
    let root = At::ROOT;
    if kb.schema_version != KB_SCHEMA_VERSION {
        check.push(
            &root.field("schema_version"),
            Target::Here,
            format!(
                "unsupported version {}; this build reads version {KB_SCHEMA_VERSION}",
                kb.schema_version
            ),
        );
    }
    check.sources(kb);
    check.roles(kb);
    check.dimensions(kb);
    let topics = root.field("topics");
    check.unique_ids(
        &topics,
        "id",
        kb.topics.iter().map(|t| t.id.as_str()),
        Reserved::None,
    );
    for (index, topic) in kb.topics.iter().enumerate() {
        let at = topics.item(index, Some(&topic.id));
        check.text(&at, "title", &topic.title);
        check.facts(&at, &topic.facts);
    }
    check.questionnaire(&kb.questionnaire);
    check.career(&kb.career);
    check.browse(kb);
    check.jd(&kb.jd, &kb.questionnaire);
    (check.problems, check.more)
}

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

    pub(super) fn field(&'a self, name: &'static str) -> At<'a> {
        At {
            parent: Some(self),
            segment: Segment::Field(name),
        }
    }

    pub(super) fn item(&'a self, index: usize, id: Option<&'a str>) -> At<'a> {
        At {
            parent: Some(self),
            segment: Segment::Item { index, id },
        }
    }

    pub(super) fn entry(&'a self, key: &'a str) -> At<'a> {
        At {
            parent: Some(self),
            segment: Segment::Entry(key),
        }
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
                Segment::Field(name) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(name);
                }
                Segment::Item { id: Some(id), .. } if !id.trim().is_empty() => {
                    path.push('.');
                    path.push_str(&shown(id));
                }
                Segment::Item { index, .. } => path.push_str(&format!("[{index}]")),
                Segment::Entry(key) => {
                    path.push('.');
                    path.push_str(&shown(key));
                }
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
                Segment::Field(name) => Some(Step::Value(name.to_owned())),
                Segment::Item { index, .. } => Some(Step::Item(index)),
                Segment::Entry(key) => Some(Step::Value(key.to_owned())),
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

/// Which ids a list may not use.
#[derive(Clone, Copy)]
pub(super) enum Reserved {
    None,
    Roles,
    Sections,
}

/// Collects the problems of one knowledge base in one walk.
pub(super) struct Checker<'a> {
    problems: Vec<Problem>,
    /// Problems found past [`KEPT_PROBLEMS`], counted only.
    more: usize,
    pub(super) sources: HashSet<&'a str>,
    pub(super) roles: HashSet<&'a str>,
    /// The known-id lists for messages, made once when first needed.
    known_sources: Option<String>,
    known_roles: Option<String>,
}

impl<'a> Checker<'a> {
    pub(super) fn push(&mut self, at: &At<'_>, target: Target<'_>, message: String) {
        self.keep(|| Problem::at(at.path(), message).on(at.node(&target)));
    }

    /// Keeps a problem, or counts it once [`KEPT_PROBLEMS`] are kept.
    fn keep(&mut self, problem: impl FnOnce() -> Problem) {
        if self.counting_only() {
            self.more += 1;
        } else {
            self.problems.push(problem());
        }
    }

    /// Whether problems are only counted now: callers that find many (one per
    /// citation) then skip writing the message too.
    pub(super) fn counting_only(&self) -> bool {
        self.problems.len() >= KEPT_PROBLEMS
    }

    /// Ids must be non-empty, lower-case words joined by `-`, unique in their
    /// list ignoring case, and not reserved. `field` names the id's key.
    pub(super) fn unique_ids<'i>(
        &mut self,
        list: &At<'_>,
        field: &'static str,
        ids: impl Iterator<Item = &'i str>,
        reserved: Reserved,
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
            if !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                report(format!(
                    "id `{}` must be lower-case letters, digits and `-`",
                    shown(id)
                ));
            }
            let reserved_here = match reserved {
                Reserved::None => None,
                Reserved::Roles => RESERVED_ROLE_IDS
                    .contains(&id)
                    .then_some("`roles advise` recommends `both`, `fractional` or `full-time`"),
                Reserved::Sections => RESERVED_SECTION_IDS
                    .contains(&id)
                    .then_some("`roles show` uses `overview` and `salary` for its own parts"),
            };
            if let Some(why) = reserved_here {
                report(format!("id `{id}` is reserved ({why}); choose another id"));
            }
            let folded = id.to_lowercase();
            match seen.get(&folded) {
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
                    seen.insert(folded, id);
                }
            }
        }
    }

    /// A text that must be written: not blank, no control characters.
    pub(super) fn text(&mut self, at: &At<'_>, field: &'static str, value: &str) {
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

    /// An optional text: no control characters.
    pub(super) fn optional(&mut self, at: &At<'_>, field: &'static str, value: Option<&Text>) {
        if let Some(value) = value {
            self.controls(at, Target::Field(field), field, value);
        }
    }

    /// Refuses C0 controls (but line feed), DEL and C1 controls: ESC starts
    /// terminal sequences, whether written raw or as a YAML escape, and a tab
    /// breaks a table's columns. A name, label, title, theme or alias is one
    /// line (a line feed would break a Markdown table's header) and refuses
    /// invisible characters (bidi controls, zero-width and tag characters),
    /// which would make two names that read the same differ; longer text
    /// keeps them, shown escaped.
    pub(super) fn controls(&mut self, at: &At<'_>, target: Target<'_>, what: &str, value: &str) {
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

    /// Every item of a list of short texts (citations, role ids, places).
    pub(super) fn list_controls(&mut self, at: &At<'_>, field: &'static str, items: &[Text]) {
        let list = at.field(field);
        for (index, item) in items.iter().enumerate() {
            self.controls(&list.item(index, None), Target::Here, field, item);
        }
    }

    pub(super) fn cites(&mut self, at: &At<'_>, sources: &[Text]) {
        if sources.is_empty() {
            self.push(
                at,
                Target::Field("sources"),
                "cites no source; list at least one id from `sources`".to_owned(),
            );
        }
        let list = at.field("sources");
        for (index, id) in sources.iter().enumerate() {
            if !self.sources.contains(id.as_str()) {
                if self.counting_only() {
                    self.more += 1;
                    continue;
                }
                let known = self
                    .known_sources
                    .get_or_insert_with(|| known(&self.sources))
                    .clone();
                self.push(
                    &list.item(index, None),
                    Target::Here,
                    format!(
                        "cites unknown source `{}`; known sources: {known}",
                        shown(id)
                    ),
                );
            }
        }
    }

    /// A role id used as a reference; `target` is where it is written.
    pub(super) fn role_ref(&mut self, at: &At<'_>, target: Target<'_>, id: &str) {
        if !self.roles.contains(id) {
            if self.counting_only() {
                self.more += 1;
                return;
            }
            let known = self
                .known_roles
                .get_or_insert_with(|| known(&self.roles))
                .clone();
            self.push(
                at,
                target,
                format!("names unknown role `{}`; known roles: {known}", shown(id)),
            );
        }
    }

    pub(super) fn fact(&mut self, at: &At<'_>, fact: &Fact) {
        self.text(at, "text", &fact.text);
        self.optional(at, "theme", fact.theme.as_ref());
        self.cites(at, &fact.sources);
        let roles = at.field("roles");
        for (index, role) in fact.roles.iter().enumerate() {
            self.role_ref(&roles.item(index, None), Target::Here, role);
        }
    }

    pub(super) fn facts(&mut self, at: &At<'_>, facts: &[Fact]) {
        let list = at.field("facts");
        for (index, fact) in facts.iter().enumerate() {
            self.fact(&list.item(index, None), fact);
        }
    }

    fn sources(&mut self, kb: &KnowledgeBase) {
        let list = At::ROOT.field("sources");
        if kb.sources.is_empty() {
            self.push(
                &list,
                Target::Here,
                "is empty; list the articles facts cite".to_owned(),
            );
        }
        self.unique_ids(
            &list,
            "id",
            kb.sources.iter().map(|s| s.id.as_str()),
            Reserved::None,
        );
        for (index, source) in kb.sources.iter().enumerate() {
            let at = list.item(index, Some(&source.id));
            self.text(&at, "title", &source.title);
            self.text(&at, "file", &source.file);
            self.optional(&at, "publisher", source.publisher.as_ref());
            self.optional(&at, "date", source.date.as_ref());
            self.optional(&at, "note", source.note.as_ref());
        }
    }

    fn roles(&mut self, kb: &KnowledgeBase) {
        let list = At::ROOT.field("roles");
        if kb.roles.is_empty() {
            self.push(
                &list,
                Target::Here,
                "is empty; a knowledge base needs at least one role".to_owned(),
            );
        }
        self.unique_ids(
            &list,
            "id",
            kb.roles.iter().map(|r| r.id.as_str()),
            Reserved::Roles,
        );
        for (index, role) in kb.roles.iter().enumerate() {
            let at = list.item(index, Some(&role.id));
            self.text(&at, "name", &role.name);
            self.fact(&at.field("summary"), &role.summary);
            let sections = at.field("sections");
            self.unique_ids(
                &sections,
                "id",
                role.sections.iter().map(|s| s.id.as_str()),
                Reserved::Sections,
            );
            for (index, section) in role.sections.iter().enumerate() {
                let at = sections.item(index, Some(&section.id));
                self.text(&at, "title", &section.title);
                self.facts(&at, &section.facts);
            }
            let salaries = at.field("salaries");
            for (index, salary) in role.salaries.iter().enumerate() {
                let at = salaries.item(index, None);
                for (field, value) in [
                    ("figure", &salary.figure),
                    ("basis", &salary.basis),
                    ("place", &salary.place),
                    ("as_of", &salary.as_of),
                ] {
                    self.text(&at, field, value);
                }
                self.optional(&at, "data_from", salary.data_from.as_ref());
                self.list_controls(&at, "highest_paying", &salary.highest_paying);
                self.texts(&at, "caveats", &salary.caveats);
                self.cites(&at, &salary.sources);
                self.salary_figures(&at, salary);
            }
        }
    }

    /// A salary's `amount` is the number its `figure` prints (so scripts read
    /// the figure as reported), and its `currency` is a three-letter code.
    fn salary_figures(&mut self, at: &At<'_>, salary: &Salary) {
        if let Some(amount) = salary.amount {
            let printed = printed_number(&salary.figure);
            if printed != Some(amount) {
                self.push(
                    at,
                    Target::Field("amount"),
                    format!(
                        "`amount` is {amount} but `figure` prints {}; give the figure's own number",
                        printed.map_or_else(|| "no number".to_owned(), |n| n.to_string())
                    ),
                );
            }
        }
        if let Some(currency) = &salary.currency
            && !(currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase()))
        {
            self.push(
                at,
                Target::Field("currency"),
                format!(
                    "`currency` is `{}`; expected an ISO 4217 code such as `CAD` or `USD`",
                    shown(currency)
                ),
            );
        }
    }

    fn dimensions(&mut self, kb: &KnowledgeBase) {
        let list = At::ROOT.field("dimensions");
        self.unique_ids(
            &list,
            "id",
            kb.dimensions.iter().map(|d| d.id.as_str()),
            Reserved::None,
        );
        for (index, dimension) in kb.dimensions.iter().enumerate() {
            let at = list.item(index, Some(&dimension.id));
            self.text(&at, "name", &dimension.name);
            self.optional(&at, "description", dimension.description.as_ref());
            self.texts(&at, "caveats", &dimension.caveats);
            if dimension.values.is_empty() {
                self.push(
                    &at,
                    Target::Field("values"),
                    "has no `values`; give a value for each role".to_owned(),
                );
            }
            let values = at.field("values");
            for (role, value) in &dimension.values {
                self.role_ref(&values, Target::Key(role), role);
                self.fact(&values.entry(role), value);
            }
        }
    }

    fn questionnaire(&mut self, questionnaire: &Questionnaire) {
        let root = At::ROOT.field("questionnaire");
        self.questions(&root.field("questions"), &questionnaire.questions);
    }

    /// A questionnaire's questions (the hiring one, or the career guide's).
    pub(super) fn questions(&mut self, list: &At<'_>, questions: &[Question]) {
        self.unique_ids(
            list,
            "id",
            questions.iter().map(|q| q.id.as_str()),
            Reserved::None,
        );
        for (index, question) in questions.iter().enumerate() {
            let at = list.item(index, Some(&question.id));
            self.text(&at, "text", &question.text);
            self.text(&at, "hint", &question.hint);
            if !question.number && question.choices.len() < 2 {
                self.push(
                    &at,
                    Target::Field("choices"),
                    "needs at least two `choices`, or `number: true` for a question answered with a number".to_owned(),
                );
            }
            let choices = at.field("choices");
            self.unique_ids(
                &choices,
                "value",
                question.choices.iter().map(|c| c.value.as_str()),
                Reserved::None,
            );
            for (index, choice) in question.choices.iter().enumerate() {
                let at = choices.item(index, Some(&choice.value));
                self.text(&at, "label", &choice.label);
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
                        self.push(
                            &aliases.item(index, None),
                            Target::Here,
                            format!(
                                "alias `{}` is already a value or an alias of another choice; an alias must name one choice",
                                shown(alias)
                            ),
                        );
                    }
                }
                self.list_controls(&at, "aliases", &choice.aliases);
                if choice.at_least.is_some() && !question.number {
                    self.push(
                        &at,
                        Target::Field("at_least"),
                        "`at_least` maps a number to this choice, so it needs `number: true` on the question".to_owned(),
                    );
                }
            }
        }
    }

    /// Texts of a list that must each be written, with no control characters.
    pub(super) fn texts(&mut self, at: &At<'_>, field: &'static str, items: &[Text]) {
        let list = at.field(field);
        for (index, item) in items.iter().enumerate() {
            let at = list.item(index, None);
            if item.trim().is_empty() {
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

    fn weight(&mut self, at: &At<'_>, target: Target<'_>, what: &str, points: i32) {
        if points.abs() > MAX_WEIGHT {
            self.push(
                at,
                target,
                format!(
                    "`{}` gives {points} points; points go from -{MAX_WEIGHT} to {MAX_WEIGHT}",
                    shown(what)
                ),
            );
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
    let mut list = sorted
        .iter()
        .take(LISTED_IDS)
        .map(|id| format!("`{}`", shown(id)))
        .collect::<Vec<_>>()
        .join(", ");
    if sorted.len() > LISTED_IDS {
        list.push_str(&format!(", … ({} in all)", sorted.len()));
    }
    list
}

/// The problems `validate` finds under the paths starting with any of
/// `prefixes`, as `path: message`: what the sections' own tests compare.
#[cfg(test)]
pub(super) fn messages_under(kb: &KnowledgeBase, prefixes: &[&str]) -> Vec<String> {
    validate(kb)
        .into_iter()
        .filter(|p| prefixes.iter().any(|prefix| p.path.starts_with(prefix)))
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_list_stops_at_ten() {
        let ids: Vec<String> = (0..20_000).map(|i| format!("s{i:05}")).collect();
        let set: HashSet<&str> = ids.iter().map(String::as_str).collect();
        let list = known(&set);
        assert_eq!(list.matches('`').count(), 2 * LISTED_IDS);
        assert!(list.starts_with("`s00000`, `s00001`"));
        assert!(list.ends_with(", … (20000 in all)"));
    }

    #[test]
    fn a_short_known_list_is_whole() {
        let set: HashSet<&str> = ["b", "a"].into_iter().collect();
        assert_eq!(known(&set), "`a`, `b`");
        assert_eq!(known(&HashSet::new()), "none");
    }

    #[test]
    fn paths_show_ids_and_nodes_use_indices() {
        let root = At::ROOT;
        let roles = root.field("roles");
        let role = roles.item(3, Some("cto"));
        let facts = role.field("facts");
        let fact = facts.item(2, None);
        assert_eq!(fact.path(), "roles.cto.facts[2]");
        assert_eq!(
            fact.node(&Target::Field("text")),
            [
                Step::Value("roles".into()),
                Step::Item(3),
                Step::Value("facts".into()),
                Step::Item(2),
                Step::Value("text".into()),
            ]
        );
    }

    #[test]
    fn an_id_in_a_path_is_escaped_and_cut() {
        let root = At::ROOT;
        let roles = root.field("roles");
        let long = format!("\u{1b}{}", "x".repeat(200));
        let role = roles.item(0, Some(&long));
        let path = role.path();
        assert!(path.starts_with("roles.\\u{1b}xxx"));
        assert!(path.ends_with('…'));
        assert!(path.chars().count() < 100);
    }
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
mod printed_number_tests {
    use super::printed_number;

    #[test]
    fn a_figure_prints_its_number_without_separators() {
        assert_eq!(printed_number("$102,150 per year"), Some(102_150.0));
        assert_eq!(printed_number("$22.33 per hour"), Some(22.33));
        assert_eq!(printed_number("undisclosed"), None);
    }
}
