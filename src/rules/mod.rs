//! Rules as data: `ontology/rules/*.toml` (patterns, what they emit, and their own examples)
//! and `ontology/lexicons/*.toml` (word lists the patterns refer to).
//!
//! A rule file that does not compile, has an unknown field or repeats an id is refused with its
//! path and line; `extract::check` runs every rule's examples.

mod datafile;
mod emit;
mod lexicon;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

pub use datafile::{DataFile, DataFileError, compile_regex};
pub use emit::{Class, Comparator, Emit, Measure, Relation};
pub use lexicon::{ENGINE_LISTS, Lexicons, Suffix};

use crate::text::{DomainWeight, Pos, Segmenter};

/// The entity classes a rule may emit (GRAPH.md's top classes).
pub const ENTITY_CLASSES: [&str; 4] = [
    Class::Program.name(),
    Class::Place.name(),
    Class::Organization.name(),
    Class::Person.name(),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Entity,
    Quantity,
    Relation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Active,
    Experimental,
    Off,
}

/// Which text a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Every sentence of the body, glossary definitions included.
    #[default]
    Sentence,
    /// The sentences of the body outside the glossary (a definition makes no claim).
    Body,
    /// The term of each glossary entry.
    GlossaryTerm,
    /// Each glossary entry whole: `term:definition` (for what a definition says of its term).
    GlossaryEntry,
    /// Each glossary definition; a relation rule's side it does not capture is the term
    /// (“四门”指:进贤门、惠民门 … are parts of the term 四门八洲十三坡).
    GlossaryDefinition,
    /// The first sentence of each paragraph a numbered quote announces (实现“六个走前列、
    /// 做标杆”: then 在做强产业发展上走前列、做标杆。…); a relation rule's side it does not
    /// capture is the quoted name.
    ListedParagraph,
}

/// What a matched example must yield.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Expect {
    /// Entity rules: the names found, in order.
    Names(Vec<String>),
    /// Quantity and relation rules: captured groups (and emitted fields) by name.
    Fields(BTreeMap<String, String>),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    pub expect: Expect,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct NoMatch {
    pub texts: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    kind: Kind,
    #[serde(default)]
    status: Status,
    #[serde(default = "default_priority")]
    priority: i32,
    message: String,
    pattern: Spanned<String>,
    #[serde(default)]
    scope: Scope,
    /// Entity rules: a class of [`ENTITY_CLASSES`], or `by_suffix`.
    class: Option<Spanned<String>>,
    /// With `class = "by_suffix"`: the class of a name no suffix matches.
    default_class: Option<Spanned<String>>,
    /// Entity rules: cut the name after the last word of this word list it contains.
    trim: Option<Spanned<String>>,
    /// Entity rules: no match right after a word of this word list (荣获“…”).
    not_after: Option<Spanned<String>>,
    /// Entity rules: no match right before a word of this word list (“…”理念).
    not_before: Option<Spanned<String>>,
    /// Entity rules: the name lies inside a longer name and stands beside it (桃花南路 in
    /// 桃花南路快速路改造工程) instead of losing to it.
    #[serde(default)]
    nested: bool,
    /// Quantity rules: fixed fields (measure, comparator); relation rules: `relation`.
    #[serde(default)]
    emit: BTreeMap<String, String>,
    #[serde(default, rename = "match")]
    matches: Vec<Example>,
    #[serde(default)]
    no_match: NoMatch,
}

fn default_priority() -> i32 {
    50
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRuleFile {
    rule: Vec<RawRule>,
}

/// How an entity rule decides the class of what it finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClassChoice {
    Fixed(Class),
    BySuffix { default: Class },
}

/// One compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub kind: Kind,
    pub status: Status,
    pub priority: i32,
    pub message: String,
    pub regex: Regex,
    pub scope: Scope,
    pub class: Option<ClassChoice>,
    pub trim: Option<String>,
    pub not_after: Option<String>,
    pub not_before: Option<String>,
    /// A name inside another name, kept beside it.
    pub nested: bool,
    /// The pattern as written, lexicons expanded but `{{divisions}}` left for each document.
    pub source: String,
    pub emit: Emit,
    pub matches: Vec<Example>,
    pub no_match: Vec<String>,
    /// Where the rule is written, for messages and `explain`.
    pub file: PathBuf,
    pub line: usize,
}

/// Every rule and lexicon of an `ontology/` folder.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub lexicons: Lexicons,
    /// The token layer's segmenter, with the lexicons' words in its dictionary.
    pub segmenter: Arc<Segmenter>,
}

