//! The interview driven through the `Prompter` trait with scripted replies
//! against the embedded questionnaire: the order of questions, skip, back,
//! pre-filled answers, progress numbers, interruption, and the review of every
//! answer before the result.

use std::collections::VecDeque;

use super::{Ask, Prompter, Review, Revision, Step, answer_words, interview};
use crate::commands::advise::advise;
use crate::error::{EXIT_INTERRUPTED, Interrupted, exit_code};
use crate::library::Library;
use crate::questionnaire::{Answer, Answers};

/// What the scripted person does at one question.
enum Reply {
    Step(Step),
    Interrupt,
}

/// One question as it was put.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Asked {
    id: String,
    number: usize,
    total: usize,
    previous: Vec<String>,
    can_go_back: bool,
    revising: bool,
}

/// A prompter that replies from a script and records what it was asked and
/// what each review showed; a review with nothing scripted for it confirms.
struct Scripted {
    replies: VecDeque<Reply>,
    asked: Vec<Asked>,
    /// What to do at each review in turn; `None` interrupts.
    revisions: VecDeque<Option<Revision>>,
    /// Each review shown: (question id, number, answer in words) per row.
    reviewed: Vec<Vec<(String, usize, String)>>,
}

impl Scripted {
    fn new(replies: impl IntoIterator<Item = Reply>) -> Self {
        Scripted {
            replies: replies.into_iter().collect(),
            asked: Vec::new(),
            revisions: VecDeque::new(),
            reviewed: Vec::new(),
        }
    }

    /// What to do at each review, in turn.
    fn reviewing(mut self, revisions: impl IntoIterator<Item = Revision>) -> Self {
        self.revisions = revisions.into_iter().map(Some).collect();
        self
    }

    fn asked_ids(&self) -> Vec<&str> {
        self.asked.iter().map(|a| a.id.as_str()).collect()
    }
}

impl Prompter for Scripted {
    fn ask(&mut self, ask: &Ask<'_>) -> anyhow::Result<Step> {
        self.asked.push(Asked {
            id: ask.question.id.to_string(),
            number: ask.number,
            total: ask.total,
            previous: ask.previous.clone(),
            can_go_back: ask.can_go_back,
            revising: ask.revising,
        });
        match self.replies.pop_front() {
            Some(Reply::Step(step)) => Ok(step),
            Some(Reply::Interrupt) => Err(Interrupted.into()),
            None => panic!(
                "asked `{}` after the script ran out; asked so far: {:?}",
                ask.question.id,
                self.asked_ids()
            ),
        }
    }

    fn review(&mut self, review: &Review<'_>) -> anyhow::Result<Revision> {
        self.reviewed.push(
            review
                .rows
                .iter()
                .map(|row| (row.question.id.to_string(), row.number, row.answer_words()))
                .collect(),
        );
        match self.revisions.pop_front() {
            None => Ok(Revision::Confirm),
            Some(Some(revision)) => Ok(revision),
            Some(None) => Err(Interrupted.into()),
        }
    }
}

fn kb() -> Library {
    Library::embedded()
}

fn pick(value: &str) -> Reply {
    Reply::Step(Step::Answer(vec![value.to_owned()]))
}

fn pick_many(values: &[&str]) -> Reply {
    Reply::Step(Step::Answer(
        values.iter().map(|v| (*v).to_owned()).collect(),
    ))
}

fn skip() -> Reply {
    Reply::Step(Step::Skip)
}

fn back() -> Reply {
    Reply::Step(Step::Back)
}

fn one(value: &str) -> Answer {
    Answer::One(value.to_owned())
}

/// Runs the interview over the embedded questionnaire from `answers`.
fn run(answers: &mut Answers, script: &mut Scripted) -> anyhow::Result<bool> {
    let kb = kb();
    interview(&kb.questionnaire().questions, answers, script)
}

/// A reply for every question of the embedded questionnaire, in order.
fn full_script() -> Vec<Reply> {
    vec![
        pick("product"),
        pick("external"),
        pick("top-line"),
        pick("engineering"),
        pick_many(&["innovation", "tech-stack"]),
        pick("startup"),
        pick("yes"),
        pick("part-time"),
    ]
}

#[test]
fn every_question_is_asked_once_in_questionnaire_order() {
    let kb = kb();
    let mut script = Scripted::new(full_script());
    let mut answers = Answers::default();
    interview(&kb.questionnaire().questions, &mut answers, &mut script).expect("completes");
    let order: Vec<&str> = kb
        .questionnaire()
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(script.asked_ids(), order);
}

