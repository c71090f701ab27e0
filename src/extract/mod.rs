//! Extract stage: the rules engine over a laid-out document. Output is plain data (mentions of
//! entities, quantities and relations, each with its span and rule id); names are resolved to
//! entities in the next stage. Extraction never fails on input text.

mod check;
mod edges;
mod engine;
mod known;
mod lists;
mod names;
mod quantity;
mod quote;
mod route;

use std::collections::{BTreeMap, HashSet};
use std::sync::{Arc, LazyLock};

use rayon::prelude::*;
use regex::Regex;

use crate::memo::Memo;
use crate::rules::{
    Class, DIVISIONS, Kind, Lexicons, Relation, Rule, RuleSet, Scope, compile_regex,
};
use crate::text::{Document, Segmenter, Span, Token, Words, is_chinese_numeral};

pub use check::{CheckOutcome, CheckResult, check};
pub use engine::{Hit, apply, apply_regex};
pub use known::{KNOWN_NAME_RULE, Known, KnownNames};
use names::is_han;
pub use names::{ends_with_any, is_name, is_term, starts_with_any};
pub use quantity::{Comparator, Measure, QuantityKind, parse_number};
pub use quote::{is_quote, strip_quotes};
pub use route::ROUTE_RULE;

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
    pub relation: Relation,
    pub subject: (String, Span),
    pub object: (String, Span),
    pub span: Span,
    /// The `kind` group: the common noun of created subjects (A、B等大型商业综合体).
    pub kind: Option<String>,
}

/// Everything the rules found in one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub entities: Vec<EntityMention>,
    pub quantities: Vec<QuantityMention>,
    pub relations: Vec<RelationMention>,
}

/// A text a rule reads.
struct Input<'d> {
    span: Span,
    /// The normalized text and its words.
    words: Words<'d>,
    /// A glossary term's definition (the term is the entity it defines).
    definition: Option<Span>,
    /// A glossary definition's term, or the quote that announces a listed paragraph: what the
    /// text speaks of where a relation rule captures one side only.
    term: Option<Span>,
}

/// The words of every sentence of `doc`, in order, each sentence segmented once.
pub fn tokens(doc: &Document, segmenter: &Segmenter) -> Vec<Token> {
    doc.layout
        .sentences
        .iter()
        .flat_map(|s| segmenter.tokens(doc.norm_slice(s.span), s.span.start))
        .collect()
}

/// The texts a rule of `scope` reads, with their words (`tokens`, of the whole document).
fn inputs<'d>(doc: &'d Document, tokens: &[Token], scope: Scope) -> Vec<Input<'d>> {
    let input = |span: Span| Input {
        span,
        words: Words::within(doc.norm_slice(span), span.start, tokens),
        definition: None,
        term: None,
    };
    match scope {
        Scope::Sentence => doc.layout.sentences.iter().map(|s| input(s.span)).collect(),
        Scope::Body => doc
            .layout
            .sentences
            .iter()
            .filter(|s| !doc.layout.paragraphs[s.paragraph].in_glossary)
            .map(|s| input(s.span))
            .collect(),
        Scope::GlossaryTerm => doc
            .layout
            .glossary
            .iter()
            .map(|g| Input {
                definition: Some(g.definition),
                ..input(g.term)
            })
            .collect(),
        Scope::GlossaryEntry => doc
            .layout
            .glossary
            .iter()
            .map(|g| input(Span::new(g.term.start, g.definition.end)))
            .collect(),
        Scope::GlossaryDefinition => doc
            .layout
            .glossary
            .iter()
            .map(|g| Input {
                term: Some(g.term),
                ..input(g.definition)
            })
            .collect(),
        Scope::ListedParagraph => doc
            .layout
            .listings
            .iter()
            .flat_map(|l| l.items.iter().map(move |&p| (l.term, p)))
            .filter_map(|(term, p)| {
                let first = doc.layout.sentences.iter().find(|s| s.paragraph == p)?;
                Some(Input {
                    term: Some(term),
                    ..input(first.span)
                })
            })
            .collect(),
    }
}

/// Patterns with `{{divisions}}` filled in, compiled: reports of one jurisdiction name the
/// same divisions, so each is compiled once a build (hundreds of names take milliseconds) and
/// its lazy DFA stays warm from one report to the next. Bounded: a corpus of many
/// jurisdictions starts afresh now and then instead of growing.
static DIVISION_PATTERNS: LazyLock<Memo<Option<Arc<Regex>>>> = LazyLock::new(|| Memo::new(64));

