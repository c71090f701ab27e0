//! Resolve stage: from mentions to entities. Canonical names (quotes off, 全区 → the
//! jurisdiction, 区城投公司 → 西湖区城投公司, 区政府 → 西湖区人民政府), one entity per
//! canonical name with its aliases and every mention, stable IRIs, quantities tied to shared
//! indicator nodes, and relations between resolved entities.

mod gazetteer;
pub mod ids;
pub mod knowledge;
mod relations;
pub mod units;

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::extract::{
    EntityMention, Extraction, KNOWN_NAME_RULE, QuantityMention, ends_with_any, is_name, is_quote,
    is_term, starts_with_any, strip_quotes,
};
use crate::rules::{Class, ClassChoice, Kind, RuleSet};
use crate::text::{Document, Span, is_chinese_numeral};

pub use gazetteer::{Bodies, Divisions, Gazetteer, short_name};

/// One administrative division of the report's jurisdiction chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    pub code: Option<String>,
    pub name: String,
}

/// The body giving the report and the divisions above it, province first.
#[derive(Debug, Clone, Default)]
pub struct Jurisdiction {
    pub chain: Vec<Division>,
    /// Where the opening lines name it.
    pub span: Option<Span>,
}

impl Jurisdiction {
    pub fn body(&self) -> Option<&Division> {
        self.chain.last()
    }
    /// The names of the chain, province first: the IRI scope of local names.
    pub fn scope(&self) -> Vec<String> {
        self.chain.iter().map(|d| d.name.clone()).collect()
    }
    /// The code of the province (the top of the chain), or "" when unknown.
    pub fn province_code(&self) -> &str {
        self.chain
            .first()
            .and_then(|d| d.code.as_deref())
            .unwrap_or("")
    }
    /// The division of the chain at a level (区, 市, 省 …): the last char of its name.
    fn at_level(&self, level: char) -> Option<&Division> {
        self.chain.iter().rev().find(|d| d.name.ends_with(level))
    }
}

/// Where a fact comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Provenance {
    pub span: Span,
    pub rule: String,
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub iri: String,
    pub class: String,
    pub subclass: Option<String>,
    pub label: String,
    pub aliases: BTreeSet<String>,
    pub mentions: Vec<Provenance>,
    /// A glossary definition: its text and where it stands.
    pub definition: Option<(String, Provenance)>,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub iri: String,
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct Quantity {
    pub iri: String,
    pub mention: QuantityMention,
    pub indicator: Option<Indicator>,
    /// The entity the number is about (the jurisdiction).
    pub about: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Relation {
    pub subject: String,
    /// partOf, locatedIn, responsibleFor, honour …
    pub predicate: String,
    /// An entity's IRI, or the text of a literal object (an honour's title).
    pub object: String,
    pub object_is_literal: bool,
    /// The year the words state for the fact (荣获 … in 2019年), for honours.
    pub year: Option<i32>,
    pub provenance: Vec<Provenance>,
}

/// A document's resolved content, everything sorted for stable output.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub jurisdiction: Jurisdiction,
    pub entities: Vec<Entity>,
    pub quantities: Vec<Quantity>,
    pub relations: Vec<Relation>,
}

/// Finds the jurisdiction's divisions: among the divisions of that name, the one whose
/// parents the text names most often (西湖区 is in 南昌市 and in 杭州市).
pub fn find_jurisdiction(doc: &Document, gazetteer: &Gazetteer) -> Jurisdiction {
    let Some((name, span)) = doc.layout.meta.jurisdiction.clone() else {
        return Jurisdiction::default();
    };
    let divisions = &gazetteer.divisions;
    let body = doc.norm_slice(doc.layout.body);
    // 石家庄市长安区 is 长安区 under a parent the same words name: the longest tail of the
    // name that is a division, its parents' names counting for it.
    let (written_parents, codes) = name
        .char_indices()
        .map(|(i, _)| (&name[..i], divisions.codes_of(&name[i..])))
        .find(|(_, codes)| !codes.is_empty())
        .unwrap_or_default();
    let best = codes.into_iter().max_by_key(|code| {
        let path = divisions.path(code);
        let parents: Vec<&str> = path[..path.len() - 1]
            .iter()
            .filter_map(|c| divisions.name(c))
            .collect();
        let written = parents
            .iter()
            .filter(|n| written_parents.contains(*n))
            .count();
        let mentioned: usize = parents
            .iter()
            .map(|n| body.matches(short_name(n).unwrap_or(n)).count())
            .sum();
        let score = (written, mentioned);
        // Ties go to the smaller code: the same choice every build.
        (score, std::cmp::Reverse(code.clone()))
    });
    let chain = match best {
        Some(code) => divisions
            .path(&code)
            .iter()
            .map(|c| Division {
                code: Some(c.clone()),
                name: divisions.name(c).unwrap_or_default().to_owned(),
            })
            .collect(),
        None => vec![Division { code: None, name }],
    };
    Jurisdiction {
        chain,
        span: Some(span),
    }
}

/// The division names a document can use: every province and prefecture, the divisions of the
/// jurisdiction's prefecture (for a provincial report, the province's counties), and the short
/// names of the jurisdiction's chain (南昌, 西湖). Towns of other prefectures are left out: a
/// report rarely names them, and the list stays small enough to compile per document.
pub fn division_names(jurisdiction: &Jurisdiction, gazetteer: &Gazetteer) -> Vec<String> {
    let divisions = &gazetteer.divisions;
    let mut names: BTreeSet<String> = divisions.upper_levels().map(str::to_owned).collect();
    let code = jurisdiction
        .body()
        .and_then(|b| b.code.as_deref())
        .unwrap_or("");
    let (within, deepest) = match code.len() {
        0 => ("", 0),
        2 => (code, 6),
        _ => (&code[..4], usize::MAX),
    };
    if !within.is_empty() {
        names.extend(divisions.inside(within, deepest).map(str::to_owned));
    }
    // A report writes every province and its capital, its own province's cities and its own
    // counties and county-level cities by their short names (河北, 南京, 石家庄, 正定): the
    // jurisdiction tells which division is meant. Districts (区) keep their level: 长安, 新华
    // name too much else.
    let province = jurisdiction.province_code();
    let provinces = divisions.provinces().chain(divisions.capitals());
    let cities = (!province.is_empty()).then(|| divisions.inside(province, 4));
    let counties = (!within.is_empty()).then(|| divisions.inside(within, deepest));
    let shortened: Vec<String> = provinces
        .chain(cities.into_iter().flatten())
        .chain(counties.into_iter().flatten())
        .filter(|n| n.ends_with(['省', '市', '县']))
        .filter_map(short_name)
        .map(str::to_owned)
        .collect();
    names.extend(shortened);
    for d in &jurisdiction.chain {
        names.insert(d.name.clone());
        names.extend(short_name(&d.name).map(str::to_owned));
    }
    names.into_iter().collect()
}

/// What a surface form names, once canonical.
#[derive(Clone)]
struct Canonical {
    name: String,
    /// The IRI scope: the division path for divisions, none for national bodies, else the
    /// jurisdiction.
    scope: Option<Vec<String>>,
    class: Option<(&'static str, Option<&'static str>)>,
}

struct Resolver<'a> {
    jurisdiction: &'a Jurisdiction,
    gazetteer: &'a Gazetteer,
    rules: &'a RuleSet,
    /// The division names the document can use ([`division_names`]).
    divisions: &'a [String],
    /// Provinces, cities and counties of `divisions` by their short names (秦皇岛 → 秦皇岛市).
    by_short_name: BTreeMap<&'a str, &'a str>,
    /// Every name of `divisions`, and every short name: asked for each prefix of a name.
    division_set: HashSet<&'a str>,
    short_names: HashSet<&'a str>,
}

