"""The query page in a real browser: Debian's headless chromium, driven through chromedriver,
against the real server over the five samples (the ``server`` fixture of tests/web/conftest.py:
``referatgraf serve``, that is web.app.create_app under uvicorn, in a subprocess on a free
127.0.0.1 port).

It opens /sparql, picks an example from the gallery, runs it, and sees the results table with
rows; then it checks that no request left the server's own origin and that the console shows no
Content-Security-Policy violation (nor any other error). A screenshot of the page with its
results is kept in test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from sparql.gallery import example, examples
from tests.graph.votes_document import VOTE_EXAMPLES
from tests.web.conftest import Server

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
EXAMPLE = "flest-moeder"
WAIT = 30.0

pytestmark = pytest.mark.slow


def _rows(driver: WebDriver) -> list[Any]:
    return driver.find_elements(By.CSS_SELECTOR, "#yasgui .tabPanel.active .yasr table tbody tr")


def test_pick_an_example_run_it_and_see_rows(server: Server, browser: WebDriver) -> None:
    wait = WebDriverWait(browser, WAIT)
    browser.get(server.sparql)
    assert browser.find_element(By.TAG_NAME, "h1").text == "SPARQL-forespørgsler"

    # YASGUI replaces the plain form, with the ontology's prefixes in the first query
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#yasgui .tabPanel.active .CodeMirror"))
    assert not browser.find_element(By.ID, "query-form").is_displayed()
    first = browser.execute_script("return window.referatgrafYasgui.getTab().getQuery()")
    assert "PREFIX rg: <https://w3id.org/referatgraf/def#>" in first

    # pick an example from the gallery: it opens in a tab of its own
    browser.find_element(By.CSS_SELECTOR, f'a.load-example[data-example="{EXAMPLE}"]').click()
    wait.until(
        lambda d: (
            "rg:attendee" in d.execute_script("return window.referatgrafYasgui.getTab().getQuery()")
        )
    )
    title = browser.find_element(By.CSS_SELECTOR, f"#eksempel-{EXAMPLE} h3").text
    active_tab = browser.find_element(By.CSS_SELECTOR, "#yasgui .tabsList .tab.active")
    assert active_tab.text.strip().startswith(title)

    # run it, and see the results table with rows
    browser.find_element(By.CSS_SELECTOR, "#yasgui .tabPanel.active .yasqe_queryButton").click()
    wait.until(_rows)
    rows = _rows(browser)
    assert len(rows) >= 10, [r.text for r in rows]
    assert (
        "Bjørn Lykke Sørensen"
        in browser.find_element(By.CSS_SELECTOR, "#yasgui .tabPanel.active .yasr").text
    )

    ARTIFACTS.mkdir(exist_ok=True)
    browser.execute_script("document.getElementById('editor').scrollIntoView()")
    browser.save_screenshot(str(ARTIFACTS / "query-page.png"))

    _assert_no_request_left_the_server(browser, server.url)
    _assert_no_console_errors(browser)


@pytest.mark.parametrize("name", [e.name for e in examples() if e.name not in VOTE_EXAMPLES])
def test_every_example_returns_rows_through_the_endpoint(server: Server, name: str) -> None:
    """What the page's run button does, for every example in the gallery, without a browser.
    The examples that need votes, which the samples do not record, run on meetings that do
    (tests/web/test_votes_pages.py)."""
    body = urlencode({"query": example(name).text}).encode()
    request = urllib.request.Request(
        server.sparql, data=body, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=WAIT) as response:
        results = json.load(response)
    assert results["results"]["bindings"], f"{name} returns no rows through /sparql"


def test_the_editor_completes_from_the_ontology(server: Server, browser: WebDriver) -> None:
    """Autocompletion works, from the page's own data: no outside call (checked below)."""
    wait = WebDriverWait(browser, WAIT)
    browser.get(server.sparql)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#yasgui .tabPanel.active .CodeMirror"))
    browser.execute_script(
        "const yasqe = window.referatgrafYasgui.getTab().getYasqe();"
        "yasqe.setValue('PREFIX rg: <https://w3id.org/referatgraf/def#>\\n"
        "SELECT * WHERE { ?m a rg:Mee');"
        "yasqe.focus(); yasqe.getDoc().setCursor({line: 1, ch: 100});"
    )
    editor = browser.find_element(By.CSS_SELECTOR, "#yasgui .tabPanel.active .CodeMirror textarea")
    editor.send_keys("t")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".CodeMirror-hint"))
    hints = [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".CodeMirror-hint")]
    assert "rg:Meeting" in hints

    _assert_no_request_left_the_server(browser, server.url)
    _assert_no_console_errors(browser)


