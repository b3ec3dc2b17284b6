"""Discovery: supported by extension or by content, each file once, junk left out but counted."""

from __future__ import annotations

import os

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
