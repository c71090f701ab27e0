//! Helpers shared by the end-to-end tests: the binary, the repository's paths, and one build
//! of the seed reused by every test that only reads it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use policykg::extract::{Comparator, Measure, QuantityKind};
use policykg::pipeline::{Ontology, Report, process_document};
use policykg::resolve::Quantity;
use policykg::text::Document;

pub const SEED: &str = "nanchang-xihu-2021";

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn policykg(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policykg"))
        .args(args)
        .current_dir(repo())
        .output()
        .expect("the policykg binary runs")
}

/// Runs the binary in `dir` (a folder without the repository's `ontology/` and `queries/`
/// stands for an installed binary).
pub fn policykg_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policykg"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the policykg binary runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The rows of a command's CSV output, its header left out.
pub fn csv_rows(csv: &[u8]) -> Vec<Vec<String>> {
    csv::Reader::from_reader(csv)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// Asserts that each file of `names` in folder `a` is the same as in folder `b`.
pub fn assert_same_files(a: &Path, b: &Path, names: &[impl AsRef<Path>]) {
    for name in names.iter().map(AsRef::as_ref) {
        assert!(
            std::fs::read(a.join(name)).unwrap() == std::fs::read(b.join(name)).unwrap(),
            "{} differs between {} and {}",
            name.display(),
            a.display(),
            b.display()
        );
    }
}

/// Builds `reports` into `out` with the repository's ontology.
pub fn build_into(reports: &[&Path], out: &Path) -> Output {
    let mut args: Vec<String> = vec!["build".into()];
    args.extend(reports.iter().map(|p| p.display().to_string()));
    args.extend([
        "--out".into(),
        out.display().to_string(),
        "--ontology".into(),
        repo().join("ontology").display().to_string(),
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    policykg(&args)
}

/// A new build of `seeds/`: the folder that holds it and its output folder.
pub fn build_seeds() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = build_into(&[&repo().join("seeds")], &out);
    assert!(o.status.success(), "build failed: {}", stderr(&o));
    (dir, out)
}

/// The output folder of one build of `seeds/`, made once per test binary.
pub fn seed_build() -> &'static Path {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &OUT.get_or_init(build_seeds).1
}

pub fn seed_text() -> String {
    std::fs::read_to_string(repo().join("seeds").join(format!("{SEED}.txt"))).unwrap()
}

/// Runs the binary against the seed build's store (`--store` added).
pub fn on_seed_store(args: &[&str]) -> Output {
    let store = seed_build().join("store");
    let mut all = args.to_vec();
    all.extend(["--store", store.to_str().unwrap()]);
    policykg(&all)
}

/// Runs a query against the seed build's store and returns its TSV output.
pub fn query_seed(sparql: &str) -> String {
    let o = on_seed_store(&["query", "--format", "tsv", sparql]);
    assert!(o.status.success(), "query failed: {}", stderr(&o));
    stdout(&o)
}

/// The repository's ontology, loaded once per test binary.
pub fn ontology() -> &'static Ontology {
    static O: OnceLock<Ontology> = OnceLock::new();
    O.get_or_init(|| Ontology::load(&repo().join("ontology")).unwrap())
}

/// A whole report text through the library's pipeline.
pub fn report_text(text: &str) -> Report {
    let doc = Document::from_text(
        "t".into(),
        PathBuf::from("t.txt"),
        text.into(),
        &ontology().layout,
    );
    process_document(doc, ontology())
}

/// A county report of 河北省 石家庄市 长安区 whose review part holds `review`.
pub fn county_report(review: &str) -> Report {
    county_report_with_glossary(review, "")
}

/// A county report with a 名词解释 section of the given entries (`1.term:definition` lines).
pub fn county_report_with_glossary(review: &str, glossary: &str) -> Report {
    let glossary = if glossary.is_empty() {
        String::new()
    } else {
        format!("名词解释\n{glossary}\n")
    };
    report_text(&format!(
        "——2021年1月8日在石家庄市长安区第五届人民代表大会第六次会议上\n各位代表:\n一、2020年工作回顾\n{review}\n二、2021年工作安排\n抓好落实。\n{glossary}"
    ))
}

/// The entity facts of a report as (subject label, predicate, object label).
pub fn relations(r: &Report) -> Vec<(String, String, String)> {
    let label = |iri: &str| {
        r.resolved
            .entities
            .iter()
            .find(|e| e.iri == iri)
            .map_or_else(|| iri.to_owned(), |e| e.label.clone())
    };
    r.resolved
        .relations
        .iter()
        .filter(|x| !x.object_is_literal)
        .map(|x| (label(&x.subject), x.predicate.clone(), label(&x.object)))
        .collect()
}

