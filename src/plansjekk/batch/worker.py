"""What runs inside a worker process: check one file at a time, report back, never raise.

Spawn-safe: the process entry point is this module's `worker_main`, so it works with
the `spawn` start method (Windows, macOS) as well as on Linux.

Test-only environment variables (never set them in normal use):
  PLANSJEKK_TEST_HOOK     comma-separated "crash:<substring>", "hang:<substring>",
                          "memory:<substring>": a worker whose file path contains the
                          substring exits abruptly (os._exit), sleeps forever, or raises
                          MemoryError, so tests can prove the batch survives it.
  PLANSJEKK_TEST_CHECKER  "module:function" to use instead of api.check_document, so the
                          runner can be tested without the engine.
"""

from __future__ import annotations

import importlib
import os
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

from plansjekk.model import DocError, DocType, DocumentResult
from plansjekk.settings import Settings

HOOK_ENV = "PLANSJEKK_TEST_HOOK"
CHECKER_ENV = "PLANSJEKK_TEST_CHECKER"
Checker = Callable[[Path, Settings], DocumentResult]


def resolve_checker() -> Checker:
    spec = os.environ.get(CHECKER_ENV)
    if spec:
        module, _, name = spec.partition(":")
        return getattr(importlib.import_module(module), name)
    from plansjekk.api import check_document

    return check_document


def error_result(path: str, code: str, message: str) -> DocumentResult:
    return DocumentResult(path=path, type=DocType.UNREADABLE, error=DocError(code, message))


def crash_message(detail: str = "") -> str:
    extra = f" ({detail})" if detail else ""
    return ("Sjekken av dokumentet stoppet uventet" + extra + ". De andre filene ble sjekket; "
            "prøv å lagre filen på nytt (f.eks. som PDF) og sjekk den alene.")


def timeout_message(seconds: float) -> str:
    return (f"Sjekken tok mer enn {seconds:g} sekunder og ble avbrutt. "
            "Øk grensen med --tidsgrense, eller kontroller om filen er uvanlig stor eller skadet.")


MEMORY_MESSAGE = "Dokumentet krevde for mye minne til å sjekkes. Del det opp eller lagre det på nytt."


def safe_check(checker: Checker, path: str, settings: Settings) -> DocumentResult:
    """One file through the checker; anything it raises becomes an error result."""
    try:
        return checker(Path(path), settings)
    except MemoryError:
        return error_result(path, "for_stor", MEMORY_MESSAGE)
    except Exception as error:  # noqa: BLE001 - an engine bug must not stop the batch
        return error_result(path, "krasj", crash_message(f"{type(error).__name__}: {error}"[:200]))


def apply_test_hook(path: str) -> None:
    """Make this worker crash, hang or run out of memory on chosen files (tests only)."""
    for item in filter(None, os.environ.get(HOOK_ENV, "").split(",")):
        action, _, needle = item.partition(":")
        if not needle or needle not in path:
            continue
        if action == "crash":
            os._exit(70)
        if action == "hang":
            while True:
                time.sleep(3600)
        if action == "memory":
            raise MemoryError


def max_rss_mb() -> float | None:
    """Peak resident memory of this process in MB (None where unknown).

    Linux: VmHWM, the peak of this process image. ru_maxrss would also count the parent's
    memory at fork time, since Linux carries it across the exec of a spawned worker.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _warm_up(settings: Settings) -> None:
    """Load the rules before saying ready, so start-up time does not count against a file."""
    try:
        from plansjekk.engine.loader import load_rules

        load_rules(settings)
    except Exception:  # noqa: BLE001 - the check itself will report the problem
        pass


def worker_main(conn: Connection, settings: Settings) -> None:
    """Receive paths, send ("done", path, result, max_rss_mb); stop on None."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    checker = resolve_checker()
    _warm_up(settings)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        try:
            apply_test_hook(path)
            result = safe_check(checker, path, settings)
        except MemoryError:
            result = error_result(path, "for_stor", MEMORY_MESSAGE)
        conn.send(("done", path, result, max_rss_mb()))
