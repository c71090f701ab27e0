//! The library's error: one variant per stage boundary, each message saying what, where and
//! what to do next.

use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    #[error(transparent)]
    Load(#[from] crate::text::LoadError),
    #[error(transparent)]
    DataFile(#[from] crate::rules::DataFileError),
    #[error(transparent)]
    Graph(#[from] crate::graph::GraphError),
    #[error(transparent)]
    Query(#[from] crate::query::QueryError),
    #[error(transparent)]
    Push(#[from] crate::push::PushError),
    #[error("{0}: no such file or folder")]
    NotFound(PathBuf),
    #[error(
        "{0}: no reports (*.txt) in this folder; put report files there or name them on the command line"
    )]
    NoReports(PathBuf),
    #[error("{path}: {message}")]
    Output { path: PathBuf, message: String },
}

impl Error {
    pub(crate) fn output(path: impl Into<PathBuf>, e: impl std::fmt::Display) -> Error {
        Error::Output {
            path: path.into(),
            message: e.to_string(),
        }
    }
}
