//! `roles split`: who owns what in a company with both roles. Every area has an
//! owner (a role, `shared`, `divided` or `disputed`) and cited facts; a disputed
//! area names its dispute, cites two articles at least and asks for an explicit
//! decision; a third role shows where the data gives it areas.

use std::path::{Path, PathBuf};

use crate::common::*;
use serde_json::Value;

fn split() -> Value {
    roles(&["split"]).format("json").succeeds().stdout_json()
}

/// The three-role fixture with the embedded disputes and areas before its own:
/// the fixture holds only what names the third role, not copies of the rest.
pub fn three_roles_with_embedded(dir: &Path) -> PathBuf {
    let embedded = roles(&["kb", "dump"])
        .format("json")
        .succeeds()
        .stdout_json();
    let dump = roles(&["kb", "dump"]).kb(fixture("three-roles.yaml"));
    let mut kb = dump.format("json").succeeds().stdout_json();
    for part in ["disputes", "areas"] {
        let mut all = embedded[part].as_array().expect(part).clone();
        all.extend(kb[part].as_array().expect(part).iter().cloned());
        kb[part] = Value::Array(all);
    }
    write_file(dir, "three-roles.json", kb.to_string())
}

fn areas(json: &Value) -> &Vec<Value> {
    json["areas"].as_array().expect("areas")
}

#[test]
fn every_area_has_an_owner_and_cited_facts() {
    let json = split();
    assert_eq!(json["schema_version"], 2);
    assert_eq!(ids(&json["roles"]), ["cio", "cto"]);
    assert!(areas(&json).len() >= 12);
    for area in areas(&json) {
        let id = area["id"].as_str().expect("id");
        assert!(
            area["title"].as_str().is_some_and(|t| !t.is_empty()),
            "{id}"
        );
        let owner = area["owner"].as_str().expect("owner");
        assert!(
            ["cio", "cto", "shared", "divided", "disputed"].contains(&owner),
            "{id}: {owner}"
        );
        let facts = area["facts"].as_array().expect("facts");
        assert!(!facts.is_empty(), "{id}: facts");
        let mut cited = Vec::new();
        for fact in facts {
            let sources = fact["sources"].as_array().expect("sources");
            assert!(!sources.is_empty(), "{id}: every fact cites a source");
            for source in sources {
                if !cited.contains(source) {
                    cited.push(source.clone());
                }
            }
        }
        assert_eq!(area["sources"], Value::Array(cited), "{id}: sources");
    }
}

#[test]
fn every_need_of_the_questionnaire_is_an_area() {
    let dump = roles(&["kb", "dump"])
        .format("json")
        .succeeds()
        .stdout_json();
    let needs = dump["questionnaire"]["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .find(|q| q["id"] == "needs")
        .expect("the needs question");
    let json = split();
    let area_ids = ids(&json["areas"]);
    for choice in needs["choices"].as_array().expect("choices") {
        let value = choice["value"].as_str().expect("value");
        assert!(area_ids.contains(&value), "need `{value}` has an area");
    }
}

#[test]
fn a_disputed_area_names_its_dispute_and_asks_for_a_decision() {
    let json = split();
    let disputes = roles(&["disputes"]).format("json").succeeds().stdout_json();
    let known = ids(&disputes["disputes"]);
    let disputed: Vec<&Value> = areas(&json)
        .iter()
        .filter(|a| a["owner"] == "disputed")
        .collect();
    assert!(!disputed.is_empty());
    for area in disputed {
        let dispute = area["dispute"]["id"].as_str().expect("a dispute");
        assert!(known.contains(&dispute), "{dispute}");
        let decide = area["decide"].as_str().expect("a decision");
        assert!(decide.contains("explicitly"), "{decide}");
        assert!(decide.contains(area["dispute"]["question"].as_str().expect("q")));
        let articles = area["sources"].as_array().expect("sources").len();
        assert!(
            articles >= 2,
            "{dispute}: a disagreement between two articles"
        );
    }
    for area in areas(&json).iter().filter(|a| a["owner"] != "disputed") {
        assert!(
            area["dispute"].is_null() && area["decide"].is_null(),
            "{area:#}"
        );
    }
}

#[test]
fn the_table_gives_each_area_its_owner_and_explains_shared_and_disputed() {
    let table = roles(&["split"]).columns(100).succeeds().stdout;
    for text in [
        "Area",
        "Owner",
        "Innovation",
        "Disputed",
        "Shared",
        "Divided",
        "Decide it explicitly",
        "roles disputes",
        "[key-differences, overlap]",
    ] {
        assert!(table.contains(text), "{text} in\n{table}");
    }
}

#[test]
fn markdown_is_a_table_of_areas() {
    let markdown = roles(&["split"]).format("markdown").succeeds().stdout;
    assert!(markdown.starts_with("# Who owns what\n"), "{markdown}");
    assert!(markdown.contains("| Area | Owner | Why |"), "{markdown}");
    assert!(
        markdown.contains("| Choosing the technology stack | **CTO** |"),
        "{markdown}"
    );
}

#[test]
fn every_format_works_and_yaml_is_the_json_data() {
    for format in FORMATS {
        roles(&["split"]).format(format).succeeds();
    }
    let yaml = roles(&["split"]).format("yaml").succeeds().stdout_yaml();
    assert_eq!(serde_json::to_value(&yaml).expect("YAML as JSON"), split());
}

#[test]
fn a_third_role_shows_where_the_data_gives_it_areas() {
    let dir = temp_dir();
    let three_roles = three_roles_with_embedded(dir.path());
    let json = roles(&["split"])
        .kb(&three_roles)
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(ids(&json["roles"]), ["cio", "cto", "ciso"]);
    let owned: Vec<&str> = areas(&json)
        .iter()
        .filter(|a| a["owner"] == "ciso")
        .map(|a| a["id"].as_str().expect("id"))
        .collect();
    assert!(!owned.is_empty(), "{json:#}");
    assert!(ids(&json["areas"]).contains(&"tech-stack"), "{json:#}");
    let table = roles(&["split"])
        .kb(&three_roles)
        .columns(100)
        .succeeds()
        .stdout;
    assert!(table.contains("CISO"), "{table}");
}

#[test]
fn a_knowledge_base_without_areas_says_so() {
    roles(&["split"])
        .kb(fixture("minimal.yaml"))
        .succeeds()
        .stdout_has("no areas");
}
