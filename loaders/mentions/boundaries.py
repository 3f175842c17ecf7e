"""Where a name may begin and end in running text, and the endings a name takes.

A name stands alone: "KL" is not found in "KLAPjob" or "klar", "STAR" not in "STARt", and the
first part of a hyphenated compound is not a mention ("STAR-projekter", "LAB-indsatser" name
something else). Dots, slashes and "@" between letters join too ("www.vive.dk"). An
underscore separates ("Faktaark_Den Sociale Kapitalfond" is a file name made of words).

>>> text = "STARs tal, KL's aftale, KLAPjob og STAR-projekter"
>>> is_start(text, 0), is_end(text, 4), genitive_end(text, 4), genitive_end(text, 13)
(True, False, 5, 15)
>>> is_start(text, 23), is_end(text, 25)
(True, False)
"""

from __future__ import annotations

_JOINERS = "-./@"
_APOSTROPHES = "'’"


def is_start(text: str, i: int) -> bool:
    """Whether a name may begin at ``i``."""
    if i <= 0:
        return True
    prev = text[i - 1]
    if prev.isalnum():
        return False
    return not (prev in _JOINERS and i >= 2 and text[i - 2].isalnum())


def is_end(text: str, j: int) -> bool:
    """Whether a name may end at ``j`` (exclusive)."""
    if j >= len(text):
        return True
    nxt = text[j]
    if nxt.isalnum():
        return False
    return not (nxt in _JOINERS and j + 1 < len(text) and text[j + 1].isalnum())


def genitive_end(text: str, j: int) -> int | None:
    """Where a name ending at ``j`` ends with its genitive ("STARs", "KL's", "KL’s",
    "servicelovens"), or None if no genitive follows."""
    if j < len(text) and text[j] == "s" and is_end(text, j + 1):
        return j + 1
    if j + 1 < len(text) and text[j] in _APOSTROPHES and text[j + 1] == "s" and is_end(text, j + 2):
        return j + 2
    return None


def name_end(text: str, j: int) -> int | None:
    """Where a name found to end at ``j`` really ends: at ``j``, after its genitive, or None
    if it runs on into a longer word."""
    genitive = genitive_end(text, j)
    if genitive is not None:
        return genitive
    return j if is_end(text, j) else None


def strip_genitive(name: str) -> str:
    """The name without a genitive ending it was found with ("KL's" -> "KL")."""
    for ending in ("'s", "’s"):
        if name.endswith(ending):
            return name[: -len(ending)]
    return name


def sentence_initial(text: str, i: int) -> bool:
    """Whether position ``i`` starts a sentence, a line, a list item or a table cell, where
    a capital letter says nothing about a name."""
    line_start = text.rfind("\n", 0, i) + 1
    before = text[line_start:i].rstrip(" ")
    if not before or before[-1] in ".!?:;\t•*–-(\"'’”":
        return True
    return before.rstrip(".):").isdigit()
