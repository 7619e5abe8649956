//! `roles search`: every fact scored against the query's words, best first, and
//! the role the matches lean to.
//!
//! A query word matches a word of a fact when one begins the other and, for words
//! of six letters or more, they share the first six ("governing" finds
//! "governance"). Singular and plural match ("salary" finds "salaries", "policy"
//! finds "policies", "process" finds "processes"). Rare words weigh more than
//! common ones (inverse document frequency), and a fact that matches more of the
//! query ranks above one that matches less. Where a fact stands counts too: a
//! word in its section title, dimension label, topic title or theme matches it,
//! at half the weight of a word in its text. Question words ("who", "owns",
//! "the") are ignored, unless written in capitals: `IT` is the domain's key term,
//! and then matches only "IT" written in capitals, never the pronoun.
//!
//! When nothing matches, the view suggests the closest words of the knowledge
//! base, and the command exits 1, as grep and rg do.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::Write;

use schemars::JsonSchema;
use serde::Serialize;

use super::{FactRef, Place, every_fact, find_by_id};

/// Version of the `roles search` output: 2 lists a hit's `roles` (`role` was
/// `null` for a fact about several).
pub const SEARCH_SCHEMA_VERSION: u32 = 2;
use crate::error::{BadInput, EXIT_FAILURE, EXIT_OK};
use crate::kb::Text;
use crate::library::Library;
use crate::render::grid::Grid;
use crate::render::markdown::{cell, table_row};
use crate::render::{Painter, View, wrap};

/// Words that carry no meaning in a question about roles, sorted (for a binary search).
const IGNORED: &[&str] = &[
    "a",
    "about",
    "an",
    "and",
    "are",
    "be",
    "by",
    "do",
    "does",
    "for",
    "from",
    "handle",
    "handles",
    "how",
    "i",
    "in",
    "is",
    "it",
    "leads",
    "of",
    "on",
    "or",
    "our",
    "own",
    "owner",
    "owns",
    "responsible",
    "should",
    "the",
    "their",
    "to",
    "us",
    "we",
    "what",
    "when",
    "which",
    "who",
    "whom",
    "why",
    "with",
];

/// The share of match weight above which a role is said to own the topic.
const LEAN_THRESHOLD: f64 = 0.6;

/// How much a word found only where a fact stands (its title, label or theme)
/// weighs against the same word in its text.
const PLACE_WEIGHT: f64 = 0.5;

