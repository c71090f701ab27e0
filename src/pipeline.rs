//! The pipeline end to end: text → extract → resolve → graph → render, for one report
//! ([`process`]) and for a build of a corpus into an output folder ([`build`]): reports are
//! read in parallel, each written out and loaded into the store as soon as it is done, and
//! those unchanged since the previous build are reused, not read again.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use oxigraph::model::Triple;

use crate::error::Error;
use crate::extract::{Extraction, extract};
use crate::graph;
use crate::memo::Memo;
use crate::render::{self, EntityGraph};
use crate::resolve::{
    Gazetteer, Jurisdiction, Resolved, division_names, find_jurisdiction, resolve, units::Units,
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
    /// A hash of every file of the folder: part of each report's content hash.
    pub hash: String,
    /// The division names of jurisdictions met lately ([`division_names`] walks the
    /// gazetteer's tens of thousands of rows: reports of one jurisdiction share them).
    division_names: Memo<Arc<Vec<String>>>,
}

impl Ontology {
    pub fn load(dir: &Path) -> Result<Ontology, Error> {
        if !crate::files::is_dir(dir) {
            return Err(Error::NotFound(dir.to_owned()));
        }
        // The folder's bytes are hashed while its rules compile.
        let (loaded, hash) = std::thread::scope(|scope| {
            let hash = scope.spawn(|| graph::metadata::ontology_hash(dir));
            let loaded = Ontology::compile(dir);
            (
                loaded,
                hash.join().expect("hashing a folder does not panic"),
            )
        });
        let loaded = loaded?;
        Ok(Ontology {
            hash: hash.map_err(|e| Error::output(dir, e))?,
            ..loaded
        })
    }

    /// Everything but the hash.
    fn compile(dir: &Path) -> Result<Ontology, Error> {
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
            hash: String::new(),
            division_names: Memo::new(64),
        })
    }

    /// The administrative divisions a report of `jurisdiction` can name.
    fn division_names(&self, jurisdiction: &Jurisdiction) -> Arc<Vec<String>> {
        let key: String = jurisdiction
            .chain
            .iter()
            .map(|d| format!("{}:{}\n", d.code.as_deref().unwrap_or(""), d.name))
            .collect();
        self.division_names.get_or_make(key, || {
            Arc::new(division_names(jurisdiction, &self.gazetteer))
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
    /// The entities and their relations, drawn in `dot` (and gathered into a corpus overview).
    pub entities: EntityGraph,
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
    let divisions = ontology.division_names(&jurisdiction);
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
    let triples = graph::triples(&doc, &resolved, &ontology.units, &ontology.hash);
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
        entities: entity_graph,
        dot,
        timings,
    }
}

/// Reads a report file and runs it through the pipeline.
pub fn process(path: &Path, ontology: &Ontology) -> Result<Report, Error> {
    if !path.exists() {
        return Err(Error::NotFound(path.to_owned()));
    }
    let t = Instant::now();
    let doc = Document::load(path, &ontology.layout)?;
    let text_time = t.elapsed();
    let mut report = process_document(doc, ontology);
    report.timings.text = text_time;
    Ok(report)
}

/// The report files named: files as they are, folders for their `*.txt`, sorted. A named file
/// that is not there is kept: it fails as the report it is (with `--keep-going`, alone).
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
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

/// How a build runs.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Reports read at the same time.
    pub jobs: usize,
    /// Draw each report's diagram as SVG too (the corpus overview is drawn whenever `dot` is
    /// installed).
    pub svg: bool,
    /// A report that fails is listed and left out; the others build.
    pub keep_going: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
            svg: false,
            keep_going: false,
        }
    }
}

/// What a build says about one report; the report itself is gone once it is written.
#[derive(Debug, Clone)]
pub struct ReportSummary {
    pub path: PathBuf,
    pub name: String,
    /// Unchanged since the previous build: its outputs were reused, nothing was read again.
    pub reused: bool,
    /// What was found: layout, entities, quantities, warnings (empty when reused).
    pub lines: Vec<String>,
    /// The encoding the report was decoded from, when it was not UTF-8.
    pub decoded_from: Option<&'static str>,
}

