"""Text for PDF pages that have none: render with pdfium, read with tesseract (Norwegian).

Optional: needs `pip install "plansjekk[ocr]"` (pytesseract) and Debian's `tesseract-ocr` and
`tesseract-ocr-nor`. The result is the same `PageText` of `Line`s the born-digital path makes,
with positions in points and a size taken from the height of the words, so running headers,
paragraphs and headings are found by the same layout code as for any PDF.
"""

from __future__ import annotations

import os
import re
import shutil
from functools import lru_cache
from typing import TYPE_CHECKING

from plansjekk.extract.pdf_layout import Line, PageText

if TYPE_CHECKING:
    import pypdfium2 as pdfium

DPI = 300  # tesseract reads best at about 300 dpi
LANGUAGE = "nor"
MIN_CONFIDENCE = 30  # tesseract's word confidence (0–100); lower is mostly speckle
INSTALL_HINT = ('Installer tekstgjenkjenning: `pip install "plansjekk[ocr]"` og '
                '`apt install tesseract-ocr tesseract-ocr-nor`.')

# Typical misreadings in plan text: "§ 15-1" read as "8 15-1" or "S 15-1".
_SECTION_SIGN = re.compile(r"(?<![\w§.,])[8S$]\s?(?=(?:15|3)\s?[-–]\s?1\b)")
_BBOX = re.compile(r"\bbbox (\d+) (\d+) (\d+) (\d+)")
_LINE_CLASSES = "span.ocr_line, span.ocr_header, span.ocr_caption, span.ocr_textfloat"


@lru_cache(maxsize=1)
def unavailable_reason() -> str | None:
    """None when OCR can run; otherwise why not, in Norwegian, with how to enable it."""
    try:
        import pytesseract
    except ImportError:
        return "OCR er ikke installert. " + INSTALL_HINT
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        return "Programmet tesseract finnes ikke på maskinen. " + INSTALL_HINT
    try:
        languages = pytesseract.get_languages(config="")
    except Exception:  # a broken tesseract install
        return "tesseract kunne ikke startes. " + INSTALL_HINT
    if LANGUAGE not in languages:
        return "tesseract mangler norsk språkdata (tesseract-ocr-nor). " + INSTALL_HINT
    return None


def repair(text: str) -> str:
    """Undo misreadings that would hide a legal reference."""
    return _SECTION_SIGN.sub("§ ", text)


def ocr_page(pdf: pdfium.PdfDocument, index: int) -> PageText:
    """The lines tesseract reads on page `index` (0-based), in points from the top left."""
    import pytesseract

    page = pdf[index]
    try:
        left, bottom, right, top = page.get_mediabox()
        image = page.render(scale=DPI / 72, grayscale=True).to_pil()
    finally:
        page.close()
    # One thread per tesseract: batch workers already use every core, and OpenMP threads
    # competing for them make a page several times slower.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    hocr = pytesseract.image_to_pdf_or_hocr(image, lang=LANGUAGE, extension="hocr", config="--psm 3")
    result = PageText(number=index + 1, width=right - left, height=top - bottom)
    result.lines = lines_from_hocr(hocr.decode("utf-8"), index + 1, 72 / DPI)
    result.chars = sum(len(line.text.replace(" ", "")) for line in result.lines)
    return result


def lines_from_hocr(hocr: str, page: int, scale: float) -> list[Line]:
    """tesseract's lines, in its reading order. The size is tesseract's own estimate of the
    line's text height (`x_size`), steadier than word boxes, which grow with descenders."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    lines: list[Line] = []
    for node in HTMLParser(hocr).css(_LINE_CLASSES):
        words = [w.text(strip=True) for w in node.css("span.ocrx_word")
                 if w.text(strip=True) and _number(w.attributes.get("title"), "x_wconf", 100) >= MIN_CONFIDENCE]
        if not words:
            continue
        title = node.attributes.get("title") or ""
        box = _BBOX.search(title)
        if box is None:
            continue
        x0, y0, x1, y1 = (int(v) * scale for v in box.groups())
        size = _number(title, "x_size", (y1 - y0) / scale) * scale
        text = repair(" ".join(words))
        lines.append(Line(text=text, page=page, x0=x0, x1=x1, top=y0, bottom=y1,
                          size=round(size * 2) / 2, bold=False, hyphen=text.endswith("-")))
    return lines


def _number(title: str | None, key: str, default: float) -> float:
    found = re.search(rf"\b{key} ([\d.]+)", title or "")
    return float(found.group(1)) if found else default
