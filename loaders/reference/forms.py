"""How names are compared and which written forms a name has.

:func:`fold` maps a text to the form the matcher searches, one character for one character, so
that offsets in the folded text are offsets in the original. :func:`law_forms` lists the ways
minutes write a law's title or short name.

>>> fold("KL’s Rekruttering\\tog STAR‐projekter")
"kl's rekruttering og star-projekter"
>>> slugify("Projekt Ny-Start, Ærø")
'projekt-ny-start-aeroe'
"""

from __future__ import annotations

import functools
import re
import string
import unicodedata

from loaders.reference.entry_model import Alias, CasePolicy

# Hyphens and apostrophes written in several ways; tabs as spaces. All one character to one.
# (str.replace per character is several times faster than str.translate on non-ASCII text.)
_FOLD = (
    ("\u2010", "-"),
    ("\u2011", "-"),
    ("\u2012", "-"),
    ("\u2013", "-"),
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("\u00b4", "'"),
    ("\t", " "),
)
_SLUG_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "&": " og "})
_ARTICLES = ("den ", "det ", "en ", "et ")


def unify(text: str) -> str:
    """``text`` with hyphens, apostrophes and tabs unified, case kept; same length."""
    for odd, usual in _FOLD:
        if odd in text:
            text = text.replace(odd, usual)
    return text


@functools.lru_cache(maxsize=16)
def fold(text: str) -> str:
    """``text`` in lower case with hyphens, apostrophes and tabs unified; same length, so an
    offset means the same in both."""
    text = unify(text)
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters lower-case to two ("İ"); keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# What separates words in minutes: ASCII punctuation, line breaks, quotes, dashes, bullets.
# (One str.replace per character present is ten times faster here than a regular expression.)
_SEPARATORS = string.punctuation + "\n\r\x0b\x0c«»“”„‘’‚‹›´`–—‐‑‒―•·…§¶°×÷€£$¤\u2028\u2029"


@functools.lru_cache(maxsize=16)
def fold_words(text: str) -> str:
    """:func:`fold`, and every separator between words (punctuation, line breaks, quotes,
    dashes) a space: the form the matcher searches, where a name can only begin after a space.
    Same length as ``text``. A rarer separator left as it is only means that a name right
    after it is not found.

    >>> fold_words("KL's STAR-projekter («VIVE»)")
    'kl s star projekter   vive  '
    """
    folded = fold(text)
    for separator in _SEPARATORS:
        if separator in folded:
            folded = folded.replace(separator, " ")
    return folded


@functools.lru_cache(maxsize=4096)
def slugify(name: str) -> str:
    """A key from a name: lower-case ASCII letters and digits joined by hyphens."""
    text = unicodedata.normalize("NFC", name).lower().translate(_SLUG_LETTERS)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", text))


def default_case(text: str) -> CasePolicy:
    """``exact`` for acronyms and codes (no lower-case letter: "KL", "3F", "SPOR 3"),
    ``insensitive`` for everything else.

    >>> default_case("STAR"), default_case("Beskæftigelsesministeriet")
    ('exact', 'insensitive')
    """
    return "insensitive" if any(c.islower() for c in text) else "exact"


def alias(text: str, case: CasePolicy | None = None) -> Alias:
    """An :class:`Alias` with white space collapsed and the default case policy if none."""
    text = " ".join(text.split())
    return Alias(text, case or default_case(text))


def law_forms(name: str) -> list[str]:
    """The forms minutes write a law title or short name in, the name itself first.

    A title "lov om [den|det|en|et] X" is also written without the article, as "loven om ...",
    and as "lov X"; a short name "...loven" also appears as "...lov" (the genitive "-lovens" is
    the matcher's business).

    >>> for form in law_forms("Lov om en aktiv beskæftigelsesindsats"):
    ...     print(form)
    Lov om en aktiv beskæftigelsesindsats
    Lov om aktiv beskæftigelsesindsats
    loven om en aktiv beskæftigelsesindsats
    loven om aktiv beskæftigelsesindsats
    lov aktiv beskæftigelsesindsats
    >>> law_forms("serviceloven")
    ['serviceloven', 'servicelov']
    """
    name = " ".join(name.split())
    forms = [name]
    lowered = name.lower()
    if lowered.startswith("lov om "):
        rest = name[len("lov om ") :]
        bare = next(
            (rest[len(a) :] for a in _ARTICLES if rest.lower().startswith(a)),
            rest,
        )
        forms += [f"{name[:6]} {bare}", f"loven om {rest}", f"loven om {bare}", f"lov {bare}"]
    elif lowered.endswith("loven") and " " not in name:
        forms.append(name[: -len("en")])
    return list(dict.fromkeys(forms))
