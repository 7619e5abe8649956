//! `--help` of every command: a snapshot of each (at `COLUMNS=100`, no colour) so
//! a change to the help is deliberate, and checks that each has a one-line
//! summary, its flags, and an `Examples:` section whose examples really run.
//!
//! To accept changed help after reading it, run the tests with
//! `UPDATE_SNAPSHOTS=1` and review the diff of `tests/snapshots/help/`.

use std::path::Path;

use crate::common::child::*;
use clap::CommandFactory;

/// Every command with help of its own, as the words after `roles`.
const COMMANDS: &[&[&str]] = &[
    &[],
    &["compare"],
    &["show"],
    &["search"],
    &["topics"],
    &["disputes"],
    &["split"],
    &["sources"],
    &["advise"],
    &["career"],
    &["jd"],
    &["kb"],
    &["kb", "dump"],
    &["kb", "validate"],
    &["schema"],
    &["completions"],
    &["man"],
];

fn shown(words: &[&str]) -> String {
    std::iter::once("roles")
        .chain(words.iter().copied())
        .collect::<Vec<_>>()
        .join(" ")
}

fn snapshot_name(words: &[&str]) -> String {
    if words.is_empty() {
        "roles.txt".to_owned()
    } else {
        format!("{}.txt", words.join("-"))
    }
}

/// `roles WORDS --help` at 100 columns, without colour.
fn help(words: &[&str]) -> String {
    child(words)
        .arg("--help")
        .env("COLUMNS", "100")
        .run()
        .succeeded()
        .stdout
}

/// Compares `actual` with the snapshot, or rewrites it under `UPDATE_SNAPSHOTS=1`.
fn check_snapshot(name: &str, actual: &str) -> Result<(), String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/help")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("the directory");
        std::fs::write(&path, actual).expect("the snapshot can be written");
        return Ok(());
    }
    let expected = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "cannot read {}: {e} (run with UPDATE_SNAPSHOTS=1)",
            path.display()
        )
    })?;
    if actual == expected {
        Ok(())
    } else {
        Err(format!(
            "help differs from {}\n--- expected ---\n{expected}\n--- actual ---\n{actual}",
            path.display()
        ))
    }
}

