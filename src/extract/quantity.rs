//! What a number means: kind, measure, comparator, indicator and baseline, decided from the
//! cue words of `ontology/lexicons/` (the `cue.*` word lists) around the number.

use super::names::is_han;
use super::{Hit, QuantityMention};
pub use crate::rules::{Comparator, Measure};
use crate::rules::{Lexicons, Rule, RuleSet};
use crate::text::{Document, Pos, Span, Tense, Words, is_chinese_numeral};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityKind {
    Target,
    Achievement,
}

impl Comparator {
    /// The cue lists (ontology/lexicons/cues.toml) of words right before and right after a
    /// number that give it this comparator.
    fn cue_lists(self) -> (&'static str, &'static str) {
        match self {
            Comparator::Eq => ("cue.before.eq", "cue.after.eq"),
            Comparator::Gt => ("cue.before.gt", "cue.after.gt"),
            Comparator::Ge => ("cue.before.ge", "cue.after.ge"),
            Comparator::Lt => ("cue.before.lt", "cue.after.lt"),
            Comparator::Le => ("cue.before.le", "cue.after.le"),
            Comparator::Approx => ("cue.before.approx", "cue.after.approx"),
        }
    }

    /// The same bound on the negated value: 下降5%以上 is a growth of −5% or less.
    fn negated(self) -> Comparator {
        match self {
            Comparator::Gt => Comparator::Lt,
            Comparator::Ge => Comparator::Le,
            Comparator::Lt => Comparator::Gt,
            Comparator::Le => Comparator::Ge,
            c => c,
        }
    }
}

/// Roman numerals as one char each (Ⅲ类 water): Ⅰ is 1 … Ⅻ is 12.
const ROMAN: std::ops::RangeInclusive<char> = 'Ⅰ'..='Ⅻ';

/// Parses a number as reports write it: `64.5`, `1,200`, `十`, `二十`, `两`, `一百二十`,
/// `3万` (a multiplier inside the number), `Ⅲ`, a fraction (`1/5`, `三分之一`: a share as a
/// decimal) and a doubling (`翻番` and `翻一番` are 2 times, `翻两番` 4); `None` for anything else.
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.replace(',', "");
    if s.is_empty() {
        return None;
    }
    if let Some(times) = s.strip_prefix('翻').and_then(|r| r.strip_suffix('番')) {
        let doublings = match times {
            "" => 1.0,
            n => parse_number(n)?,
        };
        return Some(2f64.powf(doublings));
    }
    let fraction = s
        .split_once('/')
        .or_else(|| s.split_once("分之").map(|(den, num)| (num, den)));
    if let Some((num, den)) = fraction {
        return Some(parse_number(num)? / parse_number(den)?).filter(|v| v.is_finite());
    }
    if let Ok(v) = s.parse::<f64>() {
        return Some(v);
    }
    if let (Some(c), 1) = (s.chars().next(), s.chars().count()) {
        if ROMAN.contains(&c) {
            return Some(f64::from(c as u32 - *ROMAN.start() as u32 + 1));
        }
    }
    let digit = |c: char| match c {
        '两' => Some(2.0),
        _ => "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as f64 + 1.0),
    };
    let (mut total, mut section, mut current) = (0.0f64, 0.0f64, None::<f64>);
    let mut seen = false;
    for c in s.chars() {
        // 零 only marks a skipped place (三千零五, 一万零十): the next digit or unit counts.
        if matches!(c, '〇' | '零' | '○') {
            seen = true;
            continue;
        }
        if let Some(d) = digit(c) {
            current = Some(d);
            seen = true;
            continue;
        }
        let unit = match c {
            '十' => 10.0,
            '百' => 100.0,
            '千' => 1000.0,
            '万' => 10_000.0,
            '亿' => 100_000_000.0,
            _ => return None,
        };
        seen = true;
        if unit >= 10_000.0 {
            section += current.take().unwrap_or(0.0);
            total += if section == 0.0 { 1.0 } else { section } * unit;
            section = 0.0;
        } else {
            section += current.take().unwrap_or(1.0) * unit;
        }
    }
    seen.then(|| total + section + current.unwrap_or(0.0))
}

