//! The equivalent command line, shell quoting, and the early check of a
//! `--save` path.

use std::path::Path;

use super::{Answer, Answers, Intake, check_save_path, command_line, shell_word};
use crate::library::Library;

fn intake<'a>(command: &'a str, kb: Option<&'a Path>) -> Intake<'a> {
    Intake {
        command,
        file: None,
        flags: &[],
        no_input: true,
        save: None,
        force: false,
        kb,
        color: false,
    }
}

fn one(value: &str) -> Answer {
    Answer::One(value.to_owned())
}

#[test]
fn the_command_line_gives_every_answer_in_questionnaire_order() {
    let kb = Library::embedded();
    let questions = &kb.questionnaire().questions;
    let mut answers = Answers::default();
    for question in questions {
        let value = question.choices[0].value.to_string();
        let answer = if question.multiple {
            Answer::Many(vec![value])
        } else {
            Answer::One(value)
        };
        answers.set(&question.id, Some(answer));
    }
    answers.set(
        "needs",
        Some(Answer::Many(vec!["innovation".into(), "tech-stack".into()])),
    );
    let line = command_line(&intake("advise", None), questions, &answers);
    let expected: Vec<String> = questions
        .iter()
        .map(|q| {
            let values = answers.get(&q.id).expect("answered").values().join(",");
            format!("--answer {}={values}", q.id)
        })
        .collect();
    assert_eq!(line, format!("roles advise {}", expected.join(" ")));
    assert!(
        line.contains("--answer needs=innovation,tech-stack"),
        "{line}"
    );
    assert!(
        !line.contains("--no-input"),
        "nothing is left to ask: {line}"
    );
}

#[test]
fn the_command_line_names_the_knowledge_base_quoted_for_the_shell() {
    let kb = Library::embedded();
    let mut answers = Answers::default();
    answers.set("aim", Some(one("product")));
    let file = Path::new("my kb's.yaml");
    assert_eq!(
        command_line(
            &intake("advise", Some(file)),
            &kb.questionnaire().questions,
            &answers
        ),
        r"roles advise --kb 'my kb'\''s.yaml' --answer aim=product --no-input"
    );
}

#[test]
fn the_command_line_adds_no_input_when_a_question_has_no_answer() {
    let kb = Library::embedded();
    let mut answers = Answers::default();
    answers.set("aim", Some(one("product")));
    assert_eq!(
        command_line(
            &intake("advise", None),
            &kb.questionnaire().questions,
            &answers
        ),
        "roles advise --answer aim=product --no-input"
    );
    assert_eq!(
        command_line(
            &intake("career", None),
            &kb.questionnaire().questions,
            &Answers::default()
        ),
        "roles career --no-input"
    );
}

#[test]
fn the_command_line_quotes_what_a_shell_would_read_otherwise() {
    let kb = Library::embedded();
    let mut questions = kb.questionnaire().questions.clone();
    questions.truncate(1);
    let mut answers = Answers::default();
    answers.set("aim", Some(one("it's ours & $HOME")));
    assert_eq!(
        command_line(&intake("advise", None), &questions, &answers),
        r"roles advise --answer 'aim=it'\''s ours & $HOME'"
    );
}

#[test]
fn plain_words_stay_bare_and_others_are_single_quoted() {
    assert_eq!(shell_word("aim=product"), "aim=product");
    assert_eq!(shell_word("needs=a,b"), "needs=a,b");
    assert_eq!(shell_word("./my answers.yaml"), "'./my answers.yaml'");
    assert_eq!(shell_word(""), "''");
    assert_eq!(shell_word("a'b"), r"'a'\''b'");
    assert_eq!(shell_word("~/x"), "'~/x'");
    assert_eq!(shell_word("*"), "'*'");
}

/// The message of a refused path.
fn refusal(path: &Path, force: bool) -> String {
    check_save_path(path, force)
        .expect_err("refused")
        .to_string()
}

#[test]
fn a_new_file_in_a_writable_directory_can_be_saved_to_and_nothing_is_left_behind() {
    let dir = tempfile::tempdir().expect("temp dir");
    check_save_path(&dir.path().join("answers.yaml"), false).expect("accepted");
    assert_eq!(std::fs::read_dir(dir.path()).expect("listed").count(), 0);
}

#[test]
fn a_missing_directory_is_refused_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("missing/answers.yaml");
    let message = refusal(&path, false);
    assert!(
        message.starts_with(&format!("cannot save answers to `{}`", path.display())),
        "{message}"
    );
    assert!(message.contains("there is no directory"), "{message}");
}

#[test]
fn a_directory_is_refused_even_with_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let message = refusal(dir.path(), true);
    assert!(message.contains("it is a directory"), "{message}");
}

#[test]
fn a_symbolic_link_is_refused_even_with_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("target.yaml");
    std::fs::write(&target, "aim: process\n").expect("written");
    let link = dir.path().join("link.yaml");
    std::os::unix::fs::symlink(&target, &link).expect("linked");
    let message = refusal(&link, true);
    assert!(message.contains("it is a symbolic link"), "{message}");
    let dangling = dir.path().join("dangling.yaml");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).expect("linked");
    assert!(refusal(&dangling, true).contains("symbolic link"));
}

#[test]
fn a_device_is_refused_even_with_force() {
    let message = refusal(Path::new("/dev/null"), true);
    assert!(message.contains("it is a device"), "{message}");
}

#[test]
fn an_existing_file_needs_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("answers.yaml");
    std::fs::write(&path, "aim: process\n").expect("written");
    assert!(refusal(&path, false).contains("--force"));
    check_save_path(&path, true).expect("replaced with force");
}

#[test]
fn a_directory_that_cannot_be_written_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).expect("made");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).expect("locked");
    // Root writes anywhere; then there is nothing to refuse.
    let writable = std::fs::write(locked.join("probe"), "").is_ok();
    let outcome = check_save_path(&locked.join("answers.yaml"), false);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("unlocked");
    if writable {
        return;
    }
    let message = outcome.expect_err("refused").to_string();
    assert!(message.contains("cannot write in"), "{message}");
}
