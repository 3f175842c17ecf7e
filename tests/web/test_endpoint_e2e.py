"""The endpoint end to end: the real server in a subprocess, clients as researchers use them
(httpx, SPARQLWrapper), and every answer read back with a standard parser."""

from __future__ import annotations

import contextlib
import csv
import gzip
import http.client
import io
import socket
import threading
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from tests.sparql.rdf import parse_rdf
from tests.web.conftest import Server

pytestmark = pytest.mark.slow
PREFIX = "PREFIX rg: <https://w3id.org/referatgraf/def#>\n"
MEETINGS = PREFIX + "SELECT ?m ?date WHERE { ?m a rg:Meeting ; rg:date ?date } ORDER BY ?date"
ITEMS = PREFIX + "CONSTRUCT { ?i rg:title ?t } WHERE { ?i a rg:AgendaItem ; rg:title ?t }"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
RESULTS_NS = "{http://www.w3.org/2005/sparql-results#}"


def first_meeting(server: Server) -> str:
    answer = httpx.get(server.sparql, params={"query": MEETINGS + " LIMIT 1"}, timeout=30)
    return str(answer.json()["results"]["bindings"][0]["m"]["value"])


# -- formats ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
    ],
)
def test_select_in_every_format_parses(server: Server, accept: str, media_type: str) -> None:
    answer = httpx.get(server.sparql, params={"query": MEETINGS}, headers={"Accept": accept})
    assert answer.status_code == 200
    assert answer.headers["content-type"].split(";")[0] == media_type
    assert "Accept" in answer.headers["vary"]
    if "json" in accept:
        rows = answer.json()["results"]["bindings"]
    elif "xml" in accept:
        rows = ET.fromstring(answer.content).findall(f"{RESULTS_NS}results/{RESULTS_NS}result")
    else:
        delimiter = "," if accept == "text/csv" else "\t"
        rows = list(csv.reader(io.StringIO(answer.text), delimiter=delimiter))[1:]
    assert len(rows) == 5


@pytest.mark.parametrize("name", ["json", "xml", "csv", "tsv"])
def test_ask_in_every_format(server: Server, name: str) -> None:
    answer = httpx.post(server.sparql, data={"query": "ASK { ?s ?p ?o }", "format": name})
    assert answer.status_code == 200
    if name == "json":
        assert answer.json()["boolean"] is True
    elif name == "xml":
        assert ET.fromstring(answer.content).find(f"{RESULTS_NS}boolean").text == "true"  # type: ignore[union-attr]
    else:
        assert answer.text.strip() == "true"


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/n-quads", "nquads"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
@pytest.mark.parametrize("form", ["CONSTRUCT", "DESCRIBE"])
def test_graphs_in_every_format_parse(
    server: Server, accept: str, rdflib_format: str, form: str
) -> None:
    query = ITEMS if form == "CONSTRUCT" else f"DESCRIBE <{first_meeting(server)}>"
    answer = httpx.post(
        server.sparql,
        content=query.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": accept},
    )
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].split(";")[0] == accept
    assert len(parse_rdf(answer.content, rdflib_format)) > 5


def test_describe_has_labels_of_what_it_links_and_incoming_links(server: Server) -> None:
    meeting = rdflib.URIRef(first_meeting(server))
    answer = httpx.get(server.sparql, params={"query": f"DESCRIBE <{meeting}>", "format": "nt"})
    graph = parse_rdf(answer.content, "nt")
    committee = graph.value(meeting, rdflib.URIRef("https://w3id.org/referatgraf/def#committee"))
    assert graph.value(committee, rdflib.RDFS.label) is not None
    assert any(graph.subjects(None, meeting))  # the items point back to their meeting


@pytest.mark.parametrize(
    ("query", "return_format", "check"),
    [
        (MEETINGS, JSON, lambda r: len(r["results"]["bindings"]) == 5),
        (MEETINGS, XML, lambda r: len(r.getElementsByTagName("result")) == 5),
        (MEETINGS, CSV, lambda r: len(r.decode().strip().splitlines()) == 6),
        (MEETINGS, TSV, lambda r: len(r.decode().strip().splitlines()) == 6),
        ("ASK { ?s ?p ?o }", JSON, lambda r: r["boolean"] is True),
        (ITEMS, TURTLE, lambda r: len(rdflib.Graph().parse(data=r, format="turtle")) > 5),
        (ITEMS, N3, lambda r: len(rdflib.Graph().parse(data=r, format="turtle")) > 5),
        (ITEMS, RDFXML, lambda r: len(r) > 5),
        (ITEMS, JSONLD, lambda r: len(r) > 5),
    ],
)
@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_sparqlwrapper(
    server: Server, query: str, return_format: str, check: object, method: str
) -> None:
    client = SPARQLWrapper(server.sparql)
    client.setQuery(query)
    client.setReturnFormat(return_format)
    client.setMethod(method)
    result = client.query().convert()
    assert check(result)  # type: ignore[operator]