/// What a build produced.
pub struct BuildSummary {
    /// In the order of the files.
    pub reports: Vec<ReportSummary>,
    /// Reports that could not be built (with `--keep-going`), in the order of the files.
    pub failed: Vec<(PathBuf, Error)>,
    /// Whether SVG was drawn (`dot` is installed).
    pub svg: bool,
    /// Time spent in each stage, summed over the reports read.
    pub timings: Timings,
    /// Time spent loading the ontology.
    pub ontology_time: Duration,
}

/// Name of the file in an output folder that says which program built it: a build reuses
/// outputs only from the same program (new code may read the same text differently).
const BUILT_BY: &str = ".built-by";

/// The folder of an output folder that keeps each report's entities (`<name>.tsv`), from
/// which a build draws the corpus overview without reading reused reports again.
const ENTITIES: &str = ".entities";

/// Builds the reports into `out`: Turtle and DOT per report (SVG with `--svg`), an
/// overview of the corpus, and one store with each report in its own named graph and the
/// ontology in another. Everything is written into a fresh folder beside `out`, which
/// replaces `out` only when all of it succeeded: a failed build leaves the previous output as
/// it was, and so does one interrupted (src/staging.rs). Reports unchanged since the build in
/// `out` are taken from it.
pub fn build(
    files: &[PathBuf],
    out: &Path,
    ontology: &Path,
    options: &BuildOptions,
    on_report: &dyn Fn(&Path),
) -> Result<BuildSummary, Error> {
    let staging = crate::staging::Staging::begin(out)?;
    let summary = build_into(files, out, staging.path(), ontology, options, on_report)?;
    staging.commit()?;
    Ok(summary)
}

/// The build in `out` that this one starts from: the content hash of each report graph of
/// its store, when this program made it.
struct Previous {
    dir: PathBuf,
    hashes: HashMap<String, String>,
}

impl Previous {
    /// Whatever cannot be read of a previous build is built again, so errors give none.
    fn read(out: &Path) -> Previous {
        let same_program = std::fs::read_to_string(out.join(BUILT_BY)).ok() == Some(built_by());
        let hashes = same_program
            .then(|| {
                let path = out.join("store");
                graph::content_hashes(&graph::open_store(&path).ok()?, &path).ok()
            })
            .flatten()
            .unwrap_or_default();
        Previous {
            dir: out.to_owned(),
            hashes,
        }
    }

    /// Whether the report's text and the ontology are what the previous build read, and its
    /// files are there.
    fn unchanged(&self, file: &Path, ontology_hash: &str) -> bool {
        let name = report_name(file);
        let Some(hash) = self.hashes.get(&graph::graph_iri(&name)) else {
            return false;
        };
        let complete = output_files(&name)
            .iter()
            .all(|f| self.dir.join(f).is_file());
        complete
            && std::fs::read(file).is_ok_and(|bytes| {
                std::str::from_utf8(&bytes)
                    .is_ok_and(|text| &graph::metadata::content_hash(text, ontology_hash) == hash)
            })
    }
}

/// The program that builds: its version and the executable's size and time, so that a
/// rebuilt binary does not reuse what an older one wrote.
fn built_by() -> String {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| format!("{} {:?}", m.len(), m.modified().ok()))
        .unwrap_or_default();
    format!("policykg {} {exe}\n", env!("CARGO_PKG_VERSION"))
}

/// A report's id in file names and IRIs: its file's stem.
fn report_name(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".to_owned())
}

/// The files a report's build writes, relative to the output folder (SVG aside).
fn output_files(name: &str) -> [PathBuf; 3] {
    [
        format!("{name}.ttl").into(),
        format!("{name}.dot").into(),
        Path::new(ENTITIES).join(format!("{name}.tsv")),
    ]
}

/// One report read, written and ready to load.
struct Built {
    summary: ReportSummary,
    triples: Vec<Triple>,
    /// Its entities, for the corpus overview.
    entities: String,
    timings: Timings,
}

