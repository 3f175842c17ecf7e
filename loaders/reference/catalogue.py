"""The reference data files of this package, read once, checked, and looked up by key.

>>> data = reference_data()
>>> data.laws["lab-2019"].eli
'https://www.retsinformation.dk/eli/lta/2019/548'
>>> data.organisations["kommune-665"].name, data.organisations["jobcenter-665"].part_of
('Lemvig Kommune', 'kommune-665')
>>> [c.notation for c in data.kle_chain("15.20.00")]
['15.20.00', '15.20', '15']
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, TypeVar, cast

import yaml

from loaders.municipalities import all_municipalities
from loaders.reference.checks import problems
from loaders.reference.entry_model import (
    Alias,
    CasePolicy,
    Entity,
    EntityType,
    KleConcept,
    Law,
    Organisation,
    Programme,
)
from loaders.reference.forms import alias, law_forms

_PACKAGE = "loaders.reference"
_CASES: frozenset[str] = frozenset({"exact", "initial", "insensitive"})
_MUNICIPALITIES_SOURCE = "Danmarks Statistik, klassifikationen KOMMUNER (de 98 kommuner)"


class ReferenceDataError(ValueError):
    """A reference data file breaks its own rules (see :mod:`loaders.reference.checks`)."""


@dataclass(frozen=True, slots=True)
class ReferenceData:
    """All reference entries by key."""

    laws: Mapping[str, Law]
    programmes: Mapping[str, Programme]
    organisations: Mapping[str, Organisation]
    kle: Mapping[str, KleConcept]

    def entities(self) -> Iterable[tuple[EntityType, Entity]]:
        """Every law, programme and organisation with its entity type."""
        yield from (("law", law) for law in self.laws.values())
        yield from (("programme", p) for p in self.programmes.values())
        yield from (("organisation", o) for o in self.organisations.values())

    def entity(self, entity_type: EntityType, key: str) -> Entity | None:
        """The entry of this type and key, if any."""
        if entity_type == "law":
            return self.laws.get(key)
        if entity_type == "programme":
            return self.programmes.get(key)
        if entity_type == "organisation":
            return self.organisations.get(key)
        return None

    def kle_concept(self, code: str) -> KleConcept:
        """The KLE concept with this notation: the listed one, or one with notation and broader
        link only (no title) for a code the data files do not list."""
        return self.kle.get(code) or KleConcept(notation=code, source="case number")

    def kle_chain(self, code: str) -> list[KleConcept]:
        """The concept of a KLE code and all its broader concepts, narrowest first."""
        chain = [self.kle_concept(code)]
        while (broader := chain[-1].broader) is not None:
            chain.append(self.kle_concept(broader))
        return chain


# libyaml's loader where PyYAML was built with it: several times faster than the pure one.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(name: str) -> Any:
    text = (resources.files(_PACKAGE) / name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader, C or Python


def _aliases(raw: Iterable[Any], *names: str) -> tuple[Alias, ...]:
    found: dict[str, Alias] = {}
    for name in names:
        found.setdefault(name, alias(name))
    for entry in raw:
        if isinstance(entry, Mapping):
            case = str(entry.get("case", ""))
            made = alias(str(entry["text"]), cast(CasePolicy, case) if case in _CASES else None)
        else:
            made = alias(str(entry))
        found[made.text] = made  # an explicit entry wins over the name's default
    return tuple(found.values())


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _law(entry: Mapping[str, Any]) -> Law:
    written = [str(entry["title"]), *map(str, entry.get("short_names") or ())]
    written += [str(a) for a in entry.get("aliases") or () if not isinstance(a, Mapping)]
    forms = [form for name in written for form in law_forms(name)]
    explicit = [a for a in entry.get("aliases") or () if isinstance(a, Mapping)]
    number = entry.get("number")
    return Law(
        key=str(entry["key"]),
        work=str(entry.get("work") or entry["key"]),
        title=str(entry["title"]),
        short_names=tuple(map(str, entry.get("short_names") or ())),
        aliases=_aliases(explicit, *forms),
        kind=str(entry.get("kind", "LOV")),
        source=str(entry.get("source") or ""),
        number=int(number) if number is not None else None,
        enacted=_date(entry.get("enacted")),
        eli=entry.get("eli"),
        in_force_from=_date(entry.get("in_force_from")),
        in_force_to=_date(entry.get("in_force_to")),
    )


def _named(entry: Mapping[str, Any]) -> dict[str, Any]:
    """The fields a programme and an organisation share: key, name, kind, source, and the
    aliases with the name's own form among them."""
    return {
        "key": str(entry["key"]),
        "name": str(entry["name"]),
        "kind": str(entry.get("kind") or ""),
        "aliases": _aliases(entry.get("aliases") or (), str(entry["name"])),
        "source": str(entry.get("source") or ""),
    }