/// How alike a word of the knowledge base must be to a query word that matched
/// nothing to be suggested (normalised Damerau–Levenshtein similarity, 0 to 1).
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
    let mut terms = terms(&query);
    if terms.is_empty() {
        return Err(BadInput::err(format!(
            "nothing to search for in `{query}`; give a word such as `governance` or `innovation`"
        )));
    }
    // At most 64 terms, so a fact's matches fit in a bit mask.
    terms.truncate(64);
    let matcher = Matcher::new(&terms);

    let facts = every_fact(library);
    // One pass over every fact: which terms its text and its place match. The
    // facts of a section come together, and often share a theme, so a place is
    // scanned again only when it changes.
    let mut buffer = String::new();
    let mut last_place: Option<([Option<&str>; 3], u64)> = None;
    let scanned: Vec<(Scan, u64)> = facts
        .iter()
        .map(|fact| {
            let text = matcher.scan(&fact.fact.text, &mut buffer);
            let words = place_words(fact);
            let place = match last_place {
                Some((last, found)) if last == words => found,
                _ => {
                    let found = words.into_iter().flatten().fold(0, |found, words| {
                        found | matcher.scan(words, &mut buffer).matched
                    });
                    last_place = Some((words, found));
                    found
                }
            };
            (text, place)
        })
        .collect();
    let found_anywhere = scanned
        .iter()
        .fold(0u64, |found, (text, place)| found | text.matched | place);
    let idf: Vec<f64> = (0..terms.len())
        .map(|term| {
            let frequency = scanned
                .iter()
                .filter(|(text, place)| (text.matched | place) & (1 << term) != 0)
                .count();
            (1.0 + facts.len() as f64 / (1.0 + frequency as f64)).ln()
        })
        .collect();

    let mut hits: Vec<(usize, Hit)> = Vec::new();
    for (index, (fact, (text, place))) in facts.iter().zip(&scanned).enumerate() {
        if role.is_some_and(|role| !fact.roles.contains(&role.id)) {
            continue;
        }
        let mut score = 0.0;
        let mut matched = 0;
        for (term, weight) in idf.iter().enumerate() {
            let bit = 1 << term;
            if text.exact & bit != 0 {
                score += weight * 1.25;
            } else if text.matched & bit != 0 {
                score += weight;
            } else if place & bit != 0 {
                score += weight * PLACE_WEIGHT;
            } else {
                continue;
            }
            matched += 1;
        }
        if matched == 0 {
            continue;
        }
        // Favour facts that match all of the query, then shorter, more focused facts.
        score *= matched as f64 / terms.len() as f64;
        score /= 1.0 + (text.words as f64 / 40.0);
        hits.push((
            index,
            Hit {
                roles: fact.roles.to_vec(),
                section: fact.place.id(),
                section_title: fact.place.title(),
                text: fact.fact.text.clone(),
                sources: fact.fact.sources.clone(),
                score: (score * 1000.0).round() / 1000.0,
                matched_terms: matched,
            },
        ));
    }
    hits.sort_by(|(ia, a), (ib, b)| {
        b.matched_terms
            .cmp(&a.matched_terms)
            .then(b.score.total_cmp(&a.score))
            .then(ia.cmp(ib))
    });
    let total = hits.len();
    hits.truncate(limit);

    // The lean is read from the hits shown, so the last line of the table speaks
    // of the rows above it.
    let mut weights: BTreeMap<Text, f64> = library
        .role_refs()
        .iter()
        .map(|r| (r.id.clone(), 0.0))
        .collect();
    for (index, hit) in &hits {
        let roles = facts[*index].roles;
        for role in roles {
            if let Some(weight) = weights.get_mut(role) {
                *weight += hit.score / roles.len() as f64;
            }
        }
    }
    let total_weight: f64 = weights.values().sum();
    let lean = library
        .role_refs()
        .iter()
        .map(|role| {
            (
                role,
                weights[&role.id] / total_weight.max(f64::MIN_POSITIVE),
            )
        })
        .filter(|(_, share)| *share >= LEAN_THRESHOLD)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(role, share)| Lean {
            role: role.id.clone(),
            name: role.name.clone(),
            share: (share * 1000.0).round() / 1000.0,
        });
    for weight in weights.values_mut() {
        *weight = (*weight * 1000.0).round() / 1000.0;
    }

    let unmatched: Vec<&Term> = terms
        .iter()
        .enumerate()
        .filter(|(index, _)| found_anywhere & (1 << index) == 0)
        .map(|(_, term)| term)
        .collect();
    let suggestions = unmatched
        .into_iter()
        .map(|term| Suggestion {
            term: term.shown().into(),
            words: closest(&term.word, &candidates(&facts, &term.word))
                .into_iter()
                .map(|word| Text::from(word.to_owned()))
                .collect(),
        })
        .collect();

    Ok(SearchView {
        schema_version: SEARCH_SCHEMA_VERSION,
        query: query.into(),
        terms: terms.iter().map(|term| Text::from(term.shown())).collect(),
        role_filter: role.map(|role| role.id.clone()),
        total,
        hits: hits.into_iter().map(|(_, hit)| hit).collect(),
        lean,
        weights,
        suggestions,
    })
}

/// A word of the query to look for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Term {
    /// The word in lower case.
    word: String,
    /// Kept only because it was written in capitals (`IT`): it then matches only
    /// the same word written in capitals.
    capitals: bool,
}

