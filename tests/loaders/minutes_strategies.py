"""Hypothesis strategies that write minutes the many ways Danish meeting systems print them.

A generated document is its text plus the truth: the meeting date, the committee, the items
(number and title) and their decisions. The styles are drawn at random and combined: header
styles, date styles, committee names, numbering styles, label styles, distracting dates that
are not the meeting date, page furniture and extraction damage. Each style is a name in
``GeneratedMinutes.styles`` so a property or a measurement can tell the layouts apart.

The truth says what a careful reader of the text would take from it. A field that the text does
not give (no date printed, no committee named) is ``None`` in the truth: the loader may then find
nothing, and anything it finds is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from hypothesis import strategies as st

from loaders import dates

# The names as minutes print them; the parser's own lists, capitalised as printed.
WEEKDAYS = tuple(day.capitalize() for day in dates.WEEKDAYS)
ENGLISH_WEEKDAYS = tuple(day.capitalize() for day in dates.ENGLISH_WEEKDAYS)
MONTHS = dates.MONTHS
ENGLISH_MONTHS = tuple(month.capitalize() for month in dates.ENGLISH_MONTHS)


def _long(d: dt.date, _: dt.time) -> str:
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def _weekday_long_time(d: dt.date, t: dt.time) -> str:
    return f"{WEEKDAYS[d.weekday()]} den {_long(d, t)} kl. {t:%H.%M}"


def _dash(d: dt.date, _: dt.time) -> str:
    return f"{d:%d-%m-%Y}"


def _dot(d: dt.date, _: dt.time) -> str:
    return f"{d:%d.%m.%Y}"


def _iso(d: dt.date, _: dt.time) -> str:
    return d.isoformat()


def _weekday_comma(d: dt.date, t: dt.time) -> str:
    return f"{WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]}, {d.year} - {t:%H:%M}"


def _english(d: dt.date, _: dt.time) -> str:
    return f"{ENGLISH_WEEKDAYS[d.weekday()]}, {ENGLISH_MONTHS[d.month - 1]} {d.day}, {d.year}"


def _danish_weekday_english_month(d: dt.date, t: dt.time) -> str:
    month = ENGLISH_MONTHS[d.month - 1]
    return f"{WEEKDAYS[d.weekday()]}, {month} {d.day}, {d.year} - {t:%H:%M}"


def _dash_seconds(d: dt.date, t: dt.time) -> str:
    return f"{d:%d-%m-%Y} {t:%H:%M}:00"


def _den_dot_time(d: dt.date, t: dt.time) -> str:
    return f"Den {d:%d.%m.%Y} kl. {t:%H:%M}"


# How a date is printed: name -> writer(date, time).
DATE_STYLES = {
    "long": _long,
    "weekday-long-time": _weekday_long_time,
    "dash": _dash,
    "dot": _dot,
    "iso": _iso,
    "weekday-comma": _weekday_comma,
    "english": _english,
    "danish-weekday-english-month": _danish_weekday_english_month,
    "dash-seconds": _dash_seconds,
    "den-dot-time": _den_dot_time,
}
# Date styles that read naturally after "REFERAT <committee> d.".
TITLE_DATE_STYLES = ("long", "dash", "dot", "iso")

COMMITTEES = (
    "Udvalget for Job & Arbejdsmarked",
    "Udvalget for Teknik og Miljø",
    "Udvalget for Børn og Ungdom",
    "Udvalget for Social, Sundhed og Ældre",
    "Økonomiudvalget",
    "Teknik- og Miljøudvalget",
    "Børne- og Skoleudvalget",
    "Beskæftigelsesudvalget",
    "Kultur- og Fritidsudvalget",
    "Byrådet",
    "Kommunalbestyrelsen",
    "Integrationsrådet",
    "Handicaprådet",
)
ELECTION_PERIODS = ("", " 2022-2025", " - 2018-2021", " 2014-2017")
# What may follow the committee's name in the header: nothing, or its abbreviation.
ABBREVIATIONS = ("", "", " (UJA)", " (ØU)")

# Where the committee is named in the header.
COMMITTEE_STYLES = (
    "title",
    "referat-af",
    "label",
    "upper-label",
    "alone",
    "name-then-kind",  # "Økonomiudvalget - Referat", "Byrådet, ordinært møde"
    "compound",  # "Økonomiudvalgsmøde", "Byrådsmøde" (others print their name alone)
    "none",
)
# Where the date is printed in the header ("title" only with a "title" committee).
DATE_PLACES = ("title", "label", "label-own-line", "upper-label", "alone", "none")

PLACES = (
    "Byrådssalen, Rådhuset",
    "Mødelokale 1, Møllebjergvej 4, 4330 Hvalsø",
    "Udvalgsværelse 2",
)

# How an item heading is printed: name -> its lines for number n and title t.
HEADINGS = {
    "punkt": "Punkt {n}: {t}",
    "dot": "{n}. {t}",
    "colon": "{n}: {t}",
    "paren": "{n}) {t}",
    "pkt": "Pkt. {n} {t}",
    "pkt-nr": "Pkt. nr. {n}\n{t}",  # older archives: the title on the next line
    "sag-nr": "Sag nr. {n}: {t}",
    "sag": "Sag {n}: {t}",
    "alone": "{n}\n{t}",  # the number alone on its line, the title on the next
    "doubled": "{n}.  {n}. {t}",
    "ad": "Ad {n}. {t}",  # "as to item N", in minutes of councils and boards
    "dash": "{n} - {t}",
    "parenthesised": "({n}) {t}",
}
NUMBERING_STYLES = tuple(HEADINGS)

TITLE_HEADS = (
    "Godkendelse af",
    "Orientering om",
    "Drøftelse af",
    "Status på",
    "Høring vedrørende",
    "Ansøgning om tilskud til",
    "Evaluering af",
    "Budgetopfølgning for",
    "Temadrøftelse om",
)
TITLE_OBJECTS = (
    "budget 2021",
    "kvalitetsrapport for skoleområdet",
    "integrationsindsatsen",
    "lokalplan 12 for Hvalsø bymidte",
    "ungdomsskolens aktiviteter",
    "beskæftigelsesplanen",
    "ny vejledning om hjemmehjælp",
    "frivillighedspuljen",
    "ansøgning fra Lejre Idrætsforening",
    "vandløbsregulativer",
    "trafiksikkerhedsplanen",
    "Projekt PLUS - Slutevaluering",
)
FIXED_TITLES = (
    "Godkendelse af dagsorden",
    "Meddelelser",
    "Eventuelt",
    "Orientering fra formanden",
    "Lukket punkt: Køb af ejendom",
)
CLOSED = "Lukket punkt: "

SECTION_LABELS = ("Resume", "Sagsfremstilling", "Indstilling", "Økonomi")
# How a label is printed: on its own line, with a colon, inline with its text, upper case; or
# labels on their own line and the decision headed "Beslutning i <committee> den <date>"; upper
# case with "<Committee>s beslutning den <date>" under BESLUTNING (Copenhagen); or no labels at
# all, only text under each heading (then no decision is printed as such, and the header always
# dates the meeting: a bare numbered line is an item only under a dated header).
LABEL_STYLES = ("own-line", "colon", "inline", "upper", "decision-heading", "genitive", "none")
# Case numbers printed in parentheses after the title (Copenhagen); a span of years is title.
TITLE_CASE_NUMBERS = (
    " (2020-0123456)",
    " (19/11679)",
    " (00.01.00-A00-1-21)",
    " - Sagsnr.: 20/1234",
    ", sagsnr. 19/11679",
)
# The access printed after the title.
TITLE_ACCESS_AFTER = (" - Åben", " [Lukket]", " Åben sag", " (Åbent punkt)")
TITLE_YEAR_SPANS = (" (2022-2025)",)

SENTENCES = (
    "Administrationen har udarbejdet et notat om sagen.",
    "Sagen har været i høring hos de berørte parter.",
    "Der er ingen økonomiske konsekvenser.",
    "Udgiften afholdes inden for rammen.",
    "Forvaltningen anbefaler, at udvalget godkender forslaget.",
    "Der henvises til vedlagte bilag.",
    "at udvalget tager orienteringen til efterretning.",
)
DECISIONS = (
    "Godkendt.",
    "Taget til efterretning.",
    "Anbefales over for Økonomiudvalget.",
    "Udsat til næste møde.",
    "Indstillingen blev godkendt med den bemærkning, at sagen følges op.",
)
# A numbered list inside a section: entries in lower case ("1. at ..."), or a first entry
# that looks like a heading.
NUMBERED_LISTS = (
    ("1. at forslaget godkendes.", "2. at planen evalueres."),
    ("1. Alle ledige skal tilbydes samtale.", "2. at planen evalueres."),
)
CASE_NUMBERS = ("Sagsnr.: 20/1234", "00.15.00G00-1-19", "Sags nr.: 19/11679", "J.nr. 01.02.05P20")
# Running page headers; "{page}" is the page number. A header without digits is as likely a
# line of the minutes repeated, so the loader may keep it.
PAGE_HEADERS = (
    "Lejre Kommune, Møllebjergvej 4, 4330 Hvalsø",
    "Referat - offentlig udgave - side {page}",
    "Lejre Kommune",
)
PAGE_LINES = 12  # the shortest page
PAGES = "\x00pages"  # stands for the number of pages until it is known
LINK_BAR = "Kopier link til punktet - Print"

# Dates that are not the meeting date: publication, deadlines, earlier meetings, item texts.
DISTRACTORS = ("published", "deadline", "in-text", "earlier-meeting", "numbered-list")
FURNITURE = ("page-footer", "page-header", "link-bar")
DAMAGE = ("page-number-prefix", "blank-line-removed", "compact")


@dataclass(frozen=True, slots=True)
class TruthItem:
    """One agenda item as printed: its number (``None`` if printed without one), its title and
    its decision text (``""`` when it has none)."""

    number: int | None
    title: str
    decision: str


@dataclass(frozen=True, slots=True)
class GeneratedMinutes:
    """A minutes text and what it says."""

    text: str
    date: dt.date | None
    committee: str | None  # without an electoral period
    items: tuple[TruthItem, ...]
    styles: dict[str, str] = field(default_factory=dict)

    def title_of(self, number: int) -> str | None:
        """The title printed for item ``number``, if the truth has that number."""
        return next((i.title for i in self.items if i.number == number), None)


@st.composite
def titles(draw: st.DrawFn) -> str:
    """A realistic Danish item title; it never ends in a label word."""
    if draw(st.integers(0, 3)) == 0:
        return draw(st.sampled_from(FIXED_TITLES))
    return f"{draw(st.sampled_from(TITLE_HEADS))} {draw(st.sampled_from(TITLE_OBJECTS))}"


def _heading(style: str, number: int, title: str) -> list[str]:
    """The lines of an item heading in numbering ``style``."""
    return HEADINGS[style].format(n=number, t=title).split("\n")


def _label_lines(style: str, label: str, text: str) -> list[str]:
    """A section: its label in ``style``, then its text."""
    if style == "own-line":
        return [label, text]
    if style == "colon":
        return [f"{label}:", text]
    if style == "inline":
        return [f"{label}: {text}"]
    if style == "upper":
        return [label.upper(), text]
    if style in ("decision-heading", "none"):
        return [label, text]
    if style == "genitive":
        return [label.upper(), text]
    raise ValueError(style)


def _plain_text(draw: st.DrawFn, numbered_lists: Sequence[tuple[str, str]]) -> list[str]:
    """An item's text with no label over it, perhaps with a numbered list inside."""
    lines = [" ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3)))]
    if numbered_lists and draw(st.booleans()):
        lines += [*draw(st.sampled_from(numbered_lists)), draw(st.sampled_from(SENTENCES))]
    return lines


_DEFINITE_ENDINGS = (("udvalget", "udvalgsmøde"), ("rådet", "rådsmøde"), ("en", "esmøde"))


def _compound(committee: str, period: str) -> str | None:
    """``Økonomiudvalgsmøde 2022-2025`` for ``Økonomiudvalget``: the body and "møde" in one
    word; None for a name of several words."""
    if " " in committee:
        return None
    for definite, compound in _DEFINITE_ENDINGS:
        if committee.endswith(definite):
            return committee.removesuffix(definite) + compound + period
    return None


def _other_date(draw: st.DrawFn, meeting: dt.date) -> dt.date:
    """A date that is not the meeting date."""
    offset = draw(st.integers(1, 400))
    return meeting + dt.timedelta(days=offset if draw(st.booleans()) else -offset)


@st.composite
def minutes(
    draw: st.DrawFn,
    *,
    committee_styles: Sequence[str] = COMMITTEE_STYLES,
    date_places: Sequence[str] = DATE_PLACES,
    date_styles: Sequence[str] = tuple(DATE_STYLES),
    numbering_styles: Sequence[str] = NUMBERING_STYLES,
    label_styles: Sequence[str] = LABEL_STYLES,
    election_periods: Sequence[str] = ELECTION_PERIODS,
    distractors: Sequence[str] = DISTRACTORS,
    furniture: Sequence[str] = FURNITURE,
    damage: Sequence[str] = DAMAGE,
    page_headers: Sequence[str] = PAGE_HEADERS,
    fewest_items: int = 1,
    numbered_lists: Sequence[tuple[str, str]] = NUMBERED_LISTS,
    unmarked_page_breaks: bool = True,
) -> GeneratedMinutes:
    """Minutes in a random combination of the given styles, with their truth.

    ``unmarked_page_breaks=False`` prints a page footer (``Side N af M``) wherever the text
    shows a page break otherwise (a running header, a page number glued to the page's first
    line): without one, nothing tells a page number from a number in the text."""
    meeting_date = draw(st.dates(dt.date(2006, 1, 1), dt.date(2025, 12, 31)))
    meeting_time = draw(st.sampled_from([dt.time(8, 15), dt.time(13, 0), dt.time(16, 30)]))
    committee = draw(st.sampled_from(COMMITTEES))
    period = draw(st.sampled_from(election_periods))
    committee_style = draw(st.sampled_from(committee_styles))
    label_style = draw(st.sampled_from(label_styles))
    places = [p for p in date_places if p != "title" or committee_style == "title"]
    if label_style == "none":
        places = [p for p in places if p != "none"]
    date_place = draw(st.sampled_from(places or ["none"]))
    styles_for_place = (
        [s for s in date_styles if s in TITLE_DATE_STYLES] if date_place == "title" else date_styles
    )
    date_style = draw(st.sampled_from(list(styles_for_place) or ["long"]))
    date_text = DATE_STYLES[date_style](meeting_date, meeting_time)
    printed_committee = committee + period + draw(st.sampled_from(ABBREVIATIONS))
    extras = set(draw(st.lists(st.sampled_from([*distractors, *furniture, *damage]), unique=True)))
    if not unmarked_page_breaks and extras & {"page-header", "page-number-prefix"}:
        extras.add("page-footer")
    styles = {
        "committee": committee_style,
        "date_place": date_place,
        "date_style": date_style,
        "period": period.strip() or "none",
    }

    header: list[str] = []
    if "published" in extras:
        header.append(f"Offentliggjort {_dash(_other_date(draw, meeting_date), meeting_time)}")
    if committee_style == "title":
        header.append(
            f"REFERAT {printed_committee} d. {date_text}"
            if date_place == "title"
            else f"REFERAT {printed_committee}"
        )
    elif committee_style == "referat-af":
        header.append(f"Referat af møde i {printed_committee}")
    elif committee_style == "label":
        header.append(f"Udvalg: {printed_committee}")
    elif committee_style == "upper-label":
        header += ["UDVALG", printed_committee]
    elif committee_style == "alone":
        header.append(printed_committee)
    elif committee_style == "compound":
        header.append(_compound(committee, period) or printed_committee)
    elif committee_style == "name-then-kind":
        kind = draw(st.sampled_from((" - Referat", ", ordinært møde", " (ekstraordinært møde)")))
        header.append(printed_committee + kind)
    if date_place == "label":
        header.append(f"Mødedato: {date_text}")
    elif date_place == "label-own-line":
        header += ["Mødedato", date_text]
    elif date_place == "upper-label":
        header += ["MØDEDATO", date_text]
    elif date_place == "alone":
        header.append(date_text)
    place = draw(st.sampled_from(PLACES))
    header += (
        ["STED", place] if committee_style == "upper-label" or date_place == "upper-label" else []
    )
    if draw(st.booleans()):
        header.append(f"Sted: {place}")

    # A number alone over a title with only text under it looks like a page number over a
    # page's first line: the loader does not read it, so it is not generated.
    numberings = [n for n in numbering_styles if label_style != "none" or n != "alone"]
    numbering = draw(st.sampled_from(numberings or ["dot"]))
    first = draw(st.sampled_from([1, 1, 1, 117]))
    # A numbered heading with only text under it is read as one of a run from 1, or of three
    # or more from another number: one alone is not.
    run = (2 if first == 1 else 3) if label_style == "none" else 1
    count = draw(st.integers(max(fewest_items, run), 6))
    styles |= {"numbering": numbering, "labels": label_style, "first": str(first)}
    styles |= dict.fromkeys(extras, "yes")
    items: list[TruthItem] = []
    body: list[list[str]] = []  # one block of lines per item
    for number in range(first, first + count):
        title = draw(titles())
        decision = draw(st.sampled_from(DECISIONS))
        lines = [LINK_BAR] if "link-bar" in extras else []
        printed_title = title
        after_title = draw(st.sampled_from(("", "", "", "case", "years", "access", "access-after")))
        if after_title == "access":  # "(Å) Budget", "(L) Køb af ejendom"
            printed_title = draw(st.sampled_from(("(Å) ", "(L) ", "(Åben) "))) + title
        elif after_title == "access-after":  # "Budget - Åben", "Køb af ejendom [Lukket]"
            printed_title = title + draw(st.sampled_from(TITLE_ACCESS_AFTER))
        elif after_title == "case":
            printed_title += draw(st.sampled_from(TITLE_CASE_NUMBERS))
        elif after_title == "years":
            title = printed_title = title + TITLE_YEAR_SPANS[0]
        if label_style == "none":
            items.append(TruthItem(number, title.removeprefix(CLOSED), ""))
            lines += _heading(numbering, number, printed_title)
            lines += _plain_text(draw, numbered_lists if "numbered-list" in extras else ())
            lines.append(decision)
            body.append(lines)
            continue
        # "Lukket punkt: X" is a closed item titled X.
        items.append(TruthItem(number, title.removeprefix(CLOSED), decision))
        lines += _heading(numbering, number, printed_title)
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(CASE_NUMBERS)))
        for label in draw(st.lists(st.sampled_from(SECTION_LABELS), min_size=1, unique=True)):
            text = " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3)))
            if label == "Sagsfremstilling" and "in-text" in extras:
                other = _long(_other_date(draw, meeting_date), meeting_time)
                text += f" Byrådet besluttede den {other} at igangsætte arbejdet."
            if label == "Sagsfremstilling" and "earlier-meeting" in extras:
                other = _dash(_other_date(draw, meeting_date), meeting_time)
                text += f" Sagen blev behandlet i Økonomiudvalget den {other}."
            if label == "Indstilling" and "deadline" in extras:
                text += f" Frist: {_long(_other_date(draw, meeting_date), meeting_time)}."
            lines += _label_lines(label_style, label, text)
            if label == "Sagsfremstilling" and "numbered-list" in extras:
                lines += draw(st.sampled_from(numbered_lists))
        if label_style == "decision-heading":
            lines += [f"Beslutning i {committee} den {_dash(meeting_date, meeting_time)}", decision]
        elif label_style == "genitive":
            lines += [
                "BESLUTNING",
                f"{committee}s beslutning den {_long(meeting_date, meeting_time)}",
            ]
            lines.append(decision)
        else:
            lines += _label_lines(label_style, "Beslutning", decision)
        body.append(lines)

    # Page furniture: a footer ends each page, a running header starts the next. Pages are
    # at least a dozen lines long, and never end inside an item heading.
    page_header = draw(st.sampled_from(page_headers))
    if "page-header" in extras:
        styles["page-header"] = page_header
    lines = list(header)
    page, since_break = 1, len(lines)
    for block in body:
        for at, line in enumerate(block):
            lines.append(line)
            since_break += 1
            if at < 2 or since_break < PAGE_LINES or draw(st.integers(0, 3)) != 0:
                continue
            if "page-footer" in extras:
                lines.append(f"Side {page} af {PAGES}")
            page, since_break = page + 1, 0
            if "page-header" in extras:
                lines.append(page_header.format(page=page))
            if "page-number-prefix" in extras and at + 1 < len(block):
                # Text extraction glues the next page's number to its first line.
                block[at + 1] = f"{page} {block[at + 1]}"
    if "page-footer" in extras:
        lines.append(f"Side {page} af {PAGES}")
    if "page-header" in extras:
        lines.insert(0, page_header.format(page=1))

    lines = [line.replace(PAGES, str(page)) for line in lines]
    if "compact" in extras:
        text = "\n".join(lines)
    else:
        gaps = ["\n\n"] * (len(lines) - 1)
        if "blank-line-removed" in extras and gaps:
            gaps[draw(st.integers(0, len(gaps) - 1))] = "\n"
        text = lines[0] + "".join(gap + line for gap, line in zip(gaps, lines[1:], strict=True))

    named = committee_style != "none" or label_style in ("decision-heading", "genitive")
    dated = date_place != "none" or label_style in ("decision-heading", "genitive")
    return GeneratedMinutes(
        text=text + "\n",
        date=meeting_date if dated else None,
        committee=committee if named else None,
        items=tuple(items),
        styles=styles,
    )
