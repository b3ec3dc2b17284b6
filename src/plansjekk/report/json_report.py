"""`--format json`: the DESIGN.md contract, plus rule pack, version and legal sources.

Exactly `records.as_records`: one JSON object, keys in a fixed order, documents sorted
by path, findings by code, no timestamps, so two runs on the same files are identical.
"""

from __future__ import annotations

import json

from plansjekk.model import RunResult
from plansjekk.report.records import as_records
from plansjekk.settings import Settings


def render(result: RunResult, settings: Settings) -> str:
    records = as_records(result, settings.lang, settings.explain)
    if settings.config_file is not None:  # which plansjekk.toml / pyproject.toml shaped this run
        records["config_file"] = str(settings.config_file)
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
