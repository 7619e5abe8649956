//! Reading a knowledge-base file: refuse what is not a readable, reasonably sized
//! UTF-8 text file before parsing, then parse and validate, collecting problems.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use serde::Deserialize;

use super::model::{KnowledgeBase, Questionnaire};
use super::problem::{KbError, Problem};
use super::{validate, yaml};

/// The largest knowledge-base file accepted, in bytes (8 MiB: over a hundred
/// times the embedded knowledge base, and small enough that the parser's memory
/// stays bounded).
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Loads and validates the knowledge base in `path`; `origin` names it in messages.
pub fn load_file(path: &Path, origin: &str) -> Result<KnowledgeBase, KbError> {
    let fail = |message: String| KbError::single(origin, Problem::whole_file(message));
    let text = read_text(path).map_err(fail)?;
    parse_and_validate(origin, text)
}

/// Parses and validates knowledge-base text.
///
/// The text is kept for the rest of the run (leaked), so the knowledge base can
/// borrow from it as the embedded one borrows from the binary: a knowledge base
/// lives as long as the process anyway.
pub fn parse_and_validate(origin: &str, text: String) -> Result<KnowledgeBase, KbError> {
    let text: &'static str = Box::leak(text.into_boxed_str());
    if text.trim().is_empty() {
        return Err(KbError::single(
            origin,
            Problem::whole_file(
                "the file is empty; a knowledge base needs `schema_version`, `sources`, `roles` and `dimensions` (see `roles kb dump`)",
            ),
        ));
    }
    let kb: KnowledgeBase =
        yaml::parse(text).map_err(|problem| KbError::single(origin, problem))?;
    let mut problems = validate::validate(&kb);
    if problems.is_empty() {
        return Ok(kb);
    }
    for problem in &mut problems {
        problem.locate_in(text);
    }
    problems.sort_by_key(|p| {
        p.location
            .map_or((usize::MAX, 0), |at| (at.line, at.column))
    });
    Err(KbError {
        origin: origin.to_owned(),
        problems,
    })
}

/// The shape of `data/questionnaire.yaml`, which holds only the questionnaire.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
struct QuestionnaireFile {
    questionnaire: Questionnaire,
}

/// Parses a file that holds only a `questionnaire:` key (as `data/` keeps it).
pub fn parse_questionnaire_file(
    origin: &str,
    text: &'static str,
) -> Result<Questionnaire, KbError> {
    yaml::parse::<QuestionnaireFile>(text)
        .map(|file| file.questionnaire)
        .map_err(|problem| KbError::single(origin, problem))
}

/// Reads a file as UTF-8 text (a knowledge base or an answers file), refusing directories, pipes, devices, oversized and
/// binary files with a message that says what to do.
pub fn read_text(path: &Path) -> Result<String, String> {
    // `metadata` follows symlinks, so a loop fails here rather than at open.
    let metadata = std::fs::metadata(path).map_err(|error| describe_io(&error))?;
    if metadata.is_dir() {
        return Err("is a directory; give the path of a file".into());
    }
    if !metadata.is_file() {
        return Err(
            "is not a regular file (a pipe, socket or device); save it to a file first".into(),
        );
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_large(metadata.len()));
    }
    let file = File::open(path).map_err(|error| describe_io(&error))?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // The file may grow between the check and the read; never read past the cap.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| describe_io(&error))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "looks like a binary file (a NUL byte at offset {at}); expected YAML or JSON text"
        ));
    }
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let bytes = error.as_bytes();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        format!("is not valid UTF-8 (line {line}, byte offset {offset}); save the file as UTF-8")
    })
}

fn too_large(len: u64) -> String {
    format!(
        "is too large ({len} bytes); the limit is {} MiB",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// Turns an I/O error into a short message about the file.
fn describe_io(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file; check the path".into(),
        io::ErrorKind::PermissionDenied => "permission denied; check the file's permissions".into(),
        io::ErrorKind::IsADirectory => "is a directory; give the path of a file".into(),
        _ if error.raw_os_error() == Some(40) => {
            "is a symlink loop; give the path of the file itself".into()
        }
        _ => format!("cannot be read: {error}"),
    }
}
