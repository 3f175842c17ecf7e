"""Decision outcomes: every decision text of the five samples, and the rules one by one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from loaders.outcomes import OUTCOMES, RULES, classify_decision
from ontology.namespace import OUTCOME, OUTCOME_NS

GOLDEN = Path(__file__).parent / "golden"

# Every decision, other committee's decision and earlier treatment printed in the five samples
# (white space collapsed), with the outcome a reader gives it; None where the text records no
# outcome a rule can tell (the committee asks for more, or only notes what was said).
SAMPLE_DECISIONS: dict[str, str | None] = {
    # 000 Lemvig 08-06-2022 (the "X og Y deltog ikke ..." notes under the decisions are
    # absences, not decision text: golden/FORMAT.md)
    "Drøftet.": "droeftet",
    "Taget til efterretning.": "taget-til-efterretning",
    "Taget til efterretning. Udvalget ønsker en devaluering efter 6 måneder.": (
        "taget-til-efterretning"
    ),
    "Til efterretning.": "taget-til-efterretning",
    "- Henvendelse fra minister til alle kommuner. Til efterretning.": "taget-til-efterretning",
    "Godkendt.": "godkendt",
    # 001 Ringkøbing-Skjern 18-08-2022
    "Dagsordenen blev godkendt.": "godkendt",
    "Administrationens indstilling godkendes.": "godkendt",
    "Beskæftigelsesudvalget drøftede oplægget, og ønsker at der skal arbejdes videre med sagen. "
    "Udvalget ønsker, at der udfærdiges en sagsfremstilling til et af de kommende møder, hvor "
    "der fremlægges et beslutningsgrundlag indeholdende forslag til finansiering.": "droeftet",
    "Punktet tages til efterretning.": "taget-til-efterretning",
    "Punktet blev taget til efterretning.": "taget-til-efterretning",
    "Beskæftigelsesudvalget ønsker, at styregruppen for projektet udfærdiger et nyt overordnet "
    "oplæg på baggrund af de erfaringer der er gjort i tidligere projekt. Oplægget udfærdiges "
    "til mødet i november. På baggrund af oplægget drøfter udvalget, om der skal arbejdes "
    "videre på et nyt projektet.": None,
    "Punktet tages til orientering.": "taget-til-efterretning",
    "Der blev givet en orientering.": "taget-til-efterretning",
    # 002 Lejre 04-05-2022 (and "Godkendt." above)
    "Godkendt": "godkendt",
    "Taget til efterretning. Præsentation fra mødet vedlægges referatet "
    "som bilag.": "taget-til-efterretning",
    "Indstillingen godkendt": "godkendt",
    "Taget til efterretning": "taget-til-efterretning",
    "Beslutning ikke frigivet": "ingen-beslutning",
    "Intet til dette punkt": "ingen-beslutning",
    # 003 Holstebro 23-10-2019
    "Jobcenterleder orienterede bl.a. om, at der er fokus på kulturændring, herunder fælles "
    "sprog og mindset m.h.p. at udvikle tilgange/metoder, borgersamtaler og virksomhedskontakten. "
    "Generelt er der for målgrupperne tale om en relativt høj afgangsrate til beskæftigelse og "
    "fleksjob. Udvalget pegede bl.a. på vigtigheden af et tæt samspil mellem "
    "afdelinger/forvaltninger i forhold til eksempelvis familier, som har sager i såvel "
    "familieafdelingen som jobcenteret.": None,
    "Arbejdsmarkedsudvalget indstiller til Social- og Sundhedsudvalget, at samarbejdsmodellen "
    "mellem Socialafdelingen, Arbejdsmarkedsafdelingen og virksomhederne etableres.": "indstillet",
    "Forvaltningen vil til mødet i november fremlægge status og 1. del af "
    "handlingskataloget.": None,
    "Pejlemærker godkendt.": "godkendt",
    "Budgetopfølgningen godkendt. Detaljeringsniveauet i budgetopfølgningerne vil fremover "
    "udvides, for at tydeliggøre den løbende sammenhæng mellem budget og faktisk "
    "udvikling.": "godkendt",
    "Ændringerne indarbejdes. Beskæftigelsesplan 2019-2021 med de besluttede ændringer er "
    "vedhæftet som bilag.": None,
    "Orienteringen taget til efterretning.": "taget-til-efterretning",
    # 004 Lejre 08-01-2020 (the "Afbud:" blocks under the decisions are absences, not decision
    # text; "Godkendt" and "Taget til efterretning." are above)
    "Udvalget drøftede de afviklede dialogmøder i 2019, og på trods af en begrænset deltagerkreds "
    "er det udvalgets vurdering, at dialogmøderne fortsat har sin berettigelse. Der er et ønske "
    "om at ændre afviklingen af fremtidige møder, således at udvalgets møde starter kl. 16.30, "
    "efterfulgt af dialogmøde kl. 17.00.": "droeftet",
    "Indstillingen tiltrådt.": "tiltraadt",
    "Ad 1: Indstillingen tiltrådt. Ad 2: Forslaget i sagsfremstillingen tiltrådt.": "tiltraadt",
    "Punktet blev drøftet.": "droeftet",
    "Indstillingerne tiltrådt.": "tiltraadt",
    "Der var intet under Eventuelt.": "ingen-beslutning",
}


@pytest.mark.parametrize(("text", "expected"), SAMPLE_DECISIONS.items())
def test_sample_decision(text: str, expected: str | None) -> None:
    found = classify_decision(text)
    assert (found[0] if found else None) == expected


def _golden_decision_texts() -> set[str]:
    texts: set[str] = set()
    for path in sorted(GOLDEN.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]:
            decisions = [item.get("decision"), *(item.get("other_decisions") or ())]
            decisions += item.get("treatments") or ()
            texts |= {" ".join(d["text"].split()) for d in decisions if d}
    return texts


def test_every_sample_decision_is_in_the_table() -> None:
    """The table above covers every decision the parser's golden files record."""
    assert _golden_decision_texts() <= set(SAMPLE_DECISIONS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Godkendt.", "godkendt"),
        ("Taget til efterretning", "taget-til-efterretning"),
        ("Drøftet.", "droeftet"),
        ("Udvalget tiltræder indstillingen", "tiltraadt"),
        ("Anbefales overfor Byrådet", "indstillet"),
        ("Indstilles til byrådets godkendelse", "indstillet"),
        ("Godkendt og oversendes til Økonomiudvalget.", "indstillet"),
        ("Udsat", "udsat"),
        ("Sagen udsættes til næste møde.", "udsat"),
        ("Afvist", "afvist"),
        ("Ikke godkendt.", "afvist"),
        ("Indstillingen blev ikke tiltrådt.", "afvist"),
        ("", "ingen-beslutning"),
        ("   \n", "ingen-beslutning"),
        ("Beslutning ikke frigivet", "ingen-beslutning"),
        ("Intet.", "ingen-beslutning"),
        # the wordings of issue 14, one or more each
        ("Indstillingen godkendt.", "godkendt"),
        ("Forslaget blev vedtaget.", "godkendt"),
        ("Anbefalet.", "indstillet"),
        ("Udvalget anbefalede indstillingen over for Økonomiudvalget.", "indstillet"),
        ("Indstillingen anbefales godkendt.", "indstillet"),
        ("Tiltrådt.", "tiltraadt"),
        ("Et flertal bestående af A, C og V kunne tiltræde indstillingen.", "tiltraadt"),
        ("Orienteringen blev taget til efterretning.", "taget-til-efterretning"),
        ("Sagen blev drøftet.", "droeftet"),
        ("Oversendt til Teknik- og Miljøudvalget.", "oversendt"),
        ("Sagen fremsendes til Byrådet.", "oversendt"),
        ("Punktet videresendes til Økonomiudvalget til orientering.", "oversendt"),
        ("Godkendt og fremsendes til Byrådet.", "indstillet"),
        ("Udsat til næste møde.", "udsat"),
        ("Sagen tilbagesendes til forvaltningen.", "tilbagesendt"),
        ("Udvalget sendte sagen tilbage til administrationen.", "tilbagesendt"),
        ("Forslaget blev forkastet.", "afvist"),
        ("Udvalget afviste ansøgningen.", "afvist"),
        ("Indstillingen blev ikke vedtaget.", "afvist"),
        ("Indstillingen anbefales ikke.", "afvist"),
        ("Forslaget faldt med 6 stemmer mod 15.", "afvist"),
        ("Vedtaget med ændringer.", "godkendt-med-aendringer"),
        ("Godkendt med følgende ændring: datoen rykkes til 1. marts.", "godkendt-med-aendringer"),
        ("Indstillingen tiltrådt med de foreslåede justeringer.", "godkendt-med-aendringer"),
        ("Indstillingen blev vedtaget med 15 stemmer mod 6.", "godkendt"),
        # a minority's position says nothing of the outcome
        ("Godkendt. Et mindretal (Ø) afviste indstillingen.", "godkendt"),
    ],
)
def test_rule(text: str, expected: str) -> None:
    found = classify_decision(text)
    assert found is not None
    assert found[0] == expected
    assert 0 < found[1] <= 1


