"""Decompression and memory caps: a small hostile file cannot take gigabytes."""

from __future__ import annotations

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
