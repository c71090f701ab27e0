//! The SPARQL 1.1 Protocol: a query by GET (`?query=`) or POST (a form, or the query itself as
//! `application/sparql-query`), an update by POST (a form's `update=`, or
//! `application/sparql-update`), `default-graph-uri` / `named-graph-uri` for the dataset, and
//! `named=NAME` for a query of the library. Results are serialized whole before the status is
//! sent, so a query cancelled by the deadline is an error status, never a truncated 200.

use std::io::Read;
use std::time::Duration;

use oxhttp::model::header::{ACCEPT, CONTENT_TYPE, HOST};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{BlankNode, GraphName, NamedNode, NamedOrBlankNode, Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    CancellationToken, PreparedSparqlQuery, QueryEvaluationError, QueryResults, SparqlEvaluator,
};
use oxigraph::store::Store;

use super::{Service, deadline, form_pairs, param, response};
use crate::graph::vocab;
use crate::query;

/// The results formats offered for SELECT and ASK, the first being the default.
const RESULTS_FORMATS: [QueryResultsFormat; 4] = [
    QueryResultsFormat::Json,
    QueryResultsFormat::Xml,
    QueryResultsFormat::Csv,
    QueryResultsFormat::Tsv,
];

/// The RDF formats offered for CONSTRUCT, DESCRIBE and the service description.
const GRAPH_FORMATS: [RdfFormat; 4] = [
    RdfFormat::Turtle,
    RdfFormat::NTriples,
    RdfFormat::JsonLd {
        profile: JsonLdProfileSet::empty(),
    },
    RdfFormat::RdfXml,
];

/// The largest request body read (a query or an update).
const MAX_BODY: u64 = 1 << 20;

/// What a request asks for.
enum Operation {
    Query {
        text: String,
        dataset: Dataset,
    },
    Update(String),
    /// A GET without a query: the service description.
    Describe,
}

/// The graphs a request names for its dataset; empty means the query's own or the default.
#[derive(Clone)]
struct Dataset {
    default: Vec<String>,
    named: Vec<String>,
}

/// A request that cannot be answered: the status, and a message saying why.
struct Refusal(StatusCode, String);

/// Answers a request to `/query` or `/update`.
pub(super) fn answer(service: &Service, request: &mut Request<Body>) -> Response<Body> {
    let accepted = accepted(request);
    let answered = operation(service, request).and_then(|operation| match operation {
        Operation::Query { text, dataset } => run_query(service, &accepted, &text, &dataset),
        Operation::Update(text) => run_update(service, &text),
        Operation::Describe => describe(service, request, &accepted),
    });
    answered.unwrap_or_else(|Refusal(status, message)| {
        response(status, "text/plain; charset=utf-8", message + "\n")
    })
}

/// Reads what the request asks: the parameters of its URL, and those of its form or its body.
fn operation(service: &Service, request: &mut Request<Body>) -> Result<Operation, Refusal> {
    let mut pairs = form_pairs(request.uri().query().unwrap_or("").as_bytes());
    let post = request.method() == Method::POST;
    if post {
        let media_type = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let body = read_body(request)?;
        let text = || {
            String::from_utf8(body.clone()).map_err(|e| {
                Refusal(
                    StatusCode::BAD_REQUEST,
                    format!("the body is not UTF-8: {e}"),
                )
            })
        };
        match media_type.as_str() {
            "application/x-www-form-urlencoded" => pairs.extend(form_pairs(&body)),
            "application/sparql-query" => pairs.push(("query".into(), text()?)),
            "application/sparql-update" => pairs.push(("update".into(), text()?)),
            other => {
                return Err(Refusal(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    format!(
                        "content type {other:?}: send application/x-www-form-urlencoded, application/sparql-query or application/sparql-update"
                    ),
                ));
            }
        }
    }
    let all = |key: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let dataset = Dataset {
        default: all("default-graph-uri"),
        named: all("named-graph-uri"),
    };
    if let Some(update) = param(&pairs, "update") {
        if !post {
            return Err(Refusal(
                StatusCode::BAD_REQUEST,
                "an update is sent by POST, not GET".into(),
            ));
        }
        return Ok(Operation::Update(update.to_owned()));
    }
    if let Some(text) = param(&pairs, "query") {
        let text = text.to_owned();
        return Ok(Operation::Query { text, dataset });
    }
    if let Some(name) = param(&pairs, "named") {
        let text = named_query(service, name)?;
        return Ok(Operation::Query { text, dataset });
    }
    if post || request.uri().path() == "/update" {
        return Err(Refusal(
            StatusCode::BAD_REQUEST,
            "no query= or update= in the request".into(),
        ));
    }
    Ok(Operation::Describe)
}