impl<'a> Resolver<'a> {
    fn new(
        jurisdiction: &'a Jurisdiction,
        gazetteer: &'a Gazetteer,
        rules: &'a RuleSet,
        divisions: &'a [String],
    ) -> Resolver<'a> {
        let mut by_short_name = BTreeMap::new();
        // Of two divisions with one short name, the higher level: a report names a city by
        // its short name, a county of the same name in full (承德 is 承德市, not 承德县).
        let level = |d: &str| ['省', '市', '县'].iter().position(|&l| d.ends_with(l));
        for d in divisions.iter().filter(|d| d.ends_with(['省', '市', '县'])) {
            if let Some(short) = short_name(d) {
                let kept: &mut &str = by_short_name.entry(short).or_insert(d.as_str());
                if level(d) < level(kept) {
                    *kept = d.as_str();
                }
            }
        }
        Resolver {
            jurisdiction,
            gazetteer,
            rules,
            divisions,
            by_short_name,
            division_set: divisions.iter().map(String::as_str).collect(),
            short_names: divisions.iter().filter_map(|d| short_name(d)).collect(),
        }
    }

    /// The code of the division named `name` inside the division `prefix`, if any.
    fn division_within(&self, name: &str, prefix: &str) -> Option<String> {
        self.gazetteer.divisions.within(name, prefix)
    }

    /// Whether a name is a division's, in full or without its level (秦皇岛被评为 … names a
    /// city, not a person).
    fn names_a_division(&self, name: &str) -> bool {
        self.division_set.contains(name) || self.short_names.contains(name)
    }

    /// The prefixes of `text` of 2 to 4 chars that name a division in full or by its short
    /// name (北京, 北京市 of 北京市通州区), shortest first.
    fn divisions_at<'t>(&self, text: &'t str) -> impl Iterator<Item = &'t str> {
        short_prefixes(text).filter(|prefix| self.names_a_division(prefix))
    }

    /// The longest division's full name that `name` starts with, before more words (平山县 of
    /// 平山县北庄村).
    fn division_at_start<'n>(&self, name: &'n str) -> Option<&'n str> {
        name.char_indices()
            .rev()
            .take_while(|&(i, _)| i > 0)
            .map(|(i, _)| &name[..i])
            .find(|prefix| self.division_set.contains(prefix))
    }

    /// Whether a name starts with a place's: a division's name or short name (张家口, 曹妃甸) or
    /// a place of general knowledge (雄安新区), before more words.
    fn starts_with_a_place(&self, name: &str) -> bool {
        self.starts_with_known(name, |e| e.class().as_str() == "Place")
    }

    /// Whether a name starts with a division's name or short name, or with a name of general
    /// knowledge that `known` takes (a firm: 长城汽车 in 长城汽车泰国工厂), before more words.
    fn starts_with_known(&self, name: &str, known: impl Fn(&knowledge::Entry) -> bool) -> bool {
        let knowledge = &self.gazetteer.knowledge;
        name.char_indices().skip(2).any(|(end, _)| {
            let prefix = &name[..end];
            self.names_a_division(prefix) || knowledge.lookup(prefix).is_some_and(&known)
        })
    }

    /// Whether a canonical name may stand: a name ending in an owned suffix (政府, 中心 …)
    /// must start with its owner, a division (西湖区疾控中心, after 区 → 西湖区) or a national
    /// lead word (中央改革办); 用政府, 邻里中心 are words, not bodies. A body of general
    /// knowledge is named whole whatever it starts with (国际奥林匹克委员会), and a body may be
    /// of a place by its short name or of an area every reader knows (京津冀技术创新中心).
    fn has_owner(&self, name: &str) -> bool {
        let lexicons = &self.rules.lexicons;
        if !lexicons.suffix_of(name).is_some_and(|s| s.owned) {
            return true;
        }
        lexicons
            .words("owner_lead")
            .iter()
            .any(|w| name.starts_with(w.as_str()))
            || self.gazetteer.bodies.national.contains_key(name)
            || self.gazetteer.knowledge.lookup(name).is_some()
            || self.starts_with_known(name, |e| e.class().as_str() == "Place" || is_a_firm(e))
    }

    /// Whether a name of `class` ends in an owned ending of that class without its owner
    /// (用政府, 精品钢基地, 绿色工厂); a program named after a body's ending (一园多部) has none to
    /// lack.
    fn lacks_its_owner(&self, name: &str, class: &str) -> bool {
        let lexicons = &self.rules.lexicons;
        lexicons
            .suffix_of(name)
            .is_some_and(|s| s.class.name() == class)
            && !self.has_owner(name)
    }

    /// What a surface form names, once canonical: its name as the jurisdiction resolves it
    /// ([`Resolver::canonical_name`]) and what the gazetteers know of it.
    fn canonical(&self, surface: &str, class: &str) -> Canonical {
        self.known(self.canonical_name(surface, class), class)
    }

    /// 全区 → 西湖区, 西湖 → 西湖区, 区城投公司 → 西湖区城投公司, 区政府 → 西湖区人民政府.
    fn canonical_name(&self, surface: &str, class: &str) -> String {
        // “两翼两区三群六带”发展布局: a quoted numbered layout is named by its quote.
        let layout = surface
            .strip_prefix('“')
            .unwrap_or(surface)
            .split_once('”')
            .filter(|(quoted, kind)| {
                quoted.starts_with(is_chinese_numeral)
                    && self
                        .rules
                        .lexicons
                        .words("layout_kind")
                        .iter()
                        .any(|w| w == kind)
            })
            .map(|(quoted, _)| quoted);
        let mut name: String = strip_quotes(layout.unwrap_or(surface))
            .chars()
            .filter(|&c| !is_quote(c) && !matches!(c, '①'..='⑳'))
            .collect();
        let j = self.jurisdiction;
        // 全区 / 我区 / 本区 → the division of that level.
        let chars: Vec<char> = name.chars().collect();
        if chars.len() == 2 && matches!(chars[0], '全' | '我' | '本') {
            if let Some(d) = j.at_level(chars[1]) {
                name = d.name.clone();
            }
        }
        // 西湖 → 西湖区: a short name of the chain; a place's short name of a province, city
        // or county the document can name (秦皇岛 → 秦皇岛市; 广润门 is a gate before it is
        // 广润门街道).
        if let Some(d) = j
            .chain
            .iter()
            .find(|d| short_name(&d.name) == Some(name.as_str()))
        {
            name = d.name.clone();
        } else if class == "Place" {
            if let Some(d) = self.by_short_name.get(name.as_str()) {
                name = (*d).to_owned();
            }
        }
        // 中共河北省委 is 河北省委: the Party's committees are written with and without 中共.
        if class == "Organization" {
            if let Some(committee) = name.strip_prefix("中共").filter(|r| r.ends_with('委')) {
                name = committee.to_owned();
            }
        }
        if class != "Person" {
            name = self.owned_by_level(name, class);
        }
        name
    }

    /// A name that starts with a level (区级, 区) is of the division at that level, and a
    /// body's informal name is its formal one.
    fn owned_by_level(&self, mut name: String, class: &str) -> String {
        let j = self.jurisdiction;
        {
            // 区级“一站式”…中心: a body of district level is the district's.
            let mut chars = name.chars();
            if let (Some(level), Some('级'), "Organization") = (chars.next(), chars.next(), class)
            {
                if j.at_level(level).is_some() {
                    name = format!("{level}{}", chars.as_str());
                }
            }
            // 区城投公司 → 西湖区城投公司: a name that starts with a level of the chain.
            let first = name.chars().next().unwrap_or(' ');
            let starts_with_word = self
                .rules
                .lexicons
                .words("not_a_level_prefix")
                .iter()
                .any(|w| name.starts_with(w.as_str()));
            if name.chars().count() > 1
                && !starts_with_word
                && (j.province_code().is_empty()
                    || self.division_within(&name, j.province_code()).is_none())
                && !j.chain.iter().any(|d| d.name == name)
            {
                if let Some(d) = j.at_level(first) {
                    name = format!("{}{}", d.name, &name[first.len_utf8()..]);
                }
            }
            // 西湖区政府 → 西湖区人民政府.
            for (informal, formal) in &self.gazetteer.bodies.formal {
                if let Some(d) = j
                    .chain
                    .iter()
                    .find(|d| name == format!("{}{informal}", d.name))
                {
                    name = format!("{}{formal}", d.name);
                }
            }
        }
        name
    }

    /// What the gazetteers know of a canonical name: a country, a national body, a division of
    /// the chain or inside the jurisdiction, a thing of general knowledge, each with its IRI
    /// scope and class.
    fn known(&self, name: String, class: &str) -> Canonical {
        let j = self.jurisdiction;
        if let Some(country) = self.gazetteer.bodies.country_of(&name) {
            return Canonical {
                name: country.to_owned(),
                scope: Some(Vec::new()),
                class: Some(("Place", DIVISION)),
            };
        }
        if let Some(national) = self.gazetteer.bodies.national.get(&name) {
            return Canonical {
                name: national.clone(),
                scope: Some(Vec::new()),
                class: Some(("Organization", Some("GovernmentBody"))),
            };
        }
        if let Some(d) = j.chain.iter().find(|d| d.name == name) {
            let scope = j
                .chain
                .iter()
                .take_while(|x| *x != d)
                .map(|x| x.name.clone())
                .collect();
            return Canonical {
                name,
                scope: Some(scope),
                class: Some(("Place", DIVISION)),
            };
        }
        // A division inside the jurisdiction (a 街道 or 镇 of this district).
        if let Some(code) = j
            .body()
            .and_then(|b| b.code.as_deref())
            .and_then(|prefix| self.division_within(&name, prefix))
        {
            let path = self.gazetteer.divisions.path(&code);
            let scope = path[..path.len() - 1]
                .iter()
                .filter_map(|c| self.gazetteer.divisions.name(c).map(str::to_owned))
                .collect();
            return Canonical {
                name,
                scope: Some(scope),
                class: Some(("Place", DIVISION)),
            };
        }
        // Known to every reader (俄罗斯, 长三角, 国家发展改革委, 清华大学, 长江经济带发展):
        // named once for the whole country, typed by what it is.
        // A company's brand that the text names as a place or a program (华侨城 in a list of
        // night markets) is that place or program ([`brands_inside_names`]).
        let brand_of_a_thing =
            |entry: &knowledge::Entry| is_a_firm(entry) && matches!(class, "Place" | "Program");
        if let Some(entry) = self
            .gazetteer
            .knowledge
            .lookup(&name)
            .filter(|e| !brand_of_a_thing(e))
        {
            return Canonical {
                name: entry.name.clone(),
                scope: Some(Vec::new()),
                class: Some((entry.class().as_str(), entry.kind.subclass())),
            };
        }
        Canonical {
            name,
            scope: None,
            class: None,
        }
    }

    fn entity_iri(&self, class: &str, canonical: &Canonical) -> String {
        let kind = class.to_lowercase();
        let scope = match (&canonical.scope, class) {
            (Some(s), _) => s.clone(),
            (None, "Place" | "Organization") => self.jurisdiction.scope(),
            (None, _) => Vec::new(),
        };
        ids::iri(&kind, &scope, &canonical.name)
    }
}

