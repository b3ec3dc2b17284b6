"""Effective settings: defaults ← plansjekk.toml / [tool.plansjekk] ← CLI flags.

Finding the file: walk up from the first checked path (its folder, or itself when it
is a folder) and stop at its project: the first folder holding `.git` or a
`pyproject.toml` is the last one looked in, so a config in a parent of the repository or
of the working directory never applies to files elsewhere. In each folder
`plansjekk.toml` comes before a `pyproject.toml` that has a `[tool.plansjekk]` table; the
nearest file wins, applies to the whole run and is named in reports and `konfig`. Keys are
the Norwegian names of the CLI flags (kebab-case), each with its English alias:

    velg = ["lovkrav"]                 # select: codes, names or tags; "ALL" for all
    ignorer = ["BV210", "ressurser"]   # ignore: added to --ignorer
    alvorlighet = { BV203 = "info" }   # severity: feil, advarsel or info
    regler = ["regler"]                # rule-dirs: relative to the config file; added to --regler
    feil-ved = "advarsel"              # fail-on: feil, advarsel, info or aldri
    lang = "nb"                        # nb or en
    format = ["terminal", "sarif"]     # one name or a list
    jobber = 2                         # jobs: 1 to MAX_JOBS
    tidsgrense = 60                    # timeout: seconds per document, up to MAX_TIMEOUT
    baseline = "plansjekk-baseline.json"  # relative to the config file

Unknown keys and bad values are PlansjekkError naming the key and the file. CLI flags
win; `ignorer` and `regler` from the file and the CLI are combined. The same limits
apply to --jobber and --tidsgrense on the command line.
"""

from __future__ import annotations

import difflib
import os
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
PROJECT_MARKERS = (".git", "pyproject.toml")  # where the search for a config file stops
MAX_JOBS = 32  # more workers than this only cost memory (each holds the lexicon)
MAX_TIMEOUT = 3600.0  # seconds per document
FLAG_DEFAULTS = {"use_cache": True, "explain": False, "write_baseline": False}
FILE_KEYS: dict[str, str] = {  # key in the file -> Settings field; Norwegian names as the flags
    "velg": "select", "ignorer": "ignore", "alvorlighet": "severity", "regler": "rule_dirs",
    "feil-ved": "fail_on", "lang": "lang", "format": "formats", "jobber": "jobs",
    "tidsgrense": "timeout", "baseline": "baseline", "dokumenttype": "doc_type",
}
KEY_ALIASES: dict[str, str] = {  # English alias -> key
    "select": "velg", "ignore": "ignorer", "severity": "alvorlighet", "rule-dirs": "regler",
    "fail-on": "feil-ved", "jobs": "jobber", "timeout": "tidsgrense", "type": "dokumenttype",
}


def resolve_settings(paths: list[str], cli: dict[str, Any]) -> Settings:
    """The settings for a run on `paths` with these CLI values (None/[] = not given)."""
    lang: str = cli["lang"] if cli.get("lang") in LANGS else "nb"
    config_path = find_config([Path(p) for p in paths or ["."]])
    file_config: dict[str, Any] = {}
    if config_path is not None:
        file_config = validate_file_config(read_config(config_path, lang), config_path, lang)
        file_config["config_file"] = config_path
    return merge_settings(Settings(), file_config, cli)


def find_config(paths: list[Path]) -> Path | None:
    """The nearest config file above the first checked path, within its project."""
    first = (paths[0] if paths else Path(".")).resolve()
    start = first if os.path.isdir(first) else first.parent  # never raises (a name over 255 characters)
    for folder in (start, *start.parents):
        if _is_file(folder / CONFIG_NAME):
            return folder / CONFIG_NAME
        pyproject = folder / "pyproject.toml"
        if _is_file(pyproject) and _has_tool_table(pyproject):
            return pyproject
        if any(_exists(folder / marker) for marker in PROJECT_MARKERS):
            return None  # the project's root: a config further up belongs to something else
    return None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long, a folder we may not read: no config there
        return False


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


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
    for given, value in raw.items():
        key = KEY_ALIASES.get(given, given)
        if key not in FILE_KEYS:
            guess = difflib.get_close_matches(given.replace("_", "-"), [*FILE_KEYS, *KEY_ALIASES], n=1)
            hint = t("config.did_you_mean", lang, guess=guess[0]) if guess else ""
            raise PlansjekkError(t("config.unknown_key", lang, key=given, path=path,
                                   known=", ".join(FILE_KEYS)) + hint)
        if FILE_KEYS[key] in result:
            raise PlansjekkError(t("config.duplicate_key", lang, key=given, path=path))
        try:
            result[FILE_KEYS[key]] = VALIDATORS[key](value, path.parent, lang)
        except ValueError as error:
            raise PlansjekkError(t("config.bad_value", lang, key=given, path=path, reason=error)) from None
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


