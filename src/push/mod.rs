//! Push: the store's named graphs into a server-class triple store, by the SPARQL 1.1 Graph
//! Store HTTP Protocol. Each graph is sent with PUT, which replaces the graph on the server, so
//! pushing twice leaves the same data; a graph is copied from the store to a temporary file as
//! N-Triples and streamed from there (bounded memory); `verify` counts every graph on the
//! endpoint with SPARQL and names what did not land.

mod body;
mod http;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use indicatif::ProgressBar;
use oxigraph::model::{NamedNode, NamedOrBlankNode};
use oxigraph::store::Store;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use thiserror::Error;

pub use self::http::{Client, Credentials, RequestError, Retry};
use crate::graph::{graph_iri, ontology_graph_iri};

/// What the request bodies are: N-Triples, which every Graph Store Protocol server reads.
const NTRIPLES: &str = "application/n-triples";
const SPARQL_JSON: &str = "application/sparql-results+json";

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum PushError {
    #[error("{endpoint}: {message}")]
    Endpoint { endpoint: String, message: String },
    #[error("store {path}: {message}")]
    Store { path: PathBuf, message: String },
    #[error("graph <{graph}>: cannot copy it from the store to a temporary file: {message}")]
    Read { graph: String, message: String },
    #[error("--only {name}: store {store} has no such report; it holds: {known}")]
    UnknownReport {
        name: String,
        store: PathBuf,
        known: String,
    },
    #[error("{0}")]
    Usage(String),
}

/// One named graph of the store and where it goes.
#[derive(Clone, Debug)]
pub struct Graph {
    /// The report's name (the file's stem), or `ontology`.
    pub name: String,
    /// The graph's name in the store.
    pub source: NamedNode,
    /// The graph's name on the server.
    pub target: String,
}

/// What became of one graph: sent or not, and what the endpoint counts in it.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub graph: Graph,
    /// The triples sent.
    pub triples: u64,
    /// Why the server did not take it.
    pub failure: Option<String>,
    /// The endpoint's count of its triples, when verified.
    pub remote: Option<u64>,
}

impl Outcome {
    /// Sent, and (when counted) all of it there.
    pub fn landed(&self) -> bool {
        self.failure.is_none() && self.remote.is_none_or(|n| n == self.triples)
    }
}

/// Reads the password from the variable `var` (a password is not put on a command line,
/// where `ps` and the shell's history show it).
pub fn credentials_from_env(user: &str, var: &str) -> Result<Credentials, PushError> {
    let password = std::env::var(var).map_err(|_| {
        PushError::Usage(format!(
            "--password-env {var}: the variable is not set; export {var}=… with the password of {user:?}"
        ))
    })?;
    Ok(Credentials {
        user: user.to_owned(),
        password,
    })
}

/// The graphs to push, the ontology's first. `prefix` renames every graph to prefix + report
/// name; `only` keeps these reports (and the ontology, which their classes and properties are
/// described in).
pub fn plan(
    store: &Store,
    store_path: &Path,
    prefix: Option<&str>,
    only: &[String],
) -> Result<Vec<Graph>, PushError> {
    let base = graph_iri("");
    let mut graphs = Vec::new();
    for name in store.named_graphs() {
        let NamedOrBlankNode::NamedNode(source) = name.map_err(|e| PushError::Store {
            path: store_path.to_owned(),
            message: e.to_string(),
        })?
        else {
            continue;
        };
        let report = source
            .as_str()
            .strip_prefix(&base)
            .unwrap_or(source.as_str());
        let target = match prefix {
            Some(p) if report != source.as_str() => format!("{p}{report}"),
            _ => source.as_str().to_owned(),
        };
        graphs.push(Graph {
            name: report.to_owned(),
            source,
            target,
        });
    }
    let ontology = ontology_graph_iri();
    graphs.sort_by_key(|g| (g.source.as_str() != ontology, g.name.clone()));
    keep_only(graphs, only, store_path, &ontology)
}

fn keep_only(
    graphs: Vec<Graph>,
    only: &[String],
    store_path: &Path,
    ontology: &str,
) -> Result<Vec<Graph>, PushError> {
    if only.is_empty() {
        return Ok(graphs);
    }
    if let Some(missing) = only.iter().find(|n| !graphs.iter().any(|g| &g.name == *n)) {
        let known: Vec<&str> = graphs.iter().map(|g| g.name.as_str()).collect();
        return Err(PushError::UnknownReport {
            name: missing.clone(),
            store: store_path.to_owned(),
            known: known.join(", "),
        });
    }
    Ok(graphs
        .into_iter()
        .filter(|g| g.source.as_str() == ontology || only.contains(&g.name))
        .collect())
}

