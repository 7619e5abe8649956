//! The conventions of a well-behaved command-line tool: `--version`, exit code 2
//! for bad usage, and documented exit codes. Completions, the man page, colour,
//! JSON Schema and closed pipes have modules of their own.

use crate::common::*;

#[test]
fn version_prints_the_version() {
    for flag in ["--version", "-V"] {
        assert_eq!(roles(&[flag]).succeeds().stdout, "roles 0.1.0\n", "{flag}");
    }
    assert_eq!(env!("CARGO_PKG_VERSION"), "0.1.0");
}

#[test]
fn the_readme_says_how_to_install_completions_and_the_man_page_and_the_exit_codes() {
    let readme = include_str!("../../README.md");
    #[rustfmt::skip]
    let needles = ["bash", "zsh", "fish", "powershell", "elvish", "roles completions bash >",
        "roles man >", "| 0 |", "| 1 |", "| 2 |", "| 130 |"];
    for needle in needles {
        assert!(readme.contains(needle), "the README has {needle:?}");
    }
}

#[test]
fn bad_usage_exits_2_with_a_message_and_nothing_on_stdout() {
    #[rustfmt::skip]
    let cases = [
        ("--bogus", "'--bogus'"), ("compare --bogus", "'--bogus'"), ("bogus", "'bogus'"),
        ("", "Usage"), ("--format xml compare", "xml"), ("sources --format xml", "xml"),
        ("--color sometimes compare", "sometimes"), ("show", "ROLE"), ("search", "WORDS"),
        ("search x -n 0", "0"), ("schema nothing", "nothing"), ("kb", "Usage"),
        ("kb validate", "FILE"), ("jd", "ROLE"), ("advise --force", "--force"),
        ("completions tcsh", "bash"),
    ];
    for (line, says) in cases {
        let args: Vec<&str> = line.split_whitespace().collect();
        let run = roles(&args).run();
        let (stdout, stderr) = (run.stdout.is_empty(), &run.stderr);
        let usage = run.code == Some(2) && stdout && !stderr.contains("panicked");
        assert!(usage && stderr.contains(says), "says what is wrong\n{run}");
    }
}

#[test]
fn help_and_version_exit_0_and_the_help_documents_the_exit_codes() {
    for args in [&["-h"][..], &["help"], &["help", "compare"]] {
        roles(args).succeeds();
    }
    let help = roles(&["--help"]).succeeds();
    #[rustfmt::skip]
    let codes = ["0    success", "1    failure", "2    bad usage or bad input", "130  interrupted"];
    codes.iter().fold(help, |help, line| help.stdout_has(line));
}

/// Bad input to every command, and a global flag a command would ignore: exit
/// 2, nothing on stdout, and on stderr what is wrong and what to do (each of
/// the texts between `|`).
#[rustfmt::skip]
const REFUSED: &[(&str, &str)] = &[
    ("compare cio ctoo", "unknown role `ctoo`|`cio`, `cto`|did you mean `cto`?"),
    ("compare ctoo cio --format json", "did you mean `cto`?"),
    ("compare cio zzzzzz", "unknown role `zzzzzz`"),
    ("compare cio", "at least two roles"),
    ("compare cio CIO", "`cio` is named twice"),
    ("compare --only focus,revenue-lin", "unknown dimension `revenue-lin`|`focus`|did you mean `revenue-line`?"),
    ("compare --only salry", "did you mean `salary`?"),
    ("compare --only 'Revenu line'", "unknown dimension `Revenu line`|did you mean `revenue-line`?"),
    ("compare --only focus,focus", "is named twice in `--only`"),
    ("compare --only focus,Focus", "is named twice in `--only`"),
    ("compare --only 'revenue-line,Revenue line'", "is named twice in `--only`"),
    ("compare --only focus,,kpis", "`--only` has an empty item"),
    ("compare --only ''", "`--only` has an empty item"),
    ("compare --only focus,", "`--only` has an empty item"),
    ("compare --only ' '", "`--only` has an empty item"),
    ("show cio --section kpi", "unknown section `kpi`|`overview`|`responsibilities`|`kpis`|`salary`|did you mean `kpis`?"),
    ("show cfo", "unknown role `cfo`|`cio`, `cto`"),
    ("show cio --section kpis,KPIs", "section `kpis` is named twice in `--section`"),
    ("show cio --section kpis,", "`--section` has an empty item"),
    ("--kb tests/fixtures/three-roles.yaml show cisco", "`cio`, `cto`, `ciso`|did you mean `ciso`?"),
    ("search data --limit 0", "--limit"),
    ("search who owns the", "nothing to search for"),
    ("search it", "nothing to search for"),
    ("search data --role cxo", "unknown role `cxo`|did you mean `cto`?"),
    ("topics need-bot", "unknown topic `need-bot`|did you mean `need-both`?"),
    ("jd ctoo", "unknown role `ctoo`|`cio`, `cto`|did you mean `cto`?"),
    ("completions bash --format json", "`--format` has no effect on"),
    ("man --format json", "`--format` has no effect on"),
    ("completions bash --kb data/kb.yaml", "`--kb` has no effect on"),
    ("man --kb data/kb.yaml", "`--kb` has no effect on"),
    ("schema compare --kb data/kb.yaml", "`--kb` has no effect on `roles schema`"),
];

#[test]
fn bad_input_is_refused_saying_what_is_wrong_and_what_to_do() {
    for (line, says) in REFUSED {
        refused(line, says);
    }
    refused("compare cio zzzzzz", "").stderr_lacks("did you mean");
}