/// The text of the library's query `name`.
fn named_query(service: &Service, name: &str) -> Result<String, Refusal> {
    match service.library.iter().find(|q| q.name == name) {
        Some(q) => Ok(q.text.clone()),
        None => {
            let names: Vec<&str> = service.library.iter().map(|q| q.name.as_str()).collect();
            Err(Refusal(
                StatusCode::NOT_FOUND,
                format!(
                    "no query named {name:?}; the named queries are: {}",
                    names.join(", ")
                ),
            ))
        }
    }
}

fn read_body(request: &mut Request<Body>) -> Result<Vec<u8>, Refusal> {
    let mut body = Vec::new();
    Read::take(request.body_mut(), MAX_BODY + 1)
        .read_to_end(&mut body)
        .map_err(|e| Refusal(StatusCode::BAD_REQUEST, format!("reading the body: {e}")))?;
    if body.len() as u64 > MAX_BODY {
        return Err(Refusal(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is larger than {MAX_BODY} bytes"),
        ));
    }
    Ok(body)
}

/// The media types of the Accept header, most wanted first (`*/*` when there is none).
fn accepted(request: &Request<Body>) -> Vec<String> {
    let header = request
        .headers()
        .get(ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("*/*");
    let mut items: Vec<(f32, usize, String)> = header
        .split(',')
        .enumerate()
        .filter_map(|(i, item)| {
            let mut parts = item.split(';');
            let media_type = parts.next()?.trim().to_ascii_lowercase();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse().ok())
                .unwrap_or(1.0);
            (!media_type.is_empty() && q > 0.0).then_some((q, i, media_type))
        })
        .collect();
    items.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    items.into_iter().map(|(.., m)| m).collect()
}

/// The first offered format the client accepts; `*/*` and `type/*` take the first that fits.
fn negotiate<F: Copy>(
    accepted: &[String],
    offered: &[F],
    media_type: impl Fn(F) -> &'static str,
    parse: impl Fn(&str) -> Option<F>,
) -> Result<F, Refusal> {
    for wanted in accepted {
        let found = match wanted.strip_suffix("*").map(|p| p.trim_start_matches("*/")) {
            Some(prefix) => offered
                .iter()
                .copied()
                .find(|&f| media_type(f).starts_with(prefix)),
            None => parse(wanted).and_then(|f| {
                offered
                    .iter()
                    .copied()
                    .find(|&o| media_type(o) == media_type(f))
            }),
        };
        if let Some(format) = found {
            return Ok(format);
        }
    }
    let offers: Vec<&str> = offered.iter().map(|&f| media_type(f)).collect();
    Err(Refusal(
        StatusCode::NOT_ACCEPTABLE,
        format!(
            "none of the accepted types ({}) is offered here: {}",
            accepted.join(", "),
            offers.join(", ")
        ),
    ))
}

/// Answers a query: evaluated inline, or, with a `--timeout`, on a thread of its own that the
/// request waits for until the deadline.
fn run_query(
    service: &Service,
    accepted: &[String],
    text: &str,
    dataset: &Dataset,
) -> Result<Response<Body>, Refusal> {
    let Some(timeout) = service.options.timeout else {
        let (media_type, body) = evaluate(
            &service.store,
            SparqlEvaluator::new(),
            accepted,
            text,
            dataset,
        )?;
        return Ok(response(StatusCode::OK, media_type, body));
    };
    let token = CancellationToken::new();
    let evaluator = SparqlEvaluator::new().with_cancellation_token(token.clone());
    let store = service.store.clone();
    let (accepted, text, dataset) = (accepted.to_vec(), text.to_owned(), dataset.clone());
    let evaluated = deadline::within(timeout, &token, move || {
        evaluate(&store, evaluator, &accepted, &text, &dataset)
    });
    let (media_type, body) = evaluated.unwrap_or_else(|| Err(cancelled(timeout)))?;
    Ok(response(StatusCode::OK, media_type, body))
}

