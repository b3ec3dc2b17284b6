"""The command line as a newcomer meets it (issue 12, defects 14-19).

Usage errors and help in Norwegian (English with --lang, before or after the
subcommand); the report format follows the --utfil suffix; nothing checked is exit 3;
--jobber/--tidsgrense are bounded; a run to a file says on stderr where the report went;
a config file applies only inside its project and is named in the report.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures_results import single_result
from typer.testing import CliRunner

from plansjekk.cli import app

PLAN = ("# Plan for forebygging 2025–2028\n\n## Mål\n\nMålet er at barn i Hole skal ha en trygg oppvekst, "
        "og at familier får hjelp tidlig.\n")


def invoke(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """`sjekk` returns a hand-built result; run from an empty folder with its own .git (no config)."""
    import plansjekk.batch.runner as runner

    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(runner, "run_batch", lambda paths, settings, checker: single_result())
    return tmp_path


# --- 14: the suffix of --utfil names the format ---------------------------------------

@pytest.mark.parametrize("name, check", [
    ("r.sarif", lambda text: json.loads(text)["version"] == "2.1.0"),
    ("r.json", lambda text: json.loads(text)["documents"][0]["municipality"] == "Sandnes"),
    ("r.xml", lambda text: text.startswith("<?xml") and "<testsuites" in text),
    ("r.md", lambda text: text.startswith("<!-- generator: plansjekk") and "\n# plansjekk-rapport\n" in text),
    ("r.txt", lambda text: "Planen oppfyller ikke alle kravene" in text),
])
def test_output_suffix_chooses_the_format(checked: Path, name: str, check) -> None:
    result = invoke("sjekk", "plan.pdf", "-o", name)
    assert result.exit_code == 1, result.output
    assert check((checked / name).read_text(encoding="utf-8"))


def test_output_suffix_naming_no_format_is_refused(checked: Path) -> None:
    result = invoke("sjekk", "plan.pdf", "-o", "rapport.pdf")
    assert result.exit_code == 2 and "filendelsen «.pdf»" in result.output
    assert not (checked / "rapport.pdf").exists()


def test_explicit_format_still_wins_over_the_suffix(checked: Path) -> None:
    assert invoke("sjekk", "plan.pdf", "-f", "json", "-o", "r.txt").exit_code == 1
    assert json.loads((checked / "r.txt").read_text(encoding="utf-8"))["documents"]


# --- 15: nothing checked is not green -------------------------------------------------

def test_empty_folder_unsupported_files_and_a_wrong_type_exit_3(tmp_path: Path) -> None:
    (tmp_path / "tom").mkdir()
    (tmp_path / "bilder").mkdir()
    (tmp_path / "bilder" / "logo.xyz").write_bytes(b"\x89XYZ\x00\x01binary")
    for target in (tmp_path / "tom", tmp_path / "bilder", tmp_path / "bilder" / "logo.xyz"):
        result = invoke("sjekk", str(target), "--ingen-buffer")
        assert result.exit_code == 3, (target, result.output)
    assert "fant ingen dokumenter å sjekke" in invoke("sjekk", str(tmp_path / "tom"), "--ingen-buffer").stderr


def test_a_folder_with_a_plan_and_an_unsupported_file_is_judged_by_the_plan(tmp_path: Path) -> None:
    (tmp_path / "planer").mkdir()
    (tmp_path / "planer" / "plan.md").write_text(PLAN, encoding="utf-8")
    (tmp_path / "planer" / "logo.xyz").write_bytes(b"\x89XYZ\x00\x01binary")
    result = invoke("sjekk", str(tmp_path / "planer"), "--feil-ved", "aldri", "--ingen-buffer")
    assert result.exit_code == 0, result.output


# --- 16: Norwegian usage errors and help; --lang anywhere -----------------------------

def test_usage_errors_and_help_are_norwegian(checked: Path) -> None:
    error = invoke("sjekk", "--nope")
    assert error.exit_code == 2
    assert " sjekk [VALG]" in error.output and "Bruk: " in error.output and "Feil: ukjent valg: --nope" in error.output
    assert "Usage:" not in error.output and "Error:" not in error.output
    missing = invoke("sjekk")
    assert missing.exit_code == 2 and "Feil: mangler argumentet" in missing.output
    bad = invoke("sjekk", "x", "--jobber", "mange")
    assert bad.exit_code == 2 and "«mange» er ikke et heltall" in bad.output
    for args in (["--help"], ["sjekk", "--help"], ["regler", "--help"]):
        text = invoke(*args).output
        assert "Vis denne hjelpen og avslutt." in text and "Bruk:" in text, args
        assert "Show this message" not in text and "Usage:" not in text and "Options" not in text, args


@pytest.mark.parametrize("args", [["sjekk", "--nope", "--lang", "en"], ["--lang", "en", "sjekk", "--nope"],
                                  ["sjekk", "--lang=en", "--nope"]])
def test_lang_en_before_or_after_the_subcommand(checked: Path, args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert "Usage: " in result.output and " sjekk [OPTIONS]" in result.output
    assert "Error: No such option: --nope" in result.output


def test_lang_before_the_subcommand_sets_the_report_language(checked: Path) -> None:
    before = invoke("--lang", "en", "sjekk", "plan.pdf")
    after = invoke("sjekk", "plan.pdf", "--lang", "en")
    assert "document(s) checked" in before.stdout and before.stdout == after.stdout


# --- 17: --jobber and --tidsgrense are bounded like the config keys --------------------

@pytest.mark.parametrize("args", [["--jobber", "0"], ["--jobs", "-1"], ["-j", "1000"], ["--tidsgrense", "0"],
                                  ["--tidsgrense", "-5"], ["--timeout", "100000"], ["--maks-mb", "0"]])
def test_bad_jobs_and_timeouts_are_usage_errors(checked: Path, args: list[str]) -> None:
    result = invoke("sjekk", "plan.pdf", *args)
    assert result.exit_code == 2 and "ugyldig --" in result.output, result.output


def test_reasonable_jobs_and_timeout_are_accepted(checked: Path) -> None:
    assert invoke("sjekk", "plan.pdf", "--jobber", "4", "--tidsgrense", "30").exit_code == 1


# --- 18: a run to a file says what happened on stderr ----------------------------------

def test_a_run_to_a_file_prints_a_one_line_summary_to_stderr(tmp_path: Path) -> None:
    folder = tmp_path / "planer"
    folder.mkdir()
    (folder / "plan.md").write_text(PLAN, encoding="utf-8")
    (folder / "tom.pdf").write_bytes(b"")
    (folder / "logo.xyz").write_bytes(b"\x89XYZ\x00\x01binary")
    out = tmp_path / "oversikt.csv"
    result = invoke("sjekk", str(folder), "-o", str(out), "--feil-ved", "aldri", "--ingen-buffer", "--jobber", "1")
    assert out.exists() and result.stdout == ""
    assert f"plansjekk: 1 sjekket, 1 uleselig(e), 1 hoppet over; rapport: {out}" in result.stderr


# --- 19: config only within its project, and named in the report ---------------------

def test_config_above_the_repository_root_does_not_apply(tmp_path: Path, monkeypatch) -> None:
    from plansjekk.config import find_config

    (tmp_path / "plansjekk.toml").write_text('feil-ved = "aldri"\n', encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "plan.md").write_text(PLAN, encoding="utf-8")
    monkeypatch.chdir(repo)
    assert find_config([repo / "plan.md"]) is None
    elsewhere = tmp_path / "andre" / "prosjekt"
    (elsewhere / ".git").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)  # the config is in the working directory, the file is not in its project
    assert find_config([elsewhere / "plan.md"]) is None
    assert find_config([tmp_path / "plan.md"]) == tmp_path / "plansjekk.toml"


def test_the_report_names_the_config_file(checked: Path) -> None:
    config = checked / "plansjekk.toml"
    config.write_text('velg = ["ALL"]\n', encoding="utf-8")
    assert f"Konfigurasjon: {config}" in invoke("sjekk", "plan.pdf").stdout
    assert json.loads(invoke("sjekk", "plan.pdf", "-f", "json").stdout)["config_file"] == str(config)
    markdown = invoke("sjekk", "plan.pdf", "-f", "markdown").stdout
    assert "Konfigurasjon: " in markdown and "/plansjekk.toml" in markdown


def test_config_baseline_never_overwrites_a_foreign_file(checked: Path) -> None:
    readme = checked / "README.md"
    readme.write_text("# Våre planer\n", encoding="utf-8")
    (checked / "plansjekk.toml").write_text('baseline = "README.md"\n', encoding="utf-8")
    result = invoke("sjekk", "plan.pdf", "--lag-baseline")
    assert result.exit_code == 2 and "ikke en baseline fra plansjekk" in result.output
    assert readme.read_text(encoding="utf-8") == "# Våre planer\n"


# --- house: Norwegian flag and key names, English aliases ------------------------------

@pytest.mark.parametrize("key", ["feil-ved", "fail-on"])
def test_config_keys_match_the_flags_in_both_languages(checked: Path, key: str) -> None:
    (checked / "plansjekk.toml").write_text(f'{key} = "aldri"\n', encoding="utf-8")
    assert invoke("sjekk", "plan.pdf").exit_code == 0
    assert invoke("sjekk", "plan.pdf", "--feil-ved", "feil").exit_code == 1
    assert invoke("sjekk", "plan.pdf", "--fail-on", "feil").exit_code == 1


def test_a_key_and_its_alias_together_are_an_error(checked: Path) -> None:
    (checked / "plansjekk.toml").write_text('feil-ved = "aldri"\nfail-on = "info"\n', encoding="utf-8")
    result = invoke("sjekk", "plan.pdf")
    assert result.exit_code == 2 and "satt to ganger" in result.output


def test_python_dash_m_plansjekk_runs_the_cli() -> None:
    """The README's `python -m plansjekk` works (there was no __main__.py)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "plansjekk", "--version"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("plansjekk ")


