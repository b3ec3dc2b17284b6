"""Where plansjekk keeps its caches (results, lexicon, the loaded rule set, regex programs),
and how a cache file is written."""

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


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temp file in the same folder and rename: a parallel run reads the old file
    or the new one, never half of one."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
