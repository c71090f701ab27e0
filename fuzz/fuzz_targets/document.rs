//! Whole-document extraction: any text goes through extract, resolve, graph and render, and
//! every mention's offsets lie inside the text.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use policykg::pipeline::{Ontology, process_document};
use policykg::text::Document;

fn ontology() -> &'static Ontology {
    static ONTOLOGY: OnceLock<Ontology> = OnceLock::new();
    ONTOLOGY.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../ontology");
        Ontology::load(dir.as_ref()).expect("the ontology loads")
    })
}

fuzz_target!(|text: &str| {
    let ontology = ontology();
    let doc = Document::from_text(
        "f".into(),
        PathBuf::from("f.txt"),
        text.into(),
        &ontology.layout,
    );
    let len = doc.char_len();
    let report = process_document(doc, ontology);
    for e in &report.resolved.entities {
        assert!(!e.label.is_empty());
        for m in &e.mentions {
            assert!(m.span.end <= len, "{:?} outside 0..{len}", m.span);
        }
    }
});
