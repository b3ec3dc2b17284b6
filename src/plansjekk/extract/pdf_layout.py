"""Read the text lines of one PDF page with pdfium, cheaply.

pdfium already orders the characters and inserts line breaks, so we take the page
text in one call and then ask for geometry, font size and weight only once or a few
times per *line* (never per character). That keeps extraction an order of magnitude
faster than pdfminer-based tools. Coordinates are returned top-origin in points,
relative to the media box.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field, replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from plansjekk.extract.pdf_columns import order_columns
from plansjekk.extract.pdf_tables import Table, find_tables, is_ruled, path_edges

# A visual line: text between pdfium's CRLF breaks. U+FFFE (U+0002 in bounded text)
# is pdfium's mark for a hyphen at a line end that it glued to the next line.
_SEGMENT = re.compile("[^\r\n\ufffe\x02]+[\ufffe\x02]?")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|,b\b|-b\b", re.IGNORECASE)
_FORCE_BOLD = 1 << 18
_LARGE_GAP_EM = 1.2  # horizontal gap (in ems) inside a line that may be a column gutter


@dataclass(frozen=True, slots=True)
class Line:
    """One visual line of text with what layout analysis needs."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    hyphen: bool = False  # ends in a hyphen at the line break
    gaps: tuple[tuple[float, float], ...] = ()  # wide horizontal gaps (x_from, x_to)
    first_char: int = 0
    last_char: int = 0
    first_text: int = 0  # pdfium text index of the first character


@dataclass
class PageText:
    """Lines of one page plus facts the document-level passes need."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    table_error: bool = False  # the page has rulings but reading its tables failed
    images: int = 0  # image and form objects: a page without text but with these looks scanned
    chars: int = 0
    unmapped: int = 0  # characters without a Unicode mapping


class _Buffers:
    """Reusable ctypes out-parameters (allocation per call is the slow part)."""

    def __init__(self) -> None:
        self.d = [ctypes.c_double() for _ in range(4)]
        self.refs = [ctypes.byref(v) for v in self.d]
        self.matrix = pdfium_c.FS_MATRIX()
        self.flags = ctypes.c_int()
        self.name = ctypes.create_string_buffer(128)
        self.bold_cache: dict[bytes, bool] = {}


_BUF = _Buffers()


def read_page(pdf: pdfium.PdfDocument, index: int) -> PageText:
    """All lines of page `index` (0-based) in reading order, plus its ruled tables."""
    page = pdf[index]
    try:
        left, bottom, right, top = page.get_mediabox()
        result = PageText(number=index + 1, width=right - left, height=top - bottom)
        edges = _scan_objects(page, result, left, top)
        textpage = page.get_textpage()
        try:
            lines = _page_lines(textpage, result, left, top)
            if lines and is_ruled(edges):
                _read_tables(result, edges, textpage, left, top)
                lines = [ln for ln in lines if not _in_table(ln, result.tables)]
            result.lines = order_columns(lines, result.width, _splitter(textpage.raw, left))
        finally:
            textpage.close()
        return result
    finally:
        page.close()


def _read_tables(result: PageText, edges: list[dict], textpage: pdfium.PdfTextPage,
                 left: float, top: float) -> None:
    def cell_text(x0: float, ctop: float, x1: float, cbottom: float) -> str:
        return textpage.get_text_bounded(left + x0, top - cbottom, left + x1, top - ctop)

    try:
        result.tables = find_tables(edges, cell_text, result.number)
    except Exception:  # noqa: BLE001 - odd geometry must never cost the page its text
        result.table_error = True


def _in_table(line: Line, tables: list[Table]) -> bool:
    cx, cy = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return any(t.contains(cx, cy) for t in tables)


def _scan_objects(page: pdfium.PdfPage, result: PageText, left: float, top: float,
                  limit: int = 20000) -> list[dict]:
    """Count images and collect ruling edges from the page's top-level objects."""
    raw = page.raw
    count = min(pdfium_c.FPDFPage_CountObjects(raw), limit)
    edges: list[dict] = []
    box = [ctypes.c_float() for _ in range(4)]
    for i in range(count):
        obj = pdfium_c.FPDFPage_GetObject(raw, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM):
            result.images += 1
        elif (kind == pdfium_c.FPDF_PAGEOBJ_PATH and len(edges) <= 2000
              and pdfium_c.FPDFPageObj_GetBounds(obj, *box)):
            bl, bb, br, bt = (b.value for b in box)
            edges += path_edges(obj, left, top, (bl, bb, br, bt))
    return edges


