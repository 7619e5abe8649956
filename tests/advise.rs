//! `roles advise` without a terminal: the verdict for known answer sets (worked
//! out by hand from the rules in src/advise/score.rs and the weights in
//! data/questionnaire.yaml), the JSON contract, answers from flags, files and
//! stdin, `--save`, every way answers can be wrong, and the output formats.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;
use serde_json::{Value, json};

/// The question ids the README promises scripts, in questionnaire order.
const QUESTION_IDS: [&str; 8] = [
    "aim",
    "audience",
    "finance",
    "team",
    "needs",
    "size",
    "tech-company",
    "budget",
];

/// Runs `roles advise --no-input` with these `--answer` flags (and any extra
/// arguments), as JSON.
fn advise_json(answers: &[&str]) -> Value {
    advise_with(answers, &[])
        .format("json")
        .succeeds()
        .stdout_json()
}

/// `roles advise --no-input` with `--answer` for each of `answers`, then `extra`.
fn advise_with(answers: &[&str], extra: &[&str]) -> Roles {
    let mut run = roles(&["advise", "--no-input"]);
    for answer in answers {
        run = run.arg("--answer").arg(answer);
    }
    for arg in extra {
        run = run.arg(arg);
    }
    run
}

/// A JSON `answers` object as `--answer` flags: lists become comma-separated.
fn as_flags(answers: &serde_json::Map<String, Value>) -> Vec<String> {
    answers
        .iter()
        .map(|(id, value)| {
            let value = match value {
                Value::String(one) => one.clone(),
                Value::Array(many) => many
                    .iter()
                    .map(|v| v.as_str().expect("a value"))
                    .collect::<Vec<_>>()
                    .join(","),
                other => panic!("`{id}` has an answer of an unexpected shape: {other}"),
            };
            format!("{id}={value}")
        })
        .collect()
}

/// The recommendation and engagement of the answers in a JSON `answers` object.
fn outcome_of(answers: &serde_json::Map<String, Value>) -> (String, String) {
    let flags = as_flags(answers);
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    let json = advise_json(&flags);
    (
        json["recommendation"]
            .as_str()
            .expect("recommendation")
            .to_owned(),
        json["engagement"].as_str().expect("engagement").to_owned(),
    )
}

// --- The verdict --------------------------------------------------------------

/// One answer set and its verdict, worked out by hand.
struct Case {
    name: &'static str,
    answers: &'static [&'static str],
    recommendation: &'static str,
    engagement: &'static str,
    /// CIO and CTO points.
    scores: (i64, i64),
    /// Points towards hiring both.
    both: i64,
    /// Fractional and full-time points.
    engagement_points: (i64, i64),
}

