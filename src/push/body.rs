//! A named graph of the store as an N-Triples byte stream, read a few thousand triples at a
//! time: a graph of hundreds of millions of triples is sent without ever being one string.

use std::io::{self, Read, Write};

use indicatif::ProgressBar;
use oxigraph::model::{GraphNameRef, NamedNode, TripleRef};
use oxigraph::store::{QuadIter, Store};

/// Refill the buffer up to about this many bytes: large enough that a write is not a syscall
/// per triple, small enough to keep memory flat.
const CHUNK: usize = 64 * 1024;

/// The graph's triples as N-Triples, in store order.
pub struct GraphBody {
    quads: QuadIter<'static>,
    buffer: Vec<u8>,
    position: usize,
    /// Triples serialized so far.
    pub triples: u64,
    /// Told of every byte handed out, so that a progress bar moves inside a large graph.
    progress: Option<ProgressBar>,
}

impl GraphBody {
    pub fn new(store: &Store, graph: &NamedNode, progress: Option<ProgressBar>) -> GraphBody {
        let graph = GraphNameRef::NamedNode(graph.as_ref());
        GraphBody {
            quads: store.quads_for_pattern(None, None, None, Some(graph)),
            buffer: Vec::with_capacity(CHUNK + 1024),
            position: 0,
            triples: 0,
            progress,
        }
    }

    /// Serializes the next triples into the emptied buffer; leaves it empty at the end.
    fn refill(&mut self) -> io::Result<()> {
        self.buffer.clear();
        self.position = 0;
        while self.buffer.len() < CHUNK {
            let Some(quad) = self.quads.next() else { break };
            let quad = quad.map_err(io::Error::other)?;
            // A triple's Display is its N-Triples line (what oxttl's serializer writes).
            writeln!(self.buffer, "{} .", TripleRef::from(quad.as_ref()))?;
            self.triples += 1;
        }
        Ok(())
    }
}

impl Read for GraphBody {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.position == self.buffer.len() {
            self.refill()?;
        }
        let rest = &self.buffer[self.position..];
        let n = rest.len().min(out.len());
        out[..n].copy_from_slice(&rest[..n]);
        self.position += n;
        if let Some(p) = &self.progress {
            p.inc(n as u64);
        }
        Ok(n)
    }
}

/// A graph's size as sent: (triples, bytes), read once through the same serializer, so that
/// the request can say its Content-Length: Virtuoso 7.2 answers a chunked PUT with 201 Created
/// and stores nothing.
pub fn measure(store: &Store, graph: &NamedNode) -> io::Result<(u64, u64)> {
    let mut body = GraphBody::new(store, graph, None);
    let bytes = io::copy(&mut body, &mut io::sink())?;
    Ok((body.triples, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, Quad};

    fn store_with(graph: &NamedNode, n: usize) -> Store {
        let store = Store::new().unwrap();
        for i in 0..n {
            store
                .insert(&Quad::new(
                    NamedNode::new_unchecked(format!("https://example.org/s{i}")),
                    NamedNode::new_unchecked("https://example.org/label"),
                    Literal::new_language_tagged_literal_unchecked(
                        format!("雪亮\"工程\"\n{i}"),
                        "zh",
                    ),
                    graph.clone(),
                ))
                .unwrap();
        }
        store
    }

    #[test]
    fn a_graph_streams_as_parseable_ntriples_in_chunks() {
        let graph = NamedNode::new_unchecked("https://example.org/g");
        let store = store_with(&graph, 3000);
        let mut body = GraphBody::new(&store, &graph, None);
        let mut bytes = Vec::new();
        // Small reads cross chunk boundaries many times.
        let mut piece = [0u8; 777];
        loop {
            let n = body.read(&mut piece).unwrap();
            if n == 0 {
                break;
            }
            assert!(
                body.buffer.capacity() < 2 * CHUNK,
                "the buffer stays bounded"
            );
            bytes.extend_from_slice(&piece[..n]);
        }
        assert_eq!(body.triples, 3000);
        let parsed = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NTriples)
            .for_slice(&bytes)
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        assert_eq!(parsed.len(), 3000);
        assert_eq!(measure(&store, &graph).unwrap(), (3000, bytes.len() as u64));
    }

    #[test]
    fn another_graph_is_not_sent() {
        let graph = NamedNode::new_unchecked("https://example.org/g");
        let store = store_with(&graph, 5);
        let other = NamedNode::new_unchecked("https://example.org/other");
        assert_eq!(measure(&store, &other).unwrap(), (0, 0));
    }
}
