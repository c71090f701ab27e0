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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