/// The rules (src/advise/score.rs): sum each chosen value's points; if the gap
/// between CIO and CTO is no more than the `both` points, recommend both, else
/// the leader; fractional when its points exceed full-time's, else full-time.
/// Weights (data/questionnaire.yaml): aim process cio 3 | product cto 3 | both
/// cio 2 cto 2 both 1; audience, finance, team: the CIO side cio 2 | the CTO side
/// cto 2 | both cio 1 cto 1 both 1; needs: six CIO needs cio 1 each, six CTO
/// needs cto 1 each; size startup frac 2 | small frac 1 | mid ft 1 | large both 2
/// ft 2; tech-company yes cto 1 both 1 | no nothing; budget full-time ft 3 |
/// part-time frac 3.
const CASES: &[Case] = &[
    Case {
        // cio 3+2+2+2 = 9, cto 0, both 0: gap 9 > 0 → cio; frac 0 vs ft 0 → full-time.
        name: "pure process, internal, bottom line, IT",
        answers: &[
            "aim=process",
            "audience=internal",
            "finance=bottom-line",
            "team=it",
        ],
        recommendation: "cio",
        engagement: "full-time",
        scores: (9, 0),
        both: 0,
        engagement_points: (0, 0),
    },
    Case {
        // cto 3+2+2+2 = 9, cio 0, both 0: gap 9 > 0 → cto; 0 vs 0 → full-time.
        name: "pure product, external, top line, engineering",
        answers: &[
            "aim=product",
            "audience=external",
            "finance=top-line",
            "team=engineering",
        ],
        recommendation: "cto",
        engagement: "full-time",
        scores: (0, 9),
        both: 0,
        engagement_points: (0, 0),
    },
    Case {
        // six CIO needs: cio 6, cto 0, both 0: gap 6 > 0 → cio; 0 vs 0 → full-time.
        name: "only CIO needs",
        answers: &[
            "needs=infrastructure,process-optimization,data-governance,security-compliance,vendor-management,internal-systems",
        ],
        recommendation: "cio",
        engagement: "full-time",
        scores: (6, 0),
        both: 0,
        engagement_points: (0, 0),
    },
    Case {
        // six CTO needs: cto 6, cio 0, both 0: gap 6 > 0 → cto; 0 vs 0 → full-time.
        name: "only CTO needs",
        answers: &[
            "needs=product-strategy,engineering-leadership,innovation,tech-stack,intellectual-property,customer-experience",
        ],
        recommendation: "cto",
        engagement: "full-time",
        scores: (0, 6),
        both: 0,
        engagement_points: (0, 0),
    },
    Case {
        // all twelve needs: cio 6, cto 6, both 0: gap 0 <= 0 → both; 0 vs 0 → full-time.
        name: "every need on both sides",
        answers: &[
            "needs=infrastructure,process-optimization,data-governance,security-compliance,vendor-management,internal-systems,product-strategy,engineering-leadership,innovation,tech-stack,intellectual-property,customer-experience",
        ],
        recommendation: "both",
        engagement: "full-time",
        scores: (6, 6),
        both: 0,
        engagement_points: (0, 0),
    },
    Case {
        // four "both" answers: cio 2+1+1+1 = 5, cto 5, both 4; needs: cio +3 (infra,
        // data, security) = 8, cto +2 (strategy, stack) = 7: gap 1 <= 4 → both;
        // 0 vs 0 → full-time.
        name: "strong needs on both sides",
        answers: &[
            "aim=both",
            "audience=both",
            "finance=both",
            "team=both",
            "needs=infrastructure,data-governance,security-compliance,product-strategy,tech-stack",
        ],
        recommendation: "both",
        engagement: "full-time",
        scores: (8, 7),
        both: 4,
        engagement_points: (0, 0),
    },
    Case {
        // large: both 2, ft 2; tech yes: cto 1, both 1 → cio 0, cto 1, both 3:
        // gap 1 <= 3 → both; frac 0 vs ft 2 → full-time.
        name: "large technology company",
        answers: &["size=large", "tech-company=yes"],
        recommendation: "both",
        engagement: "full-time",
        scores: (0, 1),
        both: 3,
        engagement_points: (0, 2),
    },
    Case {
        // process: cio 3; large: both 2, ft 2; tech yes: cto 1, both 1 → cio 3,
        // cto 1, both 3: gap 2 <= 3 → both; 0 vs 2 → full-time.
        name: "large technology company leaning to processes",
        answers: &["aim=process", "size=large", "tech-company=yes"],
        recommendation: "both",
        engagement: "full-time",
        scores: (3, 1),
        both: 3,
        engagement_points: (0, 2),
    },
    Case {
        // cio 3+2+2 = 7; large: both 2, ft 2; tech yes: cto 1, both 1 → cio 7,
        // cto 1, both 3: gap 6 > 3 → cio; 0 vs 2 → full-time.
        name: "a strong CIO lean outweighs a large technology company",
        answers: &[
            "aim=process",
            "audience=internal",
            "finance=bottom-line",
            "size=large",
            "tech-company=yes",
        ],
        recommendation: "cio",
        engagement: "full-time",
        scores: (7, 1),
        both: 3,
        engagement_points: (0, 2),
    },
    Case {
        // product: cto 3; startup: frac 2 → gap 3 > 0 → cto; frac 2 > ft 0 → fractional.
        name: "startup",
        answers: &["aim=product", "size=startup"],
        recommendation: "cto",
        engagement: "fractional",
        scores: (0, 3),
        both: 0,
        engagement_points: (2, 0),
    },
    Case {
        // process: cio 3; small: frac 1 → cio; frac 1 > ft 0 → fractional.
        name: "small company",
        answers: &["aim=process", "size=small"],
        recommendation: "cio",
        engagement: "fractional",
        scores: (3, 0),
        both: 0,
        engagement_points: (1, 0),
    },
    Case {
        // cio 3+2 = 5; part-time: frac 3 → cio; frac 3 > ft 0 → fractional.
        name: "part-time budget",
        answers: &["aim=process", "audience=internal", "budget=part-time"],
        recommendation: "cio",
        engagement: "fractional",
        scores: (5, 0),
        both: 0,
        engagement_points: (3, 0),
    },
    Case {
        // product: cto 3; mid: ft 1; part-time: frac 3 → cto; frac 3 > ft 1 → fractional.
        name: "part-time budget beats a mid-size company",
        answers: &["aim=product", "size=mid", "budget=part-time"],
        recommendation: "cto",
        engagement: "fractional",
        scores: (0, 3),
        both: 0,
        engagement_points: (3, 1),
    },
    Case {
        // aim both: cio 2, cto 2, both 1; large: both 2, ft 2; part-time: frac 3 →
        // gap 0 <= 3 → both; frac 3 > ft 2 → fractional.
        name: "part-time budget beats a large company",
        answers: &["aim=both", "size=large", "budget=part-time"],
        recommendation: "both",
        engagement: "fractional",
        scores: (2, 2),
        both: 3,
        engagement_points: (3, 2),
    },
    Case {
        // product: cto 3; startup: frac 2; full-time: ft 3 → cto; frac 2 < ft 3 → full-time.
        name: "full-time budget beats startup",
        answers: &["aim=product", "size=startup", "budget=full-time"],
        recommendation: "cto",
        engagement: "full-time",
        scores: (0, 3),
        both: 0,
        engagement_points: (2, 3),
    },
    Case {
        // process: cio 3; small: frac 1; full-time: ft 3 → cio; 1 < 3 → full-time.
        name: "full-time budget beats small company",
        answers: &["aim=process", "size=small", "budget=full-time"],
        recommendation: "cio",
        engagement: "full-time",
        scores: (3, 0),
        both: 0,
        engagement_points: (1, 3),
    },
    Case {
        // process: cio 3; mid: ft 1 → cio; 0 < 1 → full-time.
        name: "mid-size company",
        answers: &["aim=process", "size=mid"],
        recommendation: "cio",
        engagement: "full-time",
        scores: (3, 0),
        both: 0,
        engagement_points: (0, 1),
    },
    Case {
        // internal: cio 2; top line: cto 2 → gap 0 <= both 0 → both (a tie); 0 vs 0 → full-time.
        name: "a tie between the roles",
        answers: &["audience=internal", "finance=top-line"],
        recommendation: "both",
        engagement: "full-time",
        scores: (2, 2),
        both: 0,
        engagement_points: (0, 0),
    },
    Case {
        // aim both: cio 2, cto 2, both 1; product-strategy: cto 1 → cio 2, cto 3,
        // both 1: gap 1 <= 1 → both; 0 vs 0 → full-time.
        name: "a gap equal to the both points",
        answers: &["aim=both", "needs=product-strategy"],
        recommendation: "both",
        engagement: "full-time",
        scores: (2, 3),
        both: 1,
        engagement_points: (0, 0),
    },
    Case {
        // aim both: cio 2, cto 2, both 1; two CTO needs: cto 2 → cio 2, cto 4,
        // both 1: gap 2 > 1 → cto; 0 vs 0 → full-time.
        name: "a gap one more than the both points",
        answers: &["aim=both", "needs=product-strategy,tech-stack"],
        recommendation: "cto",
        engagement: "full-time",
        scores: (2, 4),
        both: 1,
        engagement_points: (0, 0),
    },
    Case {
        // tech yes: cto 1, both 1 → gap 1 <= 1 → both; 0 vs 0 → full-time.
        name: "technology company alone",
        answers: &["tech-company=yes"],
        recommendation: "both",
        engagement: "full-time",
        scores: (0, 1),
        both: 1,
        engagement_points: (0, 0),
    },
    Case {
        // process: cio 3; tech no: nothing → cio; 0 vs 0 → full-time.
        name: "not a technology company scores nothing",
        answers: &["aim=process", "tech-company=no"],
        recommendation: "cio",
        engagement: "full-time",
        scores: (3, 0),
        both: 0,
        engagement_points: (0, 0),
    },
    Case {
        // cto 3+2+2+2 = 9; startup frac 2 + part-time frac 3 = 5 → cto; 5 > 0 → fractional.
        name: "product startup on a part-time budget",
        answers: &[
            "aim=product",
            "audience=external",
            "finance=top-line",
            "team=engineering",
            "size=startup",
            "budget=part-time",
        ],
        recommendation: "cto",
        engagement: "fractional",
        scores: (0, 9),
        both: 0,
        engagement_points: (5, 0),
    },
    Case {
        // aim both + audience both: cio 3, cto 3, both 2; small: frac 1 → gap 0
        // <= 2 → both; 1 > 0 → fractional.
        name: "small company with aims on both sides",
        answers: &["aim=both", "audience=both", "size=small"],
        recommendation: "both",
        engagement: "fractional",
        scores: (3, 3),
        both: 2,
        engagement_points: (1, 0),
    },
    Case {
        // nothing: cio 0, cto 0, both 0 → gap 0 <= 0 → both; 0 vs 0 → full-time.
        name: "nothing answered",
        answers: &[],
        recommendation: "both",
        engagement: "full-time",
        scores: (0, 0),
        both: 0,
        engagement_points: (0, 0),
    },
];

