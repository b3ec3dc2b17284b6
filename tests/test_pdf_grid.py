"""The ruled-table finder (extract/pdf_grid.py): ruling lines → cells → tables → rows.

Unit tests feed it ruling edges as pdf_tables.path_edges makes them; the end-to-end tests
draw tables with reportlab and read them back through the PDF extractor.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pdfgen import PdfBuilder
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from plansjekk.extract.pdf import extract
from plansjekk.extract.pdf_grid import table_grids
from plansjekk.extract.pdf_tables import _edge
from plansjekk.model import ParagraphKind
from plansjekk.settings import Limits


def grid(xs: list[float], ys: list[float]) -> list[dict]:
    """A full grid: a horizontal rule at each y across all xs, a vertical at each x down all ys."""
    return ([_edge(xs[0], y, xs[-1], y) for y in ys] + [_edge(x, ys[0], x, ys[-1]) for x in xs])


def test_a_full_grid_gives_one_table_of_its_cells_row_by_row():
    [(box, rows)] = table_grids(grid([10, 60, 110], [20, 40, 60]))
    assert box == (10, 20, 110, 60)
    assert rows == [[(10, 20, 60, 40), (60, 20, 110, 40)], [(10, 40, 60, 60), (60, 40, 110, 60)]]


def test_rules_drawn_twice_a_hair_apart_and_in_pieces_are_one_line():
    edges = grid([10, 60, 110], [20, 40, 60])
    edges += [_edge(10, 41.5, 110, 41.5)]  # a second stroke of the middle rule
    edges = [e for e in edges if e["top"] != 60 or e["orientation"] == "v"]
    edges += [_edge(10, 60, 58, 60), _edge(60, 60, 110, 60)]  # the bottom rule in two pieces
    [(_, rows)] = table_grids(edges)
    assert len(rows) == 2 and all(len(r) == 2 and None not in r for r in rows)


def test_a_cell_spanning_two_columns_leaves_a_gap_in_its_row():
    edges = [_edge(10, y, 110, y) for y in (20, 40, 60)]
    edges += [_edge(10, 20, 10, 60), _edge(110, 20, 110, 60), _edge(60, 40, 60, 60)]  # no divider in row 1
    [(_, rows)] = table_grids(edges)
    assert rows == [[(10, 20, 110, 40), None], [(10, 40, 60, 60), (60, 40, 110, 60)]]


def test_two_grids_apart_are_two_tables_top_first():
    lower = grid([10, 60, 110], [300, 320, 340])
    upper = grid([10, 50], [20, 40, 60])
    tables = table_grids(lower + upper)
    assert [box for box, _ in tables] == [(10, 20, 50, 60), (10, 300, 110, 340)]


def test_lines_that_never_close_a_rectangle_are_no_table():
    edges = [_edge(10, y, 110, y) for y in (20, 40, 60)] + [_edge(10, 20, 10, 60)]  # no right side
    assert table_grids(edges) == []


def test_a_header_cell_spanning_columns_reads_as_one_cell_and_an_empty_one(tmp_path: Path):
    path = tmp_path / "spenn.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    left, top, width, row = 72, 700, 400, 24
    c.setFont("Helvetica", 10)
    c.drawString(left, top + 40, "Tabellen viser tiltak og ansvar i planperioden.")
    for y in (top, top - row, top - 2 * row, top - 3 * row):
        c.line(left, y, left + width, y)
    c.line(left, top, left, top - 3 * row)
    c.line(left + width, top, left + width, top - 3 * row)
    c.line(left + width / 2, top - row, left + width / 2, top - 3 * row)  # no divider in the header
    c.drawString(left + 4, top - 16, "Tiltak og ansvar")
    for k, (a, b) in enumerate([("Foreldreveiledning", "Helsestasjonen"), ("Ungdomslos", "NAV")], start=1):
        c.drawString(left + 4, top - row * k - 16, a)
        c.drawString(left + width / 2 + 4, top - row * k - 16, b)
    c.showPage()
    c.save()
    doc = extract(path, Limits())
    rows = [p.text for _, p in doc.paragraphs() if p.kind in (ParagraphKind.TABLE_HEADER, ParagraphKind.TABLE_ROW)]
    assert rows == ["Tiltak og ansvar |", "Foreldreveiledning | Helsestasjonen", "Ungdomslos | NAV"]


def test_reading_a_ruled_table_imports_no_second_pdf_parser(tmp_path: Path):
    b = PdfBuilder(tmp_path / "plan.pdf")
    b.heading("Tiltak")
    b.table([["Tiltak", "Ansvar"], ["Foreldreveiledning", "Helsestasjonen"], ["Ungdomslos", "NAV"]])
    path = b.save()
    code = ("import json, sys\nfrom plansjekk.api import extract\n"
            f"doc = extract({str(path)!r})\n"
            "rows = [p.text for _, p in doc.paragraphs() if p.kind.value.startswith('table')]\n"
            "print(json.dumps([rows, 'pdfplumber' in sys.modules, 'pdfminer' in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == ('[["Tiltak | Ansvar", "Foreldreveiledning | Helsestasjonen", '
                                            '"Ungdomslos | NAV"], false, false]')
