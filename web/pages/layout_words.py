"""The layout a document was read by, for a person: the loader names the rules that recognised
its text (``rg:layout``, e.g. ``number-dot+labels-on-own-line+toc``); the meeting page says
what they mean in Danish, in a details box, and keeps the names themselves for the curious.

A rule this table does not know is left out of the words (its name still shows in the box)."""

from __future__ import annotations

from typing import Final

PHRASES: Final[dict[str, str]] = {
    "number-dot": "Punkterne er nummereret med punktum (»1. Godkendelse af dagsorden«).",
    "number-colon": "Punkterne er nummereret med kolon (»Punkt 1: …«).",
    "number-paren": "Punkterne er nummereret med parentes (»1) …«).",
    "number-space": "Punkterne står med nummer og titel på samme linje.",
    "number-alone": "Punkternes numre står på en linje for sig.",
    "punkt-number": "Punkterne begynder med ordet »Punkt« og et nummer.",
    "title": "Punkterne har titel, men intet nummer.",
    "committee-prefix": "Punkternes overskrifter begynder med udvalgets navn.",
    "labels-on-own-line": "Afsnit som »Sagsfremstilling« og »Beslutning« står på egen linje.",
    "named-decisions": "Beslutningen står under udvalgets navn (»Udvalgets beslutning«).",
    "indstiller-lines": "Indstillingen begynder med »… indstiller«.",
    "glued-labels": "Nogle afsnitsnavne står klistret til teksten efter dem.",
    "inline-labels": "Nogle afsnitsnavne står i begyndelsen af en linje med tekst efter.",
    "learned-labels": "Afsnitsnavne, som kun dette referat bruger, blev lært af dets egen tekst.",
    "toc": "Referatet begynder med en indholdsfortegnelse, som er sprunget over.",
    "page-footers": "Sidefødder (sidetal og lignende) er sprunget over.",
    "table-rules": "Tabellinjer er sprunget over.",
    "running-headers": "Gentagne sidehoveder er sprunget over.",
    "page-headers": "Sidehoveder er sprunget over.",
    "link-bars": "Hjemmesidens link- og menulinjer er sprunget over.",
    "page-controls": "Hjemmesidens knapper (»Print«, »Til toppen«) er sprunget over.",
    "several-meetings": "Filen rummer flere møder; det første er læst.",
    "signatures": "Underskriftssiden til sidst er ikke læst som et punkt.",
}


def layout_in_words(layout: object) -> list[str]:
    """A summary line, then one sentence per known rule of ``layout``.

    >>> layout_in_words("number-dot+toc+nyt-navn")[1:]
    ['Punkterne er nummereret med punktum (»1. Godkendelse af dagsorden«).', \
'Referatet begynder med en indholdsfortegnelse, som er sprunget over.']
    >>> layout_in_words(None)
    []
    """
    if not isinstance(layout, str) or not layout:
        return []
    parts = list(dict.fromkeys(p for p in layout.split("+") if p))
    words = [PHRASES[p] for p in parts if p in PHRASES]
    count = len(words)
    summary = (
        f"Læst efter {count} kendetegn ved referatets opbygning"
        if count != 1
        else "Læst efter ét kendetegn ved referatets opbygning"
    )
    return [summary, *words]
