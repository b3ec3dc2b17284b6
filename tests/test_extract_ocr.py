"""Scanned pages: read by tesseract where it is installed, a clear error where it is not.

The OCR tests need Debian's tesseract-ocr and tesseract-ocr-nor (.ci/run installs them) and
the `ocr` extra; without them they skip, and the tests of the error path still run.
"""

from __future__ import annotations

import json

import pytest
from pdfgen import PdfBuilder, concatenate, scanned_copy
from typer.testing import CliRunner

from plansjekk.api import check_document, extract
from plansjekk.cli import app
from plansjekk.errors import ExtractionError
from plansjekk.extract import ocr

needs_ocr = pytest.mark.skipif(ocr.unavailable_reason() is not None,
                               reason=f"OCR er ikke tilgjengelig: {ocr.unavailable_reason()}")


def _plan(path, *, with_adoption: bool):
    pdf = PdfBuilder(path, title="Plan for forebygging")
    pdf.heading("Plan for forebygging av omsorgssvikt og atferdsvansker", size=20)
    pdf.paragraph("Rendalen kommune 2025–2029")
    pdf.heading("1 Mål for arbeidet")
    pdf.paragraph("Hovedmålet er at alle barn og unge i Rendalen skal vokse opp i trygge familier "
                  "og få hjelp tidlig når de trenger det. Planen bygger på barnevernsloven § 15-1.")
    pdf.heading("2 Samarbeid mellom tjenestene")
    pdf.paragraph("Oppvekstteamet møtes hver måned med barnehage, skole, helsestasjon og "
                  "barnevernstjenesten for å drøfte bekymringer tidlig.")
    if with_adoption:
        pdf.heading("3 Vedtak")
        pdf.paragraph("Planen ble vedtatt av kommunestyret 12.06.2025, sak 41/25.")
    return pdf.save()


def _protocol(path):
    pdf = PdfBuilder(path, footer=None)
    pdf.heading("Saksprotokoll i Kommunestyret 12.06.2025", size=16)
    pdf.paragraph("Sak 41/25 Plan for forebygging av omsorgssvikt og atferdsvansker 2025–2029")
    pdf.paragraph("Behandling: Planen ble enstemmig vedtatt.")
    pdf.paragraph("Vedtak: Kommunestyret vedtar Plan for forebygging av omsorgssvikt og "
                  "atferdsvansker 2025–2029 slik den foreligger.")
    return pdf.save()


def test_repair_restores_the_section_sign():
    assert ocr.repair("jf. barnevernsloven 8 15-1 andre ledd") == "jf. barnevernsloven § 15-1 andre ledd"
    assert ocr.repair("etter S 3-1 i den gamle loven") == "etter § 3-1 i den gamle loven"
    assert ocr.repair("sak 18 15-1") == "sak 18 15-1"  # part of a number, not a misread §
    assert ocr.repair("Vi har 8 tiltak") == "Vi har 8 tiltak"


def test_lines_from_hocr_keeps_positions_sizes_and_confident_words():
    hocr = (
        "<html><body><div class='ocr_page' title='bbox 0 0 2480 3508'>"
        "<span class='ocr_header' title='bbox 300 300 1200 380; baseline 0 -10; x_size 66'>"
        "<span class='ocrx_word' title='bbox 300 300 500 380; x_wconf 95'>1</span> "
        "<span class='ocrx_word' title='bbox 520 300 1200 380; x_wconf 93'>Mål</span></span>"
        "<span class='ocr_line' title='bbox 300 500 2100 545; baseline 0 -9; x_size 42'>"
        "<span class='ocrx_word' title='bbox 300 500 600 545; x_wconf 91'>Alle</span> "
        "<span class='ocrx_word' title='bbox 620 500 700 545; x_wconf 12'>~</span> "
        "<span class='ocrx_word' title='bbox 720 500 2100 545; x_wconf 90'>barn</span></span>"
        "</div></body></html>")
    heading, body = ocr.lines_from_hocr(hocr, page=3, scale=72 / 300)
    assert (heading.text, body.text) == ("1 Mål", "Alle barn")  # the speckle '~' is dropped
    assert heading.page == body.page == 3
    assert heading.size > body.size * 1.4
    assert body.x0 == pytest.approx(72.0) and body.top == pytest.approx(120.0)


def test_without_ocr_a_scanned_pdf_says_how_to_enable_it(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "unavailable_reason", lambda: "OCR er ikke installert. " + ocr.INSTALL_HINT)
    scanned = scanned_copy(_plan(tmp_path / "plan.pdf", with_adoption=True), tmp_path / "skannet.pdf", dpi=72)
    with pytest.raises(ExtractionError) as error:
        extract(scanned)
    assert error.value.code == "skannet"
    assert 'pip install "plansjekk[ocr]"' in error.value.message
    result = CliRunner().invoke(app, ["sjekk", str(scanned), "--no-cache"])
    assert result.exit_code == 3
    assert "tesseract-ocr-nor" in result.output


@needs_ocr
def test_a_scanned_plan_is_checked_like_the_born_digital_one(tmp_path):
    born = _plan(tmp_path / "plan.pdf", with_adoption=True)
    scanned = scanned_copy(born, tmp_path / "SKM_C258-skannet.pdf")
    document = extract(scanned)
    assert document.ocr_pages == (1,)
    assert any(s.heading and "Mål for arbeidet" in s.heading for s in document.sections)
    expected = {f.code: f.status for f in check_document(born).findings}
    result = check_document(scanned)
    assert {f.code: f.status for f in result.findings} == expected
    assert result.adoption is not None and result.adoption.case == "41/25"
    records = json.loads(CliRunner().invoke(app, ["sjekk", str(scanned), "--format", "json",
                                                  "--no-cache"]).output)
    assert records["documents"][0]["ocr"] is True
    assert any("OCR" in w for w in records["documents"][0]["warnings"])


@needs_ocr
def test_an_appended_scanned_protocol_carries_the_adoption(tmp_path):
    plan = _plan(tmp_path / "plan.pdf", with_adoption=False)
    assert check_document(plan).adoption is None
    protocol = _protocol(tmp_path / "protokoll.pdf")
    born = check_document(concatenate(tmp_path / "plan-og-protokoll.pdf", plan, protocol))
    scanned = scanned_copy(protocol, tmp_path / "protokoll-skannet.pdf")
    combined = concatenate(tmp_path / "plan-med-skannet-protokoll.pdf", plan, scanned)
    assert extract(combined).ocr_pages == (2,)  # only the scanned page is read by OCR
    result = check_document(combined)
    assert next(f for f in result.findings if f.code == "BV105").status.value == "oppfylt"
    assert result.adoption is not None
    assert (result.adoption.body, result.adoption.date, result.adoption.case) == \
        ("kommunestyret", "2025-06-12", "41/25")
    assert {f.code: f.status for f in result.findings} == {f.code: f.status for f in born.findings}
