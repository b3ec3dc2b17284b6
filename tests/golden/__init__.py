"""Golden files: expected reporter output, compared byte for byte.

Regenerate after an intended change with `PLANSJEKK_UPDATE_GOLDEN=1 pytest tests/test_report_*.py`
and review the diff; otherwise a missing or different file fails the test.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).resolve().parent
UPDATE = os.environ.get("PLANSJEKK_UPDATE_GOLDEN") == "1"


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN_DIR / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"golden file {path} is missing; create it with PLANSJEKK_UPDATE_GOLDEN=1")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            "expected", "actual", n=2))
        pytest.fail(f"{name} differs from the golden file (PLANSJEKK_UPDATE_GOLDEN=1 to accept):\n{diff[:4000]}")
