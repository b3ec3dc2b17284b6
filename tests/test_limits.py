"""Decompression and memory caps: a small hostile file cannot take gigabytes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from batch_fakes import install, plan_text

from plansjekk import api
from plansjekk.errors import ExtractionError
from plansjekk.settings import Limits, Settings


def flate_bomb_pdf(path: Path, inflated_mb: int) -> Path:
    """One page whose content stream is a line of text and then `inflated_mb` MB of spaces."""
    content = b"BT /F1 12 Tf 72 700 Td (Plan for forebygging i Asker kommune) Tj ET\n" + b" " * (inflated_mb << 20)
    packed = zlib.compress(content, 1)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_pdf_stream_inflating_past_the_cap_is_refused_before_pdfium(tmp_path):
    bomb = flate_bomb_pdf(tmp_path / "bombe.pdf", 140)  # past the 128 MB cap per stream
    assert bomb.stat().st_size < 1_000_000  # and pdfium alone would have inflated it whole
    with pytest.raises(ExtractionError) as caught:
        api.extract(bomb)
    assert caught.value.code == "for_stor" and "komprimeringsbombe" in caught.value.message
    small = flate_bomb_pdf(tmp_path / "liten.pdf", 1)  # the same shape, inflating to 1 MB, reads
    assert "Asker kommune" in api.extract(small).text


def test_all_pdf_streams_together_are_capped(tmp_path):
    path = flate_bomb_pdf(tmp_path / "plan.pdf", 3)
    with pytest.raises(ExtractionError) as caught:
        api.extract(path, Limits(max_unzipped_bytes=2 << 20))
    assert caught.value.code == "for_stor"


def test_docx_xml_part_compressed_under_100x_is_capped(tmp_path):
    source = tmp_path / "kilde.docx"
    document = docx.Document()
    document.add_paragraph("Plan for forebygging")
    document.save(source)
    paragraphs = "".join(f"<w:p><w:r><w:t>Avsnitt {n}: tiltak {n * 7919 % 10007} for barn i alder {n % 18}."
                         "</w:t></w:r></w:p>" for n in range(8000))  # varied: compresses far less than a bomb
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
           '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + paragraphs + "</w:body></w:document>")
    target = tmp_path / "plan.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, xml.encode() if info.filename == "word/document.xml" else src.read(info))
    with zipfile.ZipFile(target) as archive:
        info = archive.getinfo("word/document.xml")
    assert info.file_size > 512 << 10 and info.file_size / info.compress_size < 100
    with pytest.raises(ExtractionError) as caught:
        api.extract(target, Limits(max_xml_bytes=256 << 10))
    assert caught.value.code == "zipbombe" and "word/document.xml" in caught.value.message
    assert len(api.extract(target).sections[0].paragraphs) == 8000  # fine under the default caps


@pytest.mark.slow
def test_worker_memory_is_capped_with_a_norwegian_message_and_exit_3(tmp_path, monkeypatch):
    install(monkeypatch, tmp_path)
    (tmp_path / "asker.md").write_text(plan_text("Asker"), encoding="utf-8")
    (tmp_path / "baerum.md").write_text(plan_text("Bærum", "HOG"), encoding="utf-8")
    result = api.run([str(tmp_path / "asker.md"), str(tmp_path / "baerum.md")],
                     Settings(jobs=2, use_cache=False, limits=Limits(max_worker_bytes=1 << 30)))
    asker, baerum = result.documents
    assert asker.error is None
    assert baerum.error.code == "for_stor" and "for mye minne" in baerum.error.message
    assert api.exit_code(result, "aldri") == 3


def test_uttrekk_has_a_time_limit(tmp_path, monkeypatch):
    import time

    from plansjekk.extract import text

    def slow(path, limits):  # noqa: ANN001, ANN202 - an extractor stuck on a hostile file
        time.sleep(30)

    monkeypatch.setattr(text, "extract_markdown", slow)
    (tmp_path / "plan.md").write_text("# Plan\n\nTekst.\n", encoding="utf-8")
    with pytest.raises(ExtractionError) as caught:
        api.extract(tmp_path / "plan.md", timeout=0.5)
    assert caught.value.code == "tidsavbrudd" and "--tidsgrense" in caught.value.message


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "killpg"), reason="Unix only")
@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_workers_end_when_the_main_process_is_killed(tmp_path, how):
    folder = tmp_path / "planer"
    folder.mkdir()
    for name in ("asker", "baerum", "drammen"):
        (folder / f"{name}.md").write_text(plan_text(name.capitalize(), "SLEEP"), encoding="utf-8")
    calls = tmp_path / "calls.txt"
    script = ("import sys; sys.path.insert(0, sys.argv[1]); import batch_fakes; from plansjekk import api; "
              "from plansjekk.settings import Settings; api.check_document = batch_fakes.check; "
              "api.run([sys.argv[2]], Settings(jobs=2, use_cache=False, timeout=600))")
    env = {**os.environ, "BATCH_FAKES_CALLS": str(calls)}
    main = subprocess.Popen([sys.executable, "-c", script, str(Path(__file__).parent), str(folder)], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(calls.read_text().splitlines() if calls.exists() else []) < 2:
        time.sleep(0.2)
    workers = [int(line.split("\t")[1]) for line in calls.read_text().splitlines()]
    assert len(workers) == 2 and main.pid not in workers
    main.send_signal(getattr(signal, how))
    main.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    alive = [pid for pid in workers if _alive(pid)]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, "workers outlived the main process"


def _alive(pid: int) -> bool:
    """Running (not a zombie waiting for a parent that is gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
