//! Quote marks around and inside names: where a quoted name ends (“六个一”项目推进工作机制,
//! 唱响“购在西湖”品牌), and when quoted words are no named thing at all — an honour received
//! (荣获“…”), a slogan (“项目为王”理念), a saying, a role (当好首都“护城河”), a list of phrases.

use std::ops::Range;

use super::EntityMention;
use super::names::{ends_with_any, is_han, starts_with_any};
use crate::rules::{Class, Lexicons, Rule};
use crate::text::{Document, Pos, Span, Token, is_chinese_numeral};

/// A name as a rule matched it, its quote marks taken off.
pub(super) struct Unquoted {
    /// The name: without the marks around it, run on past a closing quote inside it.
    pub range: Range<usize>,
    /// The match had quote marks at its edges.
    pub marked: bool,
    /// The match opened with a quote mark: the report marks where the name ends.
    pub opens_quoted: bool,
    /// A kind after the quote (品牌) says what the quoted words name.
    pub kind_after: bool,
}

/// The name a match of `text` holds: the mention is the name, not the quote marks around it;
/// 唱响“购在西湖”品牌 names 购在西湖 (a `kind_after_quote` word), and a name whose closing
/// quote lies inside it runs on ([`quoted_run_on`]).
pub(super) fn unquote(text: &str, range: Range<usize>, lexicons: &Lexicons) -> Unquoted {
    let quoted = &text[range.clone()];
    let inner = strip_quotes(quoted);
    let lead = quoted.find(inner).unwrap_or(0);
    let mut name = range.start + lead..range.start + lead + inner.len();
    let kind_after = inner
        .split_once('”')
        .filter(|(_, kind)| lexicons.words("kind_after_quote").iter().any(|w| w == kind));
    if let Some((head, _)) = kind_after {
        name.end = name.start + head.len();
    } else if inner.contains(is_quote) {
        name = quoted_run_on(text, name, inner, lexicons);
    }
    Unquoted {
        range: name,
        marked: quoted != inner,
        opens_quoted: quoted.starts_with(is_quote),
        kind_after: kind_after.is_some(),
    }
}

/// Whether a quoted name is a list of phrases: it holds 、 and nothing makes the list one
/// thing, neither a count heading it (“六个走前列、做标杆”) nor a program's ending after it
/// (“提醒、约谈”的督查机制); the caller checks a kind after it (“诚信燕赵、投资沃土”品牌).
pub(super) fn a_list_of_phrases(name: &str, rest: &str, lexicons: &Lexicons) -> bool {
    let counted = name
        .trim_start_matches(is_chinese_numeral)
        .starts_with('个')
        && name.starts_with(is_chinese_numeral);
    name.contains('、') && !counted && !names_a_program_after(name, rest, lexicons)
}

/// Whether a name a suffix rule found is a piece of a quote, the quote rule's to read:
/// it starts a quote that goes on (…区“梦想小街”电商产业园, “道平路净见本色”), it is a whole
/// quote ending in one place char, as often a slogan as a place (当好首都“护城河”), or it lies
/// inside a quote up to its end (与强势企业的“对标行动”). A program's ending inside a quote
/// that holds a clause break is a piece of a saying (“打造一域一队伍…,组织一周一活动、…”);
/// places a saying names stay places.
pub(super) fn a_piece_of_a_quote(
    text: &str,
    range: &Range<usize>,
    class: Class,
    lexicons: &Lexicons,
) -> bool {
    let whole_quote = text[range.end..]
        .strip_prefix('”')
        .is_some_and(|a| !a.starts_with(is_han));
    let one_place_char = lexicons
        .suffix_of(&text[range.clone()])
        .is_some_and(|s| s.class == Class::Place && s.text.chars().count() == 1);
    let quote = enclosing_quote(text, range);
    let inside_after_start = quote
        .is_some_and(|(open, close)| open + '“'.len_utf8() < range.start && close == range.end);
    let in_a_saying =
        quote.is_some_and(|(open, close)| text[open..close].contains([',', ';', '。', ':']));
    (text[..range.start].ends_with('“') && (!whole_quote || one_place_char))
        || inside_after_start
        || (class == Class::Program && in_a_saying)
}

/// The quote `range` lies in, as the byte offsets of its “ and its ”: the last quote mark
/// before the range opens one, the next after it closes it.
fn enclosing_quote(text: &str, range: &Range<usize>) -> Option<(usize, usize)> {
    let open = text[..range.start]
        .rfind(['“', '”'])
        .filter(|&i| text[i..].starts_with('“'))?;
    let close = range.end
        + text[range.end..]
            .find(['“', '”'])
            .filter(|&j| text[range.end + j..].starts_with('”'))?;
    Some((open, close))
}

