//! Relations between resolved entities: the jurisdiction chain and the divisions gazetteer,
//! the rules' relations between names that resolve, names inside names, and the local places
//! of a county-level report.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    COUNTED_KIND_RULE, Entity, GAZETTEER_RULE, LOCAL_PLACE_RULE, NAME_CONTAINS_RULE, Provenance,
    Relation, Resolver,
};
use crate::extract::{Extraction, is_quote, strip_quotes};
use crate::text::{Document, Span, is_chinese_numeral, small_chinese_number};

/// (subject, predicate, object) and where each is stated.
type Statements = BTreeMap<(String, String, String), BTreeSet<Provenance>>;

/// Records that `rule` found the fact `triple` in the words at `span`.
fn state(statements: &mut Statements, triple: (String, String, String), span: Span, rule: &str) {
    statements.entry(triple).or_default().insert(Provenance {
        span,
        rule: rule.to_owned(),
    });
}

/// Every relation the document states or the gazetteer gives between `entities`.
pub(super) fn relations(
    doc: &Document,
    extraction: &Extraction,
    entities: &[Entity],
    resolver: &Resolver,
) -> Vec<Relation> {
    let by_label: BTreeMap<&str, &Entity> =
        entities.iter().map(|e| (e.label.as_str(), e)).collect();
    let mut found = Statements::new();
    // The jurisdiction chain: each division is part of the one above it.
    let j = resolver.jurisdiction;
    for pair in j.chain.windows(2) {
        if let (Some(child), Some(parent)) = (
            by_label.get(pair[1].name.as_str()),
            by_label.get(pair[0].name.as_str()),
        ) {
            let span = child.mentions.first().map(|m| m.span).or(j.span);
            if let Some(span) = span {
                let triple = (child.iri.clone(), "partOf".into(), parent.iri.clone());
                state(&mut found, triple, span, GAZETTEER_RULE);
            }
        }
    }
    // Divisions inside the jurisdiction the text names: part of their listed parent.
    let divisions = &resolver.gazetteer.divisions;
    if let Some(prefix) = j.body().and_then(|b| b.code.as_deref()) {
        for e in entities.iter().filter(|e| e.class == "Place") {
            let Some(code) = divisions.within(&e.label, prefix) else {
                continue;
            };
            let parent = divisions
                .parent(&code)
                .and_then(|p| divisions.name(p))
                .and_then(|n| by_label.get(n));
            if let (Some(parent), Some(first)) = (parent, e.mentions.first()) {
                state(
                    &mut found,
                    (e.iri.clone(), "partOf".into(), parent.iri.clone()),
                    first.span,
                    GAZETTEER_RULE,
                );
            }
        }
    }
    // Relations the rules found between names that resolve to entities: the name itself, or
    // else the entity name the matched words end with (a phrase's head is its end: 河北省石家庄市
    // 长安区 → 长安区), else the longest they contain; among names of one length, the one
    // written last is the most specific (江西南昌 → 南昌).
    // `class`: the side must be an entity of that class (an organization runs a program).
    let find = |surface: &str, class: Option<&str>| -> Option<&Entity> {
        let c = resolver.canonical(surface, "");
        let words: String = surface.chars().filter(|&c| !is_quote(c)).collect();
        let fits = |e: &&Entity| class.is_none_or(|k| e.class == k);
        by_label
            .get(c.name.as_str())
            .copied()
            .filter(fits)
            .or_else(|| {
                entities
                    .iter()
                    .filter(fits)
                    .flat_map(|e| {
                        std::iter::once(&e.label)
                            .chain(&e.aliases)
                            .map(move |n| (n, e))
                    })
                    .filter(|(n, _)| n.chars().count() >= 2)
                    .filter_map(|(n, e)| words.rfind(n.as_str()).map(|at| (n, e, at)))
                    .max_by_key(|(n, e, at)| {
                        let ends_the_words = at + n.len() == words.len();
                        (
                            ends_the_words,
                            n.len(),
                            *at,
                            std::cmp::Reverse(e.iri.clone()),
                        )
                    })
                    .map(|(_, e, _)| e)
            })
    };
    let mut literal = Statements::new();
    for r in &extraction.relations {
        let object_is_literal = resolver
            .rules
            .get(&r.rule)
            .is_some_and(|rule| rule.emit.get("object").is_some_and(|o| o == "literal"));
        if object_is_literal {
            if let Some(s) = find(&r.subject.0, None) {
                let title = strip_quotes(&r.object.0).to_owned();
                state(
                    &mut literal,
                    (s.iri.clone(), r.relation.clone(), title),
                    r.span,
                    &r.rule,
                );
            }
            continue;
        }
        let (subject_class, object_class) = match r.relation.as_str() {
            "responsibleFor" => (Some("Organization"), Some("Program")),
            "in" => (None, Some("Place")),
            _ => (None, None),
        };
        // The items a rule makes entities of are those entities or nothing: an item that is
        // no name does not fall back to a name inside it.
        let creates = resolver
            .rules
            .get(&r.rule)
            .is_some_and(|rule| rule.emit.contains_key("create"));
        let subject = if creates {
            by_label
                .get(resolver.canonical(&r.subject.0, "").name.as_str())
                .copied()
        } else {
            find(&r.subject.0, subject_class)
        };
        if let (Some(s), Some(o)) = (subject, find(&r.object.0, object_class)) {
            // 在全省率先打造: the jurisdiction and its parents are a scope, not a location,
            // unless the rule reads one written right before a name (西湖区“梦想小街”电商产业园:
            // `emit.jurisdiction = "place"`).
            let jurisdiction_is_place = resolver
                .rules
                .get(&r.rule)
                .is_some_and(|rule| rule.emit.get("jurisdiction").is_some_and(|v| v == "place"));
            let in_chain = !jurisdiction_is_place && j.chain.iter().any(|d| d.name == o.label);
            let relation = match r.relation.as_str() {
                // A person visits a place; only things are located.
                "in" | "locatedIn" if s.class == "Person" => continue,
                "in" if o.class != "Place" || in_chain => continue,
                "in" if s.class == "Place" => "partOf",
                "in" => "locatedIn",
                // A part is of its whole's kind: a place of a place, a program of a program
                // (中央 in a list of kinds of land is no part of it).
                "partOf" if s.class != o.class => continue,
                other => other,
            };
            if s.iri != o.iri {
                state(
                    &mut found,
                    (s.iri.clone(), relation.to_owned(), o.iri.clone()),
                    r.span,
                    &r.rule,
                );
            }
        }
    }
    // A name that contains a place's name is in that place (桃花南路快速路改造工程 is located
    // in 桃花南路; 桃花镇热敏灸小镇 is part of 桃花镇). The jurisdiction chain and the country
    // are left out: every local name would be in them.
    let mut chain: BTreeSet<&str> = j.chain.iter().map(|d| d.name.as_str()).collect();
    chain.insert(resolver.gazetteer.bodies.country.0.as_str());
    // A place is only part of a division named inside it (a river's west branch is not part
    // of the river).
    let divisional = ["AdministrativeDivision", "Town", "Subdistrict", "Community"];
    for outer in entities
        .iter()
        .filter(|e| e.class == "Program" || e.class == "Place")
    {
        let candidates: Vec<&Entity> = entities
            .iter()
            .filter(|p| {
                p.class == "Place" && p.iri != outer.iri && !chain.contains(p.label.as_str())
            })
            .filter(|p| {
                outer.class == "Program"
                    || p.subclass
                        .as_deref()
                        .is_some_and(|s| divisional.contains(&s))
                    // 赣江东岸十里风光带 starts with 赣江东岸, the zone it lies in (a road named
                    // after a river is no part of it).
                    || (p.subclass.as_deref() == Some("District")
                        && outer.label.starts_with(p.label.as_str()))
            })
            .filter(|p| p.label.chars().count() >= 2 && outer.label.contains(p.label.as_str()))
            .collect();
        // A place is part of the longest place it names; a program is in every place it
        // names that no longer one holds (西桃花河、龙河、孺子亭公园水质提升工程 is in all three).
        let inner: Vec<&Entity> = if outer.class == "Place" {
            candidates
                .iter()
                .copied()
                .max_by_key(|p| (p.label.len(), std::cmp::Reverse(p.iri.clone())))
                .into_iter()
                .collect()
        } else {
            candidates
                .iter()
                .copied()
                .filter(|p| {
                    !candidates.iter().any(|q| {
                        q.label.len() > p.label.len() && q.label.contains(p.label.as_str())
                    })
                })
                .collect()
        };
        let Some(first) = outer.mentions.first() else {
            continue;
        };
        for inner in inner {
            let relation = if outer.class == "Place" {
                "partOf"
            } else {
                "locatedIn"
            };
            state(
                &mut found,
                (outer.iri.clone(), relation.into(), inner.iri.clone()),
                first.span,
                NAME_CONTAINS_RULE,
            );
        }
    }
    for (part, whole, span) in counted_members(doc, entities, resolver) {
        state(
            &mut found,
            (part.iri.clone(), "partOf".into(), whole.iri.clone()),
            span,
            COUNTED_KIND_RULE,
        );
    }
    // A branch is part of what its name starts with (赣服通西湖分厅 of 赣服通, 市第一医院康复
    // 分院 of 市第一医院).
    let branches = resolver.rules.lexicons.words("branch_suffix");
    for branch in entities
        .iter()
        .filter(|e| branches.iter().any(|b| e.label.ends_with(b.as_str())))
    {
        let head = entities
            .iter()
            .filter(|e| {
                e.iri != branch.iri
                    && e.label.chars().count() >= 2
                    && !chain.contains(e.label.as_str())
                    && branch.label.starts_with(e.label.as_str())
            })
            .max_by_key(|e| e.label.len());
        if let (Some(head), Some(first)) = (head, branch.mentions.first()) {
            state(
                &mut found,
                (branch.iri.clone(), "partOf".into(), head.iri.clone()),
                first.span,
                NAME_CONTAINS_RULE,
            );
        }
    }
    // In a county-level report, a community, town or subdistrict the text names and places
    // nowhere else is part of the jurisdiction (兴柴北苑社区 in 西湖区). City zones (商圈, 片区)
    // are left out, their names are where suffix matches go wrong most, unless the name
    // starts with the jurisdiction's (西湖区数字经济产业园).
    let body = j
        .body()
        .filter(|b| b.code.as_deref().is_some_and(|c| c.len() == 6))
        .and_then(|b| by_label.get(b.name.as_str()));
    if let Some(body) = body {
        let local = ["Community", "Town", "Subdistrict"];
        for e in entities.iter().filter(|e| {
            e.class == "Place"
                && (e.subclass.as_deref().is_some_and(|s| local.contains(&s))
                    || e.label.starts_with(body.label.as_str()))
        }) {
            let placed = found.keys().any(|(s, p, _)| *s == e.iri && p == "partOf");
            if let (false, Some(first)) = (placed || e.iri == body.iri, e.mentions.first()) {
                state(
                    &mut found,
                    (e.iri.clone(), "partOf".into(), body.iri.clone()),
                    first.span,
                    LOCAL_PLACE_RULE,
                );
            }
        }
    }
    // The year the matched words themselves state (2019年荣获 …), not one elsewhere in the
    // sentence.
    let year_of = |prov: &BTreeSet<Provenance>| {
        let first = prov.first()?;
        let text = doc.norm_slice(first.span);
        let i = text.find('年')?;
        let digits: String = text[..i]
            .chars()
            .rev()
            .take(4)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()))
            .then(|| digits.parse().ok())?
    };
    let entity_relations = found
        .into_iter()
        .map(|((subject, predicate, object), provenance)| {
            (subject, predicate, object, false, provenance)
        });
    let literal_relations =
        literal
            .into_iter()
            .map(|((subject, predicate, object), provenance)| {
                (subject, predicate, object, true, provenance)
            });
    entity_relations
        .chain(literal_relations)
        .map(
            |(subject, predicate, object, object_is_literal, provenance)| Relation {
                year: if object_is_literal {
                    year_of(&provenance)
                } else {
                    None
                },
                subject,
                predicate,
                object,
                object_is_literal,
                provenance: provenance.into_iter().collect(),
            },
        )
        .collect()
}

