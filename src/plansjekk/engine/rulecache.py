"""The loaded rule set, and the rule pack's other tables, kept between runs.

Reading and validating the YAML rule packs is a tenth of a second of every `sjekk`, and the
packs rarely change. The loaded set (and each table read from the pack, such as the document
type table, under its own name) is pickled under <cache root>/rules/, in a file named by a
hash of everything it is made from: the packs' paths and the names and bytes of their YAML
files, the engine's source (the pickled classes live there), plansjekk's version and the
Python version. A changed rule file or engine gives a new name, so a stale file is never
read. A cache that is missing, corrupt or unwritable is passed over in silence and the packs
are loaded as before; a rule-file error is never cached (it is raised, not stored).
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import pickle
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from plansjekk import __version__
from plansjekk.cachedir import cache_root, write_atomic
from plansjekk.files import read_bytes
from plansjekk.regexcache import reduce_pattern

FORMAT = 2  # 2: patterns pickled through the regex cache
KEEP = 16  # newest cache files kept (a few rule folders in use, and edits to them)
ENGINE_DIR = Path(__file__).resolve().parent

T = TypeVar("T")


def cache_key(folders: tuple[Path, ...]) -> str:
    """Hash of the rule packs and of the code that turns them into the cached objects."""
    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version}".encode())
    for source in sorted([*ENGINE_DIR.glob("*.py"), ENGINE_DIR.parent / "model.py"]):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    for folder in folders:
        digest.update(str(folder).encode() + b"\0")
        for path in sorted(folder.rglob("*.yaml")):
            # read_bytes refuses a FIFO or device (an OSError): the loader then names the file
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + read_bytes(path))
    return digest.hexdigest()[:32]


def cache_file(folders: tuple[Path, ...], name: str = "ruleset") -> Path:
    return cache_root() / "rules" / f"{name}-{cache_key(folders)}.pickle"


def cached(folders: tuple[Path, ...], load: Callable[[], T], kind: type[T], name: str = "ruleset") -> T:
    """`load()`'s result for these rule folders, from the cache when it holds one; `name`
    tells apart the things made from the same folders."""
    try:
        path = cache_file(folders, name)
    except OSError:
        return load()  # a folder that cannot be read: the loader names the problem
    try:
        with path.open("rb") as fh:
            value = pickle.load(fh)  # noqa: S301 - our own file in the user's cache folder
        if isinstance(value, kind):
            return value
    except Exception:  # noqa: BLE001, S110 - missing, truncated or from another build: load afresh
        pass
    value = load()
    _store(path, value)
    return value


def _store(path: Path, value: object) -> None:
    """Write atomically; give up silently when the folder cannot be written."""
    try:
        data = io.BytesIO()
        pickler = pickle.Pickler(data, protocol=pickle.HIGHEST_PROTOCOL)
        # the rule set's patterns come back through the regex cache, not compiled again
        pickler.dispatch_table = {**copyreg.dispatch_table, re.Pattern: reduce_pattern}
        pickler.dump(value)
        write_atomic(path, data.getvalue())
        _prune(path.parent, path.name.split("-")[0])
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass


def _prune(folder: Path, name: str) -> None:
    """Keep the newest KEEP files of this name: every rule edit leaves one behind."""
    files = sorted(folder.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)
