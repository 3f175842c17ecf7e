"""The labels of a meeting header: which lines are labels, of what, and which dates are not the
meeting's.

A label stands on its value's line or alone with its value on the next line. Some label words
are also common words (``Sted og tid meddeles senere``): those are labels on the value's line
only after a colon or a tab, or in upper case as Prepare prints them (``STED Rådhuset``).
"""

from __future__ import annotations

import re

from loaders.rules import committees, people
from loaders.rules.parse_state import ParseState

TITLE = re.compile(
    r"(?P<kind>referat|dagsorden|beslutningsprotokol|mødereferat|tillægsdagsorden)(?![\wæøå])"
    r"\s*:?\s*(?P<rest>.*)",
    re.IGNORECASE,
)
# Header labels (lower case): what their value is, and whether the label needs a colon, a tab
# or upper case to be a label when its value follows on the same line ("Sted: Rådhuset", but
# "Sted og tid meddeles senere" is a sentence). A label alone on its line has its value on the
# next line, or none (then the next line is another label, never its value).
FIELD_LABELS: dict[str, tuple[str, bool]] = {
    "mødedato": ("date", False),
    "mødedag": ("date", False),
    "mødetidspunkt": ("date", False),
    "mødetid": ("date", False),
    "dato og tid": ("date", False),
    "dato og tidspunkt": ("date", False),
    "tid og sted": ("date", False),
    "dato": ("date", True),
    "møde": ("date", True),
    "tidspunkt": ("date", True),
    "tid": ("date", True),
    "mødested": ("place", False),
    "mødelokale": ("place", True),
    "sted": ("place", True),
    "lokale": ("place", True),
    "adresse": ("place", True),
    "mødestart": ("start", False),
    "starttidspunkt": ("start", False),
    "start": ("start", True),
    "mødeslut": ("end", False),
    "mødeafslutning": ("end", False),
    "sluttidspunkt": ("end", False),
    "slut": ("end", True),
    "afsluttet": ("end", True),
    "mødet hævet": ("end", False),
    "udvalg": ("committee", True),
    "mødeforum": ("committee", False),
    "forum": ("committee", True),
    "kommune": ("municipality", True),
}
_FIELD = re.compile(
    r"(?P<label>"
    + "|".join(sorted(FIELD_LABELS, key=len, reverse=True))
    + r")(?:\s*kl\.?)?(?![\wæøå])\s*(?P<colon>:)?\s*(?P<value>.*)",
    re.IGNORECASE,
)
# Dates that are never the meeting's: publication and printing, other meetings, deadlines,
# approval. A header line is read only up to such words.
OTHER_DATE_WORDS = (
    "offentliggjort",
    "offentliggørelse",
    "publiceret",
    "udskrevet",
    "udskriftsdato",
    "printet",
    "udsendt",
    "næste møde",
    "forrige møde",
    "sidste møde",
    "seneste møde",
    "tidligere møde",
    "frist",
    "svarfrist",
    "høringsfrist",
    "senest",
    "godkendt",
    "oprettet",
    "opdateret",
    "ændret",
    "genereret",
)
_OTHER_DATE = re.compile(
    r"(?<![\wæøå])(?:dato\s+for\s+)?(?:" + "|".join(OTHER_DATE_WORDS) + r")(?![\wæøå])",
    re.IGNORECASE,
)
_SHORT_CAPS = re.compile(r"[A-ZÆØÅ][A-ZÆØÅ ]{2,30}:?")  # UDVALG, MEDLEMMER, MØDEDELTAGERE


def field_label(plain: str, raw: str) -> tuple[str, str] | None:
    """``(kind, value)`` if the line is a header label with its value (``""`` for a label
    alone on its line); ``raw`` is the line as printed (a tab may separate label and value).

    >>> field_label("STED Rådhuset", "STED Rådhuset"), field_label("Sted og tid", "Sted og tid")
    (('place', 'Rådhuset'), None)
    >>> field_label("Sted: Rådhuset", ""), field_label("SLUTTIDSPUNKT", "")
    (('place', 'Rådhuset'), ('end', ''))
    """
    match = _FIELD.fullmatch(plain)
    if match is None:
        return None
    label, value = match["label"], match["value"].strip()
    kind, needs_colon = FIELD_LABELS[" ".join(label.lower().split())]
    if value and needs_colon and not match["colon"] and not label.isupper():
        tab = re.match(re.escape(label) + r"[ ]*\t", raw.strip(), re.IGNORECASE)
        if tab is None:
            return None
    return kind, value


# Labels that only a meeting's own data carries; "Dato:", "Tid:", "Sted:" also stand in an
# invitation quoted in an item's text.
_MEETING_ONLY = frozenset(
    {label for label, (_, needs_colon) in FIELD_LABELS.items() if not needs_colon} | {"udvalg"}
)


def meeting_block(state: ParseState, index: int) -> bool:
    r"""Line ``index`` is one of a block of the meeting's own data printed after the items (a
    page's box ``Udvalg: Økonomiudvalget`` / ``Mødedato: 3. april 2024`` in a right-hand
    column that text extraction puts last): two or more labelled values in a row (blank lines
    between), one of them under a label only a meeting's data carries. Such a block is never
    an item's text.

    >>> text = "Anbefales.\n\nUdvalg: Økonomiudvalget\nMødedato: 3. april 2024"
    >>> [meeting_block(ParseState.from_text(text), i) for i in range(4)]
    [False, False, True, True]
    >>> meeting_block(ParseState.from_text("Dato: 13. november\nSted: Trivselshuset"), 0)
    False
    """
    plains, lines = state.plain, state.lines
    if _labelled_value(plains[index], lines[index].text) is None:
        return False
    labels = []
    for step in (-1, 1):  # the whole run of labelled lines around it, blank lines between
        at = index
        while 0 <= at < len(plains):
            if plains[at]:
                label = _labelled_value(plains[at], lines[at].text)
                if label is None:
                    break
                labels.append(label)
            at += step
    return len(labels) >= 3 and not _MEETING_ONLY.isdisjoint(labels)  # ``index`` counted twice


def _labelled_value(plain: str, raw: str) -> str | None:
    """The label (lower case) of a line that is a header label with its value."""
    match = _FIELD.fullmatch(plain)
    if match is None or field_label(plain, raw) is None or not match["value"].strip():
        return None
    return " ".join(match["label"].lower().split())


def is_label(plain: str, raw: str) -> bool:
    """Whether a line is a label of its own (so it is no other label's value).

    >>> is_label("MEDLEMMER", ""), is_label("Mødedato:", ""), is_label("ØKONOMIUDVALGET", "")
    (True, True, False)
    """
    if field_label(plain, raw) is not None or (TITLE.fullmatch(plain) and plain.isupper()):
        return True
    if _OTHER_DATE.match(plain) or people.participant_label(plain) == "":
        return True
    found = people.attendance_line(plain)
    if found is not None and not found[1]:
        return True
    return bool(_SHORT_CAPS.fullmatch(plain)) and committees.committee_name(plain) is None


def before_other_date(plain: str) -> str:
    """The line up to words that introduce a date that is not the meeting's.

    >>> before_other_date("Byrådet den 14-11-2019, offentliggjort 20-11-2019")
    'Byrådet den 14-11-2019'
    """
    match = _OTHER_DATE.search(plain)
    if match is None or match.start() == 0:
        return plain
    return plain[: match.start()].rstrip(" ,;(-–")


def other_date_first(plain: str) -> bool:
    """Whether the line starts with words of a date that is not the meeting's."""
    return _OTHER_DATE.match(plain) is not None