#[test]
fn answer_sets_get_the_verdict_the_scoring_rules_give() {
    assert!(CASES.len() >= 15);
    let mut wrong = Vec::new();
    for case in CASES {
        let json = advise_json(case.answers);
        let got = (
            json["recommendation"].as_str(),
            json["engagement"].as_str(),
            json["scores"]["cio"].as_i64(),
            json["scores"]["cto"].as_i64(),
            json["both_points"].as_i64(),
            json["engagement_points"]["fractional"].as_i64(),
            json["engagement_points"]["full_time"].as_i64(),
        );
        let want = (
            Some(case.recommendation),
            Some(case.engagement),
            Some(case.scores.0),
            Some(case.scores.1),
            Some(case.both),
            Some(case.engagement_points.0),
            Some(case.engagement_points.1),
        );
        if got != want {
            wrong.push(format!(
                "{} {:?}\n    want (recommendation, engagement, cio, cto, both, fractional, full-time) = {want:?}\n    got  {got:?}",
                case.name, case.answers
            ));
        }
    }
    assert!(wrong.is_empty(), "wrong verdicts:\n{}", wrong.join("\n"));
}

#[test]
fn recommending_one_role_names_it_in_recommended_roles() {
    let json = advise_json(&["aim=product", "team=engineering"]);
    assert_eq!(json["recommendation"], "cto");
    assert_eq!(
        json["recommended_roles"],
        json!([{"id": "cto", "name": "Chief Technology Officer"}])
    );
}

#[test]
fn recommending_both_names_both_roles_in_knowledge_base_order() {
    let json = advise_json(&["aim=both", "size=large"]);
    assert_eq!(json["recommendation"], "both");
    assert_eq!(ids(&json["recommended_roles"]), ["cio", "cto"]);
}

#[test]
fn nothing_answered_is_both_full_time_with_zero_confidence() {
    let json = advise_json(&[]);
    assert_eq!(json["recommendation"], "both");
    assert_eq!(json["engagement"], "full-time");
    assert_eq!(json["confidence"].as_f64(), Some(0.0));
    assert_eq!(json["confidence_label"], "low");
    assert!(json["reasons"].as_array().expect("reasons").is_empty());
}

#[test]
fn a_tie_between_the_roles_says_it_recommended_both() {
    // internal: cio 2; top line: cto 2 → a tie.
    let json = advise_json(&["audience=internal", "finance=top-line"]);
    assert_eq!(json["recommendation"], "both");
    let tie = json["tie_break"].as_str().expect("a tie_break message");
    assert!(tie.contains("hiring both"), "{tie}");
}

#[test]
fn a_tie_between_engagements_says_it_resolved_to_full_time() {
    // process: cio 3 and no engagement points at all: 0 vs 0.
    let json = advise_json(&["aim=process"]);
    assert_eq!(json["engagement"], "full-time");
    let tie = json["tie_break"].as_str().expect("a tie_break message");
    assert!(tie.contains("resolves to full-time"), "{tie}");
    assert!(!tie.contains("hiring both"), "no role tie here: {tie}");
}

#[test]
fn equal_non_zero_engagement_points_resolve_to_full_time() {
    // ties.yaml: size=small gives fractional 2, budget=full gives full-time 2.
    let json = advise_with(&["lean=first", "size=small", "budget=full"], &[])
        .kb(fixture("advise/ties.yaml"))
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(
        json["engagement_points"],
        json!({"fractional": 2, "full_time": 2})
    );
    assert_eq!(json["engagement"], "full-time");
    let tie = json["tie_break"].as_str().expect("a tie_break message");
    assert!(tie.contains("resolves to full-time"), "{tie}");
}

#[test]
fn equal_non_zero_role_scores_recommend_both_in_knowledge_base_order() {
    // ties.yaml: lean=even gives alpha 1, beta 1 and no points for hiring both.
    let json = advise_with(&["lean=even"], &[])
        .kb(fixture("advise/ties.yaml"))
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(json["scores"], json!({"alpha": 1, "beta": 1}));
    assert_eq!(json["both_points"], 0);
    assert_eq!(json["recommendation"], "both");
    assert_eq!(ids(&json["recommended_roles"]), ["alpha", "beta"]);
    let tie = json["tie_break"].as_str().expect("a tie_break message");
    assert!(tie.contains("hiring both"), "{tie}");
}