/// The Graph Store Protocol address of one graph (indirect identification: `?graph=`).
pub fn graph_url(endpoint: &str, graph: &str) -> String {
    with_parameter(endpoint, "graph", graph)
}

/// `url` with one more query parameter, its value percent-encoded.
fn with_parameter(url: &str, key: &str, value: &str) -> String {
    // RFC 3986's unreserved characters stay as they are; everything else is encoded.
    const ENCODE: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    let separator = if url.contains('?') { '&' } else { '?' };
    format!(
        "{url}{separator}{key}={}",
        utf8_percent_encode(value, ENCODE)
    )
}

/// The SPARQL query endpoint beside a Graph Store endpoint, for the stores whose layout is
/// known: Virtuoso (/sparql-graph-crud[-auth] → /sparql) and Oxigraph (/store → /query).
fn query_endpoint(gsp: &str) -> Option<String> {
    let (path, query) = gsp.split_once('?').unwrap_or((gsp, ""));
    let path = path.trim_end_matches('/');
    let beside = [
        ("/sparql-graph-crud-auth", "/sparql"),
        ("/sparql-graph-crud", "/sparql"),
        ("/store", "/query"),
    ];
    let (ending, replacement) = beside.iter().find(|(e, _)| path.ends_with(e))?;
    let base = &path[..path.len() - ending.len()];
    Some(format!("{base}{replacement}")).filter(|_| query.is_empty())
}

/// The SPARQL endpoint that `--verify` counts on: the one given, or the one beside `gsp`.
pub fn verify_endpoint(gsp: &str, given: Option<&str>) -> Result<String, PushError> {
    given
        .map(str::to_owned)
        .or_else(|| query_endpoint(gsp))
        .ok_or_else(|| {
            PushError::Usage(format!(
                "--verify: no SPARQL endpoint known beside {gsp}; give it with --sparql URL"
            ))
        })
}

/// Sends every graph with PUT. A graph the server refuses is recorded and the push goes on;
/// refused credentials or an endpoint that cannot be reached stop it.
pub fn push(
    store: &Store,
    graphs: &[Graph],
    endpoint: &str,
    client: &mut Client,
    progress: &ProgressBar,
) -> Result<Vec<Outcome>, PushError> {
    std::thread::scope(|scope| {
        // The next graph is read from the store while the server loads the one before: the
        // two take about as long. One file waits at most, so the disk holds two graphs.
        let (sender, spooled) = std::sync::mpsc::sync_channel(1);
        scope.spawn(move || {
            for graph in graphs {
                // A failed send means the push stopped: nobody reads the rest.
                if sender
                    .send((graph, body::spool(store, &graph.source)))
                    .is_err()
                {
                    break;
                }
            }
        });
        let mut outcomes = Vec::with_capacity(graphs.len());
        for (graph, file) in spooled {
            let file = file.map_err(|e| read_error(graph, e))?;
            progress.set_message(graph.name.clone());
            outcomes.push(send(client, endpoint, graph, &file)?);
            progress.inc(1);
        }
        Ok(outcomes)
    })
}

/// PUTs one spooled graph.
fn send(
    client: &mut Client,
    endpoint: &str,
    graph: &Graph,
    spooled: &body::Spooled,
) -> Result<Outcome, PushError> {
    let upload = http::Upload {
        content_type: NTRIPLES,
        length: spooled.bytes,
        file: &spooled.file,
    };
    let url = graph_url(endpoint, &graph.target);
    let failure = match client.send("PUT", &url, None, Some(upload)) {
        Ok(_) => None,
        Err(e @ RequestError::Status { .. }) => Some(e.to_string()),
        Err(e) => return Err(endpoint_error(endpoint, e)),
    };
    Ok(Outcome {
        graph: graph.clone(),
        triples: spooled.triples,
        failure,
        remote: None,
    })
}

fn read_error(graph: &Graph, e: std::io::Error) -> PushError {
    PushError::Read {
        graph: graph.source.as_str().to_owned(),
        message: e.to_string(),
    }
}

