"""Configuration: finding the file, validating keys and values, one merge with CLI winning."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from plansjekk.config import describe_settings, find_config, merge_settings, resolve_settings, validate_file_config
from plansjekk.errors import PlansjekkError
from plansjekk.settings import Settings


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A plan repository: config at the top, plans in planer/, and we stand elsewhere."""
    write(tmp_path / "repo" / "plansjekk.toml", 'fail-on = "advarsel"\nignore = ["BV210"]\n'
          'severity = { BV203 = "info" }\nrule-dirs = ["egne-regler"]\nformat = "markdown"\n')
    write(tmp_path / "repo" / "planer" / "plan.md", "# Plan\n")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    return tmp_path / "repo"


def test_found_by_walking_up_from_the_checked_file(repo: Path) -> None:
    settings = resolve_settings([str(repo / "planer" / "plan.md")], {})
    assert settings.config_file == repo / "plansjekk.toml"
    assert settings.fail_on == "advarsel" and settings.ignore == ("BV210",)
    assert settings.severity == {"BV203": "info"} and settings.formats == ("markdown",)
    assert settings.rule_dirs == ((repo / "egne-regler").resolve(),)


def test_nearest_file_wins_and_file_dir_before_cwd(repo: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    write(repo / "planer" / "pyproject.toml", '[project]\nname = "x"\n[tool.plansjekk]\nlang = "en"\n')
    write(tmp_path / "elsewhere" / "plansjekk.toml", 'fail-on = "info"\n')
    assert find_config([repo / "planer" / "plan.md"]) == repo / "planer" / "pyproject.toml"
    settings = resolve_settings([str(repo / "planer" / "plan.md")], {})
    assert settings.lang == "en" and settings.fail_on == "feil"  # nothing merged from the farther file
    assert find_config([tmp_path / "elsewhere" / "nowhere.md"]) == tmp_path / "elsewhere" / "plansjekk.toml"


def test_plansjekk_toml_before_pyproject_and_foreign_pyproject_skipped(tmp_path: Path) -> None:
    write(tmp_path / "a" / "pyproject.toml", '[tool.plansjekk]\nlang = "en"\n')
    write(tmp_path / "a" / "plansjekk.toml", 'lang = "nb"\n')
    assert find_config([tmp_path / "a" / "x.md"]) == tmp_path / "a" / "plansjekk.toml"
    write(tmp_path / "b" / "pyproject.toml", '[tool.ruff]\nline-length = 100\n')
    write(tmp_path / "b" / "c" / "pyproject.toml", "this is [not toml")
    if find_config([tmp_path]) is not None:
        pytest.skip("a plansjekk config above the temp dir")
    assert find_config([tmp_path / "b" / "c" / "x.md"]) is None


def test_unknown_key_names_key_and_file(tmp_path: Path) -> None:
    config = write(tmp_path / "plansjekk.toml", 'rule_dirs = ["x"]\n')
    with pytest.raises(PlansjekkError) as error:
        resolve_settings([str(tmp_path)], {})
    message = str(error.value)
    assert "ukjent nøkkel «rule_dirs»" in message and str(config) in message
    assert "mente du «rule-dirs»" in message or "mente du «regler»" in message


@pytest.mark.parametrize("line, key", [
    ('fail-on = "kritisk"', "fail-on"), ('severity = { BV203 = "lav" }', "severity"),
    ("severity = 3", "severity"), ("jobs = 0", "jobs"), ("jobs = true", "jobs"), ('lang = "nn"', "lang"),
    ('format = ["pdf"]', "format"), ("select = [1, 2]", "select"), ("tidsgrense = -5", "tidsgrense"),
    ("baseline = 3", "baseline"),
])
def test_invalid_values_are_errors_naming_the_key(tmp_path: Path, line: str, key: str) -> None:
    config = write(tmp_path / "plansjekk.toml", line + "\n")
    with pytest.raises(PlansjekkError, match=f"ugyldig verdi for «{key}» i {config}"):
        validate_file_config(tomllib.loads(line), config)


def test_invalid_toml_and_non_table_tool_section(tmp_path: Path) -> None:
    write(tmp_path / "a" / "plansjekk.toml", "fail-on = \n")
    with pytest.raises(PlansjekkError, match="ugyldig TOML"):
        resolve_settings([str(tmp_path / "a")], {})
    write(tmp_path / "b" / "pyproject.toml", '[tool]\nplansjekk = "ja"\n')
    with pytest.raises(PlansjekkError, match="må være en tabell"):
        resolve_settings([str(tmp_path / "b")], {})


def test_merge_precedence_defaults_file_cli() -> None:
    file_config = {"fail_on": "advarsel", "lang": "en", "select": ("lovkrav",), "ignore": ("BV210",),
                   "rule_dirs": (Path("/a"),), "timeout": 30.0, "formats": ("markdown",)}
    cli = dict(formats=[], output=None, rule_dirs=[Path("/b")], explain=False, fail_on="info", lang=None,
               color=None, select=["BV101"], ignore=["BV208"], jobs=None, timeout=None, use_cache=True,
               baseline=None, write_baseline=False, county=None, municipalities_file=None,
               overrides_file=None, max_mb=2, max_pages=None)
    settings = merge_settings(Settings(), file_config, cli)
    assert settings.fail_on == "info"  # CLI wins
    assert settings.lang == "en" and settings.timeout == 30.0 and settings.formats == ("markdown",)  # file
    assert settings.select == ("BV101",)  # replaced
    assert settings.ignore == ("BV210", "BV208")  # combined
    assert settings.rule_dirs == (Path("/a"), Path("/b"))  # combined
    assert settings.limits.max_bytes == 2 * 1024 * 1024 and settings.limits.max_pages == 1000
    assert settings.use_cache is True and settings.jobs is None  # defaults


def test_merge_without_file_is_defaults_plus_cli() -> None:
    settings = merge_settings(Settings(), {}, dict(formats=["json,sarif"], use_cache=False, no_such=None))
    assert settings.formats == ("json", "sarif") and settings.use_cache is False
    assert merge_settings(Settings(), {}, {}) == Settings()


@pytest.mark.parametrize("cli, match", [
    ({"fail_on": "kritisk"}, "ugyldig --feil-ved «kritisk»"),
    ({"lang": "de"}, "ugyldig --lang «de»"),
    ({"formats": ["pdf"]}, "ukjent format «pdf»"),
    ({"write_baseline": True}, "--lag-baseline krever --baseline"),
])
def test_cli_values_are_validated(cli: dict, match: str) -> None:
    with pytest.raises(PlansjekkError, match=match):
        merge_settings(Settings(), {}, cli)


def test_english_error_messages_with_lang_en() -> None:
    with pytest.raises(PlansjekkError, match="invalid --feil-ved"):
        merge_settings(Settings(), {}, {"fail_on": "x", "lang": "en"})


def test_describe_settings_names_the_file_and_is_toml(repo: Path) -> None:
    text = describe_settings(resolve_settings([str(repo / "planer")], {}))
    assert text.splitlines()[0] == f"# Konfigurasjon fra {repo / 'plansjekk.toml'}"
    assert 'feil-ved = "advarsel"' in text and 'alvorlighet = { BV203 = "info" }' in text
    assert "# jobber = (ikke satt)" in text
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    parsed = tomllib.loads(body)
    assert parsed["ignorer"] == ["BV210"] and parsed["format"] == ["markdown"]


def test_describe_without_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    if find_config([tmp_path]) is not None:
        pytest.skip("a plansjekk config above the temp dir")
    assert describe_settings(resolve_settings([str(tmp_path)], {})).startswith("# Ingen konfigurasjonsfil")
