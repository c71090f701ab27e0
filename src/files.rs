//! Reading the data the program runs on: folders listed in a stable order (loading order
//! decides output order, and output must be the same every build), and the copy of
//! `ontology/` and `queries/` built into the binary.
//!
//! The default `ontology` and `queries` paths are relative: in the project (or any folder with
//! its own `ontology/`) they are read from disk as they are; where the current folder has no
//! such folder (an installed binary run elsewhere), the same paths name the built-in copy, so
//! messages read `ontology/rules/entity.toml:6` either way. Any other path is read from disk.

use std::io;
use std::path::{Component, Path, PathBuf};

mod built_in {
    include!(concat!(env!("OUT_DIR"), "/built_in.rs"));
}

/// The folders built into the binary (by `build.rs`).
const BUILT_IN_ROOTS: [&str; 2] = ["ontology", "queries"];

/// The built-in name (`ontology/rules/entity.toml`) `path` stands for, if it stands for one:
/// a relative path below a built-in root that the current folder does not have.
fn built_in_name(path: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for c in path.components() {
        match c {
            Component::Normal(part) => parts.push(part.to_str()?),
            _ => return None,
        }
    }
    let root = *parts.first()?;
    (BUILT_IN_ROOTS.contains(&root) && !Path::new(root).exists()).then(|| parts.join("/"))
}

/// The text of a file, from disk or from the built-in copy.
pub fn read_to_string(path: &Path) -> io::Result<String> {
    if built_in_name(path).is_none() {
        return std::fs::read_to_string(path);
    }
    String::from_utf8(read(path)?).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// The bytes of a file, from disk or from the built-in copy.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    let Some(name) = built_in_name(path) else {
        return std::fs::read(path);
    };
    built_in::FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, bytes)| bytes.to_vec())
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "not in the built-in copy"))
}

/// Every file below `dir`, at any depth, sorted by path.
pub fn files_under(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    match built_in_name(dir) {
        Some(name) if built_in_folder(&name) => {
            let inside = format!("{name}/");
            files.extend(
                built_in::FILES
                    .iter()
                    .filter(|(n, _)| n.starts_with(&inside))
                    .map(|(n, _)| PathBuf::from(n)),
            );
        }
        Some(_) => return Err(io::Error::new(io::ErrorKind::NotFound, "no such folder")),
        None => {
            let mut folders = vec![dir.to_owned()];
            while let Some(folder) = folders.pop() {
                for entry in std::fs::read_dir(&folder)? {
                    let path = entry?.path();
                    if path.is_dir() {
                        folders.push(path);
                    } else {
                        files.push(path);
                    }
                }
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Whether `path` is a folder, on disk or in the built-in copy.
pub fn is_dir(path: &Path) -> bool {
    match built_in_name(path) {
        Some(name) => built_in_folder(&name),
        None => path.is_dir(),
    }
}

fn built_in_folder(name: &str) -> bool {
    let inside = format!("{name}/");
    built_in::FILES.iter().any(|(n, _)| n.starts_with(&inside))
}

/// The files of `dir` whose extension is `ext`, sorted by path.
pub fn sorted_files(dir: &Path, ext: &str) -> io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = match built_in_name(dir) {
        Some(name) => built_in_files(&name)?,
        None => std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect(),
    };
    files.retain(|p| p.extension().is_some_and(|x| x == ext));
    files.sort();
    Ok(files)
}

/// The built-in files directly inside the built-in folder `name`.
fn built_in_files(name: &str) -> io::Result<Vec<PathBuf>> {
    let inside = format!("{name}/");
    let files: Vec<PathBuf> = built_in::FILES
        .iter()
        .filter_map(|(n, _)| n.strip_prefix(&inside).filter(|rest| !rest.contains('/')))
        .map(|file| Path::new(name).join(file))
        .collect();
    if !built_in_folder(name) {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            "no such folder in the built-in copy",
        ));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_relative_paths_below_a_root_name_the_built_in_copy() {
        assert_eq!(built_in_name(Path::new("/ontology/text.toml")), None);
        assert_eq!(built_in_name(Path::new("./ontology/text.toml")), None);
        assert_eq!(built_in_name(Path::new("seeds/a.txt")), None);
    }

    #[test]
    fn the_built_in_copy_holds_the_ontology_and_the_queries() {
        let names: Vec<&str> = built_in::FILES.iter().map(|(n, _)| *n).collect();
        for name in [
            "ontology/text.toml",
            "ontology/rules/entity.toml",
            "queries/glossary.rq",
        ] {
            assert!(names.contains(&name), "{name} missing from {names:?}");
        }
        let files = built_in_files("ontology/rules").unwrap();
        assert!(
            files.contains(&PathBuf::from("ontology/rules/entity.toml")),
            "{files:?}"
        );
        assert!(built_in_files("ontology/nothing").is_err());
    }
}
