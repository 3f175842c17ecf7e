"""What a web page says about itself, kept apart from the minutes' text.

A municipality's site often names the municipality only in what the loader drops or never reads
as minutes: the site's header and footer (``Køge Kommune, Torvet 1, 4600 Køge``), the page's
``<title>``, its ``og:site_name``, ``og:title``, ``author`` and ``publisher`` meta tags, and the
address it was published at (``<link rel="canonical">``, ``og:url``). :mod:`loaders.html_text`
collects these as :class:`PageLine` pieces beside the normalised text, never into it, so that
no attribute value and no site furniture reaches the text that every span counts in. The rule
:mod:`loaders.rules.municipality_name` weighs them only when the text itself names no municipality.

Every piece is bounded (:data:`LONGEST_LINE` characters, :data:`MOST_LINES` pieces a page), and
an address is kept only as a plain ``http``/``https`` URL that is safe to write as an IRI
(:func:`safe_url`): ``javascript:``, ``data:`` and other schemes are dropped.

>>> page_lines("footer", "Køge Kommune\\n\\nTorvet 1, 4600 Køge")
[PageLine(part='footer', text='Køge Kommune'), PageLine(part='footer', text='Torvet 1, 4600 Køge')]
>>> safe_url(" https://www.Koege.dk/politik/referat 12.html#top ")
'https://www.koege.dk/politik/referat%2012.html'
>>> safe_url("javascript:alert(1)") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

# Where on the page a piece was read; :mod:`loaders.rules.municipality_name` names it in its notes.
PagePart = Literal["header", "footer", "title", "site name", "author", "publisher", "address"]
LONGEST_LINE = 300
MOST_LINES = 40
LONGEST_URL = 2000

_SPACES = re.compile(r"\s+")
# Characters that are never text: controls, invisible format characters, noncharacters.
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\uffff]"
)
_HOST = re.compile(
    r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*"
)
# What may stand unescaped in an IRI's path and query (RFC 3987 iunreserved, sub-delims, ":"
# and "@", "/" and "?"); everything else is percent-encoded.
_SAFE = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@/?]")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")


@dataclass(frozen=True, slots=True)
class PageLine:
    """One piece of what the page says about itself: where on the page, and the text."""

    part: PagePart
    text: str


@dataclass(frozen=True, slots=True)
class PageEvidence:
    """What a web page says about itself: its pieces, and the address it was published at."""

    lines: tuple[PageLine, ...] = ()
    url: str | None = None  # a safe http(s) URL (see :func:`safe_url`), canonical first


@dataclass(slots=True)
class PageEvidenceBuilder:
    """Collects pieces in page order, each once, up to :data:`MOST_LINES`."""

    lines: list[PageLine] = field(default_factory=list)
    url: str | None = None
    _seen: set[str] = field(default_factory=set)

    def add(self, part: PagePart, text: str | None) -> None:
        for line in page_lines(part, text or ""):
            key = line.text.casefold()
            if key not in self._seen and len(self.lines) < MOST_LINES:
                self._seen.add(key)
                self.lines.append(line)

    def add_url(self, value: str | None) -> None:
        """The first safe address found is where the page was published."""
        url = safe_url(value or "")
        if url is None:
            return
        if self.url is None:
            self.url = url
        self.add("address", url)

    def build(self) -> PageEvidence:
        return PageEvidence(tuple(self.lines), self.url)


def page_lines(part: PagePart, text: str) -> list[PageLine]:
    """The non-blank lines of ``text`` as pieces of ``part``, white space collapsed, invisible
    characters gone, each cut at :data:`LONGEST_LINE` characters."""
    found: list[PageLine] = []
    for raw in text.split("\n")[:MOST_LINES]:
        line = _INVISIBLE.sub("", _SPACES.sub(" ", unicodedata.normalize("NFC", raw))).strip()
        if line:
            found.append(PageLine(part, line[:LONGEST_LINE]))
    return found


def safe_url(value: str) -> str | None:
    """``value`` as an absolute ``http``/``https`` URL that is safe to write as an IRI, or None.

    The host must be a plain host name (internationalised names in their ASCII form); user
    names and passwords are refused, the fragment is dropped, and characters an IRI may not
    hold unescaped are percent-encoded (non-ASCII as UTF-8).

    >>> safe_url("HTTPS://dagsordener.koege.dk:443/møde?id=1&x=<b>")
    'https://dagsordener.koege.dk:443/m%C3%B8de?id=1&x=%3Cb%3E'
    >>> [safe_url(v) for v in ("//koege.dk/a", "ftp://koege.dk", "https://a:b@koege.dk/")]
    [None, None, None]
    """
    value = value.strip()
    if len(value) > LONGEST_URL or _INVISIBLE.search(value):
        return None
    try:
        parts = urlsplit(value)
        port = parts.port
        host = (parts.hostname or "").encode("idna").decode("ascii")
    except (ValueError, UnicodeError):
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or "@" in parts.netloc or not _HOST.fullmatch(host):
        return None
    authority = host if port is None else f"{host}:{port}"
    path = _escape(parts.path) or "/"
    query = f"?{_escape(parts.query)}" if parts.query else ""
    url = f"{scheme}://{authority}{path}{query}"
    return url if len(url) <= LONGEST_URL else None


def _escape(text: str) -> str:
    """Percent-encode what an IRI may not hold; ``%`` stays only before two hex digits."""
    out: list[str] = []
    at = 0
    while at < len(text):
        char = text[at]
        if char == "%" and _PERCENT.match(text, at):
            out.append(text[at : at + 3])
            at += 3
            continue
        if _SAFE.match(char):
            out.append(char)
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))
        at += 1
    return "".join(out)


# Meta tags (``property`` or ``name``, lower case) that say whose page it is.
_META_PARTS: dict[str, PagePart] = {
    "og:site_name": "site name",
    "og:title": "title",
    "author": "author",
    "publisher": "publisher",
}
_MOST_TAGS = 200  # meta and link tags looked at; a head has a few dozen


def read_head(head: LexborNode, evidence: PageEvidenceBuilder) -> None:
    """What a page's ``<head>`` says about it: its title, canonical address and meta tags."""
    title = head.css_first("title")
    if title is not None:
        evidence.add("title", title.text(deep=True))
    for link in head.css("link")[:_MOST_TAGS]:
        if "canonical" in (link.attributes.get("rel") or "").lower().split():
            evidence.add_url(link.attributes.get("href"))
    for meta in head.css("meta")[:_MOST_TAGS]:
        attributes = meta.attributes
        key = (attributes.get("property") or attributes.get("name") or "").strip().lower()
        if key == "og:url":
            evidence.add_url(attributes.get("content"))
        elif key in _META_PARTS:
            evidence.add(_META_PARTS[key], attributes.get("content"))
