"""Shared fixtures: the shipped rule set, and where ../shared is (absent in a fresh clone)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def ruleset():
    from plansjekk.engine.loader import load_rules
    from plansjekk.settings import Settings

    return load_rules(Settings())


@pytest.fixture()
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared finnes ikke (fersk klone)")
    return SHARED
