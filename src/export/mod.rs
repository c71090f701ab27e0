//! Tables and JSON-LD for analysis: `entities.csv`, `quantities.csv`, `relations.csv` (plain
//! UTF-8 CSV with a header row, loadable by pandas without options) and `graph.jsonld` with
//! the `ontology/context.jsonld` context. Everything is read from the store by SPARQL.

use std::path::Path;

use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::GraphName;
use oxigraph::store::Store;

use crate::error::Error;
use crate::graph;
use crate::query::{plain, select};

/// The tables and the queries that fill them.
pub const TABLES: [(&str, &str); 3] = [
    ("entities.csv", include_str!("entities.rq")),
    ("quantities.csv", include_str!("quantities.rq")),
    ("relations.csv", include_str!("relations.rq")),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Jsonld,
}

/// Writes the three CSV tables into `dir`.
pub fn write_csv(store: &Store, dir: &Path) -> Result<Vec<String>, Error> {
    let mut written = Vec::new();
    for (file, query) in TABLES {
        let table = select(store, query)?;
        let path = dir.join(file);
        let mut w = csv::Writer::from_path(&path).map_err(|e| Error::output(&path, e))?;
        w.write_record(&table.variables)
            .map_err(|e| Error::output(&path, e))?;
        for row in &table.rows {
            w.write_record(
                row.iter()
                    .map(|t| t.as_ref().map(plain).unwrap_or_default()),
            )
            .map_err(|e| Error::output(&path, e))?;
        }
        w.flush().map_err(|e| Error::output(&path, e))?;
        written.push(format!("{file} ({} rows)", table.rows.len()));
    }
    Ok(written)
}

/// Writes every report's triples (not the ontology) as JSON-LD whose `@context` is the
/// published one (`ontology/context.jsonld`), and that context beside it.
pub fn write_jsonld(store: &Store, dir: &Path, context: &str) -> Result<Vec<String>, Error> {
    let path = dir.join("graph.jsonld");
    let published: serde_json::Value =
        serde_json::from_str(context).map_err(|e| Error::output("ontology/context.jsonld", e))?;
    let mut writer = RdfSerializer::from_format(RdfFormat::JsonLd {
        profile: JsonLdProfileSet::empty(),
    })
    .for_writer(Vec::new());
    // One default graph: the triples, as in the Turtle files.
    let triples = graph::report_triples(store, dir)?;
    for triple in &triples {
        writer
            .serialize_quad(&triple.clone().in_graph(GraphName::DefaultGraph))
            .map_err(|e| Error::output(&path, e))?;
    }
    let n = triples.len();
    let bytes = writer.finish().map_err(|e| Error::output(&path, e))?;
    // The serializer writes expanded JSON-LD (full IRIs): under the published context it
    // expands to the same triples, and a reader gets the context's prefixes and terms.
    let body: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| Error::output(&path, e))?;
    let graph = match body {
        serde_json::Value::Object(mut o) if o.contains_key("@graph") => {
            o.remove("@graph").unwrap_or_default()
        }
        other => other,
    };
    let document = serde_json::json!({ "@context": published["@context"], "@graph": graph });
    let text = serde_json::to_string_pretty(&document).map_err(|e| Error::output(&path, e))?;
    std::fs::write(&path, text).map_err(|e| Error::output(&path, e))?;
    let context_path = dir.join("context.jsonld");
    std::fs::write(&context_path, context).map_err(|e| Error::output(&context_path, e))?;
    Ok(vec![
        format!("graph.jsonld ({n} triples)"),
        "context.jsonld".into(),
    ])
}
