"""The entity pages in a real browser: Debian's headless chromium through chromedriver (as in
test_query_page_browser.py), against the real server over the five samples (the ``server``
fixture of tests/web/conftest.py).

A person searches for "KLAPjob" from the home page, opens the first entity found and sees the
programme's timeline (a screenshot is kept in test-artifacts/, or ``$PYTEST_ARTIFACTS``). Then
axe-core (npm, built by ``make dev`` into web/frontend/dist-test/, never served) checks the
main pages for accessibility; the same pages fit a phone's width; and without JavaScript they
show the same content, for they run no script at all.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.web.conftest import ROOT, Server

pytestmark = pytest.mark.slow

AXE = ROOT / "web" / "frontend" / "dist-test" / "axe.min.js"
ARTIFACTS = Path(os.environ.get("PYTEST_ARTIFACTS") or ROOT / "test-artifacts")
WAIT = 30.0
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
LEJRE_MEETING = (
    "/kommune/lejre/udvalg/udvalget-for-job-arbejdsmarked-og-integration/moede/2022-05-04"
)
LEMVIG_MEETING = "/kommune/lemvig/udvalg/arbejdsmarkeds-og-integrationsudvalget/moede/2022-06-08"
# The main pages, each with the heading a person sees first.
MAIN_PAGES = {
    "/": "referatgraf",
    "/soeg?q=KLAPjob": "Søgning: KLAPjob",
    LEJRE_MEETING + "/punkt/2": "",
    LEJRE_MEETING: "",
    "/kommune/lejre/person/bjoern-lykke-soerensen": "Bjørn Lykke Sørensen",
    "/program/klapjob": "KLAPjob",
    "/lov/lab-2019": "",
    "/register/": "",
    "/daekning": "",
}
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run make dev (npm builds it from web/frontend)")
    return AXE.read_text(encoding="utf-8")


def test_search_open_the_programme_and_see_its_timeline(server: Server, browser: WebDriver) -> None:
    wait = WebDriverWait(browser, WAIT)
    browser.get(server.url + "/")
    box = browser.find_element(By.CSS_SELECTOR, "main form[role=search] input[name=q]")
    box.send_keys("KLAPjob")
    box.submit()
    wait.until(lambda d: "/soeg?" in d.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Søgning: KLAPjob"

    first = browser.find_element(By.CSS_SELECTOR, "main .entity-hits a")
    assert first.text == "KLAPjob"
    first.click()
    wait.until(lambda d: d.current_url == server.url + "/program/klapjob")
    assert browser.find_element(By.TAG_NAME, "h1").text == "KLAPjob"

    # the timeline is drawn: an SVG with a size, one bar per municipality (Lejre and Lemvig)
    svg = browser.find_element(By.CSS_SELECTOR, "main figure.timeline svg")
    assert svg.size["width"] > 0, svg.size
    assert svg.size["height"] > 0, svg.size
    bars = svg.find_elements(By.CSS_SELECTOR, "rect.bar")
    assert len(bars) == 2
    assert all(bar.size["width"] > 0 and bar.size["height"] > 0 for bar in bars)
    titles = [b.find_element(By.TAG_NAME, "title").get_attribute("textContent") for b in bars]
    assert titles == ["Lejre Kommune, 2022: 1 omtale", "Lemvig Kommune, 2022: 1 omtale"]

    # and the mentions link to the exact items
    items = [a.get_attribute("href") or "" for a in browser.find_elements(By.CSS_SELECTOR, "a")]
    for item in (LEJRE_MEETING + "/punkt/2", LEMVIG_MEETING + "/punkt/4"):
        assert any(href.split("#")[0] == server.url + item for href in items), [
            h for h in items if "/punkt/" in h
        ]

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "program-klapjob.png"
    browser.execute_script("arguments[0].scrollIntoView()", svg)
    assert browser.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 10_000, len(data)
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width > 0
    assert height > 0


def _axe(browser: WebDriver, source: str) -> list[dict[str, Any]]:
    """The violations axe-core finds on the page shown (evaluated by the driver, which the
    page's Content-Security-Policy does not govern: the page itself runs no script)."""
    browser.execute_script(source)
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => done(JSON.stringify({passes: r.passes.length, violations: r.violations})),"
        " e => done(JSON.stringify({passes: 0, violations: "
        "[{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]})));"
    )
    found = json.loads(result)
    # axe ran its rules (a page passes dozens), so no violation means none found
    assert found["passes"] >= 10, found
    violations: list[dict[str, Any]] = found["violations"]
    return violations


def test_the_main_pages_have_no_serious_accessibility_violation(
    server: Server, browser: WebDriver, axe_source: str
) -> None:
    browser.set_script_timeout(WAIT)
    serious: list[str] = []
    minor: list[str] = []
    for path in MAIN_PAGES:
        browser.get(server.url + path)
        for violation in _axe(browser, axe_source):
            targets = [n.get("target") for n in violation.get("nodes", [])][:3]
            line = f"{path}: {violation['impact']} {violation['id']}: {violation['help']} {targets}"
            (serious if violation.get("impact") in SERIOUS else minor).append(line)
    print("\n".join(["axe, minor and moderate:", *minor]))  # noqa: T201 - shown with -rP
    assert not serious, "\n".join(serious)

    # and the check sees a fault when there is one: an image without a text alternative
    browser.execute_script(
        "const img = document.createElement('img'); img.src = 'data:,';"
        "document.querySelector('main').appendChild(img);"
    )
    assert "image-alt" in {v["id"] for v in _axe(browser, axe_source)}


def test_the_main_pages_fit_a_phone(server: Server, browser: WebDriver) -> None:
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 375, "height": 812, "deviceScaleFactor": 2, "mobile": True},
    )
    too_wide = []
    for path in MAIN_PAGES:
        browser.get(server.url + path)
        scroll, inner = browser.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert inner == 375, inner
        if scroll > inner:
            too_wide.append(f"{path}: {scroll} px wide in {inner}")
    assert not too_wide, "\n".join(too_wide)


def test_without_javascript_the_pages_show_their_content(
    server: Server, browser_without_javascript: WebDriver
) -> None:
    browser = browser_without_javascript
    for path, heading in MAIN_PAGES.items():
        browser.get(server.url + path)
        h1 = browser.find_element(By.TAG_NAME, "h1").text
        assert h1, f"{path}: no heading"
        if heading:
            assert h1 == heading, path
        assert len(browser.find_element(By.TAG_NAME, "main").text) > 100, path
        scripts = browser.find_elements(By.CSS_SELECTOR, "script[src]")
        assert not scripts, f"{path}: {[s.get_attribute('src') for s in scripts]}"
    # only the query page loads script (YASGUI, from this server), and works without it too
    browser.get(server.sparql)
    sources = [
        s.get_attribute("src") or "" for s in browser.find_elements(By.CSS_SELECTOR, "script[src]")
    ]
    assert sources
    assert all(s.startswith(server.url + "/static/") for s in sources), sources
