"""Compiled regular expressions kept between runs.

The rule pack, the type table and the tokenizer are a few hundred patterns, some of them
tens of thousands of characters long. Python compiles a pattern in two steps, parse and
code generation, both in Python, and cannot pickle the result (a pickled pattern is compiled
again when loaded): together a tenth of a second of every `sjekk`. The compiled program is a
list of integers, though, and `_sre.compile` builds a pattern from it directly. This module
keeps those programs in one file under <cache root>/regex/, named by the Python version and
the regex engine's magic number, so a program is only ever reused by the engine that made it.

`compile()` is `re.compile` for the caller. Anything unexpected (another Python, a corrupt or
unwritable cache file) falls back to `re.compile` in silence: the cache can make a run faster,
never different. New programs are written once, when the process ends.
"""

from __future__ import annotations

import atexit
import pickle
import re
import sys
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

from plansjekk.cachedir import cache_root, write_atomic

try:  # CPython's regex engine; elsewhere the cache is simply off
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    ENGINE = f"{sys.implementation.cache_tag}-{_sre.MAGIC}" if array("I").itemsize == _sre.CODESIZE else ""
except (ImportError, AttributeError):  # pragma: no cover - other Pythons
    ENGINE = ""

Key = tuple[str, str, int]  # (how the source was made, the caller's pattern, flags)
Program = tuple[str, int, bytes, int, dict[str, int], tuple[str | None, ...]]  # source first

MAX_PROGRAMS = 5000  # the shipped packs and the tokenizer are about 400

_programs: dict[Key, Program] | None = None
_new: dict[Key, Program] = {}
_saved_at_exit = False  # save() is registered once, with the first new program


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's name on purpose
    """`re.compile(pattern, flags)`, from the stored program when there is one."""
    return compile_made("", pattern, flags, lambda: pattern)


def compile_made(kind: str, pattern: str, flags: int, make: Callable[[], str]) -> re.Pattern[str]:
    """The pattern `make()` builds from `pattern` (a kind of rewriting named by `kind`),
    compiled; a stored program saves both the rewriting and the compiling."""
    if not ENGINE:
        return re.compile(make(), flags)
    key = (kind, pattern, int(flags))
    program = _stored().get(key) or _new.get(key)
    if program is not None:
        try:
            return _build(program)
        except Exception:  # noqa: BLE001, S110 - a program this engine will not take: compile afresh
            pass
    source = make()
    try:
        program = _compile(source, int(flags))
        compiled = _build(program)
    except Exception:  # noqa: BLE001 - re.compile gives an error its usual form
        return re.compile(source, flags)
    global _saved_at_exit
    if not _saved_at_exit:
        atexit.register(save)
        _saved_at_exit = True
    _new[key] = program
    return compiled


def _compile(source: str, flags: int) -> Program:
    """The steps of re._compiler.compile, keeping the program."""
    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (source, flags | parsed.state.flags, array("I", code).tobytes(), parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


def _build(program: Program) -> re.Pattern[str]:
    source, flags, code, groups, groupindex, indexgroup = program
    words = array("I")
    words.frombytes(code)
    return _sre.compile(source, flags, words.tolist(), groups, groupindex, indexgroup)


def cache_file() -> Path:
    return cache_root() / "regex" / f"programs-{ENGINE}.pickle"


def _stored() -> dict[Key, Program]:
    global _programs
    if _programs is None:
        try:
            with cache_file().open("rb") as fh:
                loaded = pickle.load(fh)  # noqa: S301 - our own file in the user's cache folder
            _programs = loaded if isinstance(loaded, dict) else {}
        except Exception:  # noqa: BLE001 - missing, truncated or unreadable: start empty
            _programs = {}
    return _programs


def save() -> None:
    """Write the stored and the new programs atomically; give up silently when the folder
    cannot be written (a parallel run reads the old file or the new one, never half)."""
    if not _new:
        return
    programs = {**_stored(), **_new}
    if len(programs) > MAX_PROGRAMS:  # edited rule files leave old patterns behind: start over
        programs = dict(_new)
    try:
        write_atomic(cache_file(), pickle.dumps(programs, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError):
        return
    _stored().update(_new)
    _new.clear()


def reduce_pattern(pattern: re.Pattern[str]) -> tuple[Any, tuple[str, int]]:
    """Pickle support: a pattern in a pickled object is rebuilt through this cache."""
    return compile, (pattern.pattern, pattern.flags)
