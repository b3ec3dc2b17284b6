"""Quotes found in the document's own text: marked, anchored, escaped, overlaps split."""

from __future__ import annotations

from plansjekk.model import Document, Paragraph, Section
from plansjekk.web.marks import mark_document

TEXT = ("Kommunen har  tre mål for arbeidet. Barn og unge skal få hjelp tidlig, "
        "og foreldre skal få <støtte> & veiledning.")


def document() -> Document:
    other = Section("1 Innledning", 1, "1", 1, 1, (Paragraph("Barn og unge skal få hjelp tidlig, men ikke her.", 1),))
    goals = Section("3 Mål", 1, "3", 4, 4, (Paragraph(TEXT, 4),))
    return Document("plan.pdf", "pdf", 4, "nb", "Plan", (other, goals))


def finding(code: str, *quotes: tuple[str, str, int]) -> dict:
    return {"code": code, "evidence": [{"quote": q, "section": s, "page": p} for q, s, p in quotes]}


def test_quotes_are_marked_in_the_quoted_section_with_anchors_and_escaped_text():
    findings = [finding("BV101", ("Kommunen har tre mål for arbeidet.", "3 Mål", 4)),
                finding("BV105", ("Barn og unge skal få hjelp tidlig, og foreldre skal få <støtte> & …", "3 Mål", 4))]
    sections = mark_document(document(), findings)
    assert [e["anchor"] for f in findings for e in f["evidence"]] == ["sitat-BV101-1", "sitat-BV105-1"]
    assert "<mark" not in str(sections[0]["paragraphs"][0]["html"])  # same words, other section: not chosen
    html = str(sections[1]["paragraphs"][0]["html"])
    assert html.count("<mark") == 2 and "<støtte>" not in html and "&lt;støtte&gt; &amp;" in html
    assert '<mark data-funn="BV101"><span class="anker" id="sitat-BV101-1"></span>Kommunen har tre mål' in html
    assert html.endswith(" veiledning.")  # the cut quote ends where its text ends
    assert sections[1]["paragraphs"][0]["new_page"] == 4


def test_overlapping_quotes_are_split_into_segments_naming_every_finding():
    findings = [finding("BV101", ("Barn og unge skal få hjelp tidlig, og foreldre", "3 Mål", 4)),
                finding("BV104", ("hjelp tidlig, og foreldre skal få", "3 Mål", 4))]
    html = str(mark_document(document(), findings)[1]["paragraphs"][0]["html"])
    assert '<mark data-funn="BV101">' in html and '<mark data-funn="BV101 BV104">' in html
    assert '<mark data-funn="BV104"><span class="anker" id="sitat-BV104-1"></span>' not in html
    assert 'id="sitat-BV104-1"></span>hjelp tidlig, og foreldre</mark>' in html


def test_a_quote_that_is_not_in_the_text_gets_no_anchor():
    findings = [finding("BV102", ("Dette står ikke i planen.", "3 Mål", 4))]
    mark_document(document(), findings)
    assert "anchor" not in findings[0]["evidence"][0]
