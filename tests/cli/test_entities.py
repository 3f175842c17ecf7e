"""Entities across municipalities, asked of the loaded samples in SPARQL (issue: entities)."""

from __future__ import annotations

from pathlib import Path

from .conftest import referatgraf
from .test_query import rows

ELI_2019 = "https://www.retsinformation.dk/eli/lta/2019/548"


def municipalities_mentioning(store: Path, entity_pattern: str) -> set[str]:
    found = rows(
        store,
        f"""SELECT DISTINCT ?entity ?kode WHERE {{
              {entity_pattern}
              ?item rg:mentions ?entity ; rg:meeting/rg:municipality/rg:kommunekode ?kode }}""",
    )
    assert len({r["entity"] for r in found}) == 1, found  # one resource
    return {r["kode"] for r in found}


def test_klapjob_is_one_resource_mentioned_in_lemvig_and_lejre(samples_store: Path) -> None:
    pattern = '?entity a rg:Programme ; rdfs:label "KLAPjob"@da .'
    assert municipalities_mentioning(samples_store, pattern) == {"665", "350"}


def test_flere_skal_med_in_at_least_two_municipalities(samples_store: Path) -> None:
    pattern = '?entity a rg:Programme ; rdfs:label "Flere skal med"@da .'
    assert len(municipalities_mentioning(samples_store, pattern)) >= 2


def test_the_2019_act_in_at_least_two_municipalities_and_only_from_2020(
    samples_store: Path,
) -> None:
    pattern = f"?entity rg:eli <{ELI_2019}> ."
    assert len(municipalities_mentioning(samples_store, pattern)) >= 2
    dates = rows(
        samples_store,
        f"""SELECT DISTINCT ?date WHERE {{ ?law rg:eli <{ELI_2019}> .
              ?item rg:mentions ?law ; rg:meeting/rg:date ?date }}""",
    )
    assert dates
    assert all(r["date"] >= "2020-01-01" for r in dates)


def test_serviceloven_in_holstebro_cites_its_provisions(samples_store: Path) -> None:
    found = rows(
        samples_store,
        """SELECT ?anchor ?provision WHERE {
             ?law a rg:Law ; rdfs:label ?title FILTER(CONTAINS(LCASE(?title), "social service"))
             ?m rg:mentionOf ?law ; rg:anchorText ?anchor ; rg:provision ?provision .
             ?item rg:mention ?m ; rg:meeting/rg:municipality/rg:kommunekode "661" }""",
    )
    assert ("servicelovens §§ 103-104", "§ 103") in {(r["anchor"], r["provision"]) for r in found}


def test_lejre_members_are_one_resource_attending_both_meetings(samples_store: Path) -> None:
    for name in ("Bjørn Lykke Sørensen", "Ole Blickfeldt"):
        found = rows(
            samples_store,
            f"""SELECT ?person (COUNT(DISTINCT ?meeting) AS ?n) WHERE {{
                  ?person a rg:Person ; rdfs:label "{name}"@da .
                  ?meeting rg:attendee ?person }} GROUP BY ?person""",
        )
        assert [int(r["n"]) for r in found] == [2], (name, found)


def test_steen_hansen_absent_on_8_january_2020(samples_store: Path) -> None:
    found = rows(
        samples_store,
        """SELECT ?date WHERE { ?meeting rg:absentee/rdfs:label "Steen Hansen"@da ;
                                          rg:date ?date }""",
    )
    assert [r["date"] for r in found] == ["2020-01-08"]


def test_lemvig_case_number_links_to_its_kle_concept(samples_store: Path) -> None:
    found = rows(
        samples_store,
        """SELECT ?concept ?notation ?broader WHERE {
             ?item rg:caseNumber [ rg:rawCaseNumber "15.20.00A00-1-22" ] ; rg:kle ?concept .
             ?concept skos:notation ?notation ; skos:broader ?broader }""",
    )
    assert [(r["notation"], r["broader"].rsplit("/", 1)[-1]) for r in found] == [
        ("15.20.00", "15.20")
    ]


def test_no_mention_breaks_the_substring_invariant(samples_store: Path) -> None:
    counts = rows(
        samples_store,
        """SELECT (COUNT(?m) AS ?all) (SUM(IF(SUBSTR(?text, ?b + 1, ?e - ?b) = ?a, 0, 1)) AS ?bad)
           WHERE { ?m a rg:Mention ; rg:inText/rg:text ?text ; rg:beginIndex ?b ;
                      rg:endIndex ?e ; rg:anchorText ?a }""",
    )
    assert int(counts[0]["all"]) > 300
    assert int(counts[0]["bad"]) == 0


def test_decisions_get_outcomes_from_the_scheme(samples_store: Path) -> None:
    found = rows(
        samples_store,
        """SELECT ?label (COUNT(?d) AS ?n) WHERE { ?d rg:outcome ?o . ?o skos:prefLabel ?label
             FILTER(LANG(?label) = "da") } GROUP BY ?label""",
    )
    by_label = {r["label"]: int(r["n"]) for r in found}
    assert by_label["godkendt"] >= 5
    assert "drøftet" in by_label
    with_outcome = rows(samples_store, "SELECT (COUNT(?d) AS ?n) WHERE { ?d rg:outcome ?o }")
    # every outcome is a concept of the scheme, with its Danish label in the graph
    assert sum(by_label.values()) == int(with_outcome[0]["n"]) >= 30


def test_memberships_with_role_and_first_and_last_meeting(samples_store: Path) -> None:
    found = rows(
        samples_store,
        """SELECT ?role ?first ?last WHERE {
             ?person rdfs:label "Christian Plank"@da ; rg:membership ?m .
             ?m rg:memberRole ?role ; rg:firstSeen ?first ; rg:lastSeen ?last }""",
    )
    assert [(r["role"], r["first"], r["last"]) for r in found] == [
        ("formand", "2020-01-08", "2020-01-08")
    ]


def test_report_prints_quality_and_candidates(samples_store: Path) -> None:
    ran = referatgraf("report", "--store", samples_store)
    assert ran.code == 0, ran.err
    assert "programme" in ran.out
    assert "Beslutninger med udfald" in ran.out
    assert "'Projekt Edison' (Programme)" in ran.out
