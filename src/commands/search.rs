//! `roles search`: every fact scored against the query's words, best first, and
//! the role the matches lean to. Rare words weigh more (inverse document
//! frequency); question words are ignored unless written in capitals (`IT`).
//! When nothing matches, the closest words are suggested and the command exits
//! 1, as grep does.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;

use serde::Serialize;

use super::{Cited, FactRef, every_fact, find_by_id};
use crate::error::{BadInput, EXIT_FAILURE, EXIT_OK};
use crate::library::Library;
use crate::render::grid::Grid;
use crate::render::markdown::{self, cell};
use crate::render::{Painter, View};

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
/// How alike a suggested word must be: one less the edit distance over the longer length.
const SUGGESTION_SIMILARITY: f64 = 0.7;

/// The search result.
#[derive(Debug, Serialize)]
pub struct SearchView {
    /// Output shape version.
    pub schema_version: u32,
    /// The query as given.
    pub query: String,
    /// The words searched for, less question words; one kept for its capitals is in capitals.
    pub terms: Vec<String>,
    /// The role `--role` kept hits for; `null` without it.
    pub role_filter: Option<String>,
    /// How many facts matched in all.
    pub total: usize,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// Which role the hits shown lean to; `null` when they lean to none.
    pub lean: Option<Lean>,
    /// Match weight per role id, summed over the hits shown.
    pub weights: BTreeMap<String, f64>,
    /// For each query word that matched no fact, the closest words of the knowledge base.
    pub suggestions: Vec<Suggestion>,
}

/// One matching fact.
#[derive(Debug, Serialize)]
pub struct Hit {
    /// The roles the fact concerns (none when it names none).
    pub roles: Vec<String>,
    /// Where it stands: a section id, `summary`, `dimension/ID` or `topic/ID`.
    pub section: String,
    /// A heading for that place.
    pub section_title: String,
    /// The fact, with its sources.
    #[serde(flatten)]
    pub fact: Cited,
    /// Its score; higher is better.
    pub score: f64,
    /// How many of the query's terms it matched.
    pub matched_terms: usize,
}

/// The role that most of the match weight points to.
#[derive(Debug, Serialize)]
pub struct Lean {
    /// Its id.
    pub role: String,
    /// Its name.
    pub name: String,
    /// Its share of the match weight, from 0 to 1.
    pub share: f64,
}

/// Words of the knowledge base close to a query word that matched nothing.
#[derive(Debug, Serialize)]
pub struct Suggestion {
    /// The query word, as searched for.
    pub term: String,
    /// The closest words, closest first (empty when none is close).
    pub words: Vec<String>,
}

/// The words of a text: runs of letters, digits and `&` (so `R&D` is one word),
/// without a leading or trailing `&`.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .map(|word| word.trim_matches('&'))
        .filter(|word| !word.is_empty())
}

/// The terms of a query, in order, each once: its words in lower case less the
/// question words, though one written in capitals is kept in capitals (`IT`, `US`).
fn terms(query: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for written in words(query) {
        let lower = written.to_lowercase();
        // Two letters or more, none lower-case: a single `I` is no acronym.
        let capitals = written.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !written.chars().any(char::is_lowercase);
        let term = match IGNORED.split_whitespace().any(|w| w == lower) {
            false => lower,
            true if capitals => lower.to_uppercase(),
            true => continue,
        };
        if !terms.contains(&term) {
            terms.push(term);
        }
    }
    terms
}

/// A lower-case word and its forms without a plural ending (`policies`: `policy`,
/// `policie`); a stem keeps three letters, so `its` never becomes `it`.
fn forms(word: &str) -> Vec<String> {
    let ies = word.strip_suffix("ies").filter(|stem| stem.len() >= 2);
    let es = word.strip_suffix("es").filter(|stem| stem.len() >= 3);
    let s = (word.strip_suffix('s')).filter(|stem| stem.len() >= 3 && !stem.ends_with('s'));
    let forms = [Some(word.to_owned()), ies.map(|stem| format!("{stem}y"))];
    forms
        .into_iter()
        .chain([es, s].map(|stem| stem.map(str::to_owned)))
        .flatten()
        .collect()
}

/// A fact's word, read once: as written, and the [`forms`] of it in lower case
/// (the first is the word itself).
struct Token<'a> {
    written: &'a str,
    forms: Vec<String>,
}

