"""Reference data for recognising mentions: laws, programmes, organisations and KL's journal
plan (KLE), kept as reviewable YAML files in this package, each entry with its source.

See ``README.md`` beside this file for the files and their fields.
"""

from loaders.reference.catalogue import ReferenceData, ReferenceDataError, reference_data
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

__all__ = [
    "Alias",
    "CasePolicy",
    "Entity",
    "EntityType",
    "KleConcept",
    "Law",
    "Organisation",
    "Programme",
    "ReferenceData",
    "ReferenceDataError",
    "reference_data",
]
