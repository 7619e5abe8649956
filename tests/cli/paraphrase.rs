//! The knowledge base states the articles' facts in its own words: no run of
//! eight words in `data/` is copied from an article in `../shared/seeds/`. The
//! articles' titles and salary figures are the exceptions, and must be copied
//! exactly as their article gives them.
//!
//! The articles are not part of this repository; where they are absent the tests
//! say so on stderr and pass (CI has them).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// How many consecutive words count as copying.
const RUN: usize = 8;

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seed articles, or `None` (after a note on stderr) when they are absent.
fn seeds() -> Option<PathBuf> {
    let dir = manifest_dir().join("../shared/seeds");
    if dir.is_dir() {
        Some(dir)
    } else {
        crate::common::prerequisite_missing(&format!("the articles at {}", dir.display()));
        None
    }
}

/// The articles' texts, by file name.
fn articles(dir: &Path) -> Vec<(String, String)> {
    let mut articles: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("the seeds directory")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .map(|path| {
            let name = path
                .file_name()
                .expect("a file name")
                .to_string_lossy()
                .into();
            (name, std::fs::read_to_string(&path).expect("an article"))
        })
        .collect();
    articles.sort();
    assert!(!articles.is_empty(), "no articles in {}", dir.display());
    articles
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
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Every run of [`RUN`] consecutive words in `text`.
fn runs(text: &str) -> Vec<Vec<String>> {
    words(text).windows(RUN).map(<[String]>::to_vec).collect()
}

/// Every string in a YAML document (keys too), with where it was found.
fn strings(value: &serde_json::Value, path: &str, found: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(text) => found.push((path.to_owned(), text.clone())),
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                strings(item, &format!("{path}[{index}]"), found);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                strings(item, &format!("{path}.{key}"), found);
            }
        }
        _ => {}
    }
}

/// Every string in every YAML file in `data/` (the knowledge base, the
/// questionnaire, the disputes, the areas, and any file added later).
fn data_strings() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(manifest_dir().join("data"))
        .expect("the data directory")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    files.sort();
    assert!(
        files.iter().any(|path| path.ends_with("kb.yaml")),
        "data/kb.yaml is among {files:?}"
    );
    let mut found = Vec::new();
    for path in &files {
        let name = format!(
            "data/{}",
            path.file_name().expect("a file name").to_string_lossy()
        );
        let text = std::fs::read_to_string(path).expect("a data file");
        let yaml: serde_json::Value = roles::kb::yaml::parse(&text).expect("data is YAML");
        strings(&yaml, &name, &mut found);
    }
    assert!(!found.is_empty());
    found
}

/// The strings of `ours` that share a run of [`RUN`] words with an article,
/// except the articles' titles (`sources[…].title`), which are quoted as given.
fn copied(ours: &[(String, String)], articles: &[(String, String)]) -> Vec<String> {
    let theirs: HashSet<Vec<String>> = articles.iter().flat_map(|(_, text)| runs(text)).collect();
    let title = |path: &str| path.contains(".sources[") && path.ends_with(".title");
    ours.iter()
        .filter(|(path, _)| !title(path))
        .filter_map(|(path, text)| {
            let run = runs(text).into_iter().find(|run| theirs.contains(run))?;
            Some(format!("{path}: {:?}", run.join(" ")))
        })
        .collect()
}

#[test]
fn no_run_of_eight_words_in_the_data_is_copied_from_an_article() {
    let Some(dir) = seeds() else { return };
    let copies = copied(&data_strings(), &articles(&dir));
    assert!(
        copies.is_empty(),
        "{} strings copy an article; say it in other words:\n{}",
        copies.len(),
        copies.join("\n")
    );
}

#[test]
fn the_copy_check_catches_a_sentence_lifted_from_an_article() {
    let Some(dir) = seeds() else { return };
    let articles = articles(&dir);
    let (name, text) = &articles[0];
    let lifted = words(text)
        .windows(RUN + 3)
        .next()
        .unwrap_or_else(|| panic!("{name} is shorter than {RUN} words"))
        .join(" ");
    let ours = vec![(
        "lifted".to_owned(),
        format!("As the article says, {lifted}!"),
    )];
    assert_eq!(copied(&ours, &articles).len(), 1, "{lifted}");
}

#[test]
fn words_keep_dollar_amounts_whole_and_ignore_case_and_punctuation() {
    assert_eq!(
        words("The CTO's pay: $102,150 per year, or $22.33/hour."),
        [
            "the", "cto", "s", "pay", "$102,150", "per", "year", "or", "$22.33", "hour"
        ]
    );
}

#[test]
fn every_salary_figure_appears_verbatim_in_the_article_it_cites() {
    let Some(dir) = seeds() else { return };
    let text = std::fs::read_to_string(manifest_dir().join("data/kb.yaml")).expect("kb");
    let kb: serde_json::Value = roles::kb::yaml::parse(&text).expect("kb is YAML");
    let file_of = |id: &str| -> String {
        kb["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .find(|source| source["id"].as_str() == Some(id))
            .and_then(|source| source["file"].as_str())
            .unwrap_or_else(|| panic!("source `{id}`"))
            .to_owned()
    };
    let mut checked = 0;
    for role in kb["roles"].as_array().expect("roles") {
        for salary in role["salaries"].as_array().into_iter().flatten() {
            let figure = salary["figure"].as_str().expect("figure");
            let cited: Vec<String> = salary["sources"]
                .as_array()
                .expect("salary sources")
                .iter()
                .map(|id| file_of(id.as_str().expect("source id")))
                .collect();
            let found = cited.iter().any(|file| {
                std::fs::read_to_string(dir.join(file))
                    .expect("the cited article")
                    .contains(figure)
            });
            assert!(found, "{figure:?} is not in {cited:?}");
            checked += 1;
        }
    }
    assert!(checked > 0, "the knowledge base has salary figures");
}

#[test]
fn every_salary_figure_appears_verbatim_in_article_003() {
    let Some(dir) = seeds() else { return };
    let article = std::fs::read_dir(&dir)
        .expect("seeds")
        .map(|entry| entry.expect("an entry").path())
        .find(|path| {
            path.file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with("003_"))
        })
        .expect("article 003");
    let text = std::fs::read_to_string(&article).expect("article 003");
    let figures: Vec<String> = data_strings()
        .into_iter()
        .filter(|(path, _)| path.contains(".salaries[") && path.ends_with(".figure"))
        .map(|(_, figure)| figure)
        .collect();
    assert!(!figures.is_empty(), "the knowledge base has salary figures");
    for figure in figures {
        assert!(
            text.contains(&figure),
            "{figure:?} in {}",
            article.display()
        );
    }
}
