"""What runs inside a worker process: check one file at a time, report back, never raise.

Spawn-safe: the process entry point is this module's `worker_main`, so it works with
the `spawn` start method (Windows, macOS) as well as on Linux. The checker (api's
check_document, or a test's stand-in) is passed in by the caller, pickled by reference.

The result carries the hash of the bytes the checker read: the file is hashed before and
after checking, and a file that changed meanwhile gets no hash (and so is never cached).
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from plansjekk.files import sha256_of, stamp
from plansjekk.model import DocError, DocType, DocumentResult
from plansjekk.settings import Settings

if TYPE_CHECKING:  # multiprocessing is only imported when a pool starts (pool.py)
    from multiprocessing.connection import Connection

Checker = Callable[[Path, Settings], DocumentResult]
CHANGED_WARNING = ("Filen ble endret mens den ble sjekket. Resultatet gjelder innholdet slik det ble lest, "
                   "og er ikke lagret i bufferen; sjekk filen på nytt når den er ferdig skrevet.")


def error_result(path: str, code: str, message: str) -> DocumentResult:
    return DocumentResult(path=path, type=DocType.UNREADABLE, error=DocError(code, message))


def crash_message(detail: str = "") -> str:
    extra = f" ({detail})" if detail else ""
    return ("Sjekken av dokumentet stoppet uventet" + extra + ". De andre filene ble sjekket; "
            "prøv å lagre filen på nytt (f.eks. som PDF) og sjekk den alene.")


MEMORY_MESSAGE = "Dokumentet krevde for mye minne til å sjekkes. Del det opp eller lagre det på nytt."


def safe_check(checker: Checker, path: str, settings: Settings) -> DocumentResult:
    """One file through the checker, with the hash of what it read; anything it raises
    becomes an error result."""
    before, digest = stamp(path), sha256_of(path, settings.limits.max_bytes)
    try:
        result = checker(Path(path), settings)
    except MemoryError:
        result = error_result(path, "for_stor", MEMORY_MESSAGE)
    except Exception as error:  # noqa: BLE001 - an engine bug must not stop the batch
        result = error_result(path, "krasj", crash_message(f"{type(error).__name__}: {error}"[:200]))
    if digest is None:
        return dataclasses.replace(result, sha256=None)
    if stamp(path) != before or sha256_of(path, settings.limits.max_bytes) != digest:
        return dataclasses.replace(result, sha256=None, warnings=(*result.warnings, CHANGED_WARNING))
    return dataclasses.replace(result, sha256=digest)


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


def watch_parent(parent_pid: int, interval: float = 0.5) -> None:
    """End this process when the parent is gone, even if it was killed (SIGKILL gives it no
    chance to stop its workers, and a worker busy on a hung file never reads its pipe).

    Linux: the kernel sends SIGKILL when the parent dies (PR_SET_PDEATHSIG). Elsewhere, and
    for a parent that died before that was set, a thread checks the parent every `interval`.
    """
    import signal
    import threading

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        import time

        while os.getppid() == parent_pid:
            time.sleep(interval)
        os._exit(0)

    threading.Thread(target=watch, name="plansjekk-parent-watch", daemon=True).start()


def memory_limit(limit: int, jobs: int) -> int:
    """Address space for one of `jobs` workers: at most `limit`, and together at most 80 %
    of the machine's memory (but never below 1 GB, which any real plan fits in)."""
    try:
        physical = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return limit
    return max(1 << 30, min(limit, int(physical * 0.8) // max(1, jobs)))


def limit_memory(limit: int) -> None:
    """Cap this process's address space, so a hostile document raises MemoryError here (a
    "for_stor" result) instead of taking the machine's memory; Unix only."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):
        pass


def worker_main(conn: Connection, settings: Settings, checker: Checker, parent_pid: int,
                memory: int | None = None) -> None:
    """Receive paths, send ("done", path, result, max_rss_mb); stop on None."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    watch_parent(parent_pid)
    if memory:
        limit_memory(memory)
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
            result = safe_check(checker, path, settings)
        except MemoryError:
            result = error_result(path, "for_stor", MEMORY_MESSAGE)
        conn.send(("done", path, result, max_rss_mb()))