/// The rule id of relations read from one name inside another.
pub const NAME_CONTAINS_RULE: &str = "resolve.name_contains";
/// The rule id of the members a count of a kind (五大商圈) has in its paragraph.
pub const COUNTED_KIND_RULE: &str = "resolve.counted_kind";
/// The rule id of local places placed in a county-level jurisdiction.
pub const LOCAL_PLACE_RULE: &str = "resolve.local_place";
/// The rule id of the sub-areas and things a paragraph about one area names in it.
pub const AREA_PARAGRAPH_RULE: &str = "resolve.area_paragraph";
/// The rule id of the reforms and campaigns a sentence that opens on a reform names as its parts.
pub const LEAD_REFORM_RULE: &str = "resolve.lead_reform";
/// The rule id of relations the divisions gazetteer gives.
pub const GAZETTEER_RULE: &str = "gazetteer.divisions";

/// Entity mentions that relation rules with `emit.create` make of their subjects (the items
/// of 十大战役: 即强化党建引领、做大经济总量 …), typed by suffix or by `emit.class`.
fn created_mentions(extraction: &Extraction, rules: &RuleSet) -> Vec<EntityMention> {
    extraction
        .relations
        .iter()
        .filter_map(|r| {
            let rule = rules.get(&r.rule)?;
            (rule.emit.create && relations::count_holds(r, &extraction.relations)).then_some(())?;
            let name = strip_quotes(r.subject.0.trim_end_matches('等'));
            let lexicons = &rules.lexicons;
            // 扩大开放格局, 打造繁荣商圈: an item that starts with an action is a program,
            // whatever its last word.
            let action = lexicons
                .words("action_lead")
                .iter()
                .any(|w| name.starts_with(w.as_str()));
            // 两不愁:不愁吃、不愁穿 (a state to reach) and 三友:乡友、校友、战友 (kinds of people)
            // are items of a term, but no programs.
            let state = starts_with_any(name, lexicons.words("negation"));
            let people = ends_with_any(name, lexicons.words("person_kind_end"));
            if state || people || !(is_name(name, lexicons) || (action && is_term(name, lexicons)))
            {
                return None;
            }
            // The item's own suffix, else the common noun the items share (万达、天虹等大型
            // 商业综合体), else the rule's class.
            let kind = r.kind.as_deref().and_then(|k| {
                lexicons
                    .suffix_of(k)
                    .or_else(|| lexicons.suffixes.iter().find(|s| s.text == k))
            });
            let (class, subclass) = match lexicons.suffix_of(name).or(kind) {
                Some(_) if action => ("Program".to_owned(), None),
                Some(s) => (s.class.name().to_owned(), s.subclass.clone()),
                None => (
                    rule.emit.class.unwrap_or(Class::Program).name().to_owned(),
                    None,
                ),
            };
            Some(EntityMention {
                rule: r.rule.clone(),
                priority: rule.priority,
                class,
                subclass,
                surface: r.subject.0.clone(),
                span: r.subject.1,
                definition: None,
            })
        })
        .collect()
}

/// 主持会议研究雄安新区: a name whose left edge a rule guessed (its `trim`), written once, that
/// ends in a name the report writes on its own more than once, is that name; the words before
/// it were not part of it. A division or an ordinal before the name keeps it (西湖区数字经济
/// 产业园, 南昌市第七医院).
fn cut_to_known_names(mut found: Vec<EntityMention>, resolver: &Resolver) -> Vec<EntityMention> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for m in &found {
        *counts.entry(m.surface.clone()).or_default() += 1;
    }
    let guessed = |m: &EntityMention| {
        resolver
            .rules
            .get(&m.rule)
            .is_some_and(|r| r.kind == Kind::Entity && r.trim.is_some() && !r.nested)
    };
    for m in found.iter_mut().filter(|m| guessed(m)) {
        if counts.get(&m.surface) != Some(&1) {
            continue;
        }
        let known = counts
            .iter()
            .filter(|(name, n)| **n >= 2 && name.chars().count() >= 2)
            .filter_map(|(name, _)| Some((m.surface.strip_suffix(name.as_str())?, name)))
            .filter(|(before, _)| {
                before.chars().count() >= 2
                    && !before.ends_with(['第', '省', '市', '区', '县', '镇', '乡'])
                    && !resolver
                        .divisions
                        .iter()
                        .any(|d| before.ends_with(d.as_str()))
            })
            .max_by_key(|(_, name)| name.len());
        if let Some((before, name)) = known {
            let skipped = before.chars().count();
            m.span = Span::new(m.span.start + skipped, m.span.end);
            m.surface = name.clone();
        }
    }
    found
}

