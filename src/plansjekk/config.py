"""Effective settings: defaults ← plansjekk.toml / [tool.plansjekk] ← CLI flags.

(Minimal version: CLI flags only. The config-file loader extends `resolve_settings`.)
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from plansjekk.errors import PlansjekkError
from plansjekk.settings import Limits, Settings

FAIL_ON = ("feil", "advarsel", "info", "aldri")


def resolve_settings(paths: list[str], cli: dict[str, Any]) -> Settings:
    settings = Settings()
    values = {k: v for k, v in cli.items() if v not in (None, [], ())}
    limits = settings.limits
    if "max_mb" in values:
        limits = replace(limits, max_bytes=int(values.pop("max_mb") * 1024 * 1024))
    if "max_pages" in values:
        limits = replace(limits, max_pages=int(values.pop("max_pages")))
    if "formats" in values:
        values["formats"] = tuple(values["formats"])
    for key in ("select", "ignore", "rule_dirs"):
        if key in values:
            values[key] = tuple(values[key])
    if values.get("fail_on") and values["fail_on"] not in FAIL_ON:
        raise PlansjekkError(f"ugyldig --fail-on «{values['fail_on']}»: bruk {', '.join(FAIL_ON)}")
    values.pop("use_cache", None) if values.get("use_cache") is True else None
    return replace(settings, limits=limits, **values)


def describe_settings(settings: Settings) -> str:
    return "\n".join(f"{k} = {v!r}" for k, v in vars(settings).items())
