"""Recognising mentions of laws, programmes, organisations and persons in item texts.

>>> import datetime as dt
>>> [(m.entity_type, m.entity_key, m.anchor_text, m.provisions)
...  for m in find_mentions("servicelovens §§ 103-104", on=dt.date(2019, 10, 23))]
[('law', 'serviceloven', 'servicelovens §§ 103-104', ('§ 103', '§ 104'))]
"""

from loaders.mentions.mention_model import CandidateSummary, Mention
from loaders.mentions.recognise import find_item_mentions, find_mentions, summarise_candidates

__all__ = [
    "CandidateSummary",
    "Mention",
    "find_item_mentions",
    "find_mentions",
    "summarise_candidates",
]
