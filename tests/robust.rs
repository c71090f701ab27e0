//! Whatever text comes in, the pipeline does not panic: slices of the seed cut anywhere, with
//! quotes, brackets and list marks thrown in.

mod common;

use common::{report_text, seed_text};
use proptest::prelude::*;

/// Marks that rules look around: quotes, brackets, list and clause separators, numerals, a
/// colon and a line break (listings), a shared ending's 与, a count's 个.
const MARKS: [&str; 17] = [
    "“", "”", "(", ")", "、", ",", "。", "区", "三大", "里", "第", "%", ":", "\n", "与", "等",
    "五个",
];

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
        prop_assert!(r.resolved.entities.iter().all(|e| !e.label.is_empty()));
    }
}
