//! `policykg push` end to end: the seed and three corpus reports into Virtuoso (Debian's
//! virtuoso-opensource-7-bin, Digest authentication) and into Oxigraph's server (PyPI's
//! `oxigraph` wheel), each started here on 127.0.0.1 with a temporary database and stopped
//! after. Both are installed by scripts/setup.

mod common;

use std::collections::BTreeSet;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use common::{SEED, build_into, corpus_dir, policykg, repo, stderr, stdout};
use policykg::graph::{graph_iri, ontology_graph_iri, vocab::sparql_prologue};
use policykg::push::{Client, Retry, Row, select};

/// Three corpus reports beside the seed: two of one province over years, so that graphs
/// share entity IRIs.
const CORPUS: [&str; 3] = ["hebei-2024", "hebei-2025", "hebei-2026"];
const VIRTUOSO_PASSWORD: &str = "dba";

/// One build of the seed and the three corpus reports, shared by the tests of this file.
fn built() -> &'static Path {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, out) = OUT.get_or_init(|| {
        let corpus = corpus_dir();
        let mut reports = vec![repo().join("seeds").join(format!("{SEED}.txt"))];
        reports.extend(CORPUS.iter().map(|r| corpus.join(format!("{r}.txt"))));
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let refs: Vec<&Path> = reports.iter().map(PathBuf::as_path).collect();
        let o = build_into(&refs, &out);
        assert!(o.status.success(), "build failed: {}", stderr(&o));
        (dir, out)
    });
    out
}

fn report_names() -> Vec<&'static str> {
    std::iter::once(SEED).chain(CORPUS).collect()
}

