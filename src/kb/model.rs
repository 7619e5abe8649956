//! The types the parts of a knowledge base share: sources, facts, roles,
//! comparison dimensions, topics and questionnaires, exactly as a file holds them.
//! Nothing here names a particular role: roles, dimensions and questions are data;
//! optional fields use `#[serde(default)]` so a hand-written file can leave them out.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// One article the knowledge base is distilled from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short id that facts cite, e.g. `overlap`.
    pub id: String,
    /// The article's title as it gives it (or a description when it has none).
    pub title: String,
    /// Publisher or site, where the article names one.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Publication or update date, where the article gives one.
    #[serde(default)]
    pub date: Option<String>,
    /// The seed file the article was read from.
    pub file: String,
    /// Anything a reader should know about the source.
    #[serde(default)]
    pub note: Option<String>,
}

/// A statement in our own words, with the sources that support it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// The paraphrase.
    pub text: String,
    /// Ids of the sources that support it (at least one).
    pub sources: Vec<String>,
    /// Optional group within its section (e.g. a responsibility theme).
    #[serde(default)]
    pub theme: Option<String>,
    /// For facts in cross-role topics: the roles the fact is about.
    #[serde(default)]
    pub roles: Vec<String>,
}

/// One executive role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Lower-case id used on the command line, e.g. `cio`.
    pub id: String,
    /// Full title, e.g. "Chief Information Officer".
    pub name: String,
    /// One-line summary of the role.
    pub summary: Fact,
    /// The profile, grouped by section (responsibilities, KPIs, …).
    pub sections: Vec<Section>,
    /// Salary figures exactly as a source reports them.
    #[serde(default)]
    pub salaries: Vec<Salary>,
}

/// A named part of a role's profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Id used by `roles show --section`, e.g. `kpis`.
    pub id: String,
    /// Heading, e.g. "Key performance indicators".
    pub title: String,
    /// The facts, in order; `theme` groups them.
    pub facts: Vec<Fact>,
}

/// A salary figure as reported by one source, never converted or rounded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Salary {
    /// The figure exactly as reported, e.g. "$102,150 per year".
    pub figure: String,
    /// What the figure is, e.g. "national average salary".
    pub basis: String,
    /// Where it applies.
    pub place: String,
    /// Places the source names as paying the most.
    #[serde(default)]
    pub highest_paying: Vec<String>,
    /// When it was reported.
    pub as_of: String,
    /// Who collected the figure, e.g. a salary site the article cites.
    #[serde(default)]
    pub data_from: Option<String>,
    /// The source that reports it.
    pub sources: Vec<String>,
    /// What a reader must know before reading the figure, shown wherever it is.
    #[serde(default)]
    pub caveats: Vec<String>,
    /// The figure's number, for scripts: exactly the number `figure` prints
    /// (checked when the knowledge base is loaded), never converted.
    #[serde(default)]
    pub amount: Option<f64>,
    /// The figure's currency as an ISO 4217 code, e.g. `CAD`; it follows from
    /// `place` (an article that prints `$` for Canada means Canadian dollars).
    #[serde(default)]
    pub currency: Option<String>,
    /// What the figure is paid per.
    #[serde(default)]
    pub period: Option<PayPeriod>,
}

/// What a salary figure is paid per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PayPeriod {
    /// Per hour.
    Hour,
    /// Per day.
    Day,
    /// Per week.
    Week,
    /// Per month.
    Month,
    /// Per year.
    Year,
}

/// One row of the side-by-side comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Id used by `roles compare --only`, e.g. `focus`.
    pub id: String,
    /// Row label, e.g. "Focus".
    pub name: String,
    /// What the row compares.
    #[serde(default)]
    pub description: Option<String>,
    /// The value for each role, keyed by role id.
    #[serde(deserialize_with = "unique_keys")]
    pub values: BTreeMap<String, Fact>,
    /// What a reader must know before comparing the values, shown wherever they are.
    #[serde(default)]
    pub caveats: Vec<String>,
}

