//! `roles man`: one whole man page, built from the clap [`Command`] so that it
//! never drifts from `--help`. clap_mangen draws the NAME, SYNOPSIS, the global
//! OPTIONS and, for every subcommand, a section with its synopsis and options
//! (a page per subcommand would be `roles-compare(1)` and friends, which are
//! not installed, so the page names none). ENVIRONMENT, EXIT STATUS, EXAMPLES
//! and FILES are written here, beside the code they describe.

use std::io::Write;

use clap::Command;

/// The global flags `roles man` refuses: it prints the man page, in no format, from no knowledge base.
pub const IGNORED_FLAGS: &[&str] = &["format", "kb"];

/// The page's own sections (environment, exit status, examples, files): a
/// heading alone on its line, then a term and what it means a line each, the
/// two apart by a tab.
const SECTIONS: &str = "\
ENVIRONMENT
ROLES_KB\tA knowledge-base file to load instead of the embedded one, as --kb does; empty means unset. Ignored by completions, man and schema.
NO_COLOR\tSet to anything but empty: no colour, unless --color always.
CLICOLOR_FORCE\tSet to anything but empty or 0: colour even when not writing to a terminal.
TERM\tdumb turns colour off, as NO_COLOR does.
COLUMNS\tThe width to fit output to, instead of the terminal's (80 when not a terminal); below 40, output is drawn 40 wide.
LINES\tThe terminal's height, when the terminal cannot say: long output on a terminal goes through a pager when it is taller.
ROLES_PAGER, PAGER\tThe pager for long output of show, jd, topics, disputes and split on a terminal, ROLES_PAGER first; default less -FRX. Empty or cat means none; --no-pager turns it off.
SOURCE_DATE_EPOCH\tSeconds since 1970: the date written in advise's decision record, for reproducible output.
EXIT STATUS
0\tSuccess.
1\tAn unexpected failure, or nothing found: roles search matched no fact (as grep does).
2\tBad usage or bad input: flags, role names, answers, knowledge-base files.
129, 130, 143\tThe questionnaire was ended by SIGHUP, SIGINT (Ctrl-C) or SIGTERM (128 plus the signal), after restoring the terminal.
EXAMPLES
roles compare\tCompare the roles, a row per dimension.
roles show cto --section kpis\tOne section of one role's profile.
roles search \"data governance\" --role cio\tSearch the facts about one role.
roles advise --answer aim=product --answer size=startup --no-input\tA recommendation without the questionnaire.
roles compare --format json | jq '.dimensions[0]'\tThe same data for scripts.
roles completions bash > ~/.local/share/bash-completion/completions/roles\tInstall bash completion.
roles man > ~/.local/share/man/man1/roles.1\tInstall this page.
FILES
FILE given to --kb or ROLES_KB\tA knowledge base in YAML or JSON, as roles kb dump writes it. Without one, the copy embedded at build time is used: the program reads no other file.
FILE given to --answers or --save\tAnswers to a questionnaire, YAML or JSON.";

/// Writes the whole page for `command` (the built `roles` command).
pub fn write_page(mut command: Command, out: &mut dyn Write) -> anyhow::Result<()> {
    command.build();
    let man = clap_mangen::Man::new(command.clone()).manual("User Commands");
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    let commands =
        "Each command has a section of its own below; the options above apply to all of them.";
    writeln!(out, ".SH COMMANDS\n{commands}")?;
    for sub in command.get_subcommands() {
        write_command(sub, out)?;
    }
    for line in SECTIONS.lines() {
        match line.split_once('\t') {
            Some((term, meaning)) => {
                writeln!(out, ".TP\n.B {}\n{}", escape(term), escape(meaning))?
            }
            None => writeln!(out, ".SH {line}")?,
        }
    }
    man.render_version_section(out)?;
    Ok(())
}

/// A section for one subcommand (and a section for each of its own): what it
/// does, its synopsis, its options without the global ones, and its examples.
fn write_command(command: &Command, out: &mut dyn Write) -> anyhow::Result<()> {
    if command.is_hide_set() || command.get_name() == "help" {
        return Ok(());
    }
    let name = command.get_bin_name().unwrap_or(command.get_name());
    writeln!(out, ".SH \"{}\"", escape(&name.to_uppercase()))?;
    if let Some(about) = command.get_long_about().or(command.get_about()) {
        writeln!(out, "{}", escape(&about.to_string()))?;
    }
    let own = command.clone().mut_args(|arg| {
        let hidden = arg.is_global_set() || arg.is_hide_set();
        arg.hide(hidden)
    });
    let man = clap_mangen::Man::new(own);
    let mut text = Vec::new();
    man.render_synopsis_section(&mut text)?;
    man.render_options_section(&mut text)?;
    let text = String::from_utf8(text)?
        .replace(".SH SYNOPSIS\n", ".SS Synopsis\n")
        .replace(".SH OPTIONS\n", ".SS Options\n");
    out.write_all(text.as_bytes())?;
    if let Some(examples) = command.get_after_help() {
        writeln!(out, ".SS Examples\n.nf")?;
        let examples = examples.to_string();
        let examples = examples.strip_prefix("Examples:\n").unwrap_or(&examples);
        for line in examples.lines() {
            writeln!(out, "{}", escape(line))?;
        }
        writeln!(out, ".fi")?;
    }
    for sub in command.get_subcommands() {
        write_command(sub, out)?;
    }
    Ok(())
}

/// Text made safe for roff: backslashes and hyphens escaped, and a line that
/// would start with a control character guarded.
fn escape(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}
