//! Running `roles`: parse the arguments, dispatch to the command's module, write
//! its output in one go (through a pager when long, on a terminal), and turn any
//! error into a message on stderr and an exit code.

use std::ffi::OsString;
use std::io::{self, Write};

use anyhow::Context as _;
use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches, ValueEnum};

use crate::cli::{Cli, ColorChoice, Command, KbCommand, QuestionnaireArgs};
use crate::commands::{
    advise, career, compare, completions, disputes, jd, kb as kb_command, man, schema, search,
    show, sources, split, topics,
};
use crate::error::{self, BadInput, EXIT_OK};
use crate::kb;
use crate::library::Library;
use crate::questionnaire::{FollowUp, Intake};
use crate::render::paint::{output_width, stream_color, terminal_width};
use crate::render::{self, Painter, View, pager};

/// Runs `roles` with these arguments and returns the process exit code.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString>>) -> u8 {
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let mut command = Cli::command().color(help_color(&args));
    // `ROLES_KB` set but empty means unset, as for most tools; clap would read
    // it as `--kb` without a value.
    if std::env::var_os("ROLES_KB").is_some_and(|value| value.is_empty()) {
        command = command.mut_arg("kb", |arg| arg.env(None));
    }
    let parsed = command
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches).map(|cli| (cli, matches)));
    let (cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => return print_clap_output(&error),
    };
    let error = match execute(&cli, &matches) {
        Ok(code) => return code,
        Err(error) => error,
    };
    let Some(code) = error::exit_code(&error) else {
        return EXIT_OK;
    };
    let stderr = io::stderr();
    // Only a terminal gets wrapped messages: a log, or an editor jumping to
    // `file:line:column:`, wants each on one line.
    let width = terminal_width(&stderr).map(|_| usize::from(output_width(&stderr)));
    let color = stream_color(cli.color, &stderr);
    let _ = writeln!(stderr.lock(), "{}", error::message(&error, color, width));
    code
}

/// Refuses a global flag on the command line that `command` would ignore
/// (e.g. [`man::IGNORED_FLAGS`]); `ROLES_KB` in the environment is fine.
fn refuse(matches: &clap::ArgMatches, command: &str, ignored: &[&str]) -> anyhow::Result<()> {
    let given = |flag: &&&str| matches.value_source(flag) == Some(ValueSource::CommandLine);
    match ignored.iter().find(given) {
        Some(flag) => Err(BadInput::err(format!(
            "`--{flag}` has no effect on `roles {command}`; leave it out"
        ))),
        None => Ok(()),
    }
}

/// The colour of help and usage errors: `--color` read before parsing, then
/// decided as for every other output, so help is coloured when a table is.
fn help_color(args: &[OsString]) -> clap::ColorChoice {
    let mut choice = ColorChoice::Auto;
    let mut words = args.iter().filter_map(|arg| arg.to_str());
    while let Some(word) = words.next().filter(|&word| word != "--") {
        let value = match word.strip_prefix("--color") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        choice = value.map_or(choice, |value| {
            ColorChoice::from_str(value, true).unwrap_or(choice)
        });
    }
    match stream_color(choice, &io::stdout()) {
        true => clap::ColorChoice::Always,
        false => clap::ColorChoice::Never,
    }
}

/// Prints clap's help, version or usage error and returns its exit code; help
/// on a full disk is exit 1, on a closed pipe not an error.
fn print_clap_output(error: &clap::Error) -> u8 {
    let code = u8::try_from(error.exit_code()).unwrap_or(error::EXIT_BAD_INPUT);
    match error.print().and_then(|()| io::stdout().flush()) {
        Err(failure) if !error.use_stderr() && failure.kind() != io::ErrorKind::BrokenPipe => {
            let _ = writeln!(io::stderr().lock(), "error: cannot write output: {failure}");
            error::EXIT_FAILURE
        }
        _ => code,
    }
}

/// Runs the command, one arm per command; returns [`View::exit_code`].
fn execute(cli: &Cli, matches: &clap::ArgMatches) -> anyhow::Result<u8> {
    // The knowledge base in use: `--kb FILE` or `ROLES_KB`, else the embedded one.
    let kb = || -> anyhow::Result<Library> {
        Ok(match &cli.kb {
            Some(path) => Library::loaded(kb::load_file(path, &path.display().to_string())?),
            None => Library::embedded(),
        })
    };
    match &cli.command {
        Command::Compare { roles, only, cite } => {
            emit(cli, &compare::compare(&kb()?, roles, only, *cite)?)
        }
        Command::Show { role, section } => emit(cli, &show::show(&kb()?, role, section)?),
        Command::Search { words, limit, role } => {
            let limit = *limit as usize;
            emit(cli, &search::search(&kb()?, words, limit, role.as_deref())?)
        }
        Command::Topics { topic } => emit(cli, &topics::topics(&kb()?, topic.as_deref())?),
        Command::Disputes => emit(cli, &disputes::disputes(&kb()?)),
        Command::Split => emit(cli, &split::split(&kb()?)),
        Command::Sources => emit(cli, &sources::sources(&kb()?)?),
        Command::Advise { answers, all_flips } => {
            let intake = intake(cli, "advise", answers);
            follow(cli, advise::run(&kb()?, &intake, *all_flips)?)
        }
        Command::Career { answers } => {
            follow(cli, career::run(&kb()?, &intake(cli, "career", answers))?)
        }
        Command::Jd {
            role,
            fractional,
            brief,
            answers,
        } => {
            let flags = (*fractional, *brief, answers.as_deref());
            emit(cli, &jd::posting(&kb()?, role, flags)?)
        }
        Command::Kb(KbCommand::Dump) => emit(cli, &kb_command::dump(&kb()?)?),
        Command::Kb(KbCommand::Validate { file }) => {
            emit(cli, &kb_command::validate(file, cli.format)?)
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

/// Shows a questionnaire's result, then offers its follow-up (saving the answers).
fn follow<V: View>(cli: &Cli, (view, follow_up): (V, FollowUp)) -> anyhow::Result<u8> {
    let code = emit(cli, &view)?;
    follow_up.offer()?;
    Ok(code)
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
        color: stream_color(cli.color, &io::stderr()),
    }
}

/// Renders a view whole (nothing half-written reaches stdout), through a pager
/// when long; returns the view's exit code.
fn emit<V: View>(cli: &Cli, view: &V) -> anyhow::Result<u8> {
    let stdout = io::stdout();
    let color = stream_color(cli.color, &stdout);
    let painter = Painter {
        color,
        width: output_width(&stdout),
    };
    let mut buffer = Vec::new();
    render::render(view, cli.format, &painter, &mut buffer)?;
    if !pager::page(!cli.no_pager && V::PAGED, &buffer)? {
        write_stdout(&buffer)?;
    }
    Ok(view.exit_code())
}

/// Writes finished output to stdout; a closed pipe ends quietly (see
/// [`error::exit_code`]), a full disk is an error.
fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .context("cannot write the output")
}