#[test]
fn help_of_every_command_matches_its_snapshot() {
    let failures: Vec<String> = COMMANDS
        .iter()
        .filter_map(|words| check_snapshot(&snapshot_name(words), &help(words)).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn help_has_no_escape_codes_and_fits_100_columns() {
    for words in COMMANDS {
        let text = help(words);
        assert!(!text.contains('\x1b'), "`{} --help` is plain", shown(words));
        for line in text.lines() {
            assert!(
                line.chars().count() <= 100,
                "`{} --help` has a line over 100 columns: {line}",
                shown(words)
            );
        }
    }
}

#[test]
fn help_starts_with_a_one_line_summary() {
    for words in COMMANDS {
        let text = help(words);
        let mut lines = text.lines();
        let summary = lines.next().unwrap_or_default();
        assert!(
            !summary.trim().is_empty() && !summary.starts_with("Usage"),
            "`{} --help` starts with a summary:\n{text}",
            shown(words)
        );
        assert_eq!(
            lines.next(),
            Some(""),
            "`{} --help`: the summary is one line, then a blank line:\n{text}",
            shown(words)
        );
        assert!(
            !summary.ends_with('.'),
            "`{} --help`: the summary is a heading, without a full stop: {summary}",
            shown(words)
        );
    }
}

/// The clap definition of `roles WORDS`.
fn definition(words: &[&str]) -> clap::Command {
    let mut command = roles::cli::Cli::command();
    command.build();
    for word in words {
        command = command
            .find_subcommand(word)
            .unwrap_or_else(|| panic!("subcommand {word}"))
            .clone();
    }
    command
}

#[test]
fn help_lists_every_flag_and_argument_of_the_command() {
    for words in COMMANDS {
        let text = help(words);
        assert!(
            text.contains("Usage: roles"),
            "`{} --help` has usage",
            shown(words)
        );
        assert!(
            text.contains("Options:"),
            "`{} --help` has options",
            shown(words)
        );
        for global in ["--format", "--kb", "--color", "-h, --help", "-V, --version"] {
            assert!(
                text.contains(global),
                "`{} --help` lists {global}",
                shown(words)
            );
        }
        for arg in definition(words).get_arguments() {
            let id = arg.get_id().as_str();
            if let Some(long) = arg.get_long() {
                assert!(
                    text.contains(&format!("--{long}")),
                    "`{} --help` lists --{long}",
                    shown(words)
                );
            } else if arg.is_positional() {
                let name = arg
                    .get_value_names()
                    .and_then(|names| names.first())
                    .map_or_else(|| id.to_uppercase(), ToString::to_string);
                assert!(
                    text.contains(&format!("<{name}>")) || text.contains(&format!("[{name}]")),
                    "`{} --help` shows the argument {name}",
                    shown(words)
                );
            }
        }
        for sub in definition(words).get_subcommands() {
            assert!(
                text.contains(&format!("  {}", sub.get_name())),
                "`{} --help` lists the command {}",
                shown(words),
                sub.get_name()
            );
        }
    }
}

/// The example command lines of a help text: the indented `roles …` lines
/// under `Examples:`.
fn examples(text: &str) -> Option<Vec<String>> {
    let (_, after) = text.split_once("\nExamples:\n")?;
    Some(
        after
            .lines()
            .take_while(|line| line.starts_with("  "))
            .map(|line| line.trim().to_owned())
            .collect(),
    )
}

#[track_caller]
fn check_examples(words: &[&str], at_least: usize) -> Result<(), String> {
    let text = help(words);
    let Some(found) = examples(&text) else {
        return Err(format!(
            "`{} --help` has no `Examples:` section",
            shown(words)
        ));
    };
    if found.len() < at_least {
        return Err(format!(
            "`{} --help` has {} example(s), wants at least {at_least}: {found:?}",
            shown(words),
            found.len()
        ));
    }
    if let Some(bad) = found.iter().find(|line| !line.starts_with("roles ")) {
        return Err(format!(
            "`{} --help`: an example that is not a `roles` command: {bad}",
            shown(words)
        ));
    }
    Ok(())
}

#[test]
fn help_has_an_examples_section() {
    let failures: Vec<String> = COMMANDS
        .iter()
        .filter_map(|words| check_examples(words, 1).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn help_has_two_or_three_examples() {
    let failures: Vec<String> = COMMANDS
        .iter()
        .filter_map(|words| check_examples(words, 2).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The question list in `roles advise --help` is generated by build.rs; it must
/// name every question and value of the embedded questionnaire.
#[test]
fn advise_help_lists_every_question_and_value_of_the_embedded_questionnaire() {
    let text = help(&["advise"]);
    let kb = roles::library::Library::embedded();
    let questions = &kb.questionnaire().questions;
    for (index, question) in questions.iter().enumerate() {
        let start = text
            .find(&format!("  {}:", question.id))
            .unwrap_or_else(|| panic!("question `{}` is missing:\n{text}", question.id));
        let end = questions
            .get(index + 1)
            .and_then(|next| text.find(&format!("  {}:", next.id)))
            .unwrap_or(text.len());
        let entry = &text[start..end];
        for choice in &question.choices {
            assert!(
                entry.contains(choice.value.as_str()),
                "`{}` lacks value `{}`: {entry}",
                question.id,
                choice.value
            );
        }
    }
}

/// Splits an example into words, honouring single and double quotes, and cuts
/// it at a pipe; returns the words and the file of a `>` redirection.
fn parse_example(line: &str) -> (Vec<String>, Option<String>) {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote = None;
    let mut in_word = false;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, ' ') => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    if let Some(pipe) = words.iter().position(|w| w == "|") {
        words.truncate(pipe);
    }
    let mut redirect = None;
    if let Some(at) = words.iter().position(|w| w == ">") {
        redirect = words.get(at + 1).cloned();
        words.truncate(at);
    }
    assert_eq!(words.first().map(String::as_str), Some("roles"), "{line}");
    words.remove(0);
    (words, redirect)
}

/// Runs every example of every help, in order, in one scratch directory (so
/// `roles kb dump > my-kb.yaml` feeds `roles --kb my-kb.yaml compare`); each
/// must succeed, except a bare `roles advise` or `roles career`, which need a
/// terminal and say so.
#[test]
fn every_example_in_the_help_runs() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(
        dir.path().join("answers.yaml"),
        "aim: product\nsize: startup\n",
    )
    .expect("an answers file");
    std::fs::write(dir.path().join("me.yaml"), "interest: product\nyears: 12\n")
        .expect("an answers file");
    let mut failures = Vec::new();
    let mut ran = 0;
    for words in COMMANDS {
        for line in examples(&help(words)).unwrap_or_default() {
            let (args, redirect) = parse_example(&line);
            // Paths are relative to the scratch directory; a redirection into a
            // home directory lands there too, by its file name.
            let out = child(&args).current_dir(dir.path()).run();
            ran += 1;
            if args == ["advise"] || args == ["career"] {
                if out.code != Some(2) || !out.stderr.contains("--answer") {
                    failures.push(format!(
                        "{line}: without a terminal it should exit 2 naming --answer\n{out}"
                    ));
                }
                continue;
            }
            if out.code != Some(0) || out.stdout.is_empty() {
                failures.push(format!("{line}\n{out}"));
                continue;
            }
            if let Some(file) = redirect {
                let name = Path::new(&file).file_name().expect("a file name");
                std::fs::write(dir.path().join(name), &out.stdout).expect("the output is saved");
            }
        }
    }
    assert!(ran >= 20, "only {ran} examples found");
    assert!(
        failures.is_empty(),
        "examples that do not run:\n{}",
        failures.join("\n\n")
    );
}
