//! A table fitted to the terminal before comfy-table draws it: column widths are
//! chosen here and every cell is wrapped to its column, so comfy-table only lays
//! out lines it does not have to split. That is the same layout comfy-table's
//! dynamic arrangement makes, at a fraction of its cost, which matters for a
//! command run in shell loops (see BENCHMARKS.md).

use comfy_table::presets::UTF8_FULL;

use super::wrap;
use comfy_table::{Attribute, Cell, CellAlignment, Color, ContentArrangement, Table};

/// Rows of plain text to fit into a width.
pub struct Grid {
    header: Option<Vec<String>>,
    rows: Vec<Vec<String>>,
    caps: Vec<(usize, usize)>,
    right: Vec<usize>,
}

impl Grid {
    /// A grid with these column headings (or none).
    pub fn new(header: Option<Vec<String>>) -> Self {
        Grid {
            header,
            rows: Vec::new(),
            caps: Vec::new(),
            right: Vec::new(),
        }
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Keeps `column` at most `width` wide.
    pub fn cap(mut self, column: usize, width: usize) -> Self {
        self.caps.push((column, width));
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
        let columns = self
            .rows
            .iter()
            .chain(&self.header)
            .map(Vec::len)
            .max()
            .unwrap_or(0);
        let widths = self.widths(columns, usize::from(width));
        let wrap = |text: &str, column: usize| -> String {
            wrap::fill(text, widths[column].max(1), "", "")
        };

        let mut table = Table::new();
        table
            .load_style(UTF8_FULL.with_rounded_corners())
            .set_content_arrangement(ContentArrangement::Disabled);
        if color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        if let Some(header) = &self.header {
            table.set_header(header.iter().enumerate().map(|(column, text)| {
                let cell = Cell::new(wrap(text, column));
                if color {
                    cell.add_attribute(Attribute::Bold).fg(Color::Cyan)
                } else {
                    cell
                }
            }));
        }
        for row in &self.rows {
            table.add_row(row.iter().enumerate().map(|(column, text)| {
                let mut cell = Cell::new(wrap(text, column));
                if column == 0 && color {
                    cell = cell.add_attribute(Attribute::Bold);
                }
                if self.right.contains(&column) {
                    cell = cell.set_alignment(CellAlignment::Right);
                }
                cell
            }));
        }
        // comfy-table pads the last column; trailing spaces make piped output noisy.
        // Box-drawing characters take three bytes each.
        let mut text = String::with_capacity(usize::from(width) * 3 * 4 * (self.rows.len() + 2));
        for line in table.lines() {
            text.push_str(line.trim_end());
            text.push('\n');
        }
        text.pop();
        text
    }

    /// Column widths (content only) that fit `total` columns: each column gets its
    /// natural width if it can; the space left is shared evenly among the rest.
    fn widths(&self, columns: usize, total: usize) -> Vec<usize> {
        let mut natural = vec![1; columns];
        for row in self.rows.iter().chain(&self.header) {
            for (column, text) in row.iter().enumerate() {
                let widest = text.lines().map(wrap::width).max().unwrap_or(0);
                natural[column] = natural[column].max(widest);
            }
        }
        for &(column, cap) in &self.caps {
            if let Some(width) = natural.get_mut(column) {
                *width = (*width).min(cap);
            }
        }
        // Borders and padding: `│ a ┆ b │` takes three columns per cell, plus one.
        let mut available = total.saturating_sub(3 * columns + 1);
        if natural.iter().sum::<usize>() <= available {
            return natural;
        }
        let mut order: Vec<usize> = (0..columns).collect();
        order.sort_by_key(|&column| natural[column]);
        let mut widths = vec![0; columns];
        for (placed, &column) in order.iter().enumerate() {
            let share = available / (columns - placed);
            widths[column] = natural[column].min(share).max(1);
            available = available.saturating_sub(widths[column]);
        }
        widths
    }
}
