//! Reports saved as GB18030 (GBK) or UTF-16 with a byte-order mark build as their UTF-8 text
//! does, with a note on stderr; bytes no encoding reads as Chinese are refused with the command
//! that converts them.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// Writes the seed, encoded by `encode`, as `dir/<SEED>.txt`, builds it, and returns the
/// build's output folder and stderr.
fn build_encoded(dir: &Path, encode: impl Fn(&str) -> Vec<u8>) -> (PathBuf, String) {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let file = input.join(format!("{SEED}.txt"));
    std::fs::write(&file, encode(&seed_text())).unwrap();
    let out = dir.join("out");
    let o = build_into(&[&file], &out);
    assert!(o.status.success(), "{}", stderr(&o));
    (out, stderr(&o))
}

fn turtle(out: &Path) -> String {
    std::fs::read_to_string(out.join(format!("{SEED}.ttl"))).unwrap()
}

#[test]
fn gb18030_and_utf16_reports_build_as_their_utf8_text() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = turtle(seed_build());
    let (out, err) = build_encoded(&dir.path().join("gb"), |t| {
        encoding_rs::GB18030.encode(t).0.into_owned()
    });
    assert!(err.contains("read as GB18030"), "{err}");
    assert!(err.contains(&format!("{SEED}.txt")), "{err}");
    assert!(turtle(&out) == utf8, "GB18030 gives other triples");
    for (name, bom, to_bytes) in [
        (
            "UTF-16LE",
            [0xFF, 0xFE],
            u16::to_le_bytes as fn(u16) -> [u8; 2],
        ),
        ("UTF-16BE", [0xFE, 0xFF], u16::to_be_bytes),
    ] {
        let (out, err) = build_encoded(&dir.path().join(name), |t| {
            bom.into_iter()
                .chain(t.encode_utf16().flat_map(to_bytes))
                .collect()
        });
        assert!(err.contains(&format!("read as {name}")), "{err}");
        assert!(turtle(&out) == utf8, "{name} gives other triples");
    }
}

#[test]
fn a_utf8_report_says_nothing_about_encodings() {
    let dir = tempfile::tempdir().unwrap();
    let (_, err) = build_encoded(dir.path(), |t| t.as_bytes().to_vec());
    assert!(!err.contains("read as"), "{err}");
}

fn refused(bytes: &[u8], words: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.txt");
    std::fs::write(&file, bytes).unwrap();
    let out = dir.path().join("out");
    let o = build_into(&[&file], &out);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    for w in words {
        assert!(err.contains(w), "{w:?} missing from: {err}");
    }
    assert!(!out.exists());
}

#[test]
fn big5_is_refused_with_the_command_that_converts_it() {
    let (big5, _, _) = encoding_rs::BIG5.encode("各位代表:\n現在,我代表市人民政府向大會報告工作。");
    refused(&big5, &["report.txt:1", "not UTF-8", "iconv"]);
}

#[test]
fn utf16_with_an_unpaired_surrogate_is_refused_with_its_line() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("各位代表:\n现在".encode_utf16().flat_map(u16::to_le_bytes));
    bytes.extend([0x00, 0xD8]); // a high surrogate with no low one after it
    bytes.extend("报告。".encode_utf16().flat_map(u16::to_le_bytes));
    refused(&bytes, &["report.txt:2", "UTF-16LE", "iconv -f UTF-16"]);
}