#[test]
fn answers_are_recorded_for_each_question() {
    let mut script = Scripted::new(full_script());
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    assert_eq!(answers.get("aim"), Some(&one("product")));
    assert_eq!(answers.get("audience"), Some(&one("external")));
    assert_eq!(answers.get("finance"), Some(&one("top-line")));
    assert_eq!(answers.get("team"), Some(&one("engineering")));
    assert_eq!(
        answers.get("needs"),
        Some(&Answer::Many(vec![
            "innovation".into(),
            "tech-stack".into()
        ]))
    );
    assert_eq!(answers.get("size"), Some(&one("startup")));
    assert_eq!(answers.get("tech-company"), Some(&one("yes")));
    assert_eq!(answers.get("budget"), Some(&one("part-time")));
}

#[test]
fn interview_answers_and_their_replayed_flags_give_the_same_advice() {
    let kb = kb();
    let mut script = Scripted::new(full_script());
    let mut answers = Answers::default();
    interview(&kb.questionnaire().questions, &mut answers, &mut script).expect("completes");
    let flags: Vec<String> = answers
        .0
        .iter()
        .map(|(id, answer)| format!("{id}={}", answer.values().join(",")))
        .collect();
    let mut replayed = Answers::default();
    replayed
        .apply_flags(&flags, kb.questionnaire())
        .expect("the replay is valid");
    assert_eq!(replayed, answers);
    let (now, then) = (advise(&kb, &answers), advise(&kb, &replayed));
    assert_eq!(now.hires, then.hires);
}

#[test]
fn a_single_choice_answer_is_one_value_and_a_multiple_choice_answer_a_list() {
    let mut script = Scripted::new([
        pick("process"),
        skip(),
        skip(),
        skip(),
        pick_many(&["infrastructure"]),
        skip(),
        skip(),
        skip(),
    ]);
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    assert_eq!(answers.get("aim"), Some(&one("process")));
    assert_eq!(
        answers.get("needs"),
        Some(&Answer::Many(vec!["infrastructure".into()]))
    );
}

#[test]
fn skip_leaves_the_question_unanswered() {
    let mut replies = full_script();
    replies[1] = skip(); // audience
    replies[4] = skip(); // needs
    let mut script = Scripted::new(replies);
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    assert_eq!(answers.get("audience"), None);
    assert_eq!(answers.get("needs"), None);
    assert_eq!(answers.get("aim"), Some(&one("product")));
    assert_eq!(answers.get("finance"), Some(&one("top-line")));
    assert_eq!(answers.0.len(), 6);
}

#[test]
fn an_empty_answer_counts_as_a_skip() {
    let mut replies = full_script();
    replies[4] = Reply::Step(Step::Answer(Vec::new())); // needs: nothing picked
    let mut script = Scripted::new(replies);
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    assert_eq!(answers.get("needs"), None);
    assert_eq!(script.asked.len(), 8, "moves on to the next question");
}

#[test]
fn back_returns_to_the_previous_question_showing_its_answer() {
    let mut replies = vec![pick("process"), back(), pick("product")];
    replies.extend(full_script().into_iter().skip(1));
    let mut script = Scripted::new(replies);
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    assert_eq!(
        &script.asked_ids()[..4],
        ["aim", "audience", "aim", "audience"]
    );
    assert_eq!(script.asked[0].previous, Vec::<String>::new());
    assert_eq!(script.asked[2].previous, ["process"]);
    assert_eq!(
        answers.get("aim"),
        Some(&one("product")),
        "the new answer wins"
    );
}

#[test]
fn back_shows_every_value_of_a_multiple_choice_answer() {
    let mut script = Scripted::new([
        skip(),
        skip(),
        skip(),
        skip(),
        pick_many(&["infrastructure", "innovation"]),
        back(),
        pick_many(&["innovation"]),
        skip(),
        skip(),
        skip(),
    ]);
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    let needs_again = script
        .asked
        .iter()
        .filter(|a| a.id == "needs")
        .nth(1)
        .expect("needs asked twice");
    assert_eq!(needs_again.previous, ["infrastructure", "innovation"]);
    assert_eq!(
        answers.get("needs"),
        Some(&Answer::Many(vec!["innovation".into()]))
    );
}

#[test]
fn back_then_skip_clears_the_earlier_answer() {
    let mut replies = vec![pick("process"), back(), skip()];
    replies.extend(full_script().into_iter().skip(1));
    let mut script = Scripted::new(replies);
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    assert_eq!(answers.get("aim"), None);
}

