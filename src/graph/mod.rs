//! Graph stage: triples built with oxigraph's model types, the on-disk store (each report in
//! its own named graph, the ontology in another) and stable serializations.

mod build;
pub mod metadata;
pub mod vocab;

use std::io::Write;
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, Quad, Triple};
use oxigraph::store::{StorageError, Store};
use thiserror::Error;

pub use build::{document_iri, graph_iri, ontology_graph_iri, triples};

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum GraphError {
    #[error("{path}: {message}")]
    Ontology { path: PathBuf, message: String },
    #[error("store {path}: {source}")]
    Store {
        path: PathBuf,
        #[source]
        source: StorageError,
    },
    #[error("store {0}: no store there; build one first with `policykg build`")]
    NoStore(PathBuf),
}

/// Parses the ontology (Turtle) into triples; a syntax error names the file, line and column.
pub fn parse_ontology(path: &Path) -> Result<Vec<Triple>, GraphError> {
    let text = std::fs::read_to_string(path).map_err(|e| GraphError::Ontology {
        path: path.to_owned(),
        message: format!("cannot read: {e}"),
    })?;
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(text.as_bytes())
        .map(|q| q.map(Triple::from))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| GraphError::Ontology {
            path: path.to_owned(),
            message: e.to_string(),
        })
}

/// Writes triples as Turtle with the GRAPH.md prefixes, in the given (sorted) order. IRIs
/// under `base` (a report's document IRI) are written relative to it: `<>` is the report,
/// `<#offset_12_20>` a sentence of it, which keeps the provenance legible and small.
pub fn write_turtle(triples: &[Triple], base: &str, out: impl Write) -> std::io::Result<()> {
    let mut serializer = RdfSerializer::from_format(RdfFormat::Turtle)
        .with_base_iri(base)
        .map_err(std::io::Error::other)?;
    for (prefix, ns) in vocab::PREFIXES {
        serializer = serializer
            .with_prefix(prefix, ns)
            .expect("the namespaces of vocab::PREFIXES are valid IRIs");
    }
    let mut writer = serializer.for_writer(out);
    for t in triples {
        writer.serialize_triple(t)?;
    }
    writer.finish()?.flush()
}

/// Writes triples as N-Quads in a report's named graph.
pub fn write_nquads(triples: &[Triple], graph: &str, out: impl Write) -> std::io::Result<()> {
    let mut writer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(out);
    let graph = GraphName::NamedNode(NamedNode::new_unchecked(graph));
    for t in triples {
        writer.serialize_quad(&t.clone().in_graph(graph.clone()))?;
    }
    writer.finish()?.flush()
}

/// Creates an empty store at `path` (RocksDB's set-up takes a while: a build does it while
/// the reports are read).
pub fn create_store(path: &Path) -> Result<Store, GraphError> {
    Store::open(path).map_err(|source| GraphError::Store {
        path: path.to_owned(),
        source,
    })
}

/// Loads the given named graphs into a new store.
pub fn fill_store(
    store: &Store,
    path: &Path,
    graphs: &[(String, &[Triple])],
) -> Result<(), GraphError> {
    let err = |source| GraphError::Store {
        path: path.to_owned(),
        source,
    };
    let quads = graphs.iter().flat_map(|(g, triples)| {
        let graph = GraphName::NamedNode(NamedNode::new_unchecked(g.as_str()));
        triples
            .iter()
            .map(move |t| t.clone().in_graph(graph.clone()))
    });
    // The bulk loader writes sorted files directly: half the time of a transaction here.
    // Atomicity is not needed: a failed build's store is in a staging folder that is removed.
    let mut loader = store.bulk_loader().with_num_threads(1).without_atomicity();
    loader
        .load_quads(quads.collect::<Vec<Quad>>())
        .map_err(err)?;
    loader.commit().map_err(err)
}

/// Every report's triples in a store: all its named graphs but the ontology's.
pub fn report_triples(store: &Store, path: &Path) -> Result<Vec<Triple>, GraphError> {
    let ontology = ontology_graph_iri();
    let mut triples = Vec::new();
    for quad in store.iter() {
        let quad = quad.map_err(|source| GraphError::Store {
            path: path.to_owned(),
            source,
        })?;
        if !matches!(&quad.graph_name, GraphName::NamedNode(g) if g.as_str() == ontology) {
            triples.push(Triple::from(quad));
        }
    }
    Ok(triples)
}

/// Opens an existing store read-only.
pub fn open_store(path: &Path) -> Result<Store, GraphError> {
    if !path.join("CURRENT").exists() {
        return Err(GraphError::NoStore(path.to_owned()));
    }
    Store::open_read_only(path).map_err(|source| GraphError::Store {
        path: path.to_owned(),
        source,
    })
}
