"""Marking mentions: segments always give the text back, marks never nest or overlap, the
longest mention wins, and nothing is cut inside a kept mention."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import assume, given
from hypothesis import strategies as st

from web.pages.highlight import Segment, Span, kept_spans, marked_text, paragraphs, segments

TEXT = "Projekt KLAPjob og KLAPjob-forløb efter beskæftigelsesloven"


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = draw(st.text(alphabet="abæøå <>&\"'\n", max_size=60))
    bound = len(text) + 3  # some spans reach past the end: they must be ignored
    pairs = draw(st.lists(st.tuples(st.integers(-2, bound), st.integers(-2, bound)), max_size=8))
    return text, [Span(b, e, f"/e/{i}", f"e{i}") for i, (b, e) in enumerate(pairs)]


def trimmed(text: str, span: Span) -> Span:
    """The span without white space at its edges (how kept_spans sees it)."""
    begin, end = span.begin, span.end
    if not 0 <= begin < end <= len(text):
        return span
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    return Span(begin, end, span.href, span.title, span.anchor)


@given(text_and_spans())
def test_segments_join_to_the_text(case: tuple[str, list[Span]]) -> None:
    text, spans = case
    assert "".join(s.text for s in segments(text, spans)) == text


@given(text_and_spans())
def test_marks_are_whole_mentions_and_never_overlap(case: tuple[str, list[Span]]) -> None:
    text, spans = case
    kept = kept_spans(text, spans)
    for one, other in pairwise(kept):
        assert one.end <= other.begin
    marked = [s for s in segments(text, spans) if s.marked]
    assert [(s.text, s.href) for s in marked] == [(text[k.begin : k.end], k.href) for k in kept]
    for k in kept:  # marks are trimmed: they never start or end with white space
        assert not text[k.begin].isspace()
        assert not text[k.end - 1].isspace()
    # every span dropped (trimmed first) overlaps a kept one at least as long
    for span in (trimmed(text, s) for s in spans):
        if 0 <= span.begin < span.end <= len(text) and span not in kept:
            assert any(
                k.begin < span.end
                and span.begin < k.end
                and k.end - k.begin >= span.end - span.begin
                for k in kept
            )


@given(text_and_spans())
def test_paragraphs_keep_every_character_but_blank_lines(case: tuple[str, list[Span]]) -> None:
    text, spans = case
    assume(not any("\n\n" in text[k.begin : k.end] for k in kept_spans(text, spans)))
    found = paragraphs(segments(text, spans))
    assert all(p for p in found)
    shown = "\n\n".join("".join(s.text for s in p) for p in found)
    assert shown == "\n\n".join(p for p in re.split(r"\n{2,}", text) if p)
    assert [s for p in found for s in p if s.marked] == [
        s for s in segments(text, spans) if s.marked
    ]


def test_the_longest_of_overlapping_mentions_wins() -> None:
    inner = Span(8, 15, "/program/klapjob", "KLAPjob")
    outer = Span(0, 15, "/program/projekt-klapjob", "Projekt KLAPjob")
    assert segments(TEXT, [inner, outer])[0] == Segment(
        "Projekt KLAPjob", "/program/projekt-klapjob", "Projekt KLAPjob", marked=True
    )
    assert [s.text for s in segments(TEXT, [inner, outer])] == [
        "Projekt KLAPjob",
        " og KLAPjob-forløb efter beskæftigelsesloven",
    ]


def test_neighbouring_mentions_are_both_marked() -> None:
    found = segments("KLAPjobSTAR", [Span(0, 7, "/a"), Span(7, 11, "/b")])
    assert [(s.text, s.href, s.marked) for s in found] == [
        ("KLAPjob", "/a", True),
        ("STAR", "/b", True),
    ]


def test_empty_and_outside_spans_are_ignored() -> None:
    assert segments("abc", [Span(1, 1), Span(2, 9), Span(-1, 2)]) == [Segment("abc")]
    assert segments("", [Span(0, 1)]) == []


def test_paragraphs_split_at_blank_lines_but_never_inside_a_mention() -> None:
    text = "Første afsnit om KLAPjob.\n\nAndet afsnit\nmed linjeskift."
    found = paragraphs(segments(text, [Span(17, 24, "/program/klapjob")]))
    assert [[s.text for s in p] for p in found] == [
        ["Første afsnit om ", "KLAPjob", "."],
        ["Andet afsnit\nmed linjeskift."],
    ]


def test_marked_text_is_plain_data_for_the_template() -> None:
    assert marked_text("<b>KL</b>", [Span(3, 5, "/organisation/kl", "KL")]) == [
        [
            {"text": "<b>", "href": None, "title": None, "marked": False},
            {"text": "KL", "href": "/organisation/kl", "title": "KL", "marked": True},
            {"text": "</b>", "href": None, "title": None, "marked": False},
        ]
    ]
