//! The screens driven key by key against the embedded questionnaire (two-digit
//! numbers in the twelve-choice `needs`, number questions, the review, the
//! file name), and the lines they show at a width and a height.

use std::collections::HashMap;

use super::*;
use crate::kb::Question;
use crate::library::Library;
use crate::questionnaire::{Answer, Answers};

fn questions() -> Vec<Question> {
    Library::embedded().kb.questionnaire.questions
}

/// Question `id` changed by `edit`, asked first of eight with the answer
/// `previous`; `first:id` cannot go back, `revise:id` is asked from the review.
fn asked(id: &str, previous: &[&str], edit: impl Fn(&mut Question)) -> Screen {
    let (how, id) = id.split_once(':').unwrap_or(("", id));
    let mut question = (questions().into_iter().find(|q| q.id == id)).expect("a question");
    edit(&mut question);
    let previous = Answer::Many(previous.iter().map(|v| v.to_string()).collect());
    Screen::ask(&Ask {
        question: &question,
        number: 1,
        total: 8,
        previous: Some(&previous),
        can_go_back: how != "first",
        revising: how == "revise",
    })
}

fn plain(id: &str) -> Screen {
    asked(id, &[], |_| {})
}

/// The years question of the career questionnaire: a number, no choices.
fn years(previous: &[&str]) -> Screen {
    asked("size", previous, |q| {
        (q.number, q.choices) = (true, Vec::new())
    })
}

/// The review of the questionnaire repeated to `count` rows, the first answered.
fn review(count: usize) -> Screen {
    let questions: Vec<Question> = questions().into_iter().cycle().take(count).collect();
    let mut answers = Answers::default();
    let first = &questions[0];
    answers.set(&first.id, Some(Answer::One(first.choices[1].value.clone())));
    Screen::review(&questions, &answers)
}

/// Plays `script`: a character is typed, `…` is a pause, and `⏎ ⌫ ⎋ ↑ ↓ ← ⌃`
/// are Enter, Backspace, Escape, the arrows and Ctrl-C. The first action that
/// ends the screen, or `Stay`.
fn play(screen: &mut Screen, script: &str) -> Action {
    #[rustfmt::skip]
    let keys = HashMap::from([('⏎', Key::Enter), ('⌫', Key::Backspace), ('⎋', Key::Esc), ('↑', Key::Up),
        ('↓', Key::Down), ('←', Key::Left), ('⌃', Key::CtrlC), ('…', Key::Pause)]);
    let key = |c| keys.get(&c).copied().unwrap_or(Key::Char(c));
    let mut actions = script.chars().map(|c| screen.key(key(c)));
    let ends = |action: &Action| *action != Action::Stay;
    actions.find(ends).unwrap_or(Action::Stay)
}

#[test]
fn keys_pick_toggle_type_skip_go_back_change_confirm_and_quit() {
    let single = || asked("needs", &[], |q| q.multiple = false);
    let size = || asked("size", &[], |q| q.number = true);
    let name = |before: &str| Screen::name("advise", before, None);
    // Chosen entries are indices from 0.
    #[rustfmt::skip]
    let cases = [
        // Up to nine choices: a digit picks at once, arrows move (and wrap).
        (plain("aim"), "2", "Chosen([1])"), (plain("aim"), "049", "Stay"),
        (plain("aim"), "↑⏎", "Chosen([2])"), (plain("aim"), "↓j⏎", "Chosen([2])"),
        (plain("aim"), "s", "Skip"), (plain("aim"), "b", "Back"), (plain("aim"), "←", "Back"),
        (plain("aim"), "⎋", "Back"), (plain("aim"), "⌫", "Back"), (plain("first:aim"), "b←⎋⌫", "Stay"),
        (plain("aim"), "q", "Quit"), (plain("aim"), "⌃", "Quit"),
        (asked("aim", &["product"], |_| {}), "⏎", "Chosen([1])"),
        // Ten or more: a number waits for a pause or Enter, which toggles it.
        (plain("needs"), "12…⏎", "Chosen([11])"), (plain("needs"), "12⏎", "Stay"),
        (plain("needs"), "12⏎⏎", "Chosen([11])"), (plain("needs"), "1…1⏎⏎", "Chosen([])"),
        (plain("needs"), "13…⏎", "Chosen([0, 2])"), (plain("needs"), "010…⏎", "Chosen([9])"),
        (plain("needs"), "12⌫…11⎋⏎", "Chosen([0])"), (plain("needs"), "1 ⏎", "Chosen([0])"),
        (single(), "12⏎", "Chosen([11])"), (single(), "1…", "Chosen([0])"), (single(), "13", "Chosen([0])"),
        // A number question: digits and Enter, kept as typed.
        (years(&[]), "⏎0120⌫⏎", "Typed(\"012\")"), (years(&[]), "5xk⏎", "Typed(\"5\")"),
        (years(&["12"]), "⏎", "Typed(\"12\")"), (years(&[]), "s", "Skip"),
        (years(&[]), "b", "Back"), (years(&[]), "q", "Quit"), (size(), "↓⏎", "Chosen([1])"),
        (size(), "2⏎", "Typed(\"2\")"), (size(), "2↓⏎", "Chosen([1])"),
        // The review starts on confirm; a number or the cursor picks a row.
        (review(8), "⏎", "Confirm"), (review(8), "c", "Confirm"), (review(8), "3", "Chosen([2])"),
        (review(8), "↑⏎", "Chosen([7])"), (review(8), "↓⏎", "Chosen([0])"),
        (review(8), "9sb", "Stay"), (review(8), "q", "Quit"),
        (review(12), "1", "Stay"), (review(12), "12…", "Chosen([11])"),
        // A file name takes every letter; nothing typed, Esc or Ctrl-C skips.
        (name(""), "quiet b.yaml⌫⏎", "Typed(\"quiet b.yam\")"),
        (name("  "), "⏎", "Skip"), (name("x"), "⎋", "Skip"), (name("x"), "⌃", "Skip"),
    ];
    for (mut screen, script, action) in cases {
        let played = format!("{:?}", play(&mut screen, script));
        assert_eq!(played, action, "{} {script:?}", screen.title);
    }
}

