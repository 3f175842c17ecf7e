"""The tables of the side index (SQLite, with FTS5 for the text search).

Every resource has a row in ``resources``, and its ``id`` stands for its IRI everywhere else
(the mentions of 10,000 minutes would otherwise spend most of the file on repeated IRIs); a
mention's own IRI and its text node's are kept relative to its item's. Rows read from a source
document carry its ``documents.id`` (``doc``), so that an update replaces one document's rows
without touching the others; shared resources have ``doc`` NULL and are updated in place at
each update (their ids stay). Totals and counts per year are recomputed from the mentions by
SQL after each update, and so are the totals of the concepts' lists (``concept_rows``: the
items under each KLE subject, the decisions with each outcome).

The full-text tables are contentless: they hold the folded words only (see
:mod:`searchindex.folding`); the texts themselves, as the graph has them, are in ``items``
and ``item_texts``, for snippets.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = (
    "8"  # 8: persons filed by surname; 7: the words of the text index (spelling); 6: browsing lists
)

TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY, graph TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL, loaded TEXT
);
CREATE TABLE resources (
  id INTEGER PRIMARY KEY,
  iri TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  letter TEXT NOT NULL,
  candidate INTEGER NOT NULL DEFAULT 0,
  date TEXT,
  municipality INTEGER,
  committee INTEGER,
  meeting INTEGER,
  number INTEGER,
  title TEXT,
  party TEXT,
  lastmod TEXT,
  doc INTEGER,
  generation INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX resources_kind ON resources (kind, candidate, sort_key);
CREATE INDEX resources_letter ON resources (kind, letter, sort_key);
CREATE INDEX resources_date ON resources (kind, date);
CREATE INDEX resources_doc ON resources (doc);
CREATE INDEX resources_meeting ON resources (meeting);
CREATE INDEX resources_committee ON resources (committee, kind, date);
CREATE INDEX resources_municipality ON resources (municipality, kind, date);
CREATE TABLE names (resource INTEGER NOT NULL, name TEXT NOT NULL);
CREATE INDEX names_resource ON names (resource);
CREATE TABLE item_texts (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  entity INTEGER NOT NULL,
  item INTEGER NOT NULL,
  meeting INTEGER NOT NULL,
  municipality INTEGER NOT NULL,
  committee INTEGER,  -- NULL for minutes that name no committee
  date TEXT,
  year INTEGER,
  place TEXT NOT NULL,  -- the municipality's sort key: the mentions list by it
  number INTEGER,  -- the item's; NULL for an item printed without one
  mention TEXT NOT NULL,
  text_node TEXT NOT NULL,
  before TEXT NOT NULL,
  anchor_text TEXT NOT NULL,
  after TEXT NOT NULL,
  provision TEXT,
  begin_index INTEGER NOT NULL,
  end_index INTEGER NOT NULL,
  doc INTEGER NOT NULL
);
-- a page of an entity's mentions is a walk along one of these, however many it has
CREATE INDEX mentions_entity ON mentions (entity, place, date DESC, number, item, id);
CREATE INDEX mentions_place ON mentions (entity, municipality, date DESC, number, item, id);
CREATE INDEX mentions_doc ON mentions (doc);
-- the items filed under a KLE subject (decision NULL) and the decisions with an outcome
CREATE TABLE concept_rows (
  id INTEGER PRIMARY KEY,
  concept INTEGER NOT NULL,
  item INTEGER NOT NULL,
  decision TEXT,  -- relative to the item's IRI, like a mention's
  text TEXT,  -- the start of the decision's text
  meeting INTEGER NOT NULL,
  municipality INTEGER NOT NULL,
  committee INTEGER,  -- NULL for minutes that name no committee
  date TEXT,
  place TEXT NOT NULL,  -- the municipality's sort key
  number INTEGER,  -- the item's; NULL for an item printed without one
  doc INTEGER NOT NULL
);
-- a page of a concept's list is a walk along this, newest meeting first
CREATE INDEX concept_rows_concept ON concept_rows (concept, date DESC, place, number, item, id);
CREATE INDEX concept_rows_doc ON concept_rows (doc);
CREATE TABLE concept_totals (
  concept INTEGER PRIMARY KEY, rows INTEGER NOT NULL, items INTEGER NOT NULL,
  municipalities INTEGER NOT NULL, first_date TEXT, last_date TEXT
);
CREATE TABLE provisions (entity INTEGER NOT NULL, provision TEXT NOT NULL, doc INTEGER NOT NULL);
CREATE TABLE provision_counts (
  entity INTEGER NOT NULL, provision TEXT NOT NULL, count INTEGER NOT NULL
);
CREATE INDEX provision_counts_entity ON provision_counts (entity, count DESC);
CREATE TABLE letters (kind TEXT NOT NULL, letter TEXT NOT NULL, count INTEGER NOT NULL);
CREATE INDEX provisions_doc ON provisions (doc);
CREATE TABLE entity_totals (
  entity INTEGER PRIMARY KEY, mentions INTEGER NOT NULL, items INTEGER NOT NULL,
  municipalities INTEGER NOT NULL, lastmod TEXT
);
CREATE INDEX entity_totals_mentions ON entity_totals (mentions DESC);
CREATE TABLE entity_years (
  entity INTEGER NOT NULL, municipality INTEGER NOT NULL,
  year INTEGER NOT NULL,  -- 0 for the meetings without a date
  count INTEGER NOT NULL, PRIMARY KEY (entity, municipality, year)
) WITHOUT ROWID;
CREATE TABLE load_runs (iri TEXT PRIMARY KEY, label TEXT NOT NULL, started TEXT NOT NULL);
CREATE TABLE failures (
  run TEXT NOT NULL, position INTEGER NOT NULL, file_name TEXT NOT NULL, reason TEXT NOT NULL
);
CREATE TABLE read_warnings (
  run TEXT NOT NULL, position INTEGER NOT NULL, file_name TEXT NOT NULL, warning TEXT NOT NULL
);
CREATE VIRTUAL TABLE item_fts USING fts5 (
  title, body, content='', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE entity_fts USING fts5 (
  names, content='', tokenize='unicode61 remove_diacritics 2'
);
-- the words of both text indexes (folded, without digits) and how many texts have each: what
-- spelling suggestions are made of, by the first or second letter and the length
CREATE VIRTUAL TABLE item_vocabulary USING fts5vocab (item_fts, row);
CREATE VIRTUAL TABLE entity_vocabulary USING fts5vocab (entity_fts, row);
CREATE TABLE words (
  word TEXT PRIMARY KEY, texts INTEGER NOT NULL, length INTEGER NOT NULL,
  first TEXT NOT NULL, second TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX words_first ON words (first, length);
CREATE INDEX words_second ON words (second, length);
"""