/// Evaluates a query and serializes its results whole, in the format negotiated for their
/// kind: the media type and the bytes.
fn evaluate(
    store: &Store,
    evaluator: SparqlEvaluator,
    accepted: &[String],
    text: &str,
    dataset: &Dataset,
) -> Result<(&'static str, Vec<u8>), Refusal> {
    let mut prepared = query::prepare(evaluator, text)
        .map_err(|e| Refusal(StatusCode::BAD_REQUEST, e.to_string()))?;
    set_dataset(&mut prepared, dataset)?;
    match prepared.on_store(store).execute().map_err(failed)? {
        QueryResults::Solutions(solutions) => {
            let format = results_format(accepted)?;
            let mut body = Vec::new();
            let mut writer = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(&mut body, solutions.variables().to_vec())
                .map_err(internal)?;
            for solution in solutions {
                writer
                    .serialize(&solution.map_err(failed)?)
                    .map_err(internal)?;
            }
            writer.finish().map_err(internal)?;
            Ok((format.media_type(), body))
        }
        QueryResults::Boolean(answer) => {
            let format = results_format(accepted)?;
            let mut body = Vec::new();
            QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(&mut body, answer)
                .map_err(internal)?;
            Ok((format.media_type(), body))
        }
        QueryResults::Graph(triples) => {
            let triples: Vec<Triple> = triples.collect::<Result<_, _>>().map_err(failed)?;
            serialize_graph(accepted, &triples, &[])
        }
    }
}

fn results_format(accepted: &[String]) -> Result<QueryResultsFormat, Refusal> {
    negotiate(
        accepted,
        &RESULTS_FORMATS,
        QueryResultsFormat::media_type,
        QueryResultsFormat::from_media_type,
    )
}

/// Triples in the RDF format the client accepts: the media type and the bytes.
fn serialize_graph(
    accepted: &[String],
    triples: &[Triple],
    prefixes: &[(&str, &str)],
) -> Result<(&'static str, Vec<u8>), Refusal> {
    let format = negotiate(
        accepted,
        &GRAPH_FORMATS,
        RdfFormat::media_type,
        RdfFormat::from_media_type,
    )?;
    let mut serializer = RdfSerializer::from_format(format);
    for (prefix, ns) in vocab::PREFIXES.iter().chain(prefixes) {
        serializer = serializer
            .with_prefix(*prefix, *ns)
            .expect("the prefixes are valid IRIs");
    }
    let mut writer = serializer.for_writer(Vec::new());
    for t in triples {
        writer.serialize_triple(t).map_err(internal)?;
    }
    Ok((format.media_type(), writer.finish().map_err(internal)?))
}

/// Applies the protocol's `default-graph-uri` and `named-graph-uri` to a query.
fn set_dataset(prepared: &mut PreparedSparqlQuery, dataset: &Dataset) -> Result<(), Refusal> {
    if !dataset.default.is_empty() {
        let graphs = graph_names::<GraphName>(&dataset.default)?;
        prepared.dataset_mut().set_default_graph(graphs);
    }
    if !dataset.named.is_empty() {
        let graphs = graph_names::<NamedOrBlankNode>(&dataset.named)?;
        prepared.dataset_mut().set_available_named_graphs(graphs);
    }
    Ok(())
}

/// Graph IRIs as given, parsed; a bad one is refused (400).
fn graph_names<T: From<NamedNode>>(iris: &[String]) -> Result<Vec<T>, Refusal> {
    iris.iter()
        .map(|s| {
            NamedNode::new(s.as_str())
                .map(T::from)
                .map_err(|e| Refusal(StatusCode::BAD_REQUEST, format!("graph IRI {s:?}: {e}")))
        })
        .collect()
}

/// A failed evaluation (500). Cancellation happens only at the deadline, answered by
/// [`cancelled`] before the evaluation notices it.
fn failed(error: QueryEvaluationError) -> Refusal {
    Refusal(
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("query evaluation failed: {error}"),
    )
}

