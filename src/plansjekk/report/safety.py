"""Document text is hostile until rendered safe: one place that makes it so.

- `printable`: terminal escape sequences (CSI, OSC, single-character ESC codes), other C0
  and C1 control characters and bidirectional overrides are removed, so a quote, title or
  file name cannot move the cursor, retitle the terminal, hide text or reorder a line when a
  report is printed, piped into a CI log or opened in a Markdown viewer. Newline and tab stay.
- `spreadsheet_text`: printable, and a cell that a spreadsheet would read as a formula
  (starting with = + - @, tab or carriage return) gets a leading apostrophe, as OWASP
  recommends for CSV injection.
JSON, SARIF, JUnit and HTML escape control characters themselves and keep the raw text.
"""

from __future__ import annotations

import re
from typing import Any

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor movement, erase
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # other ESC sequences, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def printable(text: str) -> str:
    """`text` without escape sequences and control characters (newline and tab kept)."""
    if text.isprintable():
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text.replace("\r\n", "\n")))


def printable_records(value: Any) -> Any:
    """Every string in a records tree (as_records, overview) made printable."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {k: printable_records(v) for k, v in value.items()}
    if isinstance(value, list):
        return [printable_records(v) for v in value]
    if isinstance(value, tuple):
        return tuple(printable_records(v) for v in value)
    return value


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)


def spreadsheet_text(text: str) -> str:
    """A CSV cell that Excel, LibreOffice and Google Sheets show as text, never evaluate."""
    clean = printable(text)
    return "'" + clean if is_formula_like(clean) or text.startswith("\r") else clean
