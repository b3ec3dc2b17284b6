"""The batch runner: nothing lost, and a crashing or hanging document does not stop the batch."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from batch_fakes import called, install, plan_text, use_result_cache
from docx import Document as DocxDocument
from openpyxl import Workbook
from pdfgen import PdfBuilder

from plansjekk import api
from plansjekk.settings import Settings

SANDNES = plan_text("Sandnes", "Kommunens mål er at alle barn skal ha en trygg oppvekst.",
                    "Helsestasjonen har ansvar for foreldreveiledning.")


def _pdf(path: Path, municipality: str, encrypt: str | None = None) -> Path:
    builder = PdfBuilder(path, encrypt=encrypt)
    builder.heading(f"Plan for forebygging – {municipality} kommune")
    builder.paragraph("Kommunens mål er at alle barn og unge skal ha en trygg oppvekst. " * 5)
    return builder.save()


def mixed_folder(root: Path) -> dict[str, str]:
    """Plans, broken, encrypted, empty and unsupported files; returns name → expected outcome."""
    (root / "sub").mkdir(parents=True)
    (root / "sandnes.md").write_text(SANDNES, encoding="utf-8")
    doc = DocxDocument()
    doc.add_heading("Førebyggande plan for Voss herad", 1)
    doc.add_paragraph("Måla for arbeidet er at alle barn skal ha ein trygg oppvekst.")
    doc.save(root / "sub" / "voss.docx")
    _pdf(root / "sub" / "hole.pdf", "Hole")
    full = _pdf(root / "whole.pdf", "Moss").read_bytes()
    (root / "whole.pdf").unlink()
    (root / "avkuttet.pdf").write_bytes(full[: len(full) // 3])
    _pdf(root / "kryptert.pdf", "Lund", encrypt="hemmelig")
    (root / "tom.pdf").write_bytes(b"")
    (root / "bilde.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    Workbook().save(root / "tabell.xlsx")
    with zipfile.ZipFile(root / "arkiv.zip", "w") as archive:
        archive.writestr("a.txt", "hei")
    (root / "~$voss.docx").write_bytes(b"lock")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return {"sandnes.md": "checked", "sub/voss.docx": "checked", "sub/hole.pdf": "checked",
            "avkuttet.pdf": "korrupt", "kryptert.pdf": "kryptert", "tom.pdf": "tom",
            "bilde.png": "ikke_stottet", "tabell.xlsx": "ikke_stottet", "arkiv.zip": "ikke_stottet"}


@pytest.mark.slow
def test_mixed_folder_every_file_once_with_real_engine(tmp_path, monkeypatch):
    use_result_cache(monkeypatch, tmp_path / "cache")
    expected = mixed_folder(tmp_path / "planer")
    result = api.run([str(tmp_path / "planer"), str(tmp_path / "planer" / "sandnes.md")],
                     Settings(jobs=2, timeout=120))
    got = {Path(d.path).relative_to(tmp_path / "planer").as_posix(): d for d in result.documents}
    assert sorted(got) == sorted(expected)  # counts in = counts out, each once, no lock/.git files
    for name, outcome in expected.items():
        doc = got[name]
        if outcome == "checked":
            assert doc.error is None and doc.findings, name
        else:
            assert doc.error is not None and doc.error.code == outcome, (name, doc.error)
            assert doc.skipped == (outcome == "ikke_stottet")
    assert got["sandnes.md"].municipality == "Sandnes"
    assert got["sub/voss.docx"].municipality == "Voss"
    assert [d.path for d in result.documents] == sorted(d.path for d in result.documents)
    assert result.extra["ignored"] == [str(tmp_path / "planer" / "~$voss.docx")]
    assert api.exit_code(result, "aldri") == 3  # unreadable files, nothing worse counted


@pytest.mark.slow
def test_crash_and_hang_do_not_stop_the_batch(tmp_path, monkeypatch):
    install(monkeypatch, tmp_path)
    folder = tmp_path / "planer"
    folder.mkdir()
    marker = {"krasj-her": "CRASH", "heng-her": "SLEEP", "minne-her": "MEMORY"}
    for name in ("asker", "baerum", "krasj-her", "heng-her", "drammen", "minne-her"):
        (folder / f"{name}.md").write_text(plan_text(name.capitalize(), marker.get(name, "")), encoding="utf-8")
    result = api.run([str(folder)], Settings(jobs=2, timeout=3, use_cache=False))
    codes = {Path(d.path).stem: (d.error.code if d.error else "ok") for d in result.documents}
    assert codes == {"asker": "ok", "baerum": "ok", "drammen": "ok", "krasj-her": "krasj",
                     "heng-her": "tidsavbrudd", "minne-her": "for_stor"}
    messages = {Path(d.path).stem: d.error.message for d in result.documents if d.error}
    assert "3 sekunder" in messages["heng-her"] and "--tidsgrense" in messages["heng-her"]
    assert "stoppet uventet" in messages["krasj-her"]
    assert result.extra["stats"]["workers_started"] >= 4  # two replaced after crash and hang
    assert api.exit_code(result, "feil") == 3


def test_engine_exception_becomes_a_result_in_process(tmp_path, monkeypatch):
    install(monkeypatch, tmp_path)
    (tmp_path / "a.md").write_text(plan_text("Asker", "BROKEN"), encoding="utf-8")
    (tmp_path / "b.md").write_text(plan_text("Bærum"), encoding="utf-8")
    result = api.run([str(tmp_path / "a.md"), str(tmp_path / "b.md")], Settings(jobs=1, use_cache=False))
    assert result.extra["stats"]["mode"] == "in-process"
    first, second = result.documents
    assert first.error.code == "krasj" and "ValueError" in first.error.message
    assert second.error is None and second.municipality == "Bærum"


def test_in_process_timeout(tmp_path, monkeypatch):
    install(monkeypatch, tmp_path)
    (tmp_path / "treg.md").write_text(plan_text("Asker", "SLEEP"), encoding="utf-8")
    result = api.run([str(tmp_path / "treg.md")], Settings(jobs=1, timeout=0.5, use_cache=False))
    assert result.documents[0].error.code == "tidsavbrudd"


@pytest.mark.slow
def test_missing_paths_and_globs(tmp_path, monkeypatch):
    calls = install(monkeypatch, tmp_path)
    for name in ("a.md", "b.md", "c.txt"):
        (tmp_path / name).write_text(plan_text("Asker"), encoding="utf-8")
    result = api.run([str(tmp_path / "*.md"), str(tmp_path / "a.md"), str(tmp_path / "finnes-ikke.pdf"),
                      str(tmp_path / "ingen*.docx")], Settings(jobs=2, use_cache=False))
    outcome = {Path(d.path).name: d.error.code if d.error else "ok" for d in result.documents}
    assert outcome == {"a.md": "ok", "b.md": "ok", "finnes-ikke.pdf": "ikke_funnet", "ingen*.docx": "ikke_funnet"}
    assert sorted(Path(p).name for p in called(calls)) == ["a.md", "b.md"]  # a.md checked once


@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_exit_code_reflects_worst_outcome(tmp_path, monkeypatch, jobs):
    install(monkeypatch, tmp_path)
    (tmp_path / "god.md").write_text(plan_text("Asker"), encoding="utf-8")
    (tmp_path / "svak.md").write_text(plan_text("Bærum", "BV105 mangler"), encoding="utf-8")
    (tmp_path / "tom.md").write_text("", encoding="utf-8")
    result = api.run([str(tmp_path / "god.md"), str(tmp_path / "svak.md")], Settings(jobs=jobs))
    assert api.exit_code(result, "feil") == 1
    result = api.run([str(tmp_path / "god.md"), str(tmp_path / "tom.md")], Settings(jobs=jobs))
    assert result.documents[1].error.code == "tom"
    assert api.exit_code(result, "feil") == 3
