//! From resolved entities, quantities and relations to triples, with provenance on each fact:
//! entities and quantities carry `kg:mention` nodes; a relation is also stated as an
//! `rdf:Statement` (the reified triple) that carries its mentions. Provenance is NIF 2.0: the
//! document is the `nif:Context` holding the text once, each sentence a fact comes from is a
//! `nif:Sentence` holding its words once, and a mention is an offset pair into them.

use oxigraph::model::{Literal, NamedNode, Term, Triple};

use super::metadata;
use super::vocab::{dcterms, kg, nif, rdf, rdfs, skos, xsd};
use crate::extract::QuantityKind;
use crate::resolve::ids::{self, ID_BASE};
use crate::resolve::units::{self, Units};
use crate::resolve::{Provenance, Resolved};
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

    /// The offsets of a NIF string: chars of the input, as NIF 2.0 counts them. NIF types
    /// them `xsd:nonNegativeInteger`, but Oxigraph stores every integer type as `xsd:integer`:
    /// written so, the files and the store hold the same triples.
    fn offsets(&mut self, s: &NamedNode, span: Span) {
        self.add(s, nif("beginIndex"), integer(span.start));
        self.add(s, nif("endIndex"), integer(span.end));
        let context = self.doc_iri.clone();
        self.add(s, nif("referenceContext"), context);
    }

    /// A mention: a NIF phrase of the report's text (offsets, the words, its sentence) and
    /// the rule that read it. The sentence is a node of its own, written once however many
    /// mentions it holds.
    fn mention(&mut self, subject: &NamedNode, prov: &Provenance) {
        let m = named(&mention_iri(&self.doc_iri, prov.span, &prov.rule));
        self.add(subject, kg("mention"), m.clone());
        self.add(&m, rdf("type"), kg("Mention"));
        self.offsets(&m, prov.span);
        self.add(
            &m,
            nif("anchorOf"),
            Literal::from(self.doc.original(prov.span)),
        );
        self.add(&m, kg("rule"), Literal::from(prov.rule.as_str()));
        if let Some(s) = self.doc.sentence_of(prov.span) {
            let sentence = named(&offset_iri(&self.doc_iri, s.span));
            self.add(&m, nif("sentence"), sentence.clone());
            self.add(&sentence, rdf("type"), nif("Sentence"));
            self.offsets(&sentence, s.span);
            self.add(
                &sentence,
                nif("anchorOf"),
                Literal::from(self.doc.original(s.span)),
            );
            if let Some(heading) = self.doc.heading_of(s) {
                self.add(&sentence, kg("section"), zh(&heading));
            }
        }
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

/// A mention's IRI: its span's offset IRI and the rule, which tells two readings of the same
/// words apart (a name that a rule and a stage both found).
fn mention_iri(doc: &NamedNode, span: Span, rule: &str) -> String {
    format!("{}_{rule}", offset_iri(doc, span))
}

/// Every triple of one report, sorted and without duplicates. `ontology_hash` identifies the
/// ontology folder the report was read with (its part of the content hash).
pub fn triples(
    doc: &Document,
    resolved: &Resolved,
    units: &Units,
    ontology_hash: &str,
) -> Vec<Triple> {
    let doc_iri = named(&document_iri(&doc.name));
    let mut t = Triples {
        doc,
        doc_iri: doc_iri.clone(),
        out: Vec::new(),
    };
    t.document(resolved, ontology_hash);
    t.context();

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
