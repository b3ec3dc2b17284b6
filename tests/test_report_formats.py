"""Golden files for every text format, on hand-built results (single, batch, English).

The engine-produced goldens on the real samples are in test_report_samples.py.
"""

from __future__ import annotations

import json
import sys

import pytest
from fixtures_results import batch_result, markdown_result, single_result
from golden import assert_golden

from plansjekk.report import REPORTERS, get_reporter
from plansjekk.settings import Settings

TEXT_FORMATS = {"terminal": "txt", "json": "json", "sarif": "sarif", "junit": "xml",
                "github": "txt", "markdown": "md", "html": "html"}
CASES = {"single": single_result, "batch": batch_result, "markdown": markdown_result}


@pytest.fixture(autouse=True)
def without_batch_overview(monkeypatch: pytest.MonkeyPatch) -> None:
    """Goldens cover these reporters alone; the batch overview modules have their own tests."""
    monkeypatch.setitem(sys.modules, "plansjekk.report.overview", None)
    monkeypatch.setitem(sys.modules, "plansjekk.report.overview_html", None)


def render(fmt: str, result, **settings) -> str:
    out = get_reporter(fmt).render(result, Settings(color=False, **settings))
    assert isinstance(out, str)
    return out


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
def test_golden(fmt: str, case: str) -> None:
    assert_golden(f"fixtures/{case}.{fmt}.{TEXT_FORMATS[fmt]}", render(fmt, CASES[case]()))


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "junit"])
def test_golden_english(fmt: str) -> None:
    assert_golden(f"fixtures/single-en.{fmt}.{TEXT_FORMATS[fmt]}", render(fmt, single_result("en"), lang="en"))


@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
def test_output_is_stable_and_has_no_timestamps(fmt: str) -> None:
    first, second = render(fmt, batch_result()), render(fmt, batch_result())
    assert first == second
    assert "2025-" not in first and "2026-" not in first  # fixtures only carry 2024 dates


@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
def test_document_order_does_not_depend_on_input_order(fmt: str) -> None:
    result = batch_result()
    reversed_result = type(result)(**{**result.__dict__, "documents": tuple(reversed(result.documents))})
    assert render(fmt, result) == render(fmt, reversed_result)


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "github", "junit", "sarif"])
def test_english_has_no_norwegian_labels(fmt: str) -> None:
    out = render(fmt, single_result("en"), lang="en")
    for word in ("Legg til", "Dette bør legges til", "Dokumenttype", "Planperiode", "ikke relevant",
                 "Undertrykt", "Alvorlighet", "alvorlighetsgrad", "sjekket"):
        assert word not in out, (fmt, word)


def test_registry_names_every_format() -> None:
    assert set(TEXT_FORMATS) | {"csv", "xlsx"} == set(REPORTERS)


def test_explain_adds_explanation_only_when_asked() -> None:
    plain = json.loads(render("json", single_result()))
    explained = json.loads(render("json", single_result(), explain=True))
    bv103 = [f for f in explained["documents"][0]["findings"] if f["code"] == "BV103"][0]
    assert bv103["explanation"] == ["treff: barnehage, skole, helsestasjon", "ingen oppgave i samme setning"]
    assert "explanation" not in plain["documents"][0]["findings"][0]
    assert "treff: barnehage" in render("terminal", single_result(), explain=True)
    assert "treff: barnehage" not in render("terminal", single_result())
