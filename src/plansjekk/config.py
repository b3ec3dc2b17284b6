"""Effective settings: defaults ← plansjekk.toml / [tool.plansjekk] ← CLI flags.

Finding the file: walk up from the first checked path (its folder, or itself when it
is a folder), then from the working directory; in each folder `plansjekk.toml` comes
before a `pyproject.toml` that has a `[tool.plansjekk]` table; the nearest file wins and
applies to the whole run. Keys (ruff-like, kebab-case):

    select = ["lovkrav"]            # codes, names or tags; "ALL" for all
    ignore = ["BV210", "ressurser"] # added to --ignore
    severity = { BV203 = "info" }   # feil, advarsel or info
    rule-dirs = ["regler"]          # relative to the config file; added to --regler
    fail-on = "advarsel"            # feil, advarsel, info or aldri
    lang = "nb"                     # nb or en
    format = ["terminal", "sarif"]  # one name or a list
    jobs = 2
    tidsgrense = 60                 # seconds per document
    baseline = "plansjekk-baseline.json"  # relative to the config file

Unknown keys and bad values are PlansjekkError naming the key and the file. CLI flags
win; `ignore` and `rule-dirs` from the file and the CLI are combined.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from plansjekk.errors import PlansjekkError
from plansjekk.i18n import LANGS, t
from plansjekk.settings import Settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FAIL_ON = ("feil", "advarsel", "info", "aldri")
DOC_TYPES = ("plan", "horingsutkast", "planprogram", "annet")  # what a user may state with --dokumenttype
SEVERITIES = ("feil", "advarsel", "info")
CONFIG_NAME = "plansjekk.toml"
FLAG_DEFAULTS = {"use_cache": True, "explain": False, "write_baseline": False}
FILE_KEYS: dict[str, str] = {  # key in the file -> Settings field
    "select": "select", "ignore": "ignore", "severity": "severity", "rule-dirs": "rule_dirs",
    "fail-on": "fail_on", "lang": "lang", "format": "formats", "jobs": "jobs",
    "tidsgrense": "timeout", "baseline": "baseline", "type": "doc_type",
}


def resolve_settings(paths: list[str], cli: dict[str, Any]) -> Settings:
    """The settings for a run on `paths` with these CLI values (None/[] = not given)."""
    lang: str = cli["lang"] if cli.get("lang") in LANGS else "nb"
    config_path = find_config([Path(p) for p in paths or ["."]], Path.cwd())
    file_config: dict[str, Any] = {}
    if config_path is not None:
        file_config = validate_file_config(read_config(config_path, lang), config_path, lang)
        file_config["config_file"] = config_path
    return merge_settings(Settings(), file_config, cli)


def find_config(paths: list[Path], cwd: Path) -> Path | None:
    """The nearest config file above the first checked path, else above the working directory."""
    starts = []
    if paths:
        first = paths[0].resolve()
        starts.append(first if first.is_dir() else first.parent)
    starts.append(cwd.resolve())
    for start in starts:
        for folder in (start, *start.parents):
            if (folder / CONFIG_NAME).is_file():
                return folder / CONFIG_NAME
            pyproject = folder / "pyproject.toml"
            if pyproject.is_file() and _has_tool_table(pyproject):
                return pyproject
    return None


def read_config(path: Path, lang: str = "nb") -> dict[str, Any]:
    """The raw plansjekk table of a config file (top level, or [tool.plansjekk])."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise PlansjekkError(t("config.invalid_toml", lang, path=path, reason=error)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PlansjekkError(t("config.unreadable", lang, path=path, reason=error)) from None
    if path.name != "pyproject.toml":
        return data
    table = data.get("tool", {}).get("plansjekk", {})
    if not isinstance(table, dict):
        raise PlansjekkError(t("config.not_table", lang, path=path))
    return table


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
        return False  # someone else's broken pyproject is not our configuration
    tool = data.get("tool")
    return isinstance(tool, dict) and "plansjekk" in tool


def validate_file_config(raw: dict[str, Any], path: Path, lang: str = "nb") -> dict[str, Any]:
    """Check every key and value; returns Settings field names with normalised values."""
    result: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in FILE_KEYS:
            guess = difflib.get_close_matches(key.replace("_", "-"), FILE_KEYS, n=1)
            hint = t("config.did_you_mean", lang, guess=guess[0]) if guess else ""
            raise PlansjekkError(t("config.unknown_key", lang, key=key, path=path,
                                   known=", ".join(FILE_KEYS)) + hint)
        try:
            result[FILE_KEYS[key]] = VALIDATORS[key](value, path.parent, lang)
        except ValueError as error:
            raise PlansjekkError(t("config.bad_value", lang, key=key, path=path, reason=error)) from None
    return result


