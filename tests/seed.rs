//! The seed report end to end through the library: known entities, quantities and relations
//! come out with the right classes, labels, values and offsets.

use std::path::Path;
use std::sync::OnceLock;

use policykg::extract::{Comparator, Measure, QuantityKind};
use policykg::pipeline::{Ontology, Report, process};
use policykg::resolve::Entity;

fn seed() -> &'static Report {
    static REPORT: OnceLock<Report> = OnceLock::new();
    REPORT.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let ontology = Ontology::load(&root.join("ontology")).unwrap();
        process(&root.join("seeds/nanchang-xihu-2021.txt"), &ontology).unwrap()
    })
}

fn entity(label: &str) -> &'static Entity {
    seed()
        .resolved
        .entities
        .iter()
        .find(|e| e.label == label)
        .unwrap_or_else(|| panic!("no entity {label}"))
}

/// The char offset of the first occurrence of `needle` at or after char `from`.
fn char_offset(needle: &str, from: usize) -> usize {
    let text = &seed().doc.text;
    let byte_from = text.char_indices().nth(from).unwrap().0;
    let byte = byte_from + text[byte_from..].find(needle).unwrap();
    text[..byte].chars().count()
}

#[test]
fn jurisdiction_year_and_plan_period() {
    let r = seed();
    assert_eq!(
        r.resolved.jurisdiction.scope(),
        ["江西省", "南昌市", "西湖区"]
    );
    assert_eq!(r.doc.layout.meta.year, Some(2021));
    assert_eq!(r.doc.layout.meta.plan_period, Some((2021, 2025)));
    assert_eq!(r.doc.layout.glossary.len(), 20);
}

#[test]
fn a_glossary_program_with_its_definition_and_every_mention() {
    let e = entity("雪亮工程");
    assert_eq!(e.class, "Program");
    assert_eq!(e.iri, "https://w3id.org/policykg/id/program/雪亮工程");
    let (definition, _) = e.definition.as_ref().unwrap();
    assert!(
        definition.starts_with("以县、乡、村三级综治中心为指挥平台"),
        "{definition}"
    );
    let body_start = seed().doc.layout.body.start;
    let first = char_offset("雪亮工程", body_start);
    assert!(
        e.mentions
            .iter()
            .any(|m| m.span.start == first && m.span.end == first + 4)
    );
    for m in &e.mentions {
        assert_eq!(seed().doc.original(m.span), "雪亮工程");
    }
}

#[test]
fn a_local_place_is_scoped_by_the_jurisdiction() {
    let e = entity("朝阳新城");
    assert_eq!(e.class, "Place");
    assert_eq!(e.subclass.as_deref(), Some("District"));
    assert_eq!(
        e.iri,
        "https://w3id.org/policykg/id/place/江西省/南昌市/西湖区/朝阳新城"
    );
    assert!(e.mentions.len() >= 3);
    let first = e.mentions.iter().map(|m| m.span.start).min().unwrap();
    assert_eq!(first, char_offset("朝阳新城", 0));
}

#[test]
fn a_body_named_by_its_level_gets_the_jurisdiction_name() {
    let e = entity("西湖区城投公司");
    assert_eq!(e.class, "Organization");
    assert_eq!(e.subclass.as_deref(), Some("Company"));
    assert!(e.aliases.contains("区城投公司"), "{:?}", e.aliases);
    let e = entity("南昌市委");
    assert!(e.aliases.contains("市委"), "{:?}", e.aliases);
    // 全区 is the jurisdiction.
    assert!(entity("西湖区").aliases.contains("全区"));
}

#[test]
fn a_growth_target_of_the_plan_period() {
    let q = seed()
        .resolved
        .quantities
        .iter()
        .find(|q| q.mention.value_text == "7.5" && q.mention.unit == "%")
        .expect("年均增长7.5%左右");
    let m = &q.mention;
    assert_eq!(q.indicator.as_ref().unwrap().label, "地区生产总值");
    assert_eq!(m.kind, QuantityKind::Target);
    assert_eq!(
        (m.measure, m.comparator),
        (Measure::Growth, Comparator::Approx)
    );
    assert_eq!(m.target_year, Some(2025));
    assert_eq!(seed().doc.original(m.span), "7.5%");
    assert_eq!(m.span.start, char_offset("7.5%", 0));
}

#[test]
fn achievements_with_comparators_and_baselines() {
    let find = |value: &str, unit: &str| {
        seed()
            .resolved
            .quantities
            .iter()
            .find(|q| q.mention.value_text == value && q.mention.unit == unit)
            .unwrap_or_else(|| panic!("{value}{unit}"))
    };
    let level = find("600", "亿元");
    assert_eq!(level.mention.kind, QuantityKind::Achievement);
    assert_eq!(level.mention.comparator, Comparator::Approx);
    assert_eq!(level.indicator.as_ref().unwrap().label, "地区生产总值");
    let growth = find("33", "%");
    assert_eq!(growth.mention.measure, Measure::Growth);
    assert_eq!(growth.mention.baseline.as_deref(), Some("2015"));
    assert_eq!(growth.indicator.as_ref().unwrap().label, "地区生产总值");
}

#[test]
fn the_jurisdiction_chain_is_related_with_provenance() {
    let r = &seed().resolved;
    let iri = |l: &str| entity(l).iri.clone();
    let rel = r
        .relations
        .iter()
        .find(|x| {
            x.subject == iri("西湖区") && x.predicate == "partOf" && x.object == iri("南昌市")
        })
        .expect("西湖区 partOf 南昌市");
    assert!(
        rel.provenance
            .iter()
            .all(|p| p.rule == "gazetteer.divisions")
    );
    assert!(
        r.relations
            .iter()
            .any(|x| x.subject == iri("南昌市") && x.object == iri("江西省"))
    );
}

#[test]
fn persons_after_a_title_or_before_a_verb() {
    // 聘请奥运冠军许艳梅作为区体育形象大使
    let e = entity("许艳梅");
    assert_eq!(e.class, "Person");
    assert_eq!(e.iri, "https://w3id.org/policykg/id/person/许艳梅");
    assert_eq!(e.mentions[0].span.start, char_offset("许艳梅", 0));
    // 邱娥国获评全国改革先锋称号
    assert_eq!(entity("邱娥国").class, "Person");
    // The speaker, from the title block: 西湖区人民政府区长 陶亿国
    assert_eq!(entity("陶亿国").class, "Person");
}

#[test]
fn honours_are_facts_about_their_receiver() {
    // 西湖区连续上榜“全国投资潜力百强区”、“全国绿色发展百强区”
    let r = &seed().resolved;
    let xihu = entity("西湖区").iri.clone();
    let honours: Vec<&str> = r
        .relations
        .iter()
        .filter(|x| x.subject == xihu && x.predicate == "honour")
        .map(|x| x.object.as_str())
        .collect();
    assert!(honours.contains(&"全国投资潜力百强区"), "{honours:?}");
    assert!(honours.contains(&"全国绿色发展百强区"), "{honours:?}");
    assert!(
        r.relations
            .iter()
            .filter(|x| x.predicate == "honour")
            .all(|x| x.object_is_literal)
    );
    // An honour is not an entity.
    assert!(r.entities.iter().all(|e| e.label != "全国投资潜力百强区"));
}
