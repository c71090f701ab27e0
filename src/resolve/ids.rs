//! Stable IRIs (GRAPH.md): derived from type and canonical name, scoped by jurisdiction where a
//! name is local, percent-encoded where IRIs require it.

pub const ID_BASE: &str = "https://w3id.org/policykg/id/";

/// Percent-encodes what may not stand in an IRI path segment; CJK text stays readable.
pub fn encode_segment(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let unsafe_char = c.is_control()
            || c.is_whitespace()
            || matches!(
                c,
                '<' | '>'
                    | '"'
                    | '{'
                    | '}'
                    | '|'
                    | '\\'
                    | '^'
                    | '`'
                    | '%'
                    | '#'
                    | '?'
                    | '/'
                    | '['
                    | ']'
            );
        if unsafe_char {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `…/id/<kind>/<scope…>/<name>`.
pub fn iri(kind: &str, scope: &[String], name: &str) -> String {
    let mut iri = format!("{ID_BASE}{kind}/");
    for s in scope {
        iri.push_str(&encode_segment(s));
        iri.push('/');
    }
    iri.push_str(&encode_segment(name));
    iri
}

/// A 64-bit FNV-1a hash: stable across builds and platforms (std's hasher is not).
pub fn stable_hash(parts: &[&str]) -> String {
    stable_hash_bytes(parts.iter().map(|p| p.as_bytes()))
}

/// [`stable_hash`] of byte strings: the same hash for the same bytes, without making text of
/// them first.
pub fn stable_hash_bytes<'b>(parts: impl IntoIterator<Item = &'b [u8]>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for &b in p.iter().chain(std::iter::once(&0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoped_and_encoded() {
        assert_eq!(
            iri("place", &["江西省".into(), "南昌市".into()], "朝阳新城"),
            "https://w3id.org/policykg/id/place/江西省/南昌市/朝阳新城"
        );
        assert_eq!(encode_segment("A B/C%"), "A%20B%2FC%25");
        oxigraph::model::NamedNode::new(iri("program", &[], "a<b> c")).unwrap();
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(stable_hash(&["a", "b"]), stable_hash(&["a", "b"]));
        assert_ne!(stable_hash(&["ab", ""]), stable_hash(&["a", "b"]));
    }
}
