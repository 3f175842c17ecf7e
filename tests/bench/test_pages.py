"""bench.pages on the five samples, untimed: the pages it picks from the side index, and a whole
run (server started, every page asked for, the table written) with a runner that fetches each
page once instead of wrk."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from bench import pages
from bench.pages import Target, pick_pages
from bench.wrk import SAMPLE_WRK_OUTPUT, Run, parse_wrk
from searchindex import SiteIndex, default_index_path

LAB_2019 = "/lov/lab-2019"


@pytest.fixture(scope="module")
def store(samples_store: Path) -> Path:
    """The five samples with their side index, as ``referatgraf load`` builds them."""
    return samples_store


def test_the_pages_are_found_in_the_side_index(store: Path) -> None:
    index = SiteIndex.open(default_index_path(store))
    try:
        picked = pick_pages(index)
    finally:
        index.close()
    # the 2019 act is the most mentioned law of the samples; its mentions fit on one page
    item, rotation = picked[1].path, picked[2]
    assert [p.path for p in picked] == ["/", item, item, LAB_2019, f"{LAB_2019}?side=1"]
    assert item.startswith("/kommune/")
    assert "/punkt/" in item
    # its 10 mentions are in 8 different items (of Lemvig, Lejre, Ringkøbing-Skjern), asked in turn
    items = [rotation.path, *rotation.rotation]
    assert rotation.name == "items (8 different, in turn)"
    assert len(set(items)) == len(items) == 8
    assert all("/punkt/" in path for path in items)
    assert {path.split("/")[2] for path in items} == {"lemvig", "lejre", "ringkoebing-skjern"}


def test_a_run_asks_for_every_page_and_writes_the_table(
    store: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "benchmarks.md"
    monkeypatch.setattr(pages, "DOCS", docs)
    asked: list[tuple[str, int]] = []

    def fetch_once(url: str, seconds: int, connections: int, rotation: tuple[str, ...]) -> Run:
        assert connections == 8
        statuses = []
        origin = url[: url.index("/", len("http://"))]
        for each in [url, *(origin + path for path in rotation)]:
            response = httpx.get(each, headers={"Accept": pages.ACCEPT_HTML}, timeout=60)
            asked.append((each.split("/", 3)[-1], response.status_code))
            assert response.headers["content-type"].startswith("text/html")
            statuses.append(response.status_code)
        return Run(100.0, 5.0 + seconds, 20.0, sum(status != 200 for status in statuses))

    argv = ["--store", str(store), "--duration", "2", "--warmup", "1", "--rounds", "2"]
    assert pages.main(argv, runner=fetch_once) == 0
    # four pages and the eight items in turn, two rounds, each with its warm-up
    assert len(asked) == (4 + 8) * 2 * 2
    assert {status for _, status in asked} == {200}
    table = docs.read_text(encoding="utf-8")
    assert "`python -m bench.pages --store" in table
    assert f"| law (10 mentions) | `{LAB_2019}` | 100 | 7.0 | 20.0 | 0 | yes |" in table
    assert table in capsys.readouterr().out


def test_wrk_output_is_read() -> None:
    run = parse_wrk(SAMPLE_WRK_OUTPUT.replace("1.05s", "180.00ms"))
    assert run == Run(312.5, 24.1, 180.0, 3)
    assert Target("home", "/").path == "/"
