//! Roles are data: a knowledge base with a third role, the CISO
//! (`tests/fixtures/three-roles.yaml`), works with every command and no code change.
//! The CISO has values in only some dimensions; the others show that it has none.

use crate::common::*;
use serde_json::{Value, json};

/// `roles ARGS --kb three-roles.yaml` as a table, or as JSON with [`json3`].
fn three(args: &[&str]) -> Roles {
    roles(args).kb(fixture("three-roles.yaml"))
}

fn json3(args: &[&str]) -> Value {
    three(args).json()
}

/// The keys of each dimension's values, in order.
fn value_keys<'a>(compare: &'a Value) -> Vec<Vec<&'a str>> {
    let keys = |d: &'a Value| d["values"].as_object().expect("values").keys();
    let dimensions = items(&compare["dimensions"]).iter();
    dimensions
        .map(|d| keys(d).map(String::as_str).collect())
        .collect()
}

#[test]
fn compare_shows_a_column_per_role_or_pairs_an_old_role_with_the_new_one() {
    let report = roles(&["kb", "validate"])
        .arg(fixture("three-roles.yaml"))
        .json();
    let expected = (&json!(true), &json!(3));
    assert_eq!((&report["valid"], &report["roles"]), expected);
    let compare = json3(&["compare"]);
    assert_eq!(ids(&compare["roles"]), ["cio", "cto", "ciso"]);
    let expected = "Chief Information Security Officer";
    assert_eq!(compare["roles"][2]["name"], expected);
    let per_role = value_keys(&compare).iter().all(|keys| keys.len() == 3);
    assert!(per_role, "a value, or null, per role");
    let pair = json3(&["compare", "cio", "CISO"]);
    assert_eq!(ids(&pair["roles"]), ["cio", "ciso"]);
    let paired = value_keys(&pair)
        .iter()
        .all(|keys| keys == &["cio", "ciso"]);
    assert!(paired, "{pair:#}");
    let table = three(&["compare"]).succeeds().stdout;
    let header = table.lines().nth(1).expect("a header line");
    for role in ["CIO", "CTO", "CISO"] {
        assert!(header.contains(role), "{role} in {header}");
    }
    let (width, line) = widest_line(&table);
    assert!(width <= 80, "{width} columns: {line}");
}

#[test]
fn a_value_the_ciso_has_is_shown_with_its_sources() {
    let value = &json3(&["compare", "--only", "focus"])["dimensions"][0]["values"]["ciso"];
    assert!(!string(&value["text"]).is_empty(), "{value}");
    assert!(!items(&value["sources"]).is_empty());
}

#[test]
fn a_dimension_without_a_ciso_value_is_null_in_json_and_a_dash_in_the_table_and_markdown() {
    let compare = json3(&["compare"]);
    let dimensions = items(&compare["dimensions"]);
    let without = dimensions.iter().find(|d| d["values"]["ciso"].is_null());
    let id = string(&without.expect("a dimension")["id"]);
    let only = json3(&["compare", "--only", id]);
    assert!(only["dimensions"][0]["values"]["ciso"].is_null());
    assert!(only["dimensions"][0]["values"]["cio"].is_object());
    let args = ["compare", "cio", "ciso", "--only", id];
    let table = three(&args).succeeds().stdout;
    let mut rows = table.lines().skip_while(|line| !line.starts_with('╞'));
    let row = rows.nth(1).expect("a data row");
    let last_cell = row.trim_end_matches('│').rsplit('┆').next();
    assert_eq!(last_cell.map(str::trim), Some("—"), "{table}");
    let markdown = three(&args).markdown();
    let last = markdown.lines().last().unwrap_or_default();
    assert!(last.ends_with("| — |"), "{markdown}");
}

#[test]
fn show_gives_the_new_role_profile_even_without_salaries() {
    let show = json3(&["show", "ciso"]);
    assert_eq!(show["role"]["id"], "ciso");
    assert_eq!(ids(&show["sections"]), ["responsibilities", "kpis"]);
    let overview = items(&show["overview"]).iter();
    let overview: Vec<&str> = overview.map(|g| string(&g["dimension"])).collect();
    assert_eq!(overview, ["focus", "core-work", "security"]);
    assert_eq!(show["salaries"], json!([]));
    let salary = json3(&["show", "ciso", "--section", "salary"]);
    assert_eq!(salary["salaries"], json!([]));
}

#[test]
fn search_finds_the_new_role_facts_and_leans_to_it() {
    let search = json3(&["search", "phishing"]);
    let hits = items(&search["hits"]);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|hit| hit["roles"] == json!(["ciso"])));
    assert_eq!(search["lean"]["role"], "ciso");
    assert!(search["weights"]["ciso"].as_f64().is_some_and(|w| w > 0.0));
}
