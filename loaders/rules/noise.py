"""Lines that belong to the page or the web page, not to the minutes.

Page footers (``Lejre Kommune Udvalget for Job & Arbejdsmarked 08-01-2020 Side 2``), page
numbers alone on their lines where extraction broke the pages (``3``, then ``4``), table
rules left over from extraction (``--|---|--``), running headers repeated on every page (a page
apart, or right after every page footer), link bars repeated before every item (``Kopier
link til punktet - Print``), and the controls of a web page printed as lines of text (``Til
toppen``, ``Udskriv``, ``Kopier link``, share buttons). Running headers and link bars are found
by repetition, never by their wording; a line of controls by the list of phrases such controls
print (:data:`loaders.page_furniture.FURNITURE_PHRASES`, data shared with the web-page reader),
however often it is printed. Text that a section label introduces is content, never noise.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable

from loaders.municipal_addresses import find_domains, find_postal_addresses
from loaders.page_furniture import FURNITURE_PHRASES, is_furniture_phrase
from loaders.rules import casenumbers, people, titles
from loaders.rules.parse_state import ParseState

# "... Side 2", "... Side 2 af 14", "Page 3 of 9", "- 2 -".
_PAGE_NUMBER = re.compile(
    r"(?:^|\s)(?:Side|Page|Sidenr\.?)\s+\d{1,4}(?:\s*(?:af|of|/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$"
)
_LONGEST_FOOTER = 200
_RULE_CHARS = frozenset("-|:+=_ \t")
_DIGITS = re.compile(r"\d+")
_MAX_FOOTER_WORDS = 16
_MIN_REPEATS = 3
_MIN_PAGE_LINES = 10  # a page of minutes has more lines than this

NoiseRule = Callable[[ParseState], list[int]]


def page_footers(state: ParseState) -> list[int]:
    """Lines ending in a page number: ``<anything short> Side N [af M]``."""
    found = []
    for index, plain in enumerate(state.plain):
        if not plain or len(plain) > _LONGEST_FOOTER or plain[-1] not in "0123456789-–":
            continue
        if plain.count(" ") < _MAX_FOOTER_WORDS and _PAGE_NUMBER.search(plain):
            found.append(index)
    return found


def table_rules(state: ParseState) -> list[int]:
    """Lines of nothing but dashes, bars and colons: table borders and rules."""
    found = []
    for index, plain in enumerate(state.plain):
        if not plain or plain[0] not in _RULE_CHARS:
            continue
        raw = state.lines[index].text.strip()
        marks = raw.count("-") + raw.count("=") + raw.count("|")
        if len(raw) >= 2 and marks >= 2 and _RULE_CHARS.issuperset(raw):
            found.append(index)
    return found


def _structural(state: ParseState, index: int) -> bool:
    """A line the minutes themselves use: a label, a heading form, an attendance line."""
    plain = state.plain[index]
    return (
        index in state.labels
        or index in state.candidates
        or people.is_attendance_line(plain)
        or casenumbers.is_case_number_line(plain)
    )


def running_headers(state: ParseState) -> list[int]:
    """Lines repeated on every page with only their numbers changing (dates, page numbers):
    three or more alike once digits are masked, each a page apart from the next. Alike lines
    close together are a table in the text, not a running header."""
    where: dict[str, list[int]] = {}
    for index, plain in enumerate(state.plain):
        if (
            plain
            and len(plain) <= _LONGEST_FOOTER
            and plain.count(" ") >= 2
            and _DIGITS.search(plain)
        ):
            where.setdefault(_DIGITS.sub("#", plain), []).append(index)
    # a title printed under its item's number: items may share a title ("Budget 2024")
    titles_below = {
        line for c in state.candidates.values() for line in range(c.line + 1, c.last_line + 1)
    }
    found: list[int] = []
    for indices in where.values():
        if len(indices) < _MIN_REPEATS:
            continue
        if min(b - a for a, b in itertools.pairwise(indices)) < _MIN_PAGE_LINES:
            continue
        if all(_opens_case(state, i) for i in indices):
            continue  # the title of unnumbered items, each before its case number or access
        found.extend(i for i in indices if not _structural(state, i) and i not in titles_below)
    return found


def _opens_case(state: ParseState, index: int) -> bool:
    """The next line is a case number or an item's access (``Sagsnr.: 20/1234``, ``Åben``):
    line ``index`` is the title of an item printed without a number. A running header stands
    before whatever a page starts with, seldom before every item's case number."""
    following = state.next_content(index)
    if following is None:
        return False
    plain = state.plain[following]
    return casenumbers.is_case_line(plain) or titles.is_access_line(plain)


