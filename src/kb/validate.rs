//! The checks a knowledge base must pass once it has parsed, part by part: ids
//! well-formed, unique and not reserved; every reference resolving; no empty
//! text and no control character in any text; weights within bounds. Every
//! problem is collected in one walk ([`check`]), each naming its node as a
//! path of [`Step`]s that the loader resolves to a line and column; messages
//! stay short (values cut to 80 characters, known ids to 10).
//!
//! Weights are bounded so that scores cannot overflow: a score adds at most one
//! weight (within ±[`MAX_WEIGHT`]) per choice, and a file under the 8 MiB cap
//! holds fewer than 420,000 choices, so no sum passes ±42,000,000.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::career::{
    BACKGROUND_QUESTION, Career, Caveat, DEGREE_QUESTION, Requirement, RequirementKind as Kind,
    ShownBy, YEARS_QUESTION, YES,
};
use super::disputes::{Area, DISPUTED, DIVIDED, Dispute, SHARED};
use super::jd::NEEDS_QUESTION;
use super::knowledge_base::{KB_SCHEMA_VERSION, KnowledgeBase};
use super::model::{Choice, Dimension, Fact, Question, Role, Salary, Section, Source, Topic};
use super::problem::{KEPT_PROBLEMS, Problem, Step};
use super::text::{is_forbidden_control, is_invisible, shown};

/// The largest weight (and `both`, `fractional`, `full_time` point) a choice
/// may give, either way.
pub const MAX_WEIGHT: i32 = 100;

/// How many known ids a message lists before `…`.
pub const LISTED_IDS: usize = 10;

/// Returns the problems found in `kb` (the first `KEPT_PROBLEMS` of them);
/// an empty list means it is valid.
pub fn validate(kb: &KnowledgeBase) -> Vec<Problem> {
    check(kb).0
}

/// One step of the place being checked, as people read it (`.cto`, `[2]`)
/// and as the loader finds it.
type Segment = (String, Step);

/// The step to a field (or a map's entry, keyed by a role id).
fn to_field(field: &str) -> Segment {
    (format!(".{}", shown(field)), value(field))
}

/// The step to an item of a list, shown by its id when it has one.
fn to_item(index: usize, id: Option<&str>) -> Segment {
    match id {
        Some(id) if !id.trim().is_empty() => (format!(".{}", shown(id)), Step::Item(index)),
        _ => (format!("[{index}]"), Step::Item(index)),
    }
}

/// An item of a list that is shown, and must be unique, by its id.
trait Identified {
    fn id(&self) -> &str;
}

macro_rules! identified_by {
    ($field:ident: $($item:ty),+) => {
        $(impl Identified for $item {
            fn id(&self) -> &str {
                &self.$field
            }
        })+
    };
}
identified_by!(id: Source, Role, Section, Dimension, Topic, Question, Caveat, Dispute, Area);
identified_by!(value: Choice);

/// The ids a list may not use, by the list's field, and why: role ids that
/// would make `advise`'s output ambiguous, and section ids `roles show` uses
/// for its own parts.
const RESERVED: [(&str, &[&str], &str); 2] = [
    (
        "roles",
        &["both", "fractional", "full-time"],
        "`roles advise` recommends `both`, `fractional` or `full-time`",
    ),
    (
        "sections",
        &["overview", "salary"],
        "`roles show` uses `overview` and `salary` for its own parts",
    ),
];

