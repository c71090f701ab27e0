//! Relations between resolved entities: the jurisdiction chain and the divisions gazetteer,
//! the rules' relations between names that resolve, names inside names, and the local places
//! of a county-level report.

use std::collections::{BTreeMap, BTreeSet};

use super::knowledge::Kind;
use super::short_name;
use super::{
    AREA_PARAGRAPH_RULE, COUNTED_KIND_RULE, Entity, GAZETTEER_RULE, LEAD_REFORM_RULE,
    LOCAL_PLACE_RULE, LOCAL_PLACES, NAME_CONTAINS_RULE, Provenance, Relation, Resolver,
};
use crate::extract::{
    Extraction, KNOWN_NAME_RULE as KNOWLEDGE_RULE, RelationMention, ends_with_any, is_quote,
    strip_quotes,
};
use crate::rules::{Emit, Relation as Emitted};
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

/// What every relation pass reads: the document, its entities (by label too) and the resolver.
struct Passes<'a> {
    doc: &'a Document,
    entities: &'a [Entity],
    by_label: BTreeMap<&'a str, &'a Entity>,
    resolver: &'a Resolver<'a>,
    /// The divisions a name can start with, by name and short name ([`division_forms`]).
    division_forms: BTreeMap<&'a str, &'a str>,
}

/// The names and short names of every province and prefecture and of the jurisdiction
/// province's counties, each with its code; of two divisions with one short name, the higher
/// (承德 is 承德市, not 承德县). A district's short name of two chars names too much else (长安,
/// 新华): only the full name counts.
fn division_forms<'a>(resolver: &Resolver<'a>) -> BTreeMap<&'a str, &'a str> {
    let divisions = &resolver.gazetteer.divisions;
    let province = resolver.jurisdiction.province_code();
    let counties = (!province.is_empty()).then(|| {
        divisions
            .coded(province, 6)
            .filter(|(code, _)| code.len() == 6)
    });
    let mut forms = BTreeMap::new();
    for (code, name) in divisions.coded("", 4).chain(counties.into_iter().flatten()) {
        forms.entry(name).or_insert(code);
        let short = short_name(name).filter(|s| !name.ends_with('区') || s.chars().count() >= 3);
        if let Some(short) = short {
            forms.entry(short).or_insert(code);
        }
    }
    forms
}

/// Every relation the document states or the gazetteer gives between `entities`: one pass per
/// built-in rule, named by its id, and the rules' own relations.
pub(super) fn relations(
    doc: &Document,
    extraction: &Extraction,
    entities: &[Entity],
    resolver: &Resolver,
) -> Vec<Relation> {
    let passes = Passes {
        doc,
        entities,
        by_label: entities.iter().map(|e| (e.label.as_str(), e)).collect(),
        resolver,
        division_forms: division_forms(resolver),
    };
    let mut found = Statements::new();
    passes.gazetteer_divisions(&mut found);
    passes.gazetteer_knowledge(&mut found);
    let literal = passes.rule_relations(extraction, &mut found);
    passes.resolve_name_contains(&mut found);
    passes.resolve_counted_kind(&mut found);
    passes.resolve_area_paragraph(&mut found);
    passes.resolve_lead_reform(&mut found);
    passes.addresses(&mut found);
    passes.resolve_local_place(&mut found);
    into_relations(doc, found, literal)
}

