//! Reading a report from disk: UTF-8 only, with the place of the first bad byte.

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
    #[error("{path}: the file is empty; a report needs text")]
    Empty { path: PathBuf },
}

/// Reads `path` as UTF-8 text (a leading byte-order mark is kept: it is one char of the input
/// and offsets count it).
pub fn read_report(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        LoadError::NotUtf8 {
            path: path.to_owned(),
            line: 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count(),
            offset,
            byte: bytes[offset],
        }
    })?;
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_first_bad_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gbk.txt");
        std::fs::write(&path, b"ok\n\xd5\xfe").unwrap();
        let err = read_report(&path).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("gbk.txt:2"), "{msg}");
        assert!(msg.contains("byte offset 3"), "{msg}");
        assert!(msg.contains("0xD5"), "{msg}");
    }

    #[test]
    fn refuses_an_empty_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.txt");
        std::fs::write(&path, " \n").unwrap();
        assert!(matches!(read_report(&path), Err(LoadError::Empty { .. })));
    }
}
