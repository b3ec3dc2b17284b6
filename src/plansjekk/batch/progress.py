"""Progress on stderr while a batch runs: files done of total, current file, errors so far.

Only when stderr is a terminal and there is more than one file to check; in pipes,
CI logs and tests it stays silent so stdout (JSON, CSV) and logs stay clean.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any

from plansjekk.model import DocumentResult


class BatchProgress:
    """Context manager; `started(path)` and `done(result)` are cheap no-ops when quiet."""

    def __init__(self, total: int, enabled: bool | None = None) -> None:
        self.total = total
        self.errors = 0
        self.enabled = (sys.stderr.isatty() if enabled is None else enabled) and total > 1
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> BatchProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn("Sjekker"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[errors]}"), TimeElapsedColumn(),
                TextColumn("[dim]{task.fields[current]}"),
                console=Console(stderr=True), transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task("sjekk", total=self.total, errors="", current="")
        return self

    def started(self, path: str) -> None:
        if self._progress is not None:
            self._progress.update(self._task, current=_short(path))

    def done(self, result: DocumentResult) -> None:
        if result.error is not None and not result.skipped:
            self.errors += 1
        if self._progress is not None:
            errors = f"{self.errors} feil" if self.errors else ""
            self._progress.update(self._task, advance=1, errors=errors)

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.__exit__(kind, value, traceback)


def _short(path: str, width: int = 40) -> str:
    """The file name for the progress line: printable, its brackets not read as rich markup."""
    from rich.markup import escape

    from plansjekk.report.safety import printable

    path = printable(path)
    return escape(path if len(path) <= width else "…" + path[-(width - 1):])
