"""Reporters: each renders a RunResult; none of them decides anything.

Every reporter is a module with `render(result, settings) -> str | bytes`, looked up
by name here (flake8's formatter registry) and imported only when asked for.

Where output goes (`write_reports`):
- no --output: every format to stdout, in order; at most one *file* format
  (json, sarif, junit, markdown, html, csv) and never a binary one (xlsx);
- --output FIL with one format: that format to FIL;
- --output FIL with several formats: the stream formats (terminal, github) still go to
  stdout, each file format to FIL with its own suffix (rapport.sarif, rapport.xml, …);
  when FIL is an existing folder, the files go to FIL/plansjekk-rapport.<suffix>.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

from plansjekk import __version__
from plansjekk.errors import PlansjekkError
from plansjekk.i18n import t
from plansjekk.model import RunResult
from plansjekk.report.marker import TEXT_FORMATS, text_mark
from plansjekk.settings import Settings

REPORTERS: dict[str, str] = {
    "terminal": "plansjekk.report.terminal",
    "json": "plansjekk.report.json_report",
    "sarif": "plansjekk.report.sarif",
    "junit": "plansjekk.report.junit",
    "github": "plansjekk.report.github",
    "markdown": "plansjekk.report.markdown",
    "html": "plansjekk.report.html",
    "csv": "plansjekk.report.csv_report",
    "xlsx": "plansjekk.report.xlsx_report",
}
SUFFIXES: dict[str, str] = {
    "terminal": ".txt", "json": ".json", "sarif": ".sarif", "junit": ".xml", "github": ".github.txt",
    "markdown": ".md", "html": ".html", "csv": ".csv", "xlsx": ".xlsx",
}
STREAM_FORMATS = ("terminal", "github")
BINARY_FORMATS = ("xlsx",)
DEFAULT_STEM = "plansjekk-rapport"


def format_for_suffix(suffix: str) -> str | None:
    """The format a file suffix names (.sarif → sarif, .xml → junit, .htm → html), or None."""
    suffix = suffix.lower()
    if suffix in (".htm", ".markdown"):
        suffix = {".htm": ".html", ".markdown": ".md"}[suffix]
    named = [fmt for fmt, known in SUFFIXES.items() if known == suffix and fmt not in STREAM_FORMATS]
    return named[0] if named else None


def get_reporter(name: str, lang: str = "nb") -> ModuleType:
    """The reporter module for `name`; a PlansjekkError names the known formats."""
    if name not in REPORTERS:
        raise PlansjekkError(t("error.unknown_format", lang, fmt=name, known=", ".join(REPORTERS)))
    try:
        return importlib.import_module(REPORTERS[name])
    except ModuleNotFoundError as error:
        if error.name != REPORTERS[name]:
            raise
        raise PlansjekkError(t("error.format_unavailable", lang, fmt=name)) from None


def render(name: str, result: RunResult, settings: Settings) -> str | bytes:
    return get_reporter(name, settings.lang).render(result, settings)


def output_targets(formats: tuple[str, ...], output: Path | None,
                   lang: str = "nb") -> list[tuple[str, Path | None]]:
    """Where each format goes (None = stdout); the rules are in the module docstring."""
    formats = formats or ("terminal",)
    if output is None:
        binary = [f for f in formats if f in BINARY_FORMATS]
        if binary:
            raise PlansjekkError(t("error.binary_needs_output", lang, fmt=binary[0]))
        files = [f for f in formats if f not in STREAM_FORMATS]
        if len(files) > 1:
            raise PlansjekkError(t("error.many_formats_stdout", lang, formats=", ".join(files)))
        return [(f, None) for f in formats]
    if len(formats) == 1 and not output.is_dir():
        return [(formats[0], output)]
    base = output / DEFAULT_STEM if output.is_dir() else output.with_suffix("")
    to_stdout = len(formats) > 1
    return [(f, None if to_stdout and f in STREAM_FORMATS else base.with_name(base.name + SUFFIXES[f]))
            for f in formats]


def write_reports(result: RunResult, settings: Settings) -> list[Path]:
    """Render every requested format and write it; returns the files written.

    A format that fails (a reporter bug, a full disk) does not stop the others: each is
    tried, and the failures are raised together at the end as one PlansjekkError.
    """
    targets = output_targets(settings.formats, settings.output, settings.lang)
    written: list[Path] = []
    failures: list[str] = []
    for fmt, path in targets:
        try:
            content = render(fmt, result, settings)
            if path is None:
                _to_stdout(content)
                continue
            if fmt in TEXT_FORMATS and isinstance(content, str):
                content = text_mark(result.plansjekk_version or __version__) + "\n" + content
            _to_file(path, content, settings.lang)
        except PlansjekkError as error:
            failures.append(str(error))
            continue
        except Exception as error:  # noqa: BLE001 - a reporter bug must not cost the other formats
            failures.append(t("error.format_failed", settings.lang, fmt=fmt,
                              reason=f"{type(error).__name__}: {error}"))
            continue
        written.append(path)
    if failures:
        raise PlansjekkError("\n".join(failures))
    return written


def run_summary(result: RunResult, written: list[Path], settings: Settings) -> list[str]:
    """Lines for stderr after a run: nothing found to check (always), and with --utfil one line
    saying what was checked and where the report went, since stdout then stays empty."""
    lang = settings.lang
    checked = sum(1 for d in result.documents if d.error is None and not d.skipped)
    unreadable = sum(1 for d in result.documents if d.error is not None and not d.skipped)
    skipped = sum(1 for d in result.documents if d.skipped)
    lines = []
    if not checked and not unreadable:
        lines.append(t("run.nothing_checked", lang, skipped=skipped))
    if settings.output is not None:
        where = ", ".join(str(p) for p in written) or str(settings.output)
        lines.append(t("run.summary", lang, checked=checked, unreadable=unreadable, skipped=skipped, where=where))
    return lines


def _to_stdout(content: str | bytes) -> None:
    if isinstance(content, bytes):  # guarded by output_targets; keep stdout text-only
        sys.stdout.buffer.write(content)
        return
    sys.stdout.write(content if content.endswith("\n") else content + "\n")
    sys.stdout.flush()


def _to_file(path: Path, content: str | bytes, lang: str) -> None:
    try:
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content if content.endswith("\n") else content + "\n", encoding="utf-8")
    except OSError as error:
        raise PlansjekkError(t("error.write_failed", lang, path=path, reason=error.strerror)) from None