/// Builds everything into `staging`, starting from the previous build in `out`.
fn build_into(
    files: &[PathBuf],
    out: &Path,
    staging: &Path,
    ontology_dir: &Path,
    options: &BuildOptions,
    on_report: &dyn Fn(&Path),
) -> Result<BuildSummary, Error> {
    let entities_dir = staging.join(ENTITIES);
    // Not create_dir_all: that could bring back a staging folder an interrupt just removed.
    std::fs::create_dir(&entities_dir).map_err(|e| Error::output(&entities_dir, e))?;
    let previous = Previous::read(out);
    let store_path = staging.join("store");
    let t = Instant::now();
    // With nothing to reuse, the empty store (RocksDB's files and threads) is made while the
    // ontology loads: neither needs the other.
    let (ontology, early_store) = std::thread::scope(|scope| {
        let store = previous
            .hashes
            .is_empty()
            .then(|| scope.spawn(|| graph::create_store(&store_path)));
        let ontology = Ontology::load(ontology_dir);
        let store = store.map(|s| s.join().expect("creating a store does not panic"));
        (ontology, store)
    });
    let ontology = ontology?;
    let ontology_time = t.elapsed();
    let (reused, todo): (Vec<&PathBuf>, Vec<&PathBuf>) = files
        .iter()
        .partition(|f| previous.unchanged(f, &ontology.hash));
    let store = match early_store {
        Some(store) => store?,
        None => start_store(&previous, &reused, &store_path)?,
    };
    // The store's rounds of batches are ingested on threads of this scope while the reports
    // go on; the overview is drawn (`dot` runs as a process of its own) while the store takes
    // the last round.
    let (mut summary, t) = std::thread::scope(|scope| {
        let mut loader = graph::StoreLoader::new(&store, &store_path, scope);
        if reused.is_empty() {
            loader.add(&graph::ontology_graph_iri(), ontology.triples.clone())?;
        }
        let mut corpus = render::Corpus::default();
        let mut summary = BuildSummary {
            reports: Vec::new(),
            failed: Vec::new(),
            svg: render::dot_available(),
            timings: Timings::default(),
            ontology_time,
        };
        for f in &reused {
            on_report(f);
            let (report, entities) = reuse(f, &previous.dir, staging, options.svg)?;
            corpus.add_tsv(&entities);
            summary.reports.push(report);
        }
        let mut sink = Sink {
            loader: &mut loader,
            corpus: &mut corpus,
            summary: &mut summary,
        };
        read_reports(&todo, &ontology, staging, options, &mut sink, on_report)?;
        let t = Instant::now();
        let (overview, svg) = (corpus.graph(), summary.svg);
        let drawn = scope.spawn(move || write_overview(overview, staging, svg));
        let committed = loader.commit();
        let drawn = drawn.join().expect("drawing the overview does not panic");
        committed?;
        drawn?;
        Ok::<_, Error>((summary, t))
    })?;
    drop(store);
    std::fs::write(staging.join(BUILT_BY), built_by()).map_err(|e| Error::output(staging, e))?;
    summary.timings.write += t.elapsed();
    let order: HashMap<&PathBuf, usize> = files.iter().enumerate().map(|(i, f)| (f, i)).collect();
    summary.reports.sort_by_key(|r| order.get(&r.path).copied());
    summary.failed.sort_by_key(|(p, _)| order.get(p).copied());
    Ok(summary)
}

/// The store of this build: a copy of the previous one without the graphs of reports that
/// changed or are gone, when some are reused; a new one otherwise.
fn start_store(
    previous: &Previous,
    reused: &[&PathBuf],
    path: &Path,
) -> Result<oxigraph::store::Store, Error> {
    if reused.is_empty() {
        return Ok(graph::create_store(path)?);
    }
    let store = graph::copy_store(&previous.dir.join("store"), path)?;
    let kept: HashSet<String> = reused
        .iter()
        .map(|f| graph::graph_iri(&report_name(f)))
        .collect();
    let stale = previous
        .hashes
        .keys()
        .filter(|g| !kept.contains(*g))
        .map(String::as_str);
    graph::remove_graphs(&store, path, stale)?;
    Ok(store)
}