/// A rule's pattern with `{{divisions}}` replaced by the names a document can use.
fn regex_for(rule: &Rule, divisions: &[String]) -> Option<Arc<Regex>> {
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
    DIVISION_PATTERNS.get_or_make(pattern.clone(), || {
        compile_regex(&pattern).ok().map(Arc::new)
    })
}

/// Runs every active rule over the document. `divisions` are the administrative divisions the
/// document can name (for patterns with `{{divisions}}`); `known` the names of general
/// knowledge, found where they stand as whole words.
pub fn extract(
    doc: &Document,
    rules: &RuleSet,
    divisions: &[String],
    known: &KnownNames,
) -> Extraction {
    let tokens = tokens(doc, &rules.segmenter);
    // Each scope's texts and their words once, shared by the rules that read them.
    let mut scopes: Vec<(Scope, Vec<Input>)> = Vec::new();
    for rule in rules.active() {
        if scopes.iter().all(|(s, _)| *s != rule.scope) {
            scopes.push((rule.scope, inputs(doc, &tokens, rule.scope)));
        }
    }
    let texts_of = |scope: Scope| scopes.iter().find(|(s, _)| *s == scope).map(|(_, t)| t);
    let work: Vec<(&Rule, &Vec<Input>)> = rules
        .active()
        .filter_map(|rule| Some((rule, texts_of(rule.scope)?)))
        .collect();
    let hits_per_rule = match_rules(&work, rules, divisions);
    // What the hits mean is decided in rule order (a quantity may take an earlier one's
    // indicator).
    let (mut entities, mut nested) = known.find(doc, &tokens);
    let (routes, route_parts) = route::find(doc, &tokens, &rules.lexicons, divisions);
    entities.extend(routes);
    nested.extend(route_parts);
    let mut found = Found {
        entities,
        nested,
        ..Found::default()
    };
    for ((rule, texts), hits_per_input) in work.iter().zip(hits_per_rule) {
        for (input, hits) in texts.iter().zip(hits_per_input) {
            for hit in &hits {
                found.record(doc, rules, rule, input, hit);
            }
        }
    }
    found.finish(doc, &tokens, &rules.lexicons)
}

/// The hits of each rule on each of its inputs, in rule order. Rules are matched in parallel
/// on rayon's long-lived workers, not on threads started per report: a regex keeps its lazy
/// DFA's cache per thread (in a pool keyed by the thread), so a thread started for each report
/// begins with cold caches and the states of the whole rule set are built again, report after
/// report, and kept, which cost a quarter of a corpus build and much of its memory.
fn match_rules(
    work: &[(&Rule, &Vec<Input>)],
    rules: &RuleSet,
    divisions: &[String],
) -> Vec<Vec<Vec<Hit>>> {
    work.par_iter()
        .map(|(rule, texts)| {
            let per_document = regex_for(rule, divisions);
            let regex = per_document.as_deref().unwrap_or(&rule.regex);
            texts
                .iter()
                .map(|input| apply_regex(rule, regex, &rules.lexicons, &input.words))
                .collect()
        })
        .collect()
}

/// The mentions found so far; names inside names beside the overlap policy, not under it.
#[derive(Default)]
struct Found {
    entities: Vec<EntityMention>,
    nested: Vec<EntityMention>,
    quantities: Vec<QuantityMention>,
    relations: Vec<RelationMention>,
}

