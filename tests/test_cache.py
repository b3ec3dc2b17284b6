"""The result cache: hits on unchanged files, misses after content, rule or settings changes."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from batch_fakes import called, install, plan_text, use_result_cache
from fixtures_results import batch_result
from pdfgen import PdfBuilder

from plansjekk import api
from plansjekk.batch.cache import ResultCache, clear_cache, settings_key
from plansjekk.engine.loader import default_pack_dir
from plansjekk.model import Status
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


@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_file_changed_while_checked_is_not_cached_under_its_old_hash(tmp_path, monkeypatch, jobs):
    install(monkeypatch, tmp_path)
    plans = [tmp_path / "asker.md", tmp_path / "baerum.md"][:jobs]
    for plan in plans:
        plan.write_text(plan_text("Asker"), encoding="utf-8")
        Path(f"{plan}.neste").write_text(plan_text("Asker", "BV101 mangler"), encoding="utf-8")
    first = api.run([str(p) for p in plans], Settings(jobs=jobs))
    for doc in first.documents:
        assert doc.findings[0].status == Status.MANGLER  # the verdict on what was read
        assert doc.sha256 is None and any("endret mens den ble sjekket" in w for w in doc.warnings)
    for plan in plans:
        plan.write_text(plan_text("Asker"), encoding="utf-8")  # the content hashed before the change
    second = api.run([str(p) for p in plans], Settings(jobs=jobs))
    assert second.extra["stats"]["cache_hits"] == 0
    assert all(d.findings[0].status == Status.OPPFYLT for d in second.documents)
    third = api.run([str(p) for p in plans], Settings(jobs=jobs))
    assert third.extra["stats"]["cache_hits"] == jobs and third.documents == second.documents


def test_warm_run_equals_cold_run_for_same_content_under_other_names(tmp_path, monkeypatch):
    use_result_cache(monkeypatch, tmp_path / "cache")
    builder = PdfBuilder(tmp_path / "mal.pdf")
    builder.heading("Plan for forebygging av omsorgssvikt og atferdsvansker")
    builder.paragraph("Kommunens mål er at alle barn og unge skal ha en trygg oppvekst. " * 4)
    content = builder.save().read_bytes()
    (tmp_path / "i-fjor").mkdir()
    (tmp_path / "i-fjor" / "asker-plan.pdf").write_bytes(content)
    (tmp_path / "i-aar").mkdir()
    (tmp_path / "i-aar" / "baerum-plan.docx").write_bytes(content)  # a PDF with a Word name
    (tmp_path / "i-aar" / "sandnes-plan.pdf").write_bytes(content)
    api.run([str(tmp_path / "i-fjor")], Settings(jobs=1))  # fills the cache for this content
    warm = api.run([str(tmp_path / "i-aar")], Settings(jobs=1))
    cold = api.run([str(tmp_path / "i-aar")], Settings(jobs=1, use_cache=False))
    assert [d.municipality for d in cold.documents] == ["Bærum", "Sandnes"]
    assert warm.documents == cold.documents
    assert (warm.extra["primary"], warm.extra["duplicates"]) == (cold.extra["primary"], cold.extra["duplicates"])
    assert any("baerum-plan.docx" in w for w in warm.documents[0].warnings)
    assert not any("asker" in w for d in warm.documents for w in d.warnings)


def test_code_and_rule_pack_contents_are_in_the_key(tmp_path, monkeypatch):
    from plansjekk.batch import cache

    package = tmp_path / "plansjekk"
    shutil.copytree(cache.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE_DIR", package)
    cache.code_fingerprint.cache_clear()
    before = settings_key(Settings())
    evaluate = package / "engine" / "evaluate.py"
    evaluate.write_text(evaluate.read_text(encoding="utf-8") + "\n# an engine change, same version\n",
                        encoding="utf-8")
    cache.code_fingerprint.cache_clear()
    after_code = settings_key(Settings())
    assert after_code != before
    pack = tmp_path / "regler"
    pack.mkdir()
    (pack / "fraser.txt").write_text("en frase\n", encoding="utf-8")  # not a rule file, but pack data
    with_pack = settings_key(Settings(rule_dirs=(pack,)))
    (pack / "fraser.txt").write_text("en annen frase\n", encoding="utf-8")
    assert settings_key(Settings(rule_dirs=(pack,))) != with_pack
    cache.code_fingerprint.cache_clear()


def test_full_cache_leaves_no_temporary_files(tmp_path, monkeypatch):
    use_result_cache(monkeypatch, tmp_path)
    real_write_text = Path.write_text

    def disk_full(self, data, *args, **kwargs):  # noqa: ANN001, ANN202 - Path.write_text's signature
        if self.suffix == ".tmp":
            real_write_text(self, "", *args, **kwargs)  # the file is created, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write_text(self, data, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", disk_full)
    cache = ResultCache(Settings())
    for doc in batch_result().documents:
        cache.put(doc.sha256 or "e" * 64, doc)
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]
    assert cache.get("e" * 64, "plan.pdf") is None
