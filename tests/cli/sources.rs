//! `roles sources`: the articles the knowledge base is drawn from, and that
//! every citation in it points to one of them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::*;
use serde_json::Value;

fn sources_json() -> Value {
    roles(&["sources"]).format("json").succeeds().stdout_json()
}

/// Every list of cited source ids in a dumped knowledge base: any `sources`
/// field holding strings (the top-level list of articles holds objects).
fn citations(value: &Value, found: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(map) => {
            for (key, field) in map {
                match field.as_array() {
                    Some(items) if key == "sources" && items.iter().all(Value::is_string) => {
                        found.push(
                            items
                                .iter()
                                .filter_map(|id| id.as_str().map(str::to_owned))
                                .collect(),
                        );
                    }
                    _ => citations(field, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| citations(item, found)),
        _ => {}
    }
}

fn every_citation() -> Vec<Vec<String>> {
    let dump = roles(&["kb", "dump"])
        .format("json")
        .succeeds()
        .stdout_json();
    let mut found = Vec::new();
    citations(&dump, &mut found);
    found
}

#[test]
fn lists_the_five_articles() {
    let json = sources_json();
    assert_eq!(
        ids(&json["sources"]),
        [
            "difference",
            "key-differences",
            "overlap",
            "definitions",
            "tension"
        ]
    );
}

#[test]
fn every_source_names_its_file_and_title() {
    for source in sources_json()["sources"].as_array().expect("sources") {
        let id = &source["id"];
        assert!(
            source["title"].as_str().is_some_and(|t| !t.is_empty()),
            "{id}"
        );
        assert!(
            source["file"].as_str().is_some_and(|f| f.ends_with(".txt")),
            "{id}"
        );
    }
}

#[test]
fn every_source_file_is_one_of_the_seed_articles() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        prerequisite_missing(&format!("the articles at {}", seeds.display()));
        return;
    }
    for source in sources_json()["sources"].as_array().expect("sources") {
        let file = source["file"].as_str().expect("file");
        assert!(seeds.join(file).is_file(), "{file} in {}", seeds.display());
    }
}

#[test]
fn every_cited_source_id_is_a_listed_source() {
    let json = sources_json();
    let known = ids(&json["sources"]);
    let cited = every_citation();
    assert!(!cited.is_empty());
    for list in &cited {
        assert!(!list.is_empty(), "a fact cites no source");
        for id in list {
            assert!(
                known.contains(&id.as_str()),
                "`{id}` is cited but not listed"
            );
        }
    }
}

#[test]
fn cited_counts_every_fact_salary_and_reason_that_cites_the_source() {
    let mut counted: BTreeMap<String, u64> = BTreeMap::new();
    for list in every_citation() {
        // A fact counts once for a source, however often it lists it.
        for id in list.into_iter().collect::<BTreeSet<_>>() {
            *counted.entry(id).or_default() += 1;
        }
    }
    for source in sources_json()["sources"].as_array().expect("sources") {
        let id = source["id"].as_str().expect("id");
        assert_eq!(
            source["citations"].as_u64(),
            Some(counted.get(id).copied().unwrap_or(0)),
            "{id}"
        );
    }
}

#[test]
fn table_shows_each_source_with_its_file() {
    let table = roles(&["sources"]).columns(120).succeeds().stdout;
    for source in sources_json()["sources"].as_array().expect("sources") {
        for field in ["id", "file"] {
            let text = source[field].as_str().expect(field);
            assert!(table.contains(text), "{text} in\n{table}");
        }
    }
}

#[test]
fn citations_count_the_views_of_disputes_and_the_facts_of_areas() {
    let citations = |file: &std::path::Path| {
        roles(&["sources"])
            .kb(file)
            .format("json")
            .succeeds()
            .stdout_json()["sources"][0]["citations"]
            .as_u64()
            .expect("citations")
    };
    let dir = temp_dir();
    let minimal = std::fs::read_to_string(fixture("minimal.yaml")).expect("minimal.yaml");
    let before = citations(&write_file(dir.path(), "before.yaml", &minimal));
    let after = citations(&write_file(
        dir.path(),
        "after.yaml",
        format!(
            "{minimal}disputes:
  - id: scope
    question: Who looks after the building?
    views:
      - {{text: Alpha does., roles: [alpha], sources: [article]}}
      - {{text: Beta does., roles: [beta], sources: [article]}}
areas:
  - id: doors
    title: Doors
    owner: beta
    facts:
      - {{text: Beta keeps the doors open., sources: [article], roles: [beta]}}
"
        ),
    ));
    assert_eq!(after, before + 3);
}