/// Whether a number stands inside a quoted name (“雄才16条”, "翻两番、三步走"): a name's number
/// is no quantity (ANNOTATION.md). A quote holding a clause break quotes a statement, not a
/// name, and its numbers count.
fn in_quoted_name(before: &str, after: &str) -> bool {
    let open = if before.matches('"').count() % 2 == 1 {
        before.rfind('"')
    } else {
        before.rfind('“').filter(|&o| !before[o..].contains('”'))
    };
    let statement = |part: &str| part.contains([',', ';', ':', '。', '!', '?']);
    match (open, after.find(['”', '"'])) {
        (Some(open), Some(close)) => !statement(&before[open..]) && !statement(&after[..close]),
        _ => false,
    }
}

/// 甲突破100亿元,乙逼近5亿美元,分别是2015年的2.7倍和2.6倍: the values after a
/// `cue.respectively` word measure, in order, the indicators named before it in its clause —
/// those of the numbers before it, or else the items listed right before it (化学需氧量、二氧化硫
/// 和氨氮排放量分别下降2.2%、3.2%和1.5%).
pub(super) fn assign_respectively(
    doc: &Document,
    lexicons: &Lexicons,
    quantities: &mut [QuantityMention],
) {
    for sentence in &doc.layout.sentences {
        let text = doc.norm_slice(sentence.span);
        let Some(cue) = lexicons
            .words("cue.respectively")
            .iter()
            .filter_map(|w| text.find(w.as_str()))
            .min()
        else {
            continue;
        };
        // Within the clause around the cue: from the ';' before it to the ';' after it.
        let clause_start = text[..cue].rfind(';').map_or(0, |i| i + 1);
        let clause_end = text[cue..].find(';').map_or(text.len(), |i| cue + i);
        let to_char = |byte: usize| sentence.span.start + text[..byte].chars().count();
        let clause = Span::new(to_char(clause_start), to_char(clause_end));
        let at = to_char(cue);
        let inside = |q: &QuantityMention| clause.contains(q.span);
        let mut named: Vec<String> = Vec::new();
        for q in quantities.iter().filter(|q| inside(q) && q.span.start < at) {
            if let Some(i) = &q.indicator {
                if !named.contains(i) {
                    named.push(i.clone());
                }
            }
        }
        let after: Vec<usize> = (0..quantities.len())
            .filter(|&i| inside(&quantities[i]) && quantities[i].span.start >= at)
            .collect();
        if after.len() < 2 {
            continue;
        }
        let indicators = if named.len() >= after.len() {
            named.split_off(named.len() - after.len())
        } else {
            match items_before(&text[clause_start..cue], after.len(), lexicons) {
                Some(items) => items,
                None => continue,
            }
        };
        for (&i, indicator) in after.iter().zip(indicators) {
            quantities[i].indicator = Some(indicator);
        }
    }
}

/// The `count` items listed at the end of `text` (甲、乙和丙): the words after its last break,
/// split at '、' and then, only as far as needed to make `count` items, at the other
/// `list_separator` words, one at a time (so 及 of 普及率 stays where 和 makes the count).
fn items_before(text: &str, count: usize, lexicons: &Lexicons) -> Option<Vec<String>> {
    let start = text.rfind([',', ':', ';', '。']).map_or(0, |i| i + 1);
    let mut items = vec![text[start..].trim()];
    for separator in lexicons.words("list_separator") {
        if items.len() >= count {
            break;
        }
        items = items
            .into_iter()
            .flat_map(|item| item.split(separator.as_str()))
            .collect();
    }
    let named = items.len() == count && items.iter().all(|i| i.chars().count() >= 2);
    named.then(|| items.into_iter().map(str::to_owned).collect())
}

/// Whether the words between two numbers only join them in a list (2.2%、3.2%和1.5%): one of
/// the `list_separator` words, but a comma, which also ends a clause.
fn is_list_joint(between: &str, lexicons: &Lexicons) -> bool {
    let joint = between.trim();
    joint != "," && lexicons.words("list_separator").iter().any(|w| w == joint)
}

/// Chars that end a clause: the indicator of a number is looked for after the last of them.
const CLAUSE_BREAKS: &[char] = &[',', ';', ':', '。', '!', '?', '、', '(', ')'];

