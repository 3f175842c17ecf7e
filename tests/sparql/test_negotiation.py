from __future__ import annotations

import pytest

from sparql.negotiation import (
    GRAPH_FORMATS,
    RESULT_FORMATS,
    NotAcceptableError,
    negotiate,
    parse_accept,
    wants_html,
)


@pytest.mark.parametrize(
    ("accept", "form", "name"),
    [
        (None, "SELECT", "json"),
        ("*/*", "ASK", "json"),
        ("text/csv", "SELECT", "csv"),
        ("text/*", "SELECT", "csv"),
        ("text/tab-separated-values, text/csv;q=0.9", "SELECT", "tsv"),
        ("application/sparql-results+xml;q=0.2, application/json;q=0.4", "SELECT", "json"),
        ("text/*;q=0.1, text/csv;q=0", "SELECT", "tsv"),
        ("application/xml", "SELECT", "xml"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "SELECT", "xml"),
        (None, "CONSTRUCT", "ttl"),
        ("application/n-triples", "DESCRIBE", "nt"),
        ("application/n-quads", "CONSTRUCT", "nq"),
        ("application/ld+json", "CONSTRUCT", "jsonld"),
        ("application/rdf+xml", "DESCRIBE", "rdfxml"),
        ("application/turtle,text/turtle", "CONSTRUCT", "ttl"),
        ("TEXT/CSV; charset=utf-8", "SELECT", "csv"),
    ],
)
def test_accept(accept: str | None, form: str, name: str) -> None:
    choice = negotiate(accept, None, form)
    chosen = choice.results if form in {"SELECT", "ASK"} else choice.graph
    assert chosen is not None
    assert chosen.name == name


@pytest.mark.parametrize(
    ("values", "form", "name"),
    [
        (["json"], "SELECT", "json"),
        (["json"], "CONSTRUCT", "jsonld"),
        (["xml"], "CONSTRUCT", "rdfxml"),
        (["tsv", "text/tab-separated-values"], "SELECT", "tsv"),
        (["turtle"], "DESCRIBE", "ttl"),
        (["n3"], "DESCRIBE", "ttl"),
        (["rdf+xml", "application/rdf+xml"], "CONSTRUCT", "rdfxml"),
        (["json-ld"], "CONSTRUCT", "jsonld"),
        (["application/sparql-results+json"], "ASK", "json"),
        (["nonsense", "csv"], "SELECT", "csv"),
    ],
)
def test_format_parameter_wins_over_accept(values: list[str], form: str, name: str) -> None:
    choice = negotiate("text/html", values, form)
    chosen = choice.results if form in {"SELECT", "ASK"} else choice.graph
    assert chosen is not None
    assert chosen.name == name


def test_nothing_fits_accept_is_406_and_lists_what_is_offered() -> None:
    with pytest.raises(NotAcceptableError) as error:
        negotiate("image/png", None, "SELECT")
    assert error.value.status == 406
    assert "application/sparql-results+json" in error.value.message
    assert "text/csv" in error.value.message


def test_a_format_that_does_not_fit_the_form_is_406() -> None:
    with pytest.raises(NotAcceptableError) as error:
        negotiate(None, ["csv"], "CONSTRUCT")
    assert error.value.status == 406
    assert "text/turtle" in error.value.message


def test_an_unknown_format_name_is_400_with_the_names() -> None:
    with pytest.raises(NotAcceptableError) as error:
        negotiate(None, ["yaml"], "SELECT")
    assert error.value.status == 400
    assert "'yaml'" in error.value.message
    assert "json" in error.value.message


def test_unknown_form_gets_both_choices() -> None:
    choice = negotiate(None, None, None)
    assert choice.results is not None
    assert choice.graph is not None


def test_malformed_accept_parts_are_skipped() -> None:
    assert parse_accept("garbage, text/csv;q=abc, ;;, */*;q=0.5") == [
        ("text/csv", 1.0),
        ("*/*", 0.5),
    ]


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize(
    ("accept", "html"),
    [
        (BROWSER, True),
        ("application/xhtml+xml", True),
        ("TEXT/HTML", True),
        ("text/*;q=0.1, text/html", True),  # the most specific range decides
        ("text/html;q=0.2, text/html;q=0.7, text/turtle;q=0.5", True),  # the highest of equals
        ("application/ld+json, text/html", True),  # a tie goes to the page
        ("text/turtle, text/html;q=0.5", False),
        ("text/html;q=0.5, */*", False),  # anything else is preferred
        ("application/xml, text/html;q=0.9", False),  # RDF/XML by its alias
        ("text/html;q=0, text/turtle;q=0.1", False),
        ("text/html;q=0", False),
        ("*/*", False),
        ("text/*", False),  # HTML is not named
        ("text/x-html", False),
        ("", False),
        (None, False),
    ],
)
def test_wants_html_against_the_graph_formats(accept: str | None, html: bool) -> None:
    assert wants_html(accept, GRAPH_FORMATS) is html


@pytest.mark.parametrize(
    ("accept", "html"),
    [
        ("text/html;q=0.1, */*", True),
        ("application/xhtml+xml;q=0.3", True),
        ("text/html;q=0", False),
        ("application/json", False),
        ("*/*", False),
    ],
)
def test_wants_html_with_no_rivals_asks_only_that_html_is_named(accept: str, html: bool) -> None:
    assert wants_html(accept) is html


def test_wants_html_compares_only_the_rivals_given() -> None:
    accept = "application/sparql-results+json, text/html;q=0.8"
    assert wants_html(accept, GRAPH_FORMATS) is True
    assert wants_html(accept, RESULT_FORMATS) is False
