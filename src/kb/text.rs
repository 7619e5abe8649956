//! [`Text`]: a string of the knowledge base, owned, and read as a `&str`; and
//! the two functions that make any text from a file or an argument safe to put
//! in front of a terminal: [`escape_controls`] and [`shown`].
//!
//! A `Text` owns its bytes: the embedded knowledge base is copied out of the
//! binary when decoded, and a user's file is parsed into owned strings, so
//! nothing is leaked to give strings a `'static` life. It is a compact string
//! (three words, like `String`): ids and citations, most of a knowledge base's
//! strings, fit in those 24 bytes and need no allocation, which keeps decoding
//! the embedded copy about as cheap as when it borrowed from the binary.
//!
//! The escaping functions live here rather than in `crate::error` because
//! `build.rs` compiles this module on its own; `crate::error` re-exports them.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};

/// A string of the knowledge base.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(compact_str::CompactString);

impl Text {
    /// The text as a `&str`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&'static str> for Text {
    fn from(text: &'static str) -> Self {
        Text(compact_str::CompactString::const_new(text))
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text(text.into())
    }
}

impl From<&Text> for String {
    fn from(text: &Text) -> Self {
        text.0.to_string()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl Visitor<'_> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Text, E> {
                Ok(Text(compact_str::CompactString::new(text)))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<Text, E> {
                Ok(Text::from(text))
            }
        }

        deserializer.deserialize_str(TextVisitor)
    }
}

impl schemars::JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "String".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

/// Whether `c` is a control character that must never reach a terminal raw:
/// C0 (U+0000–U+001F) except line feed and tab, DEL (U+007F), and C1
/// (U+0080–U+009F). ESC (U+001B) starts every colour and cursor sequence, and
/// C1's CSI (U+009B) does the same on some terminals.
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `text` with every control character except line feed and tab written as
/// an escape (`\u{1b}`, `\r`, `\0`), for renderers: multi-line text keeps its
/// lines and tabs, while ESC, BEL, CR, DEL and the C1 controls are made
/// visible instead of acting on the terminal. Borrows when there is nothing to
/// escape, which is almost always.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    escape_where(text, is_forbidden_control)
}

/// `text` on one line: every control character escaped, line feed and tab too.
/// For file names and other text quoted whole in a message.
pub fn one_line(text: &str) -> Cow<'_, str> {
    escape_where(text, char::is_control)
}

fn escape_where(text: &str, escape: fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(escape) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escape(c) {
            push_escape(&mut escaped, c);
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

/// The most characters of a user's value an error message repeats.
pub const SHOWN_CHARS: usize = 80;

/// A value from a file or an argument as an error message repeats it: on one
/// line (see [`one_line`]) and cut to [`SHOWN_CHARS`] characters, with `…`
/// when cut. Messages put it in backticks.
pub fn shown(value: &str) -> String {
    match value.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", one_line(&value[..cut])),
        None => one_line(value).into_owned(),
    }
}

fn push_escape(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        '\0' => out.push_str("\\0"),
        _ => {
            use fmt::Write as _;
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let text = "Chief Information Officer\n\tresponsible for IT, ü 中文";
        assert!(matches!(escape_controls(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn escape_sequences_are_made_visible() {
        assert_eq!(escape_controls("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert_eq!(
            escape_controls("\u{1b}]0;title\u{7}"),
            "\\u{1b}]0;title\\u{7}"
        );
        assert_eq!(escape_controls("a\rb\0c\u{7f}"), "a\\rb\\0c\\u{7f}");
        assert_eq!(escape_controls("csi\u{9b}31m"), "csi\\u{9b}31m");
    }

    #[test]
    fn renderers_keep_line_feeds_and_tabs() {
        assert_eq!(escape_controls("one\ntwo\tthree"), "one\ntwo\tthree");
    }

    #[test]
    fn a_shown_value_is_one_line() {
        assert_eq!(shown("one\ntwo\tthree\u{1b}"), "one\\ntwo\\tthree\\u{1b}");
    }

    #[test]
    fn a_shown_value_is_cut_to_eighty_characters() {
        let long = "é".repeat(200);
        let cut = shown(&long);
        assert_eq!(cut.chars().count(), SHOWN_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(shown(&"x".repeat(SHOWN_CHARS)), "x".repeat(SHOWN_CHARS));
    }

    #[test]
    fn forbidden_controls_are_c0_but_line_feed_and_tab_del_and_c1() {
        for c in [
            '\0', '\u{7}', '\r', '\u{1b}', '\u{7f}', '\u{80}', '\u{85}', '\u{9f}',
        ] {
            assert!(is_forbidden_control(c), "{c:?}");
        }
        for c in ['\n', '\t', ' ', 'a', '\u{a0}', '\u{2028}'] {
            assert!(!is_forbidden_control(c), "{c:?}");
        }
    }

    #[test]
    fn text_owns_what_it_was_made_from() {
        let owned = Text::from(String::from("cto"));
        let borrowed = Text::from("cto");
        assert_eq!(owned, borrowed);
        assert_eq!(&*owned, "cto");
    }
}
