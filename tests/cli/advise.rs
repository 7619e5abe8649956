//! `roles advise` without a terminal: the JSON contract a script relies on,
//! answers from flags, files and stdin, `--save`, every way answers can be
//! wrong, and the output formats. The verdicts for answer sets, the confidence
//! properties and the flips are unit tests beside the scoring
//! (src/commands/advise/score.rs); these run the real binary.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::*;
use serde_json::{Value, json};

/// `roles advise --no-input` with `--answer` for each space-separated answer.
fn advise(answers: &str) -> Roles {
    roles(&["advise", "--no-input"]).answers(answers)
}

/// `advise(answers)` as JSON.
fn advise_json(answers: &str) -> Value {
    advise(answers).json()
}

/// `roles advise --answers FILE` as JSON.
fn advise_file_json(file: &Path) -> Value {
    roles(&["advise", "--answers"]).arg(file).json()
}

/// An answer set that touches every kind of point: roles, both and engagement.
const MIXED: &str = "aim=both audience=external needs=data-governance,product-strategy size=startup tech-company=yes";

// --- The JSON contract --------------------------------------------------------------

#[test]
fn json_has_schema_version_4_and_every_documented_field() {
    let json = advise_json(MIXED);
    assert_eq!(json["schema_version"], 4);
    #[rustfmt::skip]
    let fields = [
        "recommendation", "hires", "seats", "scores", "engagement_points", "reasons", "caveats",
        "flips", "answers", "unanswered", "deciding_questions", "sources", "next_steps",
    ];
    for field in fields {
        assert!(json.get(field).is_some(), "`{field}` is missing\n{json:#}");
    }
    assert!(["cio", "cto", "both"].contains(&string(&json["recommendation"])));
    assert!(json["hires"][0]["confidence"]["value"].is_f64(), "{json:#}");
    // One spelling, `full-time`, as in `engagement`.
    assert!(json["engagement_points"].get("full-time").is_some());
    let scores = json["scores"].as_object().expect("scores object");
    assert_eq!(scores.keys().collect::<Vec<_>>(), ["cio", "cto"]);
    assert!(scores.values().all(Value::is_i64), "{scores:?}");
    let flips = items(&json["flips"]);
    let changes = |f: &Value| f["from"].is_array() && f["to"].is_array();
    assert!(!flips.is_empty() && flips.iter().all(changes), "{flips:#?}");
}

#[test]
fn each_hire_names_a_role_an_engagement_and_why() {
    let json = advise_json("aim=process size=large budget=one");
    let plan = (&json["recommendation"], &json["tie"], &json["seats"]);
    assert_eq!(plan, (&json!("both"), &json!(false), &json!(1)));
    let hires = items(&json["hires"]);
    let plan: Vec<_> = hires
        .iter()
        .map(|h| (&h["role"], &h["engagement"]))
        .collect();
    let expected = json!([["cio", "full-time"], ["cto", "fractional"]]);
    assert_eq!(json!(plan), expected);
    assert!(hires.iter().all(|h| !string(&h["why"]).is_empty()));
    assert_eq!(json["caveats"][0]["sources"], json!(["tension"]));
}

#[test]
fn an_engagement_no_answer_bears_on_is_null_not_a_default() {
    let json = advise_json("aim=process");
    assert_eq!(json["recommendation"], "cio");
    let hire = &json["hires"][0];
    let engagement = (&hire["engagement"], &hire["engagement_confidence"]);
    assert_eq!(engagement, (&Value::Null, &Value::Null));
    assert_eq!(hire["confidence"]["value"], 0.5);
}

#[test]
fn answers_that_bear_on_no_role_give_a_null_recommendation_and_exit_0() {
    let json = advise_json("size=startup budget=part-time");
    let none = (&json["recommendation"], &json["hires"]);
    assert_eq!(none, (&Value::Null, &json!([])));
    assert_eq!(json["engagement_points"]["fractional"], 5);
    let deciding = [
        "aim",
        "audience",
        "finance",
        "team",
        "needs",
        "tech-company",
    ];
    assert_eq!(json["deciding_questions"], json!(deciding));
    advise("size=startup budget=part-time")
        .succeeds()
        .stdout_has("No recommendation yet")
        .stdout_has("These questions would decide it: aim, audience");
}