/// A query still running at the deadline (503).
fn cancelled(timeout: Duration) -> Refusal {
    Refusal(
        StatusCode::SERVICE_UNAVAILABLE,
        format!(
            "the query ran longer than the server's --timeout of {} s and was cancelled",
            timeout.as_secs_f64()
        ),
    )
}

fn internal(error: std::io::Error) -> Refusal {
    Refusal(
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("serializing the results: {error}"),
    )
}

/// Runs an update, when the server was started `--writable`; refused (403) otherwise.
fn run_update(service: &Service, text: &str) -> Result<Response<Body>, Refusal> {
    if !service.options.writable {
        return Err(Refusal(
            StatusCode::FORBIDDEN,
            "this endpoint is read-only: updates are refused (start `policykg serve --writable` to accept them)".into(),
        ));
    }
    query::with_prefixes(SparqlEvaluator::new())
        .parse_update(text)
        .map_err(|e| Refusal(StatusCode::BAD_REQUEST, format!("SPARQL syntax error: {e}")))?
        .on_store(&service.store)
        .execute()
        .map_err(|e| {
            Refusal(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("update failed: {e}"),
            )
        })?;
    Ok(response(StatusCode::NO_CONTENT, "text/plain", ""))
}

/// The SPARQL 1.1 Service Description of this endpoint: what it speaks, the formats it
/// answers in, and its dataset (the union of the reports as the default graph, each report a
/// named graph).
fn describe(
    service: &Service,
    request: &Request<Body>,
    accepted: &[String],
) -> Result<Response<Body>, Refusal> {
    const SD: &str = "http://www.w3.org/ns/sparql-service-description#";
    let sd = |local: &str| NamedNode::new_unchecked(format!("{SD}{local}"));
    let host = request
        .headers()
        .get(HOST)
        .and_then(|h| h.to_str().ok())
        .map_or_else(|| service.options.bind.to_string(), str::to_owned);
    let endpoint = NamedNode::new(format!("http://{host}/query"))
        .map_err(|e| Refusal(StatusCode::BAD_REQUEST, format!("Host {host:?}: {e}")))?;
    let a = vocab::rdf("type");
    let mut triples = vec![
        Triple::new(endpoint.clone(), a.clone(), sd("Service")),
        Triple::new(endpoint.clone(), sd("endpoint"), endpoint.clone()),
        Triple::new(
            endpoint.clone(),
            sd("supportedLanguage"),
            sd("SPARQL11Query"),
        ),
        Triple::new(endpoint.clone(), sd("feature"), sd("UnionDefaultGraph")),
    ];
    if service.options.writable {
        triples.push(Triple::new(
            endpoint.clone(),
            sd("supportedLanguage"),
            sd("SPARQL11Update"),
        ));
    }
    let formats = RESULTS_FORMATS
        .iter()
        .map(|f| f.iri())
        .chain(GRAPH_FORMATS.iter().map(|f| f.iri()));
    for iri in formats {
        let format = NamedNode::new_unchecked(iri);
        triples.push(Triple::new(endpoint.clone(), sd("resultFormat"), format));
    }
    let dataset = BlankNode::default();
    let default_graph = BlankNode::default();
    triples.extend([
        Triple::new(endpoint, sd("defaultDataset"), dataset.clone()),
        Triple::new(dataset.clone(), a.clone(), sd("Dataset")),
        Triple::new(dataset.clone(), sd("defaultGraph"), default_graph.clone()),
        Triple::new(default_graph, a.clone(), sd("Graph")),
    ]);
    for graph in service.store.named_graphs() {
        let graph = graph.map_err(|e| {
            Refusal(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("reading the store: {e}"),
            )
        })?;
        let named = BlankNode::default();
        triples.extend([
            Triple::new(dataset.clone(), sd("namedGraph"), named.clone()),
            Triple::new(named.clone(), a.clone(), sd("NamedGraph")),
            Triple::new(named, sd("name"), Term::from(graph)),
        ]);
    }
    let (media_type, body) = serialize_graph(accepted, &triples, &[("sd", SD)])?;
    Ok(response(StatusCode::OK, media_type, body))
}
