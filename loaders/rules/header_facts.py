"""What the header rules share: the facts they gather (:class:`HeaderFacts`), the shape of a
header rule, and the words of a place. The rules themselves are in :mod:`loaders.rules.header`
and, for dates and times, :mod:`loaders.rules.header_dates`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from loaders.model import Span
from loaders.rules.meeting_date import DateCandidate
from loaders.rules.parse_state import ParseState

# Words of a place: rooms, town halls, streets with numbers, postcodes.
PLACE = re.compile(
    r"\b(?:møde)?(?:lokale|salen|sal|værelse|rådhus|rådhuset|kontor|centret|centeret|center)\b"
    r"|\w+(?:lokale|salen|rådhus|rådhuset|centret|centeret|center)\b"
    r"|\w+(?:vej|gade|allé|alle|plads|torv|stræde|vænge)\s+\d+"
    r"|\b\d{4}\s+[A-ZÆØÅ]",
    re.IGNORECASE,
)


@dataclass(slots=True)
class HeaderFacts:
    """What the header rules gathered, before it is checked and written to the meeting."""

    dates: list[DateCandidate] = field(default_factory=list)
    committee: tuple[str, int] | None = None
    committee_rank: int = 9  # lower is more explicit: label 0, title 1, own line 2
    committee_source: str = "header"
    place: tuple[str, int] | None = None
    place_rank: int = 9
    start: tuple[dt.time, Span] | None = None
    end: tuple[dt.time, Span] | None = None
    consumed: set[int] = field(default_factory=set)
    stop: int = 0  # the header's end: its first item heading or section label


HeaderRule = Callable[[ParseState, HeaderFacts, int, str], bool]
