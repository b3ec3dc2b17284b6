"""What runs inside a web worker process: read and check one uploaded file, never raise.

The web page needs the document's text beside its findings, so a worker returns both the
DocumentResult and the extracted Document. Everything else is the batch worker's: the same
error results and messages (batch.worker), in a process of its own so that a hostile or
slow file cannot take the server with it. The check itself is passed in (tests pass one
that hangs or crashes). Kept free of web imports: the process
is spawned and should start fast.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

from plansjekk.batch.worker import MEMORY_MESSAGE, crash_message, error_result
from plansjekk.errors import ExtractionError
from plansjekk.model import Document, DocumentResult
from plansjekk.settings import Settings

Outcome = tuple[DocumentResult, Document | None]
Check = Callable[[Path, Settings], Outcome]


def check_with_text(path: Path, settings: Settings) -> Outcome:
    """api.check_document, keeping the Document it read."""
    from plansjekk import api
    from plansjekk.engine.evaluate import check
    from plansjekk.engine.loader import load_rules

    try:
        document = api.extract(path, settings.limits)
    except ExtractionError as error:
        return api.unreadable(str(path), error), None
    return check(document, load_rules(settings), settings), document


def safe_outcome(path: str, settings: Settings, check: Check = check_with_text) -> Outcome:
    """`check`; anything it raises becomes an error result (as batch.worker.safe_check)."""
    try:
        return check(Path(path), settings)
    except MemoryError:
        return error_result(path, "for_stor", MEMORY_MESSAGE), None
    except Exception as error:  # noqa: BLE001 - an engine bug must not stop the server
        return error_result(path, "krasj", crash_message(f"{type(error).__name__}: {error}"[:200])), None


def worker_main(conn: Connection, check: Check = check_with_text) -> None:
    """Receive (path, settings), send ("done", result, document); stop on None."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    try:  # load rules, lexicon and tokenizer before saying ready: the first upload is not slower
        from plansjekk import api
        from plansjekk.engine.loader import load_rules

        load_rules(Settings())
        api.warm_nlp()
    except Exception:  # noqa: BLE001 - the check itself will report the problem
        pass
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        path, settings = job
        result, document = safe_outcome(path, settings, check)
        conn.send(("done", result, document))
