"""One entry point for every format: check the file, sniff it, call its extractor.

Whatever goes wrong inside an extractor leaves here as an ExtractionError with a
Norwegian message, so the CLI and the batch runner never see a traceback.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
from collections.abc import Callable
from pathlib import Path

from plansjekk.errors import ExtractionError
from plansjekk.extract.sniff import EXPECTED_SUFFIXES, HEAD_BYTES, sniff_format
from plansjekk.files import NotRegularFileError, megabytes, open_regular
from plansjekk.model import Document
from plansjekk.settings import Limits

Extractor = Callable[[Path, Limits], Document]
EXTRACTORS = {
    "pdf": ("plansjekk.extract.pdf", "extract"),
    "docx": ("plansjekk.extract.docx", "extract"),
    "html": ("plansjekk.extract.html", "extract"),
    "markdown": ("plansjekk.extract.text", "extract_markdown"),
    "text": ("plansjekk.extract.text", "extract_plain"),
}
FORMAT_NAMES = {"pdf": "PDF", "docx": "Word (.docx)", "html": "HTML",
                "markdown": "Markdown", "text": "ren tekst"}


def extract_document(path: Path, limits: Limits) -> Document:
    """Read `path` into a Document or raise ExtractionError (never anything else)."""
    head = _read_head(path, limits)
    fmt = sniff_format(path, head)
    warnings = _extension_warnings(path, fmt)
    document = _run_extractor(fmt, path, limits)
    _check_length(document, limits)
    if warnings:
        document = dataclasses.replace(document, warnings=tuple(warnings) + document.warnings)
    return document


def _read_head(path: Path, limits: Limits) -> bytes:
    """Existence, size and emptiness checks; returns the first bytes for sniffing."""
    try:
        if os.path.isdir(path):
            raise ExtractionError("ikke_funnet", f"Stien {path} er en mappe, ikke en fil.")
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            head = handle.read(HEAD_BYTES)
    except NotRegularFileError as error:
        raise ExtractionError("ikke_vanlig_fil", f"Filen {path} er {error.kind}, ikke en vanlig fil, "
                                                 "og ble ikke lest.") from None
    except FileNotFoundError:
        raise ExtractionError("ikke_funnet", f"Fant ikke filen {path}.") from None
    except PermissionError:
        raise ExtractionError("ikke_funnet", f"Har ikke tilgang til å lese {path}.") from None
    except OSError as error:
        raise ExtractionError("ikke_funnet", f"Kunne ikke lese {path}: {os.strerror(error.errno or 5)}.") from None
    if size > limits.max_bytes:
        raise ExtractionError(
            "for_stor",
            f"Filen er {megabytes(size)} MB, over grensen på {megabytes(limits.max_bytes)} MB. "
            "Øk grensen med --maks-mb hvis filen skal leses.",
        )
    if size == 0 or (size <= HEAD_BYTES and not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe")):
        raise ExtractionError("tom", "Filen er tom.")
    return head


def _check_length(document: Document, limits: Limits) -> None:
    """A text far longer than any plan would make the checker slow and memory-hungry."""
    length = sum(len(p.text) for s in document.sections for p in s.paragraphs)
    if length > limits.max_chars:
        have, limit = f"{length:,}".replace(",", " "), f"{limits.max_chars:,}".replace(",", " ")
        raise ExtractionError(
            "for_stor",
            f"Dokumentet har {have} tegn tekst, over grensen på {limit} tegn "
            "(flere ganger lengre enn en plan). Del det opp, eller sjekk bare planen.",
        )


def _extension_warnings(path: Path, fmt: str) -> list[str]:
    suffix = path.suffix.lower()
    known = set().union(*EXPECTED_SUFFIXES.values())
    if suffix in EXPECTED_SUFFIXES[fmt] or (suffix not in known and fmt in ("html", "text")):
        return []
    return [f"Filen heter «{path.name}», men innholdet er {FORMAT_NAMES[fmt]}; lest som {FORMAT_NAMES[fmt]}."]


def _run_extractor(fmt: str, path: Path, limits: Limits) -> Document:
    module_name, function_name = EXTRACTORS[fmt]
    try:
        extractor: Extractor = getattr(importlib.import_module(module_name), function_name)
        return extractor(path, limits)
    except ExtractionError:
        raise
    except MemoryError:
        raise ExtractionError("for_stor", "Dokumentet krevde for mye minne til å leses.") from None
    except RecursionError:
        raise ExtractionError("korrupt", "Dokumentet er for dypt nøstet til å leses.") from None
    except Exception as error:  # noqa: BLE001 - any extractor bug must become a result
        raise ExtractionError(
            "korrupt",
            f"Filen ser ut som {FORMAT_NAMES[fmt]}, men kunne ikke leses "
            f"({type(error).__name__}). Den kan være skadet; prøv å åpne og lagre den på nytt.",
        ) from error
