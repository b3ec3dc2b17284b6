"""Where reports go: registry lookup, stdout, --output, several formats, binary formats."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from fixtures_results import single_result

from plansjekk.errors import PlansjekkError
from plansjekk.report import get_reporter, output_targets, write_reports
from plansjekk.settings import Settings


def test_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(PlansjekkError, match="ukjent format «pdf»: bruk terminal, json"):
        get_reporter("pdf")


def test_missing_reporter_module_is_a_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "plansjekk.report.xlsx_report", None)
    with pytest.raises(PlansjekkError, match="«xlsx» er ikke tilgjengelig"):
        get_reporter("xlsx")


def test_one_format_to_stdout(capsys: pytest.CaptureFixture) -> None:
    write_reports(single_result(), Settings(formats=("json",)))
    data = json.loads(capsys.readouterr().out)
    assert data["documents"][0]["path"] == "samples/sandnes-plan.pdf"


def test_one_format_to_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "rapport.txt"
    assert write_reports(single_result(), Settings(formats=("sarif",), output=target)) == [target]
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert capsys.readouterr().out == ""


def test_several_formats_derive_names_and_streams_stay_on_stdout(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture) -> None:
    settings = Settings(formats=("github", "sarif", "junit", "markdown"), output=tmp_path / "plansjekk.sarif")
    written = write_reports(single_result(), settings)
    assert [p.name for p in written] == ["plansjekk.sarif", "plansjekk.xml", "plansjekk.md"]
    assert capsys.readouterr().out.startswith("::error file=samples/sandnes-plan.pdf")


def test_output_folder(tmp_path: Path) -> None:
    written = write_reports(single_result(), Settings(formats=("html",), output=tmp_path))
    assert written == [tmp_path / "plansjekk-rapport.html"]


def test_targets_without_output() -> None:
    assert output_targets(("terminal", "github"), None) == [("terminal", None), ("github", None)]
    with pytest.raises(PlansjekkError, match="flere filformater \\(json, sarif\\) krever --output"):
        output_targets(("json", "sarif"), None)
    with pytest.raises(PlansjekkError, match="«xlsx» er binært og krever --output"):
        output_targets(("xlsx",), None)


def test_binary_reporter_writes_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("plansjekk.report.xlsx_report")
    fake.render = lambda result, settings: b"PK\x03\x04fake"
    monkeypatch.setitem(sys.modules, "plansjekk.report.xlsx_report", fake)
    target = tmp_path / "oversikt.xlsx"
    write_reports(single_result(), Settings(formats=("xlsx",), output=target))
    assert target.read_bytes() == b"PK\x03\x04fake"


def test_unwritable_output_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(PlansjekkError, match="kunne ikke skrive"):
        write_reports(single_result(), Settings(formats=("json",), output=tmp_path / "mangler" / "x.json"))
