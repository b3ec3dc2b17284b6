"""HTML extraction: main content only, headings h1-h6, lists, tables, lines, charsets."""

from __future__ import annotations

from plansjekk import api
from plansjekk.model import ParagraphKind, Suppression

MUNICIPAL_PAGE = """<!DOCTYPE html>
<html lang="nn">
<head><meta charset="utf-8"><title>Plan for førebygging - Fjordvik kommune</title>
<script>var tekst = "Skjult skripttekst";</script><style>.x { color: red }</style></head>
<body>
<a class="skip-link" href="#main">Hopp til hovudinnhald</a>
<header class="site-header"><a href="/">Fjordvik kommune</a>
<nav><ul><li><a href="/tenester">Tenester</a></li><li><a href="/politikk">Politikk</a></li></ul></nav></header>
<div id="cookie-consent">Vi brukar informasjonskapslar. <button>Godta</button></div>
<ol class="breadcrumb"><li>Heim</li><li>Planar</li></ol>
<main id="main">
<h1>Plan for f&oslash;rebygging</h1>
<p>Kommunen skal <strong>førebyggje</strong> omsorgssvikt
og åtferdsvanskar hjå born og unge.</p>
<h2>2 Mål</h2>
<p>Alle born skal få tidleg hjelp.</p>
<h3>2.1 Delmål</h3>
<ul>
  <li>Tidleg innsats i barnehagen</li>
  <li>Betre samarbeid<ul><li>mellom skule og helsestasjon</li></ul></li>
</ul>
<table>
  <thead><tr><th>Tiltak</th><th>Ansvar</th></tr></thead>
  <tbody><tr><td>Foreldrerettleiing</td><td>Helsestasjonen</td></tr>
  <tr><td>Leksehjelp</td><td></td></tr></tbody>
</table>
<div class="share-buttons">Del på Facebook</div>
<aside>Relaterte artiklar</aside>
<div>Tekst direkte i ein div.</div>
</main>
<footer>Kontakt: postmottak@fjordvik.kommune.no</footer>
</body></html>
"""


def write(tmp_path, text: str, name: str = "plan.html", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_boilerplate_removed_and_main_text_kept(tmp_path):
    doc = api.extract(write(tmp_path, MUNICIPAL_PAGE))
    text = doc.text
    for gone in ("Tenester", "Politikk", "informasjonskapslar", "Godta", "Heim", "Del på Facebook",
                 "Relaterte", "postmottak", "Skjult skripttekst", "color", "Hopp til"):
        assert gone not in text, gone
    assert "Kommunen skal førebyggje omsorgssvikt og åtferdsvanskar hjå born og unge." in text
    assert "Tekst direkte i ein div." in text
    assert doc.format == "html" and doc.language == "nn"


def test_headings_levels_numbers_and_title(tmp_path):
    doc = api.extract(write(tmp_path, MUNICIPAL_PAGE))
    assert [(s.heading, s.level, s.number) for s in doc.sections] == [
        ("Plan for førebygging", 1, None), ("2 Mål", 2, "2"), ("2.1 Delmål", 3, "2.1")]
    assert doc.title == "Plan for førebygging"


def test_lists_and_tables(tmp_path):
    doc = api.extract(write(tmp_path, MUNICIPAL_PAGE))
    rows = [(p.text, p.kind) for p in doc.sections[2].paragraphs]
    assert rows[:6] == [
        ("Tidleg innsats i barnehagen", ParagraphKind.LIST_ITEM),
        ("Betre samarbeid", ParagraphKind.LIST_ITEM),
        ("mellom skule og helsestasjon", ParagraphKind.LIST_ITEM),
        ("Tiltak | Ansvar", ParagraphKind.TABLE_HEADER),
        ("Foreldrerettleiing | Helsestasjonen", ParagraphKind.TABLE_ROW),
        ("Leksehjelp", ParagraphKind.TABLE_ROW),
    ]


def test_source_lines_are_recorded(tmp_path):
    doc = api.extract(write(tmp_path, MUNICIPAL_PAGE))
    lines = MUNICIPAL_PAGE.split("\n")
    for section in doc.sections:
        assert section.line is not None
        assert section.heading.split()[-1] in lines[section.line - 1].replace("&oslash;", "ø")
        for paragraph in section.paragraphs:
            first_word = paragraph.text.split()[0]
            assert first_word in lines[paragraph.line - 1], (paragraph.text, paragraph.line)


def test_page_without_main_uses_body_and_drops_header(tmp_path):
    page = ("<html><body><header><div>Logo og meny</div></header><div class='menu'>Meny</div>"
            "<h1>Plan</h1><p>Brødtekst om samarbeid.</p><footer>Bunntekst</footer></body></html>")
    doc = api.extract(write(tmp_path, page))
    assert doc.text == "Plan\nBrødtekst om samarbeid."


def test_layout_table_is_read_as_text(tmp_path):
    page = ("<html><body><table><tr><td class='left'><p>Venstre spalte.</p></td>"
            "<td><h2>Mål</h2><p>Kommunen skal samarbeide.</p></td></tr></table></body></html>")
    doc = api.extract(write(tmp_path, page))
    assert [s.heading for s in doc.sections] == [None, "Mål"]
    assert doc.sections[1].paragraphs[0].text == "Kommunen skal samarbeide."
    assert all(p.kind is ParagraphKind.BODY for _, p in doc.paragraphs())


def test_charset_from_meta_when_not_utf8(tmp_path):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
            "</head><body><h1>Førebygging</h1><p>Åtferdsvanskar hjå små born.</p></body></html>")
    doc = api.extract(write(tmp_path, page, encoding="latin-1"))
    assert doc.sections[0].heading == "Førebygging"
    assert doc.sections[0].paragraphs[0].text == "Åtferdsvanskar hjå små born."
    assert doc.warnings == ()


