"""Discovery: supported by extension or by content, each file once, junk left out but counted."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from pdfgen import PdfBuilder

from plansjekk.batch.discover import discover


def test_sniffing_dedupe_and_junk(tmp_path):
    builder = PdfBuilder(tmp_path / "vedlegg.aspx")
    builder.paragraph("Sandnes kommune")
    builder.save()
    (tmp_path / "side").write_text("<!DOCTYPE html><html><body><h1>Plan</h1></body></html>", encoding="utf-8")
    (tmp_path / "notat").write_text("Plan for forebygging\n", encoding="utf-8")
    (tmp_path / "tall.csv").write_text("a;b\n1;2\n", encoding="utf-8")
    (tmp_path / "gammel.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    (tmp_path / "plan.md").write_text("# Plan\n", encoding="utf-8")
    os.symlink(tmp_path / "plan.md", tmp_path / "lenke.md")
    (tmp_path / ".skjult.md").write_text("# skjult\n", encoding="utf-8")
    (tmp_path / "Thumbs.db").write_bytes(b"\x00")
    found = discover([str(tmp_path), str(tmp_path / ".skjult.md")])
    names = sorted(os.path.basename(f) for f in found.files)
    assert names == [".skjult.md", "lenke.md", "notat", "side", "vedlegg.aspx"]  # plan.md = lenke.md
    skipped = {os.path.basename(r.path): r.error.message for r in found.results}
    assert set(skipped) == {"tall.csv", "gammel.doc"}
    assert "«.csv» støttes ikke" in skipped["tall.csv"] and ".docx" in skipped["gammel.doc"]
    assert all(r.skipped and r.error.code == "ikke_stottet" for r in found.results)
    assert [os.path.basename(p) for p in found.ignored] == ["Thumbs.db"]


def _run_guarded(args: list[str], tmp_path, timeout: float = 60) -> subprocess.CompletedProcess:
    """`plansjekk sjekk ARGS` in a child, so a hang fails the test instead of stopping the suite."""
    env = {**os.environ, "PLANSJEKK_CACHE_DIR": os.environ.get("PLANSJEKK_CACHE_DIR", "")}
    script = ("import sys; from plansjekk.batch import cache; from pathlib import Path; "
              f"cache.cache_dir = lambda: Path({str(tmp_path / 'resultater')!r}); "
              "from plansjekk.cli import app; sys.argv = ['plansjekk', *sys.argv[1:]]; app()")
    if not env["PLANSJEKK_CACHE_DIR"]:
        env.pop("PLANSJEKK_CACHE_DIR")
    try:
        return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                              timeout=timeout, env=env, cwd=tmp_path)
    except subprocess.TimeoutExpired:
        pytest.fail(f"plansjekk {' '.join(args)} hung")


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"), reason="Unix only")
def test_fifo_device_and_link_to_dev_zero_are_listed_as_skipped_and_never_read(tmp_path):
    folder = tmp_path / "planer"
    folder.mkdir()
    (folder / "asker.md").write_text("# Plan for forebygging\n\nAsker kommune har mål for barna.\n",
                                     encoding="utf-8")
    os.mkfifo(folder / "rør.md")
    os.symlink("/dev/zero", folder / "null.pdf")
    os.mkfifo(tmp_path / "alene.txt")
    found = discover([str(folder), str(tmp_path / "alene.txt")])
    assert [os.path.basename(f) for f in found.files] == ["asker.md"]
    reasons = {os.path.basename(r.path): r.error for r in found.results}
    assert set(reasons) == {"rør.md", "null.pdf", "alene.txt"}
    assert all(e.code == "ikke_vanlig_fil" for e in reasons.values())
    assert "FIFO" in reasons["rør.md"].message and "tegnenhet" in reasons["null.pdf"].message
    run = _run_guarded(["sjekk", str(folder), str(tmp_path / "alene.txt"), "--format", "json", "--jobs", "1"],
                       tmp_path)
    documents = {os.path.basename(d["path"]): d for d in json.loads(run.stdout)["documents"]}
    assert documents["asker.md"]["error"] is None
    assert documents["rør.md"]["skipped"] and documents["null.pdf"]["skipped"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="Unix only")
@pytest.mark.parametrize("flag", ["--regler", "--overstyringer", "--kommuner", "--baseline"])
def test_fifo_as_rule_overrides_list_or_baseline_file_is_refused_at_once(tmp_path, flag):
    (tmp_path / "plan.md").write_text("# Plan\n\nAsker kommune.\n", encoding="utf-8")
    if flag == "--regler":
        (tmp_path / "regler").mkdir()
        os.mkfifo(tmp_path / "regler" / "BV999.yaml")
        given = tmp_path / "regler"
    else:
        given = tmp_path / "spesial.yaml"
        os.mkfifo(given)
    run = _run_guarded(["sjekk", str(tmp_path / "plan.md"), flag, str(given)], tmp_path)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("command", ["sjekk", "konfig"])
def test_file_name_over_255_characters_is_a_message_not_a_crash(tmp_path, monkeypatch, command):
    from typer.testing import CliRunner

    from plansjekk.cli import app

    monkeypatch.chdir(tmp_path)
    name = "plan-" + "a" * 300 + ".pdf"
    run = CliRunner().invoke(app, [command, name])
    assert run.exception is None or isinstance(run.exception, SystemExit), run.exception
    if command == "sjekk":
        assert run.exit_code == 3 and "for langt" in run.output


def _deny(monkeypatch, denied):
    """Make the OS refuse to list `denied` folders, as it does without read permission
    (chmod cannot show it when the tests run as root)."""
    real_scandir = os.scandir

    def scandir(path="."):
        if os.path.realpath(path) in {os.path.realpath(d) for d in denied}:
            raise PermissionError(13, "Ingen tilgang", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_unreadable_folder_and_sub_folder_are_listed(tmp_path, monkeypatch):
    (tmp_path / "planer" / "lukket").mkdir(parents=True)
    (tmp_path / "planer" / "asker.md").write_text("# Plan\n", encoding="utf-8")
    (tmp_path / "planer" / "lukket" / "baerum.md").write_text("# Plan\n", encoding="utf-8")
    (tmp_path / "sperret").mkdir()
    _deny(monkeypatch, [tmp_path / "planer" / "lukket", tmp_path / "sperret"])
    found = discover([str(tmp_path / "planer"), str(tmp_path / "sperret")])
    assert [os.path.basename(f) for f in found.files] == ["asker.md"]
    unreadable = {os.path.basename(r.path): r for r in found.results}
    assert set(unreadable) == {"lukket", "sperret"}
    assert all(r.error.code == "ingen_tilgang" and not r.skipped for r in unreadable.values())
    assert "kunne ikke leses" in unreadable["lukket"].error.message


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_sub_folder_with_real_permissions(tmp_path):
    (tmp_path / "lukket").mkdir()
    (tmp_path / "lukket" / "plan.md").write_text("# Plan\n", encoding="utf-8")
    os.chmod(tmp_path / "lukket", 0)
    try:
        found = discover([str(tmp_path)])
    finally:
        os.chmod(tmp_path / "lukket", 0o755)
    assert [r.error.code for r in found.results] == ["ingen_tilgang"]