/// The `*.toml` files of a folder, sorted, so that loading order (and output) is stable.
pub(crate) fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, DataFileError> {
    crate::files::sorted_files(dir, "toml").map_err(|e| DataFileError {
        path: dir.to_owned(),
        line: 0,
        message: format!("cannot read the folder: {e}"),
    })
}

/// In a pattern: the administrative divisions a document can name (its province's, and every
/// province and prefecture), filled in per document by the engine.
pub const DIVISIONS: &str = "{{divisions}}";

/// The word lists rules name: in patterns (`{{words:NAME}}`) and as `trim`, `not_after` and
/// `not_before`.
fn lists_named<'r>(rules: impl Iterator<Item = &'r RawRule>) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    for r in rules {
        let mut rest = r.pattern.get_ref().as_str();
        while let Some(i) = rest.find("{{words:") {
            rest = &rest[i + "{{words:".len()..];
            named.insert(rest[..rest.find("}}").unwrap_or(rest.len())].to_owned());
        }
        for list in [&r.trim, &r.not_after, &r.not_before].into_iter().flatten() {
            named.insert(list.get_ref().clone());
        }
    }
    named
}

/// Replaces each `{{words:NAME}}` / `{{suffix:CLASS}}` in a pattern by its alternation.
fn expand(pattern: &str, lexicons: &Lexicons) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        if rest[open..].starts_with(DIVISIONS) {
            out.push_str(DIVISIONS);
            rest = &rest[open + DIVISIONS.len()..];
            continue;
        }
        let close = rest[open..]
            .find("}}")
            .ok_or_else(|| "unclosed `{{` in pattern".to_owned())?;
        let reference = &rest[open + 2..open + close];
        let alternation = lexicons.alternation(reference).ok_or_else(|| {
            format!(
                "unknown lexicon reference {{{{{reference}}}}}: define it in ontology/lexicons/"
            )
        })?;
        out.push_str(&alternation);
        rest = &rest[open + close + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

impl RuleSet {
    /// Loads `ontology_dir/lexicons/*.toml`, then `ontology_dir/rules/*.toml`.
    pub fn load(ontology_dir: &Path) -> Result<RuleSet, DataFileError> {
        let lexicons = Lexicons::load_dir(&ontology_dir.join("lexicons"))?;
        let files = toml_files(&ontology_dir.join("rules"))?
            .iter()
            .map(|path| DataFile::read(path))
            .collect::<Result<Vec<_>, _>>()?;
        let (rules, named) = RuleSet::compile(files, lexicons)?;
        // After the rules compile, so that an error in a rule file is named first.
        rules
            .lexicons
            .check_names(&ontology_dir.join("lexicons"), &named)?;
        Ok(rules)
    }

    /// Compiles the rules of rule files already read, in order, against the lexicons. Whether
    /// every word list is read is not checked: a few files alone name only some of the lists.
    pub fn from_files(files: Vec<DataFile>, lexicons: Lexicons) -> Result<RuleSet, DataFileError> {
        Ok(RuleSet::compile(files, lexicons)?.0)
    }

    /// The rule set, and the word lists its rules name.
    fn compile(
        files: Vec<DataFile>,
        lexicons: Lexicons,
    ) -> Result<(RuleSet, BTreeSet<String>), DataFileError> {
        let mut raw_rules: Vec<(usize, RawRule, usize)> = Vec::new();
        for (f, file) in files.iter().enumerate() {
            let raw: RawRuleFile = file.parse()?;
            for r in raw.rule {
                let line = file.line_of(&r.id);
                if let Some((first_file, _, first)) =
                    raw_rules.iter().find(|(_, x, _)| x.id == r.id)
                {
                    return Err(file.error(
                        line,
                        format!(
                            "duplicate rule id {:?} (first defined at {}:{first}); ids must be unique",
                            r.id.get_ref(),
                            files[*first_file].path.display(),
                        ),
                    ));
                }
                raw_rules.push((f, r, line));
            }
        }
        let named = lists_named(raw_rules.iter().map(|(_, r, _)| r));
        // Compiling the patterns is most of loading an ontology: every other one on a second
        // thread, in file order again after.
        let (mut even, mut odd) = (Vec::new(), Vec::new());
        for (i, raw) in raw_rules.into_iter().enumerate() {
            if i % 2 == 0 {
                even.push(raw)
            } else {
                odd.push(raw)
            }
        }
        let compile_all = |part: Vec<(usize, RawRule, usize)>| -> Vec<Result<Rule, DataFileError>> {
            part.into_iter()
                .map(|(f, r, line)| compile(&files[f], r, line, &lexicons))
                .collect()
        };
        let (compiled, segmenter) = std::thread::scope(|scope| {
            // The segmenter's dictionary loads while the patterns compile.
            let segmenter = scope.spawn(|| Segmenter::new(lexicons.domain_words()));
            let odd = scope.spawn(|| compile_all(odd));
            let even = compile_all(even);
            let mut odd = odd
                .join()
                .expect("compiling rules does not panic")
                .into_iter();
            let compiled: Vec<Result<Rule, DataFileError>> = even
                .into_iter()
                .flat_map(|e| std::iter::once(e).chain(odd.next()))
                .collect();
            let segmenter = segmenter
                .join()
                .expect("loading the segmenter does not panic");
            (compiled, segmenter)
        });
        let rules = compiled.into_iter().collect::<Result<Vec<Rule>, _>>()?;
        let set = RuleSet {
            rules,
            lexicons,
            segmenter: Arc::new(segmenter),
        };
        Ok((set, named))
    }

    /// Adds words to the segmenter's domain dictionary (the names of general knowledge). Only
    /// while the rule set is not shared yet, as it is loaded.
    pub fn add_words<'w>(&mut self, words: impl IntoIterator<Item = (&'w str, Pos, DomainWeight)>) {
        Arc::get_mut(&mut self.segmenter)
            .expect("the segmenter is not shared while the ontology loads")
            .add(words);
    }

    pub fn active(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(|r| r.status == Status::Active)
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

fn compile(
    file: &DataFile,
    r: RawRule,
    line: usize,
    lexicons: &Lexicons,
) -> Result<Rule, DataFileError> {
    let expanded_source = expand(r.pattern.get_ref(), lexicons)
        .map_err(|m| file.error(file.line_of(&r.pattern), m))?;
    // `{{divisions}}` stands for the divisions a document can name; to check the pattern at
    // load time it stands for a sample name.
    let expanded = expanded_source.replace(DIVISIONS, "(?:某某区)");
    let regex = file.regex(&Spanned::new(r.pattern.span(), expanded))?;
    let class = class_choice(file, &r, line)?;
    check_groups(file, &r, &regex)?;
    for list in [&r.trim, &r.not_after, &r.not_before].into_iter().flatten() {
        if !lexicons.words.contains_key(list.get_ref()) {
            return Err(file.error(
                file.line_of(list),
                format!(
                    "unknown word list {:?}: define it in ontology/lexicons/",
                    list.get_ref()
                ),
            ));
        }
    }
    let emit = Emit::parse(r.kind, r.emit).map_err(|m| file.error(line, m))?;
    Ok(Rule {
        id: r.id.into_inner(),
        kind: r.kind,
        status: r.status,
        priority: r.priority,
        message: r.message,
        regex,
        scope: r.scope,
        class,
        trim: r.trim.map(Spanned::into_inner),
        not_after: r.not_after.map(Spanned::into_inner),
        not_before: r.not_before.map(Spanned::into_inner),
        nested: r.nested,
        source: expanded_source,
        emit,
        matches: r.matches,
        no_match: r.no_match.texts,
        file: file.path.clone(),
        line,
    })
}

/// How an entity rule types what it finds: a class of [`ENTITY_CLASSES`] or `by_suffix` with
/// its default; other kinds take none.
fn class_choice(
    file: &DataFile,
    r: &RawRule,
    line: usize,
) -> Result<Option<ClassChoice>, DataFileError> {
    let check_class = |c: &Spanned<String>| match Class::from_name(c.get_ref()) {
        Some(class) => Ok(class),
        None => Err(file.error(
            file.line_of(c),
            format!(
                "unknown class {:?}: use one of {ENTITY_CLASSES:?} or \"by_suffix\"",
                c.get_ref()
            ),
        )),
    };
    match (&r.kind, &r.class) {
        (Kind::Entity, None) => Err(file.error(line, "an entity rule needs `class`")),
        (Kind::Entity, Some(c)) if c.get_ref() == "by_suffix" => match &r.default_class {
            Some(d) => Ok(Some(ClassChoice::BySuffix {
                default: check_class(d)?,
            })),
            None => Err(file.error(
                file.line_of(c),
                "`class = \"by_suffix\"` needs `default_class`",
            )),
        },
        (Kind::Entity, Some(c)) => Ok(Some(ClassChoice::Fixed(check_class(c)?))),
        (_, Some(c)) => Err(file.error(file.line_of(c), "only entity rules take `class`")),
        (_, None) => Ok(None),
    }
}

/// The named groups a rule's kind reads are in its pattern.
fn check_groups(file: &DataFile, r: &RawRule, regex: &Regex) -> Result<(), DataFileError> {
    let has = |g: &str| regex.capture_names().flatten().any(|n| n == g);
    // An entity rule finds one name, or a list of names of the kind after it (A、B三大历史街区).
    let required: &[&str] = match r.kind {
        Kind::Entity if has("names") => &["kind"],
        Kind::Entity => &["name"],
        Kind::Quantity => &["value"],
        Kind::Relation => &[],
    };
    if let Some(group) = required.iter().find(|g| !has(g)) {
        return Err(file.error(
            file.line_of(&r.pattern),
            format!("the pattern needs a named group (?P<{group}>…)"),
        ));
    }
    // In a glossary definition the term stands in for one side.
    let sides = [
        has("subject") || has("subjects"),
        has("object") || has("objects"),
    ];
    let sides_ok = match r.scope {
        Scope::GlossaryDefinition | Scope::ListedParagraph => sides.iter().any(|&s| s),
        _ => sides.iter().all(|&s| s),
    };
    if r.kind == Kind::Relation && !sides_ok {
        return Err(file.error(
            file.line_of(&r.pattern),
            "a relation pattern needs (?P<subject>…) or (?P<subjects>…), and (?P<object>…) or (?P<objects>…) (a glossary_definition or listed_paragraph rule may take its term for either)",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An ontology folder with the project's lexicons and rules (which read its lists), a
    /// list of our own and one rule file of our own.
    fn ontology_with(rules: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let project = Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology");
        for folder in ["lexicons", "rules"] {
            std::fs::create_dir_all(dir.path().join(folder)).unwrap();
            for file in toml_files(&project.join(folder)).unwrap() {
                let to = dir.path().join(folder).join(file.file_name().unwrap());
                std::fs::copy(&file, to).unwrap();
            }
        }
        let lex = dir.path().join("lexicons");
        std::fs::write(lex.join("a.toml"), "[words]\nroads = [\"路\", \"大道\"]\n").unwrap();
        std::fs::write(dir.path().join("rules/r.toml"), rules).unwrap();
        dir
    }

    /// An ontology with the rule `GOOD` and a lexicon file of our own, `lexicons/b.toml`.
    fn ontology_with_lexicon(b_toml: &str) -> tempfile::TempDir {
        let dir = ontology_with(GOOD);
        std::fs::write(dir.path().join("lexicons/b.toml"), b_toml).unwrap();
        dir
    }

    /// The error loading an ontology with `rules` as its rule file stops at.
    fn load_error(rules: &str) -> DataFileError {
        let dir = ontology_with(rules);
        RuleSet::load(dir.path()).unwrap_err()
    }

    const GOOD: &str = "[[rule]]\nid = \"place.road\"\nkind = \"entity\"\nclass = \"Place\"\nmessage = \"roads\"\npattern = '(?P<name>\\p{Han}{1,4}{{words:roads}})'\n";

    #[test]
    fn a_word_list_includes_another_by_name() {
        let dir = ontology_with_lexicon(
            "[words]\nverbs = [\"推进\", \"实施\"]\nverbs_and_more = [\"@verbs\", \"建设\"]\n",
        );
        let lex = dir.path().join("lexicons");
        let reads_it = dir.path().join("rules/r.toml");
        std::fs::write(&reads_it, format!("{GOOD}trim = \"verbs_and_more\"\n")).unwrap();
        let set = RuleSet::load(dir.path()).unwrap();
        assert_eq!(
            set.lexicons.words("verbs_and_more"),
            ["推进", "实施", "建设"].map(String::from)
        );
        std::fs::write(lex.join("b.toml"), "[words]\n\nmore = [\"@nowhere\"]\n").unwrap();
        let err = RuleSet::load(dir.path()).unwrap_err().to_string();
        assert!(
            err.contains("b.toml:3") && err.contains("@nowhere"),
            "{err}"
        );
    }

    #[test]
    fn loads_and_expands_lexicon_references() {
        let dir = ontology_with(GOOD);
        let set = RuleSet::load(dir.path()).unwrap();
        let rule = set.get("place.road").unwrap();
        assert!(rule.regex.as_str().contains("(?:大道|路)"));
        assert_eq!(rule.line, 2);
    }

    #[test]
    fn refuses_a_bad_regex_with_path_and_line() {
        let err = load_error(&GOOD.replace("{1,4}", "{1,4"));
        assert!(err.path.ends_with("rules/r.toml"));
        assert_eq!(err.line, 6);
        assert!(err.message.contains("bad regex"), "{err}");
    }

    #[test]
    fn refuses_a_duplicate_id() {
        let err = load_error(&format!("{GOOD}{GOOD}"));
        assert_eq!(err.line, 8);
        assert!(err.message.contains("duplicate rule id"), "{err}");
    }

    #[test]
    fn refuses_an_unknown_field() {
        let err = load_error(&format!("{GOOD}colour = \"red\"\n"));
        assert_eq!(err.line, 7);
        assert!(err.message.contains("colour"), "{err}");
    }

    #[test]
    fn refuses_an_unknown_lexicon_or_class() {
        let err = load_error(&GOOD.replace("{{words:roads}}", "{{words:roads}}{{words:nothing}}"));
        assert!(err.message.contains("unknown lexicon reference"), "{err}");
        let err = load_error(&GOOD.replace("class = \"Place\"", "class = \"Road\""));
        assert!(err.path.ends_with("rules/r.toml"), "{err}");
        assert_eq!(err.line, 4, "{err}");
        assert!(err.message.contains("unknown class \"Road\""), "{err}");
    }

    #[test]
    fn refuses_an_unknown_relation_or_created_class() {
        let relation = |emit: &str| {
            GOOD.replace("kind = \"entity\"", "kind = \"relation\"")
                .replace("class = \"Place\"\n", &format!("emit = {{ {emit} }}\n"))
                .replace("(?P<name>", "(?P<subject>\\p{Han}+)在(?P<object>")
        };
        let good = ontology_with(&relation("relation = \"locatedIn\""));
        let set = RuleSet::load(good.path()).unwrap();
        assert_eq!(
            set.get("place.road").unwrap().emit.relation,
            Some(Relation::LocatedIn)
        );
        for (emit, wrong) in [
            ("relation = \"locatedAt\"", "locatedAt"),
            (
                "relation = \"partOf\", create = \"true\", class = \"Road\"",
                "Road",
            ),
        ] {
            let err = load_error(&relation(emit));
            assert!(err.path.ends_with("rules/r.toml"), "{err}");
            assert_eq!(err.line, 2, "{err}");
            assert!(err.message.contains(wrong), "{err}");
        }
    }

    #[test]
    fn refuses_a_suffix_of_an_unknown_class() {
        let dir = ontology_with_lexicon("[[suffix]]\nwords = [\"桥\"]\nclass = \"Bridge\"\n");
        let err = RuleSet::load(dir.path()).unwrap_err();
        assert!(err.path.ends_with("lexicons/b.toml"), "{err}");
        assert_eq!(err.line, 3, "{err}");
        assert!(err.message.contains("\"Bridge\""), "{err}");
    }

    #[test]
    fn a_misspelt_or_missing_word_list_is_a_load_error() {
        // A list nothing reads: its name is misspelt (boundry for boundary).
        let dir = ontology_with_lexicon("[words]\n\nboundry = [\"在\"]\n");
        let lex = dir.path().join("lexicons");
        let err = RuleSet::load(dir.path()).unwrap_err();
        assert!(err.path.ends_with("lexicons/b.toml"), "{err}");
        assert_eq!(err.line, 3, "{err}");
        assert!(err.message.contains("\"boundry\""), "{err}");
        // A list the engine reads, renamed away: it is missing.
        std::fs::remove_file(lex.join("b.toml")).unwrap();
        let words = std::fs::read_to_string(lex.join("words.toml")).unwrap();
        std::fs::write(
            lex.join("words.toml"),
            words.replace("\nowner_lead =", "\nowner_leads ="),
        )
        .unwrap();
        let err = RuleSet::load(dir.path()).unwrap_err();
        assert!(err.message.contains("\"owner_lead\""), "{err}");
        // A rule's own list, misspelt.
        let err = load_error(&format!("{GOOD}not_before = \"slogan_aftr\"\n"));
        assert_eq!(err.line, 7, "{err}");
        assert!(err.message.contains("slogan_aftr"), "{err}");
    }

    #[test]
    fn refuses_an_unknown_emit_key() {
        let err = load_error(
            &GOOD
                .replace("kind = \"entity\"", "kind = \"quantity\"")
                .replace("class = \"Place\"\n", "emit = { mesure = \"level\" }\n")
                .replace("?P<name>", "?P<value>"),
        );
        assert!(err.message.contains("\"mesure\""), "{err}");
    }

    #[test]
    fn refuses_a_pattern_without_its_group() {
        let err = load_error(&GOOD.replace("?P<name>", ""));
        assert!(err.message.contains("(?P<name>"), "{err}");
        // A list of names needs the kind that types them.
        let err = load_error(&GOOD.replace("?P<name>", "?P<names>"));
        assert!(err.message.contains("(?P<kind>"), "{err}");
    }
}