/// 承德国家可持续发展议程创新示范区, 邯港高速衡水段: a division one level below the
/// jurisdiction (a province's cities, a city's counties) named at the start of a longer name,
/// or right before a section's ending, is named there too. Deeper divisions are left to the
/// longer name: a county inside a province's name of a zone is no entity of the report.
fn divisions_inside_names(found: &[EntityMention], resolver: &Resolver) -> Vec<EntityMention> {
    let Some(code) = resolver
        .jurisdiction
        .body()
        .and_then(|b| b.code.as_deref())
        .filter(|c| c.len() <= 4)
    else {
        return Vec::new();
    };
    let level = code.len() + 2;
    let forms: Vec<&str> = resolver
        .gazetteer
        .divisions
        .coded(code, level)
        .filter(|(c, _)| c.len() == level)
        .flat_map(|(_, name)| {
            let short =
                short_name(name).filter(|s| !name.ends_with('区') || s.chars().count() >= 3);
            std::iter::once(name).chain(short)
        })
        .collect();
    let sections = resolver.rules.lexicons.words("section_suffix");
    let taken: BTreeSet<Span> = found.iter().map(|m| m.span).collect();
    let mut named = Vec::new();
    for m in found.iter().filter(|m| m.class != "Person") {
        for form in &forms {
            let at = if m.surface.starts_with(form) {
                Some(0)
            } else {
                sections
                    .iter()
                    .find_map(|s| m.surface.strip_suffix(s.as_str()))
                    .filter(|rest| rest.ends_with(form))
                    .map(|rest| rest.chars().count() - form.chars().count())
            };
            let Some(at) = at.filter(|_| m.surface.len() > form.len()) else {
                continue;
            };
            let start = m.span.start + at;
            let span = Span::new(start, start + form.chars().count());
            if !taken.contains(&span) {
                named.push(made_mention(GAZETTEER_RULE, "Place", DIVISION, form, span));
            }
        }
    }
    named.sort_by_key(|m| m.span);
    named.dedup_by_key(|m| m.span);
    named
}

/// 北京通州区 (河北 2022; 2024: 廊坊北三县与北京通州区一体化…示范区): a province or prefecture of
/// another province, named or starting a longer name, followed by one of its districts or
/// counties names that district, written with its parent.
fn districts_after_parents(
    doc: &Document,
    found: &[EntityMention],
    resolver: &Resolver,
) -> Vec<EntityMention> {
    let own = resolver.jurisdiction.province_code();
    if own.is_empty() {
        return Vec::new();
    }
    let mut codes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut named = Vec::new();
    // Where a parent may be written: at a name's start, or after a joint inside it (与, 和).
    let joints = resolver.rules.lexicons.words("name_joint");
    let starts = found
        .iter()
        .filter(|m| m.class != "Person")
        .flat_map(|m| {
            let after_joints = joints.iter().flat_map(move |j| {
                m.surface.match_indices(j.as_str()).map(move |(at, j)| {
                    m.span.start + m.surface[..at].chars().count() + j.chars().count()
                })
            });
            std::iter::once(m.span.start).chain(after_joints)
        })
        .collect::<BTreeSet<usize>>();
    for start in starts {
        let text = doc.norm_slice(Span::new(start, (start + 9).min(doc.char_len())));
        for parent in resolver.divisions_at(text) {
            let name = resolver.canonical(parent, "Place").name;
            let parent_codes = codes
                .entry(name.clone())
                .or_insert_with(|| resolver.gazetteer.divisions.codes_of(&name));
            let after = &text[parent.len()..];
            let other_province = |code: &&String| code.len() <= 4 && !code.starts_with(own);
            let Some(district) = parent_codes
                .iter()
                .filter(other_province)
                .find_map(|code| district_of(after, code, resolver))
            else {
                continue;
            };
            let surface = format!("{parent}{district}");
            let span = Span::new(start, start + surface.chars().count());
            named.push(made_mention(
                GAZETTEER_RULE,
                "Place",
                DIVISION,
                &surface,
                span,
            ));
        }
    }
    named.sort_by_key(|m| m.span);
    named.dedup_by_key(|m| m.span);
    named
}

/// The district or county of the division `code` that `text` starts with (通州区 of 北京市).
/// Asked of the gazetteer, not of the report's divisions: another province's districts are
/// none of those.
fn district_of<'t>(text: &'t str, code: &str, resolver: &Resolver) -> Option<&'t str> {
    short_prefixes(text).rev().find(|candidate| {
        candidate.ends_with(['区', '县', '市'])
            && resolver
                .gazetteer
                .divisions
                .within(candidate, code)
                .is_some_and(|child| child.len() == 6)
    })
}

/// The prefixes of `text` of 2, 3 and 4 chars, as many as it has, shortest first: where the
/// lookups after a place read a division's name, from a short name (北京) to a prefecture's
/// full name (石家庄市).
fn short_prefixes(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    (2..=4).filter_map(move |n| {
        let (last, c) = text.char_indices().nth(n - 1)?;
        Some(&text[..last + c.len_utf8()])
    })
}

/// The subclasses of a place below a county: a town, a subdistrict, a village or community.
const LOCAL_PLACES: [&str; 3] = ["Town", "Subdistrict", "Community"];

/// 平山县北庄村 (河北 2022), 平山县西柏坡镇 (2021): an address, a division and a town, subdistrict or village
/// written in it, names both (the village is part of the division: `resolve.local_place`).
fn split_addresses(found: Vec<EntityMention>, resolver: &Resolver) -> Vec<EntityMention> {
    let lexicons = &resolver.rules.lexicons;
    let mut out = Vec::with_capacity(found.len());
    for m in found {
        let split = (m.class == "Place")
            .then(|| resolver.division_at_start(&m.surface))
            .flatten()
            .and_then(|d| {
                let rest = &m.surface[d.len()..];
                let suffix = lexicons.suffix_of(rest)?;
                let local = suffix.class == Class::Place
                    && suffix
                        .subclass
                        .as_deref()
                        .is_some_and(|s| LOCAL_PLACES.contains(&s))
                    && rest.len() > suffix.text.len()
                    && is_name(rest, lexicons);
                local.then(|| (d.to_owned(), rest.to_owned(), suffix.subclass.clone()))
            });
        let Some((division, rest, subclass)) = split else {
            out.push(m);
            continue;
        };
        let at = m.span.start + division.chars().count();
        out.push(EntityMention {
            rule: GAZETTEER_RULE.to_owned(),
            class: "Place".into(),
            subclass: DIVISION.map(str::to_owned),
            surface: division,
            span: Span::new(m.span.start, at),
            ..m.clone()
        });
        out.push(EntityMention {
            subclass,
            surface: rest,
            span: Span::new(at, m.span.end),
            ..m
        });
    }
    out
}

/// 北京大兴国际机场临空经济区廊坊片区, 北运河廊坊段: a section named by its whole and the
/// division it is in names the whole too, where the whole ends like a place (a zone, a river,
/// a road): the section is part of it.
fn wholes_of_sections(found: &[EntityMention], resolver: &Resolver) -> Vec<EntityMention> {
    let lexicons = &resolver.rules.lexicons;
    let taken: BTreeSet<Span> = found.iter().map(|m| m.span).collect();
    let mut wholes = Vec::new();
    for m in found.iter().filter(|m| m.class == "Place") {
        let Some(rest) = lexicons
            .words("section_suffix")
            .iter()
            .find_map(|s| m.surface.strip_suffix(s.as_str()))
        else {
            continue;
        };
        let whole = rest
            .char_indices()
            .skip(2)
            .find(|(i, _)| resolver.names_a_division(&rest[*i..]))
            .map(|(i, _)| &rest[..i]);
        let Some((whole, suffix)) = whole.and_then(|w| {
            let suffix = lexicons.suffix_of(w).filter(|s| s.class == Class::Place)?;
            Some((w, suffix))
        }) else {
            continue;
        };
        let span = Span::new(m.span.start, m.span.start + whole.chars().count());
        if !taken.contains(&span) && whole.len() > suffix.text.len() {
            let subclass = suffix.subclass.as_deref();
            wholes.push(made_mention(
                NAME_CONTAINS_RULE,
                "Place",
                subclass,
                whole,
                span,
            ));
        }
    }
    wholes.sort_by_key(|m| m.span);
    wholes.dedup_by_key(|m| m.span);
    wholes
}

