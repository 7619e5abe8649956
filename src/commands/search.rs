//! `roles search`: every fact scored against the query's words, best first, and
//! the role the matches lean to.
//!
//! Each fact's words are read once, with their singular and plural forms. A query
//! word matches a word of a fact when a form of one is a form of the other, or
//! begins it (the shorter at least three letters, and six unless it is the
//! query's), or they share their first six letters: "governing" finds
//! "governance", "policy" finds "policies". Rare words weigh more than common
//! ones (inverse document frequency); the same word weighs a quarter more than
//! another form, and a word found only where the fact stands (its section title,
//! dimension label, topic title or theme) half as much. A fact that matches more
//! of the query ranks first. Question words ("who", "owns", "the") are ignored
//! unless written in capitals: `IT` is the domain's key term, and then matches
//! only "IT" in capitals, never the pronoun. `&` inside a word keeps it whole (`R&D`).
//!
//! When nothing matches, the view suggests the closest words of the knowledge
//! base (strsim's edit distance), and the command exits 1, as grep and rg do.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use schemars::JsonSchema;
use serde::Serialize;

use super::{FactRef, Place, every_fact, find_by_id};
use crate::error::{BadInput, EXIT_FAILURE, EXIT_OK};
use crate::kb::Text;
use crate::library::Library;
use crate::render::grid::Grid;
use crate::render::markdown::{cell, table_row};
use crate::render::{Painter, View, wrap};

/// Version of the `roles search` output: 2 lists a hit's `roles` (`role` was
/// `null` for a fact about several).
pub const SEARCH_SCHEMA_VERSION: u32 = 2;

/// Words that carry no meaning in a question about roles.
const IGNORED: &str = "a about an and are be by do does for from handle handles how i in is it \
    leads of on or our own owner owns responsible should the their to us we what when which who \
    whom why with";

/// The share of match weight above which a role is said to own the topic.
const LEAN_THRESHOLD: f64 = 0.6;
/// The weight of the query's very word against another form of it or a longer word.
const SAME_WORD: f64 = 1.25;
/// The weight of a word found only where a fact stands (title, label or theme).
const PLACE_WEIGHT: f64 = 0.5;
/// How alike a word of the knowledge base must be to a query word that matched
/// nothing to be suggested (one less the edit distance over the longer length).
const SUGGESTION_SIMILARITY: f64 = 0.7;
/// How many words are suggested for a query word that matched nothing.
const SUGGESTIONS: usize = 3;

/// The search result.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SearchView {
    /// Output shape version.
    pub schema_version: u32,
    /// The query as given.
    pub query: Text,
    /// The words searched for, after dropping question words; a word kept only
    /// because it was written in capitals (`IT`) is given in capitals.
    pub terms: Vec<Text>,
    /// The role `--role` kept hits for; `null` without it.
    pub role_filter: Option<Text>,
    /// How many facts matched in all.
    pub total: usize,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// Which role the hits shown lean to; `null` when they lean to none.
    pub lean: Option<Lean>,
    /// Match weight per role id, summed over the hits shown.
    pub weights: BTreeMap<Text, f64>,
    /// For each query word that matched no fact, the closest words of the knowledge base.
    pub suggestions: Vec<Suggestion>,
}

/// One matching fact.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Hit {
    /// The roles the fact concerns: one for a role's own fact, several for a
    /// comparison or topic fact about more than one, none when it names none.
    pub roles: Vec<Text>,
    /// Where it stands: a section id, `summary`, `dimension/ID` or `topic/ID`.
    pub section: Text,
    /// A heading for that place.
    pub section_title: Text,
    /// The fact.
    pub text: Text,
    /// Its sources.
    pub sources: Vec<Text>,
    /// Its score; higher is better.
    pub score: f64,
    /// How many of the query's terms it matched.
    pub matched_terms: usize,
}

/// The role that most of the match weight points to.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Lean {
    /// Its id.
    pub role: Text,
    /// Its name.
    pub name: Text,
    /// Its share of the match weight, from 0 to 1.
    pub share: f64,
}

/// Words of the knowledge base close to a query word that matched nothing.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Suggestion {
    /// The query word, as searched for.
    pub term: Text,
    /// The closest words, closest first (empty when none is close).
    pub words: Vec<Text>,
}

/// A word as written, and in lower case.
#[derive(Debug)]
struct Word<'t> {
    written: &'t str,
    lower: String,
}

impl<'t> Word<'t> {
    fn new(written: &'t str) -> Self {
        let lower = written.to_lowercase();
        Word { written, lower }
    }

