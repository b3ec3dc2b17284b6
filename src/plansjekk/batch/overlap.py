"""Read the one document of a run in a forked child while this process loads the engine.

`plansjekk sjekk plan.pdf` spends about a quarter of a second reading a 60-page PDF and as
long again loading rules, lexicon and tokenizer. Neither needs the other, so on a machine
with a second core a child reads the file while the parent loads; the Document comes back
pickled through a pipe. Batches do not need this (their workers already run side by side).

Only on Linux (where fork is the platform's own way to start a process; macOS and Windows
start processes by spawning), with more than one core and no other threads (forking a
threaded process is unsafe); otherwise nothing is started and the file is read in order. A child that
dies (a crash inside the PDF library) is an unreadable document, not a dead run.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from plansjekk.errors import ExtractionError
from plansjekk.model import Document
from plansjekk.settings import Limits


@dataclass
class _Pending:
    pid: int
    fd: int


_PENDING: dict[str, _Pending] = {}


def can_overlap() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    return len(os.sched_getaffinity(0)) > 1 and threading.active_count() == 1


def start(path: str | Path, limits: Limits) -> bool:
    """Begin reading `path` in a child; False (nothing started) where overlap is not possible."""
    key = str(Path(path))
    if key in _PENDING or not can_overlap():
        return False
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: read, send, leave without running the parent's cleanup
        os.close(read_fd)
        _read_and_send(key, limits, write_fd)
        os._exit(0)
    os.close(write_fd)
    _PENDING[key] = _Pending(pid, read_fd)
    return True


def _read_and_send(path: str, limits: Limits, fd: int) -> None:
    import pickle

    from plansjekk.extract.dispatch import extract_document

    payload: tuple[str, object]
    try:
        payload = ("document", extract_document(Path(path), limits))
    except ExtractionError as error:
        payload = ("error", (error.code, error.message))
    except BaseException as error:  # noqa: BLE001 - reported to the parent as a crash
        payload = ("crash", f"{type(error).__name__}: {error}"[:200])
    try:
        with os.fdopen(fd, "wb") as pipe:
            pickle.dump(payload, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:  # noqa: BLE001 - the parent sees a short read and reports a crash
        pass


def claim(path: str | Path, meanwhile: Callable[[], object] = lambda: None) -> Document | None:
    """The document a child read for `path` (None if none was started), after running
    `meanwhile` here. Raises ExtractionError as reading in this process would."""
    import pickle

    pending = _PENDING.pop(str(Path(path)), None)
    if pending is None:
        return None
    with os.fdopen(pending.fd, "rb") as pipe:
        try:
            meanwhile()
            data = pipe.read()
        except BaseException:  # a time-out or error meanwhile: the child must not outlive it
            _stop(pending.pid)
            raise
    _reap(pending.pid)
    try:
        kind, value = pickle.loads(data)
    except Exception:  # noqa: BLE001 - an empty or cut pipe: the child died
        kind, value = "crash", "lesingen stoppet uventet"
    if kind == "document":
        return value
    if kind == "error":
        raise ExtractionError(*value)
    from plansjekk.batch.worker import crash_message

    raise ExtractionError("krasj", crash_message(str(value)))


def cancel_all() -> None:
    """Stop children whose document was not needed (a cached result, an error, a time-out)."""
    while _PENDING:
        _, pending = _PENDING.popitem()
        os.close(pending.fd)
        _stop(pending.pid)


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    _reap(pid)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