def test_without_javascript_the_form_and_the_gallery_work(
    server: Server, browser_without_javascript: WebDriver
) -> None:
    browser = browser_without_javascript
    browser.get(server.sparql)
    assert browser.find_element(By.ID, "query-form").is_displayed()
    assert not browser.find_element(By.ID, "yasgui").is_displayed()

    # the gallery's link reloads the page with the example in the form
    browser.find_element(By.CSS_SELECTOR, f'a.load-example[data-example="{EXAMPLE}"]').click()
    WebDriverWait(browser, WAIT).until(lambda d: "example=" in d.current_url)
    query = browser.find_element(By.ID, "query").get_attribute("value") or ""
    assert "rg:attendee" in query
    _assert_no_console_errors(browser)

    # the form sends it to the endpoint, which answers in a format the browser shows (JSON)
    browser.find_element(By.CSS_SELECTOR, "#query-form button[type=submit]").click()
    WebDriverWait(browser, WAIT).until(lambda d: "query=" in d.current_url)
    results = json.loads(browser.find_element(By.TAG_NAME, "body").text)
    names = {row["navn"]["value"] for row in results["results"]["bindings"]}
    assert "Bjørn Lykke Sørensen" in names

    _assert_no_request_left_the_server(browser, server.url)
    # the results are the endpoint's, not the page's: only its policy matters here (Chrome
    # also asks the server for a /favicon.ico when it shows them)
    _assert_no_console_errors(browser, only_policy=True)


def _assert_no_request_left_the_server(browser: WebDriver, server: str) -> None:
    origin = urlsplit(server)
    seen: list[str] = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        url = params.get("request", {}).get("url") or params.get("url")
        if message["method"] in {"Network.requestWillBeSent", "Network.webSocketCreated"} and url:
            seen.append(url)
    web = [u for u in seen if urlsplit(u).scheme in {"http", "https", "ws", "wss"}]
    assert web, "the performance log shows no requests at all"
    outside = [u for u in web if urlsplit(u).netloc != origin.netloc]
    assert not outside, f"requests left {origin.netloc}: {outside}"


def _assert_no_console_errors(browser: WebDriver, *, only_policy: bool = False) -> None:
    """No Content-Security-Policy violation, and (unless ``only_policy``) no error at all, in
    the console since the last look."""
    entries = browser.get_log("browser")
    violations = [e for e in entries if "Content Security Policy" in e["message"]]
    assert not violations, violations
    errors = [e for e in entries if e["level"] == "SEVERE"]
    assert only_policy or not errors, errors


def test_the_first_query_reads_in_danish_with_its_results_linked_here(
    server: Server, browser: WebDriver
) -> None:
    # the table is redrawn while labels arrive: an element found a moment ago may be gone
    wait = WebDriverWait(browser, WAIT, ignored_exceptions=(StaleElementReferenceException,))
    browser.get(server.sparql)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#yasgui .tabPanel.active .CodeMirror"))
    # the guide beside the editor: the main classes, each linked to the vocabulary
    guide = [
        a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "aside.guide dt a")
    ]
    assert guide[0] == server.url + "/def#Meeting"
    assert len(guide) == 8
    # the eleven PREFIX lines are folded: the query's first visible line after them is SELECT
    script = (
        "return Array.from(document.querySelectorAll('#yasgui .tabPanel.active .CodeMirror-line'))"
        ".map(l => l.textContent).filter(t => t.replace(/[\\s\\u200b]/g, ''))"
    )
    wait.until(lambda d: d.execute_script(script)[1].startswith("SELECT"))
    assert d_lines(browser, script)[0].startswith("PREFIX")
    browser.execute_script("window.referatgrafYasgui.getTab().getYasqe().query()")
    wait.until(lambda d: len(_rows(d)) == 5)
    # the controls in Danish
    run = browser.find_element(By.CSS_SELECTOR, "#yasgui .tabPanel.active .yasqe_queryButton")
    assert run.get_attribute("title") == "Kør forespørgslen"
    chip = "#yasgui .tabPanel.active .yasr_response_chip"
    wait.until(lambda d: "5 rækker på" in d.find_element(By.CSS_SELECTOR, chip).text)
    # each meeting by its label, linked to its page here, the IRI on hover; dates whole
    wait.until(lambda d: "møde" in _rows(d)[0].find_element(By.CSS_SELECTOR, "a.iri").text)
    wait.until(lambda d: _rows(d)[0].find_elements(By.CSS_SELECTOR, "td.whole"))
    first = _rows(browser)[0]
    link = first.find_element(By.CSS_SELECTOR, "a.iri")
    assert link.text == "Beskæftigelsesudvalget, møde 18. august 2022"
    assert link.get_attribute("href") == (
        server.url + "/kommune/ringkoebing-skjern/udvalg/beskaeftigelsesudvalget/moede/2022-08-18"
    )
    assert link.get_attribute("title") == (
        "https://w3id.org/referatgraf/kommune/ringkoebing-skjern/udvalg/beskaeftigelsesudvalget"
        "/moede/2022-08-18"
    )
    date = first.find_elements(By.TAG_NAME, "td")[1]
    assert date.text == "2022-08-18"
    assert date.size["height"] < 2 * browser.execute_script(
        "return parseFloat(getComputedStyle(arguments[0]).lineHeight)", date
    ), "the date is on one line"


def d_lines(browser: WebDriver, script: str) -> list[str]:
    return list(browser.execute_script(script))
