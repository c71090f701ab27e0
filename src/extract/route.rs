//! Routes named by the places they join, one char for each (京雄城际, 秦唐高速, 京沈客专,
//! 长邯聊…), and their sections (秦唐高速秦皇岛段, 京沈客专京承段). No dictionary knows such a
//! name, so the segmenter leaves each abbreviation a word of one char: a run of two or three of
//! them right before a road's ending (a `Road` suffix of two chars or more) is the route (a
//! street so named, 桃苑大街, is found the same way).

use super::EntityMention;
use crate::rules::{Class, Lexicons};
use crate::text::{Document, Pos, Span, Token};

/// The rule id of routes named by abbreviations.
pub const ROUTE_RULE: &str = "extract.route";

/// As a known name: below a division's own rule, above what a suffix guesses.
const PRIORITY: i32 = 72;

/// The routes of `tokens` (a document's words in order), and beside them the route each
/// section found is part of.
pub fn find(
    doc: &Document,
    tokens: &[Token],
    lexicons: &Lexicons,
    divisions: &[String],
) -> (Vec<EntityMention>, Vec<EntityMention>) {
    let (mut found, mut nested) = (Vec::new(), Vec::new());
    for (i, ending) in tokens.iter().enumerate() {
        if !is_road_ending(doc.norm_slice(ending.span), lexicons) {
            continue;
        }
        let Some(start) = abbreviations_before(doc, &tokens[..i]) else {
            continue;
        };
        let route = mention(doc, Span::new(start, ending.span.end));
        match section_end(doc, &tokens[i + 1..], ending.span.end, divisions) {
            Some(end) => {
                found.push(mention(doc, Span::new(start, end)));
                nested.push(route);
            }
            None => found.push(route),
        }
    }
    (found, nested)
}

fn mention(doc: &Document, span: Span) -> EntityMention {
    EntityMention {
        rule: ROUTE_RULE.into(),
        priority: PRIORITY,
        class: Class::Place.name().into(),
        subclass: Some("Road".into()),
        surface: doc.norm_slice(span).to_owned(),
        span,
        definition: None,
    }
}

/// Whether `word` is an ending of roads' names of two chars or more (高速, 高铁, 城际, 客专).
fn is_road_ending(word: &str, lexicons: &Lexicons) -> bool {
    word.chars().count() >= 2
        && lexicons.suffixes.iter().any(|s| {
            s.text == word && s.class == Class::Place && s.subclass.as_deref() == Some("Road")
        })
}

/// Where a run of two or three one-char words ends `before` (the words before a road's
/// ending), each a Chinese char that is no function word, count or classifier, and the run
/// no longer than that: 推进|京|雄 gives 京雄; 在|京 and 这|条 give nothing.
fn abbreviations_before(doc: &Document, before: &[Token]) -> Option<usize> {
    let mut start = before.last()?.span.end;
    let mut run = 0;
    for t in before.iter().rev() {
        let abbreviation = t.span.end == start
            && t.span.len() == 1
            && !t.pos.is_function()
            && !matches!(t.pos, Pos::Numeral | Pos::Classifier | Pos::Symbol)
            && doc.norm_slice(t.span).chars().all(super::is_han);
        if !abbreviation {
            break;
        }
        start = t.span.start;
        run += 1;
    }
    (2..=3).contains(&run).then_some(start)
}

/// Where a section named after a route ends (…秦皇岛段, …京承段): a division the report can
/// name, or two abbreviations, then 段, right after the route's `end`.
fn section_end(doc: &Document, after: &[Token], end: usize, divisions: &[String]) -> Option<usize> {
    let marker = after
        .iter()
        .take(3)
        .position(|t| doc.norm_slice(t.span) == "段")?;
    let between = &after[..marker];
    let first = between.first()?;
    let named = Span::new(first.span.start, between.last()?.span.end);
    let place = doc.norm_slice(named);
    let abbreviated = abbreviations_before(doc, between) == Some(first.span.start);
    let divided = divisions.iter().any(|d| d == place);
    (first.span.start == end && (abbreviated || divided)).then_some(after[marker].span.end)
}
