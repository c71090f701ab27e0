//! Running one rule over one piece of text. The engine and the rule examples
//! ([`super::check`]) share this, so an example tests exactly what a build does.

use std::collections::BTreeMap;
use std::ops::Range;

use regex::Regex;

use super::edges::{count_start, dot_joined_start, extension, left_edge, trim_left, whole_word_at};
use super::names::{
    describes_no_place, ends_with_any, is_han, is_name, is_numbered_layout, is_term, names_a_kind,
    starts_with_any,
};
use super::quote::{
    a_list_of_phrases, a_piece_of_a_quote, spoken_of_otherwise, strip_quotes, unquote,
};
use crate::rules::{Class, ClassChoice, Kind, Lexicons, Rule, Scope, Suffix};
use crate::text::{Words, is_chinese_numeral};

/// What one match of a rule yields, in byte ranges of the text it ran on.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The entity name, the number with its unit, or the whole relation match.
    pub range: Range<usize>,
    /// Named groups that matched.
    pub groups: BTreeMap<String, Range<usize>>,
    /// Entity rules: the class and subclass of the name.
    pub class: Option<(Class, Option<String>)>,
}

/// Runs `rule` over a text and its words.
pub fn apply(rule: &Rule, lexicons: &Lexicons, words: &Words) -> Vec<Hit> {
    apply_regex(rule, &rule.regex, lexicons, words)
}

/// Runs `rule` over a text and its words with `regex` (the rule's own, or its per-document
/// form).
pub fn apply_regex(rule: &Rule, regex: &Regex, lexicons: &Lexicons, words: &Words) -> Vec<Hit> {
    let text = words.text;
    let mut hits = Vec::new();
    let mut pos = 0;
    while let Some(found) = regex.find_at(text, pos) {
        // Groups are costly to find over a whole sentence (the suffix alternations are large):
        // find the match first, then its groups within it, over the whole text only if that
        // reads the match differently.
        let Some(caps) = regex
            .captures_at(&text[..found.end()], found.start())
            .filter(|c| c.get(0).map(|m| m.range()) == Some(found.range()))
            .or_else(|| regex.captures_at(text, pos))
        else {
            break;
        };
        let whole = caps.get(0).unwrap().range();
        let groups: BTreeMap<String, Range<usize>> = regex
            .capture_names()
            .flatten()
            .filter_map(|n| caps.name(n).map(|m| (n.to_owned(), m.range())))
            .collect();
        let hit = match rule.kind {
            // A list of names: extract splits it and types its items.
            Kind::Entity if groups.contains_key("names") => Some(Hit {
                range: whole.clone(),
                groups,
                class: None,
            }),
            Kind::Entity => entity_hit(rule, lexicons, words, whole.clone(), groups),
            // A number with its unit and whatever else the rule names after it (七大: 大).
            Kind::Quantity => groups.get("value").map(|v| {
                let end = groups.values().map(|g| g.end).fold(v.end, usize::max);
                Hit {
                    range: v.start..end,
                    groups: groups.clone(),
                    class: None,
                }
            }),
            Kind::Relation => Some(Hit {
                range: whole.clone(),
                groups,
                class: None,
            }),
        };
        // The next number may take this one's last char as its left context (38天35例: 天 is
        // what stands before 35). Names and rejected matches are skipped whole: a name's
        // last char would start a name inside it.
        let last_char_of = |r: &Range<usize>| {
            text[r.clone()]
                .char_indices()
                .last()
                .map(|(i, _)| r.start + i)
        };
        let next = match (&hit, rule.kind, &rule.trim) {
            (Some(h), Kind::Quantity, _) => last_char_of(&h.range),
            // 推动湖畔文旅商圈: a match its boundary words cut down to its last char (推动|湖)
            // leaves that char to start the next name.
            // 实施战略|性新兴产业集群发展工程: a program's match that ends inside a word
            // (战略性) leaves that word to start the next name.
            (None, Kind::Entity, Some(list)) => caps.name("name").and_then(|n| {
                let program = matches!(rule.class, Some(ClassChoice::Fixed(Class::Program)));
                if let Some((word, _)) = words
                    .word_at(n.end())
                    .filter(|(w, _)| program && w.start < n.end())
                {
                    return Some(word.start);
                }
                let last = last_char_of(&n.range())?;
                (trim_left(words, &n.range(), lexicons, list) == last).then_some(last)
            }),
            _ => None,
        }
        .unwrap_or(whole.end);
        pos = if next > pos {
            next
        } else {
            pos + text[pos..].chars().next().map_or(1, char::len_utf8)
        };
        // A name that ran on past its match (抚河中大道) covers the next match (中大道).
        if let Some(hit) = hit.filter(|h| {
            hits.last()
                .is_none_or(|p: &Hit| p.range.end <= h.range.start)
        }) {
            hits.push(hit);
        }
        if pos > text.len() {
            break;
        }
    }
    hits
}

