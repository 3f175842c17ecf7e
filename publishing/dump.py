"""``referatgraf dump --out DIR``: the whole dataset in one pass, with its catalog.

What lands in the dump folder (names are part of the contract; see the README):

| file | what |
|---|---|
| ``referatgraf.nq.gz`` | every quad, named graphs kept (N-Quads, gzip) |
| ``referatgraf.ttl.gz`` | the union of all graphs, each triple once (Turtle, gzip) |
| ``referatgraf.jsonld.gz`` | every quad, named graphs kept (JSON-LD, gzip) |
| ``kommuner/<slug>.nq.gz`` | one municipality (:mod:`publishing.subsets`) |
| ``referatgraf-ontologi.ttl``, ``referatgraf-shapes.ttl`` | the ontology and its SHACL shapes |
| ``void.ttl`` | the VoID description |
| ``README.md`` | what the files are, and the licence |
| ``catalog.ttl``, ``catalog.jsonld`` | the DCAT-AP catalog: every file above with size and sha256 |
| ``SHA256SUMS`` | every file's sha256, for ``sha256sum -c`` |

The same store gives byte-identical files: quads in a canonical order
(:mod:`publishing.passes`), deterministic gzip, dates from the store's load runs. Memory
stays flat: graphs stream through a bounded sort. The files are written into a staging folder
first and moved into place one by one when all are complete, so a server reading the folder
never sees half a file; files of an earlier dump that this one no longer has are removed.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from graph.store import MinutesStore
from graph.uris import DEFAULT_BASE, Minter, SharedGraph
from ontology import ONTOLOGY_PATH, SHAPES_PATH
from publishing.catalog import (
    JSONLD,
    MARKDOWN,
    NQUADS,
    TURTLE,
    CatalogInput,
    Distribution,
    catalog_documents,
)
from publishing.facts import document_municipalities, load_times, municipality_coverage
from publishing.gzipped import LEVEL, GzipOutput, WrittenFile, write_plain
from publishing.jsonld import JsonLdSink
from publishing.passes import NQuadsSink, each_graph
from publishing.publication import PublishSettings
from publishing.readme import readme
from publishing.sorting import BUDGET
from publishing.subsets import SubsetSink
from publishing.turtle import UnionSink
from publishing.void import void_description

DATASET_NQ = "referatgraf.nq.gz"
DATASET_TTL = "referatgraf.ttl.gz"
DATASET_JSONLD = "referatgraf.jsonld.gz"
ONTOLOGY_FILE = "referatgraf-ontologi.ttl"
SHAPES_FILE = "referatgraf-shapes.ttl"
VOID_FILE = "void.ttl"
README_FILE = "README.md"
CATALOG_TTL = "catalog.ttl"
CATALOG_JSONLD = "catalog.jsonld"
SUMS_FILE = "SHA256SUMS"
STAGING = ".staging"
MEDIA_TYPES = {
    ".gz": "application/gzip",  # what it is; not Content-Encoding (see web/publish_routes.py)
    ".ttl": "text/turtle; charset=utf-8",
    ".jsonld": "application/ld+json",
    ".md": "text/markdown; charset=utf-8",
}


@dataclass(frozen=True, slots=True)
class DumpReport:
    """What a dump wrote: every file with size and sha256, and the counts."""

    folder: Path
    files: tuple[WrittenFile, ...]
    quads: int
    triples: int
    seconds: float
    warnings: tuple[str, ...]


def dump(
    store: MinutesStore,
    out: Path,
    *,
    base: str = DEFAULT_BASE,
    settings: PublishSettings | None = None,
    level: int = LEVEL,
    budget: int = BUDGET,
) -> DumpReport:
    """Write the dump of ``store`` into the folder ``out`` (created if missing). ``base`` is
    the base of the store's IRIs (``Settings.base``)."""
    started = time.perf_counter()
    settings = settings or PublishSettings()
    staging = _fresh(out / STAGING)
    runs = _fresh(staging / ".runs")
    documents = document_municipalities(store)
    with_documents = set(documents.values())
    coverage = [c for c in municipality_coverage(store) if c.iri in with_documents]
    times = load_times(store)

    full = GzipOutput(staging, DATASET_NQ, level=level)
    as_jsonld = GzipOutput(staging, DATASET_JSONLD, level=level)
    jsonld_sink = JsonLdSink(as_jsonld)
    union = UnionSink(runs, budget)
    subsets = SubsetSink(
        staging,
        documents,
        {c.iri: c.slug for c in coverage},
        Minter(base).graph(SharedGraph.REFERENCE),
        level,
    )
    quads = each_graph(store, [NQuadsSink(full), jsonld_sink, subsets, union], runs, budget)
    jsonld_sink.close()
    as_turtle = GzipOutput(staging, DATASET_TTL, level=level)
    figures = union.write_turtle(as_turtle)
    written = {"nq": full.close(), "ttl": as_turtle.close(), "jsonld": as_jsonld.close()}
    subset_files = subsets.close()
    shutil.rmtree(runs)

    ontology = write_plain(staging, ONTOLOGY_FILE, ONTOLOGY_PATH.read_bytes())
    shapes = write_plain(staging, SHAPES_FILE, SHAPES_PATH.read_bytes())
    by_slug = {c.slug: (subset_files[c.iri].name, subsets.quads[subset_files[c.iri].name])
               for c in coverage}  # fmt: skip
    dumps = [DATASET_NQ, DATASET_TTL, DATASET_JSONLD]
    void = write_plain(
        staging,
        VOID_FILE,
        void_description(
            figures, settings=settings, iri_base=base, dumps=dumps, subsets=by_slug, times=times
        ),
    )
    notes = write_plain(staging, README_FILE, readme(settings, quads, figures.triples, coverage))
    given = CatalogInput(settings, times, coverage, triples=figures.triples)
    given.dataset = [
        Distribution(written["nq"], NQUADS, "Hele datasættet som N-Quads (gzip)", True),
        Distribution(written["ttl"], TURTLE, "Foreningen af alle grafer som Turtle (gzip)", True),
        Distribution(written["jsonld"], JSONLD, "Hele datasættet som JSON-LD (gzip)", True),
        Distribution(void, TURTLE, "VoID-beskrivelse af datasættet (Turtle)"),
        Distribution(notes, MARKDOWN, "Læsevejledning: filerne og licensen (Markdown)"),
    ]
    given.subsets = {
        c.iri: Distribution(subset_files[c.iri], NQUADS, f"{c.label} som N-Quads (gzip)", True)
        for c in coverage
    }
    given.ontology = [
        Distribution(ontology, TURTLE, "Ontologien (OWL, Turtle)"),
        Distribution(shapes, TURTLE, "SHACL-formerne (Turtle)"),
    ]
    catalog_ttl, catalog_jsonld = catalog_documents(given)
    files = [*written.values(), *subset_files.values(), ontology, shapes, void, notes]
    files += [
        write_plain(staging, CATALOG_TTL, catalog_ttl),
        write_plain(staging, CATALOG_JSONLD, catalog_jsonld),
    ]
    files.sort(key=lambda f: f.name)
    sums = "".join(f"{f.sha256}  {f.name}\n" for f in files).encode()
    files.append(write_plain(staging, SUMS_FILE, sums))
    _publish(staging, out, [f.name for f in files])
    return DumpReport(
        folder=out,
        files=tuple(files),
        quads=quads,
        triples=figures.triples,
        seconds=time.perf_counter() - started,
        warnings=tuple(settings.warnings()),
    )


