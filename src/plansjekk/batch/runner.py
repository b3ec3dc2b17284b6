"""Run checks over many paths: discover → cache → workers → municipalities → overrides.

Every input appears exactly once in the RunResult, sorted by path: checked, unreadable
(with the reason), skipped as unsupported, or not found. One file, or --jobs 1, runs
in this process (no pool to start); otherwise `pool.run_pool` runs --jobs workers
that survive crashes and hangs. A re-run where every file is in the cache starts no
worker and imports no NLP.

PLANSJEKK_STATS_FILE (benchmarks only): write the run's counters and peak worker
memory as JSON to this path.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from plansjekk import __version__
from plansjekk.batch.cache import ResultCache
from plansjekk.batch.discover import discover
from plansjekk.batch.expected import expected_municipalities, municipality_summary
from plansjekk.batch.overrides import apply_overrides, load_overrides
from plansjekk.batch.progress import BatchProgress
from plansjekk.batch.worker import Checker, error_result, max_rss_mb, safe_check
from plansjekk.deadline import TimeUp, time_limit, timeout_message
from plansjekk.files import sha256_of
from plansjekk.model import DocumentResult, RunResult
from plansjekk.municipalities.detect import municipality_name
from plansjekk.settings import Settings

STATS_ENV = "PLANSJEKK_STATS_FILE"


def run_batch(paths: list[str], settings: Settings, checker: Checker) -> RunResult:
    """Check files, folders and globs with `checker` (one file → DocumentResult, never raising
    for a bad document); user mistakes (bad rules, lists, overrides) raise first."""
    found = discover(paths)
    from plansjekk.engine.loader import load_rules

    rules = load_rules(settings)
    expected = expected_municipalities(settings)
    entries = load_overrides(Path(settings.overrides_file), _all_rules(settings, rules)) \
        if settings.overrides_file else []
    checked, stats = check_files(list(found.files), settings, checker)
    docs = tuple(sorted((_with_municipality(d) for d in (*found.results, *checked)), key=lambda d: d.path))
    docs, unused = apply_overrides(docs, entries)
    summary = municipality_summary(docs, expected)
    stats["ignored"] = len(found.ignored)
    extra: dict[str, Any] = {"primary": summary["primary"], "duplicates": summary["duplicates"],
                             "unused_overrides": unused, "ignored": list(found.ignored), "stats": stats}
    _write_stats(stats)
    return RunResult(documents=docs, rulepack=getattr(rules, "pack", "bvl-15-1"),
                     rulepack_version=str(getattr(rules, "version", "")), plansjekk_version=__version__,
                     rules=tuple(rules), expected_municipalities=tuple(summary["expected"]),
                     missing_municipalities=tuple(summary["missing"]), extra=extra)


def _all_rules(settings: Settings, active: Any) -> Any:
    """Overrides are validated against every rule of the packs, not only the selected ones."""
    from plansjekk.engine.loader import load_ruleset

    return load_ruleset(settings).rules or tuple(active)


def check_files(files: list[str], settings: Settings,
                checker: Checker) -> tuple[list[DocumentResult], dict[str, Any]]:
    """Results for `files` (cache first, then in-process or a pool) and counters for the run.

    A result is stored under the hash of the bytes its checker read (worker.safe_check), not
    this process's earlier hash: a file changed in between is never cached under the old one.
    """
    cache = ResultCache(settings) if settings.use_cache else None
    results: dict[str, DocumentResult] = {}
    stats: dict[str, Any] = {"files": len(files), "cache_hits": 0, "checked": 0, "mode": "none",
                             "workers_started": 0, "worker_max_rss_mb": None}
    with BatchProgress(len(files)) as progress:
        todo = []
        for path in files:
            digest = sha256_of(path, settings.limits.max_bytes) if cache else None
            hit = cache.get(digest, path) if cache and digest else None
            if hit is None:
                todo.append(path)
            else:
                results[path] = hit
                progress.done(hit)

        def done(path: str, result: DocumentResult) -> None:
            result = dataclasses.replace(result, path=path)
            results[path] = result
            progress.done(result)
            if cache and result.sha256:
                cache.put(result.sha256, result)

        _execute(todo, settings, checker, progress.started, done, stats)
    stats.update(cache_hits=len(files) - len(todo), checked=len(todo))
    return [results[p] for p in files], stats


def _execute(todo: list[str], settings: Settings, checker: Checker, started: Callable[[str], None],
             done: Callable[[str, DocumentResult], None], stats: dict[str, Any]) -> None:
    jobs = max(1, settings.jobs or os.cpu_count() or 1)
    if len(todo) > 1 and jobs > 1:
        from plansjekk.batch.pool import PoolStartError, run_pool  # multiprocessing: not for one file

        stats["mode"] = "pool"
        _prepare_lexicon()
        finished: set[str] = set()

        def done_in_pool(path: str, result: DocumentResult) -> None:
            finished.add(path)
            done(path, result)

        try:
            pool = run_pool(todo, settings, jobs, checker, started, done_in_pool)
            stats["workers_started"] = pool.workers_started
            stats["worker_max_rss_mb"] = round(max(pool.max_rss_mb), 1) if pool.max_rss_mb else None
            stats["worker_peak_file"] = pool.peak_file
            return
        except PoolStartError:
            todo = [p for p in todo if p not in finished]
    if todo:
        stats["mode"] = "in-process"
        _in_process(todo, settings, checker, started, done)
        stats["worker_max_rss_mb"] = max_rss_mb()


def _prepare_lexicon() -> None:
    """Compile the Ordbank lexicon cache once, in a short-lived process, so workers only load
    it (30 MB) instead of each building it at once (a one-time step that peaks near 550 MB).
    The same process exports spaCy's tokenizer rules, so no worker has to import spaCy."""
    from plansjekk.nlp import tokenizer
    from plansjekk.nlp.lexicon import lexicon_is_cached

    if not lexicon_is_cached() or not tokenizer.is_cached():
        code = ("from plansjekk.nlp.lexicon import get_lexicon; get_lexicon(); "
                "from plansjekk.nlp.tokenizer import get_tokenizer; get_tokenizer()")
        subprocess.run([sys.executable, "-c", code], check=False, capture_output=True)


def _in_process(todo: list[str], settings: Settings, checker: Checker, started: Callable[[str], None],
                done: Callable[[str, DocumentResult], None]) -> None:
    for path in todo:
        started(path)
        try:
            with time_limit(settings.timeout):
                result = safe_check(checker, path, settings)
        except TimeUp:
            result = error_result(path, "tidsavbrudd", timeout_message(settings.timeout))
        done(path, result)


def _with_municipality(doc: DocumentResult) -> DocumentResult:
    """Unreadable and skipped files still say whose they are when the file name tells."""
    if doc.municipality or doc.error is None:
        return doc
    name = municipality_name("", os.path.basename(doc.path))
    return dataclasses.replace(doc, municipality=name) if name else doc


def _write_stats(stats: dict[str, Any]) -> None:
    target = os.environ.get(STATS_ENV)
    if target:
        with contextlib.suppress(OSError):
            Path(target).write_text(json.dumps(stats, indent=2), encoding="utf-8")
