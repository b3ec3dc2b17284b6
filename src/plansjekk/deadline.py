"""A time limit for work done in this process (one document read or checked in-process).

Workers of a batch are killed from outside when they pass their deadline; a document
read or checked in the main process (`uttrekk`, `sjekk` of one file, `--jobs 1`) gets
SIGALRM instead. Unix main thread only; elsewhere the work runs without a limit.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Any


class TimeUp(BaseException):
    """Raised by SIGALRM; a BaseException so that no extractor's `except Exception` eats it."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeUp inside the block after `seconds` (no limit for seconds <= 0). Inside an
    outer limit the outer one rules: one process has one real-time timer."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0 or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield
        return

    def _raise(signum: int, frame: Any) -> None:
        raise TimeUp

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timeout_message(seconds: float) -> str:
    return (f"Sjekken tok mer enn {seconds:g} sekunder og ble avbrutt. "
            "Øk grensen med --tidsgrense, eller kontroller om filen er uvanlig stor eller skadet.")
