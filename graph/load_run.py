"""The load run's own record: what happened to each file, and the run as a ``prov:Activity``
in its own graph (when, how many files were read, loaded, skipped and failed, what was read from
each, in Danish and English)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal as Lit

from pyoxigraph import Literal, NamedNode, Quad

from graph.labels import danish_date
from graph.terms import (
    PROV_ENDED,
    PROV_STARTED,
    PROV_USED,
    RDF_TYPE,
    RDFS_LABEL,
    RG,
    XSD_DATETIME,
    XSD_INTEGER,
    term,
)
from graph.uris import Minter

Status = Lit["loaded", "unchanged", "failed", "replaced"]


@dataclass(frozen=True, slots=True)
class FileResult:
    """What happened to one file."""

    path: Path
    status: Status
    reason: str = ""
    graph: str | None = None
    layout: str | None = None
    notes: tuple[str, ...] = ()
    summary: tuple[str, ...] = ()  # what was read (loaders.file_summary), for the report
    warnings: tuple[str, ...] = ()  # what is missing or doubtful
    warnings_da: tuple[str, ...] = ()  # the same in Danish, for the coverage page


@dataclass(slots=True)
class LoadReport:
    """The whole run, for the CLI's summary and the run's own graph."""

    run: str
    started: dt.datetime
    ended: dt.datetime | None = None
    results: list[FileResult] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)  # partial graphs removed on opening

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> bool:
        return any(r.status == "failed" for r in self.results)


def _file_read(run_iri: str, position: int, result: FileResult) -> list[Quad]:
    """What the run read from one loaded file: the summary the command line printed, and each
    warning in Danish and English."""
    run, node = NamedNode(run_iri), NamedNode(Minter.part(run_iri, "fil", position))
    assert result.graph is not None
    quads = [
        Quad(run, term(RG.fileRead), node, run),
        Quad(node, RDF_TYPE, term(RG.FileRead), run),
        Quad(node, RDFS_LABEL, Literal(f"Læst fra {result.path.name}", language="da"), run),
        Quad(node, term(RG.fileName), Literal(result.path.name), run),
        Quad(node, PROV_USED, NamedNode(result.graph), run),
    ]
    if result.summary:
        quads.append(Quad(node, term(RG.readSummary), Literal("\n".join(result.summary)), run))
    for english, danish in zip(result.warnings, result.warnings_da, strict=True):
        quads.append(Quad(node, term(RG.readWarning), Literal(danish, language="da"), run))
        quads.append(Quad(node, term(RG.readWarning), Literal(english, language="en"), run))
    return quads


def run_quads(report: LoadReport) -> list[Quad]:
    """The run as a ``prov:Activity``: when, and what happened to each file."""
    run = NamedNode(report.run)
    started = report.started
    label = f"Indlæsning {danish_date(started.date())} kl. {started:%H:%M:%S} UTC"
    quads = [
        Quad(run, RDF_TYPE, term(RG.LoadRun), run),
        Quad(run, RDFS_LABEL, Literal(label, language="da"), run),
        Quad(run, PROV_STARTED, Literal(started.isoformat(), datatype=XSD_DATETIME), run),
    ]
    if report.ended:
        ended = Literal(report.ended.isoformat(), datatype=XSD_DATETIME)
        quads.append(Quad(run, PROV_ENDED, ended, run))
    counts = {
        RG.filesRead: len(report.results),
        RG.filesLoaded: report.count("loaded"),
        RG.filesSkipped: report.count("unchanged") + report.count("replaced"),
        RG.filesFailed: report.count("failed"),
    }
    for prop, value in counts.items():
        quads.append(Quad(run, term(prop), Literal(str(value), datatype=XSD_INTEGER), run))
    for i, result in enumerate(report.results, start=1):
        if result.graph and result.status == "loaded":
            quads.append(Quad(run, PROV_USED, NamedNode(result.graph), run))
            quads += _file_read(report.run, i, result)
        if result.status in ("failed", "replaced"):
            node = NamedNode(Minter.part(report.run, "fejl", i))
            quads += [
                Quad(run, term(RG.failure), node, run),
                Quad(
                    node,
                    RDFS_LABEL,
                    Literal(f"{result.path.name}: {result.reason}", language="da"),
                    run,
                ),
                Quad(node, term(RG.fileName), Literal(result.path.name), run),
                Quad(node, term(RG.reason), Literal(result.reason), run),
            ]
    return quads


__all__ = ["FileResult", "LoadReport", "Status", "run_quads"]
