"""The measuring scripts themselves: exact agreement with baselines, and evidence placement."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


PLAN = """# Plan for forebygging

## 1 Bakgrunn
Barnevernsreformen skal sikre at barn får hjelp tidlig.

## 2 Mål
### 2.1 Hovedmål
Alle barn i kommunen skal vokse opp i trygge familier.

## 3 Samarbeid
Oppvekstteamet møtes hver måned med barnehage, skole og helsestasjon.
"""


def test_word_search_baseline_finds_words_anywhere():
    accuracy = _script("accuracy")
    assert accuracy.word_search_status("Vi samarbeider godt.", "samarbeid") == "oppfylt"
    assert accuracy.word_search_status("Ingen slike ord her.", "samarbeid") == "mangler"
    assert accuracy.word_search_status("Vedtatt i kommunestyret.", "vedtak") == "oppfylt"


def test_agreement_counts_checker_and_baselines(tmp_path):
    accuracy = _script("accuracy")
    plan = tmp_path / "plan.md"
    plan.write_text(PLAN, encoding="utf-8")
    labels = tmp_path / "labels.yaml"
    labels.write_text("documents:\n  - path: plan.md\n    type: plan\n    expect:\n"
                      "      maal: oppfylt\n      vedtak: mangler\n      tiltak: mangler\n", encoding="utf-8")
    result = accuracy.agreement(accuracy._entries(labels))
    assert result.cells == 3
    assert result.hard_cells == 2
    assert result.all_oppfylt == 1  # only maal's right answer is oppfylt
    assert result.word_search == 3  # 'mål' occurs; neither 'vedtatt' nor 'tiltak' does
    assert 0 <= result.checker <= 3


def test_evidence_placement_credits_the_enclosing_chapter(tmp_path):
    evidence = _script("evidence")
    plan = tmp_path / "plan.md"
    plan.write_text(PLAN, encoding="utf-8")
    from plansjekk.api import extract

    enclosing = evidence.enclosing_headings(extract(plan))
    assert evidence.well_placed("2.1 Hovedmål", ["2 Mål"], enclosing)
    assert evidence.well_placed("2.1 Hovedmål", ["Mål"], enclosing)  # numbers may be left out
    assert not evidence.well_placed("1 Bakgrunn", ["2 Mål"], enclosing)
    assert not evidence.well_placed(None, ["2 Mål"], enclosing)
