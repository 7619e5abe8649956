//! The command line, as clap derive structs. Doc comments here are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0    success
  1    failure (an unexpected error), or nothing found: `roles search` matched no fact
  2    bad usage or bad input: flags, role names, answers, knowledge-base files
  130  interrupted (Ctrl-C)";

/// `roles advise --help`'s examples and the embedded questionnaire's ids and
/// values, written by `build.rs` from `data/`.
const ADVISE_QUESTIONS: &str = include_str!(concat!(env!("OUT_DIR"), "/advise-help.txt"));

/// `roles career --help`'s examples and the embedded career questions, likewise.
const CAREER_QUESTIONS: &str = include_str!(concat!(env!("OUT_DIR"), "/career-help.txt"));

/// Compare the CIO and CTO roles, and find out which one your company should hire.
#[derive(Debug, Parser)]
#[command(
    name = "roles",
    version,
    propagate_version = true,
    after_help = EXIT_CODES,
    after_long_help = format!("Examples:\n  roles compare\n  roles show cto --section kpis\n  roles advise --answer aim=product --answer size=startup\n\n{EXIT_CODES}"),
)]
pub struct Cli {
    /// Output format (case-insensitive). `completions` and `man` refuse it.
    #[arg(long, short = 'f', global = true, value_enum, ignore_case = true, default_value_t = Format::Table)]
    pub format: Format,
    /// Load this knowledge base instead of the embedded one. `completions`, `man`
    /// and `schema` refuse `--kb` (they do not read one) and ignore `ROLES_KB`.
    #[arg(long, global = true, env = "ROLES_KB", value_name = "FILE")]
    pub kb: Option<PathBuf>,
    /// When to use colour: auto means only on a terminal with NO_COLOR unset.
    #[arg(long, global = true, value_enum, ignore_case = true, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Never page: by default long output of show, jd, topics, disputes and split on a terminal
    /// goes through ROLES_PAGER, PAGER or `less -FRX`.
    #[arg(long, global = true)]
    pub no_pager: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// How results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people (plain text when piped).
    Table,
    /// One JSON object with a `schema_version` field.
    Json,
    /// The same data as YAML.
    Yaml,
    /// Markdown, to paste into documents.
    Markdown,
    /// One self-contained HTML page of the Markdown, to open or print.
    Html,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE forces it.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare roles side by side, a row per dimension.
    #[command(
        after_help = "Examples:\n  roles compare\n  roles compare --only focus,objective,revenue-line --cite\n  roles compare --format json | jq '.dimensions[0]'"
    )]
    Compare {
        /// Roles to compare (default: all, if there are no more than 8); ids are case-insensitive.
        #[arg(value_name = "ROLE")]
        roles: Vec<String>,
        /// Only these dimensions, by id or name (case-insensitive), comma-separated, in the order given.
        #[arg(long, value_delimiter = ',', value_name = "DIM,...")]
        only: Vec<String>,
        /// Show the source ids behind each value.
        #[arg(long)]
        cite: bool,
    },
    /// Show the whole profile of one role.
    #[command(
        after_help = "Examples:\n  roles show cio\n  roles show cto --section responsibilities\n  roles show CTO --format markdown > cto.md"
    )]
    Show {
        /// The role, e.g. `cio` (case-insensitive).
        role: String,
        /// Only these sections, e.g. `kpis` or `kpis,salary`; comma-separated or repeated.
        #[arg(long, short = 's', value_delimiter = ',', value_name = "NAME,...")]
        section: Vec<String>,
    },
    /// Search every fact, ranked, and see which role the matches lean to.
    #[command(
        after_help = "Examples:\n  roles search data governance\n  roles search \"who owns the IT budget\" --role cio\n  roles search innovation --format json\n\nExits 1 when no fact matches (as grep does), after suggesting the closest words."
    )]
    Search {
        /// Words to look for, case-insensitive; a word also matches longer words it begins, and
        /// singular and plural match. Question words are dropped unless written in capitals (`IT`).
        #[arg(required = true, value_name = "WORDS")]
        words: Vec<String>,
        /// Show at most this many hits.
        #[arg(long, short = 'n', default_value_t = 10, value_name = "N",
              value_parser = clap::value_parser!(u32).range(1..))]
        limit: u32,
        /// Only facts that concern this role, e.g. `cio` (case-insensitive).
        #[arg(long, short = 'r', value_name = "ID")]
        role: Option<String>,
    },
    /// List the cross-role topics, or show one with its facts grouped by theme.
    #[command(
        after_help = "Examples:\n  roles topics\n  roles topics need-both\n  roles topics disagreements --format markdown > disagreements.md"
    )]
    Topics {
        /// The topic, e.g. `need-both` (case-insensitive); all topics are listed without one.
        topic: Option<String>,
    },
    /// Set the articles' views side by side wherever they disagree.
    #[command(
        after_help = "Examples:\n  roles disputes\n  roles disputes --format markdown > disputes.md\n  roles disputes --format json | jq -r '.disputes[].question'"
    )]
    Disputes,
    /// Who owns what in a company that has both roles: each area's owner and why.
    #[command(
        after_help = "Examples:\n  roles split\n  roles split --format json | jq -r '.areas[] | \"\\(.owner): \\(.title)\"'\n  roles split --format markdown > split.md"
    )]
    Split,
    /// List the articles the knowledge base is drawn from.
    #[command(after_help = "Examples:\n  roles sources\n  roles sources --format json")]
    Sources,
    /// Answer a few questions and get a recommendation: CIO, CTO or both, full-time or fractional.
    #[command(
        after_help = "Examples:\n  roles advise\n  roles advise --answer aim=product --answer size=startup --no-input\n  roles advise --answers answers.yaml --format json\n\nThe questions and their values: `roles advise --help`.",
        after_long_help = ADVISE_QUESTIONS
    )]
    Advise {
        /// Where the answers come from.
        #[command(flatten)]
        answers: QuestionnaireArgs,
        /// List every answer change that would change the plan, not only the five most decisive.
        #[arg(long)]
        all_flips: bool,
    },
    /// Answer a few questions about yourself: which track fits, what you still lack, the usual path.
    #[command(
        after_help = "Examples:\n  roles career\n  roles career --answer interest=product --answer audience=external --answer years=12 --no-input\n  roles career --answers me.yaml --format markdown > plan.md\n\nThe questions and their values: `roles career --help`.",
        after_long_help = CAREER_QUESTIONS
    )]
    Career {
        /// Where the answers come from.
        #[command(flatten)]
        answers: QuestionnaireArgs,
    },
    /// Draft a Markdown job description for a role.
    #[command(
        after_help = "Examples:\n  roles jd cto\n  roles jd cto --brief\n  roles jd cio --fractional > fractional-cio.md\n  roles jd cto --answers answers.yaml"
    )]
    Jd {
        /// The role, e.g. `cto` (case-insensitive).
        role: String,
        /// Frame the job as a part-time, fractional engagement: only the duties that fit one.
        #[arg(long)]
        fractional: bool,
        /// A one-screen posting (about 25 lines): the main duties and requirements.
        #[arg(long)]
        brief: bool,
        /// An `advise` answers file (YAML or JSON, `-` for stdin): the duties meeting its `needs` come first.
        #[arg(long, value_name = "FILE")]
        answers: Option<PathBuf>,
    },
    /// Dump or validate a knowledge base.
    #[command(
        subcommand,
        after_help = "Examples:\n  roles kb dump > my-kb.yaml\n  roles kb validate my-kb.yaml\n  roles --kb my-kb.yaml compare"
    )]
    Kb(KbCommand),
    /// Print the JSON Schema of a command's JSON output (all of them when none is named).
    #[command(
        after_help = "Examples:\n  roles schema compare\n  roles schema kb > roles-kb.schema.json"
    )]
    Schema {
        /// Whose output: compare, show, search, topics, disputes, split, sources, advise, career,
        /// jd, kb (the knowledge-base file) or kb-validate.
        #[arg(value_enum)]
        name: Option<crate::commands::schema::Subject>,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  roles completions bash > ~/.local/share/bash-completion/completions/roles\n  roles completions zsh > ~/.zfunc/_roles\n  roles completions fish > ~/.config/fish/completions/roles.fish"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    #[command(
        after_help = "Examples:\n  roles man > ~/.local/share/man/man1/roles.1\n  roles man | man -l -"
    )]
    Man,
}

