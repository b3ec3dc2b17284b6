"""Markdown and plain-text extraction: headings, lists, tables, lines, encodings, suppressions."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plansjekk import api
from plansjekk.extract.markdown import parse_markdown
from plansjekk.extract.text import parse_plain
from plansjekk.model import ParagraphKind, Suppression

MARKDOWN = """---
title: Plan for førebygging i Fjordvik
---
<!-- plansjekk: ignorer BV203, BV204 -- vi har ein eigen plan for dette -->
# Plan for førebygging

Innleiing med *utheva* tekst og [ei lenkje](https://fjordvik.kommune.no)
som held fram på neste linje.

## 2.1 Mål

- Tidleg innsats
  i barnehagen
* Betre samarbeid
1. Nummerert punkt

| Tiltak | Ansvar |
|:-------|-------:|
| Foreldrerettleiing | Helsestasjonen |

Samarbeid
---------
Tekst under setext-overskrift.

### Tredje nivå ###
<!-- plansjekk: ignore BV101 -->
Siste avsnitt.
"""


def write(tmp_path, text: str, name: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_markdown_headings_levels_and_numbers(tmp_path):
    doc = api.extract(write(tmp_path, MARKDOWN, "plan.md"))
    assert doc.format == "markdown"
    assert [(s.heading, s.level, s.number) for s in doc.sections] == [
        ("Plan for førebygging", 1, None), ("2.1 Mål", 2, "2.1"), ("Samarbeid", 2, None),
        ("Tredje nivå", 3, None)]
    assert doc.title == "Plan for førebygging i Fjordvik"


def test_markdown_paragraphs_lists_tables_and_lines(tmp_path):
    doc = api.extract(write(tmp_path, MARKDOWN, "plan.md"))
    first = doc.sections[0].paragraphs[0]
    assert first.text == "Innleiing med utheva tekst og ei lenkje som held fram på neste linje."
    assert first.line == 7 and doc.sections[0].line == 5
    assert [(p.text, p.kind, p.line) for p in doc.sections[1].paragraphs] == [
        ("Tidleg innsats i barnehagen", ParagraphKind.LIST_ITEM, 12),
        ("Betre samarbeid", ParagraphKind.LIST_ITEM, 14),
        ("Nummerert punkt", ParagraphKind.LIST_ITEM, 15),
        ("Tiltak | Ansvar", ParagraphKind.TABLE_HEADER, 17),
        ("Foreldrerettleiing | Helsestasjonen", ParagraphKind.TABLE_ROW, 19),
    ]
    assert doc.sections[2].line == 21


def test_suppression_comments_parsed_and_not_text(tmp_path):
    doc = api.extract(write(tmp_path, MARKDOWN, "plan.md"))
    assert doc.suppressions == (
        Suppression("BV203", "vi har ein eigen plan for dette", 4),
        Suppression("BV204", "vi har ein eigen plan for dette", 4),
        Suppression("BV101", "", 26),
    )
    assert "plansjekk" not in doc.text and "ignorer" not in doc.text


def test_markdown_detected_by_headings_without_md_extension(tmp_path):
    doc = api.extract(write(tmp_path, "# Plan\n\nTekst.\n\n## Mål\n\nMer tekst.\n", "plan"))
    assert doc.format == "markdown"
    assert [s.heading for s in doc.sections] == ["Plan", "Mål"]


PLAIN = """PLAN FOR FOREBYGGING

1 Innledning

Dette er en plan for forebyg-
ging av omsorgssvikt og atferdsvansker.

3.2 Samarbeid
Kommunen samarbeider med frivillige.

- Helsestasjonen
- Barnehagene
\fTiltak for ungdom

Ungdom skal få hjelp tidlig.

1. Første punkt i en liste.
2. Andre punkt.
"""


def test_plain_text_headings_lists_pages_and_hyphenation(tmp_path):
    doc = api.extract(write(tmp_path, PLAIN, "plan.txt"))
    assert doc.format == "text" and doc.pages == 2
    assert [(s.heading, s.level, s.number, s.page_start) for s in doc.sections] == [
        ("PLAN FOR FOREBYGGING", 1, None, 1), ("1 Innledning", 1, "1", 1),
        ("3.2 Samarbeid", 2, "3.2", 1), ("Tiltak for ungdom", 2, None, 2)]
    assert doc.sections[1].paragraphs[0].text == "Dette er en plan for forebygging av omsorgssvikt og atferdsvansker."
    assert [(p.text, p.kind) for p in doc.sections[2].paragraphs] == [
        ("Kommunen samarbeider med frivillige.", ParagraphKind.BODY),
        ("Helsestasjonen", ParagraphKind.LIST_ITEM), ("Barnehagene", ParagraphKind.LIST_ITEM)]
    assert [(p.text, p.kind, p.page) for p in doc.sections[3].paragraphs][1:] == [
        ("Første punkt i en liste.", ParagraphKind.LIST_ITEM, 2), ("Andre punkt.", ParagraphKind.LIST_ITEM, 2)]
    assert doc.sections[2].line == 8


def test_plain_text_sentences_are_not_headings():
    blocks, pages = parse_plain("Innledning\n\nKommunen skal samarbeide.\n\nDette er også en setning uten punktum"
                                " som er altfor lang til å være en overskrift i en plan\n\nSlutt.\n")
    assert pages is None
    assert [(b.text, b.heading_level) for b in blocks] == [
        ("Innledning", 1), ("Kommunen skal samarbeide.", None),
        ("Dette er også en setning uten punktum som er altfor lang til å være en overskrift i en plan", None),
        ("Slutt.", None)]


def test_nynorsk_survives_in_cp1252_with_warning(tmp_path):
    text = "Førebygging\n\nKommunen skal førebyggje åtferdsvanskar hjå born – òg i skulen.\n"
    doc = api.extract(write(tmp_path, text, "plan.txt", encoding="cp1252"))
    assert doc.sections[0].paragraphs[0].text == "Kommunen skal førebyggje åtferdsvanskar hjå born – òg i skulen."
    assert any("Windows-1252" in w for w in doc.warnings)


def test_utf16_with_bom_and_utf8_with_bom(tmp_path):
    text = "# Plan for førebygging\n\nÅtferdsvanskar hjå born.\n"
    utf16 = tmp_path / "utf16.md"
    utf16.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    utf8 = tmp_path / "utf8.md"
    utf8.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    for path in (utf16, utf8):
        doc = api.extract(path)
        assert doc.sections[0].heading == "Plan for førebygging"
        assert doc.sections[0].paragraphs[0].text == "Åtferdsvanskar hjå born."
        assert doc.warnings == ()


def test_crlf_line_ends(tmp_path):
    doc = api.extract(write(tmp_path, "# Plan\r\n\r\nLinje en\r\nlinje to.\r\n", "plan.md"))
    assert doc.sections[0].paragraphs[0].text == "Linje en linje to."


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab æø#-*|=_>`~1.\n\f<!->:")), max_size=300))
def test_parsers_accept_any_text_and_keep_lines_in_range(text):
    line_count = text.count("\n") + 1
    for blocks in (parse_markdown(text)[0], parse_plain(text)[0]):
        for block in blocks:
            assert block.text == block.text.strip()
            assert block.line is not None and 1 <= block.line <= line_count


def test_plain_text_without_blank_lines_still_finds_numbered_headings():
    text = ("2 Mål\nKommunen skal forebygge omsorgssvikt.\n2.1 Delmål\nAlle barn skal få hjelp\n"
            "tidlig i livet.\nSAMARBEID\nTjenestene samarbeider.\n1. Første punkt\n2. Andre punkt\nSlutt.\n")
    blocks, _ = parse_plain(text)
    assert [(b.text, b.heading_level, b.kind) for b in blocks] == [
        ("2 Mål", 1, ParagraphKind.BODY), ("Kommunen skal forebygge omsorgssvikt.", None, ParagraphKind.BODY),
        ("2.1 Delmål", 2, ParagraphKind.BODY), ("Alle barn skal få hjelp tidlig i livet.", None, ParagraphKind.BODY),
        ("SAMARBEID", 1, ParagraphKind.BODY), ("Tjenestene samarbeider.", None, ParagraphKind.BODY),
        ("Første punkt", None, ParagraphKind.LIST_ITEM), ("Andre punkt Slutt.", None, ParagraphKind.LIST_ITEM)]


def test_markdown_hard_line_breaks_keep_cover_lines_apart(tmp_path):
    from plansjekk.api import extract

    path = tmp_path / "forside.md"
    path.write_text("# Plan\n\nPlantype: Temaplan  \nVedtatt i kommunestyret: 18.06.2024\\\nArkivsak: 23/1187\n",
                    encoding="utf-8")
    texts = [p.text for s in extract(path).sections for p in s.paragraphs]
    assert texts == ["Plantype: Temaplan", "Vedtatt i kommunestyret: 18.06.2024", "Arkivsak: 23/1187"]


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be", "utf-16"])
def test_utf32_is_not_misread_as_utf16(tmp_path, encoding):
    text = "# Plan for førebygging\n\nKommunen skal samarbeide med barnehagar, skular og frivillige lag i Årdal.\n"
    path = tmp_path / "plan.md"
    path.write_bytes(text.encode(encoding))
    document = api.extract(path)
    assert document.sections[0].heading == "Plan for førebygging"
    assert "frivillige lag i Årdal." in document.text and "\x00" not in document.text


def test_plain_text_pipe_table_is_one_row_per_line():
    text = ("8 Tiltak\n\nTiltak | Nivå | Ansvar\n---|---|---\nForeldrekurs | Universelt | Helsestasjonen\n"
            "Fråværsteam | Selektivt | Skulane\n\nEin vanleg setning med ein | strek er ikkje ein tabell.\n")
    blocks, _ = parse_plain(text)
    kinds = [(b.kind, b.text) for b in blocks if b.heading_level is None]
    assert kinds[:3] == [(ParagraphKind.TABLE_HEADER, "Tiltak | Nivå | Ansvar"),
                         (ParagraphKind.TABLE_ROW, "Foreldrekurs | Universelt | Helsestasjonen"),
                         (ParagraphKind.TABLE_ROW, "Fråværsteam | Selektivt | Skulane")]
    assert kinds[3][0] == ParagraphKind.BODY


def test_plain_text_heading_glued_to_its_text_and_numbered_heading_over_bullets():
    text = ("1 Innleiing\nPlanen gjeld born og unge.\n\nUtfordringar\nTilsette i barnehagane seier at fleire "
            "born strevar med uro enn før.\n\n4 Tiltak\n- Foreldremøte\n- Ungdomsklubb\n\nDette er ei lang "
            "setning som held fram\npå neste linje utan punktum.\n")
    blocks, _ = parse_plain(text)
    assert [b.text for b in blocks if b.heading_level] == ["1 Innleiing", "Utfordringar", "4 Tiltak"]
    assert [b.text for b in blocks if b.kind == ParagraphKind.LIST_ITEM] == ["Foreldremøte", "Ungdomsklubb"]
    assert blocks[-1].text == "Dette er ei lang setning som held fram på neste linje utan punktum."


def test_plain_text_first_line_is_the_title_even_when_long():
    text = ("Plan for forebygging av omsorgssvikt og atferdsvansker i Nordvik kommune 2025\n\n"
            "Nordvik kommune vil at alle barn skal få hjelp tidlig.\n")
    blocks, _ = parse_plain(text)
    assert (blocks[0].heading_level, blocks[0].text) == (
        1, "Plan for forebygging av omsorgssvikt og atferdsvansker i Nordvik kommune 2025")
    assert blocks[1].heading_level is None


def test_markdown_escaped_markers_are_characters_and_emphasis_is_dropped(tmp_path):
    """'\\_' is an underscore, not an emphasis marker: a line left to fill in keeps its blanks."""
    path = tmp_path / "utkast.md"
    path.write_text("# Plan\n\nVedtatt av kommunestyret: \\_\\_\\_.\\_\\_\\_.2026, sak \\_\\_\\_/26\n\n"
                    "Planen er **viktig** for _alle_ barn.\n", encoding="utf-8")
    texts = [p.text for s in api.extract(path).sections for p in s.paragraphs]
    assert texts == ["Vedtatt av kommunestyret: ___.___.2026, sak ___/26", "Planen er viktig for alle barn."]


@pytest.mark.parametrize("record", ["Vedtatt i kommunestyret 27.04.2023, K-sak 14/23",
                                    "Vedteken i heradsstyret 3.5.2024", "Høringsutkast, sak 12/24"])
def test_plain_text_dated_record_under_the_title_is_text_not_a_heading(tmp_path, record):
    path = tmp_path / "plan.txt"
    path.write_text(f"HASVIK KOMMUNE\n\nPlan for forebyggende arbeid\n\n{record}\n\n1. Innledning\n\n"
                    "Planen gjelder alle barn og unge i kommunen.\n\nTiltak 2024–2027\n\nVi starter foreldrekurs.\n",
                    encoding="utf-8")
    sections = api.extract(path).sections
    headings = [s.heading for s in sections]
    assert record not in headings and "Tiltak 2024–2027" in headings, headings
    assert any(p.text == record for s in sections for p in s.paragraphs)
