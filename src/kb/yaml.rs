//! The one place that names the YAML library: parsing a knowledge-base file into a
//! model, and writing any serialisable value as YAML. Swapping the YAML crate
//! means changing this file only.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::problem::{Location, Problem};

/// Parses YAML text into `T`, turning the parser's error into a located [`Problem`].
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    serde_yaml::from_str(text).map_err(|error| {
        let location = error.location().map(|at| Location {
            line: at.line(),
            column: at.column(),
        });
        let mut message = error.to_string();
        // The library appends the position in words; we print it as `line:column`.
        if let Some(at) = message.rfind(" at line ") {
            message.truncate(at);
        }
        let (path, message) = split_path(&message);
        Problem {
            location,
            path: path.to_owned(),
            message: message.to_owned(),
            needle: None,
        }
    })
}

/// The library prefixes messages with the data path (`roles[0].id: …`); keep it apart.
fn split_path(message: &str) -> (&str, &str) {
    match message.split_once(": ") {
        Some((path, rest))
            if !path.is_empty()
                && !path.contains(' ')
                && path
                    .chars()
                    .all(|c| c.is_alphanumeric() || "._-[]".contains(c)) =>
        {
            (path, rest)
        }
        _ => ("", message),
    }
}

/// Writes a value as a YAML document.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|error| error.to_string())
}
