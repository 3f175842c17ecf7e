"""Danish-aware folding for the text index, and the Danish sort order of the A-Z lists.

Search folds both the indexed text and the query the same way, so that the ways people type
Danish letters on a keyboard without them find each other:

>>> fold("Ældreområdet")
'aeldreomraadet'
>>> fold("aeldreomraadet") == fold("ÆLDREOMRÅDET")
True
>>> fold("Søg på KLAPjob-forløb")
'soeg paa klapjob-forloeb'
>>> fold("Café Über")
'cafe uber'

A query becomes plain words, whatever FTS5 syntax it holds; each word is quoted, and a prefix
from three letters on (a prefix of one or two letters would match half the index):

>>> fts_query('"ældre" AND (job* OR -NEAR a')
'"aeldre"* "and"* "job"* "or" "near"* "a"'
>>> fts_query('" * - ^ :') is None
True
>>> query_words("Børn og unge")
['boern', 'og', 'unge']

Danish alphabetical order puts æ, ø and å after z, and files "aa" as the å it stands for:

>>> sorted(["Aarhus", "Åbenrå", "Zealand", "Ørsted", "Ærø", "Aalborg", "Assens"], key=sort_key)
['Assens', 'Zealand', 'Ærø', 'Ørsted', 'Åbenrå', 'Aalborg', 'Aarhus']
>>> [initial(w) for w in ("Lemvig", "Ærø", "Ørsted", "åben", "Aabenraa", "§ 91", "3F")]
['L', 'Æ', 'Ø', 'Å', 'Å', '#', '#']
"""

from __future__ import annotations

import re
import unicodedata

_FOLDS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss", "ä": "ae", "ö": "oe"})
_WORD = re.compile(r"\w+")
MAX_QUERY_WORDS = 12  # a query of more words is cut: the rest would hardly narrow it
PREFIX_FROM = 3  # letters from which a query word also finds the longer words it begins


def fold(text: str) -> str:
    """Lower case, Danish letters spelt out the way a keyboard without them writes them
    (æ -> ae, ø -> oe, å -> aa), other accents dropped. Used for the index and the query."""
    lowered = text.lower().translate(_FOLDS)
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_INDEX_FOLDS = (
    ("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("Æ", "AE"), ("Ø", "OE"), ("Å", "AA"),
    ("ä", "ae"), ("ö", "oe"), ("Ä", "AE"), ("Ö", "OE"), ("ß", "ss"),
)  # fmt: skip


def fold_for_index(text: str) -> str:
    """:func:`fold` as far as FTS5's own tokenizer does not do it (case and other accents):
    the Danish letters spelt out. Fast on long texts (a few ``str.replace``).

    >>> fold_for_index("Ældreområdet på Ærø")
    'AEldreomraadet paa AEroe'
    """
    for letter, spelt in _INDEX_FOLDS:
        if letter in text:
            text = text.replace(letter, spelt)
    return text


def query_words(query: str) -> list[str]:
    """The folded words of a query (letters and digits only), at most :data:`MAX_QUERY_WORDS`."""
    return _WORD.findall(fold(query))[:MAX_QUERY_WORDS]


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression that finds the words of ``query`` (each as a prefix, all of
    them required), or ``None`` when it has no words. Operators, quotes and stars in the input
    are never FTS5 syntax here: every word is quoted."""
    words = query_words(query)
    if not words:
        return None
    return " ".join(f'"{word}"*' if len(word) >= PREFIX_FROM else f'"{word}"' for word in words)


_SPELLINGS = {"ae": "(?:ae|æ|ä)", "oe": "(?:oe|ø|ö)", "aa": "(?:aa|å)", "ss": "(?:ss|ß)"}
_ACCENTS = {"a": "[aáàâ]", "e": "[eéèêë]", "i": "[iíìîï]", "o": "[oóòô]", "u": "[uúùûü]"}


def match_pattern(words: list[str]) -> re.Pattern[str] | None:
    """A pattern that finds, in text as written, the words :func:`fts_query` finds: what
    search marks in a snippet.

    >>> pattern = match_pattern(["aeldre", "paa"])
    >>> [m.group() for m in pattern.finditer("Ældreområdet på Paarup og forældre")]
    ['Ældreområdet', 'på', 'Paarup']
    >>> match_pattern([]) is None
    True
    """
    if not words:
        return None
    parts = []
    for word in words:
        spelt, i = [], 0
        while i < len(word):
            pair = word[i : i + 2]
            if pair in _SPELLINGS:
                spelt.append(_SPELLINGS[pair])
                i += 2
            else:
                spelt.append(_ACCENTS.get(word[i], re.escape(word[i])))
                i += 1
        parts.append("".join(spelt) + (r"\w*" if len(word) >= PREFIX_FROM else r"\b"))
    return re.compile(r"\b(?:" + "|".join(parts) + ")", re.IGNORECASE)


# æ, ø, å (and ä, ö, ü the way Danish dictionaries file them) after z; other accents dropped
_SORT = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}", "ü": "y"})
_LETTERS = {"{": "Æ", "|": "Ø", "}": "Å"}


def sort_key(label: str) -> str:
    """A key that sorts labels in Danish alphabetical order (case-insensitive)."""
    lowered = label.lower().replace("aa", "å").translate(_SORT)
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def person_sort_key(name: str) -> str:
    """A person's key in a register: the surname (the name's last word) first, then the whole
    name, in Danish order; the name shown is unchanged.

    >>> names = ["Åse Ørsted", "Bo Andersen", "Mette Aagaard", "Karin von Holck"]
    >>> sorted(names, key=person_sort_key)
    ['Bo Andersen', 'Karin von Holck', 'Åse Ørsted', 'Mette Aagaard']
    """
    words = name.split()
    return sort_key(words[-1] if words else "") + " " + sort_key(name.strip())


def person_initial(name: str) -> str:
    """The letter a person is filed under: the surname's first letter.

    >>> person_initial("Åse Ørsted"), person_initial("Mette Aagaard")
    ('Ø', 'Å')
    """
    words = name.split()
    return initial(words[-1] if words else "")


def initial(label: str) -> str:
    """The letter a label is filed under in an A-Z list: A-Z, Æ, Ø, Å, or ``#`` for the rest."""
    key = sort_key(label.strip())
    first = key[:1]
    if first in _LETTERS:
        return _LETTERS[first]
    if "a" <= first <= "z":
        return first.upper()
    return "#"
