"""What the server publishes for portals, researchers and followers: the dump files, the DCAT
catalog, the VoID description and the Atom feeds.

- ``/dumps/``: the files of the latest ``referatgraf dump`` (HTML for browsers, JSON by
  ``Accept`` or ``?format=json``);
- ``/dumps/<file>``: one file, with HTTP Range (206, 416), a strong ``ETag`` (its sha256),
  ``Last-Modified`` and 304 on ``If-None-Match`` or ``If-Modified-Since``;
- ``/catalog`` and ``/.well-known/void``: the DCAT-AP catalog and the VoID description, for
  programs and for people, with or without a dump (``web.described``);
- ``/feeds/``: the Atom feeds (``web.feeds``, installed with the rest).

Compressed dumps are sent as what they are, ``application/gzip`` without ``Content-Encoding``:
curl, wget and CKAN save the ``.gz`` as it is on the server, and byte ranges count bytes of
that file. The catalog and the VoID description are read from the dump folder, so they always
describe the files that are there; the feeds are read from the store (opened read-only on the
first feed asked for) and kept under the token of the store's state (:mod:`sparql.state`), so a
load seen by the server gives new feeds.

:func:`install` wires it all into an app: the router, its settings, and a ``Link`` header on
every response that points at the catalog and the dumps.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from pathlib import Path
from typing import Any, Protocol

from fastapi import APIRouter, FastAPI
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response

from graph.labels import danish_number
from graph.location import StoreLocation
from graph.publish.dump import (
    SUMS_FILE,
    listed_files,
    media_type,
)
from graph.publish.feeds import Documents, document_times, render_feed
from graph.publish.settings import DEFAULT_BASE_URL, PublishSettings, resolve_publish_settings
from graph.store import MinutesStore
from graph.uris import DEFAULT_BASE
from sparql.state import CurrentState
from web.conditional import not_modified

DEFAULT_DUMPS = Path("data/dumps")
DUMPS_ENV = "REFERATGRAF_DUMPS"
FEED_CACHE = 512  # rendered feeds kept
LINK_HEADER = (
    '</catalog>; rel="describedby"; type="text/turtle"; title="DCAT-katalog", '
    '</dumps/>; rel="related"; title="Datadumps", '
    '</.well-known/void>; rel="describedby"; type="text/turtle"; title="VoID"'
)
FOOTER_HTML = (
    '<p class="publish-links"><a href="/dumps/">Datadumps</a> · '
    '<a href="/catalog">DCAT-katalog</a> · <a href="/.well-known/void">VoID</a> · '
    '<a href="/feeds/">Atom-feeds</a></p>'
)
"""The links every HTML page should end with (the templates include it)."""

router = APIRouter()


class StoreSettings(Protocol):
    """What the app knows of the installation (``referatgraf.settings.Settings``)."""

    @property
    def store(self) -> StoreLocation: ...


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


def install(
    app: FastAPI,
    settings: StoreSettings,
    *,
    base: str | None = None,
    dumps: Path | None = None,
    publish: PublishSettings | None = None,
    store: MinutesStore | None = None,
    current: CurrentState | None = None,
) -> None:
    """Serve /dumps/, /catalog, /.well-known/void and /feeds/ from ``app``, and link them from
    every response. ``base``: the store's IRI base (default ``settings.base``, else the
    default base); ``dumps``: the dump folder (default ``$REFERATGRAF_DUMPS``, else
    ``data/dumps``); ``publish``: default from the environment; ``store`` given: the feeds
    read it instead of opening ``settings.store`` read-only; ``current``: the store's state,
    which the feeds are kept under."""
    app.state.publish = PublishState(
        dumps=dumps or getattr(settings, "dumps", None) or _dumps_from_environment(),
        store_path=settings.store,
        base=base or str(getattr(settings, "base", DEFAULT_BASE)),
        settings=publish or resolve_publish_settings(),
        store=store,
        current=current,
    )
    app.include_router(router)
    # these modules read this one
    from web.described import router as described_router  # noqa: PLC0415
    from web.feeds import router as feeds_router  # noqa: PLC0415

    app.include_router(described_router)
    app.include_router(feeds_router)
    app.add_middleware(PublishLinks)


def _dumps_from_environment() -> Path:
    return Path(os.environ.get(DUMPS_ENV) or DEFAULT_DUMPS)


class PublishLinks:
    """Adds the ``Link`` header to every HTTP response (ASGI middleware)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def linked(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"link", LINK_HEADER.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, linked)