/// 长城汽车泰国工厂, 河钢塞尔维亚钢厂, 北京现代汽车沧州工厂: a plant's or base's name (an owned
/// ending of a program or a place) names the firm every reader knows it starts with, and the
/// place it is in, written right before the ending (a country, a city).
fn firms_and_sites_of_plants(found: &[EntityMention], resolver: &Resolver) -> Vec<EntityMention> {
    let lexicons = &resolver.rules.lexicons;
    let taken: BTreeSet<Span> = found.iter().map(|m| m.span).collect();
    let mut named = Vec::new();
    for m in found
        .iter()
        .filter(|m| matches!(m.class.as_str(), "Program" | "Place"))
    {
        let Some(ending) = lexicons.suffix_of(&m.surface).filter(|s| s.owned) else {
            continue;
        };
        let rest = &m.surface[..m.surface.len() - ending.text.len()];
        let firm = known_firm_at_start(rest, resolver);
        let after_firm = firm.as_ref().map_or(0, |f| f.0.len());
        let site = known_place_at_end(rest, after_firm, resolver);
        let parts = firm.into_iter().chain(site.map(|(place, subclass)| {
            let at = rest.len() - place.len();
            (place, "Place", subclass, at)
        }));
        for (surface, class, subclass, at) in parts {
            let start = m.span.start + rest[..at].chars().count();
            let span = Span::new(start, start + surface.chars().count());
            if !taken.contains(&span) {
                named.push(made_mention(
                    KNOWN_NAME_RULE,
                    class,
                    subclass,
                    surface,
                    span,
                ));
            }
        }
    }
    named
}

/// A known part of a name: its words, class, subclass and byte offset in the name.
type KnownPart<'n> = (&'n str, &'static str, Option<&'static str>, usize);

/// The longest firm of general knowledge `name` starts with (长城汽车 of 长城汽车泰国).
fn known_firm_at_start<'n>(name: &'n str, resolver: &Resolver) -> Option<KnownPart<'n>> {
    let knowledge = &resolver.gazetteer.knowledge;
    name.char_indices()
        .map(|(i, c)| &name[..i + c.len_utf8()])
        .rev()
        .find_map(|prefix| {
            let entry = knowledge.lookup(prefix).filter(|e| is_a_firm(e))?;
            Some((prefix, "Organization", entry.kind.subclass(), 0))
        })
}

/// The longest place of general knowledge or division `name` ends with, after other words and
/// from byte `from` on (泰国 of 长城汽车泰国, 沧州 of 北京现代汽车沧州).
fn known_place_at_end<'n>(
    name: &'n str,
    from: usize,
    resolver: &Resolver,
) -> Option<(&'n str, Option<&'static str>)> {
    let knowledge = &resolver.gazetteer.knowledge;
    name.char_indices()
        .skip(1)
        .filter(|&(i, _)| i >= from)
        .map(|(i, _)| &name[i..])
        .filter(|tail| tail.chars().count() >= 2)
        .find_map(|tail| match knowledge.lookup(tail) {
            Some(e) if e.class().as_str() == "Place" => Some((tail, e.kind.subclass())),
            None if resolver.names_a_division(tail) => Some((tail, DIVISION)),
            _ => None,
        })
}

/// 北运河廊坊段与北京段 (河北 2022): a river or a road followed by a division and 段 names its
/// section in that division, and a division and 段 joined to it by a list separator names
/// another section of the same whole (北运河北京段).
fn sections_after_routes(
    doc: &Document,
    found: &[EntityMention],
    resolver: &Resolver,
) -> Vec<EntityMention> {
    let taken: BTreeSet<Span> = found.iter().map(|m| m.span).collect();
    let separators = resolver.rules.lexicons.words("list_separator");
    let mut named = Vec::new();
    let routes = found
        .iter()
        .filter(|m| m.class == "Place" && matches!(m.subclass.as_deref(), Some("River" | "Road")));
    for route in routes {
        let mut at = route.span.end;
        let mut first = true;
        while let Some(length) = division_section_at(doc, at, resolver) {
            let span = Span::new(if first { route.span.start } else { at }, at + length);
            let section = doc.norm_slice(Span::new(at, at + length));
            if !taken.contains(&span) {
                named.push(EntityMention {
                    rule: GAZETTEER_RULE.to_owned(),
                    priority: 0,
                    surface: format!("{}{section}", route.surface),
                    span,
                    definition: None,
                    ..route.clone()
                });
            }
            // The next section of the list, after a separator (与, 和, 、 …).
            let rest = doc.norm_slice(Span::new(
                at + length,
                (at + length + 3).min(doc.char_len()),
            ));
            let Some(separator) = separators.iter().find(|s| rest.starts_with(s.as_str())) else {
                break;
            };
            at += length + separator.chars().count();
            first = false;
        }
    }
    named
}

/// How many chars a division's name and 段 take at `at` (廊坊段), if they are there.
fn division_section_at(doc: &Document, at: usize, resolver: &Resolver) -> Option<usize> {
    let text = doc.norm_slice(Span::new(at, (at + 6).min(doc.char_len())));
    resolver
        .divisions_at(text)
        .find(|place| text[place.len()..].starts_with('段'))
        .map(|place| place.chars().count() + 1)
}

/// 京津冀国家技术创新中心河北中心、雄安中心 (河北 2024): a body's unit named by its place after the
/// body, followed by a list separator and another place with the same ending, is the same
/// body's unit there (京津冀国家技术创新中心雄安中心), written without its head.
fn units_sharing_a_head(
    doc: &Document,
    found: Vec<EntityMention>,
    resolver: &Resolver,
) -> Vec<EntityMention> {
    let lexicons = &resolver.rules.lexicons;
    let heads: BTreeMap<usize, Vec<&EntityMention>> = found
        .iter()
        .filter(|m| m.class == "Organization")
        .fold(BTreeMap::new(), |mut by_start, m| {
            by_start.entry(m.span.start).or_default().push(m);
            by_start
        });
    let mut shared: BTreeMap<Span, String> = BTreeMap::new();
    for unit in found.iter().filter(|m| m.class == "Organization") {
        let Some(head) = heads
            .get(&unit.span.start)
            .into_iter()
            .flatten()
            .find(|h| h.span.end < unit.span.end && lexicons.suffix_of(&h.surface).is_some())
        else {
            continue;
        };
        let own = &unit.surface[head.surface.len()..];
        let Some(ending) = lexicons.suffix_of(own).map(|s| s.text.as_str()) else {
            continue;
        };
        if !resolver.names_a_division(&own[..own.len() - ending.len()])
            && !resolver.starts_with_a_place(own)
        {
            continue;
        }
        let next = found.iter().find(|n| {
            n.span.start == unit.span.end + 1
                && doc.norm_slice(Span::new(unit.span.end, n.span.start)) == "、"
                && n.surface.ends_with(ending)
                && n.surface.len() > ending.len()
        });
        if let Some(next) = next {
            shared.insert(next.span, format!("{}{}", head.surface, next.surface));
        }
    }
    found
        .into_iter()
        .map(|m| match shared.get(&m.span) {
            Some(full) if m.class == "Organization" => EntityMention {
                surface: full.clone(),
                ..m
            },
            _ => m,
        })
        .collect()
}

/// 华侨城文旅项目, 西湖万达, 中粮大悦城: a company's brand found as a known name inside (or as)
/// a place's or program's name is no mention of the company; the text means the project, the
/// complex or the block.
/// A firm that owns the thing (长城汽车 of 长城汽车泰国工厂, an ending that needs its owner) is
/// the company.
fn brands_inside_names(found: Vec<EntityMention>, resolver: &Resolver) -> Vec<EntityMention> {
    let lexicons = &resolver.rules.lexicons;
    let is_brand = |m: &EntityMention| {
        m.rule == KNOWN_NAME_RULE
            && resolver
                .gazetteer
                .knowledge
                .lookup(&m.surface)
                .is_some_and(is_a_firm)
    };
    let things: Vec<(Span, bool)> = found
        .iter()
        .filter(|m| m.rule != KNOWN_NAME_RULE && matches!(m.class.as_str(), "Place" | "Program"))
        .map(|m| {
            let owned = lexicons.suffix_of(&m.surface).is_some_and(|s| s.owned);
            (m.span, owned)
        })
        .collect();
    let brand_of_a_thing = |m: &EntityMention| {
        things
            .iter()
            .any(|&(t, owned)| t.contains(m.span) && !(owned && t.start == m.span.start))
    };
    found
        .into_iter()
        .filter(|m| !(is_brand(m) && brand_of_a_thing(m)))
        .collect()
}