def report_lines(report: DumpReport) -> list[str]:
    """What ``referatgraf dump`` prints: one line per file, a summary, then the warnings."""
    lines = [
        f"wrote      {f.name}  ({f.size:,} bytes, sha256 {f.sha256[:12]}...)" for f in report.files
    ]
    lines.append(
        f"{len(report.files)} files, {report.quads:,} quads ({report.triples:,} distinct triples) "
        f"in {report.seconds:.1f} s into {report.folder}"
    )
    lines += [f"warning: {w}" for w in report.warnings]
    return lines


def dump_nquads(
    store: MinutesStore, out: Path, *, level: int = LEVEL, budget: int = BUDGET
) -> tuple[WrittenFile, int]:
    """Only ``referatgraf.nq.gz``, in the same canonical order as :func:`dump` (the
    benchmark times this against Oxigraph's own dump). Returns the file and the quads."""
    out.mkdir(parents=True, exist_ok=True)
    runs = _fresh(out / ".runs")
    output = GzipOutput(out, DATASET_NQ, level=level)
    quads = each_graph(store, [NQuadsSink(output)], runs, budget)
    shutil.rmtree(runs)
    return output.close(), quads


def media_type(name: str) -> str:
    """The ``Content-Type`` of a dump file (``SHA256SUMS`` is plain text)."""
    return MEDIA_TYPES.get(Path(name).suffix, "text/plain; charset=utf-8")


def listed_files(out: Path) -> dict[str, str]:
    """The files of the dump in ``out`` and their sha256, from its ``SHA256SUMS`` (which
    lists every file but itself)."""
    sums = out / SUMS_FILE
    if not sums.is_file():
        return {}
    found = {}
    for line in sums.read_text(encoding="utf-8").splitlines():
        sha, _, name = line.partition("  ")
        if name:
            found[name] = sha
    return found


def previous_files(out: Path) -> list[str]:
    """The files the dump in ``out`` consists of, ``SHA256SUMS`` included."""
    names = list(listed_files(out))
    return [*names, SUMS_FILE] if names else []


def _fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def _publish(staging: Path, out: Path, names: list[str]) -> None:
    """Move the new files into place (``SHA256SUMS`` last) and remove the old ones."""
    stale = set(previous_files(out)) - set(names)
    for name in names:
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        (staging / name).replace(target)
    for name in sorted(stale):
        path = (out / name).resolve()
        if path.is_relative_to(out.resolve()):
            path.unlink(missing_ok=True)
    shutil.rmtree(staging)
