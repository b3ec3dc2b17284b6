"""The compiled-regex cache: a pattern read back from it is the pattern re.compile builds, and
a missing, corrupt or unwritable cache only costs the speed-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from plansjekk import regexcache
from plansjekk.cachedir import CACHE_ENV

PATTERNS = [
    (r"(?P<ord>\b(?:kommunestyret|bystyret)\s+(?:vedtok|har vedteke))\b", 2),
    (r"(?=[abk])(?:barn(?:e|a)?vern\w*|kommune(?:n|ns)?)", 2 | 8),
    (r"^[\[\(\{«\"'§%]|^[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]{2,}$", 0),
    (r"(\d{1,4})/(\d{2,4})|(?:sak|k-sak)\.?\s*(?P<nr>\d+)", 2),
]
TEXTS = ["Bystyret vedtok planen i sak 12/2024.", "barnevernet og kommunens helsestasjon",
         "«Sitat» § 15-1", "ÆØÅÉ", "K-sak 45"]


@pytest.fixture()
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new process's view: nothing read yet, nothing new, the cache under tmp_path."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(regexcache, "_entries", None)
    monkeypatch.setattr(regexcache, "_new", {})
    return tmp_path / "cache"


def _restart(monkeypatch: pytest.MonkeyPatch) -> None:
    regexcache.save()
    monkeypatch.setattr(regexcache, "_entries", None)
    monkeypatch.setattr(regexcache, "_new", {})


def _behaviour(pattern) -> list:
    return [[(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(t)] for t in TEXTS]


def test_patterns_read_back_equal_re_compile(fresh, monkeypatch):
    for pattern, flags in PATTERNS:
        regexcache.compile(pattern, flags)
    _restart(monkeypatch)
    assert regexcache.cache_path().is_file()
    assert set(regexcache._load()) == set(PATTERNS)
    for pattern, flags in PATTERNS:
        cached = regexcache.compile(pattern, flags)
        import re

        plain = re.compile(pattern, flags)
        assert cached == plain  # sre compares pattern, flags and program
        assert cached.groupindex == plain.groupindex and cached.groups == plain.groups
        assert _behaviour(cached) == _behaviour(plain)
    assert regexcache._new == {}  # all hits: nothing to write


def test_a_hit_does_not_compile(fresh, monkeypatch):
    regexcache.compile(*PATTERNS[0])
    _restart(monkeypatch)
    import re

    def refuse(*_args):
        raise AssertionError("a cached pattern must not be compiled again")

    monkeypatch.setattr(re, "compile", refuse)
    assert regexcache.compile(*PATTERNS[0]).pattern == PATTERNS[0][0]


def test_a_corrupt_cache_file_is_ignored(fresh, monkeypatch):
    regexcache.compile(*PATTERNS[1])
    _restart(monkeypatch)
    regexcache.cache_path().write_bytes(b"\x80\x05 garbage")
    monkeypatch.setattr(regexcache, "_entries", None)
    import re

    assert regexcache.compile(*PATTERNS[1]) == re.compile(*PATTERNS[1])


def test_a_program_python_refuses_is_compiled_afresh(fresh, monkeypatch):
    import re

    pattern, flags = PATTERNS[2]
    entries = regexcache._load()
    good = regexcache._program(pattern, flags)
    entries[(pattern, flags)] = (good[0], [999, 1, 2], *good[2:])  # not an sre program
    assert regexcache.compile(pattern, flags) == re.compile(pattern, flags)


def test_an_unwritable_cache_folder_still_compiles(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker))
    monkeypatch.setattr(regexcache, "_entries", None)
    monkeypatch.setattr(regexcache, "_new", {})
    import re

    assert regexcache.compile(*PATTERNS[3]) == re.compile(*PATTERNS[3])
    regexcache.save()  # must not raise
    assert blocker.read_text(encoding="utf-8") == "x"


def test_the_tokenizer_gives_the_same_tokens_from_the_cache(tmp_path):
    """Two fresh interpreters with one cache folder: the second reads spaCy's affix patterns
    from the cache and must tokenize exactly as the first."""
    text = ("Kommunen (v/ barnevernstjenesten) skal innen 01.03.2025 sende «Plan for 0–24-samarbeidet» "
            "til bystyret, jf. bvl. § 15-1; se www.kommune.no/plan og e-post post@kommune.no.")
    code = ("import json\nfrom plansjekk import regexcache\nfrom plansjekk.nlp.tokenizer import get_tokenizer\n"
            f"print(json.dumps([get_tokenizer()({text!r}), len(regexcache._load())]))")
    env = {**__import__("os").environ, CACHE_ENV: str(tmp_path / "cache")}
    lexicon = Path(regexcache.cache_path().parent.parent / "lexicon")  # reuse built lexicon/tokenizer caches
    if lexicon.is_dir():
        import shutil

        shutil.copytree(lexicon, tmp_path / "cache" / "lexicon")
    runs = [json.loads(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                      check=True).stdout.strip().splitlines()[-1]) for _ in range(2)]
    (first, read_first), (second, read_second) = runs
    assert first == second
    assert read_first == 0 and read_second > 0
