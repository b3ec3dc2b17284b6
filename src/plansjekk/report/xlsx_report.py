"""`--format xlsx`: a workbook for the Statsforvalter advisor (needs --output).

Sheets:
- "Oversikt": one row per checked plan, one column per core rule (BV101–BV105) with
  the status that counts; conditional formatting colours the cells (green oppfylt,
  yellow delvis, red mangler, grey ikke relevant) so a reviewer's edit in Excel
  recolours them. An overridden cell reads "oppfylt*"; the "Funn" sheet has the reason.
- "Funn": every finding with machine status, override (status, reason, reviewer,
  date), message, evidence quotes and where they stand.
- "Feil og manglende": unreadable and skipped files with the reason, municipalities
  with no plan, older duplicate plans and overrides that matched nothing.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from plansjekk.model import RunResult
from plansjekk.report.marker import XLSX_CREATOR
from plansjekk.report.overview import legend, marks, overview
from plansjekk.report.records import location_text
from plansjekk.report.safety import printable
from plansjekk.settings import Settings

FILLS = {"oppfylt": "C6EFCE", "delvis": "FFEB9C", "mangler": "FFC7CE", "ikke_relevant": "D9D9D9"}
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def render(result: RunResult, settings: Settings) -> bytes:
    data = overview(result, settings)
    book = Workbook()
    book.properties.creator = XLSX_CREATOR  # the mark discovery recognises (report/marker.py)
    _overview_sheet(book.active, data, settings.lang)
    _findings_sheet(book.create_sheet("Funn"), data, settings.lang)
    _problems_sheet(book.create_sheet("Feil og manglende"), data)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _append(sheet: Worksheet, values: list[Any]) -> None:
    """Append a row whose text is printable (openpyxl refuses control characters) and never a
    formula: text that looks like one is stored as text with Excel's quote prefix."""
    sheet.append([printable(v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.data_type == "f":
            cell.data_type = "s"
            cell.quotePrefix = True


def _header(sheet: Worksheet, titles: list[str], widths: list[int]) -> None:
    _append(sheet, titles)
    for i, (cell, width) in enumerate(zip(sheet[1], widths), start=1):
        cell.font = BOLD
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"


def _overview_sheet(sheet: Worksheet, data: dict[str, Any], lang: str) -> None:
    sheet.title = "Oversikt"
    codes = list(data["codes"])
    _header(sheet, ["Kommune", "Fil", "Dokumenttype", "Vedtatt", "Primær", *codes],
            [24, 40, 16, 12, 8, *[11] * len(codes)])
    for row in data["rows"]:
        doc = row["doc"]
        cells = [_cell(row["cells"].get(code)) for code in codes]
        _append(sheet, [row["municipality"] or "(ukjent)", doc["path"], doc["type"],
                      (doc["adoption"] or {}).get("date") or "", "nei" if row["older"] else "ja", *cells])
    last = sheet.max_row
    _append(sheet, ["Sum oppfylt", "", "", "", "", *[data["totals"][c]["oppfylt"] for c in codes]])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    if data["any_known"]:
        _append(sheet, [legend(data, lang)[-1]])
    if last >= 2 and codes:
        first_col, last_col = get_column_letter(6), get_column_letter(5 + len(codes))
        area = f"{first_col}2:{last_col}{last}"
        for status, color in FILLS.items():
            fill = PatternFill(start_color=color, end_color=color, fill_type="solid")
            formula = f'LEFT({first_col}2,{len(status)})="{status}"'
            sheet.conditional_formatting.add(area, FormulaRule(formula=[formula], fill=fill))
    sheet.auto_filter.ref = f"A1:{get_column_letter(5 + len(codes))}{max(last, 1)}"


def _cell(finding: dict[str, Any] | None) -> str:
    if finding is None:
        return ""
    return finding["effective_status"] + marks(finding)


def _findings_sheet(sheet: Worksheet, data: dict[str, Any], lang: str) -> None:
    _header(sheet, ["Kommune", "Fil", "Regel", "Navn", "Status", "Maskinell status", "Alvorlighet",
                    "Overstyrt begrunnelse", "Overstyrt av", "Overstyrt dato", "Melding", "Forslag",
                    "Bevis", "Plassering"],
            [20, 36, 8, 18, 13, 15, 11, 30, 16, 12, 50, 50, 60, 24])
    for doc in data["records"]["documents"]:
        for f in doc["findings"]:
            override = f["override"] or {}
            _append(sheet, [doc["municipality"] or "", doc["path"], f["code"], f["name"],
                          f["effective_status"], f["status"], f["severity"], override.get("reason") or "",
                          override.get("reviewer") or "", override.get("date") or "", f["message"],
                          f["suggestion"] or "", "\n".join(e["quote"] for e in f["evidence"]),
                          "\n".join(location_text(e, lang) for e in f["evidence"])])
            fill = FILLS.get(f["effective_status"])
            if fill:
                sheet.cell(sheet.max_row, 5).fill = PatternFill(start_color=fill, end_color=fill, fill_type="solid")
            for cell in sheet[sheet.max_row]:
                cell.alignment = WRAP


def _problems_sheet(sheet: Worksheet, data: dict[str, Any]) -> None:
    _header(sheet, ["Hva", "Fil eller kommune", "Kode", "Forklaring"], [22, 50, 14, 90])
    for doc in data["problems"]:
        kind = "Hoppet over" if doc["skipped"] else "Kunne ikke leses"
        _append(sheet, [kind, doc["path"], doc["error"]["code"], doc["error"]["message"]])
    for name in data["missing"]:
        _append(sheet, ["Mangler plan", name, "ingen_plan", "Ingen plan fra denne kommunen i mappen."])
    for name, paths in sorted(data["duplicates"].items()):
        for path in paths:
            _append(sheet, ["Eldre plan", path, "duplikat",
                          f"{name} har en nyere plan: {data['primary'].get(name, '')}"])
    for message in data["unused_overrides"]:
        _append(sheet, ["Ubrukt overstyring", "", "overstyring", message])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = WRAP
