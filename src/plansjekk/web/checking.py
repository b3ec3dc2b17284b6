"""Uploaded files → RunResult, through the worker pool, with nothing left on disk.

Each upload is written to a private temporary folder (mode 0700, random name), checked by
a pool worker with the server's time limit, and the folder is deleted when the last
result is in, whatever happened. Results carry the uploaded file name, never the
temporary path. The run is then assembled as batch mode does: sorted by name, the
municipality taken from the file name for unreadable files, expected municipalities
and duplicates from batch.expected.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plansjekk import __version__
from plansjekk.batch.expected import expected_municipalities, municipality_summary
from plansjekk.model import Document, DocumentResult, RunResult
from plansjekk.municipalities.detect import municipality_name
from plansjekk.settings import Settings
from plansjekk.web.pool import CheckPool


@dataclass(frozen=True)
class Upload:
    name: str  # as the browser sent it; only its last part is kept
    data: bytes


def display_names(uploads: list[Upload]) -> list[str]:
    """The file names to show: the base name, made unique with ' (2)', ' (3)' …"""
    names: list[str] = []
    seen: dict[str, int] = {}
    for upload in uploads:
        base = re.split(r"[\\/]", upload.name)[-1].strip() or "dokument"
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            stem, dot, suffix = base.rpartition(".")
            base = f"{stem} ({seen[base]}).{suffix}" if dot and stem else f"{base} ({seen[base]})"
        names.append(base)
    return names


def _safe_file_name(number: int, name: str) -> str:
    """A name for the temporary copy: the number, then the name's letters, then its suffix."""
    stem, _, suffix = name.rpartition(".") if "." in name else (name, "", "")
    stem = re.sub(r"[^\w-]+", "-", stem).strip("-")[:40] or "dokument"
    suffix = re.sub(r"[^\w]+", "", suffix)[:10]
    return f"{number:03d}-{stem}.{suffix}" if suffix else f"{number:03d}-{stem}"


async def check_uploads(uploads: list[Upload], settings: Settings, pool: CheckPool,
                        rules: Any) -> tuple[RunResult, dict[str, Document]]:
    """Check every upload in the pool; every upload is in the result exactly once."""
    names = display_names(uploads)
    with tempfile.TemporaryDirectory(prefix="plansjekk-") as folder:
        paths = []
        for number, (upload, name) in enumerate(zip(uploads, names), start=1):
            path = Path(folder) / _safe_file_name(number, name)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(upload.data)
            paths.append(str(path))
        futures = [asyncio.wrap_future(pool.submit(p, settings)) for p in paths]
        outcomes = await asyncio.gather(*futures)
    docs: list[DocumentResult] = []
    texts: dict[str, Document] = {}
    for name, temp, (result, document) in zip(names, paths, outcomes):
        docs.append(_renamed(result, temp, name))
        if document is not None:
            texts[name] = dataclasses.replace(document, path=name)
    return assemble(docs, settings, rules), texts


def _renamed(result: DocumentResult, temp_path: str, name: str) -> DocumentResult:
    """The result under the uploaded name; no message may mention the temporary path."""
    error = result.error
    if error is not None and temp_path in error.message:
        error = dataclasses.replace(error, message=error.message.replace(temp_path, name))
    municipality = result.municipality
    if municipality is None and result.error is not None:
        municipality = municipality_name("", name)
    return dataclasses.replace(result, path=name, error=error, municipality=municipality)


def assemble(docs: list[DocumentResult], settings: Settings, rules: Any) -> RunResult:
    """A RunResult as batch.runner builds one, for reporters and the overview."""
    ordered = tuple(sorted(docs, key=lambda d: d.path))
    summary = municipality_summary(ordered, expected_municipalities(settings))
    return RunResult(documents=ordered, rulepack=getattr(rules, "pack", "bvl-15-1"),
                     rulepack_version=str(getattr(rules, "version", "")), plansjekk_version=__version__,
                     rules=tuple(rules), expected_municipalities=tuple(summary["expected"]),
                     missing_municipalities=tuple(summary["missing"]),
                     extra={"primary": summary["primary"], "duplicates": summary["duplicates"],
                            "unused_overrides": [], "ignored": []})
