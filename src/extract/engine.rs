//! Running one rule over one piece of text. The engine and the rule examples
//! ([`super::check`]) share this, so an example tests exactly what a build does.

use std::collections::BTreeMap;
use std::ops::Range;

use regex::Regex;

use super::quote::{
    a_list_of_phrases, a_piece_of_a_quote, spoken_of_otherwise, strip_quotes, unquote,
};
use crate::rules::{Class, ClassChoice, Kind, Lexicons, Rule, Scope, Suffix};
use crate::text::{Pos, Words, is_chinese_numeral};

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
            (None, Kind::Entity, Some(list)) => caps.name("name").and_then(|n| {
                let last = last_char_of(&n.range())?;
                (trim_left(
                    words,
                    &n.range(),
                    lexicons.words(list),
                    lexicons.words("unit"),
                ) == last)
                    .then_some(last)
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
    let range = quote.range.clone();
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
        is_term(name, lexicons)
    } else {
        is_name(name, lexicons)
    };
    // 政协委|员, 南站街|道: a name ends where a word does.
    let ends_inside_a_word = !words.is_edge(range.end) && text[range.end..].starts_with(is_han);
    if !named || ends_inside_a_word {
        return None;
    }
    if spoken_of_otherwise(rule, name, text, &whole, &range, lexicons)
        || (by_suffix_alone && names_a_kind(name, &text[..range.start]))
    {
        return None;
    }
    let class = class_of(rule.class.as_ref()?, name, term, quote.kind_after, lexicons)?;
    if class.0 == Class::Place && describes_no_place(name, text, range.start, lexicons) {
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
    let class = if class.0 == Class::Place && campaign {
        (Class::Program, None)
    } else {
        class
    };
    Some(Hit {
        range,
        groups,
        class: Some(class),
    })
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

/// Where a name a rule matched starts: at a word's edge, after the last boundary word of the
/// rule's `trim` list in it, after a verb that leads it, after a campaign that ends a list
/// before it. `None` where a name the rule spells out whole starts inside a word (承德 in
/// 继承德…).
fn left_edge(
    rule: &Rule,
    lexicons: &Lexicons,
    words: &Words,
    range: &Range<usize>,
) -> Option<usize> {
    // A match that starts inside a word (稳妥推|进省级…改革: its reach ended there) starts
    // after that word.
    let mut start = match words.word_at(range.start) {
        Some((word, _)) if word.start < range.start && rule.trim.is_none() => return None,
        Some((word, _)) if word.start < range.start => word.end.min(range.end),
        _ => range.start,
    };
    if let Some(list) = &rule.trim {
        let units = lexicons.words("unit");
        let cuts = boundary_cuts(words, &(start..range.end), lexicons.words(list), units);
        // 实施新型消费培育行动, 落实空气质量持续改善行动计划: a boundary word that leaves
        // no more than the ending, or a verb and the ending (改善行动计划), stands inside the
        // name; it starts at the boundary before, where there is one.
        // Only one boundary word is passed over, no function word or count (把战略 and
        // 具体的行动 stay cut), and only for a program that then has two words or more before
        // its ending (在推进深化改革 stays 改革).
        let last = cuts.last().copied();
        let program = matches!(rule.class, Some(ClassChoice::Fixed(Class::Program)));
        let passes_over = |c: usize| {
            last.is_some_and(|l| {
                words
                    .inside(&(c..l))
                    .all(|(_, pos)| !pos.is_function() && *pos != Pos::Numeral)
            })
        };
        let cut = match last {
            // The boundary before is the one before in the match, else where the match starts
            // where the boundary leaves a verb (《白洋淀生态环境治理和保护条例》; not 文明城市、
            // 森林城市创建|活动 or 不失时机抓|改革).
            Some(l) if program && bare_ending(words, &(l..range.end), lexicons) => {
                let verb_left = lexicons.suffix_of(&words.text[l..range.end]).is_some();
                let before = match cuts.iter().rev().nth(1) {
                    Some(&c) => Some(c),
                    None => verb_left.then_some(start),
                };
                before
                    .filter(|&c| passes_over(c))
                    .filter(|&c| named_before_ending(words, &(c..range.end), lexicons))
                    .or(last)
            }
            _ => last,
        };
        start = start.max(cut.unwrap_or(start));
        // 建设跨境电商综合试验区: a verb that occurs inside names (…体系建设工程) is no part
        // of one it starts.
        if let Some(verb) = whole_word_at(words, start, lexicons.words("leading_verb")) {
            start = (start + verb.len()).min(range.end);
        }
    }
    // 智慧平安社区、花朵护卫工程: a campaign in a name's list of places ends the list; the name
    // starts after it.
    let name = &words.text[start..range.end];
    let after_campaign = name
        .match_indices('、')
        .filter(|&(i, _)| {
            let item = name[..i].rsplit('、').next().unwrap_or("");
            starts_with_any(item, lexicons.words("program_lead"))
        })
        .map(|(i, sep)| i + sep.len())
        .next_back();
    Some(start + after_campaign.unwrap_or(0))
}

/// A word of the token layer: its byte range and part of speech.
type Word = (Range<usize>, Pos);

/// The part of `range` before the name's ending it ends with, and the words inside that part
/// (None: no ending).
fn before_ending<'w>(
    words: &'w Words,
    range: &Range<usize>,
    lexicons: &Lexicons,
) -> Option<(Range<usize>, Vec<&'w Word>)> {
    let ending = lexicons.suffix_of(&words.text[range.clone()])?;
    let rest = range.start..range.end - ending.text.len();
    let inside = words.inside(&rest).collect();
    Some((rest, inside))
}

/// Whether `range` of `words` holds no more than a name's ending (行动), or one verb and the
/// ending (提升行动, 改善行动计划): what no boundary word starts a name with.
fn bare_ending(words: &Words, range: &Range<usize>, lexicons: &Lexicons) -> bool {
    match before_ending(words, range, lexicons) {
        None => true,
        Some((rest, inside)) => match inside[..] {
            [(word, pos)] => *word == rest && matches!(pos, Pos::Verb | Pos::VerbalNoun),
            _ => false,
        },
    }
}

/// Whether `range` of `words` holds two words or more before a name's ending (新型消费培育行动).
fn named_before_ending(words: &Words, range: &Range<usize>, lexicons: &Lexicons) -> bool {
    before_ending(words, range, lexicons).is_some_and(|(_, inside)| inside.len() >= 2)
}

/// Whether a matched string can be a name: a term ([`is_term`]) that does not end like a
/// common noun (格局, 干部, 超市 …).
pub fn is_name(name: &str, lexicons: &Lexicons) -> bool {
    is_term(name, lexicons) && !ends_with_any(strip_quotes(name), lexicons.words("not_a_name_end"))
}

/// Whether a string can name a thing the report defines or enumerates (无废城区, 扩大开放格局):
/// two chars or more, not a bare suffix, not a common noun of the `not_a_name` list, not an
/// honour, not a count.
pub fn is_term(name: &str, lexicons: &Lexicons) -> bool {
    let name = strip_quotes(name);
    let first = name.chars().next().map(String::from).unwrap_or_default();
    // 2条路径, 5项成效: a count, not a name (2545工作模式 is one).
    let after_digits = name
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .chars()
        .next()
        .map(String::from)
        .unwrap_or_default();
    // 四门, 十三坡, 八个洲: a numbered group of places or a count of them, not a name (八一路
    // and 十家坡 are names; 五治, 六个一 are slogans).
    let numerals = name.trim_start_matches(is_chinese_numeral);
    let counted = numerals.strip_prefix('个').unwrap_or(numerals);
    let counted_group = numerals != name
        && lexicons
            .suffixes
            .iter()
            .any(|s| s.class == Class::Place && s.text == counted)
        && !starts_with_any(name, lexicons.words("numbered_names"));
    name.chars().count() >= 2
        && !counted_group
        && name.chars().any(|c| !c.is_ascii_digit())
        && !name.contains('+')
        && ((!lexicons.words("not_a_name_start").contains(&after_digits)
            && !lexicons.words("not_a_name_start").contains(&first))
            || starts_with_any(name, lexicons.words("name_start_words")))
        && !lexicons.words("not_a_name").iter().any(|w| w == name)
        && !lexicons.suffixes.iter().any(|s| s.text == name)
        && !lexicons
            .words("honour")
            .iter()
            .any(|w| name.contains(w.as_str()))
        && !(starts_with_any(name, lexicons.words("honour_lead"))
            && ends_with_any(name, lexicons.words("honour_end")))
        && !starts_with_any(name, lexicons.words("generic_lead"))
        && (!ends_with_any(name, lexicons.words("role_end"))
            || name.starts_with(is_chinese_numeral))
}

/// 吴齐美术馆等文化精品工程: what follows 等 is the kind the list before it belongs to, not
/// a name, unless a count says it is the set (A、B等十大战役).
fn names_a_kind(name: &str, before: &str) -> bool {
    before.ends_with('等') && !name.starts_with(is_chinese_numeral)
}

/// Whether a name found as a place describes rather than names one: a count inside it ends a
/// list before it (进贤仓三大历史街区; 二七大街 is a name, 城市建管十大提升行动 no place), and
/// what a thing becomes is a description, as is every item of the list after the verb
/// (每一条街巷都成为顺心路、舒心路), and a name that starts with the whole jurisdiction or with
/// every place of a kind is a scope (全区各小区, 城镇老旧小区, 城市公园).
fn describes_no_place(name: &str, text: &str, start: usize, lexicons: &Lexicons) -> bool {
    let chars: Vec<char> = name.chars().collect();
    let inner_count = chars.windows(3).any(|w| {
        !is_chinese_numeral(w[0]) && "二三四五六七八九十两".contains(w[1]) && w[2] == '大'
    });
    let clause_start = text[..start]
        .char_indices()
        .rfind(|&(_, c)| matches!(c, ',' | ';' | ':' | '。'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = &text[clause_start..start];
    let predicate = lexicons.words("predicate_verb").iter().any(|v| {
        clause.rfind(v.as_str()).is_some_and(|i| {
            clause[i + v.len()..]
                .chars()
                .all(|c| is_han(c) || c == '、')
        })
    });
    let scope = ["scope_lead", "kind_lead"].iter().any(|list| {
        lexicons
            .words(list)
            .iter()
            .any(|w| name.len() > w.len() && name.starts_with(w.as_str()))
    });
    let kind = lexicons.words("kind_of_ending_lead").iter().any(|w| {
        name.strip_prefix(w.as_str()).is_some_and(|rest| {
            rest.chars().count() <= 2 && lexicons.suffixes.iter().any(|s| s.text == rest)
        })
    });
    inner_count || predicate || scope || kind
}

/// Whether `name` starts with one of `words`.
pub fn starts_with_any(name: &str, words: &[String]) -> bool {
    words.iter().any(|w| name.starts_with(w.as_str()))
}

/// Whether `name` ends with one of `words`.
pub fn ends_with_any(name: &str, words: &[String]) -> bool {
    words.iter().any(|w| name.ends_with(w.as_str()))
}

/// How many bytes after `at` continue a name by a suffix of its class (滨湖 + 公园, 抚河 + 中大道).
fn extension(words: &Words, at: usize, class: Class, lexicons: &Lexicons) -> usize {
    let rest = &words.text[at..];
    // Up to two chars, then a suffix of two chars or more (抚河 + 中 + 大道, 象湖 + 西岸); after
    // a distance (象湖西岸 + 五里 + 生态文化走廊), up to six.
    let after_numerals = rest.trim_start_matches(is_chinese_numeral);
    let numerals = rest[..rest.len() - after_numerals.len()].chars().count();
    // How many chars may stand between the name and the suffix that ends it: a branch's name
    // may be long (市第七医院 + 老年医学 + 分院).
    let branch = lexicons.words("branch_suffix").iter().any(|b| {
        rest.find(b.as_str())
            .is_some_and(|i| rest[..i].chars().count() <= 6 && rest[..i].chars().all(is_han))
    });
    let reach = if numerals > 0 && after_numerals.starts_with('里') {
        numerals + 1 + 6
    } else if branch {
        6
    } else {
        2
    };
    let starts: Vec<usize> = rest
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(rest.len()))
        .take(reach + 1)
        .take_while(|&i| rest[..i].chars().all(is_han))
        .collect();
    // A level char begins another name (南昌市委|市政府), a function word ends one (唐山|等机场).
    let levels = lexicons.words("level_chars");
    let function_word = |i: usize| words.inside(&(at..at + i)).any(|(_, p)| p.is_function());
    starts
        .into_iter()
        .filter(|&i| !levels.iter().any(|l| rest[..i].contains(l.as_str())) && !function_word(i))
        .filter_map(|i| {
            lexicons
                .suffixes
                .iter()
                .filter(|s| {
                    s.class == class
                        && !s.weak
                        && s.text.chars().count() >= 2
                        && rest[i..].starts_with(s.text.as_str())
                })
                .map(|s| i + s.text.len())
                .max()
        })
        .max()
        .unwrap_or(0)
}

pub(super) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// The longest of `list` that starts at byte `at` of `words` and ends where a word ends: a
/// word of the list standing whole (为 inside 成为 is none).
pub fn whole_word_at<'l>(words: &Words, at: usize, list: &'l [String]) -> Option<&'l str> {
    if !words.is_edge(at) {
        return None;
    }
    list.iter()
        .map(String::as_str)
        .filter(|w| words.text[at..].starts_with(w) && words.is_edge(at + w.len()))
        .max_by_key(|w| w.len())
}

