//! Validates the knowledge base in `data/` with the same checks a user's file gets,
//! and stores it in a compact binary form that the binary embeds: the YAML is
//! parsed once here, never at run time, and a broken data file fails the build.

// A build script reports to cargo on stderr; that is what the lint guards against elsewhere.
#![allow(clippy::print_stderr)]

use std::path::Path;
use std::process::ExitCode;

#[allow(dead_code, unused_imports)]
#[path = "src/kb/mod.rs"]
mod kb;

const KB_FILE: &str = "data/kb.yaml";
const QUESTIONNAIRE_FILE: &str = "data/questionnaire.yaml";

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
    let mut knowledge_base: kb::KnowledgeBase =
        kb::yaml::parse(&kb_text).map_err(|problem| vec![kb::KbError::single(KB_FILE, problem)])?;
    knowledge_base.questionnaire =
        kb::parse_questionnaire_file(QUESTIONNAIRE_FILE, &questionnaire_text)
            .map_err(|error| vec![error])?;

    // The questionnaire's problems are placed in its own file, which holds the
    // same `questionnaire:` key, so their paths resolve there too.
    let (in_questionnaire, in_kb): (Vec<_>, Vec<_>) = kb::validate(&knowledge_base)
        .into_iter()
        .partition(|problem| problem.path.starts_with("questionnaire"));
    let errors: Vec<_> = [
        (KB_FILE, &kb_text, in_kb),
        (QUESTIONNAIRE_FILE, &questionnaire_text, in_questionnaire),
    ]
    .into_iter()
    .filter(|(_, _, problems)| !problems.is_empty())
    .map(|(origin, text, problems)| kb::load::located(origin, text, problems))
    .collect();
    if !errors.is_empty() {
        return Err(errors);
    }

    // Each part is stored on its own, so a command decodes only what it reads;
    // `role-heads` holds each role's id and name alone.
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).to_owned();
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
    ];
    for (name, bytes) in parts {
        let file = out.join(format!("{name}.bin"));
        bytes
            .map_err(|error| error.to_string())
            .and_then(|bytes| std::fs::write(&file, bytes).map_err(|error| error.to_string()))
            .map_err(|error| {
                vec![kb::KbError::single(
                    &file.display().to_string(),
                    kb::Problem::whole_file(format!("cannot be written: {error}")),
                )]
            })?;
    }
    Ok(())
}
