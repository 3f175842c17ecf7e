"""Property tests: whatever bytes come in, read_minutes returns a document whose spans all lie
within its text, or raises LoaderError; nothing else escapes."""

from __future__ import annotations

import os
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.model import LoaderError, MinutesDocument
from loaders.parse import parse_minutes
from loaders.read import read_minutes

from .span_checks import span_problems

SEEDS = sorted((Path(__file__).parent.parent / "fixtures" / "seeds").glob("*.txt"))
SAMPLE_LINES = [path.read_bytes().split(b"\n") for path in SEEDS]

# Reading a sample takes tens of milliseconds; keep the runs bounded and free of deadlines.
# REFERATGRAF_PROPERTY_EXAMPLES=1000 makes a longer hunt.
MAX_EXAMPLES = int(os.environ.get("REFERATGRAF_PROPERTY_EXAMPLES", "40"))
PROPERTY = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _read_or_refuse(data: bytes) -> MinutesDocument | None:
    try:
        doc = read_minutes(data, "mutated.txt")
    except LoaderError as error:
        message = str(error)
    else:
        assert span_problems(doc) == []
        return doc
    assert message, "a LoaderError must say why"
    return None


@PROPERTY
@given(st.text(max_size=2000))
def test_random_text(text: str) -> None:
    _read_or_refuse(text.encode("utf-8", "surrogatepass"))


@PROPERTY
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    _read_or_refuse(data)


_WORDS = st.sampled_from(
    [
        "Punkt 1:",
        "2.",
        "3:",
        "Beslutning",
        "Bilag",
        "BilagBeslutning",
        "Sagsfremstilling",
        "Fraværende",
        "Afbud:",
        "deltog ikke",
        "Indholdsfortegnelse",
        "REFERAT",
        "Mødedato",
        "d. 30-02-2022",
        "den 8. januar 2020",
        "kl. 15:00",
        "Lejre Kommune",
        "Side 2",
        ".....\t3",
        "\t",
        "Lukket:",
        "JA -",
        "00.22.04.G01",
        "Sagsnr:",
        "Beslutning Udvalget for X den 08-01-2020",
        "Sagens forløb",
        "02-05-2022 Udvalget for Y",
        "Ole Hansen (O)",
        "•",
        "|",
        "#",
        "**",
        "<b>",
        "\n",
        "\n\n",
    ]
)


@PROPERTY
@given(st.lists(_WORDS, max_size=300))
def test_minutes_vocabulary_in_random_order(words: list[str]) -> None:
    text = " ".join(words)
    try:
        meeting, _, _ = parse_minutes(text)
    except LoaderError:
        return
    assert all(item.span.end <= len(text) for item in meeting.items)


@st.composite
def mutated_sample(draw: st.DrawFn) -> bytes:
    """A sample with lines dropped, duplicated, shuffled, random bytes inserted, cut short."""
    lines = list(draw(st.sampled_from(SAMPLE_LINES)))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    for operation in draw(
        st.lists(st.sampled_from(["drop", "dup", "shuffle", "bytes"]), max_size=6)
    ):
        if not lines:
            break
        at = rng.randrange(len(lines))
        if operation == "drop":
            del lines[at : at + rng.randint(1, 20)]
        elif operation == "dup":
            lines[at:at] = lines[at : at + rng.randint(1, 20)]
        elif operation == "shuffle":
            part = lines[at : at + rng.randint(2, 40)]
            rng.shuffle(part)
            lines[at : at + len(part)] = part
        else:
            noise = draw(st.binary(min_size=1, max_size=20))
            line = lines[at]
            cut = rng.randint(0, len(line))
            lines[at] = line[:cut] + noise + line[cut:]
    data = b"\n".join(lines)
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


@PROPERTY
@given(mutated_sample())
def test_mutated_samples(data: bytes) -> None:
    _read_or_refuse(data)


def test_unmutated_samples_read() -> None:
    for path in SEEDS:
        assert _read_or_refuse(path.read_bytes()) is not None
