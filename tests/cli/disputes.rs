//! `roles disputes`: where the articles disagree, each a question with its views
//! side by side, each view citing its articles (by title for people), and the
//! data behind it: every view cites a known source.

use crate::common::*;
use serde_json::Value;

fn disputes() -> Value {
    roles(&["disputes"]).format("json").succeeds().stdout_json()
}

fn titles() -> Vec<(String, String)> {
    let sources = roles(&["sources"]).format("json").succeeds().stdout_json();
    sources["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| {
            (
                s["id"].as_str().expect("id").to_owned(),
                s["title"].as_str().expect("title").to_owned(),
            )
        })
        .collect()
}

#[test]
fn each_dispute_is_a_question_with_two_views_or_more_each_cited() {
    let json = disputes();
    assert_eq!(json["schema_version"], 1);
    let known: Vec<String> = titles().into_iter().map(|(id, _)| id).collect();
    let disputes = json["disputes"].as_array().expect("disputes");
    assert!(disputes.len() >= 10, "{json:#}");
    for dispute in disputes {
        let question = dispute["question"].as_str().expect("question");
        assert!(question.ends_with('?'), "{question}");
        let views = dispute["views"].as_array().expect("views");
        assert!(views.len() >= 2, "{question}: two views at least");
        let articles = views
            .iter()
            .flat_map(|v| v["sources"].as_array().expect("sources"));
        let articles: std::collections::BTreeSet<String> = articles.map(Value::to_string).collect();
        assert!(articles.len() >= 2, "{question}: two articles at least");
        for view in views {
            assert!(view["text"].as_str().is_some_and(|t| !t.is_empty()));
            assert!(view["label"].as_str().is_some_and(|t| !t.is_empty()));
            let roles = view["roles"].as_array().expect("roles");
            assert!(!roles.is_empty(), "{question}: {view:#}");
            for role in roles {
                assert!(["cio", "cto"].contains(&role.as_str().expect("role")));
            }
            let sources = view["sources"].as_array().expect("sources");
            assert!(!sources.is_empty(), "{question}: every view cites a source");
            for source in sources {
                let id = source.as_str().expect("a source id");
                assert!(known.iter().any(|k| k == id), "{question}: unknown {id}");
            }
        }
    }
}

#[test]
fn the_disagreements_the_issue_names_are_there() {
    let json = disputes();
    let ids = ids(&json["disputes"]);
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
    let innovation = json["disputes"]
        .as_array()
        .expect("disputes")
        .iter()
        .find(|d| d["id"] == "innovation")
        .expect("innovation");
    assert!(
        innovation["views"]
            .as_array()
            .expect("views")
            .iter()
            .any(|v| v["roles"] == serde_json::json!(["cto"])
                && v["sources"].as_array().map(Vec::len) == Some(titles().len())),
        "{innovation:#}"
    );
}

#[test]
fn the_table_sets_the_views_side_by_side_and_cites_articles_by_title() {
    let table = roles(&["disputes"]).columns(100).succeeds().stdout;
    let json = disputes();
    let first = &json["disputes"][0];
    let question = first["question"].as_str().expect("question");
    assert!(table.starts_with(question), "{table}");
    // The first dispute's grid has a column per view, headed by what the view
    // says and whose articles say it.
    let header = table.lines().nth(2).expect("a header row");
    for view in first["views"].as_array().expect("views") {
        assert!(
            header.contains(view["label"].as_str().expect("label")),
            "{header}"
        );
    }
    let ids = table.lines().nth(3).expect("a second header line");
    assert!(ids.contains("(difference,"), "{table}");
    let columns = header.matches('┆').count() + 1;
    assert_eq!(
        columns,
        first["views"].as_array().expect("views").len(),
        "{header}"
    );
    // Titles, not ids: at 200 columns no title wraps.
    let wide = roles(&["disputes"]).columns(200).succeeds().stdout;
    for (id, title) in titles() {
        if wide.contains(&format!("“{title}”")) {
            assert!(!wide.contains(&format!("[{id}")), "{id} cited by id");
        }
    }
    assert!(
        wide.contains("“CIO vs CTO: What's the difference?”"),
        "{wide}"
    );
}

#[test]
fn markdown_gives_each_question_a_heading_and_its_views_a_table_with_titles() {
    let markdown = roles(&["disputes"]).format("markdown").succeeds().stdout;
    assert!(markdown.starts_with("# Where the articles disagree\n"));
    assert!(
        markdown.contains("\n## Who works with vendors?\n"),
        "{markdown}"
    );
    assert!(markdown.lines().any(|line| line.starts_with("| ---")));
    assert!(markdown.contains("*“CIO vs. CTO: Definition, Similarities, and Differences”"));
}

#[test]
fn every_format_works_and_yaml_is_the_json_data() {
    for format in FORMATS {
        roles(&["disputes"]).format(format).succeeds();
    }
    let yaml = roles(&["disputes"]).format("yaml").succeeds().stdout_yaml();
    assert_eq!(
        serde_json::to_value(&yaml).expect("YAML as JSON"),
        disputes()
    );
}

#[test]
fn a_custom_knowledge_base_shows_its_own_disputes() {
    let json = roles(&["disputes"])
        .kb(fixture("three-roles.yaml"))
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(ids(&json["disputes"]), ["security-officer"]);
    let dir = temp_dir();
    let json = roles(&["disputes"])
        .kb(crate::split::three_roles_with_embedded(dir.path()))
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(ids(&json["disputes"]).first(), Some(&"innovation"));
    assert_eq!(ids(&json["disputes"]).last(), Some(&"security-officer"));
    let minimal = roles(&["disputes"])
        .kb(fixture("minimal.yaml"))
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(minimal["disputes"], serde_json::json!([]));
    roles(&["disputes"])
        .kb(fixture("minimal.yaml"))
        .succeeds()
        .stdout_has("no disputes");
}
