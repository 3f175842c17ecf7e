"""The opening the pages of committees, meetings, municipalities, parties and persons share.

Each binds the resource's IRI to the variable its queries start from (``?committee``), runs
``<variable>_main`` and gives the resource up when that finds no row, so that another builder or
the generic page serves it; the page is rendered by ``pages/<variable>.html`` and shows
``<variable>_main`` first among its queries. :func:`opening` does all that once, and the page's
own function gets an :class:`Opened` and the page number:

    @opening("Committee", "committee")
    def committee_page(committee: Opened, number: int) -> Page: ...

The decorated name is the registered builder, called as any other: ``committee_page(site, iri,
number)`` is the page, or ``None``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pyoxigraph import NamedNode

from web.pages import Builder, Page, register
from web.pages.page_sparql import Bindings, Ran, Row, run

if TYPE_CHECKING:
    from graph.store import MinutesStore
    from web.site_readers import Site


@dataclass(frozen=True, slots=True)
class Opened:
    """A resource whose ``<variable>_main`` found rows; :attr:`row` is the first."""

    site: Site
    iri: str
    variable: str
    store: MinutesStore
    bound: Bindings
    main: Ran

    @property
    def row(self) -> Row:
        return self.main.rows[0]

    def run(self, name: str, *, limit: int | None = None, offset: int = 0) -> Ran:
        """The page query ``name``, with the resource's IRI bound (``limit``/``offset`` page a
        list)."""
        return run(self.store, name, self.bound, limit=limit, offset=offset)

    def page(
        self, title: str, data: dict[str, Any], jsonld: dict[str, Any], queries: tuple[str, ...]
    ) -> Page:
        """The page, rendered by ``pages/<variable>.html``: ``data`` after the resource's
        ``iri``, and ``<variable>_main`` before ``queries`` among the queries it shows."""
        return Page(
            title=title,
            template=f"pages/{self.variable}.html",
            data={"iri": self.iri, **data},
            jsonld=jsonld,
            queries=(self.main.text, *queries),
        )


OpenedBuilder = Callable[[Opened, int], Page]
"""``build(opened, page_number)``: the page of a resource whose main query found it."""


def opening(class_name: str, variable: str) -> Callable[[OpenedBuilder], Builder]:
    """Decorator: the page of every ``rg:<class_name>`` for which ``<variable>_main`` finds a
    row, with the IRI bound to ``?<variable>``; ``None`` for one it does not find."""

    def decorate(build: OpenedBuilder) -> Builder:
        @functools.wraps(build)
        def builder(site: Site, iri: str, number: int = 1) -> Page | None:
            store, bound = site.store(), {variable: NamedNode(iri)}
            main = run(store, f"{variable}_main", bound)
            if not main.rows:
                return None
            return build(Opened(site, iri, variable, store, bound, main), number)

        return register(class_name)(builder)

    return decorate
