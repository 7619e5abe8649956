//! `roles search`: every fact scored against the query's words, best first, and
//! the role the matches lean to.
//!
//! A query word matches a word of a fact when one begins the other and, for words
//! of six letters or more, they share the first six ("governing" finds
//! "governance"). Rare words weigh more than common ones (inverse document
//! frequency), and a fact that matches more of the query ranks above one that
//! matches less. A plural `s` is ignored on both sides. Question words ("who", "owns", "the") are ignored.

use std::collections::BTreeMap;
use std::io::Write;

use schemars::JsonSchema;
use serde::Serialize;

use super::{SCHEMA_VERSION, every_fact};
use crate::error::BadInput;
use crate::kb::Text;
use crate::library::Library;
use crate::render::grid::Grid;
use crate::render::markdown::{cell, table_row};
use crate::render::{Painter, View, wrap};

/// Words that carry no meaning in a question about roles.
const IGNORED: &[&str] = &[
    "a",
    "an",
    "and",
    "are",
    "about",
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

/// The search result.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SearchView {
    /// Output shape version.
    pub schema_version: u32,
    /// The query as given.
    pub query: Text,
    /// The words searched for, after dropping question words.
    pub terms: Vec<Text>,
    /// How many facts matched in all.
    pub total: usize,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// Which role the matches lean to; `null` when they lean to none.
    pub lean: Option<Lean>,
    /// Match weight per role id, summed over the hits that matched the most terms.
    pub weights: BTreeMap<Text, f64>,
}

/// One matching fact.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Hit {
    /// The role the fact concerns, `null` when it concerns several or none.
    pub role: Option<Text>,
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

