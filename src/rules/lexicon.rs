//! Word lists of `ontology/lexicons/`: entity suffixes with the class they signal, and named
//! word lists (boundary words, units, cue words) that rules splice into their patterns as
//! `{{words:NAME}}` or `{{suffix:CLASS}}`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::Class;
use super::datafile::{DataFile, DataFileError};
use crate::text::{DomainWeight, Pos};

/// A suffix and the entity class (and optional subclass) a name ending in it belongs to.
#[derive(Debug, Clone)]
pub struct Suffix {
    pub text: String,
    pub class: Class,
    pub subclass: Option<String>,
    /// Types a name but does not find one on its own (项目: 签约项目 is no program's name).
    pub weak: bool,
    /// Ends only a name that says whose it is (区政府, 南昌市疾控中心, 中央改革办): 用政府 and
    /// 邻里中心 are no body's name.
    pub owned: bool,
}

/// Every word list the code reads by name. Each must be written in `ontology/lexicons/`, and a
/// list that neither the code nor a rule names is refused: a misspelt or renamed list is a load
/// error with its path and line, never a heuristic silently switched off.
pub const ENGINE_LISTS: &[&str] = &[
    "action_lead",
    "boundary",
    "boundary_name",
    "branch_suffix",
    "compound",
    "change_verb",
    "unit",
    "zone_suffix",
    "generic_lead",
    "honour",
    "honour_end",
    "honour_lead",
    "honour_verb",
    "item_role",
    "kind_after_quote",
    "kind_lead",
    "kind_of_ending_lead",
    "leading_verb",
    "layout_kind",
    "layout_noun",
    "level_chars",
    "level_lead",
    "list_end",
    "list_separator",
    "major_city",
    "member",
    "name_joint",
    "name_start_words",
    "negation",
    "not_a_level_prefix",
    "not_a_name",
    "not_a_name_end",
    "not_a_name_start",
    "numbered_names",
    "numbered_set_after",
    "open_ending",
    "owner_lead",
    "person_kind_end",
    "planning_area_suffix",
    "predicate_verb",
    "process_end",
    "program_end",
    "program_follow",
    "program_lead",
    "reform_lead",
    "reform_part_end",
    "role_end",
    "role_verb",
    "scope_lead",
    "section_suffix",
    "shared_ending",
    "short_generic_lead",
    "spelled_out_after",
    "statement_marker",
    "sub_area_suffix",
    "cue.after.approx",
    "cue.after.eq",
    "cue.after.ge",
    "cue.after.gt",
    "cue.after.le",
    "cue.after.lt",
    "cue.after.share",
    "cue.baseline",
    "cue.baseline_previous_year",
    "cue.before.approx",
    "cue.before.eq",
    "cue.before.ge",
    "cue.before.gt",
    "cue.before.le",
    "cue.before.lt",
    "cue.classifier_units",
    "cue.from",
    "cue.indicator_drop",
    "cue.indicator_drop_end",
    "cue.indicator_terms",
    "cue.level",
    "cue.measure.decline",
    "cue.measure.growth",
    "cue.measure.increase",
    "cue.measure.share",
    "cue.measure.share_word",
    "cue.share_units",
    "cue.multiple_units",
    "cue.object_after",
    "cue.object_follows",
    "cue.percent_units",
    "cue.policy_articles",
    "cue.qualifier_after",
    "cue.respectively",
    "cue.target",
];

#[derive(Debug, Clone, Default)]
pub struct Lexicons {
    /// Longest first, so that the first suffix a name ends with is the most specific.
    pub suffixes: Vec<Suffix>,
    pub words: BTreeMap<String, Vec<String>>,
    /// Where each list is written (file and line), for errors.
    origins: BTreeMap<String, (PathBuf, usize)>,
    /// Lists another list includes (`"@boundary"`): read through it.
    included: BTreeSet<String>,
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
    class: Spanned<String>,
    subclass: Option<String>,
    #[serde(default)]
    weak: bool,
    #[serde(default)]
    owned: bool,
    words: Vec<String>,
}

