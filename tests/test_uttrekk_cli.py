"""`plansjekk uttrekk`: tree, JSON (the DESIGN.md contract) and Markdown; exit 3 on bad input."""

from __future__ import annotations

import json

import docx
from docx.enum.text import WD_BREAK
from typer.testing import CliRunner

from plansjekk.cli import app

CONTRACT_KEYS = ["path", "format", "pages", "language", "title", "sections", "warnings", "error"]
SECTION_KEYS = ["heading", "number", "level", "page_start", "page_end", "paragraphs"]


def run(*args: str):
    return CliRunner().invoke(app, ["uttrekk", *args])


def make_plan(tmp_path):
    d = docx.Document()
    d.add_paragraph("Forord før første overskrift.")
    d.add_heading("Plan for førebygging", 1)
    d.add_paragraph("Kommunen skal førebyggje omsorgssvikt og åtferdsvanskar hjå born og unge i heile kommunen.")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_heading("3.2 Samarbeid", 2)
    d.add_paragraph("Helsestasjonen", style="List Bullet")
    table = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Tiltak", (0, 1): "Ansvar", (1, 0): "Leksehjelp", (1, 1): "Skulen"}.items():
        table.cell(r, c).text = text
    path = tmp_path / "plan.docx"
    d.save(path)
    return path


def test_json_follows_the_contract(tmp_path):
    result = run(str(make_plan(tmp_path)), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == CONTRACT_KEYS
    assert data["format"] == "docx" and data["pages"] == 2 and data["error"] is None
    assert data["language"] == "nn" and data["title"] == "Plan for førebygging"
    sections = data["sections"]
    assert all(list(s) == SECTION_KEYS for s in sections)
    assert sections[0]["heading"] is None and sections[0]["level"] == 0
    assert sections[0]["paragraphs"] == [{"text": "Forord før første overskrift.", "page": 1, "kind": "body"}]
    assert sections[2] == {
        "heading": "3.2 Samarbeid", "number": "3.2", "level": 2, "page_start": 2, "page_end": 2,
        "paragraphs": [{"text": "Helsestasjonen", "page": 2, "kind": "list_item"},
                       {"text": "Tiltak | Ansvar", "page": 2, "kind": "table_header"},
                       {"text": "Leksehjelp | Skulen", "page": 2, "kind": "table_row"}]}


def test_tree_shows_headings_levels_pages_and_first_words(tmp_path):
    result = run(str(make_plan(tmp_path)))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "3.2 Samarbeid" in out and "nivå 2" in out and "s. 2" in out
    assert "Kommunen skal førebyggje omsorgssvikt og åtferdsvanskar hjå born …" in out
    assert "(tekst før første overskrift)" in out
    assert "1 punkt" in out and "1 tabellrader" in out


def test_markdown_output(tmp_path):
    result = run(str(make_plan(tmp_path)), "-f", "markdown")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[2:] == [
        "# Plan for førebygging", "",
        "Kommunen skal førebyggje omsorgssvikt og åtferdsvanskar hjå born og unge i heile kommunen.", "",
        "## 3.2 Samarbeid", "",
        "- Helsestasjonen", "",
        "| Tiltak | Ansvar |", "| --- | --- |", "| Leksehjelp | Skulen |"]


def test_unreadable_file_exits_3_with_norwegian_message(tmp_path):
    path = tmp_path / "bilde.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    result = run(str(path))
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert "kunne ikke lese" in result.stderr and "Støttede formater" in result.stderr
    assert result.stdout == ""


def test_unreadable_file_json_has_error_object(tmp_path):
    path = tmp_path / "tom.docx"
    path.write_bytes(b"")
    result = run(str(path), "--format", "json")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert list(data) == CONTRACT_KEYS
    assert data["sections"] == [] and data["error"]["code"] == "tom"
    assert data["path"] == str(path)


def test_size_option_is_applied(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text("# Plan\n\n" + "Kommunen skal samarbeide.\n" * 50_000)
    result = run(str(path), "--maks-mb", "0.5", "-f", "json")
    assert result.exit_code == 3
    assert json.loads(result.stdout)["error"]["code"] == "for_stor"
    assert run(str(path), "--maks-mb", "5", "-f", "json").exit_code == 0


def test_corrupt_docx_exits_3_without_traceback(tmp_path):
    data = make_plan(tmp_path).read_bytes()
    path = tmp_path / "avkuttet.docx"
    path.write_bytes(data[:3000])
    result = run(str(path))
    assert result.exit_code == 3 and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