# recomputed from the mentions after every update
AGGREGATES = (
    "DELETE FROM entity_totals",
    "INSERT INTO entity_totals (entity, mentions, items, municipalities, lastmod)"
    " SELECT m.entity, COUNT(*), COUNT(DISTINCT m.item), COUNT(DISTINCT m.municipality),"
    " MAX(d.loaded) FROM mentions m LEFT JOIN documents d ON d.id = m.doc GROUP BY m.entity",
    "DELETE FROM provision_counts",
    "INSERT INTO provision_counts (entity, provision, count)"
    " SELECT entity, provision, COUNT(*) FROM provisions GROUP BY entity, provision",
    "DELETE FROM letters",
    "INSERT INTO letters (kind, letter, count) SELECT kind, letter, COUNT(*) FROM resources"
    " WHERE candidate = 0 GROUP BY kind, letter",
    "DELETE FROM concept_totals",
    "INSERT INTO concept_totals (concept, rows, items, municipalities, first_date, last_date)"
    " SELECT concept, COUNT(*), COUNT(DISTINCT item), COUNT(DISTINCT municipality), MIN(date),"
    " MAX(date) FROM concept_rows GROUP BY concept",
    "DELETE FROM words",
    "INSERT INTO words (word, texts, length, first, second)"
    " SELECT term, SUM(doc), length(term), substr(term, 1, 1), substr(term, 2, 1) FROM"
    " (SELECT term, doc FROM item_vocabulary UNION ALL SELECT term, doc FROM entity_vocabulary)"
    " WHERE term NOT GLOB '*[0-9]*' GROUP BY term",
    "DELETE FROM entity_years",
    "INSERT INTO entity_years (entity, municipality, year, count)"
    " SELECT entity, municipality, COALESCE(year, 0) AS y, COUNT(*) FROM mentions"
    " GROUP BY entity, municipality, y",
)


def create(connection: sqlite3.Connection) -> None:
    connection.executescript(TABLES)
    connection.execute(
        "INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
    )


def has_fts5() -> bool:
    """Whether this Python's SQLite has FTS5 (Debian's and the python.org builds do)."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE probe USING fts5 (x)")
    except sqlite3.OperationalError:
        return False
    finally:
        connection.close()
    return True
