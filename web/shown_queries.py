"""Every query a page shows as its data while it answers from a fast reader instead, listed
once with that reader: the page shows it as *equivalent SPARQL* ("Tilsvarende SPARQL"), and
``tests/web/test_shown_queries.py`` checks, for every entry, that the query and the reader give
the same answer on the samples.

Each :class:`ShownQuery` names the ``.rq`` file, the fast reader (a lookup in the store, the
side index, or the page's own data function), and how each side's rows become comparable
tuples. A page that runs its query itself (the committee, meeting, person pages ...) needs no
entry: what it shows is what it ran. :data:`OFFERED` lists the queries a page offers for a
reader to run without showing their rows. :func:`is_equivalent` tells a shown query (values
bound, a list paged) that is one of these, for the page to say so.

>>> sorted({entry.page for entry in SHOWN_QUERIES})
['begreb', 'dagsordenspunkt', 'dækning', 'entitet', 'forside', 'generisk', 'register']
>>> len({entry.name for entry in SHOWN_QUERIES}) == len(SHOWN_QUERIES)
True
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, partial
from typing import TYPE_CHECKING, Final

from pyoxigraph import Literal, NamedNode

from ontology.namespace import NS
from searchindex.answers import ENTITY_KINDS
from web.browse_data import browse_query
from web.pages.concept import concept_page
from web.pages.item_facts import item_row, part_rows, section_rows
from web.pages.page_sparql import Row, page_query, python_value
from web.pages.page_values import first_rows
from web.rdf_views import incoming_triples, subject_triples

if TYPE_CHECKING:
    from searchindex import SiteIndex
    from searchindex.records import FailureRow
    from web.site_readers import Site

Compared = list[tuple[object, ...]]
"""What both sides of an entry are turned into: rows as tuples of plain values (an unordered
answer is compared sorted)."""
Bindings = Mapping[str, NamedNode | Literal]
EVERY: Final = sys.maxsize
"""The limit that reads a whole list from a reader that pages."""


@dataclass(frozen=True, slots=True)
class ShownQuery:
    """A query shown on a page, and the reader that answers the page in its place.

    - ``name``: the ``.rq`` file (without the suffix); ``query`` reads its text;
    - ``page``: the kind of page that shows it (Danish, as the pages name themselves);
    - ``about``: what the page is about (a test picks examples of it), ``None`` site-wide;
    - ``bind``: the values the page binds in the query for the IRI it is about;
    - ``reader``: the fast reader's answer for that IRI (``None`` site-wide), as rows;
    - ``rows``: the query's rows as the same rows;
    - ``ordered``: whether the order of the rows is part of the answer.
    """

    name: str
    page: str
    query: Callable[[], str]
    about: str | None
    reader: Callable[[Site, str | None], Compared]
    rows: Callable[[list[Row]], Compared]
    bind: Callable[[Site, str], Bindings] | None = None
    ordered: bool = True

    def bindings(self, site: Site, iri: str | None) -> Bindings:
        """The values the page binds for ``iri``: by default the IRI as the one variable."""
        if iri is None:
            return {}
        if self.bind is not None:
            return self.bind(site, iri)
        return {_VARIABLES[str(self.about)]: NamedNode(iri)}


_VARIABLES: Final = {
    "item": "item",
    "entity": "entity",
    "law": "entity",
    "kle": "concept",
    "outcome": "concept",
    "resource": "ressource",
    "class": "klasse",
}
"""The variable a page binds to what it is about."""


def _index(site: Site) -> SiteIndex:
    index = site.index()
    assert index is not None, "the fast readers of the shown queries need the side index"
    return index


def _iri(iri: str | None) -> str:
    assert iri is not None
    return iri


def _columns(*names: str) -> Callable[[list[Row]], Compared]:
    """The rows' values of ``names``, in that order."""
    return lambda rows: [tuple(row[n] for n in names) for row in rows]


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def _moment(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


# -- the item page (web/pages/item.py) ----------------------------------------------------


def _item_source(site: Site, iri: str) -> Bindings:
    """The item and its source graph, as the page binds ``item_mentions``."""
    row = item_row(site.store(), iri)
    source = row["source"] if row else None
    return {"item": NamedNode(iri), "source": NamedNode(str(source))}


def _item_mentions(site: Site, iri: str | None) -> Compared:
    found = _index(site).item_mentions(_iri(iri))
    return [(m.mention, m.node, m.begin, m.end, m.entity) for m in found]


def _item_mentioned(site: Site, iri: str | None) -> Compared:
    found = _index(site).item_mentions(_iri(iri))
    return list(dict.fromkeys((m.entity, m.entity_label) for m in found))


# -- the pages of a law, a programme and an organisation (web/pages/entity.py) -------------


def _entity_totals(site: Site, iri: str | None) -> Compared:
    found = _index(site).entity_totals(_iri(iri))
    return [] if found is None else [(found.mentions, found.items, found.municipalities)]


def _entity_provisions(site: Site, iri: str | None) -> Compared:
    found = _index(site).cited_provisions(_iri(iri))
    return [(p.provision, p.item_count, p.mentions) for p in found]


def _entity_timeline(site: Site, iri: str | None) -> Compared:
    """The mentions per municipality and year that the timeline shows (a meeting without a
    date has no place on it)."""
    groups = _index(site).mention_groups(_iri(iri))
    return [(g.municipality_label, g.year, g.count) for g in groups if g.year]


def _entity_mentions(site: Site, iri: str | None) -> Compared:
    found = _index(site).mentions(_iri(iri), 0, EVERY)
    return [(m.municipality_label, _day(m.date), m.item, m.mention) for m in found]


def _mention_rows(rows: list[Row]) -> Compared:
    """A mention once (a row per cited provision), by item in the query's order; within an
    item the query sorts the mention IRIs as text, the page by place in the text."""
    once = first_rows(rows, "omtale")
    order = {item: n for n, item in enumerate(dict.fromkeys(r["punkt"] for r in once))}
    found = [(r["kommune"], r["dato"], r["punkt"], r["omtale"]) for r in once]
    return sorted(found, key=lambda r: (order[r[2]], str(r[3])))


def _by_item(rows: Compared) -> Compared:
    order = {item: n for n, item in enumerate(dict.fromkeys(r[2] for r in rows))}
    return sorted(rows, key=lambda r: (order[r[2]], str(r[3])))


# -- the pages of a KLE subject and of a decision outcome (web/pages/concept.py) -----------


def _kle_items(site: Site, iri: str | None) -> Compared:
    found = _index(site).concept_items(_iri(iri), 0, EVERY)
    return [(r.item, r.meeting, _day(r.date), r.municipality) for r in found]


def _outcome_decisions(site: Site, iri: str | None) -> Compared:
    found = _index(site).concept_items(_iri(iri), 0, EVERY)
    return [(r.decision, r.item, r.meeting, _day(r.date), r.municipality) for r in found]


def _concept_totals(site: Site, iri: str | None) -> Compared:
    found = _index(site).concept_totals(_iri(iri))
    if not found.rows:
        return []
    return [(found.rows, found.municipalities, _day(found.first_date), _day(found.last_date))]


def _outcome_totals(site: Site, iri: str | None) -> Compared:
    found = _index(site).concept_totals(_iri(iri))
    if not found.rows:
        return []
    first, last = _day(found.first_date), _day(found.last_date)
    return [(found.rows, found.items, found.municipalities, first, last)]


def _concept_narrower(site: Site, iri: str | None) -> Compared:
    """The concept's broader and narrower concepts as its page shows them (lookups)."""
    page = concept_page(site, _iri(iri), 1)
    assert page is not None
    broader = page.data["broader"][-1:]
    return [("overbegreb", link["iri"]) for link in broader] + [
        ("underbegreb", link["iri"]) for link in page.data["narrower"]
    ]


# -- the generic page (web/pages/generic.py) ----------------------------------------------


def _outgoing(site: Site, iri: str | None) -> Compared:
    triples = subject_triples(site.store(), _iri(iri))
    return list(dict.fromkeys((t.predicate.value, python_value(t.object)) for t in triples))


def _incoming(site: Site, iri: str | None) -> Compared:
    triples = incoming_triples(site.store(), NamedNode(_iri(iri)))
    return list(dict.fromkeys((python_value(t.subject), t.predicate.value) for t in triples))


def _distinct(rows: Callable[[list[Row]], Compared]) -> Callable[[list[Row]], Compared]:
    """Each row once (the query gives a row per label of the value)."""
    return lambda found: list(dict.fromkeys(rows(found)))


# -- the home page (web/home.py) ----------------------------------------------------------


def _home_figures(site: Site, iri: str | None) -> Compared:
    del iri
    s = _index(site).summary()
    first, last = _day(s.first_date), _day(s.last_date)
    return [(s.meetings, s.items, s.municipalities, s.committees, first, last)]


def _latest_meetings(site: Site, iri: str | None) -> Compared:
    del iri
    found = _index(site).latest_meetings(10)
    return [(m.iri, _day(m.date), m.committee_label, m.municipality_label) for m in found]


def _top_entities(site: Site, iri: str | None) -> Compared:
    del iri
    found = _index(site).top_entities(ENTITY_KINDS, 30)
    return [(e.iri, NS + e.kind, e.mentions, e.items, e.municipalities) for e in found]


# -- the coverage page (web/coverage_page.py) ---------------------------------------------


def _coverage(site: Site, iri: str | None) -> Compared:
    del iri
    return [
        (row.municipality_label, row.committee_label, meeting, _day(date))
        for row in _index(site).coverage()
        for meeting, date in row.meetings
    ]


def _failures(
    read: Callable[[SiteIndex], list[FailureRow]],
) -> Callable[[Site, str | None], Compared]:
    def reader(site: Site, iri: str | None) -> Compared:
        del iri
        return [(f.run, _moment(f.started), f.file_name, f.reason) for f in read(_index(site))]

    return reader


# -- the registers (web/register_page.py) -------------------------------------------------


def _register(site: Site, iri: str | None) -> Compared:
    kind = _iri(iri).removeprefix(NS)
    return [(r.iri, r.label) for r in _index(site).az(kind, None, 0, EVERY)]


def _register_rows(rows: list[Row]) -> Compared:
    return [(r["ressource"], r["navn"]) for r in first_rows(rows, "ressource")]


def _whole(rows: list[Row]) -> Compared:
    """Every column of each row, by name."""
    return [tuple(sorted(row.items())) for row in rows]


def _page(name: str) -> Callable[[], str]:
    return partial(page_query, name)


def _browse(name: str) -> Callable[[], str]:
    return partial(browse_query, name)


_MENTION: Final = ("mention", "node", "begin", "end", "entity")
_FAILURE: Final = ("indlaesning", "start", "fil")
_ITEM = "dagsordenspunkt"

SHOWN_QUERIES: Final[tuple[ShownQuery, ...]] = (
    ShownQuery("item_main", _ITEM, _page("item_main"), "item",
               lambda s, i: _whole([r] if (r := item_row(s.store(), _iri(i))) else []),
               _whole),
    ShownQuery("item_sections", _ITEM, _page("item_sections"), "item",
               lambda s, i: _whole(section_rows(s.store(), _iri(i))),
               lambda rows: _whole(first_rows(rows, "section"))),
    ShownQuery("item_parts", _ITEM, _page("item_parts"), "item",
               lambda s, i: _whole(part_rows(s.store(), _iri(i))),
               lambda rows: _whole(first_rows(rows, "node"))),
    ShownQuery("item_mentions", _ITEM, _page("item_mentions"), "item", _item_mentions,
               _columns(*_MENTION), bind=_item_source),
    ShownQuery("item_mentioned", _ITEM, _page("item_mentioned"), "item", _item_mentioned,
               _columns("entity", "entityLabel"), ordered=False),
    ShownQuery("entity_totals", "entitet", _page("entity_totals"), "entity", _entity_totals,
               _columns("omtaler", "punkter", "kommuner")),
    ShownQuery("entity_provisions", "entitet", _page("entity_provisions"), "law",
               _entity_provisions, _columns("paragraf", "punkter", "omtaler")),
    ShownQuery("entity_timeline", "entitet", _page("entity_timeline"), "entity",
               _entity_timeline, _columns("kommune", "aar", "omtaler"), ordered=False),
    ShownQuery("entity_mentions", "entitet", _page("entity_mentions"), "entity",
               lambda s, i: _by_item(_entity_mentions(s, i)), _mention_rows),
    ShownQuery("concept_kle_items", "begreb", _page("concept_kle_items"), "kle", _kle_items,
               _columns("punkt", "moede", "dato", "kommune")),
    ShownQuery("concept_kle_totals", "begreb", _page("concept_kle_totals"), "kle",
               _concept_totals, _columns("punkter", "kommuner", "foerste", "seneste")),
    ShownQuery("concept_outcome_decisions", "begreb", _page("concept_outcome_decisions"),
               "outcome", _outcome_decisions,
               _columns("beslutning", "punkt", "moede", "dato", "kommune")),
    ShownQuery("concept_outcome_totals", "begreb", _page("concept_outcome_totals"), "outcome",
               _outcome_totals,
               _columns("beslutninger", "punkter", "kommuner", "foerste", "seneste")),
    ShownQuery("concept_narrower", "begreb", _page("concept_narrower"), "kle",
               _concept_narrower, _columns("retning", "begreb"), ordered=False),
    ShownQuery("generic_outgoing", "generisk", _page("generic_outgoing"), "resource",
               _outgoing, _distinct(_columns("egenskab", "vaerdi")), ordered=False),
    ShownQuery("generic_incoming", "generisk", _page("generic_incoming"), "resource",
               _incoming, _distinct(_columns("kilde", "egenskab")), ordered=False),
    ShownQuery("home_figures", "forside", _browse("home_figures"), None, _home_figures,
               _columns("moeder", "punkter", "kommuner", "udvalg_", "foerste", "sidste")),
    ShownQuery("home_latest_meetings", "forside", _browse("home_latest_meetings"), None,
               _latest_meetings, _columns("moede", "dato", "udvalg", "kommune")),
    ShownQuery("home_top_entities", "forside", _browse("home_top_entities"), None,
               _top_entities, _columns("entitet", "slags", "omtaler", "punkter", "kommuner")),
    ShownQuery("coverage_meetings", "dækning", _browse("coverage_meetings"), None, _coverage,
               _columns("kommune", "udvalg", "moede", "dato"), ordered=False),
    ShownQuery("coverage_failures", "dækning", _browse("coverage_failures"), None,
               _failures(lambda index: index.load_failures()),
               _columns(*_FAILURE, "aarsag"), ordered=False),
    ShownQuery("coverage_warnings", "dækning", _browse("coverage_warnings"), None,
               _failures(lambda index: index.read_warnings()),
               _columns(*_FAILURE, "advarsel"), ordered=False),
    ShownQuery("register", "register", _browse("register"), "class", _register,
               _register_rows, ordered=False),
)  # fmt: skip
"""The shown queries and their fast readers, by page."""

OFFERED: Final = ("generic_graph",)
"""Queries a page offers for a reader to run, showing none of their rows (a named graph's
page: its first triples)."""


_VALUES_LINE: Final = re.compile(r"\n *VALUES \?\w+ \{ [^\n]* \}(?=\n)")
_PAGED: Final = re.compile(r"\s*\nLIMIT \d+ OFFSET \d+\s*$")


def _unbound(query: str) -> str:
    r"""``query`` without its one-variable ``VALUES`` lines and the page of a list.

    >>> _unbound("SELECT ?a WHERE {\n  VALUES ?a { <x> }\n  ?a ?b ?c\n}\nLIMIT 50 OFFSET 0\n")
    'SELECT ?a WHERE {\n  ?a ?b ?c\n}'
    """
    return _PAGED.sub("", _VALUES_LINE.sub("", query)).rstrip()


@cache
def _shown_texts() -> frozenset[str]:
    return frozenset(_unbound(entry.query()) for entry in SHOWN_QUERIES)


def is_equivalent(shown: str) -> bool:
    """Whether ``shown``, a query as a page shows it, is one of :data:`SHOWN_QUERIES`: SPARQL
    that gives what the page read by a fast reader ("Tilsvarende SPARQL").

    >>> is_equivalent(browse_query("home_figures")), is_equivalent(page_query("person_main"))
    (True, False)
    """
    return _unbound(shown) in _shown_texts()
