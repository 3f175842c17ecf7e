"""``/sitemap.xml`` (sitemaps.org 0.9) and ``/robots.txt``.

Every page worth indexing: the browsing pages (home, registers, coverage) and each resource
the side index lists (:meth:`searchindex.SiteIndex.pages`). URLs are absolute on the origin
that answered the request (scheme and host of the request's URL) with the path of each IRI, so
a server at another origin than the dataset's base lists its own pages. More than
:data:`MAX_URLS` URLs: ``/sitemap.xml`` is a sitemap index of ``/sitemap-1.xml``,
``/sitemap-2.xml`` ..., each of at most :data:`MAX_URLS`.

>>> print(urlset([("http://h/kommune/lejre", "2026-11-22"), ("http://h/?a&b", None)]))
<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>http://h/kommune/lejre</loc><lastmod>2026-11-22</lastmod></url>
<url><loc>http://h/?a&amp;b</loc></url>
</urlset>
<BLANKLINE>
>>> print(sitemap_index(["http://h/sitemap-1.xml"]))
<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>http://h/sitemap-1.xml</loc></sitemap>
</sitemapindex>
<BLANKLINE>
>>> local_path("https://w3id.org/referatgraf/kle/00.22.04", "https://w3id.org/referatgraf/")
'/kle/00.22.04'
>>> local_path("https://w3id.org/referatgraf/def#Meeting", "https://w3id.org/referatgraf/")
>>> local_path("http://schema.org/Event", "https://w3id.org/referatgraf/")
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Final
from urllib.parse import quote
from xml.sax.saxutils import escape

from web.browse_data import REGISTER_KINDS, index_of

if TYPE_CHECKING:
    from web.site_readers import Site

NAMESPACE: Final = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS: Final = 50_000
"""The most URLs one sitemap may list (sitemaps.org)."""

BROWSING_PATHS: Final = (
    "/",
    "/register/",
    *(f"/register/{slug}" for slug in REGISTER_KINDS),
    "/moeder",
    "/udvalg",
    "/daekning",
)
_LASTMOD: Final = re.compile(r"\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:\d{2})?)?")
_PATH_SAFE: Final = "/:@!$&'()*+,;=-._~%"


def local_path(iri: str, base: str) -> str | None:
    """The path of a dataset IRI on this server, ``None`` for an IRI of another base or one
    with a fragment (it has no page of its own)."""
    if not iri.startswith(base) or "#" in iri:
        return None
    return "/" + quote(iri[len(base) :], safe=_PATH_SAFE)


def page_urls(site: Site, origin: str) -> Iterator[tuple[str, str | None]]:
    """Every page worth indexing as (absolute URL, last modified date or ``None``)."""
    for browsing in BROWSING_PATHS:
        yield origin + browsing, None
    index = index_of(site)
    if index is None:
        return
    for iri, modified in index.pages():
        path = local_path(iri, site.base)
        if path is not None and path != "/":
            yield origin + path, modified if modified and _LASTMOD.fullmatch(modified) else None


def chunk_count(site: Site, per_chunk: int = MAX_URLS) -> int:
    """How many sitemaps the pages need (at least one)."""
    total = sum(1 for _ in page_urls(site, ""))
    return max(1, -(-total // per_chunk))


def chunk(
    site: Site, origin: str, number: int, per_chunk: int = MAX_URLS
) -> list[tuple[str, str | None]]:
    """The URLs of sitemap ``number`` (from 1)."""
    start = (number - 1) * per_chunk
    return list(islice(page_urls(site, origin), start, start + per_chunk))


def urlset(urls: Iterable[tuple[str, str | None]]) -> str:
    """A sitemap of ``urls`` (URL, last modified date or ``None``)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{NAMESPACE}">']
    for url, lastmod in urls:
        modified = f"<lastmod>{escape(lastmod)}</lastmod>" if lastmod else ""
        lines.append(f"<url><loc>{escape(url)}</loc>{modified}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def sitemap_index(sitemaps: Iterable[str]) -> str:
    """A sitemap index of the sitemaps at ``sitemaps`` (absolute URLs)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{NAMESPACE}">']
    lines += [f"<sitemap><loc>{escape(url)}</loc></sitemap>" for url in sitemaps]
    lines.append("</sitemapindex>")
    return "\n".join(lines) + "\n"


def robots_txt(origin: str) -> str:
    """Crawlers are welcome, but not to the query endpoint or to search results (each a
    query of their own); the sitemap lists every page."""
    return (
        "User-agent: *\n"
        "Disallow: /sparql\n"
        "Disallow: /soeg\n"
        "Allow: /\n"
        f"Sitemap: {origin}/sitemap.xml\n"
    )