impl Found {
    /// What one hit of `rule` on `input` means.
    fn record(&mut self, doc: &Document, rules: &RuleSet, rule: &Rule, input: &Input, hit: &Hit) {
        let (span, words) = (input.span, &input.words);
        let text = words.text;
        let base = doc.byte_at_char(span.start);
        let to_span = |r: &std::ops::Range<usize>| doc.span_of_bytes(base + r.start, base + r.end);
        match rule.kind {
            Kind::Entity if hit.groups.contains_key("names") => {
                let listed = listed_names(words, rule, &rules.lexicons, hit, to_span);
                self.entities.extend(listed);
            }
            Kind::Entity => {
                // An entity rule's hit has its class (`entity_hit`); a list's items are typed above.
                let Some((class, subclass)) = hit.class.clone() else {
                    return;
                };
                let written = &text[hit.range.clone()];
                // A bracket opened or closed without its pair cuts an aside in two: no name
                // (“(2条路径” where a quote holds a stray bracket).
                if written.matches('(').count() != written.matches(')').count() {
                    return;
                }
                let surface = match class {
                    Class::Organization => without_term(written),
                    _ => None,
                };
                let mention = EntityMention {
                    rule: rule.id.clone(),
                    priority: rule.priority,
                    class: class.name().to_owned(),
                    subclass,
                    surface: surface.unwrap_or_else(|| written.to_owned()),
                    span: to_span(&hit.range),
                    definition: input.definition,
                };
                if rule.nested {
                    self.nested.push(mention);
                } else {
                    self.entities.push(mention);
                }
            }
            Kind::Quantity => {
                let q = quantity::interpret(doc, rules, rule, span, words, hit, &self.quantities);
                self.quantities.extend(q);
            }
            Kind::Relation => {
                let side = |one: &str, many: &str| side(doc, rules, rule, input, hit, one, many);
                for subject in side("subject", "subjects") {
                    for object in side("object", "objects") {
                        self.relations.push(RelationMention {
                            rule: rule.id.clone(),
                            relation: rule.emit.relation.expect("checked at load"),
                            subject: subject.clone(),
                            object,
                            span: to_span(&hit.range),
                            kind: hit.groups.get("kind").map(|r| text[r.clone()].to_owned()),
                        });
                    }
                }
            }
        }
    }

    /// The mentions in order: quantities read once each, longest entity names kept where
    /// they overlap, shared endings added, nested names beside them.
    fn finish(self, doc: &Document, tokens: &[Token], lexicons: &Lexicons) -> Extraction {
        let Found {
            entities,
            mut nested,
            mut quantities,
            mut relations,
        } = self;
        quantities.sort_by_key(|q| (q.span, q.rule.clone()));
        quantities.dedup_by(|b, a| a.span == b.span);
        quantity::assign_respectively(doc, lexicons, &mut quantities);
        relations.sort_by(|a, b| (a.span, &a.rule).cmp(&(b.span, &b.rule)));
        let mut entities = entities;
        for name in &mut entities {
            if let Some(start) = quote::modifiers_before(doc, tokens, name, lexicons) {
                name.span.start = start;
                name.surface = doc.norm_slice(name.span).to_owned();
            }
        }
        // 实施市场、政务…信用环境提升工程: the list of fields before a program is in its name.
        let list_starts: Vec<Option<usize>> = entities
            .iter()
            .map(|e| lists::list_before_a_program(doc, tokens, e, &entities, lexicons))
            .collect();
        for (name, start) in entities.iter_mut().zip(list_starts) {
            if let Some(start) = start {
                name.span.start = start;
                name.surface = doc.norm_slice(name.span).to_owned();
            }
        }
        let mut entities = resolve_overlaps(entities);
        let mut shared = shared_endings(doc, tokens, &entities, lexicons);
        shared.extend(listed_before_an_ending(doc, tokens, &entities, lexicons));
        let shared_spans: HashSet<Span> = shared.iter().map(|s| s.span).collect();
        entities.retain(|e| !shared_spans.contains(&e.span));
        entities.extend(shared);
        let spans: HashSet<Span> = entities.iter().map(|e| e.span).collect();
        nested.retain(|n| !spans.contains(&n.span));
        entities.extend(nested);
        entities.sort_by_key(|m| m.span);
        Extraction {
            entities,
            quantities,
            relations,
        }
    }
}

/// 省十四届人大, 区第五届人大: a body named with the term of its congress is the body (省人大):
/// the term says when, not who.
fn without_term(name: &str) -> Option<String> {
    let (head, body) = name.split_once('届')?;
    let level = head.trim_end_matches(is_chinese_numeral);
    let owner = level.strip_suffix('第').unwrap_or(level);
    let counted = level.len() < head.len();
    (counted && !owner.is_empty() && body.chars().count() >= 2).then(|| format!("{owner}{body}"))
}

