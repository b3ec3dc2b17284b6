"""DOCX renderer (python-docx): heading styles, lists, tables, explicit page breaks.

Core properties and zip entry dates are fixed, so the bytes are stable. Options in the
front matter: `heading_style_names: norsk` renames the heading styles the way a Norwegian
Word saves them ("Overskrift 1"); `[-old-]{+new+}` becomes a real tracked change and
`{>>text<<}` a reviewer comment on the preceding run.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from .source import BOLD, CHANGE, COMMENT, Block, Source

FIXED_TIME = (2024, 6, 20, 8, 0, 0)
AUTHOR = "Saksbehandler"
CHANGE_DATE = "2024-04-10T09:00:00Z"


MARKERS = re.compile(f"{CHANGE.pattern}|{COMMENT.pattern}")


def add_runs(paragraph: Any, text: str) -> None:
    """Append text with **bold**, [-del-]{+ins+} and {>>comment<<} markers as runs."""
    pos = 0
    for m in MARKERS.finditer(text):
        _bold_runs(paragraph, text[pos:m.start()])
        if m.group(3) is not None:
            _comment(paragraph, m.group(3))
        else:
            _tracked(paragraph, m.group(1), m.group(2))
        pos = m.end()
    _bold_runs(paragraph, text[pos:])


def _comment(paragraph: Any, text: str) -> None:
    """Anchor a reviewer comment on the run just written (python-docx >= 1.2)."""
    if not paragraph.runs or not hasattr(paragraph.part.document, "add_comment"):
        return
    comment = paragraph.part.document.add_comment(paragraph.runs[-1], text=text,
                                                  author=AUTHOR, initials="SB")
    comment._comment_elm.date = datetime(*FIXED_TIME, tzinfo=timezone.utc)


def _bold_runs(paragraph: Any, text: str) -> None:
    pos = 0
    for m in BOLD.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        paragraph.add_run(m.group(1)).bold = True
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def _tracked(paragraph: Any, deleted: str, inserted: str) -> None:
    body = paragraph.part.document.element.body
    next_id = 100 + sum(1 for _ in body.iter(qn("w:ins"), qn("w:del")))
    for offset, (tag, text, text_tag) in enumerate((("w:del", deleted, "w:delText"),
                                                    ("w:ins", inserted, "w:t"))):
        wrapper = OxmlElement(tag)
        wrapper.set(qn("w:id"), str(next_id + offset))
        wrapper.set(qn("w:author"), AUTHOR)
        wrapper.set(qn("w:date"), CHANGE_DATE)
        run = OxmlElement("w:r")
        t = OxmlElement(text_tag)
        t.set(qn("xml:space"), "preserve")
        t.text = text
        run.append(t)
        wrapper.append(run)
        paragraph._p.append(wrapper)


def set_language(document: Any, lang: str) -> None:
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    el = OxmlElement("w:lang")
    el.set(qn("w:val"), lang)
    rpr.append(el)


def add_page_field(paragraph: Any) -> None:
    paragraph.add_run("Side ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    field.append(run)
    paragraph._p.append(field)


def add_table(document: Any, block: Block) -> None:
    ncols = max(len(r) for r in block.rows)
    table = document.add_table(rows=0, cols=ncols)
    table.style = "Table Grid"
    for r, row in enumerate(block.rows):
        cells = table.add_row().cells
        for c, text in enumerate(row):
            para = cells[c].paragraphs[0]
            add_runs(para, f"**{text}**" if block.header and r == 0 and text else text)


def add_box(document: Any, block: Block) -> None:
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cell = table.rows[0].cells[0]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), "F1EFE6")
    cell._tc.get_or_add_tcPr().append(shading)
    for n, text in enumerate(block.items):
        para = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        add_runs(para, text)
    document.add_paragraph()


def add_cover(document: Any, cover: list[list[str]]) -> None:
    styles = {"tittel": "Title", "undertittel": "Subtitle"}
    for style, text in cover:
        para = document.add_paragraph(style=styles.get(style, "Normal"))
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_runs(para, text)
        if style == "kommune":
            for run in para.runs:
                run.bold, run.font.size = True, Pt(14)
    document.add_page_break()


def add_block(document: Any, block: Block) -> None:
    if block.kind == "heading":
        para = document.add_heading(level=min(block.level, 3))
        add_runs(para, block.text)
    elif block.kind == "para":
        add_runs(document.add_paragraph(), block.text)
    elif block.kind in ("bullets", "numbered"):
        style = "List Bullet" if block.kind == "bullets" else "List Number"
        for item in block.items:
            add_runs(document.add_paragraph(style=style), item)
    elif block.kind == "table":
        add_table(document, block)
        document.add_paragraph()
    elif block.kind == "box":
        add_box(document, block)
    elif block.kind == "pagebreak":
        document.add_page_break()


def rename_heading_styles(document: Any) -> None:
    """Give headings the style ids/names of a Norwegian Word ("Overskrift1", "Overskrift 1")."""
    for level in (1, 2, 3):
        style = document.styles[f"Heading {level}"]
        old_id = style.style_id
        style.element.set(qn("w:styleId"), f"Overskrift{level}")
        style.element.find(qn("w:name")).set(qn("w:val"), f"Overskrift {level}")
        for p in document.element.body.iter(qn("w:pStyle")):
            if p.get(qn("w:val")) == old_id:
                p.set(qn("w:val"), f"Overskrift{level}")


def build_document(src: Source) -> Any:
    meta = src.meta
    document = docx.Document()
    set_language(document, meta.get("docx_lang", "nb-NO"))
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(11)
    for level in (1, 2, 3):
        document.styles[f"Heading {level}"].font.color.rgb = RGBColor(0x1D, 0x3F, 0x6E)
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = meta["header"]
    add_page_field(section.footer.paragraphs[0])
    add_cover(document, meta.get("cover", []))
    for block in src.blocks:
        add_block(document, block)
    if meta.get("heading_style_names") == "norsk":
        rename_heading_styles(document)
    props = document.core_properties
    props.title, props.author, props.subject = meta["title"], meta["author"], meta.get("subject", "")
    props.last_modified_by, props.revision = meta["author"], 1
    props.language = meta.get("docx_lang", "nb-NO")
    props.created = props.modified = datetime(*FIXED_TIME)
    props.last_printed = datetime(*FIXED_TIME)
    return document


def stable_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed entry dates so the bytes are reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, zin.read(item.filename))
    return out.getvalue()


def render_docx(src: Source, out: Path) -> None:
    buffer = io.BytesIO()
    build_document(src).save(buffer)
    out.write_bytes(stable_zip(buffer.getvalue()))
