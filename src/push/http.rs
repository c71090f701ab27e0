//! HTTP to a triple store: Basic or Digest authentication as the server asks, and retries with
//! backoff when the connection fails or the server answers 5xx.

use std::fs::File;
use std::io::Seek;
use std::time::Duration;

use base64::Engine;
use digest_auth::{AuthContext, HttpMethod, WwwAuthenticateHeader};
use ureq::http::{self, Response, StatusCode, header};
use ureq::{Body, SendBody};

/// A user and the password read from the environment.
#[derive(Clone)]
pub struct Credentials {
    pub user: String,
    pub password: String,
}

/// How often and how patiently a request is tried again.
#[derive(Clone, Copy, Debug)]
pub struct Retry {
    /// Tries in all, the first included.
    pub attempts: u32,
    /// The wait after the first failure; it doubles after each further one.
    pub first_delay: Duration,
}

impl Default for Retry {
    /// Five tries over about 7.5 s: long enough for a store that restarts or is busy
    /// checkpointing, short enough that a wrong address fails soon.
    fn default() -> Retry {
        Retry {
            attempts: 5,
            first_delay: Duration::from_millis(500),
        }
    }
}

impl Retry {
    /// The wait after the given failed try (1 for the first): doubling from `first_delay`.
    fn delay(&self, attempt: u32) -> Duration {
        self.first_delay * 2u32.saturating_pow(attempt.saturating_sub(1))
    }
}

/// Why a request failed, after any retries.
#[derive(Debug)]
pub enum RequestError {
    /// The server refused the credentials, or asked for some that were not given.
    Unauthorized(String),
    /// No connection, or none that lasted: the endpoint is down or the address is wrong.
    Connection(String),
    /// The server answered, but not with success.
    Status { status: StatusCode, body: String },
}

/// How requests authenticate; learnt from the server's first challenge.
enum Auth {
    /// Not yet asked: the first request goes without credentials and without a body.
    Unknown,
    None,
    Basic,
    Digest(Box<WwwAuthenticateHeader>),
}

/// A request's body: a file, read from its start on each try.
pub struct Upload<'a> {
    pub content_type: &'a str,
    pub length: u64,
    pub file: &'a File,
}

pub struct Client {
    agent: ureq::Agent,
    credentials: Option<Credentials>,
    auth: Auth,
    retry: Retry,
}

impl Client {
    pub fn new(credentials: Option<Credentials>, retry: Retry) -> Client {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .build()
            .new_agent();
        Client {
            agent,
            credentials,
            auth: Auth::Unknown,
            retry,
        }
    }

    /// Sends a request and returns a successful response; tries again on connection errors
    /// and 5xx, and answers a Digest challenge once (a stale nonce, or the first one).
    pub fn send(
        &mut self,
        method: &str,
        url: &str,
        accept: Option<&str>,
        upload: Option<Upload>,
    ) -> Result<Response<Body>, RequestError> {
        if matches!(self.auth, Auth::Unknown) {
            self.learn_auth(url)?;
        }
        // A challenge already answered is not answered again unless its nonce went stale: the
        // credentials were refused.
        let mut challenged = matches!(self.auth, Auth::Digest(_));
        let mut attempt = 1;
        loop {
            let request = self.request(method, url, accept, upload.as_ref())?;
            let sent = match upload.as_ref() {
                Some(u) => {
                    let mut file = u.file;
                    file.rewind().map_err(|e| {
                        RequestError::Connection(format!("cannot read the body's file: {e}"))
                    })?;
                    let body = SendBody::from_reader(&mut file);
                    self.agent.run(request.body(body).map_err(bad_request)?)
                }
                None => self
                    .agent
                    .run(request.body(SendBody::none()).map_err(bad_request)?),
            };
            let failure = match sent {
                Ok(response) if response.status().is_success() => return Ok(response),
                Ok(response) if response.status() == StatusCode::UNAUTHORIZED => {
                    let challenge = digest_challenge(&response);
                    match challenge {
                        Some(c) if !challenged || c.stale => {
                            challenged = true;
                            self.auth = Auth::Digest(Box::new(c));
                            continue;
                        }
                        _ => return Err(self.unauthorized()),
                    }
                }
                Ok(response) if response.status().is_server_error() => status_error(response),
                Ok(response) => return Err(status_error(response)),
                Err(e) if retryable(&e) => RequestError::Connection(e.to_string()),
                Err(e) => return Err(RequestError::Connection(e.to_string())),
            };
            if attempt >= self.retry.attempts {
                return Err(failure);
            }
            std::thread::sleep(self.retry.delay(attempt));
            attempt += 1;
        }
    }

