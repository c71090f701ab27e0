//! Filling a store as reports finish: each report's triples go into its named graph through
//! Oxigraph's bulk loader in batches of bounded size, so that a build's memory does not grow
//! with the number of reports.

use std::path::{Path, PathBuf};
use std::thread::{Scope, ScopedJoinHandle};

use oxigraph::model::{GraphName, NamedNode, Quad, Triple};
use oxigraph::store::{BulkLoader, StorageError, Store};

use super::GraphError;

/// Quads gathered before they are handed to the bulk loader: large enough that its sorted
/// files are few (a few reports each), small enough to keep memory flat (about 30 MB of quads
/// waiting, and as many being written).
const BATCH_QUADS: usize = 100_000;

/// Batches whose files are ingested into the store together. Each ingestion puts its files in
/// RocksDB's level 0, and a level 0 that holds files is compacted into level 1 and on down,
/// rewriting what is there: ingesting every batch as it came
/// made that compaction a quarter of a 1,000-report build's CPU time and the store 26 times its
/// text. Ingesting everything at the end leaves level 0 with one file per batch, and past 36
/// RocksDB stops every write until it has compacted them (the next incremental build's removal
/// of one report's graph waited 12 s). 30 stays under that and ingests a 1,000-report build in
/// two rounds (`scripts/bench 1000`: 43 s -> 35 s, CPU 83 s -> 64 s, store 26x -> 23x the text).
const INGESTED_BATCHES: usize = 30;

/// Loads named graphs into a store as they come.
pub struct StoreLoader<'scope, 'env> {
    store: &'env Store,
    /// Where a full round of batches is ingested while the next round is written.
    scope: &'scope Scope<'scope, 'env>,
    loader: BulkLoader<'env>,
    path: PathBuf,
    batch: Vec<Quad>,
    /// Batches written since the last ingestion.
    pending: usize,
    /// [`BATCH_QUADS`] and [`INGESTED_BATCHES`] (smaller in tests, to have many rounds).
    batch_quads: usize,
    round_batches: usize,
    /// The round being ingested: ingesting takes about a second for 30 batches, in which the
    /// reports' threads would wait for this one to take their triples. A build that fails
    /// before it commits leaves this round to the scope, which joins it on the way out (its
    /// store is in the staging folder the failure removes).
    ingesting: Option<ScopedJoinHandle<'scope, Result<(), StorageError>>>,
}

impl<'scope, 'env> StoreLoader<'scope, 'env> {
    pub fn new(
        store: &'env Store,
        path: &Path,
        scope: &'scope Scope<'scope, 'env>,
    ) -> StoreLoader<'scope, 'env> {
        StoreLoader {
            store,
            scope,
            loader: Self::bulk_loader(store),
            path: path.to_owned(),
            batch: Vec::with_capacity(BATCH_QUADS),
            pending: 0,
            batch_quads: BATCH_QUADS,
            round_batches: INGESTED_BATCHES,
            ingesting: None,
        }
    }

    /// One writer thread: the reports' extraction takes the other cores. Its batches wait as
    /// files on disk until it commits (a failed build's store is in a staging folder that is
    /// removed), not in memory.
    fn bulk_loader(store: &'env Store) -> BulkLoader<'env> {
        store.bulk_loader().with_num_threads(1)
    }

    fn err(&self, source: StorageError) -> GraphError {
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
        if self.batch.len() >= self.batch_quads {
            self.write()?;
        }
        Ok(())
    }

    fn write(&mut self) -> Result<(), GraphError> {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(self.batch_quads));
        self.loader.load_quads(batch).map_err(|e| self.err(e))?;
        self.pending += 1;
        if self.pending >= self.round_batches {
            // One round at a time: RocksDB compacts a round's files out of level 0 while the
            // next round is written (15 s of a 1,000-report build), before it is ingested.
            self.wait_for_ingestion()?;
            let full = std::mem::replace(&mut self.loader, Self::bulk_loader(self.store));
            self.ingesting = Some(self.scope.spawn(move || full.commit()));
            self.pending = 0;
        }
        Ok(())
    }

    fn wait_for_ingestion(&mut self) -> Result<(), GraphError> {
        match self.ingesting.take() {
            Some(round) => round
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                .map_err(|e| self.err(e)),
            None => Ok(()),
        }
    }

    /// Writes what is left and makes it all visible.
    pub fn commit(mut self) -> Result<(), GraphError> {
        if !self.batch.is_empty() {
            self.write()?;
        }
        self.wait_for_ingestion()?;
        let path = self.path.clone();
        self.loader
            .commit()
            .map_err(|source| GraphError::Store { path, source })
    }
}

#[cfg(all(test, feature = "rocksdb"))]
mod tests {
    use super::*;
    use oxigraph::model::Literal;

    /// Nine graphs of five quads in batches of seven or more and rounds of two batches: two
    /// rounds are ingested while the next is written (after the 4th and the 8th graph), and
    /// commit writes the 9th as a batch of its own, waits for the 2nd round and ingests the
    /// last: every quad is in its graph.
    #[test]
    fn rounds_ingested_beside_the_next_leave_every_quad_in_its_graph() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let triple = |i: usize| {
            Triple::new(
                NamedNode::new_unchecked(format!("https://example.org/s{i}")),
                NamedNode::new_unchecked("https://example.org/p"),
                Literal::from(i as i64),
            )
        };
        std::thread::scope(|scope| {
            let mut loader = StoreLoader::new(&store, dir.path(), scope);
            (loader.batch_quads, loader.round_batches) = (7, 2);
            for g in 0..9 {
                let graph = format!("https://example.org/g{g}");
                loader.add(&graph, (0..5).map(triple).collect()).unwrap();
            }
            loader.commit().unwrap();
        });
        assert_eq!(store.len().unwrap(), 45);
        assert_eq!(store.named_graphs().count(), 9);
        let g7 = NamedNode::new_unchecked("https://example.org/g7");
        let in_g7 = store.quads_for_pattern(None, None, None, Some(g7.as_ref().into()));
        assert_eq!(in_g7.count(), 5);
    }
}
