"""Hostile document text in reports (issue 12, defects 7, 8, 9 and SARIF helpUri).

A quote, title or file name can hold control characters, terminal escape sequences and
spreadsheet formulas; every report must stay readable and inert.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from fixtures_results import RULES, finding, pdf_plan, run_of
from openpyxl import load_workbook

from plansjekk.errors import PlansjekkError
from plansjekk.model import Evidence
from plansjekk.report import csv_report, github, markdown, sarif, terminal, write_reports, xlsx_report
from plansjekk.settings import Settings

FORMULA = '=HYPERLINK("http://angriper.example/x","Klikk her")'
ESCAPES = "\x1b[2J\x1b]0;eid\x07\x1b[31mRØD\x1b[0m\x9b1m"


def hostile_plan(path: str = "planer/oppvekst\x1b[8m.pdf") -> object:
    doc = pdf_plan()
    findings = tuple(
        finding("BV103", "delvis", (Evidence(f"{FORMULA} Mål\x0bet\x01 er trygg oppvekst {ESCAPES}",
                                             "4 Ansvar\x1b[1A", 6),))
        if f.code == "BV103" else
        finding("BV203", "mangler", (Evidence("+47 99 99 99 99 og @SUM(A1:A9)", "5", 7),))
        if f.code == "BV203" else f
        for f in doc.findings)
    return replace(doc, path=path, title="Plan \x1b]0;overtatt\x07for oppvekst\u202e", municipality="Sandnes",
                   findings=findings)


def test_xlsx_takes_control_characters_and_never_stores_a_formula(tmp_path: Path) -> None:
    """Defects 7 and 8: no IllegalCharacterError, and document text stays text."""
    data = xlsx_report.render(run_of(hostile_plan(), pdf_plan()), Settings(output=tmp_path / "o.xlsx"))
    book = load_workbook(io.BytesIO(data))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value is not None]
    texts = [c for c in cells if isinstance(c.value, str)]
    assert not [c.coordinate for c in texts if c.data_type == "f" and "HYPERLINK" in c.value]
    quotes = [c for c in texts if "HYPERLINK" in c.value]
    assert quotes and all(c.data_type == "s" and c.quotePrefix for c in quotes if c.value.startswith("="))
    assert all("\x1b" not in c.value and "\x0b" not in c.value and "\x01" not in c.value for c in texts)


def test_csv_cells_are_neutralised_as_owasp_recommends() -> None:
    """Defect 8: a cell beginning with = + - @ (or tab/CR) gets a leading apostrophe."""
    text = csv_report.render(run_of(hostile_plan()), Settings())
    rows = list(__import__("csv").DictReader(io.StringIO(text), delimiter=";"))
    evidence = {r["regel"]: r["bevis"] for r in rows}
    assert evidence["BV103"].startswith("'=HYPERLINK(")
    assert evidence["BV203"].startswith("'+47")
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for v in r.values() if v)
    assert "\x1b" not in text and "\x9b" not in text


@pytest.mark.parametrize("reporter", [terminal, markdown, github, csv_report])
def test_no_escape_sequence_reaches_a_text_report(reporter) -> None:
    """Defect 9: titles, quotes, sections and file names are printed without escapes."""
    single, batch = run_of(hostile_plan()), run_of(hostile_plan(), replace(pdf_plan(), path="plan[/].pdf"))
    for result in (single, batch):  # the batch also has rich markup in a file name
        text = reporter.render(result, Settings(color=False))
        assert not any(ch in text for ch in ("\x1b", "\x9b", "\x07", "\x0b", "\x01", "\u202e")), repr(text[:300])
    assert "RØD" in reporter.render(single, Settings(color=False))  # the text itself stays


def test_terminal_colours_survive_while_document_escapes_do_not() -> None:
    text = terminal.render(run_of(hostile_plan()), Settings(color=True))
    assert "\x1b[" in text  # our own colours
    assert "\x1b]0;" not in text and "\x1b[2J" not in text and "\x1b[8m" not in text


def test_one_failing_format_does_not_stop_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Defect 7: the first format crashes; the second is still written, then exit 2 names the first."""
    def broken(result, settings):
        raise ValueError("kaputt")

    monkeypatch.setattr(xlsx_report, "render", broken)
    out = tmp_path / "rapport.xlsx"
    with pytest.raises(PlansjekkError, match="«xlsx» kunne ikke lages.*kaputt"):
        write_reports(run_of(pdf_plan()), Settings(formats=("xlsx", "json"), output=out))
    assert json.loads((tmp_path / "rapport.json").read_text(encoding="utf-8"))["documents"]


