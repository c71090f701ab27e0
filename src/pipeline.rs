//! The pipeline end to end: text → extract → resolve → graph → render, for one report
//! ([`process`]) and for a build of several into an output folder ([`build`]).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use oxigraph::model::Triple;

use crate::error::Error;
use crate::extract::{Extraction, extract};
use crate::graph;
use crate::render::{self, EntityGraph};
use crate::resolve::{
    Gazetteer, Resolved, division_names, find_jurisdiction, resolve, units::Units,
};
use crate::rules::RuleSet;
use crate::text::{Document, LayoutConfig};

/// Everything in `ontology/`: layout cues, rules and lexicons, gazetteers, units, and the
/// ontology itself.
pub struct Ontology {
    pub dir: PathBuf,
    pub layout: LayoutConfig,
    pub rules: RuleSet,
    pub gazetteer: Gazetteer,
    pub units: Units,
    pub triples: Vec<Triple>,
}

impl Ontology {
    pub fn load(dir: &Path) -> Result<Ontology, Error> {
        if !dir.is_dir() {
            return Err(Error::NotFound(dir.to_owned()));
        }
        let mut rules = RuleSet::load(dir)?;
        let gazetteer = Gazetteer::load(&dir.join("gazetteer"))?;
        rules.add_words(gazetteer.known.domain_words());
        Ok(Ontology {
            dir: dir.to_owned(),
            layout: LayoutConfig::load(&dir.join("text.toml"))?,
            rules,
            gazetteer,
            units: Units::load(&dir.join("units.toml"))?,
            triples: graph::parse_ontology(&dir.join("policykg.ttl"))?,
        })
    }
}

/// Time spent in each stage.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub text: Duration,
    pub extract: Duration,
    pub resolve: Duration,
    pub graph: Duration,
    pub render: Duration,
    pub write: Duration,
}

impl std::ops::AddAssign for Timings {
    fn add_assign(&mut self, o: Timings) {
        self.text += o.text;
        self.extract += o.extract;
        self.resolve += o.resolve;
        self.graph += o.graph;
        self.render += o.render;
        self.write += o.write;
    }
}

/// One report carried through the pipeline.
pub struct Report {
    pub doc: Document,
    pub extraction: Extraction,
    pub resolved: Resolved,
    pub triples: Vec<Triple>,
    pub dot: String,
    pub timings: Timings,
}

/// Entities drawn in a report's overview diagram.
pub const OVERVIEW_CAP: usize = 60;

/// Runs a document through extract, resolve, graph and render.
pub fn process_document(doc: Document, ontology: &Ontology) -> Report {
    let mut timings = Timings::default();
    let t = Instant::now();
    let jurisdiction = find_jurisdiction(&doc, &ontology.gazetteer);
    let divisions = division_names(&jurisdiction, &ontology.gazetteer);
    let extraction = extract(&doc, &ontology.rules, &divisions, &ontology.gazetteer.known);
    timings.extract = t.elapsed();
    let t = Instant::now();
    let resolved = resolve(
        &doc,
        &extraction,
        &ontology.rules,
        &ontology.gazetteer,
        jurisdiction,
        &divisions,
    );
    timings.resolve = t.elapsed();
    let t = Instant::now();
    let triples = graph::triples(&doc, &resolved, &ontology.units);
    timings.graph = t.elapsed();
    let t = Instant::now();
    let entity_graph = EntityGraph::from_triples(&triples);
    let all = render::Filter::default();
    let nodes = entity_graph.overview(OVERVIEW_CAP, &all);
    let dot = render::print_dot(entity_graph.to_dot(&doc.name, &nodes, &all));
    timings.render = t.elapsed();
    Report {
        doc,
        extraction,
        resolved,
        triples,
        dot,
        timings,
    }
}

/// Reads a report file and runs it through the pipeline.
pub fn process(path: &Path, ontology: &Ontology) -> Result<Report, Error> {
    let t = Instant::now();
    let doc = Document::load(path, &ontology.layout)?;
    let text_time = t.elapsed();
    let mut report = process_document(doc, ontology);
    report.timings.text = text_time;
    Ok(report)
}

/// The report files named: files as they are, folders for their `*.txt`, sorted.
pub fn report_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let found =
                crate::files::sorted_files(input, "txt").map_err(|e| Error::output(input, e))?;
            if found.is_empty() {
                return Err(Error::NoReports(input.clone()));
            }
            files.extend(found);
        } else if input.is_file() {
            files.push(input.clone());
        } else {
            return Err(Error::NotFound(input.clone()));
        }
    }
    Ok(files)
}