/// Takes an unchanged report's files from the previous build (hard links where the file
/// system allows: nothing is copied).
fn reuse(
    file: &Path,
    previous: &Path,
    staging: &Path,
    svg: bool,
) -> Result<(ReportSummary, String), Error> {
    let name = report_name(file);
    let svg_file = PathBuf::from(format!("{name}.svg"));
    let drawn = svg && previous.join(&svg_file).is_file();
    for f in output_files(&name).iter().chain(drawn.then_some(&svg_file)) {
        let (from, to) = (previous.join(f), staging.join(f));
        if std::fs::hard_link(&from, &to).is_err() {
            std::fs::copy(&from, &to).map_err(|e| Error::output(&from, e))?;
        }
    }
    if svg && !staging.join(format!("{name}.svg")).is_file() {
        let dot = std::fs::read_to_string(staging.join(format!("{name}.dot")))
            .map_err(|e| Error::output(staging, e))?;
        write_svg(&dot, &staging.join(format!("{name}.svg")))?;
    }
    let entities_file = staging.join(ENTITIES).join(format!("{name}.tsv"));
    let entities =
        std::fs::read_to_string(&entities_file).map_err(|e| Error::output(&entities_file, e))?;
    let summary = ReportSummary {
        path: file.to_owned(),
        name,
        reused: true,
        lines: vec!["  unchanged since the previous build: reused".to_owned()],
        decoded_from: None,
    };
    Ok((summary, entities))
}

/// Where finished reports go: the store, the corpus overview, the build's summary.
struct Sink<'s, 'scope, 'env> {
    loader: &'s mut graph::StoreLoader<'scope, 'env>,
    corpus: &'s mut render::Corpus,
    summary: &'s mut BuildSummary,
}

/// Reads the reports on `options.jobs` threads, each writing its report's files as soon as it
/// is done; this thread loads each into the store as it arrives and drops it. Without
/// `keep_going` the first failure stops the others and fails the build.
fn read_reports(
    files: &[&PathBuf],
    ontology: &Ontology,
    staging: &Path,
    options: &BuildOptions,
    sink: &mut Sink,
    on_report: &dyn Fn(&Path),
) -> Result<(), Error> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        // A report waits for the loader at most one per thread: memory stays flat.
        let (tx, rx) = mpsc::sync_channel(options.jobs);
        for _ in 0..options.jobs.clamp(1, files.len().max(1)) {
            let tx = tx.clone();
            let (next, stop) = (&next, &stop);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let Some(&file) = files.get(next.fetch_add(1, Ordering::Relaxed)) else {
                        break;
                    };
                    let built = build_report(file, ontology, staging, options.svg);
                    if tx.send((file, built)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (file, built) in rx {
            on_report(file);
            match built {
                Ok(b) => {
                    sink.summary.timings += b.timings;
                    sink.loader
                        .add(&graph::graph_iri(&b.summary.name), b.triples)?;
                    sink.corpus.add_tsv(&b.entities);
                    sink.summary.reports.push(b.summary);
                }
                Err(e) if options.keep_going => sink.summary.failed.push((file.clone(), e)),
                Err(e) => {
                    stop.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            }
        }
        Ok(())
    })
}

/// Reads one report and writes its Turtle and DOT (and SVG when asked). No N-Quads file: the
/// store holds the same triples in the report's named graph, and writing them a third time
/// was most of a build's output bytes and half of its writing time.
fn build_report(file: &Path, ontology: &Ontology, dir: &Path, svg: bool) -> Result<Built, Error> {
    let mut report = process(file, ontology)?;
    let t = Instant::now();
    let name = &report.doc.name;
    let write = |ext: &str, bytes: &[u8]| {
        let path = dir.join(format!("{name}.{ext}"));
        std::fs::write(&path, bytes).map_err(|e| Error::output(&path, e))
    };
    let mut ttl = Vec::new();
    graph::write_turtle(&report.triples, &graph::document_iri(name), &mut ttl)
        .map_err(|e| Error::output(dir, e))?;
    write("ttl", &ttl)?;
    write("dot", report.dot.as_bytes())?;
    let entities = report.entities.to_tsv();
    let entities_file = dir.join(ENTITIES).join(format!("{name}.tsv"));
    std::fs::write(&entities_file, &entities).map_err(|e| Error::output(&entities_file, e))?;
    if svg {
        write_svg(&report.dot, &dir.join(format!("{name}.svg")))?;
    }
    report.timings.write = t.elapsed();
    Ok(Built {
        summary: ReportSummary {
            path: file.to_owned(),
            name: name.clone(),
            reused: false,
            lines: describe(&report),
            decoded_from: report.doc.decoded_from,
        },
        timings: report.timings.clone(),
        triples: std::mem::take(&mut report.triples),
        entities,
    })
}