impl<'a> Token<'a> {
    fn new(written: &'a str) -> Self {
        let forms = forms(&written.to_lowercase());
        Token { written, forms }
    }
}

/// How well a fact's word stands for `term` (whose forms are `term_forms`):
/// [`SAME_WORD`] for the very word, 1 when a form of the term (three letters or
/// more) begins a form of the word or the two share their first six letters,
/// else 0. A term in capitals has no lower-case form to match, so it finds only
/// itself in capitals.
fn strength(term: &str, term_forms: &[String], token: &Token) -> f64 {
    let (word, word_forms) = (&token.forms[0], &token.forms);
    let begins = |term: &String| {
        let stem = term.as_bytes().get(..6);
        word_forms.iter().any(|word| {
            term == word
                || (term.len() >= 3 && word.starts_with(term.as_str()))
                || stem.is_some_and(|stem| word.as_bytes().starts_with(stem))
        })
    };
    if word == term || token.written == term {
        SAME_WORD
    } else if term_forms.iter().any(begins) {
        1.0
    } else {
        0.0
    }
}

/// Every distinct word of the facts, each read once, with its index in `words`.
#[derive(Default)]
struct Vocabulary<'a> {
    index: HashMap<&'a str, usize>,
    words: Vec<Token<'a>>,
}

impl<'a> Vocabulary<'a> {
    /// `words` as indices into [`Vocabulary::words`], a word seen first read there.
    fn ids(&mut self, words: impl Iterator<Item = &'a str>) -> Vec<usize> {
        let index = |word| {
            *self.index.entry(word).or_insert_with(|| {
                self.words.push(Token::new(word));
                self.words.len() - 1
            })
        };
        words.map(index).collect()
    }

    /// A fact's words: those of its text, and those saying where it stands (its
    /// place's title and id, and its theme).
    fn read(&mut self, fact: &FactRef<'a>) -> (Vec<usize>, Vec<usize>) {
        let place = [Some(fact.title), Some(fact.key), fact.fact.theme.as_deref()];
        let place = place.into_iter().flatten().flat_map(words);
        (self.ids(words(&fact.fact.text)), self.ids(place))
    }
}

