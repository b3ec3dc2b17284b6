"""A long-lived pool of worker processes for the web server, with batch mode's guarantees.

batch.pool runs one batch and stops; a server takes uploads from many requests at once
and for hours, so its workers stay up between requests (rules, lexicon and tokenizer
loaded once) and jobs come from any thread. The rules are batch mode's: one file per
worker at a time, a worker that crashes gives its file a "krasj" result, a worker past
the time limit is killed and its file gets "tidsavbrudd", and a fresh worker takes the
place of either. One thread owns the workers; `submit` only queues a job and wakes it.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, InvalidStateError
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from plansjekk.batch.pool import stop_processes
from plansjekk.batch.worker import crash_message, error_result
from plansjekk.deadline import timeout_message
from plansjekk.settings import Settings
from plansjekk.web.worker import Check, Outcome, check_with_text, worker_main

START_FAILURES = 3  # workers dying before they are ready, in a row: fail the waiting jobs


@dataclass
class _Job:
    path: str
    settings: Settings
    future: Future[Outcome]


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    job: _Job | None = None
    deadline: float = 0.0


class CheckPool:
    """`submit(path, settings)` → Future of (DocumentResult, Document | None); never an exception."""

    def __init__(self, size: int, check: Check = check_with_text) -> None:
        self.size = max(1, size)
        self._check = check  # what a worker runs on each file, passed to it by reference
        self._context = multiprocessing.get_context("spawn")
        self._jobs: deque[_Job] = deque()
        self._lock = threading.Lock()
        self._wake_read, self._wake_write = self._context.Pipe(duplex=False)
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="plansjekk-pool", daemon=True)
        self.workers_started = 0
        self._initial: list[_Worker] = []

    def start(self) -> CheckPool:
        self._initial = _ignoring_ctrl_c(lambda: [self._start() for _ in range(self.size)])
        self._thread.start()
        return self

    def submit(self, path: str, settings: Settings) -> Future[Outcome]:
        """Queue a check; a closed or broken pool answers at once with a "krasj" result."""
        job = _Job(path, settings, Future())
        with self._lock:
            if not self._closing and self._thread.is_alive():
                self._jobs.append(job)
                queued = True
            else:
                queued = False
        if queued:
            self._wake()
        else:
            _answer(job, (error_result(path, "krasj", crash_message()), None))
        return job.future

    def close(self) -> None:
        with self._lock:
            self._closing = True
        self._wake()
        self._thread.join(timeout=10)

    def _wake(self) -> None:
        try:
            self._wake_write.send(None)
        except (OSError, ValueError):
            pass

    def _run(self) -> None:
        workers = self._initial
        failures = 0
        try:
            while True:
                with self._lock:
                    if self._closing:
                        break
                    for w in workers:
                        while w.ready and w.job is None and self._jobs:
                            job = self._jobs.popleft()
                            if job.future.set_running_or_notify_cancel():  # False: the caller gave up
                                self._assign(w, job)
                ready = wait([w.conn for w in workers] + [self._wake_read], timeout=_wait_time(workers))
                if self._wake_read in ready:
                    while self._wake_read.poll():
                        self._wake_read.recv()
                for w in list(workers):
                    if w.conn in ready and not _receive(w):
                        failures = 0 if w.ready else failures + 1
                        self._replace(w, workers, crash_message(f"prosessen avsluttet med kode "
                                                                f"{w.process.exitcode}"), "krasj")
                        if failures >= START_FAILURES:
                            self._fail_waiting()
                    elif w.job and time.monotonic() > w.deadline:
                        self._replace(w, workers, timeout_message(w.job.settings.timeout), "tidsavbrudd")
        finally:
            with self._lock:
                self._closing = True  # also when this loop failed: later jobs are answered, not lost
            _stop_all(workers)
            self._fail_waiting()

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=worker_main, args=(child, self._check), daemon=True)
        process.start()
        child.close()
        self.workers_started += 1
        return _Worker(process=process, conn=parent)

    def _assign(self, w: _Worker, job: _Job) -> None:
        w.job = job
        w.deadline = time.monotonic() + job.settings.timeout
        w.conn.send((job.path, job.settings))

    def _replace(self, w: _Worker, workers: list[_Worker], message: str, code: str) -> None:
        """Kill `w`, answer its job with an error result, start a fresh worker in its place."""
        if w.process.is_alive():
            w.process.kill()
        w.process.join(timeout=5)
        w.conn.close()
        if w.job is not None:
            _answer(w.job, (error_result(w.job.path, code, message), None))
        workers[workers.index(w)] = self._start()

    def _fail_waiting(self) -> None:
        """Workers cannot start (or the server stops): answer every queued job, never leave one hanging."""
        with self._lock:
            jobs, self._jobs = list(self._jobs), deque()
        for job in jobs:
            _answer(job, (error_result(job.path, "krasj", crash_message()), None))


def _ignoring_ctrl_c(start: Callable[[], list[_Worker]]) -> list[_Worker]:
    """Start workers with SIGINT ignored (inherited through exec), so a Ctrl-C while they
    import does not print their tracebacks; the server's own shutdown stops them."""
    if threading.current_thread() is not threading.main_thread():
        return start()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return start()
    finally:
        signal.signal(signal.SIGINT, previous)


def _answer(job: _Job, outcome: Outcome) -> None:
    """Give the job its result, unless its caller cancelled it meanwhile."""
    try:
        job.future.set_result(outcome)
    except InvalidStateError:  # cancelled: nobody waits for it
        pass


def _receive(w: _Worker) -> bool:
    """Handle one message; False when the worker is gone."""
    try:
        message = w.conn.recv()
    except (EOFError, OSError):
        return False
    if message[0] == "ready":
        w.ready = True
    elif message[0] == "done" and w.job is not None:
        job, w.job = w.job, None
        _answer(job, (message[1], message[2]))
    return True


def _wait_time(workers: list[_Worker]) -> float | None:
    deadlines = [w.deadline for w in workers if w.job]
    return max(0.0, min(deadlines) - time.monotonic()) + 0.05 if deadlines else None


def _stop_all(workers: list[_Worker]) -> None:
    stop_processes([(w.process, w.conn, True) for w in workers])
    for w in workers:
        if w.job is not None:
            _answer(w.job, (error_result(w.job.path, "krasj", crash_message()), None))
