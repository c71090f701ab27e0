//! The gazetteers of `ontology/gazetteer/` as data: each file is documented with its source,
//! every row of the knowledge files parses, and a name stands for one class of thing across
//! all of them (the knowledge files, the divisions and the national bodies).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use common::repo;
use policykg::resolve::knowledge::{Class, Kind, Knowledge, knowledge_files};
use policykg::resolve::{Bodies, Divisions, short_name};

fn gazetteer() -> PathBuf {
    repo().join("ontology/gazetteer")
}

fn knowledge() -> Knowledge {
    Knowledge::load(&gazetteer()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_gazetteer_file_has_a_readme_row_with_its_source() {
    let readme = std::fs::read_to_string(gazetteer().join("README.md")).unwrap();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(gazetteer()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name != "README.md" {
            files.push(name);
        }
    }
    assert!(files.len() >= 8, "gazetteer files: {files:?}");
    for name in files {
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{name}` |")))
            .unwrap_or_else(|| panic!("ontology/gazetteer/README.md has no row for {name}"));
        // | file | what | source, licence |: the last cell says where the data comes from.
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        assert!(
            cells.len() >= 5 && cells[3].chars().count() > 10,
            "{name}: the README row gives no source: {row}"
        );
    }
}

#[test]
fn every_row_of_every_knowledge_file_parses() {
    let k = knowledge();
    let files = knowledge_files(&gazetteer()).unwrap();
    assert!(files.len() >= 7, "knowledge files: {files:?}");
    for file in &files {
        let rows = k.entries.iter().filter(|e| *e.file == **file).count();
        assert!(rows > 0, "{} gave no entries", file.display());
    }
    // Each class is there, and the lookups give what the rows say.
    for (form, name, class) in [
        ("圣彼得堡", "圣彼得堡", Class::Place),
        ("东盟", "东盟", Class::Place),
        ("京沪高速铁路", "京沪高铁", Class::Place),
        ("中国建筑", "中国建筑集团有限公司", Class::Organization),
        ("清华", "清华大学", Class::Organization),
        ("放管服", "放管服改革", Class::Program),
    ] {
        let entry = k
            .lookup(form)
            .unwrap_or_else(|| panic!("{form} is not known"));
        assert_eq!(
            (entry.name.as_str(), entry.class()),
            (name, class),
            "{form}"
        );
    }
    assert_eq!(
        k.lookup("圣彼得堡").and_then(|e| e.parent.as_deref()),
        Some("俄罗斯")
    );
}

#[test]
fn no_name_stands_for_two_classes() {
    let k = knowledge();
    let mut classes: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for entry in &k.entries {
        for form in entry.forms() {
            classes
                .entry(form)
                .or_default()
                .insert(entry.class().as_str());
        }
    }
    // A county or larger division, by its name or short name, is a place.
    let divisions = Divisions::load(&gazetteer().join("divisions.tsv")).unwrap();
    for name in divisions.inside("", 6) {
        for form in std::iter::once(name).chain(short_name(name)) {
            if let Some(set) = classes.get_mut(form) {
                set.insert("Place");
            }
        }
    }
    let bodies = Bodies::load(&gazetteer().join("bodies.toml")).unwrap();
    for form in bodies.national.keys() {
        if let Some(set) = classes.get_mut(form.as_str()) {
            set.insert("Organization");
        }
    }
    let twice: Vec<String> = classes
        .iter()
        .filter(|(_, set)| set.len() > 1)
        .map(|(form, set)| format!("{form} {set:?}"))
        .collect();
    assert!(twice.is_empty(), "names listed with two classes: {twice:?}");
}

#[test]
fn national_bodies_agree_with_bodies_toml() {
    let k = knowledge();
    let bodies = Bodies::load(&gazetteer().join("bodies.toml")).unwrap();
    let mut checked = 0;
    for (form, canonical) in &bodies.national {
        if let Some(entry) = k.lookup(form) {
            assert_eq!(&entry.name, canonical, "{form} ({})", entry.origin());
            checked += 1;
        }
    }
    assert!(
        checked >= 30,
        "only {checked} bodies of bodies.toml are in the knowledge files"
    );
}

#[test]
fn every_parent_is_a_known_place_or_thing() {
    let k = knowledge();
    let divisions = Divisions::load(&gazetteer().join("divisions.tsv")).unwrap();
    for entry in &k.entries {
        let Some(parent) = entry.parent.as_deref() else {
            continue;
        };
        let known = match k.lookup(parent) {
            Some(p) => p.class() == entry.class(),
            None => entry.class() == Class::Place && !divisions.codes_of(parent).is_empty(),
        };
        assert!(
            known,
            "{}: parent {parent} of {} is no {} listed in the gazetteers",
            entry.origin(),
            entry.name,
            entry.class().as_str()
        );
    }
}

#[test]
fn every_subclass_a_kind_maps_to_is_in_the_ontology() {
    let ontology = std::fs::read_to_string(repo().join("ontology/policykg.ttl")).unwrap();
    for kind in Kind::ALL {
        if let Some(sub) = kind.subclass() {
            assert!(
                ontology.contains(&format!("kg:{sub} a owl:Class")),
                "{} maps to kg:{sub}, which ontology/policykg.ttl does not declare",
                kind.as_str()
            );
        }
    }
}