impl Passes<'_> {
    /// `gazetteer.divisions`: the jurisdiction chain (each division is part of the one above
    /// it), and the divisions inside the jurisdiction the text names, part of their listed
    /// parent.
    fn gazetteer_divisions(&self, found: &mut Statements) {
        let j = self.resolver.jurisdiction;
        // The province heads the chain and is part of the country.
        let country = &self.resolver.gazetteer.bodies.country.0;
        let top = j.chain.first().map(|d| d.name.as_str());
        for (child, parent) in top.map(|t| (t, country.as_str())).into_iter().chain(
            j.chain
                .windows(2)
                .map(|p| (p[1].name.as_str(), p[0].name.as_str())),
        ) {
            if let (Some(child), Some(parent)) =
                (self.by_label.get(child), self.by_label.get(parent))
            {
                let span = child.mentions.first().map(|m| m.span).or(j.span);
                if let Some(span) = span {
                    let triple = (child.iri.clone(), "partOf".into(), parent.iri.clone());
                    state(found, triple, span, GAZETTEER_RULE);
                }
            }
        }
        let divisions = &self.resolver.gazetteer.divisions;
        let Some(prefix) = j.body().and_then(|b| b.code.as_deref()) else {
            return;
        };
        for e in self.entities.iter().filter(|e| e.class == "Place") {
            let Some(code) = self.resolver.division_within(&e.label, prefix) else {
                continue;
            };
            // The nearest parent the report names: a county-level city of a prefecture the
            // report never names is part of the province. A town's is its county only (容东片区
            // of 容城县 is administered by 雄安新区, not by the city above the county).
            let path = divisions.path(&code);
            let from = if code.len() > 6 { path.len() - 2 } else { 0 };
            let parent = self.nearest_named(&path[from..], 1);
            if let (Some(parent), Some(first)) = (parent, e.mentions.first()) {
                let triple = (e.iri.clone(), "partOf".into(), parent.iri.clone());
                state(found, triple, first.span, GAZETTEER_RULE);
            }
        }
    }

    /// The last entity of a division `path` (province first) that the report names, skipping
    /// the `skip` last divisions (a division's parent: 1).
    fn nearest_named(&self, path: &[String], skip: usize) -> Option<&Entity> {
        let divisions = &self.resolver.gazetteer.divisions;
        path.iter()
            .rev()
            .skip(skip)
            .filter_map(|c| divisions.name(c))
            .find_map(|n| self.by_label.get(n).copied())
            .filter(|e| e.class == "Place")
    }

    /// The place a name starts with, as the entity the report names for it: a division by its
    /// name or short name (唐山港 → 唐山市), the nearest parent the report names where it does
    /// not name the division (正定新区 → 石家庄市), or a place of general knowledge by any of
    /// its forms (雄安高新区 → 雄安新区) unless the name is one too (京津冀 is no part of 京津).
    /// A place of the jurisdiction chain is a scope, not where a thing is: none.
    fn place_at_start(&self, name: &str, chain: &BTreeSet<&str>) -> Option<&Entity> {
        let knowledge = &self.resolver.gazetteer.knowledge;
        let known = knowledge.lookup(name).is_some();
        let ends: Vec<usize> = name.char_indices().map(|(i, _)| i).skip(2).collect();
        let place = ends.iter().rev().find_map(|&end| {
            let prefix = &name[..end];
            match self.division_forms.get(prefix) {
                Some(code) => self.nearest_named(&self.resolver.gazetteer.divisions.path(code), 0),
                None if known => None,
                None => knowledge
                    .lookup(prefix)
                    .filter(|entry| entry.class().as_str() == "Place")
                    .and_then(|entry| self.by_label.get(entry.name.as_str()).copied()),
            }
        })?;
        (!chain.contains(place.label.as_str())).then_some(place)
    }

    /// What a section is part of (秦唐高速秦皇岛段, 北运河廊坊段, 临空经济区廊坊片区): the route
    /// or zone its name starts with, and the division named before its ending.
    fn section_wholes(&self, section: &Entity, chain: &BTreeSet<&str>) -> Vec<&Entity> {
        let lexicons = &self.resolver.rules.lexicons;
        let Some(rest) = (section.class == "Place")
            .then(|| {
                lexicons
                    .words("section_suffix")
                    .iter()
                    .find_map(|s| section.label.strip_suffix(s.as_str()))
            })
            .flatten()
        else {
            return Vec::new();
        };
        let head = self
            .entities
            .iter()
            .filter(|e| e.class == "Place" && e.iri != section.iri && rest.len() > e.label.len())
            .filter(|e| e.label.chars().count() >= 2 && rest.starts_with(e.label.as_str()))
            .max_by_key(|e| e.label.len());
        let division = rest
            .char_indices()
            .skip(1)
            .find_map(|(i, _)| self.division_forms.get(&rest[i..]))
            .and_then(|code| self.nearest_named(&self.resolver.gazetteer.divisions.path(code), 0))
            .filter(|d| !chain.contains(d.label.as_str()));
        head.into_iter().chain(division).collect()
    }

    /// `gazetteer.knowledge`: a thing of general knowledge is part of what its row names as its
    /// parent (圣彼得堡 of 俄罗斯, 雄安新区 of 河北省) where the report names that too.
    fn gazetteer_knowledge(&self, found: &mut Statements) {
        let knowledge = &self.resolver.gazetteer.knowledge;
        for e in self.entities {
            let parent = knowledge
                .lookup(&e.label)
                .and_then(|entry| entry.parent.as_deref())
                .and_then(|p| self.find(p, Some(e.class.as_str())));
            if let (Some(parent), Some(first)) = (parent, e.mentions.first()) {
                if parent.iri != e.iri {
                    let triple = (e.iri.clone(), "partOf".into(), parent.iri.clone());
                    state(found, triple, first.span, KNOWLEDGE_RULE);
                }
            }
        }
    }

    /// The entity a side of a rule's relation names: the name itself, or else the entity name
    /// the matched words end with (a phrase's head is its end: 河北省石家庄市长安区 → 长安区),
    /// else the longest they contain; among names of one length, the one written last is the
    /// most specific (江西南昌 → 南昌). `class`: the side must be an entity of that class (an
    /// organization runs a program).
    fn find(&self, surface: &str, class: Option<&str>) -> Option<&Entity> {
        let c = self.resolver.canonical(surface, "");
        let words: String = surface.chars().filter(|&c| !is_quote(c)).collect();
        let fits = |e: &&Entity| class.is_none_or(|k| e.class == k);
        self.by_label
            .get(c.name.as_str())
            .copied()
            .filter(fits)
            .or_else(|| {
                self.entities
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
    }

    /// The relations the rules found between names that resolve to entities of the classes
    /// the relation needs; those whose object is a literal (an honour's title) are returned.
    fn rule_relations(&self, extraction: &Extraction, found: &mut Statements) -> Statements {
        let mut literal = Statements::new();
        for r in &extraction.relations {
            let emit = self.resolver.rules.get(&r.rule).map(|rule| &rule.emit);
            let emits = |what: fn(&Emit) -> bool| emit.is_some_and(what);
            if emits(|e| e.object_literal) {
                if let Some(s) = self.find(&r.subject.0, None) {
                    let title = strip_quotes(&r.object.0).to_owned();
                    let triple = (s.iri.clone(), r.relation.name().to_owned(), title);
                    state(&mut literal, triple, r.span, &r.rule);
                }
                continue;
            }
            if emits(|e| e.create) && !count_holds(r, &extraction.relations) {
                continue;
            }
            let (subject_class, object_class) = match r.relation {
                Emitted::ResponsibleFor => (Some("Organization"), Some("Program")),
                Emitted::In => (None, Some("Place")),
                _ => (None, None),
            };
            // The items a rule makes entities of are those entities or nothing: an item that
            // is no name does not fall back to a name inside it.
            let subject = if emits(|e| e.create) {
                let name = self.resolver.canonical(&r.subject.0, "").name;
                self.by_label.get(name.as_str()).copied()
            } else {
                self.find(&r.subject.0, subject_class)
            };
            let object = self.find(&r.object.0, object_class);
            let (Some(s), Some(o)) = (subject, object) else {
                continue;
            };
            // 在推进京津冀协同发展和…建设雄安新区中: where a thing is built is a place the
            // words end with, not one inside a phrase of their own.
            if r.relation == Emitted::In && !ends_with_name(&r.object.0, o) {
                continue;
            }
            // 在全省率先打造: the jurisdiction and its parents are a scope, not a location,
            // unless the rule reads one written right before a name (西湖区“梦想小街”电商产业园:
            // `emit.jurisdiction = "place"`).
            let chain = &self.resolver.jurisdiction.chain;
            let in_chain =
                !emits(|e| e.jurisdiction_place) && chain.iter().any(|d| d.name == o.label);
            let relation = match r.relation {
                // A person visits a place; only things are located.
                Emitted::In | Emitted::LocatedIn if s.class == "Person" => continue,
                // 确保党中央决策部署在河北落地: the country's bodies are nowhere's (its
                // programs are where a clause carries them out: 在某区启动城市更新行动).
                Emitted::In | Emitted::LocatedIn
                    if s.class == "Organization" && !self.has_a_site(s) =>
                {
                    continue;
                }
                Emitted::In if o.class != "Place" || in_chain => continue,
                Emitted::In if s.class == "Place" => Emitted::PartOf,
                Emitted::In => Emitted::LocatedIn,
                // A part is of its whole's kind: a place of a place, a program of a program
                // (中央 in a list of kinds of land is no part of it).
                Emitted::PartOf if s.class != o.class => continue,
                other => other,
            };
            if s.iri != o.iri {
                let triple = (s.iri.clone(), relation.name().to_owned(), o.iri.clone());
                state(found, triple, r.span, &r.rule);
            }
        }
        literal
    }

    /// The jurisdiction chain and the country: every local name would be in them.
    fn chain(&self) -> BTreeSet<&str> {
        let j = self.resolver.jurisdiction;
        let mut chain: BTreeSet<&str> = j.chain.iter().map(|d| d.name.as_str()).collect();
        chain.insert(self.resolver.gazetteer.bodies.country.0.as_str());
        chain
    }

    /// `resolve.name_contains`: a name that contains a place's name is in that place
    /// (桃花南路快速路改造工程 is located in 桃花南路; 桃花镇热敏灸小镇 is part of 桃花镇), and a
    /// branch is part of what its name starts with (赣服通西湖分厅 of 赣服通).
    fn resolve_name_contains(&self, found: &mut Statements) {
        let chain = self.chain();
        let knowledge = &self.resolver.gazetteer.knowledge;
        for outer in self
            .entities
            .iter()
            .filter(|e| e.class == "Program" || e.class == "Place")
            // A thing of general knowledge is placed by its row (京津冀协同发展 is a national
            // strategy, not a program located in 京津冀), a port or an airport by its name.
            .filter(|e| {
                knowledge
                    .lookup(&e.label)
                    .is_none_or(|k| k.parent.is_none() && k.class().as_str() == "Place")
            })
        {
            let Some(first) = outer.mentions.first() else {
                continue;
            };
            // 燕山—塞罕坝国家公园: a place named after two places a dash joins lies in neither;
            // a planning area named after a river or a region runs along it or serves it
            // (大运河文化带, 京津冀生态环境支撑区, 河北 2022) and is no part of it either.
            let planning_area = ends_with_any(
                &outer.label,
                self.resolver.rules.lexicons.words("planning_area_suffix"),
            );
            if outer.class == "Place" && (outer.label.contains('—') || planning_area) {
                continue;
            }
            let parts = self.parts_of_joined_zone(outer);
            if !parts.is_empty() {
                for part in parts {
                    let triple = (part.iri.clone(), "partOf".into(), outer.iri.clone());
                    state(found, triple, first.span, NAME_CONTAINS_RULE);
                }
                continue;
            }
            let relation = if outer.class == "Place" {
                "partOf"
            } else {
                "locatedIn"
            };
            let mut inner = self.places_named_inside(outer, &chain);
            for whole in self.section_wholes(outer, &chain) {
                if inner.iter().all(|q| q.iri != whole.iri) {
                    inner.push(whole);
                }
            }
            // 唐山港, 正定新区, 雄安高新区: a name that starts with a place's is in it; a road
            // named after a city is not (北京路).
            let road = outer.subclass.as_deref() == Some("Road");
            if (outer.class == "Program" || inner.is_empty()) && !road {
                let at_start = self.place_at_start(&outer.label, &chain);
                let new =
                    at_start.filter(|p| p.iri != outer.iri && inner.iter().all(|q| q.iri != p.iri));
                inner.extend(new);
            }
            for inner in inner {
                let triple = (outer.iri.clone(), relation.into(), inner.iri.clone());
                state(found, triple, first.span, NAME_CONTAINS_RULE);
            }
        }
        self.branches(&chain, found);
        self.sites_of_bodies(&chain, found);
        self.firms_of_projects(&chain, found);
        self.firms_after_divisions(&chain, found);
        self.numbered_groups(found);
    }

    /// 廊坊北三县与北京通州区一体化高质量发展示范区: a zone named after two places joined by 与 or
    /// 和 is made of them: the places it starts with and that follow the joint.
    fn parts_of_joined_zone(&self, zone: &Entity) -> Vec<&Entity> {
        let lexicons = &self.resolver.rules.lexicons;
        if zone.class != "Place" || !ends_with_any(&zone.label, lexicons.words("zone_suffix")) {
            return Vec::new();
        }
        let Some((first, second)) = lexicons
            .words("name_joint")
            .iter()
            .find_map(|j| zone.label.split_once(j.as_str()))
        else {
            return Vec::new();
        };
        let named_at = |text: &str, whole: bool| {
            self.entities
                .iter()
                .filter(|p| p.class == "Place" && p.iri != zone.iri)
                .filter(|p| {
                    self.row_forms(p)
                        .chain(p.aliases.iter().map(String::as_str))
                        .any(|f| {
                            if whole {
                                text == f
                            } else {
                                text.starts_with(f)
                            }
                        })
                })
                .max_by_key(|p| p.label.len())
        };
        named_at(first, true)
            .into_iter()
            .chain(named_at(second, false))
            .collect()
    }

    /// 两翼两区三群六带, 双核五圈: a name made of numbered groups has as parts the groups the
    /// report names on their own (“两翼”, “六带”).
    fn numbered_groups(&self, found: &mut Statements) {
        for whole in self.entities {
            let groups = numbered_groups(&whole.label);
            let Some(first) = whole.mentions.first().filter(|_| groups.len() >= 2) else {
                continue;
            };
            for part in groups.iter().filter_map(|g| self.by_label.get(g)) {
                let triple = (part.iri.clone(), "partOf".into(), whole.iri.clone());
                state(found, triple, first.span, NAME_CONTAINS_RULE);
            }
        }
    }

    /// The places whose names `outer`'s name holds that it lies in: a place is part of the
    /// longest division it names (a river's west branch is not part of the river); a program
    /// is in every place it names that no longer one holds (西桃花河、龙河、孺子亭公园水质提升
    /// 工程 is in all three).
    fn places_named_inside(&self, outer: &Entity, chain: &BTreeSet<&str>) -> Vec<&Entity> {
        let divisional = ["AdministrativeDivision", "Town", "Subdistrict", "Community"];
        let candidates: Vec<&Entity> = self
            .entities
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
            .filter(|p| self.row_forms(p).any(|f| outer.label.contains(f)))
            .collect();
        if outer.class == "Place" {
            return candidates
                .iter()
                .copied()
                .max_by_key(|p| (p.label.len(), std::cmp::Reverse(p.iri.clone())))
                .into_iter()
                .collect();
        }
        candidates
            .iter()
            .copied()
            .filter(|p| {
                !candidates
                    .iter()
                    .any(|q| q.label.len() > p.label.len() && q.label.contains(p.label.as_str()))
            })
            .collect()
    }

    /// 北大人民医院雄安院区, 石家庄国际邮件互换局: a body is located in the place its name
    /// names last, by any of the place's forms (雄安 for 雄安新区), where that is a site (a
    /// division, a zone, a country, a city) and not the jurisdiction's chain (…河北中心 is the
    /// province's own). A collective region is none: 京津冀 in 京津冀技术创新中心 says whose
    /// cooperation it is, not where it is.
    fn sites_of_bodies(&self, chain: &BTreeSet<&str>, found: &mut Statements) {
        let knowledge = &self.resolver.gazetteer.knowledge;
        let places: Vec<(&Entity, BTreeSet<String>)> = self
            .entities
            .iter()
            .filter(|p| p.class == "Place")
            .map(|p| {
                let mut forms = self.forms_of(p);
                forms.extend(short_name(&p.label).map(str::to_owned));
                (p, forms)
            })
            .collect();
        // A site: a division, a zone, a country or a city; not a mountain or a river a body
        // is named after (燕山大学), nor a collective region.
        let site = |p: &Entity| match knowledge.lookup(&p.label) {
            Some(k) => {
                matches!(
                    k.kind,
                    Kind::Country | Kind::Territory | Kind::City | Kind::Capital
                ) || k.kind.subclass() == Some("District")
            }
            None => matches!(
                p.subclass.as_deref(),
                Some("AdministrativeDivision" | "District")
            ),
        };
        for body in self.entities.iter().filter(|e| e.class == "Organization") {
            let Some(first) = body.mentions.first() else {
                continue;
            };
            let last = places
                .iter()
                .filter_map(|(p, forms)| {
                    let end = forms
                        .iter()
                        .filter(|f| f.len() < body.label.len())
                        .filter_map(|f| body.label.rfind(f.as_str()).map(|i| i + f.len()))
                        .max()?;
                    Some((end, p.label.len(), *p))
                })
                .max_by_key(|(end, len, _)| (*end, *len))
                .map(|(_, _, p)| p);
            let Some(site) = last.filter(|p| !chain.contains(p.label.as_str()) && site(p)) else {
                continue;
            };
            let triple = (body.iri.clone(), "locatedIn".into(), site.iri.clone());
            state(found, triple, first.span, NAME_CONTAINS_RULE);
        }
    }

    /// A firm's project is run by the firm its name starts with (长城汽车某国工厂, 某钢铁氢冶金
    /// 项目: the company in its project's name runs it).
    fn firms_of_projects(&self, chain: &BTreeSet<&str>, found: &mut Statements) {
        let knowledge = &self.resolver.gazetteer.knowledge;
        let firm = |e: &&Entity| {
            let kind = knowledge.lookup(&e.label).map(|k| k.kind);
            e.class == "Organization"
                && e.label.chars().count() >= 2
                && !chain.contains(e.label.as_str())
                && (e.subclass.as_deref() == Some("Company")
                    || kind.is_some_and(|k| k == Kind::Soe || k == Kind::Company))
        };
        // A firm is the owner its project's name starts with, by its label or by a mention at
        // the start of the project's (德龙钢铁 of 德龙钢铁有限公司, in 德龙钢铁印尼钢厂).
        let named_first = |o: &Entity, project: &Entity| {
            project.label.starts_with(o.label.as_str())
                || o.mentions.iter().any(|m| {
                    project
                        .mentions
                        .iter()
                        .any(|p| p.span.start == m.span.start && p.span.contains(m.span))
                })
        };
        for project in self.entities.iter().filter(|e| e.class == "Program") {
            let owner = self
                .entities
                .iter()
                .filter(firm)
                .filter(|o| o.label != project.label && named_first(o, project))
                .max_by_key(|o| o.label.len());
            if let (Some(owner), Some(first)) = (owner, project.mentions.first()) {
                let triple = (
                    owner.iri.clone(),
                    "responsibleFor".into(),
                    project.iri.clone(),
                );
                state(found, triple, first.span, NAME_CONTAINS_RULE);
            }
        }
    }

    /// 邯郸格力 (河北 2018), 北京现代汽车沧州工厂: a firm every reader knows written right after a
    /// division is located there (its plant or seat), where the division is not the chain's.
    fn firms_after_divisions(&self, chain: &BTreeSet<&str>, found: &mut Statements) {
        let knowledge = &self.resolver.gazetteer.knowledge;
        let ends: BTreeMap<usize, &Entity> = self
            .entities
            .iter()
            .filter(|d| d.subclass.as_deref() == Some("AdministrativeDivision"))
            .filter(|d| !chain.contains(d.label.as_str()))
            .flat_map(|d| d.mentions.iter().map(move |m| (m.span.end, d)))
            .collect();
        let firms = self.entities.iter().filter(|e| {
            e.class == "Organization" && knowledge.lookup(&e.label).is_some_and(super::is_a_firm)
        });
        for firm in firms {
            for m in &firm.mentions {
                if let Some(division) = ends.get(&m.span.start) {
                    let triple = (firm.iri.clone(), "locatedIn".into(), division.iri.clone());
                    state(found, triple, m.span, NAME_CONTAINS_RULE);
                }
            }
        }
    }

    /// A program's or place's branch is part of what its name starts with (赣服通西湖分厅 of
    /// 赣服通).
    fn branches(&self, chain: &BTreeSet<&str>, found: &mut Statements) {
        let branches = self.resolver.rules.lexicons.words("branch_suffix");
        // A body's branch is no part of it in the sense of partOf, which joins places and
        // programs (ANNOTATION.md; the golds list 市第七医院老年医学分院, 北大人民医院雄安院区 alone).
        for branch in self
            .entities
            .iter()
            .filter(|e| e.class != "Organization")
            .filter(|e| branches.iter().any(|b| e.label.ends_with(b.as_str())))
        {
            let head = self
                .entities
                .iter()
                .filter(|e| {
                    e.iri != branch.iri
                        && e.label.chars().count() >= 2
                        && !chain.contains(e.label.as_str())
                        && branch.label.starts_with(e.label.as_str())
                })
                .max_by_key(|e| e.label.len());
            if let (Some(head), Some(first)) = (head, branch.mentions.first()) {
                let triple = (branch.iri.clone(), "partOf".into(), head.iri.clone());
                state(found, triple, first.span, NAME_CONTAINS_RULE);
            }
        }
    }

    /// `resolve.lead_reform`: a sentence that opens on deepening a reform (深化国资国企改革,
    /// 打好国企改革三年行动收官战,推进混合所有制改革) goes on to name its parts: the reforms,
    /// pilots and campaigns it names after it are part of it.
    fn resolve_lead_reform(&self, found: &mut Statements) {
        let lexicons = &self.resolver.rules.lexicons;
        let leads = lexicons.words("reform_lead");
        let part_ends = lexicons.words("reform_part_end");
        for sentence in &self.doc.layout.sentences {
            let mut programs: Vec<(Span, &Entity)> = self
                .entities
                .iter()
                .filter(|e| e.class == "Program")
                .flat_map(|e| e.mentions.iter().map(move |m| (m.span, e)))
                .filter(|(m, _)| sentence.span.contains(*m))
                .collect();
            programs.sort_by_key(|(m, e)| (*m, e.iri.clone()));
            let Some(&(at, whole)) = programs.first() else {
                continue;
            };
            let opening = self.doc.norm_slice(Span {
                start: sentence.span.start,
                end: at.start,
            });
            // Only the verb: after a field (农业农村方面,深化供销社综合改革,…) the reforms
            // are the field's items, the first no whole of the others.
            if !whole.label.ends_with("改革") || !leads.iter().any(|l| opening == l.as_str()) {
                continue;
            }
            for &(span, part) in &programs[1..] {
                let is_part = part_ends.iter().any(|w| part.label.ends_with(w.as_str()));
                if is_part && part.iri != whole.iri {
                    let triple = (part.iri.clone(), "partOf".into(), whole.iri.clone());
                    state(found, triple, span, LEAD_REFORM_RULE);
                }
            }
        }
    }

    /// `resolve.counted_kind`: a count of a kind has as parts the names of that kind its
    /// paragraph names next ([`counted_members`]).
    fn resolve_counted_kind(&self, found: &mut Statements) {
        let members = counted_members(self.doc, self.entities, self.resolver);
        let headed = headed_members(self.doc, self.entities, self.resolver);
        for (part, whole, span) in members.into_iter().chain(headed) {
            let triple = (part.iri.clone(), "partOf".into(), whole.iri.clone());
            state(found, triple, span, COUNTED_KIND_RULE);
        }
    }

    /// `resolve.area_paragraph`: a short sentence that names one area (雄安新区建设取得新
    /// 进展。高标准高质量推进某新区建设。) heads the sentences after it, to the next short one
    /// that names a place or the paragraph's end. A place they name as a sub-area (启动区,
    /// 昝岗片区, 科创中心) that nothing else places is part of the area; a program or an
    /// organization is located in it where its name or its clause names the area (中化控股、
    /// 中国星网等央企落户新区).
    fn resolve_area_paragraph(&self, found: &mut Statements) {
        let chain = self.chain();
        let sub_area = self.resolver.rules.lexicons.words("sub_area_suffix");
        for (area, scope) in self.area_scopes(&chain) {
            let forms = self.forms_of(area);
            let names_area = |text: &str| forms.iter().any(|f| text.contains(f.as_str()));
            let clause_names_area = |text: &str| self.speaks_of_area(area, text);
            for e in self.entities.iter().filter(|e| e.iri != area.iri) {
                let Some(mention) = e.mentions.iter().find(|m| scope.contains(m.span)) else {
                    continue;
                };
                // 中国科学院雄安创新研究院: a body named right before the area is the parent of
                // what is in it.
                let next = self.doc.norm_slice(Span {
                    start: mention.span.end,
                    end: scope.end,
                });
                if forms
                    .iter()
                    .any(|f| next.trim_start().starts_with(f.as_str()))
                {
                    continue;
                }
                // A quoted name is the report's own coinage: its sentence placing it is enough
                // (北京援建的“三校一院”开学开诊 after a clause on the area); a firm or a body
                // is placed by its own clause only.
                let marks: &[char] = if self.is_quoted(mention.span) {
                    &['。']
                } else {
                    &[',', ';', ':', '。']
                };
                let relation = match e.class.as_str() {
                    "Place" if sub_area.iter().any(|w| e.label.ends_with(w.as_str())) => "partOf",
                    "Program" | "Organization"
                        if self.has_a_site(e)
                            && (names_area(&e.label)
                                || clause_names_area(&self.around(mention.span, scope, marks))) =>
                    {
                        "locatedIn"
                    }
                    _ => continue,
                };
                let placed = found
                    .keys()
                    .any(|(s, p, _)| *s == e.iri && (p == "partOf" || p == "locatedIn"));
                if !placed && !chain.contains(e.label.as_str()) {
                    let triple = (e.iri.clone(), relation.into(), area.iri.clone());
                    state(found, triple, mention.span, AREA_PARAGRAPH_RULE);
                }
            }
        }
    }

    /// Whether a program or an organization can be in one place: a thing of general knowledge
    /// cannot unless it is a firm, a school or an academy (党中央, 国务院 and the national
    /// strategies are the country's, wherever a sentence names them).
    fn has_a_site(&self, e: &Entity) -> bool {
        let sited = [Kind::Soe, Kind::Company, Kind::University, Kind::Academy];
        let knowledge = &self.resolver.gazetteer.knowledge;
        knowledge
            .lookup(&e.label)
            .is_none_or(|k| sited.contains(&k.kind))
    }

    /// Whether a mention is of a quoted name (“三校一院”, “雄才16条”).
    fn is_quoted(&self, mention: Span) -> bool {
        let before = Span {
            start: mention.start.saturating_sub(1),
            end: mention.start,
        };
        self.doc.norm_slice(mention).starts_with('“') || self.doc.norm_slice(before) == "“"
    }

    /// The words between `marks` (a clause's, a sentence's) a mention stands in, within
    /// `scope`.
    fn around(&self, mention: Span, scope: Span, marks: &[char]) -> String {
        let before = self.doc.norm_slice(Span {
            start: scope.start,
            end: mention.start,
        });
        let after = self.doc.norm_slice(Span {
            start: mention.end,
            end: scope.end,
        });
        let head = before.rsplit(marks).next().unwrap_or_default();
        let tail = after.split(marks).next().unwrap_or_default();
        format!("{head}{}{tail}", self.doc.norm_slice(mention))
    }

    /// Whether `text` names `area` by one of its forms or by its kind alone (落户新区: the last
    /// two chars of a name of four or more).
    fn speaks_of_area(&self, area: &Entity, text: &str) -> bool {
        let chars: Vec<char> = area.label.chars().collect();
        let kind: Option<String> =
            (chars.len() >= 4).then(|| chars[chars.len() - 2..].iter().collect());
        kind.as_deref().is_some_and(|k| text.contains(k))
            || self
                .forms_of(area)
                .iter()
                .any(|f| text.contains(f.as_str()))
    }

    /// The areas short sentences name, each with the span of the sentences it heads: to the
    /// next short sentence that names a place but not the area (新区“四纵三横”高速公路网全面
    /// 建成 goes on about 雄安新区), or its paragraph's end. The jurisdiction chain
    /// and the country are scopes, a route or a water runs through many areas, and a country or
    /// a region of several divisions (京津, 长三角) is what the jurisdiction works with (携手京津
    /// 打造…): none is an area.
    fn area_scopes(&self, chain: &BTreeSet<&str>) -> Vec<(&Entity, Span)> {
        const SHORT: usize = 20;
        let not_areas = ["Road", "River", "Lake"];
        let collectives = [Kind::Country, Kind::WorldRegion, Kind::Bloc, Kind::Region];
        let mut scopes: Vec<(&Entity, Span)> = Vec::new();
        let mut open: Option<(&Entity, Span, usize)> = None;
        for sentence in &self.doc.layout.sentences {
            let named: BTreeSet<&str> = self
                .entities
                .iter()
                .filter(|e| e.class == "Place" && !chain.contains(e.label.as_str()))
                .filter(|e| e.mentions.iter().any(|m| sentence.span.contains(m.span)))
                .map(|e| e.iri.as_str())
                .collect();
            let text = self.doc.norm_slice(sentence.span);
            let short = text.chars().count() <= SHORT;
            let goes_on = open.is_some_and(|(area, _, _)| self.speaks_of_area(area, text));
            if open.is_some_and(|(_, _, p)| p != sentence.paragraph)
                || (short && !named.is_empty() && !goes_on)
            {
                scopes.extend(open.take().map(|(area, span, _)| (area, span)));
            }
            if let Some((_, span, _)) = open.as_mut() {
                span.end = sentence.span.end;
            } else if let ([iri], true) = (named.iter().collect::<Vec<_>>().as_slice(), short) {
                let area = self.entities.iter().find(|e| e.iri == **iri);
                let collective = |a: &Entity| {
                    let kind = self.resolver.gazetteer.knowledge.lookup(&a.label);
                    kind.is_some_and(|k| collectives.contains(&k.kind))
                };
                let is_area = |a: &&Entity| {
                    a.subclass
                        .as_deref()
                        .is_none_or(|s| !not_areas.contains(&s))
                        && !collective(a)
                };
                open = area.filter(is_area).map(|a| {
                    let end = sentence.span.end;
                    (a, Span { start: end, end }, sentence.paragraph)
                });
            }
        }
        scopes.extend(open.map(|(area, span, _)| (area, span)));
        scopes.retain(|(_, span)| span.start < span.end);
        scopes
    }

    /// An entity's label and its gazetteer row's forms (印尼 of 印度尼西亚), of two chars or more:
    /// what a longer name writes it as.
    fn row_forms<'e>(&'e self, e: &'e Entity) -> impl Iterator<Item = &'e str> {
        let row = self.resolver.gazetteer.knowledge.lookup(&e.label);
        std::iter::once(e.label.as_str())
            .chain(row.into_iter().flat_map(|k| k.forms()))
            .filter(|f| f.chars().count() >= 2)
    }

    /// The names an entity goes by: its label, aliases and its gazetteer row's forms, of two
    /// chars or more.
    fn forms_of(&self, e: &Entity) -> BTreeSet<String> {
        let knowledge = &self.resolver.gazetteer.knowledge;
        let row = knowledge
            .lookup(&e.label)
            .into_iter()
            .flat_map(|k| k.forms());
        std::iter::once(e.label.as_str())
            .chain(e.aliases.iter().map(String::as_str))
            .chain(row)
            .filter(|f| f.chars().count() >= 2)
            .map(str::to_owned)
            .collect()
    }

    /// `resolve.local_place`: a town, subdistrict or village written right after a division
    /// (平山县北庄村) is part of it.
    fn addresses(&self, found: &mut Statements) {
        let divisions: BTreeMap<usize, &Entity> = self
            .entities
            .iter()
            .filter(|d| d.subclass.as_deref() == Some("AdministrativeDivision"))
            .flat_map(|d| d.mentions.iter().map(move |m| (m.span.end, d)))
            .collect();
        for local in self.entities.iter().filter(|e| {
            e.class == "Place"
                && e.subclass
                    .as_deref()
                    .is_some_and(|s| LOCAL_PLACES.contains(&s))
        }) {
            for m in &local.mentions {
                if let Some(division) = divisions.get(&m.span.start).filter(|d| d.iri != local.iri)
                {
                    let triple = (local.iri.clone(), "partOf".into(), division.iri.clone());
                    state(found, triple, m.span, LOCAL_PLACE_RULE);
                }
            }
        }
    }

    /// `resolve.local_place`: in a county-level report, a community, town or subdistrict the
    /// text names and places nowhere else is part of the jurisdiction (兴柴北苑社区 in 西湖区).
    /// City zones (商圈, 片区) are left out, their names are where suffix matches go wrong
    /// most, unless the name starts with the jurisdiction's (西湖区数字经济产业园).
    fn resolve_local_place(&self, found: &mut Statements) {
        let body = self
            .resolver
            .jurisdiction
            .body()
            .filter(|b| b.code.as_deref().is_some_and(|c| c.len() == 6))
            .and_then(|b| self.by_label.get(b.name.as_str()));
        let Some(body) = body else {
            return;
        };
        let local = ["Community", "Town", "Subdistrict"];
        for e in self.entities.iter().filter(|e| {
            e.class == "Place"
                && (e.subclass.as_deref().is_some_and(|s| local.contains(&s))
                    || e.label.starts_with(body.label.as_str()))
        }) {
            let placed = found.keys().any(|(s, p, _)| *s == e.iri && p == "partOf");
            if let (false, Some(first)) = (placed || e.iri == body.iri, e.mentions.first()) {
                let triple = (e.iri.clone(), "partOf".into(), body.iri.clone());
                state(found, triple, first.span, LOCAL_PLACE_RULE);
            }
        }
    }
}

/// Whether `words`, quote marks aside, end with the entity's name or one of its aliases.
fn ends_with_name(words: &str, e: &Entity) -> bool {
    let words: String = words.chars().filter(|&c| !is_quote(c)).collect();
    std::iter::once(&e.label)
        .chain(&e.aliases)
        .any(|n| words.ends_with(n.as_str()))
}

/// The numbered groups a name is made of (两翼两区三群六带 → 两翼, 两区, 三群, 六带): each a
/// count and one or two chars; none unless they make up the whole name.
fn numbered_groups(name: &str) -> Vec<&str> {
    let mut groups = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let counted = chars[i..]
            .iter()
            .take_while(|(_, c)| is_chinese_numeral(*c) || *c == '双');
        let numerals = counted.count();
        let kind = chars[i + numerals..]
            .iter()
            .take_while(|(_, c)| !is_chinese_numeral(*c) && *c != '双')
            .count();
        if numerals == 0 || !(1..=2).contains(&kind) {
            return Vec::new();
        }
        i += numerals + kind;
        let end = chars.get(i).map_or(name.len(), |(at, _)| *at);
        groups.push(&name[start..end]);
        start = end;
    }
    groups
}

