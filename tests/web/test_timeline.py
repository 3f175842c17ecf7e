"""The SVG timeline (web/timeline.py): well-formed, accessible, one bar per non-zero count,
hostile names escaped, an empty state in Danish, and the same bytes for the same counts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from web.timeline import (
    MAX_SERIES,
    OTHERS_COLOUR,
    timeline_chart,
    timeline_svg,
    timeline_view,
)

SVG = "{http://www.w3.org/2000/svg}"
ROWS = [
    ("Lejre Kommune", [4, 0, 0]),
    ("Lemvig Kommune", [0, 0, 5]),
    ("Ringkøbing-Skjern Kommune", [0, 0, 1]),
]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def bars(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(SVG + "rect") if r.get("class") == "bar"]


def test_bars_are_the_non_zero_cells_and_the_title_names_the_entity() -> None:
    chart = timeline_chart([2020, 2021, 2022], ROWS)
    root = parse(timeline_svg(chart, "Lov om en aktiv beskæftigelsesindsats"))
    assert root.get("role") == "img"
    title = root.find(SVG + "title")
    assert title is not None
    assert title.text == "Omtaler af Lov om en aktiv beskæftigelsesindsats pr. år og kommune"
    assert root.get("aria-labelledby") == "tidslinje-titel tidslinje-beskrivelse"
    desc = root.find(SVG + "desc")
    assert desc is not None
    assert desc.text is not None
    assert (
        "2020–2022, fordelt på 3 kommuner. I alt 10 omtaler; flest i 2022 (6 omtaler)" in desc.text
    )
    found = bars(root)
    assert len(found) == 3
    tips = sorted(b.findtext(SVG + "title") or "" for b in found)
    assert tips == [
        "Lejre Kommune, 2020: 4 omtaler",
        "Lemvig Kommune, 2022: 5 omtaler",
        "Ringkøbing-Skjern Kommune, 2022: 1 omtale",
    ]
    # one colour per municipality, and a legend entry each
    assert len({b.get("fill") for b in found}) == 3
    legend = [t.text for t in root.iter(SVG + "text") if t.text and "Kommune" in t.text]
    assert legend == ["Lemvig Kommune (5)", "Lejre Kommune (4)", "Ringkøbing-Skjern Kommune (1)"]


def test_no_style_attribute_or_element_only_presentation_attributes() -> None:
    svg = timeline_svg(timeline_chart([2020, 2021, 2022], ROWS), "KLAPjob")
    root = parse(svg)
    assert all("style" not in element.attrib for element in root.iter())
    assert root.find(f".//{SVG}style") is None
    assert "<script" not in svg


def test_hostile_names_are_escaped() -> None:
    hostile = 'A & B <script>alert("x")</script> Kommune'
    chart = timeline_chart([2021], [(hostile, [2]), ("Lejre Kommune", [1])])
    svg = timeline_svg(chart, '<b>"Lov" & orden</b>\x00')
    root = parse(svg)  # still well-formed
    assert "<script>" not in svg
    assert "<b>" not in svg
    tips = [b.findtext(SVG + "title") for b in bars(root)]
    assert f"{hostile}, 2021: 2 omtaler" in tips
    title = root.find(SVG + "title")
    assert title is not None
    assert title.text == 'Omtaler af <b>"Lov" & orden</b> pr. år og kommune'


def test_empty_timeline_says_ingen_omtaler() -> None:
    for chart in (
        timeline_chart([], []),
        timeline_chart([2020, 2021], [("Lejre Kommune", [0, 0])]),
    ):
        root = parse(timeline_svg(chart, "KLAPjob"))
        assert bars(root) == []
        texts = [t.text for t in root.iter(SVG + "text")]
        assert texts == ["Ingen omtaler"]
        assert root.findtext(SVG + "desc") == "Ingen omtaler af KLAPjob at vise."
        assert timeline_view(chart, "KLAPjob")["empty"] is True


def test_gaps_between_years_are_filled_and_years_outside_the_data_dropped() -> None:
    chart = timeline_chart([2015, 2016, 2019, 2020], [("Lejre Kommune", [0, 2, 3, 0])])
    assert chart.years == (2016, 2017, 2018, 2019)
    assert chart.series[0].counts == (2, 0, 0, 3)


def test_many_municipalities_share_one_others_segment() -> None:
    rows = [(f"Kommune {i:02d}", [i, 1]) for i in range(1, 21)]
    chart = timeline_chart([2021, 2022], rows)
    assert len(chart.series) == MAX_SERIES
    others = chart.series[-1]
    assert (others.label, others.members, others.colour) == ("Øvrige kommuner", 13, OTHERS_COLOUR)
    assert others.counts == (sum(range(1, 14)), 13)
    assert chart.total == sum(range(1, 21)) + 20
    root = parse(timeline_svg(chart, "LAB"))
    assert len(bars(root)) == 2 * MAX_SERIES
    assert "fordelt på 20 kommuner" in (root.findtext(SVG + "desc") or "")


def test_view_has_the_same_numbers_as_a_table_in_danish() -> None:
    rows = [("Lejre Kommune", [1200, 34])]
    view = timeline_view(timeline_chart([2021, 2022], rows), "KLAPjob", ident="x")
    assert view["caption"] == "Omtaler af KLAPjob pr. år og kommune"
    assert view["years"] == [2021, 2022]
    assert view["rows"] == [
        {"label": "Lejre Kommune", "colour": "#0072B2", "counts": ["1.200", "34"], "total": "1.234"}
    ]
    assert view["totals"] == ["1.200", "34"]
    assert view["total"] == "1.234"
    assert 'id="x-titel"' in view["svg"]


def test_deterministic() -> None:
    chart = timeline_chart([2020, 2021, 2022], ROWS)
    assert timeline_svg(chart, "KLAPjob") == timeline_svg(
        timeline_chart([2020, 2021, 2022], list(reversed(ROWS))), "KLAPjob"
    )


names = st.text(min_size=0, max_size=30)
counts = st.lists(st.integers(min_value=0, max_value=10**6), min_size=0, max_size=15)


@settings(max_examples=150, deadline=None)
@given(
    years=st.lists(st.integers(min_value=1900, max_value=2100), max_size=15, unique=True),
    rows=st.lists(st.tuples(names, counts), max_size=14),
    subject=names,
)
def test_any_counts_give_well_formed_svg(
    years: list[int], rows: list[tuple[str, list[int]]], subject: str
) -> None:
    chart = timeline_chart(years, rows)
    root = parse(timeline_svg(chart, subject))
    non_zero = sum(1 for series in chart.series for count in series.counts if count)
    assert len(bars(root)) == non_zero
    assert root.find(SVG + "title") is not None
    for bar in bars(root):
        assert float(bar.get("height", "-1")) >= 0
        assert 0 <= float(bar.get("y", "-1")) <= 200
