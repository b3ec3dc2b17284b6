"""Multi-column pages: find clear vertical gutters and read column by column.

pdfium follows the content stream; when a producer draws the columns row by row,
pdfium even glues the left and right line into one. A gutter is an x position that
no line crosses within a vertical band where prose-like lines sit on both sides.
We cut glued lines at the gutters and emit each band column by column, left to
right. Full-width lines (titles, headings over all columns) separate the bands, and
lines above or below the band (a heading under balanced columns, the page footer)
are read in their place, whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plansjekk.extract.pdf_layout import Line

Splitter = Callable[["Line", float], "tuple[Line, Line] | None"]
_MIN_LINES = 4  # per column
_PROSE = 0.15  # a prose line piece is at least this share of the page width
_HEADING_SIZE = 1.15  # a line this much larger than the column text is not column text
_MAX_GAP = 2.5  # line heights: a larger gap below the columns ends them


@dataclass(frozen=True)
class Gutter:
    x: float
    top: float  # the band where the columns stand side by side
    bottom: float

    def holds(self, line: Line) -> bool:
        return self.top - 1 <= (line.top + line.bottom) / 2 <= self.bottom + 1


def _pieces(line: Line) -> list[tuple[float, float]]:
    """Horizontal extents of a line, cut at its wide gaps."""
    out, start = [], line.x0
    for gap_from, gap_to in line.gaps:
        out.append((start, gap_from))
        start = gap_to
    out.append((start, line.x1))
    return out


def find_gutters(lines: Sequence[Line], width: float) -> list[Gutter]:
    """Column gutters on this page, each with its band; empty for a single-column page."""
    extents = [(p, line) for line in lines for p in _pieces(line)]
    starts = sorted({round(p[0]) for p, _ in extents
                     if 0.2 * width < p[0] < 0.8 * width and p[1] - p[0] > _PROSE * width})
    gutters: list[Gutter] = []
    for x in starts:
        if gutters and x - gutters[-1].x < 0.2 * width:
            continue
        gutter = _gutter_at(extents, x - 1.0, width)
        if gutter:
            gutters.append(gutter)
    return gutters


def _gutter_at(extents: list[tuple[tuple[float, float], Line]], x: float, width: float) -> Gutter | None:
    """A gutter at x: prose on both sides, side by side, and nothing crossing x in that band."""
    prose = _PROSE * width
    right = [(p, ln) for p, ln in extents if p[0] >= x and p[1] - p[0] > prose]
    if len(right) < _MIN_LINES:
        return None
    band_top = min(ln.top for _, ln in right)
    band_bottom = max(ln.bottom for _, ln in right)

    def in_band(ln: Line) -> bool:
        return band_top <= (ln.top + ln.bottom) / 2 <= band_bottom

    left = [(p, ln) for p, ln in extents if p[1] <= x and in_band(ln)]
    if len(left) < _MIN_LINES or median(p[1] - p[0] for p, _ in left) < prose:
        return None
    if any(p[0] < x - 1 and p[1] > x + 1 and in_band(ln) for p, ln in extents):
        return None
    below = sorted((ln for p, ln in extents if p[1] <= x and ln.top > band_bottom), key=lambda ln: ln.top)
    return Gutter(x, band_top, _column_end(left, below, band_bottom))


def _column_end(left: list[tuple[tuple[float, float], Line]], below: list[Line], bottom: float) -> float:
    """Where the left column ends when it runs on below the right one (unbalanced columns):
    its text continues at its own size and spacing; a heading or a wide gap ends it."""
    size = median(ln.size for _, ln in left)
    pitch = median(ln.bottom - ln.top for _, ln in left)
    last = max(ln.bottom for _, ln in left)
    for ln in below:
        if ln.size > _HEADING_SIZE * size or ln.top - last > _MAX_GAP * pitch:
            break
        last = ln.bottom
    return max(bottom, last)
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
        spans = any(line.x0 < g.x - 1 and line.x1 > g.x + 1 for g in gutters)
        if spans or not any(g.holds(line) for g in gutters):  # whole width, or outside the columns
            out += [ln for column in columns for ln in column]
            columns = [[] for _ in range(len(gutters) + 1)]
            out.append(line)
        else:
            columns[sum(1 for g in gutters if line.x0 >= g.x - 1)].append(line)
    return out + [ln for column in columns for ln in column]


def _cut(line: Line, gutters: list[Gutter], split: Splitter) -> list[Line]:
    """Cut a line that pdfium glued across gutters (it has a wide gap there); only inside the
    band, so a footer "Kommune … Side 4" below the columns stays one line."""
    out: list[Line] = []
    for g in gutters:
        if g.holds(line) and line.x0 < g.x - 1 and line.x1 > g.x + 1 \
                and any(a <= g.x <= b + 1 for a, b in line.gaps):
            parts = split(line, g.x)
            if parts:
                out.append(parts[0])
                line = parts[1]
    return out + [line]