/// Whether the items a create rule read for one numbered name are as many as its number says
/// (保障性住房建设、…、城中村改造“三大工程”: three). A name with one count (三大工程, 六个一)
/// is checked; one made of several (一核四翼) counts its groups, not its items.
pub(super) fn count_holds(r: &RelationMention, all: &[RelationMention]) -> bool {
    let name = strip_quotes(&r.object.0);
    let counts: Vec<&str> = name
        .split(|c: char| !is_chinese_numeral(c))
        .filter(|run| !run.is_empty())
        .collect();
    let [count] = counts.as_slice() else {
        return true;
    };
    let Some(count) = name
        .starts_with(count)
        .then(|| small_chinese_number(count))
        .flatten()
    else {
        return true;
    };
    let items: BTreeSet<Span> = all
        .iter()
        .filter(|x| x.rule == r.rule && x.object.1 == r.object.1)
        .map(|x| x.subject.1)
        .collect();
    items.len() == count as usize
}

/// The year the matched words themselves state (2019年荣获 …), not one elsewhere in the
/// sentence.
fn year_of(doc: &Document, provenance: &BTreeSet<Provenance>) -> Option<i32> {
    let first = provenance.first()?;
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
}

/// The statements as relations: between entities, and to literals (with their year).
fn into_relations(doc: &Document, found: Statements, literal: Statements) -> Vec<Relation> {
    let entity_relations = found.into_iter().map(|(triple, p)| (triple, false, p));
    let literal_relations = literal.into_iter().map(|(triple, p)| (triple, true, p));
    entity_relations
        .chain(literal_relations)
        .map(
            |((subject, predicate, object), object_is_literal, provenance)| Relation {
                year: if object_is_literal {
                    year_of(doc, &provenance)
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

/// A count of a kind as a name splits into its count and its kind: 五大商圈 → (5, 商圈, true);
/// 六带 → (6, 带, false). The kind has no numeral (两翼两区 is numbered groups).
fn counted_kind(label: &str) -> Option<(u32, &str, bool)> {
    let numeral_end = label
        .char_indices()
        .find(|(_, c)| !is_chinese_numeral(*c))
        .map(|(i, _)| i)?;
    let count = small_chinese_number(&label[..numeral_end])?;
    let rest = &label[numeral_end..];
    let (kind, big) = match rest.strip_prefix('大') {
        Some(kind) => (kind, true),
        None => (rest, false),
    };
    let chars = kind.chars().count();
    ((1..=4).contains(&chars) && !kind.chars().any(is_chinese_numeral))
        .then_some((count, kind, big))
}

/// Whether a counted name is written where a paragraph opens on it: in its first sentence, a
/// short one (突出抓好“六带”建设。), whose words are about the count's members that follow.
fn opens_its_paragraph(doc: &Document, mention: Span) -> Option<Span> {
    const SHORT: usize = 20;
    let sentence = doc
        .layout
        .sentences
        .iter()
        .find(|s| s.span.contains(mention))?;
    let paragraph = doc.layout.paragraphs[sentence.paragraph].span;
    let first = doc
        .layout
        .sentences
        .iter()
        .find(|s| s.paragraph == sentence.paragraph)?;
    let short = doc.norm_slice(sentence.span).chars().count() <= SHORT;
    (first.span == sentence.span && short).then_some(paragraph)
}

/// Whether a mention stands in the first clause of its sentence (打造大运河文化带,…): a member
/// that heads its sentence, not one named on the way (…,建设某某文化旅游经济带).
fn opens_its_sentence(doc: &Document, mention: Span) -> bool {
    let marks: &[char] = &[',', ';', ':', '。'];
    doc.layout
        .sentences
        .iter()
        .find(|s| s.span.contains(mention))
        .is_some_and(|s| {
            let before = doc.norm_slice(Span {
                start: s.span.start,
                end: mention.start,
            });
            !before.contains(marks)
        })
}

/// （二）…,三件大事实现重要突破。A取得新进展。…B全面就绪。: a count of things that are no
/// kind of name (三件大事, 三张名片) in the first sentence of its paragraph heads the short
/// sentences after it, each opening on one of the things: the programs that open them, as many
/// as the count says, are its parts. Each member with the span of its mention.
fn headed_members<'e>(
    doc: &Document,
    entities: &'e [Entity],
    resolver: &Resolver,
) -> Vec<(&'e Entity, &'e Entity, Span)> {
    const SHORT: usize = 20;
    let suffixes = &resolver.rules.lexicons.suffixes;
    let sentences = &doc.layout.sentences;
    let mut members = Vec::new();
    for whole in entities.iter().filter(|e| e.class == "Program") {
        let Some((count, kind, _)) = counted_kind(&whole.label) else {
            continue;
        };
        if suffixes.iter().any(|s| s.text.ends_with(kind)) {
            continue;
        }
        // The paragraph's first sentence names the count, quoted or not (a quoted name is
        // found as a name; the heading may write it without its quotes).
        let heading = (0..sentences.len()).find(|&at| {
            let p = sentences[at].paragraph;
            (at == 0 || sentences[at - 1].paragraph != p)
                && doc.norm_slice(sentences[at].span).contains(&whole.label)
        });
        let Some(at) = heading else {
            continue;
        };
        let paragraph = sentences[at].paragraph;
        let heads = sentences[at + 1..]
            .iter()
            .take_while(|s| s.paragraph == paragraph)
            .filter(|s| doc.norm_slice(s.span).chars().count() <= SHORT)
            .filter_map(|s| {
                entities
                    .iter()
                    .filter(|e| e.class == "Program" && e.iri != whole.iri)
                    .find_map(|e| {
                        let m = e.mentions.iter().find(|m| {
                            s.span.contains(m.span)
                                && doc
                                    .norm_slice(Span {
                                        start: s.span.start,
                                        end: m.span.start,
                                    })
                                    .chars()
                                    .all(|c| c.is_whitespace() || is_quote(c))
                        })?;
                        Some((e, whole, m.span))
                    })
            });
        members.extend(heads.take(count as usize));
    }
    members
}

/// 构建“东西南北中”五大商圈格局 … 复兴八一老商圈; … 培育临湖文旅商圈: a count of a kind
/// (五大商圈, 三大工程) has as parts the names of that kind its paragraph goes on to name after
/// it, as many as the count says. A count without 大 (六带) reads a kind of one or two chars
/// that ends a suffix of the lexicon (带 of 经济带, 文化带): too short a word to count anywhere,
/// so only where its paragraph opens on it (突出抓好“六带”建设。打造大运河文化带…); its members
/// are of the suffix's class whatever the count was typed, and each heads its sentence. Each member with the span of its
/// mention.
fn counted_members<'e>(
    doc: &Document,
    entities: &'e [Entity],
    resolver: &Resolver,
) -> Vec<(&'e Entity, &'e Entity, Span)> {
    let suffixes = &resolver.rules.lexicons.suffixes;
    let mut members = Vec::new();
    for whole in entities {
        let Some((count, kind, big)) = counted_kind(&whole.label) else {
            continue;
        };
        let of_a_kind = if big {
            suffixes.iter().any(|s| s.text == kind)
        } else {
            kind.chars().count() <= 2
                && suffixes
                    .iter()
                    .any(|s| s.text.ends_with(kind) && s.text != kind)
        };
        let paragraph_of = |m: &Provenance| {
            if big {
                doc.layout
                    .sentences
                    .iter()
                    .find(|s| s.span.contains(m.span))
                    .map(|s| doc.layout.paragraphs[s.paragraph].span)
            } else {
                opens_its_paragraph(doc, m.span)
            }
        };
        let Some((first, paragraph)) = whole
            .mentions
            .iter()
            .filter(|_| of_a_kind)
            .find_map(|m| paragraph_of(m).map(|p| (m.span, p)))
        else {
            continue;
        };
        let mut named: Vec<(Span, &Entity)> = entities
            .iter()
            .filter(|e| e.iri != whole.iri && e.label.ends_with(kind))
            .filter(|e| {
                if big {
                    e.class == whole.class
                } else {
                    e.label.chars().count() > 2
                }
            })
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
                    .find(|&m| {
                        paragraph.contains(m)
                            && m.start >= first.end
                            && (big || opens_its_sentence(doc, m))
                    })
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

#[cfg(test)]
mod tests {
    use super::{counted_kind, numbered_groups};

    #[test]
    fn a_count_of_a_kind_splits_into_count_and_kind() {
        assert_eq!(counted_kind("五大商圈"), Some((5, "商圈", true)));
        assert_eq!(counted_kind("六带"), Some((6, "带", false)));
        // Numbered groups and a name that does not start with a count: none.
        assert_eq!(counted_kind("两翼两区"), None);
        assert_eq!(counted_kind("第四大战略"), None);
    }

    #[test]
    fn a_name_of_numbered_groups_splits_into_them() {
        assert_eq!(
            numbered_groups("两翼两区三群六带"),
            ["两翼", "两区", "三群", "六带"]
        );
        assert_eq!(numbered_groups("双核五圈"), ["双核", "五圈"]);
        assert_eq!(numbered_groups("十八坡"), ["十八坡"]);
        // A group of more than two chars, or a name that does not start with a count: none.
        assert!(numbered_groups("三大工程建设").is_empty());
        assert!(numbered_groups("东西南北中").is_empty());
    }
}
