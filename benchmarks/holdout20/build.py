"""Build the PDF, DOCX and HTML documents of holdout20 from their Markdown sources in kilder/.

Run with the project's venv: `/work/main/.venv/bin/python benchmarks/holdout20/build.py`.
Headings become real heading styles (Word styles, <h1>-<h3>, larger bold type in PDF); `|` rows become
tables; `- ` lines bullets. In PDF sources the comment lines `<!-- to spalter -->` and `<!-- ei spalte -->`
switch the page layout to two columns and back; every PDF page has its number in the footer.
"""

from __future__ import annotations

import html
from pathlib import Path

import docx
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).parent
SOURCES = {
    "a_skien_trygge_barn.pdf": "Skien kommune",
    "c_grimstad_revidert_plan.docx": "Grimstad kommune",
    "e_sorfold_plan_forebygging.html": "Sørfold kommune",
    "g_nore_og_uvdal_hoyringsutkast.docx": "Nore og Uvdal kommune",
    "h_bjerkreim_planprogram.pdf": "Bjerkreim kommune",
}


def blocks(text: str) -> list[tuple[str, object]]:
    """Split Markdown into (kind, content) blocks: heading levels, paragraphs, bullets, tables, layout."""
    out: list[tuple[str, object]] = []
    table: list[list[str]] = []
    for line in text.splitlines() + [""]:
        stripped = line.strip()
        if stripped.startswith("|"):
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if not all(set(c) <= set("-: ") for c in cells):
                table.append(cells)
            continue
        if table:
            out.append(("table", table))
            table = []
        if not stripped:
            continue
        if stripped == "<!-- to spalter -->":
            out.append(("two", None))
        elif stripped == "<!-- ei spalte -->":
            out.append(("one", None))
        elif stripped == "<!-- sideskift -->":
            out.append(("break", None))
        elif stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            out.append((f"h{level}", stripped.lstrip("#").strip()))
        elif stripped.startswith("- "):
            out.append(("bullet", stripped[2:]))
        else:
            out.append(("p", stripped.strip("*")))
    return out


def build_docx(name: str, parts: list[tuple[str, object]], owner: str) -> None:
    """Write a Word document with heading styles and tables."""
    document = docx.Document()
    for kind, content in parts:
        if kind in ("two", "one", "break"):
            continue
        if kind.startswith("h"):
            document.add_heading(str(content), level=int(kind[1:]) - 1 if kind != "h1" else 0)
        elif kind == "bullet":
            document.add_paragraph(str(content), style="List Bullet")
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(str(content))
    document.sections[0].footer.paragraphs[0].text = owner
    document.save(HERE / name)


def build_html(name: str, parts: list[tuple[str, object]], owner: str) -> None:
    """Write a simple municipal web page."""
    body: list[str] = []
    in_list = False
    for kind, content in parts:
        if kind in ("two", "one", "break"):
            continue
        if kind != "bullet" and in_list:
            body.append("</ul>")
            in_list = False
        if kind.startswith("h"):
            body.append(f"<{kind}>{html.escape(str(content))}</{kind}>")
        elif kind == "bullet":
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{html.escape(str(content))}</li>")
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            lines = ["<table>"]
            for r, row in enumerate(rows):
                tag = "th" if r == 0 else "td"
                lines.append("<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in row) + "</tr>")
            lines.append("</table>")
            body.extend(lines)
        else:
            body.append(f"<p>{html.escape(str(content))}</p>")
    if in_list:
        body.append("</ul>")
    title = next(str(c) for k, c in parts if k == "h1")
    page = (
        '<!DOCTYPE html>\n<html lang="nb">\n<head><meta charset="utf-8"><title>'
        + html.escape(title)
        + "</title></head>\n<body>\n<header><p>"
        + html.escape(owner)
        + " · Hjem › Helse og omsorg › Barn og familie</p></header>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n<footer><p>"
        + html.escape(owner)
        + " · Rådhuset · 8226 Straumen</p></footer>\n</body>\n</html>\n"
    )
    (HERE / name).write_text(page, encoding="utf-8")


def build_pdf(name: str, parts: list[tuple[str, object]], owner: str) -> None:
    """Write a PDF with bold headings, tables, page numbers and optional two-column pages."""
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontName="Helvetica", fontSize=10, leading=14,
                          alignment=TA_LEFT, spaceAfter=6)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0)
    cellhead = ParagraphStyle("cellhead", parent=cell, fontName="Helvetica-Bold")
    heads = {
        "h1": ParagraphStyle("h1", parent=body, fontName="Helvetica-Bold", fontSize=20, leading=25, spaceAfter=14),
        "h2": ParagraphStyle("h2", parent=body, fontName="Helvetica-Bold", fontSize=15, leading=19, spaceBefore=12,
                             spaceAfter=8),
        "h3": ParagraphStyle("h3", parent=body, fontName="Helvetica-Bold", fontSize=12, leading=15, spaceBefore=8,
                             spaceAfter=5),
    }

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2 * cm, 1.2 * cm, owner)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Side {doc.page}")
        canvas.restoreState()

    width, height = A4
    margin = 2 * cm
    one = Frame(margin, margin, width - 2 * margin, height - 2 * margin, id="one")
    gap = 0.8 * cm
    colw = (width - 2 * margin - gap) / 2
    left = Frame(margin, margin, colw, height - 2 * margin, id="left")
    right = Frame(margin + colw + gap, margin, colw, height - 2 * margin, id="right")
    doc = BaseDocTemplate(str(HERE / name), pagesize=A4, title=next(str(c) for k, c in parts if k == "h1"),
                          author=owner)
    doc.addPageTemplates([PageTemplate("one", [one], onPage=footer), PageTemplate("two", [left, right], onPage=footer)])
    story: list = []
    columns = 1
    for kind, content in parts:
        if kind == "two":
            story += [NextPageTemplate("two"), PageBreak()]
            columns = 2
        elif kind == "one":
            story += [NextPageTemplate("one"), PageBreak()]
            columns = 1
        elif kind == "break":
            story.append(PageBreak())
        elif kind in heads:
            story.append(Paragraph(html.escape(str(content)), heads[kind]))
        elif kind == "bullet":
            story.append(Paragraph(html.escape(str(content)), body, bulletText="•"))
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            data = [[Paragraph(html.escape(c), cellhead if r == 0 else cell) for c in row] for r, row in enumerate(rows)]
            avail = (colw if columns == 2 else width - 2 * margin)
            table = Table(data, colWidths=[avail / len(rows[0])] * len(rows[0]), repeatRows=1)
            table.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6ee")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story += [table, Spacer(1, 8)]
        else:
            story.append(Paragraph(html.escape(str(content)), body))
    doc.build(story)


def main() -> None:
    for name, owner in SOURCES.items():
        source = HERE / "kilder" / f"{name}.md"
        if not source.exists():
            continue
        parts = blocks(source.read_text(encoding="utf-8"))
        {"pdf": build_pdf, "docx": build_docx, "html": build_html}[name.rsplit(".", 1)[1]](name, parts, owner)
        print("built", name)


if __name__ == "__main__":
    main()