def page_headers(state: ParseState) -> list[int]:
    """The line right after each page footer, when three or more of them are alike once digits
    are masked: the next page's running header, however few lines a page has (text extracted
    with whole pages on one line, split again in normalisation). The first line of the text
    starts a page too: alike with the line after a footer, the two are the running header of a
    document of two pages. A sentence (``Godkendt.``) is never a page header."""
    where: dict[str, list[int]] = {}
    first = state.next_content(-1)
    for index, noisy in enumerate(state.noise):
        if not noisy or not _PAGE_NUMBER.search(state.plain[index]):
            continue
        following = state.next_content(index)
        if following is not None and _may_head_page(state, following):
            where.setdefault(_DIGITS.sub("#", state.plain[following]), []).append(following)
    if not where:
        return []
    top = _DIGITS.sub("#", state.plain[first]) if first is not None else None
    found: list[int] = []
    for masked, indices in where.items():
        if masked == top and first is not None and _may_head_page(state, first):
            if len(indices) + 1 >= _MIN_PAGES_WITH_TOP:
                found.extend([first, *indices])
        elif len(indices) >= _MIN_REPEATS:
            found.extend(indices)
    return found


_MIN_PAGES_WITH_TOP = 2  # the text's first line and the line after a footer


def _may_head_page(state: ParseState, index: int) -> bool:
    plain = state.plain[index]
    return (
        index not in state.candidates
        and len(plain) <= _LONGEST_FOOTER
        and not _structural(state, index)
        and not titles.is_sentence(plain)
    )


def link_bars(state: ParseState) -> list[int]:
    """A line repeated three or more times that (almost) always stands right before an item
    heading: web-page chrome between items. A sentence (``Godkendt.``) or the text right under
    a section label is content, however often the minutes print it: many items end in the
    same decision."""
    counts = Counter(
        p for p in state.plain if p and len(p) <= _LONGEST_FOOTER and not titles.is_sentence(p)
    )
    repeated = {p for p, n in counts.items() if n >= _MIN_REPEATS}
    if not repeated:
        return []
    before_heading: Counter[str] = Counter()
    where: dict[str, list[int]] = {}
    plain = state.plain
    for index, text in enumerate(plain):
        if text not in repeated or _structural(state, index) or _section_text(state, index):
            continue
        where.setdefault(text, []).append(index)
        following = next((j for j in range(index + 1, len(plain)) if plain[j]), None)
        if following is not None and following in state.candidates:
            before_heading[text] += 1
    found: list[int] = []
    for text, indices in where.items():
        if before_heading[text] * 5 >= len(indices) * 4:  # 80 % or more
            found.extend(indices)
    return found


def _section_text(state: ParseState, index: int) -> bool:
    """Line ``index`` is the first line of a section's text: right under its label."""
    above = state.previous_content(index)
    return above is not None and above in state.labels


# First words of the phrases that page controls print, and of a page's own dates: a cheap
# test before the whole phrase is compared.
_CONTROL_STARTS = frozenset(
    {phrase.split(" ", 1)[0] for phrase in FURNITURE_PHRASES}
    | {"senest", "sidst", "last", "publiceret", "offentliggjort"}
)
_LONGEST_CONTROLS = 120


def page_controls(state: ParseState) -> list[int]:
    """Lines that are nothing but what the controls of a web page print, alone or several
    joined by `` - `` or `` | `` (``Kopier link til punktet - Print``, ``Til toppen``, ``Del
    på Facebook``), and the page's own date (``Senest opdateret ...``): the web page's
    furniture, found by its wording however few times it is printed."""
    found = []
    for index, plain in enumerate(state.plain):
        if not plain or len(plain) > _LONGEST_CONTROLS or state.noise[index]:
            continue
        first = plain.split(" ", 1)[0].strip(" .:·•|-–").casefold()
        if first not in _CONTROL_STARTS or _structural(state, index):
            continue
        if is_furniture_phrase(plain):
            found.append(index)
    return found


_BARE_NUMBER = re.compile(r"\d{1,3}")
_MIN_PAGE_RUN = 3