#[test]
fn back_twice_walks_back_two_questions() {
    let mut replies = vec![pick("process"), pick("internal"), back(), back()];
    replies.extend(full_script());
    let mut script = Scripted::new(replies);
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    assert_eq!(
        &script.asked_ids()[..5],
        ["aim", "audience", "finance", "audience", "aim"]
    );
    assert_eq!(script.asked[3].previous, ["internal"]);
    assert_eq!(script.asked[4].previous, ["process"]);
}

#[test]
fn the_first_question_cannot_go_back() {
    let mut replies = vec![back()];
    replies.extend(full_script());
    let mut script = Scripted::new(replies);
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    assert!(!script.asked[0].can_go_back);
    assert_eq!(&script.asked_ids()[..2], ["aim", "aim"], "back stays put");
    assert!(script.asked[2..].iter().all(|a| a.can_go_back));
}

#[test]
fn prefilled_answers_are_not_asked_and_are_kept() {
    let mut answers = Answers::default();
    answers.set("aim", Some(one("process")));
    answers.set("size", Some(one("mid")));
    let mut script = Scripted::new([
        pick("internal"),
        skip(),
        skip(),
        skip(),
        pick("no"),
        pick("full-time"),
    ]);
    run(&mut answers, &mut script).expect("completes");
    assert_eq!(
        script.asked_ids(),
        [
            "audience",
            "finance",
            "team",
            "needs",
            "tech-company",
            "budget"
        ]
    );
    assert_eq!(answers.get("aim"), Some(&one("process")));
    assert_eq!(answers.get("size"), Some(&one("mid")));
    assert_eq!(answers.get("audience"), Some(&one("internal")));
}

#[test]
fn back_skips_over_prefilled_questions() {
    let mut answers = Answers::default();
    answers.set("audience", Some(one("internal")));
    let mut script = Scripted::new([
        pick("process"),
        back(), // at finance: back to aim, not to the pre-filled audience
        pick("process"),
        skip(),
        skip(),
        skip(),
        skip(),
        skip(),
        skip(),
    ]);
    run(&mut answers, &mut script).expect("completes");
    assert_eq!(
        &script.asked_ids()[..4],
        ["aim", "finance", "aim", "finance"]
    );
    assert!(
        !script.asked[0].can_go_back,
        "nothing asked before the first question"
    );
}

#[test]
fn a_fully_prefilled_questionnaire_asks_nothing() {
    let kb = kb();
    let mut answers = Answers::default();
    for question in &kb.questionnaire().questions {
        let value = question.choices[0].value.clone();
        let answer = if question.multiple {
            Answer::Many(vec![value.to_string()])
        } else {
            Answer::One(value.to_string())
        };
        answers.set(&question.id, Some(answer));
    }
    let before = answers.clone();
    let mut script = Scripted::new([]);
    let asked =
        interview(&kb.questionnaire().questions, &mut answers, &mut script).expect("completes");
    assert!(!asked, "reports that nothing was asked");
    assert!(script.asked.is_empty());
    assert!(
        script.reviewed.is_empty(),
        "no review when nothing was asked"
    );
    assert_eq!(answers, before);
}

#[test]
fn progress_counts_each_question_of_the_whole_questionnaire() {
    let mut script = Scripted::new(full_script());
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    let progress: Vec<(usize, usize)> = script.asked.iter().map(|a| (a.number, a.total)).collect();
    assert_eq!(progress, (1..=8).map(|n| (n, 8)).collect::<Vec<_>>());
}

#[test]
fn progress_numbers_keep_their_place_when_questions_are_prefilled() {
    let mut answers = Answers::default();
    answers.set("aim", Some(one("process")));
    answers.set("audience", Some(one("internal")));
    answers.set("needs", Some(Answer::Many(vec!["innovation".into()])));
    let mut script = Scripted::new([skip(), skip(), skip(), skip(), skip()]);
    run(&mut answers, &mut script).expect("completes");
    let progress: Vec<(&str, usize, usize)> = script
        .asked
        .iter()
        .map(|a| (a.id.as_str(), a.number, a.total))
        .collect();
    assert_eq!(
        progress,
        [
            ("finance", 3, 8),
            ("team", 4, 8),
            ("size", 6, 8),
            ("tech-company", 7, 8),
            ("budget", 8, 8),
        ]
    );
}

