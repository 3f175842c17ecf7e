"""The outcome of a decision, from its text: an ordered list of small rules, the first that
matches wins. The rules are data: ``loaders/data/outcome_rules.csv``, one row per rule.

The outcomes are the concepts of ``rg:outcomes`` (``ontology.namespace.OUTCOME``), by slug:
``godkendt``, ``godkendt-med-aendringer``, ``taget-til-efterretning``, ``droeftet``,
``tiltraadt``, ``indstillet``, ``oversendt``, ``udsat``, ``tilbagesendt``, ``afvist``,
``ingen-beslutning``. The decision text itself is kept as printed; this only adds the outcome.
A sentence stating a minority's position (``Et mindretal (Ø) afviste indstillingen``) says
nothing of the outcome and is not read.

>>> classify_decision("Godkendt.")
('godkendt', 0.95)
>>> classify_decision("Udvalget tiltræder indstillingen.")
('tiltraadt', 0.95)
>>> classify_decision("Anbefales overfor Byrådet.")
('indstillet', 0.95)
>>> classify_decision("Ikke godkendt.")
('afvist', 0.95)
>>> classify_decision("Sagen oversendes til Teknik- og Miljøudvalget.")
('oversendt', 0.95)
>>> classify_decision("Vedtaget med de foreslåede ændringer.")
('godkendt-med-aendringer', 0.95)
>>> classify_decision("")
('ingen-beslutning', 1.0)
>>> classify_decision("Forvaltningen vil til mødet i november fremlægge status.") is None
True
"""

from __future__ import annotations

import csv
import re
from importlib import resources

OUTCOMES = (
    "godkendt",
    "taget-til-efterretning",
    "droeftet",
    "tiltraadt",
    "indstillet",
    "udsat",
    "afvist",
    "ingen-beslutning",
    "godkendt-med-aendringer",
    "oversendt",
    "tilbagesendt",
)

FIRST_SENTENCE = 0.95  # the outcome is what the decision opens with
LATER = 0.8  # the outcome phrase comes after other text


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\wæøå])(?:{pattern})(?![\wæøå])", re.IGNORECASE)


def _read_rules() -> tuple[tuple[str, str, re.Pattern[str], float], ...]:
    text = (resources.files("loaders") / "data" / "outcome_rules.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return tuple(
        (row["outcome"], row["rule"], _words(row["pattern"]), float(row["weight"]))
        for row in csv.DictReader(lines)
    )


# (outcome, rule name, pattern, how sure the phrase is), in the order of the data file.
RULES: tuple[tuple[str, str, re.Pattern[str], float], ...] = _read_rules()

# A sentence about a minority: "Et mindretal (Ø) kunne ikke tiltræde", "Mindretallet afviste".
_MINORITY = re.compile(
    r"(?:^|(?<=[.!?\n]))[^.!?\n]*\bmindretal(?:let)?\b[^.!?\n]*(?:[.!?]|$)", re.IGNORECASE
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
    if "indretal" in text:
        text = _MINORITY.sub("", text)
    for outcome, _, pattern, weight in RULES:
        match = pattern.search(text)
        if match is not None:
            base = FIRST_SENTENCE if _opens(text, match.start()) else LATER
            return outcome, round(base * weight, 2)
    return None
