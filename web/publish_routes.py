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
first feed asked for) and kept under the token of the store's state
(:mod:`sparql.store_state`), so a
load seen by the server gives new feeds.

:func:`install` wires it all into an app: the router, its settings, and a ``Link`` header on
every response that points at the catalog and the dumps.
"""

from __future__ import annotations

import hashlib
from email.utils import formatdate
from html import escape
from pathlib import Path
from typing import Protocol

from fastapi import APIRouter, FastAPI
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from graph.labels import danish_number
from graph.location import StoreLocation
from graph.store import MinutesStore
from publishing.dump import (
    SUMS_FILE,
    listed_files,
    media_type,
)
from publishing.publication import PublishSettings
from sparql.store_state import CurrentState
from web.conditional import not_modified
from web.described import router as described_router
from web.feeds import router as feeds_router
from web.header_middleware import Headers, ResponseHeaders
from web.publish_state import (
    FOOTER_HTML,
    PublishState,
    html_page,
    not_found_page,
    state_of,
    wants_json,
)

LINK_HEADER = (
    '</catalog>; rel="describedby"; type="text/turtle"; title="DCAT-katalog", '
    '</dumps/>; rel="related"; title="Datadumps", '
    '</.well-known/void>; rel="describedby"; type="text/turtle"; title="VoID"'
)

router = APIRouter()


class StoreSettings(Protocol):
    """What publishing needs of the installation, as ``referatgraf serve`` resolved it
    (:class:`~web.app_parts.AppParts`): the store, its IRI base and the dump folder."""

    @property
    def store(self) -> StoreLocation: ...

    @property
    def base(self) -> str: ...

    @property
    def dumps(self) -> Path: ...


def install(
    app: FastAPI,
    settings: StoreSettings,
    *,
    publish: PublishSettings,
    store: MinutesStore | None = None,
    current: CurrentState | None = None,
) -> None:
    """Serve /dumps/, /catalog, /.well-known/void and /feeds/ from ``app``, and link them from
    every response. ``settings``: the store, its IRI base and the dump folder; ``publish``: who
    publishes, and the public URL; ``store`` given: the feeds read it instead of opening
    ``settings.store`` read-only; ``current``: the store's state, which the feeds are kept
    under."""
    app.state.publish = PublishState(
        dumps=settings.dumps,
        store_path=settings.store,
        base=settings.base,
        settings=publish,
        store=store,
        current=current,
    )
    app.include_router(router)
    app.include_router(described_router)
    app.include_router(feeds_router)
    app.add_middleware(PublishLinks)


class PublishLinks(ResponseHeaders):
    """Adds the ``Link`` header to every HTTP response (ASGI middleware)."""

    def changed(self, headers: Headers) -> Headers:
        return [*headers, (b"link", LINK_HEADER.encode())]


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


__all__ = ["FOOTER_HTML", "LINK_HEADER", "PublishLinks", "PublishState", "install", "router"]
