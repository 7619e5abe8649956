//! `roles compare`: the side-by-side comparison, its JSON shape, `--only`,
//! `--cite`, and how it refuses role and dimension names it does not know.

use crate::common::*;

#[test]
fn compares_cio_and_cto_by_default() {
    let json = roles(&["compare"]).format("json").succeeds().stdout_json();
    assert_eq!(ids(&json["roles"]), ["cio", "cto"]);
    assert_eq!(json["roles"][0]["name"], "Chief Information Officer");
    assert_eq!(json["roles"][1]["name"], "Chief Technology Officer");
}

#[test]
fn every_dimension_has_an_id_a_name_and_a_cited_value_per_role() {
    let json = roles(&["compare"]).format("json").succeeds().stdout_json();
    let dimensions = json["dimensions"].as_array().expect("dimensions array");
    assert!(!dimensions.is_empty());
    for dimension in dimensions {
        let id = dimension["id"].as_str().expect("dimension id");
        assert!(!id.is_empty());
        assert!(
            dimension["name"]
                .as_str()
                .is_some_and(|name| !name.is_empty()),
            "{id}: name"
        );
        let values = dimension["values"].as_object().expect("values object");
        assert_eq!(
            values.keys().collect::<Vec<_>>(),
            ["cio", "cto"],
            "{id}: a value per compared role"
        );
        for role in ["cio", "cto"] {
            let value = &dimension["values"][role];
            assert!(
                value["text"].as_str().is_some_and(|text| !text.is_empty()),
                "{id}.{role}: text"
            );
            let sources = value["sources"].as_array().expect("sources array");
            assert!(!sources.is_empty(), "{id}.{role}: cites a source");
            assert!(sources.iter().all(serde_json::Value::is_string));
        }
    }
}

#[test]
fn dimension_ids_are_unique() {
    let json = roles(&["compare"]).format("json").succeeds().stdout_json();
    let mut dimension_ids = ids(&json["dimensions"]);
    let count = dimension_ids.len();
    dimension_ids.sort_unstable();
    dimension_ids.dedup();
    assert_eq!(dimension_ids.len(), count);
}

#[test]
fn only_keeps_exactly_the_named_dimensions() {
    let json = roles(&["compare", "--only", "focus,revenue-line"])
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(ids(&json["dimensions"]), ["focus", "revenue-line"]);
}

#[test]
fn only_keeps_the_order_given_not_the_knowledge_base_order() {
    let json = roles(&["compare", "--only", "revenue-line,focus"])
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(ids(&json["dimensions"]), ["revenue-line", "focus"]);
}

#[test]
fn only_accepts_dimension_ids_in_any_case() {
    let json = roles(&["compare", "--only", "Focus,REVENUE-LINE"])
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(ids(&json["dimensions"]), ["focus", "revenue-line"]);
}

#[test]
fn only_limits_the_table_rows_too() {
    let table = roles(&["compare", "--only", "focus"]).succeeds().stdout;
    assert!(table.contains("Focus"), "{table}");
    assert!(!table.contains("Revenue line"), "{table}");
}

