"""Repair of text damaged by PDF extraction, as transcription sites publish it.

Two kinds of damage change the lines themselves, so they are repaired in normalisation (the
normalised text is what is stored, and every span points into it), each only where the text
shows the damage, never in text without it:

- **Pages run together on one line.** A line of hundreds or thousands of characters that holds
  several item headings (``Punkt 3:``, ``3. Title`` after a sentence), case-number labels
  (``Sagsnr.:``), section labels followed by their text (``Sagsfremstilling Forvaltningen ...``)
  or page markers (``Side 2 af 9``) is split again before each of them (and so is any shorter
  line with one of them in the same text: the last page), and after a section
  label or page marker that stands alone. Within such a line a heading glued to the end of a
  word (``...Referat9. Godkendelse``) is split too. The words every page repeats at its top
  (its running header, found by repetition, digits aside) become a line of their own, for the
  noise rules to drop.
- **Page numbers before lines.** When most lines start with a number that never goes down and
  stays the same for several lines in a row (``3 | Tekst``, ``12 Sagsfremstilling``), that
  number is the page's and is removed.

- **A page number glued to the first line of the page.** Right after a page footer ``Side N``
  (and a running header, if any) the next page's number ``N+1`` before a line that cannot be an
  item heading (a sentence, a section label, lower case, another number) is removed:
  ``Side 1 af 2`` / ``2 Godkendt.`` is the decision ``Godkendt.``.

``Side N`` lines and repeated page headers on lines of their own are not repaired here: they are
whole lines, left to the noise rules (:mod:`loaders.rules.noise`).
"""

from __future__ import annotations

import itertools
import re

from loaders.rules.casenumbers import is_case_line
from loaders.rules.heading_forms import heading_candidate
from loaders.rules.sections import match_label
from loaders.rules.titles import is_sentence

# A line shorter than this is never taken for run-together pages.
LONG_LINE = 400
# ... and it must hold at least this many places to split.
MIN_SPLITS = 3

