//! What a string a rule matched must be to be a name: long enough, not a common noun, an
//! honour, a count, a kind or a description of a place.

use crate::rules::{Class, Lexicons};
use crate::text::is_chinese_numeral;

use super::quote::strip_quotes;

/// How long a phrase a `short_generic_lead` starts may be and still be generic (重大历史性工程).
const SHORT_GENERIC_CHARS: usize = 8;

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
        // “互联网+服务” is a slogan; 机器人+应用行动 a program, which its ending says.
        && (!name.contains('+') || ends_as_a_program(name, lexicons))
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
        && !(starts_with_any(name, lexicons.words("short_generic_lead"))
            && name.chars().count() <= SHORT_GENERIC_CHARS)
        && (!ends_with_any(name, lexicons.words("role_end"))
            || name.starts_with(is_chinese_numeral))
}

/// 吴齐美术馆等文化精品工程: what follows 等 is the kind the list before it belongs to, not
/// a name, unless a count says it is the set (A、B等十大战役).
pub(super) fn names_a_kind(name: &str, before: &str) -> bool {
    before.ends_with('等') && !name.starts_with(is_chinese_numeral)
}

/// Whether a name found as a place describes rather than names one: a count inside it ends a
/// list before it (进贤仓三大历史街区; 二七大街 is a name, 城市建管十大提升行动 no place), and
/// what a thing becomes is a description, as is every item of the list after the verb
/// (每一条街巷都成为顺心路、舒心路), and a name that starts with the whole jurisdiction or with
/// every place of a kind is a scope (全区各小区, 城镇老旧小区, 城市公园).
pub(super) fn describes_no_place(
    name: &str,
    text: &str,
    start: usize,
    lexicons: &Lexicons,
) -> bool {
    let inner_count = inner_count_at(name).is_some();
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

pub(super) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Whether `name` ends in a program's ending that finds names (行动, 工程; not 模式).
fn ends_as_a_program(name: &str, lexicons: &Lexicons) -> bool {
    lexicons
        .suffix_of(name)
        .is_some_and(|s| s.class == Class::Program && !s.weak)
}

/// The byte offset of a count inside `name` after other words (进贤仓|三大历史街区, 精品肉类|五大
/// 千亿级工程): a numeral and 大 after a char that is no numeral and no ordinal's 第 (二七大街 and
/// 第十大 hold none).
pub(super) fn inner_count_at(name: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    chars
        .windows(3)
        .find(|w| {
            !is_chinese_numeral(w[0].1)
                && w[0].1 != '第'
                && "二三四五六七八九十两".contains(w[1].1)
                && w[2].1 == '大'
        })
        .map(|w| w[1].0)
}

/// Whether `name` counts the parts of a spatial layout and nothing else (两翼两区三群六带, 双核;
/// “两翼两区三群六带”发展布局, a `layout_kind` after the quote): each a count (一 … 十, 两, 双)
/// and a `layout_noun`. Such a name is a place, the set of its parts.
pub(super) fn is_numbered_layout(name: &str, lexicons: &Lexicons) -> bool {
    let nouns = lexicons.words("layout_noun");
    let name = strip_quotes(name);
    let name = match name.split_once('”') {
        Some((quoted, kind)) if lexicons.words("layout_kind").iter().any(|k| k == kind) => quoted,
        _ => name,
    };
    let mut rest = name;
    while !rest.is_empty() {
        let counted = rest.trim_start_matches(|c| is_chinese_numeral(c) || c == '双');
        let Some(noun) = nouns
            .iter()
            .find(|n| counted.len() < rest.len() && counted.starts_with(n.as_str()))
        else {
            return false;
        };
        rest = &counted[noun.len()..];
    }
    !name.is_empty()
}