#[test]
fn cite_shows_the_source_ids_of_each_value_in_the_table() {
    let json = roles(&["compare", "--only", "focus"])
        .format("json")
        .succeeds()
        .stdout_json();
    let table = roles(&["compare", "--only", "focus", "--cite"])
        .columns(200)
        .succeeds()
        .stdout;
    for role in ["cio", "cto"] {
        let sources: Vec<&str> = json["dimensions"][0]["values"][role]["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .map(|id| id.as_str().expect("source id"))
            .collect();
        let citation = format!("[{}]", sources.join(", "));
        assert!(table.contains(&citation), "{citation} in\n{table}");
    }
}

#[test]
fn without_cite_the_table_shows_no_source_ids_but_says_how_to_see_them() {
    let table = roles(&["compare"]).succeeds().stdout;
    let sources = roles(&["sources"]).format("json").succeeds().stdout_json();
    for id in ids(&sources["sources"]) {
        assert!(!table.contains(&format!("[{id}")), "{id} cited in\n{table}");
    }
    assert!(table.contains("--cite"), "{table}");
}

#[test]
fn role_ids_are_case_insensitive_and_keep_the_order_given() {
    let json = roles(&["compare", "CTO", "cio"])
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(ids(&json["roles"]), ["cto", "cio"]);
}

#[test]
fn table_has_a_column_per_role_in_the_order_given() {
    let table = roles(&["compare", "cto", "cio"]).succeeds().stdout;
    let header = table.lines().nth(1).expect("a header line");
    let cto = header.find("CTO").expect("CTO column");
    let cio = header.find("CIO").expect("CIO column");
    assert!(cto < cio, "{header}");
}

#[test]
fn unknown_role_is_refused_listing_the_known_roles_and_the_closest() {
    roles(&["compare", "cio", "ctoo"])
        .fails_as_bad_input()
        .stderr_has("unknown role `ctoo`")
        .stderr_has("`cio`, `cto`")
        .stderr_has("did you mean `cto`?");
}

#[test]
fn unknown_role_far_from_any_known_one_gets_no_suggestion() {
    roles(&["compare", "cio", "zzzzzz"])
        .fails_as_bad_input()
        .stderr_has("unknown role `zzzzzz`")
        .stderr_lacks("did you mean");
}

#[test]
fn one_role_is_not_enough_to_compare() {
    roles(&["compare", "cio"])
        .fails_as_bad_input()
        .stderr_has("at least two roles");
}

#[test]
fn a_role_named_twice_is_refused() {
    roles(&["compare", "cio", "CIO"])
        .fails_as_bad_input()
        .stderr_has("`cio` is named twice");
}

#[test]
fn unknown_dimension_is_refused_with_a_suggestion() {
    roles(&["compare", "--only", "focus,revenue-lin"])
        .fails_as_bad_input()
        .stderr_has("unknown dimension `revenue-lin`")
        .stderr_has("`focus`")
        .stderr_has("did you mean `revenue-line`?");
}

#[test]
fn errors_are_plain_text_even_when_json_is_asked_for() {
    roles(&["compare", "ctoo", "cio"])
        .format("json")
        .fails_as_bad_input()
        .stderr_has("did you mean `cto`?");
}

#[test]
fn only_accepts_dimension_names_as_well_as_ids_in_any_case() {
    let json = roles(&["compare", "--only", "revenue line,FOCUS,Outside Partners"])
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(
        ids(&json["dimensions"]),
        ["revenue-line", "focus", "partners"]
    );
}

#[test]
fn only_suggests_the_closest_dimension_for_a_misspelt_name() {
    roles(&["compare", "--only", "salry"])
        .fails_as_bad_input()
        .stderr_has("did you mean `salary`?");
    roles(&["compare", "--only", "Revenu line"])
        .fails_as_bad_input()
        .stderr_has("unknown dimension `Revenu line`")
        .stderr_has("did you mean `revenue-line`?");
}

#[test]
fn only_refuses_a_dimension_named_twice_even_once_by_name() {
    for only in ["focus,focus", "focus,Focus", "revenue-line,Revenue line"] {
        roles(&["compare", "--only", only])
            .fails_as_bad_input()
            .stderr_has("is named twice in `--only`");
    }
}

#[test]
fn only_refuses_an_empty_item() {
    for only in ["focus,,kpis", "", "focus,", " "] {
        roles(&["compare", "--only", only])
            .fails_as_bad_input()
            .stderr_has("`--only` has an empty item");
    }
}

#[test]
fn the_salary_row_carries_its_caveats_in_every_format() {
    let json = roles(&["compare", "--only", "salary"])
        .format("json")
        .succeeds()
        .stdout_json();
    let caveats: Vec<&str> = json["dimensions"][0]["caveats"]
        .as_array()
        .expect("caveats")
        .iter()
        .map(|c| c.as_str().expect("a caveat"))
        .collect();
    let all = caveats.join(" ");
    for point in [
        "per hour and the other per year",
        "not comparable as printed",
        "Canada is inferred from the cities",
        "Ontario",
        "province",
        "Indeed",
        "at the time the article was written",
    ] {
        assert!(all.contains(point), "{point} in {all}");
    }
    roles(&["compare", "--only", "salary"])
        .columns(200)
        .succeeds()
        .stdout_has("Salary †")
        .stdout_has(&format!("† Salary: {}", caveats[0]));
    roles(&["compare", "--only", "salary"])
        .format("markdown")
        .succeeds()
        .stdout_has("**Salary †**")
        .stdout_has(&format!("† **Salary**: {}", caveats[0]));
    let yaml = roles(&["compare", "--only", "salary"])
        .format("yaml")
        .succeeds()
        .stdout;
    assert!(yaml.contains("not comparable as printed"), "{yaml}");
}

#[test]
fn rows_without_caveats_carry_no_mark() {
    let table = roles(&["compare", "--only", "focus"]).succeeds().stdout;
    assert!(!table.contains('†'), "{table}");
}

/// A knowledge base with `count` roles `r1`, `r2`, … and one dimension.
fn many_roles(dir: &std::path::Path, count: usize) -> std::path::PathBuf {
    let mut text = String::from(
        "schema_version: 1\nsources:\n  - {id: article, title: An article, file: article.txt}\nroles:\n",
    );
    for n in 1..=count {
        text.push_str(&format!(
            "  - id: r{n}\n    name: Role {n}\n    summary: {{text: Role {n}., sources: [article]}}\n    sections: []\n"
        ));
    }
    text.push_str("dimensions:\n  - id: focus\n    name: Focus\n    values:\n");
    for n in 1..=count {
        text.push_str(&format!(
            "      r{n}: {{text: Focus {n}, sources: [article]}}\n"
        ));
    }
    write_file(dir, "many.yaml", text)
}

#[test]
fn more_than_eight_roles_are_compared_only_when_named() {
    let dir = temp_dir();
    let eight = many_roles(dir.path(), 8);
    let json = roles(&["compare"])
        .kb(&eight)
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(json["roles"].as_array().map(Vec::len), Some(8));
    let nine = many_roles(dir.path(), 9);
    roles(&["compare"])
        .kb(&nine)
        .fails_as_bad_input()
        .stderr_has("9 roles")
        .stderr_has("name the roles to compare, e.g. `roles compare r1 r2`");
    let json = roles(&["compare", "r9", "r1"])
        .kb(&nine)
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(ids(&json["roles"]), ["r9", "r1"]);
}
