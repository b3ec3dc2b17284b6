"""`--baseline FIL`: adopt plansjekk on an existing plan repository without a red build.

`--lag-baseline` records every document's verdicts; later runs hide problems that are
already in the baseline and show only new or worsened ones (oppfylt < delvis < mangler).
A document is matched by content hash first, then by path, so a renamed file keeps
its baseline and an edited one is compared rule by rule. Unreadable documents are
always reported: a baseline never hides an error.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from plansjekk.errors import PlansjekkError
from plansjekk.files import read_text
from plansjekk.i18n import t
from plansjekk.model import DocumentResult, RunResult, Status
from plansjekk.settings import Settings

FORMAT_VERSION = 1
RANK = {Status.IKKE_RELEVANT.value: 0, Status.OPPFYLT.value: 0, Status.DELVIS.value: 1,
        Status.MANGLER.value: 2}


def baseline_record(result: RunResult) -> dict[str, Any]:
    """Path, hash and the status of every rule, per readable document; sorted, no timestamps."""
    docs = []
    for doc in sorted(result.documents, key=lambda d: d.path):
        if doc.error is not None or doc.skipped:
            continue
        docs.append({"path": doc.path, "sha256": doc.sha256,
                     "findings": {f.code: f.status.value for f in sorted(doc.findings, key=lambda f: f.code)}})
    return {"plansjekk_baseline": FORMAT_VERSION, "rulepack": result.rulepack, "documents": docs}


def write_baseline(result: RunResult, path: Path, lang: str = "nb") -> None:
    """Write the baseline; a file that exists and is not a plansjekk baseline is never overwritten."""
    if path.exists():
        try:
            read_baseline(path, lang)
        except PlansjekkError:
            raise PlansjekkError(t("error.baseline_foreign", lang, path=path)) from None
    try:
        path.write_text(json.dumps(baseline_record(result), ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
    except OSError as error:
        raise PlansjekkError(t("error.write_failed", lang, path=path, reason=error.strerror)) from None


def read_baseline(path: Path, lang: str = "nb") -> dict[str, Any]:
    """Read and validate a baseline file; PlansjekkError naming the file and the bad entry."""
    if not path.is_file():
        raise PlansjekkError(t("error.baseline_missing", lang, path=path))
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise PlansjekkError(t("error.baseline_invalid", lang, path=f"{path}:{error.lineno}", reason=error.msg)) \
            from None
    except (OSError, UnicodeDecodeError) as error:
        raise PlansjekkError(t("error.baseline_invalid", lang, path=path, reason=error)) from None
    if not isinstance(data, dict) or data.get("plansjekk_baseline") != FORMAT_VERSION \
            or not isinstance(data.get("documents"), list):
        raise PlansjekkError(t("error.baseline_invalid", lang, path=path, reason="plansjekk_baseline"))
    for number, doc in enumerate(data["documents"], start=1):
        problem = _document_problem(doc, lang)
        if problem:
            raise PlansjekkError(t("error.baseline_invalid", lang, path=path,
                                   reason=f"documents[{number}]: {problem}"))
    return data


def _document_problem(doc: Any, lang: str) -> str | None:
    """What is wrong with one baseline entry (path, sha256 and findings code -> status), or None."""
    if not isinstance(doc, dict) or not isinstance(doc.get("path"), str) \
            or not isinstance(doc.get("sha256", ""), (str, type(None))):
        return t("baseline.bad_document", lang)
    findings = doc.get("findings", {})
    if not isinstance(findings, dict):
        return t("baseline.bad_findings", lang)
    for code, status in findings.items():
        if status not in RANK:
            return f"findings.{code}: " + t("baseline.bad_status", lang, status=json.dumps(status, ensure_ascii=False))
    return None


def apply_baseline(result: RunResult, baseline: Path | dict[str, Any], lang: str = "nb") -> RunResult:
    """Mark problems already in the baseline as known: they stay in the result, so the verdict
    and the overview still show them, but reports list only new or worsened ones and they never
    fail the run. A note on each document says how many are known."""
    data = read_baseline(baseline, lang) if isinstance(baseline, Path) else baseline
    by_hash = {d.get("sha256"): d for d in data["documents"] if d.get("sha256")}
    by_path = {d.get("path"): d for d in data["documents"]}
    docs = []
    for doc in result.documents:
        known = by_hash.get(doc.sha256) if doc.sha256 else None
        known = known or by_path.get(doc.path)
        docs.append(_mark(doc, known.get("findings", {}) if known else {}, lang))
    return replace(result, documents=tuple(docs))


def _mark(doc: DocumentResult, known: dict[str, str], lang: str) -> DocumentResult:
    if doc.error is not None or not known:
        return doc
    findings = tuple(replace(f, baseline=True) if _is_known(f.status.value, known.get(f.code)) else f
                     for f in doc.findings)
    hidden = sum(1 for f in findings if f.baseline)
    if not hidden:
        return doc
    return replace(doc, findings=findings, notes=doc.notes + (t("baseline.hidden", lang, count=hidden),))


def _is_known(status: str, known: str | None) -> bool:
    """A problem (delvis/mangler) no worse than the baseline's status for the same rule."""
    return RANK[status] > 0 and known is not None and RANK[status] <= RANK[known]


def load_baseline(settings: Settings) -> dict[str, Any] | None:
    """Validate --baseline before any document is checked (None when it is to be written)."""
    if settings.baseline is None or settings.write_baseline:
        return None
    return read_baseline(settings.baseline, settings.lang)


def use_baseline(result: RunResult, settings: Settings, data: dict[str, Any] | None = None) -> RunResult:
    """What api.run does with --baseline / --lag-baseline after the check."""
    if settings.baseline is None:
        return result
    if settings.write_baseline:
        write_baseline(result, settings.baseline, settings.lang)
    return apply_baseline(result, data or settings.baseline, settings.lang)
