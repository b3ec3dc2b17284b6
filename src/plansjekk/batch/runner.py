"""Run checks over many paths. (Sequential placeholder; replaced by the parallel runner.)"""

from __future__ import annotations

from pathlib import Path

from plansjekk import __version__
from plansjekk.model import RunResult
from plansjekk.settings import Settings


def run_batch(paths: list[str], settings: Settings) -> RunResult:
    from plansjekk.api import check_document
    from plansjekk.engine.loader import load_rules

    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p])
    docs = tuple(check_document(f, settings) for f in files)
    rules = load_rules(settings)
    return RunResult(documents=docs, plansjekk_version=__version__, rules=tuple(rules))