#[test]
fn an_interruption_ends_the_interview_with_the_interrupted_error() {
    let mut script = Scripted::new([pick("process"), pick("internal"), Reply::Interrupt]);
    let mut answers = Answers::default();
    let error = run(&mut answers, &mut script).expect_err("interrupted");
    assert!(error.is::<Interrupted>(), "{error:#}");
    assert_eq!(exit_code(&error), Some(EXIT_INTERRUPTED));
    assert_eq!(EXIT_INTERRUPTED, 130);
    assert_eq!(
        script.asked.len(),
        3,
        "nothing asked after the interruption"
    );
}

#[test]
fn any_other_prompter_error_propagates_unchanged() {
    struct Broken;
    impl Prompter for Broken {
        fn ask(&mut self, _: &Ask<'_>) -> anyhow::Result<Step> {
            Err(std::io::Error::other("terminal went away").into())
        }
    }
    let kb = kb();
    let mut answers = Answers::default();
    let error = interview(&kb.questionnaire().questions, &mut answers, &mut Broken)
        .expect_err("the error comes back");
    assert!(
        error.to_string().contains("terminal went away"),
        "{error:#}"
    );
    assert_eq!(exit_code(&error), Some(1));
}

// --- the review --------------------------------------------------------------------

/// The review rows as (id, answer in words).
fn rows(review: &[(String, usize, String)]) -> Vec<(&str, &str)> {
    review
        .iter()
        .map(|(id, _, words)| (id.as_str(), words.as_str()))
        .collect()
}

/// The label of choice `value` of question `id` in the embedded questionnaire,
/// so these tests follow the data's wording.
fn label(id: &str, value: &str) -> String {
    let kb = kb();
    let question = kb
        .questionnaire()
        .questions
        .iter()
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("no question `{id}`"));
    question
        .choices
        .iter()
        .find(|c| c.value == value)
        .map(|c| c.label.to_string())
        .unwrap_or_else(|| panic!("no choice `{value}` for `{id}`"))
}

#[test]
fn the_review_lists_every_question_with_its_answer_in_words() {
    let mut replies = full_script();
    replies[1] = skip(); // audience
    let mut script = Scripted::new(replies);
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    assert_eq!(script.reviewed.len(), 1, "one review, then confirmed");
    let needs = format!(
        "{}, {}",
        label("needs", "innovation"),
        label("needs", "tech-stack")
    );
    let expected = [
        ("aim", label("aim", "product")),
        ("audience", "no preference".to_owned()),
        ("finance", label("finance", "top-line")),
        ("team", label("team", "engineering")),
        ("needs", needs),
        ("size", label("size", "startup")),
        ("tech-company", label("tech-company", "yes")),
        ("budget", label("budget", "part-time")),
    ];
    let expected: Vec<(&str, &str)> = expected.iter().map(|(id, w)| (*id, w.as_str())).collect();
    assert_eq!(rows(&script.reviewed[0]), expected);
    let numbers: Vec<usize> = script.reviewed[0].iter().map(|(_, n, _)| *n).collect();
    assert_eq!(numbers, (1..=8).collect::<Vec<_>>());
}

#[test]
fn the_review_shows_prefilled_answers_too() {
    let mut answers = Answers::default();
    answers.set("aim", Some(one("process")));
    let mut script = Scripted::new([skip(), skip(), skip(), skip(), skip(), skip(), skip()]);
    run(&mut answers, &mut script).expect("completes");
    let review = rows(&script.reviewed[0]);
    assert_eq!(review[0], ("aim", label("aim", "process").as_str()));
    assert!(
        review[1..]
            .iter()
            .all(|(_, words)| *words == "no preference")
    );
}

#[test]
fn changing_an_answer_at_the_review_asks_that_question_again() {
    let mut replies = full_script();
    replies.push(pick("process")); // aim, asked again from the review
    let mut script = Scripted::new(replies).reviewing([Revision::Change(0), Revision::Confirm]);
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    let again = script.asked.last().expect("asked again");
    assert_eq!(again.id, "aim");
    assert_eq!((again.number, again.total), (1, 8));
    assert_eq!(again.previous, ["product"], "shows the answer to change");
    assert!(
        again.revising && again.can_go_back,
        "back returns to the review"
    );
    assert_eq!(answers.get("aim"), Some(&one("process")));
    assert_eq!(script.reviewed.len(), 2, "the review is shown again");
    assert_eq!(
        rows(&script.reviewed[1])[0],
        ("aim", label("aim", "process").as_str())
    );
}

