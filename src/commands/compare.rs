//! `roles compare`: a row per dimension, a column per role.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use super::{Cited, RoleRef, SCHEMA_VERSION, find_by_id, pick_named};
use crate::error::BadInput;
use crate::library::Library;
use crate::render::grid::Grid;
use crate::render::markdown::{self, cell, cite};
use crate::render::{Painter, View};

/// The most roles compared when none is named: a table with a column per role
/// stops being readable long before a knowledge base runs out of roles.
pub const MAX_UNNAMED_ROLES: usize = 8;

/// Marks a row whose caveats follow the table.
const CAVEAT_MARK: &str = "†";

/// The side-by-side comparison.
#[derive(Debug, Serialize)]
pub struct CompareView {
    /// Output shape version.
    pub schema_version: u32,
    /// The compared roles, in column order.
    pub roles: Vec<RoleRef>,
    /// The rows.
    pub dimensions: Vec<CompareRow>,
    /// Whether people asked to see source ids (JSON always carries them).
    #[serde(skip)]
    pub cite: bool,
}

/// One dimension's values.
#[derive(Debug, Serialize)]
pub struct CompareRow {
    /// Dimension id.
    pub id: String,
    /// Row label.
    pub name: String,
    /// What the row compares.
    pub description: Option<String>,
    /// Value per role id; `null` where the knowledge base gives none.
    pub values: BTreeMap<String, Option<Cited>>,
    /// What to know before comparing the values (e.g. that two salary figures are
    /// per hour and per year); shown under the table.
    pub caveats: Vec<String>,
}

/// Builds the comparison of `role_ids` (all roles when empty, if there are no
/// more than [`MAX_UNNAMED_ROLES`]) over `only` (all dimensions when empty; each
/// by id or name).
pub fn compare(
    library: &Library,
    role_ids: &[String],
    only: &[String],
    cite: bool,
) -> anyhow::Result<CompareView> {
    let known = &library.role_refs;
    // Two roles to name in an example: there are at least two unless refused below.
    let (a, b) = (&known[0].id, &known.get(1).unwrap_or(&known[0]).id);
    let roles: Vec<&RoleRef> = if role_ids.is_empty() {
        if known.len() > MAX_UNNAMED_ROLES {
            return Err(BadInput::err(format!(
                "this knowledge base has {} roles, too many to compare side by side; name the roles to compare, e.g. `roles compare {a} {b}`",
                known.len()
            )));
        }
        known.iter().collect()
    } else {
        role_ids
            .iter()
            .map(|id| find_by_id(known, "role", id, |role| &role.id))
            .collect::<anyhow::Result<_>>()?
    };
    if roles.len() < 2 {
        return Err(BadInput::err(match known.len() {
            0 | 1 => "this knowledge base has fewer than two roles; nothing to compare".to_owned(),
            _ => format!("compare needs at least two roles, e.g. `roles compare {a} {b}`"),
        }));
    }
    let twice = (roles.iter().enumerate()).find(|(i, role)| roles[..*i].contains(role));
    if let Some((_, role)) = twice {
        let id = &role.id;
        return Err(BadInput::err(format!(
            "role `{id}` is named twice; name each role once"
        )));
    }

    let all = &library.kb.dimensions;
    let dimensions: Vec<_> = match only.is_empty() {
        true => all.iter().collect(),
        false => pick_named(all, "dimension", "--only", only, |d| &d.id, |d| &d.name)?,
    };

    Ok(CompareView {
        schema_version: SCHEMA_VERSION,
        roles: roles.iter().map(|&role| role.clone()).collect(),
        dimensions: dimensions
            .into_iter()
            .map(|dimension| CompareRow {
                id: dimension.id.clone(),
                name: dimension.name.clone(),
                description: dimension.description.clone(),
                values: (roles.iter())
                    .map(|r| (r.id.clone(), dimension.values.get(&r.id).map(Cited::from)))
                    .collect(),
                caveats: dimension.caveats.clone(),
            })
            .collect(),
        cite,
    })
}

impl View for CompareView {
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        // Each role's column is headed by its id in capitals over its full title.
        let roles = (self.roles.iter()).map(|r| format!("{}\n{}", r.id.to_uppercase(), r.name));
        let header: Vec<String> = std::iter::once(String::new()).chain(roles).collect();
        let rows = self.dimensions.iter().map(|row| {
            let values = self.roles.iter().map(|role| match row.value(&role.id) {
                Some(value) if self.cite => {
                    format!("{}\n[{}]", value.text, value.sources.join(", "))
                }
                Some(value) => value.text.to_string(),
                None => "—".to_owned(),
            });
            std::iter::once(row.label()).chain(values).collect()
        });
        let grid = Grid::new(&header, rows).cap(0, 16);
        writeln!(out, "{}", painter.draw(&grid))?;
        for row in self.dimensions.iter().filter(|row| !row.caveats.is_empty()) {
            let note = format!("{CAVEAT_MARK} {}: {}", row.name, row.caveats.join(" "));
            writeln!(out, "{}", painter.fill(&note, "", "  "))?;
        }
        if !self.cite {
            let hint = "Sources: add --cite, or see `roles sources`.";
            writeln!(out, "{}", painter.dim(&painter.fill(hint, "", "")))?;
        }
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let names: Vec<&str> = self.roles.iter().map(|r| r.name.as_str()).collect();
        writeln!(out, "# {}\n", names.join(" vs "))?;
        let roles =
            (self.roles.iter()).map(|r| cell(&format!("{} ({})", r.name, r.id.to_uppercase())));
        let header: Vec<String> = std::iter::once(String::new()).chain(roles).collect();
        let rows = self.dimensions.iter().map(|row| {
            let values = self.roles.iter().map(|role| match row.value(&role.id) {
                Some(value) => format!("{} {}", cell(&value.text), cite(&value.sources)),
                None => "—".to_owned(),
            });
            std::iter::once(format!("**{}**", cell(&row.label())))
                .chain(values)
                .collect()
        });
        markdown::table(out, &header, None, rows)?;
        for row in self.dimensions.iter().filter(|row| !row.caveats.is_empty()) {
            let caveats = row.caveats.join(" ");
            writeln!(out, "\n{CAVEAT_MARK} **{}**: {caveats}", row.name)?;
        }
        Ok(())
    }
}

impl CompareRow {
    /// The value for `role`, if the knowledge base gives one.
    fn value(&self, role: &str) -> Option<&Cited> {
        self.values.get(role).and_then(Option::as_ref)
    }

    /// The row's label, marked when caveats follow the table.
    fn label(&self) -> String {
        if self.caveats.is_empty() {
            self.name.to_string()
        } else {
            format!("{} {CAVEAT_MARK}", self.name)
        }
    }
}