/// Searches every fact for `words`, keeping the best `limit` hits.
pub fn search(library: &Library, words: &[String], limit: usize) -> anyhow::Result<SearchView> {
    let query = words.join(" ");
    let mut terms: Vec<String> = Vec::new();
    for word in tokens(&query) {
        if !IGNORED.contains(&word.as_str()) && !terms.contains(&word) {
            terms.push(word);
        }
    }
    if terms.is_empty() {
        return Err(BadInput::err(format!(
            "nothing to search for in `{query}`; give a word such as `governance` or `innovation`"
        )));
    }

    // At most 64 terms, so a fact's matches fit in a bit mask.
    terms.truncate(64);
    let facts = every_fact(library);
    // One pass over every fact: which terms each matches, exactly or by stem.
    let mut lower = String::new();
    let scanned: Vec<Scan> = facts
        .iter()
        .map(|fact| scan(&fact.fact.text, &terms, &mut lower))
        .collect();
    let idf: Vec<f64> = (0..terms.len())
        .map(|term| {
            let frequency = scanned
                .iter()
                .filter(|scan| scan.matched & (1 << term) != 0)
                .count();
            (1.0 + facts.len() as f64 / (1.0 + frequency as f64)).ln()
        })
        .collect();

    let mut hits: Vec<(usize, Hit)> = Vec::new();
    for (index, (fact, scan)) in facts.iter().zip(&scanned).enumerate() {
        let mut score = 0.0;
        let mut matched = 0;
        for (term, weight) in idf.iter().enumerate() {
            if scan.exact & (1 << term) != 0 {
                score += weight * 1.25;
                matched += 1;
            } else if scan.matched & (1 << term) != 0 {
                score += weight;
                matched += 1;
            }
        }
        if matched == 0 {
            continue;
        }
        // Favour facts that match all of the query, then shorter, more focused facts.
        score *= matched as f64 / terms.len() as f64;
        score /= 1.0 + (scan.words as f64 / 40.0);
        let role = match fact.roles {
            [one] => Some(one.clone()),
            _ => None,
        };
        hits.push((
            index,
            Hit {
                role,
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

    // The lean counts only the hits that matched the most terms, so a common word
    // in a long query does not drown out the specific ones.
    let best = hits.first().map_or(0, |(_, hit)| hit.matched_terms);
    let mut weights: BTreeMap<Text, f64> = library
        .role_refs()
        .iter()
        .map(|r| (r.id.clone(), 0.0))
        .collect();
    for (index, hit) in hits.iter().filter(|(_, h)| h.matched_terms == best) {
        let roles = &facts[*index].roles;
        for role in roles.iter() {
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

    let total = hits.len();
    Ok(SearchView {
        schema_version: SCHEMA_VERSION,
        query: query.into(),
        terms: terms.into_iter().map(Text::from).collect(),
        total,
        hits: hits.into_iter().take(limit).map(|(_, hit)| hit).collect(),
        lean,
        weights,
    })
}

/// Which query terms a fact's text holds: `exact` for a whole-word match, and
/// `matched` for any match (bit `i` for term `i`); `words` counts its words.
#[derive(Debug, Clone, Copy, Default)]
struct Scan {
    exact: u64,
    matched: u64,
    words: usize,
}

/// Scans `text` for `terms` without allocating per word; `lower` is a buffer
/// reused across calls. Words are runs of letters and digits.
fn scan(text: &str, terms: &[String], lower: &mut String) -> Scan {
    lower.clear();
    let mut result = Scan::default();
    let mut check = |word: &[u8]| {
        result.words += 1;
        for (index, term) in terms.iter().enumerate() {
            let term = term.as_bytes();
            // Every kind of match shares the first letter; most words fail here.
            if word.first() != term.first() {
                continue;
            }
            if word == term {
                result.exact |= 1 << index;
                result.matched |= 1 << index;
            } else if matches(term, word) {
                result.matched |= 1 << index;
            }
        }
    };
    if text.is_ascii() {
        lower.push_str(text);
        lower.make_ascii_lowercase();
        // Any match contains the start of the term (see `matches`), so most facts
        // are ruled out by one fast substring search, without splitting words.
        if !terms.iter().any(|term| lower.contains(match_key(term))) {
            return result;
        }
        lower
            .as_bytes()
            .split(|b| !b.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .for_each(&mut check);
    } else {
        lower.extend(text.chars().flat_map(char::to_lowercase));
        lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .for_each(|word| check(word.as_bytes()));
    }
    result
}

/// Lower-case words of a text; `data-driven` gives `data` and `driven`.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// What every word that `matches` a term contains: the term without a plural
/// `s`, cut to its first six letters.
fn match_key(term: &str) -> &str {
    let stem = singular(term.as_bytes());
    let length = stem.len().min(6);
    // The term is lower-case ASCII here, so any length is a character boundary.
    term.get(..length).unwrap_or(term)
}

/// A word without a plural `s`: `drives` gives `drive`, `process` stays.
fn singular(word: &[u8]) -> &[u8] {
    match word.strip_suffix(b"s") {
        Some(stem) if stem.len() >= 3 && !stem.ends_with(b"s") => stem,
        _ => word,
    }
}

/// Whether query `term` matches `word`: one begins the other (the shorter being at
/// least three letters), or both share their first six letters. A plural `s` is
/// dropped first, so `drives` finds `drive`.
fn matches(term: &[u8], word: &[u8]) -> bool {
    const STEM: usize = 6;
    let (term, word) = (singular(term), singular(word));
    let (short, long) = if term.len() <= word.len() {
        (term, word)
    } else {
        (word, term)
    };
    (short.len() >= 3 && long.starts_with(short) && (short == term || short.len() >= STEM))
        || short.get(..STEM).is_some_and(|stem| long.starts_with(stem))
        || term == word
}

impl View for SearchView {
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        if self.hits.is_empty() {
            writeln!(
                out,
                "No facts match {}.",
                painter.heading(&format!("“{}”", self.terms.join(" ")))
            )?;
            return Ok(());
        }
        writeln!(
            out,
            "{} of {} matching facts for {}",
            self.hits.len(),
            self.total,
            painter.heading(&format!("“{}”", self.terms.join(" ")))
        )?;
        let mut grid = Grid::new(Some(
            ["Role", "Where", "Fact", "Source"]
                .map(String::from)
                .to_vec(),
        ))
        .cap(1, 18);
        for hit in &self.hits {
            grid.row(vec![
                hit.role.as_deref().unwrap_or("both").to_uppercase(),
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
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "# Search: {}\n", self.terms.join(" "))?;
        if self.hits.is_empty() {
            writeln!(out, "No facts match.")?;
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
                    hit.role.as_deref().unwrap_or("both").to_uppercase(),
                    cell(&hit.section_title),
                    cell(&hit.text),
                    hit.sources.join(", "),
                ],
            )?;
        }
        Ok(())
    }
}
