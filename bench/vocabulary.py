"""Word lists the synthetic minutes draw from: people, committees, places, programmes, laws,
organisations, item titles and decisions of Danish employment committees."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

KOMMUNER_CSV = Path(__file__).resolve().parent.parent / "loaders" / "data" / "kommuner.csv"


@functools.cache
def municipalities() -> tuple[tuple[str, str], ...]:
    """``(kommunekode, navn)`` for all 98 municipalities, in file order."""
    with KOMMUNER_CSV.open(encoding="utf-8", newline="") as handle:
        return tuple((row["kommunekode"], row["navn"]) for row in csv.DictReader(handle))


def kommune(name: str) -> str:
    """The municipality as minutes name it: ``Lemvig Kommune``, ``Københavns Kommune``."""
    return "Københavns Kommune" if name == "København" else f"{name} Kommune"


FIRST_NAMES = (
    "Anders", "Anne", "Bente", "Birgitte", "Bjørn", "Carsten", "Charlotte", "Christian",
    "Claus", "Connie", "Dorthe", "Erik", "Flemming", "Hanne", "Helle", "Henrik", "Irene",
    "Jakob", "Jens", "Jette", "Johannes", "Karen", "Kirsten", "Klaus", "Lars", "Lene", "Lise",
    "Louise", "Mads", "Maria", "Martin", "Mette", "Michael", "Morten", "Niels", "Ole", "Peter",
    "Pia", "Poul", "Rasmus", "Rita", "Rikke", "Søren", "Steen", "Susanne", "Thomas", "Tina",
    "Torben", "Trine", "Ulla", "Vibeke", "Anja", "Kim", "Mogens", "Gitte", "Frederik", "Ida",
)  # fmt: skip
MIDDLE_NAMES = (
    "Lykke", "Juhl", "Lund", "Erik", "Boel", "Lønberg", "Bach", "Holm", "Krogh", "Dam",
    "Bech", "Skov", "Friis", "Kjær", "Munk", "Brandt",
)  # fmt: skip
SURNAMES = (
    "Andersen", "Bjerg", "Blickfeldt", "Christensen", "Damgaard", "Frandsen", "Hansen",
    "Jensen", "Jørgensen", "Kristiansen", "Larsen", "Madsen", "Mikkelsen", "Møller", "Nielsen",
    "Olsen", "Pedersen", "Petersen", "Poulsen", "Rasmussen", "Sørensen", "Thomsen", "Agerbo",
    "Byskov", "Plank", "Stokholm", "Kjærgaard", "Lauridsen", "Mortensen", "Nørgaard", "Iversen",
    "Vestergaard", "Østergaard", "Overgaard", "Toft", "Kjeldsen", "Bruun", "Lindholm", "Winther",
)  # fmt: skip
PARTIES = ("A", "V", "C", "F", "O", "B", "Ø", "I", "K", "D", "Å")
PARTIES_FROM_2022 = ("M", "Æ")  # Moderaterne and Danmarksdemokraterne stand from 2022

# (name, initials used as the item prefix by the Markdown and PDF-with-footers systems)
COMMITTEES = (
    ("Arbejdsmarkeds- og Integrationsudvalget", "AI"),
    ("Beskæftigelsesudvalget", "BSU"),
    ("Arbejdsmarkedsudvalget", "AMU"),
    ("Udvalget for Job, Arbejdsmarked og Integration", "JAI"),
    ("Udvalget for Job & Arbejdsmarked", "JA"),
    ("Beskæftigelses- og Integrationsudvalget", "BI"),
    ("Job- og Arbejdsmarkedsudvalget", "JAU"),
    ("Erhvervs- og Beskæftigelsesudvalget", "EB"),
    ("Social- og Beskæftigelsesudvalget", "SB"),
    ("Udvalget for Beskæftigelse og Erhverv", "BE"),
    ("Uddannelses- og Beskæftigelsesudvalget", "UB"),
    ("Udvalget for Arbejdsmarked & Uddannelse", "AU"),
)
OTHER_COMMITTEES = (
    ("Udvalget for Børn & Ungdom", "BU"),
    ("Udvalget for Social, Sundhed & Ældre", "SSÆ"),
    ("Udvalget for Erhverv, Klima & Lokal udvikling", "EKL"),
)
COUNCILS = ("Byrådet", "Kommunalbestyrelsen")

ROOMS = (
    "Byrådssalen", "Udvalgsværelse 2", "Mødelokale 1", "Mødelokale 207", "Mødelokale Udsigten",
    "Kantinen", "Jobcentrets mødelokale", "Lille mødesal", "Mødelokale 3.14",
)  # fmt: skip
BUILDINGS = ("Rådhus", "Rådhuset", "Jobcenter", "Servicecenter", "Borgerservice", "Sundhedshus")
STREETS = (
    "Rådhusstræde", "Torvet", "Jernbanegade", "Skolevej", "Finderupsvej", "Lejrevej",
    "Møllebjergvej", "Nørregade", "Søndergade", "Vestergade", "Industrivej", "Bredgade",
)  # fmt: skip

PROGRAMMES = (
    "KLAPjob", "Projekt PLUS", "Flere skal med", "A-kasseforsøget", "Klar til start", "Job-bro",
    "Unge på Broen", "Én familie, én plan", "IPS-indsatsen", "Vejen til job",
)  # fmt: skip
# (as printed, the kind of law: so a paragraph can say "efter {law}")
LAWS = (
    "lov om en aktiv beskæftigelsesindsats",
    "LAB-loven",
    "§ 91 i beskæftigelsesloven",
    "lov om social service",
    "servicelovens §§ 103-104",
    "lov om sygedagpenge",
    "integrationsloven",
    "lov om aktiv socialpolitik",
    "lov om organisering og understøttelse af beskæftigelsesindsatsen m.v.",
)
ORGANISATIONS = (
    "STAR", "KL", "VIVE", "Ankestyrelsen", "a-kasserne", "VUC", "jobcentrene",
    "Styrelsen for Arbejdsmarked og Rekruttering", "Beskæftigelsesministeriet", "3F",
    "FOA", "HK", "Dansk Industri", "Arbejdsmarkedskontor Midt-Nord", "Arbejdsmarkedskontor Øst",
    "Arbejdsmarkedskontor Syd", "Sprogcentret", "FGU", "UU-vejledningen", "Socialstyrelsen",
)  # fmt: skip

# Regular item titles; {y} is the meeting year, {p} a programme, {o} an organisation.
ITEM_TITLES = (
    "De beskæftigelsespolitiske mål for {y1}",
    "Beskæftigelsesplan {y1}",
    "Budgetopfølgning pr. 30. {m} {y}",
    "Status på {p}",
    "Midtvejsevaluering af {p}",
    "Slutevaluering af {p} til orientering",
    "Orientering om rapport fra VIVE om jobcentrenes indsats",
    "Ledelsesinformation {m} {y}",
    "Resultatrevision {y0}",
    "Aftale om undervisningsforlægning fra VUC",
    "Henvendelse fra {o} om samarbejde",
    "Dialogmøde med MED-udvalget",
    "Analyse af udviklingen på sygedagpengeområdet",
    "Ankestyrelsens praksisundersøgelse af jobafklaringsforløb",
    "Kvalitetsstandard for beskyttet beskæftigelse efter servicelovens §§ 103-104",
    "Integrationsindsatsen - status for flygtninge og familiesammenførte",
    "Pejlemærker for revalidering",
    "Målretning af beskæftigelsestilbud",
    "Ansøgning om puljemidler til {p}",
    "Indsatsen for fordrevne fra Ukraine",
    "Skærpet tilsyn fra STAR - handleplan",
    "Årshjul for styring af beskæftigelsesområdet {y}",
    "Virksomhedsprisen {y0} - kriterier og procedure",
    "Partnerskabsaftale om erhvervsuddannelser",
    "Ungeindsatsen og uddannelsespålæg",
    "Fleksjob og ledighedsydelse - udvikling og tiltag",
    "Sociale investeringer på beskæftigelsesområdet",
    "Anden delaftale om nytænkning af beskæftigelsesindsatsen",
    "Lokal udmøntning af ny kontanthjælpsreform",
    "Samarbejde med a-kasserne om rådighedsvurderinger",
)
CLOSED_TITLES = (
    "Budgetkatalog {y1}-{y4} vedrørende tidlig pension",
    "Personsag",
    "Klage over afgørelse",
    "Udbud af sprogundervisning",
    "Kontrakt med leverandør af mentorforløb",
)

DECISIONS = (
    "Godkendt.",
    "Taget til efterretning.",
    "Drøftet.",
    "Indstillingen godkendt.",
    "Administrationens indstilling godkendes.",
    "Punktet blev taget til efterretning.",
    "Til efterretning.",
    "Indstillingen tiltrådt.",
    "Der blev givet en orientering.",
    "Anbefales over for Økonomiudvalget og {council}.",
    "Sagen udsættes til næste møde.",
    "Orienteringen taget til efterretning.",
)
DECISION_REMARKS = (
    "Udvalget ønsker en evaluering efter 6 måneder.",
    "Udvalget ønsker en status på mødet i {m}.",
    "Præsentation fra mødet vedlægges referatet som bilag.",
    "Forvaltningen fremlægger en opfølgning på et kommende møde.",
    "Udvalget bad om, at {o} inviteres til et dialogmøde.",
)
ATTACHMENTS = (
    "Ledelsesinformation {m} {y}",
    "Effektstudie af forsøg med mere ansvar til arbejdsløshedskasser",
    "Brev til landets borgmestre",
    "Beskæftigelsesplan {y1} - udkast",
    "Notat om {p}",
    "Præsentation fra mødet",
    "Handleplan for skærpet tilsyn",
    "Årshjul {y}",
    "Høringssvar fra Handicaprådet",
    "Evaluering af {p}",
    "Bilag 1 - {t}",
    "Notat - {t}",
    "Tidsplan for {p}",
    "Oversigt over indsatser {y}",
)
