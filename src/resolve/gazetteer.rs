//! General knowledge kept as data in `ontology/gazetteer/`: administrative divisions and
//! national bodies.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;

use crate::rules::{DataFile, DataFileError};

/// Division suffixes, longest first: 南昌市 → 南昌, 桃花镇 → 桃花.
const LEVEL_SUFFIXES: [&str; 11] = [
    "特别行政区", "自治区", "自治州", "自治县", "街道", "省", "市", "区", "县", "镇", "乡",
];

/// The name of a division without its level suffix (南昌市 → 南昌), if that leaves two chars.
pub fn short_name(name: &str) -> Option<&str> {
    LEVEL_SUFFIXES.iter().find_map(|s| {
        name.strip_suffix(s)
            .filter(|rest| rest.chars().count() >= 2)
    })
}

#[derive(Debug, Clone, Default)]
pub struct Divisions {
    names: BTreeMap<String, String>,
    by_name: HashMap<String, Vec<String>>,
}

impl Divisions {
    pub fn load(path: &Path) -> Result<Divisions, DataFileError> {
        let file = DataFile::read(path)?;
        let mut d = Divisions::default();
        for (i, line) in file.source.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (code, name) = line
                .split_once('\t')
                .ok_or_else(|| file.error(i + 1, "expected `code<TAB>name`"))?;
            d.names.insert(code.to_owned(), name.to_owned());
            d.by_name
                .entry(name.to_owned())
                .or_default()
                .push(code.to_owned());
        }
        Ok(d)
    }

    pub fn codes_of(&self, name: &str) -> &[String] {
        self.by_name.get(name).map_or(&[], Vec::as_slice)
    }

    pub fn name(&self, code: &str) -> Option<&str> {
        self.names.get(code).map(String::as_str)
    }

    /// The listed parent of a division: the longest listed proper prefix of its code.
    pub fn parent(&self, code: &str) -> Option<&str> {
        [6usize, 4, 2]
            .into_iter()
            .filter(|&n| n < code.len())
            .find_map(|n| self.names.get_key_value(&code[..n]).map(|(k, _)| k.as_str()))
    }

    /// The codes from the province down to `code`.
    pub fn path(&self, code: &str) -> Vec<String> {
        let mut path = vec![code.to_owned()];
        let mut current = code;
        while let Some(p) = self.parent(current) {
            path.push(p.to_owned());
            current = p;
        }
        path.reverse();
        path
    }

    /// Codes of divisions named `name` whose code starts with `prefix` (inside one division).
    pub fn within<'a>(&'a self, name: &str, prefix: &'a str) -> impl Iterator<Item = &'a String> {
        self.codes_of(name)
            .iter()
            .filter(move |c| c.starts_with(prefix) && c.len() > prefix.len())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBodies {
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
            national,
            formal: raw.formal,
        })
    }
}

/// Everything in `ontology/gazetteer/`.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub divisions: Divisions,
    pub bodies: Bodies,
}

impl Gazetteer {
    pub fn load(dir: &Path) -> Result<Gazetteer, DataFileError> {
        Ok(Gazetteer {
            divisions: Divisions::load(&dir.join("divisions.tsv"))?,
            bodies: Bodies::load(&dir.join("bodies.toml"))?,
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
        let mut d = Divisions::default();
        for (c, n) in [("36", "江西省"), ("3601", "南昌市"), ("360103", "西湖区"), ("360103001", "南站街道")] {
            d.names.insert(c.into(), n.into());
            d.by_name.entry(n.into()).or_default().push(c.into());
        }
        assert_eq!(d.path("360103001"), ["36", "3601", "360103", "360103001"]);
        assert_eq!(d.within("南站街道", "360103").count(), 1);
        assert_eq!(d.within("南站街道", "3602").count(), 0);
    }
}
