"""Check small plan texts the way a user would: write a file, run the whole pipeline."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from plansjekk.api import check_document
from plansjekk.model import DocumentResult
from plansjekk.settings import Settings


def check_text(tmp_path: Path, text: str, name: str = "plan.md", **settings) -> DocumentResult:
    path = tmp_path / name
    path.write_text(dedent(text).strip() + "\n", encoding="utf-8")
    return check_document(path, Settings(**settings))


def status(result: DocumentResult, name: str) -> str:
    return next(f.status.value for f in result.findings if f.name == name)
