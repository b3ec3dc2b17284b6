"""PDF extraction on PDFs the tests build with reportlab (tests/pdfgen.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfgen import PdfBuilder, blank_pdf, image_only_pdf

from plansjekk.errors import ExtractionError
from plansjekk.extract.pdf import extract
from plansjekk.extract.pdf_text import join_pair
from plansjekk.model import Document, ParagraphKind
from plansjekk.settings import Limits

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "realworld" / "pdf"
BODY = ("Kommunen skal ha en plan for det forebyggende arbeidet med barn og unge, og planen "
        "skal beskrive mål, organisering og samarbeid mellom tjenestene i kommunen.")


def read(path: Path, **limits: int) -> Document:
    return extract(path, Limits(**limits))


def headings(doc: Document) -> list[tuple[str | None, int]]:
    return [(s.heading, s.level) for s in doc.sections if s.heading]


def section(doc: Document, heading: str):
    return next(s for s in doc.sections if s.heading == heading)


def texts(doc: Document, kind: ParagraphKind | None = None) -> list[str]:
    return [p.text for _, p in doc.paragraphs() if kind is None or p.kind == kind]


# -- headings ----------------------------------------------------------------

def test_heading_levels_follow_font_size(tmp_path: Path) -> None:
    b = PdfBuilder(tmp_path / "h.pdf")
    b.heading("Plan for forebygging", size=22)
    b.heading("Innledning", size=16)
    b.paragraph(BODY)
    b.heading("Bakgrunn for planen", size=13)
    b.paragraph(BODY)
    b.heading("Mål", size=16)
    b.paragraph(BODY)
    b.heading("Viktige avklaringer", size=11, bold=True)
    b.paragraph(BODY)
    doc = read(b.save())
    assert headings(doc) == [("Plan for forebygging", 1), ("Innledning", 2), ("Bakgrunn for planen", 3),
                             ("Mål", 2), ("Viktige avklaringer", 4)]
    assert doc.title == "Plan for forebygging"
    assert section(doc, "Mål").paragraphs[0].text == BODY


def test_numbered_headings_in_body_font(tmp_path: Path) -> None:
    b = PdfBuilder(tmp_path / "n.pdf")
    b.lines(["2 Mål og satsingsområder"], font="Helvetica")
    b.paragraph(BODY)
    b.lines(["2.1 Nasjonale føringer"], font="Helvetica")
    b.paragraph(BODY)
    b.lines(["2.1.3 Lokale forhold"], font="Helvetica")
    b.lines(["12 barnehager og 3 skoler deltar i arbeidet med planen, og alle har",
             "fått opplæring i rutinene for bekymringsmeldinger til barnevernet."])
    doc = read(b.save())
    assert [(s.heading, s.number, s.level) for s in doc.sections if s.heading] == [
        ("2 Mål og satsingsområder", "2", 1),
        ("2.1 Nasjonale føringer", "2.1", 2),
        ("2.1.3 Lokale forhold", "2.1.3", 3),
    ]
    assert section(doc, "2.1.3 Lokale forhold").paragraphs[0].text.startswith("12 barnehager og 3 skoler")


def test_numbered_list_is_not_a_heading(tmp_path: Path) -> None:
    b = PdfBuilder(tmp_path / "l.pdf")
    b.heading("Tiltak", size=16)
    b.lines(["1. Foreldreveiledning i alle barnehager"], space_after=2)
    b.lines(["2. Tverrfaglig team på skolene"], space_after=2)
    doc = read(b.save())
    assert headings(doc) == [("Tiltak", 1)]
    assert texts(doc, ParagraphKind.LIST_ITEM) == ["1. Foreldreveiledning i alle barnehager",
                                                   "2. Tverrfaglig team på skolene"]


# -- pages, headers, footers -------------------------------------------------

def _three_pages(tmp_path: Path) -> Path:
    b = PdfBuilder(tmp_path / "p.pdf", header="Plan for forebygging 2024–2028", footer="Side {page} av 3")
    b.heading("1 Innledning", size=16)
    b.paragraph(BODY)
    b.page_break()
    b.heading("2 Mål", size=16)
    b.paragraph(BODY)
    b.paragraph("Dette er siste avsnitt i kapittel to, og det står på side to.")
    b.page_break()
    b.paragraph("Dette avsnittet fortsetter kapittel to på side tre.")
    b.heading("3 Samarbeid", size=16)
    b.paragraph(BODY)
    return b.save()


def test_pages_of_paragraphs_and_section_spans(tmp_path: Path) -> None:
    doc = read(_three_pages(tmp_path))
    assert doc.pages == 3
    two = section(doc, "2 Mål")
    assert (two.page_start, two.page_end) == (2, 3)
    assert [p.page for p in two.paragraphs] == [2, 2, 3]
    three = section(doc, "3 Samarbeid")
    assert (three.page_start, three.page_end) == (3, 3)


def test_running_header_footer_and_page_numbers_removed(tmp_path: Path) -> None:
    doc = read(_three_pages(tmp_path))
    assert "Plan for forebygging 2024–2028" not in doc.text
    assert "Side" not in doc.text
    assert texts(doc)[0] == BODY


def test_sentence_continues_across_page_break(tmp_path: Path) -> None:
    b = PdfBuilder(tmp_path / "cont.pdf")
    b.heading("Samarbeid", size=16)
    b.lines(["Barneverntjenesten og skolene møtes jevnlig, og samarbeidet skal"], space_after=0)
    b.page_break()
    b.lines(["evalueres hvert år av styringsgruppen."])
    b.paragraph("Nytt avsnitt.")
    doc = read(b.save())
    paragraphs = section(doc, "Samarbeid").paragraphs
    assert [(p.text, p.page) for p in paragraphs] == [
        ("Barneverntjenesten og skolene møtes jevnlig, og samarbeidet skal "
         "evalueres hvert år av styringsgruppen.", 1),
        ("Nytt avsnitt.", 2)]


def test_cover_page_sizes_do_not_push_chapter_levels_down(tmp_path: Path) -> None:
    b = PdfBuilder(tmp_path / "cover.pdf")
    b.heading("Plan for forebygging", size=28)
    b.heading("Kommunestyrets vedtak", size=20)
    for chapter in ("Innledning", "Mål", "Tiltak"):
        b.page_break()
        b.heading(chapter, size=16)
        b.paragraph(BODY)
        b.heading(f"Mer om {chapter.lower()}", size=13)
        b.paragraph(BODY)
    levels = dict(headings(read(b.save())))
    assert levels["Innledning"] == 1 and levels["Mer om tiltak"] == 2
    assert levels["Plan for forebygging"] == 1


def test_bare_page_numbers_removed(tmp_path: Path) -> None:
    b = PdfBuilder(tmp_path / "pn.pdf", footer="{page}")
    b.paragraph(BODY)
    b.page_break()
    b.paragraph("Andre side.")
    doc = read(b.save())
    assert texts(doc) == [BODY, "Andre side."]


# -- text --------------------------------------------------------------------

def test_hyphenation_joined_but_real_hyphens_kept(tmp_path: Path) -> None:
    b = PdfBuilder(tmp_path / "hy.pdf")
    b.lines(["Vi styrker sam-", "arbeidet med PP-", "tjenesten og helse-", "og omsorgstjenesten i 0-24-",
             "samarbeidet og med NAV-", "Kontoret."])
    doc = read(b.save())
    assert texts(doc) == ["Vi styrker samarbeidet med PP-tjenesten og helse- og omsorgstjenesten "
                          "i 0-24-samarbeidet og med NAV-Kontoret."]


@pytest.mark.parametrize(("prev", "nxt", "joined"), [
    ("barnevern-", "tjenesten", "barneverntjenesten"),
    ("barne-", "og ungdomsarbeid", "barne- og ungdomsarbeid"),
    ("SLT-", "koordinator", "SLT-koordinator"),
    ("Bufetat og", "kommunen", "Bufetat og kommunen"),
    ("periode 2024 –", "2028", "periode 2024 – 2028"),
])
def test_join_pair(prev: str, nxt: str, joined: str) -> None:
    assert join_pair(prev, nxt) == joined


def test_lines_become_paragraphs(tmp_path: Path) -> None:
    b = PdfBuilder(tmp_path / "pa.pdf")
    b.paragraph(" ".join([BODY] * 3))
    b.paragraph("Et kort avsnitt.")
    b.paragraph(BODY)
    doc = read(b.save())
    assert texts(doc) == [" ".join([BODY] * 3), "Et kort avsnitt.", BODY]


def test_norwegian_letters_and_nynorsk_intact(tmp_path: Path) -> None:
    nn = ("Kommunen skal sikre at born og unge får hjelp tidleg. Tenesta skal vere tilgjengeleg "
          "for alle, òg dei yngste. Ærleg, øvd og åtferdsvanskar: ÆØÅ æøå.")
    b = PdfBuilder(tmp_path / "nn.pdf")
    b.heading("Førebygging i kommunen", size=16)
    b.paragraph(nn)
    doc = read(b.save())
    assert headings(doc) == [("Førebygging i kommunen", 1)]
    assert texts(doc) == [nn]
    assert doc.language == "nn"


def test_bullet_lists(tmp_path: Path) -> None:
    long_item = "styrke foreldrerollen gjennom kurs, veiledning og samtalegrupper " * 3
    b = PdfBuilder(tmp_path / "b.pdf")
    b.paragraph("Kommunen vil:")
    b.bullets(["sikre tidlig innsats", long_item.strip()])
    b.bullets(["samarbeide med frivillige"], marker="–")
    b.paragraph("Dette følges opp årlig.")
    doc = read(b.save())
    assert texts(doc, ParagraphKind.LIST_ITEM) == ["sikre tidlig innsats", long_item.strip(),
                                                   "samarbeide med frivillige"]
    assert texts(doc, ParagraphKind.BODY) == ["Kommunen vil:", "Dette følges opp årlig."]


def test_ruled_table_row_by_row(tmp_path: Path) -> None:
    b = PdfBuilder(tmp_path / "t.pdf")
    b.paragraph("Tabellen viser tiltakene.")
    b.table([["Tiltak", "Ansvar", "Frist"], ["Foreldreveiledning", "Helsestasjonen", "2025"],
             ["Tverrfaglig team", "Kommunalsjef oppvekst", "2024"]])
    b.paragraph("Etter tabellen.")
    doc = read(b.save())
    kinds = [(p.kind, p.text) for _, p in doc.paragraphs()]
    assert kinds == [
        (ParagraphKind.BODY, "Tabellen viser tiltakene."),
        (ParagraphKind.TABLE_HEADER, "Tiltak | Ansvar | Frist"),
        (ParagraphKind.TABLE_ROW, "Foreldreveiledning | Helsestasjonen | 2025"),
        (ParagraphKind.TABLE_ROW, "Tverrfaglig team | Kommunalsjef oppvekst | 2024"),
        (ParagraphKind.BODY, "Etter tabellen."),
    ]


def test_table_cell_lines_joined_with_hyphenation(tmp_path: Path) -> None:
    b = PdfBuilder(tmp_path / "tc.pdf")
    b.table([["Begrep", "Forklaring"],
              ["Barnekoordinator", "Skal sikre at familier med barn med funksjons-\nnedsettelse får helhetlig hjelp"],
              ["PMTO", "Foreldreveiledning for\nfamilier med barn med\natferdsvansker"]],
             col_widths=[120, 250])
    doc = read(b.save())
    assert texts(doc) == ["Begrep | Forklaring",
                          "Barnekoordinator | Skal sikre at familier med barn med funksjonsnedsettelse "
                          "får helhetlig hjelp",
                          "PMTO | Foreldreveiledning for familier med barn med atferdsvansker"]


def test_table_of_contents_lines_are_not_headings(tmp_path: Path) -> None:
    b = PdfBuilder(tmp_path / "toc.pdf")
    b.heading("Innhold", size=16)
    b.lines(["1 Innledning ........................................ 3",
             "2 Mål · 3 Organisering · 4 Tiltak"], space_after=12)
    b.heading("1 Innledning", size=16)
    b.paragraph(BODY)
    doc = read(b.save())
    assert headings(doc) == [("Innhold", 1), ("1 Innledning", 1)]


@pytest.mark.parametrize("interleave", [True, False])
def test_two_columns_read_column_by_column(tmp_path: Path, interleave: bool) -> None:
    left = ["Venstre spalte begynner her og handler om samarbeid mellom skole og barnevern i kommunen.",
            "Andre avsnitt i venstre spalte beskriver foreldreveiledning og helsestasjonens rolle."]
    right = ["Høyre spalte handler om medvirkning fra barn og unge gjennom ungdomsrådet og elevrådene.",
             "Andre avsnitt i høyre spalte gjelder oppfølging og evaluering av planen hvert år."]
    b = PdfBuilder(tmp_path / "c.pdf")
    b.heading("Samarbeid", size=16)
    b.columns(left, right, interleave=interleave)
    b.paragraph("Under spaltene fortsetter teksten over hele bredden av siden, som før spaltene.")
    doc = read(b.save())
    assert texts(doc) == left + right + [
        "Under spaltene fortsetter teksten over hele bredden av siden, som før spaltene."]


def test_three_columns_drawn_row_by_row(tmp_path: Path) -> None:
    from pdfgen import wrap
    from reportlab.pdfgen import canvas

    columns = [
        "Første spalte forteller om helsestasjonen og hjemmebesøk til alle familier med nyfødte "
        "barn, og om hvordan helsesykepleier følger opp familiene gjennom det første leveåret.",
        "Andre spalte forteller om barnehagene og arbeidet med et trygt og godt barnehagemiljø, "
        "der de ansatte observerer barnas trivsel og tar kontakt med foreldrene tidlig.",
        "Tredje spalte forteller om skolene, skolemiljøet og oppfølgingen av elever med fravær, "
        "og om samarbeidet mellom kontaktlærer, rektor og skolehelsetjenesten.",
    ]
    lines = [wrap(text, 140, "Helvetica", 10) for text in columns]
    c = canvas.Canvas(str(tmp_path / "three.pdf"))
    c.setFont("Helvetica", 10)
    for row in range(max(map(len, lines))):  # row by row across the columns
        for k, column in enumerate(lines):
            if row < len(column):
                c.drawString(60 + k * 165, 760 - row * 13, column[row])
    c.save()
    assert texts(read(tmp_path / "three.pdf")) == columns


LEFT_COLUMN = ("Helsestasjonen har hjemmebesøk hos alle familier med nyfødte barn og følger opp familiene "
               "gjennom hele det første leveåret, i tett samarbeid med fastlegene og jordmortjenesten.")
RIGHT_COLUMN = ("Skolene har et eget team for elever med høyt fravær, der kontaktlærer, rektor og "
                "skolehelsetjenesten avtaler hvem som tar kontakt med hjemmet og når.")
BELOW = "Tiltakene under gjelder hele planperioden og følges opp i budsjettet hvert år."


def _footer(c, page: int) -> None:
    """Two parts on one baseline: pdfium reads them as one line with a gap across the gutter."""
    c.setFont("Helvetica", 8)
    c.drawString(60, 30, "Eksempelby kommune")
    c.drawRightString(535, 30, f"Side {page}")
    c.showPage()


@pytest.mark.parametrize("right_share", [1.0, 0.5], ids=["balanced", "left-longer"])
def test_lines_under_two_columns_are_read_after_both(tmp_path: Path, right_share: float) -> None:
    """A heading under the columns (left, not spanning) comes after both columns; a left column
    that runs on below the right one is still read before it; the footer stays whole."""
    from pdfgen import wrap
    from reportlab.pdfgen import canvas

    left_lines = wrap(LEFT_COLUMN, 230, "Helvetica", 10)
    right_lines = wrap(RIGHT_COLUMN, 230, "Helvetica", 10)
    if right_share < 1:
        left_lines = left_lines + wrap(LEFT_COLUMN, 230, "Helvetica", 10)
    c = canvas.Canvas(str(tmp_path / "spalter.pdf"))
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, 780, "1 Samarbeid")
    c.setFont("Helvetica", 10)
    for k, column in enumerate((left_lines, right_lines)):
        for row, text in enumerate(column):
            c.drawString(60 + k * 250, 750 - row * 13, text)
    below = 750 - 13 * max(len(left_lines), len(right_lines)) - 20
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, below, "2 Tiltak")
    c.setFont("Helvetica", 10)
    c.drawString(60, below - 24, BELOW)
    _footer(c, 1)
    for page, text in ((2, BODY), (3, LEFT_COLUMN)):  # other pages, same footer
        c.setFont("Helvetica", 10)
        for row, line in enumerate(wrap(text, 470, "Helvetica", 10)):
            c.drawString(60, 780 - row * 13, line)
        _footer(c, page)
    c.save()
    doc = read(tmp_path / "spalter.pdf")
    left = [LEFT_COLUMN] if right_share == 1 else [LEFT_COLUMN, LEFT_COLUMN]
    assert texts(doc)[:len(left) + 2] == [*left, RIGHT_COLUMN, BELOW]
    assert [h for h, _ in headings(doc)] == ["1 Samarbeid", "2 Tiltak"]
    assert not any("Eksempelby" in t or "Side" in t for t in texts(doc))  # the footer was removed


def test_metadata_title_used_unless_junk(tmp_path: Path) -> None:
    b = PdfBuilder(tmp_path / "m.pdf", title="Plan for forebyggende arbeid 2024–2028")
    b.paragraph(BODY)
    assert read(b.save()).title == "Plan for forebyggende arbeid 2024–2028"
    b = PdfBuilder(tmp_path / "j.pdf", title="Microsoft Word - plan_v3.docx")
    b.heading("Forebyggingsplan", size=18)
    b.paragraph(BODY)
    assert read(b.save()).title == "Forebyggingsplan"


# -- bad input ---------------------------------------------------------------

def _error(path: Path, **limits: int) -> ExtractionError:
    with pytest.raises(ExtractionError) as info:
        read(path, **limits)
    assert info.value.message and "Traceback" not in info.value.message
    return info.value


def test_encrypted_pdf(tmp_path: Path) -> None:
    b = PdfBuilder(tmp_path / "e.pdf", encrypt="hemmelig")
    b.paragraph(BODY)
    error = _error(b.save())
    assert error.code == "kryptert"
    assert "passord" in error.message


@pytest.mark.parametrize("fraction", [0.3, 0.6])
def test_truncated_pdf(tmp_path: Path, fraction: float) -> None:
    data = _three_pages(tmp_path).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: int(len(data) * fraction)])
    assert _error(cut).code == "korrupt"


def test_garbage_after_pdf_header(tmp_path: Path) -> None:
    path = tmp_path / "g.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    assert _error(path).code == "korrupt"


def test_scanned_pdf(tmp_path: Path) -> None:
    error = _error(image_only_pdf(tmp_path / "s.pdf", pages=2))
    assert error.code == "skannet"
    assert "OCR" in error.message  # how to install it, or that it found nothing


def test_empty_pdfs(tmp_path: Path) -> None:
    assert _error(blank_pdf(tmp_path / "blank.pdf")).code == "tom"
    zero = tmp_path / "zero.pdf"
    zero.write_bytes(b"")
    assert _error(zero).code == "tom"


def test_page_limit(tmp_path: Path) -> None:
    path = _three_pages(tmp_path)
    error = _error(path, max_pages=2)
    assert error.code == "for_stor"
    assert "3 sider" in error.message
    assert read(path, max_pages=3).pages == 3


def test_partly_scanned_pdf_warns(tmp_path: Path) -> None:
    from pypdfium2 import PdfDocument

    text_pdf = PdfBuilder(tmp_path / "t.pdf")
    text_pdf.paragraph(BODY)
    merged = PdfDocument(str(text_pdf.save()))
    merged.import_pages(PdfDocument(str(image_only_pdf(tmp_path / "s.pdf"))))
    merged.save(tmp_path / "mixed.pdf")
    doc = read(tmp_path / "mixed.pdf")
    assert texts(doc) == [BODY]
    assert any("Side 2" in w and "OCR" in w for w in doc.warnings)


# -- real-world files --------------------------------------------------------

@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/realworld/pdf not present")
@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else [],
                         ids=lambda p: p.name)
def test_realworld_pdf_gives_document_or_extraction_error(path: Path) -> None:
    try:
        doc = read(path)
    except ExtractionError as error:
        assert error.code in {"kryptert", "korrupt", "skannet", "tom", "for_stor"}
        return
    assert doc.format == "pdf" and doc.pages and doc.pages >= 1
    for section in doc.sections:
        for paragraph in section.paragraphs:
            assert paragraph.text.strip()
            assert paragraph.page is None or 1 <= paragraph.page <= doc.pages
