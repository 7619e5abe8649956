//! Word wrapping for terminal text: greedy, at spaces only, measured in display
//! columns (wide characters count two, ANSI escape codes none). A word longer
//! than the line stands alone on its line rather than being cut, so ids such as
//! `key-differences` and values such as `full-time` never break; only a table
//! cell narrower than its longest word ([`fill_cut`]) cuts it, because there the
//! alternative is a table wider than the terminal.
//!
//! textwrap did this before; at about 16,000 instructions a bullet it was half
//! of what `roles show` cost, and none of its other features were used (see
//! BENCHMARKS.md). This does the one thing needed for a tenth of that.

use unicode_width::UnicodeWidthChar;

/// The display width of `text` in terminal columns, ignoring ANSI escape codes.
pub fn width(text: &str) -> usize {
    if text.is_ascii() && !text.contains('\x1b') {
        return text.len();
    }
    let mut columns = 0;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // A CSI sequence: ESC [ parameters, ended by a byte from @ to ~.
            if chars.next() == Some('[') {
                for end in chars.by_ref() {
                    if ('@'..='~').contains(&end) {
                        break;
                    }
                }
            }
            continue;
        }
        columns += c.width().unwrap_or(0);
    }
    columns
}

/// Splits `text` into lines of at most `columns` columns, breaking at spaces.
/// Line breaks already in the text are kept.
pub fn wrap(text: &str, columns: usize) -> Vec<&str> {
    let mut lines = Vec::new();
    each_line(text, columns, false, |line| lines.push(line));
    lines
}

/// The widest word of `text`, in display columns: the narrowest a column can be
/// without cutting a word.
pub fn widest_word(text: &str) -> usize {
    text.split(['\n', ' ']).map(width).max().unwrap_or(0)
}

/// Calls `line` with each line of `text` wrapped to `columns`; with `cut`, a
/// word wider than `columns` is cut into pieces that fit.
fn each_line<'t>(text: &'t str, columns: usize, cut: bool, mut line: impl FnMut(&'t str)) {
    for paragraph in text.split('\n') {
        // Plain ASCII, the usual case, is measured in bytes.
        let plain = paragraph.is_ascii() && !paragraph.contains('\x1b');
        let mut current: Option<(usize, usize, usize)> = None; // start, end, width
        let mut offset = 0;
        for word in paragraph.split(' ') {
            let start = offset;
            offset += word.len() + 1;
            if word.is_empty() {
                continue;
            }
            let mut start = start;
            let end = start + word.len();
            let mut word_width = if plain { word.len() } else { width(word) };
            if cut && word_width > columns {
                if let Some((line_start, line_end, _)) = current.take() {
                    line(&paragraph[line_start..line_end]);
                }
                // Whole pieces on lines of their own; the rest goes on as a word.
                while word_width > columns {
                    let piece = prefix_within(&paragraph[start..end], columns);
                    line(&paragraph[start..start + piece]);
                    start += piece;
                    word_width = width(&paragraph[start..end]);
                }
            }
            current = match current {
                Some((line_start, _, line_width)) if line_width + 1 + word_width <= columns => {
                    Some((line_start, end, line_width + 1 + word_width))
                }
                Some((line_start, line_end, _)) => {
                    line(&paragraph[line_start..line_end]);
                    Some((start, end, word_width))
                }
                None => Some((start, end, word_width)),
            };
        }
        match current {
            Some((start, end, _)) => line(&paragraph[start..end]),
            None => line(""),
        }
    }
}

/// The byte length of the longest prefix of `word` at most `columns` wide (at
/// least one character, so that cutting always moves on).
fn prefix_within(word: &str, columns: usize) -> usize {
    let mut used = 0;
    for (at, c) in word.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > columns && at > 0 {
            return at;
        }
        used += w;
    }
    word.len()
}

/// Wraps `text` to `columns`, starting the first line with `first` and the
/// others with `rest` (both counted in the width), and joins the lines.
pub fn fill(text: &str, columns: usize, first: &str, rest: &str) -> String {
    fill_lines(text, columns, first, rest, false)
}

/// Wraps `text` to `columns` as [`fill`] does without indents, but cuts a word
/// wider than the line: for table cells, which must not widen the table.
pub fn fill_cut(text: &str, columns: usize) -> String {
    fill_lines(text, columns, "", "", true)
}

/// [`fill`] and [`fill_cut`].
fn fill_lines(text: &str, columns: usize, first: &str, rest: &str, cut: bool) -> String {
    let indent = width(first).max(width(rest));
    let mut filled = String::with_capacity(text.len() + 16);
    filled.push_str(first);
    let mut started = false;
    each_line(text, columns.saturating_sub(indent).max(1), cut, |line| {
        if started {
            filled.push('\n');
            filled.push_str(rest);
        }
        started = true;
        filled.push_str(line);
    });
    filled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_and_keep_every_word_in_order() {
        let text = "The CIO looks inward, improving processes for employees and business units.";
        for columns in [10, 20, 33, 80] {
            let lines = wrap(text, columns);
            assert!(lines.iter().all(|line| width(line) <= columns), "{lines:?}");
            assert_eq!(lines.join(" "), text);
        }
    }

    #[test]
    fn a_word_longer_than_the_line_stands_alone_unbroken() {
        assert_eq!(
            wrap("see key-differences here", 6),
            ["see", "key-differences", "here"]
        );
    }

    #[test]
    fn a_cell_cuts_a_word_wider_than_itself() {
        assert_eq!(
            fill_cut("see key-differences here", 6),
            "see\nkey-di\nfferen\nces\nhere"
        );
        assert_eq!(fill_cut("日本語", 3), "日\n本\n語");
        assert_eq!(widest_word("a bcd\nef"), 3);
    }

    #[test]
    fn existing_line_breaks_are_kept() {
        assert_eq!(wrap("a b\nc", 80), ["a b", "c"]);
    }

    #[test]
    fn escape_codes_take_no_width_and_wide_characters_two() {
        assert_eq!(width("\x1b[1mbold\x1b[0m"), 4);
        assert_eq!(width("日本"), 4);
        assert_eq!(width("• bullet — dash"), 15);
    }

    #[test]
    fn fill_indents_the_first_and_following_lines() {
        assert_eq!(
            fill("one two three four", 10, "• ", "  "),
            "• one two\n  three\n  four"
        );
    }
}