#[test]
fn scores_have_a_key_for_every_role_of_a_custom_knowledge_base() {
    let json = advise("aim=process").kb(fixture("three-roles.yaml")).json();
    let scores = json["scores"].as_object().expect("scores");
    assert_eq!(scores.keys().collect::<Vec<_>>(), ["cio", "ciso", "cto"]);
}

#[test]
fn each_answer_gives_a_reason_with_its_points_basis_and_known_sources() {
    let known = json(&["sources"]);
    let known: BTreeSet<&str> = ids(&known["sources"]).into_iter().collect();
    let json = advise_json(MIXED);
    let reasons = items(&json["reasons"]);
    // One reason per chosen value: aim, audience, two needs, size, tech-company.
    let pairs: Vec<String> = reasons
        .iter()
        .map(|r| format!("{}={}", string(&r["question"]), string(&r["value"])))
        .collect();
    let expected = MIXED.replace(",product-strategy", " needs=product-strategy");
    assert_eq!(pairs, expected.split_whitespace().collect::<Vec<_>>());
    let listed: BTreeSet<&str> = ids(&json["sources"]).into_iter().collect();
    for (reason, at) in reasons.iter().zip(&pairs) {
        assert!(!string(&reason["because"]).is_empty(), "{at}: because");
        let basis = string(&reason["basis"]);
        let bases = ["article", "disputed", "judgement"];
        assert!(bases.contains(&basis), "{at}");
        let cited = items(&reason["sources"]);
        assert!(!cited.is_empty(), "{at}: cites nothing");
        for id in cited.iter().map(string) {
            let known = known.contains(id) && listed.contains(id);
            assert!(known, "{at}: `{id}` unknown or not listed");
        }
    }
}

#[test]
fn a_reason_records_the_points_its_value_gave() {
    let json = advise_json("aim=both size=large tech-company=no");
    let reasons = &json["reasons"];
    // aim=both and size=large count for both roles; tech-company=no gives nothing.
    assert_eq!(reasons[0]["favours"], json!(["both roles"]));
    assert_eq!(reasons[1]["favours"], json!(["both roles", "full-time"]));
    let nothing = (&json!({}), &json!([]));
    assert_eq!((&reasons[2]["points"], &reasons[2]["favours"]), nothing);
}

#[test]
fn judgement_and_disputes_are_labelled_in_every_output() {
    let answers = "size=mid needs=vendor-management aim=process";
    // The table wraps the note about disputes.
    let notes = [
        ("table", "(the articles lean one"),
        ("markdown", "way but disagree)"),
    ];
    for (format, note) in notes {
        let run = advise(answers).format(format).succeeds();
        run.stdout_has("our judgement").stdout_has(note);
    }
    let json = advise_json(answers);
    let bases: BTreeSet<&str> = items(&json["reasons"])
        .iter()
        .map(|r| string(&r["basis"]))
        .collect();
    assert_eq!(bases, BTreeSet::from(["article", "disputed", "judgement"]));
}

#[test]
fn answers_echo_what_was_given_in_lower_case_and_questionnaire_order() {
    for (answers, echoed) in [
        // Multiple-choice answers are a list, in questionnaire order.
        (
            "aim=product needs=tech-stack,innovation tech-company=no",
            json!({"aim": "product", "needs": ["innovation", "tech-stack"], "tech-company": "no"}),
        ),
        (
            "AIM=Product Needs=TECH-STACK",
            json!({"aim": "product", "needs": ["tech-stack"]}),
        ),
    ] {
        assert_eq!(advise_json(answers)["answers"], echoed, "{answers}");
    }
    let unanswered = [
        "aim",
        "finance",
        "team",
        "needs",
        "tech-company",
        "budget",
        "first",
    ];
    let json = advise_json("audience=internal size=mid");
    assert_eq!(json["unanswered"], json!(unanswered));
}

#[test]
fn next_steps_point_to_the_job_descriptions_of_the_recommended_hires() {
    #[rustfmt::skip]
    let cases: [(&str, &[&str], &[&str]); 3] = [
        ("aim=process size=mid", &["roles jd cio", "roles show cio"], &["cto"]),
        ("aim=product size=startup", &["roles jd cto --fractional"], &["roles jd cto"]),
        ("size=large tech-company=yes", &["roles jd cio", "roles jd cto"], &[]),
    ];
    for (answers, given, not_given) in cases {
        let json = advise_json(answers);
        let steps: Vec<&str> = items(&json["next_steps"]).iter().map(string).collect();
        let gives = |n: &&str| {
            steps
                .iter()
                .any(|s| s == n || s.split(' ').any(|w| w == *n))
        };
        let right = given.iter().all(|s| steps.contains(s)) && !not_given.iter().any(gives);
        assert!(right, "{answers}: {steps:?}");
    }
}

