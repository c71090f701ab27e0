//! General knowledge kept as rows in `ontology/gazetteer/*.tsv` (every TSV there but
//! `divisions.tsv`): the world, China's regions and routes, central bodies, enterprises,
//! universities and national programs. One shape for all, so that one loader reads them:
//!
//! ```text
//! name<TAB>class<TAB>kind<TAB>aliases<TAB>parent<TAB>source
//! ```
//!
//! `aliases` are `|`-separated (may be empty), `parent` is the name of the entry or division it
//! is part of (may be empty), `source` is `cldr`, `list` (the public list the file's header
//! cites), `general` (general knowledge) or `mined:N:YEAR,…` (recurs in N reports of the corpus,
//! one year per report). Every name is written as the text stage normalizes reports
//! (half-width brackets and digits).

use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::rules::{DataFile, DataFileError};

/// The file of administrative divisions, which has its own shape (`code<TAB>name`).
const DIVISIONS_FILE: &str = "divisions.tsv";

/// Shortest name or alias kept: one char names too many things (俄, 美).
const MIN_CHARS: usize = 2;

/// The top class of an entry, as in the ontology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    Place,
    Organization,
    Program,
}

impl Class {
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Place => "Place",
            Class::Organization => "Organization",
            Class::Program => "Program",
        }
    }
}

/// Declares the closed set of kinds: the word in the file, its class and the ontology
/// subclass it maps to (none where the ontology has no finer class).
macro_rules! kinds {
    ($($variant:ident = $word:literal, $class:ident, $subclass:expr;)*) => {
        /// What an entry is, finer than its class.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Kind { $($variant),* }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),*];
            pub fn as_str(self) -> &'static str {
                match self { $(Kind::$variant => $word),* }
            }
            pub fn class(self) -> Class {
                match self { $(Kind::$variant => Class::$class),* }
            }
            /// The ontology subclass an entity of this kind takes (`kg:Road` for a railway).
            pub fn subclass(self) -> Option<&'static str> {
                match self { $(Kind::$variant => $subclass),* }
            }
            fn parse(word: &str) -> Option<Kind> {
                match word { $($word => Some(Kind::$variant),)* _ => None }
            }
        }
    };
}

kinds! {
    Country = "country", Place, None;
    Territory = "territory", Place, None;
    WorldRegion = "world-region", Place, None;
    Bloc = "bloc", Place, None;
    Region = "region", Place, None;
    City = "city", Place, None;
    Capital = "capital", Place, None;
    NewArea = "new-area", Place, Some("District");
    FreeTradeZone = "free-trade-zone", Place, Some("District");
    Zone = "zone", Place, Some("District");
    Railway = "railway", Place, Some("Road");
    Expressway = "expressway", Place, Some("Road");
    Port = "port", Place, Some("Landmark");
    Airport = "airport", Place, Some("Landmark");
    River = "river", Place, Some("River");
    Lake = "lake", Place, Some("Lake");
    Landform = "landform", Place, Some("Landform");
    Park = "park", Place, Some("Park");
    International = "international", Organization, None;
    Party = "party", Organization, None;
    PartyBody = "party-body", Organization, Some("GovernmentBody");
    StateBody = "state-body", Organization, Some("GovernmentBody");
    Ministry = "ministry", Organization, Some("GovernmentBody");
    PeopleOrganization = "people-organization", Organization, Some("Association");
    Media = "media", Organization, None;
    Soe = "soe", Organization, Some("Company");
    Company = "company", Organization, Some("Company");
    University = "university", Organization, Some("School");
    Academy = "academy", Organization, None;
    Strategy = "strategy", Program, None;
    Reform = "reform", Program, None;
    System = "system", Program, None;
    Campaign = "campaign", Program, None;
    Initiative = "initiative", Program, None;
    Plan = "plan", Program, None;
    Policy = "policy", Program, None;
    Event = "event", Program, None;
}

/// Where a row's knowledge comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Unicode CLDR (the file's header gives the package and version).
    Cldr,
    /// The public list the file's header cites.
    List,
    /// General knowledge.
    General,
    /// Found in `reports` reports of the corpus, of these years (one per report), and checked.
    Mined { reports: usize, years: Vec<u16> },
}

/// One row: a thing every reader knows, its short forms and what it is part of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub kind: Kind,
    pub aliases: Vec<String>,
    pub parent: Option<String>,
    pub source: Source,
    /// The file and line of the row, for messages.
    pub file: Arc<Path>,
    pub line: usize,
}

impl Entry {
    pub fn class(&self) -> Class {
        self.kind.class()
    }

    /// `path:line` of the row.
    pub fn origin(&self) -> String {
        format!("{}:{}", self.file.display(), self.line)
    }

    /// The name, then the aliases.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Every entry of the knowledge files, and each name and alias to its entry.
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    pub entries: Vec<Entry>,
    /// FxHash: asked for every prefix of many names.
    by_form: FxHashMap<String, usize>,
}