def _page_lines(textpage: pdfium.PdfTextPage, result: PageText, left: float, top: float) -> list[Line]:
    tp = textpage.raw
    n_chars = pdfium_c.FPDFText_CountChars(tp)
    if n_chars <= 0:
        return []
    text = textpage.get_text_range()
    base = _text_base(tp, n_chars)
    result.chars = sum(map(len, text.split()))
    result.unmapped = text.count("\ufffd")
    lines: list[Line] = []
    for m in _SEGMENT.finditer(text):
        seg = m.group(0)
        hyphen = seg[-1] in "\ufffe\x02"
        body = seg[:-1] if hyphen else seg
        stripped = body.strip()
        if not stripped:
            continue
        lead = len(body) - len(body.lstrip())
        t0 = base + m.start() + lead
        t1 = t0 + len(stripped) - 1
        c0 = pdfium_c.FPDFText_GetCharIndexFromTextIndex(tp, t0)
        c1 = pdfium_c.FPDFText_GetCharIndexFromTextIndex(tp, t1)
        if c0 < 0 or c1 < c0:
            continue
        mid = len(stripped) // 2
        while mid > 0 and stripped[mid].isspace():
            mid -= 1
        cm = pdfium_c.FPDFText_GetCharIndexFromTextIndex(tp, t0 + mid)
        cm = cm if c0 <= cm <= c1 else c0
        text_out = stripped + "-" if hyphen else stripped
        lines.append(_make_line(tp, text_out, result.number, (c0, cm, c1, t0), left, top, hyphen))
    return lines


def _text_base(tp: object, n_chars: int) -> int:
    """Text index of the first character pdfium puts in the text (normally 0)."""
    for c in range(min(n_chars, 64)):
        t = pdfium_c.FPDFText_GetTextIndexFromCharIndex(tp, c)
        if t >= 0:
            return t
    return 0


def _make_line(tp: object, text: str, page: int, index: tuple[int, int, int, int],
               left: float, top: float, hyphen: bool) -> Line:
    """Geometry from pdfium's text rectangles, style sampled at three characters."""
    c0, _, c1, t0 = index
    samples = index[:3]
    size = sorted(_font_size(tp, c) for c in samples)[1]
    bold = all(_is_bold(tp, c) for c in samples)
    d = _BUF.d
    boxes: list[tuple[float, float, float, float]] = []
    for k in range(pdfium_c.FPDFText_CountRects(tp, c0, c1 - c0 + 1)):
        if pdfium_c.FPDFText_GetRect(tp, k, *_BUF.refs):  # left, top, right, bottom
            boxes.append((d[0].value, d[1].value, d[2].value, d[3].value))
    if not boxes:
        pdfium_c.FPDFText_GetCharOrigin(tp, c0, _BUF.refs[0], _BUF.refs[1])
        x, y = d[0].value, d[1].value
        boxes.append((x, y + 0.8 * size, x + 0.5 * size * len(text), y - 0.2 * size))
    boxes.sort()
    gaps = tuple(
        (a[2] - left, b[0] - left)
        for a, b in zip(boxes, boxes[1:])
        if b[0] - a[2] > _LARGE_GAP_EM * max(size, 6)
    )
    return Line(
        text=text, page=page,
        x0=min(b[0] for b in boxes) - left, x1=max(b[2] for b in boxes) - left,
        top=top - max(b[1] for b in boxes), bottom=top - min(b[3] for b in boxes),
        size=size, bold=bold, hyphen=hyphen, gaps=gaps, first_char=c0, last_char=c1, first_text=t0,
    )


def _font_size(tp: object, c: int) -> float:
    """Effective size in points: nominal size times the text/CTM scale."""
    size = pdfium_c.FPDFText_GetFontSize(tp, c)
    m = _BUF.matrix
    if pdfium_c.FPDFText_GetMatrix(tp, c, ctypes.byref(m)):
        scale = abs(m.a * m.d - m.b * m.c) ** 0.5
        if scale > 0.01:
            size *= scale
    return round(size * 2) / 2


def _is_bold(tp: object, c: int) -> bool:
    """Bold by font name (Arial-BoldMT, Calibri,Bold), weight or the ForceBold flag."""
    n = pdfium_c.FPDFText_GetFontInfo(tp, c, _BUF.name, 128, ctypes.byref(_BUF.flags))
    name = _BUF.name.raw[: max(0, min(n, 128) - 1)]
    key = name + _BUF.flags.value.to_bytes(4, "little", signed=True)
    cached = _BUF.bold_cache.get(key)
    if cached is None:
        text = name.decode("latin-1")
        cached = bool(_BOLD_NAME.search(text.split("+")[-1])) or bool(_BUF.flags.value & _FORCE_BOLD)
        _BUF.bold_cache[key] = cached
    if cached:
        return True
    return pdfium_c.FPDFText_GetFontWeight(tp, c) >= 600


def _splitter(tp: object, left: float):
    """A function that cuts a merged line at x (two columns pdfium read as one line)."""

    def split(line: Line, x: float) -> tuple[Line, Line] | None:
        d = _BUF.d
        for c in range(line.first_char, line.last_char + 1):
            if not pdfium_c.FPDFText_GetCharBox(tp, c, *_BUF.refs):  # left, right, bottom, top
                continue
            if d[0].value - left >= x - 0.5 and d[1].value > d[0].value:
                offset = pdfium_c.FPDFText_GetTextIndexFromCharIndex(tp, c) - line.first_text
                head, tail = line.text[:offset].rstrip(), line.text[offset:].lstrip()
                if not head or not tail:
                    return None
                gap_from = max((g[0] for g in line.gaps if g[1] <= x + 1), default=line.x0)
                return (replace(line, text=head, x1=gap_from, hyphen=False,
                                gaps=tuple(g for g in line.gaps if g[1] < x - 1)),
                        replace(line, text=tail, x0=d[0].value - left, first_char=c,
                                first_text=line.first_text + offset,
                                gaps=tuple(g for g in line.gaps if g[0] > x + 1)))
        return None

    return split