#[test]
fn a_result_without_ties_has_no_tie_break() {
    // product: cto 3; startup: frac 2 vs ft 0; no tie anywhere.
    let json = advise_json(&["aim=product", "size=startup"]);
    assert!(json["tie_break"].is_null(), "{}", json["tie_break"]);
}

#[test]
fn confidence_is_the_margin_over_all_points() {
    // cio 2, cto 3, both 1 → both, by a margin of both - gap + 1 = 1 - 1 + 1 = 1
    // over 2 + 3 + 1 = 6 points: 0.17, low.
    let json = advise_json(&["aim=both", "needs=product-strategy"]);
    assert_eq!(json["confidence"].as_f64(), Some(0.17));
    assert_eq!(json["confidence_label"], "low");
    // cio 9, nothing else: margin 9 - 0 - 0 = 9 over 9 points: 1, high.
    let json = advise_json(&[
        "aim=process",
        "audience=internal",
        "finance=bottom-line",
        "team=it",
    ]);
    assert_eq!(json["confidence"].as_f64(), Some(1.0));
    assert_eq!(json["confidence_label"], "high");
}

// --- The JSON contract -------------------------------------------------------------

/// An answer set that touches every kind of point: roles, both and engagement.
const MIXED: &[&str] = &[
    "aim=both",
    "audience=external",
    "needs=data-governance,product-strategy",
    "size=startup",
    "tech-company=yes",
];

#[test]
fn json_has_schema_version_1_and_every_documented_field() {
    let json = advise_json(MIXED);
    assert_eq!(json["schema_version"], 1);
    for field in [
        "recommendation",
        "recommended_roles",
        "engagement",
        "scores",
        "both_points",
        "engagement_points",
        "confidence",
        "confidence_label",
        "tie_break",
        "reasons",
        "flips",
        "answers",
        "unanswered",
        "next_steps",
    ] {
        assert!(
            json.get(field).is_some(),
            "`{field}` is missing from\n{json:#}"
        );
    }
    assert!(["cio", "cto", "both"].contains(&json["recommendation"].as_str().unwrap_or("")));
    assert!(["full-time", "fractional"].contains(&json["engagement"].as_str().unwrap_or("")));
}

#[test]
fn scores_have_one_integer_per_role() {
    let json = advise_json(MIXED);
    let scores = json["scores"].as_object().expect("scores object");
    assert_eq!(scores.keys().collect::<Vec<_>>(), ["cio", "cto"]);
    for (role, score) in scores {
        assert!(score.is_i64(), "{role}: {score} is not an integer");
    }
}

#[test]
fn scores_have_a_key_for_every_role_of_a_custom_knowledge_base() {
    let json = advise_with(&["aim=process"], &[])
        .kb(fixture("three-roles.yaml"))
        .format("json")
        .succeeds()
        .stdout_json();
    let scores = json["scores"].as_object().expect("scores object");
    let mut keys: Vec<&str> = scores.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["cio", "ciso", "cto"]);
}

#[test]
fn confidence_is_between_0_and_1_with_a_matching_label() {
    for case in CASES {
        let json = advise_json(case.answers);
        let confidence = json["confidence"].as_f64().expect("a number");
        assert!(
            (0.0..=1.0).contains(&confidence),
            "{}: {confidence}",
            case.name
        );
        let label = if confidence >= 0.5 {
            "high"
        } else if confidence >= 0.25 {
            "medium"
        } else {
            "low"
        };
        assert_eq!(json["confidence_label"], label, "{}", case.name);
    }
}

