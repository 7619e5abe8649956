//! `roles kb`: `dump` prints the knowledge base in use as a document that loads
//! back, leaving out every optional field at its default so it reads like a
//! hand-written file (which fields, and their defaults, come from the model's own
//! JSON Schema); `validate` checks a file and summarises it.

use std::io::Write;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use super::schema::Subject;
use crate::cli::Format;
use crate::error::{EXIT_BAD_INPUT, EXIT_OK};
use crate::kb;
use crate::library::Library;
use crate::render::{Painter, View};

/// The knowledge base as a tree with fields at their defaults left out.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Dump(Value);

/// Builds the dump of the knowledge base in use.
pub fn dump(library: &Library) -> anyhow::Result<Dump> {
    let mut tree = serde_json::to_value(&library.kb)?;
    let schema = Subject::Kb.schema();
    // Top-level fields always stay, so a dump shows every part a file can hold.
    prune(&mut tree, &schema, &schema, true);
    Ok(Dump(tree))
}

/// The schema `schema` stands for within `root`: a `$ref` followed, and of an
/// optional (`anyOf` with `null`), the branch that is not `null`.
fn resolve<'s>(schema: &'s Value, root: &'s Value) -> &'s Value {
    let reference = schema["$ref"]
        .as_str()
        .and_then(|r| root.pointer(r.strip_prefix('#')?));
    let mut branches = schema["anyOf"].as_array().into_iter().flatten();
    match reference.or_else(|| branches.find(|branch| branch["type"] != "null")) {
        Some(inner) => resolve(inner, root),
        None => schema,
    }
}

/// Leaves out, inside `value`, the optional fields that hold their default
/// (but its own fields when `top`).
fn prune(value: &mut Value, schema: &Value, root: &Value, top: bool) {
    let schema = resolve(schema, root);
    match value {
        Value::Object(map) => {
            if let Some(properties) = schema["properties"].as_object() {
                let required = schema["required"].as_array().into_iter().flatten();
                let required: Vec<&str> = required.filter_map(Value::as_str).collect();
                map.retain(|key, field| {
                    let default = properties.get(key).and_then(|p| p.get("default"));
                    top || required.contains(&key.as_str()) || default != Some(field)
                });
                for (key, field) in map.iter_mut() {
                    if let Some(schema) = properties.get(key) {
                        prune(field, schema, root, false);
                    }
                }
            } else if let Some(entries) = schema.get("additionalProperties") {
                (map.values_mut()).for_each(|field| prune(field, entries, root, false));
            }
        }
        Value::Array(items) => {
            let item_schema = &schema["items"];
            (items.iter_mut()).for_each(|item| prune(item, item_schema, root, false));
        }
        _ => {}
    }
}

impl View for Dump {
    /// A knowledge base is a YAML document, for people too.
    fn table(&self, _painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        crate::render::yaml(self, out)
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "```yaml")?;
        crate::render::yaml(self, out)?;
        writeln!(out, "```")?;
        Ok(())
    }
}

/// Version of the `roles kb validate` output: 2 added `problems` and `count`,
/// and reports an invalid file on stdout too (JSON and YAML).
pub const VALIDATE_SCHEMA_VERSION: u32 = 2;

/// What `roles kb validate` reports: for a valid file what it holds, for an
/// invalid one every problem found (in JSON and YAML; a table or Markdown
/// reports an invalid file on stderr instead, as any bad knowledge base is).
#[derive(Debug, Serialize)]
pub struct Validation {
    /// Output shape version.
    pub schema_version: u32,
    /// The file as given (`<stdin>` for `-`).
    pub file: String,
    /// Whether the file is a usable knowledge base.
    pub valid: bool,
    /// What a valid file holds; left out for an invalid one.
    #[serde(flatten)]
    pub contents: Option<Contents>,
    /// Every problem kept, in file order (up to 10,000; `count` counts all).
    pub problems: Vec<ReportedProblem>,
    /// How many problems were found: 0 for a valid file.
    pub count: usize,
}

