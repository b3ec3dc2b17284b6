"""Which format a file really is, from its first bytes rather than its name.

Users rename files, e-mail systems strip extensions and portals serve PDFs as
`.aspx`; the extension is only a tie-breaker between Markdown and plain text.
"""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

from plansjekk.errors import ExtractionError

SUPPORTED = "PDF, Word (.docx), HTML, Markdown og ren tekst"
HEAD_BYTES = 8192
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".aspx", ".php"})
EXPECTED_SUFFIXES = {
    "pdf": {".pdf"},
    "docx": {".docx", ".docm", ".dotx"},
    "html": HTML_SUFFIXES,
    "markdown": MARKDOWN_SUFFIXES | {".txt"},
    "text": MARKDOWN_SUFFIXES | {".txt", ".text", ""},
}
# Magic bytes of formats people plausibly hand us, with a hint about what to do.
KNOWN_BINARY = (
    (b"\xd0\xcf\x11\xe0", "et gammelt Office-format (.doc/.xls) eller en passordbeskyttet "
                          "Word-fil; åpne den i Word og lagre som .docx uten passord"),
    (b"{\\rtf", "RTF; lagre den som .docx eller PDF"),
    (b"\x89PNG", "et PNG-bilde"),
    (b"\xff\xd8\xff", "et JPEG-bilde"),
    (b"GIF8", "et GIF-bilde"),
    (b"II*\x00", "et TIFF-bilde"),
    (b"MM\x00*", "et TIFF-bilde"),
    (b"Rar!", "et RAR-arkiv"),
    (b"\x1f\x8b", "et gzip-arkiv"),
    (b"7z\xbc\xaf", "et 7z-arkiv"),
)
TEXT_CONTROL_OK = frozenset(b"\t\n\r\f\x0b")
HTML_START_TAGS = ("<html", "<head", "<body", "<main", "<article", "<div", "<p>", "<p ",
                   "<h1", "<h2", "<h3", "<section", "<meta", "<title", "<table", "<ul")


def unsupported(what: str) -> ExtractionError:
    return ExtractionError(
        "ukjent_format",
        f"Filen er {what}, som plansjekk ikke kan lese. Støttede formater: {SUPPORTED}.",
    )


def sniff_format(path: Path, head: bytes) -> str:
    """'pdf', 'docx', 'html', 'markdown' or 'text'; ExtractionError for anything else."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(path)
    if head.startswith(b"\xd0\xcf\x11\xe0") and path.suffix.lower() in (".docx", ".docm"):
        raise ExtractionError("kryptert", "Word-filen er passordbeskyttet (kryptert). "
                                          "Lagre en kopi uten passord og prøv igjen.")
    for magic, what in KNOWN_BINARY:
        if head.startswith(magic):
            raise unsupported(what)
    text = decode_head(head)
    if text is None:
        raise unsupported("binær (ikke tekst)")
    suffix = path.suffix.lower()
    if _looks_like_html(text, suffix):
        return "html"
    if suffix in MARKDOWN_SUFFIXES or _has_markdown_headings(text):
        return "markdown"
    return "text"


def _sniff_zip(path: Path) -> str:
    """A zip is DOCX only when it has word/document.xml; xlsx, odt, pptx are not."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ExtractionError(
            "korrupt",
            "Filen er et zip-arkiv (slik Word-filer er), men den er skadet eller ufullstendig. "
            "Åpne den i Word og lagre den på nytt, eller last den ned igjen.",
        ) from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        raise unsupported("et Excel-regneark (.xlsx)")
    if "ppt/presentation.xml" in names:
        raise unsupported("en PowerPoint-presentasjon (.pptx)")
    if "content.xml" in names:
        raise unsupported("et OpenDocument-dokument (.odt/.ods); lagre det som .docx eller PDF")
    raise unsupported("et zip-arkiv uten Word-dokument")


def _looks_like_html(text: str, suffix: str) -> bool:
    start = text.lstrip("\ufeff \t\r\n").lower()
    if start.startswith("<!doctype html") or start.startswith("<html"):
        return True
    if start.startswith("<?xml") and "<html" in start[:2048]:
        return True
    if suffix in MARKDOWN_SUFFIXES or suffix == ".txt":
        return False
    if suffix in HTML_SUFFIXES and "<" in start[:4096]:
        return True
    return start.startswith(HTML_START_TAGS)


def _has_markdown_headings(text: str) -> bool:
    """Two or more `# Heading` lines in the first part of the file."""
    count = 0
    for line in text.splitlines()[:400]:
        stripped = line.lstrip(" ")
        if stripped.startswith("#"):
            hashes = len(stripped) - len(stripped.lstrip("#"))
            if hashes <= 6 and stripped[hashes:hashes + 1] in (" ", "\t"):
                count += 1
    return count >= 2


def decode_head(head: bytes) -> str | None:
    """Decode the first bytes as text, or None when they look binary."""
    encoding = _bom_encoding(head) or _utf16_without_bom(head)
    if encoding:
        return head.decode(encoding, errors="ignore")
    sample = head[:-4] if len(head) == HEAD_BYTES else head  # a cut multibyte char at the end
    controls = sum(1 for b in sample if b < 32 and b not in TEXT_CONTROL_OK)
    if b"\x00" in sample or controls > max(2, len(sample) // 100):
        return None
    return head.decode("utf-8", errors="replace")


def _bom_encoding(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        return "utf-32"  # before UTF-16: the UTF-32-LE mark begins with the UTF-16-LE one
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Mostly-ASCII UTF-16 has a NUL in every other byte; UTF-32, three in every four."""
    sample = data[:2048]
    if len(sample) < 16:
        return None
    lanes = [sample[i::4] for i in range(4)]
    zero = [lane.count(0) > 0.9 * len(lane) for lane in lanes]
    if zero[1] and zero[2] and zero[3] and lanes[0].count(0) < 0.1 * len(lanes[0]):
        return "utf-32-le"
    if zero[0] and zero[1] and zero[2] and lanes[3].count(0) < 0.1 * len(lanes[3]):
        return "utf-32-be"
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """Bytes to str: BOM, then UTF-8, then a declared charset, then Windows-1252.

    Returns the text and warnings to show the user when a guess was needed.
    """
    encoding = _bom_encoding(data) or _utf16_without_bom(data)
    if encoding:
        return data.decode(encoding, errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(codecs.lookup(declared).name), []
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        text, name = data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        text, name = data.decode("latin-1"), "ISO-8859-1"
    return text, [f"Teksten var ikke UTF-8 og ble lest som {name}; kontroller at æ, ø og å er riktige."]
