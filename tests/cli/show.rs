//! `roles show ROLE`: one role's profile, grouped by section, and `--section`
//! to pick one part of it, including the salary figures exactly as reported.

use crate::common::*;
use serde_json::{Value, json};

/// The length of a JSON array.
fn len(list: &Value) -> usize {
    items(list).len()
}

#[test]
fn shows_the_role_with_its_summary_overview_and_cited_sections_in_any_case() {
    let profile = json(&["show", "cio"]);
    assert_eq!(profile["role"]["id"], "cio");
    assert_eq!(profile["role"]["name"], "Chief Information Officer");
    assert!(!string(&profile["summary"]["text"]).is_empty());
    assert!(len(&profile["summary"]["sources"]) > 0);
    for part in ["overview", "sections", "salaries"] {
        assert!(len(&profile[part]) > 0, "{part}");
    }
    for section in items(&json(&["show", "CTO"])["sections"]) {
        let id = &section["id"];
        assert!(!string(&section["title"]).is_empty(), "{id}");
        assert!(len(&section["facts"]) > 0, "{id}: has facts");
        for fact in items(&section["facts"]) {
            assert!(!string(&fact["text"]).is_empty(), "{id}");
            assert!(len(&fact["sources"]) > 0, "{id}");
        }
    }
}

#[test]
fn overview_gives_the_role_value_of_each_comparison_dimension() {
    let profile = json(&["show", "cio"]);
    let compare = json(&["compare"]);
    let dimensions = items(&compare["dimensions"]).iter();
    let expected: Vec<(&Value, &Value)> = dimensions
        .map(|d| (&d["id"], &d["values"]["cio"]["text"]))
        .collect();
    let glances = items(&profile["overview"]).iter();
    let actual: Vec<(&Value, &Value)> = glances.map(|g| (&g["dimension"], &g["text"])).collect();
    assert_eq!(actual, expected);
}

#[test]
fn table_prints_the_section_titles_in_order_and_markdown_a_heading_per_section_and_theme() {
    let table = roles(&["show", "cio"]).succeeds().stdout;
    let mut from = 0;
    for section in items(&json(&["show", "cio"])["sections"]) {
        let title = format!("\n{}\n", string(&section["title"]));
        let at = table[from..]
            .find(&title)
            .expect("the heading, after the one before");
        from += at + title.len();
    }
    let args = ["show", "cio", "--section", "responsibilities"];
    let markdown = markdown(&args);
    assert!(markdown.contains("\n## Responsibilities\n"), "{markdown}");
    let facts = json(&args)["sections"][0]["facts"].clone();
    for theme in items(&facts)
        .iter()
        .filter_map(|fact| fact["theme"].as_str())
    {
        let heading = format!("\n### {theme}\n");
        assert!(markdown.contains(&heading), "{theme:?} in\n{markdown}");
    }
}

/// `--section` values, and the sections, overview and salaries they show.
#[rustfmt::skip]
const SECTIONS: &[(&[&str], &[&str], bool, bool)] = &[
    (&["cio", "--section", "kpis"], &["kpis"], false, false),
    (&["cto", "--section", "KPIs"], &["kpis"], false, false),
    (&["cio", "--section", "key performance indicators"], &["kpis"], false, false),
    (&["cto", "--section", "overview"], &[], true, false),
    (&["cio", "--section", "salary"], &[], false, true),
    (&["cio", "--section", "kpis,salary"], &["kpis"], false, true),
    (&["cio", "-s", "kpis", "-s", "salary"], &["kpis"], false, true),
    (&["cio", "-s", "salary,KPIs"], &["kpis"], false, true),
    (&["cto", "-s", "future,kpis,overview"], &["kpis", "future"], true, false),
];

#[test]
fn section_shows_only_the_sections_named_by_id_or_title_in_any_case_in_profile_order() {
    for (args, sections, overview, salaries) in SECTIONS {
        let profile = roles(&["show"]).args(args).json();
        assert_eq!(ids(&profile["sections"]), *sections, "{args:?}");
        assert_eq!(len(&profile["overview"]) > 0, *overview, "{args:?}");
        assert_eq!(len(&profile["salaries"]) > 0, *salaries, "{args:?}");
        assert_eq!(profile["role"]["id"], args[0], "the role is still named");
    }
    let kpis = roles(&["show", "cio", "--section", "kpis"]).succeeds();
    let kpis = kpis
        .stdout_has("Key performance indicators")
        .stdout_lacks("Responsibilities");
    kpis.stdout_lacks("At a glance").stdout_lacks("Salary");
}

#[test]
fn salary_figures_are_exactly_as_reported_with_their_caveat_in_every_format() {
    #[rustfmt::skip]
    let figures = [
        ("cio", "$22.33 per hour", 22.33, "CAD", "hour", "CTO figure is per year"),
        ("cto", "$102,150 per year", 102_150.0, "CAD", "year", "CIO figure is per hour"),
    ];
    for (role, figure, amount, currency, period, other) in figures {
        let args = ["show", role, "--section", "salary"];
        let salary = &json(&args)["salaries"][0];
        assert_eq!(salary["figure"], figure);
        assert_eq!(salary["amount"].as_f64(), Some(amount));
        let (currency, period) = (&json!(currency), &json!(period));
        assert_eq!((&salary["currency"], &salary["period"]), (currency, period));
        assert!(salary["as_of"].as_str().is_some_and(|d| d.contains("2023")));
        assert!(!string(&salary["place"]).is_empty());
        assert_eq!(salary["sources"], json!(["definitions"]));
        let caveats = salary["caveats"].to_string();
        let said = caveats.contains(other) && caveats.contains("not comparable as printed");
        assert!(said, "{role}: {caveats}");
        roles(&args)
            .columns(200)
            .succeeds()
            .stdout_has("Note: ")
            .stdout_has(other);
        let markdown = roles(&args).format("markdown").succeeds();
        let markdown = markdown.stdout_has(&format!("**{figure}**"));
        markdown.stdout_has("*Note:* Per ").stdout_has(other);
    }
}

#[test]
fn the_salary_glance_carries_the_dimension_caveats() {
    let args = ["show", "cio", "--section", "overview"];
    let overview = json(&args)["overview"].clone();
    let salary = items(&overview).iter().find(|g| g["dimension"] == "salary");
    let caveats = salary.expect("a salary glance")["caveats"].to_string();
    assert!(caveats.contains("not comparable as printed"), "{caveats}");
    let table = roles(&args).columns(200).succeeds();
    table.stdout_has("Note: One figure is per hour");
    let markdown = roles(&args).format("markdown").succeeds();
    markdown.stdout_has("<br>*Note: One figure is per hour");
}
