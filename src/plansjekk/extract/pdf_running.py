"""Remove running headers/footers and bare page numbers from PDF pages.

A line is a running header or footer when the same text (digits masked, so
"Side 3 av 60" matches "Side 4 av 60") sits in the top or bottom band of at least
half of the pages that have text.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING

from plansjekk.extract.pdf_text import is_page_number, running_key

if TYPE_CHECKING:
    from plansjekk.extract.pdf_layout import Line, PageText

_BAND = 0.12  # fraction of the page height at top and bottom
_EDGE_LINES = 3  # only the outermost lines of a page can be headers/footers


def _edge_lines(page: PageText) -> list[tuple[str, Line]]:
    """(zone, line) for the outermost lines inside the top/bottom bands."""
    by_y = sorted(page.lines, key=lambda ln: ln.top)
    out: list[tuple[str, Line]] = []
    for line in by_y[:_EDGE_LINES]:
        if (line.top + line.bottom) / 2 < _BAND * page.height:
            out.append(("top", line))
    for line in by_y[-_EDGE_LINES:]:
        if (line.top + line.bottom) / 2 > (1 - _BAND) * page.height:
            out.append(("bottom", line))
    return out


def remove_running_lines(pages: list[PageText]) -> int:
    """Drop headers, footers and page numbers in place; returns how many lines went."""
    text_pages = [p for p in pages if p.lines]
    edges = {p.number: _edge_lines(p) for p in text_pages}
    counts: Counter[tuple[str, str]] = Counter()
    for items in edges.values():
        counts.update({(zone, running_key(line.text)) for zone, line in items})
    n = len(text_pages)
    need = max(2, math.ceil(0.5 * n)) if n >= 3 else 2
    removed = 0
    for page in text_pages:
        drop = set()
        for zone, line in edges[page.number]:
            if is_page_number(line.text) or counts[(zone, running_key(line.text))] >= need:
                drop.add(id(line))
        if drop:
            removed += len(drop)
            page.lines = [ln for ln in page.lines if id(ln) not in drop]
    return removed