/// One side of a relation hit: the group `one`, else the items of the list in `many`, else
/// what the text speaks of (a glossary definition its term, a listed paragraph the quote
/// that announced it).
fn side(
    doc: &Document,
    rules: &RuleSet,
    rule: &Rule,
    input: &Input,
    hit: &Hit,
    one: &str,
    many: &str,
) -> Vec<(String, Span)> {
    let words = &input.words;
    let base = doc.byte_at_char(input.span.start);
    let to_span = |r: &std::ops::Range<usize>| doc.span_of_bytes(base + r.start, base + r.end);
    match (hit.groups.get(one), hit.groups.get(many)) {
        (Some(r), _) => vec![(words.text[r.clone()].to_owned(), to_span(r))],
        (None, Some(r)) => list_items(&words.slice(r.clone()), rule, &rules.lexicons)
            .into_iter()
            .map(|(a, b)| {
                let item = r.start + a..r.start + b;
                (without_asides(&words.text[item.clone()]), to_span(&item))
            })
            .collect(),
        (None, None) => input
            .term
            .map(|t| (doc.norm_slice(t).to_owned(), t))
            .into_iter()
            .collect(),
    }
}

/// The items of an enumeration (A、B和C), as byte ranges of `text`: split at the
/// `list_separator` words, each cut after the rule's `trim` words (西湖区辖区内的赣江 → 赣江)
/// and before a `list_end` word (传承历史文脉等十大战役 → 传承历史文脉).
/// An item without what the text adds in brackets (潮王洲(朝阳洲) → 潮王洲, 新添(填)洲 →
/// 新添洲) and without spaces.
fn without_asides(item: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in item.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 && !c.is_whitespace() => out.push(c),
            _ => {}
        }
    }
    out
}

fn list_items(words: &Words, rule: &Rule, lexicons: &Lexicons) -> Vec<(usize, usize)> {
    let text = words.text;
    let separators = lexicons.words("list_separator");
    let mut items = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        // A separator stands whole: 参与 and 和谐 hold none.
        match edges::whole_word_at(words, i, separators) {
            Some(s) => {
                items.push((start, i));
                i += s.len();
                start = i;
            }
            None => i += text[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    items.push((start, text.len()));
    for (a, b) in &mut items {
        // 以党的建设为“主核”: the item is what takes the role, not the role.
        if let Some(cut) = lexicons
            .words("item_role")
            .iter()
            .filter_map(|w| text[*a..*b].find(w.as_str()))
            .min()
        {
            *b = *a + cut;
        }
        if let Some(cut) = lexicons
            .words("list_end")
            .iter()
            .filter_map(|w| text[*a..*b].find(w.as_str()))
            .min()
        {
            *b = *a + cut;
        }
        if let Some(list) = &rule.trim {
            *a = edges::trim_left(words, &(*a..*b), lexicons, list);
        }
    }
    items.retain(|(a, b)| text[*a..*b].chars().count() >= 2);
    items
}

/// The names of a list a rule's `names` group holds, typed by their own ending or else by the
/// `kind` after the list (铁一小、广南学校四个教育集团: 铁一小 is a body; 万寿宫、进贤仓三大历史
/// 街区: 进贤仓 is a place). A kind whose ending names share (东风、西湖等5个社区) completes an
/// item without it (东风社区). Items that are no names, and lists of a kind no ending types
/// as a place or a body, give nothing.
fn listed_names(
    words: &Words,
    rule: &Rule,
    lexicons: &Lexicons,
    hit: &Hit,
    to_span: impl Fn(&std::ops::Range<usize>) -> Span,
) -> Vec<EntityMention> {
    let (Some(names), Some(kind)) = (hit.groups.get("names"), hit.groups.get("kind")) else {
        return Vec::new();
    };
    // The kind is the longest run of the words after the count that ends in a place's or a
    // body's ending (夜市街区, not 夜市街; 社区 of 社区建设), two chars or more (收支两条线 has
    // no kind). Programs listed before their count (A、B等十大战役) are verb phrases the
    // enumeration rules read whole, unless their ending, right after 等, is one the items share
    // (A、B等专项行动; not A、B等七大专项行动), and an ending that needs an owner is no kind
    // (省域中心城市).
    let text = words.text;
    let written = &text[kind.clone()];
    let right_after_deng = text[..kind.start].ends_with('等');
    let Some((kind, kind_suffix)) = written
        .char_indices()
        .rev()
        .map(|(i, c)| &written[..i + c.len_utf8()])
        .filter(|words| words.chars().count() >= 2)
        .find_map(|words| {
            lexicons
                .suffix_of(words)
                .or_else(|| lexicons.suffixes.iter().find(|s| s.text == words))
                .filter(|s| {
                    let shared = right_after_deng && shared_ending(words, lexicons).is_some();
                    (s.class != Class::Program || shared) && !s.owned
                })
                .map(|s| (words, s))
        })
    else {
        return Vec::new();
    };
    let shared = shared_ending(kind, lexicons);
    list_items(&words.slice(names.clone()), rule, lexicons)
        .into_iter()
        .filter_map(|(a, b)| {
            let range = names.start + a..names.start + b;
            let item = &without_asides(&text[range.clone()]);
            let surface = match shared {
                Some(e) if !item.ends_with(e.as_str()) => format!("{item}{e}"),
                _ => item.to_owned(),
            };
            // 新建、改扩建200所幼儿园: verbs listed are no names.
            let a_boundary_word = rule
                .trim
                .as_ref()
                .is_some_and(|list| lexicons.words(list).contains(item));
            if a_boundary_word || !is_name(&surface, lexicons) {
                return None;
            }
            let suffix = lexicons.suffix_of(&surface).unwrap_or(kind_suffix);
            Some(EntityMention {
                rule: rule.id.clone(),
                priority: rule.priority,
                class: suffix.class.name().to_owned(),
                subclass: suffix.subclass.clone(),
                surface,
                span: to_span(&range),
                definition: None,
            })
        })
        .collect()
}

/// The `shared_ending` word (社区, 村 …) `words` end with, if any.
fn shared_ending<'l>(words: &str, lexicons: &'l Lexicons) -> Option<&'l String> {
    lexicons
        .words("shared_ending")
        .iter()
        .find(|e| words.ends_with(e.as_str()))
}