    /// How well this word of a fact stands for the query word `term`:
    /// [`SAME_WORD`], 1 for another form or a longer word, 0 for none. A term
    /// kept for its capitals (`IT`) matches only the same word in capitals.
    fn strength(&self, term: &Term) -> f64 {
        let word = &term.word;
        if self.lower == word.lower && (!term.capitals || in_capitals(self.written)) {
            SAME_WORD
        } else if !term.capitals
            // Every form keeps its word's first letter, so a match shares it.
            && self.lower.chars().next() == word.lower.chars().next()
            && matches(&forms(&word.lower), &forms(&self.lower))
        {
            1.0
        } else {
            0.0
        }
    }
}

/// A word of the query to look for.
#[derive(Debug)]
struct Term<'q> {
    word: Word<'q>,
    /// Kept only because it was written in capitals (`IT`).
    capitals: bool,
}

impl Term<'_> {
    /// The term as the output gives it: in capitals when it must match capitals.
    fn shown(&self) -> Text {
        match self.capitals {
            true => self.word.lower.to_uppercase(),
            false => self.word.lower.clone(),
        }
    }
}

/// The terms of a query, in order, each once: its words less the question
/// words, though a question word written in capitals (`IT`, `US`) is kept.
fn terms(query: &str) -> Vec<Term<'_>> {
    let mut terms: Vec<Term> = Vec::new();
    for written in words(query) {
        let word = Word::new(written);
        let ignored = IGNORED.split_whitespace().any(|w| w == word.lower);
        if ignored && !in_capitals(written) {
            continue;
        }
        if !terms
            .iter()
            .any(|t| t.word.lower == word.lower && t.capitals == ignored)
        {
            terms.push(Term {
                word,
                capitals: ignored,
            });
        }
    }
    terms
}

/// The words of a text: runs of letters, digits and `&` (so `R&D` is one word),
/// without a leading or trailing `&`.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .map(|word| word.trim_matches('&'))
        .filter(|word| !word.is_empty())
}

/// Whether a word is written in capitals: two letters or more, none lower-case.
fn in_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// A lower-case word's forms with and without a plural ending: `policies` gives
/// `policies`, `policy` and `policie`; `processes` gives `processes`, `process`
/// and `processe`; `process` only itself. A stem keeps three letters or more,
/// so `its` never becomes `it`.
fn forms(word: &str) -> Vec<Cow<'_, str>> {
    let mut forms = vec![Cow::Borrowed(word)];
    if let Some(stem) = word.strip_suffix("ies").filter(|stem| stem.len() >= 2) {
        forms.push(Cow::Owned(format!("{stem}y")));
    }
    if let Some(stem) = word.strip_suffix("es").filter(|stem| stem.len() >= 3) {
        forms.push(Cow::Borrowed(stem));
    }
    if let Some(stem) = word
        .strip_suffix('s')
        .filter(|s| s.len() >= 3 && !s.ends_with('s'))
    {
        forms.push(Cow::Borrowed(stem));
    }
    forms
}

/// Whether a query word (by its forms) matches a word (by its forms): some form
/// of each is equal, or one begins the other (the shorter being at least three
/// letters, and six unless it is the query's), or they share their first six letters.
fn matches(term_forms: &[Cow<str>], word_forms: &[Cow<str>]) -> bool {
    const STEM: usize = 6;
    term_forms.iter().any(|term| {
        word_forms.iter().any(|word| {
            let (term, word) = (term.as_bytes(), word.as_bytes());
            let (short, long) = if term.len() <= word.len() {
                (term, word)
            } else {
                (word, term)
            };
            term == word
                || (short.len() >= 3
                    && long.starts_with(short)
                    && (short == term || short.len() >= STEM))
                || short.get(..STEM).is_some_and(|stem| long.starts_with(stem))
        })
    })
}

/// The words of a fact, read once: those of its text, and those saying where it
/// stands (its place's title and id, and its theme).
struct Tokens<'k> {
    text: Vec<Word<'k>>,
    place: Vec<Word<'k>>,
}

impl<'k> Tokens<'k> {
    fn new(fact: &FactRef<'k>) -> Self {
        let (title, id): (&str, &str) = match fact.place {
            Place::Summary => ("Summary", "summary"),
            Place::Section(section) => (&section.title, &section.id),
            Place::Dimension(dimension) => (&dimension.name, &dimension.id),
            Place::Topic(topic) => (&topic.title, &topic.id),
        };
        let place = [Some(title), Some(id), fact.fact.theme.as_deref()];
        Tokens {
            text: words(&fact.fact.text).map(Word::new).collect(),
            place: place
                .into_iter()
                .flatten()
                .flat_map(words)
                .map(Word::new)
                .collect(),
        }
    }

