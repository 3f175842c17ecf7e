"""What the side index answers: plain, typed records of strings and integers, so that the web
layer renders them (and escapes them) without knowing SQLite. Dates are ISO strings
(``2020-01-08``); labels are the graph's Danish labels."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Resource:
    """A resource with a page worth listing. Fields that do not apply to its kind are None."""

    iri: str
    kind: str  # the class's local name: Municipality, Committee, Meeting, AgendaItem, Person...
    label: str
    sort_key: str
    letter: str  # the A-Z letter it is filed under ("#" for digits and signs)
    mentions: int = 0  # mentions of it (entities), 0 for the rest
    candidate: bool = False  # proposed by a pattern, not in the reference data
    date: str | None = None  # meetings and items: the meeting's date
    municipality: str | None = None
    municipality_label: str | None = None
    committee: str | None = None
    committee_label: str | None = None
    meeting: str | None = None  # items
    number: int | None = None  # items
    title: str | None = None  # items
    party: str | None = None  # persons


@dataclass(frozen=True, slots=True)
class MeetingRow:
    iri: str
    label: str
    date: str | None
    committee: str | None  # None for minutes that name no committee
    committee_label: str | None
    municipality: str
    municipality_label: str


@dataclass(frozen=True, slots=True)
class EntityCount:
    iri: str
    label: str
    kind: str
    mentions: int
    items: int
    municipalities: int


@dataclass(frozen=True, slots=True)
class MentionRow:
    """One mention as a sentence in context: ``context_before + anchor_text + context_after``
    is a passage of the item's text; the anchor is exactly the characters the mention points
    at (``rg:beginIndex``/``rg:endIndex`` of its ``rg:inText``)."""

    mention: str
    entity: str
    item: str
    item_number: int | None  # None for an item printed without a number
    item_title: str  # "" for one printed without a title
    meeting: str
    date: str | None
    municipality: str
    municipality_label: str
    committee: str | None  # None for minutes that name no committee
    committee_label: str | None
    anchor: str  # rg:anchorText as the graph has it
    context_before: str
    anchor_text: str
    context_after: str
    provision: str | None  # rg:provision, several joined with ", "
    text_node: str  # the node whose rg:text holds the mention
    begin: int
    end: int


@dataclass(frozen=True, slots=True)
class GroupRow:
    municipality: str
    municipality_label: str
    year: int  # 0 for the meetings without a date
    count: int


@dataclass(frozen=True, slots=True)
class TimelineRow:
    iri: str  # a municipality (entity timeline) or an entity (home page timeline)
    label: str
    counts: list[int]  # one per year of the timeline


@dataclass(frozen=True, slots=True)
class Timeline:
    years: list[int]  # every year from the first to the last, none skipped
    rows: list[TimelineRow]


@dataclass(frozen=True, slots=True)
class EntityHit:
    iri: str
    label: str
    kind: str
    mentions: int


@dataclass(frozen=True, slots=True)
class ItemHit:
    iri: str
    number: int | None  # None for an item printed without a number
    title: str  # "" for one printed without a title
    snippet: list[tuple[str, bool]]  # (text, is_match) segments, never HTML
    outcomes: list[tuple[str, str]] = field(default_factory=list)  # (IRI, label) of decisions


@dataclass(frozen=True, slots=True)
class MeetingHits:
    meeting: str
    label: str
    date: str | None
    municipality_label: str
    items: list[ItemHit] = field(default_factory=list)
    municipality: str | None = None
    committee: str | None = None  # None for minutes that name no committee
    committee_label: str | None = None


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    entities: list[EntityHit]
    meetings: list[MeetingHits]
    total: int  # items that match, over all pages
    entity_total: int = 0  # entities that match, over all pages


@dataclass(frozen=True, slots=True)
class Summary:
    kinds: dict[str, int]  # resources per kind
    meetings_per_year: list[tuple[int, int]]
    first_date: str | None
    last_date: str | None
    municipalities: int  # with at least one meeting
    committees: int  # with at least one meeting
    meetings: int
    items: int
    mentions: int
    last_load: str | None  # when the latest load run started (ISO date-time)


@dataclass(frozen=True, slots=True)
class CoverageRow:
    municipality: str
    municipality_label: str
    committee: str | None  # None for the meetings whose minutes name no committee
    committee_label: str | None
    meetings: list[tuple[str, str | None]]  # (meeting IRI, date), by date


@dataclass(frozen=True, slots=True)
class FailureRow:
    run: str
    run_label: str
    started: str  # ISO date-time
    file_name: str
    reason: str


@dataclass(frozen=True, slots=True)
class ConceptRow:
    """An agenda item filed under a KLE subject (``decision`` None), or a decision with an
    outcome, with the item's meeting, municipality and committee."""

    concept: str
    item: str
    item_number: int | None  # None for an item printed without a number
    item_title: str  # "" for one printed without a title
    decision: str | None
    decision_text: str | None  # its start (searchindex.documents.DECISION_CHARS)
    meeting: str
    date: str | None
    municipality: str
    municipality_label: str
    committee: str | None  # None for minutes that name no committee
    committee_label: str | None


@dataclass(frozen=True, slots=True)
class ConceptTotals:
    """How long a concept's list is: rows (items under a KLE subject, decisions with an
    outcome), the distinct items and municipalities among them, the dates they cover."""

    concept: str
    rows: int
    items: int
    municipalities: int
    first_date: str | None
    last_date: str | None


@dataclass(frozen=True, slots=True)
class ItemMention:
    """A mention in an agenda item's texts, as the item's page marks it: which text node,
    which characters (code points, end exclusive), and the entity with its label."""

    mention: str
    node: str
    begin: int
    end: int
    entity: str
    entity_label: str


@dataclass(frozen=True, slots=True)
class MeetingListRow(MeetingRow):
    """A meeting in the list of meetings, with how many agenda items it has."""

    items: int


@dataclass(frozen=True, slots=True)
class CommitteeRow:
    """A committee in the register of committees: its municipality, meetings and latest date."""

    iri: str
    label: str
    municipality: str | None
    municipality_label: str | None
    meetings: int
    latest: str | None


@dataclass(frozen=True, slots=True)
class FacetRow:
    """A value a list can be narrowed to (a municipality, a committee, a year), with how many
    rows it keeps; ``value`` is an IRI, or a year as a string."""

    value: str
    label: str
    count: int