/// Whether `c` is a list separator of one char (、, 和, 与, 及).
fn one_char_separator(c: char, lexicons: &Lexicons) -> bool {
    lexicons
        .words("list_separator")
        .iter()
        .any(|s| s.chars().eq(std::iter::once(c)))
}

/// The rule id of names that take their ending from the next name of a pair.
pub const SHARED_ENDING_RULE: &str = "extract.shared_ending";

/// 里洲与桃苑社区: two names joined by a list separator may share the second one's ending
/// (one of the `shared_ending` words); the first is then a name too (里洲社区), where its words
/// start a clause or a word (力促|雄商、雄忻高铁), are as long as the second's (two or three chars), have no such
/// ending of their own and are no name already.
fn shared_endings(
    doc: &Document,
    tokens: &[Token],
    found: &[EntityMention],
    lexicons: &Lexicons,
) -> Vec<EntityMention> {
    let mut shared = Vec::new();
    // Places share their endings (雄商、雄忻高铁); a campaign that ends like one does not
    // (京津冀消费季、汽车下乡: no 消费季乡).
    for m in found.iter().filter(|m| m.class == Class::Place.name()) {
        let Some(ending) =
            shared_ending(&m.surface, lexicons).filter(|e| m.surface.len() > e.len())
        else {
            continue;
        };
        let before: Vec<char> = doc
            .norm_slice(Span::new(m.span.start.saturating_sub(6), m.span.start))
            .chars()
            .collect();
        // A comma ends a clause, not an item.
        let joined = before
            .last()
            .is_some_and(|&c| c != ',' && one_char_separator(c, lexicons));
        if !joined {
            continue;
        }
        let words: Vec<char> = before[..before.len() - 1]
            .iter()
            .rev()
            .take_while(|c| is_han(**c))
            .copied()
            .collect();
        // The pair is parallel: both names as long as each other without the ending.
        let mut head = m.surface[..m.surface.len() - ending.len()].chars().count();
        // A first name one char shorter starts after the separator before it (京张体育文化旅游带和
        // 长城、大运河文化旅游带: 长城, not 和长城).
        if head == 3
            && words
                .get(2)
                .is_some_and(|c| one_char_separator(*c, lexicons))
        {
            head = 2;
        }
        if !(2..=3).contains(&head) || words.len() < head {
            continue;
        }
        let end = m.span.start - 1;
        let span = Span::new(end - head, end);
        // The first name starts a clause or a word (力促|雄商、雄忻高铁).
        let starts_clause = words.len() == head && words.len() < before.len() - 1;
        let starts_a_word = tokens
            .binary_search_by_key(&span.start, |t| t.span.start)
            .is_ok();
        if !(starts_clause || starts_a_word) {
            continue;
        }
        let name: String = words[..head].iter().rev().collect();
        // 里洲 (an islet) with 社区 after it is the community's name; other names stand.
        let named = found.iter().any(|f| {
            (f.span.contains(span) || span.contains(f.span))
                && !(f.span == span && f.class == m.class)
        });
        if named || shared_ending(&name, lexicons).is_some() {
            continue;
        }
        shared.push(EntityMention {
            rule: SHARED_ENDING_RULE.into(),
            surface: format!("{name}{ending}"),
            span,
            definition: None,
            ..m.clone()
        });
    }
    shared
}

