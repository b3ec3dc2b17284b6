"""Batch overview outputs (terminal, csv, xlsx, html) and expected/missing municipalities."""

from __future__ import annotations

import csv
import io

from batch_fakes import install, plan_text
from openpyxl import load_workbook

from plansjekk import api
from plansjekk.report import csv_report, overview, overview_html, xlsx_report
from plansjekk.settings import Settings


def _batch(tmp_path, monkeypatch, **settings):
    """Three Vestfold plans (Horten twice), a broken file and an unsupported one."""
    install(monkeypatch, tmp_path)
    folder = tmp_path / "planer"
    folder.mkdir()
    (folder / "horten-2021.md").write_text(plan_text("Horten", "VEDTATT=2021-06-01", "BV105 mangler"),
                                           encoding="utf-8")
    (folder / "horten-2024.md").write_text(plan_text("Horten", "VEDTATT=2024-05-29"), encoding="utf-8")
    (folder / "larvik.md").write_text(plan_text("Larvik", "BV103 mangler"), encoding="utf-8")
    (folder / "tom.md").write_text("", encoding="utf-8")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    overrides = tmp_path / "o.yaml"
    overrides.write_text("- kommune: Larvik\n  regel: BV103\n  status: delvis\n"
                         "  begrunnelse: Ansvar står i vedlegg 2.\n  vurdert_av: Ola\n", encoding="utf-8")
    base = Settings(jobs=1, county="Vestfold", overrides_file=overrides)
    result = api.run([str(folder)], base)
    return result, Settings(**{**vars(base), **settings})


def test_expected_missing_and_duplicates(tmp_path, monkeypatch):
    result, _ = _batch(tmp_path, monkeypatch)
    assert result.expected_municipalities == ("Horten", "Holmestrand", "Tønsberg", "Sandefjord", "Larvik", "Færder")
    assert result.missing_municipalities == ("Holmestrand", "Tønsberg", "Sandefjord", "Færder")
    assert result.extra["primary"]["Horten"].endswith("horten-2024.md")
    assert [p.rsplit("/", 1)[-1] for p in result.extra["duplicates"]["Horten"]] == ["horten-2021.md"]


def test_municipality_list_file(tmp_path, monkeypatch):
    install(monkeypatch, tmp_path)
    (tmp_path / "asker.md").write_text(plan_text("Asker"), encoding="utf-8")
    listing = tmp_path / "kommuner.csv"
    listing.write_text("kommune;nummer\nAsker;3203\n3201\nHerøy (Nordland)\n# kommentar\n", encoding="utf-8")
    result = api.run([str(tmp_path / "asker.md")], Settings(municipalities_file=listing))
    assert result.expected_municipalities == ("Herøy (Nordland)", "Bærum", "Asker")
    assert result.missing_municipalities == ("Herøy (Nordland)", "Bærum")


def test_terminal_overview(tmp_path, monkeypatch):
    result, settings = _batch(tmp_path, monkeypatch, color=False)
    text = overview.render_terminal(result, settings)
    assert "BV101" in text and "BV105" in text and "Sum oppfylt" in text
    assert "Horten (eldre)" in text and "◐*" in text
    assert "Kommuner uten plan (4 av 6)" in text and "Holmestrand, Tønsberg, Sandefjord, Færder" in text
    assert "tom.md [tom]" in text and "logo.png [hoppet over]" in text
    assert "\x1b[" not in text  # plain when not a terminal


def test_csv_parses_back(tmp_path, monkeypatch):
    result, settings = _batch(tmp_path, monkeypatch, output=tmp_path / "oversikt.csv")
    text = csv_report.render(result, settings)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == 3 * 5 + 2 + 4  # plans × rules, two problem files, four missing municipalities
    larvik = next(r for r in rows if r["kommune"] == "Larvik" and r["regel"] == "BV103")
    assert (larvik["status"], larvik["maskinell_status"], larvik["overstyrt_av"]) == ("delvis", "mangler", "Ola")
    assert larvik["overstyrt_begrunnelse"] == "Ansvar står i vedlegg 2."
    old = next(r for r in rows if r["fil"].endswith("horten-2021.md"))
    assert old["primaer"] == "nei" and old["vedtatt"] == "2021-06-01"
    assert {r["status"] for r in rows if not r["regel"]} == {"ulesbar", "hoppet_over", "ingen_plan"}
    assert not csv_report.render(result, Settings()).startswith("\ufeff")  # stdout: no BOM


def test_xlsx_opens_back(tmp_path, monkeypatch):
    result, settings = _batch(tmp_path, monkeypatch)
    path = tmp_path / "oversikt.xlsx"
    path.write_bytes(xlsx_report.render(result, settings))
    book = load_workbook(path)
    assert book.sheetnames == ["Oversikt", "Funn", "Feil og manglende"]
    sheet = book["Oversikt"]
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["Kommune", "Fil", "Dokumenttype", "Vedtatt", "Primær"] and header[5:] == [
        "BV101", "BV102", "BV103", "BV104", "BV105"]
    rows = {(r[0], r[4]): r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[("Larvik", "ja")][7] == "delvis*"
    assert rows[("Horten", "nei")][9] == "mangler" and rows[("Horten", "ja")][9] == "oppfylt"
    assert rows[("Sum oppfylt", None)][5:] == (2, 2, 1, 2, 2)  # primary plans only
    rules = sheet.conditional_formatting
    assert {r.formula[0].split("=")[1] for cf in rules for r in cf.rules} == {
        '"oppfylt"', '"delvis"', '"mangler"', '"ikke_relevant"'}
    findings = list(book["Funn"].iter_rows(min_row=2, values_only=True))
    assert len(findings) == 15
    larvik = next(r for r in findings if r[0] == "Larvik" and r[2] == "BV103")
    assert larvik[4:9] == ("delvis", "mangler", "feil", "Ansvar står i vedlegg 2.", "Ola")
    problems = [r[:3] for r in book["Feil og manglende"].iter_rows(min_row=2, values_only=True)]
    assert ("Mangler plan", "Færder", "ingen_plan") in problems
    assert ("Kunne ikke leses", str(tmp_path / "planer" / "tom.md"), "tom") in problems
    assert any(r[0] == "Hoppet over" and r[1].endswith("logo.png") for r in problems)
    assert any(r[0] == "Eldre plan" and r[1].endswith("horten-2021.md") for r in problems)


def test_html_overview_links_to_document_pages(tmp_path, monkeypatch):
    result, _ = _batch(tmp_path, monkeypatch)
    out = tmp_path / "rapport" / "oversikt.html"
    out.parent.mkdir()
    page = overview_html.render(result, Settings(output=out))
    pages = sorted(p.name for p in (out.parent / "oversikt-dokumenter").iterdir())
    assert len(pages) == 3
    for name in pages:
        assert f'href="oversikt-dokumenter/{name}"' in page
    assert "Holmestrand" in page and "delvis" in page and "<script" not in page
    alone = overview_html.render(result, Settings())
    assert "href=" not in alone


def test_unknown_municipality_in_list_is_a_user_error(tmp_path):
    import pytest

    from plansjekk.batch.expected import read_municipality_file
    from plansjekk.errors import PlansjekkError

    listing = tmp_path / "kommuner.txt"
    listing.write_text("Asker\nAtlantis\n", encoding="utf-8")
    with pytest.raises(PlansjekkError, match=r"kommuner.txt:2: ukjent kommune «Atlantis»"):
        read_municipality_file(listing)
    listing.write_text("Herøy\n", encoding="utf-8")
    with pytest.raises(PlansjekkError, match=r"Herøy \(Nordland\)"):
        read_municipality_file(listing)
