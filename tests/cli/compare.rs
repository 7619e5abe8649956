//! `roles compare`: the side-by-side comparison, its JSON shape, `--only`,
//! `--cite`, and how it refuses role and dimension names it does not know.

use crate::common::*;

#[test]
fn compares_cio_and_cto_by_default_each_dimension_with_a_cited_value_per_role() {
    let compare = json(&["compare"]);
    assert_eq!(ids(&compare["roles"]), ["cio", "cto"]);
    assert_eq!(compare["roles"][0]["name"], "Chief Information Officer");
    assert_eq!(compare["roles"][1]["name"], "Chief Technology Officer");
    let mut dimension_ids = ids(&compare["dimensions"]);
    assert!(!dimension_ids.is_empty());
    for dimension in items(&compare["dimensions"]) {
        let id = &dimension["id"];
        assert!(!string(&dimension["name"]).is_empty(), "{id}");
        let values = dimension["values"].as_object().expect("values object");
        let roles: Vec<&String> = values.keys().collect();
        assert_eq!(roles, ["cio", "cto"], "{id}: a value per role");
        for value in values.values() {
            let sources = items(&value["sources"]);
            let cited = !sources.is_empty() && sources.iter().all(|s| s.is_string());
            assert!(!string(&value["text"]).is_empty() && cited, "{id}");
        }
    }
    let count = dimension_ids.len();
    dimension_ids.sort_unstable();
    dimension_ids.dedup();
    assert_eq!(dimension_ids.len(), count, "dimension ids are unique");
}

#[test]
fn only_keeps_exactly_the_named_dimensions_in_the_order_given_by_id_or_name_in_any_case() {
    #[rustfmt::skip]
    let cases = [
        ("focus,revenue-line", &["focus", "revenue-line"][..]),
        ("revenue-line,focus", &["revenue-line", "focus"]),
        ("Focus,REVENUE-LINE", &["focus", "revenue-line"]),
        ("revenue line,FOCUS,Outside Partners", &["revenue-line", "focus", "partners"]),
    ];
    for (only, expected) in cases {
        let compare = json(&["compare", "--only", only]);
        assert_eq!(ids(&compare["dimensions"]), expected, "{only}");
    }
    let focus = roles(&["compare", "--only", "focus"])
        .succeeds()
        .stdout_has("Focus");
    focus.stdout_lacks("Revenue line").stdout_lacks("†");
}

#[test]
fn cite_shows_the_source_ids_of_each_value_in_the_table() {
    let focus = json(&["compare", "--only", "focus"]);
    let table = roles(&["compare", "--only", "focus", "--cite"]).columns(200);
    let table = table.succeeds().stdout;
    for role in ["cio", "cto"] {
        let sources = items(&focus["dimensions"][0]["values"][role]["sources"]);
        let sources: Vec<&str> = sources.iter().map(string).collect();
        let citation = format!("[{}]", sources.join(", "));
        assert!(table.contains(&citation), "{citation} in\n{table}");
    }
}

#[test]
fn without_cite_the_table_shows_no_source_ids_but_says_how_to_see_them() {
    let table = roles(&["compare"]).succeeds().stdout;
    for id in ids(&json(&["sources"])["sources"]) {
        assert!(!table.contains(&format!("[{id}")), "{id} cited in\n{table}");
    }
    assert!(table.contains("--cite"), "{table}");
}

#[test]
fn role_ids_are_case_insensitive_and_keep_the_order_given_in_json_and_the_table() {
    let expected = ["cto", "cio"];
    assert_eq!(ids(&json(&["compare", "CTO", "cio"])["roles"]), expected);
    let table = roles(&["compare", "cto", "cio"]).succeeds().stdout;
    let header = table.lines().nth(1).expect("a header line");
    assert!(header.find("CTO").expect("CTO") < header.find("CIO").expect("CIO"));
}

#[test]
fn the_salary_row_carries_its_caveats_in_every_format() {
    let salary = json(&["compare", "--only", "salary"]);
    let caveats = items(&salary["dimensions"][0]["caveats"]);
    let caveats: Vec<&str> = caveats.iter().map(string).collect();
    let all = caveats.join(" ");
    #[rustfmt::skip]
    let points = ["per hour and the other per year", "not comparable as printed",
        "Canada is inferred from the cities", "Ontario", "province", "Indeed",
        "at the time the article was written"];
    for point in points {
        assert!(all.contains(point), "{point} in {all}");
    }
    let first = caveats[0];
    let run = |format| {
        roles(&["compare", "--only", "salary"])
            .columns(200)
            .format(format)
    };
    let table = run("table").succeeds().stdout_has("Salary †");
    table.stdout_has(&format!("† Salary: {first}"));
    let markdown = run("markdown").succeeds().stdout_has("**Salary †**");
    markdown.stdout_has(&format!("† **Salary**: {first}"));
    run("yaml")
        .succeeds()
        .stdout_has("not comparable as printed");
}

#[test]
fn more_than_eight_roles_are_compared_only_when_named() {
    let dir = temp_dir();
    // A knowledge base with `count` roles `r1`, `r2`, … and one dimension.
    let many = |count: usize| {
        let source = "{id: article, title: An article, file: article.txt}";
        let role = |n| {
            format!(
                "  - id: r{n}\n    name: Role {n}\n    summary: {{text: Role {n}., sources: [article]}}\n    sections: []\n"
            )
        };
        let value = |n| format!("      r{n}: {{text: Focus {n}, sources: [article]}}\n");
        let roles: String = (1..=count).map(role).collect();
        let values: String = (1..=count).map(value).collect();
        let dimensions = "dimensions:\n  - id: focus\n    name: Focus\n    values:\n";
        let text = format!(
            "schema_version: 1\nsources:\n  - {source}\nroles:\n{roles}{dimensions}{values}"
        );
        write_file(dir.path(), &format!("{count}.yaml"), text)
    };
    let eight = roles(&["compare"]).kb(many(8)).json();
    assert_eq!(items(&eight["roles"]).len(), 8);
    let nine = many(9);
    let refused = roles(&["compare"])
        .kb(&nine)
        .fails_as_bad_input()
        .stderr_has("9 roles");
    refused.stderr_has("name the roles to compare, e.g. `roles compare r1 r2`");
    let named = roles(&["compare", "r9", "r1"]).kb(&nine).json();
    assert_eq!(ids(&named["roles"]), ["r9", "r1"]);
}
