"""The figures of the home page, computed once when the index is built (they cost a scan of
every resource) and kept in the index as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict

from searchindex.dialect import Connection
from searchindex.records import Summary


def compute_summary(connection: Connection) -> Summary:
    kinds = {
        str(kind): int(count)
        for kind, count in connection.execute(
            "SELECT kind, COUNT(*) FROM resources WHERE kind != 'Resource' GROUP BY kind"
        )
    }
    years = connection.execute(
        "SELECT CAST(substr(date, 1, 4) AS INTEGER) AS y, COUNT(*) FROM resources"
        " WHERE kind = 'Meeting' AND date IS NOT NULL GROUP BY y ORDER BY y"
    ).fetchall()
    first, last, municipalities, committees = connection.execute(
        "SELECT MIN(date), MAX(date), COUNT(DISTINCT municipality), COUNT(DISTINCT committee)"
        " FROM resources WHERE kind = 'Meeting'"
    ).fetchone()
    return Summary(
        kinds=kinds,
        meetings_per_year=[(int(y), int(n)) for y, n in years],
        first_date=first,
        last_date=last,
        municipalities=municipalities,
        committees=committees,
        meetings=kinds.get("Meeting", 0),
        items=kinds.get("AgendaItem", 0),
        mentions=connection.execute("SELECT COUNT(*) FROM mentions").fetchone()[0],
        last_load=connection.execute("SELECT MAX(started) FROM load_runs").fetchone()[0],
    )


def summary_json(summary: Summary) -> str:
    return json.dumps(asdict(summary), ensure_ascii=False)


def summary_from_json(text: str) -> Summary:
    """The inverse of :func:`summary_json`.

    >>> s = Summary({"Meeting": 1}, [(2020, 1)], "2020-01-08", "2020-01-08", 1, 1, 1, 9, 30, None)
    >>> summary_from_json(summary_json(s)) == s
    True
    """
    data = json.loads(text)
    data["meetings_per_year"] = [(int(y), int(n)) for y, n in data["meetings_per_year"]]
    return Summary(**data)