    /// Asks the endpoint without credentials or body (a HEAD): a 401 says which scheme it
    /// wants. Credentials are then never sent in the clear to a Digest server, and a large
    /// body is never sent only to be refused.
    fn learn_auth(&mut self, url: &str) -> Result<(), RequestError> {
        if self.credentials.is_none() {
            self.auth = Auth::None;
            return Ok(());
        }
        let mut attempt = 1;
        let response = loop {
            let request = http::Request::head(url)
                .body(SendBody::none())
                .map_err(bad_request)?;
            match self.agent.run(request) {
                Ok(r) => break r,
                Err(e) if retryable(&e) && attempt < self.retry.attempts => {
                    std::thread::sleep(self.retry.delay(attempt));
                    attempt += 1;
                }
                Err(e) => return Err(RequestError::Connection(e.to_string())),
            }
        };
        // No challenge (or a Basic one): send Basic credentials, as `curl -u` does.
        self.auth = match digest_challenge(&response) {
            Some(c) => Auth::Digest(Box::new(c)),
            None => Auth::Basic,
        };
        Ok(())
    }

    /// The request line and headers, with an Authorization for the current scheme.
    fn request(
        &mut self,
        method: &str,
        url: &str,
        accept: Option<&str>,
        upload: Option<&Upload>,
    ) -> Result<http::request::Builder, RequestError> {
        let mut request = http::Request::builder().method(method).uri(url);
        if let Some(accept) = accept {
            request = request.header(header::ACCEPT, accept);
        }
        if let Some(u) = upload {
            request = request
                .header(header::CONTENT_TYPE, u.content_type)
                .header(header::CONTENT_LENGTH, u.length);
        }
        if let Some(value) = self.authorization(method, url)? {
            request = request.header(header::AUTHORIZATION, value);
        }
        Ok(request)
    }

    fn authorization(&mut self, method: &str, url: &str) -> Result<Option<String>, RequestError> {
        let Some(c) = &self.credentials else {
            return Ok(None);
        };
        match &mut self.auth {
            Auth::Unknown | Auth::None => Ok(None),
            Auth::Basic => {
                let pair = format!("{}:{}", c.user, c.password);
                let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
                Ok(Some(format!("Basic {encoded}")))
            }
            Auth::Digest(challenge) => {
                let context = AuthContext::new_with_method(
                    c.user.as_str(),
                    c.password.as_str(),
                    request_target(url),
                    Option::<&[u8]>::None,
                    HttpMethod::from(method.to_owned()),
                );
                let answer = challenge.respond(&context).map_err(|e| {
                    RequestError::Unauthorized(format!("cannot answer the Digest challenge: {e}"))
                })?;
                Ok(Some(answer.to_string()))
            }
        }
    }

    fn unauthorized(&self) -> RequestError {
        RequestError::Unauthorized(match &self.credentials {
            Some(c) => format!(
                "the server refused user {:?} and its password (HTTP 401); check --user and the variable --password-env names",
                c.user
            ),
            None => {
                "the server asks for a user (HTTP 401): give --user NAME --password-env VAR".into()
            }
        })
    }
}

/// The Digest challenge of a 401, if it has one.
fn digest_challenge(response: &Response<Body>) -> Option<WwwAuthenticateHeader> {
    response
        .headers()
        .get_all(header::WWW_AUTHENTICATE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.trim_start().starts_with("Digest"))
        .and_then(|v| digest_auth::parse(v).ok())
}

/// The path and query of a URL: what Digest authentication signs as `uri`.
fn request_target(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) => after_scheme[i..].to_owned(),
        None => "/".to_owned(),
    }
}

/// Connection problems that may pass: refused, reset, timed out.
fn retryable(e: &ureq::Error) -> bool {
    matches!(
        e,
        ureq::Error::Io(_) | ureq::Error::Timeout(_) | ureq::Error::ConnectionFailed
    )
}

fn status_error(mut response: Response<Body>) -> RequestError {
    let body = response
        .body_mut()
        .with_config()
        .limit(2000)
        .read_to_string()
        .unwrap_or_default();
    RequestError::Status {
        status: response.status(),
        body: body.trim().to_owned(),
    }
}

fn bad_request(e: http::Error) -> RequestError {
    RequestError::Connection(format!("cannot make the request: {e}"))
}

