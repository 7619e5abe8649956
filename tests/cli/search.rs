//! `roles search WORDS…`: every fact scored against the words, best first, and
//! which role the matches lean to.

use std::collections::BTreeSet;

use crate::common::*;
use serde_json::{Value, json};

/// `roles search WORDS… --format json`, whatever its exit code.
fn search_run(words: &str) -> Run {
    let words: Vec<&str> = words.split_whitespace().collect();
    roles(&["search"]).args(&words).format("json").run()
}

/// `roles search WORDS… --format json`, which must succeed.
fn search(words: &str) -> Value {
    search_run(words).succeeded().stdout_json()
}

fn hits(json: &Value) -> &Vec<Value> {
    items(&json["hits"])
}

fn texts(json: &Value) -> BTreeSet<&str> {
    hits(json).iter().map(|hit| string(&hit["text"])).collect()
}

#[test]
fn question_words_are_dropped_and_the_lean_names_the_role() {
    let found = search("who owns data governance");
    assert_eq!(found["query"], "who owns data governance");
    assert_eq!(found["terms"], json!(["data", "governance"]));
    assert_eq!(found["lean"]["role"], "cio", "{found:#}");
    assert_eq!(found["lean"]["name"], "Chief Information Officer");
    let table = roles(&["search", "data", "governance"]).succeeds();
    table.stdout_has("Leans to CIO");
}

#[test]
fn the_lean_share_is_the_role_s_part_of_the_match_weight_of_the_hits_shown() {
    let found = search("innovation");
    assert_eq!(found["lean"]["role"], "cto", "{found:#}");
    let share = found["lean"]["share"].as_f64().expect("share");
    assert!(share > 0.5 && share <= 1.0, "{share}");
    let weights = found["weights"].as_object().expect("weights").values();
    let total: f64 = weights.filter_map(Value::as_f64).sum();
    let cto = found["weights"]["cto"].as_f64().expect("cto weight");
    assert!((cto / total - share).abs() < 0.01, "{found:#}");
    let found = search("governance --limit 1");
    let hit = &hits(&found)[0];
    assert_eq!(hit["roles"].as_array().map(Vec::len), Some(1), "{found:#}");
    let role = hit["roles"][0].as_str().expect("a one-role hit");
    assert_eq!(found["lean"]["role"], role, "{found:#}");
    assert_eq!(found["lean"]["share"], 1.0, "{found:#}");
    assert_eq!(found["weights"][role], hit["score"], "{found:#}");
}

#[test]
fn hits_matching_more_terms_come_first_then_higher_scores() {
    let found = search("data governance innovation --limit 1000");
    let key = |hit: &Value| (hit["matched_terms"].as_u64(), hit["score"].as_f64());
    let keys: Vec<_> = hits(&found).iter().map(key).collect();
    let counts: BTreeSet<_> = keys.iter().map(|k| k.0).collect();
    assert!(counts.len() > 1, "several match counts");
    for pair in keys.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        assert!(a.0 > b.0 || (a.0 == b.0 && a.1 >= b.1), "{pair:?}");
    }
}

#[test]
fn every_hit_says_whose_it_is_where_it_stands_what_it_says_and_its_sources() {
    let found = search("data governance");
    assert!(!hits(&found).is_empty());
    for hit in hits(&found) {
        let roles = items(&hit["roles"]);
        assert!(roles.iter().all(|role| role == "cio" || role == "cto"));
        for field in ["section", "section_title", "text"] {
            assert!(!string(&hit[field]).is_empty(), "{field}: {hit:#}");
        }
        assert!(!items(&hit["sources"]).is_empty(), "{hit:#}");
        assert!(hit.get("role").is_none(), "`role` is gone: {hit:#}");
    }
    let found = search("tension --limit 50");
    let shared = hits(&found)
        .iter()
        .filter(|hit| items(&hit["roles"]).len() > 1);
    let shared: Vec<&Value> = shared.collect();
    assert!(!shared.is_empty(), "{found:#}");
    for hit in shared {
        let expected = json!(["cio", "cto"]);
        assert_eq!(hit["roles"], expected, "a hit about both: {hit:#}");
    }
}

