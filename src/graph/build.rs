//! From resolved entities, quantities and relations to triples, with provenance on each fact:
//! entities and quantities carry `kg:mention` nodes; a relation is also stated as an
//! `rdf:Statement` (the reified triple) that carries its mentions. Provenance is NIF 2.0: the
//! document is the `nif:Context` holding the text once, each sentence a fact comes from is a
//! `nif:Sentence` holding its words once, and a mention is an offset pair into them.

use std::collections::HashSet;
use std::fmt::Write;

use oxigraph::model::{Literal, NamedNode, Term, Triple};

use super::metadata;
use super::vocab::{dcterms, kg, nif, rdf, rdfs, skos, xsd};
use crate::extract::QuantityKind;
use crate::resolve::ids::{self, ID_BASE};
use crate::resolve::units::{self, Units};
use crate::resolve::{Entity, Provenance, Quantity, Relation, Resolved};
use crate::text::{Document, Span};

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
    /// The sentences and headings written so far: each once, however many mentions it holds.
    strings: HashSet<(Span, NamedNode)>,
}

fn named(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

fn zh(text: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(text, "zh")
}

fn decimal(value: &str) -> Literal {
    Literal::new_typed_literal(value, xsd("decimal"))
}

fn integer(n: impl ToString) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd("integer"))
}

impl Triples<'_> {
    fn add(&mut self, s: &NamedNode, p: NamedNode, o: impl Into<Term>) {
        self.out.push(Triple::new(s.clone(), p, o));
    }

    /// The offsets of a NIF string: chars of the input, as NIF 2.0 counts them. NIF types
    /// them `xsd:nonNegativeInteger`, but Oxigraph stores every integer type as `xsd:integer`:
    /// written so, the files and the store hold the same triples.
    fn offsets(&mut self, s: &NamedNode, span: Span) {
        self.add(s, nif("beginIndex"), integer(span.start));
        self.add(s, nif("endIndex"), integer(span.end));
        let context = self.doc_iri.clone();
        self.add(s, nif("referenceContext"), context);
    }

    /// A mention: a NIF phrase of the report's text (offsets, its sentence) and the rule that
    /// read it. Its words are not repeated (no `nif:anchorOf`): the context holds the text once
    /// and every string of it is an offset pair into it. The sentence is a node of its own,
    /// written once however many mentions it holds, and so is its section's heading.
    fn mention(&mut self, subject: &NamedNode, prov: &Provenance) {
        let m = named(&mention_iri(&self.doc_iri, prov.span, &prov.rule));
        self.add(subject, kg("mention"), m.clone());
        self.add(&m, rdf("type"), kg("Mention"));
        self.offsets(&m, prov.span);
        self.add(&m, kg("rule"), Literal::from(prov.rule.as_str()));
        let Some(s) = self.doc.sentence_of(prov.span) else {
            return;
        };
        let sentence = self.string(s.span, nif("Sentence"));
        self.add(&m, nif("sentence"), sentence.clone());
        if let Some(heading) = self.doc.heading_span_of(s) {
            let title = self.string(heading, nif("Title"));
            self.add(&sentence, kg("section"), title);
        }
    }

    /// The node of a span of the text with its NIF class (a sentence, a heading), its class
    /// and offsets written the first time it is named so.
    fn string(&mut self, span: Span, class: NamedNode) -> NamedNode {
        let node = named(&offset_iri(&self.doc_iri, span));
        // A heading may be a sentence too: the node then has both classes (the offsets, written
        // twice, are one triple once sorted).
        if self.strings.insert((span, class.clone())) {
            self.add(&node, rdf("type"), class);
            self.offsets(&node, span);
        }
        node
    }

    /// What the report is: its year, plan period, jurisdiction and level, what its header
    /// says (title, publisher, source, date, speaker) and its hashes.
    fn document(&mut self, resolved: &Resolved, ontology_hash: &str) {
        let (doc, d) = (self.doc, self.doc_iri.clone());
        self.add(&d, rdf("type"), kg("Document"));
        self.add(&d, rdfs("label"), Literal::from(doc.name.as_str()));
        let meta = &doc.layout.meta;
        if let Some(year) = meta.year {
            self.add(&d, kg("year"), integer(year));
        }
        if let Some((start, end)) = meta.plan_period {
            self.add(&d, kg("planStart"), integer(start));
            self.add(&d, kg("planEnd"), integer(end));
        }
        let jurisdiction = &resolved.jurisdiction;
        if let Some(body) = jurisdiction.body() {
            if let Some(e) = resolved.entities.iter().find(|e| e.label == body.name) {
                self.add(&d, kg("jurisdiction"), named(&e.iri));
            }
        }
        if let Some(level) = metadata::level_name(jurisdiction.chain.len()) {
            self.add(&d, kg("divisionLevel"), Literal::from(level));
        }
        let header = metadata::read_header(doc);
        for (p, value) in [
            ("title", &header.title),
            ("publisher", &header.publisher),
            ("creator", &header.speaker),
        ] {
            if let Some(v) = value {
                self.add(&d, dcterms(p), zh(v));
            }
        }
        if let Some(source) = header
            .source
            .as_deref()
            .and_then(|s| NamedNode::new(s).ok())
        {
            self.add(&d, dcterms("source"), source);
        }
        if let Some((y, m, day)) = header.date {
            let date = format!("{y:04}-{m:02}-{day:02}");
            self.add(
                &d,
                dcterms("date"),
                Literal::new_typed_literal(date, xsd("date")),
            );
        }
        let text_hash = ids::stable_hash(&[&doc.text]);
        self.add(&d, kg("textHash"), Literal::from(text_hash));
        let content_hash = metadata::content_hash(&doc.text, ontology_hash);
        self.add(&d, kg("contentHash"), Literal::from(content_hash));
    }

    /// The report as a NIF context: its whole text, once.
    fn context(&mut self) {
        let doc = self.doc_iri.clone();
        self.add(&doc, rdf("type"), nif("Context"));
        self.add(&doc, nif("isString"), Literal::from(self.doc.text.as_str()));
        self.add(&doc, nif("beginIndex"), integer(0));
        self.add(&doc, nif("endIndex"), integer(self.doc.char_len()));
    }
}

