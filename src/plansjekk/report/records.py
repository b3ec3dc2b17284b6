"""The one record form every reporter renders from (STYLE.md 8, sqlfluff `as_records`).

`as_records` turns a RunResult into plain dicts: the DESIGN.md JSON contract plus
extras (rule pack, legal source, overrides, suppressions, verdicts, counts). What a
status *is* was decided by the engine; the helpers here only summarise it, once, so
that terminal, SARIF, JUnit and HTML cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from plansjekk.i18n import STRINGS, t, type_label
from plansjekk.model import DocumentResult, Finding, RunResult, to_plain

PROBLEM_STATUSES = ("delvis", "mangler")
STATUS_ORDER = ("oppfylt", "delvis", "mangler", "ikke_relevant")
SEVERITY_RANK = {"info": 1, "advarsel": 2, "feil": 3}
SARIF_LEVEL = {"feil": "error", "advarsel": "warning", "info": "note"}
CONTRACT_DOC_KEYS = ("path", "type", "language", "municipality", "pages", "title", "period",
                     "adoption", "findings", "error")
CONTRACT_FINDING_KEYS = ("code", "name", "status", "severity", "message", "suggestion", "evidence")


def as_records(result: RunResult, lang: str = "nb", explain: bool = False) -> dict[str, Any]:
    """The whole run as JSON-ready dicts, documents sorted by path, findings by code."""
    rules = rules_by_code(result.rules)
    docs = sorted(result.documents, key=lambda d: d.path)
    return {
        "plansjekk_version": result.plansjekk_version,
        "rulepack": {"name": result.rulepack, "version": result.rulepack_version},
        "documents": [document_record(d, rules, lang, explain) for d in docs],
        "rules": [rule_record(r, lang) for r in sorted(rules.values(), key=lambda r: r.code)],
        "expected_municipalities": list(result.expected_municipalities),
        "missing_municipalities": list(result.missing_municipalities),
    }


def display_records(result: RunResult, lang: str = "nb", explain: bool = False) -> dict[str, Any]:
    """as_records with every string printable: for reports read in a terminal, log or editor."""
    from plansjekk.report.safety import printable_records

    records: dict[str, Any] = printable_records(as_records(result, lang, explain))
    return records


def rules_by_code(rules: Iterable[Any]) -> dict[str, Any]:
    return {r.code: r for r in rules}


def rule_record(rule: Any, lang: str = "nb") -> dict[str, Any]:
    """What a reader needs to trace a finding back to its rule and legal source."""
    return {
        "code": rule.code,
        "name": rule.name,
        "title": rule.title.get(lang),
        "source": rule.source,
        "source_url": rule.source_url,
        "severity": _value(rule.severity),
        "level": SARIF_LEVEL[_value(rule.severity)],
        "tags": list(rule.tags),
        "rationale": rule.rationale.get(lang),
        "suggestion": rule.suggestion.get(lang),
        "pack": rule.pack,
    }


def document_record(doc: DocumentResult, rules: dict[str, Any], lang: str = "nb",
                    explain: bool = False) -> dict[str, Any]:
    """One document: the contract keys first, then extras used by the reporters."""
    plain = to_plain(doc)
    ordered = sorted(doc.findings, key=lambda f: f.code)
    findings = [finding_record(f, rules.get(f.code), lang, explain) for f in ordered if not f.baseline]
    known = [finding_record(f, rules.get(f.code), lang, explain) for f in ordered if f.baseline]
    record = {key: plain[key] for key in CONTRACT_DOC_KEYS if key != "findings"}
    record["findings"] = findings
    error = record["error"]
    if error is not None and lang == "en" and f"error.{error['code']}" in STRINGS:
        record["error"] = {**error, "message": t(f"error.{error['code']}", "en")}
    record.update(
        type_certain=doc.type_certain,
        type_reasons=list(doc.type_reasons) or [type_label(doc.type.value, lang)],
        type_given=doc.type_given,
        municipalities=list(doc.municipalities) or ([doc.municipality] if doc.municipality else []),
        council_adoptions=[to_plain(a) for a in doc.council_adoptions],
        format=doc.format,
        sha256=doc.sha256,
        skipped=doc.skipped,
        ocr=bool(doc.ocr_pages),
        ocr_pages=list(doc.ocr_pages),
        notes=type_notes(doc, lang) + list(doc.notes),
        warnings=list(doc.warnings),
        unused_suppressions=[to_plain(s) for s in doc.unused_suppressions],
        summary=summary(findings),
        verdict=document_verdict(record["type"], record["error"], doc.skipped, findings + known),
    )
    if known:  # --baseline: problems already known are not listed, but the plan still has them
        record["known_findings"] = known
    if explain:
        record["type_signals"] = list(doc.type_signals)
    return record


def finding_record(finding: Finding, rule: Any | None, lang: str = "nb",
                   explain: bool = False) -> dict[str, Any]:
    """One finding: contract keys, legal source, and how suppression/override changed it."""
    plain = to_plain(finding)
    record = {key: plain[key] for key in CONTRACT_FINDING_KEYS}
    record["title"] = finding.title or (rule.title.get(lang) if rule is not None else "")
    record["source"] = finding.source or (rule.source if rule is not None else "")
    record["source_url"] = finding.source_url or (rule.source_url if rule is not None else "")
    record["effective_status"] = plain["override"]["status"] if plain["override"] else plain["status"]
    record["suppressed"] = finding.suppressed
    record["override"] = plain["override"]
    if finding.baseline:
        record["baseline"] = True
    if explain:
        record["explanation"] = list(finding.explanation)
    return record


def is_open(finding: dict[str, Any]) -> bool:
    """A problem someone should fix now: partly met or missing, not suppressed, not in the baseline."""
    return finding["effective_status"] in PROBLEM_STATUSES and not finding["suppressed"] \
        and not finding.get("baseline")


def fails(finding: dict[str, Any], fail_on: str) -> bool:
    """Open and at or above --fail-on (mirrors api.exit_code; "aldri" never fails)."""
    if fail_on == "aldri" or not is_open(finding):
        return False
    return SEVERITY_RANK[finding["severity"]] >= SEVERITY_RANK[fail_on]


def summary(findings: list[dict[str, Any]]) -> dict[str, int]:
    counts = {status: 0 for status in STATUS_ORDER}
    for f in findings:
        counts[f["effective_status"]] += 1
    counts["suppressed"] = sum(1 for f in findings if f["suppressed"])
    counts["open"] = sum(1 for f in findings if is_open(f))
    return counts


def document_verdict(doc_type: str, error: Any, skipped: bool, findings: list[dict[str, Any]]) -> str:
    """One word for the whole document; i18n key `verdict.<word>` gives the sentence."""
    if skipped:
        return "hoppet_over"
    if error is not None:
        return "ulesbar"
    if doc_type == "planprogram":
        return "planprogram"
    if doc_type == "annet":
        return "ikke_plan"
    open_findings = [f for f in findings if f["effective_status"] in PROBLEM_STATUSES and not f["suppressed"]]
    if any(f["severity"] == "feil" for f in open_findings):
        return "mangler"
    return "delvis" if open_findings else "oppfyller"


def location_text(evidence: dict[str, Any], lang: str = "nb") -> str:
    """'3 Mål, s. 4' from an evidence record, so every reporter cites the same way."""
    parts = [evidence["section"]] if evidence.get("section") else []
    if evidence.get("page") is not None:
        parts.append(t("label.page", lang, page=evidence["page"]))
    elif evidence.get("line") is not None:
        parts.append(t("label.line", lang, line=evidence["line"]))
    elif evidence.get("paragraph") is not None:
        parts.append(t("label.paragraph", lang, paragraph=evidence["paragraph"]))
    return ", ".join(parts)


def type_notes(doc: DocumentResult, lang: str = "nb") -> list[str]:
    """An uncertain type is said out loud, with the reasons and how to state the type."""
    if doc.type_certain or doc.type_given or doc.error is not None:
        return []
    return [f"{t('type.uncertain', lang)}: {'; '.join(doc.type_reasons)}. {t('type.state_it', lang)}"]


def type_text(doc: dict[str, Any], lang: str = "nb") -> str:
    """'plan', 'plan (usikker)' or 'plan (oppgitt av brukeren)'."""
    label = type_label(doc["type"], lang)
    if doc.get("type_given"):
        return f"{label} ({t('type.given', lang)})"
    if doc.get("type_certain") is False:
        return f"{label} ({t('type.uncertain_short', lang)})"
    return label


def municipality_text(doc: dict[str, Any], lang: str = "nb") -> str:
    """Every municipality of an inter-municipal plan, the first being `municipality`."""
    names = doc.get("municipalities") or ([doc["municipality"]] if doc["municipality"] else [])
    return ", ".join(names) or t("label.unknown", lang)


def metadata_rows(doc: dict[str, Any], lang: str = "nb") -> list[tuple[str, str]]:
    """The document header every report shows: municipality, type, title, period, adoption."""
    return [
        (t("label.municipality", lang), municipality_text(doc, lang)),
        (t("label.type", lang), type_text(doc, lang)),
        (t("label.title", lang), doc["title"] or t("label.unknown", lang)),
        (t("label.period", lang), doc["period"] or t("label.none_stated", lang)),
        (t("label.adoption", lang), adoption_text(doc["adoption"], lang)),
    ]


def adoption_text(adoption: dict[str, Any] | None, lang: str = "nb") -> str:
    """'kommunestyret 2024-05-29, sak 18/24', or 'ikke oppgitt'."""
    if not adoption:
        return t("label.none_stated", lang)
    parts = [" ".join(x for x in (adoption.get("body"), adoption.get("date")) if x)]
    if adoption.get("case"):
        parts.append(t("label.case", lang, case=adoption["case"]))
    return ", ".join(p for p in parts if p) or t("label.none_stated", lang)


def repo_path(path: str) -> str:
    """An absolute path inside the working directory as a relative POSIX path (CI annotations
    and SARIF want repository paths); anything else unchanged."""
    p = Path(path)
    if p.is_absolute():
        try:
            return p.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return path
    return p.as_posix()


def run_counts(records: dict[str, Any]) -> dict[str, int]:
    docs = records["documents"]
    return {
        "documents": len(docs),
        "problems": sum(d["summary"]["open"] for d in docs),
        "unreadable": sum(1 for d in docs if d["error"] is not None and not d["skipped"]),
    }


def _value(x: Any) -> Any:
    return getattr(x, "value", x)
