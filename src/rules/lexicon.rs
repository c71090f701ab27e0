//! Word lists of `ontology/lexicons/`: entity suffixes with the class they signal, and named
//! word lists (boundary words, units, cue words) that rules splice into their patterns as
//! `{{words:NAME}}` or `{{suffix:CLASS}}`.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::datafile::{DataFile, DataFileError};

/// A suffix and the entity class (and optional subclass) a name ending in it belongs to.
#[derive(Debug, Clone)]
pub struct Suffix {
    pub text: String,
    pub class: String,
    pub subclass: Option<String>,
    /// Types a name but does not find one on its own (项目: 签约项目 is no program's name).
    pub weak: bool,
    /// Ends only a name that says whose it is (区政府, 南昌市疾控中心, 中央改革办): 用政府 and
    /// 邻里中心 are no body's name.
    pub owned: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Lexicons {
    /// Longest first, so that the first suffix a name ends with is the most specific.
    pub suffixes: Vec<Suffix>,
    pub words: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexiconFile {
    #[serde(default)]
    suffix: Vec<RawSuffixGroup>,
    #[serde(default)]
    words: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSuffixGroup {
    class: String,
    subclass: Option<String>,
    #[serde(default)]
    weak: bool,
    #[serde(default)]
    owned: bool,
    words: Vec<String>,
}

impl Lexicons {
    /// Reads every `*.toml` in `dir`, in name order.
    pub fn load_dir(dir: &Path, classes: &[&str]) -> Result<Lexicons, DataFileError> {
        let mut lexicons = Lexicons::default();
        // Each list's file (an index into `files`), to name it if an include goes wrong.
        let mut files: Vec<DataFile> = Vec::new();
        let mut written_in: BTreeMap<String, usize> = BTreeMap::new();
        for path in super::toml_files(dir)? {
            let file = DataFile::read(&path)?;
            let raw: RawLexiconFile = file.parse()?;
            for group in raw.suffix {
                if !classes.contains(&group.class.as_str()) {
                    return Err(file.error(
                        0,
                        format!("suffix class {:?} is not one of {classes:?}", group.class),
                    ));
                }
                for text in group.words {
                    lexicons.suffixes.push(Suffix {
                        text,
                        class: group.class.clone(),
                        subclass: group.subclass.clone(),
                        weak: group.weak,
                        owned: group.owned,
                    });
                }
            }
            for (name, words) in raw.words {
                written_in.entry(name.clone()).or_insert(files.len());
                lexicons.words.entry(name).or_default().extend(words);
            }
            files.push(file);
        }
        // "@LIST" stands for the words of another list (boundary_name = ["@boundary", …]).
        let includes: Vec<(String, String)> = lexicons
            .words
            .iter()
            .flat_map(|(name, words)| {
                words
                    .iter()
                    .filter(|w| w.starts_with('@'))
                    .map(move |w| (name.clone(), w.clone()))
            })
            .collect();
        for (name, word) in includes {
            let list = &word[1..];
            let included = lexicons
                .words
                .get(list)
                .filter(|words| !words.iter().any(|w| w.starts_with('@')))
                .cloned();
            let Some(included) = included else {
                let file = &files[written_in[&name]];
                let at = file.source.find(&format!("\"{word}\"")).unwrap_or(0);
                return Err(file.error(
                    file.line_at(at),
                    format!("{word:?} names no word list (or one that includes others itself)"),
                ));
            };
            let words = lexicons.words.get_mut(&name).expect("the list is there");
            let at = words
                .iter()
                .position(|w| *w == word)
                .expect("the word is there");
            words.splice(at..=at, included);
        }
        lexicons
            .suffixes
            .sort_by_key(|s| std::cmp::Reverse(s.text.chars().count()));
        Ok(lexicons)
    }

    /// The suffix entry a name ends with, the longest one first.
    pub fn suffix_of(&self, name: &str) -> Option<&Suffix> {
        self.suffixes
            .iter()
            .find(|s| name.ends_with(s.text.as_str()) && name.len() > s.text.len())
    }

    /// The regex alternation for a `{{…}}` reference (`words:NAME`, `suffix:CLASS`,
    /// `strong_suffix:CLASS` without the weak suffixes, or `long_suffix:CLASS` of two chars or
    /// more), longest words first.
    pub fn alternation(&self, reference: &str) -> Option<String> {
        let words: Vec<&str> = match reference.split_once(':')? {
            ("words", name) => self.words.get(name)?.iter().map(String::as_str).collect(),
            ("suffix", class) => self
                .suffixes
                .iter()
                .filter(|s| s.class == class)
                .map(|s| s.text.as_str())
                .collect(),
            ("strong_suffix", class) => self
                .suffixes
                .iter()
                .filter(|s| s.class == class && !s.weak)
                .map(|s| s.text.as_str())
                .collect(),
            ("long_suffix", class) => self
                .suffixes
                .iter()
                .filter(|s| s.class == class && s.text.chars().count() >= 2)
                .map(|s| s.text.as_str())
                .collect(),
            _ => return None,
        };
        if words.is_empty() {
            return None;
        }
        let mut words = words;
        words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        words.dedup();
        let escaped: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
        Some(format!("(?:{})", escaped.join("|")))
    }

    pub fn words(&self, name: &str) -> &[String] {
        self.words.get(name).map_or(&[], Vec::as_slice)
    }
}
