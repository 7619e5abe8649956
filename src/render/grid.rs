//! Rows of text for the terminal: comfy-table's own dynamic layout when every
//! column can hold its longest word, and otherwise a stacked layout (a heading
//! per row, the values beneath, wrapped by textwrap), so a narrow terminal never
//! gets words cut in two (`Informatio` / `n`).

use std::collections::HashMap;

use anstyle::Effects;
use comfy_table::presets::UTF8_FULL;
use comfy_table::{Attribute, Cell, CellAlignment, Color, ColumnConstraint, Table, Width};
use unicode_width::UnicodeWidthStr;

use super::{paint::paint, wrap};

/// Rows of plain text to fit into a width.
#[derive(Default)]
pub struct Grid {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    caps: HashMap<usize, usize>,
    right: Vec<usize>,
}

impl Grid {
    /// A grid with these column headings (none when empty) and rows.
    pub fn new(header: &[impl AsRef<str>], rows: impl IntoIterator<Item = Vec<String>>) -> Self {
        let header = header.iter().map(|h| h.as_ref().to_owned()).collect();
        let rows = rows.into_iter().collect();
        Grid {
            header,
            rows,
            ..Grid::default()
        }
    }

    /// Keeps `column` at most `width` wide, unless a word needs more.
    pub fn cap(mut self, column: usize, width: usize) -> Self {
        self.caps.insert(column, width);
        self
    }

    /// Aligns `column` to the right.
    pub fn align_right(mut self, column: usize) -> Self {
        self.right.push(column);
        self
    }

    /// Draws the grid `width` columns wide at most; the first column is bold and
    /// the header cyan when `color` is set.
    pub fn draw(&self, width: u16, color: bool) -> String {
        // Each column's longest word, measured as comfy-table measures (escape
        // codes of dimmed text included), so that its layout never cuts one.
        let mut longest = Vec::new();
        for row in self.rows.iter().chain([&self.header]) {
            longest.resize(longest.len().max(row.len()), 1);
            for (column, text) in row.iter().enumerate() {
                let word = text.split(['\n', ' ']).map(UnicodeWidthStr::width).max();
                longest[column] = longest[column].max(word.unwrap_or(0));
            }
        }
        // Borders and padding: `│ a ┆ b │` takes three columns per cell, plus one.
        if longest.iter().sum::<usize>() + 3 * longest.len() + 1 > usize::from(width) {
            return self.stacked(usize::from(width), color);
        }
        // comfy-table counts columns in a u16 and wraps a long line slowly.
        let cell = |text: &String| match text.lines().any(|line| line.width() > 4096) {
            true => Cell::new(wrap::fill(text, usize::from(width), "", "")),
            false => Cell::new(text),
        };
        let bold = |text| cell(text).add_attribute(Attribute::Bold);
        let mut table = Table::new();
        table
            .load_style(UTF8_FULL.with_rounded_corners())
            .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
            .set_width(width);
        // Styles are set on every table and drawn only in colour.
        match color {
            true => table.enforce_styling(),
            false => table.force_no_tty(),
        };
        if !self.header.is_empty() {
            table.set_header(self.header.iter().map(|text| bold(text).fg(Color::Cyan)));
        }
        for row in &self.rows {
            let cells = row.iter().enumerate();
            table.add_row(
                cells.map(|(column, text)| if column == 0 { bold(text) } else { cell(text) }),
            );
        }
        for (column, &word) in table.column_iter_mut().zip(&longest) {
            // comfy-table's bounds include the padding of one space either side.
            let fixed = |columns: usize| Width::Fixed(u16::try_from(columns + 2).unwrap_or(width));
            let cap = self.caps.get(&column.index).copied();
            column.set_constraint(ColumnConstraint::Boundaries {
                lower: fixed(word),
                upper: fixed(cap.unwrap_or(usize::from(width)).max(word)),
            });
            if self.right.contains(&column.index) {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
        // comfy-table pads the last column; trailing spaces make piped output noisy.
        table.trim_fmt()
    }

    /// The rows one after another: the first cell as a heading, then each other
    /// cell after its column's heading (its first line), with a hanging indent
    /// unless a word would not fit beside it.
    fn stacked(&self, width: usize, color: bool) -> String {
        let bold = |text: &str| paint(color, text, Effects::BOLD.into());
        let block = |row: &Vec<String>| {
            let cells = row.iter().enumerate().map(|(column, text)| {
                let label = self.header.get(column).and_then(|text| text.lines().next());
                let text = match label.unwrap_or("") {
                    "" => text.clone(),
                    label if column > 0 => format!("{}: {text}", bold(label)),
                    label => format!("{label}: {text}"),
                };
                let widest = text.split(['\n', ' ']).map(wrap::width).max();
                let text = match column > 0 && widest.unwrap_or(0) + 4 <= width {
                    true => wrap::fill(&text, width, "  ", "    "),
                    false => wrap::fill(&text, width, "", ""),
                };
                if column == 0 { bold(&text) } else { text }
            });
            cells.collect::<Vec<_>>().join("\n")
        };
        self.rows.iter().map(block).collect::<Vec<_>>().join("\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_fits_its_width_without_cutting_a_word_or_else_rows_are_stacked() {
        let row = "Focus|a long statement about what the chief information officer does all day|key-differences, overlap";
        let row = row.split('|').map(String::from).collect();
        let grid = Grid::new(&["", "CIO", "Source"], [row]);
        for width in [50, 60, 80] {
            let table = grid.draw(width, false);
            let widest = table.lines().map(wrap::width).max();
            assert!(widest <= Some(usize::from(width)), "{table}");
            assert!(table.contains("key-differences") && table.starts_with('╭'));
        }
        let stacked = "Focus\n  CIO: a long statement about\n    what the chief information\n    officer does all day\n  Source: key-differences,\n    overlap";
        assert_eq!(grid.draw(30, false), stacked);
    }

    #[test]
    fn a_cell_wider_than_comfy_table_can_count_is_wrapped_first() {
        let grid = Grid::new(
            &[] as &[&str],
            [vec!["Focus".into(), "word ".repeat(20_000)]],
        );
        let table = grid.draw(80, false);
        assert_eq!(table.matches("word").count(), 20_000);
        assert!(table.lines().map(wrap::width).max() <= Some(80));
    }
}