/// Where the clause that ends `before` starts: after the last of `breaks` outside brackets
/// (产出效益排名全省县(市、区)第一, 大型商场(超市)13个: an aside belongs to its clause).
fn clause_start(before: &str, breaks: &[char]) -> usize {
    let mut depth = 0usize;
    for (i, c) in before.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth > 0 => depth -= 1,
            c if depth == 0 && breaks.contains(&c) => return i + c.len_utf8(),
            _ => {}
        }
    }
    0
}

/// `text` with each of `terms` replaced by as many bytes of `_`: a cue inside an indicator's
/// own term (增加 in 服务业增加值, 新增 in 新增就业) is none. Offsets still match.
fn mask_words(text: &str, terms: &[String]) -> String {
    let mut masked = text.to_owned();
    for term in terms.iter().filter(|t| text.contains(t.as_str())) {
        masked = masked.replace(term.as_str(), &"_".repeat(term.len()));
    }
    masked
}

/// Where the cue words stand whole in `scan` (the clause that starts at byte `at` of `words`,
/// with its indicator terms masked): 为 inside 成为 is no cue.
fn cue_places<'a>(
    scan: &str,
    at: usize,
    words: &Words,
    cues: &'a [String],
) -> Vec<(usize, &'a str)> {
    let mut places: Vec<(usize, &str)> = cues
        .iter()
        .flat_map(|w| {
            scan.match_indices(w.as_str())
                .map(move |(i, _)| (i, w.as_str()))
        })
        .filter(|&(i, w)| words.is_edge(at + i) && words.is_edge(at + i + w.len()))
        .collect();
    places.sort_by_key(|&(i, w)| (i, std::cmp::Reverse(w.len())));
    places
}

/// The longest cue word that `fits` (不少于 rather than 少于).
fn longest_cue(words: &[String], fits: impl Fn(&str) -> bool) -> Option<&str> {
    words
        .iter()
        .map(String::as_str)
        .filter(|w| fits(w))
        .max_by_key(|w| w.len())
}

fn ends_with_cue<'a>(text: &str, words: &'a [String]) -> Option<&'a str> {
    longest_cue(words, |w| text.ends_with(w))
}

fn starts_with_cue<'a>(text: &str, words: &'a [String]) -> Option<&'a str> {
    longest_cue(words, |w| text.starts_with(w))
}

/// Where `part`, a slice of `words`' text, starts in it (bytes).
fn offset_in(words: &Words, part: &str) -> usize {
    let at = (part.as_ptr() as usize).wrapping_sub(words.text.as_ptr() as usize);
    debug_assert!(
        at + part.len() <= words.text.len(),
        "{part:?} is no slice of the text"
    );
    at
}

/// Removes leading and trailing words that are not part of an indicator (全区, 实现, 达 …),
/// a threshold before its noun, and the items of a list before its common noun
/// (结算中心等重点企业 → 重点企业). `s` is a slice of `words`' text: a word is dropped where it
/// stands whole (年 of 年度 stays).
fn clean_indicator(mut s: &str, words: &Words, lexicons: &Lexicons) -> String {
    // 1000平方米以上商务楼宇 → 商务楼宇: a threshold ahead of the noun (规模以上 stays).
    // (2000年的 is a date, no threshold.)
    for w in lexicons.words("cue.qualifier_after") {
        if let Some(i) = s.rfind(w.as_str()) {
            if s[..i].contains(|c: char| c.is_ascii_digit()) && !s[..i].ends_with('年') {
                s = &s[i + w.len()..];
            }
        }
    }
    // 农业产业化经营率由36.1%提高到48.5%: the value it started from is no part of it.
    // (从每人每月600元提高到: a rate written before the value belongs to it, and where the
    // rate ends the words, the number is the value the change starts from.)
    for w in lexicons.words("cue.from") {
        if let Some(i) = s.find(w.as_str()) {
            let from = &s[i + w.len()..];
            let value = from
                .strip_prefix('每')
                .map_or(from, |rate| rate.trim_start_matches(is_han));
            if value.is_empty() || value.starts_with(|c: char| c.is_ascii_digit()) {
                s = &s[..i];
            }
        }
    }
    for end in lexicons.words("list_end") {
        if let Some(i) = s.rfind(end.as_str()) {
            let rest = &s[i + end.len()..];
            if is_indicator(rest) {
                s = rest;
            }
        }
    }
    loop {
        let before = s;
        let at = offset_in(words, s);
        for w in lexicons.words("cue.indicator_drop") {
            if s.starts_with(w.as_str()) && words.is_edge(at + w.len()) {
                s = &s[w.len()..];
                break;
            }
        }
        for w in lexicons.words("cue.indicator_drop_end") {
            if s.ends_with(w.as_str()) && words.is_edge(at + s.len() - w.len()) {
                s = &s[..s.len() - w.len()];
                break;
            }
        }
        if s == before {
            break;
        }
    }
    // Marks around the words go, a bracketed aside at their end stays (大型商场(超市)).
    let s = s.trim_matches(|c: char| !c.is_alphanumeric() && c != ')');
    match s.strip_suffix(')') {
        Some(open) if !open.contains('(') => open.trim_end_matches(|c: char| !c.is_alphanumeric()),
        _ => s,
    }
    .to_owned()
}

