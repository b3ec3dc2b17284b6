"""One spelling of a table row for every format, so matchers can split on " | "."""

from __future__ import annotations

EMPTY_CELL = "–"


def join_cells(texts: list[str]) -> str:
    """Cells joined with " | "; an empty (or merged-away) cell shows as "–" so columns stay put."""
    texts = list(texts)
    while texts and not texts[-1]:
        texts.pop()
    return " | ".join(text or EMPTY_CELL for text in texts)
