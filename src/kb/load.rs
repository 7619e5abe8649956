//! Reading a knowledge-base file: refuse what is not a readable, reasonably sized
//! UTF-8 text file before parsing, then parse (within the YAML budgets) and
//! validate, collecting problems, and place each problem in the file (by one
//! more parse, [`yaml::locate`], only when there are problems).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::knowledge_base::KnowledgeBase;
use super::problem::{KbError, Problem, Step, place_of};
use super::validate::check;
use super::yaml;

/// The largest knowledge-base file accepted, in bytes (8 MiB: over a hundred
/// times the embedded knowledge base).
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Loads and validates the knowledge base in `path`; `origin` names it in messages.
pub fn load_file(path: &Path, origin: &str) -> Result<KnowledgeBase, KbError> {
    let text = read_text(path).map_err(|problem| KbError::single(origin, problem))?;
    parse_and_validate(origin, &text)
}

/// How a knowledge base read from stdin is named in messages.
pub const STDIN_ORIGIN: &str = "<stdin>";

/// Loads and validates a knowledge base from stdin, reading at most
/// [`MAX_FILE_BYTES`] (as from a file) before refusing it. Nothing at all
/// (stdin empty, or closed) is refused: `-` asks for a knowledge base there.
pub fn load_stdin() -> Result<KnowledgeBase, KbError> {
    let fail = |problem| KbError::single(STDIN_ORIGIN, problem);
    let bytes = read_capped(io::stdin().lock(), "cannot read stdin: ").map_err(fail)?;
    if bytes.is_empty() {
        return Err(fail(Problem::whole_file(
            "nothing on stdin (it is empty or closed); pipe a knowledge base in, e.g. `roles kb dump | roles kb validate -`",
        )));
    }
    parse_and_validate(STDIN_ORIGIN, &decode_text(bytes).map_err(fail)?)
}

/// At most the size cap of bytes from `source`, refusing more (a file may
/// grow between its size check and the read); a read error is told after `what`.
fn read_capped(source: impl Read, what: &str) -> Result<Vec<u8>, Problem> {
    let mut bytes = Vec::new();
    source
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| Problem::whole_file(format!("{what}{}", describe_io(&error))))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Problem::whole_file(too_large(bytes.len() as u64)));
    }
    Ok(bytes)
}

/// Parses and validates knowledge-base text.
pub fn parse_and_validate(origin: &str, text: &str) -> Result<KnowledgeBase, KbError> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(KbError::single(
            origin,
            Problem::whole_file(
                "the file is empty; a knowledge base needs `schema_version`, `sources`, `roles` and `dimensions` (see `roles kb dump`)",
            ),
        ));
    }
    let kb: KnowledgeBase =
        yaml::parse_kb(text).map_err(|problem| KbError::single(origin, problem))?;
    let (problems, more) = check(&kb);
    if problems.is_empty() {
        return Ok(kb);
    }
    let mut error = located(origin, text, problems);
    error.more = more;
    Err(error)
}

/// The problems found in `text` as an error, each placed in the file (in one
/// pass, however many there are; a place the parser gave is kept) and sorted
/// into file order.
pub fn located(origin: &str, text: &str, mut problems: Vec<Problem>) -> KbError {
    let nodes: Vec<&[Step]> = problems.iter().map(|p| p.node.as_slice()).collect();
    let found = yaml::locate(text, &nodes);
    for (problem, location) in problems.iter_mut().zip(found) {
        problem.location = problem.location.or(location);
    }
    // Stable: problems without a place keep their order, last.
    problems.sort_by_key(|p| (p.location.is_none(), p.location));
    KbError {
        origin: origin.to_owned(),
        problems,
        more: 0,
    }
}

/// Reads a file as UTF-8 text (a knowledge base or an answers file), refusing
/// directories, pipes, devices, oversized and binary files with a message that
/// says what to do.
pub fn read_text(path: &Path) -> Result<String, Problem> {
    let whole = |message: String| Problem::whole_file(message);
    // `metadata` follows symlinks, so a loop fails here rather than at open.
    let metadata = std::fs::metadata(path).map_err(|error| whole(describe_io(&error)))?;
    if metadata.is_dir() {
        return Err(whole("is a directory; give the path of a file".into()));
    }
    if !metadata.is_file() {
        return Err(whole(
            "is not a regular file (a pipe, socket or device); save it to a file first".into(),
        ));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(whole(too_large(metadata.len())));
    }
    let file = File::open(path).map_err(|error| whole(describe_io(&error)))?;
    let bytes = read_capped(file, "")?;
    decode_text(bytes)
}

/// Bytes as text: no NUL byte, valid UTF-8; a byte-order mark at the very start
/// is dropped. The error is placed at the first bad byte.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, Problem> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Problem::located(
            Some(place_of(&bytes, at)),
            format!(
                "a NUL byte (at byte offset {at}): this looks like a binary file; expected YAML or JSON text"
            ),
        ));
    }
    let mut text = String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        Problem::located(
            Some(place_of(error.as_bytes(), offset)),
            format!("not valid UTF-8 (at byte offset {offset}); save the file as UTF-8"),
        )
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
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
