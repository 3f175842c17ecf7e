"""The reference data as typed records: laws, programmes, organisations and KLE concepts.

Plain frozen dataclasses, no RDF: ``graph/`` maps them (``rg:Law`` with ``rg:eli``,
``rg:Programme``, ``rg:Organisation``, KLE as a SKOS concept scheme).

>>> law = Law(key="lab-2019", work="aktiv-beskaeftigelsesindsats",
...     title="Lov om en aktiv beskæftigelsesindsats", short_names=(), aliases=(), kind="LOV",
...     source="retsinformation.dk", in_force_from=dt.date(2020, 1, 1))
>>> law.in_force_on(dt.date(2019, 12, 31)), law.in_force_on(dt.date(2020, 1, 1))
(False, True)
>>> KleConcept(notation="15.20.00", source="KL").broader
'15.20'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

CasePolicy = Literal["exact", "initial", "insensitive"]
"""How an alias must be written to match: ``exact`` as listed; ``initial`` as listed except the
first letter, which may be upper or lower case; ``insensitive`` in any case."""

EntityType = Literal["law", "programme", "organisation", "person"]

KLE_BASE = "http://www.kle-online.dk/emneplan"


@dataclass(frozen=True, slots=True)
class Alias:
    """One way of writing an entity's name, and how strictly its case must match."""

    text: str
    case: CasePolicy


@dataclass(frozen=True, slots=True)
class Law:
    """One Danish act as enacted. Acts that share a title share a ``work``; which of them a
    mention means depends on the date (the act in force on the meeting date)."""

    key: str
    work: str
    title: str  # the official title
    short_names: tuple[str, ...]
    aliases: tuple[Alias, ...]  # every form matched: title, short names, aliases, variants
    kind: str  # "LOV"
    source: str
    number: int | None = None  # Lovtidende A number
    enacted: dt.date | None = None
    eli: str | None = None  # https://www.retsinformation.dk/eli/lta/{year}/{number}
    in_force_from: dt.date | None = None  # None: not confirmed (treated as open)
    in_force_to: dt.date | None = None  # last day in force; None: still in force

    @property
    def name(self) -> str:
        """The label: the official title."""
        return self.title

    @property
    def enactment(self) -> str | None:
        """The enactment as retsinformation.dk prints it: ``LOV nr 548 af 07/05/2019``."""
        if self.number is None or self.enacted is None:
            return None
        return f"{self.kind} nr {self.number} af {self.enacted:%d/%m/%Y}"

    def in_force_on(self, day: dt.date) -> bool:
        """Whether the act was in force on ``day`` (an unconfirmed start counts as open)."""
        if self.in_force_from is not None and day < self.in_force_from:
            return False
        return self.in_force_to is None or day <= self.in_force_to


@dataclass(frozen=True, slots=True)
class Programme:
    """A named initiative: project, scheme, trial, partnership, course, agreement, campaign."""

    key: str
    name: str
    kind: str
    aliases: tuple[Alias, ...]
    source: str
    owner: str | None = None  # key of an Organisation


@dataclass(frozen=True, slots=True)
class Organisation:
    """An organisation; municipalities (``kind == "municipality"``, with ``kommunekode``) and
    their jobcentres (``kind == "jobcentre"``) are derived from the list of 98."""

    key: str
    name: str
    kind: str
    aliases: tuple[Alias, ...]
    source: str
    part_of: str | None = None  # key of an Organisation
    kommunekode: str | None = None  # municipalities only


@dataclass(frozen=True, slots=True)
class KleConcept:
    """A concept of KL's journal plan: main group ``NN``, group ``NN.NN`` or emne ``NN.NN.NN``."""

    notation: str
    source: str
    title: str | None = None  # Danish, as KL publishes it; None where not confirmed
    note: str | None = None  # a remark in Danish where the title is not confirmed

    @property
    def level(self) -> Literal["hovedgruppe", "gruppe", "emne"]:
        """The concept's level in the plan."""
        depth = self.notation.count(".")
        return "hovedgruppe" if depth == 0 else "gruppe" if depth == 1 else "emne"

    @property
    def broader(self) -> str | None:
        """The notation of the broader concept: ``15.20.00`` -> ``15.20`` -> ``15`` -> None."""
        head, dot, _ = self.notation.rpartition(".")
        return head if dot else None

    @property
    def url(self) -> str:
        """The concept's page on KLE-online.

        >>> KleConcept(notation="15.20.00", source="KL").url
        'http://www.kle-online.dk/emneplan/15/#_15.20.00'
        """
        return f"{KLE_BASE}/{self.notation[:2]}/#_{self.notation}"


Entity = Law | Programme | Organisation
