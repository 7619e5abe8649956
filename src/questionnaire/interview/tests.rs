//! The interview driven through the `Prompter` trait by scripts, over the
//! fixture questionnaire `a`, `n` (several), `s`: order, skip, back, pre-filled
//! answers, progress, interruption, and the review before the result.

use std::collections::VecDeque;

use anyhow::Result;

use super::{Ask, Prompter, Step, answer_words, interview};
use crate::error::{EXIT_INTERRUPTED, Interrupted, exit_code};
use crate::kb::Question;
use crate::questionnaire::Answers;
use crate::questionnaire::tests::{answers, questionnaire};

/// Replies from a script and logs each question as put and each review shown.
struct Scripted {
    /// Per question: values (`p,q`), `-` skip (none), `<` back, `!` interrupt,
    /// `?` another error.
    replies: VecDeque<&'static str>,
    /// Per review, until it runs out (then confirm): a row to change, `!` interrupt.
    revisions: VecDeque<&'static str>,
    /// `id` `number`, then `:previous` if any, `*` if revising, `^` if back goes nowhere.
    asked: Vec<String>,
    /// Per review: `number``id`=`answer in words`, space-separated.
    reviewed: Vec<String>,
}

impl Prompter for Scripted {
    fn ask(&mut self, ask: &Ask<'_>) -> Result<Step> {
        assert_eq!(ask.total, 3);
        let previous =
            (ask.previous).map_or(String::new(), |a| format!(":{}", a.values().join(",")));
        let mark = match (ask.revising, ask.can_go_back) {
            (true, _) => "*",
            (false, false) => "^",
            _ => "",
        };
        (self.asked).push(format!("{}{}{previous}{mark}", ask.question.id, ask.number));
        let values = match self.replies.pop_front().expect("the script ran out") {
            "!" => return Err(Interrupted.into()),
            "?" => return Err(std::io::Error::other("terminal went away").into()),
            "<" => return Ok(Step::Back),
            "-" => "",
            values => values,
        };
        let values = values.split_terminator(',').map(str::to_owned);
        Ok(Step::Answer(values.collect()))
    }

    fn review(&mut self, questions: &[Question], answers: &Answers) -> Result<Option<usize>> {
        let rows = (questions.iter().enumerate())
            .map(|(i, q)| format!("{}{}={}", i + 1, q.id, answer_words(q, answers.get(&q.id))));
        self.reviewed.push(rows.collect::<Vec<_>>().join(" "));
        match self.revisions.pop_front() {
            None => Ok(None),
            Some("!") => Err(Interrupted.into()),
            Some(row) => Ok(Some(row.parse().expect("a row"))),
        }
    }
}

const ALL_XY: &str = "1a=X 2n=P 3s=Y";
const NONE: &str = "1a=no preference 2n=no preference 3s=no preference";

