"""Build the PDF, DOCX and HTML documents of holdout19 from their Markdown sources in kilder/.

Run with the project's venv: `/work/main/.venv/bin/python benchmarks/holdout19/build.py`.
Headings become real heading styles (Word), <h1>-<h3> (HTML) or larger bold type (PDF);
`|` rows become tables, `- ` lines bullets. In PDF sources a line `[[side]]` starts a new page,
`[[to-spalter]]` switches the following pages to two columns and `[[en-spalte]]` back.
"""

from __future__ import annotations

import html
from pathlib import Path

import docx
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
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
    "a_kongsvinger_trygge_barn_sterke_familier.pdf": "Kongsvinger kommune",
    "j_sondre_land_handlingsplan_psykisk_helse_rus.pdf": "Søndre Land kommune",
    "d_gol_revidert_plan_forebygging.docx": "Gol kommune",
    "i_hurdal_saksframlegg.docx": "Hurdal kommune",
    "f_frogn_forebyggende_plan.html": "Frogn kommune",
}

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def blocks(text: str) -> list[tuple[str, object]]:
    """Split Markdown into (kind, content) blocks: heading levels, paragraphs, bullets, tables, markers."""
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
        if stripped.startswith("[[") and stripped.endswith("]]"):
            out.append(("marker", stripped[2:-2]))
        elif stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            out.append((f"h{level}", stripped.lstrip("#").strip()))
        elif stripped.startswith("- "):
            out.append(("bullet", stripped[2:]))
        else:
            out.append(("p", stripped))
    return out


def plain(text: str) -> str:
    """Markdown emphasis removed."""
    return text.replace("**", "").replace("*", "")


def inline(text: str) -> str:
    """Markdown bold/italic to reportlab mini-markup."""
    out = html.escape(text, quote=False)
    while "**" in out:
        out = out.replace("**", "<b>", 1).replace("**", "</b>", 1)
    while out.count("*") >= 2:
        out = out.replace("*", "<i>", 1).replace("*", "</i>", 1)
    return out


def build_pdf(name: str, owner: str, parts: list[tuple[str, object]]) -> None:
    """Write a PDF with bold larger headings, tables, page-number footer and optional two-column pages."""
    pdfmetrics.registerFont(TTFont("DV", str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DV-B", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont("DV-I", str(FONT_DIR / "DejaVuSans-Oblique.ttf")))
    pdfmetrics.registerFont(TTFont("DV-BI", str(FONT_DIR / "DejaVuSans-BoldOblique.ttf")))
    from reportlab.pdfbase.pdfmetrics import registerFontFamily

    registerFontFamily("DV", normal="DV", bold="DV-B", italic="DV-I", boldItalic="DV-BI")
    body = ParagraphStyle("body", fontName="DV", fontSize=10, leading=14, spaceAfter=6, alignment=TA_LEFT)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0)
    cell_head = ParagraphStyle("cellh", parent=cell, fontName="DV-B")
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=4, spaceAfter=3)
    heads = {
        1: ParagraphStyle("h1", parent=body, fontName="DV-B", fontSize=20, leading=25, spaceBefore=6, spaceAfter=12),
        2: ParagraphStyle("h2", parent=body, fontName="DV-B", fontSize=14, leading=18, spaceBefore=12, spaceAfter=6),
        3: ParagraphStyle("h3", parent=body, fontName="DV-B", fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=4),
    }
    width, height = A4
    margin = 2.2 * cm

    def footer(canvas, doc) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFont("DV", 8)
        canvas.drawString(margin, 1.2 * cm, owner)
        canvas.drawRightString(width - margin, 1.2 * cm, f"Side {doc.page}")
        canvas.restoreState()

    one = Frame(margin, 2 * cm, width - 2 * margin, height - 4 * cm, id="one")
    col = (width - 2 * margin - 0.8 * cm) / 2
    left = Frame(margin, 2 * cm, col, height - 4 * cm, id="left")
    right = Frame(margin + col + 0.8 * cm, 2 * cm, col, height - 4 * cm, id="right")
    doc = BaseDocTemplate(str(HERE / name), pagesize=A4, title=plain(str(parts[0][1])), author=owner)
    doc.addPageTemplates(
        [PageTemplate(id="en", frames=[one], onPage=footer), PageTemplate(id="to", frames=[left, right], onPage=footer)]
    )
    story: list = []
    avail = width - 2 * margin
    for kind, content in parts:
        if kind == "marker":
            if content == "side":
                story.append(PageBreak())
            elif content == "to-spalter":
                story.append(NextPageTemplate("to"))
                story.append(PageBreak())
            elif content == "en-spalte":
                story.append(NextPageTemplate("en"))
                story.append(PageBreak())
        elif kind.startswith("h"):
            story.append(Paragraph(inline(str(content)), heads[min(int(kind[1:]), 3)]))
        elif kind == "bullet":
            story.append(Paragraph(inline(str(content)), bullet, bulletText="•"))
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            data = [[Paragraph(inline(c), cell_head if r == 0 else cell) for c in row] for r, row in enumerate(rows)]
            ncols = len(rows[0])
            table = Table(data, colWidths=[avail / ncols] * ncols, repeatRows=1)
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6ee")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(table)
            story.append(Spacer(1, 8))
        else:
            story.append(Paragraph(inline(str(content)), body))
    doc.build(story)


