"""Build the PDF, DOCX and HTML documents of holdout21 from their Markdown sources in kilder/.

Run with the project's venv: `/work/main/.venv/bin/python benchmarks/holdout21/build.py`.
Markdown conventions: `#`-`###` headings, `|` rows become tables, `- ` lines bullets,
`[sideskift]` a page break, `[to spalter]` switches a PDF to two-column pages from the next page.
PDFs get real bold headings in larger type and a running header and footer (title, page number).
"""

from __future__ import annotations

import html
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
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

# name -> (running title, organisation line for footer)
PDFS = {
    "a_porsgrunn_trygge_barn_sterke_familier.pdf": ("Trygge barn – sterke familier 2026–2030", "Porsgrunn kommune"),
    "c_aremark_marker_felles_plan.pdf": ("Felles plan for forebygging – Aremark og Marker 2025–2028", "Aremark kommune og Marker kommune"),
    "d_skaun_plan_forebyggende_arbeid.pdf": ("Plan for forebyggende arbeid for barn og unge 2024–2027", "Skaun kommune"),
    "j_nannestad_statusrapport_2025.pdf": ("Statusrapport 2025 – forebyggende plan barn og unge", "Nannestad kommune"),
}
DOCXS = ["b_nord_aurdal_forebyggjande_plan_revidert.docx", "h_etnedal_hoyringsutkast.docx"]
HTMLS = {"e_gjerdrum_plan_forebygging.html": ("nb", "Gjerdrum kommune · Postboks 10 · 2024 Gjerdrum")}


def blocks(text: str) -> list[tuple[str, object]]:
    """Split Markdown into (kind, content) blocks."""
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
        if stripped == "[sideskift]":
            out.append(("break", ""))
        elif stripped == "[to spalter]":
            out.append(("twocol", ""))
        elif stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            out.append((f"h{level}", stripped.lstrip("#").strip()))
        elif stripped.startswith("- "):
            out.append(("bullet", stripped[2:]))
        else:
            out.append(("p", stripped))
    return out


def inline(text: str) -> str:
    """Escape for reportlab and turn **bold** into <b>."""
    text = html.escape(text, quote=False)
    parts = text.split("**")
    return "".join(f"<b>{p}</b>" if i % 2 else p for i, p in enumerate(parts))


STYLES = {
    "h1": ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=18, leading=22, spaceBefore=6, spaceAfter=10),
    "h2": ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=14, leading=18, spaceBefore=12, spaceAfter=6),
    "h3": ParagraphStyle("h3", fontName="Helvetica-Bold", fontSize=12, leading=15, spaceBefore=8, spaceAfter=4),
    "p": ParagraphStyle("p", fontName="Helvetica", fontSize=10.5, leading=14.5, spaceAfter=6, alignment=TA_LEFT),
    "bullet": ParagraphStyle("bullet", fontName="Helvetica", fontSize=10.5, leading=14.5, leftIndent=14,
                             bulletIndent=4, spaceAfter=3),
    "cell": ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11.5),
    "cellb": ParagraphStyle("cellb", fontName="Helvetica-Bold", fontSize=9, leading=11.5),
    "cell8": ParagraphStyle("cell8", fontName="Helvetica", fontSize=8, leading=10),
    "cellb8": ParagraphStyle("cellb8", fontName="Helvetica-Bold", fontSize=8, leading=10),
}


