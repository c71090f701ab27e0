//! The graph keeps to its SHACL shapes (ontology/shapes.ttl), checked by a real engine
//! (pyshacl) through `policykg validate`: the seed's and the corpus's outputs conform, every
//! class and property they use has a shape, and a broken graph is reported readably.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{NamedNodeRef, Term, Triple};

const SH: &str = "http://www.w3.org/ns/shacl#";
const KG: &str = "https://w3id.org/policykg/ontology#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

fn validate(args: &[&str]) -> std::process::Output {
    let mut all = vec!["validate"];
    all.extend(args);
    policykg(&all)
}

fn read_turtle(path: &Path) -> Vec<Triple> {
    let bytes = std::fs::read(path).unwrap();
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(&bytes)
        .map(|q| Triple::from(q.unwrap()))
        .collect()
}

/// The objects of `predicate` anywhere in the shapes: the classes they target and the
/// properties they constrain.
fn shapes_objects(predicate: &str) -> BTreeSet<String> {
    read_turtle(&repo().join("ontology/shapes.ttl"))
        .into_iter()
        .filter(|t| t.predicate.as_str() == format!("{SH}{predicate}"))
        .map(|t| t.object.to_string())
        .collect()
}

/// Every class and property a build's Turtle files use has a shape.
fn assert_every_term_has_a_shape(out: &Path) {
    let (paths, classes) = (shapes_objects("path"), shapes_objects("targetClass"));
    for ttl in std::fs::read_dir(out).unwrap() {
        let ttl = ttl.unwrap().path();
        if ttl.extension().is_none_or(|e| e != "ttl") {
            continue;
        }
        for t in read_turtle(&ttl) {
            let p = t.predicate.to_string();
            if p.trim_matches(['<', '>']) == RDF_TYPE {
                let class = t.object.to_string();
                assert!(classes.contains(&class), "no shape targets {class}");
            } else {
                assert!(paths.contains(&p), "no shape constrains {p}");
            }
        }
    }
}

#[test]
fn the_seed_output_conforms() {
    let out = seed_build();
    let o = validate(&["--store", out.join("store").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("1 graphs conform"), "{}", stdout(&o));
    assert_every_term_has_a_shape(out);
}

#[test]
fn the_corpus_outputs_conform() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let built = build_into(&[&corpus_dir()], &out);
    assert!(built.status.success(), "{}", stderr(&built));
    let o = validate(&["--store", out.join("store").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("24 graphs conform"), "{}", stdout(&o));
    assert_every_term_has_a_shape(&out);
}

/// The seed's graph without its first quantity's unit, and with an entity's label in no
/// language.
fn broken_seed_graph(path: &Path) -> (String, String) {
    let mut triples = read_turtle(&seed_build().join(format!("{SEED}.ttl")));
    let unit = NamedNodeRef::new_unchecked("https://w3id.org/policykg/ontology#unit");
    let label = NamedNodeRef::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label");
    let at = triples.iter().position(|t| t.predicate == unit).unwrap();
    let quantity = triples.remove(at).subject.to_string();
    let program = format!("<{KG}Program>");
    let entity = triples
        .iter()
        .find(|t| t.predicate.as_str() == RDF_TYPE && t.object.to_string() == program)
        .unwrap()
        .subject
        .clone();
    let t = triples
        .iter_mut()
        .find(|t| t.subject == entity && t.predicate == label)
        .unwrap();
    let Term::Literal(l) = &t.object else {
        panic!("a label is a literal")
    };
    let name = l.value().to_owned();
    t.object = oxigraph::model::Literal::new_simple_literal(&name).into();
    let mut writer = RdfSerializer::from_format(RdfFormat::Turtle).for_writer(Vec::new());
    for t in &triples {
        writer.serialize_triple(t).unwrap();
    }
    std::fs::write(path, writer.finish().unwrap()).unwrap();
    (quantity, name)
}

#[test]
fn a_broken_graph_fails_with_a_readable_message() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ttl");
    let (quantity, name) = broken_seed_graph(&broken);
    let o = validate(&[broken.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    let text = stdout(&o);
    let short = quantity
        .trim_matches(['<', '>'])
        .trim_start_matches("https://w3id.org/policykg/id/");
    let unit_line = text
        .lines()
        .find(|l| l.contains(short))
        .unwrap_or_else(|| panic!("no line names {short}: {text}"));
    assert!(unit_line.contains("broken.ttl"), "{unit_line}");
    assert!(unit_line.contains("kg:unit"), "{unit_line}");
    assert!(
        unit_line.contains("a quantity has one kg:unit"),
        "{unit_line}"
    );
    let label_line = text
        .lines()
        .find(|l| l.contains(&format!("“{name}”")))
        .unwrap_or_else(|| panic!("no line names {name}: {text}"));
    assert!(label_line.contains("kg:Program"), "{label_line}");
    assert!(label_line.contains("rdfs:label"), "{label_line}");
    assert!(text.contains("2 violations of"), "{text}");
}

#[test]
fn validate_without_a_store_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let o = validate(&["--store", dir.path().join("none").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("policykg build"), "{}", stderr(&o));
}