/// The triples of a report as built: those of its Turtle file.
fn local_triples(name: &str) -> u64 {
    let ttl = std::fs::read(built().join(format!("{name}.ttl"))).unwrap();
    oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
        .for_slice(&ttl)
        .collect::<Result<Vec<_>, _>>()
        .unwrap()
        .len() as u64
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A server process started by a test, killed when dropped (with its database folder).
struct Server {
    child: Child,
    _dir: tempfile::TempDir,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Waits until `path` answers 200 (Virtuoso needs a few seconds to create its database).
    fn wait_ready(mut self, path: &str, log: &Path) -> Server {
        let url = format!("{}{path}", self.base);
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(90) {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!(
                    "the server exited ({status}): {}",
                    std::fs::read_to_string(log).unwrap_or_default()
                );
            }
            if ureq::get(&url).call().is_ok_and(|r| r.status() == 200) {
                return self;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        panic!("{url} did not answer within 90 s");
    }
}

fn spawn(program: &str, args: &[&str], dir: &Path, log: &Path) -> Child {
    let log_file = std::fs::File::create(log).unwrap();
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(log_file.try_clone().unwrap())
        .stderr(log_file)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {program} ({e}): run scripts/setup"))
}

/// Virtuoso in the foreground on free SQL and HTTP ports, a fresh database in a temporary
/// folder (its `dba` user has the password `dba`).
fn start_virtuoso() -> Server {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display();
    let (sql, http) = (free_port(), free_port());
    let ini = format!(
        "[Database]\nDatabaseFile = {d}/virtuoso.db\nErrorLogFile = {d}/virtuoso.log\n\
         LockFile = {d}/virtuoso.lck\nTransactionFile = {d}/virtuoso.trx\n\
         xa_persistent_file = {d}/virtuoso.pxa\nStriping = 0\nTempStorage = TempDatabase\n\
         [TempDatabase]\nDatabaseFile = {d}/virtuoso-temp.db\n\
         TransactionFile = {d}/virtuoso-temp.trx\nStriping = 0\n\
         [Parameters]\nServerPort = 127.0.0.1:{sql}\nDirsAllowed = .\nNumberOfBuffers = 10000\n\
         MaxDirtyBuffers = 6000\nCheckpointInterval = 0\n\
         [HTTPServer]\nServerPort = 127.0.0.1:{http}\nServerRoot = {d}\nServerThreads = 4\n\
         [SPARQL]\nResultSetMaxRows = 100000\nMaxQueryExecutionTime = 120\n"
    );
    std::fs::write(dir.path().join("virtuoso.ini"), ini).unwrap();
    let log = dir.path().join("server.out");
    let child = spawn(
        "virtuoso-t",
        &["-f", "-c", "virtuoso.ini"],
        dir.path(),
        &log,
    );
    Server {
        child,
        _dir: dir,
        base: format!("http://127.0.0.1:{http}"),
    }
    .wait_ready("/sparql?query=ASK%7B%7D", &log)
}

/// Oxigraph's server (the `oxigraph` command of PyPI's `oxigraph` wheel) on a free port.
fn start_oxigraph() -> Server {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let log = dir.path().join("server.out");
    let location = dir.path().join("db");
    let bind = format!("127.0.0.1:{port}");
    // The library's queries read the union of the graphs, as Virtuoso's default graph is.
    let args = [
        "serve",
        "--location",
        location.to_str().unwrap(),
        "--bind",
        &bind,
        "--union-default-graph",
    ];
    let child = spawn("oxigraph", &args, dir.path(), &log);
    Server {
        child,
        _dir: dir,
        base: format!("http://{bind}"),
    }
    .wait_ready("/query?query=ASK%7B%7D", &log)
}

/// `policykg push` of the test build's store, with the password in PUSH_TEST_PASSWORD.
fn push(endpoint: &str, password: Option<&str>, extra: &[&str]) -> std::process::Output {
    let store = built().join("store");
    let mut command = Command::new(env!("CARGO_BIN_EXE_policykg"));
    command
        .args([
            "push",
            "--endpoint",
            endpoint,
            "--store",
            store.to_str().unwrap(),
        ])
        .args(extra)
        .current_dir(repo());
    if let Some(p) = password {
        command
            .args(["--user", "dba", "--password-env", "PUSH_TEST_PASSWORD"])
            .env("PUSH_TEST_PASSWORD", p);
    }
    command.output().unwrap()
}

/// Each graph's triple count on the endpoint, by SPARQL.
fn remote_counts(sparql: &str, graphs: &[String]) -> Vec<u64> {
    let mut client = Client::new(None, Retry::default());
    graphs
        .iter()
        .map(|g| {
            let q = format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}");
            select(&mut client, sparql, &q).unwrap()[0]["n"]
                .parse()
                .unwrap()
        })
        .collect()
}

fn report_graphs() -> Vec<String> {
    report_names().iter().map(|n| graph_iri(n)).collect()
}

/// The rows of a named query on the local store (SPARQL JSON through the CLI), as the set of
/// each row's values by variable.
fn local_rows(name: &str) -> BTreeSet<Row> {
    let store = built().join("store");
    let o = policykg(&[
        "query",
        "--named",
        name,
        "--format",
        "json",
        "--store",
        store.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "local query failed: {}", stderr(&o));
    let results: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let bindings = results["results"]["bindings"].as_array().unwrap();
    bindings
        .iter()
        .map(|b| {
            b.as_object()
                .unwrap()
                .iter()
                .map(|(var, term)| (var.clone(), term["value"].as_str().unwrap().to_owned()))
                .collect()
        })
        .collect()
}

/// A named query of the library finds the same rows on the endpoint as on the local store.
/// As sets: Virtuoso 7.2 returns some rows of a SELECT DISTINCT twice.
fn assert_named_query_matches(sparql: &str, name: &str) {
    let text = std::fs::read_to_string(repo().join(format!("queries/{name}.rq"))).unwrap();
    let local = local_rows(name);
    assert!(
        !local.is_empty(),
        "the named query {name} finds nothing locally"
    );
    let mut client = Client::new(None, Retry::default());
    let rows = select(&mut client, sparql, &format!("{}{text}", sparql_prologue())).unwrap();
    let remote: BTreeSet<Row> = rows.into_iter().collect();
    assert_eq!(
        remote.len(),
        local.len(),
        "{name}: rows on the endpoint vs the local store"
    );
    assert_eq!(
        remote, local,
        "{name}: rows on the endpoint vs the local store"
    );
}

#[test]
fn virtuoso_takes_the_reports_idempotently_and_refuses_a_wrong_password() {
    let server = start_virtuoso();
    let endpoint = format!("{}/sparql-graph-crud-auth", server.base);
    let sparql = format!("{}/sparql", server.base);
    let expected: Vec<u64> = report_names().iter().map(|n| local_triples(n)).collect();

    let o = push(&endpoint, Some(VIRTUOSO_PASSWORD), &["--verify"]);
    assert!(
        o.status.success(),
        "push failed: {}{}",
        stdout(&o),
        stderr(&o)
    );
    assert!(
        stdout(&o).contains("pushed 5 of 5 graphs"),
        "{}",
        stdout(&o)
    );
    assert_eq!(remote_counts(&sparql, &report_graphs()), expected);
    assert!(remote_counts(&sparql, &[ontology_graph_iri()])[0] > 0);
    assert_named_query_matches(&sparql, "targets-vs-results");

    // PUT replaces: a second push leaves the same counts, not twice as many.
    let o = push(&endpoint, Some(VIRTUOSO_PASSWORD), &["--verify"]);
    assert!(o.status.success(), "second push failed: {}", stderr(&o));
    assert_eq!(remote_counts(&sparql, &report_graphs()), expected);

    let o = push(&endpoint, Some("not-the-password"), &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let message = stderr(&o);
    assert!(
        message.contains(&endpoint) && message.contains("refused user \"dba\""),
        "unclear error: {message}"
    );

    let o = push(&endpoint, None, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--user"), "{}", stderr(&o));
}

#[test]
fn oxigraph_server_takes_the_same_push() {
    let server = start_oxigraph();
    let endpoint = format!("{}/store", server.base);
    let sparql = format!("{}/query", server.base);
    let o = push(&endpoint, None, &["--verify"]);
    assert!(
        o.status.success(),
        "push failed: {}{}",
        stdout(&o),
        stderr(&o)
    );
    let expected: Vec<u64> = report_names().iter().map(|n| local_triples(n)).collect();
    assert_eq!(remote_counts(&sparql, &report_graphs()), expected);
    assert_named_query_matches(&sparql, "targets-vs-results");
}

#[test]
fn a_dry_run_lists_each_graph_and_sends_nothing() {
    // Nothing listens on this port: a dry run must not try.
    let endpoint = format!("http://127.0.0.1:{}/store", free_port());
    let o = push(
        &endpoint,
        None,
        &[
            "--dry-run",
            "--only",
            CORPUS[1],
            "--graph-prefix",
            "urn:x-test:",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "the ontology, one report, the total: {out}");
    assert!(lines[0].contains("graph=urn%3Ax-test%3Aontology"), "{out}");
    let triples = local_triples(CORPUS[1]);
    assert!(
        lines[1].contains(&format!("graph=urn%3Ax-test%3A{}", CORPUS[1]))
            && lines[1].contains(&format!(" {triples} triples")),
        "{out}"
    );

    let o = push(&endpoint, None, &["--dry-run", "--only", "hebei-1900"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("hebei-1900") && stderr(&o).contains(SEED),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_password_variable_that_is_not_set_is_named() {
    let o = policykg(&[
        "push",
        "--endpoint",
        "http://127.0.0.1:9/store",
        "--store",
        built().join("store").to_str().unwrap(),
        "--user",
        "dba",
        "--password-env",
        "POLICYKG_TEST_UNSET_PASSWORD",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("POLICYKG_TEST_UNSET_PASSWORD"),
        "{}",
        stderr(&o)
    );
}
