"""The crawl in Chromium: every HTML page that the crawl over HTTP reached (the ``crawl``
fixture, tests/web/crawler.py), plus the error pages, shown at a desktop's 1280 px and a
phone's 390 px and checked by tests/web/layout_checks.js: no sideways scroll, no word split
mid-letter, no table cell narrower than its longest word, no word from :data:`ENGLISH`.

The query page's "Se forespørgslen" links (``/sparql?query=...``, about 3,000 on the samples)
all render the one query page with another query in its editor: a few of them stand for all.
One screenshot of each kind of page at each width is kept in ``test-artifacts/crawl/`` (or
``$PYTEST_ARTIFACTS/crawl``). Each page is loaded once and looked at in both widths (the
viewport is changed, not the page reloaded), which keeps the run to about two minutes.
"""

from __future__ import annotations

import base64
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.chrome.webdriver import WebDriver

from tests.web.chrome import chrome
from tests.web.conftest import ROOT, Server
from tests.web.crawler import Crawl

pytestmark = pytest.mark.slow

ARTIFACTS = Path(os.environ.get("PYTEST_ARTIFACTS") or ROOT / "test-artifacts") / "crawl"
CHECKS = (Path(__file__).parent / "layout_checks.js").read_text(encoding="utf-8")
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
QUERY_PAGES = 3  # of the /sparql?query=... pages
SHOT_HEIGHT = 5000
# Pages no link leads to that a person still meets: the error pages, the catalog and VoID.
EXTRA = (
    "/kommune/findes-ikke",
    "/kommune/lejre/udvalg/findes-ikke",
    "/soeg?q=zzzxxqq",
    "/feeds/findes-ikke.atom",
    "/catalog",
    "/.well-known/void",
)
# Whole words of English (case-sensitive) that no Danish page should show: the controls of
# YASGUI and the results table, HTTP's own error texts, notes and names of ours.
ENGLISH = (
    "the", "and", "of", "with", "from", "in force", "replaced", "Minutes", "Agenda", "Meeting",
    "Committee", "Item", "Decision", "Outcome", "Download", "Query", "Results", "Result",
    "Error", "Not Found", "Not Acceptable", "Method Not Allowed", "Internal Server Error",
    "Show", "Hide", "Share", "Copy", "Close", "Loading", "Response", "Table", "Simple view",
    "Previous", "Next", "Search", "Submit", "Showing", "entries", "Filter", "Settings", "Page",
    "Untitled", "Unknown", "None", "null", "undefined", "True", "False", "Rows", "Columns",
    "Run query", "Execute", "Endpoint", "New tab", "Add tab", "Chart", "Pivot", "Raw response",
    "Response", "Documentation", "Rule", "number-dot", "labels-on-own-line",
)  # fmt: skip


@dataclass
class Seen:
    """What the browser found wrong, by kind of fault, over the whole crawl."""

    pages: int = 0
    seconds: float = 0.0
    faults: dict[str, list[str]] = field(
        default_factory=lambda: {"overflow": [], "broken": [], "narrow": [], "english": []}
    )
    screenshots: dict[str, Path] = field(default_factory=dict)

    def summary(self) -> str:
        return f"{self.pages} pages at {len(WIDTHS)} widths in {self.seconds:.1f} s"


def kind_of(url: str) -> str:
    """The kind of page a URL is, for its screenshot's name.

    >>> kind_of("/kommune/lejre/udvalg/jobudvalget/moede/2022-05-04/punkt/2")
    'kommune-udvalg-moede-punkt'
    >>> kind_of("/soeg?q=KLAPjob"), kind_of("/"), kind_of("/.well-known/void")
    ('soeg', 'forside', 'well-known-void')
    >>> kind_of("/kandidat/program/KIT-projektet"), kind_of("/program/klapjob")
    ('kandidat-program', 'program')
    """
    parts = [p for p in urlsplit(url).path.split("/") if p]
    if not parts:
        return "forside"
    if parts[0] == "kommune":  # kommune/<slug>/udvalg/<slug>/moede/<date>/punkt/<n>
        kept = ["kommune", *parts[2::2]]
    elif parts[0] in {"register", "def", "dumps", "feeds", "daekning", "sparql", "catalog"}:
        kept = parts[:1]
    elif parts[0] in {".well-known", "kandidat"}:  # kandidat/<kind>/<slug>
        kept = parts[:2]
    else:
        kept = [parts[0], *parts[2::2]] if len(parts) > 2 else parts[:1]
    return re.sub(r"[^a-z0-9]+", "-", "-".join(kept).lower()).strip("-")


