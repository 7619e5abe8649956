//! Fixture questionnaires for the questionnaire's unit tests, and the tests of
//! the equivalent command line, shell quoting and the early `--save` check.

use std::path::Path;

use super::{Answer, Answers, Intake, check_save_path, command_line, shell_word};
use crate::kb::{Basis, Choice, Fact, Question, Questionnaire};

/// A choice as `(value, weights by role id, points for both)`.
pub type ChoiceSpec<'a> = (&'static str, &'a [(&'static str, i32)], i32);

/// A single-choice question `id` whose labels are its values in capitals.
pub fn question(id: &'static str, choices: &[ChoiceSpec<'_>]) -> Question {
    Question {
        id: String::from(id),
        text: String::from(id),
        hint: String::from("?"),
        multiple: false,
        number: false,
        choices: choices
            .iter()
            .map(|&(value, weights, both)| Choice {
                value: String::from(value),
                label: value.to_uppercase(),
                weights: weights.iter().map(|&(r, w)| (String::from(r), w)).collect(),
                both,
                fractional: 0,
                full_time: 0,
                reason: Fact {
                    text: String::from("because"),
                    sources: vec![String::from("s")],
                    theme: None,
                    roles: Vec::new(),
                },
                basis: Basis::Article,
                aliases: Vec::new(),
                at_least: None,
                seats: None,
                first: None,
                caveat: None,
            })
            .collect(),
    }
}

/// `a` (x, y), `n` (several of p, q) and `s` (x, y), with no weights.
pub fn questionnaire() -> Questionnaire {
    let mut n = question("n", &[("p", &[], 0), ("q", &[], 0)]);
    n.multiple = true;
    Questionnaire {
        questions: vec![
            question("a", &[("x", &[], 0), ("y", &[], 0)]),
            n,
            question("s", &[("x", &[], 0), ("y", &[], 0)]),
        ],
    }
}

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

#[test]
fn the_command_line_gives_the_answers_in_questionnaire_order_quoted_for_the_shell() {
    let questions = questionnaire().questions;
    let with = |pairs: &[(&str, Answer)]| {
        let mut answers = Answers::default();
        for (id, answer) in pairs {
            answers.set(id, Some(answer.clone()));
        }
        answers
    };
    let one = |v: &str| Answer::One(v.to_owned());
    let all = with(&[
        ("s", one("y")),
        ("n", Answer::Many(vec!["p".into(), "q".into()])),
        ("a", one("x")),
    ]);
    let kb = Path::new("my kb's.yaml");
    let cases = [
        (
            intake("advise", None),
            all,
            "roles advise --answer a=x --answer n=p,q --answer s=y",
        ),
        (
            intake("advise", Some(kb)),
            with(&[("a", one("x"))]),
            r"roles advise --kb 'my kb'\''s.yaml' --answer a=x --no-input",
        ),
        (
            intake("career", None),
            Answers::default(),
            "roles career --no-input",
        ),
        (
            intake("advise", None),
            with(&[("a", one("it's & $HOME"))]),
            r"roles advise --answer 'a=it'\''s & $HOME' --no-input",
        ),
    ];
    for (intake, answers, expected) in cases {
        assert_eq!(command_line(&intake, &questions, &answers), expected);
    }
    for (word, shown) in [
        ("needs=a,b", "needs=a,b"),
        ("./my answers.yaml", "'./my answers.yaml'"),
        ("", "''"),
        ("a'b", r"'a'\''b'"),
        ("~/x", "'~/x'"),
        ("*", "'*'"),
    ] {
        assert_eq!(shell_word(word), shown);
    }
}

#[test]
fn a_save_path_is_refused_early_saying_what_it_is() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().expect("temp dir");
    let at = |name: &str| dir.path().join(name);
    std::fs::write(at("old.yaml"), "a: x\n").expect("written");
    symlink(at("old.yaml"), at("link.yaml")).expect("linked");
    symlink(at("nowhere"), at("dangling.yaml")).expect("linked");
    std::fs::create_dir(at("locked")).expect("made");
    std::fs::set_permissions(at("locked"), std::fs::Permissions::from_mode(0o555)).expect("locked");
    // Root writes anywhere; then a locked directory is nothing to refuse.
    let root = std::fs::write(at("locked/probe"), "").is_ok();
    let cases = [
        (at("new.yaml"), false, None),
        (at("old.yaml"), true, None),
        (at("old.yaml"), false, Some("--force")),
        (at("missing/a.yaml"), false, Some("there is no directory")),
        (dir.path().to_owned(), true, Some("it is a directory")),
        (at("link.yaml"), true, Some("it is a symbolic link")),
        (at("dangling.yaml"), true, Some("it is a symbolic link")),
        ("/dev/null".into(), true, Some("it is a device")),
        (
            at("locked/a.yaml"),
            false,
            (!root).then_some("cannot write in"),
        ),
    ];
    for (path, force, refused) in cases {
        match (check_save_path(&path, force), refused) {
            (Ok(_), None) => {}
            (Err(error), Some(why)) => {
                let message = error.to_string();
                assert!(message.contains(why), "{path:?}: {message}");
            }
            (outcome, _) => panic!("{path:?}: {outcome:?}"),
        }
    }
    std::fs::set_permissions(at("locked"), std::fs::Permissions::from_mode(0o755))
        .expect("unlocked");
    // The probe of the directory leaves nothing behind.
    assert_eq!(std::fs::read_dir(dir.path()).expect("listed").count(), 4);
}
