//! Word wrapping for terminal text, by textwrap: greedy, at spaces only (so ids
//! such as `key-differences` never break at their hyphen), measured in display
//! columns (wide characters count two, ANSI escape codes none).

use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm};

/// The display width of `text` in terminal columns, ignoring ANSI escape codes.
pub fn width(text: &str) -> usize {
    textwrap::core::display_width(text)
}

/// Wraps `text` to `columns`, starting the first line with `first` and the
/// others with `rest` (both counted in the width), and joins the lines. Each
/// line of `text` is wrapped on its own: textwrap would measure the first line
/// of each against `first` while indenting it with `rest`.
pub fn fill(text: &str, columns: usize, first: &str, rest: &str) -> String {
    let lines = text.split('\n').enumerate().map(|(index, line)| {
        let options = Options::new(columns.max(1))
            .initial_indent(if index == 0 { first } else { rest })
            .subsequent_indent(rest)
            .word_separator(WordSeparator::AsciiSpace)
            .word_splitter(WordSplitter::NoHyphenation)
            .wrap_algorithm(WrapAlgorithm::FirstFit);
        textwrap::fill(line, options)
    });
    lines.collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_keep_every_word_and_ids_keep_their_hyphen() {
        let text = "The CIO looks inward, see key-differences, for employees and business units.";
        for columns in [16, 20, 33, 80] {
            let filled = fill(text, columns, "", "");
            let fits = filled.lines().all(|line| width(line) <= columns);
            assert!(fits, "{filled}");
            assert_eq!(filled.replace('\n', " "), text);
        }
        // Escape codes take no width, wide characters two.
        assert_eq!(width("\x1b[1mbold\x1b[0m"), 4);
        assert_eq!(width("• bullet — dash 日本"), 20);
    }

    #[test]
    fn fill_indents_and_cuts_a_word_wider_than_the_line() {
        let cases = [
            ("a key-differences", 6, "", "", "a\nkey-di\nfferen\nces"),
            ("日本語", 4, "", "", "日本\n語"),
            ("one two three", 9, "• ", "  ", "• one two\n  three"),
            // A later line is measured with the indent it gets.
            ("ab\ncd ef", 7, "", "    ", "ab\n    cd\n    ef"),
        ];
        for (text, columns, first, rest, filled) in cases {
            assert_eq!(fill(text, columns, first, rest), filled);
        }
    }
}