def _programme(entry: Mapping[str, Any]) -> Programme:
    return Programme(**_named(entry), owner=entry.get("owner"))


def _organisation(entry: Mapping[str, Any]) -> Organisation:
    return Organisation(**_named(entry), part_of=entry.get("part_of"))


def _kle(entry: Mapping[str, Any]) -> KleConcept:
    return KleConcept(
        notation=str(entry["notation"]),
        source=str(entry.get("source") or ""),
        title=entry.get("title"),
        note=entry.get("note"),
    )


def municipal_organisations() -> list[Organisation]:
    """The 98 municipalities (``kommune-NNN``) and their jobcentres (``jobcenter-NNN``), with the
    forms minutes write them in: "Lemvig Kommune", "Københavns Kommune", "Jobcenter Lemvig"."""
    found: list[Organisation] = []
    for m in all_municipalities():
        names = [m.name] if m.name.endswith("s") else [m.name, f"{m.name}s"]
        municipality = f"kommune-{m.kode}"
        found.append(
            Organisation(
                key=municipality,
                name=f"{m.name} Kommune",
                kind="municipality",
                aliases=tuple(alias(f"{n} Kommune") for n in names),
                source=_MUNICIPALITIES_SOURCE,
                kommunekode=m.kode,
            )
        )
        found.append(
            Organisation(
                key=f"jobcenter-{m.kode}",
                name=f"Jobcenter {m.name}",
                kind="jobcentre",
                aliases=(alias(f"Jobcenter {m.name}"),),
                source=f"{_MUNICIPALITIES_SOURCE}; hver kommune har et jobcenter",
                part_of=municipality,
            )
        )
    return found


_Keyed = TypeVar("_Keyed", Law, Programme, Organisation)


def _keyed(entries: Iterable[_Keyed]) -> dict[str, _Keyed]:
    return {entry.key: entry for entry in entries}


@functools.cache
def reference_data() -> ReferenceData:
    """The reference data, read and checked once per process.

    Raises :class:`ReferenceDataError` if a data file breaks a rule: a duplicate key, an entry
    without a source, an alias two entities share, a dangling link.
    """
    raw_laws = _load("laws.yaml")["laws"]
    raw_programmes = _load("programmes.yaml")["programmes"]
    raw_organisations = _load("organisations.yaml")["organisations"]
    raw_kle = _load("kle.yaml")["concepts"]
    laws = [_law(e) for e in raw_laws]
    programmes = [_programme(e) for e in raw_programmes]
    organisations = [_organisation(e) for e in raw_organisations] + municipal_organisations()
    kle = [_kle(e) for e in raw_kle]
    found = problems(laws, programmes, organisations, kle)
    if found:
        raise ReferenceDataError("; ".join(found))
    return ReferenceData(
        laws=_keyed(laws),
        programmes=_keyed(programmes),
        organisations=_keyed(organisations),
        kle={c.notation: c for c in kle},
    )
