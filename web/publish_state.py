"""What every route of :mod:`web.publish_routes`, :mod:`web.described` and :mod:`web.feeds` shares:
the :class:`PublishState` kept on ``app.state.publish`` (the dump folder, the publish settings,
the store the feeds are read from, and the feeds rendered so far), and the small Danish pages
and answers they give. A module of its own so that the routers import it, and
:func:`web.publish_routes.install` imports the routers, without either importing the other.
"""

from __future__ import annotations

import dataclasses
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from graph.location import StoreLocation
from graph.store import MinutesStore
from publishing.publication import DEFAULT_BASE_URL, PublishSettings
from sparql.negotiation import wants_html
from sparql.store_state import CurrentState
from web.atom import Documents, document_times, render_feed

FEED_CACHE = 512  # rendered feeds kept
FOOTER_HTML = (
    '<p class="publish-links"><a href="/dumps/">Datadumps</a> · '
    '<a href="/catalog">DCAT-katalog</a> · <a href="/.well-known/void">VoID</a> · '
    '<a href="/feeds/">Atom-feeds</a></p>'
)
"""The links every HTML page should end with (the templates include it)."""


@dataclass
class PublishState:
    """What the routes need, kept on ``app.state.publish``."""

    dumps: Path
    store_path: StoreLocation | None
    base: str
    settings: PublishSettings
    store: MinutesStore | None = None
    current: CurrentState | None = None
    """The store's state (``None``: what was read first is kept for good)."""
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _feeds: OrderedDict[str, tuple[str, bytes] | None] = field(default_factory=OrderedDict)
    _converted: dict[tuple[str, int, str, str], tuple[str, bytes]] = field(default_factory=dict)
    _hashes: dict[tuple[str, int, int], str] = field(default_factory=dict)
    _documents: tuple[str, Documents] | None = None

    def documents(self, token: str = "") -> Documents:
        """When each source document was loaded (what feeds order by), read once per state."""
        if self._documents is None or self._documents[0] != token:
            self._documents = (token, document_times(self.minutes()))
        return self._documents[1]

    def feed(
        self, path: str, subject: str, settings: PublishSettings | None = None
    ) -> tuple[str, bytes] | None:
        """The Atom feed of ``subject`` as (ETag, body), ``None`` for an unknown subject:
        rendered from the store on first use and kept (the least recently asked go first).
        ``settings``: the server's public URL to link (default: the installation's)."""
        settings = settings or self.settings
        token = "" if self.current is None else self.current.token()
        key = f"{token} {settings.base_url} {path}"
        with self._lock:
            if key in self._feeds:
                self._feeds.move_to_end(key)
                return self._feeds[key]
        body = render_feed(
            self.minutes(), subject, self.base, settings, self.documents(token),
            pages=settings.base_url,
        )  # fmt: skip
        entry = None if body is None else (f'"{hashlib.sha256(body).hexdigest()}"', body)
        with self._lock:
            self._feeds[key] = entry
            while len(self._feeds) > FEED_CACHE:
                self._feeds.popitem(last=False)
        return entry

    def minutes(self) -> MinutesStore:
        with self._lock:
            if self.store is None:
                if self.store_path is None:
                    raise LookupError("no store configured")
                self.store = MinutesStore.open_read_only(self.store_path)
            return self.store


def public_settings(state: PublishState, request: Request) -> PublishSettings:
    """The publish settings with the server's public URL: ``$REFERATGRAF_PUBLIC_URL`` when
    set, else the origin ``request`` came to."""
    if state.settings.base_url != DEFAULT_BASE_URL:
        return state.settings
    return dataclasses.replace(state.settings, base_url=str(request.base_url))


def state_of(request: Request) -> PublishState:
    state = getattr(request.app.state, "publish", None)
    if not isinstance(state, PublishState):
        raise LookupError("web.publish_routes.install(app, settings) was not called")
    return state


def html_page(title: str, body: str, status_code: int = 200) -> Response:
    """A small Danish page around ``body``, with the links to dumps, catalog and feeds."""
    page = (
        '<!doctype html><html lang="da"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>referatgraf: {title}</title>"
        '<link rel="stylesheet" href="/static/site.css"></head><body>'
        '<header class="site"><a class="brand" href="/">referatgraf</a></header>'
        f'<main id="indhold">{body}</main><footer class="site">{FOOTER_HTML}</footer>'
        "</body></html>"
    )
    return Response(
        page,
        status_code=status_code,
        media_type="text/html; charset=utf-8",
        headers={"Vary": "Accept"},
    )


def not_found_page(request: Request, message: str, back: str, back_name: str) -> Response:
    """404 in Danish: a small page for a browser, one line of text for a program."""
    if wants_html(request.headers.get("accept")):
        body = f'<h1>{escape(message)}</h1><p>Se <a href="{back}">{escape(back_name)}</a>.</p>'
        return html_page(message, body, status_code=404)
    return PlainTextResponse(message + ".", status_code=404)


def wants_json(request: Request) -> bool:
    if request.query_params.get("format") == "json":
        return True
    accept = request.headers.get("accept", "")
    return "json" in accept and not wants_html(accept)


__all__ = [
    "FEED_CACHE",
    "FOOTER_HTML",
    "PublishState",
    "html_page",
    "not_found_page",
    "public_settings",
    "state_of",
    "wants_json",
]
