//! Reading the data files of `ontology/` (TOML), with errors that name the file and line.

use std::path::{Path, PathBuf};

use regex::Regex;
use serde::de::DeserializeOwned;
use thiserror::Error;
use toml::Spanned;

/// A problem in one of the data files of `ontology/`: where it is and what to do about it.
#[derive(Debug, Error)]
#[error("{path}:{line}: {message}")]
pub struct DataFileError {
    pub path: PathBuf,
    /// 1-based; 0 when the problem is the file as a whole.
    pub line: usize,
    pub message: String,
}

/// One data file's text, kept to turn byte spans into line numbers.
pub struct DataFile {
    pub path: PathBuf,
    pub source: String,
}

impl DataFile {
    pub fn read(path: &Path) -> Result<DataFile, DataFileError> {
        let source = crate::files::read_to_string(path).map_err(|e| DataFileError {
            path: path.to_owned(),
            line: 0,
            message: format!("cannot read: {e}"),
        })?;
        Ok(DataFile {
            path: path.to_owned(),
            source,
        })
    }

    /// Deserializes the whole file; unknown fields and type errors name their line.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, DataFileError> {
        toml::from_str(&self.source).map_err(|e| {
            let line = e.span().map_or(0, |s| self.line_at(s.start));
            self.error(line, e.message().trim().to_owned())
        })
    }

    /// 1-based line of a byte offset into the file.
    pub fn line_at(&self, byte: usize) -> usize {
        1 + self.source[..byte.min(self.source.len())]
            .bytes()
            .filter(|&b| b == b'\n')
            .count()
    }

    /// Line of a spanned value.
    pub fn line_of<T>(&self, value: &Spanned<T>) -> usize {
        self.line_at(value.span().start)
    }

    pub fn error(&self, line: usize, message: impl Into<String>) -> DataFileError {
        DataFileError {
            path: self.path.clone(),
            line,
            message: message.into(),
        }
    }

    /// Compiles a regex written in the file; a bad one names its line and the regex error.
    pub fn regex(&self, pattern: &Spanned<String>) -> Result<Regex, DataFileError> {
        compile_regex(pattern.get_ref()).map_err(|e| {
            self.error(
                self.line_of(pattern),
                format!("bad regex: {e}\nfix the pattern (Rust regex syntax: https://docs.rs/regex/latest/regex/#syntax)"),
            )
        })
    }
}

/// The lazy DFA's cache of a rule's regex, at most: the suffix rules' alternations after a
/// run of up to 16 Han chars have many states, and with the regex crate's default (2 MB) the
/// cache of the largest was cleared and its states built again report after report (callgrind:
/// 7% of a corpus build's instructions). Caches grow only as far as a regex needs: a 200-report
/// build peaks at the same RSS with 2, 4 or 8 MB.
const LAZY_DFA_CACHE: usize = 8 << 20;

/// Compiles a rule's regex (with the rules' cache size).
pub fn compile_regex(pattern: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(LAZY_DFA_CACHE)
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Probe {
        name: String,
        pattern: Spanned<String>,
    }

    fn file(source: &str) -> DataFile {
        DataFile {
            path: PathBuf::from("probe.toml"),
            source: source.to_owned(),
        }
    }

    #[test]
    fn unknown_field_names_its_line() {
        let err = file("name = 'x'\npattern = 'a'\ncolour = 1\n")
            .parse::<Probe>()
            .err()
            .unwrap();
        assert_eq!(err.line, 3);
        assert!(err.to_string().starts_with("probe.toml:3: "), "{err}");
        assert!(err.message.contains("colour"), "{err}");
    }

    #[test]
    fn bad_regex_names_its_line() {
        let f = file("name = 'x'\n\npattern = '(unclosed'\n");
        let probe: Probe = f.parse().unwrap();
        let err = f.regex(&probe.pattern).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.contains("bad regex"), "{err}");
    }
}
