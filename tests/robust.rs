//! Whatever text comes in, the pipeline does not panic, and what it finds points back to the
//! words that produced it: slices of the seed cut anywhere, with quotes, brackets and list
//! marks thrown in.

mod common;

use common::{ontology, report_text, seed_text};
use policykg::extract::tokens;
use policykg::pipeline::Report;
use proptest::prelude::*;

/// Marks that rules look around: quotes, brackets, list and clause separators, numerals, a
/// colon and a line break (listings), a shared ending's 与, a count's 个.
const MARKS: [&str; 17] = [
    "“", "”", "(", ")", "、", ",", "。", "区", "三大", "里", "第", "%", ":", "\n", "与", "等",
    "五个",
];

/// Words without quote marks, bracketed asides and spaces: how a mention's surface is written.
fn plain(words: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in words.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '“' | '”' | '"' | '‘' | '’' | '《' | '》' => {}
            _ if depth == 0 && !c.is_whitespace() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every mention's span slices back to its words (a shared ending may complete them), every
/// quantity's span holds its value, and each sentence's words put together are the sentence.
fn points_back(r: &Report) -> Result<(), TestCaseError> {
    let doc = &r.doc;
    for m in &r.extraction.entities {
        let written = plain(doc.norm_slice(m.span));
        prop_assert!(!written.is_empty(), "{m:?}");
        prop_assert!(
            plain(&m.surface).starts_with(&written),
            "{m:?} at {written:?}"
        );
    }
    for q in &r.extraction.quantities {
        prop_assert!(doc.norm_slice(q.span).contains(&q.value_text), "{q:?}");
    }
    let tokens = tokens(doc, &ontology().rules.segmenter);
    for s in &doc.layout.sentences {
        let words: String = tokens
            .iter()
            .filter(|t| s.span.contains(t.span))
            .map(|t| doc.norm_slice(t.span))
            .collect();
        prop_assert_eq!(words.as_str(), doc.norm_slice(s.span));
    }
    Ok(())
}

#[test]
fn the_seed_points_back_to_its_words() {
    let r = report_text(&seed_text());
    assert!(r.extraction.entities.len() > 100);
    assert!(r.extraction.quantities.len() > 50);
    points_back(&r).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_slice_of_a_report_builds(start in 0usize..20_000, len in 0usize..3_000, marks in proptest::collection::vec((0usize..3_000, 0usize..MARKS.len()), 0..16)) {
        let text = seed_text();
        let chars: Vec<char> = text.chars().collect();
        let start = start.min(chars.len());
        let end = (start + len).min(chars.len());
        let mut slice: Vec<String> = chars[start..end].iter().map(|c| c.to_string()).collect();
        for (at, mark) in marks {
            let at = at.min(slice.len());
            slice.insert(at, MARKS[mark].to_owned());
        }
        let r = report_text(&slice.concat());
        points_back(&r)?;
    }
}