/// The problems found in `kb`, part by part in one walk: the first
/// `KEPT_PROBLEMS`, each naming its node, and how many more there are.
pub fn check(kb: &KnowledgeBase) -> (Vec<Problem>, usize) {
    let mut c = Checker::new(kb);
    if kb.schema_version != KB_SCHEMA_VERSION {
        let message = format!(
            "unsupported version {}; this build reads version {KB_SCHEMA_VERSION}",
            kb.schema_version
        );
        c.within(to_field("schema_version"), |c| c.report(&[], message));
    }
    if kb.sources.is_empty() {
        let message = "is empty; list the articles facts cite";
        c.within(to_field("sources"), |c| c.report(&[], message.into()));
    }
    c.by_id("sources", &kb.sources, |c, source| {
        c.texts(&[("title", &source.title), ("file", &source.file)]);
        c.optionals(&[
            ("publisher", &source.publisher),
            ("date", &source.date),
            ("note", &source.note),
        ]);
    });
    if kb.roles.is_empty() {
        let message = "is empty; a knowledge base needs at least one role";
        c.within(to_field("roles"), |c| c.report(&[], message.into()));
    }
    c.by_id("roles", &kb.roles, |c, role| {
        c.texts(&[("name", &role.name)]);
        c.within(to_field("summary"), |c| c.fact(&role.summary));
        c.by_id("sections", &role.sections, |c, section| {
            c.texts(&[("title", &section.title)]);
            c.each("facts", &section.facts, Checker::fact);
        });
        c.each("salaries", &role.salaries, Checker::salary);
    });
    c.by_id("dimensions", &kb.dimensions, |c, dimension| {
        c.texts(&[("name", &dimension.name)]);
        c.optionals(&[("description", &dimension.description)]);
        c.lines("caveats", &dimension.caveats, true);
        let none = "has no `values`; give a value for each role";
        c.needs("values", dimension.values.is_empty(), none);
        c.by_role("values", &dimension.values, |c, _, value| c.fact(value));
    });
    c.by_id("topics", &kb.topics, |c, topic| {
        c.texts(&[("title", &topic.title)]);
        c.each("facts", &topic.facts, Checker::fact);
    });
    c.within(to_field("questionnaire"), |c| {
        c.questions(&kb.questionnaire.questions)
    });
    c.within(to_field("career"), |c| c.career(&kb.career));
    c.by_id("disputes", &kb.disputes, |c, dispute| {
        c.texts(&[("question", &dispute.question)]);
        c.optionals(&[("note", &dispute.note)]);
        if dispute.views.len() < 2 {
            let message = format!(
                "has {} view(s); a dispute needs at least two `views`, one per side",
                dispute.views.len()
            );
            c.report(&[value("views")], message);
        }
        c.each("views", &dispute.views, |c, view| {
            c.optionals(&[("label", &view.label)]);
            c.cited(&view.text, &view.sources);
            let none = "names no role; list in `roles` whom the view gives the point to";
            c.needs("roles", view.roles.is_empty(), none);
            c.role_refs(&view.roles);
        });
    });
    let disputes: HashSet<&str> = kb.disputes.iter().map(|d| d.id.as_str()).collect();
    c.by_id("areas", &kb.areas, |c, area| c.area(area, &disputes));
    // Every `needs` value of a posting must be one the hiring questionnaire offers.
    let needs: HashSet<&str> = (kb.questionnaire.questions.iter())
        .filter(|q| q.id == NEEDS_QUESTION)
        .flat_map(|q| q.choices.iter().map(|c| c.value.as_str()))
        .collect();
    c.by_role("jd", &kb.jd, |c, _, posting| {
        for (field, paragraph) in [
            ("about", &posting.about),
            ("fractional_engagement", &posting.fractional_engagement),
        ] {
            c.within(to_field(field), |c| {
                c.cited(&paragraph.text, &paragraph.sources)
            });
        }
        for (field, items) in [
            ("duties", &posting.duties),
            ("measures", &posting.measures),
            ("requirements", &posting.requirements),
            ("assets", &posting.assets),
            ("backgrounds", &posting.backgrounds),
        ] {
            c.each(field, items, |c, item| {
                c.cited(&item.text, &item.sources);
                c.each("needs", &item.needs, |c, need| {
                    if !needs.contains(need.as_str()) {
                        let message = format!(
                            "names unknown need `{}`; the `{NEEDS_QUESTION}` question offers: {}",
                            shown(need),
                            known(&needs)
                        );
                        c.report(&[], message);
                    }
                });
            });
        }
    });
    (c.problems, c.more)
}

/// The step to a field's value.
fn value(field: &str) -> Step {
    Step::Value(field.to_owned())
}

