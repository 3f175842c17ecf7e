"""The loader's notes (``MinutesDocument.notes``) in Danish, for pages.

A note is worded in English where it is made, for the command line (``load`` prints it);
the load keeps it in both languages, and pages show the Danish (:func:`note_da`).
"""

from __future__ import annotations

import re

# Each kind of note, as a pattern over its English wording, with its Danish wording; a test
# makes every note the fixtures give one of these.
_NOTES_DA: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), danish)
    for pattern, danish in (
        (r"municipality inferred from (?P<evidence>.+)", "kommunen er udledt ud fra {evidence}"),
        (
            r"municipality doubtful: (?P<name>.+?) was read from the text, but the web page "
            r"points to (?P<other>.+?) \((?P<evidence>.+)\)",
            "kommunen er tvivlsom: {name} blev læst i teksten, men websiden peger på {other} "
            "({evidence})",
        ),
        (
            r"municipality doubtful: (?P<name>.+?) was read, but the text points to "
            r"(?P<other>.+?) \((?P<evidence>.+)\)",
            "kommunen er tvivlsom: {name} blev læst, men teksten peger på {other} ({evidence})",
        ),
        (
            r"date '(?P<printed>.+)' in the header does not exist; date left empty",
            "datoen '{printed}' i mødehovedet findes ikke: mødet har ingen dato",
        ),
        (
            r"the header gives different meeting dates \((?P<evidence>.+)\); date left empty",
            "mødehovedet angiver forskellige mødedatoer ({evidence}): mødet har ingen dato",
        ),
        (
            r"the weekday in '(?P<printed>.+)' does not match the date; date left empty",
            "ugedagen i '{printed}' passer ikke til datoen: mødet har ingen dato",
        ),
        (
            r"the decision headings name only other bodies; no date read",
            "beslutningsoverskrifterne nævner kun andre udvalg: ingen dato læst",
        ),
        (
            r"a decision heading gives a date that does not exist",
            "en beslutningsoverskrift angiver en dato, der ikke findes",
        ),
        (
            r"the decision headings give different dates \((?P<evidence>.+)\); date left empty",
            "beslutningsoverskrifterne angiver forskellige datoer ({evidence}): "
            "mødet har ingen dato",
        ),
        (
            r"the weekday of the decision headings' date does not match",
            "ugedagen i beslutningsoverskrifternes dato passer ikke til datoen",
        ),
        (
            r"the file holds more than one meeting: only the first \((?P<first>[\d-]+)\) is "
            r"loaded; another \((?P<second>[\d-]+)\) starts at line (?P<line>\d+): load it "
            r"from a file of its own",
            "filen rummer mere end ét møde: kun det første ({first}) er indlæst; et andet "
            "({second}) begynder på linje {line}: indlæs det fra en fil for sig",
        ),
        (
            r"the table of contents lists (?P<listed>\d+) items, the text has (?P<found>\d+)",
            "indholdsfortegnelsen har {listed} punkter, teksten {found}",
        ),
        (
            r"PDF pages without text \(scanned\?\), their text is missing: (?P<evidence>.+)",
            "PDF-sider uden tekst (scannede?), deres tekst mangler: side {evidence}",
        ),
        (
            r"PDF pages that could not be read: (?P<evidence>.+)",
            "PDF-sider, der ikke kunne læses: side {evidence}",
        ),
        (
            r"PDF pages without a text layer, read by OCR \(the text may hold misread words\): "
            r"(?P<evidence>.+)",
            "PDF-sider uden tekstlag, læst med tekstgenkendelse (teksten kan have fejllæste "
            "ord): side {evidence}",
        ),
    )
)
# The words a note's ``evidence`` is told in (loaders/rules/municipality_name.py's ``describe``, the
# PDF reader's page ranges), in the order they are replaced. What the minutes or the page print
# stands in quotes or is an address, and holds none of them.
_EVIDENCE_DA: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), danish)
    for pattern, danish in (
        (r"\b1 mention of\b", "1 omtale af"),
        (r"\b(\d+) mentions of\b", r"\1 omtaler af"),
        (r"\bthe council name\b", "rådets navn"),
        (r"\bthe postal address\b", "postadressen"),
        (r"\bthe web address\b", "webadressen"),
        (r"\bthe e-mail address\b", "e-mailadressen"),
        (r"\bthe web page's header\b", "websidens sidehoved"),
        (r"\bthe web page's footer\b", "websidens sidefod"),
        (r"\bthe page title\b", "sidens titel"),
        (r"\bthe page's site name\b", "sidens webstedsnavn"),
        (r"\bthe page's author\b", "sidens forfatter"),
        (r"\bthe page's publisher\b", "sidens udgiver"),
        (r"\bthe page's address\b", "sidens adresse"),
        (r"\(line (\d+)\)", r"(linje \1)"),
        (r"\b(\d+) more$", r"\1 til"),
        (r" and ", " og "),
    )
)


def note_da(note: str) -> str | None:
    """The Danish wording of one of the loader's notes, None for a note of a kind not known.

    >>> note_da("municipality inferred from 6 mentions of 'Lemvig Kommune'")
    "kommunen er udledt ud fra 6 omtaler af 'Lemvig Kommune'"
    >>> note_da("the table of contents lists 12 items, the text has 11")
    'indholdsfortegnelsen har 12 punkter, teksten 11'
    >>> note_da("something new") is None
    True
    """
    for pattern, danish in _NOTES_DA:
        found = pattern.fullmatch(note)
        if found is not None:
            parts = found.groupdict()
            if "evidence" in parts:
                parts["evidence"] = _evidence_da(parts["evidence"])
            return danish.format(**parts)
    return None


def _evidence_da(evidence: str) -> str:
    for pattern, danish in _EVIDENCE_DA:
        evidence = pattern.sub(danish, evidence)
    return evidence