/// The byte offset after the last boundary word in `range` of `words` (its start if none): a
/// suffix match runs left over verbs and particles (推进抚生南路) that are no part of the name.
/// A boundary word is a function word (在, 的, 我们), a count (a numeral word ending in one of
/// `units`) or one of `boundary`, standing whole, and ends before the name's last word, its
/// head (十届|人大 holds no 届).
pub fn trim_left(
    words: &Words,
    range: &Range<usize>,
    boundary: &[String],
    units: &[String],
) -> usize {
    boundary_cuts(words, range, boundary, units)
        .last()
        .copied()
        .unwrap_or(range.start)
}

/// The byte offsets after each boundary word in `range` (see [`trim_left`]), in order: where
/// a name a rule matched may start.
fn boundary_cuts(
    words: &Words,
    range: &Range<usize>,
    boundary: &[String],
    units: &[String],
) -> Vec<usize> {
    // The head is the word the name's last char is in (推动湖|畔: 湖畔).
    let last = words.text[..range.end]
        .char_indices()
        .next_back()
        .map_or(range.start, |(i, _)| i);
    let head = words
        .word_at(last)
        .map_or(range.end, |(word, _)| word.start.max(range.start));
    let mut cuts = Vec::new();
    for (word, pos) in words.inside(range).take_while(|(w, _)| w.start < head) {
        // 一批, 20个: a count before the name; an ordinal is part of one (第四次经济普查)
        // unless it counts editions or batches, which a boundary word says (第十二届, 第三批);
        // a numbered term names the body elected for it (省十届人大).
        let written = &words.text[word.clone()];
        let count = *pos == Pos::Numeral
            && match written.strip_prefix('第') {
                Some(_) => boundary.iter().any(|b| written.ends_with(b.as_str())),
                None => {
                    !written.ends_with('届') && units.iter().any(|u| written.ends_with(u.as_str()))
                }
            };
        if (pos.is_function() || count) && word.end <= head {
            cuts.push(word.end);
        }
        if let Some(w) = whole_word_at(words, word.start, boundary) {
            if word.start + w.len() <= head {
                cuts.push(word.start + w.len());
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}
