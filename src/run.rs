//! Running `roles`: parse the arguments, turn the command-line types into the
//! domain's, dispatch to the command's module, write its output in one go (through a
//! pager when it is long, on a terminal), and turn any error into a message on stderr
//! and an exit code.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};

use clap::{CommandFactory, FromArgMatches};

use crate::cli::{Cli, ColorChoice, Command, Format as FormatFlag, KbCommand, QuestionnaireArgs};
use crate::commands::{
    advise, career, compare, completions, disputes, jd, kb as kb_command, man, schema, search,
    show, sources, split, topics,
};
use anyhow::Context as _;

use crate::error::{EXIT_OK, exit_code};
use crate::library::Library;
use crate::questionnaire::Intake;
use crate::render::pager;
use crate::render::style::{output_width, stream_color};
use crate::render::{Style, View};
use crate::{error, kb, render};

/// Runs `roles` with these arguments and returns the process exit code.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString>>) -> u8 {
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let command = without_empty_kb_variable(Cli::command().color(help_color(&args)));
    let parsed = command
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches).map(|cli| (cli, matches)));
    let (cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => return print_clap_output(&error),
    };
    match execute(&cli, &matches) {
        Ok(code) => code,
        Err(error) => match exit_code(&error) {
            None => EXIT_OK,
            Some(code) => {
                report(&error, forced_color(cli.color));
                code
            }
        },
    }
}

/// Refuses a global flag given to `roles COMMAND`, which would ignore it
/// (`ignored` is the command's list, e.g. [`man::IGNORED_FLAGS`]): saying so beats
/// silently printing something other than what was asked for. `ROLES_KB` in the
/// environment is not refused: it is set once for every command.
fn refuse(matches: &clap::ArgMatches, command: &str, ignored: &[&str]) -> anyhow::Result<()> {
    for flag in ignored {
        if matches.value_source(flag) == Some(clap::parser::ValueSource::CommandLine) {
            return Err(error::BadInput::err(format!(
                "`--{flag}` has no effect on `roles {command}`; leave it out"
            )));
        }
    }
    Ok(())
}

/// `--color always|never` as a decision, `None` for `auto`.
fn forced_color(choice: ColorChoice) -> Option<bool> {
    match choice {
        ColorChoice::Auto => None,
        ColorChoice::Always => Some(true),
        ColorChoice::Never => Some(false),
    }
}

/// The colour choice for help and usage errors, read from `--color` before the
/// arguments are parsed and decided as for every other output (see
/// [`stream_color`]), so help is coloured exactly when a table would be.
fn help_color(args: &[OsString]) -> clap::ColorChoice {
    let mut choice = ColorChoice::Auto;
    let mut words = args.iter().filter_map(|arg| arg.to_str());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--color") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        match value {
            Some("always") => choice = ColorChoice::Always,
            Some("never") => choice = ColorChoice::Never,
            Some("auto") => choice = ColorChoice::Auto,
            _ => {}
        }
    }
    if stream_color(forced_color(choice), &io::stdout()) {
        clap::ColorChoice::Always
    } else {
        clap::ColorChoice::Never
    }
}

/// Prints clap's help, version or usage error and returns its exit code. Help
/// and version go to stdout: a closed pipe there is not an error, but a failed
/// write (a full disk) is, as for every other command (exit 1). A usage error
/// goes to stderr and keeps its code, as every other error report does.
fn print_clap_output(error: &clap::Error) -> u8 {
    let code = u8::try_from(error.exit_code()).unwrap_or(error::EXIT_BAD_INPUT);
    let printed = error.print().and_then(|()| io::stdout().flush());
    match printed {
        Err(failure) if !error.use_stderr() && failure.kind() != io::ErrorKind::BrokenPipe => {
            let _ = writeln!(io::stderr().lock(), "error: cannot write output: {failure}");
            error::EXIT_FAILURE
        }
        _ => code,
    }
}

/// Prints an error to stderr as `error: …`, with a hint where one helps,
/// wrapped as [`error::message`] says.
fn report(error: &anyhow::Error, forced: Option<bool>) {
    let stderr = io::stderr();
    let color = stream_color(forced, &stderr);
    let width = error::message_width(
        std::env::var("COLUMNS").ok().as_deref(),
        terminal_size::terminal_size_of(&stderr).map(|(w, _)| w.0),
    );
    let _ = writeln!(stderr.lock(), "{}", error::message(error, color, width));
}

