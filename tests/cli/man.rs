//! `roles man`: one whole page, with a section per subcommand and every option,
//! and the sections a man page is expected to have.

use clap::CommandFactory;

use crate::common::*;

#[test]
fn the_page_has_every_section() {
    let page = roles(&["man"]).succeeds().stdout;
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH COMMANDS",
        ".SH ENVIRONMENT",
        ".SH EXIT STATUS",
        ".SH EXAMPLES",
        ".SH FILES",
    ] {
        assert!(
            page.lines().any(|line| line == section),
            "no `{section}` in the page"
        );
    }
    for variable in [
        "ROLES_KB",
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
        "LINES",
        "PAGER",
        "ROLES_PAGER",
        "SOURCE_DATE_EPOCH",
    ] {
        assert!(page.contains(variable), "{variable} is not documented");
    }
    for status in ["\n.B 0\n", "\n.B 1\n", "\n.B 2\n", "130", "143", "129"] {
        assert!(page.contains(status), "exit status {status:?} missing");
    }
}

#[test]
fn every_subcommand_and_option_is_on_the_page() {
    let page = roles(&["man"]).succeeds().stdout;
    let mut command = roles::cli::Cli::command();
    command.build();
    let mut pending = vec![command];
    while let Some(command) = pending.pop() {
        for arg in command.get_arguments() {
            if let Some(long) = arg.get_long() {
                let shown = format!("\\-\\-{}", long.replace('-', "\\-"));
                assert!(page.contains(&shown), "`--{long}` is not on the page");
            }
        }
        for sub in command.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            let name = sub.get_bin_name().expect("built").to_uppercase();
            assert!(
                page.contains(&format!(".SH \"{name}\"")),
                "no section for `{name}`"
            );
            pending.push(sub.clone());
        }
    }
}

#[test]
fn the_page_names_no_page_that_does_not_exist() {
    let page = roles(&["man"]).succeeds().stdout;
    assert!(!page.contains("roles\\-compare"), "{page}");
    assert!(!page.contains("(1)"), "{page}");
}
