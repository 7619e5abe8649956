//! `roles show ROLE`: one role's profile, grouped by section, and `--section`
//! to pick one part of it, including the salary figures exactly as reported.

use crate::common::*;
use serde_json::Value;

fn show_json(args: &[&str]) -> Value {
    roles(args).format("json").succeeds().stdout_json()
}

#[test]
fn shows_the_role_with_its_summary_overview_sections_and_salaries() {
    let json = show_json(&["show", "cio"]);
    assert_eq!(json["role"]["id"], "cio");
    assert_eq!(json["role"]["name"], "Chief Information Officer");
    assert!(
        json["summary"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );
    assert!(
        !json["summary"]["sources"]
            .as_array()
            .expect("sources")
            .is_empty()
    );
    assert!(!json["overview"].as_array().expect("overview").is_empty());
    assert!(!json["sections"].as_array().expect("sections").is_empty());
    assert!(!json["salaries"].as_array().expect("salaries").is_empty());
}

#[test]
fn role_ids_are_case_insensitive() {
    assert_eq!(show_json(&["show", "CTO"])["role"]["id"], "cto");
}

#[test]
fn every_section_has_an_id_a_title_and_cited_facts() {
    let json = show_json(&["show", "cto"]);
    for section in json["sections"].as_array().expect("sections") {
        let id = section["id"].as_str().expect("section id");
        assert!(
            section["title"].as_str().is_some_and(|t| !t.is_empty()),
            "{id}"
        );
        let facts = section["facts"].as_array().expect("facts");
        assert!(!facts.is_empty(), "{id}: has facts");
        for fact in facts {
            assert!(fact["text"].as_str().is_some_and(|t| !t.is_empty()), "{id}");
            assert!(
                !fact["sources"].as_array().expect("sources").is_empty(),
                "{id}"
            );
        }
    }
}

#[test]
fn overview_gives_the_role_value_of_each_comparison_dimension() {
    let overview = show_json(&["show", "cio"])["overview"].clone();
    let compare = roles(&["compare"]).format("json").succeeds().stdout_json();
    let expected: Vec<(&str, &Value)> = compare["dimensions"]
        .as_array()
        .expect("dimensions")
        .iter()
        .map(|d| (d["id"].as_str().expect("id"), &d["values"]["cio"]["text"]))
        .collect();
    let actual: Vec<(&str, &Value)> = overview
        .as_array()
        .expect("overview")
        .iter()
        .map(|g| (g["dimension"].as_str().expect("dimension"), &g["text"]))
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn table_prints_the_section_titles_in_order() {
    let json = show_json(&["show", "cio"]);
    let table = roles(&["show", "cio"]).succeeds().stdout;
    let mut from = 0;
    for section in json["sections"].as_array().expect("sections") {
        let title = format!("\n{}\n", section["title"].as_str().expect("title"));
        let at = table[from..]
            .find(&title)
            .unwrap_or_else(|| panic!("heading {title:?} after byte {from} in\n{table}"));
        from += at + title.len();
    }
}

#[test]
fn markdown_gives_each_section_a_heading_and_each_theme_a_subheading() {
    let json = show_json(&["show", "cio", "--section", "responsibilities"]);
    let markdown = roles(&["show", "cio", "--section", "responsibilities"])
        .format("markdown")
        .succeeds()
        .stdout;
    assert!(markdown.contains("\n## Responsibilities\n"), "{markdown}");
    let facts = json["sections"][0]["facts"].as_array().expect("facts");
    for theme in facts.iter().filter_map(|fact| fact["theme"].as_str()) {
        assert!(
            markdown.contains(&format!("\n### {theme}\n")),
            "theme {theme:?} in\n{markdown}"
        );
    }
}

#[test]
fn section_shows_only_that_section() {
    let json = show_json(&["show", "cio", "--section", "kpis"]);
    assert_eq!(ids(&json["sections"]), ["kpis"]);
    assert_eq!(json["overview"], Value::Array(vec![]));
    assert_eq!(json["salaries"], Value::Array(vec![]));
    assert_eq!(json["role"]["id"], "cio", "the role is still named");
}

#[test]
fn section_names_are_case_insensitive() {
    let json = show_json(&["show", "cto", "--section", "KPIs"]);
    assert_eq!(ids(&json["sections"]), ["kpis"]);
}

#[test]
fn section_kpis_table_leaves_out_the_other_sections() {
    let table = roles(&["show", "cio", "--section", "kpis"])
        .succeeds()
        .stdout;
    assert!(table.contains("Key performance indicators"), "{table}");
    assert!(!table.contains("Responsibilities"), "{table}");
    assert!(!table.contains("At a glance"), "{table}");
    assert!(!table.contains("Salary"), "{table}");
}

#[test]
fn section_overview_gives_only_the_dimension_values() {
    let json = show_json(&["show", "cto", "--section", "overview"]);
    assert!(!json["overview"].as_array().expect("overview").is_empty());
    assert_eq!(json["sections"], Value::Array(vec![]));
    assert_eq!(json["salaries"], Value::Array(vec![]));
}

#[test]
fn section_salary_gives_the_cio_figure_exactly_as_reported() {
    let json = show_json(&["show", "cio", "--section", "salary"]);
    assert_eq!(json["sections"], Value::Array(vec![]));
    assert_eq!(json["overview"], Value::Array(vec![]));
    let salary = &json["salaries"][0];
    assert_eq!(salary["figure"], "$22.33 per hour");
    assert!(salary["as_of"].as_str().is_some_and(|d| d.contains("2023")));
    assert!(salary["place"].as_str().is_some_and(|p| !p.is_empty()));
    assert_eq!(salary["sources"], serde_json::json!(["definitions"]));
}

#[test]
fn section_salary_gives_the_cto_figure_exactly_as_reported() {
    let json = show_json(&["show", "cto", "--section", "salary"]);
    let salary = &json["salaries"][0];
    assert_eq!(salary["figure"], "$102,150 per year");
    assert!(salary["as_of"].as_str().is_some_and(|d| d.contains("2023")));
    assert!(salary["place"].as_str().is_some_and(|p| !p.is_empty()));
    assert_eq!(salary["sources"], serde_json::json!(["definitions"]));
}

#[test]
fn markdown_prints_salary_figures_verbatim() {
    for (role, figure) in [("cio", "$22.33 per hour"), ("cto", "$102,150 per year")] {
        roles(&["show", role, "--section", "salary"])
            .format("markdown")
            .succeeds()
            .stdout_has(&format!("**{figure}**"));
    }
}

#[test]
fn unknown_section_is_refused_listing_the_valid_ones() {
    roles(&["show", "cio", "--section", "kpi"])
        .fails_as_bad_input()
        .stderr_has("unknown section `kpi`")
        .stderr_has("`overview`")
        .stderr_has("`responsibilities`")
        .stderr_has("`kpis`")
        .stderr_has("`salary`")
        .stderr_has("did you mean `kpis`?");
}

#[test]
fn unknown_role_is_refused_listing_the_known_roles() {
    roles(&["show", "cfo"])
        .fails_as_bad_input()
        .stderr_has("unknown role `cfo`")
        .stderr_has("`cio`, `cto`");
}

#[test]
fn section_takes_several_sections_comma_separated_or_repeated() {
    for args in [
        &["show", "cio", "--section", "kpis,salary"][..],
        &["show", "cio", "-s", "kpis", "-s", "salary"],
        &["show", "cio", "-s", "salary,KPIs"],
    ] {
        let json = show_json(args);
        assert_eq!(ids(&json["sections"]), ["kpis"], "{}", args.join(" "));
        assert!(!json["salaries"].as_array().expect("salaries").is_empty());
        assert_eq!(json["overview"], Value::Array(vec![]));
    }
    let json = show_json(&["show", "cto", "-s", "future,kpis,overview"]);
    assert_eq!(ids(&json["sections"]), ["kpis", "future"], "profile order");
    assert!(!json["overview"].as_array().expect("overview").is_empty());
}

#[test]
fn section_accepts_a_section_title_too() {
    let json = show_json(&["show", "cio", "--section", "key performance indicators"]);
    assert_eq!(ids(&json["sections"]), ["kpis"]);
}

#[test]
fn section_refuses_a_section_named_twice_and_an_empty_item() {
    roles(&["show", "cio", "--section", "kpis,KPIs"])
        .fails_as_bad_input()
        .stderr_has("section `kpis` is named twice in `--section`");
    roles(&["show", "cio", "--section", "kpis,"])
        .fails_as_bad_input()
        .stderr_has("`--section` has an empty item");
}

#[test]
fn salary_figures_carry_their_caveat_in_every_format() {
    for (role, other) in [
        ("cio", "CTO figure is per year"),
        ("cto", "CIO figure is per hour"),
    ] {
        let json = show_json(&["show", role, "--section", "salary"]);
        let caveats = json["salaries"][0]["caveats"].to_string();
        assert!(caveats.contains(other), "{role}: {caveats}");
        assert!(caveats.contains("not comparable as printed"), "{role}");
        roles(&["show", role, "--section", "salary"])
            .columns(200)
            .succeeds()
            .stdout_has("Note: ")
            .stdout_has(other);
        roles(&["show", role, "--section", "salary"])
            .format("markdown")
            .succeeds()
            .stdout_has("*Note:* Per ")
            .stdout_has(other);
    }
}

#[test]
fn the_salary_glance_carries_the_dimension_caveats() {
    let json = show_json(&["show", "cio", "--section", "overview"]);
    let salary = json["overview"]
        .as_array()
        .expect("overview")
        .iter()
        .find(|g| g["dimension"] == "salary")
        .expect("a salary glance");
    let caveats = salary["caveats"].to_string();
    assert!(caveats.contains("not comparable as printed"), "{caveats}");
    let table = roles(&["show", "cio", "--section", "overview"])
        .columns(200)
        .succeeds()
        .stdout;
    assert!(table.contains("Note: One figure is per hour"), "{table}");
    roles(&["show", "cio", "--section", "overview"])
        .format("markdown")
        .succeeds()
        .stdout_has("<br>*Note: One figure is per hour");
}

#[test]
fn salaries_carry_amount_currency_and_period_beside_the_figure_as_reported() {
    let cio = roles(&["show", "cio", "--section", "salary"])
        .format("json")
        .succeeds()
        .stdout_json();
    let salary = &cio["salaries"][0];
    assert_eq!(salary["figure"], "$22.33 per hour");
    assert_eq!(salary["amount"], 22.33);
    assert_eq!(salary["currency"], "CAD");
    assert_eq!(salary["period"], "hour");
    let cto = roles(&["show", "cto", "--section", "salary"])
        .format("json")
        .succeeds()
        .stdout_json();
    let salary = &cto["salaries"][0];
    assert_eq!(salary["figure"], "$102,150 per year");
    assert_eq!(salary["amount"].as_f64(), Some(102_150.0));
    assert_eq!(salary["period"], "year");
}
