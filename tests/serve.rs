//! `policykg serve` on a free loopback port, against a store built by the test in a folder of
//! its own (the installed-style binary: no ontology/ or queries/ there), asked by real clients:
//! SPARQLWrapper (tests/serve/client.py) and headless Chromium (tests/serve/browser.mjs).
//! What they get is checked against what the CLI answers on the same store.

mod common;

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use oxigraph::io::{RdfFormat, RdfParser};
use serde_json::Value;

/// A folder with the seed report built into `out/` by the binary run there.
fn built_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(format!("{SEED}.txt")), seed_text()).unwrap();
    let o = policykg_in(dir.path(), &["build", &format!("{SEED}.txt")]);
    assert!(o.status.success(), "{}", stderr(&o));
    dir
}

/// A running `policykg serve`, stopped when dropped; its stderr (the request log) goes to a file.
struct Server {
    child: Child,
    base: String,
    log: PathBuf,
}

impl Server {
    fn start(dir: &Path, extra: &[&str]) -> Server {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let bind = format!("127.0.0.1:{port}");
        let log = dir.join(format!("serve-{port}.log"));
        let mut args = vec!["serve", "--store", "out/store", "--bind", &bind];
        args.extend(extra);
        let child = Command::new(env!("CARGO_BIN_EXE_policykg"))
            .args(&args)
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("policykg serve starts");
        let mut server = Server {
            child,
            base: format!("http://{bind}"),
            log,
        };
        let started = Instant::now();
        while TcpStream::connect(&bind).is_err() {
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!("serve exited with {status}: {}", server.log());
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "serve did not listen: {}",
                server.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A query's first column through the CLI, as CSV values.
fn cli_column(dir: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["query", "--format", "csv"];
    all.extend(args);
    let o = policykg_in(dir, &all);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut reader = csv::Reader::from_reader(o.stdout.as_slice());
    reader.records().map(|r| r.unwrap()[0].to_owned()).collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

fn triple_count(text: &str, format: RdfFormat) -> usize {
    RdfParser::from_format(format)
        .for_slice(text.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{e}: {text}"))
        .len()
}

const PROGRAMS: &str =
    "SELECT ?label WHERE { ?p a kg:Program ; rdfs:label ?label } ORDER BY ?label";

#[test]
fn a_sparql_client_gets_each_format_and_each_refusal() {
    let dir = built_folder();
    let programs = cli_column(dir.path(), &[PROGRAMS]);
    assert!(programs.len() > 10, "{programs:?}");
    let targets = cli_column(dir.path(), &["--named", "targets-vs-results"]);
    let bad = policykg_in(dir.path(), &["query", "SELECT ?x WHERE { ?x a kg:Program "]);
    let parser_message = stderr(&bad);
    let parser_message = parser_message
        .trim()
        .strip_prefix("error: SPARQL syntax error: ")
        .unwrap_or_else(|| panic!("{parser_message}"));

    let server = Server::start(dir.path(), &["--timeout", "1", "--cors"]);
    let o = Command::new("python3")
        .arg(repo().join("tests/serve/client.py"))
        .arg(&server.base)
        .output()
        .expect("python3 runs (scripts/setup installs it and SPARQLWrapper)");
    assert!(o.status.success(), "{}\n{}", stderr(&o), server.log());
    let seen: Value = serde_json::from_slice(&o.stdout).unwrap();

    for format in ["json", "xml", "csv", "tsv"] {
        assert_eq!(strings(&seen["select"][format]), programs, "{format}");
    }
    assert_eq!(strings(&seen["post_body"]["labels"]), programs);
    let turtle = seen["construct_turtle"].as_str().unwrap();
    assert_eq!(triple_count(turtle, RdfFormat::Turtle), programs.len());
    let ntriples = &seen["construct_ntriples"];
    assert_eq!(ntriples["type"], "application/n-triples");
    assert_eq!(
        triple_count(ntriples["body"].as_str().unwrap(), RdfFormat::NTriples),
        programs.len()
    );
    let jsonld = &seen["construct_jsonld"];
    assert_eq!(jsonld["type"], "application/ld+json");
    assert_eq!(
        triple_count(
            jsonld["body"].as_str().unwrap(),
            RdfFormat::from_media_type("application/ld+json").unwrap()
        ),
        programs.len()
    );

    assert_eq!(seen["named_rows"], targets.len());
    assert_eq!(seen["named_by_name"]["status"], 200);
    let by_name = seen["named_by_name"]["body"].as_str().unwrap();
    assert_eq!(by_name.lines().count(), targets.len() + 1, "{by_name}");

    assert_eq!(seen["update"][0], 403, "{}", seen["update"]);
    assert!(seen["update"][1].as_str().unwrap().contains("read-only"));
    assert_eq!(seen["timeout"][0], 503, "{}", seen["timeout"]);
    assert!(seen["timeout"][1].as_str().unwrap().contains("--timeout"));
    assert_eq!(seen["bad"][0], 400, "{}", seen["bad"]);
    assert!(
        seen["bad"][1].as_str().unwrap().contains(parser_message),
        "{} lacks {parser_message}",
        seen["bad"][1]
    );

    let description = &seen["description"];
    assert_eq!(description["cors"], "*");
    let description = description["body"].as_str().unwrap();
    assert!(
        description.contains("sparql-service-description#"),
        "{description}"
    );
    assert!(
        description.contains(&format!("/id/graph/{SEED}>")),
        "{description}"
    );

    // One log line per request: method, path, status, time.
    let log = server.log();
    for status in ["200", "400", "403", "503"] {
        let logged = log.lines().any(|line| {
            let words: Vec<&str> = line.split(' ').collect();
            matches!(words.as_slice(), [method, "/query", s, ms, "ms"]
                if ["GET", "POST"].contains(method) && *s == status && ms.parse::<f64>().is_ok())
        });
        assert!(logged, "no {status} logged:\n{log}");
    }
}

#[test]
fn a_browser_runs_a_query_and_opens_an_entity_page() {
    let dir = built_folder();
    let glossary = cli_column(dir.path(), &["--named", "glossary"]);
    let focus = "西湖区";
    let server = Server::start(dir.path(), &[]);
    let shots =
        std::env::var("POLICYKG_SCREENSHOTS").map_or_else(|_| dir.path().to_owned(), PathBuf::from);
    let o = Command::new("node")
        .arg(repo().join("tests/serve/browser.mjs"))
        .args([&server.base, focus, shots.to_str().unwrap()])
        .output()
        .expect("node runs (scripts/setup installs it, playwright-core and chromium)");
    assert!(o.status.success(), "{}\n{}", stderr(&o), server.log());
    let seen: Value = serde_json::from_slice(&o.stdout).unwrap();

    // The library is there as tabs; the first one's results are the table.
    let library: Vec<String> = policykg_in(dir.path(), &["query", "--list"])
        .stdout
        .split(|&b| b == b'\n')
        .filter_map(|l| {
            std::str::from_utf8(l)
                .ok()?
                .split(' ')
                .next()
                .map(str::to_owned)
        })
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(strings(&seen["tabs"]), library);
    assert!(
        strings(&seen["headers"]).iter().any(|h| h == "term"),
        "{}",
        seen["headers"]
    );
    let cells = strings(&seen["cells"]);
    // YASR shows a literal as a term: "雪亮工程"@zh.
    for term in &glossary {
        let shown = format!("\"{term}\"@zh");
        assert!(
            cells.contains(&shown),
            "{shown} not in the table: {cells:?}"
        );
    }
    assert_eq!(strings(&seen["offsite"]), Vec::<String>::new(), "no CDN");

    // The entity page: explain's facts with the words marked, the neighbourhood drawn.
    assert_eq!(seen["entityTitle"], focus);
    assert!(
        strings(&seen["marks"]).iter().any(|m| m == focus),
        "{}",
        seen["marks"]
    );
    let drawn = strings(&seen["labels"]);
    let triples = policykg::graph::report_triples(
        &policykg::graph::open_store(&dir.path().join("out/store")).unwrap(),
        Path::new("out/store"),
    )
    .unwrap();
    let graph = policykg::render::EntityGraph::from_triples(&triples);
    let (_, nodes) = graph.focus(focus, 1).unwrap();
    assert!(nodes.len() > 1);
    for n in nodes {
        let label = &graph.graph[n].label;
        assert!(drawn.contains(label), "{label} not drawn: {drawn:?}");
    }
    // A node's link opens that entity's page.
    let followed = seen["followed"].as_str().unwrap();
    assert_ne!(followed, focus);
    assert_eq!(seen["followedTitle"], followed);
    assert!(server.log().contains("GET /entity 200"), "{}", server.log());
}

#[test]
fn a_writable_server_applies_updates_and_a_missing_store_is_an_error() {
    let dir = built_folder();
    let server = Server::start(dir.path(), &["--writable"]);
    let post = |body: &str, content_type: &str| {
        let mut stream = TcpStream::connect(server.base.trim_start_matches("http://")).unwrap();
        let request = format!(
            "POST /update HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        std::io::Write::write_all(&mut stream, request.as_bytes()).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    };
    let answer = post(
        "INSERT DATA { GRAPH <urn:g> { <urn:a> rdfs:label \"新增\"@zh } }",
        "application/sparql-update",
    );
    assert!(answer.starts_with("HTTP/1.1 204"), "{answer}");
    drop(server);
    let o = policykg_in(
        dir.path(),
        &[
            "query",
            "--format",
            "csv",
            "SELECT ?l WHERE { <urn:a> rdfs:label ?l }",
        ],
    );
    assert!(stdout(&o).contains("新增"), "{}", stderr(&o));

    let o = policykg_in(dir.path(), &["serve", "--store", "nowhere"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("nowhere: no store there"),
        "{}",
        stderr(&o)
    );
}
