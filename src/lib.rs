//! policykg turns Chinese government work reports (政府工作报告) into a knowledge graph.
//!
//! The pipeline, one module per stage: [`text`] (load, normalize, layout, offsets) →
//! [`extract`] (the rules engine over `ontology/rules`) → [`resolve`] (canonical names,
//! jurisdiction, IRIs) → [`graph`] (RDF, store, serialization) → [`render`] / [`query`].
//! [`pipeline`] runs them end to end; [`export`] writes tables for analysis; [`push`] sends
//! the store's graphs to a triple store server; [`serve`] answers SPARQL over HTTP; [`cli`] is
//! the command line on top.

#[cfg(feature = "rocksdb")]
pub mod cli;
pub mod error;
pub mod explain;
pub mod export;
pub mod extract;
mod files;
pub mod graph;
mod memo;
pub mod pipeline;
pub mod push;
pub mod query;
pub mod render;
pub mod resolve;
pub mod rules;
#[cfg(feature = "rocksdb")]
pub mod serve;
mod staging;
pub mod text;
pub mod validate;

pub use error::Error;
pub use pipeline::{Ontology, Report, build, process};
