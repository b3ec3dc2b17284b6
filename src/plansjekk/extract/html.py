"""HTML extractor: the main content of a (municipal) web page, headings from h1-h6.

Navigation, breadcrumbs, cookie banners, footers and scripts are skipped while
walking, so nothing is mutated. selectolax gives no source positions, so each
block's line is found by searching its first words in a copy of the source with
the markup blanked out (see html_lines).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from plansjekk.errors import ExtractionError
from plansjekk.extract.html_lines import LineLocator
from plansjekk.extract.sniff import decode_text
from plansjekk.extract.structure import Block, make_document
from plansjekk.extract.suppress import find_suppressions
from plansjekk.extract.tables import join_cells
from plansjekk.model import Document, ParagraphKind
from plansjekk.settings import Limits

META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]{1,40})", re.I)
MAIN_SELECTORS = ("main", "[role=main]", "article", "#content", "#main-content", "#maincontent",
                  "#innhold", "#hovedinnhold", "#main", ".main-content", ".content", ".innhold")
SKIP_TAGS = frozenset("nav footer aside script style noscript form template svg iframe button select "
                      "input textarea dialog object embed canvas map head title meta link".split())
SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog"})
KEYWORDS = ("cookie", "consent", "breadcrumb", "nav", "menu", "footer", "share", "skip", "brodsmule")
HEADINGS = {f"h{i}": i for i in range(1, 7)}
BLOCK_TAGS = frozenset("p div section article main header blockquote figure figcaption ul ol li dl dt dd "
                       "table h1 h2 h3 h4 h5 h6 pre address details summary center fieldset hr caption "
                       "thead tbody tfoot tr td th".split())
BLOCK_SELECTOR = "p,div,section,article,ul,ol,li,table,h1,h2,h3,h4,h5,h6,blockquote,dl,pre"
MAX_DEPTH = 150
MIN_MAIN_CHARS = 200


def extract(path: Path, limits: Limits) -> Document:
    data = path.read_bytes()
    match = META_CHARSET.search(data[:4096])
    source, warnings = decode_text(data, match.group(1).decode("ascii") if match else None)
    tree = LexborHTMLParser(source)
    root = _main_root(tree)
    if root is None:
        raise ExtractionError("tom", "HTML-filen har ingen innhold i <body>.")
    walker = HtmlWalker(drop_header=root.tag == "body")
    walker.walk(root, ParagraphKind.BODY, 0)
    if not walker.blocks:
        raise ExtractionError("tom", "HTML-siden inneholder ingen lesbar tekst.")
    locator = LineLocator(source)
    blocks = [dataclasses.replace(b, line=locator.find(b.text)) for b in walker.blocks]
    title = None
    if not any(b.heading_level == 1 for b in blocks):
        title_node = tree.css_first("title")
        title = " ".join(title_node.text().split()) or None if title_node else None
    document = make_document(str(path), "html", blocks, None, title=title, warnings=tuple(warnings))
    return dataclasses.replace(document, suppressions=tuple(find_suppressions(source)))


def _main_root(tree: LexborHTMLParser) -> LexborNode | None:
    """The first main-content container with real text, else <body>."""
    for selector in MAIN_SELECTORS:
        candidates = [n for n in tree.css(selector) if not is_boilerplate(n, drop_header=False)]
        if candidates:
            best = max(candidates, key=lambda n: len(n.text(deep=True, strip=True)))
            if len(best.text(deep=True, strip=True)) >= MIN_MAIN_CHARS:
                return best
    return tree.body


def is_boilerplate(node: LexborNode, drop_header: bool) -> bool:
    """Navigation, banners, scripts and hidden parts, by tag, role, class or id."""
    tag = node.tag or ""
    if tag in SKIP_TAGS or (drop_header and tag == "header"):
        return True
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true" or (attrs.get("role") or "") in SKIP_ROLES:
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    tokens = re.split(r"[\s_\-]+", f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower())
    return any(t.startswith(KEYWORDS) or t.endswith(KEYWORDS) for t in tokens if t and t != "sharepoint")


def clean(text: str) -> str:
    return " ".join(text.split())


class HtmlWalker:
    """Document-order walk that turns block elements into blocks."""

    def __init__(self, drop_header: bool) -> None:
        self.drop_header = drop_header
        self.blocks: list[Block] = []

    def emit(self, text: str, kind: ParagraphKind, level: int | None = None) -> None:
        text = clean(text)
        if text:
            self.blocks.append(Block(text=text, kind=kind, heading_level=level))

    def walk(self, node: LexborNode, kind: ParagraphKind, depth: int) -> None:
        if depth > MAX_DEPTH:
            self.emit(node.text(deep=True, separator=" "), kind)
            return
        buffer: list[str] = []
        for child in node.iter(include_text=True):
            if child.is_text_node:
                buffer.append(child.text_content or "")
                continue
            tag = child.tag or ""
            if not child.is_element_node or is_boilerplate(child, self.drop_header):
                continue
            if tag == "br":
                buffer.append(" ")
            elif tag in HEADINGS or tag == "table" or tag in BLOCK_TAGS or child.css_first(BLOCK_SELECTOR):
                self.emit("".join(buffer), kind)
                buffer = []
                self.block(child, tag, kind, depth)
            else:
                buffer.append(child.text(deep=True))
        self.emit("".join(buffer), kind)

    def block(self, node: LexborNode, tag: str, kind: ParagraphKind, depth: int) -> None:
        if tag in HEADINGS:
            self.emit(node.text(deep=True, separator=" "), ParagraphKind.BODY, HEADINGS[tag])
        elif tag == "table":
            self.table(node, kind, depth)
        elif tag == "li":
            self.walk(node, ParagraphKind.LIST_ITEM, depth + 1)
        else:
            self.walk(node, kind, depth + 1)

    def table(self, table: LexborNode, kind: ParagraphKind, depth: int) -> None:
        """Rows of a data table; a layout table (cells holding blocks) is walked as text."""
        rows = [row for row in table.css("tr") if _owner_table(row) == table]
        layout = any(cell.css_first("p,div,h1,h2,h3,h4,h5,h6,ul,ol,table") for row in rows
                     for cell in row.iter() if cell.tag in ("td", "th"))
        if layout:
            self.walk(table, kind, depth + 1)
            return
        caption = table.css_first("caption")
        if caption is not None and _owner_table(caption) == table:
            self.emit(caption.text(deep=True, separator=" "), kind)
        for index, row in enumerate(rows):
            cells = [cell for cell in row.iter() if cell.tag in ("td", "th")]
            texts = [clean(cell.text(deep=True, separator=" ")) for cell in cells]
            while texts and not texts[-1]:
                texts.pop()
            if not any(texts):
                continue
            in_head = row.parent is not None and row.parent.tag == "thead"
            header = in_head or (index == 0 and all(c.tag == "th" for c in cells) and len(rows) > 1)
            self.emit(join_cells(texts), ParagraphKind.TABLE_HEADER if header else ParagraphKind.TABLE_ROW)


def _owner_table(node: LexborNode) -> LexborNode | None:
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent
