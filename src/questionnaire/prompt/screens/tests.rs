//! The screens driven key by key against the embedded questionnaire: picking
//! by arrow and by number (two-digit numbers in the twelve-choice `needs`),
//! number questions, the review, the file-name line, the key help, and lines
//! that fit the width and the height.

use super::*;
use crate::kb::Question;
use crate::library::Library;
use crate::questionnaire::Answer;
use crate::questionnaire::interview::{Ask, Review, Row};

const LOOK: Look = Look { color: false };

fn question(id: &str) -> Question {
    Library::embedded()
        .questionnaire()
        .questions
        .iter()
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("no question `{id}`"))
        .clone()
}

fn ask(question: &Question) -> Ask<'_> {
    Ask {
        question,
        number: 1,
        total: 8,
        previous: Vec::new(),
        can_go_back: true,
        revising: false,
    }
}

/// Presses `keys` in turn, returning the first action that is not `Stay`.
fn press<S: Screen>(screen: &mut S, keys: &[Key]) -> Action<S::Done> {
    for key in keys {
        let action = screen.key(*key);
        if !matches!(action, Action::Stay) {
            return action;
        }
    }
    Action::Stay
}

fn chars(text: &str) -> Vec<Key> {
    text.chars().map(Key::Char).collect()
}

/// The value of choice `number` (from 1) of `question`.
fn value(question: &Question, number: usize) -> String {
    question.choices[number - 1].value.to_string()
}

/// All the lines a screen shows at `width`, with room for all of them.
fn text(screen: &impl Screen, width: usize) -> String {
    screen.frame(width, &LOOK).fit(1000, &LOOK).join("\n")
}

/// A copy of `needs` taking one answer, for single-choice lists of twelve.
fn single_needs() -> Question {
    let mut needs = question("needs");
    needs.multiple = false;
    needs
}

/// A number question with no choices, as the career questionnaire's `years`.
fn years() -> Question {
    let mut years = question("size");
    years.id = "years".into();
    years.text = "How many years have you worked in technology?".into();
    years.number = true;
    years.choices.clear();
    years
}

// --- picking: keys in, the step out ------------------------------------------------------

/// Plays `script` on a new screen for `ask`: a character is typed, `.` is a
/// pause, and `⏎ ⌫ ⎋ ↑ ↓ ←` are Enter, Backspace, Escape and the arrows. The
/// first step taken in words: `pick 1 3` (choice numbers), `typed 012`,
/// `skip`, `back`, `quit`, or `stay` when none was.
fn play(ask: &Ask<'_>, script: &str) -> String {
    let mut screen = Asking::new(ask);
    let choices = &ask.question.choices;
    for c in script.chars() {
        let key = match c {
            '⏎' => Key::Enter,
            '⌫' => Key::Backspace,
            '⎋' => Key::Esc,
            '↑' => Key::Up,
            '↓' => Key::Down,
            '←' => Key::Left,
            c => Key::Char(c),
        };
        let action = if c == '.' {
            screen.pause()
        } else {
            screen.key(key)
        };
        return match action {
            Action::Stay => continue,
            Action::Quit => "quit".to_owned(),
            Action::Done(Step::Skip) => "skip".to_owned(),
            Action::Done(Step::Back) => "back".to_owned(),
            Action::Done(Step::Answer(values)) => {
                let numbers: Option<Vec<String>> = values
                    .iter()
                    .map(|v| Some((choices.iter().position(|c| c.value == *v)? + 1).to_string()))
                    .collect();
                match numbers {
                    Some(numbers) => format!("pick {}", numbers.join(" ")),
                    None => format!("typed {}", values.join(" ")),
                }
            }
        };
    }
    "stay".to_owned()
}

