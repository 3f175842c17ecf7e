"""Which serialisation a client gets: the ``format`` parameter first, else ``Accept``.

SELECT and ASK results come as SPARQL JSON, XML, CSV or TSV; CONSTRUCT and DESCRIBE graphs as
Turtle, N-Triples, N-Quads, JSON-LD or RDF/XML. ``Accept`` is read with q-values, wildcards and
the rule that the most specific range decides a type's q; ties go to the order below.

>>> negotiate("text/csv;q=0.5, application/sparql-results+xml", None, "SELECT").results.name
'xml'
>>> negotiate("*/*", None, "CONSTRUCT").graph.media_type
'text/turtle'
>>> negotiate(None, ["json"], "DESCRIBE").graph.name
'jsonld'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Protocol

from sparql.refusals import RequestError


@dataclass(frozen=True, slots=True)
class Format:
    name: str  # the short name, also a value of the ``format`` parameter
    media_type: str  # what the response's Content-Type says
    kind: str  # "results" (SELECT, ASK) or "graph" (CONSTRUCT, DESCRIBE)
    aliases: tuple[str, ...] = ()  # other media types that ask for it

    @property
    def content_type(self) -> str:
        textual = self.media_type.startswith("text/")
        return f"{self.media_type}; charset=utf-8" if textual else self.media_type


RESULT_FORMATS = (
    Format("json", "application/sparql-results+json", "results", ("application/json",)),
    Format("xml", "application/sparql-results+xml", "results", ("application/xml", "text/xml")),
    Format("csv", "text/csv", "results"),
    Format("tsv", "text/tab-separated-values", "results"),
)
GRAPH_FORMATS = (
    Format(
        "ttl", "text/turtle", "graph", ("application/turtle", "application/x-turtle", "text/n3")
    ),
    Format("nt", "application/n-triples", "graph"),
    Format("nq", "application/n-quads", "graph", ("text/x-nquads",)),
    Format("jsonld", "application/ld+json", "graph", ("application/x-json+ld", "application/json")),
    Format("rdfxml", "application/rdf+xml", "graph", ("application/xml", "text/xml")),
)
ALL_FORMATS = RESULT_FORMATS + GRAPH_FORMATS
BY_NAME = {f.name: f for f in ALL_FORMATS}

# ``format`` parameter values -> (result format, graph format); media types are accepted too
FORMAT_PARAMETER: dict[str, tuple[str | None, str | None]] = {
    "json": ("json", "jsonld"),
    "xml": ("xml", "rdfxml"),
    "csv": ("csv", None),
    "tsv": ("tsv", None),
    "ttl": (None, "ttl"),
    "turtle": (None, "ttl"),
    "n3": (None, "ttl"),  # Turtle is valid N3
    "nt": (None, "nt"),
    "ntriples": (None, "nt"),
    "n-triples": (None, "nt"),
    "nq": (None, "nq"),
    "nquads": (None, "nq"),
    "n-quads": (None, "nq"),
    "jsonld": (None, "jsonld"),
    "json-ld": (None, "jsonld"),
    "rdfxml": (None, "rdfxml"),
    "rdf+xml": (None, "rdfxml"),
    "rdf": (None, "rdfxml"),
}
for _format in ALL_FORMATS:
    for _type in (_format.media_type, *_format.aliases):
        _pair = FORMAT_PARAMETER.get(_type, (None, None))
        if _format.kind == "results":
            FORMAT_PARAMETER[_type] = (_pair[0] or _format.name, _pair[1])
        else:
            FORMAT_PARAMETER[_type] = (_pair[0], _pair[1] or _format.name)


HTML_TYPES: Final = ("text/html", "application/xhtml+xml")


class NotAcceptableError(RequestError):
    """No offered format fits; ``status`` is 406 (Accept, or a format that does not fit the
    query form) or 400 (a ``format`` value nobody knows)."""


@dataclass(frozen=True, slots=True)
class Choice:
    results: Format | None  # for SELECT and ASK
    graph: Format | None  # for CONSTRUCT and DESCRIBE

    def for_kind(self, kind: str) -> Format | None:
        return self.results if kind == "results" else self.graph


def kind_of(form: str | None) -> str | None:
    if form in {"SELECT", "ASK"}:
        return "results"
    return "graph" if form in {"CONSTRUCT", "DESCRIBE"} else None


def negotiate(accept: str | None, format_values: list[str] | None, form: str | None) -> Choice:
    """The formats to answer with; :class:`NotAcceptableError` when the query form's is missing."""
    if format_values:
        choice = _from_parameter(tuple(format_values))
    else:
        choice = _from_accept(accept or "*/*")
    kind = kind_of(form)
    if kind is not None and choice.for_kind(kind) is None:
        raise NotAcceptableError(not_acceptable_message(kind, accept, format_values), 406)
    return choice