/// The one quantity written `value` in the report (the test fails when there are none or several).
pub fn the_quantity<'r>(r: &'r Report, value: &str) -> &'r Quantity {
    let found = quantities_written(r, value);
    assert_eq!(
        found.len(),
        1,
        "one quantity {value}: {:?}",
        r.resolved
            .quantities
            .iter()
            .map(|q| &q.mention.value_text)
            .collect::<Vec<_>>()
    );
    found[0]
}

/// The quantities written `value` in the report.
fn quantities_written<'r>(r: &'r Report, value: &str) -> Vec<&'r Quantity> {
    r.resolved
        .quantities
        .iter()
        .filter(|q| q.mention.value_text == value)
        .collect()
}

/// The class of the entity labelled `label`, if there is one.
pub fn class_of<'r>(r: &'r Report, label: &str) -> Option<&'r str> {
    r.resolved
        .entities
        .iter()
        .find(|e| e.label == label)
        .map(|e| e.class.as_str())
}

/// What a test expects of a report's entities, the relations between them and its quantities.
/// A label in a relation, in `NoNames` or of an indicator, and the class in `Names`, may be a
/// pattern: `*` is anything, `X*` what starts with X, `*X` what ends with X, `*X*` what holds X.
#[derive(Debug)]
pub enum Expect {
    /// An entity of the class for each label.
    Names(&'static str, &'static [&'static str]),
    /// No entity whose label matches any of these.
    NoNames(&'static [&'static str]),
    /// The entity labelled so has the alias.
    Alias(&'static str, &'static str),
    /// The entity labelled so has not the alias.
    NoAlias(&'static str, &'static str),
    /// Each label of the list is partOf the whole named first.
    Parts(&'static str, &'static [&'static str]),
    /// A relation (subject, predicate, object) that matches.
    Rel(&'static str, &'static str, &'static str),
    /// No relation that matches.
    NoRel(&'static str, &'static str, &'static str),
    /// Exactly so many relations match.
    Rels(usize, &'static str, &'static str, &'static str),
    /// The one quantity written so has each of these.
    Quantity(&'static str, &'static [Of]),
    /// The quantities, in order, are written so.
    Values(&'static [&'static str]),
    /// No quantity is written as any of these.
    NoValues(&'static [&'static str]),
}

/// What a quantity has: its indicator's label, or a part of its mention.
#[derive(Debug)]
pub enum Of {
    Indicator(&'static str),
    Unit(&'static str),
    Measure(Measure),
    Comparator(Comparator),
    Kind(QuantityKind),
    Value(f64),
    /// A value below this one.
    Below(f64),
    Baseline(Option<&'static str>),
    TargetYear(Option<i32>),
}

impl Of {
    fn holds(&self, q: &Quantity) -> bool {
        let m = &q.mention;
        match *self {
            Of::Indicator(label) => q
                .indicator
                .as_ref()
                .is_some_and(|i| matches(label, &i.label)),
            Of::Unit(unit) => m.unit == unit,
            Of::Measure(measure) => m.measure == measure,
            Of::Comparator(comparator) => m.comparator == comparator,
            Of::Kind(kind) => m.kind == kind,
            Of::Value(value) => m.value == value,
            Of::Below(bound) => m.value < bound,
            Of::Baseline(year) => m.baseline.as_deref() == year,
            Of::TargetYear(year) => m.target_year == year,
        }
    }
}

impl Expect {
    fn holds(&self, r: &Report, found: &[(String, String, String)]) -> bool {
        let matching = |s: &str, p: &str, o: &str| {
            found
                .iter()
                .filter(|(fs, fp, fo)| matches(s, fs) && matches(p, fp) && matches(o, fo))
                .count()
        };
        let aliases = |label: &str| {
            r.resolved
                .entities
                .iter()
                .find(|e| e.label == label)
                .map(|e| &e.aliases)
        };
        match *self {
            Expect::Names(class, labels) => labels
                .iter()
                .all(|l| class_of(r, l).is_some_and(|c| matches(class, c))),
            Expect::NoNames(patterns) => !r
                .resolved
                .entities
                .iter()
                .any(|e| patterns.iter().any(|p| matches(p, &e.label))),
            Expect::Alias(label, alias) => aliases(label).is_some_and(|a| a.contains(alias)),
            Expect::NoAlias(label, alias) => aliases(label).is_some_and(|a| !a.contains(alias)),
            Expect::Parts(whole, parts) => parts.iter().all(|p| matching(p, "partOf", whole) > 0),
            Expect::Rel(s, p, o) => matching(s, p, o) > 0,
            Expect::NoRel(s, p, o) => matching(s, p, o) == 0,
            Expect::Rels(n, s, p, o) => matching(s, p, o) == n,
            Expect::Quantity(value, has) => {
                matches!(quantities_written(r, value)[..], [q] if has.iter().all(|of| of.holds(q)))
            }
            Expect::Values(values) => quantity_values(r) == values,
            Expect::NoValues(values) => !quantity_values(r).iter().any(|v| values.contains(v)),
        }
    }
}

/// The numbers as written of every quantity found.
fn quantity_values(r: &Report) -> Vec<&str> {
    r.resolved
        .quantities
        .iter()
        .map(|q| q.mention.value_text.as_str())
        .collect()
}

/// Whether `text` matches `pattern` (see `Expect`).
fn matches(pattern: &str, text: &str) -> bool {
    let (open_start, rest) = pattern
        .strip_prefix('*')
        .map_or((false, pattern), |p| (true, p));
    let (open_end, core) = rest.strip_suffix('*').map_or((false, rest), |p| (true, p));
    match (open_start, open_end) {
        (true, true) => text.contains(core),
        (true, false) => text.ends_with(core),
        (false, true) => text.starts_with(core),
        (false, false) => text == core,
    }
}

/// Checks a report against what a test expects of it.
pub trait Check {
    /// Asserts each of `expected`; a failure names every expectation that fails, the report's
    /// text, its entities, its relations and its quantities.
    fn check(&self, expected: &[Expect]);
}

impl Check for Report {
    #[track_caller]
    fn check(&self, expected: &[Expect]) {
        let found = relations(self);
        let failed: Vec<&Expect> = expected.iter().filter(|e| !e.holds(self, &found)).collect();
        let labels: Vec<(&str, &str)> = self
            .resolved
            .entities
            .iter()
            .map(|e| (e.label.as_str(), e.class.as_str()))
            .collect();
        assert!(
            failed.is_empty(),
            "{failed:?} fail in\n{}\nentities: {labels:?}\nrelations: {found:?}\nquantities: {:?}",
            self.doc.text,
            self.resolved
                .quantities
                .iter()
                .map(|q| (&q.mention, q.indicator.as_ref().map(|i| &i.label)))
                .collect::<Vec<_>>()
        );
    }
}

/// The corpus of 24 reports of 河北省 (`shared/corpus/hebei-province` beside the repository
/// or its worktree, or `$POLICYKG_CORPUS`, or `$POLICYKG_SHARED/corpus/hebei-province`).
pub fn corpus_dir() -> PathBuf {
    let repo = repo();
    let tried: Vec<PathBuf> = std::env::var_os("POLICYKG_CORPUS")
        .map(PathBuf::from)
        .into_iter()
        .chain(
            std::env::var_os("POLICYKG_SHARED")
                .map(|shared| PathBuf::from(shared).join("corpus/hebei-province")),
        )
        .chain(
            repo.ancestors()
                .skip(1)
                .take(2)
                .map(|up| up.join("shared/corpus/hebei-province")),
        )
        .collect();
    tried
        .iter()
        .find(|c| c.is_dir())
        .cloned()
        .unwrap_or_else(|| panic!("no corpus in {tried:?}; set POLICYKG_CORPUS"))
}

/// A report of a pathological shape, written by `scripts/shapes-of-input.py`.
pub fn shaped_input(dir: &Path, kind: &str, size: usize) -> PathBuf {
    let path = dir.join(format!("{kind}-{size}.txt"));
    let status = Command::new("python3")
        .arg(repo().join("scripts/shapes-of-input.py"))
        .args([kind, &size.to_string()])
        .arg(&path)
        .status()
        .expect("python3 runs");
    assert!(status.success(), "shapes-of-input.py {kind} {size}");
    path
}

/// The staging folders (`.NAME.new-PID`) beside an output folder.
pub fn staging_folders(out: &Path) -> Vec<String> {
    let prefix = format!(".{}.new-", out.file_name().unwrap().to_string_lossy());
    std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&prefix))
        .collect()
}
