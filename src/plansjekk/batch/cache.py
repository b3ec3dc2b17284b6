"""Result cache: a re-run on an unchanged folder must not extract or check anything again.

One JSON file per result, keyed by the file's content hash (sha256), its name, and
everything else that can change a verdict: the contents of the rule packs and of
plansjekk's own code (a development install changes both without a new version), the
version, the shape of the result records, and the settings that reach the engine (rule
selection, severity overrides, language, limits). The name is in the key because parts
of a result come from it (the municipality, and so which plan is the newest of a
municipality, and the warning for a wrong extension): two files with the same content
and other names are checked each on their own. Moving a file keeps its entry; renaming
or editing it, or changing the code, a rule file or those settings, does not.

Entries are plain JSON (from `model.to_plain`), decoded back into the frozen records;
a corrupt or outdated entry is ignored and overwritten. Results that depend on the
run rather than the file (time-outs, crashes) are never stored.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import types
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from plansjekk import __version__
from plansjekk.cachedir import cache_root
from plansjekk.files import not_regular_reason, read_bytes
from plansjekk.model import DocumentResult, to_plain
from plansjekk.settings import Settings

FORMAT = 1
UNCACHED_ERRORS = frozenset({"krasj", "tidsavbrudd", "ikke_funnet", "ikke_stottet"})


def cache_dir() -> Path:
    """PLANSJEKK_CACHE_DIR (tests, benchmarks) or the user's cache folder."""
    return cache_root()


def clear_cache() -> int:
    """Delete every stored result; returns how many entries were removed."""
    removed = 0
    root = cache_dir() / "results"
    if not root.is_dir():
        return 0
    for entry in root.glob("*/*.json"):
        try:
            entry.unlink()
            removed += 1
        except OSError:
            pass
    for folder in root.glob("*"):
        try:
            folder.rmdir()
        except OSError:
            pass
    return removed


PACKAGE_DIR = Path(__file__).resolve().parents[1]
CODE_SUFFIXES = frozenset({".py", ".csv", ".j2", ".css", ".js", ".json", ".yaml", ".txt", ".html"})


def rulepack_fingerprint(settings: Settings) -> str:
    """Every file of the shipped pack and the --regler packs, not only the rule YAML."""
    from plansjekk.engine.loader import default_pack_dir

    folders = (default_pack_dir(), *(Path(d).resolve() for d in settings.rule_dirs))
    return tree_fingerprint(tuple(folders), None)


def tree_fingerprint(folders: tuple[Path, ...], suffixes: frozenset[str] | None) -> str:
    """Hash of the names and bytes of the regular files below `folders` (all, or by suffix)."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if "__pycache__" in path.parts or (suffixes is not None and path.suffix not in suffixes):
                continue
            if not_regular_reason(path) is None and path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
                digest.update(read_bytes(path))
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """plansjekk's own code and data: an engine change without a version bump is a new key.
    Once per process: the code that runs does not change under it."""
    return tree_fingerprint((PACKAGE_DIR,), CODE_SUFFIXES)


@lru_cache(maxsize=1)
def _record_shape() -> str:
    """Field names of the cached records: a model change must not decode stale entries."""
    from plansjekk import model

    names = [f"{cls.__name__}:{','.join(f.name for f in dataclasses.fields(cls))}"
             for cls in vars(model).values() if isinstance(cls, type) and dataclasses.is_dataclass(cls)]
    return hashlib.sha256("|".join(sorted(names)).encode()).hexdigest()[:12]


def settings_key(settings: Settings) -> str:
    """Everything except the file content that goes into one result's cache key."""
    relevant = {
        "version": __version__, "format": FORMAT, "records": _record_shape(),
        "code": code_fingerprint(), "rules": rulepack_fingerprint(settings),
        "select": sorted(settings.select), "ignore": sorted(settings.ignore),
        "severity": sorted(settings.severity.items()), "lang": settings.lang,
        "explain": settings.explain, "doc_type": settings.doc_type, "limits": dataclasses.asdict(settings.limits),
    }
    return hashlib.sha256(json.dumps(relevant, sort_keys=True, default=str).encode()).hexdigest()


class ResultCache:
    """get/put DocumentResults by file hash for one run's settings."""

    def __init__(self, settings: Settings, root: Path | None = None) -> None:
        self.root = (root or cache_dir()) / "results"
        self.prefix = settings_key(settings)
        self.hits = 0
        self.misses = 0

    def _entry(self, sha256: str, path: str) -> Path:
        name = os.path.basename(path)
        key = hashlib.sha256(f"{self.prefix}:{sha256}:{name}".encode("utf-8", "surrogateescape")).hexdigest()
        return self.root / key[:2] / f"{key}.json"

    def get(self, sha256: str, path: str) -> DocumentResult | None:
        """The stored result with `path` set to where the file is now; None on miss or damage."""
        try:
            data = json.loads(self._entry(sha256, path).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or data.get("sha256") != sha256:
                raise ValueError("outdated entry")
            result = from_plain(DocumentResult, data["result"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return dataclasses.replace(result, path=path, sha256=sha256)

    def put(self, sha256: str, result: DocumentResult) -> None:
        if result.error is not None and result.error.code in UNCACHED_ERRORS:
            return
        entry = self._entry(sha256, result.path)
        data = {"format": FORMAT, "sha256": sha256, "result": to_plain(result)}
        temporary = entry.with_suffix(f".{os.getpid()}.tmp")
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, entry)
        except OSError:  # a read-only or full cache only costs speed, and leaves nothing behind
            try:
                temporary.unlink()
            except OSError:
                pass


def from_plain(cls: Any, value: Any) -> Any:
    """Inverse of model.to_plain for the record types (dataclasses, enums, tuples, optionals)."""
    if value is None:
        return None
    origin = get_origin(cls)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(cls) if a is not type(None)]
        return from_plain(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        return tuple(from_plain(get_args(cls)[0], v) for v in value)
    if isinstance(cls, type) and issubclass(cls, Enum):
        return cls(value)
    if isinstance(cls, type) and dataclasses.is_dataclass(cls):
        hints = get_type_hints(cls)
        return cls(**{f.name: from_plain(hints[f.name], value[f.name])
                      for f in dataclasses.fields(cls) if f.name in value})
    return value