/// Facts about the roles together, e.g. "When a company needs both".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Id, e.g. `need-both`.
    pub id: String,
    /// Heading.
    pub title: String,
    /// The facts; `theme` groups them and `roles` says whom each concerns.
    pub facts: Vec<Fact>,
}

/// The hiring questionnaire: questions, their choices and how each choice scores.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// The questions, in the order they are asked.
    #[serde(default)]
    pub questions: Vec<Question>,
}

/// One question of the questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Id used by `--answer ID=VALUE`, e.g. `aim`.
    pub id: String,
    /// The question as asked.
    pub text: String,
    /// One line on why we ask.
    pub hint: String,
    /// Whether several choices may be picked (comma-separated on the command line).
    #[serde(default)]
    pub multiple: bool,
    /// Whether the answer may be a non-negative whole number (then it needs no choices).
    #[serde(default)]
    pub number: bool,
    /// The possible answers (none for a `number` question).
    #[serde(default)]
    pub choices: Vec<Choice>,
}

/// One possible answer and what it says about the hire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Value used on the command line, e.g. `process`.
    pub value: String,
    /// How the choice reads in the prompt.
    pub label: String,
    /// Points this choice gives each role, keyed by role id; each within
    /// ±[`super::validate::MAX_WEIGHT`], like the three tallies below.
    #[serde(default, deserialize_with = "unique_keys")]
    pub weights: BTreeMap<String, i32>,
    /// Points towards hiring more than one of the roles.
    #[serde(default)]
    pub both: i32,
    /// Points towards a fractional (part-time) engagement.
    #[serde(default)]
    pub fractional: i32,
    /// Points towards a full-time engagement.
    #[serde(default)]
    pub full_time: i32,
    /// Why the choice scores as it does, citing the article facts behind it.
    pub reason: Fact,
    /// What supports the reason: an article (the default), articles that
    /// disagree, or our judgement.
    #[serde(default)]
    pub basis: Basis,
    /// Other values accepted for this choice, e.g. an older spelling kept so
    /// saved answers files still work.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// For a question that takes a number: the least number this choice covers
    /// (a number maps to the choice with the greatest `at_least` not above it).
    #[serde(default)]
    pub at_least: Option<u32>,
    /// How many full-time senior seats the company can fund, for the answer that
    /// says so (the budget); the hire plan never puts more roles full-time.
    #[serde(default)]
    pub seats: Option<u8>,
    /// The role this choice puts first when needs tie (a question of priority);
    /// it adds no need to any role.
    #[serde(default)]
    pub first: Option<String>,
    /// A caveat to show when this answer limits the plan (e.g. fewer seats than
    /// roles recommended).
    #[serde(default)]
    pub caveat: Option<Fact>,
}

/// What supports a statement: an article, articles that disagree, or our reading
/// of the articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// An article says it.
    #[default]
    Article,
    /// The articles disagree; the statement says so and cites each side.
    Disputed,
    /// Our judgement, drawn from the articles it cites but said by none of them.
    Judgement,
}

/// Deserialises a map, refusing a key given twice instead of keeping the last one.
pub fn unique_keys<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    struct UniqueKeys<K, V>(std::marker::PhantomData<(K, V)>);

    impl<'de, K, V> Visitor<'de> for UniqueKeys<K, V>
    where
        K: Deserialize<'de> + Ord + fmt::Display,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a mapping with unique keys")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
            let mut map = BTreeMap::new();
            while let Some((key, value)) = access.next_entry::<K, V>()? {
                if map.contains_key(&key) {
                    return Err(serde::de::Error::custom(format_args!(
                        "duplicate key `{}`; give each key once",
                        super::text::shown(&key.to_string())
                    )));
                }
                map.insert(key, value);
            }
            Ok(map)
        }
    }

    deserializer.deserialize_map(UniqueKeys(std::marker::PhantomData))
}
