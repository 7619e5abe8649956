//! Running a command: parse the arguments, build the output, write it in one go,
//! and turn any error into a message on stderr and an exit code.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};

use clap::{CommandFactory, FromArgMatches};

use crate::advise::{Advice, Answers};
use crate::cli::{AdviseArgs, Cli, ColorChoice, Command, KbCommand};
use crate::embedded::{Parts, RoleDetail};
use crate::error::{BadInput, EXIT_OK, exit_code};
use crate::kb::KnowledgeBase;
use crate::render::{Output, Style, Validated};
use crate::terminal::{output_width, stream_color};
use crate::{advise, embedded, error, kb, render, view};

/// Runs `roles` with these arguments and returns the process exit code.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString>>) -> u8 {
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let command = without_empty_kb_variable(Cli::command().color(help_color(&args)));
    let parsed = command
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => return print_clap_output(&error),
    };
    match execute(&cli) {
        Ok(()) => EXIT_OK,
        Err(error) => match exit_code(&error) {
            None => EXIT_OK,
            Some(code) => {
                report(&error, &cli);
                code
            }
        },
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
    if stream_color(choice, &io::stdout()) {
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

/// Prints an error to stderr as `error: …`, with a hint where one helps.
fn report(error: &anyhow::Error, cli: &Cli) {
    let color = stream_color(cli.color, &io::stderr());
    let red = anstyle::Style::new()
        .fg_color(Some(anstyle::AnsiColor::Red.into()))
        .effects(anstyle::Effects::BOLD);
    let label = crate::terminal::paint(color, "error:", red);
    let mut message = format!("{label} {error}");
    for cause in error.chain().skip(1) {
        message.push_str(&format!(": {cause}"));
    }
    let _ = writeln!(io::stderr().lock(), "{message}");
}

/// Runs the command, buffering its output so that nothing half-written reaches
/// stdout when it fails.
fn execute(cli: &Cli) -> anyhow::Result<()> {
    let output = match &cli.command {
        Command::Kb(KbCommand::Validate { file }) => {
            let origin = file.display().to_string();
            let kb = kb::load_file(file, &origin)?;
            Output::Validated(validated(&origin, &kb))
        }
        Command::Schema { name } => Output::Schema(view::schema::schemas(*name)),
        Command::Completions { shell } => {
            let mut buffer = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "roles", &mut buffer);
            return write_stdout(&buffer);
        }
        Command::Man => {
            let mut buffer = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut buffer)?;
            return write_stdout(&buffer);
        }
        command => {
            // The process ends right after the command; freeing the knowledge base
            // piece by piece would only cost time.
            let kb = std::mem::ManuallyDrop::new(knowledge_base(cli)?);
            match command {
                Command::Compare(args) => Output::Compare(view::compare::compare(
                    &kb,
                    &args.roles,
                    &args.only,
                    args.cite,
                )?),
                Command::Show(args) => {
                    Output::Show(view::show::show(&kb, &args.role, args.section.as_deref())?)
                }
                Command::Search(args) => {
                    Output::Search(view::search::search(&kb, &args.words, args.limit as usize)?)
                }
                Command::Sources => Output::Sources(view::sources::sources(&kb)),
                Command::Advise(args) => Output::Advice(run_advise(cli, args, &kb)?),
                Command::Jd(args) => Output::JobDescription(view::jd::job_description(
                    &kb,
                    &args.role,
                    args.fractional,
                )?),
                Command::Kb(KbCommand::Dump) => Output::Dump(view::dump::dump(&kb)?),
                Command::Kb(KbCommand::Validate { .. })
                | Command::Schema { .. }
                | Command::Completions { .. }
                | Command::Man => unreachable!("handled above"),
            }
        }
    };
    let stdout = io::stdout();
    let style = Style {
        color: stream_color(cli.color, &stdout),
        width: output_width(&stdout),
    };
    let mut buffer = Vec::with_capacity(64 * 1024);
    render::render(&output, cli.format, &style, &mut buffer)?;
    write_stdout(&buffer)?;
    // As with the knowledge base: the process ends now, so skip the freeing.
    std::mem::forget(output);
    std::mem::forget(buffer);
    Ok(())
}

/// Writes finished output to stdout in one go.
fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

/// Gathers answers (file, flags, then a terminal interview for the rest), saves
/// them if asked, and scores them.
fn run_advise(cli: &Cli, args: &AdviseArgs, kb: &KnowledgeBase) -> anyhow::Result<Advice> {
    let questionnaire = &kb.questionnaire;
    if questionnaire.questions.is_empty() {
        return Err(BadInput::err(
            "this knowledge base has no questionnaire; add `questionnaire.questions` (see `roles kb dump`)",
        ));
    }
    if let Some(path) = &args.save {
        advise::answers::check_save_target(path, args.force)?;
    }
    let mut answers = match &args.answers {
        Some(path) => Answers::from_file(path, questionnaire)?,
        None => Answers::default(),
    };
    answers.apply_flags(&args.answer, questionnaire)?;

    let stderr = io::stderr();
    let interactive = !args.no_input && io::stdin().is_terminal() && stderr.is_terminal();
    if interactive {
        let mut prompter = advise::terminal::TerminalPrompter {
            color: stream_color(cli.color, &stderr),
        };
        advise::prompt::interview(&questionnaire.questions, &mut answers, &mut prompter)?;
    } else if !args.no_input && args.answer.is_empty() && args.answers.is_none() {
        return Err(BadInput::err(
            "no terminal to ask the questions on, and no answers given; pass them with \
             `--answer KEY=VALUE` or `--answers FILE` (add `--no-input` to accept no preference)",
        ));
    }
    if let Some(path) = &args.save {
        answers.save(path, args.force)?;
    }
    Ok(advise::advise(kb, &answers))
}

/// The knowledge base in use: `--kb FILE` or `ROLES_KB`, else the embedded one,
/// of which only the parts the command reads are decoded.
fn knowledge_base(cli: &Cli) -> anyhow::Result<KnowledgeBase> {
    match &cli.kb {
        Some(path) => Ok(kb::load_file(path, &path.display().to_string())?),
        None => embedded::knowledge_base_parts(parts_read_by(&cli.command)),
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

/// The parts of the knowledge base each command reads. The integration tests
/// compare every command's output on the embedded knowledge base with its output
/// on a full dump of it, so a part missing here shows up there.
fn parts_read_by(command: &Command) -> Parts {
    let none = Parts {
        sources: false,
        roles: RoleDetail::Heads,
        dimensions: false,
        topics: false,
        questionnaire: false,
    };
    match command {
        Command::Compare(_) => Parts {
            dimensions: true,
            ..none
        },
        Command::Show(_) => Parts {
            roles: RoleDetail::Full,
            dimensions: true,
            ..none
        },
        Command::Search(_) => Parts {
            roles: RoleDetail::Full,
            dimensions: true,
            topics: true,
            ..none
        },
        Command::Advise(_) => Parts {
            questionnaire: true,
            ..none
        },
        Command::Jd(_) => Parts {
            sources: true,
            roles: RoleDetail::Full,
            ..none
        },
        _ => Parts::ALL,
    }
}

fn validated(file: &str, kb: &KnowledgeBase) -> Validated {
    Validated {
        schema_version: view::SCHEMA_VERSION,
        file: file.to_owned(),
        valid: true,
        sources: kb.sources.len(),
        roles: kb.roles.len(),
        dimensions: kb.dimensions.len(),
        topics: kb.topics.len(),
        facts: view::every_fact(kb).len(),
        questions: kb.questionnaire.questions.len(),
    }
}