/// Runs the command: one arm per command, each handing the arguments to its
/// module; returns the exit code (see [`View::exit_code`]).
fn execute(cli: &Cli, matches: &clap::ArgMatches) -> anyhow::Result<u8> {
    match &cli.command {
        Command::Compare(args) => emit(
            cli,
            &compare::compare(&knowledge_base(cli)?, &args.roles, &args.only, args.cite)?,
        ),
        Command::Show(args) => emit(
            cli,
            &show::show(&knowledge_base(cli)?, &args.role, &args.section)?,
        ),
        Command::Search(args) => emit(
            cli,
            &search::search(
                &knowledge_base(cli)?,
                &args.words,
                args.limit as usize,
                args.role.as_deref(),
            )?,
        ),
        Command::Topics(args) => emit(
            cli,
            &topics::topics(&knowledge_base(cli)?, args.topic.as_deref())?,
        ),
        Command::Disputes => emit(cli, &disputes::disputes(&knowledge_base(cli)?)),
        Command::Split => emit(cli, &split::split(&knowledge_base(cli)?)),
        Command::Sources => emit(cli, &sources::sources(&knowledge_base(cli)?)),
        Command::Advise(args) => {
            let intake = intake(cli, "advise", &args.answers);
            let (advice, follow_up) = advise::run(&knowledge_base(cli)?, &intake)?;
            let code = emit(
                cli,
                &advise::AdviceView {
                    advice,
                    all_flips: args.all_flips,
                },
            )?;
            follow_up.offer()?;
            Ok(code)
        }
        Command::Career(args) => {
            let intake = intake(cli, "career", &args.answers);
            let (plan, follow_up) = career::run(&knowledge_base(cli)?, &intake)?;
            let code = emit(cli, &plan)?;
            follow_up.offer()?;
            Ok(code)
        }
        Command::Jd(args) => {
            let library = knowledge_base(cli)?;
            let needs = match &args.answers {
                Some(file) => jd::Selection::needs_from(&crate::questionnaire::Answers::from_file(
                    file,
                    library.questionnaire(),
                )?),
                None => Vec::new(),
            };
            let selection = jd::Selection {
                fractional: args.fractional,
                brief: args.brief,
                needs,
            };
            emit(cli, &jd::job_description(&library, &args.role, &selection)?)
        }
        Command::Kb(KbCommand::Dump) => emit(cli, &kb_command::dump(&knowledge_base(cli)?)?),
        Command::Kb(KbCommand::Validate { file }) => {
            let (origin, loaded) = if file.as_os_str() == "-" {
                (kb::STDIN_ORIGIN.to_owned(), kb::load_stdin())
            } else {
                let origin = file.display().to_string();
                let loaded = kb::load_file(file, &origin);
                (origin, loaded)
            };
            match loaded {
                Ok(loaded) => emit(
                    cli,
                    &kb_command::validated(&origin, &Library::loaded(loaded)),
                ),
                // Scripts get the report on stdout, valid or not (exit 2).
                Err(error) if matches!(cli.format, FormatFlag::Json | FormatFlag::Yaml) => {
                    emit(cli, &kb_command::invalid(&error))
                }
                Err(error) => Err(error.into()),
            }
        }
        Command::Schema { name } => {
            refuse(matches, "schema", schema::IGNORED_FLAGS)?;
            emit(cli, &schema::schemas(*name))
        }
        Command::Completions { shell } => {
            refuse(matches, "completions", completions::IGNORED_FLAGS)?;
            let mut buffer = Vec::new();
            completions::write_script(*shell, Cli::command(), &Library::embedded(), &mut buffer);
            write_stdout(&buffer).map(|()| EXIT_OK)
        }
        Command::Man => {
            refuse(matches, "man", man::IGNORED_FLAGS)?;
            let mut buffer = Vec::new();
            man::write_page(Cli::command(), &mut buffer)?;
            write_stdout(&buffer).map(|()| EXIT_OK)
        }
    }
}

/// Where the answers of `command`'s questionnaire come from, from its flags.
fn intake<'a>(cli: &'a Cli, command: &'a str, args: &'a QuestionnaireArgs) -> Intake<'a> {
    Intake {
        command,
        file: args.answers.as_deref(),
        flags: &args.answer,
        no_input: args.no_input,
        save: args.save.as_deref(),
        force: args.force,
        kb: cli.kb.as_deref(),
        color: stream_color(forced_color(cli.color), &io::stderr()),
    }
}

/// Renders a view in the chosen format and style, buffered so that nothing
/// half-written reaches stdout when it fails; returns the view's exit code.
fn emit<V: View>(cli: &Cli, view: &V) -> anyhow::Result<u8> {
    let stdout = io::stdout();
    let style = Style {
        color: stream_color(forced_color(cli.color), &stdout),
        width: output_width(&stdout),
    };
    let mut buffer = Vec::with_capacity(64 * 1024);
    render::render(view, cli.format, &style, &mut buffer)?;
    let paged = match pager_for(!cli.no_pager && V::PAGED, &stdout, &buffer) {
        Some(command) => pager::page(&command, &buffer)?,
        None => false,
    };
    if !paged {
        write_stdout(&buffer)?;
    }
    Ok(view.exit_code())
}

/// The pager for this output, if it is to be paged: long output of a view
/// people read page by page ([`View::PAGED`]), on a terminal (see [`pager::pager_command`]).
fn pager_for(wanted: bool, stdout: &io::Stdout, output: &[u8]) -> Option<Vec<String>> {
    let variable = |name| std::env::var(name).ok();
    let (roles_pager, pager, lines) = (
        variable("ROLES_PAGER"),
        variable("PAGER"),
        variable("LINES"),
    );
    let terminal_height = terminal_size::terminal_size_of(stdout).map(|(_, rows)| rows.0);
    pager::pager_command(
        &pager::Paging {
            wanted,
            terminal: stdout.is_terminal(),
            height: pager::screen_height(terminal_height, lines.as_deref()),
            roles_pager: roles_pager.as_deref(),
            pager: pager.as_deref(),
        },
        output,
    )
}

/// Writes finished output to stdout in one go. A reader that closed the
/// pipe (`roles … | head`) ends `roles` quietly; a full disk is an error.
fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .context("cannot write the output")
}

/// The knowledge base in use: `--kb FILE` or `ROLES_KB`, else the embedded one.
fn knowledge_base(cli: &Cli) -> anyhow::Result<Library> {
    match &cli.kb {
        Some(path) => Ok(Library::loaded(kb::load_file(
            path,
            &path.display().to_string(),
        )?)),
        None => Ok(Library::embedded()),
    }
}

/// `ROLES_KB` set but empty means unset, as an empty variable does for most
/// tools; clap would read it as `--kb` without a value.
fn without_empty_kb_variable(command: clap::Command) -> clap::Command {
    if std::env::var_os("ROLES_KB").is_some_and(|value| value.is_empty()) {
        command.mut_arg("kb", |arg| arg.env(None))
    } else {
        command
    }
}
