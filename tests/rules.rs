//! Every rule in ontology/ carries its own examples; they all hold.

use std::path::Path;

use policykg::extract::{CheckOutcome, check};
use policykg::rules::RuleSet;

#[test]
fn every_rule_example_holds() {
    let rules = RuleSet::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology")).unwrap();
    let filter = std::env::var("POLICYKG_RULES").unwrap_or_default();
    let results = check(&rules, &filter);
    assert!(results.len() >= rules.rules.len(), "every rule was checked");
    let failures: Vec<String> = results
        .iter()
        .filter(|r| r.outcome != CheckOutcome::Validated)
        .map(|r| {
            format!(
                "{:?}  {}  {}  {:?}  {}",
                r.outcome, r.rule, r.location, r.text, r.detail
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "rule examples failed:\n{}",
        failures.join("\n")
    );
}
