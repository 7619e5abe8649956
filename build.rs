//! Validates the knowledge base in `data/` with the same checks a user's file gets,
//! and stores it in a compact binary form that the binary embeds: the YAML is
//! parsed once here, never at run time, and a broken data file fails the build.
//! Also writes `roles advise --help`'s list of questions from the same data.

// A build script reports to cargo on stderr; that is what the lint guards against elsewhere.
#![allow(clippy::print_stderr)]

use std::path::Path;
use std::process::ExitCode;

#[allow(dead_code, unused_imports)]
#[path = "src/kb/mod.rs"]
mod kb;

const KB_FILE: &str = "data/kb.yaml";
const QUESTIONNAIRE_FILE: &str = "data/questionnaire.yaml";
const CAREER_FILE: &str = "data/career.yaml";
const DISPUTES_FILE: &str = "data/disputes.yaml";
const AREAS_FILE: &str = "data/areas.yaml";
const JD_FILE: &str = "data/jd.yaml";

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
    let read = |path: &str| {
        std::fs::read_to_string(path).map_err(|error| {
            vec![kb::KbError::single(
                path,
                kb::Problem::whole_file(error.to_string()),
            )]
        })
    };
    let kb_text = read(KB_FILE)?;
    let questionnaire_text = read(QUESTIONNAIRE_FILE)?;
    let career_text = read(CAREER_FILE)?;
    let disputes_text = read(DISPUTES_FILE)?;
    let areas_text = read(AREAS_FILE)?;
    let jd_text = read(JD_FILE)?;
    let mut knowledge_base: kb::KnowledgeBase =
        kb::yaml::parse(&kb_text).map_err(|problem| vec![kb::KbError::single(KB_FILE, problem)])?;
    knowledge_base.questionnaire =
        kb::parse_questionnaire_file(QUESTIONNAIRE_FILE, &questionnaire_text)
            .map_err(|error| vec![error])?;
    knowledge_base.career =
        kb::career::parse_career_file(CAREER_FILE, &career_text).map_err(|error| vec![error])?;
    knowledge_base.disputes = kb::browse::parse_disputes_file(DISPUTES_FILE, &disputes_text)
        .map_err(|error| vec![error])?;
    knowledge_base.areas =
        kb::browse::parse_areas_file(AREAS_FILE, &areas_text).map_err(|error| vec![error])?;
    knowledge_base.jd = kb::jd::parse_jd_file(JD_FILE, &jd_text).map_err(|error| vec![error])?;

    // The questionnaire's problems are placed in its own file, which holds the
    // same `questionnaire:` key, so their paths resolve there too.
    let (in_questionnaire, in_kb): (Vec<_>, Vec<_>) = kb::validate(&knowledge_base)
        .into_iter()
        .partition(|problem| problem.path.starts_with("questionnaire"));
    let (in_career, in_kb): (Vec<_>, Vec<_>) = in_kb
        .into_iter()
        .partition(|problem| problem.path.starts_with("career"));
    let (in_disputes, in_kb): (Vec<_>, Vec<_>) = in_kb
        .into_iter()
        .partition(|problem| problem.path.starts_with("disputes"));
    let (in_areas, in_kb): (Vec<_>, Vec<_>) = in_kb
        .into_iter()
        .partition(|problem| problem.path.starts_with("areas"));
    let (in_jd, in_kb): (Vec<_>, Vec<_>) = in_kb
        .into_iter()
        .partition(|problem| problem.path.starts_with("jd"));
    let errors: Vec<_> = [
        (KB_FILE, &kb_text, in_kb),
        (QUESTIONNAIRE_FILE, &questionnaire_text, in_questionnaire),
        (CAREER_FILE, &career_text, in_career),
        (DISPUTES_FILE, &disputes_text, in_disputes),
        (AREAS_FILE, &areas_text, in_areas),
        (JD_FILE, &jd_text, in_jd),
    ]
    .into_iter()
    .filter(|(_, _, problems)| !problems.is_empty())
    .map(|(origin, text, problems)| kb::load::located(origin, text, problems))
    .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
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

    // Each part on its own, so a command decodes only the parts it reads (see
    // src/library.rs); `role-heads` holds each role's id and name alone.
    let role_heads: Vec<(&str, &str)> = knowledge_base
        .roles
        .iter()
        .map(|role| (role.id.as_str(), role.name.as_str()))
        .collect();
    let parts = [
        (
            "schema-version",
            postcard::to_stdvec(&knowledge_base.schema_version),
        ),
        ("sources", postcard::to_stdvec(&knowledge_base.sources)),
        ("role-heads", postcard::to_stdvec(&role_heads)),
        ("roles", postcard::to_stdvec(&knowledge_base.roles)),
        (
            "dimensions",
            postcard::to_stdvec(&knowledge_base.dimensions),
        ),
        ("topics", postcard::to_stdvec(&knowledge_base.topics)),
        (
            "questionnaire",
            postcard::to_stdvec(&knowledge_base.questionnaire),
        ),
        ("career", postcard::to_stdvec(&knowledge_base.career)),
        ("disputes", postcard::to_stdvec(&knowledge_base.disputes)),
        ("areas", postcard::to_stdvec(&knowledge_base.areas)),
        ("jd", postcard::to_stdvec(&knowledge_base.jd)),
    ];
    for (name, bytes) in parts {
        let file = out.join(format!("{name}.bin"));
        let bytes = bytes.map_err(|error| {
            vec![kb::KbError::single(
                &file.display().to_string(),
                kb::Problem::whole_file(format!("cannot be encoded: {error}")),
            )]
        })?;
        write(&file, &bytes)?;
    }
    Ok(())
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