/// A quoted honour (荣获“全国文明城市”) is a fact about its receiver, and a quoted slogan
/// (“项目为王”理念) a way of speaking: neither is a named thing. The words before the match are
/// the rule's `not_after` list, the words after it its `not_before` list.
pub(super) fn spoken_of_otherwise(
    rule: &Rule,
    name: &str,
    text: &str,
    whole: &Range<usize>,
    range: &Range<usize>,
    lexicons: &Lexicons,
) -> bool {
    let after = text[whole.end..].trim_start_matches(['”', '"']);
    if let Some(list) = &rule.not_after {
        // In a list of quoted phrases (严打“黑拐骗”、“黄赌毒”, 交通的“主动脉”和“微循环”) the
        // word before the first one counts for all of them (a comma ends a clause, not an item).
        let mut before = text[..whole.start].trim_end_matches(['“', '"']);
        while let Some(rest) = lexicons
            .words("list_separator")
            .iter()
            .filter(|sep| sep.as_str() != ",")
            .find_map(|sep| before.strip_suffix(sep.as_str()))
            .and_then(|b| b.strip_suffix('”'))
        {
            match rest.rfind('“') {
                Some(open) => before = &rest[..open],
                None => break,
            }
        }
        // …为主要内容的“幸福三重奏”建设, 成为“中国共产党的故事”专题宣介会: the words after
        // can name it after all, a word of `program_follow` or a suffix the name runs on to.
        let named_after = name.contains(is_quote)
            || starts_with_any(after, lexicons.words("program_follow"))
            || starts_with_any(after, lexicons.words("spelled_out_after"))
            || a_numbered_set(name, after, lexicons);
        if !named_after && ends_with_any(before, lexicons.words(list)) {
            return true;
        }
        // 推动朝阳新城“产城融合”, 推进机构改革“后半篇文章”: a quote right after a place's or
        // a program's name says what it does or becomes (a program there has its ending in or
        // after the quote: 农业产业化项目“111行动计划”).
        let own_ending = lexicons.suffix_of(name).is_some();
        let after_a_name = !own_ending
            && lexicons.suffixes.iter().any(|s| {
                s.class != Class::Organization
                    && !s.weak
                    && s.text.chars().count() >= 2
                    && before.strip_suffix(s.text.as_str()).is_some_and(|head| {
                        head.chars().rev().take_while(|c| is_han(*c)).count() >= 2
                    })
            });
        if !named_after && after_a_name {
            return true;
        }
        // 争创全省双拥模范区“十连冠”: a quote in a clause that awards an honour is the honour
        // (获 alone is too short to tell), and one in a clause that casts a role is the role
        // (当好首都“护城河”).
        let clause = before
            .rfind([',', ';', '。', ':'])
            .map_or(before, |i| &before[i..]);
        if !named_after
            && ["honour_verb", "role_verb"].iter().any(|list| {
                lexicons
                    .words(list)
                    .iter()
                    .any(|w| w.chars().count() > 1 && clause.contains(w.as_str()))
            })
        {
            return true;
        }
    }
    if let Some(list) = &rule.not_before {
        // “提醒、约谈”的督查机制: 的 and a program's ending name what the quote is.
        let named = names_a_program_after(name, &text[range.end..], lexicons);
        // 实施道路“白改黑”172条: what a count follows is a kind of work or thing; a numbered
        // slogan is still one (“十个常态化”30项措施).
        let counted = after.starts_with(|c: char| c.is_ascii_digit())
            && !name.starts_with(is_chinese_numeral);
        // “发展是硬道理”: a quoted statement, not a name (a marker at the start is part of a
        // name: “要我做” is rejected for its 从…向).
        let statement = name.chars().count() >= 4
            && lexicons
                .words("statement_marker")
                .iter()
                .any(|w| name.find(w.as_str()).is_some_and(|i| i > 0));
        // 遏制耕地“非农化”: a quoted process or trend, unless a count makes it a set of them
        // (“十个常态化”30项措施, “三重四创五优化”活动).
        let process = ends_with_any(name, lexicons.words("process_end"))
            && !name.contains(is_chinese_numeral);
        let slogan =
            starts_with_any(after, lexicons.words(list)) && !a_numbered_set(name, after, lexicons);
        // 死亡人数“双下降”, “三增加”: a count of changes is an outcome, no program.
        let changes = name.trim_start_matches(|c| is_chinese_numeral(c) || c == '双' || c == '个');
        let outcome = changes.len() < name.len()
            && lexicons.words("change_verb").iter().any(|v| v == changes);
        if !named && (counted || statement || process || slogan || outcome) {
            return true;
        }
    }
    false
}

/// Whether a quoted name is a numbered set of ideas or requirements (坚持“四个办奥”理念, 落实
/// “四早”要求), named where one idea is a slogan (“项目为王”理念).
fn a_numbered_set(name: &str, after: &str, lexicons: &Lexicons) -> bool {
    name.starts_with(is_chinese_numeral)
        && starts_with_any(after, lexicons.words("numbered_set_after"))
}