#[test]
fn a_tie_for_the_one_seat_is_said_and_left_open_until_a_priority_settles_it() {
    let answers = "aim=both audience=both size=400 budget=one";
    let json = advise_json(answers);
    assert_eq!(json["tie"], true);
    for hire in items(&json["hires"]) {
        assert_eq!(hire["engagement"], Value::Null, "{hire:#}");
        let close = string(&hire["confidence"]["close_call"]);
        let said = close.contains("a tie") && close.contains("`first` would settle it");
        assert!(said, "{close}");
    }
    let run = advise(answers).succeeds();
    run.stdout_has("A tie: some roles are needed equally");
    for (first, other) in [("cio", "cto"), ("cto", "cio")] {
        let settled = advise_json(&format!("{answers} first={first}"));
        let hires = &settled["hires"];
        #[rustfmt::skip]
        let plan = json!([hires[0]["role"], hires[0]["engagement"], hires[1]["role"], hires[1]["engagement"]]);
        assert_eq!(
            plan,
            json!([first, "full-time", other, "fractional"]),
            "{settled:#}"
        );
        assert_eq!(settled["tie"], false);
        assert_eq!(settled["scores"], json["scores"], "a priority adds no need");
    }
}

// --- Answers from files and stdin -------------------------------------------------

#[test]
fn answers_files_and_stdin_give_the_same_result_as_flags() {
    let dir = temp_dir();
    let same =
        |from: Value, flags: &str, what: &str| assert_eq!(from, advise_json(flags), "{what}");
    // The flags equal to tests/fixtures/advise/answers.{yaml,json}.
    let flags = "aim=product audience=external needs=product-strategy,tech-stack size=startup tech-company=yes";
    for name in ["advise/answers.yaml", "advise/answers.json"] {
        same(advise_file_json(&fixture(name)), flags, name);
        let text = std::fs::read_to_string(fixture(name)).expect("fixture");
        let stdin = roles(&["advise", "--answers", "-"]).stdin(text).json();
        same(stdin, flags, &format!("{name} on stdin"));
    }
    #[rustfmt::skip]
    let files = [
        ("tech-company: true\n", "tech-company=yes"),
        ("tech-company: false\n", "tech-company=no"),
        ("{\"tech-company\": true}", "tech-company=yes"),
        ("{\"tech-company\": false}", "tech-company=no"),
        ("needs:\n  - innovation\n  - data-governance\n  - tech-stack\n", "needs=innovation,data-governance,tech-stack"),
        // A single need may be a plain value; null and an empty list are no preference.
        ("needs: innovation\n", "needs=innovation"),
        ("{\"aim\": null, \"size\": \"mid\"}", "size=mid"),
        ("aim: process\nneeds: []\n", "aim=process"),
    ];
    for (text, flags) in files {
        let file = write_file(dir.path(), "answers.txt", text);
        same(advise_file_json(&file), flags, text);
    }
}

#[test]
fn an_answer_flag_overrides_the_same_question_in_the_file() {
    for (flag, key, value) in [
        ("size=large", "size", json!("large")),
        ("needs=innovation", "needs", json!(["innovation"])),
    ] {
        let run = roles(&["advise", "--answers"]).arg(fixture("advise/answers.yaml"));
        let json = run.arg("--answer").arg(flag).json();
        assert_eq!(json["answers"][key], value);
        assert_eq!(json["answers"]["aim"], "product", "the rest is kept");
    }
}

#[test]
fn without_a_terminal_answers_alone_are_enough() {
    let json = roles(&["advise", "--answer", "aim=process"]).json();
    assert_eq!(json["recommendation"], "cio");
}

// --- --save -----------------------------------------------------------------------

