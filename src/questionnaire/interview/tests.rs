//! The interview driven through the `Prompter` trait with scripted replies
//! against the embedded questionnaire: the order of questions, skip, back,
//! pre-filled answers, progress numbers and interruption.

use std::collections::VecDeque;

use super::{Ask, Prompter, Step, interview};
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
}

/// A prompter that replies from a script and records what it was asked.
struct Scripted {
    replies: VecDeque<Reply>,
    asked: Vec<Asked>,
}

impl Scripted {
    fn new(replies: impl IntoIterator<Item = Reply>) -> Self {
        Scripted {
            replies: replies.into_iter().collect(),
            asked: Vec::new(),
        }
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
fn run(answers: &mut Answers, script: &mut Scripted) -> anyhow::Result<()> {
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
fn interview_answers_give_the_verdict_the_rules_give() {
    let kb = kb();
    let mut script = Scripted::new(full_script());
    let mut answers = Answers::default();
    interview(&kb.questionnaire().questions, &mut answers, &mut script).expect("completes");
    let advice = advise(&kb, &answers);
    // cto 3+2+2+2 + innovation 1 (shared: cio 1 too) + tech-stack 1 = 11, cio 1,
    // both 2 (tech company): gap 10 > 2 → cto; startup fractional 2 + part-time
    // fractional 3 → fractional.
    assert_eq!(advice.recommendation.as_deref(), Some("cto"));
    assert_eq!(advice.engagement.as_deref(), Some("fractional"));
    assert_eq!(advice.scores["cto"], 11);
    assert!(advice.unanswered.is_empty());
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
    interview(&kb.questionnaire().questions, &mut answers, &mut script).expect("completes");
    assert!(script.asked.is_empty());
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