/// Collects the problems of one knowledge base in one walk, knowing the place
/// being checked.
struct Checker<'a> {
    problems: Vec<Problem>,
    /// Problems found past [`KEPT_PROBLEMS`], counted only.
    more: usize,
    sources: HashSet<&'a str>,
    roles: HashSet<&'a str>,
    /// The known ids as messages list them.
    known_sources: String,
    known_roles: String,
    /// The place being checked, from the root.
    path: Vec<Segment>,
}

impl<'a> Checker<'a> {
    fn new(kb: &'a KnowledgeBase) -> Self {
        let sources = kb.sources.iter().map(|s| s.id.as_str()).collect();
        let roles = kb.roles.iter().map(|r| r.id.as_str()).collect();
        Checker {
            problems: Vec::new(),
            more: 0,
            known_sources: known(&sources),
            known_roles: known(&roles),
            sources,
            roles,
            path: Vec::new(),
        }
    }

    /// Runs `check` one step further down.
    fn within(&mut self, segment: Segment, check: impl FnOnce(&mut Self)) {
        self.path.push(segment);
        check(self);
        self.path.pop();
    }

    /// Each item of the list at the place being checked.
    fn items<T>(&mut self, items: &'a [T], mut check: impl FnMut(&mut Self, &'a T)) {
        for (index, item) in items.iter().enumerate() {
            self.within(to_item(index, None), |c| check(c, item));
        }
    }

    /// Each item of the list `field`.
    fn each<T>(&mut self, field: &'a str, items: &'a [T], check: impl FnMut(&mut Self, &'a T)) {
        self.within(to_field(field), |c| c.items(items, check));
    }

    /// Each entry of the map `field`, keyed by a role id that must be known.
    fn by_role<T>(
        &mut self,
        field: &'a str,
        map: &'a BTreeMap<String, T>,
        mut check: impl FnMut(&mut Self, &'a str, &'a T),
    ) {
        self.within(to_field(field), |c| {
            for (role, entry) in map {
                c.role_ref(&[Step::Key(role.clone())], role);
                c.within(to_field(role), |c| check(c, role, entry));
            }
        });
    }

    /// Each item of the list `field`, shown by its id (`value` for a choice).
    /// Ids must be non-empty, lower-case words joined by `-`, unique in their
    /// list ignoring case, and not [`RESERVED`].
    fn by_id<T: Identified>(
        &mut self,
        field: &'a str,
        items: &'a [T],
        mut check: impl FnMut(&mut Self, &'a T),
    ) {
        let key = if field == "choices" { "value" } else { "id" };
        let (_, reserved, why) = (RESERVED.iter())
            .find(|(list, ..)| *list == field)
            .map_or(("", &[][..], ""), |&reserved| reserved);
        self.within(to_field(field), |c| {
            let mut seen: HashMap<String, &str> = HashMap::new();
            for (index, id) in items.iter().map(T::id).enumerate() {
                // The list is the problem's path (the id is in the message); the
                // id itself is its place.
                let on = || [Step::Item(index), value(key)];
                if id.trim().is_empty() {
                    let message = format!("an `{key}` is empty; give every entry a short id");
                    c.report(&on(), message);
                    continue;
                }
                let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
                if !id.chars().all(allowed) {
                    let message = format!(
                        "id `{}` must be lower-case letters, digits and `-`",
                        shown(id)
                    );
                    c.report(&on(), message);
                }
                if reserved.contains(&id) {
                    let message = format!("id `{id}` is reserved ({why}); choose another id");
                    c.report(&on(), message);
                }
                let Some(first) = seen.get(&id.to_lowercase()) else {
                    seen.insert(id.to_lowercase(), id);
                    continue;
                };
                let same = match *first == id {
                    true => String::new(),
                    false => format!(" (the same as `{}` ignoring case)", shown(first)),
                };
                let message = format!(
                    "duplicate id `{}`{same}; ids must be unique in a list",
                    shown(id)
                );
                c.report(&on(), message);
            }
            for (index, item) in items.iter().enumerate() {
                c.within(to_item(index, Some(item.id())), |c| check(c, item));
            }
        });
    }

    /// The path for people: `roles.cto.sections.kpis.facts[2]`.
    fn path(&self) -> String {
        let path: String = self.path.iter().map(|(shown, _)| shown.as_str()).collect();
        path.strip_prefix('.').unwrap_or(&path).to_owned()
    }

    /// Reports `message` at the place being checked, about the node `under`
    /// it (the place itself when `under` is empty).
    fn report(&mut self, under: &[Step], message: String) {
        if self.problems.len() >= KEPT_PROBLEMS {
            self.more += 1;
            return;
        }
        let steps = self.path.iter().map(|(_, step)| step);
        let node = steps.chain(under).cloned().collect();
        let path = self.path();
        self.problems.push(Problem {
            path,
            node,
            ..Problem::whole_file(message)
        });
    }

    /// A list that must not be empty.
    fn needs(&mut self, field: &str, empty: bool, message: &str) {
        if empty {
            self.report(&[value(field)], message.to_owned());
        }
    }

    /// Texts that must be written: not blank, no control characters.
    fn texts(&mut self, fields: &[(&str, &str)]) {
        for &(field, text) in fields {
            if text.trim().is_empty() {
                let message = format!("`{field}` is empty; write the text or remove the entry");
                self.report(&[value(field)], message);
            } else {
                self.controls(&[value(field)], field, text);
            }
        }
    }

    /// Optional texts: no control characters.
    fn optionals(&mut self, fields: &[(&str, &Option<String>)]) {
        for &(field, text) in fields {
            if let Some(text) = text {
                self.controls(&[value(field)], field, text);
            }
        }
    }

    /// Every item of a list of texts: with `written`, each must be written too.
    fn lines(&mut self, field: &'a str, items: &'a [String], written: bool) {
        self.each(field, items, |c, item| {
            if written && item.trim().is_empty() {
                let message = format!("an item of `{field}` is empty; write it or remove it");
                c.report(&[], message);
            } else {
                c.controls(&[], field, item);
            }
        });
    }

    /// Refuses C0 controls (but line feed), DEL and C1 controls: ESC starts
    /// terminal sequences, whether written raw or as a YAML escape, and a tab
    /// breaks a table's columns. A name, label, title, theme or alias is one
    /// line (a line feed would break a Markdown table's header) and refuses
    /// invisible characters (bidi controls, zero-width and tag characters),
    /// which would make two names that read the same differ; longer text
    /// keeps them, shown escaped.
    fn controls(&mut self, under: &[Step], what: &str, text: &str) {
        let short = ["name", "label", "title", "theme", "aliases"].contains(&what);
        let bad = |c: char| is_forbidden_control(c) || (short && (is_invisible(c) || c == '\n'));
        if let Some(c) = text.chars().find(|&c| bad(c)) {
            let kind = if is_invisible(c) {
                "invisible"
            } else {
                "control"
            };
            let message = format!(
                "`{what}` contains the {kind} character U+{:04X}; remove it (terminal codes, tabs and hidden characters are not allowed here)",
                u32::from(c)
            );
            self.report(under, message);
        }
    }

    /// A statement with its sources: written, citing at least one known source.
    fn cited(&mut self, text: &str, sources: &'a [String]) {
        self.texts(&[("text", text)]);
        self.cites(sources);
    }

    fn cites(&mut self, sources: &'a [String]) {
        let none = "cites no source; list at least one id from `sources`";
        self.needs("sources", sources.is_empty(), none);
        self.each("sources", sources, |c, id| {
            if !c.sources.contains(id.as_str()) {
                let known = &c.known_sources;
                let message = format!(
                    "cites unknown source `{}`; known sources: {known}",
                    shown(id)
                );
                c.report(&[], message);
            }
        });
    }

    /// A role id used as a reference, written at the node `under` the place.
    fn role_ref(&mut self, under: &[Step], id: &str) {
        if !self.roles.contains(id) {
            let known = &self.known_roles;
            let message = format!("names unknown role `{}`; known roles: {known}", shown(id));
            self.report(under, message);
        }
    }

    /// Role ids in a list, each a reference.
    fn role_refs(&mut self, roles: &'a [String]) {
        self.each("roles", roles, |c, role| c.role_ref(&[], role));
    }

    fn fact(&mut self, fact: &'a Fact) {
        self.texts(&[("text", &fact.text)]);
        self.optionals(&[("theme", &fact.theme)]);
        self.cites(&fact.sources);
        self.role_refs(&fact.roles);
    }

    /// A salary's texts and sources; its `amount` is the number its `figure`
    /// prints (so scripts read the figure as reported), and its `currency` is a
    /// three-letter code.
    fn salary(&mut self, salary: &'a Salary) {
        self.texts(&[
            ("figure", &salary.figure),
            ("basis", &salary.basis),
            ("place", &salary.place),
            ("as_of", &salary.as_of),
        ]);
        self.optionals(&[("data_from", &salary.data_from)]);
        self.lines("highest_paying", &salary.highest_paying, false);
        self.lines("caveats", &salary.caveats, true);
        self.cites(&salary.sources);
        let printed = printed_number(&salary.figure);
        if let Some(amount) = salary.amount
            && printed != Some(amount)
        {
            let printed = printed.map_or_else(|| "no number".to_owned(), |n| n.to_string());
            let message = format!(
                "`amount` is {amount} but `figure` prints {printed}; give the figure's own number"
            );
            self.report(&[value("amount")], message);
        }
        if let Some(currency) = &salary.currency
            && !(currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase()))
        {
            let message = format!(
                "`currency` is `{}`; expected an ISO 4217 code such as `CAD` or `USD`",
                shown(currency)
            );
            self.report(&[value("currency")], message);
        }
    }

    /// A questionnaire's questions (the hiring one, or the career guide's).
    fn questions(&mut self, questions: &'a [Question]) {
        self.by_id("questions", questions, |c, question| {
            c.texts(&[("text", &question.text), ("hint", &question.hint)]);
            let few = "needs at least two `choices`, or `number: true` for a question answered with a number";
            c.needs("choices", !question.number && question.choices.len() < 2, few);
            c.by_id("choices", &question.choices, |c, choice| c.choice(question, choice));
        });
    }

    fn choice(&mut self, question: &'a Question, choice: &'a Choice) {
        self.texts(&[("label", &choice.label)]);
        self.by_role("weights", &choice.weights, |c, role, &points| {
            c.weight(&[], role, points)
        });
        for (field, points) in [
            ("both", choice.both),
            ("fractional", choice.fractional),
            ("full_time", choice.full_time),
        ] {
            self.weight(&[value(field)], field, points);
        }
        if let Some(role) = &choice.first {
            self.role_ref(&[value("first")], role);
        }
        self.within(to_field("reason"), |c| c.fact(&choice.reason));
        if let Some(caveat) = &choice.caveat {
            self.within(to_field("caveat"), |c| c.fact(caveat));
        }
        self.each("aliases", &choice.aliases, |c, alias| {
            let clash = question.choices.iter().any(|other| {
                other.value == *alias
                    || (other.value != choice.value && other.aliases.contains(alias))
            });
            if clash {
                let message = format!(
                    "alias `{}` is already a value or an alias of another choice; an alias must name one choice",
                    shown(alias)
                );
                c.report(&[], message);
            }
        });
        self.lines("aliases", &choice.aliases, false);
        if choice.at_least.is_some() && !question.number {
            let message = "`at_least` maps a number to this choice, so it needs `number: true` on the question";
            self.report(&[value("at_least")], message.to_owned());
        }
    }

    fn weight(&mut self, under: &[Step], what: &str, points: i32) {
        if points.abs() > MAX_WEIGHT {
            let message = format!(
                "`{}` gives {points} points; points go from -{MAX_WEIGHT} to {MAX_WEIGHT}",
                shown(what)
            );
            self.report(under, message);
        }
    }

    /// The career guide: its questions (as any questionnaire's), each role's
    /// requirements with exactly the criterion their kind is checked by, the
    /// stepping stones, skills and caveats, and answers (`shown_by`, `question`,
    /// `backgrounds`) that no question offers.
    fn career(&mut self, career: &'a Career) {
        self.questions(&career.questions);
        self.by_role("requirements", &career.requirements, |c, _, list| {
            c.items(list, |c, requirement| {
                c.cited(&requirement.text, &requirement.sources);
                c.criterion(requirement, career);
            });
        });
        self.by_role("stepping_stones", &career.stepping_stones, |c, _, path| {
            let none = "has no `steps`; list the path's roles";
            c.needs("steps", path.steps.is_empty(), none);
            c.each("steps", &path.steps, |c, step| {
                c.cited(&step.text, &step.sources);
                c.shown_by(&step.shown_by, career);
            });
        });
        self.by_role("skills", &career.skills, |c, _, list| {
            c.items(list, |c, skill| {
                c.cited(&skill.text, &skill.sources);
                c.shown_by(&skill.shown_by, career);
            });
        });
        self.by_id("caveats", &career.caveats, |c, caveat| {
            c.texts(&[("title", &caveat.title)]);
            c.role_refs(&caveat.roles);
            let none = "has no `points`; say what each side holds";
            c.needs("points", caveat.points.is_empty(), none);
            c.each("points", &caveat.points, |c, point| {
                c.cited(&point.text, &point.sources)
            });
        });
    }

    /// A question id must name a career question, and a value one of its
    /// choices; they are written at the node `under` the place.
    fn answer_to(&mut self, under: &[Step], career: &Career, question: &str, value: Option<&str>) {
        let Some(found) = career.questions.iter().find(|q| q.id == question) else {
            let ids = career.questions.iter().map(|q| q.id.as_str()).collect();
            let message = format!(
                "names unknown question `{}`; career questions: {}",
                shown(question),
                known(&ids)
            );
            return self.report(under, message);
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
            self.report(under, message);
        }
    }

    fn shown_by(&mut self, answers: &'a [ShownBy], career: &'a Career) {
        self.each("shown_by", answers, |c, answer| {
            c.answer_to(&[], career, &answer.question, Some(&answer.value));
        });
    }

    /// A requirement gives exactly the criterion its kind is checked by, and
    /// that criterion names a question (and values) the guide asks.
    fn criterion(&mut self, requirement: &'a Requirement, career: &'a Career) {
        let given: Vec<&str> = [
            ("years", requirement.years.is_some()),
            ("degree", requirement.degree.is_some()),
            ("question", requirement.question.is_some()),
            ("backgrounds", !requirement.backgrounds.is_empty()),
        ]
        .into_iter()
        .filter_map(|(field, set)| set.then_some(field))
        .collect();
        let (wanted, asked) = match requirement.kind {
            Kind::Experience => ("years", Some(YEARS_QUESTION)),
            Kind::Degree => ("degree", Some(DEGREE_QUESTION)),
            Kind::Background => ("backgrounds", None),
            Kind::Certifications | Kind::Leadership | Kind::Skills => ("question", None),
        };
        let kind = [value("kind")];
        if given != [wanted] {
            let message = format!(
                "`kind: {}` is checked by `{wanted}` alone; give `{wanted}` and no other criterion",
                requirement.kind.as_str()
            );
            self.report(&kind, message);
        }
        if let Some(question) = asked {
            self.answer_to(&kind, career, question, None);
        } else if wanted == "backgrounds" {
            self.each("backgrounds", &requirement.backgrounds, |c, background| {
                c.answer_to(&[], career, BACKGROUND_QUESTION, Some(background));
            });
        } else if let Some(question) = &requirement.question {
            self.answer_to(&[value("question")], career, question, Some(YES));
        }
    }

    /// An area: an owner that is a role, `shared`, `divided` or `disputed`, a
    /// `disputed` area (only) naming a known dispute, and facts that say why.
    fn area(&mut self, area: &'a Area, disputes: &HashSet<&str>) {
        self.texts(&[("title", &area.title)]);
        let owner = area.owner.as_str();
        if ![SHARED, DIVIDED, DISPUTED].contains(&owner) && !self.roles.contains(owner) {
            let message = format!(
                "owner `{}` is not a role, `{SHARED}`, `{DIVIDED}` or `{DISPUTED}`; known roles: {}",
                shown(owner),
                self.known_roles
            );
            self.report(&[value("owner")], message);
        }
        match (owner == DISPUTED, &area.dispute) {
            (true, None) => {
                let message = "is `disputed` but names no `dispute`; give the id of its dispute in `disputes`";
                self.report(&[value("owner")], message.into());
            }
            (true, Some(id)) if !disputes.contains(id.as_str()) => {
                let message = format!(
                    "names unknown dispute `{}`; known disputes: {}",
                    shown(id),
                    known(disputes)
                );
                self.report(&[value("dispute")], message);
            }
            (false, Some(id)) => {
                let message = format!(
                    "names dispute `{}` but its owner is `{}`; only a `{DISPUTED}` area names a dispute",
                    shown(id),
                    shown(owner)
                );
                self.report(&[value("dispute")], message);
            }
            _ => {}
        }
        let none = "has no `facts`; say, citing the articles, why the owner owns it";
        self.needs("facts", area.facts.is_empty(), none);
        self.each("facts", &area.facts, Checker::fact);
    }
}