/// A baseline year or plan period written before the number (较2015年, 比“十二五”).
fn baseline(clause: &str, lexicons: &Lexicons, report_year: Option<i32>) -> Option<String> {
    if starts_or_contains(clause, lexicons.words("cue.baseline_previous_year")) {
        return report_year.map(|y| (y - 1).to_string());
    }
    for marker in lexicons.words("cue.baseline") {
        let mut rest = clause;
        while let Some(i) = rest.find(marker.as_str()) {
            let after = rest[i + marker.len()..].trim_start_matches(['“', '"']);
            let year: String = after.chars().take_while(char::is_ascii_digit).collect();
            if year.len() == 4 && after[4..].starts_with('年') {
                return Some(year);
            }
            let period: String = after.chars().take(3).collect();
            if period.chars().count() == 3 && period.starts_with('十') && period.ends_with('五') {
                return Some(period);
            }
            rest = &rest[i + marker.len()..];
        }
    }
    None
}

/// Whether words can name an indicator: two chars or more, not a year, a span of years (五年
/// 累计利用外资: 五年 is when) or a bare number.
fn is_indicator(words: &str) -> bool {
    words.chars().count() >= 2
        && words
            .chars()
            .filter(|c| c.is_alphabetic() && !c.is_ascii())
            .count()
            >= 2
        && !words
            .trim_end_matches('年')
            .chars()
            .all(|c| c.is_ascii_digit() || is_chinese_numeral(c))
}

fn starts_or_contains(text: &str, words: &[String]) -> bool {
    words.iter().any(|w| text.contains(w.as_str()))
}

/// The words around one number a quantity rule found: its clause before it and what follows.
struct Around<'a> {
    lex: &'a Lexicons,
    words: &'a Words<'a>,
    value_text: &'a str,
    unit: String,
    /// Where the number's clause starts (bytes of the text) and its words up to the number.
    clause_start: usize,
    clause: &'a str,
    /// The list the clause is an item of, up to the number (新增A 5家、B 9家: one verb for
    /// both).
    list: &'a str,
    /// The text after the number, spaces trimmed.
    after: &'a str,
}

