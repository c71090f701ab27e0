//! Lists inside names: a program's name may open with a list of the fields it covers, each too
//! short to be a name of its own (市场、政务、法治、信用环境提升工程; 用能权、排污权交易改革).

use super::EntityMention;
use super::names::is_han;
use crate::rules::{Class, Lexicons};
use crate::text::{Document, Span, Token, is_chinese_numeral};

/// The most chars an item of such a list holds (全域控尘, 国资国企): longer ones are clauses.
const ITEM_CHARS: usize = 4;

/// Where the program `name` starts when a list of short items joined by 、 stands right before
/// it: each item two to four chars, shorter than the words before the name's ending (else the
/// items are names that share the ending), none of them a name (no ending of any class, no other
/// mention inside: 天网工程、雪亮工程 are two programs, 西桃花河、龙河…工程 the places rule's),
/// the first after a boundary word or a break (实施|市场、政务…). `tokens` are the document's
/// words in order; `others` the other names found.
pub(super) fn list_before_a_program(
    doc: &Document,
    tokens: &[Token],
    name: &EntityMention,
    others: &[EntityMention],
    lexicons: &Lexicons,
) -> Option<usize> {
    let quoted = name.surface.contains(['“', '”']);
    if name.class != Class::Program.name() || quoted || !separator_before(doc, name.span.start) {
        return None;
    }
    // 奶业、蔬菜…精品肉类五大千亿级工程: a count says the list names its members.
    if name.surface.chars().any(is_chinese_numeral) {
        return None;
    }
    // The words before the program's ending: an item as long or longer is one of a list of
    // names sharing the ending (国资国企、财税金融改革), not a field of this one.
    let ending = lexicons
        .suffix_of(&name.surface)
        .map_or(0, |s| s.text.chars().count());
    let head = name.span.len().saturating_sub(ending);
    let before = &tokens[..tokens.partition_point(|t| t.span.end <= name.span.start)];
    let boundary = lexicons.words("boundary");
    let mut start = name.span.start;
    let mut item_end = start - 1;
    let mut item_start = item_end;
    // Walks back over the words before the separator: an item ends at the next separator
    // (another item follows) or at a boundary word or a break (the list starts).
    for t in before.iter().rev().skip(1) {
        let word = doc.norm_slice(t.span);
        let separator = word == "、";
        let opens = !separator && (!word.chars().all(is_han) || boundary.iter().any(|b| b == word));
        if separator || opens {
            let item = Span::new(item_start, item_end);
            if !short_item(doc, item, others, lexicons) || item.len() >= head {
                return None;
            }
            start = item_start;
            if opens {
                return Some(start);
            }
            item_end = t.span.start;
            item_start = item_end;
            continue;
        }
        item_start = t.span.start;
        if item_end - item_start > ITEM_CHARS {
            return None;
        }
    }
    (start < name.span.start).then_some(start)
}

/// Whether the char before `at` is the list separator 、.
fn separator_before(doc: &Document, at: usize) -> bool {
    at > 0 && doc.norm_slice(Span::new(at - 1, at)) == "、"
}

/// Whether `item` is a list's item too short to be a name: two to four chars, no ending of
/// any class, no name found inside.
fn short_item(doc: &Document, item: Span, others: &[EntityMention], lexicons: &Lexicons) -> bool {
    let written = doc.norm_slice(item);
    (2..=ITEM_CHARS).contains(&item.len())
        && lexicons.suffix_of(written).is_none()
        && !others
            .iter()
            .any(|o| o.span.start < item.end && item.start < o.span.end)
}
