"""The project's SPARQL is kept in ``.rq`` files beside the modules that run it, and read by
name: one reader for every folder of them (``graph/derived_queries``, ``publishing/fact_queries``,
``sparql/named``, ``web/pages/page_queries``, ``web/browse_queries``).

>>> text = read_query("graph", "derived_queries", "memberships")
>>> text.lstrip().startswith(("#", "PREFIX", "SELECT"))
True
>>> read_query("graph", "derived_queries", "no_such_query")
Traceback (most recent call last):
...
FileNotFoundError: no SPARQL query graph/derived_queries/no_such_query.rq
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def read_query(package: str, folder: str, name: str) -> str:
    """The text of ``<package>/<folder>/<name>.rq`` (``package`` dotted, as imported); a name
    with no file fails loudly, naming the file it looked for."""
    path = resources.files(package).joinpath(folder, f"{name}.rq")
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        where = "/".join((*package.split("."), folder, f"{name}.rq"))
        raise FileNotFoundError(f"no SPARQL query {where}") from None
