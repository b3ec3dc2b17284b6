"""Where plansjekk keeps its caches (results, lexicon, the loaded rule set)."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "PLANSJEKK_CACHE_DIR"


def cache_root() -> Path:
    """$PLANSJEKK_CACHE_DIR (tests, benchmarks) or the user's cache folder."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("plansjekk"))
