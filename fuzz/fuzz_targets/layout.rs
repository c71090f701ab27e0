//! Text layout and normalization: any text lays out, one normalized char per input char, and
//! every span the layout finds lies inside the text.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use policykg::text::{Document, LayoutConfig, Span};

fn config() -> &'static LayoutConfig {
    static CONFIG: OnceLock<LayoutConfig> = OnceLock::new();
    CONFIG.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ontology/text.toml");
        LayoutConfig::load(path.as_ref()).expect("the ontology's text.toml loads")
    })
}

fuzz_target!(|text: &str| {
    let doc = Document::from_text("f".into(), PathBuf::from("f.txt"), text.into(), config());
    assert_eq!(doc.norm.chars().count(), text.chars().count());
    let len = doc.char_len();
    let layout = &doc.layout;
    let spans = layout
        .sentences
        .iter()
        .map(|s| s.span)
        .chain(layout.paragraphs.iter().map(|p| p.span))
        .chain(layout.parts.iter().flat_map(|p| [p.span, p.heading]))
        .chain(layout.sections.iter().flat_map(|s| [s.span, s.heading]))
        .chain(layout.glossary.iter().flat_map(|g| [g.term, g.definition]))
        .chain(layout.markers.iter().map(|m| m.span));
    for span in spans {
        assert!(
            span.start <= span.end && span.end <= len,
            "{span:?} outside 0..{len}"
        );
        let _ = doc.original(span);
        let _ = doc.norm_slice(Span::new(span.start, span.end));
    }
});
