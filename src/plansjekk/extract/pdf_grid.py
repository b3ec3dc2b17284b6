"""Ruling edges → intersections → cells → tables: pdfplumber's lattice table finder.

The same steps, in the same order and with the same arithmetic, as pdfplumber 0.11's
`table.merge_edges`, `edges_to_intersections`, `intersections_to_cells`, `cells_to_tables`
and `Table.rows`/`bbox` (MIT licence, Jeremy Singer-Vine), so the cells come out identical
(tests/test_extract_pdf_grid.py compares the two on random and real rulings). Kept here
because importing pdfplumber.table pulls in pdfminer and charset_normalizer: a tenth of a
second on every run of a PDF with a ruled table, for some hundred lines of geometry.

Edges are pdf_tables' dicts (x0, x1, top, bottom, width, height, doctop, orientation).
"""

from __future__ import annotations

import itertools
from operator import itemgetter

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Point = tuple[float, float]

_BBOX = itemgetter("x0", "top", "x1", "bottom")


def merge_edges(edges: list[dict], snap_x: float, snap_y: float, join_x: float, join_y: float) -> list[dict]:
    """Snap edges within tolerance to their mean position, then join collinear pieces."""
    if snap_x > 0 or snap_y > 0:
        vertical = [e for e in edges if e["orientation"] == "v"]
        horizontal = [e for e in edges if e["orientation"] == "h"]
        edges = _snap(vertical, "x0", snap_x) + _snap(horizontal, "top", snap_y)

    def group(edge: dict) -> tuple[str, float]:
        return ("h", edge["top"]) if edge["orientation"] == "h" else ("v", edge["x0"])

    merged: list[dict] = []
    for (orientation, _), items in itertools.groupby(sorted(edges, key=group), key=group):
        merged += _join(items, orientation, join_x if orientation == "h" else join_y)
    return merged


def _snap(objs: list[dict], attr: str, tolerance: float) -> list[dict]:
    out: list[dict] = []
    for cluster in _clusters(objs, attr, tolerance):
        avg = sum(map(itemgetter(attr), cluster)) / len(cluster)
        out += [_move(obj, attr, avg - obj[attr]) for obj in cluster]
    return out


def _clusters(objs: list[dict], attr: str, tolerance: float) -> list[list[dict]]:
    """Objects grouped by runs of `attr` values no more than `tolerance` apart."""
    values = sorted(set(o[attr] for o in objs))
    cluster_of: dict[float, int] = {}
    current = -1
    last = None
    for value in values:
        if last is None or tolerance == 0 or value > last + tolerance:
            current += 1
        cluster_of[value] = current
        last = value
    tagged = sorted(((o, cluster_of[o[attr]]) for o in objs), key=itemgetter(1))
    return [[o for o, _ in group] for _, group in itertools.groupby(tagged, key=itemgetter(1))]


def _move(obj: dict, attr: str, delta: float) -> dict:
    if attr == "x0":  # a vertical edge moves sideways
        return {**obj, "x0": obj["x0"] + delta, "x1": obj["x1"] + delta}
    moved = {**obj, "top": obj["top"] + delta, "bottom": obj["bottom"] + delta}
    if "doctop" in obj:
        moved["doctop"] = obj["doctop"] + delta
    return moved


def _join(edges, orientation: str, tolerance: float) -> list[dict]:  # noqa: ANN001 - an iterator of edges
    low, high = ("x0", "x1") if orientation == "h" else ("top", "bottom")
    ordered = sorted(edges, key=itemgetter(low))
    joined = [ordered[0]]
    for edge in ordered[1:]:
        last = joined[-1]
        if edge[low] <= last[high] + tolerance:
            if edge[high] > last[high]:
                joined[-1] = _extend(last, high, edge[high])
        else:
            joined.append(edge)
    return joined


def _extend(obj: dict, key: str, value: float) -> dict:
    """The edge with its end `key` (x1 or bottom) moved to `value`."""
    if key == "x1":
        return {**obj, "x1": value, "width": value - obj["x0"]}
    return {**obj, "bottom": value, "height": obj["height"] + (value - obj["bottom"])}


