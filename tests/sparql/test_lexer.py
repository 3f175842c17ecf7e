from __future__ import annotations

import pytest

from sparql.lexer import code_text, tokens


def kinds(query: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in tokens(query) if t.kind != "ws"]


def test_tokens_keep_their_place() -> None:
    query = 'SELECT ?x WHERE { ?x rdfs:label "a b" }'
    for token in tokens(query):
        assert query[token.start : token.end] == token.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"""a "" b"""', [("string", '"""a "" b"""')]),
        ("'''x\ny'''", [("string", "'''x\ny'''")]),
        ('"a\\"b"', [("string", '"a\\"b"')]),
        ("<http://x/\\u0041#f>", [("iri", "<http://x/\\u0041#f>")]),
        ("ex:a\\#b", [("pname", "ex:a\\#b")]),
        ("ex:a.b", [("pname", "ex:a"), ("punct", "."), ("word", "b")]),
        ("$v ?w", [("var", "$v"), ("var", "?w")]),
        ("?a <?b", [("var", "?a"), ("other", "<"), ("var", "?b")]),
    ],
)
def test_terminals(query: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(query) == expected


def test_a_hash_after_a_word_is_not_taken_for_a_comment() -> None:
    # after a bare word a '#' could belong to something the scan does not know: keep it code
    assert "SERVICE" in code_text("x#\nSERVICE")
    assert "SERVICE" in code_text("abc# SERVICE")
    assert "SERVICE" not in code_text("?x # SERVICE")


def test_code_hides_strings_iris_variables_local_names_and_comments() -> None:
    query = "SELECT ?service { <http://service/> ex:service 'service' } # service"
    assert "service" not in code_text(query).lower()


def test_prefix_names_stay_code() -> None:
    assert code_text("service:x") == "service:"
