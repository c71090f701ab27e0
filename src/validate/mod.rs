//! Checking a graph against its shapes (`ontology/shapes.ttl`) with a real SHACL engine:
//! pyshacl, run by `python3` on `shacl.py` (kept beside this file, compiled into the binary).
//! Each report is one data graph: a named graph of the store, or an RDF file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedOrBlankNode};
use oxigraph::store::Store;
use serde::Deserialize;
use thiserror::Error;

use crate::graph::{self, vocab};
use crate::resolve::ids::ID_BASE;

const ENGINE: &str = include_str!("shacl.py");

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ValidateError {
    #[error(
        "no SHACL engine: pyshacl is not installed for python3 ({0}); install it with `pip install pyshacl` (scripts/setup does)"
    )]
    NoEngine(String),
    #[error("cannot run python3 for pyshacl: {0}; install Python 3 and `pip install pyshacl`")]
    NoPython(std::io::Error),
    #[error("{path}: {message}")]
    Io { path: PathBuf, message: String },
    #[error("pyshacl failed: {0}")]
    Engine(String),
}

/// One result of the engine: which node breaks which rule of the shapes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub struct Violation {
    /// The data graph: the report's named graph, or the file.
    #[serde(rename = "file")]
    pub graph: String,
    pub focus: Option<String>,
    pub label: Option<String>,
    #[serde(default)]
    pub classes: Vec<String>,
    pub path: Option<String>,
    pub value: Option<String>,
    pub message: Option<String>,
}

impl std::fmt::Display for Violation {
    /// `graph: node (label, classes) property: what is wrong [value]`, IRIs shortened.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let focus = self.focus.as_deref().map_or("?".into(), short);
        let mut about: Vec<String> = self.label.iter().map(|l| format!("“{l}”")).collect();
        about.extend(self.classes.iter().map(|c| short(c)));
        write!(f, "{}: {focus}", self.graph)?;
        if !about.is_empty() {
            write!(f, " ({})", about.join(", "))?;
        }
        if let Some(path) = &self.path {
            write!(f, " {}", short(path))?;
        }
        write!(
            f,
            ": {}",
            self.message.as_deref().unwrap_or("breaks a shape")
        )?;
        if let Some(value) = &self.value {
            write!(f, " (value: {})", short(value))?;
        }
        Ok(())
    }
}

/// An IRI with a known prefix (`kg:unit`), or a resource's path under the id base.
fn short(iri: &str) -> String {
    if let Some(rest) = iri.strip_prefix(ID_BASE) {
        return rest.to_owned();
    }
    vocab::PREFIXES
        .iter()
        .find_map(|(p, ns)| iri.strip_prefix(ns).map(|rest| format!("{p}:{rest}")))
        .unwrap_or_else(|| iri.to_owned())
}

/// Validates RDF files (Turtle, or N-Triples when named `.nt`), each as one data graph.
pub fn validate_files(shapes: &Path, files: &[PathBuf]) -> Result<Vec<Violation>, ValidateError> {
    let mut child = Command::new("python3")
        .arg("-")
        .arg(shapes)
        .args(files)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(ValidateError::NoPython)?;
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(ENGINE.as_bytes())
        .map_err(ValidateError::NoPython)?;
    let output = child.wait_with_output().map_err(ValidateError::NoPython)?;
    let stderr = String::from_utf8_lossy(&output.stderr).trim().to_owned();
    match output.status.code() {
        Some(0) => {}
        Some(3) => return Err(ValidateError::NoEngine(stderr)),
        _ => return Err(ValidateError::Engine(stderr)),
    }
    let mut violations = Vec::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        if line.starts_with("{\"done\"") {
            // In a stable order, and once: a value that breaks two constraints of one
            // property (datatype and language) reads the same twice.
            violations.sort();
            violations.dedup();
            return Ok(violations);
        }
        let v: Violation = serde_json::from_str(line)
            .map_err(|e| ValidateError::Engine(format!("{e} in {line:?}")))?;
        violations.push(v);
    }
    Err(ValidateError::Engine(format!("stopped early: {stderr}")))
}

/// Validates each report's named graph of a store (not the ontology's); returns how many
/// graphs were checked and what breaks the shapes, each named by its graph.
pub fn validate_store(
    store: &Store,
    store_path: &Path,
    shapes: &Path,
) -> Result<(usize, Vec<Violation>), ValidateError> {
    let dir = TempDir::new()?;
    let ontology = graph::ontology_graph_iri();
    let mut files = Vec::new();
    let mut names = Vec::new();
    for g in store.named_graphs() {
        let g = g.map_err(|e| io_error(store_path, e))?;
        let NamedOrBlankNode::NamedNode(g) = g else {
            continue;
        };
        if g.as_str() == ontology {
            continue;
        }
        let file = dir.0.join(format!("{}.nt", files.len()));
        dump_graph(store, GraphNameRef::NamedNode(g.as_ref()), &file)
            .map_err(|e| io_error(&file, e))?;
        files.push(file);
        names.push(
            g.as_str()
                .strip_prefix(ID_BASE)
                .unwrap_or(g.as_str())
                .to_owned(),
        );
    }
    let mut violations = validate_files(shapes, &files)?;
    for v in &mut violations {
        if let Some(i) = files.iter().position(|f| f.as_os_str() == v.graph.as_str()) {
            v.graph.clone_from(&names[i]);
        }
    }
    Ok((files.len(), violations))
}

fn dump_graph(store: &Store, graph: GraphNameRef, file: &Path) -> std::io::Result<()> {
    let out = std::io::BufWriter::new(std::fs::File::create(file)?);
    let mut writer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(out);
    for quad in store.quads_for_pattern(None, None, None, Some(graph)) {
        let quad = quad.map_err(std::io::Error::other)?;
        writer.serialize_triple(&oxigraph::model::Triple::from(quad))?;
    }
    writer.finish()?.flush()
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> ValidateError {
    ValidateError::Io {
        path: path.to_owned(),
        message: e.to_string(),
    }
}

/// A folder for the graphs handed to the engine, removed when done.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir, ValidateError> {
        let path = std::env::temp_dir().join(format!("policykg-validate-{}", std::process::id()));
        std::fs::create_dir_all(&path).map_err(|e| io_error(&path, e))?;
        Ok(TempDir(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_violation_reads_with_short_names() {
        let v = Violation {
            graph: "graph/r".into(),
            focus: Some(format!("{ID_BASE}quantity/r/1-3")),
            label: None,
            classes: vec![format!("{}Target", vocab::KG)],
            path: Some(format!("{}unit", vocab::KG)),
            value: None,
            message: Some("a quantity has one kg:unit".into()),
        };
        assert_eq!(
            v.to_string(),
            "graph/r: quantity/r/1-3 (kg:Target) kg:unit: a quantity has one kg:unit"
        );
    }
}