/// All the lines `screen` shows after `script` at `width`, with room for all.
fn shown(mut screen: Screen, script: &str, width: usize) -> String {
    play(&mut screen, script);
    screen.lines(width, 1000, false).join("\n")
}

#[test]
fn screens_show_their_entries_marks_fields_and_key_help() {
    let size = || asked("size", &[], |q| q.number = true);
    let problem = Some("cannot save answers to `x/y`: there is no directory `x`".to_owned());
    let aim = "[1 of 8] Do you mainly want to improve or digitise your business processes, or the \
               products you sell?\n  The first of the two guiding questions";
    #[rustfmt::skip]
    let cases = [
        (plain("aim"), "", 200, vec![aim, "\n❯ 1. Business processes\n  2. The products we sell\n",
            "\n↑↓ move · 1-3 or enter: pick · s: skip · b: back · q: quit"]),
        (plain("first:aim"), "", 200, vec!["· s: skip · q: quit"]),
        (plain("revise:aim"), "", 200, vec!["b: back to the review"]),
        (plain("needs"), "12…", 200, vec!["\n  [ ] 1. IT infrastructure", "\n❯ [x] 12. Customer experience"]),
        (plain("needs"), "", 1000, vec!["\n↑↓ move · space: toggle · 1-12: toggle that one (a number is \
            taken at enter or after a pause, so 1 then 2 is 12) · enter: done · s: skip"]),
        (plain("needs"), "1", 1000, vec!["\ntyped 1: enter or a pause toggles 1; another digit makes 10-12\n"]),
        (plain("needs"), "12", 1000, vec!["\ntyped 12: enter or a pause toggles 12\n"]),
        (asked("needs", &[], |q| q.multiple = false), "", 1000, vec!["\n↑↓ move · enter: pick · 1-12: pick that one (a"]),
        (plain("needs"), "", 30, vec!["\n  [ ] 6. Internal systems and\n         enterprise software\n"]),
        // A number question's choices carry no numbers: digits are the answer.
        (size(), "", 200, vec!["\n❯ • Under 50 (startup)\n  • 50 to 249\n", "\n  Type a number: _\n"]),
        (years(&[]), "", 200, vec!["\n❯ Type a number: _\ntype a number, then enter · s: skip"]),
        (years(&["12"]), "", 200, vec!["\n❯ Type a number: 12_\nenter: answer 12 · backspace: delete a digit"]),
        (review(8), "", 200, vec!["Review your answers\n  Change any that is not right, then confirm \
            to see the result.\n  1. Do you mainly want", "products you sell?\n     The products we sell\n  2. ",
            "\n     no preference\n  3. ", "\n❯ These are right: show the result\n", "· 1-8: change that answer ·"]),
        (Screen::name("advise", "x/y", problem), "", 200, vec!["there is no directory `x`\n",
            "roles advise --answers FILE", "\nFile (enter to skip): x/y_\n"]),
    ];
    for (screen, script, width, expected) in cases {
        let title = screen.title.clone();
        let lines = shown(screen, script, width);
        let absent = |part: &&&str| !lines.contains(**part);
        let missing: Vec<_> = expected.iter().filter(absent).collect();
        assert!(missing.is_empty(), "{title}: {missing:?}\n{lines}");
    }
}

#[test]
fn every_line_of_every_question_fits_narrow_widths_and_breaks_between_words() {
    for question in questions() {
        for width in [30, 45, 79] {
            let lines = shown(asked(&question.id, &[], |_| {}), "", width);
            let fits = lines.lines().all(|line| wrap::width(line) <= width);
            assert!(fits, "{lines}");
            for word in question.text.split(' ') {
                assert!(lines.contains(word), "`{word}` was cut at {width}");
            }
        }
    }
}

#[test]
fn a_screen_taller_than_the_terminal_shows_the_part_around_the_cursor() {
    let fitted = |entries: usize, current: usize, height: usize| {
        let body = (1..=entries).map(|n| vec![format!("{n}")]).collect();
        let (head, foot) = (vec!["head".into()], vec!["foot".into()]);
        fit(head, body, current, foot, height, false).join(", ")
    };
    #[rustfmt::skip]
    let cases = [
        (3, 0, 5, "head, 1, 2, 3, foot"), (20, 10, 8, "head,   ↑ 9 more, 10, 11, 12, 13,   ↓ 7 more, foot"),
        (20, 0, 8, "head, 1, 2, 3, 4,   ↓ 16 more, foot"), (20, 19, 8, "head,   ↑ 16 more, 17, 18, 19, 20, foot"),
        (12, 5, 2, "  ↓ 6 more, foot"),
    ];
    for (entries, current, height, lines) in cases {
        assert_eq!(fitted(entries, current, height), lines);
    }
    for (height, current) in (1..12).flat_map(|h| [(h, 0), (h, 5), (h, 11)]) {
        assert!(fitted(12, current, height).split(", ").count() <= height);
    }
    // What is drawn is erased by as many rows as it takes now.
    let rows = super::super::terminal::rows;
    assert_eq!(rows(&[0, 1, 79, 80], 80), 4);
    assert_eq!(rows(&[81], 80), 2);
    assert_eq!(rows(&[99, 30], 40), 4);
}