def test_the_dev_tools_are_pinned() -> None:
    """mypy and ruff clean means clean with these versions: the dev extra pins them exactly."""
    import re

    text = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    dev = re.search(r"^dev = \[(.*)\]$", text, re.M)
    assert dev and re.search(r'"mypy==[\d.]+"', dev.group(1)) and re.search(r'"ruff==[\d.]+"', dev.group(1))


@pytest.mark.parametrize("args", [["regler", "vis", "BV103", "--lang", "en"],
                                  ["--lang", "en", "regler", "vis", "BV103"],
                                  ["regler", "--lang", "en", "vis", "BV103"]])
def test_lang_reaches_the_rules_commands_from_any_position(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 0 and "Distribution of responsibility" in result.stdout, result.output


def test_help_is_all_english_with_lang_en() -> None:
    """Defect 16: with --lang en the help is English throughout, plansjekk's own texts included."""
    for args in (["--lang", "en", "--help"], ["sjekk", "--help", "--lang", "en"],
                 ["regler", "vis", "--help", "--lang=en"]):
        text = invoke(*args).output
        assert "Usage:" in text and "Show this message and exit." in text, args
        for norwegian in ("Vis ", "Sjekk ", "Bruk:", "Valg", "påkrevd", "Skriv ", "Regelkode"):
            assert norwegian not in text, (args, norwegian)


def test_every_help_text_of_the_core_commands_has_an_english_version() -> None:
    """cli_text.HELP_EN must follow cli.py: a new option's help needs its English text too."""
    import typer

    from plansjekk.cli_text import HELP_EN

    root = typer.main.get_command(app)
    commands = [root] + [root.commands[name] for name in ("sjekk", "uttrekk", "konfig", "regler", "cache",
                                                                 "sammenlign")]
    commands += list(root.commands["regler"].commands.values()) + list(root.commands["cache"].commands.values())
    texts = {c.help for c in commands} | {p.help for c in commands for p in c.params}
    texts -= {None, "terminal, json, sarif, junit, github, markdown, html, csv, xlsx"}
    assert not [text for text in texts if text.strip() not in HELP_EN]
