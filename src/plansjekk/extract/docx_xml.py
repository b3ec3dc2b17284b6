"""Text of one DOCX paragraph as if every tracked change were accepted.

python-docx's `paragraph.text` includes nothing of w:ins but also misses field
results, and knows nothing of page breaks, so runs are read from the XML here:
w:ins and w:moveTo count, w:del, w:delText and w:moveFrom do not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from plansjekk.extract.docx_styles import W, w

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
SKIP = frozenset({
    w("del"), w("moveFrom"), w("delText"), w("delInstrText"), w("instrText"), w("pPr"), w("rPr"),
    w("pPrChange"), w("rPrChange"), w("footnoteReference"), w("endnoteReference"),
    w("commentReference"), f"{{{MC}}}Fallback",
})
TRACKED = frozenset({w("del"), w("moveFrom"), w("ins"), w("moveTo")})
SPACE = frozenset({w("tab"), w("ptab"), w("cr")})


@dataclass
class ParagraphText:
    """Accepted text plus what the page-number estimate needs."""

    parts: list[str] = field(default_factory=list)
    explicit_before: int = 0  # w:br type=page before any text
    explicit_after: int = 0
    rendered_before: int = 0  # w:lastRenderedPageBreak before any text
    rendered_after: int = 0
    tracked: bool = False
    textboxes: list[etree._Element] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())

    def has_text(self) -> bool:
        return any(part.strip() for part in self.parts)


def read_paragraph(p: etree._Element) -> ParagraphText:
    """Walk the paragraph's subtree in order, pruning deleted content."""
    out = ParagraphText()
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str):  # comments, processing instructions
            continue
        if tag in TRACKED:
            out.tracked = True
        if tag in SKIP:
            continue
        if tag == w("t"):
            out.parts.append(child.text or "")
        elif tag in SPACE:
            out.parts.append(" ")
        elif tag == w("noBreakHyphen"):
            out.parts.append("-")
        elif tag == w("br"):
            _page_break(out, child)
        elif tag == w("lastRenderedPageBreak"):
            if out.has_text():
                out.rendered_after += 1
            else:
                out.rendered_before += 1
        elif tag == w("txbxContent"):
            out.textboxes.append(child)
        elif len(child):
            stack.append(iter(child))
    return out


def _page_break(out: ParagraphText, br: etree._Element) -> None:
    kind = br.get(w("type"))
    if kind == "page":
        if out.has_text():
            out.explicit_after += 1
        else:
            out.explicit_before += 1
    elif kind != "column":
        out.parts.append(" ")


def paragraph_style(p: etree._Element) -> str | None:
    ppr = p.find(w("pPr"))
    if ppr is None:
        return None
    style = ppr.find(w("pStyle"))
    return None if style is None else style.get(w("val"))


def is_deleted_row(tr: etree._Element) -> bool:
    trpr = tr.find(w("trPr"))
    return trpr is not None and trpr.find(w("del")) is not None


def children(element: etree._Element, tag: str) -> list[etree._Element]:
    """Direct children with `tag`, looking through content controls and custom XML."""
    out: list[etree._Element] = []
    for child in element:
        if child.tag == tag:
            out.append(child)
        elif child.tag in (w("sdt"), w("customXml"), w("ins"), w("moveTo")):
            inner = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if inner is not None:
                out.extend(children(inner, tag))
    return out


__all__ = ["W", "ParagraphText", "read_paragraph", "paragraph_style", "is_deleted_row", "children"]