/// A NIF offset-based IRI (`…#offset_12_20`) of a span of the report.
fn offset_iri(doc: &NamedNode, span: Span) -> String {
    format!("{}#offset_{}_{}", doc.as_str(), span.start, span.end)
}

/// A mention's IRI: its span's offset IRI and a tag of the rule (six hex digits of its id's
/// hash), which tells two readings of the same words apart (a name that a rule and a stage
/// both found). The rule's id itself is the mention's `kg:rule`; a tag keeps the IRIs, which
/// a report names as often as it has mentions, short.
fn mention_iri(doc: &NamedNode, span: Span, rule: &str) -> String {
    format!("{}_{}", offset_iri(doc, span), rule_tag(rule))
}

/// The tag of a rule in its mentions' IRIs.
fn rule_tag(rule: &str) -> String {
    ids::stable_hash(&[rule])[..6].to_owned()
}

/// Every triple of one report, sorted and without duplicates. `ontology_hash` identifies the
/// ontology folder the report was read with (its part of the content hash).
pub fn triples(
    doc: &Document,
    resolved: &Resolved,
    units: &Units,
    ontology_hash: &str,
) -> Vec<Triple> {
    let mut t = Triples {
        doc,
        doc_iri: named(&document_iri(&doc.name)),
        out: Vec::new(),
        strings: HashSet::new(),
    };
    t.document(resolved, ontology_hash);
    t.context();
    for e in &resolved.entities {
        t.entity(e);
    }
    for q in &resolved.quantities {
        t.quantity(q, units);
    }
    for r in &resolved.relations {
        t.relation(r);
    }
    sorted(t.out)
}