/// How a guided questionnaire gets its answers.
#[derive(Debug, Args)]
pub struct QuestionnaireArgs {
    /// Answer a question: `aim=product`, `needs=innovation,tech-stack`. Repeatable.
    #[arg(long, short = 'a', value_name = "KEY=VALUE")]
    pub answer: Vec<String>,
    /// Read answers from a YAML or JSON file (`-` for stdin); `--answer` overrides it.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Never prompt: unanswered questions count as no preference.
    #[arg(long)]
    pub no_input: bool,
    /// Save the answers given to FILE, to replay with `--answers FILE`.
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
    /// Let `--save` replace an existing file.
    #[arg(long, requires = "save")]
    pub force: bool,
}

/// `roles kb` subcommands.
#[derive(Debug, Subcommand)]
pub enum KbCommand {
    /// Print the knowledge base in use (YAML; JSON with --format json), a start for your own.
    #[command(
        after_help = "Examples:\n  roles kb dump > my-kb.yaml\n  roles --kb my-kb.yaml compare"
    )]
    Dump,
    /// Check a knowledge-base file and report every problem found.
    #[command(
        after_help = "Examples:\n  roles kb validate my-kb.yaml\n  roles kb dump --format json > kb.json && roles kb validate kb.json\n  roles kb validate my-kb.yaml --format json\n  roles kb dump | roles kb validate -"
    )]
    Validate {
        /// The file to check (`-` for stdin). With `--format json` or `yaml` the
        /// report goes to stdout, valid or not (exit 2 when invalid).
        file: PathBuf,
    },
}
