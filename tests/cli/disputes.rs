//! `roles disputes`: where the articles disagree, each a question with its views
//! side by side, each view citing its articles (by title for people), and the
//! data behind it: every view cites a known source.

use std::collections::BTreeSet;

use crate::common::*;
use serde_json::{Value, json};

/// The articles' ids and titles.
fn titles() -> Vec<(String, String)> {
    let sources = json(&["sources"]);
    let sources = items(&sources["sources"]).iter();
    let text = |value: &Value| string(value).to_owned();
    sources
        .map(|s| (text(&s["id"]), text(&s["title"])))
        .collect()
}

#[test]
fn each_dispute_is_a_question_with_two_views_or_more_each_cited() {
    let disputes = json(&["disputes"]);
    assert_eq!(disputes["schema_version"], 1);
    let known: Vec<String> = titles().into_iter().map(|(id, _)| id).collect();
    let list = items(&disputes["disputes"]);
    assert!(list.len() >= 10, "{disputes:#}");
    for dispute in list {
        let question = string(&dispute["question"]);
        assert!(question.ends_with('?'), "{question}");
        let views = items(&dispute["views"]);
        assert!(views.len() >= 2, "{question}: two views at least");
        let articles = views.iter().flat_map(|v| items(&v["sources"]));
        let articles: BTreeSet<&str> = articles.filter_map(Value::as_str).collect();
        assert!(articles.len() >= 2, "{question}: two articles at least");
        for view in views {
            let said = !string(&view["text"]).is_empty() && !string(&view["label"]).is_empty();
            let roles = items(&view["roles"]);
            let whose = roles.iter().all(|role| role == "cio" || role == "cto");
            assert!(said && !roles.is_empty() && whose, "{question}: {view:#}");
            let sources = items(&view["sources"]);
            assert!(!sources.is_empty(), "{question}: every view cites a source");
            for id in sources.iter().map(string) {
                assert!(known.iter().any(|k| k == id), "{question}: unknown {id}");
            }
        }
    }
}

#[test]
fn the_disagreements_the_issue_names_are_there() {
    let disputes = json(&["disputes"]);
    let ids = ids(&disputes["disputes"]);
    for id in [
        "innovation",
        "revenue",
        "vendors",
        "departments",
        "hands-on",
    ] {
        assert!(ids.contains(&id), "dispute `{id}` in {ids:?}");
    }
    // The articles call neither role more senior: no dispute of our making.
    assert!(!ids.contains(&"seniority"), "{ids:?}");
    // Who drives innovation: every article that gives it to the CTO.
    let innovation = items(&disputes["disputes"])
        .iter()
        .find(|d| d["id"] == "innovation");
    let innovation = innovation.expect("innovation");
    let views = items(&innovation["views"]);
    let all = titles().len();
    let to_cto = |v: &Value| v["roles"] == json!(["cto"]) && items(&v["sources"]).len() == all;
    assert!(views.iter().any(to_cto), "{innovation:#}");
}

#[test]
fn the_table_sets_the_views_side_by_side_and_cites_articles_by_title() {
    let table = roles(&["disputes"]).columns(100).succeeds().stdout;
    let disputes = json(&["disputes"]);
    let first = &disputes["disputes"][0];
    assert!(table.starts_with(string(&first["question"])), "{table}");
    // The first dispute's grid has a column per view, headed by what the view
    // says and whose articles say it.
    let header = table.lines().nth(2).expect("a header row");
    let views = items(&first["views"]);
    for view in views {
        assert!(header.contains(string(&view["label"])), "{header}");
    }
    let second = table.lines().nth(3).expect("a second header line");
    assert!(second.contains("(difference,"), "{table}");
    assert_eq!(header.matches('┆').count() + 1, views.len(), "{header}");
    // Titles, not ids: at 200 columns no title wraps.
    let wide = roles(&["disputes"]).columns(200).succeeds().stdout;
    for (id, title) in titles() {
        if wide.contains(&format!("“{title}”")) {
            assert!(!wide.contains(&format!("[{id}")), "{id} cited by id");
        }
    }
    assert!(wide.contains("“CIO vs CTO: What's the difference?”"));
}

#[test]
fn markdown_gives_each_question_a_heading_and_its_views_a_table_with_titles() {
    let markdown = markdown(&["disputes"]);
    assert!(markdown.starts_with("# Where the articles disagree\n"));
    assert!(markdown.contains("\n## Who works with vendors?\n"));
    assert!(markdown.lines().any(|line| line.starts_with("| ---")));
    assert!(markdown.contains("*“CIO vs. CTO: Definition, Similarities, and Differences”"));
}

#[test]
fn a_custom_knowledge_base_shows_its_own_disputes() {
    let disputes = |kb: &std::path::Path| {
        let json = roles(&["disputes"]).kb(kb).json();
        ids(&json["disputes"]).join(" ")
    };
    assert_eq!(disputes(&fixture("three-roles.yaml")), "security-officer");
    let dir = temp_dir();
    let both = disputes(&crate::split::three_roles_with_embedded(dir.path()));
    let ok = both.starts_with("innovation ") && both.ends_with(" security-officer");
    assert!(ok, "{both}");
    assert!(disputes(&fixture("minimal.yaml")).is_empty());
    let minimal = roles(&["disputes"]).kb(fixture("minimal.yaml")).succeeds();
    minimal.stdout_has("no disputes");
}