#[test]
fn keys_pick_by_digit_arrow_and_two_digit_number_skip_go_back_and_quit() {
    let (aim, needs, single, years) = (question("aim"), question("needs"), single_needs(), years());
    let mut size = question("size");
    size.number = true;
    let mut first = ask(&aim);
    first.can_go_back = false;
    for (ask, script, step) in [
        // Up to nine choices: a digit picks at once, arrows move (and wrap).
        (ask(&aim), "2", "pick 2"),
        (ask(&aim), "049", "stay"),
        (ask(&aim), "↑⏎", "pick 3"),
        (ask(&aim), "↓j⏎", "pick 3"),
        (ask(&aim), "s", "skip"),
        (ask(&aim), "b", "back"),
        (ask(&aim), "←", "back"),
        (ask(&aim), "⎋", "back"),
        (ask(&aim), "⌫", "back"),
        (first, "b←⎋⌫", "stay"),
        (ask(&aim), "q", "quit"),
        // Ten or more: a number waits for a pause or Enter, which toggles it.
        (ask(&needs), "12.⏎", "pick 12"),
        (ask(&needs), "12⏎", "stay"),
        (ask(&needs), "12⏎⏎", "pick 12"),
        (ask(&needs), "1.1⏎⏎", "skip"),
        (ask(&needs), "13.⏎", "pick 1 3"),
        (ask(&needs), "010.⏎", "pick 10"),
        (ask(&needs), "12⌫.11⎋⏎", "pick 1"),
        (ask(&needs), "1 ⏎", "pick 1"),
        (ask(&single), "12⏎", "pick 12"),
        (ask(&single), "1.", "pick 1"),
        (ask(&single), "13", "pick 1"),
        // A number question: digits and Enter, kept as typed.
        (ask(&years), "⏎0120⌫⏎", "typed 012"),
        (ask(&years), "5xk⏎", "typed 5"),
        (ask(&years), "s", "skip"),
        (ask(&years), "b", "back"),
        (ask(&years), "q", "quit"),
        (ask(&size), "↓⏎", "pick 2"),
        (ask(&size), "2⏎", "typed 2"),
        (ask(&size), "2↓⏎", "pick 2"),
    ] {
        assert_eq!(play(&ask, script), step, "{} {script:?}", ask.question.id);
    }
}

#[test]
fn a_half_typed_number_waits_for_a_pause() {
    let needs = question("needs");
    let ask = ask(&needs);
    let mut screen = Asking::new(&ask);
    assert!(!screen.waiting());
    assert_eq!(screen.key(Key::Char('1')), Action::Stay);
    assert!(screen.waiting(), "1 could become 10, 11 or 12");
    assert_eq!(screen.pause(), Action::Stay);
    assert!(!screen.waiting());
}

#[test]
fn the_earlier_answer_is_shown_again() {
    let (aim, years) = (question("aim"), years());
    let mut again = ask(&aim);
    again.previous = vec![value(&aim, 2)];
    assert_eq!(play(&again, "⏎"), "pick 2", "under the cursor");
    let mut again = ask(&years);
    again.previous = vec!["12".to_owned()];
    assert!(text(&Asking::new(&again), 80).contains("Type a number: 12_"));
    assert_eq!(play(&again, "⏎"), "typed 12");
    assert!(text(&Asking::new(&ask(&years)), 80).contains("❯ Type a number: _"));
}

#[test]
fn a_number_question_with_choices_shows_them_without_numbers() {
    let mut size = question("size");
    size.number = true;
    let shown = text(&Asking::new(&ask(&size)), 200);
    let (first, second) = (&size.choices[0].label, &size.choices[1].label);
    assert!(
        shown.contains(&format!("❯ • {first}\n  • {second}")),
        "{shown}"
    );
    assert!(shown.contains("  Type a number: _"), "{shown}");
}

// --- what the key help says -------------------------------------------------------------

/// The key help of a screen, on one line.
fn help(screen: &impl Screen) -> String {
    screen.frame(1000, &LOOK).foot.join(" ")
}

#[test]
fn the_key_help_tells_how_to_pick_in_each_kind_of_list() {
    let aim = question("aim");
    let ask_aim = ask(&aim);
    assert_eq!(
        help(&Asking::new(&ask_aim)),
        "↑↓ move · 1-3 or enter: pick · s: skip · b: back · q: quit"
    );
    let needs = question("needs");
    let ask_needs = ask(&needs);
    assert_eq!(
        help(&Asking::new(&ask_needs)),
        "↑↓ move · space: toggle · 1-12: toggle that one (a number is taken at enter or \
         after a pause, so 1 then 2 is 12) · enter: done · s: skip · b: back · q: quit"
    );
    let single = single_needs();
    let ask_single = ask(&single);
    assert!(
        help(&Asking::new(&ask_single))
            .starts_with("↑↓ move · enter: pick · 1-12: pick that one (a number is taken at enter")
    );
    let years = years();
    let ask_years = ask(&years);
    assert_eq!(
        help(&Asking::new(&ask_years)),
        "type a number, then enter · s: skip · b: back · q: quit"
    );
}

