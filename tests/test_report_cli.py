"""Through the CLI: exit codes per --fail-on, formats, config errors, baseline, konfig.

The checking itself is replaced by hand-built results (monkeypatched run_batch), so
these tests cover the shell around it: settings, reporters, api.run's baseline, exit codes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures_results import batch_result, clean_result, single_result
from typer.testing import CliRunner

from plansjekk.cli import app


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Make `sjekk` return a chosen RunResult; run from an empty folder (no config file)."""
    import plansjekk.batch.runner as runner

    monkeypatch.chdir(tmp_path)
    state = {"result": single_result()}
    monkeypatch.setattr(runner, "run_batch", lambda paths, settings, checker: state["result"])
    return state


def invoke(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.mark.parametrize("make, fail_on, code", [
    (single_result, "feil", 1), (single_result, "aldri", 0), (clean_result, "info", 0),
    (batch_result, "aldri", 3), (batch_result, "advarsel", 1),
])
def test_exit_codes(checked, make, fail_on: str, code: int) -> None:
    checked["result"] = make()
    assert invoke("sjekk", "plan.pdf", "--fail-on", fail_on, "--format", "json").exit_code == code


def test_json_to_stdout_and_several_formats_to_files(checked, tmp_path: Path) -> None:
    out = invoke("sjekk", "plan.pdf", "-f", "json")
    assert json.loads(out.stdout)["documents"][0]["municipality"] == "Sandnes"
    result = invoke("sjekk", "plan.pdf", "-f", "github,sarif", "-o", str(tmp_path / "r.sarif"))
    assert result.stdout.startswith("::error file=samples/sandnes-plan.pdf")
    assert json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_user_mistakes_exit_2_with_a_norwegian_message(checked, tmp_path: Path) -> None:
    assert "krever --output" in invoke("sjekk", "plan.pdf", "-f", "xlsx").output
    assert invoke("sjekk", "plan.pdf", "-f", "xlsx").exit_code == 2
    assert invoke("sjekk", "plan.pdf", "--lag-baseline").exit_code == 2
    assert invoke("sjekk", "plan.pdf", "--fail-on", "kritisk").exit_code == 2
    (tmp_path / "plansjekk.toml").write_text('fail_on = "info"\n', encoding="utf-8")
    result = invoke("sjekk", "plan.pdf")
    assert result.exit_code == 2 and "ukjent nøkkel «fail_on»" in result.output


def test_config_file_sets_fail_on_and_cli_overrides_it(checked, tmp_path: Path) -> None:
    (tmp_path / "plansjekk.toml").write_text('fail-on = "aldri"\nformat = "json"\n', encoding="utf-8")
    assert invoke("sjekk", "plan.pdf").exit_code == 0
    assert invoke("sjekk", "plan.pdf", "--fail-on", "feil").exit_code == 1


def test_baseline_round_trip_through_the_cli(checked, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    first = invoke("sjekk", "plan.pdf", "-f", "json", "--baseline", str(baseline), "--lag-baseline")
    assert first.exit_code == 0 and baseline.exists()
    assert invoke("sjekk", "plan.pdf", "-f", "json", "--baseline", str(baseline)).exit_code == 0
    assert invoke("sjekk", "plan.pdf", "-f", "json").exit_code == 1
    missing = invoke("sjekk", "plan.pdf", "--baseline", str(tmp_path / "nei.json"))
    assert missing.exit_code == 2 and "fant ikke baseline-filen" in missing.output


def test_konfig_prints_effective_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.plansjekk]\nignore = ["BV210"]\n', encoding="utf-8")
    result = invoke("konfig")
    assert result.exit_code == 0
    assert f"# Konfigurasjon fra {tmp_path / 'pyproject.toml'}" in result.stdout
    assert 'ignorer = ["BV210"]' in result.stdout


def test_pre_commit_hook_runs_the_check_verb_on_plan_files() -> None:
    import re

    import yaml

    hooks = yaml.safe_load((Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text("utf-8"))
    hook = {h["id"]: h for h in hooks}["plansjekk"]
    assert hook["entry"] == "plansjekk sjekk"
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    chosen = [p for p in ("planer/plan.md", "plan.PDF", "a/plan.docx", "side.html", "README.md", "bilde.png")
              if files.search(p) and not exclude.search(p)]
    assert chosen == ["planer/plan.md", "a/plan.docx", "side.html"]
    assert invoke("sjekk", "--help").exit_code == 0