@pytest.mark.parametrize(
    "text",
    [
        "Et mindretal (Ø) kunne ikke tiltræde indstillingen.",
        "Jens Hansen (A), Bo Lund (V) og Eva Holm (C) kunne tiltræde indstillingen.",
        "Udvalget ønsker en ny sag om emnet.",
        "Godkendelsesprocedure fremlagt.",  # no whole word of a rule
    ],
)
def test_no_rule_no_outcome(text: str) -> None:
    assert classify_decision(text) is None


def test_rules_are_read_from_the_data_file_in_its_order() -> None:
    names = [name for _, name, *_ in RULES]
    assert names[:3] == ["not-released", "rejected", "not-approved"]
    assert names.index("approved-and-forwarded") < names.index("passed-on")
    assert names.index("with-changes") < names.index("endorsed") < names.index("approved")
    assert len(names) == len(set(names))


def test_outcome_later_in_the_text_is_less_certain() -> None:
    opening = classify_decision("Godkendt. Udvalget bad om en status.")
    later = classify_decision("Udvalget bad om en status. Herefter godkendt.")
    assert opening is not None
    assert later is not None
    assert opening[1] > later[1]


def test_outcomes_are_the_ontology_scheme() -> None:
    """Every slug names a concept of rg:outcomes, and a rule leads to every concept."""
    ttl = (Path(__file__).parents[2] / "ontology" / "referatgraf.ttl").read_text(encoding="utf-8")
    concepts = set(re.findall(r"^outcome:([\w-]+)\n", ttl, flags=re.MULTILINE))
    assert set(OUTCOMES) == concepts
    assert {outcome for outcome, *_ in RULES} == set(OUTCOMES)
    assert all(hasattr(OUTCOME, slug.replace("-", "_")) for slug in OUTCOMES)
    assert OUTCOME_NS.endswith("/outcome/")