fn write_svg(dot: &str, path: &Path) -> Result<(), Error> {
    let drawing = render::run_dot(dot, "svg").map_err(|e| Error::output(path, e))?;
    std::fs::write(path, drawing).map_err(|e| Error::output(path, e))
}

/// The corpus overview: the most central entities of every report, as `overview.dot` (and
/// `overview.svg` when `dot` is installed).
fn write_overview(g: EntityGraph, dir: &Path, svg: bool) -> Result<(), Error> {
    let all = render::Filter::default();
    let dot = render::print_dot(g.to_dot("overview", &g.overview(OVERVIEW_CAP, &all), &all));
    let path = dir.join("overview.dot");
    std::fs::write(&path, &dot).map_err(|e| Error::output(&path, e))?;
    if svg {
        write_svg(&dot, &dir.join("overview.svg"))?;
    }
    Ok(())
}

/// What a build says about a report it read: what was skipped, the layout, counts per class,
/// warnings.
fn describe(r: &Report) -> Vec<String> {
    let doc = &r.doc;
    let mut lines = Vec::new();
    for s in &doc.layout.skipped {
        lines.push(format!(
            "  skipped chars {}..{} (lines {}–{}): {}",
            s.span.start,
            s.span.end,
            doc.line_of(s.span.start),
            doc.line_of(s.span.end),
            s.reason
        ));
    }
    lines.extend(
        doc.layout
            .warnings
            .iter()
            .map(|w| format!("  warning: {w}")),
    );
    let j = r.resolved.jurisdiction.scope().join(" › ");
    let layout = &doc.layout;
    lines.push(format!(
        "  jurisdiction {} · year {} · {} parts, {} sections, {} sentences, {} glossary entries",
        if j.is_empty() { "unknown".into() } else { j },
        layout.meta.year.map_or("unknown".into(), |y| y.to_string()),
        layout.parts.len(),
        layout.sections.len(),
        layout.sentences.len(),
        layout.glossary.len(),
    ));
    let counts: Vec<String> = crate::rules::ENTITY_CLASSES
        .iter()
        .map(|c| {
            let n = r.resolved.entities.iter().filter(|e| e.class == *c).count();
            format!("{c} {n}")
        })
        .collect();
    let targets = r
        .resolved
        .quantities
        .iter()
        .filter(|q| q.mention.kind == crate::extract::QuantityKind::Target)
        .count();
    lines.push(format!(
        "  {} · Target {targets} · Achievement {} · relations {} · triples {}",
        counts.join(" · "),
        r.resolved.quantities.len() - targets,
        r.resolved.relations.len(),
        r.triples.len()
    ));
    if r.resolved.entities.is_empty() {
        lines.push("  warning: no entity recognized in this report".to_owned());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    fn jurisdiction_of(ontology: &Ontology, opening: &str) -> Jurisdiction {
        let text = format!("{opening}\n各位代表:\n现在,我代表政府向大会报告工作。\n");
        let doc = Document::from_text("t".into(), "t.txt".into(), text, &ontology.layout);
        find_jurisdiction(&doc, &ontology.gazetteer)
    }

    #[test]
    fn division_names_are_made_once_per_jurisdiction() {
        let ontology = Ontology::load(Path::new("ontology")).unwrap();
        let xihu = jurisdiction_of(&ontology, "南昌市西湖区人民政府区长 陶亿国");
        let hebei = jurisdiction_of(&ontology, "河北省人民政府省长 王正谱");
        assert_eq!(xihu.scope(), ["江西省", "南昌市", "西湖区"]);
        let (a, b) = (
            ontology.division_names(&xihu),
            ontology.division_names(&xihu),
        );
        assert!(
            Arc::ptr_eq(&a, &b),
            "the second report of 西湖区 reuses the names"
        );
        assert_eq!(*a, division_names(&xihu, &ontology.gazetteer));
        let other = ontology.division_names(&hebei);
        assert_eq!(*other, division_names(&hebei, &ontology.gazetteer));
        assert_ne!(a, other);
    }
}