#[test]
fn saved_answers_are_yaml_keyed_by_question_id_and_replay_to_the_same_result() {
    let dir = temp_dir();
    let saved = dir.path().join("answers.yaml");
    let first = advise(MIXED).arg("--save").arg(&saved).json();
    assert_eq!(advise_file_json(&saved), first);
    let yaml = saved_yaml(&saved);
    let keys: Vec<&String> = yaml.as_object().expect("a mapping").keys().collect();
    assert_eq!(keys, ["aim", "audience", "needs", "size", "tech-company"]);
    let needs = json!(["data-governance", "product-strategy"]);
    assert_eq!(yaml["needs"], needs);
    let expected = ["answers.yaml"];
    assert_eq!(dir_entries(dir.path()), expected, "no temporary files");
}

/// A saved answers file, read as YAML.
fn saved_yaml(file: &Path) -> Value {
    let text = std::fs::read_to_string(file).expect("the file was saved");
    roles::kb::yaml::parse(&text).expect("the file is YAML")
}

#[test]
fn save_refuses_to_overwrite_an_existing_file_unless_forced() {
    let dir = temp_dir();
    let saved = write_file(dir.path(), "answers.yaml", "aim: process\n# mine\n");
    let refused = advise(MIXED).arg("--save").arg(&saved).fails_as_bad_input();
    refused.stderr_has("already exists").stderr_has("--force");
    let kept = std::fs::read_to_string(&saved).expect("still there");
    assert_eq!(kept, "aim: process\n# mine\n");
    let json = advise("aim=product size=startup")
        .arg("--force")
        .arg("--save")
        .arg(&saved)
        .json();
    let yaml = saved_yaml(&saved);
    let saved_answers = (&yaml["aim"], &yaml["size"]);
    assert_eq!(saved_answers, (&json!("product"), &json!("startup")));
    assert_eq!(advise_file_json(&saved), json);
    let files = dir_entries(dir.path());
    assert_eq!(files, ["answers.yaml"], "no temporary files");
}

#[test]
fn force_without_save_is_a_usage_error() {
    let run = roles(&["advise", "--no-input", "--force"]).run();
    let usage = run.code == Some(2) && run.stdout.is_empty();
    assert!(usage && run.stderr.contains("--save"), "{run}");
}

#[test]
fn a_failed_run_never_creates_or_replaces_the_saved_file() {
    let dir = temp_dir();
    let keep = write_file(dir.path(), "keep.yaml", "aim: product\nsize: mid\n");
    for command in ["advise", "career"] {
        roles(&[command, "--no-input", "--force", "--save"])
            .arg(&keep)
            .fails_as_bad_input();
        let kept = std::fs::read_to_string(&keep).expect("still there");
        assert_eq!(kept, "aim: product\nsize: mid\n", "{command}");
    }
    let fresh = dir.path().join("fresh.yaml");
    for answers in ["", "aim=prod"] {
        advise(answers)
            .arg("--save")
            .arg(&fresh)
            .fails_as_bad_input();
    }
    let missing = dir.path().join("missing/answers.yaml");
    let refused = advise("aim=process")
        .arg("--save")
        .arg(&missing)
        .fails_as_bad_input();
    refused.stderr_has("cannot save answers");
    let left = dir_entries(dir.path());
    let expected = ["keep.yaml"];
    assert_eq!(left, expected, "a failed run saved a file or a directory");
    let dash = roles(&["advise", "--no-input", "--save", "-", "-a", "aim=product"]);
    dash.fails_as_bad_input().stderr_has("a file named `-`");
}

#[test]
fn a_head_count_is_saved_as_a_number_and_read_as_its_band() {
    let dir = temp_dir();
    let saved = dir.path().join("answers.yaml");
    let run = advise("aim=product tech-company=yes size=5000 budget=two");
    let json = run.arg("--save").arg(&saved).json();
    let text = std::fs::read_to_string(&saved).expect("saved");
    assert!(text.contains("size: 5000\n"), "{text}");
    let hires: Vec<&str> = items(&json["hires"])
        .iter()
        .map(|h| string(&h["role"]))
        .collect();
    assert_eq!(hires, ["cto", "cio"]);
    assert_eq!(advise_file_json(&saved)["hires"], json["hires"]);
    for flip in items(&json["flips"]) {
        let change = string(&flip["change"]);
        assert!(!change.starts_with("size: 1,000 or more"), "{flip:#}");
    }
}

// --- Bad answers ------------------------------------------------------------------