def build_docx(name: str, parts: list[tuple[str, object]]) -> None:
    """Write a Word document with heading styles and tables."""
    document = docx.Document()
    for kind, content in parts:
        if kind == "marker":
            continue
        if kind.startswith("h"):
            document.add_heading(plain(str(content)), level=int(kind[1:]))
        elif kind == "bullet":
            document.add_paragraph(plain(str(content)), style="List Bullet")
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = plain(text)
        else:
            document.add_paragraph(plain(str(content)))
    document.save(HERE / name)


def build_html(name: str, owner: str, parts: list[tuple[str, object]]) -> None:
    """Write a simple municipal web page."""
    body: list[str] = []
    in_list = False
    for kind, content in parts:
        if kind != "bullet" and in_list:
            body.append("</ul>")
            in_list = False
        if kind == "marker":
            continue
        if kind.startswith("h"):
            body.append(f"<{kind}>{html.escape(plain(str(content)))}</{kind}>")
        elif kind == "bullet":
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{html.escape(plain(str(content)))}</li>")
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            lines = ["<table>"]
            for r, row in enumerate(rows):
                tag = "th" if r == 0 else "td"
                lines.append("<tr>" + "".join(f"<{tag}>{html.escape(plain(c))}</{tag}>" for c in row) + "</tr>")
            lines.append("</table>")
            body.extend(lines)
        else:
            body.append(f"<p>{html.escape(plain(str(content)))}</p>")
    if in_list:
        body.append("</ul>")
    title = next(str(c) for k, c in parts if k == "h1")
    page = (
        '<!DOCTYPE html>\n<html lang="nb">\n<head><meta charset="utf-8"><title>'
        + html.escape(plain(title))
        + " - "
        + owner
        + '</title></head>\n<body>\n<nav><a href="/">Forside</a> › <a href="/oppvekst">Oppvekst</a> › '
        + "Planer</nav>\n<main>\n"
        + "\n".join(body)
        + f"\n</main>\n<footer><p>{owner} · Rådhuset · 1440 Drøbak · Sentralbord 64 90 60 00</p></footer>\n"
        + "</body>\n</html>\n"
    )
    (HERE / name).write_text(page, encoding="utf-8")


def main() -> None:
    for name, owner in SOURCES.items():
        parts = blocks((HERE / "kilder" / f"{name}.md").read_text(encoding="utf-8"))
        if name.endswith(".pdf"):
            build_pdf(name, owner, parts)
        elif name.endswith(".docx"):
            build_docx(name, parts)
        else:
            build_html(name, owner, parts)
        print("built", name)


if __name__ == "__main__":
    main()
