"""Compiled regular expressions kept between runs, for the large patterns built from data.

Python compiles a regular expression in pure Python (parse, then code generation) and keeps
it only for the life of the process. The tokenizer's rules (spaCy's affix classes, thousands
of character ranges) and the rule pack's phrase alternations are the same on every run and
cost a tenth of a second to compile each time. This module keeps the compiled program (the
list of opcodes `_sre.compile` takes, with the group tables) in <cache root>/regex/, in a
file named by the Python build, and builds the pattern from it directly.

Safety: a program is only stored after the pattern built from it compares equal to the one
`re.compile` builds (sre compares flags, pattern and code), and `_sre.compile` checks every
program it is given. Any failure (another Python, a corrupt or unwritable file, a changed
`re` internals) falls back to `re.compile`, silently. Patterns made from document text must
not come here: the file would grow with every document (it is capped at MAX_ENTRIES anyway).
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

try:  # Python ≥ 3.11
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

import _sre

FORMAT = 1
MAX_ENTRIES = 4000

Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]  # _sre.compile's arguments after the pattern

_entries: dict[tuple[str, int], Entry] | None = None
_new: dict[tuple[str, int], Entry] = {}


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's stand-in
    """re.compile(pattern, flags), from the cached program when there is one."""
    flags = int(flags)
    entries = _load()
    entry = entries.get((pattern, flags))
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except Exception:  # noqa: BLE001 - a program this Python refuses: compile it afresh
            entries.pop((pattern, flags), None)
    plain = re.compile(pattern, flags)
    try:
        entry = _program(pattern, flags)
        if _sre.compile(pattern, *entry) == plain and len(entries) + len(_new) < MAX_ENTRIES:
            if not _new:
                atexit.register(save)
            _new[(pattern, flags)] = entry
    except Exception:  # noqa: BLE001, S110 - re's internals changed: nothing is cached
        pass
    return plain


def _program(pattern: str, flags: int) -> Entry:
    """What re._compiler.compile hands to _sre.compile, computed the same way."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[Any] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, [int(op) for op in code], parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def cache_path() -> Path:
    from plansjekk.cachedir import cache_root

    build = hashlib.sha256(f"{FORMAT}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode()).hexdigest()[:16]
    return cache_root() / "regex" / f"sre-{build}.pickle"


def _load() -> dict[tuple[str, int], Entry]:
    global _entries
    if _entries is None:
        _entries = {}
        try:
            with cache_path().open("rb") as fh:
                data = pickle.load(fh)  # noqa: S301 - our own file in the user's cache folder
            if isinstance(data, dict):
                _entries = data
        except Exception:  # noqa: BLE001, S110 - none yet, or unusable: start empty
            pass
    return _entries


def save() -> None:
    """Write the programs compiled in this run (with those read) atomically; give up silently."""
    if not _new:
        return
    entries = {**_load(), **_new}
    _new.clear()
    path = cache_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".sre-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(entries, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass
