"""Build the second hold-out set: render kilder/*.md to DOCX, PDF or HTML next to this file.

A source is named `<stem>.<ext>.md`. It opens with `key: value` lines (municipality, header,
breadcrumb) ended by `---`, then a tiny Markdown subset: `#`/`##` headings, `- ` bullets,
`| a | b |` table rows (first row is the header), `\\pagebreak`, and plain paragraphs.
Output is deterministic (fixed document dates, fixed zip timestamps, reportlab invariant mode).

    /work/venv/bin/python benchmarks/holdout2/build.py
"""

from __future__ import annotations

import datetime as dt
import html
import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = dt.datetime(2025, 1, 15, 12, 0, 0)

Block = tuple  # (kind, payload): ("h1"|"h2"|"p"|"li", str), ("table", rows), ("break", None)


def parse(text: str) -> tuple[dict[str, str], list[Block]]:
    """Split front matter from body and turn the body into a flat list of blocks."""
    head, _, body = text.partition("\n---\n")
    meta = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    blocks: list[Block] = []
    para: list[str] = []
    table: list[list[str]] = []

    def flush() -> None:
        if para:
            blocks.append(("p", " ".join(para)))
            para.clear()
        if table:
            blocks.append(("table", [row[:] for row in table]))
            table.clear()

    for raw in body.splitlines():
        line = raw.strip()
        if line.startswith("|"):
            if para:
                blocks.append(("p", " ".join(para)))
                para.clear()
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not all(set(c) <= {"-", ":"} for c in cells):
                table.append(cells)
            continue
        if not line or line.startswith(("#", "- ", "\\pagebreak")):
            flush()
        if line.startswith("## "):
            blocks.append(("h2", line[3:]))
        elif line.startswith("# "):
            blocks.append(("h1", line[2:]))
        elif line.startswith("- "):
            blocks.append(("li", line[2:]))
        elif line == "\\pagebreak":
            blocks.append(("break", None))
        elif line:
            para.append(line)
    flush()
    return meta, blocks


def fix_zip_times(data: bytes) -> bytes:
    """Rewrite a zip (DOCX) with fixed member timestamps so rebuilds are byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def write_docx(meta: dict[str, str], blocks: list[Block], target: Path) -> None:
    """DOCX with real Heading 1/2 styles, List Bullet paragraphs and gridded tables."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.created = props.modified = FIXED
    props.author = meta.get("municipality", "")
    props.title = next((b[1] for b in blocks if b[0] == "h1"), "")
    for kind, payload in blocks:
        if kind in ("h1", "h2"):
            document.add_heading(payload, level=int(kind[1]))
        elif kind == "li":
            document.add_paragraph(payload, style="List Bullet")
        elif kind == "p":
            document.add_paragraph(payload)
        elif kind == "break":
            document.add_page_break()
        elif kind == "table":
            table = document.add_table(rows=len(payload), cols=len(payload[0]))
            table.style = "Table Grid"
            for r, row in enumerate(payload):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
                    if r == 0:
                        for run in table.cell(r, c).paragraphs[0].runs:
                            run.bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    target.write_bytes(fix_zip_times(buffer.getvalue()))


