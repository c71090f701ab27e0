//! Chinese numerals and quantities: a number parses or not without panicking, its decimal
//! form parses back to it (to six decimals), its normalized unit keeps the value's digits, and the quantity rules read
//! any sentence.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use policykg::extract::{KnownNames, extract, parse_number};
use policykg::pipeline::Ontology;
use policykg::resolve::units::decimal;
use policykg::rules::{Kind, RuleSet};
use policykg::text::{Document, small_chinese_number};

/// The ontology, and a rule set of its quantity rules only.
fn quantity_rules() -> &'static (Ontology, RuleSet) {
    static RULES: OnceLock<(Ontology, RuleSet)> = OnceLock::new();
    RULES.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../ontology");
        let ontology = Ontology::load(dir.as_ref()).expect("the ontology loads");
        let mut rules = ontology.rules.clone();
        rules.rules.retain(|r| r.kind == Kind::Quantity);
        (ontology, rules)
    })
}

fuzz_target!(|text: &str| {
    let _ = small_chinese_number(text);
    if let Some(value) = parse_number(text) {
        let written = decimal(value);
        if value.is_finite() && value.abs() < 1e15 {
            let back: f64 = written.parse().expect("a decimal parses back");
            // Six decimals, by design (no float noise in the graph).
            assert!(
                (back - value).abs() <= 5e-7 + value.abs() * 1e-15,
                "{value} → {written}"
            );
        }
        let (ontology, _) = quantity_rules();
        for unit in ["亿元", "万元", "%", "个", "万人", text] {
            let _ = ontology.units.normalize(&written, unit);
        }
    }
    let (ontology, rules) = quantity_rules();
    let doc = Document::from_text(
        "f".into(),
        PathBuf::from("f.txt"),
        text.into(),
        &ontology.layout,
    );
    let found = extract(&doc, rules, &[], &KnownNames::default());
    for q in &found.quantities {
        assert!(q.span.end <= doc.char_len());
    }
});
