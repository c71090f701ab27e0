//! Filling a store as reports finish: each report's triples go into its named graph through
//! Oxigraph's bulk loader in batches of bounded size, so that a build's memory does not grow
//! with the number of reports.

use std::path::{Path, PathBuf};

use oxigraph::model::{GraphName, NamedNode, Quad, Triple};
use oxigraph::store::{BulkLoader, Store};

use super::GraphError;

/// Quads gathered before they are handed to the bulk loader: large enough that its sorted
/// files are few (a few reports each), small enough to keep memory flat (about 30 MB of quads
/// waiting, and as many being written).
const BATCH_QUADS: usize = 100_000;

/// Loads named graphs into a store as they come.
pub struct StoreLoader<'a> {
    loader: BulkLoader<'a>,
    path: PathBuf,
    batch: Vec<Quad>,
}

impl<'a> StoreLoader<'a> {
    pub fn new(store: &'a Store, path: &Path) -> StoreLoader<'a> {
        // One writer thread: the reports' extraction takes the other cores. Without atomicity
        // each batch is ingested as it is written (a failed build's store is in a staging
        // folder that is removed), so nothing waits in memory or on disk for the commit.
        let loader = store.bulk_loader().with_num_threads(1).without_atomicity();
        StoreLoader {
            loader,
            path: path.to_owned(),
            batch: Vec::with_capacity(BATCH_QUADS),
        }
    }

    fn err(&self, source: oxigraph::store::StorageError) -> GraphError {
        GraphError::Store {
            path: self.path.clone(),
            source,
        }
    }

    /// Adds triples to a named graph; writes a batch when enough have gathered.
    pub fn add(&mut self, graph: &str, triples: Vec<Triple>) -> Result<(), GraphError> {
        let graph = GraphName::NamedNode(NamedNode::new_unchecked(graph));
        self.batch
            .extend(triples.into_iter().map(|t| t.in_graph(graph.clone())));
        if self.batch.len() >= BATCH_QUADS {
            self.write()?;
        }
        Ok(())
    }

    fn write(&mut self) -> Result<(), GraphError> {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH_QUADS));
        self.loader.load_quads(batch).map_err(|e| self.err(e))
    }

    /// Writes what is left and makes it all visible.
    pub fn commit(mut self) -> Result<(), GraphError> {
        if !self.batch.is_empty() {
            self.write()?;
        }
        let path = self.path.clone();
        self.loader
            .commit()
            .map_err(|source| GraphError::Store { path, source })
    }
}
