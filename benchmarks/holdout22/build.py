"""Build the PDF, DOCX and HTML documents of holdout22 from their Markdown sources in kilder/.

Run with the project's venv: `/work/main/.venv/bin/python benchmarks/holdout22/build.py`.
Headings become real heading styles (Word), <h1>-<h3> (HTML) or larger bold type (PDF);
`|` rows become tables, `- ` lines bullets, a line `<<<sideskift>>>` a page break (PDF only).
"""

from __future__ import annotations

import html
from pathlib import Path

import docx
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).parent
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SOURCES = [
    "a_vestby_sammen_tidlig.pdf",
    "c_aukra_plan_forebyggjande_arbeid.docx",
    "e_skiptvet_horingsutkast.docx",
    "f_haram_hoyringsutkast.pdf",
    "h_nord_aurdal_planprogram_oppvekst.html",
    "i_sor_varanger_nettside.html",
]
PAGE_BREAK = "<<<sideskift>>>"


def blocks(text: str) -> list[tuple[str, object]]:
    """Split Markdown into (kind, content) blocks: heading levels, paragraphs, bullets, tables, page breaks."""
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
        if stripped == PAGE_BREAK:
            out.append(("break", ""))
        elif stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            out.append((f"h{level}", stripped.lstrip("#").strip()))
        elif stripped.startswith("- "):
            out.append(("bullet", stripped[2:]))
        else:
            out.append(("p", stripped.strip("*")))
    return out


def build_docx(name: str, parts: list[tuple[str, object]]) -> None:
    """Write a Word document with heading styles and tables."""
    document = docx.Document()
    for kind, content in parts:
        if kind == "break":
            continue
        if kind.startswith("h"):
            document.add_heading(str(content), level=int(kind[1:]))
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
    document.save(HERE / name)


def build_pdf(name: str, parts: list[tuple[str, object]], footer: str) -> None:
    """Write a PDF with bold larger headings, tables and page numbers."""
    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    body = ParagraphStyle("body", fontName="DejaVu", fontSize=10, leading=14, spaceAfter=6)
    cell = ParagraphStyle("cell", fontName="DejaVu", fontSize=8.5, leading=11)
    head_cell = ParagraphStyle("headcell", parent=cell, fontName="DejaVu-Bold")
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=4)
    heads = {
        1: ParagraphStyle("h1", fontName="DejaVu-Bold", fontSize=18, leading=23, spaceAfter=12),
        2: ParagraphStyle("h2", fontName="DejaVu-Bold", fontSize=14, leading=18, spaceBefore=10, spaceAfter=6),
        3: ParagraphStyle("h3", fontName="DejaVu-Bold", fontSize=11.5, leading=15, spaceBefore=6, spaceAfter=4),
    }
    story: list[object] = []
    for kind, content in parts:
        if kind == "break":
            story.append(PageBreak())
        elif kind.startswith("h"):
            story.append(Paragraph(html.escape(str(content)), heads[min(int(kind[1:]), 3)]))
        elif kind == "bullet":
            story.append(Paragraph(html.escape(str(content)), bullet, bulletText="•"))
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            data = [
                [Paragraph(html.escape(c), head_cell if r == 0 else cell) for c in row] for r, row in enumerate(rows)
            ]
            width = (A4[0] - 4 * cm) / len(rows[0])
            table = Table(data, colWidths=[width] * len(rows[0]), repeatRows=1)
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6ee")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.extend([table, Spacer(1, 8)])
        else:
            story.append(Paragraph(html.escape(str(content)), body))

    def number(canvas, doc) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFont("DejaVu", 8)
        canvas.drawString(2 * cm, 1.2 * cm, footer)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Side {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(HERE / name), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm)
    doc.build(story, onFirstPage=number, onLaterPages=number)