def bare_page_numbers(state: ParseState) -> list[int]:
    """Page numbers printed alone on a line where extraction broke the pages (``3``, ``4``,
    ``5``): three or more bare numbers counting up by one, each at least a page's lines from
    the one before, when either the items are numbered in another form (``4. Title``), so the
    bare numbers are no headings, or one of them breaks a sentence (the line before it ends
    without a full stop and the one after goes on in lower case)."""
    bare = [
        (index, int(plain))
        for index, plain in enumerate(state.plain)
        if plain and _BARE_NUMBER.fullmatch(plain) and not state.noise[index]
    ]
    runs: list[list[tuple[int, int]]] = []
    for index, number in bare:
        run = runs[-1] if runs else None
        if run and number == run[-1][1] + 1 and index - run[-1][0] >= _MIN_PAGE_LINES:
            run.append((index, number))
        else:
            runs.append([(index, number)])
    other_forms = sum(1 for c in state.candidates.values() if c.strong and c.form != "number-alone")
    found: list[int] = []
    for run in runs:
        if len(run) < _MIN_PAGE_RUN:
            continue
        if other_forms >= _MIN_PAGE_RUN - 1 or any(_breaks_sentence(state, i) for i, _ in run):
            found.extend(index for index, _ in run)
    return found


def _breaks_sentence(state: ParseState, index: int) -> bool:
    before, after = state.previous_content(index), state.next_content(index)
    if before is None or after is None:
        return False
    return state.plain[before][-1] not in ".:!?" and state.plain[after][0].islower()


# A phone number after its label: Telefon 65 15 15 15, Tlf.: +45 47 35 10 00.
_PHONE = re.compile(
    r"\b(?:tlf|telefon|tel)\.?:?\s*(?:\+45\s*)?\d{2}\s?\d{2}\s?\d{2}\s?\d{2}\b", re.IGNORECASE
)
_MOST_CONTACT_LINES = 3
_LONGEST_CONTACT = 200


# "Syddjurs Kommune, Lundbergsvej 2, 8400 Ebeltoft": a letterhead that starts with the sender.
_SENDER = r"[A-ZÆØÅ][\w-]+(?:\s[A-ZÆØÅ][\w-]+)?\s+"  # the municipality's name
_SENDER_FIRST = re.compile(_SENDER + r"Kommune\s*[,·|•–-]")
# "Hedensted Kommune" alone: the sender's name closing the last page.
_SENDER_ALONE = re.compile(_SENDER + r"(?:Regions)?[Kk]ommune")


def _is_contact_line(plain: str) -> bool:
    """A sender's address: a postal address with a phone number, e-mail or web address, or
    after the municipality's name at the start of the line; or the municipality's name alone;
    and no sentence."""
    sentence = plain.endswith((".", "!", "?")) and not _PHONE.search(plain)
    if len(plain) > _LONGEST_CONTACT or sentence:
        return False
    if _SENDER_ALONE.fullmatch(plain):
        return True
    if not find_postal_addresses(plain):
        return False
    return (
        bool(_PHONE.search(plain))
        or "@" in plain
        or bool(find_domains(plain))
        or _SENDER_FIRST.match(plain) is not None
    )


def contact_footer(state: ParseState) -> list[int]:
    """The sender's address at the very end of the text (``Kommunen · Torvet 1 · 4600 Køge ·
    Telefon 56 67 67 67``), with nothing after it but other such lines and noise: what an old
    web page or a letter prints under the minutes, never the last decision's text."""
    found: list[int] = []
    for index in range(len(state.plain) - 1, -1, -1):
        plain = state.plain[index]
        if not plain or state.noise[index]:
            continue
        if len(found) >= _MOST_CONTACT_LINES or not _is_contact_line(plain):
            break
        found.append(index)
    return found


NOISE_RULES: tuple[tuple[str, NoiseRule], ...] = (
    ("page-footers", page_footers),
    ("table-rules", table_rules),
    ("running-headers", running_headers),
    ("link-bars", link_bars),
    ("page-controls", page_controls),
    ("contact-footer", contact_footer),
    ("page-headers", page_headers),
    ("bare-page-numbers", bare_page_numbers),
)


def mark_noise(state: ParseState) -> bool:
    """Core rule: mark noise lines; they are left out of every text and every match."""
    any_found = False
    for name, rule in NOISE_RULES:
        found = rule(state)
        if not found:
            continue
        any_found = True
        state.layout.append(name)
        for index in found:
            state.noise[index] = True
            state.labels.pop(index, None)
            state.candidates.pop(index, None)
    return any_found