impl Term {
    /// The term as the output gives it: in capitals when it must match capitals.
    fn shown(&self) -> String {
        if self.capitals {
            self.word.to_uppercase()
        } else {
            self.word.clone()
        }
    }
}

/// The terms of a query, in order, each once: its words less the question
/// words, though a question word written in capitals (`IT`, `US`) is kept.
/// Repeats are dropped in one pass through a set.
fn terms(query: &str) -> Vec<Term> {
    let mut seen = HashSet::new();
    let mut terms = Vec::new();
    for word in words(query) {
        let lower = word.to_lowercase();
        let ignored = IGNORED.binary_search(&lower.as_str()).is_ok();
        let capitals = in_capitals(word);
        if ignored && !capitals {
            continue;
        }
        let term = Term {
            word: lower,
            capitals: ignored,
        };
        if seen.insert(term.clone()) {
            terms.push(term);
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

/// A word of bytes without a leading or trailing `&`.
fn trim_ampersands(word: &[u8]) -> &[u8] {
    let start = word.iter().position(|&b| b != b'&').unwrap_or(word.len());
    let end = word
        .iter()
        .rposition(|&b| b != b'&')
        .map_or(start, |end| end + 1);
    &word[start..end]
}

/// Whether a word is written in capitals: two letters or more, none lower-case.
fn in_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// Which query terms a text holds: `exact` for a whole-word match, and
/// `matched` for any match (bit `i` for term `i`); `words` counts its words.
#[derive(Debug, Clone, Copy, Default)]
struct Scan {
    exact: u64,
    matched: u64,
    words: usize,
}

/// The terms, with what matching each needs worked out once.
struct Matcher<'t> {
    terms: &'t [Term],
    /// Each term's singular and plural forms (see [`forms`]).
    forms: Vec<Vec<Vec<u8>>>,
    /// Each term's key: text that every word it matches contains, in lower
    /// case, or as written for a term that must match capitals.
    keys: Vec<String>,
}

impl<'t> Matcher<'t> {
    fn new(terms: &'t [Term]) -> Self {
        let forms: Vec<Vec<Vec<u8>>> = terms
            .iter()
            .map(|term| owned_forms(term.word.as_bytes()))
            .collect();
        let keys = terms
            .iter()
            .zip(&forms)
            .map(|(term, forms)| {
                if term.capitals {
                    return term.word.to_uppercase();
                }
                // Every form begins with the shortest, except that `policies`
                // ends where `policy` has its `y`; a match shares up to six letters.
                let shortest = forms
                    .iter()
                    .min_by_key(|form| form.len())
                    .map_or(&[][..], |f| f);
                let shortest = shortest.strip_suffix(b"y").unwrap_or(shortest);
                let key = &shortest[..shortest.len().min(5)];
                String::from_utf8_lossy(key).into_owned()
            })
            .collect();
        Matcher { terms, forms, keys }
    }

    /// Scans `text` for the terms; `lower` is a buffer reused across calls.
    fn scan(&self, text: &str, lower: &mut String) -> Scan {
        let mut result = Scan::default();
        if text.is_ascii() {
            lower.clear();
            lower.push_str(text);
            lower.make_ascii_lowercase();
            // Any match contains its term's key, so most texts are ruled out by
            // one fast substring search, without splitting words.
            let found = |(term, key): (&Term, &String)| {
                if term.capitals {
                    text.contains(key.as_str())
                } else {
                    lower.contains(key.as_str())
                }
            };
            if !self.terms.iter().zip(&self.keys).any(found) {
                return result;
            }
            // Lower-casing ASCII moves no byte, so a word of `lower` stands at
            // the same offsets in `text`.
            let bytes = lower.as_bytes();
            for word in bytes.split(|b| !(b.is_ascii_alphanumeric() || *b == b'&')) {
                let word = trim_ampersands(word);
                if word.is_empty() {
                    continue;
                }
                result.words += 1;
                let start = word.as_ptr() as usize - bytes.as_ptr() as usize;
                let original = text.get(start..start + word.len()).unwrap_or_default();
                self.check(original, word, &mut result);
            }
            return result;
        }
        let mut word_lower = String::new();
        for word in words(text) {
            result.words += 1;
            word_lower.clear();
            word_lower.extend(word.chars().flat_map(char::to_lowercase));
            self.check(word, word_lower.as_bytes(), &mut result);
        }
        result
    }

    /// Records which terms the word `original` (`lower` in lower case) matches.
    fn check(&self, original: &str, lower: &[u8], result: &mut Scan) {
        for (index, term) in self.terms.iter().enumerate() {
            let wanted = term.word.as_bytes();
            // Every kind of match shares the first letter; most words fail here.
            if lower.first() != wanted.first() {
                continue;
            }
            let bit = 1 << index;
            if term.capitals {
                if lower == wanted && in_capitals(original) {
                    result.exact |= bit;
                    result.matched |= bit;
                }
            } else if lower == wanted {
                result.exact |= bit;
                result.matched |= bit;
            } else if lower.get(..2) == wanted.get(..2) && matches(&self.forms[index], lower) {
                // Every form of a word of three letters or more keeps its first
                // two, so words that differ there cannot match.
                result.matched |= bit;
            }
        }
    }
}

/// The longest word whose `ies` → `y` form is tried; longer words keep their other forms.
const LONGEST_PLURAL: usize = 64;

/// A word's forms with and without a plural ending, without allocating (the
/// search compares every word of the knowledge base that shares a term's first
/// letter, so this runs thousands of times a query).
struct Forms<'w> {
    list: [&'w [u8]; 4],
    len: usize,
}

impl<'w> Forms<'w> {
    fn iter(&self) -> impl Iterator<Item = &'w [u8]> + '_ {
        self.list[..self.len].iter().copied()
    }
}

/// The forms of a word with and without a plural ending: `policies` gives
/// `policies`, `policy` and `policie`; `processes` gives `processes`,
/// `process` and `processe`; `process` gives `process` alone. A stem is kept
/// only when three letters or more remain, so `its` never becomes `it`. The
/// `y` form is written into `spare`.
fn forms<'w>(word: &'w [u8], spare: &'w mut [u8; LONGEST_PLURAL]) -> Forms<'w> {
    let mut forms = Forms {
        list: [word; 4],
        len: 1,
    };
    let mut push = |form: &'w [u8]| {
        forms.list[forms.len] = form;
        forms.len += 1;
    };
    if let Some(stem) = word
        .strip_suffix(b"ies")
        .filter(|stem| stem.len() >= 2 && stem.len() < LONGEST_PLURAL)
    {
        spare[..stem.len()].copy_from_slice(stem);
        spare[stem.len()] = b'y';
        let spare: &'w [u8] = spare;
        push(&spare[..=stem.len()]);
    }
    if let Some(stem) = word.strip_suffix(b"es").filter(|stem| stem.len() >= 3) {
        push(stem);
    }
    if let Some(stem) = word
        .strip_suffix(b"s")
        .filter(|stem| stem.len() >= 3 && !stem.ends_with(b"s"))
    {
        push(stem);
    }
    forms
}

/// A term's [`forms`], kept.
fn owned_forms(word: &[u8]) -> Vec<Vec<u8>> {
    let mut spare = [0; LONGEST_PLURAL];
    forms(word, &mut spare).iter().map(<[u8]>::to_vec).collect()
}

/// Whether a query term (given as its [`forms`]) matches `word`: some form of
/// each is equal, or one begins the other (the shorter being at least three
/// letters, and six unless it is the term's), or they share their first six letters.
fn matches(term_forms: &[Vec<u8>], word: &[u8]) -> bool {
    const STEM: usize = 6;
    let mut spare = [0; LONGEST_PLURAL];
    let word_forms = forms(word, &mut spare);
    term_forms.iter().any(|term| {
        let term: &[u8] = term;
        word_forms.iter().any(|word| {
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

/// The words that say where a fact stands: its place's title and id, and its theme.
fn place_words<'a>(fact: &FactRef<'a>) -> [Option<&'a str>; 3] {
    let (title, id): (&str, &str) = match fact.place {
        Place::Summary => ("Summary", "summary"),
        Place::Section(section) => (&section.title, &section.id),
        Place::Dimension(dimension) => (&dimension.name, &dimension.id),
        Place::Topic(topic) => (&topic.title, &topic.id),
    };
    [Some(title), Some(id), fact.fact.theme.as_deref()]
}

/// The lengths, in characters, a word may have and still be alike enough to
/// `term` to be suggested: the edit distance is at least the difference in length.
fn alike_lengths(term: &str) -> std::ops::RangeInclusive<usize> {
    let length = term.chars().count();
    let shortest = length - allowed_edits(length);
    let mut longest = length;
    while longest + 1 - length <= allowed_edits(longest + 1) {
        longest += 1;
    }
    shortest.max(3)..=longest
}

/// The words of the knowledge base (the facts' texts and where they stand), in
/// lower case, that might be alike enough to `term` to be suggested: of a length
/// in [`alike_lengths`], and not too different in letters (the letters one word
/// has more of than the other each need an edit). Few words pass, so only they
/// are compared letter by letter in [`closest`].
fn candidates(facts: &[FactRef<'_>], term: &str) -> BTreeSet<String> {
    let lengths = alike_lengths(term);
    let term_letters = letters(term);
    let term_length = term.chars().count();
    let mut found = BTreeSet::new();
    let mut consider = |word: &str| {
        let length = if word.is_ascii() {
            word.len()
        } else {
            word.chars().count()
        };
        if !lengths.contains(&length) {
            return;
        }
        let allowed = allowed_edits(term_length.max(length));
        let word_letters = letters(word);
        let (mut more, mut fewer) = (0, 0);
        for (a, b) in term_letters.iter().zip(&word_letters) {
            more += a.saturating_sub(*b) as usize;
            fewer += b.saturating_sub(*a) as usize;
        }
        if more.max(fewer) <= allowed {
            found.insert(word.to_lowercase());
        }
    };
    let mut last_place = None;
    for fact in facts {
        each_word(&fact.fact.text, &mut consider);
        let place = place_words(fact);
        if last_place != Some(place) {
            for text in place.into_iter().flatten() {
                each_word(text, &mut consider);
            }
            last_place = Some(place);
        }
    }
    found
}

/// Calls `word` with each of the [`words`] of `text`, splitting bytes when the
/// text is ASCII, as it nearly always is.
fn each_word<'t>(text: &'t str, word: &mut impl FnMut(&'t str)) {
    if !text.is_ascii() {
        words(text).for_each(word);
        return;
    }
    for bytes in text
        .as_bytes()
        .split(|b| !(b.is_ascii_alphanumeric() || *b == b'&'))
    {
        let bytes = trim_ampersands(bytes);
        let start = bytes.as_ptr() as usize - text.as_ptr() as usize;
        match text.get(start..start + bytes.len()) {
            Some(found) if !found.is_empty() => word(found),
            _ => {}
        }
    }
}

/// How many of each letter from `a` to `z` a word has, in any case.
fn letters(word: &str) -> [u8; 26] {
    let mut counts = [0u8; 26];
    for byte in word.bytes() {
        let lower = byte.to_ascii_lowercase();
        if lower.is_ascii_lowercase() {
            let count = &mut counts[usize::from(lower - b'a')];
            *count = count.saturating_add(1);
        }
    }
    counts
}

/// The most edits that leave two words, the longer `length` long, alike enough
/// to suggest one for the other.
fn allowed_edits(length: usize) -> usize {
    ((1.0 - SUGGESTION_SIMILARITY) * length as f64 + 1e-9).floor() as usize
}

/// The words of `vocabulary` closest to `term`, closest first, at most
/// [`SUGGESTIONS`] of them and none less alike than [`SUGGESTION_SIMILARITY`]
/// (one less the edit distance, counting a swap of two letters as one edit,
/// over the longer length).
fn closest<'v>(term: &str, vocabulary: &'v BTreeSet<String>) -> Vec<&'v str> {
    let lengths = alike_lengths(term);
    let term_length = term.chars().count();
    let mut scored: Vec<(f64, &str)> = vocabulary
        .iter()
        .filter_map(|word| {
            let length = word.chars().count();
            if !lengths.contains(&length) {
                return None;
            }
            let longer = length.max(term_length);
            let distance = strsim::osa_distance(term, word);
            let similarity = 1.0 - distance as f64 / longer as f64;
            (distance <= allowed_edits(longer)).then_some((similarity, word.as_str()))
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
        self.suggestions
            .iter()
            .filter(|suggestion| !self.hits.is_empty() || !suggestion.words.is_empty())
            .map(|suggestion| {
                if suggestion.words.is_empty() {
                    format!("No fact has “{}”.", suggestion.term)
                } else {
                    format!(
                        "No fact has “{}”; did you mean {}?",
                        suggestion.term,
                        either(&suggestion.words)
                    )
                }
            })
            .collect()
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
        if self.hits.is_empty() {
            let none = format!("No facts match {}.", painter.heading(&self.searched()));
            writeln!(out, "{}", wrap::fill(&none, painter.width(), "", ""))?;
            for line in self.suggestion_lines() {
                writeln!(out, "{}", wrap::fill(&line, painter.width(), "", ""))?;
            }
            return Ok(());
        }
        let count = format!(
            "{} of {} matching facts for {}",
            self.hits.len(),
            self.total,
            painter.heading(&self.searched())
        );
        writeln!(out, "{}", wrap::fill(&count, painter.width(), "", ""))?;
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
        let verdict = match &self.lean {
            Some(lean) => format!(
                "Leans to {} ({}): {:.0}% of the match weight ({}).",
                lean.role.to_uppercase(),
                lean.name,
                lean.share * 100.0,
                weights.join(", ")
            ),
            None => format!(
                "No clear lean: the matches are spread across roles ({}).",
                weights.join(", ")
            ),
        };
        let wrapped = wrap::fill(&verdict, painter.width(), "", "");
        match &self.lean {
            Some(lean) => {
                let role = lean.role.to_uppercase();
                writeln!(
                    out,
                    "{}",
                    wrapped.replacen(&role, &painter.accent(&role), 1)
                )?;
            }
            None => writeln!(out, "{wrapped}")?,
        }
        for line in self.suggestion_lines() {
            let line = wrap::fill(&line, painter.width(), "", "");
            writeln!(out, "{}", painter.dim(&line))?;
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
        if let Some(lean) = &self.lean {
            writeln!(
                out,
                "The matches lean to **{}** ({}), with {:.0}% of the match weight.\n",
                lean.role.to_uppercase(),
                lean.name,
                lean.share * 100.0
            )?;
        } else {
            writeln!(out, "The matches lean to no single role.\n")?;
        }
        table_row(
            out,
            &[
                "Role".into(),
                "Where".into(),
                "Fact".into(),
                "Sources".into(),
            ],
        )?;
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

    fn term_words(query: &str) -> Vec<String> {
        terms(query).iter().map(Term::shown).collect()
    }

    fn matched(term: &str, word: &str) -> bool {
        matches(&owned_forms(term.as_bytes()), word.as_bytes())
    }

    #[test]
    fn the_ignored_words_are_sorted_for_the_binary_search() {
        assert!(IGNORED.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn question_words_are_dropped_unless_written_in_capitals() {
        assert_eq!(term_words("who owns the IT budget"), ["IT", "budget"]);
        assert_eq!(term_words("is it in the budget"), ["budget"]);
        assert_eq!(term_words("US vs us"), ["US", "vs"]);
        // A single capital letter is a word, not an acronym.
        assert_eq!(term_words("should I hire"), ["hire"]);
    }

    #[test]
    fn a_word_in_capitals_that_is_no_question_word_matches_in_any_case() {
        let terms = terms("GOVERNANCE CIO");
        assert!(terms.iter().all(|term| !term.capitals), "{terms:?}");
        assert_eq!(term_words("GOVERNANCE"), ["governance"]);
    }

    #[test]
    fn an_ampersand_inside_a_word_keeps_it_whole() {
        assert_eq!(term_words("R&D"), ["r&d"]);
        assert_eq!(term_words("tech & data"), ["tech", "data"]);
        assert_eq!(
            words("Innovation and R&D.").collect::<Vec<_>>(),
            ["Innovation", "and", "R&D"]
        );
    }

    #[test]
    fn repeated_words_are_searched_once_in_the_order_first_given() {
        assert_eq!(
            term_words("data Data governance DATA data"),
            ["data", "governance"]
        );
        assert_eq!(term_words("IT it IT"), ["IT"]);
    }

    #[test]
    fn singular_and_plural_match_both_ways() {
        for (singular, plural) in [
            ("salary", "salaries"),
            ("policy", "policies"),
            ("process", "processes"),
            ("approach", "approaches"),
            ("vendor", "vendors"),
            ("niche", "niches"),
            ("strategy", "strategies"),
        ] {
            assert!(matched(singular, plural), "{singular} finds {plural}");
            assert!(matched(plural, singular), "{plural} finds {singular}");
        }
    }

    #[test]
    fn a_word_finds_longer_words_it_begins_and_words_sharing_six_letters() {
        assert!(matched("govern", "governance"));
        assert!(matched("governing", "governance"));
        assert!(matched("data", "database"));
        assert!(matched("gov", "governance"));
        assert!(!matched("go", "governance"));
        assert!(!matched("innovation", "in"));
        assert!(!matched("its", "it"));
        assert!(!matched("salary", "sales"));
        assert!(!matched("cost", "customer"));
    }

    #[test]
    fn a_key_is_in_every_form_a_term_matches() {
        for term in [
            "salary",
            "policies",
            "processes",
            "governing",
            "data",
            "tech",
        ] {
            let owned = terms(term);
            let matcher = Matcher::new(&owned);
            let key = &matcher.keys[0];
            for word in [
                "salaries",
                "salary",
                "policy",
                "policies",
                "process",
                "processes",
                "governance",
                "govern",
                "data",
                "database",
                "it",
            ] {
                if matched(term, word) {
                    assert!(
                        word.contains(key.as_str()),
                        "{term}: key `{key}` not in {word}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_word_in_capitals_finds_only_capitals() {
        let owned = terms("IT");
        let matcher = Matcher::new(&owned);
        let mut buffer = String::new();
        assert_eq!(
            matcher
                .scan("It runs the IT department.", &mut buffer)
                .exact,
            1
        );
        assert_eq!(matcher.scan("It runs it all.", &mut buffer).matched, 0);
    }

    #[test]
    fn suggestions_are_the_closest_words_closest_first() {
        let vocabulary: BTreeSet<String> = ["security", "secure", "governance", "salary", "sales"]
            .map(String::from)
            .into();
        assert_eq!(closest("secruity", &vocabulary), ["security"]);
        assert_eq!(closest("governence", &vocabulary), ["governance"]);
        assert_eq!(closest("slary", &vocabulary)[0], "salary");
        assert!(closest("zzyzx", &vocabulary).is_empty());
    }

    #[test]
    fn a_suggestion_may_be_a_few_letters_longer_or_shorter() {
        assert_eq!(allowed_edits(3), 0);
        assert_eq!(allowed_edits(4), 1);
        assert_eq!(allowed_edits(10), 3);
        assert_eq!(alike_lengths("governance"), 7..=14);
        assert_eq!(alike_lengths("slary"), 4..=7);
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
