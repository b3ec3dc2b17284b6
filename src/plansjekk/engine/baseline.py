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
    try:
        path.write_text(json.dumps(baseline_record(result), ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
    except OSError as error:
        raise PlansjekkError(t("error.write_failed", lang, path=path, reason=error.strerror)) from None


def read_baseline(path: Path, lang: str = "nb") -> dict[str, Any]:
    if not path.is_file():
        raise PlansjekkError(t("error.baseline_missing", lang, path=path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PlansjekkError(t("error.baseline_invalid", lang, path=path, reason=error)) from None
    if not isinstance(data, dict) or data.get("plansjekk_baseline") != FORMAT_VERSION \
            or not isinstance(data.get("documents"), list):
        raise PlansjekkError(t("error.baseline_invalid", lang, path=path, reason="plansjekk_baseline"))
    return data


def apply_baseline(result: RunResult, path: Path, lang: str = "nb") -> RunResult:
    """Keep only new or worsened problems; a note on each document says how many were hidden."""
    data = read_baseline(path, lang)
    by_hash = {d.get("sha256"): d for d in data["documents"] if d.get("sha256")}
    by_path = {d.get("path"): d for d in data["documents"]}
    docs = []
    for doc in result.documents:
        known = by_hash.get(doc.sha256) if doc.sha256 else None
        known = known or by_path.get(doc.path)
        docs.append(_filter(doc, known.get("findings", {}) if known else {}, lang))
    return replace(result, documents=tuple(docs))


def _filter(doc: DocumentResult, known: dict[str, str], lang: str) -> DocumentResult:
    if doc.error is not None or not known:
        return doc
    kept = tuple(f for f in doc.findings
                 if RANK[f.status.value] == 0 or RANK[f.status.value] > RANK.get(known.get(f.code, ""), -1))
    hidden = len(doc.findings) - len(kept)
    if not hidden:
        return doc
    return replace(doc, findings=kept, notes=doc.notes + (t("baseline.hidden", lang, count=hidden),))


def use_baseline(result: RunResult, settings: Settings) -> RunResult:
    """What api.run does with --baseline / --lag-baseline."""
    if settings.baseline is None:
        return result
    if settings.write_baseline:
        write_baseline(result, settings.baseline, settings.lang)
    return apply_baseline(result, settings.baseline, settings.lang)
