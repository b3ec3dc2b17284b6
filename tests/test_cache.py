"""The result cache: hits on unchanged files, misses after content, rule or settings changes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from batch_fakes import called, install, plan_text, use_result_cache
from fixtures_results import batch_result

from plansjekk import api
from plansjekk.batch.cache import ResultCache, clear_cache, settings_key
from plansjekk.engine.loader import default_pack_dir
from plansjekk.settings import Limits, Settings


def test_round_trip_keeps_every_field(tmp_path, monkeypatch):
    use_result_cache(monkeypatch, tmp_path)
    cache = ResultCache(Settings())
    for doc in batch_result().documents:  # overrides, suppressions, adoption, errors
        key = doc.sha256 or "f" * 64
        cache.put(key, doc)
        assert cache.get(key, "flyttet/" + doc.path) == replace(doc, path="flyttet/" + doc.path, sha256=key)
    assert cache.get("0" * 64, "x.pdf") is None


def test_corrupt_entry_is_ignored(tmp_path, monkeypatch):
    use_result_cache(monkeypatch, tmp_path)
    doc = batch_result().documents[0]
    cache = ResultCache(Settings())
    cache.put(doc.sha256, doc)
    entry = next((tmp_path / "results").glob("*/*.json"))
    entry.write_text("{ikke json", encoding="utf-8")
    assert cache.get(doc.sha256, doc.path) is None
    assert clear_cache() == 1
    assert not list((tmp_path / "results").glob("*/*.json"))


def test_rerun_hits_cache_and_content_change_misses(tmp_path, monkeypatch):
    calls = install(monkeypatch, tmp_path)
    folder = tmp_path / "planer"
    folder.mkdir()
    for name in ("asker", "baerum", "drammen"):
        (folder / f"{name}.md").write_text(plan_text(name.capitalize()), encoding="utf-8")
    first = api.run([str(folder)], Settings(jobs=2))
    assert len(called(calls)) == 3
    second = api.run([str(folder)], Settings(jobs=2))
    assert len(called(calls)) == 3  # nothing checked again
    assert second.extra["stats"]["mode"] == "none" and second.extra["stats"]["cache_hits"] == 3
    assert second.documents == first.documents
    (folder / "asker.md").write_text(plan_text("Asker", "BV101 mangler"), encoding="utf-8")
    third = api.run([str(folder)], Settings(jobs=2))
    assert [Path(p).name for p in called(calls)[3:]] == ["asker.md"]
    assert third.documents[0].findings[0].status.value == "mangler"
    api.run([str(folder)], Settings(jobs=2, use_cache=False))  # --no-cache checks everything
    assert len(called(calls)) == 7


def test_rule_or_settings_change_invalidates(tmp_path, monkeypatch):
    install(monkeypatch, tmp_path)
    pack = tmp_path / "regler"
    shutil.copytree(default_pack_dir(), pack)
    extra = Settings(rule_dirs=(pack,))
    before = settings_key(extra)
    assert settings_key(Settings(lang="en")) != settings_key(Settings())
    assert settings_key(Settings(limits=Limits(max_pages=10))) != settings_key(Settings())
    assert settings_key(Settings(select=("BV101",))) != settings_key(Settings())
    rule = pack / "BV101-maal.yaml"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# endret\n", encoding="utf-8")
    from plansjekk.engine.loader import _load_all

    _load_all.cache_clear()
    assert settings_key(extra) != before


def test_all_hits_start_no_workers_and_import_no_nlp(tmp_path, monkeypatch):
    use_result_cache(monkeypatch, tmp_path / "cache")
    folder = tmp_path / "planer"
    folder.mkdir()
    for name in ("asker", "baerum"):
        (folder / f"{name}.md").write_text(plan_text(name.capitalize(), "Kommunens mål er trygge barn."),
                                           encoding="utf-8")
    api.run([str(folder)], Settings(jobs=2))
    script = ("import sys; from pathlib import Path; from plansjekk import api; "
              "from plansjekk.batch import cache; from plansjekk.settings import Settings; "
              f"cache.cache_dir = lambda: Path({str(tmp_path / 'cache')!r}); "
              f"r = api.run([{str(folder)!r}], Settings(jobs=2)); "
              "print(r.extra['stats']['mode'], r.extra['stats']['cache_hits'], 'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env={**os.environ}, check=True).stdout.split()
    assert out == ["none", "2", "False"]