    /// The weight of `term` in this fact, before its rarity: the best match in
    /// the text, else [`PLACE_WEIGHT`] for a match where it stands, else 0.
    fn weight(&self, term: &Term) -> f64 {
        let best = self
            .text
            .iter()
            .map(|word| word.strength(term))
            .fold(0.0, f64::max);
        if best == 0.0 && self.place.iter().any(|word| word.strength(term) > 0.0) {
            PLACE_WEIGHT
        } else {
            best
        }
    }
}

/// Searches every fact for `words`, keeping the best `limit` hits, only those
/// concerning `role` when one is given.
pub fn search(
    library: &Library,
    words: &[String],
    limit: usize,
    role: Option<&str>,
) -> anyhow::Result<SearchView> {
    let query = words.join(" ");
    let role = role
        .map(|id| find_by_id(library.role_refs(), "role", id, |role| &role.id))
        .transpose()?;
    let terms = terms(&query);
    if terms.is_empty() {
        return Err(BadInput::err(format!(
            "nothing to search for in `{query}`; give a word such as `governance` or `innovation`"
        )));
    }
    let facts = every_fact(library);
    let tokens: Vec<Tokens> = facts.iter().map(Tokens::new).collect();
    // A fact's weight for each term, then each term's rarity over every fact.
    let weights: Vec<Vec<f64>> = tokens
        .iter()
        .map(|fact| terms.iter().map(|term| fact.weight(term)).collect())
        .collect();
    let found = |term: usize| weights.iter().filter(|fact| fact[term] > 0.0).count();
    let idf: Vec<f64> = (0..terms.len())
        .map(|term| (1.0 + facts.len() as f64 / (1.0 + found(term) as f64)).ln())
        .collect();

    let mut hits: Vec<Hit> = Vec::new();
    for ((fact, tokens), weights) in facts.iter().zip(&tokens).zip(&weights) {
        let matched = weights.iter().filter(|weight| **weight > 0.0).count();
        if matched == 0 || role.is_some_and(|role| !fact.roles.contains(&role.id)) {
            continue;
        }
        let score: f64 = weights
            .iter()
            .zip(&idf)
            .map(|(weight, idf)| weight * idf)
            .sum();
        // Favour facts that match all of the query, then shorter, more focused facts.
        let score =
            score * matched as f64 / terms.len() as f64 / (1.0 + tokens.text.len() as f64 / 40.0);
        hits.push(Hit {
            roles: fact.roles.to_vec(),
            section: fact.place.id(),
            section_title: fact.place.title(),
            text: fact.fact.text.clone(),
            sources: fact.fact.sources.clone(),
            score: rounded(score),
            matched_terms: matched,
        });
    }
    // A stable sort: equal hits keep knowledge-base order.
    hits.sort_by(|a, b| {
        b.matched_terms
            .cmp(&a.matched_terms)
            .then(b.score.total_cmp(&a.score))
    });
    let total = hits.len();
    hits.truncate(limit);

    // The lean is read from the hits shown, so the last line of the table speaks
    // of the rows above it; a fact about several roles shares its score.
    let roles = library.role_refs();
    let mut by_role: BTreeMap<Text, f64> = roles.iter().map(|r| (r.id.clone(), 0.0)).collect();
    for hit in &hits {
        for role in &hit.roles {
            if let Some(weight) = by_role.get_mut(role) {
                *weight += hit.score / hit.roles.len() as f64;
            }
        }
    }
    let sum: f64 = by_role.values().sum();
    let lean = roles
        .iter()
        .map(|role| (role, by_role[&role.id] / sum.max(f64::MIN_POSITIVE)))
        .filter(|(_, share)| *share >= LEAN_THRESHOLD)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(role, share)| Lean {
            role: role.id.clone(),
            name: role.name.clone(),
            share: rounded(share),
        });
    by_role
        .values_mut()
        .for_each(|weight| *weight = rounded(*weight));

    let vocabulary: BTreeSet<&str> = tokens
        .iter()
        .flat_map(|fact| fact.text.iter().chain(&fact.place))
        .map(|word| word.lower.as_str())
        .collect();
    let suggestions = (0..terms.len())
        .filter(|term| found(*term) == 0)
        .map(|term| Suggestion {
            term: terms[term].shown(),
            words: closest(&terms[term].word.lower, &vocabulary)
                .into_iter()
                .map(|word| Text::from(word.to_owned()))
                .collect(),
        })
        .collect();

    Ok(SearchView {
        schema_version: SEARCH_SCHEMA_VERSION,
        query: query.clone(),
        terms: terms.iter().map(Term::shown).collect(),
        role_filter: role.map(|role| role.id.clone()),
        total,
        hits,
        lean,
        weights: by_role,
        suggestions,
    })
}