fn entity_hit(
    rule: &Rule,
    lexicons: &Lexicons,
    words: &Words,
    whole: Range<usize>,
    groups: BTreeMap<String, Range<usize>>,
) -> Option<Hit> {
    let text = words.text;
    let mut range = groups.get("name")?.clone();
    // A nested name is the head of a longer one by construction: it does not run on.
    if let (Some(ClassChoice::Fixed(class)), false) = (&rule.class, rule.nested) {
        // 朝阳新城 + 滨江综合体 + 消费商圈: a name may run on more than once.
        loop {
            let more = extension(words, range.end, *class, lexicons);
            if more == 0 {
                break;
            }
            range.end += more;
        }
    }
    range.start = left_edge(rule, lexicons, words, &range)?;
    let quote = unquote(text, range, lexicons);
    let range = quote_before_a_split_word(words, quote.range.clone(), lexicons);
    let name = &text[range.clone()];
    if quote.marked && !quote.kind_after && a_list_of_phrases(name, &text[range.end..], lexicons) {
        return None;
    }
    let by_suffix_alone = !quote.marked;
    if let (true, Some(ClassChoice::Fixed(class))) = (by_suffix_alone, &rule.class) {
        if a_piece_of_a_quote(text, &range, *class, lexicons) {
            return None;
        }
    }
    // A glossary term is a name the report gives, whatever it ends with (无废城区).
    // …and so is a name in quotes (“散工超市”): the text itself marks where it ends.
    let term = rule.scope == Scope::GlossaryTerm || quote.opens_quoted;
    let named = if term {
        // A glossary term is the report's own, whatever it ends with (“五类”土地, seed).
        is_term(name, lexicons)
            && (rule.scope == Scope::GlossaryTerm || !runs_on_to_a_common_noun(name, lexicons))
    } else {
        is_name(name, lexicons)
    };
    // 政协委|员, 南站街|道: a name ends where a word does.
    let ends_inside_a_word = !words.is_edge(range.end) && text[range.end..].starts_with(is_han);
    if modifies_the_next_word(rule, name, words, range.end, lexicons) {
        return None;
    }
    if !named || ends_inside_a_word {
        return None;
    }
    if spoken_of_otherwise(rule, name, text, &whole, &range, lexicons)
        || (by_suffix_alone && names_a_kind(name, &text[..range.start]))
    {
        return None;
    }
    let class = class_of(rule.class.as_ref()?, name, term, quote.kind_after, lexicons)?;
    let class = class_in_context(rule, name, text, range.start, class, lexicons)?;
    // A name joined by a middle dot to the words before it starts before the match; a program
    // that counts its members after a list of them starts at the count.
    let start = match &rule.trim {
        Some(list) if by_suffix_alone => {
            let joined = dot_joined_start(words, range.start, lexicons, list, class.0);
            match class.0 {
                Class::Program => count_start(text, &(joined..range.end)),
                _ => joined,
            }
        }
        _ => range.start,
    };
    let range = start..range.end;
    Some(Hit {
        range,
        groups,
        class: Some(class),
    })
}

/// The class a name's words give it, read against what it names: a layout's parts counted in
/// the body are a place; a place that describes none, or a kind of body, is no name; a place a
/// campaign is named after is the campaign.
fn class_in_context(
    rule: &Rule,
    name: &str,
    text: &str,
    start: usize,
    class: (Class, Option<String>),
    lexicons: &Lexicons,
) -> Option<(Class, Option<String>)> {
    // “两翼两区三群六带”, “双核”: a layout's parts counted in the body are a place; a glossary
    // defines its term, which may count anything (seed: 一核四翼, a core and wings of work).
    let by_suffix = matches!(rule.class, Some(ClassChoice::BySuffix { .. }));
    let class =
        if by_suffix && rule.scope != Scope::GlossaryTerm && is_numbered_layout(name, lexicons) {
            (Class::Place, None)
        } else {
            class
        };
    if class.0 == Class::Place && describes_no_place(name, text, start, lexicons) {
        return None;
    }
    // 乡镇卫生院, 农村中小学: every body of a kind, no body.
    if class.0 == Class::Organization && starts_with_any(name, lexicons.words("kind_lead")) {
        return None;
    }
    // 智慧西湖, 平安社区, 城管进社区: a campaign named after the place it improves or goes to,
    // not the place.
    let campaign = starts_with_any(name, lexicons.words("program_lead"))
        || ends_with_any(name, lexicons.words("program_end"));
    Some(if class.0 == Class::Place && campaign {
        (Class::Program, None)
    } else {
        class
    })
}

