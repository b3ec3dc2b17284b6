"""DOCX extractor: the body in order (paragraphs and tables), headings from styles.

The package is checked for zip bombs and entity declarations first (docx_safety);
python-docx only opens the package and finds its parts; the XML is walked here so
tracked changes, page breaks and merged table cells are read correctly.
Headers, footers, footnotes and comments live in other parts and stay out of the body.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from lxml import etree

from plansjekk.errors import ExtractionError
from plansjekk.extract.docx_numbering import Numbering
from plansjekk.extract.docx_safety import check_package, parse_xml
from plansjekk.extract.docx_styles import Styles, flag, w, wval
from plansjekk.extract.docx_xml import children, is_deleted_row, paragraph_style, read_paragraph
from plansjekk.extract.structure import Block, make_document
from plansjekk.extract.tables import join_cells
from plansjekk.model import Document, ParagraphKind
from plansjekk.settings import Limits

RT_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
MAX_COMMENT_CHARS = 300


class BodyWalker:
    """Turns the body's paragraphs and tables into blocks with estimated page numbers."""

    def __init__(self, styles: Styles, numbering: Numbering, rendered: bool) -> None:
        self.styles = styles
        self.numbering = numbering
        self.rendered = rendered  # trust Word's own lastRenderedPageBreak marks when present
        self.blocks: list[Block] = []
        self.page = 1
        self.saw_break = False
        self.tracked = False
        self.next_section_types: list[str] = []

    def walk(self, container: etree._Element) -> None:
        for child in container:
            if child.tag == w("p"):
                self.paragraph(child)
            elif child.tag == w("tbl"):
                self.table(child)
            elif child.tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self.walk(content)
            elif child.tag in (w("customXml"), w("ins"), w("moveTo")):
                self.walk(child)

    def turn_page(self, count: int = 1) -> None:
        if count:
            self.page += count
            self.saw_break = True

    def paragraph(self, p: etree._Element) -> None:
        style = paragraph_style(p)
        ppr = p.find(w("pPr"))
        info = read_paragraph(p)
        self.tracked |= info.tracked
        if not self.rendered and self.blocks and (flag(ppr, "pageBreakBefore") or self.styles.page_break_before(style)):
            self.turn_page()
        self.turn_page(info.rendered_before if self.rendered else info.explicit_before)
        text = info.text
        if text and not self.styles.is_toc(style):
            self.blocks.append(self.classify(text, ppr, style))
        for box in info.textboxes:
            self.walk(box)
        self.turn_page(info.rendered_after if self.rendered else info.explicit_after)
        if ppr is not None and ppr.find(w("sectPr")) is not None and not self.rendered:
            upcoming = self.next_section_types.pop(0) if self.next_section_types else "nextPage"
            if upcoming != "continuous":
                self.turn_page()

    def classify(self, text: str, ppr: etree._Element | None, style: str | None) -> Block:
        """Heading level from direct outline level or style; list from numbering or style."""
        outline = wval(ppr, "outlineLvl")
        if outline is not None and outline.isdigit():
            level = int(outline) + 1 if int(outline) < 9 else None
        else:
            level = self.styles.heading_level(style)
        label = None
        numbered = False
        num = ppr.find(w("numPr")) if ppr is not None else None
        if num is not None and wval(num, "numId") not in (None, "0"):
            num_id, ilvl = wval(num, "numId") or "", int(wval(num, "ilvl") or 0)
            label, numbered = self.numbering.next_label(num_id, ilvl), True
        elif num is None and (style_num := self.styles.numbering(style)):
            ilvl = style_num[1] if style_num[1] is not None else self.numbering.level_for_style(style_num[0], style)
            label, numbered = self.numbering.next_label(style_num[0], ilvl), True
        if level is not None:
            heading = f"{label} {text}" if label and not text.startswith(label) else text
            return Block(text=heading, page=self.page, heading_level=level)
        is_list = numbered or self.styles.is_list(style)
        return Block(text=text, page=self.page, kind=ParagraphKind.LIST_ITEM if is_list else ParagraphKind.BODY)

    def table(self, tbl: etree._Element) -> None:
        rows = [tr for tr in children(tbl, w("tr")) if not is_deleted_row(tr)]
        cells = [children(tr, w("tc")) for tr in rows]
        if len(rows) == 1 and len(cells[0]) == 1:  # a one-cell layout box: read as ordinary text
            self.walk(cells[0][0])
            return
        for index, (tr, row_cells) in enumerate(zip(rows, cells)):
            nested: list[etree._Element] = []
            texts = [self.cell_text(tc, nested) for tc in row_cells]
            while texts and not texts[-1]:
                texts.pop()
            if any(texts):
                header = (index == 0 and len(rows) > 1) or flag(tr.find(w("trPr")), "tblHeader")
                kind = ParagraphKind.TABLE_HEADER if header else ParagraphKind.TABLE_ROW
                self.blocks.append(Block(text=join_cells(texts), page=self.page, kind=kind))
            for inner in nested:
                self.table(inner)

    def cell_text(self, tc: etree._Element, nested: list[etree._Element]) -> str:
        """Paragraph text of one cell; a vertically merged continuation cell is empty."""
        tcpr = tc.find(w("tcPr"))
        merge = tcpr.find(w("vMerge")) if tcpr is not None else None
        if merge is not None and merge.get(w("val"), "continue") == "continue":
            return ""
        parts = []
        for p in children(tc, w("p")):
            info = read_paragraph(p)
            self.tracked |= info.tracked
            parts.append(info.text)
            self.turn_page((info.rendered_before + info.rendered_after) if self.rendered
                           else info.explicit_before + info.explicit_after)
        nested.extend(children(tc, w("tbl")))
        return " ".join(part for part in parts if part)


