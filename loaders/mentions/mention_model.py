"""What the recogniser returns: one :class:`Mention` per occurrence of an entity in a text.

Offsets are 0-based, end exclusive, in Unicode code points of the text searched, so
``text[m.begin:m.end] == m.anchor_text`` always holds (the contract's substring invariant).
"""

from __future__ import annotations

from dataclasses import dataclass

from loaders.reference.entry_model import EntityType


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a law, programme, organisation or person in a text.

    ``entity_key`` is the key of a reference entry (``lab-2019``, ``star``, ``kommune-665``),
    a person's key (:func:`loaders.reference.forms.slugify` of the name as the attendance list
    or the text prints it), or, for a ``candidate``, the slug of the proposed new name.
    ``rule`` names what found it; ``alias`` is the reference alias that matched, as listed.
    ``provisions`` are the sections a law reference cites (``("§ 103", "§ 104")``); ``role``
    is an official's or guest's role as printed, in lower case (``"projektleder"``).

    A law citation also carries, for a candidate act, its normalised ``name`` (``planloven``,
    ``lov om planlægning``; its ``entity_key`` is the slug of it), and where the anchor prints
    an enactment, that enactment as retsinformation.dk writes it (``enactment``: ``LBK nr 701
    af 22/06/2022``) and the ``eli`` it gives.
    """

    entity_key: str
    entity_type: EntityType
    begin: int
    end: int
    anchor_text: str
    rule: str
    confidence: float
    provisions: tuple[str, ...] = ()
    candidate: bool = False
    role: str | None = None
    alias: str | None = None
    name: str | None = None
    eli: str | None = None
    enactment: str | None = None

    @property
    def length(self) -> int:
        """The number of characters mentioned."""
        return self.end - self.begin

    def shifted(self, by: int) -> Mention:
        """The same mention with its offsets moved back by ``by`` (into a part of the text
        searched); the constructor called directly, several times cheaper than
        :func:`dataclasses.replace`."""
        return Mention(
            self.entity_key,
            self.entity_type,
            self.begin - by,
            self.end - by,
            self.anchor_text,
            self.rule,
            self.confidence,
            self.provisions,
            self.candidate,
            self.role,
            self.alias,
            self.name,
            self.eli,
            self.enactment,
        )

    def overlaps(self, other: Mention) -> bool:
        """Whether the two mentions share a character."""
        return self.begin < other.end and other.begin < self.end


@dataclass(frozen=True, slots=True)
class CandidateSummary:
    """A proposed new entity, summed over the mentions that propose it: for a person to review
    and, if right, to add to the reference data."""

    entity_key: str
    entity_type: EntityType
    names: tuple[str, ...]  # the distinct names (an act's normalised), most frequent first
    count: int  # mentions
    confidence: float  # the highest confidence of any mention
    rules: tuple[str, ...]  # the rules that proposed it
