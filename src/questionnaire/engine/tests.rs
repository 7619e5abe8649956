//! The engine on small questionnaires built here, so a weight in `data/`
//! changes no result below.

use super::*;
use crate::questionnaire::tests::{answers, question};

fn roles() -> Vec<RoleRef> {
    let role = |id: &str| RoleRef {
        id: id.to_owned(),
        name: id.to_owned(),
    };
    vec![role("a"), role("b"), role("c")]
}

fn questions() -> Vec<Question> {
    let mut first = question("first", &[("a", &[], 0), ("b", &[], 0), ("c", &[], 0)]);
    for choice in &mut first.choices {
        choice.first = Some(choice.value.clone());
    }
    vec![
        question("aim", &[("a", &[("a", 3)], 0), ("b", &[("b", 3)], 0)]),
        question("big", &[("yes", &[], 3), ("no", &[], 0)]),
        question("lean", &[("a", &[("a", 3), ("b", 1)], 0)]),
        question("c", &[("c", &[("c", 3)], 0)]),
        first,
    ]
}

/// The evidence of answers such as `aim=a big=yes`.
fn tallied(given: &str) -> Tally {
    tally(&roles(), &questions(), &answers(given))
}

#[test]
fn each_role_is_needed_on_its_own_evidence() {
    // (answers, the roles needed, whether they tie)
    let cases: &[(&str, &[usize], bool)] = &[
        ("", &[], false),
        ("big=no", &[], false),
        ("aim=a", &[0], false),
        ("lean=a", &[0], false),
        ("big=yes", &[0, 1, 2], true),
        ("aim=a big=yes", &[0, 1, 2], true),
        ("aim=a c=c", &[0, 2], true),
        ("aim=b lean=a", &[1, 0], false),
        // A priority settles a tie it takes part in, and nothing else.
        ("first=a", &[], false),
        ("aim=a c=c first=c", &[2, 0], false),
        ("aim=a c=c first=b", &[0, 2], true),
        ("big=yes first=b", &[1, 0, 2], true),
        ("aim=b lean=a first=a", &[1, 0], false),
    ];
    for (given, roles, tie) in cases {
        assert_eq!(tallied(given).needed(), (roles.to_vec(), *tie), "{given}");
    }
}

#[test]
fn confidence_grows_with_support_one_answer_is_never_high_and_evidence_for_all_never_lowers_it() {
    let one = tallied("aim=a").confidence(0);
    assert!((0.0..HIGH).contains(&one) && one > 0.0, "{one}");
    assert!(tallied("aim=a lean=a").confidence(0) > one);
    let big = tallied("aim=a big=yes");
    assert!(big.confidence(0) >= one && big.needed().0.contains(&0));
    let against = tallied("aim=a c=c").confidence(0);
    assert!(against < one && against > 0.0, "{against}");
    assert_eq!(Confidence::new(0.5, None).level, "medium");
    assert_eq!(Confidence::new(0.67, None).level, "high");
}

#[test]
fn flips_change_the_outcome_and_never_offer_the_answer_given() {
    let outcome = |t: &Tally| (t.needed(), String::new(), Vec::new());
    let flips = flips(&roles(), &questions(), &answers("aim=a"), outcome);
    assert!(flips.iter().all(|f| f.to != f.from));
    let changes: Vec<&str> = flips.iter().map(|f| f.change.as_str()).collect();
    let offered = |change| changes.contains(&change);
    assert!(offered("aim: B instead of A") && offered("big: YES instead of no preference"));
    assert!(offered("aim: no preference instead of A"), "{changes:?}");
    let same = changes.iter().any(|c| c.starts_with("big: NO"));
    assert!(!same, "{changes:?}");
}
