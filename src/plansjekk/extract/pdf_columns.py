"""Multi-column pages: find clear vertical gutters and read column by column.

pdfium follows the content stream; when a producer draws the columns row by row,
pdfium even glues the left and right line into one. A gutter is an x position that
no line crosses within a vertical band where prose-like lines sit on both sides.
We cut glued lines at the gutters and emit each band column by column, left to
right. Full-width lines (titles, headings over all columns) separate the bands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from statistics import median
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plansjekk.extract.pdf_layout import Line

Splitter = Callable[["Line", float], "tuple[Line, Line] | None"]
_MIN_LINES = 4  # per column
_PROSE = 0.15  # a prose line piece is at least this share of the page width


def _pieces(line: Line) -> list[tuple[float, float]]:
    """Horizontal extents of a line, cut at its wide gaps."""
    out, start = [], line.x0
    for gap_from, gap_to in line.gaps:
        out.append((start, gap_from))
        start = gap_to
    out.append((start, line.x1))
    return out


def find_gutters(lines: Sequence[Line], width: float) -> list[float]:
    """x positions of column gutters on this page; empty for a single-column page."""
    extents = [(p, line) for line in lines for p in _pieces(line)]
    starts = sorted({round(p[0]) for p, _ in extents
                     if 0.2 * width < p[0] < 0.8 * width and p[1] - p[0] > _PROSE * width})
    gutters: list[float] = []
    for x in starts:
        if gutters and x - gutters[-1] < 0.2 * width:
            continue
        if _is_gutter(extents, x - 1.0, width):
            gutters.append(x - 1.0)
    return gutters


def _is_gutter(extents: list[tuple[tuple[float, float], Line]], x: float, width: float) -> bool:
    """Prose on both sides of x, side by side, and nothing crossing x in that band."""
    prose = _PROSE * width
    right = [(p, ln) for p, ln in extents if p[0] >= x and p[1] - p[0] > prose]
    if len(right) < _MIN_LINES:
        return False
    band_top = min(ln.top for _, ln in right)
    band_bottom = max(ln.bottom for _, ln in right)

    def in_band(ln: Line) -> bool:
        return band_top <= (ln.top + ln.bottom) / 2 <= band_bottom

    left = [(p, ln) for p, ln in extents if p[1] <= x and in_band(ln)]
    if len(left) < _MIN_LINES or median(p[1] - p[0] for p, _ in left) < prose:
        return False
    crossing = sum(1 for p, ln in extents if p[0] < x - 1 and p[1] > x + 1 and in_band(ln))
    return crossing == 0


def order_columns(lines: list[Line], width: float, split: Splitter) -> list[Line]:
    """Lines in reading order; unchanged unless the page has columns."""
    gutters = find_gutters(lines, width)
    if not gutters:
        return lines
    pieces: list[Line] = []
    for line in lines:
        pieces.extend(_cut(line, gutters, split))
    pieces.sort(key=lambda ln: ln.top)
    out: list[Line] = []
    columns: list[list[Line]] = [[] for _ in range(len(gutters) + 1)]
    for line in pieces:
        if any(line.x0 < g - 1 and line.x1 > g + 1 for g in gutters):  # spans a gutter
            out += [ln for column in columns for ln in column]
            columns = [[] for _ in range(len(gutters) + 1)]
            out.append(line)
        else:
            columns[sum(1 for g in gutters if line.x0 >= g - 1)].append(line)
    return out + [ln for column in columns for ln in column]


def _cut(line: Line, gutters: list[float], split: Splitter) -> list[Line]:
    """Cut a line that pdfium glued across gutters (it has a wide gap there)."""
    out: list[Line] = []
    for g in gutters:
        if line.x0 < g - 1 and line.x1 > g + 1 and any(a <= g <= b + 1 for a, b in line.gaps):
            parts = split(line, g)
            if parts:
                out.append(parts[0])
                line = parts[1]
    return out + [line]