/// Triples in the order of their N-Triples forms (subject, predicate, object), without
/// duplicates. One key per triple, its three forms joined by NUL, which no form holds (a
/// literal writes it escaped): the key orders as the three would one after the other.
fn sorted(mut out: Vec<Triple>) -> Vec<Triple> {
    out.sort_by_cached_key(|t| {
        let mut key = String::new();
        write!(key, "{}\0{}\0{}", t.subject, t.predicate, t.object).expect("a String takes it");
        key
    });
    out.dedup();
    out
}

impl Triples<'_> {
    fn entity(&mut self, e: &Entity) {
        let s = named(&e.iri);
        self.add(&s, rdf("type"), kg(&e.class));
        if let Some(sub) = &e.subclass {
            self.add(&s, rdf("type"), kg(sub));
        }
        self.add(&s, rdfs("label"), zh(&e.label));
        for alias in &e.aliases {
            self.add(&s, skos("altLabel"), zh(alias));
        }
        if let Some((text, prov)) = &e.definition {
            self.add(&s, skos("definition"), zh(text));
            let def = named(&format!("{}#definition", e.iri));
            self.add(&s, kg("definitionSource"), def.clone());
            self.mention(&def, prov);
        }
        for m in &e.mentions {
            self.mention(&s, m);
        }
    }

    fn quantity(&mut self, q: &Quantity, units: &Units) {
        let s = named(&q.iri);
        let m = &q.mention;
        let class = match m.kind {
            QuantityKind::Target => "Target",
            QuantityKind::Achievement => "Achievement",
        };
        self.add(&s, rdf("type"), kg(class));
        self.add(&s, rdf("type"), kg("Quantity"));
        if let Some(ind) = &q.indicator {
            self.add(&s, kg("indicator"), named(&ind.iri));
            self.add(&named(&ind.iri), rdf("type"), kg("Indicator"));
            self.add(&named(&ind.iri), rdfs("label"), zh(&ind.label));
        }
        self.add(&s, kg("measure"), kg(m.measure.name()));
        self.add(&s, kg("comparator"), kg(m.comparator.name()));
        let value = units::decimal(m.value);
        self.add(&s, kg("value"), decimal(&value));
        if !m.unit.is_empty() {
            self.add(&s, kg("unit"), Literal::from(m.unit.as_str()));
        }
        if let Some((normalized, unit)) = units.normalize(&value, &m.unit) {
            self.add(&s, kg("normalizedValue"), decimal(&normalized));
            self.add(&s, kg("normalizedUnit"), Literal::from(unit));
        }
        match m.baseline.as_deref() {
            Some(b) if b.chars().all(|c| c.is_ascii_digit()) => {
                self.add(&s, kg("baselineYear"), integer(b));
            }
            Some(period) => self.add(&s, kg("baselinePeriod"), zh(period)),
            None => {}
        }
        if let Some(year) = m.target_year {
            self.add(&s, kg("targetYear"), integer(year));
        }
        if let Some(about) = &q.about {
            self.add(&s, kg("about"), named(about));
        }
        let prov = Provenance {
            span: m.span,
            rule: m.rule.clone(),
        };
        self.mention(&s, &prov);
    }

    /// A relation: the edge itself, and as an `rdf:Statement` carrying its mentions.
    fn relation(&mut self, r: &Relation) {
        let o: Term = if r.object_is_literal {
            zh(&r.object).into()
        } else {
            named(&r.object).into()
        };
        let (s, p) = (named(&r.subject), kg(&r.predicate));
        self.add(&s, p.clone(), o.clone());
        let statement = named(&ids::iri(
            "statement",
            std::slice::from_ref(&self.doc.name),
            &ids::stable_hash(&[&r.subject, &r.predicate, &r.object]),
        ));
        self.add(&statement, rdf("type"), rdf("Statement"));
        self.add(&statement, rdf("subject"), s);
        self.add(&statement, rdf("predicate"), p);
        self.add(&statement, rdf("object"), o);
        if let Some(year) = r.year {
            self.add(&statement, kg("year"), integer(year));
        }
        for prov in &r.provenance {
            self.mention(&statement, prov);
        }
    }
}
