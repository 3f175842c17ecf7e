"""A journalist's path through the site in a real browser (Debian's headless chromium, as in
test_browser_pages.py), against the real server over the five samples: search "KLAPjob" from
the home page, narrow the results to one municipality (Lemvig), open the item found, read its
decision at the top of the page, open the programme's page from the item's text, and download
the results as CSV. Screenshots of each step are kept in test-artifacts/ (or
``$PYTEST_ARTIFACTS``)."""

from __future__ import annotations

import csv
import io
import os
import time
from pathlib import Path

import pytest
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.web.conftest import ROOT, Server

pytestmark = pytest.mark.slow

ARTIFACTS = Path(os.environ.get("PYTEST_ARTIFACTS") or ROOT / "test-artifacts")
WAIT = 30.0
LEMVIG_4 = "/kommune/lemvig/udvalg/arbejdsmarkeds-og-integrationsudvalget/moede/2022-06-08/punkt/4"


def _shot(browser: WebDriver, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"journalist-{name}.png"))


def _downloaded(folder: Path, name: str) -> Path:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        found = folder / name
        if found.exists() and not list(folder.glob("*.crdownload")):
            return found
        time.sleep(0.1)
    pytest.fail(f"nothing downloaded into {folder}: {sorted(p.name for p in folder.iterdir())}")


def test_a_journalist_searches_narrows_reads_the_decision_and_downloads_csv(
    server: Server, browser: WebDriver, tmp_path: Path
) -> None:
    wait = WebDriverWait(browser, WAIT)
    downloads = tmp_path / "hentet"
    downloads.mkdir()
    browser.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )

    # 1. search from the box every page has
    browser.get(server.url + "/")
    box = browser.find_element(By.CSS_SELECTOR, "header form[role=search] input[name=q]")
    box.send_keys("KLAPjob")
    box.submit()
    wait.until(lambda d: "/soeg?" in d.current_url)
    items = browser.find_elements(By.CSS_SELECTOR, "main .item-hits > li > a")
    assert [a.text for a in items] == [
        "Punkt 2: Orientering maj 2022",
        "Punkt 4: De beskæftigelsespolitiske mål for 2023",
    ]

    # 2. narrow to one municipality
    Select(browser.find_element(By.ID, "soeg-kommune")).select_by_value("lemvig")
    browser.find_element(By.CSS_SELECTOR, "main fieldset.filters button[type=submit]").click()
    wait.until(lambda d: "kommune=lemvig" in d.current_url)
    _shot(browser, "1-soegning")
    results_url = browser.current_url
    items = browser.find_elements(By.CSS_SELECTOR, "main .item-hits > li > a")
    assert [a.text for a in items] == ["Punkt 4: De beskæftigelsespolitiske mål for 2023"]
    meta = browser.find_element(By.CSS_SELECTOR, "main .meeting-hits .meta").text
    assert meta == "8. juni 2022 · Arbejdsmarkeds- og Integrationsudvalget · Lemvig Kommune"
    outcome = browser.find_element(By.CSS_SELECTOR, "main .item-hits .outcome").text
    assert outcome == "· Udfald: taget til efterretning"

    # 3. open the item and read the decision: at the top, above the item's text
    items[0].click()
    wait.until(lambda d: d.current_url == server.url + LEMVIG_4)
    _shot(browser, "2-punkt")
    decision = browser.find_element(By.CSS_SELECTOR, "main section.decisions")
    assert decision.find_element(By.TAG_NAME, "h2").text == "Beslutning"
    assert decision.find_element(By.CSS_SELECTOR, "p.outcome").text == (
        "Udfald: taget til efterretning"
    )
    assert decision.find_element(By.CSS_SELECTOR, "p.tekst").text == "Taget til efterretning."
    text = browser.find_element(By.CSS_SELECTOR, "main section.text")
    assert decision.location["y"] < text.location["y"]
    # the decision is on the first screen, the way a reader opens the page
    assert decision.location["y"] < browser.execute_script("return window.innerHeight")

    # 4. the programme named in the item's text
    browser.find_element(
        By.CSS_SELECTOR, 'main section.text mark a[href="/program/klapjob"]'
    ).click()
    wait.until(lambda d: d.current_url == server.url + "/program/klapjob")
    _shot(browser, "3-program")
    assert browser.find_element(By.TAG_NAME, "h1").text == "KLAPjob"
    quotes = browser.find_elements(By.CSS_SELECTOR, "main ul.mentions .source-ref .outcome")
    assert [q.text for q in quotes] == ["Udfald: godkendt", "Udfald: taget til efterretning"]

    # 5. back to the results, and download them as CSV
    browser.get(results_url)
    browser.find_element(By.LINK_TEXT, "CSV").click()
    saved = _downloaded(downloads, "soegning.csv")
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert [(r["type"], r["titel"], r["kommune"], r["udfald"]) for r in rows] == [
        ("program", "KLAPjob", "", ""),
        (
            "dagsordenspunkt",
            "Punkt 4: De beskæftigelsespolitiske mål for 2023",
            "Lemvig Kommune",
            "taget til efterretning",
        ),
    ]
    assert rows[1]["adresse"] == server.url + LEMVIG_4
