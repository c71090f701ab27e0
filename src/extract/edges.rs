//! Where a name a rule matched starts and ends, on the token layer: it starts after the last
//! boundary word in the match and ends where a word does, running on over a suffix of its class
//! (滨湖 + 公园).

use std::ops::Range;

use super::names::{ends_with_any, inner_count_at, is_han, starts_with_any};
use crate::rules::{Class, ClassChoice, Lexicons, Rule};
use crate::text::{Pos, Words, is_chinese_numeral};

/// Where a name a rule matched starts: at a word's edge, after the last boundary word of the
/// rule's `trim` list in it, after a verb that leads it, after a campaign that ends a list
/// before it. `None` where a name the rule spells out whole starts inside a word (承德 in
/// 继承德…).
pub(super) fn left_edge(
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
        let cuts = boundary_cuts(words, &(start..range.end), lexicons, list);
        let cut = match rule.class {
            Some(ClassChoice::Fixed(Class::Program)) => {
                program_cut(words, &cuts, &(start..range.end), lexicons)
            }
            _ => cuts.last().copied(),
        };
        start = start.max(cut.unwrap_or(start));
        // 建设跨境电商综合试验区: a verb that occurs inside names (…体系建设工程) is no part
        // of one it starts.
        if let Some(verb) = whole_word_at(words, start, lexicons.words("leading_verb")) {
            start = (start + verb.len()).min(range.end);
        }
        // 国家级二轮土地延包整县试点: the level a program is run at is no part of its name,
        // where the name is no honour (省级乡村振兴示范区).
        let honour = ends_with_any(&words.text[..range.end], lexicons.words("honour_end"));
        if let (Some(ClassChoice::Fixed(Class::Program)), Some(level), false) = (
            &rule.class,
            whole_word_at(words, start, lexicons.words("level_lead")),
            honour,
        ) {
            start = (start + level.len()).min(range.end);
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

/// Where a program's name starts among the boundary `cuts` in `range` (`None`: at its start).
/// 实施新型消费培育行动, 落实空气质量持续改善行动计划: a boundary word that leaves no more than the
/// ending, or a verb and the ending (改善行动计划), stands inside the name, which starts at the
/// boundary before, where there is one: the one before in the match, else where the match
/// starts where the boundary leaves a verb (《白洋淀生态环境治理和保护条例》; not 文明城市、森林城市
/// 创建|活动 or 不失时机抓|改革). Only one boundary word is passed over, no function word or count
/// (把战略 and 具体的行动 stay cut), and only where the name then has two words or more before
/// its ending (在推进深化改革 stays 改革).
fn program_cut(
    words: &Words,
    cuts: &[usize],
    range: &Range<usize>,
    lexicons: &Lexicons,
) -> Option<usize> {
    let last = *cuts.last()?;
    if !bare_ending(words, &(last..range.end), lexicons) {
        return Some(last);
    }
    let passes_over = |c: usize| {
        words
            .inside(&(c..last))
            .all(|(_, pos)| !pos.is_function() && *pos != Pos::Numeral)
    };
    let verb_left = lexicons.suffix_of(&words.text[last..range.end]).is_some();
    let before = match cuts.iter().rev().nth(1) {
        Some(&c) => Some(c),
        None => verb_left.then_some(range.start),
    };
    before
        .filter(|&c| passes_over(c))
        .filter(|&c| named_before_ending(words, &(c..range.end), lexicons))
        .or(Some(last))
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

/// How many bytes after `at` continue a name by a suffix of its class (滨湖 + 公园, 抚河 + 中大道).
pub(super) fn extension(words: &Words, at: usize, class: Class, lexicons: &Lexicons) -> usize {
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
    // A program's name runs on to a program's ending over the words that say what is done in
    // it (自贸试验区 + 创新提升 + 行动, 河北 2024; 宅基地制度改革 + 试点, 2022, 2023).
    let reach = if numerals > 0 && after_numerals.starts_with('里') {
        numerals + 1 + 6
    } else if branch || class == Class::Program {
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
    // …and not over a verb that starts another clause (改革 | 推动 | 发展行动) or a count
    // (残运会 | 暨第四届 | 特奥会: two events).
    let boundary = lexicons.words("boundary");
    let boundary_word = |i: usize| {
        class == Class::Program
            && words.inside(&(at..at + i)).any(|(w, pos)| {
                *pos == Pos::Numeral || whole_word_at(words, w.start, boundary).is_some()
            })
    };
    starts
        .into_iter()
        .filter(|&i| {
            !levels.iter().any(|l| rest[..i].contains(l.as_str()))
                && !function_word(i)
                && !boundary_word(i)
        })
        .filter_map(|i| {
            lexicons
                .suffixes
                .iter()
                .filter(|s| {
                    s.class == class
                        && !s.weak
                        && s.text.chars().count() >= 2
                        && rest[i..].starts_with(s.text.as_str())
                        // 改革 + 试点|县区: a program runs on to a word's end only.
                        && (class != Class::Program || words.is_edge(at + i + s.text.len()))
                })
                .map(|s| i + s.text.len())
                .max()
        })
        .max()
        .unwrap_or(0)
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
/// A boundary word is a function word (在, 的, 我们), a count (a numeral word ending in a unit)
/// or a word of the `list` (see [`is_boundary_word`]), and ends before the name's last word,
/// its head (十届|人大 holds no 届).
pub fn trim_left(words: &Words, range: &Range<usize>, lexicons: &Lexicons, list: &str) -> usize {
    boundary_cuts(words, range, lexicons, list)
        .last()
        .copied()
        .unwrap_or(range.start)
}

/// The byte offsets after each boundary word in `range` (see [`trim_left`]), in order: where
/// a name a rule matched may start.
fn boundary_cuts(
    words: &Words,
    range: &Range<usize>,
    lexicons: &Lexicons,
    list: &str,
) -> Vec<usize> {
    let boundary = lexicons.words(list);
    let units = lexicons.words("unit");
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

/// Where a name starts that a middle dot joins to the words before it (“一带一路”·长城国际民间
/// 文化艺术节, 芦台·汉沽津冀协同发展示范区, 河北 2017, 2022; 中国梦·赶考行), or a dash (中国—中东欧
/// 国家中小企业合作论坛, 2022; 张北-雄安特高压工程, 2021): at the quoted phrase before the dot,
/// or at the words of two to six chars after the last boundary word of `list` and a leading verb.
/// A hyphen joins a program's names only (众创空间-孵化器-科技园区 is a chain of places, 2021).
pub(super) fn dot_joined_start(
    words: &Words,
    start: usize,
    lexicons: &Lexicons,
    list: &str,
    class: Class,
) -> usize {
    let text = words.text;
    let joiners: &[char] = match class {
        Class::Program => &['·', '—', '-'],
        _ => &['·', '—'],
    };
    let Some(before) = text[..start].strip_suffix(joiners) else {
        return start;
    };
    if let Some(quoted) = before.strip_suffix('”') {
        return quoted
            .rfind('“')
            .filter(|&open| quoted[open..].chars().count() <= 13)
            .unwrap_or(start);
    }
    let han: usize = before
        .chars()
        .rev()
        .take_while(|&c| is_han(c))
        .map(char::len_utf8)
        .sum();
    let mut first = trim_left(words, &(before.len() - han..before.len()), lexicons, list);
    if let Some(verb) = whole_word_at(words, first, lexicons.words("leading_verb")) {
        first += verb.len();
    }
    match text[first..before.len()].chars().count() {
        2..=6 => first,
        _ => start,
    }
}

/// Where a program's name starts that counts its members after a list of them (奶业、蔬菜、
/// 精品肉类五大千亿级工程, 河北 2024): at the count, the last member being no part of the name. A
/// name not after a list keeps what the count counts in (城市建管十大提升行动, seed; 优化营商环境十大
/// 专项行动, 河北 2019), and an ordinal (第十大) is no count.
pub(super) fn count_start(text: &str, range: &Range<usize>) -> usize {
    if !text[..range.start].ends_with('、') {
        return range.start;
    }
    inner_count_at(&text[range.clone()]).map_or(range.start, |at| range.start + at)
}
