"""The five layouts of the synthetic corpus, one module each, after the five seed minutes.

Each module has ``NAME``, ``SUFFIX`` (the file extension its system exports), ``RULES`` (the
items its system puts on every agenda) and ``render(meeting, prose) -> str``.
"""

from __future__ import annotations

from types import ModuleType

from bench.layouts import markdown, markdown_html, pdf_footer, pdf_toc, web

# In the order of the seeds they imitate (000 to 004); file i gets LAYOUTS[i % 5].
LAYOUTS: tuple[ModuleType, ...] = (pdf_toc, web, markdown_html, markdown, pdf_footer)
BY_NAME: dict[str, ModuleType] = {layout.NAME: layout for layout in LAYOUTS}
