"""`--format terminal` (default): what a planner reads after `plansjekk sjekk plan.pdf`.

Per document a header, a table of rules (status symbol and colour, requirement,
severity, assessment with quote, place and what to add) and a summary line. Colour
only on a terminal and without --no-color; with several documents each gets a compact
block and the batch overview follows.
"""

from __future__ import annotations

import io
import os
import sys
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from plansjekk.i18n import STATUS_SYMBOLS, severity_label, status_label, t
from plansjekk.model import RunResult
from plansjekk.report.records import display_records, location_text, metadata_rows, run_counts
from plansjekk.report.safety import printable
from plansjekk.settings import Settings

STYLES = {"oppfylt": "green", "delvis": "yellow", "mangler": "red", "ikke_relevant": "dim"}
PLAIN_WIDTH = 110


def use_color(settings: Settings) -> bool:
    """Explicit setting, else colour only when writing to a terminal (and NO_COLOR unset)."""
    if settings.color is not None:
        return settings.color
    if settings.output is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def render(result: RunResult, settings: Settings) -> str:
    color = use_color(settings)
    width = None if color else PLAIN_WIDTH
    console = Console(file=io.StringIO(), force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, width=width,
                      highlight=False, emoji=False, soft_wrap=False)
    records = display_records(result, settings.lang, settings.explain)
    docs = records["documents"]
    for doc in docs:
        if len(docs) == 1:
            render_document(console, doc, settings)
        else:
            render_compact(console, doc, settings.lang)
    console.print(summary_line(records, settings.lang))
    if settings.config_file is not None:
        console.print(Text(t("label.config_file", settings.lang, path=printable(str(settings.config_file))),
                           style="dim"))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    if not color:  # rich pads table cells; plain output should diff cleanly
        text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    if len(docs) > 1:
        text += _overview(result, settings)
    return text


def render_document(console: Console, doc: dict[str, Any], settings: Settings) -> None:
    """Header, rule table, notes and the document's summary."""
    lang = settings.lang
    console.print(header(doc, lang))
    if doc["error"] is not None:
        console.print(Text(f"  ✘ {doc['error']['message']} ({doc['error']['code']})", style="red"))
        console.print()
        return
    if doc["findings"]:
        console.print(rule_table(doc, settings))
    for line in document_notes(doc, lang):
        console.print(Text(f"  ℹ {line}", style="cyan"))
    console.print()


def header(doc: dict[str, Any], lang: str) -> Text:
    text = Text()
    text.append(doc["path"], style="bold")
    text.append("\n")
    if doc["error"] is None and not doc["skipped"]:
        for label, value in metadata_rows(doc, lang):
            text.append(f"  {label}: ", style="dim")
            text.append(f"{value}\n")
    if doc.get("type_signals"):  # --forklar: why this type
        text.append(f"  {t('type.signals', lang)}:\n", style="dim")
        for line in [*doc["type_reasons"], *doc["type_signals"]]:
            text.append(f"    {line}\n", style="dim")
    text.append("  " + t(f"verdict.{doc['verdict']}", lang), style="bold")
    return text


def rule_table(doc: dict[str, Any], settings: Settings) -> Table:
    lang = settings.lang
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, pad_edge=False, expand=False)
    table.add_column(t("label.status", lang), no_wrap=True)
    table.add_column(t("label.code", lang), no_wrap=True)
    table.add_column(t("label.requirement", lang), max_width=28)
    table.add_column(t("label.severity", lang), no_wrap=True)
    table.add_column(t("label.assessment", lang), ratio=1, min_width=30)
    for f in doc["findings"]:
        status = f["effective_status"]
        style = "dim" if f["suppressed"] else STYLES[status]
        table.add_row(Text(f"{STATUS_SYMBOLS[status]} {status_label(status, lang)}", style=style),
                      f["code"], f["title"] or f["name"], severity_label(f["severity"], lang),
                      assessment(f, settings))
    return table


def assessment(f: dict[str, Any], settings: Settings) -> Text:
    """Message, up to two quotes with their place, what to add, and --forklar lines."""
    lang = settings.lang
    text = Text(f["message"])
    for ev in f["evidence"][:2]:
        place = location_text(ev, lang)
        text.append(f"\n«{ev['quote']}»", style="italic")
        if place:
            text.append(f" ({place})", style="dim")
    if f["suggestion"] and f["effective_status"] in ("delvis", "mangler") and not f["suppressed"]:
        text.append(f"\n→ {t('label.suggestion_short', lang)}: {f['suggestion']}")
    if f["suppressed"]:
        text.append("\n" + t("label.suppressed_reason", lang, reason=f["suppressed"]), style="dim")
    if f["override"]:
        text.append("\n" + override_text(f["override"], lang), style="cyan")
    for line in f.get("explanation", []):
        text.append(f"\n  · {line}", style="dim")
    return text


def override_text(override: dict[str, Any], lang: str) -> str:
    status = status_label(override["status"], lang)
    if override.get("reviewer"):
        text = t("label.override_by", lang, reviewer=override["reviewer"], status=status,
                 reason=override["reason"])
    else:
        text = t("label.override", lang, status=status, reason=override["reason"])
    if override.get("machine_status"):
        text += "; " + t("label.machine_status", lang, status=status_label(override["machine_status"], lang))
    return text


def document_notes(doc: dict[str, Any], lang: str) -> list[str]:
    """Document remarks, extraction warnings, unused suppressions, and the document's counts."""
    lines = list(doc["notes"]) + list(doc["warnings"])
    lines += [unused_suppression_text(s, lang) for s in doc["unused_suppressions"]]
    if doc["findings"]:
        lines.append(t("summary.document", lang, **doc["summary"]))
    return lines


def unused_suppression_text(s: dict[str, Any], lang: str) -> str:
    if s.get("line"):
        return t("label.unused_suppression", lang, rule=s["rule"], line=s["line"])
    return t("label.unused_suppression_noline", lang, rule=s["rule"])


def render_compact(console: Console, doc: dict[str, Any], lang: str) -> None:
    """One document in a batch: header line, then only what should be fixed."""
    title = Text(doc["path"], style="bold")
    if doc["municipality"]:
        title.append(f" ({doc['municipality']})")
    title.append(" – " + t(f"verdict.{doc['verdict']}", lang))
    console.print(title)
    if doc["error"] is not None:
        console.print(Text(f"  ✘ {doc['error']['message']}", style="red"))
    for f in doc["findings"]:
        status = f["effective_status"]
        if status in ("delvis", "mangler") and not f["suppressed"]:
            console.print(Text(f"  {STATUS_SYMBOLS[status]} {f['code']} {f['title'] or f['name']}: "
                               f"{status_label(status, lang)} ({severity_label(f['severity'], lang)})",
                               style=STYLES[status]))


def summary_line(records: dict[str, Any], lang: str) -> Text:
    return Text(t("summary.run", lang, **run_counts(records)), style="bold")


def _overview(result: RunResult, settings: Settings) -> str:
    """The batch helper's overview table, when that module is installed."""
    try:
        from plansjekk.report.overview import render_terminal
    except ImportError:
        return ""
    return "\n" + render_terminal(result, settings)