/// The words a quoted name that runs on past its closing quote (`inner` holds the quote) is
/// made of: on to the last ending after a weak one, on to 建设 after a body's ending, and back
/// to the level before the quote that owns a body.
fn quoted_run_on(
    text: &str,
    mut range: Range<usize>,
    inner: &str,
    lexicons: &Lexicons,
) -> Range<usize> {
    // “六个一”项目推进工作机制: a quoted name run on to a weak ending (项目, 机制) runs on to the
    // last ending of the words that follow it without a break.
    let suffix = lexicons.suffix_of(inner);
    if suffix.is_some_and(|s| s.weak) {
        let rest = &text[range.end..];
        // Up to eight chars, not across a function word (“十三五”规划 | 确定的各项目标).
        let ends: Vec<usize> = rest
            .char_indices()
            .take(8)
            .take_while(|&(_, c)| is_han(c) && !"等的各和与及是为在全".contains(c))
            .map(|(i, c)| i + c.len_utf8())
            .collect();
        if let Some(&end) = ends
            .iter()
            .rev()
            .find(|&&e| ends_in_program_suffix(&rest[..e], lexicons))
        {
            range.end += end;
        }
    }
    // “五型”政府建设: a quoted name run on to a body's ending and then to a program's work is
    // the program (the body has no owner here).
    let owned = suffix.is_some_and(|s| s.owned);
    if owned {
        if let Some(work) = lexicons
            .words("program_follow")
            .iter()
            .find(|w| text[range.end..].starts_with(w.as_str()))
        {
            range.end += work.len();
        }
    }
    // 组建区“12345”服务热线办: a body's name in quotes takes the level before them as its owner.
    if owned && text[..range.start].ends_with('“') {
        // 区“…” or 区级“…”.
        let quote_at = range.start - '“'.len_utf8();
        let before = &text[..quote_at];
        let before = before.strip_suffix('级').unwrap_or(before);
        if let Some(level) = lexicons
            .words("level_chars")
            .iter()
            .find(|l| before.ends_with(l.as_str()))
        {
            let head = &before[..before.len() - level.len()];
            let at_boundary =
                !head.ends_with(is_han) || ends_with_any(head, lexicons.words("boundary"));
            if at_boundary {
                range.start = head.len();
            }
        }
    }
    range
}

/// Whether a quoted list names one program: it runs on to a program's ending, or 的 and a
/// program's ending follow its closing quote (“提醒、通报、警告、约谈”的督查机制).
fn names_a_program_after(name: &str, rest: &str, lexicons: &Lexicons) -> bool {
    if name.contains(is_quote) {
        return ends_in_program_suffix(name, lexicons);
    }
    let Some(after) = rest.strip_prefix('”').and_then(|r| r.strip_prefix('的')) else {
        return false;
    };
    after
        .char_indices()
        .take(6)
        .take_while(|&(_, c)| is_han(c))
        .any(|(i, c)| ends_in_program_suffix(&after[..i + c.len_utf8()], lexicons))
}

/// Whether words end in a program's ending of two chars or more (机制, 活动, 工程 …).
fn ends_in_program_suffix(words: &str, lexicons: &Lexicons) -> bool {
    lexicons.suffixes.iter().any(|s| {
        s.class == Class::Program && s.text.chars().count() >= 2 && words.ends_with(&s.text)
    })
}

/// Where a program's name that opens with a quote and runs on past it (“领跑者”企业培育行动)
/// starts when words before the quote say what it is of: 实施|县域特色产业集群“领跑者”…,
/// 推行|招标投标“双盲”评审改革. Those words are the nouns (and adjectives, and spans of time:
/// 三年“倍增”计划) right before the quote, back to a verb, a function word, a boundary word or
/// a break, at most twelve chars, and two words at least: one noun is as often the field the
/// program is in (社区治理“2545”工作模式, 国家“一刻钟便民生活圈”试点). `tokens` are the
/// document's words in order.
pub(super) fn modifiers_before(
    doc: &Document,
    tokens: &[Token],
    name: &EntityMention,
    lexicons: &Lexicons,
) -> Option<usize> {
    let quote_at = name.span.start.checked_sub(1)?;
    let runs_on = name.class == Class::Program.name() && name.surface.contains('”');
    if !runs_on || doc.norm_slice(Span::new(quote_at, name.span.start)) != "“" {
        return None;
    }
    let before = &tokens[..tokens.partition_point(|t| t.span.end <= quote_at)];
    let boundary = lexicons.words("boundary");
    let (mut start, mut words) = (quote_at, 0);
    for t in before.iter().rev() {
        let word = doc.norm_slice(t.span);
        // …产业三年“倍增”计划 (河北 2022): a plan's years are part of its name.
        let modifier = (matches!(
            t.pos,
            Pos::Noun
                | Pos::VerbalNoun
                | Pos::Place
                | Pos::Organization
                | Pos::Proper
                | Pos::Adjective
                | Pos::Time
        ) || (t.pos == Pos::Numeral && word.ends_with('年')))
            && word.chars().all(is_han)
            && !boundary.iter().any(|b| b == word);
        if t.span.end != start || !modifier || quote_at - t.span.start > 12 {
            break;
        }
        start = t.span.start;
        words += 1;
    }
    (words >= 2).then_some(start)
}

/// A quote mark: around or inside a name, never part of it.
pub fn is_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '‘' | '’' | '《' | '》')
}

/// Quote marks around or inside a name, which are not part of the name itself.
pub fn strip_quotes(name: &str) -> &str {
    name.trim_matches(is_quote)
}
