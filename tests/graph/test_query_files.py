"""One reader for every folder of ``.rq`` files: each query of each folder reads by name, and
a name with no file fails, naming the file it looked for."""

from __future__ import annotations

from importlib import resources

import pytest

from graph.query_files import read_query
from publishing.facts import publish_query
from sparql.named import named_query
from web.browse_data import browse_query
from web.pages.page_sparql import page_query

FOLDERS = [
    ("graph", "derived_queries"),
    ("publishing", "fact_queries"),
    ("sparql", "named"),
    ("web.pages", "page_queries"),
    ("web", "browse_queries"),
]


@pytest.mark.parametrize(("package", "folder"), FOLDERS)
def test_every_query_of_a_folder_reads_by_name(package: str, folder: str) -> None:
    files = [
        f for f in resources.files(package).joinpath(folder).iterdir() if f.name.endswith(".rq")
    ]
    assert files
    for file in files:
        text = read_query(package, folder, file.name.removesuffix(".rq"))
        assert text == file.read_text(encoding="utf-8")
        assert "SELECT" in text or "CONSTRUCT" in text or "ASK" in text


def test_the_named_readers_read_their_own_folders() -> None:
    assert publish_query("load_times") == read_query("publishing", "fact_queries", "load_times")
    assert named_query("store_state") == read_query("sparql", "named", "store_state")
    assert page_query("item_main") == read_query("web.pages", "page_queries", "item_main")
    assert browse_query("register") == read_query("web", "browse_queries", "register")


@pytest.mark.parametrize(("package", "folder"), FOLDERS)
def test_a_missing_name_fails_naming_the_file(package: str, folder: str) -> None:
    where = "/".join((*package.split("."), folder, "findes_ikke.rq"))
    with pytest.raises(FileNotFoundError, match=f"^no SPARQL query {where}$"):
        read_query(package, folder, "findes_ikke")
