"""The ``virtuoso+http://`` store, against a private Virtuoso 7. First what it builds on:
answers are not cut at 10000 rows (``ResultSetMaxRows = 0``), a staging graph written by the
Graph Store Protocol is made visible whole by one SPARQL ``MOVE`` (a reader counting the graph
meanwhile sees the old or the new graph, never a part), and a query stopped by ``timeout`` is an
HTTP 200 marked ``X-SQL-State: S1TAT`` whose body looks complete. Then the store itself: its
staging graph is never seen and is cleared when the store is opened to write, Virtuoso's JSON
quirks are read as the standard has them, and writing asks for the login in the environment.
(``tests/graph/test_remote_store.py`` checks that it answers as the embedded store does.)"""

from __future__ import annotations

import threading
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, QueryTriples

from graph.backends import StoreError
from graph.backends.virtuoso import PASSWORD_ENV, USER_ENV
from graph.location import StoreUrl
from graph.store import MinutesStore
from graph.uris import STAGING_GRAPH
from tests.graph.virtuoso_server import DBA, virtuoso_serve

XSD_BOOLEAN = NamedNode("http://www.w3.org/2001/XMLSchema#boolean")

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


# -- the virtuoso+http:// store on these foundations ------------------------------------------


def _store_url(virtuoso: str) -> StoreUrl:
    return StoreUrl(f"virtuoso+{virtuoso}")


def test_a_staging_graph_is_never_seen_and_is_cleared_when_opened_to_write(
    virtuoso: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _post_triples(virtuoso, f"{EX}seen", _triples(3, "seen"))
    _post_triples(virtuoso, STAGING_GRAPH, _triples(50, "half"))  # a load cut off midway
    everything = _graphs(virtuoso)
    assert {STAGING_GRAPH, f"{EX}seen", "http://www.openlinksw.com/schemas/virtrdf#"} <= everything
    with MinutesStore.open_read_only(_store_url(virtuoso)) as store:
        shown = set(store.named_graphs())
        assert shown == {g for g in everything if g.startswith(EX)}  # no system or staging graph
        assert len(store) == sum(_count(virtuoso, g) for g in shown)
        graphs = {q.graph_name.value for q in store.quads_matching(None, NamedNode(f"{EX}p"), None)}
        assert graphs == {g for g in shown if _count(virtuoso, g)}  # not the staging graph
    monkeypatch.setenv(USER_ENV, DBA[0])
    monkeypatch.setenv(PASSWORD_ENV, DBA[1])
    store, removed = MinutesStore.open(_store_url(virtuoso))
    store.close()
    assert removed == []
    assert _count(virtuoso, STAGING_GRAPH) == 0
    assert _count(virtuoso, f"{EX}seen") == 3


def _graphs(url: str) -> set[str]:
    _, _, rows = _select(url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {row.strip('"') for row in rows[1:]}


def test_answers_are_read_as_the_standard_writes_them(virtuoso: str) -> None:
    graph = f"{EX}quirks"
    lines = [
        f'_:b <{EX}flag> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n',
        f'_:b <{EX}name> "Køge"@da .\n',
        f"<{EX}thing> <{EX}part> _:b .\n",
    ]
    _post_triples(virtuoso, graph, lines)
    with MinutesStore.open_read_only(_store_url(virtuoso)) as store:
        yes = store.query(f"ASK {{ GRAPH <{graph}> {{ ?s <{EX}flag> ?o }} }}")
        no = store.query(f"ASK {{ GRAPH <{graph}> {{ ?s <{EX}missing> ?o }} }}")
        assert isinstance(yes, QueryBoolean)
        assert isinstance(no, QueryBoolean)
        assert (bool(yes), bool(no)) == (True, False)
        rows = store.query(
            f"SELECT ?b ?flag ?name WHERE {{ GRAPH <{graph}> {{ <{EX}thing> <{EX}part> ?b . "
            f"?b <{EX}flag> ?flag ; <{EX}name> ?name }} }}"
        )
        assert isinstance(rows, QuerySolutions)
        [row] = list(rows)
        assert isinstance(row["b"], BlankNode)
        assert row["flag"] == Literal("true", datatype=XSD_BOOLEAN)
        assert row["name"] == Literal("Køge", language="da")
        graph_answer = store.query(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        )
        assert isinstance(graph_answer, QueryTriples)
        assert len(list(graph_answer)) == 3


def test_writing_needs_the_login_from_the_environment(
    virtuoso: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(USER_ENV, raising=False)
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    with pytest.raises(StoreError, match=r"needs a login: set \$REFERATGRAF_STORE_USER"):
        MinutesStore.open(_store_url(virtuoso))
    monkeypatch.setenv(USER_ENV, "dba")
    monkeypatch.setenv(PASSWORD_ENV, "not the password")
    with pytest.raises(StoreError, match="refused the user 'dba'"):
        MinutesStore.open(_store_url(virtuoso))
