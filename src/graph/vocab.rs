//! The vocabulary of GRAPH.md. Every term here is declared in `ontology/policykg.ttl`
//! (a test checks it).

use oxigraph::model::NamedNode;

pub const KG: &str = "https://w3id.org/policykg/ontology#";
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
/// NIF 2.0 Core: the vocabulary of provenance (a report's text, its sentences, offsets).
pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";

/// The prefixes written in Turtle output and known to queries.
pub const PREFIXES: [(&str, &str); 9] = [
    ("kg", KG),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("skos", SKOS),
    ("xsd", XSD),
    ("prov", PROV),
    ("owl", OWL),
    ("nif", NIF),
    ("dcterms", DCTERMS),
];

fn node(ns: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ns}{local}"))
}

pub fn kg(local: &str) -> NamedNode {
    node(KG, local)
}
pub fn rdf(local: &str) -> NamedNode {
    node(RDF, local)
}
pub fn rdfs(local: &str) -> NamedNode {
    node(RDFS, local)
}
pub fn skos(local: &str) -> NamedNode {
    node(SKOS, local)
}
pub fn xsd(local: &str) -> NamedNode {
    node(XSD, local)
}
pub fn nif(local: &str) -> NamedNode {
    node(NIF, local)
}
pub fn dcterms(local: &str) -> NamedNode {
    node(DCTERMS, local)
}

/// The SPARQL prologue declaring [`PREFIXES`].
pub fn sparql_prologue() -> String {
    PREFIXES
        .iter()
        .map(|(p, ns)| format!("PREFIX {p}: <{ns}>\n"))
        .collect()
}