impl Knowledge {
    /// Reads every knowledge file of `dir` (in name order).
    pub fn load(dir: &Path) -> Result<Knowledge, DataFileError> {
        let mut knowledge = Knowledge::default();
        for path in knowledge_files(dir)? {
            let file = DataFile::read(&path)?;
            for entry in parse(&file)? {
                knowledge.add(entry, &file)?;
            }
        }
        Ok(knowledge)
    }

    /// The entry a name or alias stands for.
    pub fn lookup(&self, form: &str) -> Option<&Entry> {
        self.by_form.get(form).map(|&i| &self.entries[i])
    }

    /// Every name and alias with the entry it stands for (in no set order): what a matcher
    /// over the text is built from.
    pub fn forms(&self) -> impl Iterator<Item = (&str, &Entry)> {
        self.by_form
            .iter()
            .map(|(form, &i)| (form.as_str(), &self.entries[i]))
    }

    /// Adds an entry; a form already taken by another thing is an error naming both rows. The
    /// same thing listed again (same name and class, as a body in two lists) keeps the first.
    fn add(&mut self, entry: Entry, file: &DataFile) -> Result<(), DataFileError> {
        for form in entry.forms() {
            let Some(&i) = self.by_form.get(form) else {
                continue;
            };
            let other = &self.entries[i];
            if other.name != entry.name || other.class() != entry.class() {
                return Err(file.error(
                    entry.line,
                    format!(
                        "{form} is already {} ({}, {}); a name may stand for one thing only",
                        other.name,
                        other.class().as_str(),
                        other.origin()
                    ),
                ));
            }
        }
        let index = self.entries.len();
        for form in entry.forms() {
            self.by_form.entry(form.to_owned()).or_insert(index);
        }
        self.entries.push(entry);
        Ok(())
    }
}

/// The knowledge files of a gazetteer folder: every `*.tsv` but the divisions, by name.
pub fn knowledge_files(dir: &Path) -> Result<Vec<PathBuf>, DataFileError> {
    // On disk or built into the binary (crate::files).
    let mut files = crate::files::sorted_files(dir, "tsv").map_err(|e| DataFileError {
        path: dir.to_owned(),
        line: 0,
        message: format!("cannot list the gazetteer folder: {e}"),
    })?;
    files.retain(|p| p.file_name().is_some_and(|n| n != DIVISIONS_FILE));
    Ok(files)
}

/// The rows of one knowledge file; a bad row is an error with its line.
pub fn parse(file: &DataFile) -> Result<Vec<Entry>, DataFileError> {
    let path: Arc<Path> = file.path.as_path().into();
    let mut entries = Vec::new();
    for (i, line) in file.source.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let entry = parse_row(line, path.clone(), i + 1).map_err(|m| file.error(i + 1, m))?;
        entries.push(entry);
    }
    Ok(entries)
}

fn parse_row(line: &str, file: Arc<Path>, number: usize) -> Result<Entry, String> {
    let fields: Vec<&str> = line.split('\t').collect();
    let [name, class, kind, aliases, parent, source] = fields[..] else {
        return Err(format!(
            "expected 6 tab-separated fields (name, class, kind, aliases, parent, source), found {}",
            fields.len()
        ));
    };
    let kind = Kind::parse(kind).ok_or_else(|| {
        let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind `{kind}`; use one of {}", known.join(", "))
    })?;
    if class != kind.class().as_str() {
        return Err(format!(
            "class `{class}` does not fit kind `{}`, which is a {}",
            kind.as_str(),
            kind.class().as_str()
        ));
    }
    check_form(name, "name")?;
    let aliases: Vec<String> = if aliases.is_empty() {
        Vec::new()
    } else {
        aliases.split('|').map(str::to_owned).collect()
    };
    for (n, alias) in aliases.iter().enumerate() {
        check_form(alias, "alias")?;
        if alias == name || aliases[..n].contains(alias) {
            return Err(format!("alias {alias} is given twice"));
        }
    }
    if !parent.is_empty() {
        check_form(parent, "parent")?;
    }
    Ok(Entry {
        name: name.to_owned(),
        kind,
        aliases,
        parent: (!parent.is_empty()).then(|| parent.to_owned()),
        source: parse_source(source)?,
        file,
        line: number,
    })
}

/// A name, alias or parent: at least two chars, no surrounding space, no `|`.
fn check_form(form: &str, what: &str) -> Result<(), String> {
    if form.chars().count() < MIN_CHARS {
        return Err(format!(
            "{what} `{form}` is shorter than {MIN_CHARS} chars: too short to name one thing"
        ));
    }
    if form.trim() != form || form.contains('|') {
        return Err(format!(
            "{what} `{form}` has surrounding space or a `|` inside"
        ));
    }
    Ok(())
}