#[test]
fn the_key_help_says_what_a_half_typed_number_will_do() {
    let needs = question("needs");
    let ask = ask(&needs);
    let mut screen = Asking::new(&ask);
    screen.key(Key::Char('1'));
    assert!(
        help(&screen)
            .starts_with("typed 1: enter or a pause toggles 1; another digit makes 10-12 "),
        "{}",
        help(&screen)
    );
    screen.key(Key::Char('2'));
    assert!(
        help(&screen).starts_with("typed 12: enter or a pause toggles 12 "),
        "{}",
        help(&screen)
    );
}

#[test]
fn the_key_help_offers_back_only_where_there_is_somewhere_to_go() {
    let aim = question("aim");
    let mut first = ask(&aim);
    first.can_go_back = false;
    assert!(!help(&Asking::new(&first)).contains("b: back"));
    let mut revising = ask(&aim);
    revising.revising = true;
    assert!(help(&Asking::new(&revising)).contains("b: back to the review"));
}

// --- what a question shows ---------------------------------------------------------------

#[test]
fn a_question_shows_its_number_hint_and_numbered_choices() {
    let aim = question("aim");
    let ask = ask(&aim);
    let shown = text(&Asking::new(&ask), 200);
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines[0], format!("[1 of 8] {}", aim.text));
    assert_eq!(lines[1], format!("  {}", aim.hint));
    assert_eq!(lines[2], format!("❯ 1. {}", aim.choices[0].label));
    assert_eq!(lines[3], format!("  2. {}", aim.choices[1].label));
}

#[test]
fn toggled_choices_are_marked() {
    let needs = question("needs");
    let ask = ask(&needs);
    let mut screen = Asking::new(&ask);
    press(&mut screen, &chars("12"));
    screen.pause();
    let shown = text(&screen, 200);
    assert!(
        shown.contains(&format!("❯ [x] 12. {}", needs.choices[11].label)),
        "{shown}"
    );
    assert!(shown.contains(&format!("  [ ] 1. {}", needs.choices[0].label)));
}

#[test]
fn every_line_of_every_question_fits_narrow_widths_and_breaks_between_words() {
    let kb = Library::embedded();
    for question in &kb.questionnaire().questions {
        let ask = ask(question);
        for width in [30, 45, 79] {
            let shown = text(&Asking::new(&ask), width);
            for line in shown.lines() {
                assert!(
                    wrap::width(line) <= width,
                    "`{}` at {width}: {line:?}",
                    question.id
                );
            }
            // Every word of the question is whole on some line.
            for word in question.text.split(' ') {
                assert!(shown.contains(word), "`{word}` was cut at {width}");
            }
        }
    }
}

#[test]
fn a_wrapped_choice_continues_under_its_text() {
    let needs = question("needs");
    let ask = ask(&needs);
    let shown = text(&Asking::new(&ask), 30);
    assert!(
        shown.contains("  [ ] 6. Internal systems and\n         enterprise software"),
        "{shown}"
    );
}

// --- fitting the height -------------------------------------------------------------------

fn frame(entries: usize, current: usize) -> Frame {
    Frame {
        head: vec!["head".to_owned()],
        body: (1..=entries).map(|n| vec![format!("entry {n}")]).collect(),
        current,
        foot: vec!["foot".to_owned()],
    }
}

#[test]
fn a_frame_that_fits_is_drawn_whole() {
    let lines = frame(3, 0).fit(5, &LOOK);
    assert_eq!(lines, ["head", "entry 1", "entry 2", "entry 3", "foot"]);
}

#[test]
fn a_frame_taller_than_the_terminal_shows_the_part_around_the_cursor() {
    let lines = frame(20, 10).fit(8, &LOOK);
    assert_eq!(lines.len(), 8);
    assert_eq!(lines[0], "head");
    assert_eq!(lines[7], "foot");
    assert!(lines.contains(&"entry 11".to_owned()), "{lines:?}");
    assert!(
        lines[1].contains("↑") && lines[1].contains("more"),
        "{lines:?}"
    );
    assert!(
        lines[6].contains("↓") && lines[6].contains("more"),
        "{lines:?}"
    );
    let top = frame(20, 0).fit(8, &LOOK);
    assert_eq!(top[1], "entry 1");
    let bottom = frame(20, 19).fit(8, &LOOK);
    assert_eq!(bottom[bottom.len() - 2], "entry 20");
}

#[test]
fn a_frame_is_never_taller_than_the_terminal() {
    for height in 1..12 {
        for current in [0, 5, 11] {
            assert!(frame(12, current).fit(height, &LOOK).len() <= height);
        }
    }
}

// --- the review ---------------------------------------------------------------------------