def build_pdf(name: str, parts: list[tuple[str, object]], title: str, org: str) -> None:
    """Write a PDF with headings, tables and a running header and footer on every page."""
    width, height = A4
    margin = 2.2 * cm

    def decorate(canvas, doc):  # noqa: ANN001
        canvas.saveState()
        canvas.setFont("Helvetica", 8.5)
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.drawString(margin, height - 1.3 * cm, title)
        canvas.drawRightString(width - margin, height - 1.3 * cm, org)
        canvas.line(margin, height - 1.45 * cm, width - margin, height - 1.45 * cm)
        canvas.drawString(margin, 1.2 * cm, title)
        canvas.drawRightString(width - margin, 1.2 * cm, f"Side {doc.page}")
        canvas.restoreState()

    doc = BaseDocTemplate(str(HERE / name), pagesize=A4, leftMargin=margin, rightMargin=margin,
                          topMargin=2.2 * cm, bottomMargin=2.0 * cm, title=title, author=org)
    full = Frame(margin, 2.0 * cm, width - 2 * margin, height - 4.2 * cm, id="full")
    gap = 0.8 * cm
    colw = (width - 2 * margin - gap) / 2
    left = Frame(margin, 2.0 * cm, colw, height - 4.2 * cm, id="left")
    right = Frame(margin + colw + gap, 2.0 * cm, colw, height - 4.2 * cm, id="right")
    doc.addPageTemplates([PageTemplate("one", [full], onPage=decorate),
                          PageTemplate("two", [left, right], onPage=decorate)])
    avail = width - 2 * margin
    story: list = []
    for kind, content in parts:
        if kind == "break":
            story.append(PageBreak())
        elif kind == "twocol":
            story.append(NextPageTemplate("two"))
            story.append(PageBreak())
            avail = colw
        elif kind.startswith("h"):
            story.append(Paragraph(inline(str(content)), STYLES[kind]))
        elif kind == "bullet":
            story.append(Paragraph(inline(str(content)), STYLES["bullet"], bulletText="•"))
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            ncols = max(len(r) for r in rows)
            cols = [[r[c].replace("**", "") if c < len(r) else "" for r in rows] for c in range(ncols)]
            size = 9 if avail > 300 else 8
            minimum = [max(stringWidth(w, "Helvetica-Bold", size) for cell in col for w in (cell.split() or [""])) + 13
                       for col in cols]
            lengths = [max(len(cell) for cell in col) + 4 for col in cols]
            spare = max(avail - sum(minimum), 0)
            extra = [max(n - m / 5.0, 0) for n, m in zip(lengths, minimum)]
            total = sum(extra) or 1
            widths = [m + spare * e / total for m, e in zip(minimum, extra)]
            scale = avail / sum(widths)
            widths = [w * scale for w in widths]
            cell, cellb = (STYLES["cell"], STYLES["cellb"]) if size == 9 else (STYLES["cell8"], STYLES["cellb8"])
            data = [[Paragraph(inline(r[c] if c < len(r) else ""), cellb if i == 0 else cell)
                     for c in range(ncols)] for i, r in enumerate(rows)]
            table = Table(data, colWidths=widths, repeatRows=1)
            table.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6ee")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(table)
            story.append(Spacer(1, 8))
        else:
            story.append(Paragraph(inline(str(content)), STYLES["p"]))
    doc.build(story)


def build_docx(name: str, parts: list[tuple[str, object]]) -> None:
    """Write a Word document with heading styles, tables and page breaks."""
    document = docx.Document()
    for kind, content in parts:
        if kind == "break":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "twocol":
            continue
        elif kind.startswith("h"):
            document.add_heading(str(content), level=int(kind[1:]))
        elif kind == "bullet":
            document.add_paragraph(str(content).replace("**", ""), style="List Bullet")
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            ncols = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=ncols)
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell.replace("**", "")
        else:
            document.add_paragraph(str(content).replace("**", ""))
    document.save(HERE / name)


def build_html(name: str, parts: list[tuple[str, object]], lang: str, footer: str) -> None:
    """Write a simple municipal web page."""
    body: list[str] = []
    in_list = False
    for kind, content in parts:
        if kind != "bullet" and in_list:
            body.append("</ul>")
            in_list = False
        if kind in ("break", "twocol"):
            continue
        if kind.startswith("h"):
            body.append(f"<{kind}>{html.escape(str(content))}</{kind}>")
        elif kind == "bullet":
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{html.escape(str(content).replace('**', ''))}</li>")
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            lines = ["<table>"]
            for r, row in enumerate(rows):
                tag = "th" if r == 0 else "td"
                lines.append("<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in row) + "</tr>")
            lines.append("</table>")
            body.extend(lines)
        else:
            body.append(f"<p>{html.escape(str(content).replace('**', ''))}</p>")
    if in_list:
        body.append("</ul>")
    title = next(str(c) for k, c in parts if k == "h1")
    page = (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8"><title>'
        + html.escape(title)
        + "</title></head>\n<body>\n<nav><a href=\"/\">Forside</a> › <a href=\"/oppvekst\">Oppvekst</a> › Planer</nav>\n<main>\n"
        + "\n".join(body)
        + f"\n</main>\n<footer><p>{html.escape(footer)}</p></footer>\n</body>\n</html>\n"
    )
    (HERE / name).write_text(page, encoding="utf-8")


def main() -> None:
    for path in sorted((HERE / "kilder").glob("*.md")):
        name = path.name[:-3]
        parts = blocks(path.read_text(encoding="utf-8"))
        if name in PDFS:
            build_pdf(name, parts, *PDFS[name])
        elif name in DOCXS:
            build_docx(name, parts)
        elif name in HTMLS:
            build_html(name, parts, *HTMLS[name])
        else:
            continue
        print("built", name)


if __name__ == "__main__":
    main()
