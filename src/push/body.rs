//! A named graph of the store as an N-Triples byte stream, read a few thousand triples at a
//! time: a graph of hundreds of millions of triples is sent without ever being one string.

use std::fs::File;
use std::io::{self, Read, Write};

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
}

impl GraphBody {
    pub fn new(store: &Store, graph: &NamedNode) -> GraphBody {
        let graph = GraphNameRef::NamedNode(graph.as_ref());
        GraphBody {
            quads: store.quads_for_pattern(None, None, None, Some(graph)),
            buffer: Vec::with_capacity(CHUNK + 1024),
            position: 0,
            triples: 0,
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
        Ok(n)
    }
}

/// A graph's size as sent: (triples, bytes), for a dry run.
pub fn measure(store: &Store, graph: &NamedNode) -> io::Result<(u64, u64)> {
    let mut body = GraphBody::new(store, graph);
    let bytes = io::copy(&mut body, &mut io::sink())?;
    Ok((body.triples, bytes))
}

/// A graph written to an anonymous temporary file (removed when closed), with its size.
pub struct Spooled {
    pub file: File,
    pub triples: u64,
    pub bytes: u64,
}

/// Writes a graph to a temporary file. The request then says its Content-Length (Virtuoso 7.2
/// answers a chunked PUT with 201 Created and stores nothing), a retry re-reads the file, and
/// the store is read once: decoding its terms is most of what a push costs the client.
pub fn spool(store: &Store, graph: &NamedNode) -> io::Result<Spooled> {
    let mut body = GraphBody::new(store, graph);
    let mut file = io::BufWriter::new(tempfile::tempfile()?);
    let bytes = io::copy(&mut body, &mut file)?;
    Ok(Spooled {
        file: file.into_inner().map_err(io::IntoInnerError::into_error)?,
        triples: body.triples,
        bytes,
    })
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
        let mut body = GraphBody::new(&store, &graph);
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
        let mut spooled = spool(&store, &graph).unwrap();
        assert_eq!((spooled.triples, spooled.bytes), (3000, bytes.len() as u64));
        let mut written = Vec::new();
        std::io::Seek::rewind(&mut spooled.file).unwrap();
        spooled.file.read_to_end(&mut written).unwrap();
        assert_eq!(written, bytes);
    }

    #[test]
    fn another_graph_is_not_sent() {
        let graph = NamedNode::new_unchecked("https://example.org/g");
        let store = store_with(&graph, 5);
        let other = NamedNode::new_unchecked("https://example.org/other");
        assert_eq!(measure(&store, &other).unwrap(), (0, 0));
    }
}