/// A score or share to three decimals, as the output gives them.
fn rounded(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// The most edits that leave two words, the longer `length` long, alike enough
/// to suggest one for the other.
fn allowed_edits(length: usize) -> usize {
    ((1.0 - SUGGESTION_SIMILARITY) * length as f64 + 1e-9).floor() as usize
}

/// The words of `vocabulary`, three letters or more, closest to `term`,
/// closest first: at most [`SUGGESTIONS`], none less alike than
/// [`SUGGESTION_SIMILARITY`] (a swap of two letters counts as one edit).
fn closest<'v>(term: &str, vocabulary: &BTreeSet<&'v str>) -> Vec<&'v str> {
    let length = term.chars().count();
    let mut scored: Vec<(f64, &str)> = vocabulary
        .iter()
        .filter_map(|&word| {
            let other = word.chars().count();
            let longer = length.max(other);
            // The edit distance is at least the difference in length.
            if other < 3 || longer - length.min(other) > allowed_edits(longer) {
                return None;
            }
            let distance = strsim::osa_distance(term, word);
            (distance <= allowed_edits(longer))
                .then_some((1.0 - distance as f64 / longer as f64, word))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(_, word)| word)
        .collect()
}

/// `a`, `a or b`, `a, b or c`, each in backticks.
fn either(words: &[Text]) -> String {
    let ticked: Vec<String> = words.iter().map(|word| format!("`{word}`")).collect();
    match ticked.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

impl SearchView {
    /// One line per query word that matched nothing, saying what to try instead.
    /// When nothing matched at all, the heading has said so, and only the words
    /// with something to try are listed.
    fn suggestion_lines(&self) -> Vec<String> {
        let line = |s: &Suggestion| match s.words.is_empty() {
            true => format!("No fact has “{}”.", s.term),
            false => format!(
                "No fact has “{}”; did you mean {}?",
                s.term,
                either(&s.words)
            ),
        };
        let shown = |s: &&Suggestion| !self.hits.is_empty() || !s.words.is_empty();
        self.suggestions.iter().filter(shown).map(line).collect()
    }

    /// The words searched for, with the role filter, as the headings print them.
    fn searched(&self) -> String {
        let terms = format!("“{}”", self.terms.join(" "));
        match &self.role_filter {
            Some(role) => format!("{terms} ({})", role.to_uppercase()),
            None => terms,
        }
    }
}

impl Hit {
    /// The role a table shows: the one the fact concerns, else `both`.
    fn shown_role(&self) -> &str {
        match self.roles.as_slice() {
            [one] => one,
            _ => "both",
        }
    }
}

impl View for SearchView {
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        let fill = |text: &str| wrap::fill(text, painter.width(), "", "");
        let searched = painter.heading(&self.searched());
        if self.hits.is_empty() {
            writeln!(out, "{}", fill(&format!("No facts match {searched}.")))?;
            for line in self.suggestion_lines() {
                writeln!(out, "{}", fill(&line))?;
            }
            return Ok(());
        }
        let (shown, total) = (self.hits.len(), self.total);
        writeln!(
            out,
            "{}",
            fill(&format!("{shown} of {total} matching facts for {searched}"))
        )?;
        let mut grid = Grid::new(Some(
            ["Role", "Where", "Fact", "Source"]
                .map(String::from)
                .to_vec(),
        ))
        .cap(1, 18);
        for hit in &self.hits {
            grid.row(vec![
                hit.shown_role().to_uppercase(),
                hit.section_title.to_string(),
                hit.text.to_string(),
                hit.sources.join(", "),
            ]);
        }
        writeln!(out, "{}", painter.draw(&grid))?;
        let weights: Vec<String> = self
            .weights
            .iter()
            .map(|(role, weight)| format!("{} {weight:.1}", role.to_uppercase()))
            .collect();
        let weights = weights.join(", ");
        match &self.lean {
            Some(lean) => {
                let (role, share) = (lean.role.to_uppercase(), lean.share * 100.0);
                let verdict = format!(
                    "Leans to {role} ({}): {share:.0}% of the match weight ({weights}).",
                    lean.name
                );
                writeln!(
                    out,
                    "{}",
                    fill(&verdict).replacen(&role, &painter.accent(&role), 1)
                )?;
            }
            None => writeln!(
                out,
                "{}",
                fill(&format!(
                    "No clear lean: the matches are spread across roles ({weights})."
                ))
            )?,
        }
        for line in self.suggestion_lines() {
            writeln!(out, "{}", painter.dim(&fill(&line)))?;
        }
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "# Search: {}\n", self.searched())?;
        if self.hits.is_empty() {
            writeln!(out, "No facts match.")?;
            for line in self.suggestion_lines() {
                writeln!(out, "\n{line}")?;
            }
            return Ok(());
        }
        match &self.lean {
            Some(Lean { role, name, share }) => writeln!(
                out,
                "The matches lean to **{}** ({name}), with {:.0}% of the match weight.\n",
                role.to_uppercase(),
                share * 100.0
            )?,
            None => writeln!(out, "The matches lean to no single role.\n")?,
        }
        table_row(out, &["Role", "Where", "Fact", "Sources"].map(String::from))?;
        table_row(out, &vec!["---".to_owned(); 4])?;
        for hit in &self.hits {
            table_row(
                out,
                &[
                    hit.shown_role().to_uppercase(),
                    cell(&hit.section_title),
                    cell(&hit.text),
                    hit.sources.join(", "),
                ],
            )?;
        }
        for line in self.suggestion_lines() {
            writeln!(out, "\n{line}")?;
        }
        Ok(())
    }

    /// Exit 1 when no fact matches, as grep and rg do.
    fn exit_code(&self) -> u8 {
        if self.total == 0 {
            EXIT_FAILURE
        } else {
            EXIT_OK
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term_words(query: &str) -> Vec<Text> {
        terms(query).iter().map(Term::shown).collect()
    }

    fn matched(term: &str, word: &str) -> bool {
        Word::new(word).strength(&terms(term).remove(0)) > 0.0
    }

    #[test]
    fn question_words_are_dropped_unless_written_in_capitals() {
        for (query, expected) in [
            ("who owns the IT budget", &["IT", "budget"][..]),
            ("is it in the budget", &["budget"]),
            ("US vs us", &["US", "vs"]),
            // A single capital letter is a word, not an acronym.
            ("should I hire", &["hire"]),
            // A word in capitals that is no question word matches in any case.
            ("GOVERNANCE", &["governance"]),
            // `&` inside a word keeps it whole.
            ("R&D", &["r&d"]),
            ("tech & data", &["tech", "data"]),
            // Repeats are searched once, in the order first given.
            ("data Data governance DATA data", &["data", "governance"]),
            ("IT it IT", &["IT"]),
        ] {
            assert_eq!(term_words(query), expected, "{query}");
        }
    }

    #[test]
    fn words_match_by_form_prefix_and_first_six_letters() {
        for (term, word, expected) in [
            ("salary", "salaries", true),
            ("salaries", "salary", true),
            ("policy", "policies", true),
            ("policies", "policy", true),
            ("process", "processes", true),
            ("processes", "process", true),
            ("approaches", "approach", true),
            ("vendor", "vendors", true),
            ("niches", "niche", true),
            ("strategy", "strategies", true),
            ("govern", "governance", true),
            ("governing", "governance", true),
            ("data", "database", true),
            ("gov", "governance", true),
            ("go", "governance", false),
            ("innovation", "in", false),
            ("its", "it", false),
            ("salary", "sales", false),
            ("cost", "customer", false),
            // `IT` in capitals finds only capitals.
            ("IT", "IT", true),
            ("IT", "It", false),
            ("IT", "italy", false),
        ] {
            assert_eq!(matched(term, word), expected, "{term} ~ {word}");
        }
    }

    #[test]
    fn the_very_word_weighs_more_than_another_form() {
        let term = &terms("salary")[0];
        assert!(Word::new("Salary").strength(term) > Word::new("salaries").strength(term));
    }

    #[test]
    fn suggestions_are_the_closest_words_closest_first() {
        let vocabulary: BTreeSet<&str> =
            ["security", "secure", "governance", "salary", "sales", "sly"].into();
        assert_eq!(closest("secruity", &vocabulary), ["security"]);
        assert_eq!(closest("governence", &vocabulary), ["governance"]);
        assert_eq!(closest("slary", &vocabulary)[0], "salary");
        assert!(closest("zzyzx", &vocabulary).is_empty());
        assert_eq!(
            (allowed_edits(3), allowed_edits(4), allowed_edits(10)),
            (0, 1, 3)
        );
    }

    #[test]
    fn suggestions_read_as_a_list() {
        let words =
            |list: &[&'static str]| -> Vec<Text> { list.iter().map(|w| Text::from(*w)).collect() };
        assert_eq!(either(&words(&["a"])), "`a`");
        assert_eq!(either(&words(&["a", "b"])), "`a` or `b`");
        assert_eq!(either(&words(&["a", "b", "c"])), "`a`, `b` or `c`");
    }
}