def html_body(parts: list[tuple[str, object]]) -> list[str]:
    body: list[str] = []
    in_list = False
    for kind, content in parts:
        if kind != "bullet" and in_list:
            body.append("</ul>")
            in_list = False
        if kind == "break":
            continue
        if kind.startswith("h"):
            body.append(f"<{kind}>{html.escape(str(content))}</{kind}>")
        elif kind == "bullet":
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{html.escape(str(content))}</li>")
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            body.append("<table>")
            for r, row in enumerate(rows):
                tag = "th" if r == 0 else "td"
                body.append("<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in row) + "</tr>")
            body.append("</table>")
        else:
            body.append(f"<p>{html.escape(str(content))}</p>")
    if in_list:
        body.append("</ul>")
    return body


SIMPLE_PAGE = """<!DOCTYPE html>
<html lang="nn">
<head><meta charset="utf-8"><title>{title}</title></head>
<body>
<header><p>Nord-Aurdal kommune</p></header>
<main>
{body}
</main>
<footer><p>Nord-Aurdal kommune · Postboks 7 · 2901 Fagernes · postmottak@nord-aurdal.kommune.no</p></footer>
</body>
</html>
"""

PORTAL_PAGE = """<!DOCTYPE html>
<html lang="nb">
<head><meta charset="utf-8"><title>{title} - Sør-Varanger kommune</title></head>
<body>
<div class="cookie-banner">
<p>Vi bruker informasjonskapsler (cookies) for å lage statistikk og forbedre nettstedet. Noen er nødvendige for at siden skal virke.</p>
<p><a href="#">Godta alle</a> <a href="#">Bare nødvendige</a> <a href="#">Les mer om personvern</a></p>
</div>
<header>
<a href="/">Sør-Varanger kommune</a>
<nav aria-label="Hovedmeny">
<ul>
<li><a href="/barnehage-og-skole/">Barnehage og skole</a></li>
<li><a href="/helse-og-omsorg/">Helse og omsorg</a></li>
<li><a href="/familie-og-barn/">Familie og barn</a></li>
<li><a href="/kultur-og-fritid/">Kultur og fritid</a></li>
<li><a href="/politikk-og-organisasjon/">Politikk og organisasjon</a></li>
<li><a href="/nyheter/">Nyheter</a></li>
</ul>
</nav>
<form role="search"><label>Søk på nettstedet <input type="search" name="q"></label></form>
</header>
<nav aria-label="Brødsmuler"><a href="/">Forsiden</a> › <a href="/nyheter/">Nyheter</a> › {title}</nav>
<main>
<article>
{body}
</article>
<aside>
<h2>Relaterte sider</h2>
<ul>
<li><a href="/familie-og-barn/helsestasjon/">Helsestasjon og skolehelsetjeneste</a></li>
<li><a href="/familie-og-barn/barnevern/">Barneverntjenesten</a></li>
<li><a href="/politikk-og-organisasjon/planer/">Planer og strategier</a></li>
</ul>
</aside>
</main>
<footer>
<p>Sør-Varanger kommune · Postboks 406 · 9915 Kirkenes · Sentralbord 78 97 74 00</p>
<p>Org.nr. 964 994 709 (oppdiktet) · <a href="/personvern/">Personvernerklæring</a> · <a href="/tilgjengelighet/">Tilgjengelighetserklæring</a> · <a href="/cookies/">Informasjonskapsler</a></p>
<p>Ansvarlig redaktør: kommunedirektøren · Publisert 2. desember 2025 · Sist endret 4. desember 2025</p>
</footer>
</body>
</html>
"""


def build_html(name: str, parts: list[tuple[str, object]]) -> None:
    title = next(str(c) for k, c in parts if k == "h1")
    template = PORTAL_PAGE if name.startswith("i_") else SIMPLE_PAGE
    page = template.format(title=html.escape(title), body="\n".join(html_body(parts)))
    (HERE / name).write_text(page, encoding="utf-8")


FOOTERS = {
    "a_vestby_sammen_tidlig.pdf": "Vestby kommune · Sammen tidlig 2025–2029",
    "f_haram_hoyringsutkast.pdf": "Haram kommune · Høyringsutkast februar 2026",
}


def main() -> None:
    for name in SOURCES:
        parts = blocks((HERE / "kilder" / f"{name}.md").read_text(encoding="utf-8"))
        if name.endswith(".docx"):
            build_docx(name, parts)
        elif name.endswith(".pdf"):
            build_pdf(name, parts, FOOTERS[name])
        else:
            build_html(name, parts)
        print("built", name)


if __name__ == "__main__":
    main()
