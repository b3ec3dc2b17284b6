"""`--format csv`: one row per document × rule, for Excel and pivot tables.

Long format rather than wide: every finding is a row with its machine status, the
status that counts (after a reviewer's override), the reason, the evidence and where
it stands, so filtering and pivoting work without parsing cells. A file that could
not be read or was skipped is one row with the error; a municipality that delivered
no plan (with --fylke/--kommuner) is one row with status "ingen_plan". Nothing is lost.

Separator ';' (Norwegian Excel uses comma as decimal mark, so it expects ';'), UTF-8.
Written to a file (--output), the text starts with a byte-order mark so that Excel
shows æ, ø and å correctly; on stdout there is no BOM, for pipes and scripts.
Status values are the stable codes (oppfylt, delvis, mangler, ikke_relevant).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from plansjekk.model import RunResult
from plansjekk.report.overview import overview
from plansjekk.report.records import location_text
from plansjekk.report.safety import spreadsheet_text
from plansjekk.settings import Settings

DELIMITER = ";"
BOM = "\ufeff"
COLUMNS = ("kommune", "fil", "dokumenttype", "vedtatt", "primaer", "regel", "navn", "status",
           "maskinell_status", "alvorlighet", "overstyrt_begrunnelse", "overstyrt_av", "overstyrt_dato",
           "melding", "bevis", "plassering", "feilkode", "feilmelding", "sha256")


def render(result: RunResult, settings: Settings) -> str:
    data = overview(result, settings)
    older = {p for paths in data["duplicates"].values() for p in paths}
    buffer = io.StringIO()
    writer = _SafeWriter(buffer, fieldnames=COLUMNS, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writeheader()
    for doc in data["records"]["documents"]:
        base = _document_fields(doc, older, settings.lang)
        if doc["error"] is not None:
            writer.writerow({**base, "status": "hoppet_over" if doc["skipped"] else "ulesbar",
                             "feilkode": doc["error"]["code"], "feilmelding": doc["error"]["message"]})
            continue
        for finding in doc["findings"]:
            writer.writerow({**base, **_finding_fields(finding, settings.lang)})
    for name in data["missing"]:
        writer.writerow({"kommune": name, "status": "ingen_plan"})
    text = buffer.getvalue()
    return BOM + text if settings.output is not None else text


class _SafeWriter(csv.DictWriter):  # type: ignore[type-arg]
    """Every cell printable and never a formula (OWASP CSV injection)."""

    def writerow(self, rowdict: Any) -> Any:
        return super().writerow({k: spreadsheet_text(v) if isinstance(v, str) else v for k, v in rowdict.items()})


def _document_fields(doc: dict[str, Any], older: set[str], lang: str) -> dict[str, Any]:
    adoption = doc["adoption"] or {}
    return {"kommune": doc["municipality"] or "", "fil": doc["path"], "dokumenttype": doc["type"],
            "vedtatt": adoption.get("date") or "", "primaer": "nei" if doc["path"] in older else "ja",
            "sha256": doc["sha256"] or ""}


def _finding_fields(finding: dict[str, Any], lang: str) -> dict[str, Any]:
    override = finding["override"] or {}
    evidence = finding["evidence"]
    return {
        "regel": finding["code"], "navn": finding["name"], "status": finding["effective_status"],
        "maskinell_status": finding["status"], "alvorlighet": finding["severity"],
        "overstyrt_begrunnelse": override.get("reason") or "", "overstyrt_av": override.get("reviewer") or "",
        "overstyrt_dato": override.get("date") or "", "melding": finding["message"],
        "bevis": " | ".join(e["quote"] for e in evidence),
        "plassering": " | ".join(location_text(e, lang) for e in evidence),
    }
