"""Reports plansjekk wrote into a checked folder are recognised by their mark and skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fixtures_results import batch_result, single_result

from plansjekk.batch.discover import discover
from plansjekk.report import render
from plansjekk.settings import Settings

SUFFIX = {"html": ".html", "markdown": ".md", "json": ".json", "sarif": ".sarif", "csv": ".csv",
          "xlsx": ".xlsx", "junit": ".xml"}


def _write(folder: Path, name: str, make, lang: str) -> Path:
    target = folder / f"rapport-{name}-{make.__name__}{SUFFIX[name]}"
    content = render(name, make(), Settings(formats=(name,), output=target, lang=lang))
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    return target


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_report_format_in_the_folder_is_skipped_as_our_own(tmp_path, lang):
    folder = tmp_path / "planer"
    folder.mkdir()
    plan = folder / "asker-plan.md"
    plan.write_text("# Plan for forebygging\n\nAsker kommune har mål for oppveksten.\n", encoding="utf-8")
    written = [_write(folder, name, make, lang) for name in SUFFIX for make in (single_result, batch_result)]
    written += [p for p in folder.rglob("*.html") if p not in written]  # overview pages beside the HTML
    found = discover([str(folder)])
    assert list(found.files) == [str(plan)]
    skipped = {r.path: r for r in found.results}
    assert set(skipped) == {str(p) for p in written}
    for path, result in skipped.items():
        assert result.skipped and result.error.code == "egen_rapport", path
        assert "rapport laget av plansjekk" in result.error.message
    assert "(Markdown)" in skipped[str(folder / "rapport-markdown-batch_result.md")].error.message
    assert "(XLSX)" in skipped[str(folder / "rapport-xlsx-batch_result.xlsx")].error.message


def test_plans_that_talk_about_plansjekk_are_still_plans(tmp_path):
    (tmp_path / "plan.md").write_text("# Plan\n\nKommunen har brukt plansjekk og lest plansjekk-rapport.\n",
                                      encoding="utf-8")
    (tmp_path / "side.html").write_text("<html><head><meta name='generator' content='WordPress 6.4'>"
                                        "</head><body><h1>Plan</h1></body></html>", encoding="utf-8")
    found = discover([str(tmp_path)])
    assert sorted(os.path.basename(f) for f in found.files) == ["plan.md", "side.html"]


@pytest.mark.parametrize("fmt", ["terminal", "github"])
def test_text_reports_written_to_a_file_are_marked_and_skipped(tmp_path, fmt):
    from plansjekk.report import write_reports

    target = tmp_path / "rapport.txt"
    write_reports(batch_result(), Settings(formats=(fmt,), output=target, color=False))
    assert target.read_text(encoding="utf-8").startswith("# generator: plansjekk ")
    found = discover([str(tmp_path)])
    assert not found.files and found.results[0].error.code == "egen_rapport"