/// 石家庄、唐山等机场: places listed before 等 and one of the `shared_ending` words, standing
/// whole, are each a name with that ending (石家庄机场, 唐山机场), where none has such an
/// ending of its own.
fn listed_before_an_ending(
    doc: &Document,
    tokens: &[Token],
    found: &[EntityMention],
    lexicons: &Lexicons,
) -> Vec<EntityMention> {
    let starts_a_word = |at: usize| tokens.binary_search_by_key(&at, |t| t.span.start).is_ok();
    let mut spelled = Vec::new();
    for (i, last) in found.iter().enumerate() {
        let after = Span::new(last.span.end, (last.span.end + 6).min(doc.char_len()));
        let Some(rest) = doc.norm_slice(after).strip_prefix('等') else {
            continue;
        };
        let Some(ending) = lexicons
            .words("shared_ending")
            .iter()
            .filter(|e| rest.starts_with(e.as_str()))
            .find(|e| starts_a_word(last.span.end + 1 + e.chars().count()) || rest == e.as_str())
        else {
            continue;
        };
        if !starts_a_word(last.span.end + 1) {
            continue;
        }
        // The list: this place and those before it, each after a 、.
        let mut items = vec![last];
        for item in found[..i].iter().rev() {
            let joined = item.span.end + 1 == items[items.len() - 1].span.start
                && doc.norm_slice(Span::new(item.span.end, item.span.end + 1)) == "、";
            if !joined {
                break;
            }
            items.push(item);
        }
        let places = items.iter().all(|m| {
            m.class == Class::Place.name() && shared_ending(&m.surface, lexicons).is_none()
        });
        if !places {
            continue;
        }
        spelled.extend(items.into_iter().map(|m| {
            let surface = format!("{}{ending}", m.surface);
            EntityMention {
                rule: SHARED_ENDING_RULE.into(),
                subclass: lexicons
                    .suffix_of(&surface)
                    .and_then(|s| s.subclass.clone()),
                surface,
                ..m.clone()
            }
        }));
    }
    spelled
}

/// Where entity mentions overlap: one inside a longer one is dropped (西湖区 inside
/// 西湖区城投公司); where two cross, the higher priority wins (河北 over 美丽河 in 美丽河北);
/// ties go to the earlier start.
fn resolve_overlaps(mut found: Vec<EntityMention>) -> Vec<EntityMention> {
    found.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(b.priority.cmp(&a.priority))
            .then(a.span.start.cmp(&b.span.start))
            .then(a.rule.cmp(&b.rule))
    });
    // The kept names never overlap one another, so ordered by start their ends increase too:
    // those overlapping a new name are found by walking back from its end, not by a scan of
    // all (a megabyte line repeating a few names holds a hundred thousand of them).
    let mut kept: BTreeMap<(usize, usize), EntityMention> = BTreeMap::new();
    for m in found {
        let overlapping: Vec<(usize, usize)> = kept
            .range(..(m.span.end, 0))
            .rev()
            .take_while(|((_, end), _)| *end > m.span.start)
            .map(|(key, _)| *key)
            .collect();
        let inside_kept = overlapping.iter().any(|k| kept[k].span.contains(m.span));
        let outranks = overlapping.iter().all(|k| m.priority > kept[k].priority);
        if overlapping.is_empty() || (!inside_kept && outranks) {
            for key in &overlapping {
                kept.remove(key);
            }
            kept.insert((m.span.start, m.span.end), m);
        }
    }
    kept.into_values().collect()
}
