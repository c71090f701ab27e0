//! General knowledge kept as data in `ontology/gazetteer/`: administrative divisions and
//! national bodies.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;

use super::knowledge::Knowledge;
use crate::extract::KnownNames;
use crate::rules::{DataFile, DataFileError};

/// Division suffixes, longest first: 南昌市 → 南昌, 桃花镇 → 桃花.
const LEVEL_SUFFIXES: [&str; 11] = [
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "街道",
    "省",
    "市",
    "区",
    "县",
    "镇",
    "乡",
];

/// The name of a division without its level suffix (南昌市 → 南昌), if that leaves two chars.
pub fn short_name(name: &str) -> Option<&str> {
    LEVEL_SUFFIXES.iter().find_map(|s| {
        name.strip_suffix(s)
            .filter(|rest| rest.chars().count() >= 2)
    })
}

/// The divisions table, kept as its text with an index of rows sorted by code: loading it
/// allocates nothing per row, and the divisions inside one division are one contiguous run.
#[derive(Debug, Clone, Default)]
pub struct Divisions {
    text: String,
    /// Byte ranges of each row's code and name.
    rows: Vec<(Range<usize>, Range<usize>)>,
    /// The rows by the names a report may call them (see [`Divisions::within`]), in code
    /// order; made the first time a name is looked up, so that a load stays a scan of lines.
    by_name: OnceLock<HashMap<Box<str>, Vec<usize>>>,
}

impl Divisions {
    pub fn load(path: &Path) -> Result<Divisions, DataFileError> {
        let file = DataFile::read(path)?;
        let mut rows = Vec::with_capacity(50_000);
        let mut offset = 0;
        for (i, line) in file.source.split_inclusive('\n').enumerate() {
            let start = offset;
            offset += line.len();
            let line = line.trim_end();
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let tab = line
                .find('\t')
                .ok_or_else(|| file.error(i + 1, "expected `code<TAB>name`"))?;
            rows.push((start..start + tab, start + tab + 1..start + line.len()));
        }
        let d = Divisions {
            text: file.source.clone(),
            rows,
            by_name: OnceLock::new(),
        };
        if let Some(i) = (1..d.rows.len()).find(|&i| d.code(i - 1) >= d.code(i)) {
            return Err(file.error(
                0,
                format!("rows must be sorted by code; {} is out of order", d.code(i)),
            ));
        }
        Ok(d)
    }

    fn code(&self, row: usize) -> &str {
        &self.text[self.rows[row].0.clone()]
    }

    fn row_name(&self, row: usize) -> &str {
        &self.text[self.rows[row].1.clone()]
    }

    /// The rows whose code starts with `prefix` (all rows for an empty prefix).
    fn run(&self, prefix: &str) -> Range<usize> {
        let start = self
            .rows
            .partition_point(|r| &self.text[r.0.clone()] < prefix);
        let len =
            self.rows[start..].partition_point(|r| self.text[r.0.clone()].starts_with(prefix));
        start..start + len
    }

    /// Codes of every division with this name.
    pub fn codes_of(&self, name: &str) -> Vec<String> {
        self.by_name()
            .get(name)
            .into_iter()
            .flatten()
            .filter(|&&r| self.row_name(r) == name)
            .map(|&r| self.code(r).to_owned())
            .collect()
    }

    pub fn name(&self, code: &str) -> Option<&str> {
        let r = self.run(code);
        (r.start < self.rows.len() && self.code(r.start) == code).then(|| self.row_name(r.start))
    }