#[test]
fn each_answer_gives_a_reason_with_its_points_and_known_sources() {
    let sources = roles(&["sources"]).format("json").succeeds().stdout_json();
    let known: BTreeSet<&str> = ids(&sources["sources"]).into_iter().collect();
    let json = advise_json(MIXED);
    let reasons = json["reasons"].as_array().expect("reasons array");
    // One reason per chosen value: aim, audience, two needs, size, tech-company.
    let pairs: Vec<(&str, &str)> = reasons
        .iter()
        .map(|r| {
            (
                r["question"].as_str().expect("question"),
                r["value"].as_str().expect("value"),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("aim", "both"),
            ("audience", "external"),
            ("needs", "data-governance"),
            ("needs", "product-strategy"),
            ("size", "startup"),
            ("tech-company", "yes"),
        ]
    );
    for reason in reasons {
        let at = format!("{}={}", reason["question"], reason["value"]);
        assert!(
            reason["because"].as_str().is_some_and(|t| !t.is_empty()),
            "{at}: because"
        );
        let cited = reason["sources"].as_array().expect("sources array");
        assert!(!cited.is_empty(), "{at}: cites nothing");
        for source in cited {
            let id = source.as_str().expect("a source id");
            assert!(known.contains(id), "{at}: unknown source `{id}`");
        }
        let points = reason["points"].as_object().expect("points object");
        let favours: Vec<&str> = reason["favours"]
            .as_array()
            .expect("favours array")
            .iter()
            .map(|f| f.as_str().expect("a string"))
            .collect();
        for favoured in &favours {
            assert!(
                points.get(*favoured).and_then(Value::as_i64).unwrap_or(0) > 0,
                "{at}: favours `{favoured}` without positive points: {points:?}"
            );
        }
    }
}

#[test]
fn a_reason_records_the_points_its_value_gave() {
    let json = advise_json(&["aim=both", "size=large", "tech-company=no"]);
    let reasons = json["reasons"].as_array().expect("reasons array");
    // aim=both: cio 2, cto 2, both 1.
    assert_eq!(reasons[0]["points"], json!({"cio": 2, "cto": 2, "both": 1}));
    // size=large: both 2, full-time 2.
    assert_eq!(reasons[1]["points"], json!({"both": 2, "full-time": 2}));
    let favours: BTreeSet<&str> = reasons[1]["favours"]
        .as_array()
        .expect("favours")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(favours, BTreeSet::from(["both", "full-time"]));
    // tech-company=no gives nothing and favours nothing.
    assert_eq!(reasons[2]["points"], json!({}));
    assert_eq!(reasons[2]["favours"], json!([]));
}

#[test]
fn every_flip_gives_the_outcome_it_names_when_applied() {
    let json = advise_json(MIXED);
    let answers = json["answers"].as_object().expect("answers object");
    let flips = json["flips"].as_array().expect("flips array");
    assert!(!flips.is_empty(), "expected some flips:\n{json:#}");
    for flip in flips {
        let question = flip["question"].as_str().expect("question");
        assert_eq!(
            answers.get(question).unwrap_or(&Value::Null),
            &flip["from"],
            "{flip}: `from` is the current answer"
        );
        let mut changed = answers.clone();
        if flip["to"].is_null() {
            changed.remove(question);
        } else {
            changed.insert(question.to_owned(), flip["to"].clone());
        }
        let (recommendation, engagement) = outcome_of(&changed);
        assert_eq!(
            (recommendation.as_str(), engagement.as_str()),
            (
                flip["recommendation"].as_str().expect("recommendation"),
                flip["engagement"].as_str().expect("engagement")
            ),
            "{flip}: applied, it gives another outcome"
        );
        assert_ne!(
            (recommendation.as_str(), engagement.as_str()),
            (
                json["recommendation"].as_str().expect("recommendation"),
                json["engagement"].as_str().expect("engagement")
            ),
            "{flip}: does not change the outcome"
        );
    }
}

#[test]
fn flips_list_every_single_answer_change_that_changes_the_outcome() {
    // The README's example.
    let base = [
        "aim=both",
        "size=large",
        "tech-company=yes",
        "needs=data-governance,product-strategy",
    ];
    let json = advise_json(&base);
    let now = (
        json["recommendation"]
            .as_str()
            .expect("recommendation")
            .to_owned(),
        json["engagement"].as_str().expect("engagement").to_owned(),
    );
    let answers = json["answers"].as_object().expect("answers object").clone();
    let dump = roles(&["kb", "dump"])
        .format("json")
        .succeeds()
        .stdout_json();
    let questions = dump["questionnaire"]["questions"]
        .as_array()
        .expect("questions");

    // Every single change: another value, or no preference; for a
    // multiple-choice question, one value added or removed.
    let mut expected: Vec<(String, Value, String, String)> = Vec::new();
    for question in questions {
        let id = question["id"].as_str().expect("id");
        let values: Vec<&str> = question["choices"]
            .as_array()
            .expect("choices")
            .iter()
            .map(|c| c["value"].as_str().expect("value"))
            .collect();
        let current = answers.get(id).cloned().unwrap_or(Value::Null);
        let mut alternatives: Vec<Value> = Vec::new();
        if question["multiple"] == true {
            let now: Vec<&str> = current
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            for value in &values {
                let toggled: Vec<&str> = values
                    .iter()
                    .copied()
                    .filter(|v| now.contains(v) != (v == value))
                    .collect();
                alternatives.push(if toggled.is_empty() {
                    Value::Null
                } else {
                    json!(toggled)
                });
            }
        } else {
            for value in &values {
                if current != json!(value) {
                    alternatives.push(json!(value));
                }
            }
            if !current.is_null() {
                alternatives.push(Value::Null);
            }
        }
        for to in alternatives {
            let mut changed = answers.clone();
            if to.is_null() {
                changed.remove(id);
            } else {
                changed.insert(id.to_owned(), to.clone());
            }
            let outcome = outcome_of(&changed);
            if outcome != now {
                expected.push((id.to_owned(), to, outcome.0, outcome.1));
            }
        }
    }
    let listed: Vec<(String, Value, String, String)> = json["flips"]
        .as_array()
        .expect("flips")
        .iter()
        .map(|f| {
            (
                f["question"].as_str().expect("question").to_owned(),
                f["to"].clone(),
                f["recommendation"]
                    .as_str()
                    .expect("recommendation")
                    .to_owned(),
                f["engagement"].as_str().expect("engagement").to_owned(),
            )
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(listed, expected);
}

#[test]
fn answers_echo_what_was_given() {
    let json = advise_json(&[
        "aim=product",
        "needs=tech-stack,innovation",
        "tech-company=no",
    ]);
    // Multiple-choice answers are a list, in questionnaire order.
    assert_eq!(
        json["answers"],
        json!({"aim": "product", "needs": ["innovation", "tech-stack"], "tech-company": "no"})
    );
}

#[test]
fn answers_are_normalised_to_lower_case() {
    let json = advise_json(&["AIM=Product", "Needs=TECH-STACK"]);
    assert_eq!(
        json["answers"],
        json!({"aim": "product", "needs": ["tech-stack"]})
    );
}

#[test]
fn unanswered_lists_the_other_questions_in_order() {
    let json = advise_json(&["audience=internal", "size=mid"]);
    assert_eq!(
        json["unanswered"],
        json!(["aim", "finance", "team", "needs", "tech-company", "budget"])
    );
    let json = advise_json(&[]);
    assert_eq!(json["unanswered"], json!(QUESTION_IDS));
}

#[test]
fn next_steps_point_to_the_job_description_of_the_recommended_role() {
    let json = advise_json(&["aim=process", "size=mid"]);
    assert_eq!(json["recommendation"], "cio");
    let steps: Vec<&str> = json["next_steps"]
        .as_array()
        .expect("next_steps")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(steps.contains(&"roles jd cio"), "{steps:?}");
    assert!(steps.contains(&"roles show cio"), "{steps:?}");
    assert!(!steps.iter().any(|s| s.contains("cto")), "{steps:?}");
}

#[test]
fn next_steps_ask_for_a_fractional_job_description_when_fractional() {
    let json = advise_json(&["aim=product", "size=startup"]);
    assert_eq!(json["engagement"], "fractional");
    let steps: Vec<&str> = json["next_steps"]
        .as_array()
        .expect("next_steps")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(steps.contains(&"roles jd cto --fractional"), "{steps:?}");
    assert!(!steps.contains(&"roles jd cto"), "{steps:?}");
}

#[test]
fn next_steps_cover_both_roles_when_both_are_recommended() {
    let json = advise_json(&["size=large", "tech-company=yes"]);
    assert_eq!(json["recommendation"], "both");
    let steps: Vec<&str> = json["next_steps"]
        .as_array()
        .expect("next_steps")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(steps.contains(&"roles jd cio"), "{steps:?}");
    assert!(steps.contains(&"roles jd cto"), "{steps:?}");
}

// --- Answers from files and stdin -------------------------------------------------

/// The flags equal to tests/fixtures/advise/answers.{yaml,json}.
const FILE_ANSWERS_AS_FLAGS: &[&str] = &[
    "aim=product",
    "audience=external",
    "needs=product-strategy,tech-stack",
    "size=startup",
    "tech-company=yes",
];

fn advise_file_json(file: &Path) -> Value {
    roles(&["advise", "--answers"])
        .arg(file)
        .format("json")
        .succeeds()
        .stdout_json()
}

#[test]
fn a_yaml_answers_file_gives_the_same_result_as_flags() {
    assert_eq!(
        advise_file_json(&fixture("advise/answers.yaml")),
        advise_json(FILE_ANSWERS_AS_FLAGS)
    );
}

#[test]
fn a_json_answers_file_gives_the_same_result_as_flags() {
    assert_eq!(
        advise_file_json(&fixture("advise/answers.json")),
        advise_json(FILE_ANSWERS_AS_FLAGS)
    );
}

#[test]
fn answers_on_stdin_give_the_same_result_as_flags() {
    let yaml = std::fs::read_to_string(fixture("advise/answers.yaml")).expect("fixture");
    let from_stdin = roles(&["advise", "--answers", "-"])
        .stdin(yaml)
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(from_stdin, advise_json(FILE_ANSWERS_AS_FLAGS));
}

#[test]
fn json_answers_on_stdin_give_the_same_result_as_flags() {
    let text = std::fs::read_to_string(fixture("advise/answers.json")).expect("fixture");
    let from_stdin = roles(&["advise", "--answers", "-"])
        .stdin(text)
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(from_stdin, advise_json(FILE_ANSWERS_AS_FLAGS));
}

#[test]
fn an_answer_flag_overrides_the_same_question_in_the_file() {
    let json = roles(&["advise", "--answers"])
        .arg(fixture("advise/answers.yaml"))
        .arg("--answer")
        .arg("size=large")
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(json["answers"]["size"], "large");
    assert_eq!(json["answers"]["aim"], "product", "the rest is kept");
}

#[test]
fn an_answer_flag_for_needs_replaces_the_file_list() {
    let json = roles(&["advise", "--answers"])
        .arg(fixture("advise/answers.yaml"))
        .arg("--answer")
        .arg("needs=innovation")
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(json["answers"]["needs"], json!(["innovation"]));
}

#[test]
fn booleans_are_accepted_for_tech_company_in_a_file() {
    let dir = temp_dir();
    for (text, word) in [
        ("tech-company: true\n", "yes"),
        ("tech-company: false\n", "no"),
        ("{\"tech-company\": true}", "yes"),
        ("{\"tech-company\": false}", "no"),
    ] {
        let file = write_file(dir.path(), "answers.txt", text);
        let json = advise_file_json(&file);
        assert_eq!(json["answers"]["tech-company"], word, "{text}");
        assert_eq!(
            json,
            advise_json(&[&format!("tech-company={word}")]),
            "{text}"
        );
    }
}

#[test]
fn needs_as_a_list_in_a_file_equals_comma_separated_needs_on_the_flag() {
    let dir = temp_dir();
    let file = write_file(
        dir.path(),
        "answers.yaml",
        "needs:\n  - innovation\n  - data-governance\n  - tech-stack\n",
    );
    assert_eq!(
        advise_file_json(&file),
        advise_json(&["needs=innovation,data-governance,tech-stack"])
    );
}

#[test]
fn a_single_need_may_be_written_as_a_plain_value_in_a_file() {
    let dir = temp_dir();
    let file = write_file(dir.path(), "answers.yaml", "needs: innovation\n");
    assert_eq!(
        advise_file_json(&file)["answers"]["needs"],
        json!(["innovation"])
    );
}

#[test]
fn a_null_answer_in_a_file_is_no_preference() {
    let dir = temp_dir();
    let file = write_file(
        dir.path(),
        "answers.json",
        r#"{"aim": null, "size": "mid"}"#,
    );
    let json = advise_file_json(&file);
    assert_eq!(json["answers"], json!({"size": "mid"}));
    assert!(
        json["unanswered"]
            .as_array()
            .expect("unanswered")
            .contains(&json!("aim"))
    );
}

#[test]

fn an_empty_needs_list_in_a_file_is_no_preference() {
    let dir = temp_dir();
    let file = write_file(dir.path(), "answers.yaml", "aim: process\nneeds: []\n");
    let json = advise_file_json(&file);
    assert!(
        json["unanswered"]
            .as_array()
            .expect("unanswered")
            .contains(&json!("needs")),
        "{json:#}"
    );
    assert_eq!(json["answers"], json!({"aim": "process"}));
}

// --- --save -----------------------------------------------------------------------

#[test]
fn saved_answers_replay_to_the_same_result() {
    let dir = temp_dir();
    let saved = dir.path().join("answers.yaml");
    let first = advise_with(MIXED, &["--save"])
        .arg(&saved)
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(advise_file_json(&saved), first);
}

#[test]
fn the_saved_file_is_yaml_keyed_by_question_id() {
    let dir = temp_dir();
    let saved = dir.path().join("answers.yaml");
    advise_with(MIXED, &["--save"]).arg(&saved).succeeds();
    let text = std::fs::read_to_string(&saved).expect("the file was saved");
    let yaml: serde_json::Value = roles::kb::yaml::parse(&text).expect("the file is YAML");
    let keys: BTreeSet<&str> = yaml
        .as_object()
        .expect("a mapping")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        BTreeSet::from(["aim", "audience", "needs", "size", "tech-company"])
    );
    assert_eq!(
        yaml["needs"],
        roles::kb::yaml::parse::<serde_json::Value>("[data-governance, product-strategy]")
            .expect("yaml")
    );
    assert_eq!(
        dir_entries(dir.path()),
        ["answers.yaml"],
        "no temporary files"
    );
}

#[test]
fn save_with_nothing_answered_replays_to_nothing_answered() {
    let dir = temp_dir();
    let saved = dir.path().join("answers.yaml");
    let first = advise_with(&[], &["--save"])
        .arg(&saved)
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(advise_file_json(&saved), first);
}

#[test]
fn save_refuses_to_overwrite_an_existing_file() {
    let dir = temp_dir();
    let saved = write_file(dir.path(), "answers.yaml", "aim: process\n# mine\n");
    advise_with(MIXED, &["--save"])
        .arg(&saved)
        .fails_as_bad_input()
        .stderr_has("already exists")
        .stderr_has("--force");
    assert_eq!(
        std::fs::read_to_string(&saved).expect("still there"),
        "aim: process\n# mine\n"
    );
    assert_eq!(
        dir_entries(dir.path()),
        ["answers.yaml"],
        "no temporary files"
    );
}

#[test]
fn save_with_force_replaces_an_existing_file() {
    let dir = temp_dir();
    let saved = write_file(dir.path(), "answers.yaml", "aim: process\n");
    let json = advise_with(&["aim=product", "size=startup"], &["--force", "--save"])
        .arg(&saved)
        .format("json")
        .succeeds()
        .stdout_json();
    let text = std::fs::read_to_string(&saved).expect("the file was saved");
    let yaml: serde_json::Value = roles::kb::yaml::parse(&text).expect("the file is YAML");
    assert_eq!(yaml["aim"], "product");
    assert_eq!(yaml["size"], "startup");
    assert_eq!(advise_file_json(&saved), json);
    assert_eq!(
        dir_entries(dir.path()),
        ["answers.yaml"],
        "no temporary files"
    );
}

#[test]
fn force_without_save_is_a_usage_error() {
    let run = roles(&["advise", "--no-input", "--force"]).run();
    assert_eq!(run.code, Some(2), "{run}");
    assert!(run.stdout.is_empty(), "{run}");
    assert!(run.stderr.contains("--save"), "{run}");
}

#[test]
fn bad_answers_save_nothing() {
    let dir = temp_dir();
    let saved = dir.path().join("answers.yaml");
    advise_with(&["aim=prod"], &["--save"])
        .arg(&saved)
        .fails_as_bad_input();
    assert!(
        dir_entries(dir.path()).is_empty(),
        "{:?}",
        dir_entries(dir.path())
    );
}

#[test]
fn save_into_a_missing_directory_is_refused() {
    let dir = temp_dir();
    let saved = dir.path().join("missing/answers.yaml");
    advise_with(&["aim=process"], &["--save"])
        .arg(&saved)
        .fails_as_bad_input()
        .stderr_has("cannot save answers");
    assert!(dir_entries(dir.path()).is_empty());
}

// --- Bad answers ------------------------------------------------------------------

#[test]
fn an_unknown_question_lists_the_ids_and_suggests_the_closest() {
    let run = advise_with(&["aimm=process"], &[])
        .fails_as_bad_input()
        .stderr_has("unknown question `aimm`")
        .stderr_has("did you mean `aim`?");
    for id in QUESTION_IDS {
        assert!(run.stderr.contains(&format!("`{id}`")), "{id}\n{run}");
    }
}

#[test]
fn an_unknown_value_lists_the_values_and_suggests_the_closest() {
    advise_with(&["aim=prod"], &[])
        .fails_as_bad_input()
        .stderr_has("`prod`")
        .stderr_has("`process`, `product`, `both`")
        .stderr_has("did you mean `product`?");
}

#[test]
fn an_unknown_need_among_several_is_named() {
    advise_with(&["needs=innovation,tech-stak"], &[])
        .fails_as_bad_input()
        .stderr_has("`tech-stak`")
        .stderr_has("did you mean `tech-stack`?");
}

#[test]
fn an_answer_without_equals_is_refused() {
    advise_with(&["aim"], &[])
        .fails_as_bad_input()
        .stderr_has("KEY=VALUE");
}

#[test]
fn an_empty_value_is_refused_with_the_valid_values() {
    advise_with(&["aim="], &[])
        .fails_as_bad_input()
        .stderr_has("`aim`")
        .stderr_has("`process`, `product`, `both`");
}

#[test]
fn a_trailing_comma_in_needs_is_refused() {
    advise_with(&["needs=innovation,"], &[])
        .fails_as_bad_input()
        .stderr_has("`needs`");
}

#[test]
fn two_values_for_a_single_choice_question_are_refused() {
    advise_with(&["aim=process,product"], &[])
        .fails_as_bad_input()
        .stderr_has("`aim` takes one value");
}

#[test]
fn the_same_question_twice_is_refused() {
    advise_with(&["aim=process", "AIM=product"], &[])
        .fails_as_bad_input()
        .stderr_has("`aim` is answered twice");
}

#[test]
fn a_malformed_answers_file_is_located_by_file_line_and_column() {
    let run = roles(&["advise", "--answers"])
        .arg(fixture("advise/malformed.yaml"))
        .fails_as_bad_input();
    let after = run
        .stderr
        .split_once("malformed.yaml:")
        .unwrap_or_else(|| panic!("names the file\n{run}"))
        .1;
    let mut parts = after.splitn(3, ':');
    let line: u32 = parts
        .next()
        .and_then(|l| l.parse().ok())
        .unwrap_or_else(|| panic!("a line number\n{run}"));
    let column: u32 = parts
        .next()
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("a column number\n{run}"));
    // The unclosed `[` is on line 4; the parser notices it on line 4 or 5.
    assert!((4..=5).contains(&line), "line {line}\n{run}");
    assert!(column >= 1, "{run}");
}

#[test]
fn an_answers_file_with_an_unknown_question_names_the_file_and_suggests() {
    roles(&["advise", "--answers"])
        .arg(fixture("advise/unknown-key.yaml"))
        .fails_as_bad_input()
        .stderr_has("unknown-key.yaml")
        .stderr_has("unknown question `aimm`")
        .stderr_has("did you mean `aim`?");
}

#[test]
fn an_answers_file_with_an_unknown_value_names_the_file() {
    let dir = temp_dir();
    let file = write_file(dir.path(), "answers.yaml", "size: huge\n");
    roles(&["advise", "--answers"])
        .arg(&file)
        .fails_as_bad_input()
        .stderr_has("answers.yaml")
        .stderr_has("`huge`")
        .stderr_has("`startup`, `small`, `mid`, `large`");
}

#[test]
fn an_answers_file_with_a_question_twice_is_refused() {
    let dir = temp_dir();
    let file = write_file(dir.path(), "answers.yaml", "aim: process\naim: product\n");
    roles(&["advise", "--answers"])
        .arg(&file)
        .fails_as_bad_input()
        .stderr_has("answers.yaml:2:")
        .stderr_has("duplicate key `aim`");
}

#[test]
fn an_answers_file_with_two_values_for_a_single_choice_question_is_refused() {
    let dir = temp_dir();
    let file = write_file(dir.path(), "answers.yaml", "aim: [process, product]\n");
    roles(&["advise", "--answers"])
        .arg(&file)
        .fails_as_bad_input()
        .stderr_has("`aim` takes one value");
}

#[test]
fn an_answers_file_that_is_not_a_mapping_is_refused() {
    let dir = temp_dir();
    let file = write_file(dir.path(), "answers.yaml", "- aim\n- product\n");
    roles(&["advise", "--answers"])
        .arg(&file)
        .fails_as_bad_input()
        .stderr_has("answers.yaml");
}

#[test]
fn an_answers_file_that_is_a_directory_is_refused() {
    let dir = temp_dir();
    roles(&["advise", "--answers"])
        .arg(dir.path())
        .fails_as_bad_input()
        .stderr_has("is a directory");
}

#[test]
fn a_missing_answers_file_is_refused() {
    let dir = temp_dir();
    roles(&["advise", "--answers"])
        .arg(dir.path().join("nope.yaml"))
        .fails_as_bad_input()
        .stderr_has("nope.yaml")
        .stderr_has("no such file");
}

#[test]
fn malformed_answers_on_stdin_are_reported_as_stdin() {
    roles(&["advise", "--answers", "-"])
        .stdin("aim: [product\n")
        .fails_as_bad_input()
        .stderr_has("<stdin>");
}

#[test]
fn bad_answers_are_plain_text_even_when_json_is_asked_for() {
    advise_with(&["aim=prod"], &[])
        .format("json")
        .fails_as_bad_input()
        .stderr_has("did you mean `product`?");
}

#[test]
fn a_knowledge_base_without_a_questionnaire_is_refused() {
    roles(&["advise", "--no-input"])
        .kb(fixture("minimal.yaml"))
        .fails_as_bad_input()
        .stderr_has("no questionnaire");
}

// --- Without a terminal ---------------------------------------------------------

#[test]
fn without_a_terminal_or_answers_it_exits_2_naming_both_options() {
    let run = roles(&["advise"]).fails_as_bad_input();
    assert!(run.stderr.contains("`--answers"), "{run}");
    assert!(
        run.stderr.replace("--answers", "").contains("`--answer"),
        "names `--answer` too\n{run}"
    );
}

#[test]
fn without_a_terminal_no_input_accepts_no_preference() {
    let json = roles(&["advise", "--no-input"])
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(json["recommendation"], "both");
}

#[test]
fn without_a_terminal_answers_alone_are_enough() {
    let json = roles(&["advise", "--answer", "aim=process"])
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(json["recommendation"], "cio");
}

// --- Formats ------------------------------------------------------------------------

#[test]
fn the_table_has_a_verdict_a_score_chart_and_the_reasons() {
    let table = advise_with(&["aim=product", "size=startup"], &[])
        .columns(160)
        .succeeds()
        .stdout;
    let first = table.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("Recommendation: hire CTO (Chief Technology Officer), fractional"),
        "{table}"
    );
    let chart: Vec<&str> = table
        .lines()
        .skip_while(|l| *l != "Scores")
        .skip(1)
        .take(3)
        .collect();
    assert_eq!(chart.len(), 3, "{table}");
    for (line, (label, score)) in chart.iter().zip([("CIO", 0), ("CTO", 3), ("both", 0)]) {
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(words.first(), Some(&label), "{line}");
        assert_eq!(words.last(), Some(&score.to_string().as_str()), "{line}");
    }
    assert!(chart[1].contains('█'), "the leader has a bar: {table}");
    assert!(table.contains("Why"), "{table}");
    assert!(
        table.contains("Using technology to improve or invent what customers buy"),
        "{table}"
    );
    assert!(table.contains("What would change it"), "{table}");
    assert!(table.contains("roles jd cto --fractional"), "{table}");
}

