"""Paragraphs of Danish case text, built from sentence templates with the meeting's facts.

Placeholders: ``{K}`` "Lemvig Kommune", ``{Ks}`` its genitive, ``{J}`` "Jobcenter Lemvig",
``{U}`` the committee, ``{y}`` the meeting year (``{y0}`` the year before, ``{y1}`` after),
``{m}`` a month; and drawn afresh at every use: ``{p}`` a programme, ``{l}`` a law, ``{o}`` an
organisation, ``{n}``/``{n2}`` counts, ``{pct}`` a percentage, ``{pp}`` percentage points,
``{kr}`` an amount, ``{week}`` a weekly price.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from pathlib import Path

from bench import vocabulary as v
from bench.danish import MONTHS

PROSE_FILE = Path(__file__).resolve().parent / "data" / "prose.txt"


@functools.cache
def templates() -> dict[str, tuple[str, ...]]:
    """The template lists of ``data/prose.txt``: ``[name]`` lines open a list; ``#`` comments."""
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for line in PROSE_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("[") and line.endswith("]"):
            current = found.setdefault(line[1:-1], [])
        elif line.strip() and not line.startswith("#"):
            current.append(line.strip())
    return {name: tuple(lines) for name, lines in found.items()}


class Prose:
    """Draws text for one meeting from one random stream, so a seed gives the same bytes."""

    def __init__(self, rng: random.Random, facts: dict[str, str]) -> None:
        self.rng = rng
        self.facts = _Slots(facts, self._random_slots())
        lists = templates()
        self.sentences = lists["sentences"]
        self.bullet_lines = lists["bullets"]
        self.recommendation_lines = lists["recommendations"]
        self.local_lines = lists["local"]

    def _random_slots(self) -> dict[str, Callable[[], str]]:
        rng = self.rng
        return {
            "p": lambda: rng.choice(v.PROGRAMMES),
            "l": lambda: rng.choice(v.LAWS),
            "o": lambda: rng.choice(v.ORGANISATIONS),
            "n": lambda: str(rng.randint(12, 480)),
            "n2": lambda: str(rng.randint(3, 90)),
            "pct": lambda: str(rng.randint(3, 68)),
            "pp": lambda: f"{rng.randint(1, 45) / 10:.1f}".replace(".", ","),
            "week": lambda: f"{rng.randint(900, 4500):,}".replace(",", "."),
            "kr": lambda: f"{rng.randint(20, 950) * 1000:,}".replace(",", "."),
            "m": lambda: rng.choice(MONTHS),
        }

    def fill(self, template: str, *, capital: bool = True) -> str:
        text = template.format_map(self.facts)
        return text[0].upper() + text[1:] if capital else text

    def sentence(self) -> str:
        return self.fill(self.rng.choice(self.sentences))

    def local_paragraph(self) -> str:
        """A paragraph that opens by naming the municipality."""
        return self.fill(self.rng.choice(self.local_lines)) + " " + self.paragraph(1, 3)

    def paragraph(self, low: int = 2, high: int = 5) -> str:
        picked = self.rng.sample(self.sentences, self.rng.randint(low, high))
        return " ".join(self.fill(s) for s in picked)

    def bullets(self, low: int = 3, high: int = 6) -> list[str]:
        picked = self.rng.sample(self.bullet_lines, self.rng.randint(low, high))
        return [self.fill(b) for b in picked]

    def recommendations(self, low: int = 1, high: int = 3) -> list[str]:
        picked = self.rng.sample(self.recommendation_lines, self.rng.randint(low, high))
        return [self.fill(r, capital=False) for r in picked]

    def body(self, budget: int) -> list[str | list[str]]:
        """Paragraphs (and now and then a bullet list) of about ``budget`` characters."""
        blocks: list[str | list[str]] = []
        used = 0
        while used < budget:
            block: str | list[str]
            block = self.bullets() if blocks and self.rng.random() < 0.15 else self.paragraph()
            used += len(block) if isinstance(block, str) else sum(len(b) + 4 for b in block)
            blocks.append(block)
        return blocks


class _Slots(dict[str, str]):
    """Fixed facts of the meeting; anything else is drawn fresh at each use."""

    def __init__(self, facts: dict[str, str], draws: dict[str, Callable[[], str]]) -> None:
        super().__init__(facts)
        self.draws = draws

    def __missing__(self, key: str) -> str:
        return self.draws[key]()