/// Turns a quantity rule's hit into a quantity, or `None` when the number is not one.
pub(super) fn interpret(
    doc: &Document,
    rules: &RuleSet,
    rule: &Rule,
    sentence: Span,
    words: &Words,
    hit: &Hit,
    earlier: &[QuantityMention],
) -> Option<QuantityMention> {
    let at = Around::new(&rules.lexicons, rule, words, hit)?;
    let mut value = parse_number(at.value_text)?;
    if at.picks_what_is_counted()
        || at.numbers_a_policy()
        || in_quoted_name(&words.text[..hit.range.start], &words.text[hit.range.end..])
    {
        return None;
    }
    let base = doc.byte_at_char(sentence.start);
    let span = doc.span_of_bytes(base + hit.range.start, base + hit.range.end);
    // 分别下降2.2%、3.2%和1.5%: a value listed right after another, with no word of its own
    // before it, shares that one's measure and its fall.
    let listed_after = earlier
        .iter()
        .filter(|q| q.span.start >= sentence.start && q.span.end <= span.start)
        .max_by_key(|q| q.span.start)
        .filter(|q| {
            let between = doc.norm_slice(Span::new(q.span.end, span.start));
            is_list_joint(between, &rules.lexicons)
        });
    let measure = match (rule.emit.measure, listed_after) {
        (Some(measure), _) => measure,
        (None, Some(previous)) => previous.measure,
        (None, None) => at.measure(),
    };
    let mut comparator = rule.emit.comparator.unwrap_or_else(|| at.comparator(hit));
    let declines = match listed_after {
        Some(previous) => previous.value < 0.0,
        None => at.declines(),
    };
    // A decline is a negative growth (下降5.8% → −5.8).
    if measure == Measure::Growth && declines {
        value = -value;
        comparator = comparator.negated();
    }
    if measure == Measure::Rank && at.value_text.is_empty() {
        value = 1.0;
    }
    // The nearest number before this one in the sentence, whichever rule read it.
    let named_before = || {
        earlier
            .iter()
            .filter(|q| q.span.start >= sentence.start && q.span.end <= span.start)
            .max_by_key(|q| q.span.start)
            .and_then(|q| q.indicator.clone())
    };
    let indicator = at.indicator(measure, &named_before);
    let kind = match doc.tense_at(span.start) {
        Tense::Plan => QuantityKind::Target,
        Tense::Review => QuantityKind::Achievement,
        Tense::Other
            if starts_or_contains(&words.text[..hit.range.start], at.cue("cue.target")) =>
        {
            QuantityKind::Target
        }
        Tense::Other => QuantityKind::Achievement,
    };
    let year = doc.layout.meta.year;
    Some(QuantityMention {
        rule: rule.id.clone(),
        span,
        kind,
        value,
        value_text: at.value_text.to_owned(),
        unit: at.unit.clone(),
        indicator,
        measure,
        comparator,
        baseline: matches!(measure, Measure::Growth | Measure::Multiple)
            .then(|| baseline(at.clause, at.lex, year))
            .flatten(),
        target_year: match kind {
            QuantityKind::Target => doc.layout.meta.plan_period.map(|(_, end)| end),
            QuantityKind::Achievement => None,
        },
    })
}

impl<'a> Around<'a> {
    fn new(lex: &'a Lexicons, rule: &Rule, words: &'a Words<'a>, hit: &Hit) -> Option<Self> {
        let text = words.text;
        let value_text = &text[hit.groups.get("value")?.clone()];
        // 52万余辆: the magnitude belongs to the unit (万辆); a rule may give a unit the text
        // leaves out (排名第一 → 名, 749万群众 → 万人).
        let group = |name: &str| hit.groups.get(name).map_or("", |r| &text[r.clone()]);
        let unit = match group("unit") {
            "" => rule.emit.unit.as_deref().unwrap_or_default(),
            written => written,
        };
        let unit = format!("{}{unit}", group("magnitude"));
        let before = &text[..hit.range.start];
        let list_breaks: Vec<char> = CLAUSE_BREAKS
            .iter()
            .filter(|&&c| c != '、')
            .copied()
            .collect();
        let list = &before[clause_start(before, &list_breaks)..];
        let clause_start = clause_start(before, CLAUSE_BREAKS);
        Some(Around {
            lex,
            words,
            value_text,
            unit,
            clause_start,
            clause: &before[clause_start..],
            list,
            after: text[hit.range.end..].trim_start(),
        })
    }