_LABEL_WORDS = (
    "Sagsfremstilling|Sagsbeskrivelse|Indstilling|Beslutning|Resumé|Resume|Bilag|Økonomi|"
    "Lovgrundlag|Baggrund|Sagens forløb|Tidligere beslutninger|Vurdering|Høring|Udtalelser|"
    "Underskrifter|Underskriftsside|Underskriftside"
)
# A section label followed by the text of its section (upper case) or a colon.
_LABEL = re.compile(rf"(?:(?<=\s)|^)(?P<label>(?:{_LABEL_WORDS}))(?=:|\s+[A-ZÆØÅ\"“«]|\s*$)")
_PUNKT = re.compile(r"(?<=\s)(?=(?:Punkt|Pkt\.)\s*\d{1,3}\s*[:.)\-–]?\s+[A-ZÆØÅ])")
# Header fields with their colon: "Mødedato:", "Sted:", "Afbud:".
_FIELD = re.compile(
    r"(?<=\s)(?=(?:Mødedato|Mødested|Mødetidspunkt|Mødetid|Dato|Sted|Starttidspunkt|"
    r"Sluttidspunkt|Deltagere|Fraværende|Afbud)\s*:)"
)
_CASE = re.compile(r"(?<=\s)(?=(?:Sagsnr|Sags nr|Sagsid|J\.nr|Dok\.nr)\.?\s*:)")
# "Godkendt. 4. Orientering": a numbered heading after the end of a sentence.
_NUMBERED = re.compile(r"(?<=[.!?]\s)(?=\d{1,3}\.\s+[A-ZÆØÅ][a-zæøå])")
# "...Referat9. Godkendelse": a heading glued to the end of a word of four letters or more.
_GLUED = re.compile(r"(?<=[a-zæøå]{4})(?=\d{1,3}\.\s+[A-ZÆØÅ][a-zæøå]+\s)")
_PAGE = re.compile(r"(?<=\s)(?P<page>Side\s+\d{1,4}\s*(?:af|/)\s*\d{1,4})(?=\s|$)")
# Words before a number that make "15. Mødet" part of a sentence: "kl. 15.", "pkt. 3.".
_ABBREVIATIONS = frozenset(("kl.", "pkt.", "nr.", "jf.", "stk.", "ca.", "s.", "side", "bl.a."))
_MONTHS = re.compile(
    r"\d{1,3}\.\s+(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|"
    r"november|december)\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


def _cuts(line: str) -> tuple[set[int], set[int]]:
    """``(cut before, cut after)``: offsets in ``line`` where a new line starts."""
    before: set[int] = set()
    after: set[int] = set()
    for pattern in (_PUNKT, _CASE, _FIELD):
        before.update(m.start() for m in pattern.finditer(line))
    for match in _NUMBERED.finditer(line):
        word = line[: match.start()].rsplit(None, 1)[-1].lower()
        if word not in _ABBREVIATIONS and not _MONTHS.match(line, match.start()):
            before.add(match.start())
    for match in _LABEL.finditer(line):
        before.add(match.start())
        if not line.startswith(":", match.end()):
            after.add(match.end())  # "Sagsfremstilling" on its own line, as printed
    for match in _PAGE.finditer(line):
        before.add(match.start())
        after.add(match.end())
    return before, after


def _page_starts(line: str) -> list[int]:
    """Where pages start in a run-together line: at its start and after each page marker."""
    return [0, *(m.end() for m in _PAGE.finditer(line))]


def _masked_words(line: str, start: int) -> list[str]:
    return [_DIGITS.sub("#", word) for word in line[start:].split(None, 12)[:12]]


def running_header_words(lines: list[str]) -> int:
    """How many words every page repeats at its top (its running header, digits masked), in
    run-together ``lines``; 0 for fewer than three pages after the first or fewer than two
    repeated words. The first page is left out: it starts with the meeting's own header."""
    starts = [_masked_words(line, start) for line in lines for start in _page_starts(line)]
    starts = [words for words in starts[1:] if words]  # a marker at the very end starts nothing
    if len(starts) < MIN_SPLITS:
        return 0
    common = 0
    while all(len(words) > common + 1 and words[common] == starts[0][common] for words in starts):
        common += 1
    return common if common >= 2 else 0  # two words: a name and a date


def _header_cuts(line: str, words: int, before: set[int], *, first: bool) -> set[int]:
    """The ends of the running headers in ``line``; a header ends early where an item heading
    or a label starts (then that start is the cut)."""
    cuts: set[int] = set()
    for start in _page_starts(line)[1 if first else 0 :]:
        at = start
        for word in line[start:].split(None, words)[:words]:
            at = line.index(word, at) + len(word)
        if not any(start < cut <= at for cut in before):
            cuts.add(at)
    return cuts


def is_run_together(line: str) -> bool:
    """A line of pages run together: long, with several places to split."""
    return len(line) >= LONG_LINE and len(_cuts(line)[0]) >= MIN_SPLITS


# In text that has run-together pages, a shorter line with a place to split is one too.
_MIN_SHORT_SPLITS = 1


def split_run_together(line: str, header_words: int = 0, *, first: bool = True) -> list[str]:
    """The lines a run-together line of pages was made of; ``[line]`` if it is not one.
    ``header_words`` words at the top of each page are a running header and a line of their
    own (but at the top of the ``first`` page: that is the document's start).

    >>> is_run_together("Kort linje. Beslutning Godkendt.")
    False
    >>> text = ("Punkt 3: Budget Sagsnr.: 22-1 Sagsfremstilling " + "Forvaltningen skriver. " * 20
    ...         + "Beslutning Godkendt. 4. Orientering om trafik Beslutning: Taget til efterret.")
    >>> [part[:30] for part in split_run_together(text)]  # doctest: +NORMALIZE_WHITESPACE
    ['Punkt 3: Budget', 'Sagsnr.: 22-1', 'Sagsfremstilling', 'Forvaltningen skriver. Forvalt',
     'Beslutning', 'Godkendt.', '4. Orientering om trafik', 'Beslutning: Taget til efterret']
    """
    before, after = _cuts(line)
    if not before:
        return [line]
    before |= {m.start() for m in _GLUED.finditer(line)}
    if header_words:
        after |= _header_cuts(line, header_words, before, first=first)
    cuts = sorted((before | after) - {0, len(line)})
    parts = [line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]
    return [part for part in parts if part] or [line]


# "3 | Tekst", "12 Sagsfremstilling": a page number and the line.
_PREFIX = re.compile(r"(?P<page>\d{1,4})(?: \| ?| {1,3}|\t)(?=\S)")
_MIN_PREFIXED = 0.6  # share of non-blank lines
_MIN_LINES_A_PAGE = 3  # lines per number, on average
_MIN_PREFIXED_LINES = 6


def strip_page_prefixes(lines: list[str]) -> list[str] | None:
    """``lines`` without the page numbers printed before them, or None when the lines carry no
    such numbers: most non-blank lines start with a number, the numbers never go down, and each
    stands before several lines in a row (item numbers change on every heading).

    >>> strip_page_prefixes(["1 Referat", "1 Byrådet", "1 Punkt 1: Budget", "2 Beslutning",
    ...                      "2 Godkendt.", "2 Punkt 2: Eventuelt"])
    ['Referat', 'Byrådet', 'Punkt 1: Budget', 'Beslutning', 'Godkendt.', 'Punkt 2: Eventuelt']
    >>> strip_page_prefixes(["1. Budget", "Godkendt.", "2. Eventuelt", "Intet."]) is None
    True
    """
    if not _prefixed(lines):
        return None
    matches = [_PREFIX.match(line) for line in lines]
    stripped = [line[m.end() :] if m else line for line, m in zip(lines, matches, strict=True)]
    # numbers before numbers ("1 1 Budget") are not clearly pages: leave them as printed
    return None if _prefixed(stripped) else stripped


def _prefixed(lines: list[str]) -> bool:
    matches = [_PREFIX.match(line) for line in lines]
    non_blank = sum(1 for line in lines if line.strip())
    numbers = [int(m["page"]) for m in matches if m]
    if len(numbers) < max(non_blank * _MIN_PREFIXED, _MIN_PREFIXED_LINES):
        return False
    if any(b < a for a, b in itertools.pairwise(numbers)):
        return False
    return len(numbers) >= len(set(numbers)) * _MIN_LINES_A_PAGE


# "... Side 2", "Side 2 af 9", "Page 2 of 9" at the end of a line: the page footer.
_FOOTER = re.compile(r"(?:^|\s)(?:Side|Page)\s+(?P<page>\d{1,4})(?:\s*(?:af|of|/)\s*\d{1,4})?\s*$")
_FOOTER_LINES = 200
_LOOK_BELOW_FOOTER = 2  # the page's first line, or the one after its running header
_LABEL_START = re.compile(rf"(?:{_LABEL_WORDS})\b", re.IGNORECASE)


def _no_heading_title(rest: str) -> bool:
    """``rest`` cannot be the title of a ``N Title`` heading: it starts in lower case, with a
    number or a section label, is a whole label line (``Økonomiudvalgets beslutning den 3. maj
    2022``) or a case-number line (``Sagsnr.: 20/1234``), or it ends as a sentence ends."""
    return (
        not rest[0].isupper()
        or bool(_LABEL_START.match(rest))
        or is_sentence(rest)
        or match_label(rest) is not None
        or is_case_line(rest)
    )


def strip_glued_page_numbers(lines: list[str]) -> list[str] | None:
    """``lines`` without the page number glued to the first line of each page, or None when
    no page shows one.

    >>> strip_glued_page_numbers(["Beslutning", "Side 1 af 2", "2 Godkendt."])
    ['Beslutning', 'Side 1 af 2', 'Godkendt.']
    >>> strip_glued_page_numbers(["Tekst.", "Side 1 af 2", "2 Godkendelse af dagsorden"]) is None
    True
    >>> strip_glued_page_numbers(["Tekst.", "Side 1 af 2", "2 - Godkendelse af dagsorden"]) is None
    True
    >>> strip_glued_page_numbers(["Budget", "Side 1 af 2", "2 Sagsnr.: 20/1234"])
    ['Budget', 'Side 1 af 2', 'Sagsnr.: 20/1234']
    """
    result: list[str] | None = None
    for index, line in enumerate(lines):
        if len(line) > _FOOTER_LINES or not line.rstrip()[-1:].isdigit():
            continue
        footer = _FOOTER.search(line)
        if footer is None:
            continue
        prefix = f"{int(footer['page']) + 1} "
        below = [i for i in range(index + 1, min(len(lines), index + 8)) if lines[i].strip()]
        for at in below[:_LOOK_BELOW_FOOTER]:
            printed = lines[at].strip()
            rest = printed[len(prefix) :].strip()
            if (
                printed.startswith(prefix)
                and rest
                and _no_heading_title(rest)
                and heading_candidate(printed) is None  # "3 - Title": item 3 on page 3
            ):
                result = result if result is not None else list(lines)
                result[at] = lines[at][: len(lines[at]) - len(lines[at].lstrip())] + rest
                break
    return result


# Header labels printed without a colon ("Mødetidspunkt 24-01-2023 kl. 17:00"): a line of the
# header holding two or more ran together when its page was extracted as one line. Not
# "Mødelokale", which is as often part of a place ("Rådhuset, Mødelokale 2").
_BARE_LABELS = (
    r"(?:Mødedato|Mødetidspunkt|Mødetid|Mødested|Mødeafslutning|Mødestart|Mødeslut|"
    r"Starttidspunkt|Sluttidspunkt|Deltagere|Fraværende|Afbud)\s+\S"
)
_BARE_FIELD = re.compile(rf"(?<=\s)(?={_BARE_LABELS})")
_BARE_FIELD_FIRST = re.compile(_BARE_LABELS)
_HEADER_LINES = 60  # the header stands within the text's first lines


def split_header_fields(lines: list[str]) -> list[str] | None:
    """``lines`` with each header line that holds two or more labels (without colons) split
    before each label, or None when no line does.

    >>> split_header_fields(["Referat Byrådet Mødetidspunkt 24-01-2023 Mødested Byrådssalen"])
    ['Referat Byrådet', 'Mødetidspunkt 24-01-2023', 'Mødested Byrådssalen']
    >>> split_header_fields(["Mødetid 17:00 Mødested Rådhuset"])
    ['Mødetid 17:00', 'Mødested Rådhuset']
    >>> split_header_fields(["Mødested\tRådhuset, Mødelokale 2", "Mødested Rådhuset"]) is None
    True
    """
    head: list[str] = []
    changed = False
    for line in lines[:_HEADER_LINES]:
        # a label and its value set apart by a tab are printed so, not run together
        cuts = [] if "\t" in line else [m.start() for m in _BARE_FIELD.finditer(line)]
        if len(cuts) + (_BARE_FIELD_FIRST.match(line) is not None) < 2:
            head.append(line)
            continue
        changed = True
        parts = [line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]
        head.extend(part for part in parts if part)
    return [*head, *lines[_HEADER_LINES:]] if changed else None


def repair_extraction(text: str) -> str:
    """``text`` with the damage above repaired; ``text`` itself (the same object) when it shows
    none, so normal text is never touched.

    >>> repair_extraction("Punkt 1: Budget\\nBeslutning\\nGodkendt.\\n")
    'Punkt 1: Budget\\nBeslutning\\nGodkendt.\\n'
    """
    lines = text.split("\n")
    changed = False
    stripped = strip_page_prefixes(lines)
    if stripped is not None:
        lines, changed = stripped, True
    glued = strip_glued_page_numbers(lines)
    if glued is not None:
        lines, changed = glued, True
    fields = split_header_fields(lines)
    if fields is not None:
        lines, changed = fields, True
    damaged = [
        i for i, line in enumerate(lines) if len(line) >= LONG_LINE and is_run_together(line)
    ]
    if damaged:
        # the same extraction ran the shorter pages (the last one) together too
        damaged = [i for i, line in enumerate(lines) if len(_cuts(line)[0]) >= _MIN_SHORT_SPLITS]
        header = running_header_words([lines[i] for i in damaged])
        repaired: list[str] = []
        for index, line in enumerate(lines):
            if index in damaged:
                repaired.extend(split_run_together(line, header, first=index == damaged[0]))
            else:
                repaired.append(line)
        lines, changed = repaired, True
    return "\n".join(lines) if changed else text
