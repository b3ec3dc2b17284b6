"""The batch overview: one row per plan, the core rules as columns, and what is missing.

`overview(result, settings)` builds the one record form the batch reporters share
(terminal, csv, xlsx, html), from `records.as_records`, so that they cannot disagree.
Rows are the checked documents (municipality, file, type, adoption, one cell per core
rule); when a municipality delivered several plans, the newest is the primary row and
the others are marked "eldre". Totals per rule count primary rows only. Unreadable and
skipped files, municipalities with no plan, unused overrides and ignored files are
listed below the table.
"""

from __future__ import annotations

import io
import os
from collections import Counter
from typing import Any

from plansjekk.i18n import STATUS_SYMBOLS, status_label, type_label
from plansjekk.model import RunResult
from plansjekk.report.records import adoption_text, display_records
from plansjekk.report.safety import printable_records
from plansjekk.settings import Settings

CORE_TAG = "kjerne"
DEFAULT_CORE = ("BV101", "BV102", "BV103", "BV104", "BV105")
STYLES = {"oppfylt": "green", "delvis": "yellow", "mangler": "red", "ikke_relevant": "dim"}
LABELS: dict[str, tuple[str, str]] = {
    "title": ("Oversikt over planene", "Overview of the plans"),
    "municipality": ("Kommune", "Municipality"),
    "file": ("Fil", "File"),
    "type": ("Type", "Type"),
    "adopted": ("Vedtatt", "Adopted"),
    "total": ("Sum oppfylt", "Total met"),
    "older": ("eldre", "older"),
    "unknown": ("(ukjent kommune)", "(unknown municipality)"),
    "problems": ("Filer som ikke ble sjekket", "Files that were not checked"),
    "skipped": ("hoppet over", "skipped"),
    "missing": ("Kommuner uten plan", "Municipalities without a plan"),
    "missing_none": ("Alle {count} forventede kommuner har levert en plan.",
                     "All {count} expected municipalities have delivered a plan."),
    "duplicates": ("Flere planer fra samme kommune (den nyeste teller)",
                   "Several plans from one municipality (the newest counts)"),
    "also": ("eldre:", "older:"),
    "unused": ("Overstyringer som ikke traff noe", "Overrides that matched nothing"),
    "ignored": ("{count} skjulte filer/systemfiler ble ikke tatt med.",
                "{count} hidden/system files were left out."),
    "overridden": ("* = overstyrt av saksbehandler", "* = overridden by a reviewer"),
    "known": ("† = kjent fra baseline (ikke nytt, feiler ikke kjøringen)",
              "† = known from the baseline (not new, does not fail the run)"),
    "legend": ("✔ oppfylt  ◐ delvis  ✘ mangler  – ikke relevant", "✔ met  ◐ partly  ✘ missing  – n/a"),
}


def label(key: str, lang: str, **values: Any) -> str:
    nb, en = LABELS[key]
    return (en if lang == "en" else nb).format(**values)


def core_codes(result: RunResult) -> tuple[str, ...]:
    tagged = tuple(r.code for r in result.rules if CORE_TAG in getattr(r, "tags", ()))
    return tagged or DEFAULT_CORE


def overview(result: RunResult, settings: Settings) -> dict[str, Any]:
    """Rows, totals and the lists under the table, as plain data."""
    records = display_records(result, settings.lang, settings.explain)
    primary = set(result.extra.get("primary", {}).values())
    older = {p for paths in result.extra.get("duplicates", {}).values() for p in paths}
    codes = core_codes(result)
    shorts = short_paths([d["path"] for d in records["documents"]])
    for doc in records["documents"]:
        doc["short_path"] = shorts[doc["path"]]
    rows, problems = [], []
    for doc in records["documents"]:
        if doc["error"] is not None:
            problems.append(doc)
            continue
        cells = {f["code"]: f for f in doc["findings"] + doc.get("known_findings", []) if f["code"] in codes}
        members = ", ".join(doc.get("municipalities") or []) or doc["municipality"]  # every member of a shared plan
        rows.append({"doc": doc, "municipality": members, "cells": cells,
                     "older": doc["path"] in older, "primary": doc["path"] in primary})
    rows.sort(key=lambda r: (r["municipality"] is None, (r["municipality"] or "").casefold(),
                             r["older"], r["doc"]["path"]))
    totals = {code: Counter(r["cells"][code]["effective_status"] for r in rows
                            if code in r["cells"] and not r["older"]) for code in codes}
    return {"records": records, "codes": codes, "rows": rows, "totals": totals, "problems": problems,
            "expected": list(result.expected_municipalities),
            "missing": list(result.missing_municipalities),
            "duplicates": printable_records(result.extra.get("duplicates", {})),
            "primary": printable_records(result.extra.get("primary", {})),
            "unused_overrides": printable_records(result.extra.get("unused_overrides", [])),
            "ignored": printable_records(result.extra.get("ignored", [])),
            "any_known": any(doc.get("known_findings") for doc in records["documents"])}