/// Counts every pushed graph's triples on the SPARQL endpoint `sparql`.
pub fn verify(
    outcomes: &mut [Outcome],
    sparql: &str,
    client: &mut Client,
) -> Result<(), PushError> {
    for outcome in outcomes.iter_mut().filter(|o| o.failure.is_none()) {
        let query = format!(
            "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{}> {{ ?s ?p ?o }} }}",
            outcome.graph.target
        );
        let rows = select(client, sparql, &query)?;
        let count = rows
            .first()
            .and_then(|row| row.get("n"))
            .and_then(|n| n.parse().ok());
        outcome.remote = Some(count.ok_or_else(|| PushError::Endpoint {
            endpoint: sparql.to_owned(),
            message: format!(
                "the count of {} is not a number: {rows:?}",
                outcome.graph.target
            ),
        })?);
    }
    Ok(())
}

/// One row of SPARQL results: each bound variable's value (an IRI, or a literal's lexical form).
pub type Row = std::collections::BTreeMap<String, String>;

/// Runs a SELECT query on a SPARQL endpoint and reads its JSON results.
pub fn select(client: &mut Client, sparql: &str, query: &str) -> Result<Vec<Row>, PushError> {
    let url = with_parameter(sparql, "query", query);
    let mut response = client
        .send("GET", &url, Some(SPARQL_JSON), None)
        .map_err(|e| endpoint_error(sparql, e))?;
    let text = response
        .body_mut()
        .with_config()
        .limit(u64::MAX)
        .read_to_string()
        .map_err(|e| endpoint_error(sparql, e))?;
    let results: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| endpoint_error(sparql, format!("the results are not SPARQL JSON: {e}")))?;
    let bindings = results["results"]["bindings"]
        .as_array()
        .ok_or_else(|| endpoint_error(sparql, "the results have no results.bindings"))?;
    Ok(bindings
        .iter()
        .filter_map(serde_json::Value::as_object)
        .map(|binding| {
            binding
                .iter()
                .filter_map(|(var, term)| Some((var.clone(), term["value"].as_str()?.to_owned())))
                .collect()
        })
        .collect())
}

fn endpoint_error(endpoint: &str, e: impl std::fmt::Display) -> PushError {
    PushError::Endpoint {
        endpoint: endpoint.to_owned(),
        message: e.to_string(),
    }
}

/// What a push would send, one line per graph, and the totals.
pub fn describe(store: &Store, graphs: &[Graph], endpoint: &str) -> Result<String, PushError> {
    let mut out = String::new();
    let (mut triples, mut bytes) = (0, 0);
    for g in graphs {
        let (t, b) = body::measure(store, &g.source).map_err(|e| read_error(g, e))?;
        let url = graph_url(endpoint, &g.target);
        let _ = writeln!(out, "PUT {url}  {t} triples, {b} bytes");
        (triples, bytes) = (triples + t, bytes + b);
    }
    let _ = writeln!(
        out,
        "{} graphs, {triples} triples, {bytes} bytes",
        graphs.len()
    );
    Ok(out)
}

