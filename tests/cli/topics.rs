//! `roles topics [TOPIC]`: the cross-role topics listed with their fact counts,
//! or one topic's facts grouped by theme, in every format.

use crate::common::*;
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let mut all = vec!["topics"];
    all.extend(args);
    roles(&all).format("json").succeeds().stdout_json()
}

#[test]
fn without_a_topic_every_topic_is_listed_with_its_title_and_fact_count() {
    let list = json(&[]);
    assert_eq!(list["schema_version"], 1);
    let topics = list["topics"].as_array().expect("topics");
    let dump = roles(&["kb", "dump"])
        .format("json")
        .succeeds()
        .stdout_json();
    let kb_topics = dump["topics"]
        .as_array()
        .expect("the knowledge base's topics");
    // The knowledge base's topics, then `disagreements`, built from the disputes.
    assert_eq!(topics.len(), kb_topics.len() + 1);
    for (topic, kb_topic) in topics.iter().zip(kb_topics) {
        assert_eq!(topic["id"], kb_topic["id"]);
        assert_eq!(topic["title"], kb_topic["title"]);
        let facts = kb_topic["facts"].as_array().expect("facts").len();
        assert_eq!(topic["facts"], facts, "{}", topic["id"]);
    }
    assert_eq!(ids(&list["topics"]).last(), Some(&"disagreements"));
}

#[test]
fn disagreements_is_the_disputes_each_question_a_theme_each_view_a_fact() {
    let topic = json(&["disagreements"]);
    assert_eq!(topic["title"], "Where the articles disagree");
    let disputes = roles(&["disputes"]).format("json").succeeds().stdout_json();
    let disputes = disputes["disputes"].as_array().expect("disputes");
    let themes = topic["themes"].as_array().expect("themes");
    assert_eq!(themes.len(), disputes.len(), "one group per question");
    let mut count = 0;
    for (group, dispute) in themes.iter().zip(disputes) {
        assert_eq!(group["theme"], dispute["question"]);
        let views = dispute["views"].as_array().expect("views").iter();
        let views: Vec<Value> = views
            .map(|v| serde_json::json!({"text": v["text"], "roles": v["roles"], "sources": v["sources"]}))
            .collect();
        count += views.len();
        assert_eq!(group["facts"], Value::Array(views), "{}", dispute["id"]);
    }
    let listed = json(&[]);
    let topics = listed["topics"].as_array().expect("topics");
    let entry = topics.iter().find(|t| t["id"] == "disagreements");
    assert_eq!(entry.expect("listed")["facts"], count);
}

#[test]
fn topic_ids_are_case_insensitive() {
    assert_eq!(json(&["NEED-BOTH"])["id"], "need-both");
}

#[test]
fn an_unknown_topic_is_refused_with_the_closest_suggested() {
    roles(&["topics", "need-bot"])
        .fails_as_bad_input()
        .stderr_has("unknown topic `need-bot`")
        .stderr_has("did you mean `need-both`?");
}

#[test]
fn the_table_lists_ids_titles_and_counts_and_says_how_to_open_one() {
    roles(&["topics"])
        .succeeds()
        .stdout_has("need-both")
        .stdout_has("When a company needs both")
        .stdout_has("roles topics ");
}

#[test]
fn the_table_of_a_topic_heads_each_theme_and_cites_each_fact() {
    let topic = json(&["disagreements"]);
    let table = roles(&["topics", "disagreements"])
        .columns(200)
        .succeeds()
        .stdout;
    assert!(table.starts_with("Where the articles disagree"), "{table}");
    for group in topic["themes"].as_array().expect("themes") {
        let theme = group["theme"].as_str().expect("a theme");
        assert!(
            table.contains(&format!("\n{theme}\n")),
            "{theme} in\n{table}"
        );
    }
    assert!(table.contains("[overlap]"), "{table}");
}

#[test]
fn markdown_gives_the_topic_a_heading_and_each_theme_a_subheading() {
    let markdown = roles(&["topics", "disagreements"])
        .format("markdown")
        .succeeds()
        .stdout;
    assert!(
        markdown.starts_with("# Where the articles disagree\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("\n## Who drives innovation?\n"),
        "{markdown}"
    );
    assert!(markdown.contains("- **CIO, CTO**: "), "{markdown}");
    let list = roles(&["topics"]).format("markdown").succeeds().stdout;
    assert!(list.starts_with("# Topics\n"), "{list}");
    assert!(
        list.contains("| `need-both` | When a company needs both |"),
        "{list}"
    );
}

#[test]
fn every_format_works_listed_and_for_one_topic() {
    for args in [&["topics"][..], &["topics", "tension"]] {
        for format in FORMATS {
            roles(args).format(format).succeeds();
        }
        let yaml = roles(args).format("yaml").succeeds().stdout_yaml();
        let json = roles(args).format("json").succeeds().stdout_json();
        assert_eq!(serde_json::to_value(&yaml).expect("YAML as JSON"), json);
    }
}

#[test]
fn a_custom_knowledge_base_shows_its_own_topics() {
    let json = roles(&["topics", "disagreements"])
        .kb(fixture("three-roles.yaml"))
        .format("json")
        .succeeds()
        .stdout_json();
    let themes = json["themes"].as_array().expect("themes");
    assert!(
        themes
            .iter()
            .flat_map(|g| g["facts"].as_array().expect("facts"))
            .any(|f| f["roles"]
                .as_array()
                .expect("roles")
                .contains(&"ciso".into())),
        "{json:#}"
    );
}
