//! Making any text from a file or an argument safe to put in front of a
//! terminal: [`escape_controls`] and [`shown`] make control and invisible
//! characters visible. They live here rather than in `crate::error` because
//! `build.rs` compiles `src/kb/` on its own; `crate::error` re-exports them.

use std::borrow::Cow;

/// Whether `c` is a control character that must never reach a terminal raw:
/// C0 (U+0000–U+001F) except line feed, DEL (U+007F), and C1 (U+0080–U+009F).
/// ESC (U+001B) starts every colour and cursor sequence, C1's CSI (U+009B) does
/// the same on some terminals, and a tab would break a table's columns.
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && c != '\n'
}

/// Whether `c` is a format character that shows nothing yet changes what is
/// shown: bidi embeddings, overrides, isolates and marks (which can reorder a
/// line so it reads otherwise than it is), zero-width spaces and joiners, the
/// byte-order mark, the soft hyphen, invisible operators and tag characters.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}')
}

/// `text` for a terminal: every character that would act on it or hide there
/// ([`is_forbidden_control`], [`is_invisible`]) written as an escape (`\u{1b}`,
/// `\u{202e}`, `\t`), lines kept. With `colour`, the colour sequences the
/// painter writes (`ESC [ digits ; … m`) are kept too. Every renderer, the
/// prompt and error messages pass their text through here.
pub fn escape_controls(text: &str, colour: bool) -> Cow<'_, str> {
    escape_where(text, |c| is_forbidden_control(c) || is_invisible(c), colour)
}

/// `text` on one line: as [`escape_controls`], line feeds escaped too. For file
/// names and other text quoted whole in a message.
pub fn one_line(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| c.is_control() || is_invisible(c), false)
}

fn escape_where(text: &str, escape: impl Fn(char) -> bool, colour: bool) -> Cow<'_, str> {
    // The length of the colour sequence at the start of `rest`, or 0.
    let colour_at = |rest: &str| {
        let body = rest.strip_prefix("\u{1b}[").filter(|_| colour)?;
        let digits = body.find(|c: char| !c.is_ascii_digit() && c != ';')?;
        (body.as_bytes()[digits] == b'm').then_some(2 + digits + 1)
    };
    let mut escaped = String::new();
    let mut copied = 0;
    let mut skip_to = 0;
    for (at, c) in text.char_indices() {
        if at < skip_to || !escape(c) {
            continue;
        }
        if let Some(length) = colour_at(&text[at..]) {
            skip_to = at + length;
            continue;
        }
        escaped.push_str(&text[copied..at]);
        // `\n`, `\t`, `\r`, `\0`, else `\u{1b}`: every character escaped here is
        // one Rust does not print.
        escaped.extend(c.escape_debug());
        copied = at + c.len_utf8();
    }
    if escaped.is_empty() {
        return Cow::Borrowed(text);
    }
    escaped.push_str(&text[copied..]);
    Cow::Owned(escaped)
}

/// The most characters of a user's value an error message repeats.
pub const SHOWN_CHARS: usize = 80;

/// A value from a file or an argument as an error message repeats it: on one
/// line (see [`one_line`]) and cut to [`SHOWN_CHARS`] characters, with `…`
/// when cut. Messages put it in backticks.
pub fn shown(value: &str) -> String {
    one_line(&cut(value, SHOWN_CHARS)).into_owned()
}

/// `text` cut to `chars` characters, with `…` when cut.
pub fn cut(text: &str, chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", &text[..at]).into(),
        None => text.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_invisible_characters_are_made_visible_lines_kept() {
        for (text, colour, shown) in [
            ("\u{1b}]0;title\u{7}", false, "\\u{1b}]0;title\\u{7}"),
            (
                "a\rb\0c\u{7f}\tcsi\u{9b}\u{80}\u{9f}",
                false,
                "a\\rb\\0c\\u{7f}\\tcsi\\u{9b}\\u{80}\\u{9f}",
            ),
            ("Chief Info\u{202e}evil", false, "Chief Info\\u{202e}evil"),
            (
                "c\u{200b}io\u{feff}\u{e0041}\u{2066}",
                false,
                "c\\u{200b}io\\u{feff}\\u{e0041}\\u{2066}",
            ),
            (
                "one\n ü 中文\u{a0}\u{2028}",
                false,
                "one\n ü 中文\u{a0}\u{2028}",
            ),
            ("\u{1b}[1;31mred\u{1b}[0m", true, "\u{1b}[1;31mred\u{1b}[0m"),
            ("\u{1b}[1;31mred", false, "\\u{1b}[1;31mred"),
            ("\u{1b}[2Jgone\u{1b}[", true, "\\u{1b}[2Jgone\\u{1b}["),
        ] {
            assert_eq!(escape_controls(text, colour), shown, "{text:?}");
        }
    }

    #[test]
    fn a_shown_value_is_one_line_cut_to_eighty_characters() {
        assert_eq!(shown("one\ntwo\tthree\u{1b}"), "one\\ntwo\\tthree\\u{1b}");
        let long = "é".repeat(200);
        let cut = shown(&long);
        assert_eq!(cut.chars().count(), SHOWN_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(shown(&"x".repeat(SHOWN_CHARS)), "x".repeat(SHOWN_CHARS));
    }
}
