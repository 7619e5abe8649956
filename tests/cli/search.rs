//! `roles search WORDS…`: every fact scored against the words, best first, and
//! which role the matches lean to.

use std::collections::BTreeSet;

use crate::common::*;
use serde_json::{Value, json};

/// `roles search WORDS… --format json`, which must succeed.
fn search(words: &[&str]) -> Value {
    let mut args = vec!["search"];
    args.extend(words);
    roles(&args).format("json").succeeds().stdout_json()
}

/// `roles search WORDS… --format json`, whatever its exit code.
fn search_run(words: &[&str]) -> Run {
    let mut args = vec!["search"];
    args.extend(words);
    roles(&args).format("json").run()
}

fn hits(json: &Value) -> &Vec<Value> {
    json["hits"].as_array().expect("hits array")
}

fn texts(json: &Value) -> BTreeSet<String> {
    hits(json)
        .iter()
        .map(|hit| hit["text"].as_str().expect("text").to_owned())
        .collect()
}

#[test]
fn question_words_are_dropped_and_the_lean_names_the_role() {
    let json = search(&["who", "owns", "data", "governance"]);
    assert_eq!(json["query"], "who owns data governance");
    assert_eq!(json["terms"], json!(["data", "governance"]));
    assert_eq!(json["lean"]["role"], "cio", "{json:#}");
    assert_eq!(json["lean"]["name"], "Chief Information Officer");
    roles(&["search", "data", "governance"])
        .succeeds()
        .stdout_has("CIO")
        .stdout_has("Leans to CIO");
}

#[test]
fn the_lean_share_is_the_role_s_part_of_the_match_weight() {
    let json = search(&["innovation"]);
    assert_eq!(json["lean"]["role"], "cto", "{json:#}");
    let share = json["lean"]["share"].as_f64().expect("share");
    assert!(share > 0.5 && share <= 1.0, "{share}");
    let total: f64 = json["weights"]
        .as_object()
        .expect("weights")
        .values()
        .filter_map(Value::as_f64)
        .sum();
    let cto = json["weights"]["cto"].as_f64().expect("cto weight");
    assert!((cto / total - share).abs() < 0.01, "{json:#}");
}

#[test]
fn the_lean_is_read_from_the_hits_shown() {
    let json = search(&["governance", "--limit", "1"]);
    let hit = &hits(&json)[0];
    assert_eq!(hit["roles"].as_array().map(Vec::len), Some(1), "{json:#}");
    let role = hit["roles"][0].as_str().expect("a one-role hit");
    assert_eq!(json["lean"]["role"], role, "{json:#}");
    assert_eq!(json["lean"]["share"], 1.0, "{json:#}");
    assert_eq!(json["weights"][role], hit["score"], "{json:#}");
}

#[test]
fn hits_matching_more_terms_come_first_then_higher_scores() {
    let json = search(&["data", "governance", "innovation", "--limit", "1000"]);
    let key = |hit: &Value| {
        (
            hit["matched_terms"].as_u64().expect("matched_terms"),
            hit["score"].as_f64().expect("score"),
        )
    };
    let keys: Vec<(u64, f64)> = hits(&json).iter().map(key).collect();
    assert!(
        keys.iter().map(|k| k.0).collect::<BTreeSet<_>>().len() > 1,
        "several match counts"
    );
    for pair in keys.windows(2) {
        assert!(
            pair[0].0 > pair[1].0 || (pair[0].0 == pair[1].0 && pair[0].1 >= pair[1].1),
            "{pair:?}"
        );
    }
}

#[test]
fn every_hit_says_whose_it_is_where_it_stands_what_it_says_and_its_sources() {
    let json = search(&["data", "governance"]);
    assert!(!hits(&json).is_empty());
    for hit in hits(&json) {
        let roles = hit["roles"].as_array().expect("roles");
        assert!(
            roles.iter().all(|role| role == "cio" || role == "cto"),
            "{hit:#}"
        );
        for field in ["section", "section_title", "text"] {
            assert!(
                hit[field].as_str().is_some_and(|s| !s.is_empty()),
                "{field}: {hit:#}"
            );
        }
        assert!(
            !hit["sources"].as_array().expect("sources").is_empty(),
            "{hit:#}"
        );
        assert!(hit.get("role").is_none(), "`role` is gone: {hit:#}");
    }
}

#[test]
fn a_hit_about_both_roles_lists_them_both() {
    let json = search(&["tension", "--limit", "50"]);
    let shared: Vec<&Value> = hits(&json)
        .iter()
        .filter(|hit| hit["roles"].as_array().is_some_and(|r| r.len() > 1))
        .collect();
    assert!(!shared.is_empty(), "{json:#}");
    for hit in &shared {
        assert_eq!(hit["roles"], json!(["cio", "cto"]), "{hit:#}");
    }
}

#[test]
fn a_word_finds_longer_words_it_begins_in_any_case() {
    let json = search(&["govern"]);
    assert!(!hits(&json).is_empty());
    for text in texts(&json) {
        assert!(text.to_lowercase().contains("govern"), "{text}");
    }
    let (lower, upper) = (search(&["governance"]), search(&["GOVERNANCE"]));
    assert!(!hits(&lower).is_empty());
    for field in ["hits", "lean", "total"] {
        assert_eq!(upper[field], lower[field], "{field}");
    }
}

