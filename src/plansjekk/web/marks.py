"""Find each quoted piece of evidence in the document's own text and mark it.

A quote is one sentence of a paragraph with its whitespace collapsed, cut at 240
characters with " …" (engine.context.evidence). So a paragraph is searched with its
whitespace collapsed the same way, preferring the paragraph in the quoted section and
on the quoted page. Every quote gets an anchor (`sitat-BV101-1`) at its start, so a link
from the finding reaches it without JavaScript; the marked text is split into segments
at every quote boundary, each a `<mark>` listing the findings it belongs to, and an
anchor sits inside the mark where its quote begins.
Only escaped text and these elements reach the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from plansjekk.model import Document, Section

ELLIPSIS = " …"


@dataclass
class _Para:
    text: str  # whitespace collapsed
    page: int | None
    kind: str
    section: int
    spans: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, code, anchor


def collapse(text: str) -> str:
    return " ".join(text.split())


def anchor_id(code: str, number: int) -> str:
    return f"sitat-{code}-{number}"


def mark_document(document: Document, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text view: one dict per section (heading, pages, paragraphs as safe HTML).

    Sets `anchor` on every evidence record that was found in the text (the report links to it).
    """
    paras = [_Para(collapse(p.text), p.page, p.kind.value, i)
             for i, s in enumerate(document.sections) for p in s.paragraphs]
    for finding in findings:
        for number, evidence in enumerate(finding["evidence"], start=1):
            place = _locate(evidence, paras, document.sections)
            if place is not None:
                para, start, end = place
                evidence["anchor"] = anchor_id(finding["code"], number)
                para.spans.append((start, end, finding["code"], evidence["anchor"]))
    return _sections(document.sections, paras)


def _locate(evidence: dict[str, Any], paras: list[_Para],
            sections: tuple[Section, ...]) -> tuple[_Para, int, int] | None:
    quote = evidence["quote"]
    needle = quote[: -len(ELLIPSIS)] if quote.endswith(ELLIPSIS) else quote
    if not needle:
        return None

    def rank(p: _Para) -> tuple[bool, bool]:
        return (sections[p.section].heading != evidence.get("section"), p.page != evidence.get("page"))

    for para in sorted((p for p in paras if needle in p.text), key=rank):
        start = para.text.find(needle)
        return para, start, start + len(needle)
    return None


def _sections(sections: tuple[Section, ...], paras: list[_Para]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [
        {"heading": s.heading, "level": min(max(s.level, 1), 4), "page_start": s.page_start, "paragraphs": []}
        for s in sections]
    page: int | None = None
    for para in paras:
        new_page = para.page if para.page is not None and para.page != page else None
        page = para.page if para.page is not None else page
        out[para.section]["paragraphs"].append({"html": _marked(para), "kind": para.kind, "new_page": new_page})
    return out


def _marked(para: _Para) -> Markup:
    """The paragraph as HTML: text escaped, each quote's start anchored, quoted text in <mark>."""
    if not para.spans:
        return escape(para.text)
    cuts = sorted({0, len(para.text), *(s for s, _, _, _ in para.spans), *(e for _, e, _, _ in para.spans)})
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        anchors = "".join(f'<span class="anker" id="{escape(anchor)}"></span>'
                          for start, _, _, anchor in para.spans if start == a)
        codes = sorted({code for start, end, code, _ in para.spans if start <= a and b <= end})
        piece = Markup(anchors) + escape(para.text[a:b])
        parts.append(f'<mark data-funn="{escape(" ".join(codes))}">{piece}</mark>' if codes else str(piece))
    return Markup("".join(parts))
