"""Inspect a DOCX package before any XML parser sees it.

A DOCX is a zip of XML parts. Two classic attacks on it: a zip bomb (a small file
whose parts inflate to gigabytes) and XML entity expansion ("billion laughs"). An XML
part is parsed into a tree many times its size, so each is capped on its own
(Limits.max_xml_bytes) even when it compresses less than a bomb would.
Both are refused here from the zip directory and the first bytes of each part,
without inflating anything large.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from plansjekk.errors import ExtractionError
from plansjekk.files import megabytes
from plansjekk.settings import Limits

MAX_ENTRIES = 10_000
SUSPICIOUS_RATIO = 100  # real Word XML compresses 5-30x
RATIO_MIN_BYTES = 20 * 1024 * 1024
PROLOG_BYTES = 64 * 1024
XML_SUFFIXES = (".xml", ".rels", ".vml")


def _bomb(detail: str) -> ExtractionError:
    return ExtractionError(
        "zipbombe",
        f"Word-filen er avvist fordi {detail}. Det kan være en zip-bombe; "
        "åpne den i Word og lagre den på nytt hvis den er ekte.",
    )


def check_package(path: Path, limits: Limits) -> None:
    """Raise ExtractionError unless the zip is a plausible, safe DOCX."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_sizes(infos, limits)
            for info in infos:
                if info.filename.lower().endswith(XML_SUFFIXES):
                    _check_prolog(archive, info)
    except zipfile.BadZipFile:
        raise ExtractionError(
            "korrupt", "Word-filen er skadet eller ufullstendig (zip-arkivet kan ikke leses). "
                       "Åpne den i Word og lagre den på nytt, eller last den ned igjen.") from None
    except (OSError, EOFError, ValueError, NotImplementedError):
        raise ExtractionError(
            "korrupt", "Word-filen er skadet eller bruker en komprimering plansjekk ikke kan lese.") from None


def _check_sizes(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    """The declared sizes bound what zipfile will ever inflate, so checking them suffices."""
    if len(infos) > MAX_ENTRIES:
        raise _bomb(f"den har {len(infos)} deler")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ExtractionError("kryptert", "Word-filen er kryptert. Fjern passordet og prøv igjen.")
        if info.file_size > limits.max_unzipped_bytes:
            raise _bomb(f"delen {info.filename} ville blitt {megabytes(info.file_size)} MB utpakket "
                        f"(grensen er {megabytes(limits.max_unzipped_bytes)} MB)")
        if info.filename.lower().endswith(XML_SUFFIXES) and info.file_size > limits.max_xml_bytes:
            raise _bomb(f"XML-delen {info.filename} ville blitt {megabytes(info.file_size)} MB utpakket "
                        f"(grensen er {megabytes(limits.max_xml_bytes)} MB; en lang plan har rundt 10 MB)")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_MIN_BYTES and ratio > SUSPICIOUS_RATIO:
            raise _bomb(f"delen {info.filename} er pakket {ratio:.0f} ganger sammen")
        total += info.file_size
    if total > limits.max_unzipped_bytes:
        raise _bomb(f"innholdet ville blitt {megabytes(total)} MB utpakket "
                    f"(grensen er {megabytes(limits.max_unzipped_bytes)} MB)")


def _check_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """A DOCTYPE can only come before the root element, i.e. in the first bytes."""
    with archive.open(info) as handle:
        head = handle.read(PROLOG_BYTES)
    compact = head.replace(b"\x00", b"").upper()
    if b"<!DOCTYPE" in compact or b"<!ENTITY" in compact:
        raise ExtractionError(
            "usikker_xml",
            f"Word-filen er avvist fordi delen {info.filename} har en DOCTYPE/ENTITY-deklarasjon "
            "(mulig XML-angrep). Åpne den i Word og lagre den på nytt hvis den er ekte.",
        )


def parse_xml(blob: bytes) -> etree._Element:
    """Parse an already-checked XML part without entities, DTDs or network access.

    A parser per call: lxml parsers must not be shared between threads.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    return etree.fromstring(blob, parser)