#[test]
fn a_word_finds_longer_words_it_begins_in_any_case_singular_or_plural() {
    let found = search("govern");
    assert!(!hits(&found).is_empty());
    for text in texts(&found) {
        assert!(text.to_lowercase().contains("govern"), "{text}");
    }
    let (lower, upper) = (search("governance"), search("GOVERNANCE"));
    assert!(!hits(&lower).is_empty());
    for field in ["hits", "lean", "total"] {
        assert_eq!(upper[field], lower[field], "{field}");
    }
    for (one, many) in [("salary", "salaries"), ("policy", "policies")] {
        let singular = search(&format!("{one} --limit 1000"));
        let plural = search(&format!("{many} --limit 1000"));
        assert!(singular["total"].as_u64() > Some(0), "{one}");
        assert_eq!(singular["total"], plural["total"], "{one} / {many}");
        assert_eq!(texts(&singular), texts(&plural), "{one} / {many}");
    }
}

#[test]
fn it_in_capitals_and_r_and_d_are_words() {
    let found = search("IT --limit 1000");
    assert_eq!(found["terms"], json!(["IT"]));
    assert!(hits(&found).len() > 10, "{found:#}");
    let has_it = |s: &str| s.split(|c: char| !c.is_alphanumeric()).any(|w| w == "IT");
    for hit in hits(&found) {
        let (text, title) = (string(&hit["text"]), string(&hit["section_title"]));
        assert!(has_it(text) || has_it(title), "{hit:#}");
    }
    let found = search("R&D --limit 1000");
    assert_eq!(found["terms"], json!(["r&d"]));
    assert!(texts(&found).iter().any(|text| text.contains("R&D")));
}

#[test]
fn section_titles_dimension_labels_and_topic_titles_are_searchable() {
    // Each word is in a heading, not in the texts of the facts under it.
    #[rustfmt::skip]
    let cases = [("indicators", "kpis"), ("serves", "dimension/audience"),
        ("separate", "topic/career-tracks")];
    for (word, section) in cases {
        let found = search(&format!("{word} --limit 1000"));
        let text = |hit: &Value| string(&hit["text"]).to_lowercase();
        let under = |hit: &&Value| hit["section"] == section && !text(hit).contains(word);
        let ok = hits(&found).iter().any(|hit| under(&hit));
        assert!(ok, "`{word}` under `{section}`");
    }
}

#[test]
fn limit_caps_the_hits_but_total_counts_every_match_and_role_keeps_its_facts() {
    let all = search("data --limit 1000");
    let three = search("data --limit 3");
    assert!(hits(&all).len() > 3);
    assert_eq!(three["total"], all["total"]);
    assert_eq!(hits(&three)[..], hits(&all)[..3]);
    let cto = search("data --limit 1000 --role CTO");
    assert_eq!(cto["role_filter"], "cto");
    assert!(cto["total"].as_u64() < all["total"].as_u64(), "{cto:#}");
    assert!(!hits(&cto).is_empty());
    for hit in hits(&cto) {
        assert!(items(&hit["roles"]).contains(&json!("cto")), "{hit:#}");
    }
}

#[test]
fn a_query_matching_nothing_exits_1_like_grep_in_every_format() {
    let run = search_run("zzyzx");
    assert_eq!(run.code, Some(1), "{run}");
    let found = run.stdout_json();
    assert_eq!(found["total"], 0);
    assert!(hits(&found).is_empty() && found["lean"].is_null());
    for format in FORMATS {
        let run = roles(&["search", "zzyzx"]).format(format).run();
        let quiet = !run.stdout.is_empty() && run.stderr.is_empty();
        assert!(run.code == Some(1) && quiet, "{format}: {run}");
    }
    roles(&["search", "zzyzx"])
        .run()
        .stdout_has("No facts match");
}

#[test]
fn a_misspelt_word_suggests_the_closest_word_whether_or_not_others_match() {
    let run = search_run("secruity");
    assert_eq!(run.code, Some(1), "{run}");
    let found = run.stdout_json();
    assert_eq!(found["suggestions"][0]["term"], "secruity");
    assert_eq!(found["suggestions"][0]["words"][0], "security", "{found:#}");
    let table = roles(&["search", "secruity"]).run();
    assert_eq!(table.code, Some(1), "{table}");
    table.stdout_has("did you mean `security`?");
    let found = search("governance secruity");
    assert!(!hits(&found).is_empty());
    assert_eq!(found["suggestions"][0]["term"], "secruity", "{found:#}");
    let table = roles(&["search", "governance", "secruity"]).succeeds();
    table.stdout_has("did you mean `security`?");
}