@pytest.mark.parametrize("url, kept", [("javascript:alert(1)", False), ("file:///etc/passwd", False),
                                       (" JavaScript:alert(1)", False), ("https://lovdata.no/x", True)])
def test_sarif_help_uri_is_only_a_web_link(url: str, kept: bool) -> None:
    """Defect 20 (SARIF part): a rule pack cannot put a javascript: link into helpUri."""
    rules = tuple(replace(r, source_url=url) if r.code == "BV103" else r for r in RULES)
    result = replace(run_of(pdf_plan()), rules=rules)
    log = json.loads(sarif.render(result, Settings()))
    bv103 = [r for r in log["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "BV103"][0]
    assert ("helpUri" in bv103) == kept


def test_batch_overview_html_escapes_document_text(tmp_path: Path) -> None:
    """The overview page comes from a jinja2 template with autoescaping: a hostile file name,
    municipality or override reason cannot inject markup."""
    from plansjekk.report import overview_html

    evil = replace(pdf_plan(), path="<script>alert(1)</script>.pdf", municipality="<b>Hole</b>")
    page = overview_html.render(run_of(evil, pdf_plan()), Settings(output=tmp_path / "o.html"))
    assert "<script>" not in page and "<b>Hole" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.pdf" in page and "&lt;b&gt;Hole&lt;/b&gt;" in page
    assert 'href="o-dokumenter/' in page


@pytest.mark.parametrize("fmt", ["tre", "markdown"])
def test_uttrekk_prints_document_text_without_escapes(tmp_path: Path, fmt: str) -> None:
    """Defect 9 for `uttrekk`: headings, first words and the file name from a hostile Markdown file."""
    from typer.testing import CliRunner

    from plansjekk.cli import app

    plan = tmp_path / "plan\x1b[8m.md"
    body = "Målet er at barn og unge i kommunen skal ha en trygg oppvekst med god hjelp tidlig. " * 20
    plan.write_text(f"# Plan for oppvekst\n\n## Mål \x1b[31mRØD\x1b[0m\n\n{body}\x1b]0;eid\x07\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["uttrekk", str(plan), "-f", fmt])
    assert result.exit_code == 0, result.output
    assert "oppvekst" in result.stdout and "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_progress_line_takes_any_file_name() -> None:
    """Defect 9 for the progress line: its column is rich markup, so brackets in a file name are
    escaped (a '[/]' would crash the batch) and escapes are dropped."""
    from rich.text import Text

    from plansjekk.batch.progress import _short

    shown = Text.from_markup("[dim]" + _short("planer/[/]plan\x1b]0;eid\x07.pdf"))
    assert shown.plain == "planer/[/]plan.pdf"


def test_a_real_plan_with_a_formula_and_control_characters_gives_every_format(tmp_path: Path) -> None:
    """Defects 7 and 8 end to end: a Markdown plan whose goal sentence starts with a formula and
    holds a vertical tab and an escape sequence; xlsx and csv are both written, neither live."""
    from typer.testing import CliRunner

    from plansjekk.cli import app

    plan = tmp_path / "plan.md"
    plan.write_text("# Plan for forebygging av omsorgssvikt 2025–2028\n\n## Mål\n\n"
                    '=HYPERLINK("http://x.example","Klikk") Målet\x0b er at alle barn i kommunen skal ha en trygg '
                    "oppvekst, og at familier får hjelp tidlig.\x1b[31m Barnevernstjenesten, helsestasjonen og "
                    "skolen samarbeider.\n\n## Organisering\n\nKommunalsjefen for oppvekst leder arbeidet.\n",
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["sjekk", str(plan), "-f", "xlsx", "-f", "csv", "-o", str(tmp_path / "r.xlsx"),
                                      "--ingen-buffer"])
    assert result.exit_code in (0, 1), result.output
    book = load_workbook(tmp_path / "r.xlsx")
    quotes = [c for ws in book.worksheets for row in ws.iter_rows() for c in row
              if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert quotes and all(c.data_type == "s" and "\x0b" not in c.value for c in quotes)
    text = (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "\x1b" not in text and "\x0b" not in text
