"""A small process pool that survives its workers: crashes, hangs and memory blow-ups.

concurrent.futures cannot kill one hung task, and a crashed worker breaks the whole
ProcessPoolExecutor. Here each worker has its own pipe and one file at a time; the
parent waits on all pipes with the earliest deadline as time-out. A worker whose pipe
closes crashed (its file gets "krasj"); a worker past its deadline is killed (its file
gets "tidsavbrudd"). Either way a fresh worker takes its place and the batch goes on.
Workers die with this process, however it ends (see worker.watch_parent).
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from plansjekk.batch.worker import Checker, crash_message, error_result, memory_limit, worker_main
from plansjekk.deadline import timeout_message
from plansjekk.model import DocumentResult
from plansjekk.settings import Settings

Done = Callable[[str, DocumentResult], None]
Started = Callable[[str], None]
START_FAILURES = 3  # workers dying before they are ready: give up on the pool


class PoolStartError(RuntimeError):
    """Workers could not start (e.g. the interpreter cannot spawn); run in-process instead."""


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    path: str | None = None
    deadline: float = 0.0


@dataclass
class PoolStats:
    workers_started: int = 0
    max_rss_mb: list[float] = field(default_factory=list)
    peak_file: str | None = None  # the file during which a worker first reached its peak


def run_pool(paths: list[str], settings: Settings, jobs: int, checker: Checker, on_start: Started,
             on_done: Done) -> PoolStats:
    """Check `paths` with `checker` in `jobs` worker processes; every path gets exactly one
    on_done call."""
    context = multiprocessing.get_context("spawn")
    pending = deque(paths)
    stats = PoolStats()
    memory = memory_limit(settings.limits.max_worker_bytes, jobs)
    start = functools.partial(_start, context, settings, checker, memory, stats)
    workers = [start() for _ in range(min(jobs, len(paths)))]
    failures = 0
    try:
        while pending or any(w.path for w in workers):
            for w in workers:
                if w.ready and w.path is None and pending:
                    _assign(w, pending.popleft(), settings, on_start)
            ready = wait([w.conn for w in workers], timeout=_wait_time(workers))
            for w in list(workers):
                if w.conn in ready and not _receive(w, on_done, stats):
                    failures = failures + 1 if not w.ready else 0
                    if failures >= START_FAILURES:
                        raise PoolStartError("workers die before they are ready")
                    _replace(w, workers, start, settings, on_done, "krasj")
                elif w.path and time.monotonic() > w.deadline:
                    _replace(w, workers, start, settings, on_done, "tidsavbrudd")
    finally:
        _stop_all(workers)
    return stats


def _start(context: Any, settings: Settings, checker: Checker, memory: int, stats: PoolStats) -> _Worker:
    parent, child = context.Pipe()
    process = context.Process(target=worker_main, args=(child, settings, checker, os.getpid(), memory),
                              daemon=True)
    process.start()
    child.close()
    stats.workers_started += 1
    return _Worker(process=process, conn=parent)


def _assign(w: _Worker, path: str, settings: Settings, on_start: Started) -> None:
    w.path = path
    w.deadline = time.monotonic() + settings.timeout
    on_start(path)
    w.conn.send(path)


def _wait_time(workers: list[_Worker]) -> float | None:
    deadlines = [w.deadline for w in workers if w.path]
    return max(0.0, min(deadlines) - time.monotonic()) + 0.05 if deadlines else None


def _receive(w: _Worker, on_done: Done, stats: PoolStats) -> bool:
    """Handle one message; False when the worker is gone."""
    try:
        message = w.conn.recv()
    except (EOFError, OSError):
        return False
    if message[0] == "ready":
        w.ready = True
    elif message[0] == "done":
        _, path, result, rss = message
        if rss is not None:
            if rss > max(stats.max_rss_mb, default=0.0):
                stats.peak_file = path
            stats.max_rss_mb.append(rss)
        w.path = None
        on_done(path, result)
    return True


def _replace(w: _Worker, workers: list[_Worker], start: Callable[[], _Worker], settings: Settings,
             on_done: Done, code: str) -> None:
    """Kill `w`, report its file, start a fresh worker in its place."""
    _kill(w)
    if w.path is not None:
        message = timeout_message(settings.timeout) if code == "tidsavbrudd" else crash_message(
            f"prosessen avsluttet med kode {w.process.exitcode}")
        on_done(w.path, error_result(w.path, code, message))
    workers[workers.index(w)] = start()


def _kill(w: _Worker) -> None:
    if w.process.is_alive():
        w.process.kill()
    w.process.join(timeout=5)
    w.conn.close()


def _stop_all(workers: list[_Worker]) -> None:
    stop_processes([(w.process, w.conn, w.path is None) for w in workers])


def stop_processes(workers: list[tuple[Any, Connection, bool]]) -> None:
    """Stop worker processes (process, pipe, idle): idle ones are asked to stop, and every
    one still alive after two seconds is killed. Shared by the batch pool and the web pool."""
    for _, conn, idle in workers:
        try:
            if idle:
                conn.send(None)
        except (OSError, ValueError):
            pass
    deadline = time.monotonic() + 2
    for process, conn, _ in workers:
        process.join(timeout=max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join(timeout=5)
        conn.close()