/// 东京奥运会, 杭州亚运会: the city in a known event's name is where it is held, no place the
/// report speaks of (河北 2022: 我省体育健儿在东京奥运会、残奥会上…).
fn hosts_of_events(found: Vec<EntityMention>, resolver: &Resolver) -> Vec<EntityMention> {
    let knowledge = &resolver.gazetteer.knowledge;
    let kind_of = |m: &EntityMention| {
        (m.rule == KNOWN_NAME_RULE)
            .then(|| knowledge.lookup(&m.surface))
            .flatten()
            .map(|e| e.kind)
    };
    let events: Vec<Span> = found
        .iter()
        .filter(|m| kind_of(m) == Some(knowledge::Kind::Event))
        .map(|m| m.span)
        .collect();
    found
        .into_iter()
        .filter(|m| {
            let city = matches!(
                kind_of(m),
                Some(knowledge::Kind::City | knowledge::Kind::Capital)
            );
            !(city && events.iter().any(|e| *e != m.span && e.contains(m.span)))
        })
        .collect()
}

/// 北戴河 of 北戴河生命健康产业创新示范区 (河北 2022): a place found at the head of a longer name
/// that is a district or county two levels or more below the jurisdiction, by its short name, is
/// left to the longer name, as [`divisions_inside_names`] leaves it (a province's report names
/// its cities, not their districts).
fn deeper_divisions_inside_names(
    found: Vec<EntityMention>,
    resolver: &Resolver,
) -> Vec<EntityMention> {
    let Some(code) = resolver.jurisdiction.body().and_then(|b| b.code.as_deref()) else {
        return found;
    };
    let nested = |m: &EntityMention| resolver.rules.get(&m.rule).is_some_and(|r| r.nested);
    let deeper = |m: &EntityMention| {
        ['区', '县'].iter().any(|level| {
            resolver
                .division_within(&format!("{}{level}", m.surface), code)
                .is_some_and(|c| c.len() > code.len() + 2)
        })
    };
    found
        .into_iter()
        .filter(|m| !(m.class == "Place" && nested(m) && deeper(m)))
        .collect()
}

/// The subclass of a place that is an administrative division.
const DIVISION: Option<&str> = Some("AdministrativeDivision");

/// A mention resolve names itself, from the gazetteers or the names around it: it wins no
/// overlap by priority and defines nothing.
fn made_mention(
    rule: &str,
    class: &str,
    subclass: Option<&str>,
    surface: &str,
    span: Span,
) -> EntityMention {
    EntityMention {
        rule: rule.to_owned(),
        priority: 0,
        class: class.to_owned(),
        subclass: subclass.map(str::to_owned),
        surface: surface.to_owned(),
        span,
        definition: None,
    }
}

/// Whether a row of general knowledge is a firm: a central SOE or a company.
fn is_a_firm(entry: &knowledge::Entry) -> bool {
    matches!(entry.kind, knowledge::Kind::Soe | knowledge::Kind::Company)
}

/// Resolves a document's mentions into entities, quantities and relations, in passes:
/// retype → cut → canonicalise and group → merge → entities → relations.
pub fn resolve(
    doc: &Document,
    extraction: &Extraction,
    rules: &RuleSet,
    gazetteer: &Gazetteer,
    jurisdiction: Jurisdiction,
    divisions: &[String],
) -> Resolved {
    let resolver = Resolver::new(&jurisdiction, gazetteer, rules, divisions);
    let created = created_mentions(extraction, rules);
    let place_sets = place_sets(extraction, &created, &resolver);
    let mut retyped = retype(extraction, &created, &resolver);
    retyped.extend(districts_after_parents(doc, &retyped, &resolver));
    let retyped = zones_of_places(names_joined_to_places(doc, retyped, &resolver), &resolver);
    let mut mentions = split_addresses(cut_to_known_names(retyped, &resolver), &resolver);
    mentions.extend(divisions_inside_names(&mentions, &resolver));
    mentions.extend(sections_after_routes(doc, &mentions, &resolver));
    mentions.extend(wholes_of_sections(&mentions, &resolver));
    mentions.extend(firms_and_sites_of_plants(&mentions, &resolver));
    let mentions = hosts_of_events(brands_inside_names(mentions, &resolver), &resolver);
    let mentions = deeper_divisions_inside_names(mentions, &resolver);
    let mentions = units_sharing_a_head(doc, mentions, &resolver);
    let mut groups = group(doc, &mentions, &resolver);
    merge_abbreviations(&mut groups, &resolver);
    let mut entities: Vec<Entity> = groups
        .iter()
        .map(|(name, group)| entity_of(doc, name, group, &place_sets, &resolver))
        .collect();
    add_jurisdiction_chain(&mut entities, &resolver);
    entities.sort_by(|a, b| a.iri.cmp(&b.iri));
    let relations = relations::relations(doc, extraction, &entities, &resolver);
    let quantities = quantities_of(doc, extraction, &jurisdiction, &entities);
    Resolved {
        jurisdiction,
        entities,
        quantities,
        relations,
    }
}

/// The mentions of one canonical name.
struct Group<'m> {
    canonical: Canonical,
    mentions: Vec<&'m EntityMention>,
}

impl<'m> Group<'m> {
    /// The mention whose rule decides the class: the highest priority, the first written.
    fn best(&self) -> &'m EntityMention {
        self.mentions
            .iter()
            .max_by_key(|m| (m.priority, std::cmp::Reverse(m.span)))
            .expect("a group has a mention")
    }
}

/// 四横四纵四园 (“四横”即孺子路 …, “四园”即孺子亭公园 …): a term whose enumerated parts are
/// all places is a set of places, a place itself.
fn place_sets(
    extraction: &Extraction,
    created: &[EntityMention],
    resolver: &Resolver,
) -> BTreeSet<String> {
    let mut parts_of: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (r, m) in extraction
        .relations
        .iter()
        .filter(|r| {
            resolver
                .rules
                .get(&r.rule)
                .is_some_and(|rule| rule.emit.create)
        })
        .filter_map(|r| Some((r, created.iter().find(|m| m.span == r.subject.1)?)))
    {
        parts_of
            .entry(resolver.canonical(&r.object.0, "").name)
            .or_default()
            .push(m.class.as_str());
    }
    parts_of
        .into_iter()
        .filter(|(_, classes)| classes.len() >= 2 && classes.iter().all(|c| *c == "Place"))
        .map(|(name, _)| name)
        .collect()
}

/// “一网通办”, “指尖上的网上政府”: a name a rule typed by an owned suffix it lacks the owner
/// of takes the rule's default class; a name a fixed rule found is dropped when grouped.
fn retype(
    extraction: &Extraction,
    created: &[EntityMention],
    resolver: &Resolver,
) -> Vec<EntityMention> {
    let rules = resolver.rules;
    extraction
        .entities
        .iter()
        .chain(created)
        .map(|m| {
            let default = match rules.get(&m.rule).and_then(|r| r.class.as_ref()) {
                Some(ClassChoice::BySuffix { default }) => default,
                _ => return m.clone(),
            };
            // Only a name with an owned ending can lack its owner: the others keep their class
            // without being resolved here (grouping resolves every mention once).
            // A name typed otherwise than by its ending (a layout's, “…”发展布局) keeps its class.
            let Some(owned) = rules
                .lexicons
                .suffix_of(strip_quotes(&m.surface))
                .filter(|s| s.owned && s.class.name() == m.class)
            else {
                return m.clone();
            };
            // A name that drops the ending (“两翼两区三群六带”发展布局 is named by its quote) is
            // not typed by it.
            let name = resolver.canonical(&m.surface, &m.class).name;
            if name.ends_with(owned.text.as_str()) && resolver.has_owner(&name) {
                m.clone()
            } else {
                EntityMention {
                    class: default.name().to_owned(),
                    subclass: None,
                    ..m.clone()
                }
            }
        })
        .collect()
}

