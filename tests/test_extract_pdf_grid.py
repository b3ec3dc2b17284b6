"""pdf_grid is pdfplumber's lattice table finder without pdfplumber's import: on the same
ruling edges it must find exactly the cells, rows and boxes pdfplumber finds."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdfgen import PdfBuilder
from pdfplumber.table import Table as PlumberTable
from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
from pdfplumber.utils import filter_edges

from plansjekk.extract import pdf_grid
from plansjekk.extract.pdf_layout import PageText, _scan_objects
from plansjekk.extract.pdf_tables import _edge

REPO = Path(__file__).resolve().parents[1]
PDFS = sorted([*REPO.glob("samples/planer/*.pdf"), *REPO.glob("benchmarks/holdout*/*.pdf")])


def plumber(edges: list[dict]) -> list[tuple]:
    merged = filter_edges(merge_edges(edges, 3, 3, 3, 3), min_length=3)
    found = []
    for cells in cells_to_tables(intersections_to_cells(edges_to_intersections(merged, 3, 3))):
        table = PlumberTable(None, cells)  # type: ignore[arg-type]
        found.append((table.bbox, [row.cells for row in table.rows]))
    return found


def ours(edges: list[dict]) -> list[tuple]:
    merged = pdf_grid.long_edges(pdf_grid.merge_edges(edges, 3, 3, 3, 3), min_length=3)
    return [(pdf_grid.bbox(cells), pdf_grid.rows(cells))
            for cells in pdf_grid.tables(pdf_grid.cells(pdf_grid.intersections(merged, 3, 3)))]


def ruled_grid(rng: random.Random) -> list[dict]:
    """A table drawn the way real PDFs draw them: cell rectangles or separate rules, edges a
    little off, split in pieces, duplicated, with stray short rules and a second table."""
    edges: list[dict] = []
    for _ in range(rng.randint(1, 2)):
        x0, top = rng.uniform(20, 200), rng.uniform(20, 400)
        xs = [x0]
        for _ in range(rng.randint(1, 5)):
            xs.append(xs[-1] + rng.uniform(2, 150))
        ys = [top]
        for _ in range(rng.randint(1, 6)):
            ys.append(ys[-1] + rng.uniform(2, 40))
        jitter = rng.choice([0, 0.5, 2, 3.5])
        for y in ys:
            a = xs[0] - rng.uniform(0, jitter)
            for b in sorted(rng.sample(xs[1:], rng.randint(1, len(xs) - 1))):
                edges.append(_edge(a, y + rng.uniform(-jitter, jitter), b + rng.uniform(0, jitter), y + 0.5))
                a = b + rng.choice([0, 0, 1, 4])
        for x in xs:
            if rng.random() < 0.9:
                edges.append(_edge(x - 0.5 + rng.uniform(-jitter, jitter), ys[0], x + 0.5, ys[-1]))
        if rng.random() < 0.5:
            edges.append(dict(rng.choice(edges)))  # the same rule twice
    for _ in range(rng.randint(0, 3)):
        x, y = rng.uniform(0, 500), rng.uniform(0, 700)
        edges.append(_edge(x, y, x + rng.uniform(0.5, 6), y + 0.4))
    return edges


@pytest.mark.parametrize("seed", range(300))
def test_random_rulings_give_pdfplumbers_tables(seed):
    edges = ruled_grid(random.Random(seed))
    assert ours(edges) == plumber(edges)


def test_the_random_rulings_do_make_tables():
    """The comparison above is only worth something if most cases hold real tables."""
    with_tables = sum(1 for seed in range(300) if plumber(ruled_grid(random.Random(seed))))
    assert with_tables >= 200


def _page_edges(path: Path) -> list[list[dict]]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            left, _, _, top = page.get_mediabox()
            out.append(_scan_objects(page, PageText(number=i + 1, width=0, height=0), left, top))
            page.close()
        return out
    finally:
        pdf.close()


@pytest.mark.parametrize("path", PDFS, ids=[p.name for p in PDFS])
def test_real_pdfs_give_pdfplumbers_tables(path):
    for edges in _page_edges(path):
        assert ours(edges) == plumber(edges)


def test_a_built_pdf_with_tables_compares_table_for_table(tmp_path):
    b = PdfBuilder(tmp_path / "t.pdf")
    b.paragraph("Tiltakene står i tabellen.")
    b.table([["Tiltak", "Ansvar", "Frist"], ["Foreldreveiledning", "Helsestasjonen", "2025"],
             ["Tverrfaglig team", "Kommunalsjef oppvekst", "2024"]])
    b.table([["Mål", "Indikator"], ["Færre bekymringsmeldinger", "Tall fra barnevernet"]], col_widths=[150, 200])
    pages = _page_edges(b.save())
    assert sum(len(ours(edges)) for edges in pages) == 2
    for edges in pages:
        assert ours(edges) == plumber(edges)


def test_reading_a_ruled_table_does_not_import_pdfplumber(tmp_path):
    b = PdfBuilder(tmp_path / "t.pdf")
    b.table([["Tiltak", "Ansvar"], ["Foreldreveiledning", "Helsestasjonen"], ["Ungdomslos", "NAV"]])
    path = b.save()
    code = ("import sys\nfrom plansjekk.extract.pdf import extract\nfrom plansjekk.settings import Limits\n"
            f"doc = extract({str(path)!r}, Limits())\n"
            "print(any(p.kind.value == 'table_row' for _, p in doc.paragraphs()), 'pdfplumber' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "False"]