/// The counts of what a valid knowledge base holds.
#[derive(Debug, Serialize)]
pub struct Contents {
    /// Number of sources.
    pub sources: usize,
    /// Number of roles.
    pub roles: usize,
    /// Number of comparison dimensions.
    pub dimensions: usize,
    /// Number of topics.
    pub topics: usize,
    /// Number of facts, counting role summaries and dimension values.
    pub facts: usize,
    /// Number of questionnaire questions.
    pub questions: usize,
    /// Number of disputes (where the articles disagree).
    pub disputes: usize,
    /// Number of areas of responsibility.
    pub areas: usize,
}

/// One problem of an invalid file, placed as the stderr report places it.
#[derive(Debug, Serialize)]
pub struct ReportedProblem {
    /// The file as given.
    pub file: String,
    /// Line, from 1; `null` when unknown.
    pub line: Option<usize>,
    /// Column, from 1, in characters; `null` when unknown.
    pub column: Option<usize>,
    /// Where in the data, e.g. `roles.cto.sections.kpis.facts[2]`; `null` for
    /// the file as a whole.
    pub path: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Checks the knowledge-base file `file` (`-` for stdin). A file that does not
/// load is an error, but for scripts (`--format json|yaml`), which get the
/// report on stdout, valid or not (exit 2).
pub fn validate(file: &Path, format: Format) -> anyhow::Result<Validation> {
    let origin = file.display().to_string();
    let (origin, loaded) = match file.as_os_str() == "-" {
        true => (kb::STDIN_ORIGIN.to_owned(), kb::load_stdin()),
        false => (origin.clone(), kb::load_file(file, &origin)),
    };
    let mut report = Validation {
        schema_version: VALIDATE_SCHEMA_VERSION,
        file: origin,
        valid: true,
        contents: None,
        problems: Vec::new(),
        count: 0,
    };
    match loaded {
        Ok(loaded) => {
            let library = &Library::loaded(loaded);
            report.contents = Some(Contents {
                sources: library.kb.sources.len(),
                roles: library.kb.roles.len(),
                dimensions: library.kb.dimensions.len(),
                topics: library.topics.len(),
                facts: super::every_fact(library).len(),
                questions: library.kb.questionnaire.questions.len(),
                disputes: library.kb.disputes.len(),
                areas: library.kb.areas.len(),
            });
        }
        // Every problem kept, with its place.
        Err(error) if matches!(format, Format::Json | Format::Yaml) => {
            let problem = |problem: &kb::Problem| ReportedProblem {
                file: error.origin.clone(),
                line: problem.location.map(|at| at.line),
                column: problem.location.map(|at| at.column),
                path: (!problem.path.is_empty()).then(|| problem.path.clone()),
                message: problem.message.clone(),
            };
            report.problems = error.problems.iter().map(problem).collect();
            (report.file, report.valid, report.count) =
                (error.origin.clone(), false, error.count());
        }
        Err(error) => return Err(error.into()),
    }
    Ok(report)
}

impl Validation {
    fn summary(&self) -> String {
        let Some(c) = &self.contents else {
            return format!("`{}` has {} problems.", self.file, self.count);
        };
        format!(
            "`{}` is a valid knowledge base: {} roles, {} dimensions, {} topics, {} facts, {} sources, {} questions, {} disputes, {} areas.",
            self.file,
            c.roles,
            c.dimensions,
            c.topics,
            c.facts,
            c.sources,
            c.questions,
            c.disputes,
            c.areas
        )
    }
}

impl View for Validation {
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        let label = if self.valid { "ok:" } else { "invalid:" };
        let line = format!("{} {}", painter.accent(label), self.summary());
        writeln!(out, "{}", painter.fill(&line, "", "    "))?;
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let label = if self.valid { "ok" } else { "invalid" };
        writeln!(out, "**{label}**: {}", self.summary())?;
        Ok(())
    }

    /// An invalid file exits 2, with its report on stdout.
    fn exit_code(&self) -> u8 {
        if self.valid { EXIT_OK } else { EXIT_BAD_INPUT }
    }
}
