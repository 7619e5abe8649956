//! Roles are data: a knowledge base with a third role, the CISO
//! (`tests/fixtures/three-roles.yaml`), works with every command and no code change.
//! The CISO has values in only some dimensions; the others show that it has none.

use std::path::PathBuf;

use crate::common::*;
use serde_json::Value;

fn three_roles() -> PathBuf {
    fixture("three-roles.yaml")
}

fn json(args: &[&str]) -> Value {
    roles(args)
        .kb(three_roles())
        .format("json")
        .succeeds()
        .stdout_json()
}

/// A dimension the CISO has no value in.
fn dimension_without_ciso(compare: &Value) -> String {
    compare["dimensions"]
        .as_array()
        .expect("dimensions")
        .iter()
        .find(|d| d["values"]["ciso"].is_null())
        .and_then(|d| d["id"].as_str())
        .expect("a dimension without a CISO value")
        .to_owned()
}

#[test]
fn the_fixture_is_a_valid_knowledge_base() {
    let report = roles(&["kb", "validate"])
        .arg(three_roles())
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(report["valid"], true);
    assert_eq!(report["roles"], 3);
}

#[test]
fn compare_shows_a_column_per_role() {
    let compare = json(&["compare"]);
    assert_eq!(ids(&compare["roles"]), ["cio", "cto", "ciso"]);
    assert_eq!(
        compare["roles"][2]["name"],
        "Chief Information Security Officer"
    );
    for dimension in compare["dimensions"].as_array().expect("dimensions") {
        let values = dimension["values"].as_object().expect("values");
        assert_eq!(values.len(), 3, "{}", dimension["id"]);
    }
}

#[test]
fn compare_table_has_a_ciso_column_that_fits_80_columns() {
    let table = roles(&["compare"]).kb(three_roles()).succeeds().stdout;
    let header = table.lines().nth(1).expect("a header line");
    for role in ["CIO", "CTO", "CISO"] {
        assert!(header.contains(role), "{role} in {header}");
    }
    let (width, line) = widest_line(&table);
    assert!(width <= 80, "{width} chars: {line}");
}

#[test]
fn compare_can_pair_an_old_role_with_the_new_one() {
    let compare = json(&["compare", "cio", "CISO"]);
    assert_eq!(ids(&compare["roles"]), ["cio", "ciso"]);
    for dimension in compare["dimensions"].as_array().expect("dimensions") {
        let keys: Vec<&String> = dimension["values"]
            .as_object()
            .expect("values")
            .keys()
            .collect();
        assert_eq!(keys, ["cio", "ciso"], "{}", dimension["id"]);
    }
}

#[test]
fn a_value_the_ciso_has_is_shown_with_its_sources() {
    let compare = json(&["compare", "--only", "focus"]);
    let value = &compare["dimensions"][0]["values"]["ciso"];
    assert!(
        value["text"].as_str().is_some_and(|t| !t.is_empty()),
        "{value}"
    );
    assert!(!value["sources"].as_array().expect("sources").is_empty());
}

#[test]
fn a_dimension_without_a_ciso_value_is_null_in_json() {
    let compare = json(&["compare"]);
    let id = dimension_without_ciso(&compare);
    let only = json(&["compare", "--only", &id]);
    assert!(
        only["dimensions"][0]["values"]["ciso"].is_null(),
        "{only:#}"
    );
    assert!(
        only["dimensions"][0]["values"]["cio"].is_object(),
        "{only:#}"
    );
}

#[test]
fn a_dimension_without_a_ciso_value_is_a_dash_in_the_table() {
    let id = dimension_without_ciso(&json(&["compare"]));
    let table = roles(&["compare", "cio", "ciso", "--only", &id])
        .kb(three_roles())
        .succeeds()
        .stdout;
    let first_row = table
        .lines()
        .skip_while(|line| !line.starts_with('╞'))
        .nth(1)
        .expect("a data row");
    let ciso_cell = first_row
        .trim_end_matches('│')
        .rsplit('┆')
        .next()
        .expect("a last cell")
        .trim();
    assert_eq!(ciso_cell, "—", "{table}");
}

#[test]
fn a_dimension_without_a_ciso_value_is_a_dash_in_markdown() {
    let id = dimension_without_ciso(&json(&["compare"]));
    let markdown = roles(&["compare", "cio", "ciso", "--only", &id])
        .kb(three_roles())
        .format("markdown")
        .succeeds()
        .stdout;
    let row = markdown.lines().last().expect("a table row");
    assert!(row.ends_with("| — |"), "{markdown}");
}

#[test]
fn show_gives_the_new_role_profile() {
    let show = json(&["show", "ciso"]);
    assert_eq!(show["role"]["id"], "ciso");
    assert_eq!(ids(&show["sections"]), ["responsibilities", "kpis"]);
    let overview: Vec<&str> = show["overview"]
        .as_array()
        .expect("overview")
        .iter()
        .filter_map(|g| g["dimension"].as_str())
        .collect();
    assert_eq!(overview, ["focus", "core-work", "security"]);
    assert_eq!(show["salaries"], Value::Array(vec![]));
}

#[test]
fn show_without_salaries_succeeds_for_the_salary_section() {
    let show = json(&["show", "ciso", "--section", "salary"]);
    assert_eq!(show["salaries"], Value::Array(vec![]));
}

#[test]
fn search_finds_the_new_role_facts_and_leans_to_it() {
    let search = json(&["search", "phishing"]);
    let hits = search["hits"].as_array().expect("hits");
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|hit| hit["roles"] == serde_json::json!(["ciso"])),
        "{search:#}"
    );
    assert_eq!(search["lean"]["role"], "ciso");
    assert!(search["weights"]["ciso"].as_f64().is_some_and(|w| w > 0.0));
}

#[test]
fn the_new_role_is_known_to_error_messages() {
    roles(&["show", "cisco"])
        .kb(three_roles())
        .fails_as_bad_input()
        .stderr_has("`cio`, `cto`, `ciso`")
        .stderr_has("did you mean `ciso`?");
}