/// Whether a program's name found by its ending ends in a word that also qualifies the noun
/// after it (`open_ending`: 战略|部署, 战略|投资者, 发展战略|全局): the name goes on to a clause
/// break, a function word or a boundary word (乡村振兴战略和…), or it is none.
fn modifies_the_next_word(
    rule: &Rule,
    name: &str,
    words: &Words,
    end: usize,
    lexicons: &Lexicons,
) -> bool {
    let program = matches!(rule.class, Some(ClassChoice::Fixed(Class::Program)));
    let next = words.word_at(end).filter(|(w, _)| w.start == end);
    program
        && ends_with_any(name, lexicons.words("open_ending"))
        && next.is_some_and(|(w, pos)| {
            words.text[w.clone()].starts_with(is_han)
                && !pos.is_function()
                && whole_word_at(words, end, lexicons.words("boundary")).is_none()
        })
}

/// Whether a quoted name runs on past its quote to a common noun's ending (实现了“十四五”良好开局,
/// 河北 2022: 开局 ends in 局, no body's), not to a layout's kind (“两翼两区三群六带”发展布局).
fn runs_on_to_a_common_noun(name: &str, lexicons: &Lexicons) -> bool {
    name.split_once('”').is_some_and(|(_, run_on)| {
        ends_with_any(run_on, lexicons.words("not_a_name_end"))
            && !lexicons.words("layout_kind").iter().any(|k| k == run_on)
    })
}

/// “农超对接”试点|工作 (河北 2010): a name that runs on past its closing quote into the middle
/// of a word is the quote alone, unless the quote is a campaign's lead word, a quality
/// (seed: “智慧”办税新模式).
fn quote_before_a_split_word(
    words: &Words,
    range: Range<usize>,
    lexicons: &Lexicons,
) -> Range<usize> {
    let text = words.text;
    let split = !words.is_edge(range.end) && text[range.end..].starts_with(is_han);
    match text[range.clone()].rfind('”') {
        Some(close)
            if split
                && !lexicons
                    .words("program_lead")
                    .iter()
                    .any(|w| *w == text[range.start..range.start + close]) =>
        {
            range.start..range.start + close
        }
        _ => range,
    }
}

/// The class (and subclass) of a name a rule found, or `None` where its ending says it is
/// another rule's name. `term`: the report marks where the name ends (a glossary term, a
/// quote); `kind_after`: a kind after the quote (品牌) says what it names.
fn class_of(
    choice: &ClassChoice,
    name: &str,
    term: bool,
    kind_after: bool,
    lexicons: &Lexicons,
) -> Option<(Class, Option<String>)> {
    match choice {
        ClassChoice::Fixed(c) => {
            let suffix = lexicons.suffix_of(name);
            // 体育中心 ends like a venue, not like a body's 中心: a longer suffix of another
            // class is the other rule's name (a person's name may end like anything).
            if *c != Class::Person && suffix.is_some_and(|s| s.class != *c) {
                return None;
            }
            let sub = suffix
                .filter(|s| s.class == *c)
                .and_then(|s| s.subclass.clone());
            Some((*c, sub))
        }
        // The kind after the quote (品牌) tells what the name is, not its last char (西湖);
        // nor does one place char end a quoted slogan with numbers in it (“一带一路”,
        // “万企兴万村”; “南昌金塔逸街” is a street).
        ClassChoice::BySuffix { default } => {
            let numbered_slogan = |s: &Suffix| {
                term && s.class == Class::Place
                    && s.text.chars().count() == 1
                    && name.chars().any(|c| is_chinese_numeral(c) || c == '万')
            };
            match lexicons.suffix_of(strip_quotes(name)) {
                Some(s) if !kind_after && !numbered_slogan(s) => {
                    Some((s.class, s.subclass.clone()))
                }
                _ => Some((*default, None)),
            }
        }
    }
}
