"""`--format markdown`: a report to paste into a pull request or a case document.

Per document: a header table, the verdict, a table of rules, then what to add (for
delvis and mangler, with quotes) and the evidence found for met requirements. Text
from documents is escaped, so a quote cannot break the table or inject HTML.
"""

from __future__ import annotations

from typing import Any

from plansjekk.i18n import STATUS_SYMBOLS, severity_label, status_label, t
from plansjekk.model import RunResult
from plansjekk.report.marker import markdown_mark
from plansjekk.report.records import display_records, location_text, metadata_rows, run_counts
from plansjekk.report.safety import printable
from plansjekk.report.terminal import override_text, unused_suppression_text
from plansjekk.settings import Settings

SPECIAL = "\\`*_[]<>|~"


def md(text: str | None) -> str:
    """Escape Markdown and inline HTML; newlines become spaces (tables are one line)."""
    text = " ".join((text or "").split())
    return "".join("\\" + c if c in SPECIAL else c for c in text)


def render(result: RunResult, settings: Settings) -> str:
    lang = settings.lang
    records = display_records(result, lang, settings.explain)
    out = [markdown_mark(records["plansjekk_version"]), f"# {t('report.title', lang)}", "",
           f"{t('report.subtitle', lang)}. " + t("label.generated_by", lang, version=records["plansjekk_version"],
                                                 pack=records["rulepack"]["name"],
                                                 pack_version=records["rulepack"]["version"]), ""]
    for doc in records["documents"]:
        out.extend(document_section(doc, lang))
    out.append(f"**{t('summary.run', lang, **run_counts(records))}**")
    out.append("")
    if settings.config_file is not None:
        out += [md(t("label.config_file", lang, path=printable(str(settings.config_file)))), ""]
    out.append(f"_{t('label.disclaimer', lang)}_")
    return "\n".join(out) + "\n"


def document_section(doc: dict[str, Any], lang: str) -> list[str]:
    out = [f"## {md(doc['path'])}", "", f"**{t('verdict.' + doc['verdict'], lang)}**", ""]
    if doc["error"] is not None:
        return out + [f"> {md(doc['error']['message'])} ({md(doc['error']['code'])})", ""]
    out += metadata_table(doc, lang)
    if doc["findings"]:
        out += rule_table(doc, lang)
    out += to_add(doc, lang)
    out += evidence_list(doc, lang)
    notes = list(doc["notes"]) + list(doc["warnings"]) + \
        [unused_suppression_text(s, lang) for s in doc["unused_suppressions"]]
    if notes:
        out += [f"**{t('label.notes', lang)}**", ""] + [f"- {md(n)}" for n in notes] + [""]
    return out


def metadata_table(doc: dict[str, Any], lang: str) -> list[str]:
    rows = metadata_rows(doc, lang)
    return ["| | |", "|---|---|"] + [f"| {label} | {md(value)} |" for label, value in rows] + [""]


def rule_table(doc: dict[str, Any], lang: str) -> list[str]:
    out = [f"| {t('label.status', lang)} | {t('label.code', lang)} | {t('label.requirement', lang)} "
           f"| {t('label.severity', lang)} |", "|---|---|---|---|"]
    for f in doc["findings"]:
        status = f["effective_status"]
        label = f"{STATUS_SYMBOLS[status]} {status_label(status, lang)}"
        if f["suppressed"]:
            label += f" ({t('label.suppressed', lang)})"
        out.append(f"| {label} | {f['code']} | {md(f['title'] or f['name'])} "
                   f"| {severity_label(f['severity'], lang)} |")
    return out + [""]


def to_add(doc: dict[str, Any], lang: str) -> list[str]:
    """delvis/mangler (also suppressed ones, marked): message, quotes, suggestion, source."""
    problems = [f for f in doc["findings"] if f["effective_status"] in ("delvis", "mangler")]
    if not problems:
        return []
    out = [f"### {t('label.suggestion', lang)}", ""]
    for f in problems:
        out.append(f"- **{STATUS_SYMBOLS[f['effective_status']]} {f['code']} {md(f['title'])}** "
                   f"({severity_label(f['severity'], lang)}): {md(f['message'])}")
        out += [f"  - {_quote(ev, lang)}" for ev in f["evidence"]]
        if f["suggestion"]:
            out.append(f"  - {t('label.suggestion_short', lang)}: {md(f['suggestion'])}")
        out += _extras(f, lang)
    return out + [""]


def evidence_list(doc: dict[str, Any], lang: str) -> list[str]:
    met = [f for f in doc["findings"] if f["effective_status"] == "oppfylt"]
    if not met:
        return []
    out = [f"### {t('label.evidence', lang)}", ""]
    for f in met:
        quotes = "; ".join(_quote(ev, lang) for ev in f["evidence"][:2]) or md(f["message"])
        out.append(f"- **{f['code']} {md(f['title'])}**: {quotes}")
        out += _extras(f, lang)
    return out + [""]


def _quote(ev: dict[str, Any], lang: str) -> str:
    place = location_text(ev, lang)
    return f"«{md(ev['quote'])}»" + (f" ({md(place)})" if place else "")


def _extras(f: dict[str, Any], lang: str) -> list[str]:
    out = []
    if f["suppressed"]:
        out.append(f"  - _{md(t('label.suppressed_reason', lang, reason=f['suppressed']))}_")
    if f["override"]:
        out.append(f"  - _{md(override_text(f['override'], lang))}_")
    out += [f"  - {md(line)}" for line in f.get("explanation", [])]
    return out
