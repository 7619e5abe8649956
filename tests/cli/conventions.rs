//! The conventions of a well-behaved command-line tool: `--version`, exit code 2
//! for bad usage, and documented exit codes. Completions, the man page, colour,
//! JSON Schema and closed pipes have modules of their own.

use crate::common::*;

#[test]
fn version_prints_the_version() {
    for flag in ["--version", "-V"] {
        assert_eq!(
            roles(&[flag]).succeeds().stdout,
            "roles 0.1.0\n",
            "`roles {flag}`"
        );
    }
    assert_eq!(env!("CARGO_PKG_VERSION"), "0.1.0");
}

#[test]
fn the_readme_says_how_to_install_completions_and_the_man_page_and_the_exit_codes() {
    let readme = include_str!("../../README.md");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        assert!(
            readme.contains(shell),
            "the README mentions {shell} completions"
        );
    }
    for needle in [
        "roles completions bash >",
        "roles man >",
        "| 0 |",
        "| 1 |",
        "| 2 |",
        "| 130 |",
    ] {
        assert!(readme.contains(needle), "the README has {needle:?}");
    }
}

#[test]
fn bad_usage_exits_2_with_a_message_and_nothing_on_stdout() {
    for (args, says) in [
        (&["--bogus"][..], "'--bogus'"),
        (&["compare", "--bogus"], "'--bogus'"),
        (&["bogus"], "'bogus'"),
        (&[], "Usage"),
        (&["--format", "xml", "compare"], "xml"),
        (&["sources", "--format", "xml"], "xml"),
        (&["--color", "sometimes", "compare"], "sometimes"),
        (&["show"], "ROLE"),
        (&["search"], "WORDS"),
        (&["search", "x", "-n", "0"], "0"),
        (&["schema", "nothing"], "nothing"),
        (&["kb"], "Usage"),
        (&["kb", "validate"], "FILE"),
        (&["jd"], "ROLE"),
        (&["advise", "--force"], "--force"),
        (&["completions", "tcsh"], "bash"),
    ] {
        let run = roles(args).run();
        assert_eq!(run.code, Some(2), "{run}");
        assert!(run.stdout.is_empty(), "{run}");
        assert!(run.stderr.contains(says), "says what is wrong\n{run}");
        assert!(!run.stderr.contains("panicked"), "{run}");
    }
}

#[test]
fn help_and_version_exit_0_and_the_help_documents_the_exit_codes() {
    for args in [&["-h"][..], &["help"], &["help", "compare"]] {
        roles(args).succeeds();
    }
    let help = roles(&["--help"]).succeeds();
    for line in [
        "0    success",
        "1    failure",
        "2    bad usage or bad input",
        "130  interrupted",
    ] {
        assert!(
            help.stdout.contains(line),
            "`roles --help` documents {line:?}\n{help}"
        );
    }
}
