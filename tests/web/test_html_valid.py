"""The pages are valid HTML5, as the W3C Nu Html Checker (vnu.jar, npm ``vnu-jar``, built by
``make dev`` into web/frontend/dist-test/, never served) sees them.

The real server over the five samples and their dumps (``start_server`` of
tests/web/conftest.py) answers a representative page of every kind: home, search, registers,
coverage, each entity class, a concept of either scheme, the generic page, the 404 page, the
dumps listing, the feeds index, the catalog and the query page, each as a browser asks for it.
Beside them, the timeline partial (web/timeline.py's SVG and its table) is rendered for the
charts that the samples do not draw: an empty one, hostile names, more municipalities than
colours, two in one page. All are saved to one directory and checked by one run of vnu (one
Java start, about 2 s).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx
import pytest

from tests.web.conftest import ROOT, Server
from web.render import TEMPLATES
from web.timeline import MAX_SERIES, timeline_chart, timeline_view

pytestmark = pytest.mark.slow

VNU = ROOT / "web" / "frontend" / "dist-test" / "vnu.jar"
ACCEPT_HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
LEJRE = "/kommune/lejre"
LEJRE_COMMITTEE = LEJRE + "/udvalg/udvalget-for-job-arbejdsmarked-og-integration"
LEJRE_MEETING = LEJRE_COMMITTEE + "/moede/2022-05-04"
OLD_LEJRE_MEETING = LEJRE + "/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08"
RKSK_ITEM = "/kommune/ringkoebing-skjern/udvalg/beskaeftigelsesudvalget/moede/2022-08-18/punkt/3"
# Each page by a file name of its own, with the status the server must answer it with.
PAGES: dict[str, tuple[str, int]] = {
    "home": ("/", 200),
    "search": ("/soeg?q=KLAPjob", 200),
    "search-empty": ("/soeg?q=", 200),
    "search-narrowed": ("/soeg?q=borger&kommune=lejre&udfald=godkendt&sortering=dato", 200),
    "search-names": ("/soeg?q=lejre&type=kommuner", 200),
    "search-suggestion": ("/soeg?q=klapjbo", 200),
    "meetings": ("/moeder?kommune=lejre", 200),
    "committees": ("/udvalg", 200),
    "registers": ("/register/", 200),
    "register-municipalities": ("/register/kommuner", 200),
    "coverage": ("/daekning", 200),
    "programme": ("/program/klapjob", 200),
    "law": ("/lov/lab-2019", 200),
    "agenda-item": (LEJRE_MEETING + "/punkt/2", 200),
    "meeting": (LEJRE_MEETING, 200),
    "committee": (LEJRE_COMMITTEE, 200),
    "municipality": (LEJRE, 200),
    "person": (LEJRE + "/person/bjoern-lykke-soerensen", 200),
    "kle-concept": ("/kle/15.20.00", 200),
    "outcome-concept": ("/def/outcome/godkendt", 200),
    "generic-source": (OLD_LEJRE_MEETING + "/kilde", 200),
    "generic-mention": (RKSK_ITEM + "/omtale/46", 200),
    "not-found": ("/kommune/findes-ikke", 404),
    "dumps": ("/dumps/", 200),
    "feeds": ("/feeds/", 200),
    "catalog": ("/catalog", 200),
    "query": ("/sparql", 200),
}
HOSTILE = 'A & B <script>alert("x")</script> "Kommune"'
# The timeline partial alone, each by a file name: (subject, label and counts per year) per chart.
TIMELINES: dict[str, list[tuple[str, list[tuple[str, list[int]]]]]] = {
    "timeline-empty": [("KLAPjob", [])],
    "timeline-hostile": [('<b>"Lov" & orden</b>', [(HOSTILE, [2, 0]), ("Lejre Kommune", [1, 3])])],
    "timeline-many": [("KLAPjob", [(f"Kommune {i}", [i, 1]) for i in range(1, MAX_SERIES + 4)])],
    "timeline-two": [("KLAPjob", [("Lejre Kommune", [1, 2])]), ("LAB", [("Lemvig Kommune", [3])])],
}
SHELL = (
    '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>{name}</title></head>'
    "<body><main><h1>{name}</h1>{body}</main></body></html>"
)


@pytest.fixture(scope="module")
def saved_pages(published: Server, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every page of ``PAGES``, saved as ``<name>.html`` in one directory."""
    folder = tmp_path_factory.mktemp("html")
    with httpx.Client(base_url=published.url, headers={"Accept": ACCEPT_HTML}) as client:
        for name, (path, status) in PAGES.items():
            answer = client.get(path, timeout=30)
            assert answer.status_code == status, f"{path}: {answer.status_code}"
            assert answer.headers["content-type"].startswith("text/html"), path
            (folder / f"{name}.html").write_bytes(answer.content)
    return folder


def save_timelines(folder: Path) -> None:
    """Each of ``TIMELINES`` as a page of its own, ``<name>.html`` in ``folder``."""
    partial = TEMPLATES.env.get_template("partials/timeline.html")
    for name, charts in TIMELINES.items():
        body = "".join(
            partial.render(
                timeline=timeline_view(
                    timeline_chart([2021, 2022], rows), subject, f"tidslinje-{number}"
                )
            )
            for number, (subject, rows) in enumerate(charts)
        )
        (folder / f"{name}.html").write_text(SHELL.format(name=name, body=body), encoding="utf-8")


@pytest.fixture(scope="module")
def java() -> str:
    found = shutil.which("java")
    if found is None:
        pytest.fail("java is missing: make browser-deps installs default-jre-headless")
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run make dev (npm builds it from web/frontend)")
    return found


def vnu_errors(java: str, files: list[Path]) -> dict[str, list[str]]:
    """The errors of one vnu run over ``files``, by file name: ``"line N: message"``."""
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # vnu reports on stderr, exiting 1 when it found errors
    assert done.returncode in {0, 1}, done.stdout + done.stderr
    errors: dict[str, list[str]] = {}
    for message in json.loads(done.stderr)["messages"]:
        name = Path(unquote(urlsplit(message.get("url", "")).path)).name
        where = f"line {message.get('lastLine', '?')}"
        errors.setdefault(name, []).append(f"{where}: {message['message']}")
    return errors


def test_vnu_reports_an_error_in_a_page_that_has_one(java: str, tmp_path: Path) -> None:
    # the check itself works: a duplicate id and a stray end tag are found
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>x</title></head>'
        '<body><p id="a">en</p><p id="a">to</p></span></body></html>',
        encoding="utf-8",
    )
    errors = vnu_errors(java, [page])
    assert list(errors) == ["broken.html"]
    assert len(errors["broken.html"]) == 2, errors


def test_every_page_is_valid_html(java: str, saved_pages: Path) -> None:
    save_timelines(saved_pages)
    files = sorted(saved_pages.glob("*.html"))
    assert len(files) == len(PAGES) + len(TIMELINES)
    errors = vnu_errors(java, files)
    where = {name: path for name, (path, _) in PAGES.items()}
    report = "\n".join(
        f"{where.get(Path(name).stem, name)} ({len(found)}):\n  " + "\n  ".join(found)
        for name, found in sorted(errors.items())
    )
    assert not errors, f"vnu found errors:\n{report}"