    fn cue(&self, name: &str) -> &'a [String] {
        self.lex.words(name)
    }

    /// 金融支持民营经济发展壮大的25条措施: the number of a policy document's articles.
    fn numbers_a_policy(&self) -> bool {
        let unit_and_after = format!("{}{}", self.unit, self.after);
        starts_with_cue(&unit_and_after, self.cue("cue.policy_articles")).is_some()
    }

    /// 5000平方米以上商务楼宇达到78栋, 投资额超10亿元的大型项目46个: a threshold that picks
    /// what the clause's own number counts is no quantity.
    fn picks_what_is_counted(&self) -> bool {
        let qualifier = self
            .cue("cue.qualifier_after")
            .iter()
            .find_map(|w| self.after.strip_prefix(w.as_str()));
        qualifier.is_some_and(|rest| {
            let rest = &rest[..rest.find(CLAUSE_BREAKS).unwrap_or(rest.len())];
            rest.starts_with(is_han) && rest.contains(|c: char| c.is_ascii_digit())
        })
    }

    /// The comparator its cue words say. A word after the number says more than one before it
    /// (控制在3%左右 is about 3%); among words on one side the longest wins: 不少于 (ge) ends
    /// with 少于 (lt).
    fn comparator(&self, hit: &Hit) -> Comparator {
        if hit.groups.contains_key("more") {
            return Comparator::Gt;
        }
        let longest = |cue_on_side: &dyn Fn(Comparator) -> Option<usize>| {
            Comparator::ALL
                .iter()
                .filter_map(|&c| cue_on_side(c).map(|len| (len, c)))
                .max_by_key(|&(len, _)| len)
                .map(|(_, c)| c)
        };
        let after = |c: Comparator| starts_with_cue(self.after, self.cue(c.cue_lists().1));
        let before = |c: Comparator| ends_with_cue(self.clause, self.cue(c.cue_lists().0));
        longest(&|c| after(c).map(str::len))
            .or_else(|| longest(&|c| before(c).map(str::len)))
            .unwrap_or(Comparator::Eq)
    }

    /// The clause without the comparator word that ends it (增长|超过, 涨幅|控制在).
    fn clause_before_comparator(&self) -> &'a str {
        let comparator_cue = Comparator::ALL
            .iter()
            .filter_map(|c| ends_with_cue(self.clause, self.cue(c.cue_lists().0)))
            .max_by_key(|w| w.len());
        let clause = self.clause;
        comparator_cue.map_or(clause, |w| &clause[..clause.len() - w.len()])
    }

    /// Whether a change in percent is written as a fall (下降5.8%, 平均降价58%).
    fn declines(&self) -> bool {
        ends_with_cue(
            self.clause_before_comparator(),
            self.cue("cue.measure.decline"),
        )
        .is_some()
    }

    /// What the number measures, by its unit and the cue words of its clause.
    fn measure(&self) -> Measure {
        let (clause, cue) = (self.clause, |n| self.cue(n));
        let percent_like = cue("cue.percent_units").contains(&self.unit);
        let growth_cue = || {
            let trimmed = self.clause_before_comparator();
            ends_with_cue(trimmed, cue("cue.measure.growth")).is_some() || self.declines()
        };
        if cue("cue.multiple_units").contains(&self.unit) {
            Measure::Multiple
        } else if starts_or_contains(clause, cue("cue.measure.share"))
            || starts_with_cue(self.after, cue("cue.after.share")).is_some()
            || cue("cue.share_units").contains(&self.unit)
            || percent_like && self.has_whole_word(cue("cue.measure.share_word"))
        {
            Measure::Share
        } else if percent_like && growth_cue() {
            Measure::Growth
        } else if starts_or_contains(self.list, cue("cue.measure.increase")) {
            Measure::Increase
        } else {
            Measure::Level
        }
    }

    /// Whether one of `cues` stands as a whole word in the clause (占 in 村占50%, not in 占地).
    fn has_whole_word(&self, cues: &[String]) -> bool {
        !cue_places(self.clause, self.clause_start, self.words, cues).is_empty()
    }

    /// The cue words an indicator ends before.
    fn cue_words(&self) -> Vec<String> {
        [
            "cue.measure.growth",
            "cue.measure.decline",
            "cue.measure.increase",
            "cue.measure.share",
            "cue.baseline",
            "cue.baseline_previous_year",
        ]
        .iter()
        .flat_map(|n| self.cue(n))
        .chain(
            Comparator::ALL
                .iter()
                .flat_map(|c| self.cue(c.cue_lists().0)),
        )
        .chain(self.cue("cue.level"))
        .cloned()
        .collect()
    }

    /// The indicator the clause names: the words before its first cue, or after its last one.
    fn named_in_clause(&self, places: &[(usize, &str)], measure: Measure) -> String {
        let Some(&(i, _)) = places.first() else {
            return clean_indicator(self.clause, self.words, self.lex);
        };
        let head = clean_indicator(&self.clause[..i], self.words, self.lex);
        if is_indicator(&head) {
            return head;
        }
        if measure == Measure::Rank {
            // 排名全省县(市、区)第二: the words after the cue are where it ranks.
            return String::new();
        }
        let tail_start = places.iter().map(|&(j, w)| j + w.len()).max().unwrap_or(i);
        clean_indicator(&self.clause[tail_start..], self.words, self.lex)
    }

    /// 新建60个停车场: after a count, the counted noun follows the number; so does what a verb
    /// right before the number builds or opens (建成2.1万平方米邮票绿地, 占地9万平方米的公园),
    /// and what a share or a time is of (90%以上涉税事项, 6年之久的征收工作). `None` when the
    /// number counts nothing that follows.
    fn counted_noun(&self, cue_words: &[String], following: &str) -> Option<String> {
        let counted = self.cue("cue.classifier_units").contains(&self.unit)
            || ends_with_cue(self.clause, self.cue("cue.object_follows")).is_some()
            || self.object_after().is_some();
        let a_cue = cue_words.iter().any(|w| following.starts_with(w.as_str()));
        (counted && is_indicator(following) && !a_cue).then(|| following.to_owned())
    }

    /// What follows a word that makes the number's object follow it (建成|2.1万平方米邮票绿地).
    fn object_after(&self) -> Option<&'a str> {
        self.cue("cue.object_after")
            .iter()
            .find_map(|w| self.after.strip_prefix(w.as_str()))
            .filter(|rest| rest.starts_with(is_han))
    }

    /// The words that follow the number (and its object cue) up to the clause's end or the
    /// next number.
    fn following(&self) -> String {
        let after = self.object_after().unwrap_or(self.after);
        let end = after.find(CLAUSE_BREAKS).unwrap_or(after.len());
        // 60多个国家50多个政党: a number after a noun starts what it counts (38天35例确诊病例:
        // one right after the unit does not).
        let end = after[..end]
            .find(|c: char| c.is_ascii_digit())
            .filter(|&d| after[..d].chars().filter(|&c| is_han(c)).count() >= 2)
            .unwrap_or(end);
        let mut rest = &after[..end];
        // 10家左右, 50家以上的: what qualifies the number comes before what it counts.
        let qualifiers = Comparator::ALL
            .iter()
            .flat_map(|c| self.cue(c.cue_lists().1));
        for w in qualifiers.chain(self.cue("cue.object_after")) {
            rest = rest.strip_prefix(w.as_str()).unwrap_or(rest);
        }
        let rest = rest.trim_start_matches(['余', '多', '的']);
        clean_indicator(self.noun_phrase(rest), self.words, self.lex)
    }

    /// The noun phrase `text` (a slice of the words' text) starts with: up to a verb, an
    /// adverb or a conjunction after its first word of two chars or more (939栋安置房|相继交付
    /// 入住, 4所疏解高校|和…; a number and its unit are none: 35例确诊病例全部出院).
    fn noun_phrase(&self, text: &'a str) -> &'a str {
        let at = offset_in(self.words, text);
        let range = at..at + text.len();
        let short = |r: &std::ops::Range<usize>| {
            self.words.text[r.clone()]
                .chars()
                .filter(|&c| is_han(c))
                .count()
                < 2
        };
        let words: Vec<_> = self.words.inside(&range).collect();
        let noun = |pos: Pos| {
            matches!(
                pos,
                Pos::Noun | Pos::VerbalNoun | Pos::Place | Pos::Organization | Pos::Proper
            )
        };
        // A verb with a noun after it is a compound's (老街|征收|工作), not the clause's.
        let ends_phrase = |i: usize| match words[i].1 {
            Pos::Adverb | Pos::Conjunction => true,
            Pos::Verb => !words[i + 1..].iter().any(|(_, pos)| noun(*pos)),
            _ => false,
        };
        let first = words.iter().position(|(r, _)| !short(r));
        let end = first
            .and_then(|f| (f + 1..words.len()).find(|&i| ends_phrase(i)))
            .map_or(text.len(), |i| words[i].0.start - at);
        &text[..end]
    }

    /// 服务业增加值477亿元,占地区生产总值比重从…: a share of the indicator named before.
    fn share_of(&self, named_before: &dyn Fn() -> Option<String>) -> Option<String> {
        let end = self
            .cue("cue.measure.share")
            .iter()
            .filter_map(|w| self.clause.find(w.as_str()).map(|i| i + w.len()))
            .min()?;
        let share = clean_indicator(&self.clause[..end], self.words, self.lex);
        let share = share.strip_prefix('占').map(|rest| format!("占{rest}"))?;
        Some(format!("{}{share}", named_before()?))
    }

    /// What the number measures: the counted noun, a share of what was named before, the
    /// clause's words, or what follows the number.
    fn indicator(
        &self,
        measure: Measure,
        named_before: &dyn Fn() -> Option<String>,
    ) -> Option<String> {
        let cue_words = self.cue_words();
        // Cue words inside indicator terms (增加 in 服务业增加值) are not cues: mask those terms.
        let scan = mask_words(self.clause, self.cue("cue.indicator_terms"));
        let places = cue_places(&scan, self.clause_start, self.words, &cue_words);
        let following = self.following();
        if let Some(noun) = self.counted_noun(&cue_words, &following) {
            return Some(noun);
        }
        if measure == Measure::Share {
            if let Some(share) = self.share_of(named_before) {
                return Some(share);
            }
        }
        let found = self.named_in_clause(&places, measure);
        if is_indicator(&found) {
            return Some(found);
        }
        // 实现25天疑似病例清零: nothing before the number, what follows it names it.
        if found.is_empty() && is_indicator(&following) {
            return Some(following);
        }
        // 较2015年增长33%: the indicator is the one the sentence named before; failing that
        // (力争实现服务业增加值突破), the last piece between cues that can name one.
        named_before().or_else(|| {
            let mut cuts = vec![0, self.clause.len()];
            cuts.extend(places.iter().flat_map(|&(i, w)| [i, i + w.len()]));
            cuts.sort_unstable();
            cuts.dedup();
            cuts.windows(2)
                .map(|w| clean_indicator(&self.clause[w[0]..w[1]], self.words, self.lex))
                .rfind(|piece| is_indicator(piece))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn arabic_and_chinese_numbers() {
        assert_eq!(parse_number("64.5"), Some(64.5));
        assert_eq!(parse_number("1,200"), Some(1200.0));
        assert_eq!(parse_number("十"), Some(10.0));
        assert_eq!(parse_number("二十"), Some(20.0));
        assert_eq!(parse_number("两"), Some(2.0));
        assert_eq!(parse_number("一百二十"), Some(120.0));
        assert_eq!(parse_number("三千零五"), Some(3005.0));
        assert_eq!(parse_number("一万零十"), Some(10_010.0));
        assert_eq!(parse_number("零"), Some(0.0));
        assert_eq!(parse_number("四"), Some(4.0));
        assert_eq!(parse_number("十万"), Some(100_000.0));
        assert_eq!(parse_number("Ⅲ"), Some(3.0));
        assert_eq!(parse_number("Ⅴ"), Some(5.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn fractions_and_doublings() {
        assert_eq!(parse_number("1/5"), Some(0.2));
        assert_eq!(parse_number("三分之一"), Some(1.0 / 3.0));
        assert_eq!(parse_number("四分之三"), Some(0.75));
        assert_eq!(parse_number("1/0"), None);
        assert_eq!(parse_number("翻一番"), Some(2.0));
        assert_eq!(parse_number("翻两番"), Some(4.0));
        assert_eq!(parse_number("翻番"), Some(2.0));
        assert_eq!(parse_number("翻几番"), None);
    }

    /// Formats a number below 10⁸ the way reports write it in Chinese numerals.
    fn to_chinese(n: u64) -> String {
        const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        fn below_10k(n: u64) -> String {
            let mut out = String::new();
            let mut zero = false;
            for (unit, p) in [("千", 1000), ("百", 100), ("十", 10), ("", 1)] {
                let d = (n / p) % 10;
                if d == 0 {
                    zero = !out.is_empty();
                    continue;
                }
                if zero {
                    out.push('零');
                    zero = false;
                }
                if !(d == 1 && p == 10 && out.is_empty()) {
                    out.push_str(D[d as usize]);
                }
                out.push_str(unit);
            }
            out
        }
        if n == 0 {
            return "零".into();
        }
        let (high, low) = (n / 10_000, n % 10_000);
        let mut s = String::new();
        if high > 0 {
            s.push_str(&below_10k(high));
            s.push('万');
            if low > 0 && low < 1000 {
                s.push('零');
            }
        }
        if low > 0 {
            s.push_str(&below_10k(low));
        }
        s
    }

    proptest! {
        #[test]
        fn chinese_numerals_round_trip(n in 0u64..100_000_000) {
            let written = to_chinese(n);
            prop_assert_eq!(parse_number(&written), Some(n as f64), "{}", written);
        }
    }
}