/// The closing report: what was sent and how fast, each graph's counts when verified, and a
/// list of the graphs that did not land.
pub fn summary(outcomes: &[Outcome], elapsed: Duration) -> String {
    let mut out = String::new();
    let sent = outcomes.iter().filter(|o| o.failure.is_none());
    let triples: u64 = sent.map(|o| o.triples).sum();
    let seconds = elapsed.as_secs_f64();
    let _ = writeln!(
        out,
        "pushed {} of {} graphs, {triples} triples in {seconds:.2} s ({:.0} triples/s)",
        outcomes.iter().filter(|o| o.failure.is_none()).count(),
        outcomes.len(),
        triples as f64 / seconds.max(1e-9)
    );
    if outcomes.iter().any(|o| o.remote.is_some()) {
        let _ = writeln!(out, "{:<40} {:>10} {:>10}", "graph", "local", "endpoint");
        for o in outcomes {
            let remote = o.remote.map_or("-".to_owned(), |n| n.to_string());
            let _ = writeln!(out, "{:<40} {:>10} {remote:>10}", o.graph.name, o.triples);
        }
    }
    let missing: Vec<&Outcome> = outcomes.iter().filter(|o| !o.landed()).collect();
    if !missing.is_empty() {
        let _ = writeln!(out, "did not land ({}):", missing.len());
        for o in missing {
            let why = match (&o.failure, o.remote) {
                (Some(f), _) => f.clone(),
                (None, Some(n)) => format!("the endpoint holds {n} of {} triples", o.triples),
                (None, None) => unreachable!("a graph that landed is not listed"),
            };
            let _ = writeln!(out, "  {} <{}>: {why}", o.graph.name, o.graph.target);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use oxigraph::model::{Literal, Quad};

    use super::*;

    fn store_with_reports(names: &[&str]) -> Store {
        let store = Store::new().unwrap();
        let graphs = names
            .iter()
            .map(|n| graph_iri(n))
            .chain([ontology_graph_iri()]);
        for (i, g) in graphs.enumerate() {
            for j in 0..=i {
                store
                    .insert(&Quad::new(
                        NamedNode::new_unchecked("https://example.org/s"),
                        NamedNode::new_unchecked("https://example.org/p"),
                        Literal::from(j as i64),
                        NamedNode::new_unchecked(g.as_str()),
                    ))
                    .unwrap();
            }
        }
        store
    }

    #[test]
    fn the_plan_puts_the_ontology_first_and_renames_under_a_prefix() {
        let store = store_with_reports(&["b-2021", "a-2020"]);
        let graphs = plan(&store, Path::new("s"), Some("urn:x:"), &[]).unwrap();
        let names: Vec<&str> = graphs.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["ontology", "a-2020", "b-2021"]);
        assert_eq!(graphs[1].target, "urn:x:a-2020");
        assert_eq!(graphs[1].source.as_str(), graph_iri("a-2020"));
        // a-2020 was inserted second: two triples.
        let described = describe(&store, &graphs[1..2], "http://h/store").unwrap();
        assert!(described.contains("a-2020  2 triples"), "{described}");
        let kept = plan(&store, Path::new("s"), None, &["b-2021".into()]).unwrap();
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[1].target, graph_iri("b-2021"));
    }

    #[test]
    fn an_unknown_report_names_the_known_ones() {
        let store = store_with_reports(&["a-2020"]);
        let e = plan(&store, Path::new("s"), None, &["c-1999".into()]).unwrap_err();
        let message = e.to_string();
        assert!(
            message.contains("c-1999") && message.contains("a-2020"),
            "{message}"
        );
    }

    #[test]
    fn graph_names_are_percent_encoded_in_the_url() {
        assert_eq!(
            graph_url("http://h/store", "https://w3id.org/g/西湖 区"),
            "http://h/store?graph=https%3A%2F%2Fw3id.org%2Fg%2F%E8%A5%BF%E6%B9%96%20%E5%8C%BA"
        );
        assert_eq!(
            graph_url("http://h/gsp?x=1", "a"),
            "http://h/gsp?x=1&graph=a"
        );
    }

    #[test]
    fn the_query_endpoint_is_found_beside_known_stores() {
        let beside = |u| query_endpoint(u);
        assert_eq!(
            beside("http://h:8890/sparql-graph-crud-auth").as_deref(),
            Some("http://h:8890/sparql")
        );
        assert_eq!(
            beside("http://h/sparql-graph-crud/").as_deref(),
            Some("http://h/sparql")
        );
        assert_eq!(
            beside("http://h:7878/store").as_deref(),
            Some("http://h:7878/query")
        );
        assert_eq!(beside("http://h/data"), None);
    }

    #[test]
    fn the_summary_lists_what_did_not_land() {
        let graph = |name: &str| Graph {
            name: name.into(),
            source: NamedNode::new_unchecked(graph_iri(name)),
            target: graph_iri(name),
        };
        let outcomes = [
            Outcome {
                graph: graph("a"),
                triples: 5,
                failure: None,
                remote: Some(5),
            },
            Outcome {
                graph: graph("b"),
                triples: 5,
                failure: None,
                remote: Some(3),
            },
            Outcome {
                graph: graph("c"),
                triples: 5,
                failure: Some("HTTP 400".into()),
                remote: None,
            },
        ];
        let text = summary(&outcomes, Duration::from_secs(1));
        assert!(
            text.starts_with("pushed 2 of 3 graphs, 10 triples"),
            "{text}"
        );
        let missing = text.split("did not land (2):").nth(1).expect(&text);
        assert!(!missing.contains("  a <"), "{text}");
        assert!(
            missing.contains("b <") && missing.contains("holds 3 of 5"),
            "{text}"
        );
        assert!(
            missing.contains("c <") && missing.contains("HTTP 400"),
            "{text}"
        );
    }
}
