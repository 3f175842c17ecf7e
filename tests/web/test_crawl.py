"""The crawl over HTTP (tests/web/crawler.py; the ``crawl`` fixture of tests/web/conftest.py):
the real server as it is deployed, ``referatgraf serve`` over the five samples, the side index
that ``referatgraf load`` built, and the files of ``referatgraf dump`` (which the footer of
every page links). Every answer is checked; test_crawl_browser.py looks at the same pages in
Chromium.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from tests.web.crawler import MAX_REQUESTS, Crawl

pytestmark = pytest.mark.slow

# Pages that the home page must lead to, by links alone (the acceptance of the pages issue).
MUST_REACH = (
    "/program/klapjob",
    "/kommune/lejre",
    "/kommune/lemvig",
    "/kommune/lejre/person/bjoern-lykke-soerensen",
)


def test_the_crawl_finishes_within_its_bounds(crawl: Crawl) -> None:
    assert crawl.finished, f"not finished after {MAX_REQUESTS} requests: {crawl.summary()}"
    # the home page leads, by links alone, to the pages people come for
    missing = [path for path in MUST_REACH if path not in crawl.pages]
    assert not missing, f"not reached from the home page: {missing}; {crawl.summary()}"
    assert any(url.startswith("/soeg?") for url in crawl.pages), crawl.summary()


def test_no_broken_internal_link(crawl: Crawl) -> None:
    broken = [
        f"{crawl.where(url)}: {page.status}" + (f" via {page.redirects}" if page.redirects else "")
        for url, page in crawl.pages.items()
        if page.status != 200
    ]
    assert not broken, f"{len(broken)} broken of {crawl.summary()}:\n" + "\n".join(broken)


def test_no_server_error(crawl: Crawl) -> None:
    errors = [f"{crawl.where(u)}: {p.status}" for u, p in crawl.pages.items() if p.status >= 500]
    assert not errors, f"{crawl.summary()}:\n" + "\n".join(errors)


def test_every_page_is_danish_with_a_title_and_one_h1(crawl: Crawl) -> None:
    faults = []
    for page in crawl.html():
        if page.lang != "da":
            faults.append(f"{crawl.where(page.url)}: lang={page.lang!r}")
        if page.h1 != 1:
            faults.append(f"{crawl.where(page.url)}: {page.h1} <h1>")
        if not page.title:
            faults.append(f"{crawl.where(page.url)}: no <title>")
    assert not faults, f"{crawl.summary()}:\n" + "\n".join(faults)


def test_every_page_links_the_dumps_and_the_catalog_in_its_footer(crawl: Crawl) -> None:
    faults = [
        f"{crawl.where(page.url)}: footer links {page.footer_links}"
        for page in crawl.html()
        if not {"/dumps/", "/catalog"} <= set(page.footer_links)
    ]
    assert not faults, f"{crawl.summary()}:\n" + "\n".join(faults)


def test_every_page_has_a_content_security_policy(crawl: Crawl) -> None:
    faults = [crawl.where(page.url) for page in crawl.html() if not page.csp]
    assert not faults, f"no Content-Security-Policy on {crawl.summary()}:\n" + "\n".join(faults)
    # pages run no script; only the query page loads its own (YASGUI), from this server
    scripted = [
        f"{crawl.where(p.url)}: {p.script_sources}"
        for p in crawl.html()
        if p.script_sources and urlsplit(p.url).path != "/sparql"
    ]
    assert not scripted, "\n".join(scripted)


def test_every_json_ld_block_and_response_is_json(crawl: Crawl) -> None:
    faults = []
    blocks = 0
    for page in crawl.html():
        for block in page.jsonld:
            blocks += 1
            try:
                json.loads(block)
            except ValueError as error:
                faults.append(f"{crawl.where(page.url)}: {error}")
    faults += [
        f"{crawl.where(u)}: {p.body_json_error}"
        for u, p in crawl.pages.items()
        if p.body_json_error
    ]
    assert not faults, f"{crawl.summary()}:\n" + "\n".join(faults)
    assert blocks > 0, f"no JSON-LD block on any page of {crawl.summary()}"
