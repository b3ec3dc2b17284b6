"""The compiled-regex cache: a stored program gives the very pattern re.compile gives, a
broken or unwritable cache only costs the speed-up, and a bad pattern fails as re.compile's."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from plansjekk import regexcache
from plansjekk.cachedir import CACHE_ENV

PATTERNS = [
    (r"\b(?P<organ>kommunestyret|bystyret|heradsstyret)\s+(?:vedtok|handsama)\b", re.IGNORECASE),
    (r"^(?:\d+(?:\.\d+)*\.?\s+)?(mål|målsetjingar|visjon)\b", re.IGNORECASE | re.MULTILINE),
    (r"[^\W\d_]{3,}(?=\s*:)|«[^»]{5,}»", 0),
]
TEXT = ("1.2 Mål for arbeidet\nBystyret vedtok planen 12.03.2024. Kommunestyret handsama saka.\n"
        "Visjon: «Alle barn skal ha ein trygg oppvekst»")

needs_cpython_engine = pytest.mark.skipif(not regexcache.ENGINE, reason="no CPython regex engine here")


@pytest.fixture()
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder and no programs in memory, as in a new process."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(regexcache, "_programs", None)
    monkeypatch.setattr(regexcache, "_new", {})
    return tmp_path


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    assert [m.span() for m in a.finditer(TEXT)] == [m.span() for m in b.finditer(TEXT)]
    assert [m.groups() for m in a.finditer(TEXT)] == [m.groups() for m in b.finditer(TEXT)]


@needs_cpython_engine
def test_a_stored_program_gives_the_pattern_re_compile_gives(fresh, monkeypatch):
    for pattern, flags in PATTERNS:
        _same(regexcache.compile(pattern, flags), re.compile(pattern, flags))
    regexcache.save()
    assert regexcache.cache_file().exists()

    monkeypatch.setattr(regexcache, "_programs", None)  # a new process: only the file is left

    def no_compiling(*_args):
        raise AssertionError("a stored program must not be compiled again")

    monkeypatch.setattr(regexcache, "_compile", no_compiling)
    for pattern, flags in PATTERNS:
        _same(regexcache.compile(pattern, flags), re.compile(pattern, flags))


@needs_cpython_engine
def test_programs_are_kept_across_processes(tmp_path):
    env = dict(os.environ, **{CACHE_ENV: str(tmp_path)})
    code = ("import re, sys; from plansjekk import regexcache as r; "
            "p = r.compile(r'\\bplan(?:en|a)?\\b', re.I); "
            "print(sorted(k[1] for k in r._stored()), [m.span() for m in p.finditer('Plana og planen')])")
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert first.stdout.startswith("[] ")  # nothing stored before the first process ended
    assert second.stdout.startswith("['\\\\bplan(?:en|a)?\\\\b'] ")  # stored by the first
    assert first.stdout.split("] ", 1)[1] == second.stdout.split("] ", 1)[1] == "[(0, 5), (9, 15)]\n"


def test_a_corrupt_cache_file_is_passed_over(fresh):
    path = regexcache.cache_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle at all")
    pattern, flags = PATTERNS[0]
    _same(regexcache.compile(pattern, flags), re.compile(pattern, flags))


@needs_cpython_engine
def test_a_program_the_engine_refuses_is_compiled_afresh(fresh, monkeypatch):
    pattern, flags = PATTERNS[1]
    monkeypatch.setattr(regexcache, "_programs", {("", pattern, flags): ("x", 0, b"\xff\xff\xff\xff", 0, {}, ())})
    _same(regexcache.compile(pattern, flags), re.compile(pattern, flags))


def test_an_unwritable_cache_folder_only_costs_the_speed_up(fresh, monkeypatch):
    blocker = fresh / "regex"
    blocker.write_text("a file where the folder should be")
    pattern, flags = PATTERNS[2]
    _same(regexcache.compile(pattern, flags), re.compile(pattern, flags))
    regexcache.save()  # must not raise
    assert blocker.is_file()


def test_a_bad_pattern_fails_as_re_compile_fails(fresh):
    with pytest.raises(re.error, match="missing \\)"):
        regexcache.compile("(vedtak", 0)
    assert not regexcache._new


@needs_cpython_engine
def test_a_rewritten_pattern_is_stored_under_what_it_was_made_from(fresh, monkeypatch):
    made = []

    def make() -> str:
        made.append(1)
        return "(?=[bk])(?:kommunestyret|bystyret)"

    first = regexcache.compile_made("fast", "kommunestyret|bystyret", re.I, make)
    monkeypatch.setattr(regexcache, "_programs", None)
    regexcache.save()
    second = regexcache.compile_made("fast", "kommunestyret|bystyret", re.I, make)
    assert made == [1]  # the second time neither rewritten nor compiled
    assert first.pattern == second.pattern == "(?=[bk])(?:kommunestyret|bystyret)"
    assert second.findall("Bystyret og kommunestyret") == ["Bystyret", "kommunestyret"]


@needs_cpython_engine
def test_a_cache_grown_past_its_bound_starts_over_with_the_new_programs(fresh, monkeypatch):
    monkeypatch.setattr(regexcache, "MAX_PROGRAMS", 2)
    for pattern, flags in PATTERNS[:2]:
        regexcache.compile(pattern, flags)
    regexcache.save()
    regexcache.compile(*PATTERNS[2])
    regexcache.save()
    monkeypatch.setattr(regexcache, "_programs", None)
    assert [key[1] for key in regexcache._stored()] == [PATTERNS[2][0]]
