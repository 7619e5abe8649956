//! No run of eight words in `data/` is copied from an article in
//! `../shared/seeds/`, except the articles' titles and salary figures, which are
//! copied exactly. Where the articles are absent the tests say so (CI has them).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::common::items;
use serde_json::Value;

/// How many consecutive words count as copying.
const RUN: usize = 8;

/// A file or directory of the repository.
fn repository(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The names of the files in `dir` ending in `.extension`, sorted.
fn files(dir: &Path, extension: &str) -> Vec<String> {
    let names = crate::common::dir_entries(dir).into_iter();
    names
        .filter(|name| name.ends_with(&format!(".{extension}")))
        .collect()
}

/// The seed articles' texts by file name, or `None` (after a note on stderr)
/// when they are absent.
fn articles() -> Option<Vec<(String, String)>> {
    let dir = repository("../shared/seeds");
    if !dir.is_dir() {
        crate::common::prerequisite_missing(&format!("the articles at {}", dir.display()));
        return None;
    }
    let read = |name: String| {
        let text = std::fs::read_to_string(dir.join(&name)).expect("an article");
        (name, text)
    };
    let articles: Vec<_> = files(&dir, "txt").into_iter().map(read).collect();
    assert!(!articles.is_empty(), "no articles in {}", dir.display());
    Some(articles)
}

/// Lower-case words: letters and digits, keeping `$` and a `.` or `,` inside a
/// number, so "$102,150" is one word; everything else separates words.
fn words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    for (index, &c) in chars.iter().enumerate() {
        let inside_number = matches!(c, '.' | ',')
            && word.ends_with(|p: char| p.is_ascii_digit())
            && chars.get(index + 1).is_some_and(char::is_ascii_digit);
        if c.is_alphanumeric() || c == '$' || inside_number {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    words.extend((!word.is_empty()).then_some(word));
    words
}

/// Every run of [`RUN`] consecutive words in `text`.
fn runs(text: &str) -> Vec<Vec<String>> {
    words(text).windows(RUN).map(<[String]>::to_vec).collect()
}

/// Every string in a YAML document (keys too), with where it was found.
fn strings(value: &Value, path: &str, found: &mut Vec<(String, String)>) {
    match value {
        Value::String(text) => found.push((path.to_owned(), text.clone())),
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                strings(item, &format!("{path}[{index}]"), found);
            }
        }
        Value::Object(map) => map
            .iter()
            .for_each(|(key, item)| strings(item, &format!("{path}.{key}"), found)),
        _ => {}
    }
}

/// A YAML file of the repository, as JSON.
fn yaml(path: &Path) -> Value {
    roles::kb::yaml::parse(&std::fs::read_to_string(path).expect("a data file")).expect("YAML")
}

/// Every string in every YAML file in `data/` (the knowledge base, the
/// questionnaire, the disputes, the areas, and any file added later).
fn data_strings() -> Vec<(String, String)> {
    let files = files(&repository("data"), "yaml");
    assert!(files.iter().any(|name| name == "kb.yaml"), "{files:?}");
    let mut found = Vec::new();
    for name in &files {
        let path = repository(&format!("data/{name}"));
        strings(&yaml(&path), &format!("data/{name}"), &mut found);
    }
    found
}

/// The strings of `ours` that share a run of [`RUN`] words with an article,
/// except the articles' titles (`sources[…].title`), which are quoted as given.
fn copied(ours: &[(String, String)], articles: &[(String, String)]) -> Vec<String> {
    let theirs: HashSet<Vec<String>> = articles.iter().flat_map(|(_, text)| runs(text)).collect();
    let title = |path: &str| path.contains(".sources[") && path.ends_with(".title");
    let ours = ours.iter().filter(|(path, _)| !title(path));
    ours.filter_map(|(path, text)| {
        let run = runs(text).into_iter().find(|run| theirs.contains(run))?;
        Some(format!("{path}: {:?}", run.join(" ")))
    })
    .collect()
}

#[test]
fn no_run_of_eight_words_in_the_data_is_copied_from_an_article() {
    let Some(articles) = articles() else { return };
    let ours = data_strings();
    assert!(!ours.is_empty());
    let copies = copied(&ours, &articles).join("\n");
    assert!(
        copies.is_empty(),
        "these copy an article; say it in other words:\n{copies}"
    );
    // The check catches a sentence lifted from an article.
    let lifted = words(&articles[0].1);
    let lifted = lifted
        .windows(RUN + 3)
        .next()
        .expect("a long article")
        .join(" ");
    let ours = [(
        "lifted".to_owned(),
        format!("As the article says, {lifted}!"),
    )];
    assert_eq!(copied(&ours, &articles).len(), 1, "{lifted}");
}

#[test]
fn words_keep_dollar_amounts_whole_and_ignore_case_and_punctuation() {
    let words = words("The CTO's pay: $102,150 per year, or $22.33/hour.");
    let expected = "the cto s pay $102,150 per year or $22.33 hour";
    assert_eq!(words, expected.split(' ').collect::<Vec<_>>());
}

#[test]
fn every_salary_figure_appears_verbatim_in_the_article_it_cites() {
    let Some(articles) = articles() else { return };
    let kb = yaml(&repository("data/kb.yaml"));
    let sources = items(&kb["sources"]);
    let article = |id: &Value| {
        let source = sources.iter().find(|source| source["id"] == *id);
        let file = &source.expect("a cited source")["file"];
        let article = articles.iter().find(|(name, _)| file == name.as_str());
        &article.expect("the cited article").1
    };
    let mut checked = 0;
    for role in items(&kb["roles"]) {
        for salary in role["salaries"].as_array().into_iter().flatten() {
            let figure = salary["figure"].as_str().expect("figure");
            let cited = items(&salary["sources"]);
            let quoted = cited.iter().any(|id| article(id).contains(figure));
            assert!(quoted, "{figure:?} is not in {cited:?}");
            checked += 1;
        }
    }
    assert!(checked > 0, "the knowledge base has salary figures");
}
