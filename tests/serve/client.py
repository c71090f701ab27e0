"""A SPARQL client's view of `policykg serve` (for tests/serve.rs): SPARQLWrapper, as an
analyst's script would use it, plus urllib for the raw protocol. Prints one JSON object of
what it got; the Rust test checks it against the CLI's answers.

    python3 client.py BASE_URL
"""

import csv
import io
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

BASE = sys.argv[1]
ENDPOINT = BASE + "/query"
PROGRAMS = "SELECT ?label WHERE { ?p a kg:Program ; rdfs:label ?label } ORDER BY ?label"
PROGRAM_LABELS = "CONSTRUCT { ?p rdfs:label ?label } WHERE { ?p a kg:Program ; rdfs:label ?label }"
# Three copies of every triple side by side: far more rows than any --timeout lets through.
LONG = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
BAD = "SELECT ?x WHERE { ?x a kg:Program "


def wrapper(query, fmt=JSON):
    sparql = SPARQLWrapper(ENDPOINT)
    sparql.setTimeout(120)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def column(text, delimiter):
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return [r[0] for r in rows[1:]]


def select_in_each_format():
    result = wrapper(PROGRAMS, JSON).query().convert()
    by_json = [b["label"]["value"] for b in result["results"]["bindings"]]
    document = wrapper(PROGRAMS, XML).query().convert()
    by_xml = [b.getElementsByTagName("literal")[0].firstChild.data
              for b in document.getElementsByTagName("result")]
    by_csv = column(wrapper(PROGRAMS, CSV).query().convert().decode("utf-8"), ",")
    # TSV cells are terms: a literal keeps its quotes and language tag.
    tsv = wrapper(PROGRAMS, TSV).query().convert().decode("utf-8")
    by_tsv = [re.sub(r'^"(.*)"(@[\w-]+)?$', r"\1", line) for line in tsv.splitlines()[1:]]
    return {"json": by_json, "xml": by_xml, "csv": by_csv, "tsv": by_tsv}


def raw(path, accept=None, data=None, content_type=None):
    """Status, headers and body of one request, errors included."""
    request = urllib.request.Request(BASE + path, data=data)
    if accept:
        request.add_header("Accept", accept)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, lowered(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, lowered(error.headers), error.read().decode("utf-8")


def lowered(headers):
    return {name.lower(): value for name, value in headers.items()}


def refused(query, method=None):
    """Status and message of a request SPARQLWrapper sees fail."""
    sparql = wrapper(query)
    if method:
        sparql.setMethod(method)
    try:
        sparql.query()
    except QueryBadFormed as error:
        return 400, str(error)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    return 200, ""


def main():
    seen = {"select": select_in_each_format()}
    seen["construct_turtle"] = wrapper(PROGRAM_LABELS, TURTLE).query().convert().decode("utf-8")
    encoded = urllib.parse.quote(PROGRAM_LABELS)
    for name, accept in [("ntriples", "application/n-triples"), ("jsonld", "application/ld+json")]:
        status, headers, body = raw("/query?query=" + encoded, accept)
        seen["construct_" + name] = {"status": status, "type": headers.get("content-type"), "body": body}
    # A named query: its text from the library, run by SPARQLWrapper; and by name.
    _, _, text = raw("/queries/targets-vs-results.rq")
    result = wrapper(text, JSON).query().convert()
    seen["named_rows"] = len(result["results"]["bindings"])
    status, _, body = raw("/query?named=targets-vs-results", "text/csv")
    seen["named_by_name"] = {"status": status, "body": body}
    seen["update"] = refused("INSERT DATA { <urn:a> <urn:b> <urn:c> }", POST)
    seen["timeout"] = refused(LONG)
    seen["bad"] = refused(BAD)
    status, headers, body = raw("/query", "text/turtle")
    seen["description"] = {"status": status, "body": body, "cors": headers.get("access-control-allow-origin")}
    status, _, body = raw("/query", data=PROGRAMS.encode("utf-8"),
                          content_type="application/sparql-query", accept="text/csv")
    seen["post_body"] = {"status": status, "labels": column(body, ",")}
    print(json.dumps(seen, ensure_ascii=False))


main()
