"""The forms of agenda item headings: ``Punkt 3: title``, ``Pkt. nr. 3``, ``Ad 3. title``,
``Sag 3: title``, ``3: title``, ``3. JA - title``, ``3) title``, ``3 title``, a number alone with
its title on the next line. A line of such a form is only a *candidate*:
:mod:`loaders.rules.items` confirms it by structure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from loaders import dates
from loaders.rules import casenumbers, sections, titles

# "Punkt 3:", "Pkt. 3", "Pkt. nr. 3", "Dagsordenspunkt 3 -", "Sag nr. 3": the word itself says
# "agenda item".
# "Punkt 3.1" is a sub-point, not item 3 with the title "1 ...".
# "Sag 3: title" too, but "Sag 22-016257" is a case number.
_PUNKT = re.compile(
    r"(?:(?:Punkt|Pkt\.?|Dagsordens?punkt)(?:\s*nr\.?)?|Sag\.?\s?nr\.?|Sag(?=\s+\d{1,3}(?![\d/-])))\s*"
    r"(?P<n>\d{1,3})(?![.,]?\d)\s*[:.,)\-–]?\s*(?P<title>.*)",
    re.IGNORECASE,
)
# "Ad 3. title", "Ad pkt. 3": "as to item 3", in minutes of councils and boards. "Ad 1)" answers
# the points of a list ("1) ...") in a text, so it is no heading.
_AD = re.compile(
    r"A[dD]\.?\s+(?:(?:punkt|pkt\.?)\s*)?(?P<n>\d{1,3})(?![.,]?\d)(?!\s*\))\s*[:.\-–]?\s*"
    r"(?P<title>.*)",
    re.IGNORECASE,
)
# "3. title", and "3.Title" with no space where text extraction lost it (then a capital must
# follow: "3.5 mio." is not a heading).
_NUMBER_COLON = re.compile(r"(?P<n>\d{1,3}):(?:\s+(?P<title>\S.*)|(?P<glued>[A-ZÆØÅ].*))")
_NUMBER_DOT = re.compile(r"(?P<n>\d{1,3})\.(?:\s+(?P<title>\S.*)|(?P<glued>[A-ZÆØÅ].*))")
_NUMBER_PAREN = re.compile(r"(?P<n>\d{1,3})\)(?:\s+(?P<title>\S.*)|(?P<glued>[A-ZÆØÅ].*))")
# "(3) title" and "3 - title".
_PARENTHESISED = re.compile(r"\((?P<n>\d{1,3})\)\s*(?P<title>\S.*)")
_NUMBER_DASH = re.compile(r"(?P<n>\d{1,3})\s+[-–]\s+(?P<title>\S.*)")
_NUMBER_SPACE = re.compile(r"(?P<n>\d{1,3})\s+(?P<title>[A-ZÆØÅ\"'«“].*)")
_NUMBER_ALONE = re.compile(r"(?P<n>\d{1,3})[.:)]?")
# "1.  1. Title": the number printed twice.
_DOUBLED = re.compile(r"(?P<n>\d{1,3})\s?[.:)]\s*(?P<title>.*)")
# "Jens Hansen (A)": an entry of a numbered attendance list.
# (a name of capitalised words, not "Godkendelse af dagsorden (B)").
_PERSON_ENTRY = re.compile(
    r"[A-ZÆØÅ][\w.'-]*(?:\s+(?:[A-ZÆØÅ][\w.'-]*|von|van|de|la)){1,4}\s*\([A-ZÆØÅ]{1,2}\)"
    r"(?:\s*\([^()]{2,30}\))?"
)
_MONTHS = frozenset(dates.MONTHS)

HeadingRule = Callable[[str], tuple[int, str] | None]


def _match(pattern: re.Pattern[str], plain: str) -> tuple[int, str] | None:
    match = pattern.fullmatch(plain)
    if match is None:
        return None
    groups = match.groupdict()
    title = groups.get("title") or groups.get("glued") or ""
    return int(match["n"]), title.strip()


def punkt_heading(plain: str) -> tuple[int, str] | None:
    """``Punkt 3: title``, ``Sag nr. 3 title``."""
    if plain[0] not in "PpDdSs":
        return None
    if plain[0] in "Ss" and (not plain[1:3].lower().startswith("ag") or plain[3:4] == "s"):
        return None
    if casenumbers.labelled_value(plain) is not None:
        return None  # "Sag nr. 22-016257" is a case number
    return _match(_PUNKT, plain)


def ad_heading(plain: str) -> tuple[int, str] | None:
    """``Ad 3. title``, ``Ad pkt. 3: title``."""
    return _match(_AD, plain) if plain[0] == "A" else None


def number_colon_heading(plain: str) -> tuple[int, str] | None:
    """``3: title`` (web exports)."""
    return _match(_NUMBER_COLON, plain) if plain[0].isdigit() else None


def number_dot_heading(plain: str) -> tuple[int, str] | None:
    """``3. title``; ``1. januar 2020 ...`` is a date, not a heading."""
    found = _match(_NUMBER_DOT, plain) if plain[0].isdigit() else None
    if found and found[1].split(" ", 1)[0].lower().rstrip(".,") in _MONTHS:
        return None
    return found


def parenthesised_heading(plain: str) -> tuple[int, str] | None:
    """``(3) title``."""
    return _match(_PARENTHESISED, plain) if plain[0] == "(" else None


def number_dash_heading(plain: str) -> tuple[int, str] | None:
    """``3 - title``."""
    return _match(_NUMBER_DASH, plain) if plain[0].isdigit() else None


def number_paren_heading(plain: str) -> tuple[int, str] | None:
    """``3) title``."""
    return _match(_NUMBER_PAREN, plain) if plain[0].isdigit() else None


def number_space_heading(plain: str) -> tuple[int, str] | None:
    """``3 Godkendelse af dagsorden``: a number, a space, a title that starts with a letter;
    ``3 Januar 2020`` is a date."""
    found = _match(_NUMBER_SPACE, plain) if plain[0].isdigit() else None
    if found and found[1].split(" ", 1)[0].lower().rstrip(".,") in _MONTHS:
        return None
    return found


def number_alone_heading(plain: str) -> tuple[int, str] | None:
    """``3`` or ``3.`` alone on its line; the title is on the next line."""
    if not plain[0].isdigit() or len(plain) > 4:
        return None
    return _match(_NUMBER_ALONE, plain)


# (form name, rule, strong): strong forms name themselves as items and need no further proof.
HEADING_RULES: tuple[tuple[str, HeadingRule, bool], ...] = (
    ("punkt-number", punkt_heading, True),
    ("ad-number", ad_heading, False),
    ("number-colon", number_colon_heading, False),
    ("number-dot", number_dot_heading, False),
    ("number-paren", number_paren_heading, False),
    ("number-parenthesised", parenthesised_heading, False),
    ("number-dash", number_dash_heading, False),
    ("number-space", number_space_heading, False),
    ("number-alone", number_alone_heading, False),
)
FIRST_CHARS = frozenset("0123456789PpDdSsA(")


def heading_candidate(plain: str) -> tuple[str, int, str, bool] | None:
    """``(form, number, printed title, strong)`` if the line has the form of an item heading.

    >>> heading_candidate("1.  1. Godkendelse af dagsorden")
    ('number-dot', 1, 'Godkendelse af dagsorden', False)
    >>> heading_candidate("Sag nr. 4 Eventuelt")
    ('punkt-number', 4, 'Eventuelt', True)
    >>> heading_candidate("Punkt 4, Mødet den 26. april 2023")
    ('punkt-number', 4, '', True)
    >>> heading_candidate("Sag 2: Orientering"), heading_candidate("Sag 22-016257")
    (('punkt-number', 2, 'Orientering', True), None)
    """
    if not plain or len(plain) > 300 or plain[0] not in FIRST_CHARS:
        return None
    for form, rule, strong in HEADING_RULES:
        found = rule(plain)
        if found is None:
            continue
        number, title = found
        if strong and _names_only_the_meeting(title):
            title = ""  # "Punkt 4, Mødet den 26. april 2023": the title is on the next line
        doubled = _DOUBLED.fullmatch(title) if title[:1].isdigit() else None
        if doubled is not None and int(doubled["n"]) == number:
            title = doubled["title"].strip()
        if title and not _looks_like_title(title, strong=strong):
            return None
        if form == "number-space" and not _number_space_title(title):
            return None
        if not title and not strong and form != "number-alone":
            return None
        return form, number, title, strong
    return None


def _names_only_the_meeting(title: str) -> bool:
    """``Mødet den 26. april 2023``: the meeting's day printed in the heading, not a title."""
    if not title.lower().startswith(("mødet ", "møde ")):
        return False
    found = dates.find_dates(title)
    return len(found) == 1 and not title[found[0].end :].strip(" .,:")


def _looks_like_title(title: str, *, strong: bool) -> bool:
    # Titles start with a capital, a digit or a quote; list entries often do not ("1. at ...").
    # An access may stand before the title: "(Å) Budget".
    after_access = titles.access_before(title)
    if after_access == "":
        return True  # "3. (L)": a closed item whose title is withheld
    title = after_access or title
    if not (title[0].isupper() or title[0].isdigit() or title[0] in "\"'«“"):
        return False
    return strong or _PERSON_ENTRY.fullmatch(title) is None


def _number_space_title(title: str) -> bool:
    """A number and a space is the weakest heading form: a page number glued to the first line
    of a page looks the same (``2 Sagsfremstilling: ...``, ``2 Administrationen har ...``,
    ``2 Sagsnr.: 20/1234``). Its title is neither a sentence, a section label nor a case
    number."""
    return (
        not titles.is_sentence(title)
        and sections.match_label(title) is None
        and not casenumbers.is_case_line(title)
    )
