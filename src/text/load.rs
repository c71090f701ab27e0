//! Reading a report from disk: UTF-8; UTF-16 with a byte-order mark and GB18030 (GBK, GB2312)
//! decoded, as many reports are saved so; anything else refused with the place of the first bad
//! byte and the command that converts the file.

use std::path::{Path, PathBuf};

use thiserror::Error;

/// Why a report could not be read.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum LoadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}:{line}: not UTF-8: invalid byte 0x{byte:02X} at byte offset {offset}; convert the file to UTF-8 (e.g. `iconv -f GB18030 -t UTF-8`)"
    )]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        offset: usize,
        byte: u8,
    },
    #[error(
        "{path}:{line}: not valid {encoding} after its byte-order mark (an unpaired surrogate); convert the file to UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`)"
    )]
    BadUtf16 {
        path: PathBuf,
        line: usize,
        encoding: &'static str,
    },
    #[error(
        "{path}: {megabytes} MB is too large for one report (at most {max} MB; a work report is about 0.1 MB): split the file into its reports"
    )]
    TooLarge {
        path: PathBuf,
        megabytes: u64,
        max: u64,
    },
    #[error("{path}: the file is empty; a report needs text")]
    Empty { path: PathBuf },
}

/// The largest report file: a build's memory grows with the text (about 100 bytes per byte of
/// report), and a work report is about 0.1 MB, so a larger file is several reports in one.
pub const MAX_REPORT_BYTES: u64 = 10_000_000;

/// A report's text, and the encoding it was decoded from when that was not UTF-8.
#[derive(Debug)]
pub struct ReportText {
    pub text: String,
    pub decoded_from: Option<&'static str>,
}

/// Reads `path` as text: UTF-8 (a leading byte-order mark is kept: it is one char of the input
/// and offsets count it), UTF-16 after its byte-order mark, or GB18030 when the bytes are
/// Chinese in GB2312/GBK (offsets then count chars of the decoded text).
pub fn read_report(path: &Path) -> Result<ReportText, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_REPORT_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            megabytes: size.div_ceil(1_000_000),
            max: MAX_REPORT_BYTES / 1_000_000,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let decoded = decode(bytes, path)?;
    if decoded.text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(decoded)
}

fn decode(bytes: Vec<u8>, path: &Path) -> Result<ReportText, LoadError> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
            if had_errors {
                let bad = text.find('\u{FFFD}').unwrap_or(0);
                return Err(LoadError::BadUtf16 {
                    path: path.to_owned(),
                    line: 1 + text[..bad].matches('\n').count(),
                    encoding: encoding.name(),
                });
            }
            return Ok(ReportText {
                text: text.into_owned(),
                decoded_from: Some(encoding.name()),
            });
        }
    }
    let err = match String::from_utf8(bytes) {
        Ok(text) => {
            return Ok(ReportText {
                text,
                decoded_from: None,
            });
        }
        Err(err) => err,
    };
    let bytes = err.as_bytes();
    if looks_like_gb2312(bytes) {
        if let Some(text) =
            encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
        {
            return Ok(ReportText {
                text: text.into_owned(),
                decoded_from: Some("GB18030"),
            });
        }
    }
    let offset = err.utf8_error().valid_up_to();
    Err(LoadError::NotUtf8 {
        path: path.to_owned(),
        line: 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count(),
        offset,
        byte: bytes[offset],
    })
}

/// Whether bytes that are not UTF-8 read as Chinese in GB2312 (the common chars of GBK and
/// GB18030): nearly every two-byte char has its lead and trail byte in 0xA1–0xFE. UTF-8 cut
/// or mixed with GBK, Big5 and other encodings have trail bytes below 0xA1 in a large share
/// of their pairs, so they are refused rather than decoded into wrong chars.
fn looks_like_gb2312(bytes: &[u8]) -> bool {
    let (mut pairs, mut common) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let lead = bytes[i];
        match (lead, bytes.get(i + 1)) {
            (0x00..=0x7F, _) => i += 1,
            (0x81..=0xFE, Some(0x30..=0x39)) => i += 4,
            (0x81..=0xFE, Some(&trail)) => {
                pairs += 1;
                if (0xA1..=0xF7).contains(&lead) && trail >= 0xA1 && trail != 0xFF {
                    common += 1;
                }
                i += 2;
            }
            _ => return false,
        }
    }
    pairs > 0 && common * 100 >= pairs * 98
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_first_bad_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gbk.txt");
        // UTF-8 cut in the middle of a char: no encoding reads it.
        std::fs::write(&path, b"ok\n\xe5\x90").unwrap();
        let err = read_report(&path).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("gbk.txt:2"), "{msg}");
        assert!(msg.contains("byte offset 3"), "{msg}");
        assert!(msg.contains("0xE5"), "{msg}");
    }

    #[test]
    fn refuses_an_empty_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.txt");
        std::fs::write(&path, " \n").unwrap();
        assert!(matches!(read_report(&path), Err(LoadError::Empty { .. })));
    }

    #[test]
    fn decodes_gb18030_and_utf16_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let text = "各位代表:\n现在,我代表区人民政府作报告。\n";
        let (gbk, _, _) = encoding_rs::GB18030.encode(text);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        for (name, bytes, encoding) in [
            ("gbk.txt", gbk.into_owned(), "GB18030"),
            ("utf16.txt", utf16, "UTF-16LE"),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let read = read_report(&path).unwrap();
            assert_eq!(read.text, text, "{name}");
            assert_eq!(read.decoded_from, Some(encoding), "{name}");
        }
    }

    #[test]
    fn refuses_utf8_mixed_with_gbk_and_big5() {
        let dir = tempfile::tempdir().unwrap();
        let (big5, _, _) = encoding_rs::BIG5.encode("各位代表,現在我代表市人民政府向大會報告工作");
        let mixed = b"\xe5\x90\x84\xe4\xbd\x8d\n\xb8\xf7\xce\xbb".to_vec();
        for bytes in [big5.into_owned(), mixed] {
            let path = dir.path().join("r.txt");
            std::fs::write(&path, bytes).unwrap();
            let err = read_report(&path).expect_err("refused");
            assert!(matches!(err, LoadError::NotUtf8 { .. }), "{err}");
        }
    }
}
