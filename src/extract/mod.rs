//! Extract stage: the rules engine over a laid-out document. Output is plain data (mentions of
//! entities, quantities and relations, each with its span and rule id); names are resolved to
//! entities in the next stage. Extraction never fails on input text.

mod check;
mod engine;
mod quantity;

use regex::Regex;

use crate::rules::{DIVISIONS, Kind, Rule, RuleSet, Scope};
use crate::text::{Document, Span};

pub use check::{CheckOutcome, CheckResult, check};
pub use engine::{Hit, apply, apply_regex, strip_quotes};
pub use quantity::{Comparator, Measure, QuantityKind, parse_number};

/// A name found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityMention {
    pub rule: String,
    /// The rule's priority: the overlap policy and the class choice use it.
    pub priority: i32,
    pub class: String,
    pub subclass: Option<String>,
    /// The normalized surface form.
    pub surface: String,
    pub span: Span,
    /// Glossary terms: the definition's span.
    pub definition: Option<Span>,
}

/// A number the report states, with what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityMention {
    pub rule: String,
    pub span: Span,
    pub kind: QuantityKind,
    pub value: f64,
    /// The value as written (for display).
    pub value_text: String,
    pub unit: String,
    pub indicator: Option<String>,
    pub measure: Measure,
    pub comparator: Comparator,
    /// A year, or a plan period such as 十二五.
    pub baseline: Option<String>,
    pub target_year: Option<i32>,
}

/// A relation between two names.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationMention {
    pub rule: String,
    pub relation: String,
    pub subject: (String, Span),
    pub object: (String, Span),
    pub span: Span,
}

/// Everything the rules found in one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub entities: Vec<EntityMention>,
    pub quantities: Vec<QuantityMention>,
    pub relations: Vec<RelationMention>,
}

/// The texts a rule reads, as (span, normalized text) pairs.
fn inputs<'d>(doc: &'d Document, rule: &Rule) -> Vec<(Span, &'d str, Option<Span>)> {
    match rule.scope {
        Scope::Sentence => doc
            .layout
            .sentences
            .iter()
            .map(|s| (s.span, doc.norm_slice(s.span), None))
            .collect(),
        Scope::GlossaryTerm => doc
            .layout
            .glossary
            .iter()
            .map(|g| (g.term, doc.norm_slice(g.term), Some(g.definition)))
            .collect(),
    }
}

/// A rule's pattern with `{{divisions}}` replaced by the names a document can use.
fn regex_for(rule: &Rule, divisions: &[String]) -> Option<Regex> {
    if !rule.source.contains(DIVISIONS) {
        return None;
    }
    let mut names: Vec<&String> = divisions.iter().collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alternation: Vec<String> = names.iter().map(|n| regex::escape(n)).collect();
    let pattern = rule
        .source
        .replace(DIVISIONS, &format!("(?:{})", alternation.join("|")));
    // The pattern compiled with a sample name at load time; names are escaped literals.
    Regex::new(&pattern).ok()
}

/// Runs every active rule over the document. `divisions` are the administrative divisions the
/// document can name (for patterns with `{{divisions}}`).
pub fn extract(doc: &Document, rules: &RuleSet, divisions: &[String]) -> Extraction {
    let mut entities = Vec::new();
    let mut quantities = Vec::new();
    let mut relations = Vec::new();
    for rule in rules.active() {
        let per_document = regex_for(rule, divisions);
        let regex = per_document.as_ref().unwrap_or(&rule.regex);
        for (span, text, definition) in inputs(doc, rule) {
            let base = doc.byte_at_char(span.start);
            let to_span =
                |r: &std::ops::Range<usize>| doc.span_of_bytes(base + r.start, base + r.end);
            for hit in apply_regex(rule, regex, &rules.lexicons, text) {
                match rule.kind {
                    Kind::Entity => {
                        let (class, subclass) = hit.class.clone().unwrap_or_default();
                        entities.push(EntityMention {
                            rule: rule.id.clone(),
                            priority: rule.priority,
                            class,
                            subclass,
                            surface: text[hit.range.clone()].to_owned(),
                            span: to_span(&hit.range),
                            definition,
                        });
                    }
                    Kind::Quantity => {
                        if let Some(q) =
                            quantity::interpret(doc, rules, rule, span, text, &hit, &quantities)
                        {
                            quantities.push(q);
                        }
                    }
                    Kind::Relation => {
                        let group = |n: &str| {
                            let r = &hit.groups[n];
                            (text[r.clone()].to_owned(), to_span(r))
                        };
                        relations.push(RelationMention {
                            rule: rule.id.clone(),
                            relation: rule.emit["relation"].clone(),
                            subject: group("subject"),
                            object: group("object"),
                            span: to_span(&hit.range),
                        });
                    }
                }
            }
        }
    }
    quantities.sort_by_key(|q| (q.span, q.rule.clone()));
    quantities.dedup_by(|b, a| a.span == b.span);
    relations.sort_by(|a, b| (a.span, &a.rule).cmp(&(b.span, &b.rule)));
    Extraction {
        entities: resolve_overlaps(entities),
        quantities,
        relations,
    }
}

/// Where entity mentions overlap, the longest wins, then the higher priority, then the earlier
/// start; a mention inside a longer one is dropped.
fn resolve_overlaps(mut found: Vec<EntityMention>) -> Vec<EntityMention> {
    found.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(b.priority.cmp(&a.priority))
            .then(a.span.start.cmp(&b.span.start))
            .then(a.rule.cmp(&b.rule))
    });
    let mut kept: Vec<EntityMention> = Vec::new();
    for m in found {
        let overlaps = kept
            .iter()
            .any(|k| k.span.start < m.span.end && m.span.start < k.span.end);
        if !overlaps {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.span);
    kept
}
