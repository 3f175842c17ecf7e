"""What the coming ``virtuoso+http://`` store builds on, asserted against a private Virtuoso 7:
answers are not cut at 10000 rows (``ResultSetMaxRows = 0``), a staging graph written by the
Graph Store Protocol is made visible whole by one SPARQL ``MOVE`` (a reader counting the graph
meanwhile sees the old or the new graph, never a part), and a query stopped by ``timeout`` is an
HTTP 200 marked ``X-SQL-State: S1TAT`` whose body looks complete."""

from __future__ import annotations

import threading
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from tests.graph.virtuoso_server import DBA, virtuoso_serve

EX = "http://example.org/"


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with virtuoso_serve(tmp_path_factory.mktemp("virtuoso")) as url:
        yield url


def _opener(url: str) -> urllib.request.OpenerDirector:
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, url, *DBA)
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords))


def _post_triples(url: str, graph: str, lines: list[str]) -> int:
    request = urllib.request.Request(
        f"{url}/sparql-graph-crud-auth?{urlencode({'graph-uri': graph})}",
        data="".join(lines).encode(),
        headers={"Content-Type": "application/n-triples"},
        method="POST",
    )
    with _opener(url).open(request, timeout=60) as answer:
        return int(answer.status)


def _update(url: str, update: str) -> None:
    # a form POST: Virtuoso hangs on a POST of application/sparql-query
    data = urlencode({"query": update}).encode()
    with _opener(url).open(f"{url}/sparql-auth", data=data, timeout=60) as answer:
        assert answer.status == 200


def _select(url: str, query: str, **extra: str) -> tuple[int, dict[str, str], list[str]]:
    params = urlencode({"query": query, **extra})
    request = urllib.request.Request(
        f"{url}/sparql?{params}", headers={"Accept": "text/tab-separated-values"}
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        rows = answer.read().decode().splitlines()
        return int(answer.status), dict(answer.headers.items()), rows


def _triples(count: int, marker: str) -> list[str]:
    return [f'<{EX}s{i}> <{EX}p> "{marker}{i}" .\n' for i in range(count)]


def _count(url: str, graph: str) -> int:
    _, _, rows = _select(url, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(rows[1])


def test_select_is_not_cut_at_ten_thousand_rows(virtuoso: str) -> None:
    assert _post_triples(virtuoso, f"{EX}rows", _triples(12_345, "r")) == 201
    _, _, rows = _select(virtuoso, f"SELECT ?o WHERE {{ GRAPH <{EX}rows> {{ ?s ?p ?o }} }}")
    assert rows[0] == '"o"'  # the TSV header carries no "?"
    assert len(rows) == 1 + 12_345


def test_move_makes_a_staging_graph_visible_whole(virtuoso: str) -> None:
    document, staging = f"{EX}doc", f"{EX}staging"
    _post_triples(virtuoso, staging, _triples(20_000, "old"))
    _update(virtuoso, f"MOVE <{staging}> TO <{document}>")
    assert _count(virtuoso, document) == 20_000
    assert _count(virtuoso, staging) == 0
    for start in (0, 20_000):  # two bounded chunks into staging
        _post_triples(virtuoso, staging, _triples(40_000, "new")[start : start + 20_000])
    seen: set[int] = set()
    mover = threading.Thread(target=_update, args=(virtuoso, f"MOVE <{staging}> TO <{document}>"))
    mover.start()
    while mover.is_alive():
        seen.add(_count(virtuoso, document))
    seen.add(_count(virtuoso, document))
    assert seen <= {20_000, 40_000}
    assert _count(virtuoso, document) == 40_000


def test_a_timed_out_answer_is_200_and_marked_s1tat(virtuoso: str) -> None:
    _post_triples(virtuoso, f"{EX}slow", _triples(30_000, "x"))
    query = (
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{EX}slow> {{ ?s ?p ?o . ?a ?b ?c "
        "FILTER(STR(?o) < STR(?c)) } }"
    )
    status, headers, rows = _select(virtuoso, query, timeout="300")
    assert status == 200
    assert headers["X-SQL-State"] == "S1TAT"
    # the cut answer is a 200 like a whole one: a count short of the truth (30000 * 29999 / 2
    # pairs), or, stopped before the count was made, no row at all (seen in about one run of
    # three here); only the header tells it from a whole answer
    assert rows[0] == '"n"'
    assert len(rows) <= 2
    assert len(rows) == 1 or int(rows[1]) < 30_000 * 29_999 // 2