/// 廊坊北三县与北京通州区一体化高质量发展示范区 (河北 2022, 2024): a zone named after two places
/// joined by 与 or 和 starts at the first place, which the left edge of a program's name cut
/// off at the function word (新型城镇化与城乡统筹示范区 joins no place and stays cut). A dash
/// (中国—中东欧国家中小企业合作论坛) is joined where the name is found (`extract::edges`).
fn names_joined_to_places(
    doc: &Document,
    mut mentions: Vec<EntityMention>,
    resolver: &Resolver,
) -> Vec<EntityMention> {
    let zone_endings = resolver.rules.lexicons.words("zone_suffix");
    // One-char joints: the char before a name is what joins it to a place.
    let joints = resolver.rules.lexicons.words("name_joint");
    let places: BTreeMap<usize, usize> = mentions
        .iter()
        .filter(|m| m.class == "Place")
        .map(|m| (m.span.end, m.span.start))
        .collect();
    let char_at = |i: usize| doc.norm_slice(Span::new(i, (i + 1).min(doc.char_len())));
    for m in mentions
        .iter_mut()
        // A name the gazetteers give whole (燕山, 张家口 of 北京—张家口) is joined to nothing.
        .filter(|m| m.class != "Person" && m.rule != KNOWN_NAME_RULE)
        .filter(|m| !resolver.names_a_division(&m.surface))
    {
        let Some(joint) = m.span.start.checked_sub(1) else {
            continue;
        };
        let joined = joints.iter().any(|j| j == char_at(joint))
            && ends_with_any(&m.surface, zone_endings)
            && m.class != "Organization";
        let start = places
            .get(&joint)
            .filter(|_| joined)
            .copied()
            .or_else(|| national_body_before(doc, m, joint, resolver));
        if let Some(start) = start {
            m.span = Span::new(start, m.span.end);
            m.surface = doc.norm_slice(m.span).to_owned();
        }
    }
    mentions
}

/// 中国空天信息和卫星互联网创新联盟 (河北 2024): a body's name that the left edge cut at 和 starts at
/// a national lead word (中国, 国家) that opens the clause: the body joins two fields.
fn national_body_before(
    doc: &Document,
    m: &EntityMention,
    joint: usize,
    resolver: &Resolver,
) -> Option<usize> {
    if m.class != "Organization" || doc.norm_slice(Span::new(joint, joint + 1)) != "和" {
        return None;
    }
    let before = doc.norm_slice(Span::new(joint.saturating_sub(10), joint));
    let han = |c: &char| matches!(c, '\u{4E00}'..='\u{9FFF}');
    let run: String = before.chars().rev().take_while(han).collect();
    let run: String = run.chars().rev().collect();
    let opens_clause = run.chars().count() < before.chars().count();
    let lexicons = &resolver.rules.lexicons;
    // 国务院和省委, 中央农村工作会议和省委: a name before 和 is a list of two.
    let a_name = resolver.gazetteer.knowledge.lookup(&run).is_some()
        || resolver.gazetteer.bodies.national.contains_key(&run)
        || lexicons.suffix_of(&run).is_some();
    (opens_clause && !a_name && starts_with_any(&run, lexicons.words("owner_lead")))
        .then(|| joint - run.chars().count())
        .filter(|_| run.chars().count() > 2)
}

/// 张家口可再生能源示范区, 曹妃甸协同发展示范区: a pilot or model zone named after the place it
/// is set up in is a zone of that place, not a program; without one (基层治理示范区, 国家生态文明
/// 示范区) it stays the program its ending says.
fn zones_of_places(mentions: Vec<EntityMention>, resolver: &Resolver) -> Vec<EntityMention> {
    let zone_endings = resolver.rules.lexicons.words("zone_suffix");
    mentions
        .into_iter()
        .map(|m| {
            let zone = m.class == "Program"
                && ends_with_any(&m.surface, zone_endings)
                && resolver.starts_with_a_place(&m.surface);
            if zone {
                EntityMention {
                    class: "Place".into(),
                    subclass: Some("District".into()),
                    ..m
                }
            } else {
                m
            }
        })
        .collect()
}

/// What stands for a name other than itself: inside a definition, the term whose head noun it
/// is (“中国共产党的故事”专题宣介会: …专题宣介会在江西南昌举行), and a term written
/// “五治”基层社会治理体系 for its quoted head in the body (“五治”融合).
struct Terms {
    defined: Vec<(Span, Canonical)>,
    quoted_heads: Vec<(String, Canonical)>,
}

impl Terms {
    fn of(doc: &Document, resolver: &Resolver) -> Terms {
        let glossary = &doc.layout.glossary;
        let defined: Vec<(Span, Canonical)> = glossary
            .iter()
            .map(|g| (g.definition, resolver.canonical(doc.norm_slice(g.term), "")))
            .collect();
        let quoted_heads = glossary
            .iter()
            .zip(&defined)
            .filter_map(|(g, (_, term))| {
                let written = doc.norm_slice(g.term).strip_prefix('“')?;
                let (head, rest) = written.split_once('”')?;
                (!rest.is_empty()).then(|| (head.to_owned(), term.clone()))
            })
            .collect();
        Terms {
            defined,
            quoted_heads,
        }
    }

    /// The canonical name of mention `m` (written as `named`'s surface).
    fn canonical(&self, m: &EntityMention, named: &str, resolver: &Resolver) -> Canonical {
        let canonical = resolver.canonical(named, &m.class);
        let term = self
            .defined
            .iter()
            .find(|(definition, term)| {
                definition.contains(m.span)
                    && term.name.len() > canonical.name.len()
                    && term.name.ends_with(canonical.name.as_str())
            })
            .map(|(_, term)| term)
            .or_else(|| {
                self.quoted_heads
                    .iter()
                    .find(|(head, _)| *head == canonical.name)
                    .map(|(_, term)| term)
            });
        match term {
            Some(term) => resolver.canonical(&term.name, &m.class),
            None => canonical,
        }
    }
}

/// The mentions grouped by canonical name, resolved once each. 潮王洲(朝阳洲): a name in
/// brackets right after a name is another name of it.
fn group<'m>(
    doc: &Document,
    mentions: &'m [EntityMention],
    resolver: &Resolver,
) -> BTreeMap<String, Group<'m>> {
    let terms = Terms::of(doc, resolver);
    let char_at = |i: usize| {
        (i < doc.char_len())
            .then(|| doc.norm_slice(Span::new(i, i + 1)).chars().next())
            .flatten()
    };
    let aside_of = |m: &EntityMention| -> Option<&EntityMention> {
        let before = m.span.start.checked_sub(1)?;
        if char_at(before) != Some('(') || char_at(m.span.end) != Some(')') {
            return None;
        }
        mentions.iter().find(|h| {
            h.span != m.span
                && (h.span.end == before || (h.span.contains(m.span) && h.surface != m.surface))
        })
    };
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for m in mentions {
        let named = aside_of(m).unwrap_or(m);
        let canonical = terms.canonical(m, &named.surface, resolver);
        if canonical.name.chars().count() < 2
            || (resolver.lacks_its_owner(&canonical.name, &m.class))
            || (m.class == "Person" && resolver.names_a_division(&canonical.name))
        {
            continue;
        }
        groups
            .entry(canonical.name.clone())
            .or_insert_with(|| Group {
                canonical,
                mentions: Vec::new(),
            })
            .mentions
            .push(m);
    }
    groups
}

/// 华侨城文旅项目 is 华侨城文化旅游综合项目 abbreviated, 冬奥会 is 北京冬奥会 without its host: one
/// entity, the full name canonical.
fn merge_abbreviations(groups: &mut BTreeMap<String, Group>, resolver: &Resolver) {
    let lexicons = &resolver.rules.lexicons;
    let classes: Vec<(String, String)> = groups
        .iter()
        .map(|(name, g)| (name.clone(), g.best().class.clone()))
        .collect();
    for (short, class) in &classes {
        // “平急两用” is the 平急两用公共基础设施建设 a list names as “平急两用”公共基础设施建设;
        // a branch is part of what its quote names (seed: “赣服通”西湖分厅).
        let branch = lexicons.words("branch_suffix");
        let headed = classes
            .iter()
            .filter(|(long, c)| {
                c == class
                    && long != short
                    && groups.contains_key(long)
                    && !branch.iter().any(|b| long.ends_with(b.as_str()))
            })
            .map(|(long, _)| long)
            .find(|long| {
                groups
                    .get(short)
                    .is_some_and(|g| g.canonical.class.is_none())
                    && groups[*long]
                        .mentions
                        .iter()
                        .any(|m| quote_heading(&m.surface).as_ref() == Some(short))
            });
        let hosts: Vec<&String> = classes
            .iter()
            .filter(|(long, c)| c == class && c == "Program" && groups.contains_key(long))
            .map(|(long, _)| long)
            .filter(|long| drops_the_host(short, long, resolver))
            .collect();
        let full = classes
            .iter()
            .filter(|(long, c)| {
                c == class
                    && groups.contains_key(long)
                    && (abbreviates(short, long, lexicons) || drops_the_ordinal(short, long))
            })
            .map(|(long, _)| long)
            .max_by_key(|long| long.len())
            .or(match hosts[..] {
                [host] => Some(host),
                _ => None,
            })
            .or(headed);
        if let Some(full) = full {
            let moved = groups.remove(short).map(|g| g.mentions).unwrap_or_default();
            if let Some(g) = groups.get_mut(full) {
                g.mentions.extend(moved);
            }
        }
    }
}