fn parse_source(source: &str) -> Result<Source, String> {
    match source {
        "cldr" => return Ok(Source::Cldr),
        "list" => return Ok(Source::List),
        "general" => return Ok(Source::General),
        _ => {}
    }
    let bad =
        || format!("unknown source `{source}`; use cldr, list, general or mined:N:YEAR,YEAR,…");
    let rest = source.strip_prefix("mined:").ok_or_else(bad)?;
    let (reports, years) = rest.split_once(':').ok_or_else(bad)?;
    let reports: usize = reports.parse().map_err(|_| bad())?;
    let years = years
        .split(',')
        .map(|y| y.parse::<u16>().map_err(|_| bad()))
        .collect::<Result<Vec<u16>, String>>()?;
    if years.len() != reports {
        return Err(format!(
            "source `{source}` counts {reports} reports but lists {} years (one per report)",
            years.len()
        ));
    }
    Ok(Source::Mined { reports, years })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(source: &str) -> DataFile {
        DataFile {
            path: PathBuf::from("k.tsv"),
            source: source.to_owned(),
        }
    }

    fn error(source: &str) -> DataFileError {
        parse(&file(source)).unwrap_err()
    }

    #[test]
    fn rows_parse_into_typed_entries() {
        let entries = parse(&file(
            "# name\tclass\tkind\taliases\tparent\tsource\n\
             圣彼得堡\tPlace\tcity\t\t俄罗斯\tgeneral\n\
             京沪高铁\tPlace\trailway\t京沪高速铁路\t\tlist\n\
             河长制\tProgram\tsystem\t\t\tmined:3:2017,2018,2021\n",
        ))
        .unwrap();
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].parent.as_deref(), Some("俄罗斯"));
        assert_eq!(entries[0].class(), Class::Place);
        assert_eq!(entries[0].origin(), "k.tsv:2");
        assert_eq!(entries[1].kind.subclass(), Some("Road"));
        assert_eq!(
            entries[1].forms().collect::<Vec<_>>(),
            ["京沪高铁", "京沪高速铁路"]
        );
        assert_eq!(
            entries[2].source,
            Source::Mined {
                reports: 3,
                years: vec![2017, 2018, 2021]
            }
        );
    }

    #[test]
    fn bad_rows_name_their_line_and_problem() {
        let e = error("# h\n中国\tPlace\tcountry\n");
        assert_eq!((e.line, e.to_string().starts_with("k.tsv:2: ")), (2, true));
        assert!(e.message.contains("6 tab-separated"), "{e}");
        assert!(
            error("圣彼得堡\tPlace\ttown\t\t\tcldr\n")
                .message
                .contains("unknown kind `town`")
        );
        assert!(
            error("华为\tPlace\tcompany\t\t\tgeneral\n")
                .message
                .contains("does not fit")
        );
        assert!(
            error("俄罗斯\tPlace\tcountry\t俄\t\tcldr\n")
                .message
                .contains("shorter than 2")
        );
        assert!(
            error("东盟\tPlace\tbloc\t东盟\t\tgeneral\n")
                .message
                .contains("twice")
        );
        assert!(
            error("东盟\tPlace\tbloc\t\t\twiki\n")
                .message
                .contains("unknown source")
        );
        let e = error("河长制\tProgram\tsystem\t\t\tmined:2:2017\n");
        assert!(e.message.contains("counts 2 reports but lists 1"), "{e}");
    }

    #[test]
    fn a_form_names_one_thing_across_files() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        write("divisions.tsv", "11\t北京市\n");
        write(
            "a.tsv",
            "华为\tOrganization\tcompany\t华为公司\t\tgeneral\n",
        );
        write("b.tsv", "华为\tOrganization\tcompany\t\t\tgeneral\n");
        let k = Knowledge::load(dir.path()).unwrap();
        assert_eq!(k.entries.len(), 2);
        assert_eq!(k.lookup("华为公司").map(|e| e.name.as_str()), Some("华为"));
        let mut forms: Vec<(&str, &str)> = k.forms().map(|(f, e)| (f, e.name.as_str())).collect();
        forms.sort();
        assert_eq!(forms, [("华为", "华为"), ("华为公司", "华为")]);
        assert!(
            k.lookup("北京市").is_none(),
            "divisions.tsv is no knowledge file"
        );
        write("b.tsv", "# h\n华为\tPlace\tcity\t\t\tgeneral\n");
        let e = Knowledge::load(dir.path()).unwrap_err();
        assert!(
            e.to_string()
                .contains("b.tsv:2: 华为 is already 华为 (Organization"),
            "{e}"
        );
        write(
            "b.tsv",
            "华为技术\tOrganization\tcompany\t华为公司\t\tgeneral\n",
        );
        let e = Knowledge::load(dir.path()).unwrap_err();
        assert!(e.message.contains("华为公司 is already 华为"), "{e}");
    }
}
