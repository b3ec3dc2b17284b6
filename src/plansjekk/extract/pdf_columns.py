"""Two-column pages: find a clear vertical gutter and read column by column.

pdfium follows the content stream; when a producer draws both columns row by row,
pdfium even glues the left and right line into one. We look for an x position that
no line crosses within a vertical band where prose-like lines sit on both sides,
cut glued lines there, and emit each band left column first, then right column.
Full-width lines (titles, headings over both columns) separate the bands.
"""

from __future__ import annotations

from statistics import median
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    from plansjekk.extract.pdf_layout import Line

Splitter = Callable[["Line", float], "tuple[Line, Line] | None"]
_MIN_LINES = 4  # per column


def _pieces(line: Line) -> list[tuple[float, float]]:
    """Horizontal extents of a line, cut at its wide gaps."""
    out, start = [], line.x0
    for gap_from, gap_to in line.gaps:
        out.append((start, gap_from))
        start = gap_to
    out.append((start, line.x1))
    return out


def find_gutter(lines: Sequence[Line], width: float) -> float | None:
    """x of a column gutter on this page, or None for a single-column page."""
    extents = [(p, line) for line in lines for p in _pieces(line)]
    right_starts = sorted({round(p[0]) for p, _ in extents
                           if p[0] > 0.3 * width and p[1] - p[0] > 0.2 * width})
    if len(right_starts) == 0:
        return None
    for x in right_starts:
        if x > 0.7 * width:
            break
        gutter = x - 1.0
        if _is_gutter(extents, gutter, width):
            return gutter
    return None


def _is_gutter(extents: list[tuple[tuple[float, float], Line]], x: float, width: float) -> bool:
    """Prose on both sides of x, side by side, and nothing crossing x in that band."""
    prose = 0.2 * width
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
    """Lines in reading order; unchanged unless the page has two columns."""
    gutter = find_gutter(lines, width)
    if gutter is None:
        return lines
    pieces: list[Line] = []
    for line in lines:
        if line.x0 < gutter - 1 and line.x1 > gutter + 1 and any(
                g[0] <= gutter <= g[1] + 1 for g in line.gaps):
            parts = split(line, gutter)
            pieces.extend(parts if parts else (line,))
        else:
            pieces.append(line)
    pieces.sort(key=lambda ln: ln.top)
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for line in pieces:
        if line.x0 < gutter - 1 and line.x1 > gutter + 1:  # spans both columns
            out += left + right
            left, right = [], []
            out.append(line)
        elif line.x1 <= gutter + 1:
            left.append(line)
        else:
            right.append(line)
    return out + left + right
