"""Every kind of bad input gives an ExtractionError with a stable code and a Norwegian message."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from plansjekk import api
from plansjekk.errors import ExtractionError
from plansjekk.settings import Limits


def make_docx(path: Path, text: str = "Kommunen skal samarbeide med frivillige.") -> Path:
    d = docx.Document()
    d.add_heading("Samarbeid", 1)
    d.add_paragraph(text)
    d.save(path)
    return path


def rewrite_zip(source: Path, target: Path, replace: dict[str, bytes] | None = None,
                add: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()) -> Path:
    """Copy a zip, replacing, adding or dropping parts."""
    replace, add = replace or {}, add or {}
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for name, data in add.items():
            dst.writestr(name, data)
    return target


def make_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.setFont("Helvetica-Bold", 18)
    c.drawString(72, 760, "Plan for forebygging")
    c.setFont("Helvetica", 11)
    c.drawString(72, 730, "Kommunen skal samarbeide med frivillige organisasjoner.")
    c.showPage()
    c.save()
    return path


def error_for(path: Path, limits: Limits | None = None) -> ExtractionError:
    with pytest.raises(ExtractionError) as info:
        api.extract(path, limits)
    error = info.value
    assert error.message and error.message[0].isupper()
    assert "Traceback" not in error.message
    return error


def test_missing_file(tmp_path):
    assert error_for(tmp_path / "finnes-ikke.pdf").code == "ikke_funnet"


def test_folder_is_not_a_file(tmp_path):
    assert error_for(tmp_path).code == "ikke_funnet"


def test_empty_file(tmp_path):
    path = tmp_path / "tom.docx"
    path.write_bytes(b"")
    error = error_for(path)
    assert error.code == "tom" and "tom" in error.message


def test_whitespace_only_text_file(tmp_path):
    path = tmp_path / "tom.txt"
    path.write_text("   \n\n  \n")
    assert error_for(path).code == "tom"


def test_docx_without_text_is_empty(tmp_path):
    path = tmp_path / "blank.docx"
    docx.Document().save(path)
    assert error_for(path).code == "tom"


def test_file_over_size_limit_names_size_limit_and_option(tmp_path):
    path = tmp_path / "stor.txt"
    path.write_text("Kommunen skal samarbeide.\n" * 12_000)
    error = error_for(path, Limits(max_bytes=200 * 1024))
    assert error.code == "for_stor"
    assert "--maks-mb" in error.message and "0,3 MB" in error.message and "0,2 MB" in error.message


def test_png_is_unsupported(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    error = error_for(path)
    assert error.code == "ukjent_format" and "PNG" in error.message and "PDF" in error.message


def test_xlsx_is_unsupported(tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "plan.docx"
    workbook = Workbook()
    workbook.active["A1"] = "Tiltak"
    workbook.save(path)
    error = error_for(path)
    assert error.code == "ukjent_format" and "Excel" in error.message


def test_binary_garbage_is_unsupported(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(bytes((i * 37 + 11) % 256 for i in range(5000)))
    error = error_for(path)
    assert error.code == "ukjent_format" and "Støttede formater" in error.message


def test_old_word_format_gets_advice(tmp_path):
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    error = error_for(path)
    assert error.code == "ukjent_format" and ".docx" in error.message


def test_password_protected_docx_is_encrypted(tmp_path):
    path = tmp_path / "hemmelig.docx"  # Word stores encrypted .docx files in an OLE container
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    error = error_for(path)
    assert error.code == "kryptert" and "passord" in error.message


def test_truncated_docx_is_corrupt(tmp_path):
    data = make_docx(tmp_path / "hel.docx").read_bytes()
    path = tmp_path / "avkuttet.docx"
    path.write_bytes(data[: len(data) // 2])
    assert error_for(path).code == "korrupt"


def test_docx_with_broken_xml_is_corrupt(tmp_path):
    source = make_docx(tmp_path / "hel.docx")
    path = rewrite_zip(source, tmp_path / "ødelagt.docx",
                       replace={"word/document.xml": b"<w:document><w:body><w:p>uferdig"})
    error = error_for(path)
    assert error.code == "korrupt" and "Word" in error.message


def test_docx_without_content_types_is_corrupt(tmp_path):
    source = make_docx(tmp_path / "hel.docx")
    path = rewrite_zip(source, tmp_path / "mangler.docx", drop=("[Content_Types].xml",))
    assert error_for(path).code == "korrupt"


def test_zip_bomb_part_is_refused_before_inflating(tmp_path):
    source = make_docx(tmp_path / "hel.docx")
    path = rewrite_zip(source, tmp_path / "bombe.docx", add={"word/media/fyll.bin": bytes(30 * 1024 * 1024)})
    assert path.stat().st_size < 200_000
    error = error_for(path)
    assert error.code == "zipbombe" and "zip-bombe" in error.message


def test_unzipped_size_limit(tmp_path):
    source = make_docx(tmp_path / "hel.docx")
    path = rewrite_zip(source, tmp_path / "stor.docx", add={"word/media/fyll.bin": bytes(3 * 1024 * 1024)})
    assert error_for(path, Limits(max_unzipped_bytes=1024 * 1024)).code == "zipbombe"
    assert api.extract(path).sections[0].heading == "Samarbeid"  # fine under the default limit


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""


def test_xml_entity_expansion_is_refused(tmp_path):
    source = make_docx(tmp_path / "hel.docx")
    path = rewrite_zip(source, tmp_path / "latter.docx", replace={"word/document.xml": BILLION_LAUGHS})
    error = error_for(path)
    assert error.code == "usikker_xml" and "DOCTYPE" in error.message


def test_entity_declaration_in_utf16_part_is_refused(tmp_path):
    source = make_docx(tmp_path / "hel.docx")
    styles = BILLION_LAUGHS.decode().replace('<?xml version="1.0"?>', "").encode("utf-16")
    path = rewrite_zip(source, tmp_path / "latter16.docx", replace={"word/styles.xml": styles})
    assert error_for(path).code == "usikker_xml"


def test_docx_named_pdf_is_read_as_docx_with_warning(tmp_path):
    path = make_docx(tmp_path / "plan.pdf")
    doc = api.extract(path)
    assert doc.format == "docx"
    assert doc.sections[0].paragraphs[0].text == "Kommunen skal samarbeide med frivillige."
    assert any("plan.pdf" in w and "Word" in w for w in doc.warnings)


def test_pdf_named_docx_is_read_as_pdf_with_warning(tmp_path):
    path = make_pdf(tmp_path / "plan.docx")
    doc = api.extract(path)
    assert doc.format == "pdf"
    assert "samarbeide med frivillige" in doc.text
    assert any("plan.docx" in w and "PDF" in w for w in doc.warnings)


def test_truncated_pdf_never_raises_anything_else(tmp_path):
    data = make_pdf(tmp_path / "hel.pdf").read_bytes()
    path = tmp_path / "avkuttet.pdf"
    path.write_bytes(data[:200])
    try:
        api.extract(path)
    except ExtractionError as error:
        assert error.code and error.message


def test_extractor_bug_becomes_corrupt(tmp_path, monkeypatch):
    import plansjekk.extract.text as text_module

    def broken(path, limits):
        raise IndexError("boom")

    monkeypatch.setattr(text_module, "extract_plain", broken)
    path = tmp_path / "plan.txt"
    path.write_text("Litt tekst.\n")
    error = error_for(path)
    assert error.code == "korrupt" and "boom" not in error.message


def test_pathological_markdown_is_read_without_backtracking_blow_up(tmp_path):
    """Inputs that make backtracking regexes explode; read in linear time here."""
    path = tmp_path / "vond.md"
    path.write_text("# Plan\n\n" + "*a" * 50_000 + "\n\n" + "[" * 50_000 + "\n\n" + "[a](" * 20_000
                    + "\n\n" + "`" * 50_000 + "\n\n" + "<!--" * 20_000
                    + "\n\n| " + "-|" * 20_000 + "\n" + " " * 100_000 + "#\n")
    doc = api.extract(path)
    assert doc.sections[0].heading == "Plan"


def test_deeply_nested_html_does_not_crash(tmp_path):
    path = tmp_path / "dyp.html"
    path.write_text("<html><body>" + "<div>" * 5000 + "Dypt innhold." + "</div>" * 5000 + "</body></html>")
    doc = api.extract(path)
    assert "Dypt innhold." in doc.text


def test_zip_entry_stream_is_not_needed_for_sniffing(tmp_path):
    """A zip whose only part is not a Word document is refused from the directory alone."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    path = tmp_path / "plan.odt"
    path.write_bytes(buffer.getvalue())
    error = error_for(path)
    assert error.code == "ukjent_format" and "OpenDocument" in error.message


def test_text_far_longer_than_a_plan_is_refused(tmp_path):
    from plansjekk.api import extract
    from plansjekk.errors import ExtractionError
    from plansjekk.settings import Limits

    path = tmp_path / "lang.txt"
    path.write_text("Plan for forebygging\n\n" + "Barn og unge skal ha det trygt. " * 2000, encoding="utf-8")
    with pytest.raises(ExtractionError) as error:
        extract(path, Limits(max_chars=10_000))
    assert error.value.code == "for_stor" and "tegn" in error.value.message
