//! `roles search WORDS…`: every fact scored against the words, best first, and
//! which role the matches lean to.

use crate::common::*;
use serde_json::Value;

fn search(words: &[&str]) -> Value {
    let mut args = vec!["search"];
    args.extend(words);
    roles(&args).format("json").succeeds().stdout_json()
}

fn hits(json: &Value) -> &Vec<Value> {
    json["hits"].as_array().expect("hits array")
}

#[test]
fn who_owns_data_governance_leans_to_the_cio() {
    let json = search(&["who", "owns", "data", "governance"]);
    assert_eq!(json["lean"]["role"], "cio", "{json:#}");
    assert_eq!(json["lean"]["name"], "Chief Information Officer");
}

#[test]
fn innovation_leans_to_the_cto() {
    let json = search(&["innovation"]);
    assert_eq!(json["lean"]["role"], "cto", "{json:#}");
}

#[test]
fn lean_share_is_a_majority_of_the_match_weight() {
    let json = search(&["innovation"]);
    let share = json["lean"]["share"].as_f64().expect("share");
    assert!(share > 0.5 && share <= 1.0, "{share}");
    let weights = json["weights"].as_object().expect("weights");
    let total: f64 = weights.values().filter_map(Value::as_f64).sum();
    let cto = json["weights"]["cto"].as_f64().expect("cto weight");
    assert!((cto / total - share).abs() < 0.01, "{json:#}");
}

#[test]
fn question_words_are_dropped_from_the_terms() {
    let json = search(&["who", "owns", "data", "governance"]);
    assert_eq!(json["terms"], serde_json::json!(["data", "governance"]));
    assert_eq!(json["query"], "who owns data governance");
}

#[test]
fn hits_matching_more_terms_come_first_then_higher_scores() {
    let json = search(&["data", "governance", "innovation", "--limit", "1000"]);
    let hits = hits(&json);
    assert!(hits.len() > 1);
    let distinct: std::collections::BTreeSet<u64> = hits
        .iter()
        .filter_map(|hit| hit["matched_terms"].as_u64())
        .collect();
    assert!(
        distinct.len() > 1,
        "the query should give hits of several match counts"
    );
    for pair in hits.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (terms_a, terms_b) = (
            a["matched_terms"].as_u64().expect("matched_terms"),
            b["matched_terms"].as_u64().expect("matched_terms"),
        );
        assert!(terms_a >= terms_b, "{a:#}\nbefore\n{b:#}");
        if terms_a == terms_b {
            let (score_a, score_b) = (
                a["score"].as_f64().expect("score"),
                b["score"].as_f64().expect("score"),
            );
            assert!(score_a >= score_b, "{a:#}\nbefore\n{b:#}");
        }
    }
}

#[test]
fn every_hit_says_whose_it_is_where_it_stands_what_it_says_and_its_sources() {
    let json = search(&["data", "governance"]);
    assert!(!hits(&json).is_empty());
    for hit in hits(&json) {
        assert!(
            hit["role"].is_null() || ["cio", "cto"].contains(&hit["role"].as_str().unwrap_or("")),
            "{hit:#}"
        );
        assert!(
            hit["section"].as_str().is_some_and(|s| !s.is_empty()),
            "{hit:#}"
        );
        assert!(
            hit["text"].as_str().is_some_and(|s| !s.is_empty()),
            "{hit:#}"
        );
        let sources = hit["sources"].as_array().expect("sources");
        assert!(!sources.is_empty(), "{hit:#}");
    }
}

#[test]
fn a_word_also_finds_longer_words_it_begins() {
    let json = search(&["govern"]);
    assert!(!hits(&json).is_empty());
    for hit in hits(&json) {
        let text = hit["text"].as_str().expect("text").to_lowercase();
        assert!(text.contains("govern"), "{text}");
    }
}

#[test]
fn search_is_case_insensitive() {
    let lower = search(&["governance"]);
    let upper = search(&["GOVERNANCE"]);
    assert!(!hits(&lower).is_empty());
    assert_eq!(upper["hits"], lower["hits"]);
    assert_eq!(upper["lean"], lower["lean"]);
    assert_eq!(upper["total"], lower["total"]);
}

#[test]
fn limit_caps_the_hits_but_total_counts_every_match() {
    let all = search(&["data", "--limit", "1000"]);
    let three = search(&["data", "--limit", "3"]);
    assert!(hits(&all).len() > 3);
    assert_eq!(hits(&three).len(), 3);
    assert_eq!(three["total"], all["total"]);
    assert_eq!(three["hits"].as_array(), Some(&hits(&all)[..3].to_vec()));
}

#[test]
fn limit_zero_is_refused_as_bad_usage() {
    roles(&["search", "data", "--limit", "0"])
        .fails_as_bad_input()
        .stderr_has("--limit");
}

#[test]
fn a_query_matching_nothing_succeeds_with_no_hits_and_no_lean() {
    let json = search(&["zzyzx"]);
    assert_eq!(json["total"], 0);
    assert!(hits(&json).is_empty());
    assert!(json["lean"].is_null());
    roles(&["search", "zzyzx"])
        .succeeds()
        .stdout_has("No facts match");
}

#[test]
fn a_query_of_only_question_words_is_refused() {
    roles(&["search", "who", "owns", "the"])
        .fails_as_bad_input()
        .stderr_has("nothing to search for");
}

#[test]
fn search_needs_at_least_one_word() {
    let run = roles(&["search"]).run();
    assert_eq!(run.code, Some(2), "{run}");
    assert!(run.stdout.is_empty(), "{run}");
}

#[test]
fn table_names_the_role_each_matching_fact_concerns() {
    roles(&["search", "data", "governance"])
        .succeeds()
        .stdout_has("CIO")
        .stdout_has("Leans to CIO");
}