/// `--answer` flags that are refused, and what the message must say.
#[rustfmt::skip]
const BAD_FLAGS: &[(&str, &[&str])] = &[
    ("aim=prod", &["`prod`", "`process`, `product`, `both`", "did you mean `product`?"]),
    ("aimm=process", &["unknown question `aimm`", "did you mean `aim`?", "`aim`", "`audience`",
        "`finance`", "`team`", "`needs`", "`size`", "`tech-company`", "`budget`"]),
    ("needs=innovation,tech-stak", &["`tech-stak`", "did you mean `tech-stack`?"]),
    ("aim", &["KEY=VALUE"]),
    ("aim=", &["`aim`", "`process`, `product`, `both`"]),
    ("needs=innovation,", &["item 2 of the list for `needs` is empty"]),
    ("needs=innovation,,tech-stack", &["item 2 of the list for `needs` is empty"]),
    ("aim=process,product", &["`aim` takes one value"]),
    ("aim=process AIM=product", &["`aim` is answered twice"]),
    ("size=0x10", &["`0x10` is not valid"]),
    ("size=+5", &["`+5` is not valid"]),
    // Nothing answered, with or without `--no-input`.
    ("", &["--answer"]),
];

#[test]
fn bad_answer_flags_are_refused_saying_what_is_wrong() {
    for (answers, said) in BAD_FLAGS {
        let run = advise(answers).format("json").fails_as_bad_input();
        said.iter().fold(run, |run, text| run.stderr_has(text));
    }
    let years = roles(&["career", "--no-input", "-a", "years=12,13"]).fails_as_bad_input();
    years.stderr_has("takes one value, not 2; question `years` takes a whole number");
    // Names `--answers` and `--answer`.
    let run = roles(&["advise"])
        .fails_as_bad_input()
        .stderr_has("`--answers");
    let answer = run.stderr.replace("--answers", "").contains("`--answer");
    assert!(answer, "{run}");
}

/// Answers files that are refused, and what the message must say.
#[rustfmt::skip]
const BAD_FILES: &[(&str, &[&str])] = &[
    ("size: huge\n", &["answers.yaml", "`huge`", "`startup`, `small`, `mid`, `large`"]),
    ("aim: process\naim: product\n", &["answers.yaml:2:", "duplicate key `aim`"]),
    ("aim: [process, product]\n", &["`aim` takes one value"]),
    ("- aim\n- product\n", &["answers.yaml"]),
    ("size: 0x10\n", &["answers.yaml:1:7: `0x10` is not valid"]),
    ("size: 0b101\n", &["answers.yaml:1:7: `0b101` is not valid"]),
    ("size: +5\n", &["answers.yaml:1:7: `+5` is not valid"]),
    ("size: -0\n", &["answers.yaml:1:7: `-0` is not valid"]),
    ("size: 1_000\n", &["answers.yaml:1:7: `1_000` is not valid"]),
    ("size: 3e2\n", &["answers.yaml:1:7: `3e2` is not valid"]),
    ("size: !!int 12\n", &["answers.yaml:1:", "YAML tag"]),
    ("aim: !!binary cHJvZHVjdA==\n", &["answers.yaml:1:", "YAML tag"]),
    ("", &["--answer"]),
];

#[test]
fn bad_answers_files_are_refused_at_their_place() {
    let dir = temp_dir();
    for (text, said) in BAD_FILES {
        let file = write_file(dir.path(), "answers.yaml", text);
        let run = roles(&["advise", "--answers"])
            .arg(&file)
            .fails_as_bad_input();
        said.iter().fold(run, |run, text| run.stderr_has(text));
    }
    #[rustfmt::skip]
    let others: [(&Path, &[&str]); 3] = [
        (&fixture("advise/unknown-key.yaml"), &["unknown-key.yaml", "unknown question `aimm`", "did you mean `aim`?"]),
        (dir.path(), &["is a directory"]),
        (&dir.path().join("nope.yaml"), &["nope.yaml", "no such file"]),
    ];
    for (file, said) in others {
        let run = roles(&["advise", "--answers"])
            .arg(file)
            .fails_as_bad_input();
        said.iter().fold(run, |run, text| run.stderr_has(text));
    }
    for (stdin, said) in [
        ("aim: [product\n", "<stdin>"),
        ("# nothing answered\n", "--answer"),
    ] {
        let run = roles(&["advise", "--no-input", "--answers", "-"]).stdin(stdin);
        run.fails_as_bad_input().stderr_has(said);
    }
    let minimal = advise("").kb(fixture("minimal.yaml")).fails_as_bad_input();
    minimal.stderr_has("no questionnaire");
}

