//! `roles man`: one whole roff page, with the sections a man page is expected
//! to have, a section per subcommand and every option.

use clap::CommandFactory;

use crate::common::*;

#[test]
fn the_page_is_roff_with_every_section_variable_and_exit_status() {
    let run = roles(&["man"]).succeeds();
    let page = &run.stdout;
    let titled = page.starts_with(".TH") || page.contains("\n.TH roles");
    assert!(titled, "a `.TH roles` title\n{run}");
    assert!(page.contains("roles 0.1.0"), "the page carries the version");
    assert!(!run.has_escapes(), "no escape codes in roff");
    #[rustfmt::skip]
    let sections = ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "ENVIRONMENT",
        "EXIT STATUS", "EXAMPLES", "FILES"];
    for section in sections {
        let heading = format!(".SH {section}");
        assert!(page.lines().any(|line| line == heading), "no `{heading}`");
    }
    #[rustfmt::skip]
    let variables = ["ROLES_KB", "NO_COLOR", "CLICOLOR_FORCE", "COLUMNS", "LINES", "PAGER",
        "ROLES_PAGER", "SOURCE_DATE_EPOCH"];
    for variable in variables {
        assert!(page.contains(variable), "{variable} is not documented");
    }
    for status in ["\n.B 0\n", "\n.B 1\n", "\n.B 2\n", "130", "143", "129"] {
        assert!(page.contains(status), "exit status {status:?} missing");
    }
    // It names no page that does not exist.
    assert!(!page.contains("roles\\-compare") && !page.contains("(1)"));
}

#[test]
fn every_subcommand_and_option_is_on_the_page() {
    let page = roles(&["man"]).succeeds().stdout;
    let mut command = roles::cli::Cli::command();
    command.build();
    let mut pending = vec![command];
    while let Some(command) = pending.pop() {
        for long in command.get_arguments().filter_map(clap::Arg::get_long) {
            let shown = format!("\\-\\-{}", long.replace('-', "\\-"));
            assert!(page.contains(&shown), "`--{long}` is not on the page");
        }
        for sub in command
            .get_subcommands()
            .filter(|sub| sub.get_name() != "help")
        {
            let name = sub.get_bin_name().expect("built").to_uppercase();
            let heading = format!(".SH \"{name}\"");
            assert!(page.contains(&heading), "no section for `{name}`");
            pending.push(sub.clone());
        }
    }
}
