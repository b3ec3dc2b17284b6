"""The mark plansjekk leaves in every report it writes, and how a report is recognised by it.

A report saved into the folder being checked (`-o planer/rapport.html`) must not be checked
as a plan on the next run: it quotes the plans it reports on, names their municipality and
would become "the newest plan" of one. Each format carries a generator mark near its start:
HTML `<meta name="generator" content="plansjekk …">`, Markdown `<!-- generator: plansjekk … -->`,
terminal and GitHub text written to a file a first line `# generator: plansjekk …`, JSON its
"plansjekk_version" key, SARIF its tool name, JUnit its suite name, CSV its header row and
XLSX the workbook's creator. Discovery reads the first bytes of each file and skips
what carries a mark.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

GENERATOR = "plansjekk"
XLSX_CREATOR = GENERATOR
HEAD_BYTES = 8192
CSV_HEADER_END = ";feilkode;feilmelding;sha256"
_MARKS = (
    ("HTML", re.compile(rb"<meta\s+name=[\"']generator[\"']\s+content=[\"']plansjekk[\s\"']", re.IGNORECASE)),
    ("Markdown", re.compile(rb"\A(?:\xef\xbb\xbf)?<!-- generator: plansjekk[ -]")),
    ("tekst", re.compile(rb"\A(?:\xef\xbb\xbf)?# generator: plansjekk[ \r\n]")),
    ("JSON", re.compile(rb"\A(?:\xef\xbb\xbf)?\s*\{\s*\"plansjekk_version\"\s*:")),
    ("SARIF", re.compile(rb"\"driver\"\s*:\s*\{\s*\"name\"\s*:\s*\"plansjekk\"")),
    ("JUnit", re.compile(rb"<testsuites\s+name=\"plansjekk\"")),
    ("CSV", re.compile(rb"\A(?:\xef\xbb\xbf)?[^\n]*" + re.escape(CSV_HEADER_END.encode()) + rb"\r?\n")),
)


TEXT_FORMATS = ("terminal", "github")  # marked only in a file: on screen the line is noise


def markdown_mark(version: str) -> str:
    return f"<!-- generator: {GENERATOR} {version} -->"


def text_mark(version: str) -> str:
    return f"# generator: {GENERATOR} {version}"


def own_report(path: Path, head: bytes) -> str | None:
    """The report format when `head` (a file's first bytes) carries plansjekk's mark; else None."""
    for name, pattern in _MARKS:
        if pattern.search(head):
            return name
    if head.startswith(b"PK\x03\x04") and path.suffix.lower() == ".xlsx" and _xlsx_creator(path) == XLSX_CREATOR:
        return "XLSX"
    return None


def _xlsx_creator(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("docProps/core.xml")
            if info.file_size > 64 * 1024:
                return None
            core = archive.read(info)
    except (KeyError, OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
        return None
    found = re.search(rb"<dc:creator[^>]*>([^<]*)</dc:creator>", core)
    return found.group(1).decode("utf-8", "replace").strip() if found else None


def skip_message(kind: str) -> str:
    return (f"Filen er en rapport laget av plansjekk ({kind}), ikke en plan, og ble ikke sjekket. "
            "Lagre rapporter utenfor mappen som sjekkes.")