/// 构建“东西南北中”五大商圈格局 … 复兴八一老商圈; … 培育临湖文旅商圈: a count of a kind
/// (五大商圈, 三大工程) has as parts the names of that kind its paragraph goes on to name after
/// it, as many as the count says. Each member with the span of its mention.
fn counted_members<'e>(
    doc: &Document,
    entities: &'e [Entity],
    resolver: &Resolver,
) -> Vec<(&'e Entity, &'e Entity, Span)> {
    let mut members = Vec::new();
    for whole in entities {
        let chars: Vec<char> = whole.label.chars().collect();
        let Some(big) = chars.iter().position(|&c| c == '大') else {
            continue;
        };
        let numeral: String = chars[..big].iter().collect();
        let kind: String = chars[big + 1..].iter().collect();
        let count = small_chinese_number(&numeral);
        let of_a_kind = resolver
            .rules
            .lexicons
            .suffixes
            .iter()
            .any(|s| s.text == kind);
        let (Some(count), true, Some(first)) = (count, of_a_kind, whole.mentions.first()) else {
            continue;
        };
        let Some(paragraph) = doc
            .layout
            .sentences
            .iter()
            .find(|s| s.span.contains(first.span))
            .map(|s| doc.layout.paragraphs[s.paragraph].span)
        else {
            continue;
        };
        let mut named: Vec<(Span, &Entity)> = entities
            .iter()
            .filter(|e| e.iri != whole.iri && e.class == whole.class && e.label.ends_with(&kind))
            // 第四大战略 is one of a count, not a member named by its name.
            .filter(|e| {
                !e.label
                    .chars()
                    .zip(e.label.chars().skip(1))
                    .any(|(n, big)| big == '大' && is_chinese_numeral(n))
            })
            .filter_map(|e| {
                e.mentions
                    .iter()
                    .map(|m| m.span)
                    .find(|&m| paragraph.contains(m) && m.start >= first.span.end)
                    .map(|m| (m, e))
            })
            .collect();
        named.sort_by_key(|(m, _)| *m);
        members.extend(
            named
                .into_iter()
                .take(count as usize)
                .map(|(m, e)| (e, whole, m)),
        );
    }
    members
}