impl Lexicons {
    /// Reads every `*.toml` in `dir`, in name order.
    pub fn load_dir(dir: &Path) -> Result<Lexicons, DataFileError> {
        let mut lexicons = Lexicons::default();
        // Each list's file (an index into `files`), to name it if an include goes wrong.
        let mut files: Vec<DataFile> = Vec::new();
        let mut written_in: BTreeMap<String, usize> = BTreeMap::new();
        for path in super::toml_files(dir)? {
            let file = DataFile::read(&path)?;
            let raw: RawLexiconFile = file.parse()?;
            for group in raw.suffix {
                let Some(class) = Class::from_name(group.class.get_ref()) else {
                    return Err(file.error(
                        file.line_of(&group.class),
                        format!(
                            "suffix class {:?} is not one of {:?}",
                            group.class.get_ref(),
                            super::ENTITY_CLASSES
                        ),
                    ));
                };
                for text in group.words {
                    lexicons.suffixes.push(Suffix {
                        text,
                        class,
                        subclass: group.subclass.clone(),
                        weak: group.weak,
                        owned: group.owned,
                    });
                }
            }
            for (name, words) in raw.words {
                written_in.entry(name.clone()).or_insert(files.len());
                let at = file
                    .source
                    .find(&format!("\n{name} ="))
                    .or_else(|| file.source.find(&format!("\"{name}\" =")))
                    .map_or(0, |i| file.line_at(i + 1));
                lexicons
                    .origins
                    .entry(name.clone())
                    .or_insert((path.clone(), at));
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
            lexicons.included.insert(list.to_owned());
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
    /// more and no owner to name: a quote names no base, “两山”实践创新基地), longest words first.
    pub fn alternation(&self, reference: &str) -> Option<String> {
        let words: Vec<&str> = match reference.split_once(':')? {
            ("words", name) => self.words.get(name)?.iter().map(String::as_str).collect(),
            ("suffix", class) => self
                .suffixes
                .iter()
                .filter(|s| s.class.name() == class)
                .map(|s| s.text.as_str())
                .collect(),
            ("strong_suffix", class) => self
                .suffixes
                .iter()
                .filter(|s| s.class.name() == class && !s.weak)
                .map(|s| s.text.as_str())
                .collect(),
            ("long_suffix", class) => self
                .suffixes
                .iter()
                .filter(|s| s.class.name() == class && s.text.chars().count() >= 2 && !s.owned)
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

    /// The words the segmenter's dictionary takes from the lexicons: the regions and cities
    /// named by their own words and the genre's compounds, and at a name's edges, weighted so
    /// that they stand on their own: the endings of two chars or more (花朵护卫工程|建设, not
    /// 工程建设) and the words that lead a name (全面|实施, 圆满|完成: the genre's verbs, more
    /// frequent here than in the dictionary's own texts).
    pub fn domain_words(&self) -> Vec<(&str, Pos, DomainWeight)> {
        let endings = self
            .suffixes
            .iter()
            .filter(|s| s.text.chars().count() >= 2)
            .map(|s| (s.text.as_str(), Pos::Noun, DomainWeight::Edge));
        let places = ["major_city"]
            .into_iter()
            .flat_map(|list| self.words(list))
            .map(|w| (w.as_str(), Pos::Place, DomainWeight::Word));
        let compounds = self
            .words("compound")
            .iter()
            .map(|w| (w.as_str(), Pos::Noun, DomainWeight::Word));
        // 省政协|委员, 武警|官兵: the words for a body's members end its name, so the
        // dictionary's compound of the two (政协委员) is cut into them.
        let members = self
            .words("member")
            .iter()
            .map(|w| (w.as_str(), Pos::Noun, DomainWeight::Edge));
        // 获|省住建厅: a one-char verb before a place's or a body's name leads it too (the
        // longer words of that list, 建设成, would take the 成 of 成为).
        let leads = self
            .words("boundary")
            .iter()
            .chain(
                self.words("boundary_name")
                    .iter()
                    .filter(|w| w.chars().count() == 1),
            )
            .map(|w| (w.as_str(), Pos::Verb, DomainWeight::Edge));
        endings
            .chain(places)
            .chain(compounds)
            .chain(members)
            .chain(leads)
            .collect()
    }

    /// Checks the lists against the names read: every list of [`ENGINE_LISTS`] is written in
    /// `dir`, and every list written is one of them or `named` by a rule.
    pub fn check_names(&self, dir: &Path, named: &BTreeSet<String>) -> Result<(), DataFileError> {
        if let Some(missing) = ENGINE_LISTS.iter().find(|n| !self.words.contains_key(**n)) {
            return Err(DataFileError {
                path: dir.to_owned(),
                line: 0,
                message: format!(
                    "the word list {missing:?} is read by the engine but written nowhere: define it in a lexicon file"
                ),
            });
        }
        let unread = self.origins.iter().find(|(n, _)| {
            !ENGINE_LISTS.contains(&n.as_str())
                && !named.contains(*n)
                && !self.included.contains(*n)
        });
        if let Some((name, (path, line))) = unread {
            return Err(DataFileError {
                path: path.clone(),
                line: *line,
                message: format!(
                    "the word list {name:?} is read by no rule and not by the engine (a misspelt name?): rules name lists as {{{{words:NAME}}}}, trim, not_after or not_before"
                ),
            });
        }
        Ok(())
    }

    /// The words of a list the engine reads ([`ENGINE_LISTS`]) or a rule names; a name that is
    /// neither is a bug in the code, not in the data.
    pub fn words(&self, name: &str) -> &[String] {
        match self.words.get(name) {
            Some(words) => words,
            None if ENGINE_LISTS.contains(&name) => &[],
            None => panic!("word list {name:?} is not declared in ENGINE_LISTS"),
        }
    }
}
