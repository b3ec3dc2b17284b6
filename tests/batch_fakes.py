"""Helpers for the batch tests: a fast fake checker for worker processes, and real inputs.

The fake checker stands in for api.check_document where a test is about the runner
(crashes, hangs, caching), not about verdicts: it reads the file (after replacing it with
"<file>.neste" when that exists, as a writer might mid-run), raises on "BROKEN",
sleeps on "SLEEP", exits the process on "CRASH", runs out of memory on "MEMORY", asks
for 1.5 GB on "HOG", and
otherwise returns one finding per core rule. `install` patches it in as api.check_document;
api.run passes it to the workers, which unpickle it by reference from this module.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from plansjekk.errors import ExtractionError
from plansjekk.model import Adoption, DocType, DocumentResult, Evidence, Finding, Severity, Status
from plansjekk.municipalities.detect import municipality_name
from plansjekk.settings import Settings

CORE = ("BV101", "BV102", "BV103", "BV104", "BV105")
NAMES = ("maal", "organisering", "ansvarsfordeling", "samarbeid", "vedtak")
CALLS_FILE_ENV = "BATCH_FAKES_CALLS"


def check(path: Path, settings: Settings) -> DocumentResult:
    """Deterministic verdicts from the text: 'STATUS BV10x mangler' lines set a status."""
    _record_call(path)
    following = Path(f"{path}.neste")  # a writer replaces the file just before it is read
    if following.exists():
        path.write_bytes(following.read_bytes())
        following.unlink()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        from plansjekk.api import unreadable

        return unreadable(str(path), ExtractionError("korrupt", "Filen kunne ikke leses."))
    if not text.strip():
        from plansjekk.api import unreadable

        return unreadable(str(path), ExtractionError("tom", "Filen er tom."))
    if "SLEEP" in text:
        time.sleep(60)
    if "BROKEN" in text:
        raise ValueError("fake engine bug")
    if "CRASH" in text:
        os._exit(70)
    if "MEMORY" in text:
        raise MemoryError
    if "HOG" in text:  # asks for 1.5 GB (untouched, so cheap where nothing caps it)
        text += str(len(bytearray(1536 << 20)))
    findings = []
    for code, name in zip(CORE, NAMES):
        status = Status.MANGLER if f"{code} mangler" in text else Status.OPPFYLT
        evidence = () if status == Status.MANGLER else (Evidence(f"Sitat for {name}", "1 Innledning", 1),)
        findings.append(Finding(code=code, name=name, status=status, severity=Severity.FEIL,
                                message=f"{code}: {status.value}", suggestion=None, evidence=evidence))
    date = next((w.removeprefix("VEDTATT=") for w in text.split() if w.startswith("VEDTATT=")), None)
    return DocumentResult(path=str(path), type=DocType.PLAN, language="nb",
                          municipality=municipality_name(text, path.name), findings=tuple(findings),
                          adoption=Adoption("kommunestyret", date, None) if date else None, format="text")


def _record_call(path: Path) -> None:
    """Append the checked path (and the checking process) to a file, so tests can see which
    files were really checked, and where."""
    target = os.environ.get(CALLS_FILE_ENV)
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(f"{path}\t{os.getpid()}\n")


def install(monkeypatch, tmp_path: Path) -> Path:  # noqa: ANN001 - pytest fixture object
    """Use this module as the checker (in-process and in workers); returns the calls file.

    Spawned workers get the parent's sys.path, so the prepended tests folder reaches them.
    """
    from plansjekk import api

    here = str(Path(__file__).resolve().parent)
    monkeypatch.syspath_prepend(here)
    monkeypatch.setattr(api, "check_document", check)
    use_result_cache(monkeypatch, tmp_path / "cache")
    calls = tmp_path / "calls.txt"
    monkeypatch.setenv(CALLS_FILE_ENV, str(calls))
    return calls


def use_result_cache(monkeypatch, folder: Path) -> Path:  # noqa: ANN001 - pytest fixture object
    """A fresh result cache for one test, leaving the lexicon cache where it is.

    Only the main process reads and writes results, so patching cache_dir reaches them all;
    moving PLANSJEKK_CACHE_DIR instead would rebuild the Ordbank lexicon (seconds) per test.
    """
    from plansjekk.batch import cache

    monkeypatch.setattr(cache, "cache_dir", lambda: folder)
    return folder


def plan_text(municipality: str, *lines: str) -> str:
    return f"# Plan for forebygging\n\n{municipality} kommune\n\n" + "\n".join(lines) + "\n"


def called(calls: Path) -> list[str]:
    """The checked paths, in order."""
    return [line.split("\t")[0] for line in calls.read_text(encoding="utf-8").splitlines()] \
        if calls.exists() else []


def sentinel_outcome(path: Path, settings: Settings):  # noqa: ANN201 - web.worker.Outcome
    """The web worker's check, except that it hangs on *HENG-SENTINEL* and crashes on *KRASJ-SENTINEL*."""
    from plansjekk.web.worker import check_with_text

    if "HENG-SENTINEL" in str(path):
        time.sleep(3600)
    if "KRASJ-SENTINEL" in str(path):
        os._exit(70)
    return check_with_text(path, settings)
