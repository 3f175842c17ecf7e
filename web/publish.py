"""What the server publishes for portals, researchers and followers: the dump files, the DCAT
catalog, the VoID description and the Atom feeds.

- ``/dumps/``: the files of the latest ``referatgraf dump`` (HTML for browsers, JSON by
  ``Accept`` or ``?format=json``);
- ``/dumps/<file>``: one file, with HTTP Range (206, 416), a strong ``ETag`` (its sha256),
  ``Last-Modified`` and 304 on ``If-None-Match`` or ``If-Modified-Since``;
- ``/catalog``: the DCAT-AP catalog, Turtle by default, JSON-LD, RDF/XML or N-Triples by
  ``Accept`` or ``format=``, with ``Vary: Accept``; a Danish HTML page for browsers
  (``web.catalog_page``);
- ``/.well-known/void``: the VoID description of the latest dump, negotiated the same way;
- ``/feeds/``: the Atom feeds (``web.feeds``, installed with the rest).

Compressed dumps are sent as what they are, ``application/gzip`` without ``Content-Encoding``:
curl, wget and CKAN save the ``.gz`` as it is on the server, and byte ranges count bytes of
that file. The catalog and the VoID description are read from the dump folder, so they always
describe the files that are there; the feeds are read from the store (opened read-only on the
first feed asked for) and kept until the server restarts, like everything the server reads.

:func:`install` wires it all into an app: the router, its settings, and a ``Link`` header on
every response that points at the catalog and the dumps.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from html import escape
from pathlib import Path
from typing import Any, Protocol

from fastapi import APIRouter, FastAPI
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response

from graph.labels import danish_number
from graph.publish.dump import (
    CATALOG_JSONLD,
    CATALOG_TTL,
    SUMS_FILE,
    VOID_FILE,
    listed_files,
    media_type,
)
from graph.publish.feeds import Documents, document_times, render_feed
from graph.publish.namespaces import CATALOG_PREFIXES
from graph.publish.rdfdoc import convert_turtle
from graph.publish.settings import PublishSettings, resolve_publish_settings
from graph.publish.void import VOID_PREFIXES
from graph.store import MinutesStore
from graph.uris import DEFAULT_BASE
from sparql.negotiation import NotAcceptableError, negotiate
from web.catalog_page import catalog_body, wants_html

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
    def store(self) -> Path: ...


@dataclass
class PublishState:
    """What the routes need, kept on ``app.state.publish``."""

    dumps: Path
    store_path: Path | None
    base: str
    settings: PublishSettings
    store: MinutesStore | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _feeds: OrderedDict[str, tuple[str, bytes] | None] = field(default_factory=OrderedDict)
    _converted: dict[tuple[str, int, str], tuple[str, bytes]] = field(default_factory=dict)
    _hashes: dict[tuple[str, int, int], str] = field(default_factory=dict)
    _documents: Documents | None = None

    def documents(self) -> Documents:
        """When each source document was loaded (what feeds order by), read once."""
        if self._documents is None:
            self._documents = document_times(self.minutes())
        return self._documents

    def feed(self, path: str, subject: str) -> tuple[str, bytes] | None:
        """The Atom feed of ``subject`` as (ETag, body), ``None`` for an unknown subject:
        rendered from the store on first use and kept (the least recently asked go first)."""
        with self._lock:
            if path in self._feeds:
                self._feeds.move_to_end(path)
                return self._feeds[path]
        body = render_feed(self.minutes(), subject, self.base, self.settings, self.documents())
        entry = None if body is None else (f'"{hashlib.sha256(body).hexdigest()}"', body)
        with self._lock:
            self._feeds[path] = entry
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
) -> None:
    """Serve /dumps/, /catalog, /.well-known/void and /feeds/ from ``app``, and link them from
    every response. ``base``: the store's IRI base (default ``settings.base``, else the
    default base); ``dumps``: the dump folder (default ``$REFERATGRAF_DUMPS``, else
    ``data/dumps``); ``publish``: default from the environment; ``store`` given: the feeds
    read it instead of opening ``settings.store`` read-only."""
    app.state.publish = PublishState(
        dumps=dumps or getattr(settings, "dumps", None) or _dumps_from_environment(),
        store_path=settings.store,
        base=base or str(getattr(settings, "base", DEFAULT_BASE)),
        settings=publish or resolve_publish_settings(),
        store=store,
    )
    app.include_router(router)
    from web.feeds import router as feeds_router  # noqa: PLC0415 - web.feeds reads this module

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
        f"<td>{danish_number(size)}</td><td>{escape(media_type(n))}</td>"
        f"<td><code>{sha}</code></td></tr>"
        for n, sha, size in listed
    )
    empty = "<p>Ingen dump endnu: kør <code>referatgraf dump --out data/dumps</code>.</p>"
    table = (
        "<table><thead><tr><th>fil</th><th>bytes</th><th>medietype</th><th>sha256</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
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
        return PlainTextResponse("no such file in the dump", status_code=404)
    stat = path.stat()
    etag = f'"{_file_sha256(state, path, name)}"'
    last_modified = formatdate(stat.st_mtime, usegmt=True)
    headers = {"ETag": etag, "Last-Modified": last_modified, "Cache-Control": "no-cache"}
    if not_modified(request, etag, stat.st_mtime):
        return Response(status_code=304, headers=headers)
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


# -- /catalog and /.well-known/void ---------------------------------------------------------


@router.api_route("/catalog", methods=["GET", "HEAD"], summary="The DCAT-AP catalog")
def catalog(request: Request) -> Response:
    if wants_html(request.headers.get("accept"), request.query_params.get("format")):
        source = state_of(request).dumps / CATALOG_TTL
        if not source.is_file():
            body = (
                "<h1>DCAT-katalog</h1>"
                "<p>Intet katalog endnu: kør <code>referatgraf dump</code>.</p>"
            )
            return html_page("DCAT-katalog", body, status_code=404)
        return html_page("DCAT-katalog", catalog_body(source.read_bytes()))
    return _rdf_document(request, CATALOG_TTL, CATALOG_JSONLD, dict(CATALOG_PREFIXES))


@router.api_route("/.well-known/void", methods=["GET", "HEAD"], summary="The VoID description")
def void(request: Request) -> Response:
    return _rdf_document(request, VOID_FILE, None, VOID_PREFIXES)


def _rdf_document(
    request: Request, turtle_name: str, jsonld_name: str | None, prefixes: dict[str, str]
) -> Response:
    state = state_of(request)
    source = state.dumps / turtle_name
    if not source.is_file():
        return PlainTextResponse(
            f"no {turtle_name} yet: run `referatgraf dump --out {state.dumps}`", status_code=404
        )
    try:
        choice = negotiate(
            request.headers.get("accept"),
            request.query_params.getlist("format") or None,
            "DESCRIBE",
        ).graph
    except NotAcceptableError as error:
        return PlainTextResponse(error.message, status_code=error.status)
    assert choice is not None
    stat = source.stat()
    key = (str(source), stat.st_mtime_ns, choice.name)
    if key not in state._converted:
        for stale in [k for k in state._converted if k[0] == key[0] and k[1] != key[1]]:
            del state._converted[stale]  # an earlier dump's
        state._converted[key] = (choice.content_type, _convert(source, choice.name, jsonld_name,
                                                               prefixes))  # fmt: skip
    content_type, body = state._converted[key]
    etag = f'"{hashlib.sha256(body).hexdigest()}"'
    headers = {
        "ETag": etag,
        "Last-Modified": formatdate(stat.st_mtime, usegmt=True),
        "Vary": "Accept",
        "Cache-Control": "no-cache",
    }
    if not_modified(request, etag, stat.st_mtime):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=content_type, headers=headers)


def _convert(source: Path, name: str, jsonld_name: str | None, prefixes: dict[str, str]) -> bytes:
    """The catalog's own JSON-LD file where there is one, else a conversion of the Turtle."""
    if name == "jsonld" and jsonld_name is not None and (source.parent / jsonld_name).is_file():
        return (source.parent / jsonld_name).read_bytes()
    return convert_turtle(source.read_bytes(), name, prefixes)


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


def not_modified(request: Request, etag: str, mtime: float | None) -> bool:
    """Whether a GET or HEAD may answer 304: ``If-None-Match`` first, else
    ``If-Modified-Since`` (whole seconds, as HTTP dates go)."""
    if request.method not in ("GET", "HEAD"):
        return False
    match = request.headers.get("if-none-match")
    if match is not None:
        tags = {t.strip().removeprefix("W/") for t in match.split(",")}
        return "*" in tags or etag in tags
    since = request.headers.get("if-modified-since")
    if since is None or mtime is None:
        return False
    try:
        return int(mtime) <= int(parsedate_to_datetime(since).timestamp())
    except (TypeError, ValueError):
        return False


def wants_json(request: Request) -> bool:
    if request.query_params.get("format") == "json":
        return True
    accept = request.headers.get("accept", "")
    return "json" in accept and "text/html" not in accept


__all__ = ["FOOTER_HTML", "LINK_HEADER", "PublishLinks", "PublishState", "install", "router"]
