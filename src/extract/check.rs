//! Running every rule's own examples (`[[rule.match]]` and `[rule.no_match]`), as ast-grep
//! does: an example is validated, missing (expected, not found), noisy (found in a text that
//! must stay silent) or wrong (found, but not as expected).

use std::collections::BTreeMap;

use super::apply;
use crate::rules::{Expect, Rule, RuleSet};
use crate::text::normalize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckOutcome {
    Validated,
    Missing,
    Noisy,
    Wrong,
}

#[derive(Debug, Clone)]
pub struct CheckResult {
    pub rule: String,
    pub location: String,
    pub text: String,
    pub outcome: CheckOutcome,
    pub detail: String,
}

/// What a rule yields on an example: names (entity rules) or the fields of its first hit.
fn found(rule: &Rule, rules: &RuleSet, text: &str) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let hits = apply(rule, &rules.lexicons, &rules.segmenter.words(text));
    let names = hits
        .iter()
        .map(|h| text[h.range.clone()].to_owned())
        .collect();
    let fields = hits
        .iter()
        .map(|h| {
            let mut f: BTreeMap<String, String> = h
                .groups
                .iter()
                .map(|(k, r)| (k.clone(), text[r.clone()].to_owned()))
                .collect();
            // Fixed fields fill in what the pattern did not capture.
            for (k, v) in &rule.emit.written {
                f.entry(k.clone()).or_insert_with(|| v.clone());
            }
            if let Some((class, sub)) = &h.class {
                f.insert("class".into(), class.name().to_owned());
                if let Some(sub) = sub {
                    f.insert("subclass".into(), sub.clone());
                }
            }
            f
        })
        .collect();
    (names, fields)
}

/// Checks the rules whose id starts with `filter` (all when empty). A rule without a `match`
/// example or without a `no_match` text fails: every rule carries both.
pub fn check(rules: &RuleSet, filter: &str) -> Vec<CheckResult> {
    let mut results = Vec::new();
    for rule in rules.rules.iter().filter(|r| r.id.starts_with(filter)) {
        let location = format!("{}:{}", rule.file.display(), rule.line);
        let mut push = |text: &str, outcome, detail: String| {
            results.push(CheckResult {
                rule: rule.id.clone(),
                location: location.clone(),
                text: text.to_owned(),
                outcome,
                detail,
            })
        };
        if rule.matches.is_empty() || rule.no_match.is_empty() {
            push(
                "",
                CheckOutcome::Missing,
                "the rule needs at least one [[rule.match]] and one [rule.no_match] text".into(),
            );
        }
        for example in &rule.matches {
            let text = normalize(&example.text);
            let (names, fields) = found(rule, rules, &text);
            let (outcome, detail) = match &example.expect {
                Expect::Names(expected) if names.is_empty() => (
                    CheckOutcome::Missing,
                    format!("expected {expected:?}, found nothing"),
                ),
                Expect::Names(expected) if names != *expected => (
                    CheckOutcome::Wrong,
                    format!("expected {expected:?}, found {names:?}"),
                ),
                Expect::Fields(_) if fields.is_empty() => {
                    (CheckOutcome::Missing, "found nothing".to_owned())
                }
                Expect::Fields(expected) => {
                    let first = &fields[0];
                    let wrong: Vec<String> = expected
                        .iter()
                        .filter(|(k, v)| first.get(*k) != Some(v))
                        .map(|(k, v)| format!("{k}: expected {v:?}, found {:?}", first.get(k)))
                        .collect();
                    if wrong.is_empty() {
                        (CheckOutcome::Validated, String::new())
                    } else {
                        (CheckOutcome::Wrong, wrong.join("; "))
                    }
                }
                Expect::Names(_) => (CheckOutcome::Validated, String::new()),
            };
            push(&example.text, outcome, detail);
        }
        for text in &rule.no_match {
            let (names, _) = found(rule, rules, &normalize(text));
            if names.is_empty() {
                push(text, CheckOutcome::Validated, String::new());
            } else {
                push(text, CheckOutcome::Noisy, format!("found {names:?}"));
            }
        }
    }
    results
}
