//! Fixture questionnaires for the questionnaire's unit tests, and the tests of
//! the equivalent command line, shell quoting and the early `--save` check.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::json;

use super::{Answer, Answers, Intake, check_save_path, command_line, shell_word};
use crate::kb::{Question, Questionnaire};

/// A choice as `(value, weights by role id, points for both)`.
pub type ChoiceSpec<'a> = (&'static str, &'a [(&'static str, i32)], i32);

/// A single-choice question `id` whose labels are its values in capitals.
pub fn question(id: &'static str, choices: &[ChoiceSpec<'_>]) -> Question {
    let choice = |&(value, weights, both): &ChoiceSpec<'_>| {
        let weights: BTreeMap<_, _> = weights.iter().copied().collect();
        let label = value.to_uppercase();
        let reason = json!({"text": "because", "sources": ["s"]});
        json!({"value": value, "label": label, "weights": weights, "both": both, "reason": reason})
    };
    let choices: Vec<_> = choices.iter().map(choice).collect();
    let question = json!({"id": id, "text": id, "hint": "?", "choices": choices});
    serde_json::from_value(question).expect("a question")
}

/// `a` (x, y), `n` (several of p, q) and `s` (x, y), with no weights.
pub fn questionnaire() -> Questionnaire {
    let xy = |id| question(id, &[("x", &[], 0), ("y", &[], 0)]);
    let mut n = question("n", &[("p", &[], 0), ("q", &[], 0)]);
    n.multiple = true;
    Questionnaire {
        questions: vec![xy("a"), n, xy("s")],
    }
}

/// `a=x n=p,q`: answers as the command line would give them (`n` takes several).
pub fn answers(given: &str) -> Answers {
    let mut answers = Answers::default();
    for pair in given.split_whitespace() {
        let (id, values) = pair.split_once('=').expect("ID=VALUE");
        let answer = match id {
            "n" => Answer::Many(values.split(',').map(str::to_owned).collect()),
            _ => Answer::One(values.to_owned()),
        };
        answers.set(id, Some(answer));
    }
    answers
}

#[test]
fn the_command_line_gives_the_answers_in_questionnaire_order_quoted_for_the_shell() {
    let questions = questionnaire().questions;
    let mut odd = Answers::default();
    odd.set("a", Some(Answer::One("it's & $HOME".to_owned())));
    let kb = Path::new("my kb's.yaml");
    #[rustfmt::skip]
    let cases = [
        ("advise", None, answers("s=y n=p,q a=x"), "roles advise --answer a=x --answer n=p,q --answer s=y"),
        ("advise", Some(kb), answers("a=x"), r"roles advise --kb 'my kb'\''s.yaml' --answer a=x --no-input"),
        ("career", None, Answers::default(), "roles career --no-input"),
        ("advise", None, odd, r"roles advise --answer 'a=it'\''s & $HOME' --no-input"),
    ];
    for (command, kb, answers, expected) in cases {
        let mut intake = Intake::default();
        (intake.command, intake.kb) = (command, kb);
        assert_eq!(command_line(&intake, &questions, &answers), expected);
    }
    #[rustfmt::skip]
    let words = [("needs=a,b", "needs=a,b"), ("./my answers.yaml", "'./my answers.yaml'"), ("", "''"),
        ("a'b", r"'a'\''b'"), ("~/x", "'~/x'"), ("*", "'*'")];
    for (word, shown) in words {
        assert_eq!(shell_word(word), shown);
    }
}

/// The kinds of path refused are tested through the CLI (tests/cli/hostile.rs,
/// advise.rs); a directory that cannot be written is refused only as a user
/// other than root.
#[test]
fn a_save_path_in_a_directory_that_cannot_be_written_is_refused_early_leaving_nothing() {
    use std::fs::{Permissions, read_dir, set_permissions};
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).expect("made");
    set_permissions(&locked, Permissions::from_mode(0o555)).expect("locked");
    let root = std::fs::write(locked.join("probe"), "").is_ok();
    match check_save_path(&locked.join("a.yaml"), false) {
        Err(error) => assert!(error.to_string().contains("cannot write in"), "{error}"),
        Ok(_) => assert!(root, "a locked directory was taken"),
    }
    check_save_path(&dir.path().join("new.yaml"), false).expect("a new file");
    set_permissions(&locked, Permissions::from_mode(0o755)).expect("unlocked");
    // The probes of the directories leave nothing behind.
    assert_eq!(read_dir(dir.path()).expect("listed").count(), 1);
    let left = read_dir(&locked).expect("listed").count();
    assert_eq!(left, usize::from(root));
}