/// The entity a group of mentions names: its class (the gazetteer's, else the best rule's), its
/// other names, its mentions and definition.
fn entity_of(
    doc: &Document,
    name: &str,
    group: &Group,
    place_sets: &BTreeSet<String>,
    resolver: &Resolver,
) -> Entity {
    let best = group.best();
    let (class, subclass) = match group.canonical.class {
        Some((c, s)) => (c.to_owned(), s.map(str::to_owned)),
        None if best.class == "Program" && place_sets.contains(name) => ("Place".into(), None),
        None => (best.class.clone(), best.subclass.clone()),
    };
    let mut aliases: BTreeSet<String> = group
        .mentions
        .iter()
        .map(|m| m.surface.chars().filter(|&c| !is_quote(c)).collect())
        .chain(
            group
                .mentions
                .iter()
                .filter_map(|m| quote_heading(&m.surface)),
        )
        .filter(|a: &String| a != name)
        .collect();
    // 省政府 → 江西省人民政府: the expanded informal name (江西省政府) is an alias too.
    for (informal, formal) in &resolver.gazetteer.bodies.formal {
        let written_informally = aliases
            .iter()
            .any(|a| a.ends_with(informal.as_str()) && !a.ends_with(formal.as_str()));
        if let (Some(stem), true) = (name.strip_suffix(formal.as_str()), written_informally) {
            aliases.insert(format!("{stem}{informal}"));
        }
    }
    let provenance = |m: &EntityMention, span: Span| Provenance {
        span,
        rule: m.rule.clone(),
    };
    let definition = group.mentions.iter().find_map(|m| {
        m.definition
            .map(|span| (doc.original(span), provenance(m, span)))
    });
    Entity {
        iri: resolver.entity_iri(&class, &group.canonical),
        class,
        subclass,
        label: name.to_owned(),
        aliases,
        mentions: group
            .mentions
            .iter()
            .map(|m| provenance(m, m.span))
            .collect(),
        definition,
    }
}

/// The quantities, each with its indicator and the jurisdiction it is about.
fn quantities_of(
    doc: &Document,
    extraction: &Extraction,
    jurisdiction: &Jurisdiction,
    entities: &[Entity],
) -> Vec<Quantity> {
    let about = jurisdiction
        .body()
        .and_then(|b| entities.iter().find(|e| e.label == b.name))
        .map(|e| e.iri.clone());
    extraction
        .quantities
        .iter()
        .map(|q| Quantity {
            iri: ids::iri(
                "quantity",
                std::slice::from_ref(&doc.name),
                &format!("{}-{}", q.span.start, q.span.end),
            ),
            indicator: q.indicator.as_ref().map(|label| Indicator {
                iri: ids::iri("indicator", &[], label),
                label: label.clone(),
            }),
            about: about.clone(),
            mention: q.clone(),
        })
        .collect()
}

/// The quote a name opens with and runs on past (“三重四创五优化”活动, “万企兴万村”行动, 河北
/// 2022): what the text calls the thing, an alias of its name. Not a name a dot joins to
/// another (“一带一路”·长城国际民间文化艺术节 is no 一带一路).
fn quote_heading(surface: &str) -> Option<String> {
    let (head, rest) = surface.trim_start_matches('“').split_once('”')?;
    (!head.contains('“')
        && !rest.is_empty()
        && !rest.starts_with(['·', '—', '-'])
        && head.chars().count() >= 2)
        .then(|| head.to_owned())
}

/// Whether `short` abbreviates `long` as Chinese names are abbreviated (华侨城文旅项目,
/// 华侨城文化旅游综合项目): the same first two chars and the same ending of a kind, the chars
/// between them taken in order from the longer name's words, one a word.
fn abbreviates(short: &str, long: &str, lexicons: &crate::rules::Lexicons) -> bool {
    // Most pairs differ in their first two chars: no need to look further.
    if short.len() >= long.len() || short.chars().take(2).ne(long.chars().take(2)) {
        return false;
    }
    let s: Vec<char> = short.chars().collect();
    let l: Vec<char> = long.chars().collect();
    let head = s.iter().zip(&l).take_while(|(a, b)| a == b).count();
    let tail = s
        .iter()
        .rev()
        .zip(l.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    if s.len() >= l.len() || head < 2 || tail < 2 || head + tail >= s.len() {
        return false;
    }
    let ending: String = s[s.len() - tail..].iter().collect();
    let of_a_kind = lexicons
        .suffixes
        .iter()
        .any(|x| ending.ends_with(x.text.as_str()));
    // After the shared head, each char comes from another word of the full name: none right
    // after the char before it (国有企业改革 is not 国有大中型企业股份制改革 abbreviated).
    let mut at = head;
    let one_per_word = s[head..s.len() - tail].iter().all(|c| {
        // Past the full name's last word, nothing is left to take a char from.
        let rest = l.get(at + 1..l.len() - tail).unwrap_or_default();
        match rest.iter().position(|d| d == c) {
            Some(i) => {
                at += 1 + i + 1;
                true
            }
            None => false,
        }
    });
    of_a_kind && one_per_word
}

/// Whether `short` names the program `long` names after the place it is held in (冬奥会 for
/// 北京冬奥会, 河北 2022; 国际工业设计周 for 河北国际工业设计周): `long` is a division's or a known
/// place's name and `short`, of three chars or more. Only where one such name is in the report
/// (北京冬奥会 and 米兰冬奥会 leave 冬奥会 alone).
fn drops_the_host(short: &str, long: &str, resolver: &Resolver) -> bool {
    let Some(host) = long.strip_suffix(short) else {
        return false;
    };
    short.chars().count() >= 3
        && host.chars().count() >= 2
        && (resolver.names_a_division(host)
            || resolver
                .gazetteer
                .knowledge
                .lookup(host)
                .is_some_and(|e| e.class().as_str() == "Place"))
}

/// Whether `short` names the body numbered in `long` without its ordinal's 第 and its owner
/// (七医院 for 南昌市第七医院, seed; 三医院, 二中学 in any city's report).
fn drops_the_ordinal(short: &str, long: &str) -> bool {
    short.starts_with(is_chinese_numeral)
        && long
            .strip_suffix(short)
            .is_some_and(|owner| owner.ends_with('第') && owner.len() > '第'.len_utf8())
}

/// The jurisdiction and its parents are entities even where the text never names them again.
fn add_jurisdiction_chain(entities: &mut Vec<Entity>, resolver: &Resolver) {
    let j = resolver.jurisdiction;
    for d in &j.chain {
        if entities.iter().any(|e| e.label == d.name) {
            continue;
        }
        let canonical = resolver.canonical(&d.name, "Place");
        let is_body = Some(d) == j.body();
        entities.push(Entity {
            iri: resolver.entity_iri("Place", &canonical),
            class: "Place".into(),
            subclass: DIVISION.map(str::to_owned),
            label: d.name.clone(),
            aliases: BTreeSet::new(),
            mentions: j
                .span
                .filter(|_| is_body)
                .map(|span| Provenance {
                    span,
                    rule: "text.jurisdiction".into(),
                })
                .into_iter()
                .collect(),
            definition: None,
        });
    }
}