#[test]
fn the_interview_asks_what_is_unanswered_with_skip_back_and_review() {
    // (pre-filled, replies, revisions, asked, answers after, or `!` if
    // interrupted and `?` if failed, reviews)
    type Texts = &'static [&'static str];
    #[rustfmt::skip]
    let cases: &[(&str, Texts, Texts, &str, &str, Texts)] = &[
        // Each question once, in order; one value or a list; then a review.
        ("", &["x", "p,q", "y"], &[], "a1^ n2 s3", "a=x n=p,q s=y", &["1a=X 2n=P, Q 3s=Y"]),
        // A skip leaves a question unanswered.
        ("", &["-", "-", "y"], &[], "a1^ n2 s3", "s=y", &["1a=no preference 2n=no preference 3s=Y"]),
        // Back shows the earlier answer (every value of a list); the new one wins.
        ("", &["x", "<", "y", "p", "x"], &[], "a1^ n2 a1:x^ n2 s3", "a=y n=p s=x", &["1a=Y 2n=P 3s=X"]),
        ("", &["-", "p,q", "<", "q", "-"], &[], "a1^ n2 s3 n2:p,q s3", "n=q", &["1a=no preference 2n=Q 3s=no preference"]),
        // Back then skip clears; back twice walks back two; the first stays put.
        ("", &["x", "<", "-", "-", "-"], &[], "a1^ n2 a1:x^ n2 s3", "", &[NONE]),
        ("", &["x", "p", "<", "<", "x", "p", "y"], &[], "a1^ n2 s3 n2:p a1:x^ n2:p s3", "a=x n=p s=y", &[ALL_XY]),
        ("", &["<", "x", "p", "y"], &[], "a1^ a1^ n2 s3", "a=x n=p s=y", &[ALL_XY]),
        // Pre-filled answers are kept, not asked, and back skips them; numbers
        // keep their place; the review shows them too.
        ("n=p", &["x", "<", "x", "y"], &[], "a1^ s3 a1:x^ s3", "a=x n=p s=y", &[ALL_XY]),
        ("a=x n=p s=y", &[], &[], "", "a=x n=p s=y", &[]),
        // A typed number is shown as typed.
        ("a=120", &["-", "y"], &[], "n2^ s3", "a=120 s=y", &["1a=120 2n=no preference 3s=Y"]),
        // At the review any answer can be asked again, several in turn.
        ("", &["x", "p", "y", "y"], &["0"], "a1^ n2 s3 a1:x*", "a=y n=p s=y", &[ALL_XY, "1a=Y 2n=P 3s=Y"]),
        ("", &["x", "p", "y", "q", "x"], &["1", "2"], "a1^ n2 s3 n2:p* s3:y*", "a=x n=q s=x",
            &[ALL_XY, "1a=X 2n=Q 3s=Y", "1a=X 2n=Q 3s=X"]),
        // There a skip clears, back keeps, a missing row changes nothing.
        ("", &["x", "p", "y", "-"], &["0"], "a1^ n2 s3 a1:x*", "n=p s=y", &[ALL_XY, "1a=no preference 2n=P 3s=Y"]),
        ("", &["x", "p", "y", "<"], &["2"], "a1^ n2 s3 s3:y*", "a=x n=p s=y", &[ALL_XY, ALL_XY]),
        ("", &["x", "p", "y"], &["99"], "a1^ n2 s3", "a=x n=p s=y", &[ALL_XY, ALL_XY]),
        ("a=x", &["-", "-", "y"], &["0"], "n2^ s3 a1:x*", "a=y",
            &["1a=X 2n=no preference 3s=no preference", "1a=Y 2n=no preference 3s=no preference"]),
        // An interruption, at a question or at the review, ends it all.
        ("", &["x", "!"], &[], "a1^ n2", "!", &[]),
        ("", &["x", "p", "y"], &["!"], "a1^ n2 s3", "!", &[ALL_XY]),
        // Any other failure of the prompter ends it too, as a failure.
        ("", &["?"], &[], "a1^", "?", &[]),
    ];
    let questions = questionnaire().questions;
    for &(prefilled, replies, revisions, asked, after, reviewed) in cases {
        let mut script = Scripted {
            replies: replies.iter().copied().collect(),
            revisions: revisions.iter().copied().collect(),
            asked: Vec::new(),
            reviewed: Vec::new(),
        };
        let mut given = answers(prefilled);
        let outcome = interview(&questions, &mut given, &mut script);
        let case = format!("{prefilled:?} {replies:?} {revisions:?}");
        assert_eq!(script.asked.join(" "), asked, "{case}");
        assert_eq!(script.reviewed, reviewed, "{case}");
        assert!(script.replies.is_empty(), "{case}: replies left");
        match outcome {
            Ok(any) => {
                assert_eq!(given, answers(after), "{case}");
                assert_eq!(any, !asked.is_empty(), "{case}");
            }
            Err(error) => {
                let code = match after {
                    "!" => EXIT_INTERRUPTED,
                    "?" => 1,
                    _ => panic!("{case}: {error:#}"),
                };
                assert_eq!(exit_code(&error), Some(code), "{case}");
            }
        }
    }
}