def chosen_pages(crawl: Crawl) -> list[str]:
    pages, queries = [], 0
    for page in crawl.html():
        if page.url.startswith("/sparql?"):
            queries += 1
            if queries > QUERY_PAGES:
                continue
        pages.append(page.url)
    return [*pages, *EXTRA]


@pytest.fixture(scope="module")
def seen(
    published: Server, crawl: Crawl, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Seen]:
    driver = chrome(tmp_path_factory.mktemp("crawl-profile"))
    try:
        yield look_at_every_page(driver, published, chosen_pages(crawl))
    finally:
        driver.quit()


def look_at_every_page(driver: WebDriver, server: Server, urls: list[str]) -> Seen:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    found = Seen()
    started = time.monotonic()
    size = "desktop"
    for url in urls:
        for width in (size, *(w for w in WIDTHS if w != size)):  # the last width first
            _viewport(driver, width)
            if width == size:
                driver.get(server.url + url)
            faults = driver.execute_script(CHECKS, list(ENGLISH))
            for name, listed in faults.items():
                found.faults[name] += [
                    f"{url} at {WIDTHS[width][0]} px: {fault}" for fault in listed
                ]
            shot = f"{kind_of(url)}-{WIDTHS[width][0]}"
            if shot not in found.screenshots:
                found.screenshots[shot] = _screenshot(driver, ARTIFACTS / f"{shot}.png")
            size = width
        found.pages += 1
    found.seconds = time.monotonic() - started
    return found


def _viewport(driver: WebDriver, name: str) -> None:
    width, height = WIDTHS[name]
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": name == "phone"},
    )


def _screenshot(driver: WebDriver, path: Path) -> Path:
    """The whole page (up to :data:`SHOT_HEIGHT` px), not only what the window shows."""
    path.unlink(missing_ok=True)
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], SHOT_HEIGHT),
            "scale": 1}  # fmt: skip
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
    )
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


def _report(seen: Seen, kind: str) -> str:
    faults = seen.faults[kind]
    return f"{len(faults)} on {seen.summary()}:\n" + "\n".join(faults[:60])


def test_no_page_scrolls_sideways(seen: Seen) -> None:
    assert seen.pages > 100, seen.summary()
    assert not seen.faults["overflow"], _report(seen, "overflow")


def test_no_word_is_split_mid_letter(seen: Seen) -> None:
    assert not seen.faults["broken"], _report(seen, "broken")


def test_no_table_cell_is_narrower_than_its_longest_word(seen: Seen) -> None:
    assert not seen.faults["narrow"], _report(seen, "narrow")


def test_no_english_on_any_page(seen: Seen) -> None:
    assert not seen.faults["english"], _report(seen, "english")


def test_each_kind_of_page_has_a_screenshot_at_each_width(seen: Seen) -> None:
    kinds = {name.rsplit("-", 1)[0] for name in seen.screenshots}
    for kind in ("forside", "kommune-udvalg-moede", "kommune-udvalg-moede-punkt", "program",
                 "lov", "soeg", "sparql", "catalog", "well-known-void"):  # fmt: skip
        assert kind in kinds, sorted(kinds)
    for kind in kinds:
        for width, _ in WIDTHS.values():
            path = seen.screenshots[f"{kind}-{width}"]
            assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"), path