def not_acceptable_message(kind: str, accept: str | None, format_values: list[str] | None) -> str:
    offered = RESULT_FORMATS if kind == "results" else GRAPH_FORMATS
    form = "SELECT and ASK" if kind == "results" else "CONSTRUCT and DESCRIBE"
    asked = f"format={','.join(format_values)}" if format_values else f"Accept: {accept}"
    listing = ", ".join(f"{f.media_type} (format={f.name})" for f in offered)
    return f"no result format fits {asked}; for {form} this endpoint offers {listing}"


@lru_cache(maxsize=256)
def _from_parameter(values: tuple[str, ...]) -> Choice:
    known = [
        FORMAT_PARAMETER[v.strip().lower()] for v in values if v.strip().lower() in FORMAT_PARAMETER
    ]
    if not known:
        names = ", ".join(sorted(n for n in FORMAT_PARAMETER if "/" not in n))
        raise NotAcceptableError(
            f"unknown format {', '.join(repr(v) for v in values)}; use one of {names}, "
            "or a media type such as application/sparql-results+json",
            400,
        )
    results = next((BY_NAME[r] for r, _ in known if r is not None), None)
    graph = next((BY_NAME[g] for _, g in known if g is not None), None)
    return Choice(results, graph)


@lru_cache(maxsize=256)
def _from_accept(accept: str) -> Choice:
    ranges = parse_accept(accept)
    return Choice(_best(ranges, RESULT_FORMATS), _best(ranges, GRAPH_FORMATS))


class Offered(Protocol):
    """A format on offer (a :class:`Format`, or a page's representation): its media type and
    the other media types that ask for it."""

    @property
    def media_type(self) -> str: ...

    @property
    def aliases(self) -> tuple[str, ...]: ...


def wants_html(accept: str | None, rivals: Iterable[Offered] = ()) -> bool:
    """Whether a client asks for a page for people: ``Accept`` names ``text/html`` or
    ``application/xhtml+xml`` and ranks HTML at least as high as each of ``rivals`` (the
    formats for programs that the same URL offers; q-values and wildcards, the most specific
    range deciding). A client that accepts anything (``*/*``) is a program.

    >>> browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    >>> wants_html(browser, GRAPH_FORMATS), wants_html("*/*", GRAPH_FORMATS), wants_html(None)
    (True, False, False)
    >>> wants_html("text/turtle, text/html;q=0.5", GRAPH_FORMATS), wants_html("text/html;q=0.5")
    (False, True)
    """
    if not accept or "html" not in accept.lower():
        return False
    ranges = parse_accept(accept)
    if not any(media_range in HTML_TYPES for media_range, _ in ranges):
        return False
    html = _ranked(ranges, HTML_TYPES[0], HTML_TYPES[1:])
    return html > 0 and all(_ranked(ranges, f.media_type, f.aliases) <= html for f in rivals)


def _ranked(ranges: list[tuple[str, float]], media_type: str, aliases: tuple[str, ...]) -> float:
    """The q a client gives a format: that of the most specific range that matches its media
    type (the highest of equally specific ones), or of an alias it names, whichever is more."""
    kind = media_type.split("/", maxsplit=1)[0]
    specificity = {media_type: 2, f"{kind}/*": 1, "*/*": 0}
    matches = [(specificity[r], q) for r, q in ranges if r in specificity]
    qualities = [q for r, q in ranges if r in aliases]
    if matches:
        qualities.append(max(matches)[1])
    return max(qualities, default=0.0)


def parse_accept(accept: str) -> list[tuple[str, float]]:
    """``Accept`` as (media range, q) pairs; malformed parts are skipped, as RFC 9110 allows.

    >>> parse_accept("text/*;q=0.3, text/csv; charset=utf-8, */*;q=x")
    [('text/*', 0.3), ('text/csv', 1.0), ('*/*', 1.0)]
    """
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        media_range, *parameters = part.split(";")
        media_range = media_range.strip().lower()
        if media_range.count("/") != 1:
            continue
        q = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 1.0
        ranges.append((media_range, q))
    return ranges


def _quality(ranges: list[tuple[str, float]], media_type: str) -> float:
    kind = media_type.split("/", maxsplit=1)[0]
    best_specificity, best_q = -1, 0.0
    for media_range, q in ranges:
        if media_range == media_type:
            specificity = 2
        elif media_range == f"{kind}/*":
            specificity = 1
        elif media_range == "*/*":
            specificity = 0
        else:
            continue
        if specificity > best_specificity:
            best_specificity, best_q = specificity, q
    return best_q


def _best(ranges: list[tuple[str, float]], offered: tuple[Format, ...]) -> Format | None:
    best: Format | None = None
    best_q = 0.0
    for format_ in offered:  # in order of preference: the first of equal q wins
        # wildcards reach a format's own type; an alias counts only when named
        named = (q for r, q in ranges if r in format_.aliases)
        q = max(_quality(ranges, format_.media_type), *named, 0.0)
        if q > best_q:
            best, best_q = format_, q
    return best