def _jobs(value: Any, base: Path, lang: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_JOBS:
        raise ValueError(t("config.expected_int_range", lang, low=1, high=MAX_JOBS))
    return value


def _timeout(value: Any, base: Path, lang: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= MAX_TIMEOUT:
        raise ValueError(t("config.expected_number_range", lang, high=f"{MAX_TIMEOUT:g}"))
    return float(value)


def _dirs(value: Any, base: Path, lang: str) -> tuple[Path, ...]:
    return tuple((base / v).resolve() for v in _strings(value, base, lang))


def _file(value: Any, base: Path, lang: str) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(t("config.expected_text", lang))
    return (base / value.strip()).resolve()


VALIDATORS: dict[str, Callable[[Any, Path, str], Any]] = {
    "velg": _strings, "ignorer": _strings, "alvorlighet": _severity_table, "regler": _dirs,
    "feil-ved": _choice(FAIL_ON), "lang": _choice(LANGS), "format": _formats,
    "jobber": _jobs, "tidsgrense": _timeout, "baseline": _file,
    "dokumenttype": _choice(DOC_TYPES),
}


def normalize_cli(cli: dict[str, Any]) -> dict[str, Any]:
    """CLI values to Settings fields; None, [] and untouched defaults mean "not given"."""
    lang: str = cli["lang"] if cli.get("lang") in LANGS else "nb"
    values = {k: v for k, v in cli.items() if v not in (None, [], ())}
    for option, key, choices in (("--feil-ved", "fail_on", FAIL_ON), ("--lang", "lang", LANGS),
                                 ("--dokumenttype", "doc_type", DOC_TYPES)):
        if key in values and values[key] not in choices:
            raise PlansjekkError(t("config.bad_option", lang, option=option, value=values[key],
                                   reason=t("config.expected_one_of", lang, choices=", ".join(choices))))
    for option, key, check in (("--jobber", "jobs", _jobs), ("--tidsgrense", "timeout", _timeout)):
        if key in values:
            try:
                values[key] = check(values[key], Path("."), lang)
            except ValueError as error:
                raise PlansjekkError(t("config.bad_option", lang, option=option, value=values[key],
                                       reason=error)) from None
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


def _formats_for_output(output: Path, configured: tuple[str, ...] | None, lang: str) -> tuple[str, ...]:
    """`-o rapport.sarif` without --format means SARIF: the suffix names the format. A suffix
    that names none (rapport.pdf) is refused rather than filled with terminal text."""
    from plansjekk.report import format_for_suffix

    if output.is_dir():
        return configured or ("terminal",)
    inferred = format_for_suffix(output.suffix)
    if inferred is not None:
        return (inferred,)
    if configured:
        return configured
    if output.suffix.lower() in ("", ".txt", ".log"):
        return ("terminal",)
    raise PlansjekkError(t("error.unknown_suffix", lang, suffix=output.suffix))


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
    for option, key in (("--maks-mb", "max_mb"), ("--maks-sider", "max_pages")):
        if key in cli_values and not float(cli_values[key]) > 0:
            raise PlansjekkError(t("config.bad_option", lang, option=option, value=cli_values[key],
                                   reason=t("config.expected_number_range", lang, high="∞")))
    if "max_mb" in cli_values:
        limits = replace(limits, max_bytes=int(float(cli_values.pop("max_mb")) * 1024 * 1024))
    if "max_pages" in cli_values:
        limits = replace(limits, max_pages=int(cli_values.pop("max_pages")))
    merged.update(cli_values)
    if "formats" not in cli_values and cli_values.get("output") is not None:
        merged["formats"] = _formats_for_output(Path(cli_values["output"]), merged.get("formats"), lang)
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
        "velg": list(settings.select), "ignorer": list(settings.ignore),
        "alvorlighet": dict(settings.severity), "regler": [str(p) for p in settings.rule_dirs],
        "feil-ved": settings.fail_on, "lang": settings.lang, "format": list(settings.formats),
        "jobber": settings.jobs, "tidsgrense": settings.timeout,
        "baseline": str(settings.baseline) if settings.baseline else None,
        "dokumenttype": settings.doc_type,
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