def cell_text(finding: dict[str, Any] | None) -> str:
    """'✔', '✔*' when a reviewer overrode the machine, '✘†' when known from the baseline;
    '' when the rule did not run."""
    if finding is None:
        return ""
    return STATUS_SYMBOLS[finding["effective_status"]] + marks(finding)


def marks(finding: dict[str, Any]) -> str:
    return ("*" if finding["override"] else "") + ("†" if finding.get("baseline") else "")


def legend(data: dict[str, Any], lang: str) -> list[str]:
    """The symbols under every overview table; names † only when a baseline hid something."""
    parts = [label("legend", lang), label("overridden", lang)]
    if data["any_known"]:
        parts.append(label("known", lang))
    return parts


def render_terminal(result: RunResult, settings: Settings) -> str:
    """The overview as a rich table (colours on a terminal, plain text otherwise)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from plansjekk.report.terminal import PLAIN_WIDTH, use_color

    color, lang = use_color(settings), settings.lang
    console = Console(file=io.StringIO(), force_terminal=color, no_color=not color, highlight=False,
                      color_system="standard" if color else None, width=None if color else PLAIN_WIDTH,
                      emoji=False)
    data = overview(result, settings)
    table = Table(title=label("title", lang), show_footer=True, title_justify="left")
    table.add_column(label("municipality", lang), footer=label("total", lang))
    table.add_column(label("file", lang), overflow="fold")
    table.add_column(label("adopted", lang))
    for code in data["codes"]:
        table.add_column(code, justify="center", footer=str(data["totals"][code]["oppfylt"]))
    for row in data["rows"]:
        name = row["municipality"] or label("unknown", lang)
        if row["older"]:
            name += f" ({label('older', lang)})"
        adoption = (row["doc"]["adoption"] or {}).get("date") or ""
        cells = [_styled(row["cells"].get(code), color) for code in data["codes"]]
        table.add_row(escape(name), escape(_file_cell(row["doc"], lang)), escape(adoption), *cells,
                      style="dim" if row["older"] else None)
    console.print(table)
    console.print("   ".join(legend(data, lang)))
    for line in footer_lines(data, lang):
        console.print(line, highlight=False, markup=False, soft_wrap=True)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return text if color else "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def _styled(finding: dict[str, Any] | None, color: bool) -> str:
    text = cell_text(finding)
    if not color or finding is None:
        return text
    return f"[{STYLES[finding['effective_status']]}]{text}[/]"


def _file_cell(doc: dict[str, Any], lang: str) -> str:
    name = doc["short_path"]
    return name if doc["type"] == "plan" else f"{name} – {type_label(doc['type'], lang)}"


def short_paths(paths: list[str]) -> dict[str, str]:
    """Paths relative to the folder they all share, so the table shows what differs."""
    folders = [os.path.dirname(os.path.abspath(p)) for p in paths]
    try:
        common = os.path.commonpath(folders) if folders else ""
    except ValueError:  # different drives on Windows
        common = ""
    return {p: os.path.relpath(os.path.abspath(p), common) if common else p for p in paths}


def footer_lines(data: dict[str, Any], lang: str) -> list[str]:
    """Problems, missing municipalities, duplicates, unused overrides: plain sentences."""
    lines: list[str] = []
    if data["problems"]:
        lines.append(f"\n{label('problems', lang)} ({len(data['problems'])}):")
        for doc in data["problems"]:
            kind = label("skipped", lang) if doc["skipped"] else doc["error"]["code"]
            lines.append(f"  {doc['path']} [{kind}]: {doc['error']['message']}")
    if data["expected"]:
        if data["missing"]:
            lines.append(f"\n{label('missing', lang)} ({len(data['missing'])} av {len(data['expected'])}):")
            lines.append("  " + ", ".join(data["missing"]))
        else:
            lines.append("\n" + label("missing_none", lang, count=len(data["expected"])))
    if data["duplicates"]:
        lines.append(f"\n{label('duplicates', lang)}:")
        for name, paths in sorted(data["duplicates"].items()):
            lines.append(f"  {name}: {data['primary'].get(name, '?')}; {label('also', lang)} " + ", ".join(paths))
    if data["unused_overrides"]:
        lines.append(f"\n{label('unused', lang)}:")
        lines.extend(f"  {message}" for message in data["unused_overrides"])
    if data["ignored"]:
        lines.append("\n" + label("ignored", lang, count=len(data["ignored"])))
    return lines


def status_text(finding: dict[str, Any] | None, lang: str) -> str:
    """'oppfylt', or 'oppfylt (maskin: mangler)' for an overridden finding."""
    if finding is None:
        return ""
    text = status_label(finding["effective_status"], lang)
    if finding["override"]:
        text += f" ({'maskin' if lang != 'en' else 'machine'}: {status_label(finding['status'], lang)})"
    return text


def adoption_cell(doc: dict[str, Any], lang: str) -> str:
    return adoption_text(doc["adoption"], lang)
