"""Mentions per year by municipality as an SVG of stacked bars, drawn on the server.

A pure function of the counts: the same counts give the same bytes. The SVG works without
JavaScript and without CSS (the Content-Security-Policy allows no inline style, so colours and
fonts are presentation attributes), and it is accessible: ``role="img"`` with a Danish
``<title>`` and ``<desc>``, one ``<title>`` per bar (shown as a tooltip), and the same numbers as
a table (:func:`timeline_view`) for those who would rather read them.

>>> chart = timeline_chart([2020, 2022], [("Lejre Kommune", [2, 1]), ("Lemvig Kommune", [0, 3])])
>>> chart.years, [s.counts for s in chart.series]
((2020, 2021, 2022), [(2, 0, 1), (0, 0, 3)])
>>> svg = timeline_svg(chart, "KLAPjob")
>>> svg.count('class="bar"')
3
>>> "<title" in svg and "Omtaler af KLAPjob pr. år" in svg
True
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from graph.labels import danish_number

PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#332288",
    "#999933",
)
"""One colour per municipality (Okabe and Ito's colour-blind-safe set, then two of Tol's)."""

OTHERS_COLOUR = "#8C8C8C"
MAX_SERIES = len(PALETTE)
"""More municipalities than this: the largest keep a colour each, the rest share one bar
segment, "Øvrige kommuner"."""

MAX_YEARS = 60
"""A longer span keeps its last years (the counts of a year outside the data are zero)."""

WIDTH = 640
PLOT_TOP = 16
PLOT_HEIGHT = 180
PLOT_LEFT = 48
PLOT_RIGHT = 12
AXIS_BELOW = 28
LEGEND_COLUMNS = 3
LEGEND_ROW = 20
FONT = {"font-family": "sans-serif", "font-size": "12", "fill": "#222222"}

# Characters XML 1.0 does not allow, even escaped; labels come from minutes and must not
# break the document.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class Series:
    """One municipality's counts (or the shared "Øvrige kommuner"), one per year of the chart."""

    label: str
    counts: tuple[int, ...]
    colour: str
    members: int = 1  # municipalities behind it (more than one for "Øvrige kommuner")

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class Chart:
    years: tuple[int, ...]
    series: tuple[Series, ...]

    @property
    def totals(self) -> tuple[int, ...]:
        """The sum of each year over every series."""
        return tuple(sum(s.counts[i] for s in self.series) for i in range(len(self.years)))

    @property
    def total(self) -> int:
        return sum(self.totals)


def timeline_chart(
    years: Sequence[int],
    rows: Sequence[tuple[str, Sequence[int]]],
    max_series: int = MAX_SERIES,
) -> Chart:
    """The chart of ``rows`` (label, counts per year of ``years``): the years from the first to
    the last with a count (gaps filled with zeros), the series largest first, each with a colour.

    >>> many = [(f"K{i}", [i]) for i in range(1, 12)]
    >>> [(s.label, s.total, s.members) for s in timeline_chart([2020], many, 3).series]
    [('K11', 11, 1), ('K10', 10, 1), ('Øvrige kommuner', 45, 9)]
    >>> timeline_chart([], []).years
    ()
    """
    by_year: dict[str, dict[int, int]] = {}
    for label, counts in rows:
        own = by_year.setdefault(label, {})
        for year, count in zip(years, counts, strict=False):
            if count > 0:
                own[year] = own.get(year, 0) + count
    used = [year for own in by_year.values() for year in own]
    if not used:
        return Chart((), ())
    span = tuple(range(max(min(used), max(used) - MAX_YEARS + 1), max(used) + 1))
    ranked = sorted(
        ((label, tuple(own.get(y, 0) for y in span)) for label, own in by_year.items()),
        key=lambda row: (-sum(row[1]), row[0]),
    )
    ranked = [row for row in ranked if sum(row[1]) > 0]
    keep = ranked if len(ranked) <= max_series else ranked[: max(max_series - 1, 0)]
    series = [
        Series(label, counts, PALETTE[i % len(PALETTE)]) for i, (label, counts) in enumerate(keep)
    ]
    rest = ranked[len(keep) :]
    if rest:
        summed = tuple(sum(c[i] for _, c in rest) for i in range(len(span)))
        series.append(Series("Øvrige kommuner", summed, OTHERS_COLOUR, len(rest)))
    return Chart(span, tuple(series))


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value), quote=True)


