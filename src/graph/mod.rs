//! Graph stage: triples built with oxigraph's model types, the on-disk store (each report in
//! its own named graph, the ontology in another) and stable serializations.

mod build;
mod load;
pub mod metadata;
pub mod vocab;

use std::io::Write;
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, Triple};
use oxigraph::store::{StorageError, Store};
use thiserror::Error;

pub use build::{document_iri, graph_iri, ontology_graph_iri, triples};
pub use load::StoreLoader;

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
    let text = crate::files::read_to_string(path).map_err(|e| GraphError::Ontology {
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
/// `<#offset_12_20>` a sentence of it, which keeps the provenance small.
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

#[cfg(feature = "rocksdb")]
/// Creates an empty store at `path` (RocksDB's set-up takes a while: a build does it while
/// the reports are read).
pub fn create_store(path: &Path) -> Result<Store, GraphError> {
    Store::open(path).map_err(|source| GraphError::Store {
        path: path.to_owned(),
        source,
    })
}

/// The content hash of each report graph in a store (graph IRI → hash).
pub fn content_hashes(
    store: &Store,
    path: &Path,
) -> Result<std::collections::HashMap<String, String>, GraphError> {
    let predicate = vocab::kg("contentHash");
    let mut hashes = std::collections::HashMap::new();
    for quad in store.quads_for_pattern(None, Some(predicate.as_ref()), None, None) {
        let quad = quad.map_err(|source| GraphError::Store {
            path: path.to_owned(),
            source,
        })?;
        if let (GraphName::NamedNode(g), oxigraph::model::Term::Literal(h)) =
            (&quad.graph_name, &quad.object)
        {
            hashes.insert(g.as_str().to_owned(), h.value().to_owned());
        }
    }
    Ok(hashes)
}

/// A copy of the store at `from` in `to`, a new folder on the same file system, opened for
/// writing: RocksDB's checkpoint hard-links the immutable table files, so copying a large
/// store takes milliseconds and leaves the original as it was.
#[cfg(feature = "rocksdb")]
pub fn copy_store(from: &Path, to: &Path) -> Result<Store, GraphError> {
    let err = |path: &Path| {
        let path = path.to_owned();
        move |source| GraphError::Store { path, source }
    };
    open_store(from)?.backup(to).map_err(err(from))?;
    Store::open(to).map_err(err(to))
}

/// Removes named graphs (with all their triples) from a store.
pub fn remove_graphs<'a>(
    store: &Store,
    path: &Path,
    graphs: impl IntoIterator<Item = &'a str>,
) -> Result<(), GraphError> {
    for g in graphs {
        store
            .remove_named_graph(NamedNode::new_unchecked(g).as_ref())
            .map_err(|source| GraphError::Store {
                path: path.to_owned(),
                source,
            })?;
    }
    Ok(())
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

/// Opens an existing store read-only. A build may swap a new output in meanwhile: the folder
/// is opened first and the store read through it (Linux: `/proc/self/fd/N`), so that the old
/// store's files never mix with the new one's, and an open that a swap cut short is tried
/// again on the new store. Either way the reader sees one whole store.
#[cfg(feature = "rocksdb")]
pub fn open_store(path: &Path) -> Result<Store, GraphError> {
    open_existing(path, |p| Store::open_read_only(p))
}

/// Opens an existing store for reading and writing (`serve --writable`), as `open_store` does.
#[cfg(feature = "rocksdb")]
pub fn open_store_writable(path: &Path) -> Result<Store, GraphError> {
    open_existing(path, |p| Store::open(p))
}

#[cfg(feature = "rocksdb")]
fn open_existing(
    path: &Path,
    open: impl Fn(&Path) -> Result<Store, StorageError>,
) -> Result<Store, GraphError> {
    let mut tries = 0;
    loop {
        match open_once(path, &open) {
            Err(GraphError::Store { .. }) if tries < 3 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            opened => return opened,
        }
    }
}

#[cfg(feature = "rocksdb")]
fn open_once(
    path: &Path,
    open: &impl Fn(&Path) -> Result<Store, StorageError>,
) -> Result<Store, GraphError> {
    if !path.join("CURRENT").exists() {
        return Err(GraphError::NoStore(path.to_owned()));
    }
    let err = |source| GraphError::Store {
        path: path.to_owned(),
        source,
    };
    let folder = std::fs::File::open(path).map_err(|e| err(e.into()))?;
    let through = folder_path(&folder).filter(|p| p.join("CURRENT").exists());
    let store = open(through.as_deref().unwrap_or(path)).map_err(err)?;
    if through.is_some() {
        // The store opens its files through this folder handle for as long as it is open,
        // and the handle must not be reused for another file meanwhile: it stays open.
        std::mem::forget(folder);
    }
    Ok(store)
}

/// A path that names an open folder itself, whatever is renamed meanwhile.
#[cfg(all(feature = "rocksdb", target_os = "linux"))]
fn folder_path(folder: &std::fs::File) -> Option<PathBuf> {
    use std::os::fd::AsRawFd;
    Some(PathBuf::from(format!(
        "/proc/self/fd/{}",
        folder.as_raw_fd()
    )))
}

#[cfg(all(feature = "rocksdb", not(target_os = "linux")))]
fn folder_path(_folder: &std::fs::File) -> Option<PathBuf> {
    None
}

/// Without the `rocksdb` feature (the fuzz targets) there is no on-disk store: every stage
/// but the store builds, and asking for a store says why there is none.
#[cfg(not(feature = "rocksdb"))]
mod without_rocksdb {
    use super::{GraphError, Path, Store};

    fn no_store(path: &Path) -> GraphError {
        GraphError::Ontology {
            path: path.to_owned(),
            message: "policykg was built without the `rocksdb` feature: no on-disk store".into(),
        }
    }
    pub fn create_store(path: &Path) -> Result<Store, GraphError> {
        Err(no_store(path))
    }
    pub fn open_store(path: &Path) -> Result<Store, GraphError> {
        Err(no_store(path))
    }
    pub fn copy_store(from: &Path, _to: &Path) -> Result<Store, GraphError> {
        Err(no_store(from))
    }
}
#[cfg(not(feature = "rocksdb"))]
pub use without_rocksdb::{copy_store, create_store, open_store};