def write_pdf(meta: dict[str, str], blocks: list[Block], target: Path) -> None:
    """PDF with bold larger headings, running header/footer with page numbers, ruled tables."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    h1, h2, body = styles["Heading1"], styles["Heading2"], styles["BodyText"]
    cell = styles["BodyText"].clone("cell", fontSize=9, leading=11)

    def decorate(canvas, doc) -> None:
        if doc.page == 1:
            return
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2 * cm, A4[1] - 1.3 * cm, meta.get("header", ""))
        canvas.line(2 * cm, A4[1] - 1.45 * cm, A4[0] - 2 * cm, A4[1] - 1.45 * cm)
        canvas.drawString(2 * cm, 1.2 * cm, meta.get("municipality", ""))
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Side {doc.page}")
        canvas.restoreState()

    flow = []
    for kind, payload in blocks:
        if kind in ("h1", "h2"):
            flow.append(Paragraph(html.escape(payload), h1 if kind == "h1" else h2))
        elif kind == "li":
            flow.append(Paragraph(html.escape(payload), body, bulletText="\u2022"))
        elif kind == "p":
            flow.append(Paragraph(html.escape(payload), body))
        elif kind == "break":
            flow.append(PageBreak())
        elif kind == "table":
            rows = [[Paragraph(html.escape(c), cell) for c in row] for row in payload]
            table = Table(rows, repeatRows=1, colWidths=[17 * cm / len(payload[0])] * len(payload[0]))
            table.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            flow += [table, Spacer(1, 8)]
    doc = SimpleDocTemplate(str(target), pagesize=A4, invariant=True, title=meta.get("header", ""),
                            author=meta.get("municipality", ""), topMargin=2.2 * cm, bottomMargin=2 * cm)
    doc.build(flow, onFirstPage=decorate, onLaterPages=decorate)


PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} - {kommune}</title></head>
<body>
<div class="cookie-banner" id="cookies"><p>{kommune} bruker informasjonskapsler (cookies) for å
forbedre nettsiden og lage statistikk. <a href="/personvern">Les mer om personvern</a>.</p>
<button>Godta alle</button> <button>Bare nødvendige</button></div>
<header><a class="logo" href="/">{kommune}</a>
<nav><ul><li><a href="/helse-og-omsorg/">Helse og omsorg</a></li><li><a href="/barnehage-og-skole/">Barnehage og skole</a></li>
<li><a href="/politikk/">Politikk og innsyn</a></li><li><a href="/kontakt/">Kontakt oss</a></li><li><a href="/sok">Søk</a></li></ul></nav></header>
<nav class="breadcrumbs" aria-label="brødsmulesti"><a href="/">Forside</a> &rsaquo; {crumbs}</nav>
<main>
{content}
</main>
<footer><p>{kommune} · Postadresse: {address} · Sentralbord: {phone}</p>
<p><a href="/tilgjengelighetserklaering">Tilgjengelighetserklæring</a> · <a href="/personvern">Personvern</a> ·
<a href="/om-nettstedet">Om nettstedet</a></p><p>Sist oppdatert {updated}</p></footer>
</body></html>
"""


def write_html(meta: dict[str, str], blocks: list[Block], target: Path) -> None:
    """A saved municipal web page: the plan text in <main>, page furniture around it."""
    parts: list[str] = []
    in_list = False
    for kind, payload in blocks:
        if in_list and kind != "li":
            parts.append("</ul>")
            in_list = False
        if kind in ("h1", "h2"):
            parts.append(f"<{kind}>{html.escape(payload)}</{kind}>")
        elif kind == "li":
            parts.append("" if in_list else "<ul>")
            parts.append(f"<li>{html.escape(payload)}</li>")
            in_list = True
        elif kind == "p":
            parts.append(f"<p>{html.escape(payload)}</p>")
        elif kind == "table":
            head = "".join(f"<th>{html.escape(c)}</th>" for c in payload[0])
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in payload[1:])
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    if in_list:
        parts.append("</ul>")
    crumbs = " &rsaquo; ".join(html.escape(c.strip()) for c in meta.get("breadcrumb", "").split(">"))
    title = next((b[1] for b in blocks if b[0] == "h1"), "")
    target.write_text(PAGE.format(
        lang=meta.get("lang", "nb"), title=html.escape(title), kommune=meta.get("municipality", ""),
        crumbs=crumbs, content="\n".join(p for p in parts if p), address=meta.get("address", ""),
        phone=meta.get("phone", ""), updated=meta.get("updated", "")), encoding="utf-8")


WRITERS = {".docx": write_docx, ".pdf": write_pdf, ".html": write_html}


def render_folder(folder: Path, writers: dict) -> None:
    """Write each kilder/<name>.md of a set's folder to <name> with the writer for its extension,
    and print its word count (holdout4 and benchmarks/build_set.py render their sets with this too)."""
    for source in sorted((folder / "kilder").glob("*.md")):
        target = folder / source.name[:-3]
        meta, blocks = parse(source.read_text(encoding="utf-8"))
        writers[target.suffix](meta, blocks, target)
        words = sum(len(str(p).split()) for k, p in blocks if k not in ("table", "break")) + sum(
            len(c.split()) for k, p in blocks if k == "table" for row in p for c in row)
        print(f"{target.name}: {words} ord")


def main() -> None:
    render_folder(HERE, WRITERS)


if __name__ == "__main__":
    main()
