"""HTML report: self-contained, escaped, one card per rule; rendered in headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import types
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fixtures_results import RULES, batch_result, markdown_draft, single_result

from plansjekk.report import html
from plansjekk.settings import Settings

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "",
                             shutil.which("chromium-browser") or "") if p and Path(p).exists()), None)


class Cards(HTMLParser):
    """Collect the rule cards (code, status) and every external resource reference."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[tuple[str, str]] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if "regelkort" in (a.get("class") or "").split():
            self.cards.append((a["data-code"], a["data-status"]))
        if tag in ("script", "img", "iframe") or (tag == "link" and a.get("rel") == "stylesheet"):
            self.resources.append(tag)


def parse(text: str) -> Cards:
    parser = Cards()
    parser.feed(text)
    return parser


def test_one_card_per_rule_with_status() -> None:
    cards = parse(html.render(single_result(), Settings())).cards
    assert cards == [("BV101", "oppfylt"), ("BV103", "delvis"), ("BV105", "oppfylt"),
                     ("BV203", "mangler"), ("BV208", "mangler"), ("BV301", "delvis")]


def test_self_contained_norwegian_and_printable() -> None:
    page = html.render(single_result(), Settings())
    assert parse(page).resources == []
    assert '<html lang="nb">' in page and "@media print" in page
    assert not re.search(r"(src|href)=\"(?!https?://lovdata|https?://www\.bufdir)", page)
    assert "Planen oppfyller ikke alle kravene i barnevernsloven § 15-1." in page
    assert "Dette bør legges til:</strong> Beskriv ansvarsfordeling" in page
    assert "<cite>4 Ansvar, s. 6</cite>" in page


def test_document_text_is_escaped() -> None:
    page = html.render(single_result(), Settings())
    assert "«Tjenester: barnehage | skole &amp; helsestasjon &lt;alle&gt;»" in page
    assert "<alle>" not in page


def test_render_document_is_a_standalone_page_for_one_document() -> None:
    page = html.render_document(markdown_draft(), RULES, Settings(), rulepack_version="1.0.0")
    assert page.startswith("<!DOCTYPE html>")
    assert [c for c, _ in parse(page).cards] == ["BV101", "BV103", "BV105", "BV203", "BV208", "BV301"]
    assert "Undertrykt i dokumentet: Avklaring står i kommunens delegasjonsreglement." in page
    assert "Ubrukt undertrykking av BV210 (linje 3)" in page


def test_batch_page_without_overview_module_has_every_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "plansjekk.report.overview_html", None)  # the fallback page
    page = html.render(batch_result(), Settings())
    for path in ("samples/sandnes-plan.pdf", "samples/kryptert.pdf", "samples/planprogram.docx"):
        assert f'data-path="{path}"' in page
    assert "PDF-filen er kryptert" in page
    assert "4 dokument(er) sjekket: 6 funn som bør rettes, 1 uleselig(e)." in page


def test_batch_hands_over_to_the_overview_module(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("plansjekk.report.overview_html")
    fake.render = lambda result, settings: f"oversikt over {len(result.documents)}"
    monkeypatch.setitem(sys.modules, "plansjekk.report.overview_html", fake)
    assert html.render(batch_result(), Settings()) == "oversikt over 4"
    assert html.render(single_result(), Settings()).startswith("<!DOCTYPE html>")


def test_english() -> None:
    page = html.render(single_result("en"), Settings(lang="en"))
    assert '<html lang="en">' in page and "What to add:</strong>" in page


def _chromium(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}"]
    return subprocess.run(base + args, capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_chromium_renders_the_cards(tmp_path: Path) -> None:
    page = tmp_path / "rapport.html"
    page.write_text(html.render(single_result(), Settings()), encoding="utf-8")
    dom = _chromium(["--dump-dom", page.as_uri()], tmp_path)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert parse(dom.stdout).cards == parse(page.read_text(encoding="utf-8")).cards
    assert len(parse(dom.stdout).cards) == 6
    png = tmp_path / "rapport.png"
    shot = _chromium([f"--screenshot={png}", "--window-size=1200,2000", page.as_uri()], tmp_path)
    assert shot.returncode == 0, shot.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a drawn page, not a blank one
