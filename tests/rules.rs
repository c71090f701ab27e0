//! Every rule in ontology/ carries its own examples; they all hold. `POLICYKG_RULES=entity.place`
//! checks only the rules whose id starts with it.

use std::path::Path;

use policykg::extract::{CheckOutcome, check};
use policykg::rules::RuleSet;

#[test]
fn every_rule_example_holds() {
    let rules = RuleSet::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology")).unwrap();
    let filter = std::env::var("POLICYKG_RULES").unwrap_or_default();
    let results = check(&rules, &filter);
    // Every rule the filter selects was checked (each has a match and a no_match example),
    // and no other.
    let selected = rules.rules.iter().filter(|r| r.id.starts_with(&filter));
    let mut checked: Vec<&str> = results.iter().map(|r| r.rule.as_str()).collect();
    checked.dedup();
    assert!(!checked.is_empty(), "no rule id starts with {filter:?}");
    assert!(
        checked.iter().all(|id| id.starts_with(&filter)),
        "{checked:?}"
    );
    assert!(selected.clone().all(|r| checked.contains(&r.id.as_str())));
    assert!(results.len() >= 2 * selected.count());
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

#[test]
fn the_filter_selects_rules_by_id() {
    let rules = RuleSet::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology")).unwrap();
    let places = check(&rules, "entity.place");
    assert!(!places.is_empty());
    assert!(places.iter().all(|r| r.rule.starts_with("entity.place")));
    let all = check(&rules, "");
    assert!(all.len() > places.len());
}
