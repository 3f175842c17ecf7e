"""The crawler of the crawl tests (test_crawl.py over HTTP, test_crawl_browser.py in Chromium):
over the real server as it is deployed (``start_server`` of tests/web/conftest.py), from the
home page, breadth first, it follows every internal link (``<a href>``, ``<link href>``,
``<img src>``, ``<script src>``, and each GET form submitted as a person would, with
"KLAPjob" in its search box) as a browser asks for it, and keeps what it saw of each answer.

External links (ELI, w3id.org, ...) are not followed. The crawl is bounded in requests and in
time; a crawl that does not finish within them fails its test (a page that links to ever new
URLs is a fault of its own).
"""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

import httpx

from tests.web.conftest import Server

ACCEPT_HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
MAX_REQUESTS = 10_000  # the five samples take about 6,100
MAX_SECONDS = 600.0
MAX_REDIRECTS = 5
SAMPLE_QUERY = "KLAPjob"
READ_BODY = ("text/html", "application/ld+json", "application/json", "application/xhtml+xml")


@dataclass
class Page:
    """What the crawler saw at one URL (after its redirects)."""

    url: str
    status: int
    content_type: str = ""
    csp: str | None = None
    redirects: list[str] = field(default_factory=list)
    lang: str | None = None
    h1: int = 0
    title: str = ""
    footer_links: list[str] = field(default_factory=list)
    jsonld: list[str] = field(default_factory=list)
    script_sources: list[str] = field(default_factory=list)
    body_json_error: str | None = None

    @property
    def is_html(self) -> bool:
        return self.content_type.startswith("text/html")


class PageParser(HTMLParser):
    """Links, forms and the parts of the shell that every page must have."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[tuple[str, dict[str, str]]] = []  # (action, GET parameters)
        self.lang: str | None = None
        self.h1 = 0
        self.title = ""
        self.footer_links: list[str] = []
        self.jsonld: list[str] = []
        self.script_sources: list[str] = []
        self._in_title = False
        self._in_footer = 0
        self._jsonld: list[str] | None = None
        self._form: tuple[str, dict[str, str]] | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "h1":
            self.h1 += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "footer":
            self._in_footer += 1
        elif tag == "script":
            if a.get("type") == "application/ld+json":
                self._jsonld = []
            if a.get("src"):
                self.script_sources.append(a["src"])
                self.links.append(a["src"])
        if tag in {"a", "link"} and "href" in a:
            self.links.append(a["href"])
            if tag == "a" and self._in_footer:
                self.footer_links.append(a["href"])
        elif tag == "img" and "src" in a:
            self.links.append(a["src"])
        self._form_tag(tag, a)

    def _form_tag(self, tag: str, a: dict[str, str]) -> None:
        if tag == "form" and a.get("method", "get").lower() == "get":
            self._form = (a.get("action", ""), {})
        elif self._form is not None and a.get("name"):
            name, fields = a["name"], self._form[1]
            if tag == "input" and a.get("type", "text") in {"search", "text"}:
                fields[name] = a.get("value") or SAMPLE_QUERY
            elif tag == "input" and a.get("type") in {"hidden", "number"}:
                fields[name] = a.get("value", "")
            elif tag == "textarea":
                self._textarea = name
                fields[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "footer":
            self._in_footer -= 1
        elif tag == "script" and self._jsonld is not None:
            self.jsonld.append("".join(self._jsonld))
            self._jsonld = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._jsonld is not None:
            self._jsonld.append(data)
        if self._textarea is not None and self._form is not None:
            self._form[1][self._textarea] += data


@dataclass
class Crawl:
    pages: dict[str, Page]
    referrers: dict[str, str]
    requests: int
    seconds: float
    finished: bool

    def html(self) -> Iterator[Page]:
        return (p for p in self.pages.values() if p.is_html and p.status == 200)

    def where(self, url: str) -> str:
        return f"{url} (linked from {self.referrers.get(url, 'nowhere: the start')})"

    def summary(self) -> str:
        html = sum(1 for _ in self.html())
        return (
            f"{len(self.pages)} URLs crawled ({html} HTML pages) in {self.requests} requests,"
            f" {self.seconds:.1f} s"
        )


class Crawler:
    def __init__(self, server: Server) -> None:
        self.origin = urlsplit(server.url)
        self.client = httpx.Client(base_url=server.url, headers={"Accept": ACCEPT_HTML}, timeout=60)
        self.pages: dict[str, Page] = {}
        self.referrers: dict[str, str] = {}
        self.requests = 0

    def internal(self, base: str, href: str) -> str | None:
        """``href`` (as found on ``base``) as a path with its query, or ``None`` if it leaves
        the server (or is a fragment, ``data:``, ``mailto:``)."""
        if not href or href.startswith(("#", "data:", "mailto:", "javascript:")):
            return None
        parts = urlsplit(urljoin(base, href))
        if parts.scheme not in {"http", "https"} or parts.netloc != self.origin.netloc:
            return None
        return urlunsplit(("", "", parts.path or "/", parts.query, ""))

    def crawl(self, start: str = "/") -> Crawl:
        started = time.monotonic()
        queue: deque[str] = deque([start])
        seen = {start}
        while queue:
            if self.requests >= MAX_REQUESTS or time.monotonic() - started > MAX_SECONDS:
                break
            url = queue.popleft()
            page, parser = self.fetch(url)
            self.pages[url] = page
            if parser is None:
                continue
            base = self.client.base_url.join(page.redirects[-1] if page.redirects else url)
            found = list(parser.links)
            for action, fields in parser.forms:
                found.append(f"{action or url}?{urlencode(fields)}" if fields else action)
            for href in found:
                target = self.internal(str(base), href)
                if target is not None and target not in seen:
                    seen.add(target)
                    self.referrers[target] = url
                    queue.append(target)
        return Crawl(
            self.pages, self.referrers, self.requests, time.monotonic() - started, not queue
        )

    def fetch(self, url: str) -> tuple[Page, PageParser | None]:
        redirects: list[str] = []
        target = url
        while True:
            self.requests += 1
            with self.client.stream("GET", target) as response:
                content_type = response.headers.get("content-type", "")
                body = response.read() if content_type.startswith(READ_BODY) else b""
            location = response.headers.get("location")
            if response.is_redirect and location and len(redirects) < MAX_REDIRECTS:
                next_target = self.internal(str(self.client.base_url.join(target)), location)
                if next_target is None:  # a redirect out of the server: not followed
                    return Page(url, response.status_code, redirects=[location]), None
                redirects.append(next_target)
                target = next_target
                continue
            break
        page = Page(
            url,
            response.status_code,
            content_type,
            response.headers.get("content-security-policy"),
            redirects,
        )
        if content_type.startswith(("application/ld+json", "application/json")):
            try:
                json.loads(body)
            except ValueError as error:
                page.body_json_error = str(error)
        if not page.is_html or response.status_code != 200:
            return page, None
        parser = PageParser()
        parser.feed(body.decode(response.encoding or "utf-8"))
        parser.close()
        page.lang, page.h1, page.title = parser.lang, parser.h1, parser.title.strip()
        page.footer_links, page.jsonld = parser.footer_links, parser.jsonld
        page.script_sources = parser.script_sources
        return page, parser