/// Up to [`LISTED_IDS`] of `ids`, sorted, as `` `a`, `b`, … ``.
pub fn known(ids: &HashSet<&str>) -> String {
    if ids.is_empty() {
        return "none".into();
    }
    let mut sorted: Vec<&str> = ids.iter().copied().collect();
    sorted.sort_unstable();
    let listed: Vec<String> = (sorted.iter().take(LISTED_IDS))
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

    fn embedded() -> KnowledgeBase {
        crate::library::Library::embedded().kb
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
    fn each_part_reports_what_is_wrong_at_its_path() {
        type Break = fn(&mut KnowledgeBase);
        let cases: [(Break, &[&str]); 4] = [
            (
                |kb| {
                    let section = &mut kb.roles[0].sections[0];
                    (section.id, section.title) = ("\u{1b}x".into(), String::new());
                },
                &[
                    "roles.cio.sections: id `\\u{1b}x` must be lower-case",
                    "roles.cio.sections.\\u{1b}x: `title` is empty",
                ],
            ),
            (
                |kb| {
                    let mut dispute = kb.disputes[0].clone();
                    kb.disputes.push(dispute.clone());
                    dispute.id = "d".into();
                    dispute.views[0].roles = vec!["cfo".into()];
                    kb.disputes.push(dispute);
                    kb.areas[0].id = "a".into();
                    kb.areas[0].facts.clear();
                },
                &[
                    "disputes: duplicate id `",
                    "disputes.d.views[0].roles[0]: names unknown role `cfo`",
                    "areas.a: has no `facts`",
                ],
            ),
            (
                |kb| {
                    let cio = kb.career.requirements.get_mut("cio").expect("cio");
                    cio[0].question = Some("leadership".into());
                    cio[1].degree = None;
                    let career = &mut kb.career;
                    for question in &mut career.questions {
                        question.number &= question.id != YEARS_QUESTION;
                    }
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
                    "career.questions.years: needs at least two `choices`, or `number: true` for a question answered with a number",
                    "career.requirements.cio[0]: `kind: experience` is checked by `years` alone; give `years` and no other criterion",
                    "career.requirements.cio[1]: `kind: degree` is checked by `degree` alone; give `degree` and no other criterion",
                    "career.stepping_stones.cio.steps[0].shown_by[0]: question `background` has no value `sales`",
                    "career.stepping_stones.cto.steps[0].shown_by[0]: names unknown question `salary`",
                    "career.skills: names unknown role `cfo`; known roles: `cio`, `cto`",
                    "career.skills.cto[0].sources[0]: cites unknown source `blog`",
                    "career.caveats.c.points[0]: `text` is empty",
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
    fn a_known_list_of_no_ids_says_none() {
        assert_eq!(known(&HashSet::new()), "none");
    }

    #[test]
    fn a_figure_prints_its_number_without_separators() {
        assert_eq!(printed_number("$102,150 per year"), Some(102_150.0));
        assert_eq!(printed_number("$22.33 per hour"), Some(22.33));
        assert_eq!(printed_number("undisclosed"), None);
    }
}
