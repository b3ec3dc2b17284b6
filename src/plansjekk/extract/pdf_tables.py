"""Ruled tables, row by row, from pdfium's ruling lines.

A table finder needs only the ruling lines, which pdfium gives us for free while it loads
the page. We collect edges from pdfium path objects, find the grid's cells (pdf_grid.py)
and read each cell's text back from pdfium; no second PDF parser is imported.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from plansjekk.extract.pdf_grid import table_grids

_SPACES = re.compile(r"\s+")
_HYPHEN_MARK = re.compile("[\ufffe\x02]")
_MAX_EDGES = 1500  # a drawing, not a table: skip rather than go quadratic
_MAX_SEGMENTS = 4000


@dataclass(frozen=True)
class Table:
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    rows: tuple[tuple[str, ...], ...]

    def contains(self, x: float, y: float, tolerance: float = 2.0) -> bool:
        return (self.x0 - tolerance <= x <= self.x1 + tolerance
                and self.top - tolerance <= y <= self.bottom + tolerance)


def _edge(x0: float, top: float, x1: float, bottom: float) -> dict:
    """One ruling edge (top-origin), horizontal or vertical by its longer side."""
    orientation = "h" if (bottom - top) < (x1 - x0) else "v"
    if orientation == "h":
        top = bottom = (top + bottom) / 2
    else:
        x0 = x1 = (x0 + x1) / 2
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "orientation": orientation}


def path_edges(obj: object, left: float, top: float, box: tuple[float, float, float, float]) -> list[dict]:
    """Ruling edges of one path object; `box` is its bounds (l, b, r, t) in PDF space."""
    bl, bb, br, bt = box
    x0, x1, y0, y1 = bl - left, br - left, top - bt, top - bb
    w, h = x1 - x0, y1 - y0
    if h <= 3 and w >= 3 or w <= 3 and h >= 3:
        return [_edge(x0, y0, x1, y1)]  # a rule drawn as a line or a thin filled rectangle
    n = pdfium_c.FPDFPath_CountSegments(obj)
    if w < 3 or h < 3:
        return []
    if n <= 6:  # a rectangle: its four sides
        return [_edge(x0, y0, x1, y0), _edge(x0, y1, x1, y1),
                _edge(x0, y0, x0, y1), _edge(x1, y0, x1, y1)]
    return _segment_edges(obj, min(n, _MAX_SEGMENTS), left, top)


def _segment_edges(obj: object, n: int, left: float, top: float) -> list[dict]:
    """Axis-aligned straight segments of a complex path (a whole grid in one path)."""
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return []
    fx, fy = ctypes.c_float(), ctypes.c_float()
    edges: list[dict] = []
    prev = start = None
    for i in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, fx, fy):
            continue
        px = m.a * fx.value + m.c * fy.value + m.e - left
        py = top - (m.b * fx.value + m.d * fy.value + m.f)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
            _add_segment(edges, prev, (px, py))
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
                _add_segment(edges, (px, py), start)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = (px, py)
        prev = (px, py)
    return edges


def _add_segment(edges: list[dict], a: tuple[float, float], b: tuple[float, float]) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= 1 and abs(ax - bx) >= 3 or abs(ax - bx) <= 1 and abs(ay - by) >= 3:
        edges.append(_edge(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))


def is_ruled(edges: list[dict]) -> bool:
    """Enough horizontal and vertical rules to possibly form a grid."""
    h = sum(1 for e in edges if e["orientation"] == "h")
    return h >= 3 and len(edges) - h >= 3 and len(edges) <= _MAX_EDGES


def find_tables(edges: list[dict], cell_text, page: int) -> list[Table]:
    """Tables from ruling edges (pdf_grid.py); cell_text(x0, top, x1, bottom) reads one cell."""
    out: list[Table] = []
    for (x0, top, x1, bottom), grid in table_grids(edges):
        rows = tuple(tuple(clean_cell(cell_text(*cell)) if cell else "" for cell in row) for row in grid)
        rows = tuple(r for r in rows if any(r))
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue  # a framed text box, not a table
        out.append(Table(page, x0, top, x1, bottom, rows))
    return out


def clean_cell(text: str | None) -> str:
    """Cell text on one line, line-end hyphenation joined."""
    from plansjekk.extract.pdf_text import join_lines

    if not text:
        return ""
    text = _HYPHEN_MARK.sub("-\n", text)  # pdfium's marks for a hyphen at a line end
    parts = [p.strip() for p in re.split(r"[\r\n]+", text) if p.strip()]
    return _SPACES.sub(" ", join_lines(parts)).strip()


def page_list(pages: list[int]) -> str:
    shown = ", ".join(str(p) for p in pages[:10])
    return shown + (" m.fl." if len(pages) > 10 else "")