fn review_of<'q>(questions: &'q [Question], answers: &'q [Option<Answer>]) -> Review<'q> {
    Review {
        rows: questions
            .iter()
            .zip(answers)
            .enumerate()
            .map(|(index, (question, answer))| Row {
                question,
                number: index + 1,
                answer: answer.as_ref(),
            })
            .collect(),
    }
}

fn questions() -> Vec<Question> {
    Library::embedded().questionnaire().questions.clone()
}

#[test]
fn the_review_starts_on_confirm() {
    let questions = questions();
    let answers = vec![None; questions.len()];
    let review = review_of(&questions, &answers);
    assert_eq!(
        Reviewing::new(&review).key(Key::Enter),
        Action::Done(Revision::Confirm)
    );
    assert_eq!(
        Reviewing::new(&review).key(Key::Char('c')),
        Action::Done(Revision::Confirm)
    );
}

#[test]
fn a_number_or_the_cursor_picks_the_answer_to_change() {
    let questions = questions();
    let answers = vec![None; questions.len()];
    let review = review_of(&questions, &answers);
    assert_eq!(
        Reviewing::new(&review).key(Key::Char('3')),
        Action::Done(Revision::Change(2))
    );
    assert_eq!(
        press(&mut Reviewing::new(&review), &[Key::Up, Key::Enter]),
        Action::Done(Revision::Change(questions.len() - 1))
    );
    assert_eq!(
        press(&mut Reviewing::new(&review), &[Key::Down, Key::Enter]),
        Action::Done(Revision::Change(0)),
        "down from confirm wraps to the first"
    );
    assert_eq!(Reviewing::new(&review).key(Key::Char('9')), Action::Stay);
    assert_eq!(Reviewing::new(&review).key(Key::Char('q')), Action::Quit);
}

#[test]
fn the_review_shows_each_question_and_its_answer_in_words() {
    let questions = questions();
    let mut answers = vec![None; questions.len()];
    answers[0] = Some(Answer::One(questions[0].choices[1].value.to_string()));
    let review = review_of(&questions, &answers);
    let shown = text(&Reviewing::new(&review), 200);
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines[0], "Review your answers");
    assert_eq!(lines[2], format!("  1. {}", questions[0].text));
    assert_eq!(lines[3], format!("     {}", questions[0].choices[1].label));
    assert_eq!(lines[4], format!("  2. {}", questions[1].text));
    assert_eq!(lines[5], "     no preference");
    assert!(shown.contains("❯ These are right: show the result"));
    assert!(shown.contains("1-8: change that answer"));
}

#[test]
fn a_review_of_twelve_takes_two_digit_numbers_as_questions_do() {
    let mut questions = questions();
    let extra = questions[..4].to_vec();
    questions.extend(extra);
    assert_eq!(questions.len(), 12);
    let answers = vec![None; 12];
    let review = review_of(&questions, &answers);
    let mut screen = Reviewing::new(&review);
    assert_eq!(press(&mut screen, &chars("1")), Action::Stay);
    assert!(screen.waiting());
    assert_eq!(screen.key(Key::Char('2')), Action::Stay);
    assert_eq!(screen.pause(), Action::Done(Revision::Change(11)));
}

// --- the file name ------------------------------------------------------------------------

#[test]
fn a_file_name_is_typed_letters_and_all() {
    let mut screen = Naming {
        command: "advise".to_owned(),
        problem: None,
        text: String::new(),
    };
    assert_eq!(press(&mut screen, &chars("quiet b.yaml")), Action::Stay);
    assert_eq!(screen.key(Key::Backspace), Action::Stay);
    assert_eq!(
        screen.key(Key::Enter),
        Action::Done(Some("quiet b.yam".to_owned()))
    );
}

#[test]
fn an_empty_name_escape_or_ctrl_c_skip_saving() {
    for key in [Key::Enter, Key::Esc, Key::CtrlC, Key::CtrlD] {
        let mut screen = Naming {
            command: "advise".to_owned(),
            problem: None,
            text: "  ".to_owned(),
        };
        assert_eq!(screen.key(key), Action::Done(None), "{key:?}");
    }
}

#[test]
fn the_file_line_says_what_was_wrong_before() {
    let screen = Naming {
        command: "advise".to_owned(),
        problem: Some("cannot save answers to `x/y`: there is no directory `x`".to_owned()),
        text: "x/y".to_owned(),
    };
    let shown = text(&screen, 200);
    assert!(shown.contains("there is no directory `x`"), "{shown}");
    assert!(shown.contains("roles advise --answers FILE"), "{shown}");
    assert!(shown.contains("File (enter to skip): x/y_"), "{shown}");
}