/// The weight of a term in a fact before its rarity, from the term's
/// `strengths` for each word of the vocabulary: the best match in its text,
/// else [`PLACE_WEIGHT`] for a match where it stands, else 0.
fn weight(strengths: &[f64], (text, place): &(Vec<usize>, Vec<usize>)) -> f64 {
    let best = text.iter().map(|&word| strengths[word]).fold(0.0, f64::max);
    match best == 0.0 && place.iter().any(|&word| strengths[word] > 0.0) {
        true => PLACE_WEIGHT,
        false => best,
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
        .map(|id| find_by_id(&library.role_refs, "role", id, |role| &role.id))
        .transpose()?;
    let terms = terms(&query);
    if terms.is_empty() {
        return Err(BadInput::err(format!(
            "nothing to search for in `{query}`; give a word such as `governance` or `innovation`"
        )));
    }
    let facts = every_fact(library);
    let mut vocabulary = Vocabulary::default();
    let tokens: Vec<_> = facts.iter().map(|fact| vocabulary.read(fact)).collect();
    // Each term's strength for each distinct word, a fact's weight for each
    // term, then each term's rarity over every fact.
    let strengths: Vec<Vec<f64>> = (terms.iter())
        .map(|term| {
            let term_forms = forms(term);
            let words = vocabulary.words.iter();
            words
                .map(|word| strength(term, &term_forms, word))
                .collect()
        })
        .collect();
    let weights: Vec<Vec<f64>> = (tokens.iter())
        .map(|fact| strengths.iter().map(|s| weight(s, fact)).collect())
        .collect();
    let found = |term: usize| weights.iter().filter(|fact| fact[term] > 0.0).count();
    let idf: Vec<f64> = (0..terms.len())
        .map(|term| (1.0 + facts.len() as f64 / (1.0 + found(term) as f64)).ln())
        .collect();

    let mut hits: Vec<Hit> = Vec::new();
    for ((fact, (text, _)), weights) in facts.iter().zip(&tokens).zip(&weights) {
        let matched = weights.iter().filter(|weight| **weight > 0.0).count();
        if matched == 0 || role.is_some_and(|role| !fact.roles.contains(&role.id)) {
            continue;
        }
        let score: f64 = weights.iter().zip(&idf).map(|(w, idf)| w * idf).sum();
        // Favour facts that match all of the query, then shorter, more focused facts.
        let score = score * matched as f64 / terms.len() as f64 / (1.0 + text.len() as f64 / 40.0);
        hits.push(Hit {
            roles: fact.roles.to_vec(),
            section: fact.id.clone(),
            section_title: fact.title.to_owned(),
            fact: fact.fact.into(),
            score: rounded(score),
            matched_terms: matched,
        });
    }
    // A stable sort: equal hits keep knowledge-base order.
    hits.sort_by(|a, b| (b.matched_terms.cmp(&a.matched_terms)).then(b.score.total_cmp(&a.score)));
    let total = hits.len();
    hits.truncate(limit);

    // The lean is read from the hits shown, so the last line of the table speaks
    // of the rows above it; a fact about several roles shares its score.
    let roles = &library.role_refs;
    let mut by_role: BTreeMap<String, f64> = roles.iter().map(|r| (r.id.clone(), 0.0)).collect();
    for hit in &hits {
        for role in &hit.roles {
            if let Some(weight) = by_role.get_mut(role) {
                *weight += hit.score / hit.roles.len() as f64;
            }
        }
    }
    let sum: f64 = by_role.values().sum();
    // Past one half, at most one role can hold the threshold's share.
    let lean = (roles.iter())
        .map(|r| (r, by_role[&r.id] / sum.max(f64::MIN_POSITIVE)))
        .find(|(_, share)| *share >= LEAN_THRESHOLD)
        .map(|(role, share)| Lean {
            role: role.id.clone(),
            name: role.name.clone(),
            share: rounded(share),
        });
    by_role.values_mut().for_each(|w| *w = rounded(*w));

    let known: BTreeSet<String> = match (0..terms.len()).all(|term| found(term) > 0) {
        true => BTreeSet::new(), // no term needs a suggestion
        false => (vocabulary.words.iter())
            .map(|word| word.forms[0].clone())
            .collect(),
    };
    let suggestions = (terms.iter().enumerate())
        .filter(|(index, _)| found(*index) == 0)
        .map(|(_, term)| Suggestion {
            term: term.clone(),
            words: closest(&term.to_lowercase(), &known),
        })
        .collect();

    Ok(SearchView {
        schema_version: SEARCH_SCHEMA_VERSION,
        query,
        terms,
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

/// The words of `vocabulary`, three letters or more, closest to `term`, closest
/// first: at most three, within [`SUGGESTION_SIMILARITY`] (a swap of two letters
/// is one edit).
fn closest(term: &str, vocabulary: &BTreeSet<String>) -> Vec<String> {
    let length = term.chars().count();
    let words = vocabulary.iter().filter(|word| word.chars().count() >= 3);
    let mut scored: Vec<(f64, String)> = words
        .filter_map(|word| {
            let longer = length.max(word.chars().count()) as f64;
            let distance = strsim::osa_distance(term, word) as f64;
            let similarity = 1.0 - distance / longer;
            (distance <= (1.0 - SUGGESTION_SIMILARITY) * longer).then(|| (similarity, word.clone()))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.truncate(3);
    scored.into_iter().map(|(_, word)| word).collect()
}

/// `a`, `a or b`, `a, b or c`, each in backticks.
fn either(words: &[impl AsRef<str>]) -> String {
    let ticked: Vec<String> = words.iter().map(|w| format!("`{}`", w.as_ref())).collect();
    match ticked.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

impl SearchView {
    /// One line per query word that matched nothing, saying what to try instead;
    /// when nothing matched at all, only the words with something to try.
    fn suggestion_lines(&self) -> Vec<String> {
        let line = |Suggestion { term, words }: &Suggestion| match words.is_empty() {
            true => format!("No fact has “{term}”."),
            false => format!("No fact has “{term}”; did you mean {}?", either(words)),
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
    /// The role a table shows, the one the fact concerns (else `BOTH`), and
    /// the other cells of its row, escaped by `escape`.
    fn row(&self, escape: impl Fn(&str) -> String) -> Vec<String> {
        let role = match self.roles.as_slice() {
            [one] => one.to_uppercase(),
            _ => "BOTH".to_owned(),
        };
        let (title, text) = (escape(&self.section_title), escape(&self.fact.text));
        vec![role, title, text, self.fact.sources.join(", ")]
    }
}

impl View for SearchView {
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        let fill = |text: &str| painter.fill(text, "", "");
        let searched = painter.heading(&self.searched());
        let (shown, total) = (self.hits.len(), self.total);
        if shown == 0 {
            writeln!(out, "{}", fill(&format!("No facts match {searched}.")))?;
        } else {
            let heading = fill(&format!("{shown} of {total} matching facts for {searched}"));
            let rows = self.hits.iter().map(|hit| hit.row(str::to_owned));
            let grid = Grid::new(&["Role", "Where", "Fact", "Source"], rows).cap(1, 18);
            writeln!(out, "{heading}\n{}", painter.draw(&grid))?;
            let weights: Vec<String> = (self.weights.iter())
                .map(|(role, weight)| format!("{} {weight:.1}", role.to_uppercase()))
                .collect();
            let weights = weights.join(", ");
            let verdict = match &self.lean {
                Some(Lean { role, name, share }) => format!(
                    "Leans to {} ({name}): {:.0}% of the match weight ({weights}).",
                    role.to_uppercase(),
                    share * 100.0
                ),
                None => format!("No clear lean: the matches are spread across roles ({weights})."),
            };
            let mut verdict = fill(&verdict);
            if let Some(role) = self.lean.as_ref().map(|lean| lean.role.to_uppercase()) {
                verdict = verdict.replacen(&role, &painter.accent(&role), 1);
            }
            writeln!(out, "{verdict}")?;
        }
        for line in self.suggestion_lines().iter().map(|line| fill(line)) {
            // Under hits, the suggestions step back.
            let line = if shown > 0 { painter.dim(&line) } else { line };
            writeln!(out, "{line}")?;
        }
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "# Search: {}\n", self.searched())?;
        if self.hits.is_empty() {
            writeln!(out, "No facts match.")?;
        } else {
            match &self.lean {
                Some(Lean { role, name, share }) => writeln!(
                    out,
                    "The matches lean to **{}** ({name}), with {:.0}% of the match weight.\n",
                    role.to_uppercase(),
                    share * 100.0
                )?,
                None => writeln!(out, "The matches lean to no single role.\n")?,
            }
            let rows = self.hits.iter().map(|hit| hit.row(cell));
            markdown::table(out, &["Role", "Where", "Fact", "Sources"], None, rows)?;
        }
        for line in self.suggestion_lines() {
            writeln!(out, "\n{line}")?;
        }
        Ok(())
    }

    /// Exit 1 when no fact matches, as grep and rg do.
    fn exit_code(&self) -> u8 {
        match self.total {
            0 => EXIT_FAILURE,
            _ => EXIT_OK,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(terms(query), expected, "{query}");
        }
    }

    #[test]
    fn words_match_by_form_prefix_and_first_six_letters() {
        // Query word and fact word; `IT` in capitals finds only capitals.
        let matching = "salary salaries, salaries salary, policy policies, policies policy, \
            process processes, processes process, approaches approach, vendor vendors, \
            niches niche, strategy strategies, govern governance, governing governance, \
            data database, gov governance, IT IT";
        let apart = "go governance, innovation in, its it, salary sales, cost customer, \
            IT It, IT italy";
        let strength = |term: &str, word| strength(term, &forms(term), &Token::new(word));
        for (pairs, expected) in [(matching, true), (apart, false)] {
            for pair in pairs.split(", ") {
                let (term, word) = pair.split_once(' ').unwrap();
                let strength = strength(&terms(term)[0], word);
                assert_eq!(strength > 0.0, expected, "{pair}");
            }
        }
        assert!(strength("salary", "Salary") > strength("salary", "salaries"));
    }

    #[test]
    fn suggestions_are_the_closest_words_closest_first() {
        let vocabulary = ["security", "secure", "governance", "salary", "sales", "sly"];
        let vocabulary: BTreeSet<String> = vocabulary.map(str::to_owned).into();
        assert_eq!(closest("secruity", &vocabulary), ["security"]);
        assert_eq!(closest("governence", &vocabulary), ["governance"]);
        assert_eq!(closest("slary", &vocabulary)[0], "salary");
        assert!(closest("zzyzx", &vocabulary).is_empty());
        assert!(
            closest("sla", &vocabulary).is_empty(),
            "three letters allow no edit"
        );
        assert_eq!(either(&["a"]), "`a`");
        assert_eq!(either(&["a", "b"]), "`a` or `b`");
        assert_eq!(either(&["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