#[test]
fn the_table_is_plain_text_when_piped() {
    let table = advise_with(&["aim=product"], &[]).succeeds().stdout;
    assert!(!table.contains('\x1b'), "{table}");
}

#[test]
fn markdown_is_a_decision_record() {
    let markdown = advise_with(&["aim=process", "budget=part-time"], &[])
        .format("markdown")
        .succeeds()
        .stdout;
    assert!(markdown.starts_with("# "), "{markdown}");
    let headings: Vec<&str> = markdown
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .collect();
    for heading in ["Decision", "Reasons", "What would change the decision"] {
        assert!(
            headings.contains(&heading),
            "no `## {heading}`: {headings:?}"
        );
    }
    let decision = markdown
        .split("## Decision")
        .nth(1)
        .expect("a decision section");
    assert!(
        decision.contains("Chief Information Officer") && decision.contains("fractional"),
        "{markdown}"
    );
    assert!(markdown.contains("**aim = process**"), "{markdown}");
}

#[test]
fn yaml_is_the_same_data_as_json() {
    let json = advise_json(MIXED);
    let yaml = advise_with(MIXED, &[])
        .format("yaml")
        .succeeds()
        .stdout_yaml();
    assert_eq!(serde_json::to_value(yaml).expect("yaml as json"), json);
}