impl std::fmt::Display for RequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RequestError::Unauthorized(m) | RequestError::Connection(m) => f.write_str(m),
            RequestError::Status { status, body } if body.is_empty() => write!(f, "HTTP {status}"),
            RequestError::Status { status, body } => write!(f, "HTTP {status}: {body}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::TcpListener;
    use std::thread::JoinHandle;

    use super::*;

    const CHALLENGE: &str = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"SPARQL\", nonce=\"abc\", opaque=\"xyz\", stale=\"false\", qop=\"auth\", algorithm=\"MD5\"\r\n";

    /// A server on 127.0.0.1 that answers the n-th request with the n-th of `responses`
    /// (status line and headers) and returns each request's head and body.
    fn scripted(responses: &[&'static str]) -> (String, JoinHandle<Vec<(String, String)>>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/gsp?graph=g", listener.local_addr().unwrap());
        let responses = responses.to_vec();
        let server = std::thread::spawn(move || {
            let mut seen = Vec::new();
            for response in responses {
                let (stream, _) = listener.accept().unwrap();
                let mut reader = BufReader::new(stream);
                let mut head = String::new();
                while !head.ends_with("\r\n\r\n") {
                    reader.read_line(&mut head).unwrap();
                }
                let length = head
                    .lines()
                    .find_map(|l| {
                        l.to_ascii_lowercase()
                            .strip_prefix("content-length:")
                            .map(|n| n.trim().parse().unwrap())
                    })
                    .unwrap_or(0);
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                let mut stream = reader.into_inner();
                write!(
                    stream,
                    "{response}Content-Length: 0\r\nConnection: close\r\n\r\n"
                )
                .unwrap();
                seen.push((head, String::from_utf8(body).unwrap()));
            }
            seen
        });
        (url, server)
    }

    fn quick(attempts: u32) -> Retry {
        Retry {
            attempts,
            first_delay: Duration::from_millis(1),
        }
    }

    fn put(client: &mut Client, url: &str) -> Result<Response<Body>, RequestError> {
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(b"<a> <b> <c> .\n").unwrap();
        let upload = Upload {
            content_type: "application/n-triples",
            length: 14,
            file: &file,
        };
        client.send("PUT", url, None, Some(upload))
    }

    fn credentials() -> Option<Credentials> {
        Some(Credentials {
            user: "u".into(),
            password: "p".into(),
        })
    }

    #[test]
    fn a_5xx_is_tried_again_with_the_whole_body() {
        let (url, server) = scripted(&["HTTP/1.1 503 Busy\r\n", "HTTP/1.1 201 Created\r\n"]);
        let mut client = Client::new(None, quick(3));
        assert_eq!(put(&mut client, &url).unwrap().status(), 201);
        let seen = server.join().unwrap();
        assert_eq!(seen.len(), 2);
        assert!(seen.iter().all(|(_, body)| body == "<a> <b> <c> .\n"));
    }

    #[test]
    fn retries_end_with_the_last_error() {
        let (url, server) = scripted(&["HTTP/1.1 502 Bad\r\n", "HTTP/1.1 502 Bad\r\n"]);
        let mut client = Client::new(None, quick(2));
        let e = put(&mut client, &url).unwrap_err();
        assert!(
            matches!(e, RequestError::Status { status, .. } if status == 502),
            "{e}"
        );
        assert_eq!(server.join().unwrap().len(), 2);
    }

    #[test]
    fn a_4xx_is_not_tried_again() {
        let (url, server) = scripted(&["HTTP/1.1 400 Bad Request\r\n"]);
        let mut client = Client::new(None, quick(5));
        assert!(matches!(
            put(&mut client, &url),
            Err(RequestError::Status { .. })
        ));
        assert_eq!(server.join().unwrap().len(), 1);
    }

    #[test]
    fn a_connection_refused_is_tried_again_then_reported() {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut client = Client::new(None, quick(2));
        let e = put(&mut client, &format!("http://127.0.0.1:{port}/gsp")).unwrap_err();
        assert!(matches!(e, RequestError::Connection(_)), "{e}");
    }

    #[test]
    fn a_digest_challenge_is_answered_before_the_body_is_sent() {
        let (url, server) = scripted(&[CHALLENGE, "HTTP/1.1 201 Created\r\n"]);
        let mut client = Client::new(credentials(), quick(1));
        put(&mut client, &url).unwrap();
        let seen = server.join().unwrap();
        assert!(seen[0].0.starts_with("HEAD /gsp?graph=g "), "{}", seen[0].0);
        let authorization = seen[1].0.to_ascii_lowercase();
        assert!(
            authorization.contains("authorization: digest username=\"u\"")
                && authorization.contains("uri=\"/gsp?graph=g\""),
            "{authorization}"
        );
    }

    #[test]
    fn refused_digest_credentials_are_unauthorized() {
        let (url, server) = scripted(&[CHALLENGE, CHALLENGE]);
        let mut client = Client::new(credentials(), quick(3));
        let e = put(&mut client, &url).unwrap_err();
        assert!(matches!(e, RequestError::Unauthorized(_)), "{e}");
        assert!(e.to_string().contains("refused user \"u\""), "{e}");
        server.join().unwrap();
    }

    #[test]
    fn a_stale_nonce_is_answered_again() {
        let stale = CHALLENGE
            .replace("stale=\"false\"", "stale=\"true\"")
            .leak();
        let (url, server) = scripted(&[CHALLENGE, stale, "HTTP/1.1 201 Created\r\n"]);
        let mut client = Client::new(credentials(), quick(1));
        put(&mut client, &url).unwrap();
        assert_eq!(server.join().unwrap().len(), 3);
    }

    #[test]
    fn without_a_challenge_credentials_go_as_basic() {
        let (url, server) = scripted(&["HTTP/1.1 200 OK\r\n", "HTTP/1.1 204 No Content\r\n"]);
        let mut client = Client::new(credentials(), quick(1));
        put(&mut client, &url).unwrap();
        let seen = server.join().unwrap();
        // base64("u:p")
        assert!(seen[1].0.contains("Basic dTpw"), "{}", seen[1].0);
    }

    #[test]
    fn digest_signs_the_path_and_query() {
        assert_eq!(
            request_target("http://127.0.0.1:8890/sparql-graph-crud-auth?graph=x%2Fy"),
            "/sparql-graph-crud-auth?graph=x%2Fy"
        );
        assert_eq!(request_target("http://host"), "/");
    }
}
