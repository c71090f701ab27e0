//! Query stage: SPARQL over the store, with results as the W3C formats (CSV, TSV, JSON) or as
//! a table for people, aligned for CJK width.

pub mod named;

use std::io::Write;

use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{PreparedSparqlQuery, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use thiserror::Error;
use unicode_width::UnicodeWidthStr;

use crate::graph::vocab;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Tsv,
    Json,
}

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum QueryError {
    /// The query does not parse: the parser's message, with line and column.
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    #[error("query evaluation failed: {0}")]
    Evaluation(String),
    #[error("writing results: {0}")]
    Io(#[from] std::io::Error),
}

/// The solutions of a SELECT query: variable names and rows of terms.
pub struct Table {
    pub variables: Vec<String>,
    pub rows: Vec<Vec<Option<Term>>>,
}

/// `evaluator` with the GRAPH.md prefixes predeclared.
pub fn with_prefixes(mut evaluator: SparqlEvaluator) -> SparqlEvaluator {
    for (prefix, ns) in vocab::PREFIXES {
        evaluator = evaluator
            .with_prefix(prefix, ns)
            .expect("vocab::PREFIXES are valid");
    }
    evaluator
}

/// Parses a query with the GRAPH.md prefixes predeclared. Its default graph is the union of
/// all named graphs, unless it names its own (FROM).
pub fn prepare(evaluator: SparqlEvaluator, query: &str) -> Result<PreparedSparqlQuery, QueryError> {
    let mut prepared = with_prefixes(evaluator)
        .parse_query(query)
        .map_err(|e| QueryError::Syntax(e.to_string()))?;
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    Ok(prepared)
}

/// Runs a query with the GRAPH.md prefixes predeclared, over the union of all named graphs
/// (or the graphs its own FROM names).
pub fn run(store: &Store, query: &str) -> Result<QueryResults<'static>, QueryError> {
    prepare(SparqlEvaluator::new(), query)?
        .on_store(store)
        .execute()
        .map_err(|e| QueryError::Evaluation(e.to_string()))
}

/// Runs a SELECT query and collects its rows.
pub fn select(store: &Store, query: &str) -> Result<Table, QueryError> {
    match run(store, query)? {
        QueryResults::Solutions(solutions) => {
            let variables: Vec<String> = solutions
                .variables()
                .iter()
                .map(|v| v.as_str().to_owned())
                .collect();
            let mut rows = Vec::new();
            for s in solutions {
                let s = s.map_err(|e| QueryError::Evaluation(e.to_string()))?;
                rows.push(
                    variables
                        .iter()
                        .map(|v| s.get(v.as_str()).cloned())
                        .collect(),
                );
            }
            Ok(Table { variables, rows })
        }
        _ => Err(QueryError::Evaluation("not a SELECT query".into())),
    }
}

/// A term as a table cell for programs: a literal's value, an IRI whole.
pub fn plain(term: &Term) -> String {
    match term {
        Term::Literal(l) => l.value().to_owned(),
        Term::NamedNode(n) => n.as_str().to_owned(),
        other => other.to_string(),
    }
}

/// A term as a person reads it: a literal's value, an IRI without its namespace.
pub fn display(term: &Term) -> String {
    match term {
        Term::Literal(l) => l.value().to_owned(),
        Term::NamedNode(n) => {
            let iri = n.as_str();
            for (prefix, ns) in vocab::PREFIXES {
                if let Some(local) = iri.strip_prefix(ns) {
                    return format!("{prefix}:{local}");
                }
            }
            iri.to_owned()
        }
        other => other.to_string(),
    }
}

/// Widest cell of a table, in terminal columns; longer text is cut with `…` (the W3C formats
/// keep it whole).
const MAX_CELL_WIDTH: usize = 60;

fn shorten(text: String) -> String {
    if text.width() <= MAX_CELL_WIDTH {
        return text;
    }
    let mut out = String::new();
    let mut width = 0;
    for c in text.chars() {
        width += c.to_string().width();
        if width >= MAX_CELL_WIDTH {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Writes rows as a table whose columns line up in a terminal, CJK counted double width.
pub fn write_table(table: &Table, mut out: impl Write) -> std::io::Result<()> {
    let cells: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|t| shorten(t.as_ref().map_or(String::new(), display).replace('\n', " ")))
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = table.variables.iter().map(|v| v.width()).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.width());
        }
    }
    let line = |out: &mut dyn Write, row: &[String]| -> std::io::Result<()> {
        let mut text = String::new();
        for (i, (c, w)) in row.iter().zip(&widths).enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(c);
            if i + 1 < row.len() {
                text.push_str(&" ".repeat(w - c.width()));
            }
        }
        writeln!(out, "{}", text.trim_end())
    };
    line(&mut out, &table.variables)?;
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    line(&mut out, &rule)?;
    for row in &cells {
        line(&mut out, row)?;
    }
    writeln!(out, "({} rows)", cells.len())
}

/// Runs a query and writes its results in `format`.
pub fn write_results(
    store: &Store,
    query: &str,
    format: Format,
    mut out: impl Write,
) -> Result<(), QueryError> {
    let w3c = match format {
        Format::Table => {
            return match run(store, query)? {
                QueryResults::Boolean(b) => Ok(writeln!(out, "{b}")?),
                QueryResults::Graph(_) => Err(QueryError::Evaluation(
                    "CONSTRUCT and DESCRIBE results are RDF: use `--format csv|tsv|json` with a SELECT, or export the Turtle in out/".into(),
                )),
                QueryResults::Solutions(_) => Ok(write_table(&select(store, query)?, &mut out)?),
            };
        }
        Format::Csv => QueryResultsFormat::Csv,
        Format::Tsv => QueryResultsFormat::Tsv,
        Format::Json => QueryResultsFormat::Json,
    };
    let serializer = QueryResultsSerializer::from_format(w3c);
    match run(store, query)? {
        QueryResults::Boolean(b) => {
            serializer.serialize_boolean_to_writer(&mut out, b)?;
        }
        QueryResults::Solutions(solutions) => {
            let mut writer = serializer
                .serialize_solutions_to_writer(&mut out, solutions.variables().to_vec())?;
            for s in solutions {
                let s = s.map_err(|e| QueryError::Evaluation(e.to_string()))?;
                writer.serialize(&s)?;
            }
            writer.finish()?;
        }
        QueryResults::Graph(_) => {
            return Err(QueryError::Evaluation(
                "CONSTRUCT and DESCRIBE results are RDF, not a results table: use a SELECT".into(),
            ));
        }
    }
    Ok(())
}
