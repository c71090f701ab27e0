//! Character-for-character normalization.
//!
//! Scraped reports mix full-width (`，：（）％１２`) and half-width (`,:()%12`) forms of the same
//! punctuation and digits. Rules are written once, against the half-width forms. The mapping is
//! one `char` to one `char`, so a char offset into the normalized text is the same offset into
//! the original: mentions slice back to the words the user gave us without an offset map.

/// The half-width form of one character, or the character itself.
pub fn normalize_char(c: char) -> char {
    match c {
        // Full-width ASCII variants: digits, Latin letters and ASCII punctuation.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        _ => c,
    }
}

/// The normalized text: same number of chars as `text`, each mapped by [`normalize_char`].
pub fn normalize(text: &str) -> String {
    text.chars().map(normalize_char).collect()
}

/// Marks that go on a clause: a line that starts with one continues the line before.
const CLAUSE_MARKS: [char; 4] = [',', '、', ';', ':'];

/// The longest line (chars) a page sets apart inside a sentence, as scraped pages do with a
/// highlighted phrase (…数量并列⏎全国第一⏎,企业…).
const SET_APART: usize = 12;

/// `norm` with the line breaks that cut a sentence turned into spaces (one char for one
/// char): the break before a line that starts with a clause mark, and the breaks around a
/// phrase a page set apart on a line of its own inside a paragraph (a short line without
/// punctuation after a paragraph's unfinished line, before a line that is no heading).
pub fn join_broken_lines(norm: String) -> String {
    let lines: Vec<&str> = norm.split('\n').map(str::trim).collect();
    let starts_clause_mark = |l: &str| l.starts_with(CLAUSE_MARKS);
    let set_apart = |l: &str| {
        (1..=SET_APART).contains(&l.chars().count())
            && !l.contains(|c: char| {
                c.is_ascii_punctuation() && c != '(' && c != ')' || "。、“”".contains(c)
            })
    };
    let stops = |l: &str| l.ends_with(['。', '!', '?', ':', '”', ')']);
    // A heading starts with its number: 二、 or (三).
    let heading = |l: &str| l.starts_with('(') || l.chars().nth(1) == Some('、') || l.is_empty();
    // joins[i]: the break after line i is no line's end.
    let mut joins: Vec<bool> = (0..lines.len().saturating_sub(1))
        .map(|i| starts_clause_mark(lines[i + 1]))
        .collect();
    for i in 1..joins.len() {
        let (before, line, after) = (lines[i - 1], lines[i], lines[i + 1]);
        // A paragraph's line, cut before its end: longer than a menu's and with clauses (or
        // itself the end of a cut line), without a stop.
        let paragraph = before.chars().count() > SET_APART && before.contains(CLAUSE_MARKS)
            || starts_clause_mark(before);
        if set_apart(line) && paragraph && !stops(before) && (joins[i] || !heading(after)) {
            joins[i - 1] = true;
            joins[i] = true;
        }
    }
    if !joins.contains(&true) {
        return norm;
    }
    let mut out = String::with_capacity(norm.len());
    for (i, line) in norm.split('\n').enumerate() {
        let joined = joins.get(i).copied().unwrap_or(false);
        match line.strip_suffix('\r') {
            Some(l) if joined => out.extend([l, " "]),
            _ => out.push_str(line),
        }
        if i < joins.len() {
            out.push(if joined { ' ' } else { '\n' });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_phrase_set_apart_on_its_own_line_joins_its_sentence() {
        let text = "工业经济提质增效,产业集群数量并列\n全国第一\n,企业上云率保持\n全国第一\n,项目投产。\n一、工作回顾\n全省增长5%。";
        let joined = join_broken_lines(text.to_owned());
        assert_eq!(
            joined,
            "工业经济提质增效,产业集群数量并列 全国第一 ,企业上云率保持 全国第一 ,项目投产。\n一、工作回顾\n全省增长5%。"
        );
        assert_eq!(joined.chars().count(), text.chars().count());
        // A heading before a paragraph, and a short line after a full stop, stay lines.
        let kept = "一、工作回顾\n全省增长5%。\n全国第一\n,企业";
        assert_eq!(
            join_broken_lines(kept.to_owned()),
            "一、工作回顾\n全省增长5%。\n全国第一 ,企业"
        );
    }

    #[test]
    fn maps_full_width_punctuation_and_digits() {
        assert_eq!(normalize("增长６４．５％，（一）：；"), "增长64.5%,(一):;");
        assert_eq!(normalize("各位代表　"), "各位代表 ");
        // Chinese punctuation without a half-width twin stays.
        assert_eq!(normalize("“雪亮工程”、。"), "“雪亮工程”、。");
    }

    proptest! {
        #[test]
        fn keeps_char_count_and_is_idempotent(s in "\\PC{0,40}") {
            let once = normalize(&s);
            prop_assert_eq!(once.chars().count(), s.chars().count());
            prop_assert_eq!(normalize(&once), once);
        }
    }
}