/// What a build produced.
pub struct BuildSummary {
    pub reports: Vec<Report>,
    pub svg: bool,
    pub timings: Timings,
    /// Time spent loading the ontology.
    pub ontology_time: Duration,
}

/// Builds the reports into `out`: Turtle, N-Quads, DOT (and SVG when `dot` is there) per report,
/// and one store with each report in its own named graph and the ontology in another.
/// Everything is written into a fresh folder beside `out`, which replaces `out` only when all
/// of it succeeded: a failed build leaves the previous output as it was.
/// The ontology is loaded from `ontology` while the store is set up.
pub fn build(
    files: &[PathBuf],
    out: &Path,
    ontology: &Path,
    svg: bool,
    on_report: &dyn Fn(&Path),
) -> Result<BuildSummary, Error> {
    let staging = sibling(out, "new");
    let result = build_into(files, &staging, ontology, svg, on_report)
        .and_then(|summary| swap_in(&staging, out).map(|()| summary));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// Builds everything into `staging`. The store is set up on a second thread while the
/// ontology is loaded and the reports are read, and filled while the files are written.
fn build_into(
    files: &[PathBuf],
    staging: &Path,
    ontology_dir: &Path,
    svg: bool,
    on_report: &dyn Fn(&Path),
) -> Result<BuildSummary, Error> {
    std::fs::create_dir_all(staging).map_err(|e| Error::output(staging, e))?;
    let store_path = staging.join("store");
    std::thread::scope(|scope| {
        let store = scope.spawn(|| graph::create_store(&store_path));
        let t = Instant::now();
        let ontology = &Ontology::load(ontology_dir)?;
        let ontology_time = t.elapsed();
        let mut reports = Vec::new();
        let mut timings = Timings::default();
        for f in files {
            on_report(f);
            let r = process(f, ontology)?;
            timings += r.timings.clone();
            reports.push(r);
        }
        let t = Instant::now();
        let store = store.join().expect("the store thread does not panic")?;
        let mut graphs: Vec<(String, &[Triple])> =
            vec![(graph::ontology_graph_iri(), &ontology.triples)];
        graphs.extend(
            reports
                .iter()
                .map(|r| (graph::graph_iri(&r.doc.name), r.triples.as_slice())),
        );
        std::thread::scope(|inner| {
            let filled = inner.spawn(|| graph::fill_store(&store, &store_path, &graphs));
            let written = write_files(&reports, staging, svg);
            filled.join().expect("the store thread does not panic")?;
            written
        })?;
        drop(graphs);
        drop(store);
        timings.write = t.elapsed();
        Ok(BuildSummary {
            reports,
            svg,
            timings,
            ontology_time,
        })
    })
}

/// A hidden folder beside `out` (`.out.new-<pid>`), on the same file system so that a rename
/// swaps it in.
fn sibling(out: &Path, what: &str) -> PathBuf {
    let name = out
        .file_name()
        .map_or("out".into(), |n| n.to_string_lossy().into_owned());
    out.with_file_name(format!(".{name}.{what}-{}", std::process::id()))
}

/// Turtle, N-Quads, DOT and SVG of each report.
fn write_files(reports: &[Report], dir: &Path, svg: bool) -> Result<(), Error> {
    let write = |name: String, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| Error::output(&path, e))
    };
    for r in reports {
        let name = &r.doc.name;
        let mut ttl = Vec::new();
        graph::write_turtle(&r.triples, &mut ttl).map_err(|e| Error::output(dir, e))?;
        write(format!("{name}.ttl"), &ttl)?;
        let mut nq = Vec::new();
        graph::write_nquads(&r.triples, &graph::graph_iri(name), &mut nq)
            .map_err(|e| Error::output(dir, e))?;
        write(format!("{name}.nq"), &nq)?;
        write(format!("{name}.dot"), r.dot.as_bytes())?;
        if svg {
            let drawing = render::run_dot(&r.dot, "svg").map_err(|e| Error::output(dir, e))?;
            write(format!("{name}.svg"), &drawing)?;
        }
    }
    Ok(())
}

/// Replaces `out` by `staging`: the old folder is moved aside, the new one renamed into place,
/// then the old one removed.
fn swap_in(staging: &Path, out: &Path) -> Result<(), Error> {
    let old = sibling(out, "old");
    let had_old = out.exists();
    if had_old {
        std::fs::rename(out, &old).map_err(|e| Error::output(out, e))?;
    }
    if let Err(e) = std::fs::rename(staging, out) {
        if had_old {
            let _ = std::fs::rename(&old, out);
        }
        return Err(Error::output(out, e));
    }
    if had_old {
        std::fs::remove_dir_all(&old).map_err(|e| Error::output(&old, e))?;
    }
    Ok(())
}
