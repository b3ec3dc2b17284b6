"""What `plansjekk sammenlign` does once its arguments are parsed: settings, compare, render,
write, and the exit code (0, or 1 when a requirement got worse). cli.py only maps errors."""

from __future__ import annotations

import sys
from pathlib import Path

from plansjekk.errors import PlansjekkError
from plansjekk.i18n import t


def run_compare(before: str, after: str, fmt: str, output: Path | None, lang: str | None,
                no_color: bool, rule_dirs: list[Path]) -> int:
    """Raises PlansjekkError for a usage mistake and ExtractionError for an unreadable file."""
    from plansjekk.compare import compare_files
    from plansjekk.config import resolve_settings
    from plansjekk.report.compare import RENDERERS
    from plansjekk.report.terminal import use_color

    settings = resolve_settings(paths=[before, after], cli=dict(
        lang=lang, rule_dirs=rule_dirs, output=output, color=False if no_color else None))
    if fmt not in RENDERERS:
        raise PlansjekkError(t("error.unknown_format", settings.lang, fmt=fmt, known=", ".join(RENDERERS)))
    comparison = compare_files(before, after, settings)
    text = RENDERERS[fmt](comparison, settings.lang, fmt == "terminal" and use_color(settings))
    text = text if text.endswith("\n") else text + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            raise PlansjekkError(t("error.write_failed", settings.lang, path=output, reason=error.strerror)) from None
    return 1 if comparison.worse else 0
