//! Validates the knowledge base in `data/` with the same checks a user's file gets,
//! and stores it whole in postcard form for the binary to embed: the YAML is
//! parsed once here, never at run time, and a broken data file fails the build.
//! Also writes `roles advise --help`'s list of questions from the same data.

// A build script reports to cargo on stderr; that is what the lint guards against elsewhere.
#![allow(clippy::print_stderr)]

use std::path::Path;
use std::process::ExitCode;

#[allow(dead_code, unused_imports)]
#[path = "src/kb/mod.rs"]
mod kb;

/// The files of `data/`, each holding some of the knowledge base's top-level keys.
const FILES: [&str; 6] = [
    "data/kb.yaml",
    "data/questionnaire.yaml",
    "data/career.yaml",
    "data/disputes.yaml",
    "data/areas.yaml",
    "data/jd.yaml",
];

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=src/kb");
    match embed() {
        Ok(()) => ExitCode::SUCCESS,
        Err(errors) => {
            for error in errors {
                eprintln!("error: the embedded knowledge base is not valid: {error}");
            }
            ExitCode::FAILURE
        }
    }
}

fn embed() -> Result<(), Vec<kb::KbError>> {
    // Each file ends its lines and holds only top-level keys of its own, so the
    // files one after another are one knowledge-base document, read and
    // validated as a user's file is; `starts` holds the lines before each file.
    let mut whole = String::new();
    let mut starts = Vec::new();
    for file in FILES {
        starts.push(whole.lines().count());
        let text = std::fs::read_to_string(file).map_err(|error| {
            vec![kb::KbError::single(
                file,
                kb::Problem::whole_file(error.to_string()),
            )]
        })?;
        whole.push_str(&text);
    }
    let knowledge_base =
        kb::load::parse_and_validate("data", &whole).map_err(|error| by_file(error, &starts))?;
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).to_owned();
    write(
        &out.join("advise-help.txt"),
        questions_help(
            "roles advise\n  roles advise --answer aim=product --answer size=startup --no-input\n  roles advise --answers answers.yaml --format json",
            &knowledge_base.questionnaire.questions,
        )
        .as_bytes(),
    )?;
    write(
        &out.join("career-help.txt"),
        questions_help(
            "roles career\n  roles career --answer interest=product --answer audience=external --answer years=12 --no-input\n  roles career --answers me.yaml --format markdown > plan.md",
            &knowledge_base.career.questions,
        )
        .as_bytes(),
    )?;
    let bytes = postcard::to_stdvec(&knowledge_base).map_err(|error| {
        vec![kb::KbError::single(
            "data",
            kb::Problem::whole_file(format!("cannot be encoded: {error}")),
        )]
    })?;
    write(&out.join("kb.bin"), &bytes)
}

/// The problems found in the files together, each placed in its own file.
fn by_file(error: kb::KbError, starts: &[usize]) -> Vec<kb::KbError> {
    let mut errors: Vec<kb::KbError> = FILES
        .iter()
        .map(|file| kb::KbError {
            origin: (*file).to_owned(),
            problems: Vec::new(),
            more: 0,
        })
        .collect();
    errors[0].more = error.more;
    for mut problem in error.problems {
        let line = problem.location.map_or(1, |at| at.line);
        let file = starts.iter().rposition(|&start| start < line).unwrap_or(0);
        if let Some(at) = &mut problem.location {
            at.line -= starts[file];
        }
        errors[file].problems.push(problem);
    }
    errors.retain(|error| !error.problems.is_empty() || error.more > 0);
    errors
}

/// Writes a generated file, as a build error if that fails.
fn write(file: &Path, bytes: &[u8]) -> Result<(), Vec<kb::KbError>> {
    std::fs::write(file, bytes).map_err(|error| {
        vec![kb::KbError::single(
            &file.display().to_string(),
            kb::Problem::whole_file(format!("cannot be written: {error}")),
        )]
    })
}

/// The long help of a questionnaire's command: `examples`, then each embedded
/// question's id and values, wrapped to 80 columns under the values.
fn questions_help(examples: &str, questions: &[kb::Question]) -> String {
    const WIDTH: usize = 80;
    let mut help = format!(
        "Examples:\n  {examples}\n\nQuestions (ID: VALUES) in the embedded knowledge base:\n"
    );
    let label_width = questions
        .iter()
        .map(|question| question.id.len() + 1)
        .max()
        .unwrap_or(0);
    let indent = 2 + label_width + 1;
    for question in questions {
        let values: Vec<&str> = question.choices.iter().map(|c| c.value.as_str()).collect();
        let mut words = values.join(", ");
        if question.multiple {
            words = format!("any of {words} (comma-separated)");
        }
        if question.number {
            words = if words.is_empty() {
                "a whole number".to_owned()
            } else {
                format!("{words}, or a whole number")
            };
        }
        let mut line = format!("  {:<label_width$} ", format!("{}:", question.id));
        let mut width = indent;
        for word in words.split(' ') {
            if width > indent && width + 1 + word.len() > WIDTH {
                help.push_str(line.trim_end());
                help.push('\n');
                line = " ".repeat(indent);
                width = indent;
            } else if width > indent {
                line.push(' ');
                width += 1;
            }
            line.push_str(word);
            width += word.len();
        }
        help.push_str(&line);
        help.push('\n');
    }
    help.push_str("A custom knowledge base may ask others: `roles kb dump` shows them.");
    help
}
