//! `roles topics [TOPIC]`: the cross-role topics listed with their fact counts,
//! or one topic's facts grouped by theme, in every format.

use crate::common::*;
use serde_json::{Value, json};

#[test]
fn without_a_topic_every_topic_is_listed_with_its_title_and_fact_count() {
    let list = json(&["topics"]);
    assert_eq!(list["schema_version"], 1);
    let topics = items(&list["topics"]);
    let dump = json(&["kb", "dump"]);
    let kb_topics = items(&dump["topics"]);
    // The knowledge base's topics, then `disagreements`, built from the disputes.
    assert_eq!(topics.len(), kb_topics.len() + 1);
    for (topic, kb) in topics.iter().zip(kb_topics) {
        assert_eq!((&topic["id"], &topic["title"]), (&kb["id"], &kb["title"]));
        assert_eq!(topic["facts"], items(&kb["facts"]).len(), "{}", topic["id"]);
    }
    assert_eq!(ids(&list["topics"]).last(), Some(&"disagreements"));
}

#[test]
fn disagreements_is_the_disputes_each_question_a_theme_each_view_a_fact() {
    let topic = json(&["topics", "disagreements"]);
    assert_eq!(topic["title"], "Where the articles disagree");
    let disputes = json(&["disputes"]);
    let disputes = items(&disputes["disputes"]);
    let themes = items(&topic["themes"]);
    assert_eq!(themes.len(), disputes.len(), "one group per question");
    let mut count = 0;
    for (group, dispute) in themes.iter().zip(disputes) {
        assert_eq!(group["theme"], dispute["question"]);
        let views = items(&dispute["views"]).iter();
        let facts: Vec<Value> = views
            .map(|v| json!({"text": v["text"], "roles": v["roles"], "sources": v["sources"]}))
            .collect();
        count += facts.len();
        assert_eq!(group["facts"], Value::Array(facts), "{}", dispute["id"]);
    }
    let listed = json(&["topics"]);
    let entry = items(&listed["topics"])
        .iter()
        .find(|t| t["id"] == "disagreements");
    assert_eq!(entry.expect("listed")["facts"], count);
}

#[test]
fn topic_ids_are_case_insensitive() {
    assert_eq!(json(&["topics", "NEED-BOTH"])["id"], "need-both");
}

#[test]
fn the_table_lists_the_topics_and_heads_each_theme_of_one_citing_each_fact() {
    let list = roles(&["topics"]).succeeds().stdout_has("need-both");
    list.stdout_has("When a company needs both")
        .stdout_has("roles topics ");
    let table = roles(&["topics", "disagreements"])
        .columns(200)
        .succeeds()
        .stdout;
    assert!(table.starts_with("Where the articles disagree"), "{table}");
    for group in items(&json(&["topics", "disagreements"])["themes"]) {
        let theme = format!("\n{}\n", string(&group["theme"]));
        assert!(table.contains(&theme), "{theme} in\n{table}");
    }
    assert!(table.contains("[overlap]"), "{table}");
}

#[test]
fn markdown_gives_the_topic_a_heading_and_each_theme_a_subheading() {
    let one = roles(&["topics", "disagreements"])
        .format("markdown")
        .succeeds();
    let one = one.stdout_has("\n## Who drives innovation?\n");
    let one = one.stdout_has("- **CIO, CTO**: ").stdout;
    assert!(one.starts_with("# Where the articles disagree\n"), "{one}");
    let list = markdown(&["topics"]);
    assert!(list.starts_with("# Topics\n"), "{list}");
    assert!(list.contains("| `need-both` | When a company needs both |"));
}

#[test]
fn a_custom_knowledge_base_shows_its_own_topics() {
    let args = ["topics", "disagreements"];
    let topic = roles(&args).kb(fixture("three-roles.yaml")).json();
    let themes = items(&topic["themes"]).iter();
    let mut facts = themes.flat_map(|g| items(&g["facts"]));
    assert!(facts.any(|f| items(&f["roles"]).contains(&"ciso".into())));
}
