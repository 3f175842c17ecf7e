"""The side index of a store: counts, timelines, top lists, A-Z lists and full-text search for
the web pages, in SQLite (FTS5; the default, a file beside the store) or in PostgreSQL (shared
by several web servers: :mod:`searchindex.pg_build`), built when minutes are loaded and
kept in step with the store.

    report = build_index(store, default_index_path(store_path))  # referatgraf load / index
    index = SiteIndex.open(default_index_path(store_path))       # the web app, read-only
    index.is_current(store)                                      # False once the store changed
    build_index(store, IndexUrl("postgresql://HOST/DATABASE"))   # the same, in PostgreSQL
"""

from __future__ import annotations

from searchindex.answers import SiteIndex, SiteIndexError
from searchindex.build import BuildReport, build_index, default_index_path
from searchindex.connections import INDEX_ERRORS
from searchindex.folding import fold
from searchindex.records import (
    ConceptRow,
    ConceptTotals,
    CoverageRow,
    EntityCount,
    EntityHit,
    FailureRow,
    GroupRow,
    ItemHit,
    MeetingHits,
    MeetingRow,
    MentionRow,
    Resource,
    SearchResult,
    Summary,
    Timeline,
    TimelineRow,
)
from searchindex.store_scan import store_token

__all__ = [
    "INDEX_ERRORS",
    "BuildReport",
    "ConceptRow",
    "ConceptTotals",
    "CoverageRow",
    "EntityCount",
    "EntityHit",
    "FailureRow",
    "GroupRow",
    "ItemHit",
    "MeetingHits",
    "MeetingRow",
    "MentionRow",
    "Resource",
    "SearchResult",
    "SiteIndex",
    "SiteIndexError",
    "Summary",
    "Timeline",
    "TimelineRow",
    "build_index",
    "default_index_path",
    "fold",
    "store_token",
]
