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

/// The parts of the knowledge base, each a file in `data/` holding some of its
/// top-level keys.
const PARTS: [&str; 6] = ["kb", "questionnaire", "career", "disputes", "areas", "jd"];

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=src/kb");
    // Each file ends its lines and holds only top-level keys of its own, so the
    // files one after another are one knowledge-base document, read and
    // validated as a user's file is; `starts` holds the lines before each file.
    let (mut whole, mut starts) = (String::new(), Vec::new());
    for part in PARTS {
        starts.push(whole.lines().count());
        let file = format!("data/{part}.yaml");
        whole += &std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
    }
    let knowledge_base = match kb::load::parse_and_validate("data", &whole) {
        Ok(knowledge_base) => knowledge_base,
        Err(error) => {
            // Each problem in its own file, at its line there.
            for mut problem in error.problems {
                let line = problem.location.map_or(1, |at| at.line);
                let part = starts.iter().rposition(|&start| start < line).unwrap_or(0);
                if let Some(at) = &mut problem.location {
                    at.line -= starts[part];
                }
                let file = format!("data/{}.yaml", PARTS[part]);
                let error = kb::KbError::single(&file, problem);
                eprintln!("error: the embedded knowledge base is not valid: {error}");
            }
            if error.more > 0 {
                eprintln!("error: … and {} more problems", error.more);
            }
            return ExitCode::FAILURE;
        }
    };
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).to_owned();
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    };
    let help = questions_help(
        "roles advise\n  roles advise --answer aim=product --answer size=startup --no-input\n  roles advise --answers answers.yaml --format json",
        &knowledge_base.questionnaire.questions,
    );
    write("advise-help.txt", help.as_bytes());
    let help = questions_help(
        "roles career\n  roles career --answer interest=product --answer audience=external --answer years=12 --no-input\n  roles career --answers me.yaml --format markdown > plan.md",
        &knowledge_base.career.questions,
    );
    write("career-help.txt", help.as_bytes());
    write(
        "kb.bin",
        &postcard::to_stdvec(&knowledge_base).expect("encodes"),
    );
    ExitCode::SUCCESS
}

/// The long help of a questionnaire's command: `examples`, then each embedded
/// question's id and values, wrapped to 80 columns under the values.
fn questions_help(examples: &str, questions: &[kb::Question]) -> String {
    let mut help = format!(
        "Examples:\n  {examples}\n\nQuestions (ID: VALUES) in the embedded knowledge base:\n"
    );
    let label_width = questions.iter().map(|q| q.id.len() + 1).max().unwrap_or(0);
    let indent = " ".repeat(2 + label_width + 1);
    for question in questions {
        let values: Vec<&str> = question.choices.iter().map(|c| c.value.as_str()).collect();
        let mut words = values.join(", ");
        if question.multiple {
            words = format!("any of {words} (comma-separated)");
        }
        if question.number {
            words = match words.is_empty() {
                true => "a whole number".to_owned(),
                false => format!("{words}, or a whole number"),
            };
        }
        let label = format!("  {:<label_width$} ", format!("{}:", question.id));
        let options = textwrap::Options::new(80)
            .initial_indent(&label)
            .subsequent_indent(&indent)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        help += &textwrap::fill(&words, options);
        help.push('\n');
    }
    help + "A custom knowledge base may ask others: `roles kb dump` shows them."
}
