//! From resolved entities, quantities and relations to triples, with provenance on each fact:
//! entities and quantities carry `kg:mention` nodes; a relation is also stated as an
//! `rdf:Statement` (the reified triple) that carries its mentions.

use oxigraph::model::{Literal, NamedNode, Term, Triple};

use super::vocab::{kg, rdf, rdfs, skos, xsd};
use crate::extract::QuantityKind;
use crate::resolve::ids::{self, ID_BASE};
use crate::resolve::units::{self, Units};
use crate::resolve::{Provenance, Resolved};
use crate::text::Document;

/// The IRI of a report's document node.
pub fn document_iri(name: &str) -> String {
    ids::iri("doc", &[], name)
}

/// The IRI of the named graph that holds a report.
pub fn graph_iri(name: &str) -> String {
    ids::iri("graph", &[], name)
}

/// The named graph that holds the ontology.
pub fn ontology_graph_iri() -> String {
    format!("{ID_BASE}graph/ontology")
}

struct Triples<'d> {
    doc: &'d Document,
    doc_iri: NamedNode,
    out: Vec<Triple>,
}

fn named(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

fn zh(text: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(text, "zh")
}

fn integer(n: impl ToString) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd("integer"))
}

impl Triples<'_> {
    fn add(&mut self, s: &NamedNode, p: NamedNode, o: impl Into<Term>) {
        self.out.push(Triple::new(s.clone(), p, o));
    }

    /// A mention node: document, offsets, sentence, surface and rule.
    fn mention(&mut self, subject: &NamedNode, prov: &Provenance) {
        let m = named(&ids::iri(
            "mention",
            std::slice::from_ref(&self.doc.name),
            &format!("{}-{}-{}", prov.span.start, prov.span.end, prov.rule),
        ));
        self.add(subject, kg("mention"), m.clone());
        self.add(&m, rdf("type"), kg("Mention"));
        let doc_iri = self.doc_iri.clone();
        self.add(&m, kg("document"), doc_iri);
        self.add(&m, kg("start"), integer(prov.span.start));
        self.add(&m, kg("end"), integer(prov.span.end));
        self.add(&m, kg("text"), Literal::from(self.doc.original(prov.span)));
        if let Some(s) = self.doc.sentence_of(prov.span) {
            let sentence = self.doc.original(s.span);
            self.add(&m, kg("sentence"), Literal::from(sentence));
            self.add(&m, kg("sentenceStart"), integer(s.span.start));
            if let Some(heading) = self.doc.heading_of(s) {
                self.add(&m, kg("section"), zh(&heading));
            }
        }
        self.add(&m, kg("rule"), Literal::from(prov.rule.as_str()));
    }
}

/// Every triple of one report, sorted and without duplicates.
pub fn triples(doc: &Document, resolved: &Resolved, units: &Units) -> Vec<Triple> {
    let doc_iri = named(&document_iri(&doc.name));
    let mut t = Triples {
        doc,
        doc_iri: doc_iri.clone(),
        out: Vec::new(),
    };
    t.add(&doc_iri, rdf("type"), kg("Document"));
    t.add(&doc_iri, rdfs("label"), Literal::from(doc.name.as_str()));
    let meta = &doc.layout.meta;
    if let Some(year) = meta.year {
        t.add(&doc_iri, kg("year"), integer(year));
    }
    if let Some((start, end)) = meta.plan_period {
        t.add(&doc_iri, kg("planStart"), integer(start));
        t.add(&doc_iri, kg("planEnd"), integer(end));
    }
    if let Some(body) = resolved.jurisdiction.body() {
        if let Some(e) = resolved.entities.iter().find(|e| e.label == body.name) {
            t.add(&doc_iri, kg("jurisdiction"), named(&e.iri));
        }
    }

    for e in &resolved.entities {
        let s = named(&e.iri);
        t.add(&s, rdf("type"), kg(&e.class));
        if let Some(sub) = &e.subclass {
            t.add(&s, rdf("type"), kg(sub));
        }
        t.add(&s, rdfs("label"), zh(&e.label));
        for alias in &e.aliases {
            t.add(&s, skos("altLabel"), zh(alias));
        }
        if let Some((text, prov)) = &e.definition {
            t.add(&s, skos("definition"), zh(text));
            let def = named(&format!("{}#definition", e.iri));
            t.add(&s, kg("definitionSource"), def.clone());
            t.mention(&def, prov);
        }
        for m in &e.mentions {
            t.mention(&s, m);
        }
    }

    for q in &resolved.quantities {
        let s = named(&q.iri);
        let m = &q.mention;
        let class = match m.kind {
            QuantityKind::Target => "Target",
            QuantityKind::Achievement => "Achievement",
        };
        t.add(&s, rdf("type"), kg(class));
        t.add(&s, rdf("type"), kg("Quantity"));
        if let Some(ind) = &q.indicator {
            t.add(&s, kg("indicator"), named(&ind.iri));
            t.add(&named(&ind.iri), rdf("type"), kg("Indicator"));
            t.add(&named(&ind.iri), rdfs("label"), zh(&ind.label));
        }
        t.add(&s, kg("measure"), kg(m.measure.name()));
        t.add(&s, kg("comparator"), kg(m.comparator.name()));
        let value = units::decimal(m.value);
        t.add(
            &s,
            kg("value"),
            Literal::new_typed_literal(&value, xsd("decimal")),
        );
        if !m.unit.is_empty() {
            t.add(&s, kg("unit"), Literal::from(m.unit.as_str()));
        }
        if let Some((normalized, unit)) = units.normalize(&value, &m.unit) {
            t.add(
                &s,
                kg("normalizedValue"),
                Literal::new_typed_literal(normalized, xsd("decimal")),
            );
            t.add(&s, kg("normalizedUnit"), Literal::from(unit));
        }
        match m.baseline.as_deref() {
            Some(b) if b.chars().all(|c| c.is_ascii_digit()) => {
                t.add(&s, kg("baselineYear"), integer(b));
            }
            Some(period) => t.add(&s, kg("baselinePeriod"), zh(period)),
            None => {}
        }
        if let Some(year) = m.target_year {
            t.add(&s, kg("targetYear"), integer(year));
        }
        if let Some(about) = &q.about {
            t.add(&s, kg("about"), named(about));
        }
        t.mention(
            &s,
            &Provenance {
                span: m.span,
                rule: m.rule.clone(),
            },
        );
    }

    for r in &resolved.relations {
        let o: Term = if r.object_is_literal {
            zh(&r.object).into()
        } else {
            named(&r.object).into()
        };
        let (s, p) = (named(&r.subject), kg(&r.predicate));
        t.add(&s, p.clone(), o.clone());
        let statement = named(&ids::iri(
            "statement",
            std::slice::from_ref(&doc.name),
            &ids::stable_hash(&[&r.subject, &r.predicate, &r.object]),
        ));
        t.add(&statement, rdf("type"), rdf("Statement"));
        t.add(&statement, rdf("subject"), s);
        t.add(&statement, rdf("predicate"), p);
        t.add(&statement, rdf("object"), o);
        if let Some(year) = r.year {
            t.add(&statement, kg("year"), integer(year));
        }
        for prov in &r.provenance {
            t.mention(&statement, prov);
        }
    }

    let mut out = t.out;
    out.sort_by_cached_key(|t| {
        (
            t.subject.to_string(),
            t.predicate.to_string(),
            t.object.to_string(),
        )
    });
    out.dedup();
    out
}
