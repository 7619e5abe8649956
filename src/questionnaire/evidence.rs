//! How much the answers back a verdict, the same way for every questionnaire.
//!
//! Each answer that bears on a decision gives it a signed contribution: positive
//! where it points the way of the verdict, negative where it points away. The
//! confidence is the share of all contributions that points the verdict's way,
//! times 1 − ½ⁿ for the n answers that bear on it. So a single answer reaches at
//! most 0.5, two that agree 0.75, three 0.875; an answer that agrees with the
//! verdict never lowers it; and with no evidence there is no confidence at all.

use schemars::JsonSchema;
use serde::Serialize;

use crate::kb::{Source, Text};

/// Confidence from 0.34 up is `medium`.
pub const MEDIUM: f64 = 0.34;
/// Confidence from 0.67 up is `high`.
pub const HIGH: f64 = 0.67;

/// The confidence that the contributions back their verdict, rounded to two
/// places; `None` when no answer bears on the decision (all contributions 0).
pub fn confidence(contributions: impl IntoIterator<Item = i64>) -> Option<f64> {
    let (mut toward, mut total, mut answers) = (0i64, 0i64, 0i32);
    for contribution in contributions {
        if contribution != 0 {
            toward += contribution;
            total += contribution.abs();
            answers += 1;
        }
    }
    if total == 0 {
        return None;
    }
    // Point totals are bounded by validation (|weight| ≤ 100, a few dozen
    // answers), far inside f64's exact integers.
    let share = (toward.max(0) as f64) / (total as f64);
    Some(rounded(share * saturation(answers)))
}

/// How much `answers` bearing answers can establish at most: 1 − ½ⁿ.
pub fn saturation(answers: i32) -> f64 {
    1.0 - 0.5f64.powi(answers)
}

/// A confidence as it is reported: two decimal places.
pub fn rounded(confidence: f64) -> f64 {
    (confidence * 100.0).round() / 100.0
}

/// `low`, `medium` or `high`, by the thresholds [`MEDIUM`] and [`HIGH`].
pub fn label(confidence: f64) -> &'static str {
    if confidence >= HIGH {
        "high"
    } else if confidence >= MEDIUM {
        "medium"
    } else {
        "low"
    }
}

/// An article as a result cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SourceRef {
    /// The id the result's `sources` lists use.
    pub id: Text,
    /// The article's title.
    pub title: Text,
}

/// The articles among `all` that `cited` names, in knowledge-base order.
pub fn cited<'a>(all: &[Source], cited: impl IntoIterator<Item = &'a Text>) -> Vec<SourceRef> {
    let cited: std::collections::BTreeSet<&str> = cited.into_iter().map(Text::as_str).collect();
    all.iter()
        .filter(|source| cited.contains(source.id.as_str()))
        .map(|source| SourceRef {
            id: source.id.clone(),
            title: source.title.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_evidence_gives_no_confidence() {
        assert_eq!(confidence([]), None);
        assert_eq!(confidence([0, 0]), None);
    }

    #[test]
    fn a_single_answer_never_reaches_high() {
        for points in 1..=100 {
            let one = confidence([points]).unwrap();
            assert_eq!(one, 0.5);
            assert_eq!(label(one), "medium");
        }
    }

    #[test]
    fn two_or_more_agreeing_answers_reach_high() {
        assert_eq!(confidence([3, 2]), Some(0.75));
        assert_eq!(confidence([3, 2, 1]), Some(0.88));
        assert_eq!(label(confidence([1, 1]).unwrap()), "high");
    }

    #[test]
    fn an_agreeing_answer_never_lowers_confidence() {
        let sets: &[&[i64]] = &[&[3], &[3, -2], &[1, -1, 2], &[5, -4, -1, 2], &[2, 2, -3]];
        for set in sets {
            let before = confidence(set.iter().copied()).unwrap();
            for added in 1..=5 {
                let after = confidence(set.iter().copied().chain([added])).unwrap();
                assert!(after >= before, "{set:?} + {added}: {before} → {after}");
            }
        }
    }

    #[test]
    fn evidence_split_evenly_gives_zero() {
        assert_eq!(confidence([2, -2]), Some(0.0));
        assert_eq!(label(0.0), "low");
    }

    #[test]
    fn dissent_lowers_confidence() {
        let agreeing = confidence([3, 2]).unwrap();
        let contested = confidence([3, 2, -2]).unwrap();
        assert!(contested < agreeing, "{contested} < {agreeing}");
    }

    #[test]
    fn labels_follow_the_thresholds() {
        assert_eq!(label(0.33), "low");
        assert_eq!(label(0.34), "medium");
        assert_eq!(label(0.66), "medium");
        assert_eq!(label(0.67), "high");
    }
}