#[test]
fn singular_and_plural_find_the_same_facts() {
    for (one, many) in [("salary", "salaries"), ("policy", "policies")] {
        let (singular, plural) = (
            search(&[one, "--limit", "1000"]),
            search(&[many, "--limit", "1000"]),
        );
        assert!(singular["total"].as_u64() > Some(0), "{one}");
        assert_eq!(singular["total"], plural["total"], "{one} / {many}");
        assert_eq!(texts(&singular), texts(&plural), "{one} / {many}");
    }
}

#[test]
fn it_in_capitals_and_r_and_d_are_words() {
    let json = search(&["IT", "--limit", "1000"]);
    assert_eq!(json["terms"], json!(["IT"]));
    assert!(hits(&json).len() > 10, "{json:#}");
    let has_it = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .any(|word| word == "IT")
    };
    for hit in hits(&json) {
        let (text, title) = (
            hit["text"].as_str().expect("text"),
            hit["section_title"].as_str().expect("title"),
        );
        assert!(has_it(text) || has_it(title), "{hit:#}");
    }
    let json = search(&["R&D", "--limit", "1000"]);
    assert_eq!(json["terms"], json!(["r&d"]));
    assert!(
        texts(&json).iter().any(|text| text.contains("R&D")),
        "{json:#}"
    );
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
        let under = |hit: &&Value| {
            hit["section"] == section
                && !hit["text"]
                    .as_str()
                    .expect("text")
                    .to_lowercase()
                    .contains(word)
        };
        assert!(
            hits(&json).iter().any(|hit| under(&hit)),
            "`{word}` finds the facts under `{section}`: {json:#}"
        );
    }
}

#[test]
fn limit_caps_the_hits_but_total_counts_every_match() {
    let all = search(&["data", "--limit", "1000"]);
    let three = search(&["data", "--limit", "3"]);
    assert!(hits(&all).len() > 3);
    assert_eq!(three["total"], all["total"]);
    assert_eq!(three["hits"].as_array(), Some(&hits(&all)[..3].to_vec()));
}

#[test]
fn role_keeps_only_the_facts_that_concern_that_role() {
    let all = search(&["data", "--limit", "1000"]);
    let cto = search(&["data", "--limit", "1000", "--role", "CTO"]);
    assert_eq!(cto["role_filter"], "cto");
    assert!(cto["total"].as_u64() < all["total"].as_u64(), "{cto:#}");
    assert!(!hits(&cto).is_empty());
    for hit in hits(&cto) {
        assert!(
            hit["roles"]
                .as_array()
                .expect("roles")
                .contains(&json!("cto")),
            "{hit:#}"
        );
    }
}

#[test]
fn bad_queries_are_refused_as_bad_input() {
    for (args, message) in [
        (&["search", "data", "--limit", "0"][..], "--limit"),
        (&["search", "who", "owns", "the"], "nothing to search for"),
        (&["search", "it"], "nothing to search for"),
        (&["search", "data", "--role", "cxo"], "unknown role `cxo`"),
        (&["search", "data", "--role", "cxo"], "did you mean `cto`?"),
    ] {
        roles(args).fails_as_bad_input().stderr_has(message);
    }
    let run = roles(&["search"]).run();
    assert_eq!(run.code, Some(2), "{run}");
    assert!(run.stdout.is_empty(), "{run}");
}

#[test]
fn a_query_matching_nothing_exits_1_like_grep_in_every_format() {
    let json = search_run(&["zzyzx"]);
    assert_eq!(json.code, Some(1), "{json}");
    let json = json.stdout_json();
    assert_eq!(json["total"], 0);
    assert!(hits(&json).is_empty() && json["lean"].is_null());
    for format in FORMATS {
        let run = roles(&["search", "zzyzx"]).format(format).run();
        assert_eq!(run.code, Some(1), "{format}: {run}");
        assert!(
            !run.stdout.is_empty() && run.stderr.is_empty(),
            "{format}: {run}"
        );
    }
    roles(&["search", "zzyzx"])
        .run()
        .stdout_has("No facts match");
}

#[test]
fn a_misspelt_word_suggests_the_closest_word_whether_or_not_others_match() {
    let run = search_run(&["secruity"]);
    assert_eq!(run.code, Some(1), "{run}");
    let json = run.stdout_json();
    assert_eq!(json["suggestions"][0]["term"], "secruity");
    assert_eq!(json["suggestions"][0]["words"][0], "security", "{json:#}");
    let table = roles(&["search", "secruity"]).run();
    assert_eq!(table.code, Some(1), "{table}");
    assert!(table.stdout.contains("did you mean `security`?"), "{table}");
    let json = search(&["governance", "secruity"]);
    assert!(!hits(&json).is_empty());
    assert_eq!(json["suggestions"][0]["term"], "secruity", "{json:#}");
    roles(&["search", "governance", "secruity"])
        .succeeds()
        .stdout_has("did you mean `security`?");
}