#[test]
fn the_questions_before_the_review_are_not_revising() {
    let mut script = Scripted::new(full_script());
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    assert!(script.asked.iter().all(|a| !a.revising));
}

#[test]
fn any_answer_can_be_changed_and_several_in_turn() {
    let mut replies = full_script();
    replies.push(pick_many(&["infrastructure"])); // needs
    replies.push(pick("mid")); // size
    let mut script = Scripted::new(replies).reviewing([
        Revision::Change(4),
        Revision::Change(5),
        Revision::Confirm,
    ]);
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    assert_eq!(
        answers.get("needs"),
        Some(&Answer::Many(vec!["infrastructure".into()]))
    );
    assert_eq!(answers.get("size"), Some(&one("mid")));
    assert_eq!(
        answers.get("aim"),
        Some(&one("product")),
        "the rest is kept"
    );
    assert_eq!(script.reviewed.len(), 3);
}

#[test]
fn skipping_a_question_asked_from_the_review_clears_its_answer() {
    let mut replies = full_script();
    replies.push(skip());
    let mut script = Scripted::new(replies).reviewing([Revision::Change(0)]);
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    assert_eq!(answers.get("aim"), None);
    assert_eq!(rows(&script.reviewed[1])[0], ("aim", "no preference"));
}

#[test]
fn back_from_a_question_asked_from_the_review_keeps_its_answer() {
    let mut replies = full_script();
    replies.push(back());
    let mut script = Scripted::new(replies).reviewing([Revision::Change(2)]);
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    assert_eq!(answers.get("finance"), Some(&one("top-line")));
    assert_eq!(script.reviewed.len(), 2, "back to the review");
}

#[test]
fn a_prefilled_answer_can_be_changed_at_the_review() {
    let mut answers = Answers::default();
    answers.set("aim", Some(one("process")));
    let mut replies: Vec<Reply> = (0..7).map(|_| skip()).collect();
    replies.push(pick("both"));
    let mut script = Scripted::new(replies).reviewing([Revision::Change(0)]);
    run(&mut answers, &mut script).expect("completes");
    assert_eq!(answers.get("aim"), Some(&one("both")));
}

#[test]
fn a_review_row_that_does_not_exist_changes_nothing() {
    let mut script = Scripted::new(full_script()).reviewing([Revision::Change(99)]);
    let mut answers = Answers::default();
    run(&mut answers, &mut script).expect("completes");
    assert_eq!(script.asked.len(), 8, "nothing asked again");
    assert_eq!(script.reviewed.len(), 2);
    assert_eq!(script.reviewed[0], script.reviewed[1]);
}

#[test]
fn an_interruption_at_the_review_ends_the_interview() {
    let mut script = Scripted::new(full_script());
    script.revisions.push_back(None);
    let mut answers = Answers::default();
    let error = run(&mut answers, &mut script).expect_err("interrupted");
    assert_eq!(exit_code(&error), Some(EXIT_INTERRUPTED));
}

#[test]
fn a_prompter_without_a_review_screen_confirms_at_once() {
    /// Answers every question with no preference and has no review of its own.
    struct Skipper(usize);
    impl Prompter for Skipper {
        fn ask(&mut self, _: &Ask<'_>) -> anyhow::Result<Step> {
            self.0 += 1;
            Ok(Step::Skip)
        }
    }
    let kb = kb();
    let mut answers = Answers::default();
    let mut prompter = Skipper(0);
    let asked =
        interview(&kb.questionnaire().questions, &mut answers, &mut prompter).expect("completes");
    assert!(asked);
    assert_eq!(prompter.0, 8, "each question once, then done");
    assert!(answers.is_empty());
}

#[test]
fn an_answer_in_words_uses_labels_and_keeps_a_typed_number_as_typed() {
    let kb = kb();
    let questions = &kb.questionnaire().questions;
    let size = questions.iter().find(|q| q.id == "size").expect("size");
    let needs = questions.iter().find(|q| q.id == "needs").expect("needs");
    assert_eq!(answer_words(size, None), "no preference");
    assert_eq!(
        answer_words(size, Some(&one("startup"))),
        label("size", "startup")
    );
    assert_eq!(answer_words(size, Some(&one("120"))), "120");
    assert_eq!(
        answer_words(
            needs,
            Some(&Answer::Many(vec![
                "innovation".into(),
                "tech-stack".into()
            ]))
        ),
        format!(
            "{}, {}",
            label("needs", "innovation"),
            label("needs", "tech-stack")
        )
    );
}
