//! Valid text of shapes no report has builds, or is refused with a clear message: many
//! numbers in one sentence, a long line without punctuation, deeply nested quotes and
//! brackets, a file far larger than a report, each at the size #15 names (50,000 numbers,
//! a 1 MB line, 20,000 marks, 100 MB). Their times and peak memory at growing sizes, to show
//! that both grow linearly, are `scripts/bench-inputs`.

mod common;

use common::*;
use policykg::text::{Document, MAX_SENTENCE};

/// Builds one generated report and returns its Turtle and the build's stdout.
fn build_shaped(kind: &str, size: usize) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let input = shaped_input(dir.path(), kind, size);
    let out = dir.path().join("out");
    let o = build_into(&[&input], &out);
    assert!(o.status.success(), "{kind} {size}: {}", stderr(&o));
    let stem = input.file_stem().unwrap().to_string_lossy().into_owned();
    let ttl = std::fs::read_to_string(out.join(format!("{stem}.ttl"))).unwrap();
    (ttl, stdout(&o))
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn fifty_thousand_numbers_in_one_sentence() {
    let (ttl, summary) = build_shaped("numbers", 50_000);
    assert!(summary.contains("was cut"), "{summary}");
    // Each clause holds an investment and a growth: both are read.
    assert!(count(&ttl, "kg:value ") >= 45_000, "{summary}");
}

#[test]
fn no_sentence_is_longer_than_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, size) in [("numbers", 10_000), ("line", 50_000), ("nested", 20_000)] {
        let text = std::fs::read_to_string(shaped_input(dir.path(), kind, size)).unwrap();
        let doc = Document::from_text("t".into(), "t.txt".into(), text, &ontology().layout);
        let longest = doc.layout.sentences.iter().map(|s| s.span.len()).max();
        assert!(longest.unwrap() <= MAX_SENTENCE, "{kind}: {longest:?}");
        // Cut, not dropped: the sentences still cover the long paragraph.
        let covered: usize = doc.layout.sentences.iter().map(|s| s.span.len()).sum();
        assert!(covered >= size, "{kind}: {covered} of {size}");
    }
}

#[test]
fn a_one_megabyte_line_without_punctuation() {
    // 350,000 chars of three UTF-8 bytes each.
    let (ttl, summary) = build_shaped("line", 350_000);
    assert!(summary.contains("was cut"), "{summary}");
    assert!(ttl.contains("kg:Document"));
}

#[test]
fn twenty_thousand_nested_quotes_and_brackets() {
    let (ttl, summary) = build_shaped("nested", 20_000);
    assert!(summary.contains("was cut"), "{summary}");
    assert!(ttl.contains("kg:Document"));
}

#[test]
fn a_file_larger_than_any_report_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(100_000_000).unwrap(); // sparse: nothing is written
    let out = dir.path().join("out");
    let o = build_into(&[&big], &out);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    for words in ["big.txt", "100 MB", "too large", "split the file"] {
        assert!(err.contains(words), "{words:?} missing from: {err}");
    }
    assert!(!out.exists());
    assert_eq!(staging_folders(&out), Vec::<String>::new());
}
