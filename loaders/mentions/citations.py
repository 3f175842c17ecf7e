"""Law citations in any form, as mentions: names of acts (:mod:`~loaders.mentions.actnames`)
resolved against the reference data (:mod:`~loaders.mentions.actindex`), enactments with the
ELI they print (:mod:`~loaders.mentions.enactments`), both widened by the provisions they cite.

A citation the reference data knows resolves to its act, by the meeting date where acts share
the name (as :func:`loaders.mentions.laws.resolve` does); a name that two works share, or a
shared one without a date, gives no mention at all. Any other citation is a candidate act: its
key is the slug of the normalised name, so every spelling of it in every municipality meets
("planlovens § 19", "§ 19 i plan-loven" -> ``planloven``).

Rules: ``law-variant`` (a reference act's name in another spelling: case, hyphen, genitive,
indefinite, written apart), ``law-fuzzy`` (misspelt), ``law-compound``, ``lov-om``,
``bekendtgoerelse-om``, ``cirkulaere-om`` (candidates), ``enactment``.

>>> import datetime as dt
>>> text = "Service-lovens § 85, mediestøttelovens § 3 og lov nr. 548 af 7. maj 2019"
>>> known, new = law_citations(text, dt.date(2023, 1, 5))
>>> for m in known + new:
...     print(m.entity_key, "|", m.anchor_text, "|", m.provisions, m.candidate, m.eli)
serviceloven | Service-lovens § 85 | ('§ 85',) False None
lab-2019 | lov nr. 548 af 7. maj 2019 | () False https://www.retsinformation.dk/eli/lta/2019/548
mediestoetteloven | mediestøttelovens § 3 | ('§ 3',) True None
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence

from loaders.mentions.actindex import act_index
from loaders.mentions.actnames import (
    ActName,
    act_names,
    misspelt_endings,
    spaced_compounds,
    title_prefixes,
)
from loaders.mentions.enactments import Enactment, enacted_act, find_enactments
from loaders.mentions.laws import resolve, with_provisions
from loaders.mentions.mention_model import Mention
from loaders.reference.forms import slugify

VARIANT_CONFIDENCE = 0.85
FUZZY_CONFIDENCE = 0.7
ENACTMENT_CONFIDENCE = 0.9
DATED_FACTOR = 0.95
CANDIDATE_CONFIDENCE = {
    "law-compound": 0.6,
    "lov-om": 0.5,
    "bekendtgoerelse-om": 0.5,
    "cirkulaere-om": 0.5,
    "enactment": 0.6,
}
# What may stand between an act's name and the enactment that says which text of it is meant:
# "planloven (LBK nr. 1157 af 01/07/2020)", "serviceloven, jf. lovbekendtgørelse nr. ...".
_NAME_THEN_ENACTMENT = re.compile(r"[ \t]*[(,–-]?[ \t]*(?:(?:jf\.?|jævnfør)[ \t]+)?$")
_TITLE_RULES = ("lov-om", "bekendtgoerelse-om")
_PARENTHESIS_OPEN = re.compile(r"[ \t]*\($")
# An act's name right after its enactment: in parentheses, or "af lov om ..." (a consolidation).
_ENACTMENT_THEN_NAME = re.compile(r"^[ \t]*(?:[(,–-]|af(?=[ \t]))?[ \t]*$")


def law_mention(
    at: tuple[int, int],
    text: str,
    rule: str,
    confidence: float,
    *,
    key: str,
    cited_rule: str | None = None,
    candidate: bool = False,
    alias: str | None = None,
    name: str | None = None,
    enactment: Enactment | None = None,
) -> Mention:
    """A mention of the act ``key`` at ``at`` in ``text``, widened by the provisions it cites
    (:func:`~loaders.mentions.laws.with_provisions`); found by ``rule``, or by ``cited_rule``
    where one is given and the mention cites provisions."""
    begin, end, provisions = with_provisions(text, *at)
    return Mention(
        key,
        "law",
        begin,
        end,
        text[begin:end],
        cited_rule if cited_rule is not None and provisions else rule,
        confidence,
        provisions,
        candidate=candidate,
        alias=alias,
        name=name,
        eli=enactment.eli if enactment else None,
        enactment=enactment.written if enactment else None,
    )


def _known(
    works: tuple[tuple[str, ...], ...] | None, on: dt.date | None
) -> tuple[str, float] | None:
    """The act meant and how sure, or None where no single act is meant."""
    if works is None or len(works) != 1:
        return None
    act = resolve(works[0], on)
    if act is None:
        return None
    return act.key, DATED_FACTOR if len(works[0]) > 1 else 1.0


def _named(text: str, name: ActName, on: dt.date | None) -> tuple[Mention | None, bool]:
    """The mention of a found name, and whether its name is known (a known name that resolves
    to no act on the date gives no mention: it is no candidate either)."""
    index = act_index()
    end, works, rule = name.end, index.exact(name.match_key), "law-variant"
    if works is None and name.rule != "law-compound":
        for shorter, key in title_prefixes(text, name):
            if (works := index.exact(key)) is not None:
                end = shorter
                break
    if works is None and (works := index.fuzzy(name.match_key)) is not None:
        rule = "law-fuzzy"
    if works is not None:
        known = _known(works, on)
        if known is None:
            return None, True
        confidence = (VARIANT_CONFIDENCE if rule == "law-variant" else FUZZY_CONFIDENCE) * known[1]
        return law_mention((name.begin, end), text, rule, confidence, key=known[0]), True
    candidate = law_mention(
        (name.begin, name.end),
        text,
        name.rule,
        CANDIDATE_CONFIDENCE[name.rule],
        key=name.key,
        candidate=True,
        name=name.name,
    )
    return candidate, False


def _titled(text: str, enactment: Enactment) -> ActName | None:
    """The title printed right after an enactment ("lov nr. 548 af 7. maj 2019 om en aktiv
    beskæftigelsesindsats"), as a name spanning both."""
    if not text.startswith(" om ", enactment.end):
        return None
    # An executive order's title is a "bekendtgørelse om ..."; an act's and a consolidation's
    # a "lov om ...".
    kind = "bekendtgørelse" if enactment.kind == "BEK" else "lov"
    words = kind + text[enactment.end : enactment.end + 300]
    names = [n for n in act_names(words) if n.begin == 0 and n.rule in _TITLE_RULES]
    if not names:
        return None
    found = names[0]
    shift = enactment.end - len(kind)
    return ActName(enactment.begin, found.end + shift, found.rule, found.name, found.match_key)


def _enacted(text: str, enactment: Enactment, on: dt.date | None) -> Mention:
    title = _titled(text, enactment)
    end = title.end if title else enactment.end
    key = enacted_act(enactment)
    if key is None and title is not None:
        named, _ = _named(text, title, on)
        if named is not None and not named.candidate and named.end == end:
            key = named.entity_key
    if key is not None:
        return law_mention(
            (enactment.begin, end),
            text,
            "enactment",
            ENACTMENT_CONFIDENCE,
            key=key,
            enactment=enactment,
        )
    name = title.name if title else enactment.written
    return law_mention(
        (enactment.begin, end),
        text,
        "enactment",
        CANDIDATE_CONFIDENCE["enactment"],
        key=title.key if title else slugify(name),
        candidate=True,
        name=name,
        enactment=enactment,
    )


def law_citations(
    text: str, on: dt.date | None, aliased: Collection[int] = ()
) -> tuple[list[Mention], list[Mention]]:
    """The law citations in ``text``: those resolved to a reference act, and candidates.

    ``aliased`` are where a reference act's alias begins (the gazetteer has the name there,
    in a form it lists): a name found there again is left out, as no more than a copy.
    """
    known: list[Mention] = []
    new: list[Mention] = []
    for name in act_names(text):
        if name.begin in aliased:
            continue
        mention, _ = _named(text, name, on)
        if mention is not None:
            (new if mention.candidate else known).append(mention)
    index = act_index()
    if "loven" in text or "LOVEN" in text or "Loven" in text:
        for begin, end, joined in spaced_compounds(text):
            act = _known(index.exact(joined), on)
            if act is not None:
                confidence = VARIANT_CONFIDENCE * act[1]
                known.append(law_mention((begin, end), text, "law-variant", confidence, key=act[0]))
    for begin, end, meant in misspelt_endings(text):
        act = _known(index.exact(meant) or index.fuzzy(meant), on)
        if act is not None:
            confidence = FUZZY_CONFIDENCE * act[1]
            known.append(law_mention((begin, end), text, "law-fuzzy", confidence, key=act[0]))
    # A printed enactment competes with the names as a known act would: it names one act,
    # an amending act's title ("om ændring af lov om ...") included.
    known += [_enacted(text, enactment, on) for enactment in find_enactments(text)]
    return known, new


def _as(mention: Mention, act: Mention) -> Mention:
    """``mention`` as a mention of the act ``act`` mentions (its span, rule, provisions and
    enactment kept)."""
    return Mention(
        act.entity_key,
        "law",
        mention.begin,
        mention.end,
        mention.anchor_text,
        mention.rule,
        mention.confidence,
        mention.provisions,
        candidate=act.candidate,
        name=act.name,
        eli=mention.eli,
        enactment=mention.enactment,
    )


def _enactment_of(text: str, mentions: list[Mention], at: int) -> Mention | None:
    """The act's mention right before or after the enactment at ``at``, if any."""
    mention = mentions[at]
    if at > 0 and mentions[at - 1].entity_type == "law":
        before = mentions[at - 1]
        if _NAME_THEN_ENACTMENT.match(text, before.end, mention.begin):
            return before
    if at + 1 < len(mentions) and mentions[at + 1].entity_type == "law":
        after = mentions[at + 1]
        if _ENACTMENT_THEN_NAME.match(text[mention.end : after.begin]):
            return after
    return None


def _one_act(first: Mention, second: Mention) -> Mention | None:
    """Of two names of one act, the one that names it: a reference act's, else a compound
    (the short name minutes cite most), else neither."""
    for mention in (first, second):
        if not mention.candidate:
            return mention
    return next((m for m in (first, second) if m.rule == "law-compound"), None)


def link_citations(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` (in text order, none overlapping), where the text says that two citations
    are of one act:

    - an enactment that names no act itself, right after or before an act's name, is that
      act's ("planloven (LBK nr. 1157 af 01/07/2020)"), and keeps the ELI it prints;
    - a name and another in parentheses after it are one act ("lov om hunde (hundeloven)"):
      a candidate takes the reference act's key or, of two candidates, the compound's.
    """
    linked = list(mentions)
    for at, mention in enumerate(linked):
        if mention.rule != "enactment" or not mention.candidate:
            continue
        if mention.name != mention.enactment:
            continue
        act = _enactment_of(text, linked, at)
        if act is not None and act.rule != "enactment":
            linked[at] = _as(mention, act)
    for at in range(len(linked) - 1):
        first, second = linked[at], linked[at + 1]
        if (
            first.entity_type != "law"
            or second.entity_type != "law"
            or not (first.candidate or second.candidate)
            or "enactment" in (first.rule, second.rule)
            or not _PARENTHESIS_OPEN.match(text, first.end, second.begin)
            or not text.startswith(")", second.end)
        ):
            continue
        act = _one_act(first, second)
        if act is not None:
            linked[at], linked[at + 1] = _as(first, act), _as(second, act)
    return linked