    /// The listed parent of a division: the longest listed proper prefix of its code.
    pub fn parent<'a>(&self, code: &'a str) -> Option<&'a str> {
        [6usize, 4, 2]
            .into_iter()
            .filter(|&n| n < code.len())
            .map(|n| &code[..n])
            .find(|p| self.name(p).is_some())
    }

    /// The codes from the province down to `code`.
    pub fn path(&self, code: &str) -> Vec<String> {
        let mut path = vec![code.to_owned()];
        let mut current = code.to_owned();
        while let Some(p) = self.parent(&current) {
            path.push(p.to_owned());
            current = p.to_owned();
        }
        path.reverse();
        path
    }

    /// Names of provinces (codes of 2 digits).
    pub fn provinces(&self) -> impl Iterator<Item = &str> {
        (0..self.rows.len())
            .filter(|&r| self.code(r).len() == 2)
            .map(|r| self.row_name(r))
    }

    /// Names of the provinces' capitals: the first prefecture of each (the national standard
    /// codes a province's capital XX01: 1301 石家庄市, 3201 南京市).
    pub fn capitals(&self) -> impl Iterator<Item = &str> {
        (0..self.rows.len())
            .filter(|&r| self.code(r).len() == 4 && self.code(r).ends_with("01"))
            .map(|r| self.row_name(r))
    }

    /// Names of provinces and prefectures (codes of 2 and 4 digits).
    pub fn upper_levels(&self) -> impl Iterator<Item = &str> {
        (0..self.rows.len())
            .filter(|&r| self.code(r).len() <= 4)
            .map(|r| self.row_name(r))
    }

    /// Names of the divisions strictly inside `prefix` whose codes have at most `deepest`
    /// digits (6: down to counties).
    pub fn inside<'a>(&'a self, prefix: &'a str, deepest: usize) -> impl Iterator<Item = &'a str> {
        self.run(prefix)
            .filter(move |&r| (prefix.len() + 1..=deepest).contains(&self.code(r).len()))
            .map(|r| self.row_name(r))
    }

    /// Codes and names of the divisions whose codes start with `prefix` and have at most
    /// `deepest` digits, in code order (a division before those inside it).
    pub fn coded<'a>(
        &'a self,
        prefix: &'a str,
        deepest: usize,
    ) -> impl Iterator<Item = (&'a str, &'a str)> {
        self.run(prefix)
            .filter(move |&r| self.code(r).len() <= deepest)
            .map(|r| (self.code(r), self.row_name(r)))
    }

    /// Codes of divisions named `name` strictly inside the division `prefix`: by its listed
    /// name or, for a name of four chars or more, by that name after its parent's short name
    /// (沧州渤海新区 is the 渤海新区 of a province's report; a shorter one is too general to stand
    /// for a listed longer name: 高新区).
    pub fn within(&self, name: &str, prefix: &str) -> Option<String> {
        let may_follow_parent = name.chars().count() >= 4;
        self.by_name()
            .get(name)?
            .iter()
            .filter(|&&r| may_follow_parent || self.row_name(r) == name)
            .map(|&r| self.code(r))
            .find(|code| code.len() > prefix.len() && code.starts_with(prefix))
            .map(str::to_owned)
    }

    /// Rows by their listed name and, where the name begins with the parent's short name, by
    /// the rest of it (渤海新区 for 沧州渤海新区 in 沧州市).
    fn by_name(&self) -> &HashMap<Box<str>, Vec<usize>> {
        self.by_name.get_or_init(|| {
            let mut index: HashMap<Box<str>, Vec<usize>> = HashMap::with_capacity(self.rows.len());
            // Rows come in code order: a division's ancestors are the rows on the stack whose
            // codes begin its own.
            let mut ancestors: Vec<usize> = Vec::new();
            for r in 0..self.rows.len() {
                let code = self.code(r);
                while ancestors
                    .last()
                    .is_some_and(|&a| !code.starts_with(self.code(a)))
                {
                    ancestors.pop();
                }
                let row = self.row_name(r);
                index.entry(row.into()).or_default().push(r);
                if let Some(rest) = ancestors
                    .last()
                    .and_then(|&p| short_name(self.row_name(p)))
                    .and_then(|head| row.strip_prefix(head))
                    .filter(|rest| !rest.is_empty())
                {
                    index.entry(rest.into()).or_default().push(r);
                }
                ancestors.push(r);
            }
            // Rows are pushed in code order, except where a row is both one's listed name and
            // another's rest: the first in code order is the one found.
            index.values_mut().for_each(|rows| rows.sort_unstable());
            index
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBodies {
    country: RawBody,
    body: Vec<RawBody>,
    formal: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBody {
    name: String,
    aliases: Vec<String>,
}

/// National bodies (name and short forms) and the formal names of a jurisdiction's bodies.
#[derive(Debug, Clone, Default)]
pub struct Bodies {
    /// The country's name and the words that mean it (全国, 我国).
    pub country: (String, Vec<String>),
    /// Surface form → canonical national name.
    pub national: HashMap<String, String>,
    /// Informal ending → formal ending (政府 → 人民政府).
    pub formal: BTreeMap<String, String>,
}

impl Bodies {
    pub fn load(path: &Path) -> Result<Bodies, DataFileError> {
        let file = DataFile::read(path)?;
        let raw: RawBodies = file.parse()?;
        let mut national = HashMap::new();
        for b in raw.body {
            for alias in &b.aliases {
                national.insert(alias.clone(), b.name.clone());
            }
            national.insert(b.name.clone(), b.name);
        }
        Ok(Bodies {
            country: (raw.country.name, raw.country.aliases),
            national,
            formal: raw.formal,
        })
    }

    /// The country's name, when `name` is it or one of the words for it.
    pub fn country_of(&self, name: &str) -> Option<&str> {
        let (country, aliases) = &self.country;
        (name == country || aliases.iter().any(|a| a == name)).then_some(country.as_str())
    }
}

/// Everything in `ontology/gazetteer/`.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub divisions: Divisions,
    pub bodies: Bodies,
    /// The world, China's areas and routes, central bodies, enterprises, universities and
    /// national programs ([`Knowledge`]).
    pub knowledge: Knowledge,
    /// Every name and alias of `knowledge` with its class, for extraction to find.
    pub known: KnownNames,
}

impl Gazetteer {
    pub fn load(dir: &Path) -> Result<Gazetteer, DataFileError> {
        let knowledge = Knowledge::load(dir)?;
        let known = KnownNames::new(
            knowledge
                .forms()
                .map(|(form, e)| (form, (e.class().as_str(), e.kind.subclass()))),
        );
        Ok(Gazetteer {
            divisions: Divisions::load(&dir.join("divisions.tsv"))?,
            bodies: Bodies::load(&dir.join("bodies.toml"))?,
            knowledge,
            known,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_drop_the_level() {
        assert_eq!(short_name("南昌市"), Some("南昌"));
        assert_eq!(short_name("南站街道"), Some("南站"));
        assert_eq!(short_name("新疆维吾尔自治区"), Some("新疆维吾尔"));
        assert_eq!(short_name("沙市"), None);
    }

    #[test]
    fn parents_follow_code_prefixes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.tsv");
        std::fs::write(&path, "# c\n36\t江西省\n3601\t南昌市\n360103\t西湖区\n360103001\t南站街道\n360104\t青云谱区\n").unwrap();
        let d = Divisions::load(&path).unwrap();
        assert_eq!(d.path("360103001"), ["36", "3601", "360103", "360103001"]);
        assert_eq!(d.within("南站街道", "360103").as_deref(), Some("360103001"));
        assert_eq!(d.within("南站街道", "360104"), None);
        assert_eq!(d.codes_of("西湖区"), ["360103"]);
        let counties: Vec<_> = d.coded("36", 6).collect();
        assert_eq!(
            counties,
            [
                ("36", "江西省"),
                ("3601", "南昌市"),
                ("360103", "西湖区"),
                ("360104", "青云谱区")
            ]
        );
        // A zone listed under its city's short name is found by its own name too.
        std::fs::write(&path, "13\t河北省\n1309\t沧州市\n130973\t沧州渤海新区\n").unwrap();
        let d = Divisions::load(&path).unwrap();
        assert_eq!(d.within("渤海新区", "13").as_deref(), Some("130973"));
        assert_eq!(d.within("沧州渤海新区", "13").as_deref(), Some("130973"));
        assert_eq!(d.within("海新区", "13"), None);
        std::fs::write(&path, "3601\t南昌市\n36\t江西省\n").unwrap();
        assert!(
            Divisions::load(&path)
                .unwrap_err()
                .message
                .contains("sorted")
        );
    }
}