#[test]
fn a_malformed_answers_file_is_located_by_file_line_and_column() {
    let file = fixture("advise/malformed.yaml");
    let run = roles(&["advise", "--answers"])
        .arg(file)
        .fails_as_bad_input();
    // The unclosed `[` is on line 4; the parser notices it on line 4 or 5.
    let place = location(&run.stderr, "malformed.yaml");
    let near = |(line, column)| (4..=5).contains(&line) && column >= 1;
    assert!(place.is_some_and(near), "{run}");
}

// --- Formats ------------------------------------------------------------------------

#[test]
fn the_table_leads_with_the_verdict_and_the_plan_then_the_reasons() {
    let table = advise("aim=product size=startup")
        .columns(160)
        .succeeds()
        .stdout;
    let mut lines = table.lines().map(str::to_owned);
    #[rustfmt::skip]
    let head = ["Recommendation: hire CTO (Chief Technology Officer)", "  1. CTO, fractional: ",
        "     Confidence in the CTO: medium (0.50)"];
    let starts = |line: Option<String>, head: &str| line.unwrap_or_default().starts_with(head);
    let leads = head.iter().all(|head| starts(lines.next(), head));
    assert!(leads, "{table}");
    for part in [
        "Why",
        "The products we sell → CTO: Using technology",
        "What would change it",
        "roles jd cto --fractional",
        "Sources\n  [1] ",
    ] {
        assert!(table.contains(part), "{part}\n{table}");
    }
    // Plain text when piped, with no raw points or source ids.
    let jargon = [
        "\x1b",
        "cto +",
        "cio +",
        "both =",
        "[difference",
        "key-differences]",
    ];
    jargon
        .iter()
        .fold(advise(MIXED).succeeds(), |run, text| run.stdout_lacks(text));
    // Confidence labels follow the documented thresholds: three answers that agree are high.
    let three = "aim=product audience=external team=engineering";
    advise(three)
        .succeeds()
        .stdout_has("Confidence in the CTO: high (0.88)");
}

#[test]
fn the_table_shows_at_most_five_flips_unless_asked_for_all() {
    let answers = "aim=both size=large budget=one";
    let total = items(&advise_json(answers)["flips"]).len();
    assert!(total > 5, "the example needs more than five flips: {total}");
    let flips = |run: Roles| {
        let table = run.succeeds().stdout;
        let section = table
            .split("What would change it")
            .nth(1)
            .expect("a flips section");
        section.split("\n\n").next().unwrap_or_default().to_owned()
    };
    let five = flips(advise(answers));
    assert_eq!(five.matches("  • ").count(), 5, "{five}");
    assert!(five.contains(&format!("and {} more", total - 5)), "{five}");
    let all = flips(advise(answers).arg("--all-flips"));
    assert_eq!(all.matches("  • ").count(), total, "{all}");
}

#[test]
fn markdown_is_a_decision_record_with_a_date_and_article_titles() {
    let run = advise("size=large budget=one aim=process").env("SOURCE_DATE_EPOCH", "1700000000");
    let record = run.format("markdown").succeeds().stdout;
    assert!(record.starts_with("# Decision record"), "{record}");
    #[rustfmt::skip]
    let parts = [
        "Date: 2023-11-14", "## Decision", "## What we answered", "## Why", "## Caveats",
        "## What would change the decision", "## Next steps", "## Sources",
        "CIO vs CTO: Understanding the Key Differences",
    ];
    for part in parts {
        assert!(record.contains(part), "`{part}` missing\n{record}");
    }
    for jargon in ["--answer", "roles jd", "`aim`"] {
        assert!(!record.contains(jargon), "`{jargon}` in\n{record}");
    }
}

#[test]
fn yaml_is_the_same_data_as_json() {
    let yaml = advise(MIXED).format("yaml").succeeds().stdout_yaml();
    assert_eq!(yaml, advise_json(MIXED));
}

#[test]
fn one_answer_with_several_values_backs_each_role_once_and_is_never_high() {
    let json = advise_json("needs=innovation,process-optimization");
    let hires = json["hires"].as_array().expect("hires");
    assert!(!hires.is_empty(), "{json}");
    for hire in hires {
        assert_ne!(hire["confidence"]["level"], "high", "{json}");
    }
}
