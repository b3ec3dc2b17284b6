"""Finished reports, kept in memory only, so the pages and downloads of a run can be opened.

A run is found by an unguessable id (`secrets.token_urlsafe`), kept for an hour at most,
and the oldest runs are dropped beyond a fixed number: nothing about a plan is written
to disk and memory stays bounded however long the server runs.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from plansjekk.model import Document, RunResult
from plansjekk.settings import Settings

MAX_RUNS = 30
MAX_AGE_SECONDS = 3600.0


@dataclass
class Run:
    result: RunResult
    documents: dict[str, Document]  # path (the uploaded name) → the text that was read
    settings: Settings
    created: float = field(default_factory=time.monotonic)


class RunStore:
    def __init__(self, max_runs: int = MAX_RUNS, max_age: float = MAX_AGE_SECONDS) -> None:
        self.max_runs, self.max_age = max_runs, max_age
        self._runs: OrderedDict[str, Run] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, run: Run) -> str:
        key = secrets.token_urlsafe(16)
        with self._lock:
            self._expire()
            self._runs[key] = run
            while len(self._runs) > self.max_runs:
                self._runs.popitem(last=False)
        return key

    def get(self, key: str) -> Run | None:
        with self._lock:
            self._expire()
            return self._runs.get(key)

    def __len__(self) -> int:
        return len(self._runs)

    def _expire(self) -> None:
        now = time.monotonic()
        while self._runs:
            oldest = next(iter(self._runs.values()))
            if now - oldest.created <= self.max_age:
                break
            self._runs.popitem(last=False)
