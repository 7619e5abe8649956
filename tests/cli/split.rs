//! `roles split`: who owns what in a company with both roles. Every area has an
//! owner (a role, `shared`, `divided` or `disputed`) and cited facts; a disputed
//! area names its dispute, cites two articles at least and asks for an explicit
//! decision; a third role shows where the data gives it areas.

use std::path::{Path, PathBuf};

use crate::common::*;
use serde_json::Value;

/// The three-role fixture with the embedded disputes and areas before its own:
/// the fixture holds only what names the third role, not copies of the rest.
pub fn three_roles_with_embedded(dir: &Path) -> PathBuf {
    let embedded = json(&["kb", "dump"]);
    let mut kb = roles(&["kb", "dump"])
        .kb(fixture("three-roles.yaml"))
        .json();
    for part in ["disputes", "areas"] {
        let own = items(&kb[part]).iter().cloned();
        kb[part] = items(&embedded[part]).iter().cloned().chain(own).collect();
    }
    write_file(dir, "three-roles.json", kb.to_string())
}

fn areas(split: &Value) -> &Vec<Value> {
    items(&split["areas"])
}

#[test]
fn every_area_has_an_owner_and_cited_facts_and_every_need_is_an_area() {
    let split = json(&["split"]);
    assert_eq!(split["schema_version"], 2);
    assert_eq!(ids(&split["roles"]), ["cio", "cto"]);
    assert!(areas(&split).len() >= 12);
    for area in areas(&split) {
        let id = &area["id"];
        assert!(!string(&area["title"]).is_empty(), "{id}");
        let owner = string(&area["owner"]);
        let owners = ["cio", "cto", "shared", "divided", "disputed"];
        assert!(owners.contains(&owner), "{id}: {owner}");
        let facts = items(&area["facts"]);
        assert!(!facts.is_empty(), "{id}: facts");
        let mut cited = Vec::new();
        for sources in facts.iter().map(|fact| items(&fact["sources"])) {
            assert!(!sources.is_empty(), "{id}: every fact cites a source");
            for source in sources {
                if !cited.contains(source) {
                    cited.push(source.clone());
                }
            }
        }
        assert_eq!(area["sources"], Value::Array(cited), "{id}: sources");
    }
    let dump = json(&["kb", "dump"]);
    let questions = items(&dump["questionnaire"]["questions"]);
    let needs = questions.iter().find(|q| q["id"] == "needs");
    for choice in items(&needs.expect("the needs question")["choices"]) {
        let value = string(&choice["value"]);
        let ok = ids(&split["areas"]).contains(&value);
        assert!(ok, "need `{value}` has an area");
    }
}

#[test]
fn a_disputed_area_names_its_dispute_and_asks_for_a_decision() {
    let split = json(&["split"]);
    let disputes = json(&["disputes"]);
    let (disputed, settled): (Vec<&Value>, Vec<&Value>) =
        areas(&split).iter().partition(|a| a["owner"] == "disputed");
    assert!(!disputed.is_empty());
    for area in disputed {
        let dispute = string(&area["dispute"]["id"]);
        assert!(ids(&disputes["disputes"]).contains(&dispute), "{dispute}");
        let (decide, question) = (
            string(&area["decide"]),
            string(&area["dispute"]["question"]),
        );
        let asks = decide.contains("explicitly") && decide.contains(question);
        assert!(asks && !question.is_empty(), "{decide}");
        let articles = items(&area["sources"]).len();
        let ok = articles >= 2;
        assert!(ok, "{dispute}: a disagreement between two articles");
    }
    for area in settled {
        assert!(area["dispute"].is_null() && area["decide"].is_null());
    }
}

#[test]
fn the_table_and_markdown_give_each_area_its_owner_and_explain_shared_and_disputed() {
    let table = roles(&["split"]).columns(100).succeeds().stdout;
    #[rustfmt::skip]
    let texts = ["Area", "Owner", "Innovation", "Disputed", "Shared", "Divided",
        "Decide it explicitly", "roles disputes", "[key-differences, overlap]"];
    for text in texts {
        assert!(table.contains(text), "{text} in\n{table}");
    }
    let markdown = markdown(&["split"]);
    assert!(markdown.starts_with("# Who owns what\n"), "{markdown}");
    assert!(markdown.contains("| Area | Owner | Why |"), "{markdown}");
    assert!(markdown.contains("| Choosing the technology stack | **CTO** |"));
}

#[test]
fn a_third_role_shows_where_the_data_gives_it_areas() {
    let dir = temp_dir();
    let three_roles = three_roles_with_embedded(dir.path());
    let split = roles(&["split"]).kb(&three_roles).json();
    assert_eq!(ids(&split["roles"]), ["cio", "cto", "ciso"]);
    assert!(areas(&split).iter().any(|a| a["owner"] == "ciso"));
    assert!(ids(&split["areas"]).contains(&"tech-stack"), "{split:#}");
    let table = roles(&["split"]).kb(&three_roles).columns(100).succeeds();
    table.stdout_has("CISO");
}

#[test]
fn a_knowledge_base_without_areas_says_so() {
    let minimal = roles(&["split"]).kb(fixture("minimal.yaml")).succeeds();
    minimal.stdout_has("no areas");
}