def long_edges(edges: list[dict], min_length: float) -> list[dict]:
    return [e for e in edges if e["height" if e["orientation"] == "v" else "width"] >= min_length]


def intersections(edges: list[dict], x_tolerance: float, y_tolerance: float) -> dict[Point, dict[str, list[dict]]]:
    """Every point where a vertical and a horizontal edge meet (within tolerance)."""
    found: dict[Point, dict[str, list[dict]]] = {}
    vertical = sorted((e for e in edges if e["orientation"] == "v"), key=itemgetter("x0", "top"))
    horizontal = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("top", "x0"))
    for v in vertical:
        for h in horizontal:
            if (v["top"] <= h["top"] + y_tolerance and v["bottom"] >= h["top"] - y_tolerance
                    and v["x0"] >= h["x0"] - x_tolerance and v["x0"] <= h["x1"] + x_tolerance):
                point = (v["x0"], h["top"])
                entry = found.setdefault(point, {"v": [], "h": []})
                entry["v"].append(v)
                entry["h"].append(h)
    return found


def cells(points: dict[Point, dict[str, list[dict]]]) -> list[Box]:
    """The smallest rectangle each intersection is the top-left corner of, when edges join
    all four corners."""
    boxes = {p: {k: set(map(_BBOX, v)) for k, v in entry.items()} for p, entry in points.items()}

    def connects(p1: Point, p2: Point) -> bool:
        if p1[0] == p2[0] and boxes[p1]["v"] & boxes[p2]["v"]:
            return True
        return p1[1] == p2[1] and bool(boxes[p1]["h"] & boxes[p2]["h"])

    ordered = sorted(points)
    out: list[Box] = []
    for i, pt in enumerate(ordered[:-1]):
        rest = ordered[i + 1:]
        below = [x for x in rest if x[0] == pt[0]]
        right = [x for x in rest if x[1] == pt[1]]
        cell = _smallest(pt, below, right, points, connects)
        if cell is not None:
            out.append(cell)
    return out


def _smallest(pt: Point, below: list[Point], right: list[Point], points: dict, connects) -> Box | None:  # noqa: ANN001
    for below_pt in below:
        if not connects(pt, below_pt):
            continue
        for right_pt in right:
            if not connects(pt, right_pt):
                continue
            corner = (right_pt[0], below_pt[1])
            if corner in points and connects(corner, right_pt) and connects(corner, below_pt):
                return (pt[0], pt[1], corner[0], corner[1])
    return None


def tables(boxes: list[Box]) -> list[list[Box]]:
    """Cells grouped into tables of cells that share corners, top-most (then left-most)
    first; a single cell is no table."""
    remaining = list(boxes)
    corners: set[Point] = set()
    current: list[Box] = []
    found: list[list[Box]] = []
    while remaining:
        before = len(current)
        for cell in list(remaining):
            x0, top, x1, bottom = cell
            cell_corners = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not current or any(c in corners for c in cell_corners):
                corners |= set(cell_corners)
                current.append(cell)
                remaining.remove(cell)
        if len(current) == before:
            found.append(list(current))
            corners.clear()
            current.clear()
    if current:
        found.append(list(current))
    found.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in found if len(t) > 1]


def rows(table: list[Box]) -> list[list[Box | None]]:
    """The table's rows, each with a slot (None when empty) for every column start."""
    xs = sorted(set(c[0] for c in table))
    out = []
    for _, row_cells in itertools.groupby(sorted(table, key=itemgetter(1, 0)), itemgetter(1)):
        by_x = {cell[0]: cell for cell in row_cells}
        out.append([by_x.get(x) for x in xs])
    return out


def bbox(table: list[Box]) -> Box:
    return (min(c[0] for c in table), min(c[1] for c in table),
            max(c[2] for c in table), max(c[3] for c in table))
