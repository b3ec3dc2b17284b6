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


# A small adopted plan around one section under test; with `measures`, a measures table with a
# responsible column follows it (so rules about responsibility and measures are met elsewhere).
PLAN_AROUND = """
# Plan for forebygging av omsorgssvikt og atferdsvansker 2024–2028
Solvik kommune

Vedtatt av kommunestyret 12.03.2024, sak 14/24.

## Innledning
Her er det forebyggende arbeidet i kommunen samlet i én plan.

{section}
"""
MEASURES_TABLE = """
## Tiltak
| Tiltak | Ansvarlig |
|---|---|
| Foreldrekurs | Helsestasjonen |
| Trivselsprogram | Skolen |
| Språkgrupper | Barnehagen |
"""


def check_section(tmp_path: Path, section: str, *, measures: bool = False, name: str = "plan.md") -> DocumentResult:
    text = PLAN_AROUND.format(section=section.strip()) + (MEASURES_TABLE if measures else "")
    return check_text(tmp_path, text, name=name)
