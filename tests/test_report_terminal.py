"""Terminal report: symbols, colour only when asked, batch overview hand-over."""

from __future__ import annotations

import sys
import types

import pytest
from fixtures_results import batch_result, single_result

from plansjekk.report import terminal
from plansjekk.settings import Settings


def test_plain_output_has_no_escape_codes_and_shows_what_to_add() -> None:
    out = terminal.render(single_result(), Settings(color=False))
    assert "\x1b[" not in out
    assert "✔ oppfylt   BV101" in out and "◐ delvis    BV103" in out and "✘ mangler   BV203" in out
    assert "→ Legg til: Beskriv avklaring ved uenighet" in out
    assert "(3 Mål, s. 4)" in out
    assert "Vedtak: kommunestyret 2024-05-29, sak 18/24" in out
    assert out.rstrip().endswith("1 dokument(er) sjekket: 4 funn som bør rettes, 0 uleselig(e).")


def test_colour_when_forced() -> None:
    out = terminal.render(single_result(), Settings(color=True))
    assert "\x1b[32m" in out and "\x1b[31m" in out and "\x1b[33m" in out  # green, red, yellow


def test_not_a_tty_means_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert terminal.use_color(Settings()) is False
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert terminal.use_color(Settings()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert terminal.use_color(Settings()) is False


def test_batch_is_compact_and_followed_by_the_overview(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("plansjekk.report.overview")
    fake.render_terminal = lambda result, settings: "OVERSIKT\n"
    monkeypatch.setitem(sys.modules, "plansjekk.report.overview", fake)
    out = terminal.render(batch_result(), Settings(color=False))
    assert out.endswith("\nOVERSIKT\n")
    assert "samples/kryptert.pdf – Dokumentet kunne ikke leses." in out
    assert "  ✘ PDF-filen er kryptert." in out
    assert "BV203" not in out.split("samples/kryptert.pdf")[0]  # suppressed in the draft: not listed


def test_unused_suppression_and_suppression_reason_are_reported() -> None:
    from fixtures_results import markdown_result

    out = terminal.render(markdown_result(), Settings(color=False))
    assert "Ubrukt undertrykking av BV210 (linje 3): den undertrykker ingen funn." in out
    flat = " ".join(out.split())  # the assessment column wraps
    assert "Undertrykt i dokumentet: Avklaring står i kommunens delegasjonsreglement." in flat
