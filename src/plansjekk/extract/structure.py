"""Turn a flat stream of blocks into the section tree every extractor returns.

Extractors only decide what each block is (heading of level N, body, list item,
table row); grouping into sections, heading numbers and page spans is done once here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plansjekk.model import Document, Paragraph, ParagraphKind, Section

HEADING_NUMBER = re.compile(r"^\s*((?:\d{1,2}\.)*\d{1,2})\.?\s+(?=\S)")


@dataclass(frozen=True)
class Block:
    text: str
    page: int | None = None
    kind: ParagraphKind = ParagraphKind.BODY
    heading_level: int | None = None  # set when the block is a heading
    line: int | None = None


def heading_number(text: str) -> str | None:
    """"3.2 Samarbeid" -> "3.2"; "2. Mål" -> "2"; plain headings -> None."""
    m = HEADING_NUMBER.match(text)
    return m.group(1) if m else None


def build_sections(blocks: list[Block]) -> tuple[Section, ...]:
    """Group blocks under the nearest preceding heading; text before any heading gets heading=None."""
    sections: list[Section] = []
    heading: Block | None = None
    paragraphs: list[Paragraph] = []

    def close() -> None:
        if heading is None and not paragraphs:
            return
        pages = [p.page for p in paragraphs if p.page is not None]
        if heading is not None and heading.page is not None:
            pages.append(heading.page)
        sections.append(
            Section(
                heading=heading.text if heading else None,
                level=heading.heading_level or 1 if heading else 0,
                number=heading_number(heading.text) if heading else None,
                page_start=min(pages) if pages else None,
                page_end=max(pages) if pages else None,
                paragraphs=tuple(paragraphs),
                line=heading.line if heading else None,
            )
        )

    for block in blocks:
        text = block.text.strip()
        if not text:
            continue
        if block.heading_level is not None:
            close()
            heading, paragraphs = block, []
        else:
            paragraphs.append(Paragraph(text=text, page=block.page, kind=block.kind, line=block.line))
    close()
    return tuple(sections)


def make_document(
    path: str,
    fmt: str,
    blocks: list[Block],
    pages: int | None,
    title: str | None = None,
    warnings: tuple[str, ...] = (),
    ocr_pages: tuple[int, ...] = (),
) -> Document:
    """Build the Document; the title defaults to the first top-level heading."""
    from plansjekk.extract.language import guess_language

    sections = build_sections(blocks)
    if title is None:
        title = next((s.heading for s in sections if s.heading and s.level <= 1), None)
        title = title or next((s.heading for s in sections if s.heading), None)
    doc = Document(path=path, format=fmt, pages=pages, language=None, title=title,
                   sections=sections, warnings=warnings)
    return Document(path=doc.path, format=doc.format, pages=doc.pages,
                    language=guess_language(doc.text), title=doc.title,
                    sections=doc.sections, warnings=doc.warnings, ocr_pages=ocr_pages)
