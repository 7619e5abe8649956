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
        let wrap =
            |text: &str, column: usize| -> String { wrap::fill_cut(text, widths[column].max(1)) };

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

    /// Column widths (content only) that fit `total` columns. Each column gets
    /// its natural width if all fit. Otherwise a column whose content fits in an
    /// even share keeps it whole (labels, numbers, short ids); the others get at
    /// least their widest word, and the space left goes to them in proportion
    /// to how much more they would take, so long text gets the room and lists
    /// (source ids) stay narrow. When even the widest words do not fit, the
    /// narrowest columns keep theirs and the others share what is left evenly,
    /// cutting words (see [`wrap::fill_cut`]).
    fn widths(&self, columns: usize, total: usize) -> Vec<usize> {
        let mut natural = vec![1; columns];
        let mut minimal = vec![1; columns];
        for row in self.rows.iter().chain(&self.header) {
            for (column, text) in row.iter().enumerate() {
                let widest = text.lines().map(wrap::width).max().unwrap_or(0);
                natural[column] = natural[column].max(widest);
                minimal[column] = minimal[column].max(wrap::widest_word(text));
            }
        }
        for &(column, cap) in &self.caps {
            if let Some(width) = natural.get_mut(column) {
                *width = (*width).min(cap);
            }
        }
        for column in 0..columns {
            minimal[column] = minimal[column].min(natural[column]);
        }
        // Borders and padding: `│ a ┆ b │` takes three columns per cell, plus one.
        let available = total.saturating_sub(3 * columns + 1).max(columns);
        if natural.iter().sum::<usize>() <= available {
            return natural;
        }
        if minimal.iter().sum::<usize>() > available {
            return shared_evenly(&minimal, available);
        }
        let mut widths = minimal.clone();
        let mut left = available;
        let mut open: Vec<usize> = (0..columns).collect();
        open.sort_by_key(|&column| natural[column]);
        // Short columns whole, from the shortest, while the rest keep their words.
        while let Some(&column) = open.first() {
            let fair = left / open.len();
            let rest_minimal: usize = open[1..].iter().map(|&c| minimal[c]).sum();
            if natural[column] > fair || left - natural[column] < rest_minimal {
                break;
            }
            widths[column] = natural[column];
            left -= natural[column];
            open.remove(0);
        }
        let mut spare = left - open.iter().map(|&c| minimal[c]).sum::<usize>();
        let wanted: usize = open.iter().map(|&c| natural[c] - minimal[c]).sum();
        let mut given = 0;
        for &column in &open {
            let share = spare_share(spare, natural[column] - minimal[column], wanted);
            widths[column] += share;
            given += share;
        }
        spare -= given;
        // Rounding leaves a few columns over: one each to the columns that want most.
        while spare > 0 {
            let Some(column) = (0..columns)
                .filter(|&column| widths[column] < natural[column])
                .max_by_key(|&column| natural[column] - widths[column])
            else {
                break;
            };
            widths[column] += 1;
            spare -= 1;
        }
        widths
    }
}

/// `spare * want / wanted`, rounded down; nothing when nothing is wanted.
fn spare_share(spare: usize, want: usize, wanted: usize) -> usize {
    (spare * want).checked_div(wanted).unwrap_or(0)
}

/// Widths for columns whose widest words do not fit in `available`: from the
/// narrowest up, each keeps its widest word if that is within an even share of
/// what is left.
fn shared_evenly(minimal: &[usize], available: usize) -> Vec<usize> {
    let columns = minimal.len();
    let mut order: Vec<usize> = (0..columns).collect();
    order.sort_by_key(|&column| minimal[column]);
    let mut widths = vec![0; columns];
    let mut left = available;
    for (placed, &column) in order.iter().enumerate() {
        let share = left / (columns - placed);
        widths[column] = minimal[column].min(share).max(1);
        left = left.saturating_sub(widths[column]);
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_width(grid: &Grid, width: u16) -> usize {
        grid.draw(width, false)
            .lines()
            .map(wrap::width)
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn long_text_gets_the_room_and_a_short_list_stays_narrow() {
        let mut grid = Grid::new(Some(vec!["Fact".into(), "Source".into()]));
        grid.row(vec![
            "a long statement about what the chief information officer does all day; ".repeat(3),
            "key-differences, overlap, difference, salaries, fractional".into(),
        ]);
        let widths = grid.widths(2, 60);
        assert!(widths[1] < "key-differences, overlap".len(), "{widths:?}");
        assert!(widths[1] >= "key-differences,".len(), "{widths:?}");
        assert!(widths[0] > widths[1] + 10, "{widths:?}");
        assert_eq!(widths.iter().sum::<usize>(), 60 - 7);
    }

    #[test]
    fn a_table_fits_even_when_its_words_do_not() {
        let mut grid = Grid::new(None);
        grid.row(vec![
            "000_7c388f03e2d05766.txt".into(),
            "responsibilities".into(),
            "infrastructure".into(),
        ]);
        for width in [20, 30, 40] {
            assert!(table_width(&grid, width) <= usize::from(width));
        }
    }
}