def _strings(value: Any, base: Path, lang: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(t("config.expected_strings", lang))
    return tuple(v.strip() for v in value)


def _choice(choices: tuple[str, ...]) -> Callable[[Any, Path, str], str]:
    def check(value: Any, base: Path, lang: str) -> str:
        if value not in choices:
            raise ValueError(t("config.expected_one_of", lang, choices=", ".join(choices)))
        return str(value)
    return check


def _formats(value: Any, base: Path, lang: str) -> tuple[str, ...]:
    from plansjekk.report import REPORTERS

    names = _strings(value, base, lang)
    for name in names:
        _choice(tuple(REPORTERS))(name, base, lang)
    return names


def _severity_table(value: Any, base: Path, lang: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError(t("config.expected_table", lang))
    for level in value.values():
        _choice(SEVERITIES)(level, base, lang)
    return {str(k): str(v) for k, v in value.items()}


def _positive_int(value: Any, base: Path, lang: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(t("config.expected_positive_int", lang))
    return value


def _positive_number(value: Any, base: Path, lang: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ValueError(t("config.expected_positive_number", lang))
    return float(value)


def _dirs(value: Any, base: Path, lang: str) -> tuple[Path, ...]:
    return tuple((base / v).resolve() for v in _strings(value, base, lang))


def _file(value: Any, base: Path, lang: str) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(t("config.expected_text", lang))
    return (base / value.strip()).resolve()


VALIDATORS: dict[str, Callable[[Any, Path, str], Any]] = {
    "select": _strings, "ignore": _strings, "severity": _severity_table, "rule-dirs": _dirs,
    "fail-on": _choice(FAIL_ON), "lang": _choice(LANGS), "format": _formats,
    "jobs": _positive_int, "tidsgrense": _positive_number, "baseline": _file, "type": _choice(DOC_TYPES),
}


def normalize_cli(cli: dict[str, Any]) -> dict[str, Any]:
    """CLI values to Settings fields; None, [] and untouched defaults mean "not given"."""
    lang: str = cli["lang"] if cli.get("lang") in LANGS else "nb"
    values = {k: v for k, v in cli.items() if v not in (None, [], ())}
    for option, key, choices in (("--fail-on", "fail_on", FAIL_ON), ("--lang", "lang", LANGS),
                                 ("--dokumenttype", "doc_type", DOC_TYPES)):
        if key in values and values[key] not in choices:
            raise PlansjekkError(t("config.bad_option", lang, option=option, value=values[key],
                                   reason=t("config.expected_one_of", lang, choices=", ".join(choices))))
    if "formats" in values:
        values["formats"] = _cli_formats(values["formats"], lang)
    for key in ("select", "ignore", "rule_dirs"):
        if key in values:
            values[key] = tuple(values[key])
    for key, default in FLAG_DEFAULTS.items():  # a flag left at its default was not given
        if key in values and values[key] == default:
            values.pop(key)
    return values


def _cli_formats(formats: Any, lang: str) -> tuple[str, ...]:
    """`-f json -f sarif` or `-f json,sarif`."""
    from plansjekk.report import REPORTERS

    names = tuple(n.strip() for f in formats for n in str(f).split(",") if n.strip())
    for name in names:
        if name not in REPORTERS:
            raise PlansjekkError(t("error.unknown_format", lang, fmt=name, known=", ".join(REPORTERS)))
    return names


def merge_settings(defaults: Settings, file_config: dict[str, Any], cli: dict[str, Any]) -> Settings:
    """defaults ← file ← CLI. `ignore` and `rule_dirs` combine file and CLI; the rest is replaced.

    `file_config` is validated (Settings field names); `cli` is what cli.py passes.
    """
    cli_values = normalize_cli(cli)
    lang = cli_values.get("lang") or file_config.get("lang") or defaults.lang
    merged: dict[str, Any] = dict(file_config)
    for key in ("ignore", "rule_dirs"):
        combined = tuple(file_config.get(key, ())) + tuple(cli_values.pop(key, ()))
        if combined:
            merged[key] = tuple(dict.fromkeys(combined))
    limits = defaults.limits
    if "max_mb" in cli_values:
        limits = replace(limits, max_bytes=int(float(cli_values.pop("max_mb")) * 1024 * 1024))
    if "max_pages" in cli_values:
        limits = replace(limits, max_pages=int(cli_values.pop("max_pages")))
    merged.update(cli_values)
    settings = replace(defaults, limits=limits, **merged)
    if settings.write_baseline and settings.baseline is None:
        raise PlansjekkError(t("error.baseline_needs_path", lang))
    return settings


def describe_settings(settings: Settings) -> str:
    """`plansjekk konfig`: the effective values, as TOML one could paste into plansjekk.toml."""
    lang = settings.lang
    head = t("config.from_file", lang, path=settings.config_file) if settings.config_file \
        else t("config.no_file", lang)
    values: dict[str, Any] = {
        "select": list(settings.select), "ignore": list(settings.ignore),
        "severity": dict(settings.severity), "rule-dirs": [str(p) for p in settings.rule_dirs],
        "fail-on": settings.fail_on, "lang": settings.lang, "format": list(settings.formats),
        "jobs": settings.jobs, "tidsgrense": settings.timeout,
        "baseline": str(settings.baseline) if settings.baseline else None,
        "type": settings.doc_type,
    }
    lines = [head]
    for key, value in values.items():
        lines.append(f"{key} = {_toml(value)}" if value is not None else f"# {key} = {t('config.unset', lang)}")
    limits = settings.limits
    lines.append(f"# --maks-mb {limits.max_bytes / (1024 * 1024):g} --maks-sider {limits.max_pages}")
    return "\n".join(lines)


def _toml(value: Any) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }" if value else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return json.dumps(value, ensure_ascii=False)