def test_suppression_comments_and_comments_not_text(tmp_path):
    page = ("<html><body>\n<h1>Plan</h1>\n<!-- plansjekk: ignorer BV203, BV204 -- eigen plan -->\n"
            "<p>Tekst.<!-- ein vanleg kommentar --></p></body></html>")
    doc = api.extract(write(tmp_path, page))
    assert doc.suppressions == (Suppression("BV203", "eigen plan", 3), Suppression("BV204", "eigen plan", 3))
    assert "kommentar" not in doc.text


def test_hidden_elements_are_skipped(tmp_path):
    page = ("<html><body><h1>Plan</h1><p hidden>Skjult</p><div style='display: none'>Også skjult</div>"
            "<p aria-hidden='true'>Ikon</p><p>Synleg.</p></body></html>")
    assert api.extract(write(tmp_path, page)).text == "Plan\nSynleg."


def test_html_with_wrong_extension_is_sniffed(tmp_path):
    doc = api.extract(write(tmp_path, MUNICIPAL_PAGE, name="plan.txt"))
    assert doc.format == "html"
    assert any("HTML" in w for w in doc.warnings)


class _CountingText(str):
    """A str that adds up how many characters its `find` calls may scan."""

    scanned = 0

    def find(self, sub, start=0, end=None):  # noqa: ANN001, ANN201 - str's own signature
        stop = len(self) if end is None else min(end, len(self))
        _CountingText.scanned += max(0, stop - start)
        return super().find(sub, start, stop)


def test_line_location_work_is_bounded_per_block_however_long_the_page():
    from plansjekk.extract import html_lines

    source = "<html><body>" + "".join(f"<p>Tiltak&nbsp;nummer {i}\nfor barn og unge.</p>\n" for i in range(6000)) \
        + "</body></html>"
    locator = html_lines.LineLocator(source)
    assert len(locator.text) > 200_000
    assert locator.find("Tiltak nummer 2 for barn") == 5  # words across a line break and a non-breaking space
    locator.text = _CountingText(locator.text)
    for _ in range(200):  # text the parser changed: found nowhere
        assert locator.find("Ukjent omskrevet tekst") == 5  # the previous block's line
    assert _CountingText.scanned <= 200 * 4 * 20_100  # a bounded window each, not the rest of the page
    assert locator.find("Tiltak nummer 40 for barn") == 81
