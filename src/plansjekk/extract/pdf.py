"""PDF -> Document: pdfium for the text and for the ruling lines of tables.

Pipeline inside this module: open (map pdfium failures to Norwegian errors) →
read each page's lines (pdf_layout, two columns in pdf_columns) → drop running
headers/footers (pdf_running) → swap table regions for table rows (pdf_tables) →
paragraphs and headings (pdf_blocks) → structure.make_document.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from plansjekk.errors import ExtractionError
from plansjekk.extract.pdf_blocks import Item, to_blocks
from plansjekk.extract.pdf_layout import PageText, read_page
from plansjekk.extract.pdf_running import remove_running_lines
from plansjekk.extract.pdf_safety import check_streams
from plansjekk.extract.pdf_tables import page_list
from plansjekk.extract.structure import make_document
from plansjekk.files import read_bytes
from plansjekk.model import Document
from plansjekk.settings import Limits

ENCRYPTED = ("PDF-filen er kryptert eller passordbeskyttet. "
             "Lagre en kopi uten passord og prøv igjen.")
CORRUPT = ("PDF-filen er skadet eller avkortet og kan ikke leses. "
           "Åpne den i et PDF-program og lagre en ny kopi, eller hent filen på nytt.")
EMPTY = "PDF-filen inneholder ingen tekst."
SCANNED = "PDF-filen ser ut til å være skannet: sidene er bilder uten tekstlag. {reason}"
_JUNK_TITLE = re.compile(r"^(untitled|uten tittel|dokument\d*|document\d*|microsoft (word|powerpoint)"
                         r"|.*\.(docx?|pdf|indd|odt|rtf|exe|tmp)$|\S*_\S*$)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{3}")


def extract(path: Path, limits: Limits) -> Document:
    """Read a PDF into a Document, or raise ExtractionError with a Norwegian message."""
    path = Path(path)
    pdf = _open(path, limits)
    warnings: list[str] = []
    try:
        n_pages = len(pdf)
        if n_pages > limits.max_pages:
            raise ExtractionError(
                "for_stor", f"PDF-filen har {n_pages} sider, mer enn grensen på {limits.max_pages}. "
                "Øk grensen med --maks-sider hvis filen skal leses.")
        pages = _read_pages(pdf, n_pages, warnings)
        ocr_pages = _read_scanned_pages(pdf, pages, warnings)
        title = _title(pdf)
    finally:
        pdf.close()
    _check_text(pages, warnings)
    remove_running_lines(pages)
    failed_tables = [p.number for p in pages if p.table_error]
    if failed_tables:
        warnings.append(f"Tabellene på side {page_list(failed_tables)} kunne ikke leses som tabeller; "
                        "teksten er tatt med som vanlig tekst.")
    blocks = to_blocks(_items(pages))
    return make_document(str(path), "pdf", blocks, pages=n_pages, title=title,
                         warnings=tuple(warnings), ocr_pages=ocr_pages)


def _open(path: Path, limits: Limits) -> pdfium.PdfDocument:
    """pdfium opens the very bytes whose streams were checked (check_streams)."""
    try:
        data = read_bytes(path)
        if not data:
            raise ExtractionError("tom", "PDF-filen er tom (0 byte).")
        check_streams(data, limits)
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise ExtractionError("kryptert", ENCRYPTED) from None
        if code == pdfium_c.FPDF_ERR_SUCCESS:  # opened, but there are no pages
            raise ExtractionError("tom", "PDF-filen har ingen sider.") from None
        raise ExtractionError("korrupt", CORRUPT) from None
    except OSError as error:
        raise ExtractionError("ikke_funnet", f"Kunne ikke lese filen: {error.strerror or error}.") from None


def _read_pages(pdf: pdfium.PdfDocument, n_pages: int, warnings: list[str]) -> list[PageText]:
    pages: list[PageText] = []
    failed: list[int] = []
    for index in range(n_pages):
        try:
            pages.append(read_page(pdf, index))
        except Exception:  # a broken page is skipped with a warning, not a failed document
            failed.append(index + 1)
    if failed and len(failed) == n_pages:
        raise ExtractionError("korrupt", CORRUPT)
    if failed:
        warnings.append(f"Side {page_list(failed)} kunne ikke leses og er hoppet over.")
    return pages


def _read_scanned_pages(pdf: pdfium.PdfDocument, pages: list[PageText], warnings: list[str]) -> tuple[int, ...]:
    """Replace pages that are images without text by what OCR reads on them, where OCR is installed."""
    scanned = [i for i, p in enumerate(pages) if p.chars == 0 and p.images]
    if not scanned:
        return ()
    from plansjekk.extract import ocr

    if ocr.unavailable_reason() is not None:
        return ()
    for i in scanned:
        images = pages[i].images
        pages[i] = ocr.ocr_page(pdf, pages[i].number - 1)
        pages[i].images = images
    numbers = tuple(pages[i].number for i in scanned if pages[i].chars)
    if numbers:
        where = "Hele dokumentet" if len(numbers) == len(pages) else f"Side {page_list(list(numbers))}"
        warnings.append(f"{where} er skannet og lest med tekstgjenkjenning (OCR); sitater derfra kan ha lesefeil.")
    return numbers


def _check_text(pages: list[PageText], warnings: list[str]) -> None:
    """Scanned and empty documents are errors; a few pages without text are warnings."""
    without = [p for p in pages if p.chars == 0]
    if len(without) == len(pages):
        if any(p.images for p in pages):
            raise ExtractionError("skannet", SCANNED.format(reason=_ocr_hint()))
        raise ExtractionError("tom", EMPTY)
    scanned = [p.number for p in without if p.images]
    if scanned:
        warnings.append(f"Side {page_list(scanned)} har ikke tekstlag (skannet?) og er ikke lest. {_ocr_hint()}")

    total = sum(p.chars for p in pages)
    unmapped = sum(p.unmapped for p in pages)
    if total and unmapped > 0.1 * total:
        warnings.append("Deler av teksten mangler tegnkoding i PDF-filen og kan være uleselig.")


def _ocr_hint() -> str:
    from plansjekk.extract import ocr

    return ocr.unavailable_reason() or "Tekstgjenkjenning (OCR) fant ingen tekst på sidene."


def _title(pdf: pdfium.PdfDocument) -> str | None:
    """The metadata title, unless it is a leftover like 'Microsoft Word - plan.docx'."""
    try:
        title = (pdf.get_metadata_value("Title") or "").strip()
    except (pdfium.PdfiumError, UnicodeDecodeError, ValueError):
        return None
    if not _WORD.search(title) or _JUNK_TITLE.match(title):
        return None
    return title


def _items(pages: list[PageText]) -> list[Item]:
    """Lines in reading order, each table placed before the first line below its top."""
    items: list[Item] = []
    for page in pages:
        pending = sorted(page.tables, key=lambda t: t.top)
        for line in page.lines:
            while pending and pending[0].top <= line.top:
                items.append(pending.pop(0))
            items.append(line)
        items.extend(pending)
    return items
