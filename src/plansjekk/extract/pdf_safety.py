"""Refuse a PDF whose compressed streams would inflate beyond reason, before pdfium opens it.

A few megabytes of Flate data can inflate to gigabytes, and pdfium inflates a page's
content streams (and fonts, object and cross-reference streams) whole when the page is
loaded: a 4 MB file took 5 GB. Here every Flate stream that text extraction would inflate
is inflated once in bounded chunks and thrown away, counting bytes, and the file is
refused when one stream passes `Limits.max_stream_bytes` or all of them together pass
`Limits.max_unzipped_bytes`. Image streams are left alone: extracting text never decodes
them, and real scans are large.
"""

from __future__ import annotations

import zlib

from plansjekk.errors import ExtractionError
from plansjekk.files import megabytes
from plansjekk.settings import Limits

_CHUNK = 1 << 16
_OUT = 1 << 20
_LOOKBACK = 4096


def check_streams(data: bytes, limits: Limits) -> None:
    """Raise ExtractionError("for_stor") for a decompression bomb; otherwise return quietly."""
    total = 0
    position = 0
    while True:
        keyword = data.find(b"stream", position)
        if keyword < 0:
            return
        start = keyword + 6
        start += 2 if data[start:start + 2] == b"\r\n" else 1 if data[start:start + 1] in (b"\n", b"\r") else 0
        if start == keyword + 6 or data[keyword - 3:keyword] == b"end" or data[start:start + 1] not in b"xXhH" \
                or _is_image(data, keyword):
            position = keyword + 6
            continue
        inflated, used = _inflated_size(data, start, limits.max_stream_bytes)
        if inflated > limits.max_stream_bytes:
            raise _bomb(f"en datastrøm ville blitt over {megabytes(limits.max_stream_bytes)} MB utpakket")
        total += inflated
        if total > limits.max_unzipped_bytes:
            raise _bomb(f"innholdet ville blitt over {megabytes(limits.max_unzipped_bytes)} MB utpakket")
        position = start + max(used, 1)


def _is_image(data: bytes, at: int) -> bool:
    """Whether the dictionary before `stream` (back to its `obj`) is an image XObject."""
    window = data[max(0, at - _LOOKBACK):at]
    dictionary = window[window.rfind(b"obj") + 1:]
    return b"/Image" in dictionary and b"/Subtype" in dictionary


def _inflated_size(data: bytes, start: int, cap: int) -> tuple[int, int]:
    """(bytes the zlib stream at `start` inflates to, stopping just past `cap`; bytes it used)."""
    inflater = zlib.decompressobj()
    size = 0
    offset = start
    try:
        while offset < len(data) and not inflater.eof and size <= cap:
            chunk = data[offset:offset + _CHUNK]
            offset += len(chunk)
            size += len(inflater.decompress(chunk, _OUT))
            while inflater.unconsumed_tail and not inflater.eof and size <= cap:
                size += len(inflater.decompress(inflater.unconsumed_tail, _OUT))
    except zlib.error:
        pass  # not Flate after all, or damaged: pdfium will judge it
    used = offset - start - len(inflater.unused_data) - len(inflater.unconsumed_tail)
    return size, used


def _bomb(detail: str) -> ExtractionError:
    return ExtractionError(
        "for_stor",
        f"PDF-filen er avvist fordi {detail}. Det kan være en komprimeringsbombe; "
        "åpne den i et PDF-program og lagre en ny kopi hvis den er ekte.",
    )
