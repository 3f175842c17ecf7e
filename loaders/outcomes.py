"""The outcome of a decision, from its text: an ordered list of small rules, the first that
matches wins.

The outcomes are the concepts of ``rg:outcomes`` (``ontology.namespace.OUTCOME``), by slug:
``godkendt``, ``taget-til-efterretning``, ``droeftet``, ``tiltraadt``, ``indstillet``, ``udsat``,
``afvist``, ``ingen-beslutning``. The decision text itself is kept as printed; this only adds
the outcome.

>>> classify_decision("Godkendt.")
('godkendt', 0.95)
>>> classify_decision("Udvalget tiltræder indstillingen.")
('tiltraadt', 0.95)
>>> classify_decision("Anbefales overfor Byrådet.")
('indstillet', 0.95)
>>> classify_decision("Ikke godkendt.")
('afvist', 0.95)
>>> classify_decision("")
('ingen-beslutning', 1.0)
>>> classify_decision("Forvaltningen vil til mødet i november fremlægge status.") is None
True
"""

from __future__ import annotations

import re

OUTCOMES = (
    "godkendt",
    "taget-til-efterretning",
    "droeftet",
    "tiltraadt",
    "indstillet",
    "udsat",
    "afvist",
    "ingen-beslutning",
)

FIRST_SENTENCE = 0.95  # the outcome is what the decision opens with
LATER = 0.8  # the outcome phrase comes after other text


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\wæøå])(?:{pattern})(?![\wæøå])", re.IGNORECASE)


# (outcome, rule name, pattern, how sure the phrase is). Order matters: a negation before what
# it negates ("ikke godkendt" before "godkendt"), passing on to another body before approving
# ("godkendt og oversendes til byrådet" is passed on), a clear outcome before "discussed".
RULES: tuple[tuple[str, str, re.Pattern[str], float], ...] = (
    ("ingen-beslutning", "not-released", _words(r"(?:beslutning(?:en)?\s+)?ikke\s+frigivet"), 1.0),
    (
        "afvist",
        "rejected",
        _words(
            r"afvist|afvises|afviser|forkastet|ikke\s+(?:godkendt|godkendes|tiltrådt|tiltrådte|vedtaget)"
        ),
        1.0,
    ),
    ("udsat", "postponed", _words(r"udsat|udsættes|udskudt|udskydes"), 1.0),
    (
        "indstillet",
        "recommended-on",
        _words(
            r"anbefales|anbefaler|indstilles\s+til|indstiller\s+til|oversendes\s+til|"
            r"sendes\s+videre|videresendes"
        ),
        1.0,
    ),
    ("tiltraadt", "endorsed", _words(r"tiltrådt|tiltrådte|tiltræder|tiltrædes|tiltraadt"), 1.0),
    ("godkendt", "approved", _words(r"godkendt|godkendte|godkendes|godkender|vedtaget"), 1.0),
    (
        "taget-til-efterretning",
        "noted",
        _words(r"(?:taget|tages|tog)\s+(?:\w+\s+)?til\s+efterretning|til\s+efterretning"),
        1.0,
    ),
    (
        "taget-til-efterretning",
        "informed",
        _words(r"til\s+orientering|(?:blev\s+)?givet\s+en\s+orientering|orienteringen\s+taget"),
        0.85,
    ),
    ("droeftet", "discussed", _words(r"drøftet|drøftede|drøftes|droeftet"), 1.0),
    (
        "ingen-beslutning",
        "nothing",
        _words(r"intet\s+til\s+(?:dette\s+)?punkt|intet\s+under|ingen\s+beslutning|^\s*intet"),
        0.85,
    ),
)

_SENTENCE_END = re.compile(r"[.!?\n]")
_LEADING = re.compile(r"^[\s\-–•*]*(?:ad\s+\d+\s*[:.)]\s*)?", re.IGNORECASE)


def _opens(text: str, start: int) -> bool:
    """Whether position ``start`` lies in the decision's first sentence."""
    lead = _LEADING.match(text)
    first = lead.end() if lead else 0
    stop = _SENTENCE_END.search(text, first)
    return start < (stop.start() if stop else len(text)) or start <= first


def classify_decision(text: str) -> tuple[str, float] | None:
    """``(outcome slug, confidence)`` for a decision text, or None if no rule recognises it.

    An empty text, "Beslutning ikke frigivet" and "Intet til dette punkt" are
    ``ingen-beslutning``; a text that records something else ("Forvaltningen vil ...
    fremlægge") gets None: its outcome cannot be told from the words.
    """
    if not text.strip():
        return "ingen-beslutning", 1.0
    for outcome, _, pattern, weight in RULES:
        match = pattern.search(text)
        if match is not None:
            base = FIRST_SENTENCE if _opens(text, match.start()) else LATER
            return outcome, round(base * weight, 2)
    return None
