//! Listing a folder's files of one kind, in a stable order (loading order decides output
//! order, and output must be the same every build).

use std::path::{Path, PathBuf};

/// The files of `dir` whose extension is `ext`, sorted by path.
pub fn sorted_files(dir: &Path, ext: &str) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    Ok(files)
}
