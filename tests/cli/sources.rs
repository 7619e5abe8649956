//! `roles sources`: the articles the knowledge base is drawn from, and that
//! every citation in it points to one of them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::*;
use serde_json::Value;

/// Every list of cited source ids in a dumped knowledge base: any `sources`
/// field holding strings (the top-level list of articles holds objects).
fn citations<'a>(value: &'a Value, found: &mut Vec<Vec<&'a str>>) {
    match value {
        Value::Object(map) => {
            for (key, field) in map {
                match field.as_array() {
                    Some(items) if key == "sources" && items.iter().all(Value::is_string) => {
                        found.push(items.iter().filter_map(Value::as_str).collect());
                    }
                    _ => citations(field, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| citations(item, found)),
        _ => {}
    }
}

#[test]
fn lists_the_five_articles_each_with_its_seed_file_and_title() {
    let sources = json(&["sources"]);
    let expected = [
        "difference",
        "key-differences",
        "overlap",
        "definitions",
        "tension",
    ];
    assert_eq!(ids(&sources["sources"]), expected);
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        prerequisite_missing(&format!("the articles at {}", seeds.display()));
    }
    let table = roles(&["sources"]).columns(120).succeeds().stdout;
    for source in items(&sources["sources"]) {
        let (id, file) = (string(&source["id"]), string(&source["file"]));
        let ok = !string(&source["title"]).is_empty() && file.ends_with(".txt");
        assert!(ok, "{id}");
        let seed = !seeds.is_dir() || seeds.join(file).is_file();
        assert!(seed, "{file} in {}", seeds.display());
        let shown = table.contains(id) && table.contains(file);
        assert!(shown, "{id} and {file} in\n{table}");
    }
}

#[test]
fn every_citation_is_a_listed_source_and_counted_once_per_fact() {
    let dump = json(&["kb", "dump"]);
    let mut cited = Vec::new();
    citations(&dump, &mut cited);
    assert!(!cited.is_empty());
    let mut counted: BTreeMap<&str, u64> = BTreeMap::new();
    for list in &cited {
        assert!(!list.is_empty(), "a fact cites no source");
        // A fact counts once for a source, however often it lists it.
        for id in list.iter().collect::<BTreeSet<_>>() {
            *counted.entry(id).or_default() += 1;
        }
    }
    let sources = json(&["sources"]);
    let known = ids(&sources["sources"]);
    let unknown: Vec<&&str> = counted.keys().filter(|id| !known.contains(id)).collect();
    assert!(unknown.is_empty(), "cited but not listed: {unknown:?}");
    for source in items(&sources["sources"]) {
        let id = string(&source["id"]);
        let count = counted.get(id).copied().unwrap_or(0);
        assert_eq!(source["citations"].as_u64(), Some(count), "{id}");
    }
}

#[test]
fn citations_count_the_views_of_disputes_and_the_facts_of_areas() {
    let citations = |file: &Path| {
        let sources = roles(&["sources"]).kb(file).json();
        sources["sources"][0]["citations"]
            .as_u64()
            .expect("citations")
    };
    let dir = temp_dir();
    let minimal = std::fs::read_to_string(fixture("minimal.yaml")).expect("minimal.yaml");
    let before = citations(&write_file(dir.path(), "before.yaml", &minimal));
    let more = "disputes:
  - id: scope
    question: Who looks after the building?
    views:
      - {text: Alpha does., roles: [alpha], sources: [article]}
      - {text: Beta does., roles: [beta], sources: [article]}
areas:
  - id: doors
    title: Doors
    owner: beta
    facts:
      - {text: Beta keeps the doors open., sources: [article], roles: [beta]}
";
    let after = citations(&write_file(
        dir.path(),
        "after.yaml",
        format!("{minimal}{more}"),
    ));
    assert_eq!(after, before + 3);
}
