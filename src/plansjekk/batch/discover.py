"""Turn the user's paths, folders and globs into the list of files to check.

Nothing is lost: every file found ends up either in `files` (to be checked), or as a
result in `results` (unsupported file types are listed as skipped, paths that do not
exist as "ikke_funnet"). Only what a folder walk meets that is never a plan is left
out, and counted in `ignored`: hidden files and folders (.git, .DS_Store), Office lock
files (~$plan.docx) and Windows thumbnails (Thumbs.db, desktop.ini). A file named
explicitly on the command line is always taken, hidden or not. Anything that is not a
regular file (a FIFO, a device, a link to /dev/zero) is listed as skipped without being
opened, and a folder that cannot be read is listed as unreadable, never silently missing.

Supported means a known extension (.pdf .docx .html .htm .md .markdown .txt …) or,
for any other extension, content that sniffs as PDF, Word or HTML (a PDF saved as
.aspx, an HTML page saved without extension). Text with a foreign extension (.csv,
.json, .xml) is not a plan and is skipped. Globs are expanded here, also for shells
that do not (Windows).
"""

from __future__ import annotations

import errno
import glob
import os
from dataclasses import dataclass
from pathlib import Path

from plansjekk.errors import ExtractionError
from plansjekk.files import not_regular_reason, open_regular
from plansjekk.model import DocError, DocType, DocumentResult
from plansjekk.report.marker import HEAD_BYTES, own_report, skip_message

SUPPORTED_SUFFIXES = frozenset({".pdf", ".docx", ".docm", ".html", ".htm", ".xhtml", ".md",
                                ".markdown", ".mdown", ".mkd", ".txt", ".text"})
JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})
GLOB_CHARS = frozenset("*?[")
SUPPORTED_TEXT = "PDF, Word (.docx), HTML, Markdown og ren tekst"


@dataclass(frozen=True)
class Discovery:
    files: tuple[str, ...]  # supported files to check, as the user will recognise them
    results: tuple[DocumentResult, ...]  # skipped (unsupported) and not-found inputs
    ignored: tuple[str, ...]  # hidden/lock/system files a folder walk left out


def discover(paths: list[str]) -> Discovery:
    """Expand folders (recursively) and globs; each file once, however often it was named."""
    seen: set[str] = set()
    files: list[str] = []
    results: list[DocumentResult] = []
    ignored: list[str] = []
    for given in paths:
        for path, explicit in _expand(given, results):
            key = os.path.realpath(path)
            if key in seen:
                continue
            if not explicit and _is_junk(path):
                ignored.append(path)
                continue
            seen.add(key)
            outcome = _classify(path, explicit)
            if outcome is None:
                files.append(path)
            else:
                results.append(outcome)
    ignored = [p for p in ignored if os.path.realpath(p) not in seen]  # named explicitly later
    return Discovery(tuple(sorted(files)), tuple(sorted(results, key=lambda r: r.path)),
                     tuple(sorted(set(ignored))))


def _expand(given: str, results: list[DocumentResult]) -> list[tuple[str, bool]]:
    """(path, named explicitly?) for one argument; a missing path becomes a result."""
    if os.path.isdir(given):  # os.path never raises (a name too long, a folder without access)
        return [(f, False) for f in _walk(given, results)]
    if os.path.exists(given):  # a file, or a FIFO or device (listed as skipped, never opened)
        return [(given, True)]
    if GLOB_CHARS & set(given):
        matches = sorted(glob.glob(given, recursive=True))
        if matches:
            return [pair for m in matches for pair in _expand(m, results)]
        results.append(not_found(given, f"Ingen filer passer til mønsteret «{given}»."))
        return []
    results.append(not_found(given, _missing_message(given)))
    return []


def _missing_message(given: str) -> str:
    try:
        os.stat(given)
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            return f"Filnavnet er for langt til å åpnes («{given[:60]}…»). Gi filen et kortere navn."
        if isinstance(error, PermissionError):
            return f"Har ikke tilgang til «{given}». Kontroller rettighetene."
    except ValueError:
        pass
    return f"Fant ikke «{given}». Kontroller stien."


def _walk(folder: str, results: list[DocumentResult]) -> list[str]:
    """All files below `folder`, without entering hidden folders or following folder links.
    A folder (the given one or one below it) that cannot be read becomes a result."""
    found: list[str] = []

    def unreadable(error: OSError) -> None:
        where = error.filename or folder
        reason = error.strerror or str(error)
        results.append(DocumentResult(path=str(where), type=DocType.UNREADABLE, error=DocError(
            "ingen_tilgang", f"Mappen «{where}» kunne ikke leses ({reason}); filene i den er ikke sjekket. "
                             "Kontroller rettighetene.")))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, n) for n in sorted(names))
    return found


def _classify(path: str, named: bool) -> DocumentResult | None:
    """None for a file to check; otherwise the result saying why not. A file named on the
    command line that cannot be checked is unreadable (exit 3); one found in a folder, skipped."""
    special = not_regular_reason(path)
    if special:
        return skipped(path, special, named=named, code="ikke_vanlig_fil")
    head = _head(path)
    report = own_report(Path(path), head) if head else None
    if report:
        return skipped(path, skip_message(report), code="egen_rapport")  # never a plan, named or not
    problem = unsupported_reason(Path(path), head)
    return None if problem is None else skipped(path, problem, named=named)


def _head(path: str) -> bytes | None:
    try:
        with open_regular(path) as handle:
            return handle.read(HEAD_BYTES)
    except OSError:
        return None  # the extractor will say why the file cannot be read


def _is_junk(path: str) -> bool:
    name = os.path.basename(path)
    return name.startswith(".") or name.startswith("~$") or name.lower() in JUNK_NAMES


def unsupported_reason(path: Path, head: bytes | None) -> str | None:
    """None when plansjekk can read the file (by its name, or `head`, its first bytes);
    otherwise a Norwegian reason to list it."""
    suffix = path.suffix.lower()
    if suffix in SUPPORTED_SUFFIXES or head is None:
        return None
    try:
        from plansjekk.extract.sniff import sniff_format

        fmt = sniff_format(path, head)
    except ExtractionError as error:
        if error.code == "ukjent_format":
            return error.message
        fmt = "damaged"  # a damaged zip without extension may be Word: checking reports it
    if fmt in ("pdf", "docx", "html") or suffix == "":
        return None
    return (f"Filtypen «{suffix}» støttes ikke, og filen ble ikke sjekket. "
            f"Støttede formater: {SUPPORTED_TEXT}.")


def skipped(path: str, message: str, named: bool = False, code: str = "ikke_stottet") -> DocumentResult:
    return DocumentResult(path=path, type=DocType.UNREADABLE, skipped=not named, error=DocError(code, message))


def not_found(path: str, message: str) -> DocumentResult:
    return DocumentResult(path=path, type=DocType.UNREADABLE, error=DocError("ikke_funnet", message))
