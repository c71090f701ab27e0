//! `policykg serve`: the SPARQL 1.1 Protocol over the store, and pages to ask and to see.
//!
//! A small synchronous server (oxhttp, as Oxigraph's own: one thread per connection, at most
//! `max_connections` of them) in front of the synchronous Store API. Every request is logged on
//! stderr as one line: method, path, status, time.
//!
//! - `protocol`: `/query` and `/update` — parsing requests, content negotiation, evaluation
//!   under a deadline, the service description.
//! - `page`: `/` (YASGUI with the query library as tabs), its assets, `/entity`.
//! - `deadline`: queries past `--timeout` are answered 503 at once and their evaluation cancelled.

mod deadline;
mod page;
mod protocol;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use oxhttp::Server;
use oxhttp::model::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
    CONTENT_TYPE,
};
use oxhttp::model::{Body, HeaderValue, Method, Request, Response, StatusCode};
use oxigraph::store::Store;

use crate::error::Error;
use crate::query::named::NamedQuery;
use crate::rules::RuleSet;

/// How to serve.
pub struct Options {
    pub store: PathBuf,
    pub bind: SocketAddr,
    /// Cancel a query that runs longer than this.
    pub timeout: Option<Duration>,
    /// Accept SPARQL updates (otherwise they are refused with 403).
    pub writable: bool,
    /// Answer cross-origin requests from any page.
    pub cors: bool,
    /// At most this many connections are served at once; more wait to be accepted.
    pub max_connections: usize,
}

/// What every request handler reads: the store, the query library, the rules (for `explain`).
pub(crate) struct Service {
    store: Store,
    store_path: PathBuf,
    library: Vec<NamedQuery>,
    rules: RuleSet,
    options: Options,
}

/// Serves until the process is stopped. Fails when the store cannot be opened or the address
/// cannot be bound.
pub fn serve(options: Options, library: Vec<NamedQuery>, rules: RuleSet) -> Result<(), Error> {
    let store = if options.writable {
        crate::graph::open_store_writable(&options.store)?
    } else {
        crate::graph::open_store(&options.store)?
    };
    let bind = options.bind;
    let max_connections = options.max_connections;
    let service = Arc::new(Service {
        store,
        store_path: options.store.clone(),
        library,
        rules,
        options,
    });
    let listening = Server::new(move |request| service.respond(request))
        .bind(bind)
        .with_max_concurrent_connections(max_connections)
        // An idle keep-alive connection gives its place up after this long.
        .with_global_timeout(Duration::from_secs(30))
        .with_server_name(concat!("policykg/", env!("CARGO_PKG_VERSION")))
        .expect("the server name is a valid header")
        .spawn()
        .map_err(|e| Error::output(bind.to_string(), format!("cannot listen: {e}")))?;
    eprintln!("policykg serve: listening on http://{bind}/");
    listening
        .join()
        .map_err(|e| Error::output(bind.to_string(), e))
}

impl Service {
    /// Answers one request and logs it.
    fn respond(&self, request: &mut Request<Body>) -> Response<Body> {
        let started = Instant::now();
        let mut response = self.route(request);
        if self.options.cors {
            let headers = response.headers_mut();
            headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
            headers.insert(
                ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static("GET, POST, OPTIONS"),
            );
            headers.insert(
                ACCESS_CONTROL_ALLOW_HEADERS,
                HeaderValue::from_static("Content-Type, Accept"),
            );
        }
        eprintln!(
            "{} {} {} {:.1} ms",
            request.method(),
            request.uri().path(),
            response.status().as_u16(),
            started.elapsed().as_secs_f64() * 1000.0
        );
        response
    }

    fn route(&self, request: &mut Request<Body>) -> Response<Body> {
        let path = request.uri().path().to_owned();
        match (request.method().clone(), path.as_str()) {
            (Method::OPTIONS, _) => response(StatusCode::NO_CONTENT, "text/plain", ""),
            (Method::GET | Method::POST, "/query" | "/update") => protocol::answer(self, request),
            (Method::GET, "/") => page::index(self),
            (Method::GET, "/entity") => page::entity(self, request),
            (Method::GET, "/queries") => page::library(self),
            (Method::GET, p) if p.starts_with("/queries/") => page::named_query(self, p),
            (Method::GET, p) => page::asset(p).unwrap_or_else(|| not_found(p)),
            (_, p) if p == "/query" || p == "/update" => response(
                StatusCode::METHOD_NOT_ALLOWED,
                "text/plain",
                "use GET or POST (SPARQL 1.1 Protocol)",
            ),
            (_, p) => not_found(p),
        }
    }
}

fn not_found(path: &str) -> Response<Body> {
    response(
        StatusCode::NOT_FOUND,
        "text/plain; charset=utf-8",
        format!("{path}: not found; this server answers /query, /update, /queries, /entity and /"),
    )
}

/// A response with a body of the given media type.
fn response(status: StatusCode, media_type: &str, body: impl Into<Body>) -> Response<Body> {
    Response::builder()
        .status(status)
        .header(CONTENT_TYPE, media_type)
        .body(body.into())
        .expect("status and content type are valid")
}

/// The decoded `key=value` pairs of a URL query or a form body.
fn form_pairs(encoded: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(encoded).into_owned().collect()
}

/// The first value of `key` in decoded pairs.
fn param<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}