def public_settings(state: PublishState, request: Request) -> PublishSettings:
    """The publish settings with the server's public URL: ``$REFERATGRAF_PUBLIC_URL`` when
    set, else the origin ``request`` came to."""
    if state.settings.base_url != DEFAULT_BASE_URL:
        return state.settings
    return dataclasses.replace(state.settings, base_url=str(request.base_url))


def state_of(request: Request) -> PublishState:
    state = getattr(request.app.state, "publish", None)
    if not isinstance(state, PublishState):
        raise LookupError("web.publish.install(app, settings) was not called")
    return state


# -- /dumps/ ------------------------------------------------------------------------------


@router.api_route("/dumps/", methods=["GET", "HEAD"], summary="The files of the latest dump")
def dump_listing(request: Request) -> Response:
    state = state_of(request)
    listed = [
        (name, sha, (state.dumps / name).stat().st_size)
        for name, sha in listed_files(state.dumps).items()
        if (state.dumps / name).is_file()
    ]
    if wants_json(request):
        files = [
            {"name": n, "url": f"/dumps/{n}", "bytes": size, "sha256": sha,
             "mediaType": media_type(n)}
            for n, sha, size in listed
        ]  # fmt: skip
        body = {"files": files, "catalog": "/catalog", "void": "/.well-known/void"}
        return JSONResponse(body, headers={"Vary": "Accept"})
    rows = "".join(
        f'<tr><td><a href="/dumps/{escape(n)}">{escape(n)}</a></td>'
        f'<td class="number">{danish_number(size)}</td><td>{escape(media_type(n))}</td>'
        f"<td><code>{sha}</code></td></tr>"
        for n, sha, size in listed
    )
    empty = "<p>Ingen dump endnu: kør <code>referatgraf dump --out data/dumps</code>.</p>"
    table = (
        '<div class="table-scroll"><table><thead><tr><th>fil</th><th class="number">bytes</th>'
        "<th>medietype</th><th>sha256</th></tr>"
        f"</thead><tbody>{rows}</tbody></table></div>"
        if listed
        else empty
    )
    return html_page(
        "datadumps",
        "<h1>Datadumps</h1><p>Hele grafen og én fil pr. kommune, beskrevet med størrelse og "
        'kontrolsum i <a href="/catalog">DCAT-kataloget</a>. Licens: CC BY 4.0.</p>' + table,
    )


@router.api_route("/dumps/{name:path}", methods=["GET", "HEAD"], summary="One dump file")
def dump_file(name: str, request: Request) -> Response:
    state = state_of(request)
    path = _inside(state.dumps, name)
    if path is None:
        return not_found_page(request, "Filen findes ikke i datadumpet", "/dumps/", "datadumpet")
    stat = path.stat()
    etag = f'"{_file_sha256(state, path, name)}"'
    last_modified = formatdate(stat.st_mtime, usegmt=True)
    headers = {"ETag": etag, "Last-Modified": last_modified, "Cache-Control": "no-cache"}
    if (unchanged := not_modified(request, headers, stat.st_mtime)) is not None:
        return unchanged
    return FileResponse(path, media_type=media_type(name), headers=headers)


def _inside(folder: Path, name: str) -> Path | None:
    """The file ``name`` in ``folder``, never outside it nor hidden (the staging folder)."""
    if any(part.startswith(".") for part in Path(name).parts):
        return None
    root = folder.resolve()
    path = (root / name).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None


def _file_sha256(state: PublishState, path: Path, name: str) -> str:
    """From ``SHA256SUMS`` when the file is not newer than it, else computed (and kept)."""
    stat = path.stat()
    sums = state.dumps / SUMS_FILE
    if name != SUMS_FILE and sums.is_file() and stat.st_mtime_ns <= sums.stat().st_mtime_ns:
        listed = listed_files(state.dumps).get(name)
        if listed is not None:
            return listed
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in state._hashes:
        digest = hashlib.sha256()
        with path.open("rb") as file:
            while chunk := file.read(1 << 20):
                digest.update(chunk)
        state._hashes[key] = digest.hexdigest()
    return state._hashes[key]


# -- shared ---------------------------------------------------------------------------------


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
    if "text/html" in request.headers.get("accept", ""):
        body = f'<h1>{escape(message)}</h1><p>Se <a href="{back}">{escape(back_name)}</a>.</p>'
        return html_page(message, body, status_code=404)
    return PlainTextResponse(message + ".", status_code=404)


def wants_json(request: Request) -> bool:
    if request.query_params.get("format") == "json":
        return True
    accept = request.headers.get("accept", "")
    return "json" in accept and "text/html" not in accept


__all__ = ["FOOTER_HTML", "LINK_HEADER", "PublishLinks", "PublishState", "install", "router"]
