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

/// `roles search WORDS… --format json`, whatever its exit code.
fn search_run(words: &[&str]) -> Run {
    let mut args = vec!["search"];
    args.extend(words);
    roles(&args).format("json").run()
}

#[test]
fn a_query_matching_nothing_exits_1_like_grep_with_no_hits_and_no_lean() {
    let run = search_run(&["zzyzx"]);
    assert_eq!(run.code, Some(1), "{run}");
    assert!(run.stderr.is_empty(), "{run}");
    let json = run.stdout_json();
    assert_eq!(json["total"], 0);
    assert!(hits(&json).is_empty());
    assert!(json["lean"].is_null());
    let table = roles(&["search", "zzyzx"]).run();
    assert_eq!(table.code, Some(1), "{table}");
    assert!(table.stdout.contains("No facts match"), "{table}");
    assert!(table.stderr.is_empty(), "{table}");
}

#[test]
fn a_misspelt_word_suggests_the_closest_word_of_the_knowledge_base() {
    let run = search_run(&["secruity"]);
    assert_eq!(run.code, Some(1), "{run}");
    let json = run.stdout_json();
    assert_eq!(json["suggestions"][0]["term"], "secruity");
    assert_eq!(json["suggestions"][0]["words"][0], "security", "{json:#}");
    let table = roles(&["search", "secruity"]).run();
    assert_eq!(table.code, Some(1), "{table}");
    assert!(table.stdout.contains("did you mean `security`?"), "{table}");
}

#[test]
fn a_word_that_matches_nothing_beside_one_that_matches_is_reported_but_the_search_succeeds() {
    let json = search(&["governance", "secruity"]);
    assert!(!hits(&json).is_empty());
    assert_eq!(json["suggestions"][0]["term"], "secruity", "{json:#}");
    roles(&["search", "governance", "secruity"])
        .succeeds()
        .stdout_has("did you mean `security`?");
}

#[test]
fn every_search_format_exits_1_when_nothing_matches() {
    for format in FORMATS {
        let run = roles(&["search", "zzyzx"]).format(format).run();
        assert_eq!(run.code, Some(1), "{format}: {run}");
        assert!(!run.stdout.is_empty(), "{format}: {run}");
    }
}

#[test]
fn it_in_capitals_is_searched_though_it_is_a_question_word() {
    let json = search(&["IT", "--limit", "1000"]);
    assert_eq!(json["terms"], serde_json::json!(["IT"]));
    assert!(hits(&json).len() > 10, "{json:#}");
    for hit in hits(&json) {
        let text = hit["text"].as_str().expect("text");
        let title = hit["section_title"].as_str().expect("title");
        let has_it = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .any(|word| word == "IT")
        };
        assert!(has_it(text) || has_it(title), "{hit:#}");
    }
    roles(&["search", "it"])
        .fails_as_bad_input()
        .stderr_has("nothing to search for");
}

#[test]
fn r_and_d_is_one_word() {
    let json = search(&["R&D", "--limit", "1000"]);
    assert_eq!(json["terms"], serde_json::json!(["r&d"]));
    assert!(!hits(&json).is_empty());
    assert!(
        hits(&json).iter().any(|hit| hit["text"]
            .as_str()
            .is_some_and(|text| text.contains("R&D"))),
        "{json:#}"
    );
}

#[test]
fn singular_and_plural_find_the_same_facts() {
    for (one, many) in [("salary", "salaries"), ("policy", "policies")] {
        let singular = search(&[one, "--limit", "1000"]);
        let plural = search(&[many, "--limit", "1000"]);
        assert!(singular["total"].as_u64() > Some(0), "{one}");
        assert_eq!(singular["total"], plural["total"], "{one} / {many}");
        let texts = |json: &Value| -> std::collections::BTreeSet<String> {
            hits(json)
                .iter()
                .map(|hit| hit["text"].as_str().expect("text").to_owned())
                .collect()
        };
        assert_eq!(texts(&singular), texts(&plural), "{one} / {many}");
    }
}

#[test]
fn section_titles_dimension_labels_and_topic_titles_are_searchable() {
    // Each word is in a heading, not in the texts of the facts under it.
    for (word, section) in [
        ("indicators", "kpis"),
        ("serves", "dimension/audience"),
        ("separate", "topic/career-tracks"),
    ] {
        let json = search(&[word, "--limit", "1000"]);
        assert!(
            hits(&json).iter().any(|hit| hit["section"] == section
                && !hit["text"]
                    .as_str()
                    .expect("text")
                    .to_lowercase()
                    .contains(word)),
            "`{word}` finds the facts under `{section}`: {json:#}"
        );
    }
}

#[test]
fn role_keeps_only_the_facts_that_concern_that_role() {
    let all = search(&["data", "--limit", "1000"]);
    let cto = search(&["data", "--limit", "1000", "--role", "CTO"]);
    assert_eq!(cto["role_filter"], "cto");
    assert!(cto["total"].as_u64() < all["total"].as_u64(), "{cto:#}");
    assert!(!hits(&cto).is_empty());
    for hit in hits(&cto) {
        assert!(hit["role"] == "cto" || hit["role"].is_null(), "{hit:#}");
    }
}

#[test]
fn an_unknown_role_is_refused_with_the_closest_suggested() {
    roles(&["search", "data", "--role", "cxo"])
        .fails_as_bad_input()
        .stderr_has("unknown role `cxo`")
        .stderr_has("did you mean `cto`?");
}

#[test]
fn the_lean_is_read_from_the_hits_shown() {
    let json = search(&["governance", "--limit", "1"]);
    let hit = &hits(&json)[0];
    let role = hit["roles"][0].as_str().expect("a one-role hit");
    assert_eq!(hit["roles"].as_array().map(Vec::len), Some(1), "{json:#}");
    assert_eq!(json["lean"]["role"], role, "{json:#}");
    assert_eq!(json["lean"]["share"], 1.0, "{json:#}");
    assert_eq!(json["weights"][role], hit["score"], "{json:#}");
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

#[test]
fn a_hit_about_both_roles_lists_them_both() {
    let json = search(&["tension", "--limit", "50"]);
    let shared: Vec<&Value> = hits(&json)
        .iter()
        .filter(|hit| hit["roles"].as_array().is_some_and(|roles| roles.len() > 1))
        .collect();
    assert!(!shared.is_empty(), "{json:#}");
    for hit in &shared {
        assert_eq!(hit["roles"], serde_json::json!(["cio", "cto"]), "{hit:#}");
    }
    assert!(
        hits(&json).iter().all(|hit| hit.get("role").is_none()),
        "`role` is gone: {json:#}"
    );
}
