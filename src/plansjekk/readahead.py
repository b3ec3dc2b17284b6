"""Read a document in a second process while this one makes the checker ready.

Checking one file is two halves that do not need each other until the end: reading the file
(the PDF library, the page layout) and making the checker ready (importing the engine, the
rule set, the lexicon and tokenizer, compiled concepts). On a machine with more than one
core `read_ahead` forks a child that reads the file and sends the Document back through a
pipe, so the two halves overlap; the parent never imports the extractors at all.

Where forking is unsafe or pointless (no fork, one core, threads running, inside a batch
worker, which already keeps every core busy), the file is read in this process when the
result is asked for: the same Document, only later. The child keeps the reader's own guards
(time limit, Norwegian errors); a reader that crashes the child (a fault in the PDF library)
costs that document, never the run.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from typing import Any

from plansjekk.errors import ExtractionError
from plansjekk.model import Document

Reader = Callable[[], Document]

enabled = True  # batch workers switch it off: they already use every core


class Pending:
    """A Document being read; `result()` returns it or raises the reader's ExtractionError."""

    def __init__(self, read: Reader) -> None:
        self._read = read
        self._pid: int | None = None
        self._pipe: int | None = None
        if _may_fork():
            self._start()

    def _start(self) -> None:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: read, send, and leave without running the parent's exit hooks
            os.close(read_end)
            _child(self._read, write_end)
        os.close(write_end)
        self._pid, self._pipe = pid, read_end

    def result(self) -> Document:
        if self._pid is None:
            return self._read()
        try:
            with os.fdopen(self._pipe, "rb") as pipe:  # type: ignore[arg-type]
                self._pipe = None
                outcome = _receive(pipe)
        finally:
            self.cancel()
        kind, value = outcome
        if kind == "document":
            return value
        if kind == "error":
            raise ExtractionError(*value)
        if kind == "memory":
            raise MemoryError
        raise RuntimeError(value)

    def cancel(self) -> None:
        """Stop the child (a time limit reached in the parent) and reap it."""
        if self._pipe is not None:
            os.close(self._pipe)
            self._pipe = None
        if self._pid is not None:
            pid, self._pid = self._pid, None
            try:
                os.kill(pid, 9)
            except OSError:
                pass
            try:
                os.waitpid(pid, 0)
            except OSError:
                pass


def read_ahead(read: Reader) -> Pending:
    """Start reading now (in a child where that helps); take the Document with `.result()`."""
    return Pending(read)


def _may_fork() -> bool:
    return (enabled and hasattr(os, "fork") and (os.cpu_count() or 1) > 1
            and threading.active_count() == 1)


def _child(read: Reader, write_end: int) -> None:
    code = 0
    try:
        try:
            outcome: tuple[str, Any] = ("document", read())
        except ExtractionError as error:
            outcome = ("error", (error.code, error.message))
        except MemoryError:
            outcome = ("memory", None)
        except BaseException as error:  # noqa: BLE001 - told to the parent, which decides
            outcome = ("crash", f"{type(error).__name__}: {error}"[:200])
        with os.fdopen(write_end, "wb") as pipe:
            pickle.dump(outcome, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:  # noqa: BLE001 - the parent sees a closed pipe
        code = 1
    finally:
        os._exit(code)


def _receive(pipe: Any) -> tuple[str, Any]:
    try:
        return pickle.load(pipe)  # noqa: S301 - our own child's message
    except (EOFError, pickle.UnpicklingError):
        return ("crash", "lesingen av filen stoppet uventet")
