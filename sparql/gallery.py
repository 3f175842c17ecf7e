"""The gallery of example queries: ``.rq`` files in ``sparql/examples/``, each opening with a
header.

The header is the file's leading comment lines, ``# key: value``, in Danish::

    # title: Møder pr. kommune
    # title-en: Meetings per municipality
    # description: Hvor mange møder grafen har fra hver kommune,
    #   efter kommunekode.

A comment line without a known key continues the value before it. ``title`` and
``description`` are required; ``title-en`` is optional. The query page lists the examples
(:mod:`web.query_page`) and ``referatgraf query --example NAME`` runs one by its name, the file
name without ``.rq``.

An example that needs data the loader does not write yet waits in ``sparql/examples/pending/``
(made when there is one): checked to parse, but not listed, until it returns rows on the
bundled samples.

>>> names = [e.name for e in examples()]
>>> "flest-moeder" in names
True
>>> example("flest-moeder").title
'Hvem deltog i flest møder'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

__all__ = [
    "Example",
    "UnknownExampleError",
    "example",
    "examples",
    "parse_example",
    "pending_examples",
]

HEADER_KEYS = ("title", "title-en", "description")
REQUIRED_KEYS = ("title", "description")


@dataclass(frozen=True, slots=True)
class Example:
    """One example query: its name (the file name without ``.rq``), Danish title and
    description, and the query text as written, header included."""

    name: str
    title: str
    description: str
    text: str
    title_en: str | None = None


class UnknownExampleError(KeyError):
    """No example has that name; the message lists the names there are."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(name)
        self.name = name
        self.known = known

    def __str__(self) -> str:
        return f"no example query named {self.name!r}; the examples are: {', '.join(self.known)}"


def parse_example(name: str, text: str) -> Example:
    """The example in ``text``; a header without a title or description is a ``ValueError``.

    >>> e = parse_example("x", "# title: T\\n# description: D,\\n#   mere.\\nASK {}\\n")
    >>> (e.title, e.description)
    ('T', 'D, mere.')
    """
    header: dict[str, str] = {}
    key: str | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        body = stripped[1:].strip()
        found, sep, value = body.partition(":")
        if sep and found.strip() in HEADER_KEYS:
            key = found.strip()
            header[key] = value.strip()
        elif key is not None and body:
            header[key] = f"{header[key]} {body}".strip()
    missing = [k for k in REQUIRED_KEYS if not header.get(k)]
    if missing:
        raise ValueError(f"example query {name!r} has no {' and no '.join(missing)} in its header")
    return Example(
        name=name,
        title=header["title"],
        description=header["description"],
        text=text,
        title_en=header.get("title-en") or None,
    )


def examples() -> list[Example]:
    """Every example the gallery lists, in the order of their names."""
    return list(_load("examples"))


def pending_examples() -> list[Example]:
    """The examples waiting for data the loader does not write yet; not listed."""
    return list(_load("examples/pending"))


def example(name: str) -> Example:
    """The listed example called ``name``, or :class:`UnknownExampleError`."""
    for found in examples():
        if found.name == name:
            return found
    raise UnknownExampleError(name, [e.name for e in examples()])


@cache
def _load(path: str) -> tuple[Example, ...]:
    folder: Traversable = resources.files("sparql").joinpath(*path.split("/"))
    if not folder.is_dir():
        return ()
    files = sorted(
        (f for f in folder.iterdir() if f.is_file() and f.name.endswith(".rq")),
        key=lambda f: f.name,
    )
    return tuple(
        parse_example(f.name.removesuffix(".rq"), f.read_text(encoding="utf-8")) for f in files
    )
