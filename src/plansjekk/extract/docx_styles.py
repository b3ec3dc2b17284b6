"""What a DOCX paragraph style means: heading level, list, table of contents, numbering.

Word writes built-in style names in English ("heading 1") but Norwegian Word gives
them ids like "Overskrift1", and templates from municipalities add their own names
("Overskrift 1", "Tittel"). Outline levels, inherited through basedOn, catch the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADING_NAME = re.compile(r"^(?:heading|overskrift|rubrik|berschrift|titre|kop)\s*([1-9])$")
TITLE_NAMES = frozenset({"title", "tittel"})
TOC_NAME = re.compile(r"^(?:toc|innholdsfortegnelse|inhalt|table of contents)\s*\d*$")
LIST_NAME = re.compile(r"^(?:list|liste|punktmerket|nummerert)")


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def wval(element: etree._Element | None, tag: str) -> str | None:
    """The w:val of child `tag`, or None."""
    if element is None:
        return None
    child = element.find(w(tag))
    return None if child is None else child.get(w("val"))


def flag(element: etree._Element | None, tag: str) -> bool:
    """An on/off property (`<w:pageBreakBefore/>`, `w:val="0"` means off)."""
    if element is None:
        return False
    child = element.find(w(tag))
    return child is not None and child.get(w("val"), "1") not in ("0", "false", "off")


@dataclass(frozen=True)
class StyleInfo:
    style_id: str
    name: str
    based_on: str | None
    outline: int | None  # 0-based outline level; 9 means body text
    num_id: str | None
    ilvl: int | None
    page_break_before: bool


def name_level(text: str) -> int | None:
    """Heading level from a style name or id such as 'Overskrift 2' or 'Heading2'."""
    lowered = text.strip().lower()
    if lowered in TITLE_NAMES:
        return 1
    m = HEADING_NAME.match(lowered)
    return int(m.group(1)) if m else None


class Styles:
    """Paragraph styles by id, with lookups that follow the basedOn chain."""

    def __init__(self, root: etree._Element | None) -> None:
        self.by_id: dict[str, StyleInfo] = {}
        if root is None:
            return
        for style in root.iter(w("style")):
            if style.get(w("type"), "paragraph") != "paragraph":
                continue
            sid = style.get(w("styleId")) or ""
            ppr = style.find(w("pPr"))
            num = ppr.find(w("numPr")) if ppr is not None else None
            outline = wval(ppr, "outlineLvl")
            ilvl = wval(num, "ilvl")
            self.by_id[sid] = StyleInfo(
                style_id=sid,
                name=wval(style, "name") or sid,
                based_on=wval(style, "basedOn"),
                outline=int(outline) if outline and outline.isdigit() else None,
                num_id=wval(num, "numId"),
                ilvl=int(ilvl) if ilvl and ilvl.isdigit() else None,
                page_break_before=flag(ppr, "pageBreakBefore"),
            )

    def chain(self, style_id: str | None) -> list[StyleInfo]:
        """The style and its ancestors (cycle-safe, at most 20 deep)."""
        out: list[StyleInfo] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen and len(out) < 20:
            seen.add(style_id)
            out.append(self.by_id[style_id])
            style_id = out[-1].based_on
        return out

    def heading_level(self, style_id: str | None) -> int | None:
        if style_id and name_level(style_id) and style_id not in self.by_id:
            return name_level(style_id)
        for info in self.chain(style_id):
            level = name_level(info.name) or name_level(info.style_id)
            if level:
                return level
            if info.outline is not None:
                return info.outline + 1 if info.outline < 9 else None
        return None

    def is_toc(self, style_id: str | None) -> bool:
        return any(TOC_NAME.match(i.name.lower()) or TOC_NAME.match(i.style_id.lower())
                   for i in self.chain(style_id)[:1])

    def is_list(self, style_id: str | None) -> bool:
        return any(LIST_NAME.match(i.name.lower()) for i in self.chain(style_id)[:2])

    def page_break_before(self, style_id: str | None) -> bool:
        return any(i.page_break_before for i in self.chain(style_id))

    def numbering(self, style_id: str | None) -> tuple[str, int | None] | None:
        for info in self.chain(style_id):
            if info.num_id:
                return info.num_id, info.ilvl
        return None
