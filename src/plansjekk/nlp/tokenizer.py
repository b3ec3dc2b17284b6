"""spaCy's Norwegian tokenizer without importing spaCy on the hot path.

Importing spaCy and building `spacy.blank("nb")` costs ~0.8 s, and all we use is its
tokenizer: text plus character offset of each token. spaCy stays the authority on the
rules: `export_rules` reads them from the real tokenizer (special cases and the regexes
behind prefix/suffix/infix/url matching), they are cached as JSON next to the Ordbank
lexicon, and rule_tokenizer.RuleTokenizer runs spaCy's algorithm over that data.

If the rules cannot be exported or the rebuilt tokenizer disagrees with spaCy on probe texts,
a thin wrapper around spaCy's own tokenizer is used instead.
"""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from typing import Any, Protocol

from plansjekk.cachedir import write_atomic
from plansjekk.nlp import ordbank
from plansjekk.nlp.rule_tokenizer import METHODS, RuleTokenizer, Tokens

__all__ = ["RuleTokenizer", "SpacyTokenizer", "TokenizerExportError", "build_rules", "cache_path", "export_rules",
           "get_tokenizer", "is_cached", "load_or_build", "spacy_version"]

FORMAT = 1
_ORTH = 65  # spacy.symbols.ORTH (checked in export_rules)
_PROBE = ("Jf. § 15-1 (bl.a. f.eks.) «PP-tjenesten» 29.05.2024, ca. 2,5 % … "
          "Se https://lovdata.no/lov/2021-06-18-97 eller post@kommune.no :) nr. 3).\n\t\u00a0 Slutt.")


class TokenizerExportError(RuntimeError):
    """spaCy's tokenizer uses something the rule export cannot represent faithfully."""


class Tokenizer(Protocol):
    def __call__(self, text: str) -> Tokens: ...


def export_rules() -> dict[str, Any]:
    """Everything spaCy's blank "nb" tokenizer uses, as JSON-able data (imports spaCy)."""
    import spacy
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer as SpacyTok

    from plansjekk.nlp.pipeline import get_nlp

    tok: Any = get_nlp().tokenizer
    if type(tok) is not SpacyTok or ORTH != _ORTH:
        raise TokenizerExportError(f"unexpected tokenizer {type(tok)!r}")
    rules: dict[str, list[str]] = {}
    for key, specs in tok.rules.items():
        pieces = [spec.get(ORTH, spec.get("ORTH")) for spec in specs]
        if not pieces or not all(isinstance(p, str) and p for p in pieces) or "".join(pieces) != key:
            raise TokenizerExportError(f"special case {key!r} has unusable ORTH pieces")
        rules[key] = pieces
    data: dict[str, Any] = {"format": FORMAT, "spacy": spacy.__version__,
                            "faster_heuristics": bool(tok.faster_heuristics), "rules": rules}
    for name, method in METHODS.items():
        fn = getattr(tok, name)
        owner = getattr(fn, "__self__", None)
        if fn is None:
            data[name] = None
        elif isinstance(owner, re.Pattern) and getattr(fn, "__name__", "") == method:
            data[name] = {"pattern": owner.pattern, "flags": owner.flags}
        else:
            raise TokenizerExportError(f"{name} is not re.Pattern.{method}: {fn!r}")
    return data


class SpacyTokenizer:
    """Fallback with RuleTokenizer's interface: spaCy's own tokenizer (imports spaCy)."""

    def __init__(self, reason: str = "") -> None:
        from plansjekk.nlp.pipeline import get_nlp

        self.reason = reason
        self._tokenizer: Any = get_nlp().tokenizer
        self.spacy_version = spacy_version()

    def __call__(self, text: str) -> Tokens:
        return [(t.text, t.idx) for t in self._tokenizer(text)]


def spacy_version() -> str:
    """spaCy's version from its about.py: importing spaCy costs ~0.7 s, importlib.metadata ~50 ms."""
    import importlib.util

    spec = importlib.util.find_spec("spacy")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        try:
            about = (Path(folder) / "about.py").read_text(encoding="utf-8")
        except OSError:
            continue
        m = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)", about, re.MULTILINE)
        if m:
            return m.group(1)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("spacy")
    except PackageNotFoundError:
        return "none"


def cache_path(directory: Path | None = None) -> Path:
    """Next to the Ordbank cache; keyed by spaCy version (the rules are spaCy's)."""
    directory = directory if directory is not None else ordbank.cache_dir()
    return directory / f"nb-tokenizer-spacy{spacy_version()}-f{FORMAT}.json"


def is_cached(directory: Path | None = None) -> bool:
    try:
        return cache_path(directory).stat().st_size > 0
    except OSError:
        return False


def build_rules() -> tuple[dict[str, Any], RuleTokenizer]:
    """Export spaCy's rules and check the rebuilt tokenizer against spaCy on probe texts;
    raises TokenizerExportError when they disagree."""
    from plansjekk.nlp.pipeline import get_nlp

    data = export_rules()
    rebuilt = RuleTokenizer(data)
    spacy_tokenizer: Any = get_nlp().tokenizer
    for text in [_PROBE, *(f"{key} ({key}), «{key}».{key}" for key in sorted(data["rules"]))]:
        expected = [(t.text, t.idx) for t in spacy_tokenizer(text)]
        if rebuilt(text) != expected:
            raise TokenizerExportError(f"rebuilt tokenizer differs from spaCy on {text!r}")
    data["derived"] = rebuilt.derived()
    return data, rebuilt


def load_or_build(directory: Path | None = None) -> RuleTokenizer:
    """Load the cached rules; export (importing spaCy) and cache them when missing or corrupt.
    A read-only cache folder is fine: the rules then live in memory for this process."""
    path = cache_path(directory)
    try:
        data = json.loads(path.read_bytes())
        if isinstance(data, dict) and data.get("format") == FORMAT:
            tokenizer = RuleTokenizer(data)
            if data.get("derived") != tokenizer.derived():  # a cache from before `derived` was kept
                data["derived"] = tokenizer.derived()
                try:
                    _write(path, data)
                except OSError:
                    pass  # a read-only cache: work it out again next time
            return tokenizer
    except (OSError, ValueError, LookupError, TypeError, AttributeError, re.error):
        pass
    data, tokenizer = build_rules()
    try:
        _write(path, data)
    except OSError:
        return tokenizer
    for stale in path.parent.glob("nb-tokenizer-*.json"):
        if stale.name != path.name:
            try:
                stale.unlink()
            except OSError:
                pass
    return tokenizer


def _write(path: Path, data: dict[str, Any]) -> None:
    write_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


_LOCK = threading.Lock()
_INSTANCE: Tokenizer | None = None


def get_tokenizer() -> Tokenizer:
    """The process-wide tokenizer: rules from the cache, else spaCy's own tokenizer."""
    global _INSTANCE
    if _INSTANCE is None:
        with _LOCK:
            if _INSTANCE is None:
                try:
                    _INSTANCE = load_or_build()
                except Exception as error:  # noqa: BLE001 - the product must keep working
                    _INSTANCE = SpacyTokenizer(reason=f"{type(error).__name__}: {error}")
    return _INSTANCE
