"""Accuracy against labelled documents: the seeds (when ../shared exists) and our own samples."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _scorer():
    spec = importlib.util.spec_from_file_location("accuracy", REPO / "benchmarks" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cell_scoring():
    scorer = _scorer()
    assert scorer.cell_score("oppfylt", ["oppfylt"]) == 1.0
    assert scorer.cell_score("delvis", ["oppfylt"]) == 0.5
    assert scorer.cell_score("mangler", ["oppfylt"]) == 0.0
    assert scorer.cell_score("mangler", ["delvis", "oppfylt"]) == 0.5


def test_seed_labels(shared_dir):
    total, cells, misses = _scorer().score_labels(shared_dir / "corpus" / "labels.yaml")
    assert total / cells >= 0.95, misses


def test_sample_labels_every_trap_right():
    total, cells, misses = _scorer().score_labels(REPO / "samples" / "labels.yaml")
    assert total / cells >= 0.95, misses


def test_holdout_labels():
    """Plans written from DOMAIN.md by someone who had not read the rules (benchmarks/holdout)."""
    total, cells, misses = _scorer().score_labels(REPO / "benchmarks" / "holdout" / "labels.yaml")
    assert total / cells >= 0.95, misses


def test_second_holdout_labels():
    """DOCX, PDF and HTML plans written blind from DOMAIN.md (benchmarks/holdout2)."""
    total, cells, misses = _scorer().score_labels(REPO / "benchmarks" / "holdout2" / "labels.yaml")
    assert total / cells >= 0.95, misses


def test_third_holdout_labels():
    """Edge cases written blind from DOMAIN.md (benchmarks/holdout3)."""
    total, cells, misses = _scorer().score_labels(REPO / "benchmarks" / "holdout3" / "labels.yaml")
    assert total / cells >= 0.95, misses


def test_fourth_holdout_labels():
    """Ten more edge cases written blind from DOMAIN.md, all formats (benchmarks/holdout4)."""
    total, cells, misses = _scorer().score_labels(REPO / "benchmarks" / "holdout4" / "labels.yaml")
    assert total / cells >= 0.95, misses
