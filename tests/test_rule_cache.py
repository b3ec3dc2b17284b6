"""The rule-set cache: a hit gives the same rules, an edited rule file or a broken cache is
never served, and an unwritable cache folder only costs the speed-up."""

from __future__ import annotations

import shutil
from dataclasses import asdict
from pathlib import Path

import pytest

from plansjekk.cachedir import CACHE_ENV
from plansjekk.engine import rulecache
from plansjekk.engine.loader import _load_all, default_pack_dir
from plansjekk.errors import RuleFileError


@pytest.fixture()
def pack(tmp_path: Path) -> Path:
    folder = tmp_path / "pakke"
    shutil.copytree(default_pack_dir(), folder)
    return folder


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(root))
    _load_all.cache_clear()
    yield root
    _load_all.cache_clear()


def _fresh(folders: tuple[Path, ...]):
    """Load as a new process would: nothing in memory, only what is on disk."""
    _load_all.cache_clear()
    return _load_all(folders)


def _dump(ruleset) -> list[dict]:
    return [asdict(rule) for rule in ruleset.rules]


def test_a_second_load_comes_from_the_cache_and_equals_the_first(pack, cache, monkeypatch):
    first = _fresh((pack,))
    files = list((cache / "rules").glob("ruleset-*.pickle"))
    assert len(files) == 1
    from plansjekk.engine import loader

    def no_yaml(*_args, **_kwargs):
        raise AssertionError("a cache hit must not read the rule files")

    monkeypatch.setattr(loader, "load_pack", no_yaml)
    second = _fresh((pack,))
    assert second is not first
    assert _dump(second) == _dump(first)
    assert second.vocabulary == first.vocabulary and second.fingerprint == first.fingerprint
    assert second.exclusions.patterns == first.exclusions.patterns


def test_an_edited_rule_file_is_loaded_again(pack, cache):
    before = _fresh((pack,))
    rule_file = pack / "BV101-maal.yaml"
    old = next(r for r in before.rules if r.code == "BV101").name
    rule_file.write_text(rule_file.read_text(encoding="utf-8").replace(f"name: {old}", "name: endret_navn", 1),
                         encoding="utf-8")
    after = _fresh((pack,))
    assert next(r for r in after.rules if r.code == "BV101").name == "endret_navn"
    assert len(list((cache / "rules").glob("ruleset-*.pickle"))) == 2


def test_a_broken_rule_file_is_an_error_every_time_and_never_cached(pack, cache):
    (pack / "BV101-maal.yaml").write_text("code: BV101\nname: [\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleFileError):
            _fresh((pack,))
    assert not list((cache / "rules").glob("ruleset-*.pickle"))


def test_a_corrupt_cache_file_is_ignored_and_replaced(pack, cache):
    good = _dump(_fresh((pack,)))
    path = rulecache.cache_file((pack,))
    path.write_bytes(b"not a pickle")
    assert _dump(_fresh((pack,))) == good
    assert path.read_bytes() != b"not a pickle"


def test_a_cache_file_holding_something_else_is_ignored(pack, cache):
    import pickle

    good = _dump(_fresh((pack,)))
    rulecache.cache_file((pack,)).write_bytes(pickle.dumps({"not": "a rule set"}))
    assert _dump(_fresh((pack,))) == good


def test_an_unwritable_cache_folder_still_loads_the_rules(pack, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file-not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker))
    try:
        rules = _fresh((pack,))
        again = _fresh((pack,))
    finally:
        _load_all.cache_clear()
    assert {r.code for r in rules.rules} >= {"BV101", "BV105", "BV301"}
    assert _dump(again) == _dump(rules)


def test_old_cache_files_are_pruned(pack, cache, monkeypatch):
    monkeypatch.setattr(rulecache, "KEEP", 2)
    rule_file = pack / "BV101-maal.yaml"
    text = rule_file.read_text(encoding="utf-8")
    for n in range(4):
        rule_file.write_text(text + f"\n# endring {n}\n", encoding="utf-8")
        _fresh((pack,))
    assert len(list((cache / "rules").glob("ruleset-*.pickle"))) == 2


def test_a_fifo_among_the_rule_files_is_refused_not_waited_on(pack, cache):
    """The cache key reads every rule file: a FIFO must not block it (the loader names it)."""
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("Unix only")
    os.mkfifo(pack / "BV999.yaml")
    with pytest.raises(RuleFileError):
        _fresh((pack,))


def test_a_check_with_warm_caches_reads_no_yaml(tmp_path):
    """The rule set, the type table and the adoption phrases all come from the cache on the second
    run, so PyYAML (tens of milliseconds to import) is never loaded."""
    import os
    import subprocess
    import sys

    plan = tmp_path / "plan.md"
    plan.write_text("# Plan for forebygging av omsorgssvikt og atferdsvansker\n\n## Mål\n"
                    "Vi skal gi hjelp tidlig. Planen ble vedtatt av kommunestyret 12.03.2024.\n", encoding="utf-8")
    script = ("import sys\nfrom plansjekk.api import check_document\n"
              f"check_document({str(plan)!r})\nprint('yaml' in sys.modules)\n")
    env = dict(os.environ, **{CACHE_ENV: str(tmp_path / "cache")})
    runs = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
            for _ in range(2)]
    assert [r.stdout.strip() for r in runs] == ["True", "False"], [r.stderr[-500:] for r in runs]
