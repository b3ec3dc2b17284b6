"""Ruled tables from ruling lines alone: lines → grid corners → cells → tables → rows.

A ruled table is a set of rectangles whose sides are drawn. Lines drawn a hair apart (a
double rule, a cell border drawn by both neighbours) are one line; a line drawn in pieces is
one line when the pieces nearly touch. A corner is where a horizontal and a vertical line
cross or meet. A cell is the smallest rectangle with four corners whose sides run along drawn
lines; cells sharing a corner form one table, and a table's rows are its cells by top edge,
each placed in the column its left edge starts (None where a cell spans from the left).
Coordinates are top-origin PDF points.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

SNAP = 3.0  # lines this close across are one line
JOIN = 3.0  # pieces of one line this close along it are one piece
MIN_LENGTH = 3.0  # shorter pieces are ticks, not rules
TOUCH = 3.0  # how far a line may stop short of a crossing line and still meet it

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Segment = tuple[float, float]  # start, end along the line


def _lines(items: Iterable[tuple[float, float, float]]) -> dict[float, list[Segment]]:
    """(position across, start, end) pieces → position → merged pieces along it, in order."""
    pieces = sorted(items)
    groups: list[list[tuple[float, float, float]]] = []
    for piece in pieces:
        if groups and piece[0] - groups[-1][-1][0] <= SNAP:
            groups[-1].append(piece)
        else:
            groups.append([piece])
    lines: dict[float, list[Segment]] = {}
    for group in groups:
        position = sum(p[0] for p in group) / len(group)
        merged: list[list[float]] = []
        for _, start, end in sorted(group, key=lambda p: p[1]):
            if merged and start <= merged[-1][1] + JOIN:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        kept = [(s, e) for s, e in merged if e - s >= MIN_LENGTH]
        if kept:
            lines.setdefault(position, []).extend(kept)
    return lines


def _covers(pieces: list[Segment], a: float, b: float) -> bool:
    """Whether one piece runs from `a` to `b` (within TOUCH at either end)."""
    return any(start - TOUCH <= a and b <= end + TOUCH for start, end in pieces)


def table_grids(edges: Iterable[dict]) -> list[tuple[Box, list[list[Box | None]]]]:
    """Each table's bounding box and its rows of cell boxes, top to bottom."""
    edges = list(edges)
    across = _lines((e["top"], e["x0"], e["x1"]) for e in edges if e["orientation"] == "h")
    down = _lines((e["x0"], e["top"], e["bottom"]) for e in edges if e["orientation"] == "v")
    corners = {(x, y) for y, h_pieces in across.items() for x, v_pieces in down.items()
               if _covers(h_pieces, x, x) and _covers(v_pieces, y, y)}
    xs_at: dict[float, list[float]] = {}  # y -> corner xs on that line, sorted
    ys_at: dict[float, list[float]] = {}  # x -> corner ys on that line, sorted
    for x, y in sorted(corners):
        ys_at.setdefault(x, []).append(y)
    for x, y in sorted(corners, key=lambda c: (c[1], c[0])):
        xs_at.setdefault(y, []).append(x)
    cells = []
    for x, y in sorted(corners, key=lambda c: (c[1], c[0])):
        cell = _cell_from(x, y, across, down, xs_at, ys_at, corners)
        if cell is not None:
            cells.append(cell)
    return [(_bbox(group), _rows(group)) for group in _tables(cells)]


def _cell_from(x: float, y: float, across: dict[float, list[Segment]], down: dict[float, list[Segment]],
               xs_at: dict[float, list[float]], ys_at: dict[float, list[float]],
               corners: set[tuple[float, float]]) -> Box | None:
    """The smallest cell whose top-left corner is (x, y): the nearest corner below joined to
    it by a drawn line and the nearest to the right likewise, whose fourth corner closes the
    rectangle along drawn lines."""
    below = [b for b in ys_at[x][bisect_right(ys_at[x], y):] if _covers(down[x], y, b)]
    right = [r for r in xs_at[y][bisect_right(xs_at[y], x):] if _covers(across[y], x, r)]
    for bottom in below:
        for r in right:
            if (r, bottom) in corners and _covers(across[bottom], x, r) and _covers(down[r], y, bottom):
                return (x, y, r, bottom)
    return None


def _tables(cells: list[Box]) -> list[list[Box]]:
    """Cells grouped by shared corners, each group in reading order, groups top to bottom."""
    parent = list(range(len(cells)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for point in ((x0, top), (x1, top), (x0, bottom), (x1, bottom)):
            if point in owner:
                parent[find(i)] = find(owner[point])
            else:
                owner[point] = i
    groups: dict[int, list[Box]] = {}
    for i, cell in enumerate(cells):
        groups.setdefault(find(i), []).append(cell)
    ordered = [sorted(g, key=lambda c: (c[1], c[0])) for g in groups.values()]
    return sorted(ordered, key=lambda g: (_bbox(g)[1], _bbox(g)[0]))


def _bbox(cells: list[Box]) -> Box:
    return (min(c[0] for c in cells), min(c[1] for c in cells),
            max(c[2] for c in cells), max(c[3] for c in cells))


def _rows(cells: list[Box]) -> list[list[Box | None]]:
    columns = sorted({c[0] for c in cells})
    tops = sorted({c[1] for c in cells})
    rows: list[list[Box | None]] = []
    for top in tops:
        by_x = {c[0]: c for c in cells if c[1] == top}
        rows.append([by_x.get(x) for x in columns])
    return rows