def extract(path: Path, limits: Limits) -> Document:
    """Read a DOCX (or .docm/.dotx) file into a Document."""
    check_package(path, limits)
    package, main = _open(path)
    body = _part_element(main).find(w("body"))
    if body is None:
        raise ExtractionError("korrupt", "Word-filen har ingen dokumentkropp (word/document.xml er tom).")
    walker = BodyWalker(Styles(_related(main, "styles")), Numbering.parse(_related(main, "numbering")),
                        rendered=body.find(f".//{w('lastRenderedPageBreak')}") is not None)
    walker.next_section_types = _section_types(body)
    walker.walk(body)
    if not walker.blocks:
        raise ExtractionError("tom", "Word-dokumentet inneholder ingen tekst.")
    pages = walker.page if walker.saw_break else _app_pages(package)
    if pages is not None and pages > limits.max_pages:
        raise ExtractionError("for_stor", f"Dokumentet har {pages} sider, over grensen på "
                                          f"{limits.max_pages}. Øk grensen med --maks-sider.")
    blocks = walker.blocks if walker.saw_break else [dataclasses.replace(b, page=None) for b in walker.blocks]
    warnings = ["Dokumentet har sporede endringer; lest som om alle endringer er godtatt."] if walker.tracked else []
    warnings += _comments(_related(main, "comments"))
    title = (package.core_properties.title or "").strip() or None
    return make_document(str(path), "docx", blocks, pages, title=title, warnings=tuple(warnings))


def _open(path: Path):
    from docx.package import Package

    try:
        package = Package.open(str(path))
        return package, package.main_document_part
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds
        raise ExtractionError(
            "korrupt", "Word-filen er skadet eller mangler deler og kan ikke leses "
                       f"({type(error).__name__}). Åpne den i Word og lagre den på nytt.") from error


def _part_element(part) -> etree._Element:
    element = getattr(part, "element", None)
    return element if element is not None else parse_xml(part.blob)


def _related(part, name: str) -> etree._Element | None:
    try:
        return _part_element(part.part_related_by(RT_BASE + name))
    except (KeyError, ValueError, etree.XMLSyntaxError):
        return None


def _section_types(body: etree._Element) -> list[str]:
    """For each paragraph-level section break, how the section after it starts."""
    sections = [s for s in body.iter(w("sectPr")) if s.getparent().tag in (w("pPr"), w("body"))]
    return [wval(s, "type") or "nextPage" for s in sections[1:]]


def _app_pages(package) -> int | None:
    """Word's own page count from docProps/app.xml, when no page breaks tell us more."""
    try:
        props = _part_element(package.part_related_by(RT_BASE + "extended-properties"))
        value = props.findtext(f"{{{EP}}}Pages")
        return int(value) if value and value.strip().isdigit() and int(value) > 0 else None
    except (KeyError, ValueError, etree.XMLSyntaxError):
        return None


def _comments(root: etree._Element | None) -> list[str]:
    if root is None:
        return []
    out = []
    for comment in root.iter(w("comment")):
        text = " ".join(read_paragraph(p).text for p in comment.iter(w("p"))).strip()
        if len(text) > MAX_COMMENT_CHARS:
            text = text[:MAX_COMMENT_CHARS].rstrip() + " …"
        author = comment.get(w("author"))
        if text:
            out.append(f"Kommentar fra {author}: {text}" if author else f"Kommentar: {text}")
    return out
