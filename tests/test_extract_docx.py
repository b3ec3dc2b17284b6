"""DOCX extraction on documents built here with python-docx (plus hand-written XML)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml

from plansjekk import api
from plansjekk.model import Document, ParagraphKind

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def add_raw(document, xml: str) -> None:
    """Append a raw body element (before the final sectPr)."""
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(xml.replace("<w:p>", f"<w:p {W_NS}>", 1)
                                         if xml.startswith("<w:p>") else xml))


def extract(document, tmp_path: Path, name: str = "plan.docx") -> Document:
    path = tmp_path / name
    document.save(path)
    return api.extract(path)


def paragraph_texts(document: Document) -> list[str]:
    return [p.text for _, p in document.paragraphs()]


def test_builtin_heading_styles_and_levels(tmp_path):
    d = docx.Document()
    d.add_heading("Plan for forebygging", 0)
    d.add_paragraph("Innledende tekst.")
    d.add_heading("Mål", 1)
    d.add_paragraph("Kommunen skal forebygge omsorgssvikt.")
    d.add_heading("Delmål for barnehagen", 2)
    d.add_paragraph("Barnehagen følger opp.")
    doc = extract(d, tmp_path)
    assert [(s.heading, s.level) for s in doc.sections] == [
        ("Plan for forebygging", 1), ("Mål", 1), ("Delmål for barnehagen", 2)]
    assert doc.sections[1].paragraphs[0].text == "Kommunen skal forebygge omsorgssvikt."


def test_norwegian_style_names_and_outline_levels(tmp_path):
    d = docx.Document()
    for name in ("Overskrift 1", "Overskrift 2", "Tittel"):
        d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    chapter = d.styles.add_style("Kapittel", WD_STYLE_TYPE.PARAGRAPH)
    chapter.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W_NS} w:val="2"/>'))
    d.add_paragraph("Plan for førebygging", style="Tittel")
    d.add_paragraph("Innleiing", style="Overskrift 1")
    d.add_paragraph("Bakgrunn", style="Overskrift 2")
    d.add_paragraph("Tiltak i skulen", style="Kapittel")
    d.add_paragraph("Brødtekst om tiltaka.")
    add_raw(d, '<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Direkte disposisjonsnivå</w:t></w:r></w:p>')
    doc = extract(d, tmp_path)
    assert [(s.heading, s.level) for s in doc.sections] == [
        ("Plan for førebygging", 1), ("Innleiing", 1), ("Bakgrunn", 2), ("Tiltak i skulen", 3),
        ("Direkte disposisjonsnivå", 2)]
    assert doc.language is None or doc.language == "nn"


def test_style_id_without_style_definition_is_a_heading(tmp_path):
    d = docx.Document()
    add_raw(d, '<w:p><w:pPr><w:pStyle w:val="Overskrift1"/></w:pPr><w:r><w:t>Samarbeid</w:t></w:r></w:p>')
    d.add_paragraph("Tekst.")
    doc = extract(d, tmp_path)
    assert doc.sections[0].heading == "Samarbeid" and doc.sections[0].level == 1


def test_numbered_headings_get_their_computed_numbers(tmp_path):
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {W_NS} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for text, style, ilvl in [("Innledning", "Heading 1", 0), ("Mål", "Heading 1", 0),
                              ("Samarbeid", "Heading 2", 1), ("Ansvar", "Heading 2", 1)]:
        p = d.add_paragraph(text, style=style)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>'))
        d.add_paragraph("Tekst.")
    doc = extract(d, tmp_path)
    assert [(s.heading, s.number, s.level) for s in doc.sections] == [
        ("1 Innledning", "1", 1), ("2 Mål", "2", 1), ("2.1 Samarbeid", "2.1", 2), ("2.2 Ansvar", "2.2", 2)]


def test_typed_heading_numbers_are_kept(tmp_path):
    d = docx.Document()
    d.add_heading("3.2 Samarbeid med frivillige", 2)
    d.add_paragraph("Tekst.")
    doc = extract(d, tmp_path)
    assert doc.sections[0].number == "3.2"


def test_lists_by_style_and_by_numbering(tmp_path):
    d = docx.Document()
    d.add_heading("Tiltak", 1)
    d.add_paragraph("Helsestasjon", style="List Bullet")
    d.add_paragraph("Barnehage", style="List Number")
    add_raw(d, '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
               '<w:r><w:t>Skole</w:t></w:r></w:p>')
    d.add_paragraph("Vanlig avsnitt.")
    doc = extract(d, tmp_path)
    kinds = [(p.text, p.kind) for p in doc.sections[0].paragraphs]
    assert kinds == [("Helsestasjon", ParagraphKind.LIST_ITEM), ("Barnehage", ParagraphKind.LIST_ITEM),
                     ("Skole", ParagraphKind.LIST_ITEM), ("Vanlig avsnitt.", ParagraphKind.BODY)]


def test_tables_row_by_row_with_merged_and_nested_cells(tmp_path):
    d = docx.Document()
    d.add_heading("Ansvar", 1)
    d.add_paragraph("Før tabellen.")
    table = d.add_table(rows=3, cols=3)
    for c, text in enumerate(["Tiltak", "Ansvar", "Frist"]):
        table.cell(0, c).text = text
    table.cell(1, 0).text = "Foreldreveiledning"
    table.cell(1, 1).text = "Helsestasjonen"
    table.cell(1, 2).text = "2025"
    table.cell(2, 1).text = "Skolen"
    table.cell(1, 0).merge(table.cell(2, 0))  # vertical merge: not repeated on row 3
    table.cell(2, 2).merge(table.cell(2, 2))
    nested = table.cell(2, 2).add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "Indre A"
    nested.cell(0, 1).text = "Indre B"
    d.add_paragraph("Etter tabellen.")
    doc = extract(d, tmp_path)
    rows = [(p.text, p.kind) for p in doc.sections[0].paragraphs]
    assert rows[0] == ("Før tabellen.", ParagraphKind.BODY)
    assert rows[1] == ("Tiltak | Ansvar | Frist", ParagraphKind.TABLE_HEADER)
    assert rows[2] == ("Foreldreveiledning | Helsestasjonen | 2025", ParagraphKind.TABLE_ROW)
    assert rows[3] == ("– | Skolen", ParagraphKind.TABLE_ROW)
    assert rows[4] == ("Indre A | Indre B", ParagraphKind.TABLE_ROW)
    assert rows[5] == ("Etter tabellen.", ParagraphKind.BODY)
    assert sum("Foreldreveiledning" in p.text for _, p in doc.paragraphs()) == 1


def test_page_numbers_from_explicit_breaks(tmp_path):
    d = docx.Document()
    d.add_heading("Innledning", 1)
    d.add_paragraph("Side en.")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_heading("Mål", 1)
    d.add_paragraph("Side to.")
    p = d.add_paragraph("Fortsatt side to.")
    p.add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("Side tre.")
    d.add_heading("Samarbeid", 1).paragraph_format.page_break_before = True
    d.add_paragraph("Side fire.")
    doc = extract(d, tmp_path)
    pages = {p.text: p.page for _, p in doc.paragraphs()}
    assert pages == {"Side en.": 1, "Side to.": 2, "Fortsatt side to.": 2, "Side tre.": 3, "Side fire.": 4}
    assert [(s.heading, s.page_start, s.page_end) for s in doc.sections] == [
        ("Innledning", 1, 1), ("Mål", 2, 3), ("Samarbeid", 4, 4)]
    assert doc.pages == 4


def test_rendered_page_breaks_are_preferred_when_present(tmp_path):
    d = docx.Document()
    d.add_paragraph("Første side.")
    add_raw(d, '<w:p><w:r><w:lastRenderedPageBreak/><w:t>Andre side.</w:t></w:r></w:p>')
    doc = extract(d, tmp_path)
    assert [p.page for _, p in doc.paragraphs()] == [1, 2]


def test_no_page_information_gives_no_page_numbers(tmp_path):
    d = docx.Document()
    d.add_paragraph("Bare én side uten sideskift.")
    doc = extract(d, tmp_path)
    assert doc.paragraphs()[0][1].page is None


def test_header_and_footer_text_is_excluded(tmp_path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Sandnes kommune – topptekst"
    d.sections[0].footer.paragraphs[0].text = "Side 1 av 9"
    d.add_heading("Mål", 1)
    d.add_paragraph("Brødtekst.")
    doc = extract(d, tmp_path)
    assert "topptekst" not in doc.text and "Side 1 av 9" not in doc.text
    assert paragraph_texts(doc) == ["Brødtekst."]


def test_tracked_changes_read_as_accepted(tmp_path):
    d = docx.Document()
    add_raw(d, '<w:p><w:r><w:t xml:space="preserve">Kommunen skal </w:t></w:r>'
               '<w:del w:id="1" w:author="Kari" w:date="2024-01-01T00:00:00Z">'
               '<w:r><w:delText xml:space="preserve">kanskje </w:delText></w:r></w:del>'
               '<w:ins w:id="2" w:author="Kari" w:date="2024-01-01T00:00:00Z">'
               '<w:r><w:t xml:space="preserve">alltid </w:t></w:r></w:ins>'
               '<w:r><w:t>samarbeide.</w:t></w:r></w:p>')
    add_raw(d, '<w:p><w:moveFrom w:id="3" w:author="Kari"><w:r><w:t>Flyttet bort.</w:t></w:r></w:moveFrom></w:p>')
    add_raw(d, '<w:p><w:moveTo w:id="4" w:author="Kari"><w:r><w:t>Flyttet hit.</w:t></w:r></w:moveTo></w:p>')
    doc = extract(d, tmp_path)
    assert paragraph_texts(doc) == ["Kommunen skal alltid samarbeide.", "Flyttet hit."]
    assert any("sporede endringer" in w for w in doc.warnings)


def test_tracked_deleted_table_row_is_dropped(tmp_path):
    d = docx.Document()
    table = d.add_table(rows=3, cols=1)
    for r, text in enumerate(["Tiltak", "Beholdt", "Slettet"]):
        table.cell(r, 0).text = text
    table.rows[2]._tr.get_or_add_trPr().append(parse_xml(f'<w:del {W_NS} w:id="9" w:author="Ola"/>'))
    doc = extract(d, tmp_path)
    assert paragraph_texts(doc) == ["Tiltak", "Beholdt"]


def test_comments_are_warnings_not_body(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("Kommunen skal samarbeide med frivillige.")
    d.add_comment(p.runs, text="Skal vi nevne idrettslaget her?", author="Kari Nordmann")
    doc = extract(d, tmp_path)
    assert "idrettslaget" not in doc.text
    assert "Kommentar fra Kari Nordmann: Skal vi nevne idrettslaget her?" in doc.warnings


def test_core_title_and_nynorsk_survive(tmp_path):
    d = docx.Document()
    d.core_properties.title = "Plan for førebyggjande arbeid"
    d.add_heading("Innleiing", 1)
    text = "Kommunen skal førebyggje åtferdsvanskar hjå born og unge, og tenestene skal samarbeide."
    d.add_paragraph(text)
    doc = extract(d, tmp_path)
    assert doc.title == "Plan for førebyggjande arbeid"
    assert paragraph_texts(doc) == [text]
    assert doc.language == "nn"


def test_table_of_contents_entries_are_skipped(tmp_path):
    d = docx.Document()
    d.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("1 Innledning\t3", style="toc 1")
    d.add_heading("1 Innledning", 1)
    d.add_paragraph("Tekst.")
    doc = extract(d, tmp_path)
    assert "\t3" not in doc.text and "Innledning 3" not in doc.text
    assert [s.heading for s in doc.sections] == ["1 Innledning"]


def test_text_in_text_boxes_is_read_once(tmp_path):
    d = docx.Document()
    add_raw(d, '<w:p xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
               'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
               '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
               '<w:p><w:r><w:t>Faktaboks om SLT.</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing>'
               '</mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Faktaboks om SLT.</w:t>'
               '</w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
               .replace("<w:p xmlns:mc", f"<w:p {W_NS} xmlns:mc", 1))
    doc = extract(d, tmp_path)
    assert paragraph_texts(doc) == ["Faktaboks om SLT."]