def _attrs(values: dict[str, Any]) -> str:
    return " ".join(f'{name}="{_text(str(value))}"' for name, value in values.items())


def _element(name: str, attrs: dict[str, Any], body: str = "") -> str:
    """An element; ``body`` is markup already (escape text with :func:`_text`)."""
    start = f"{name} {_attrs(attrs)}" if attrs else name
    return f"<{start}>{body}</{name}>" if body else f"<{start}/>"


def _omtaler(count: int) -> str:
    return f"{danish_number(count)} omtale" if count == 1 else f"{danish_number(count)} omtaler"


def _nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50 ... at least ``value``: the top of the y axis.

    >>> [_nice_ceiling(v) for v in (1, 3, 7, 11, 40, 501)]
    [1, 5, 10, 20, 50, 1000]
    """
    if value <= 1:
        return 1
    power = int(10 ** math.floor(math.log10(value)))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


def describe(chart: Chart, subject: str) -> str:
    """The chart in one Danish paragraph (the SVG's ``<desc>``)."""
    if not chart.total:
        return f"Ingen omtaler af {subject} at vise."
    first, last = chart.years[0], chart.years[-1]
    span = str(first) if first == last else f"{first}–{last}"
    municipalities = sum(s.members for s in chart.series)
    where = "én kommune" if municipalities == 1 else f"{danish_number(municipalities)} kommuner"
    peak = max(range(len(chart.years)), key=lambda i: (chart.totals[i], -i))
    return (
        f"Stablede søjler: omtaler af {subject} pr. år {span}, fordelt på {where}. "
        f"I alt {_omtaler(chart.total)}; flest i {chart.years[peak]} "
        f"({_omtaler(chart.totals[peak])}). Tabellen ved siden af har tallene."
    )


def timeline_svg(
    chart: Chart,
    subject: str,
    ident: str = "tidslinje",
    *,
    title: str | None = None,
    description: str | None = None,
) -> str:
    """The SVG of ``chart``; ``subject`` names what is mentioned (in the title), ``ident`` makes
    the ids of its title and description unique in the page. ``title`` and ``description``
    replace the ones written for a chart by municipality (the home page's series are entities)."""
    title = title or f"Omtaler af {subject} pr. år og kommune"
    legend_rows = math.ceil(len(chart.series) / LEGEND_COLUMNS)
    height = PLOT_TOP + PLOT_HEIGHT + AXIS_BELOW + legend_rows * LEGEND_ROW + 8
    root = {"xmlns": "http://www.w3.org/2000/svg", "class": "timeline", "role": "img"}
    root |= {"viewBox": f"0 0 {WIDTH} {height}"}
    root |= {"aria-labelledby": f"{ident}-titel {ident}-beskrivelse"}
    parts = [
        f"<svg {_attrs(root)}>",
        _element("title", {"id": f"{ident}-titel"}, _text(title)),
        _element(
            "desc", {"id": f"{ident}-beskrivelse"}, _text(description or describe(chart, subject))
        ),
    ]
    if not chart.total:
        middle = {"x": WIDTH // 2, "y": PLOT_TOP + PLOT_HEIGHT // 2, "text-anchor": "middle"}
        parts.append(_element("text", {**middle, **FONT, "font-size": "16"}, "Ingen omtaler"))
        parts.append("</svg>")
        return "".join(parts)
    parts += _axes(chart)
    parts += _bars(chart)
    parts += _legend(chart, PLOT_TOP + PLOT_HEIGHT + AXIS_BELOW + 4)
    parts.append("</svg>")
    return "".join(parts)


def _scale(chart: Chart) -> tuple[int, float]:
    top = _nice_ceiling(max(chart.totals))
    return top, PLOT_HEIGHT / top


def _slot(chart: Chart) -> float:
    return (WIDTH - PLOT_LEFT - PLOT_RIGHT) / len(chart.years)


def _axes(chart: Chart) -> list[str]:
    top, unit = _scale(chart)
    base = PLOT_TOP + PLOT_HEIGHT
    parts: list[str] = []
    for value in sorted({0, top // 2, top} if top > 1 else {0, 1}):
        y = base - value * unit
        line = {"x1": PLOT_LEFT, "x2": WIDTH - PLOT_RIGHT, "y1": f"{y:.1f}", "y2": f"{y:.1f}"}
        parts.append(_element("line", {**line, "stroke": "#D0D0D0", "stroke-width": "1"}))
        label = {"x": PLOT_LEFT - 6, "y": f"{y + 4:.1f}", "text-anchor": "end", **FONT}
        parts.append(_element("text", label, danish_number(value)))
    slot = _slot(chart)
    every = max(1, math.ceil(len(chart.years) * 34 / (WIDTH - PLOT_LEFT - PLOT_RIGHT)))
    for i, year in enumerate(chart.years):
        if i % every and i != len(chart.years) - 1:
            continue
        x = PLOT_LEFT + slot * (i + 0.5)
        label = {"x": f"{x:.1f}", "y": base + 18, "text-anchor": "middle", **FONT}
        parts.append(_element("text", label, str(year)))
    return parts


def _bars(chart: Chart) -> list[str]:
    _, unit = _scale(chart)
    slot = _slot(chart)
    width = max(slot * 0.7, 1.0)
    parts: list[str] = []
    for i, year in enumerate(chart.years):
        x = PLOT_LEFT + slot * i + (slot - width) / 2
        y = float(PLOT_TOP + PLOT_HEIGHT)
        for series in chart.series:
            count = series.counts[i]
            if not count:
                continue
            y -= count * unit
            box = {"x": f"{x:.1f}", "y": f"{y:.1f}", "width": f"{width:.1f}"}
            box |= {"height": f"{count * unit:.1f}", "fill": series.colour}
            tip = f"{series.label}, {year}: {_omtaler(count)}"
            parts.append(
                _element("rect", {"class": "bar", **box}, _element("title", {}, _text(tip)))
            )
    return parts


def _legend(chart: Chart, top: int) -> list[str]:
    column = (WIDTH - PLOT_LEFT) / LEGEND_COLUMNS
    parts: list[str] = []
    for i, series in enumerate(chart.series):
        x = PLOT_LEFT + column * (i % LEGEND_COLUMNS)
        y = top + LEGEND_ROW * (i // LEGEND_COLUMNS)
        swatch = {"x": f"{x:.1f}", "y": y, "width": 12, "height": 12, "fill": series.colour}
        parts.append(_element("rect", {"class": "swatch", **swatch}))
        label = _shorten(series.label, 26)
        text = {"x": f"{x + 18:.1f}", "y": y + 11, **FONT}
        parts.append(_element("text", text, _text(f"{label} ({danish_number(series.total)})")))
    return parts


def _shorten(label: str, at: int) -> str:
    return label if len(label) <= at else label[: at - 1] + "…"


def timeline_view(chart: Chart, subject: str, ident: str = "tidslinje") -> dict[str, Any]:
    """What the template ``partials/timeline.html`` shows: the SVG and the same numbers as a
    table, written the Danish way (plain values, so the page's dict stays plain)."""
    return {
        "svg": timeline_svg(chart, subject, ident),
        "empty": not chart.total,
        "caption": f"Omtaler af {subject} pr. år og kommune",
        "years": list(chart.years),
        "rows": [
            {
                "label": s.label,
                "colour": s.colour,
                "counts": [danish_number(c) for c in s.counts],
                "total": danish_number(s.total),
            }
            for s in chart.series
        ],
        "totals": [danish_number(c) for c in chart.totals],
        "total": danish_number(chart.total),
    }
