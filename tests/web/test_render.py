"""The page shell (web/render.py): the header's search box shows what was searched for, on the
search page, escaped; other pages leave it empty."""

from __future__ import annotations

import re

import httpx

from tests.web.conftest import Server

BOX = re.compile(r'<input id="q" name="q" type="search"[^>]* value="([^"]*)">')


def header_box(server: Server, path: str, **params: str) -> str:
    response = httpx.get(server.url + path, params=params, headers={"Accept": "text/html"})
    assert response.status_code == 200
    found = BOX.findall(response.text)
    assert len(found) == 1, found
    return str(found[0])


def test_the_search_page_fills_the_header_box_with_its_query(server: Server) -> None:
    assert header_box(server, "/soeg", q="KLAPjob") == "KLAPjob"
    assert header_box(server, "/soeg", q="ældreområdet", side="2") == "ældreområdet"
    assert header_box(server, "/soeg", q='"><b>x</b>') == "&#34;&gt;&lt;b&gt;x&lt;/b&gt;"


def test_other_pages_leave_the_header_box_empty(server: Server) -> None:
    assert header_box(server, "/") == ""
    assert header_box(server, "/soeg") == ""
    assert header_box(server, "/program/klapjob") == ""
