//! The query library: `queries/*.rq`, each opening with `#` comment lines that say what it
//! answers. A query's name is its file stem.

use std::path::{Path, PathBuf};

use crate::error::Error;

#[derive(Debug, Clone)]
pub struct NamedQuery {
    pub name: String,
    /// The opening comment, without the `#`.
    pub description: String,
    pub text: String,
    pub path: PathBuf,
}

/// Every `*.rq` of `dir`, sorted by name.
pub fn list(dir: &Path) -> Result<Vec<NamedQuery>, Error> {
    let paths = crate::files::sorted_files(dir, "rq").map_err(|e| {
        Error::output(
            dir,
            format!(
                "{e}; the query library is the queries/ folder of the project (or --queries DIR)"
            ),
        )
    })?;
    paths
        .into_iter()
        .map(|path| {
            let text = crate::files::read_to_string(&path).map_err(|e| Error::output(&path, e))?;
            let description = text
                .lines()
                .take_while(|l| l.starts_with('#'))
                .map(|l| l.trim_start_matches('#').trim())
                .collect::<Vec<_>>()
                .join(" ");
            Ok(NamedQuery {
                name: path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                description,
                text,
                path,
            })
        })
        .collect()
}

/// The query called `name`, or an error that lists the names there are.
pub fn find(dir: &Path, name: &str) -> Result<NamedQuery, Error> {
    let all = list(dir)?;
    let names: Vec<&str> = all.iter().map(|q| q.name.as_str()).collect();
    let known = names.join(", ");
    all.iter().find(|q| q.name == name).cloned().ok_or_else(|| {
        Error::output(
            dir,
            format!("no query named {name:?}; the named queries are: {known}"),
        )
    })
}
