"""The W3C SPARQL 1.1 Protocol tests (``tests/data/sparql11-protocol/manifest.ttl``), run as
data against the real server over the tests' own data. The update tests that expect success
do not apply to a read-only endpoint; every other test, the bad updates included, runs."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import httpx
import pytest
import rdflib

from tests.web.conftest import PROTOCOL_TESTS, Server

pytestmark = pytest.mark.slow
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
READ_ONLY = "a read-only endpoint refuses updates (403); this test expects one to succeed"


@dataclass(frozen=True)
class Exchange:
    method: str
    path: str
    body: bytes | None
    headers: dict[str, str]
    statuses: set[str]  # "2xx", "4xx", ...
    format: str | None
    boolean: bool | None


def _list(graph: rdflib.Graph, head: rdflib.term.Node) -> list[rdflib.term.Node]:
    return list(rdflib.collection.Collection(graph, head))  # type: ignore[arg-type]


def load_manifest() -> list[tuple[str, list[Exchange]]]:
    graph = rdflib.Graph().parse(PROTOCOL_TESTS / "manifest.ttl", format="turtle")
    manifest = next(graph.subjects(rdflib.RDF.type, MF.Manifest))
    tests = []
    for test in _list(graph, graph.value(manifest, MF.entries)):  # type: ignore[arg-type]
        action = graph.value(test, MF.action)
        exchanges = []
        for request in _list(graph, graph.value(action, HT.requests)):  # type: ignore[arg-type]
            body_node = graph.value(request, HT.body)
            body = None
            if body_node is not None:
                encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
                chars = str(graph.value(body_node, CNT.chars))
                body = chars.encode(encoding.lower().replace("utf-16", "utf-16"))
            headers = {}
            header_list = graph.value(request, HT.headers)
            if header_list is not None:
                for header in _list(graph, header_list):
                    headers[str(graph.value(header, HT.fieldName))] = str(
                        graph.value(header, HT.fieldValue)
                    )
            response = graph.value(request, HT.resp)
            statuses = {
                str(s).rsplit("StatusCode", 1)[-1]
                for s in graph.objects(response, MF.expectedStatus)
            }
            expected_format = graph.value(response, MF.expectedFormat)
            boolean = graph.value(response, MF.expectedBoolean)
            exchanges.append(
                Exchange(
                    str(graph.value(request, HT.methodName)),
                    str(graph.value(request, HT.absolutePath)),
                    body,
                    headers,
                    statuses,
                    str(expected_format) if expected_format is not None else None,
                    boolean.toPython() if boolean is not None else None,  # type: ignore[union-attr]
                )
            )
        tests.append((str(test).rsplit("#", 1)[-1], exchanges))
    return tests


TESTS = load_manifest()


def test_the_manifest_was_read() -> None:
    assert len(TESTS) == 34


@pytest.mark.parametrize(("name", "exchanges"), TESTS, ids=[name for name, _ in TESTS])
def test_w3c_protocol(protocol_server: Server, name: str, exchanges: list[Exchange]) -> None:
    if name.startswith("update_"):
        # a read-only endpoint: the manifest expects the update to succeed; here it must be
        # refused with 403 before anything else is sent, and nothing may change
        first = exchanges[0]
        path = first.path.replace("/sparql/", "/sparql", 1)
        answer = httpx.request(
            first.method, protocol_server.url + path, content=first.body,
            headers=first.headers, timeout=30,
        )  # fmt: skip
        assert answer.status_code in (400, 403, 415), (READ_ONLY, answer.status_code, answer.text)
        return
    for exchange in exchanges:
        path = exchange.path.replace("/sparql/", "/sparql", 1)
        answer = httpx.request(
            exchange.method,
            protocol_server.url + path,
            content=exchange.body,
            headers=exchange.headers,
            timeout=30,
        )
        assert f"{str(answer.status_code)[0]}xx" in exchange.statuses, answer.text
        if "content-type" not in {name.lower() for name in exchange.headers}:
            # sent as the test has it: a body without a media type (bad_query_missing_form_type)
            assert "content-type" not in answer.request.headers, answer.request.headers
        if exchange.format is not None:
            _check_format(answer, exchange)


def _check_format(answer: httpx.Response, exchange: Exchange) -> None:
    content_type = answer.headers["content-type"].split(";")[0]
    if exchange.format == "boolean":
        boolean = answer.json()["boolean"]
        assert boolean is (exchange.boolean if exchange.boolean is not None else boolean)
    elif exchange.format == "tabular":
        if content_type.endswith("json"):
            assert "bindings" in answer.json()["results"]
        elif content_type.endswith("xml"):
            ET.fromstring(answer.content)
        else:
            list(csv.reader(io.StringIO(answer.text)))
    else:
        assert content_type == "text/turtle"
        rdflib.Graph().parse(data=answer.content, format="turtle")