# -- read-only and safe ---------------------------------------------------------------------


def count_quads(server: Server) -> int:
    answer = httpx.get(server.sparql, params={"query": COUNT_ALL}, timeout=30)
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize(
    "send",
    [
        lambda url: httpx.post(url, data={"update": "CLEAR ALL"}),
        lambda url: httpx.post(
            url, content=b"DROP ALL", headers={"Content-Type": "application/sparql-update"}
        ),
        lambda url: httpx.post(url, data={"query": "INSERT DATA { <x:a> <x:b> <x:c> }"}),
        lambda url: httpx.get(url, params={"update": "LOAD <http://example.org/>"}),
        lambda url: httpx.get(url, params={"query": "DELETE WHERE { ?s ?p ?o }"}),
    ],
)
def test_updates_are_refused_and_the_store_is_unchanged(server: Server, send: object) -> None:
    before = count_quads(server)
    answer = send(server.sparql)  # type: ignore[operator]
    assert answer.status_code == 403
    assert "read-only" in answer.text
    assert count_quads(server) == before


def test_service_is_refused_and_no_connection_is_made(server: Server) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(1.5)
    port = listener.getsockname()[1]
    seen: list[object] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            seen.append(listener.accept())

    thread = threading.Thread(target=accept)
    thread.start()
    queries = [
        f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o . 1SERVICE <http://127.0.0.1:{port}/> {{ }} }}",
        f"ASK {{ BIND(<http://127.0.0.1:{port}/> AS ?u) SERVICE SILENT ?u {{ }} }}",
    ]
    answers = [httpx.get(server.sparql, params={"query": q}) for q in queries]
    thread.join()
    listener.close()
    assert [a.status_code for a in answers] == [403, 403, 403]
    assert all("SERVICE" in a.text for a in answers)
    assert seen == []


