"""PDF renderer (reportlab, built-in Helvetica: WinAnsi covers æøå, «», – and §).

invariant=1 fixes the creation date and document id, so the bytes only change when
the source or the reportlab version changes. Running header and "Side X av Y" footer
on every page but the cover; a few long compounds may be hyphenated at line ends.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .source import BOLD, Block, Source, accepted

# Break points for the few compounds we let reportlab hyphenate at a line end.
HYPHENATION = {
    "barnevernstjenesten": "barneverns",
    "skolehelsetjenesten": "skolehelse",
    "helsesykepleier": "helse",
    "foreldreveiledning": "foreldre",
    "bekymringsmeldinger": "bekymrings",
    "samarbeidsavtaler": "samarbeids",
    "kompetanseheving": "kompetanse",
    "handlingsveilederen": "handlings",
    "oppvekstteamet": "oppvekst",
    "ungdomsskolene": "ungdoms",
    "kommunedirektøren": "kommune",
    "funksjonsnedsettelse": "funksjons",
    "funksjonsnedsettelser": "funksjons",
    "forebyggende": "fore",
    "økonomiplanen": "økonomi",
    "omsorgssvikt": "omsorgs",
}

MARGIN = 2.2 * cm
WIDTH, HEIGHT = A4


def hyphenator(word: str):
    """reportlab hyphenator protocol: yield (head, tail) splits for a word."""
    head = HYPHENATION.get(word.rstrip(".,;:»").lower())
    if head:
        yield word[:len(head)], word[len(head):]


BLUE = colors.HexColor("#1d3f6e")


def styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14.5,
                          spaceAfter=7, hyphenationLang=hyphenator)
    return {
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0),
        "cellhead": ParagraphStyle("cellhead", parent=body, fontName="Helvetica-Bold",
                                   fontSize=9, leading=11.5, spaceAfter=0),
        "h1": ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=16, leading=20,
                             spaceBefore=14, spaceAfter=8, keepWithNext=1, textColor=BLUE),
        "h2": ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=12.5, leading=16,
                             spaceBefore=10, spaceAfter=5, keepWithNext=1, textColor=BLUE),
        "h3": ParagraphStyle("h3", fontName="Helvetica-BoldOblique", fontSize=11, leading=14, keepWithNext=1,
                             spaceBefore=8, spaceAfter=4),
        "kommune": ParagraphStyle("kommune", fontName="Helvetica-Bold", fontSize=14, leading=18,
                                  alignment=TA_CENTER, spaceAfter=60),
        "tittel": ParagraphStyle("tittel", fontName="Helvetica-Bold", fontSize=24, leading=30,
                                 alignment=TA_CENTER, spaceAfter=18, textColor=BLUE),
        "undertittel": ParagraphStyle("undertittel", fontName="Helvetica", fontSize=14,
                                      leading=18, alignment=TA_CENTER, spaceAfter=40),
        "tekst": ParagraphStyle("tekst", fontName="Helvetica", fontSize=11, leading=15,
                                alignment=TA_CENTER, spaceAfter=6),
    }


def inline(text: str) -> str:
    """Source inline markup to reportlab's mini-HTML."""
    text = accepted(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return BOLD.sub(r"<b>\1</b>", text)


def make_canvas(header: str, footer: str):
    """A canvas that knows the page count, to print 'Side X av Y' (cover page left bare)."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if self._pageNumber > 1:
                    self._furniture(self._pageNumber, total)
                super().showPage()
            super().save()

        def _furniture(self, page: int, total: int) -> None:
            self.setFont("Helvetica", 8.5)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawString(MARGIN, HEIGHT - 1.3 * cm, header)
            self.line(MARGIN, HEIGHT - 1.45 * cm, WIDTH - MARGIN, HEIGHT - 1.45 * cm)
            self.drawString(MARGIN, 1.2 * cm, footer)
            self.drawRightString(WIDTH - MARGIN, 1.2 * cm, f"Side {page} av {total}")

    return NumberedCanvas


def table_flowable(block: Block, st: dict[str, ParagraphStyle], width: float) -> Table:
    ncols = max(len(r) for r in block.rows)
    data = []
    for r, row in enumerate(block.rows):
        style = st["cellhead"] if block.header and r == 0 else st["cell"]
        data.append([Paragraph(inline(c), style) for c in row] + [""] * (ncols - len(row)))
    first = 0.3 if ncols >= 3 else 0.35
    widths = [width * first] + [width * (1 - first) / (ncols - 1)] * (ncols - 1)
    t = Table(data, colWidths=widths, repeatRows=1 if block.header else 0)
    commands = [("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7a8aa0")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    if block.header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe7f2")))
    t.setStyle(TableStyle(commands))
    return t


def box_flowable(block: Block, st: dict[str, ParagraphStyle], width: float) -> Table:
    paras = [Paragraph(inline(text), st["body"]) for text in block.items]
    t = Table([[paras]], colWidths=[width])
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f1efe6")),
                           ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#b0a27a")),
                           ("LEFTPADDING", (0, 0), (-1, -1), 9),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 9)]))
    return t


def list_flowable(block: Block, st: dict[str, ParagraphStyle]) -> ListFlowable:
    items = [ListItem(Paragraph(inline(t), st["body"]), leftIndent=16) for t in block.items]
    if block.kind == "numbered":
        return ListFlowable(items, bulletType="1", bulletFormat="%s.", leftIndent=16,
                            bulletFontName="Helvetica", bulletFontSize=10)
    return ListFlowable(items, bulletType="bullet", start="\u2022", leftIndent=16,
                        bulletFontName="Helvetica", bulletFontSize=10)


def story(src: Source, st: dict[str, ParagraphStyle]) -> list[Any]:
    width = WIDTH - 2 * MARGIN
    flow: list[Any] = [Spacer(1, 3 * cm)]
    for style, text in src.meta.get("cover", []):
        flow.append(Paragraph(inline(text), st[style]))
    flow += [NextPageTemplate("normal"), PageBreak()]
    columns = False
    for block in src.blocks:
        if block.kind == "heading":
            flow.append(Paragraph(inline(block.text), st[f"h{min(block.level, 3)}"]))
        elif block.kind == "para":
            flow.append(Paragraph(inline(block.text), st["body"]))
        elif block.kind in ("bullets", "numbered"):
            flow.append(list_flowable(block, st))
        elif block.kind == "table":
            flow += [table_flowable(block, st, width / 2 - 12 if columns else width), Spacer(1, 8)]
        elif block.kind == "box":
            flow += [KeepTogether(box_flowable(block, st, width)), Spacer(1, 8)]
        elif block.kind == "pagebreak":
            flow.append(PageBreak())
        elif block.kind in ("columns_on", "columns_off"):
            columns = block.kind == "columns_on"
            flow += [NextPageTemplate("kolonner" if columns else "normal"), PageBreak()]
    return flow


def render_pdf(src: Source, out: Path) -> None:
    meta = src.meta
    st = styles()
    doc = BaseDocTemplate(str(out), pagesize=A4, invariant=1, title=meta["title"],
                          author=meta["author"], subject=meta.get("subject", ""),
                          creator="plansjekk samples/build.py", leftMargin=MARGIN,
                          rightMargin=MARGIN, topMargin=2.3 * cm, bottomMargin=2.2 * cm)
    full = Frame(MARGIN, 2.2 * cm, WIDTH - 2 * MARGIN, HEIGHT - 4.5 * cm, id="full")
    half = (WIDTH - 2 * MARGIN - 0.8 * cm) / 2
    left = Frame(MARGIN, 2.2 * cm, half, HEIGHT - 4.5 * cm, id="venstre")
    right = Frame(MARGIN + half + 0.8 * cm, 2.2 * cm, half, HEIGHT - 4.5 * cm, id="hoyre")
    doc.addPageTemplates([PageTemplate("forside", [full]), PageTemplate("normal", [full]),
                          PageTemplate("kolonner", [left, right])])
    doc.build(story(src, st), canvasmaker=make_canvas(meta["header"], meta.get("footer", "")))

