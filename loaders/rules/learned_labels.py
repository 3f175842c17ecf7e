"""Section labels a layout uses that the table of headings lacks (``Udtalelser``): learned from
the minutes themselves, by where and how often a short line stands."""

from __future__ import annotations

import re

from loaders.rules.parse_state import Label, ParseState

# A heading not in the table: one to four words of letters, capitalised, no final punctuation.
_LEARNABLE = re.compile(r"[A-ZÆØÅ][a-zæøåé-]+(?: [a-zæøåé-]+){0,3}")
_MIN_LEARNED_ITEMS = 2


def learn_labels(state: ParseState) -> bool:
    """Core rule: a short line that stands between text and text in several items, the same
    each time (``Udtalelser``), works as a section label of this layout even if the table does
    not know it; its key is its heading in lower case."""
    heading_lines = {h.line for h in state.headings}
    if len(heading_lines) < _MIN_LEARNED_ITEMS:
        return False
    items_seen: dict[str, set[int]] = {}
    where: dict[str, list[int]] = {}
    item = -1
    start = min(heading_lines)
    for index in range(start, len(state.lines)):
        if index in heading_lines:
            item += 1
            continue
        plain = state.plain[index]
        if not plain or state.noise[index] or index in state.labels:
            continue
        if not _LEARNABLE.fullmatch(plain) or plain.lower() in _IGNORED_WORDS:
            continue
        before, after = state.previous_content(index), state.next_content(index)
        if before is None or after is None:
            continue
        if {before, after} & heading_lines or before in state.labels or after in state.labels:
            continue
        items_seen.setdefault(plain, set()).add(item)
        where.setdefault(plain, []).append(index)
    learned = False
    for plain, seen in items_seen.items():
        if len(seen) < max(_MIN_LEARNED_ITEMS, len(heading_lines) // 4):
            continue
        learned = True
        for index in where[plain]:
            raw = state.lines[index].text
            start_at = max(raw.find(plain), 0)
            state.labels[index] = (
                Label(
                    key=plain.lower(),
                    heading=plain,
                    line=index,
                    start=start_at,
                    stop=start_at + len(plain),
                    weak=True,
                ),
            )
    if learned:
        state.layout.append("learned-labels")
    return learned


# Words that stand alone between paragraphs without heading anything.
_IGNORED_WORDS = frozenset({"ingen", "godkendt", "intet", "ja", "nej", "bilag", "afbud"})


__all__ = ["learn_labels"]