def test_a_runaway_query_ends_within_the_limit_and_others_go_on(server: Server) -> None:
    def slow() -> tuple[int, str, float]:
        started = time.monotonic()
        answer = httpx.get(server.sparql, params={"query": SLOW}, timeout=60)
        return answer.status_code, answer.text, time.monotonic() - started

    with ThreadPoolExecutor(1) as pool:
        running = pool.submit(slow)
        time.sleep(0.5)
        quick = []
        for _ in range(3):
            started = time.monotonic()
            answer = httpx.get(server.sparql, params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
            quick.append(time.monotonic() - started)
            assert answer.status_code == 200
        status, text, seconds = running.result()
    assert status == 422
    assert "ran out of time" in text
    assert "3 s" in text
    assert seconds < 3 + 2
    assert max(quick) < 1.0
    # the killed worker has been replaced: the endpoint keeps two going
    for _ in range(100):
        if httpx.get(server.url + "/healthz").json()["idle"] == 2:
            break
        time.sleep(0.1)
    assert httpx.get(server.url + "/healthz").json()["idle"] == 2


def test_answers_are_kept_but_not_those_that_change(server: Server) -> None:
    same = [httpx.get(server.sparql, params={"query": MEETINGS}).content for _ in range(2)]
    assert same[0] == same[1]
    random = "SELECT (RAND() AS ?r) (STRUUID() AS ?u) {}"
    answers = {httpx.get(server.sparql, params={"query": random}).content for _ in range(2)}
    assert len(answers) == 2


def test_a_long_result_is_cut_and_says_so(server: Server) -> None:
    answer = httpx.get(server.sparql, params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert answer.status_code == 200
    assert len(answer.json()["results"]["bindings"]) == 2000
    assert answer.headers["x-sparql-maxrows"] == "2000"
    assert "cut at 2,000 rows" in answer.headers["referatgraf-result-truncated"]


# -- refusals a person can act on ---------------------------------------------------------


def req(method: str, **options: object) -> dict[str, object]:
    return {"method": method, **options}


DIRECT = {"Content-Type": "application/sparql-query"}
REFUSALS = [
    (req("GET", params={"query": "SELECT * WHERE { ?s ?p }"}), 400, "not valid SPARQL"),
    (req("GET", params={"query": "ASK {}", "format": "yaml"}), 400, "unknown format"),
    (req("GET", params={"query": "ASK {}"}, headers={"Accept": "image/png"}), 406, "offers"),
    (req("GET", params={"query": ITEMS, "format": "csv"}), 406, "text/turtle"),
    (req("GET", params={"query": "   "}), 400, "empty"),
    (req("POST", content=b"ASK {}", headers={"Content-Type": "text/plain"}), 415, "sparql-query"),
    (req("POST", content=b"ASK {}"), 415, "Content-Type"),
    (req("POST", content="ASK {'æ'}".encode("latin-1"), headers=DIRECT), 400, "not UTF-8"),
    (req("POST", content=b"x" * 40_000, headers=DIRECT), 413, "32,768"),
    (req("PUT", params={"query": "ASK {}"}), 405, "GET or POST"),
    (req("POST", data={"nothing": "here"}), 400, "no query"),
    (req("POST", data={}), 415, "Content-Type"),
]


@pytest.mark.parametrize(("request_", "status", "words"), REFUSALS)
def test_refusals(server: Server, request_: dict[str, object], status: int, words: str) -> None:
    answer = httpx.request(url=server.sparql, **request_)  # type: ignore[arg-type]
    assert answer.status_code == status, answer.text
    assert words in answer.text
    assert answer.headers["content-type"].startswith("text/plain")


def test_an_overlong_url_is_414(server: Server) -> None:
    # httpx will not send such a URL; http.client will
    connection = http.client.HTTPConnection(server.url.removeprefix("http://"), timeout=30)
    connection.request("GET", "/sparql?query=ASK%7B%7D%23" + "x" * 40_000)
    answer = connection.getresponse()
    assert answer.status == 414
    assert b"POST" in answer.read()
    connection.close()


# -- HTTP: CORS, validators, gzip, HEAD, service description, home, log ------------------


def test_cors_for_reads(server: Server) -> None:
    answer = httpx.get(
        server.sparql, params={"query": "ASK {}"}, headers={"Origin": "https://example.org"}
    )
    assert answer.headers["access-control-allow-origin"] == "*"
    assert "ETag" in answer.headers["access-control-expose-headers"]
    preflight = httpx.options(
        server.sparql,
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 204
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert preflight.headers["access-control-allow-headers"] == "content-type"


def test_etag_and_last_modified_give_304(server: Server) -> None:
    params = {"query": MEETINGS}
    first = httpx.get(server.sparql, params=params)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert etag.startswith('W/"')
    again = httpx.get(server.sparql, params=params, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    since = httpx.get(server.sparql, params=params, headers={"If-Modified-Since": modified})
    assert since.status_code == 304
    other = httpx.get(
        server.sparql, params=params, headers={"If-None-Match": etag, "Accept": "text/csv"}
    )
    assert other.status_code == 200  # another representation, another tag


def test_gzip_when_asked(server: Server) -> None:
    answer = httpx.get(
        server.sparql,
        params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 500"},
        headers={"Accept-Encoding": "gzip"},
    )
    assert answer.headers["content-encoding"] == "gzip"
    assert len(answer.json()["results"]["bindings"]) == 500  # httpx decompresses
    raw = httpx.get(
        server.sparql,
        params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 500"},
        headers={"Accept-Encoding": "identity"},
    )
    assert "content-encoding" not in raw.headers
    assert len(gzip.compress(raw.content)) < len(raw.content)


def test_head_has_headers_and_no_body(server: Server) -> None:
    answer = httpx.head(server.sparql, params={"query": "ASK {}"})
    assert answer.status_code == 200
    assert answer.content == b""
    assert int(answer.headers["content-length"]) > 0


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        (None, "turtle"),
        ("*/*", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
        ("application/n-triples", "nt"),
    ],
)
def test_service_description(server: Server, accept: str | None, rdflib_format: str) -> None:
    headers = {"Accept": accept} if accept else {}
    for _ in range(100):  # the figures are counted after start
        answer = httpx.get(server.sparql, headers=headers)
        if b"being counted" not in answer.content:
            break
        time.sleep(0.1)
    assert answer.status_code == 200
    graph = parse_rdf(answer.content, rdflib_format)
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    endpoint = rdflib.URIRef(server.sparql)
    assert (endpoint, rdflib.RDF.type, sd.Service) in graph
    assert (endpoint, sd.endpoint, endpoint) in graph
    assert next(graph.objects(None, void.triples)).toPython() > 1000
    assert any(graph.objects(None, void.classPartition))
    assert any(graph.objects(None, void.exampleResource))
    limits = rdflib.Namespace("https://w3id.org/referatgraf/service#")
    assert graph.value(endpoint, limits.queryTimeout).toPython() == 3


def test_a_browser_gets_the_query_page(server: Server) -> None:
    answer = httpx.get(server.sparql, headers={"Accept": "text/html,*/*;q=0.8"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")


def test_home_page_links_the_query_page(server: Server) -> None:
    answer = httpx.get(server.url + "/")
    assert answer.status_code == 200
    assert 'href="/sparql"' in answer.text
    assert 'lang="da"' in answer.text
    assert (
        httpx.get(server.url + "/", headers={"If-None-Match": answer.headers["etag"]}).status_code
        == 304
    )


def test_openapi_documents_the_endpoint(server: Server) -> None:
    schema = httpx.get(server.url + "/openapi.json").json()
    assert {"get", "post"} <= set(schema["paths"]["/sparql"])


def test_every_request_is_logged(server: Server) -> None:
    httpx.get(server.sparql, params={"query": "ASK { <x:logged> ?p ?o }"})
    httpx.get(server.url + "/healthz")
    time.sleep(0.2)
    log = server.log.read_text()
    assert "GET /sparql 200" in log
    assert "GET /healthz 200" in log
    assert "ms" in log
