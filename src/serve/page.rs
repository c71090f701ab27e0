//! The pages: `/` (YASGUI, vendored in `assets/yasgui/`, with the query library as tabs),
//! `/entity` (what `policykg explain` says beside the entity's neighbourhood, drawn as SVG on
//! the server, each node a link to its own page), and the query library as data.

use oxhttp::model::{Body, Request, Response, StatusCode};

use super::{Service, form_pairs, param, response};
use crate::graph::{self, vocab};
use crate::render::{self, EntityGraph};

const HTML: &str = "text/html; charset=utf-8";

/// The vendored YASGUI files, served as they are.
const ASSETS: [(&str, &str, &[u8]); 2] = [
    (
        "/yasgui.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/yasgui/yasgui.min.js"),
    ),
    (
        "/yasgui.min.css",
        "text/css; charset=utf-8",
        include_bytes!("../../assets/yasgui/yasgui.min.css"),
    ),
];

/// The query page's template: `{{prologue}}` and `{{library}}` are filled in.
const INDEX: &str = include_str!("index.html");

/// Styles and the entity search shared by the pages.
const HEADER: &str = include_str!("header.html");

pub(super) fn asset(path: &str) -> Option<Response<Body>> {
    ASSETS
        .iter()
        .find(|(p, ..)| *p == path)
        .map(|(_, media_type, bytes)| response(StatusCode::OK, media_type, *bytes))
}

/// The query library as JSON: name, description and text of each query.
fn library_json(service: &Service) -> String {
    let queries: Vec<serde_json::Value> = service
        .library
        .iter()
        .map(
            |q| serde_json::json!({ "name": q.name, "description": q.description, "text": q.text }),
        )
        .collect();
    serde_json::Value::Array(queries).to_string()
}

pub(super) fn library(service: &Service) -> Response<Body> {
    response(
        StatusCode::OK,
        "application/json; charset=utf-8",
        library_json(service),
    )
}

/// `/queries/NAME.rq`: the text of a query of the library.
pub(super) fn named_query(service: &Service, path: &str) -> Response<Body> {
    let name = path.trim_start_matches("/queries/").trim_end_matches(".rq");
    match service.library.iter().find(|q| q.name == name) {
        Some(q) => response(
            StatusCode::OK,
            "application/sparql-query; charset=utf-8",
            q.text.clone(),
        ),
        None => super::not_found(path),
    }
}

pub(super) fn index(service: &Service) -> Response<Body> {
    // A `</script>` inside a query would end the script element the JSON sits in.
    let library = library_json(service).replace("</", "<\\/");
    let prologue = serde_json::Value::String(vocab::sparql_prologue()).to_string();
    let page = INDEX
        .replace("{{header}}", HEADER)
        .replace("{{prologue}}", &prologue)
        .replace("{{library}}", &library);
    response(StatusCode::OK, HTML, page)
}

/// `/entity?iri=…` or `/entity?name=…` (and `depth=`, 1 by default).
pub(super) fn entity(service: &Service, request: &Request<Body>) -> Response<Body> {
    let pairs = form_pairs(request.uri().query().unwrap_or("").as_bytes());
    let Some(name) = param(&pairs, "iri").or_else(|| param(&pairs, "name")) else {
        return response(
            StatusCode::BAD_REQUEST,
            "text/plain; charset=utf-8",
            "give the entity as /entity?name=LABEL or /entity?iri=IRI\n",
        );
    };
    let depth = param(&pairs, "depth")
        .and_then(|d| d.parse().ok())
        .unwrap_or(1)
        .min(3);
    let facts = match crate::explain::explain(&service.store, name, &service.rules) {
        Ok(facts) => facts,
        Err(e) => return entity_page(StatusCode::NOT_FOUND, name, &escape(&e.to_string()), ""),
    };
    let label = facts.lines().next().and_then(|l| l.split("  <").next());
    let diagram = diagram(service, name, depth)
        .unwrap_or_else(|why| format!("<p class=\"note\">{}</p>", escape(&why)));
    entity_page(
        StatusCode::OK,
        label.unwrap_or(name),
        &marked(&facts),
        &diagram,
    )
}

fn entity_page(status: StatusCode, title: &str, facts: &str, diagram: &str) -> Response<Body> {
    let title = escape(title);
    let page = format!(
        "<!doctype html>\n<html lang=\"zh\">\n<head><meta charset=\"utf-8\"><title>{title} · policykg</title></head>\n\
         <body>\n{HEADER}\n<main class=\"entity\">\n<section class=\"facts\"><h1>{title}</h1>\
         <pre>{facts}</pre></section>\n<section class=\"diagram\">{diagram}</section>\n</main>\n</body>\n</html>\n"
    );
    response(status, HTML, page)
}

/// `explain`'s text as HTML, the words it marks with 【】 in `<mark>`.
fn marked(facts: &str) -> String {
    escape(facts)
        .replace('【', "<mark>")
        .replace('】', "</mark>")
}

/// The entity's neighbourhood as inline SVG, each entity linking to its page.
fn diagram(service: &Service, name: &str, depth: usize) -> Result<String, String> {
    let triples =
        graph::report_triples(&service.store, &service.store_path).map_err(|e| e.to_string())?;
    let entities = EntityGraph::from_triples(&triples);
    let (title, nodes) = entities.focus(name, depth).ok_or_else(|| {
        format!("{name} is not drawn: it is no Program, Place, Organization or Person")
    })?;
    let mut dot = entities.to_dot(&title, &nodes, &render::Filter::default());
    render::link_nodes(&mut dot, |iri| {
        format!(
            "/entity?iri={}",
            form_urlencoded::byte_serialize(iri.as_bytes()).collect::<String>()
        )
    });
    if !render::dot_available() {
        return Err(render::INSTALL_GRAPHVIZ.to_owned());
    }
    let svg = render::run_dot(&render::print_dot(dot), "svg").map_err(|e| e.to_string())?;
    let svg = String::from_utf8_lossy(&svg);
    // Inline, without the XML prolog and DOCTYPE that precede the <svg> element.
    Ok(svg[svg.find("<svg").unwrap_or(0)..].to_owned())
}

/// Text made safe inside HTML elements and attribute values.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explained_words_are_marked_and_markup_is_escaped() {
        assert_eq!(
            marked("推进“【雪亮工程】”<b>"),
            "推进“<mark>雪亮工程</mark>”&lt;b&gt;"
        );
    }
}
