from __future__ import annotations

from sparql.cache import ResultCache
from sparql.guard import inspect


def test_least_recently_used_goes_first() -> None:
    cache = ResultCache(max_bytes=40)
    for key in "abcd":
        cache.put(key, key, b"0123456789")
    assert cache.get("a") == ("a", b"0123456789")  # "a" is now the most recent
    cache.put("e", "e", b"0123456789")
    assert cache.get("b") is None
    assert cache.get("a") is not None
    assert cache.size == 40


def test_an_answer_larger_than_a_quarter_is_not_kept() -> None:
    cache = ResultCache(max_bytes=40)
    cache.put("big", "big", b"x" * 11)
    assert cache.get("big") is None
    assert len(cache) == 0


def test_replacing_a_key_keeps_the_size_right() -> None:
    cache = ResultCache(max_bytes=100)
    cache.put("k", 1, b"x" * 10)
    cache.put("k", 2, b"x" * 20)
    assert cache.size == 20
    assert cache.get("k") == (2, b"x" * 20)


def test_counts_hits_and_misses() -> None:
    cache = ResultCache(max_bytes=100)
    cache.get("nothing")
    cache.put("k", 1, b"x")
    cache.get("k")
    assert (cache.hits, cache.misses) == (1, 1)


def test_queries_with_changing_answers_are_marked() -> None:
    assert inspect("SELECT (RAND() AS ?r) {}").deterministic is False
    assert inspect("SELECT (now() AS ?t) {}").deterministic is False
    assert inspect("CONSTRUCT { ?s ?p ?o } WHERE { BIND(BNODE() AS ?s) }").deterministic is False
    assert inspect("SELECT ?s { ?s ?p 'RAND' }").deterministic is True
