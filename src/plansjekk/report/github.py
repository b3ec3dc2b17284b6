"""`--format github`: GitHub Actions workflow commands, shown as annotations on the PR.

`::error file=…,line=…,title=…::message` for feil, `::warning` for advarsel, `::notice`
for info; one per open finding (suppressed ones are left out), one `::error` per
unreadable document and a `::warning` per unused suppression. Escaping follows GitHub's
toolkit: %, CR and LF in the message; additionally ':' and ',' in properties.
"""

from __future__ import annotations

from typing import Any

from plansjekk.i18n import status_label, t
from plansjekk.model import RunResult
from plansjekk.report.records import display_records, is_open, location_text, repo_path
from plansjekk.settings import Settings

COMMAND = {"feil": "error", "advarsel": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: Any) -> str:
    """One workflow command line; properties without a value are left out."""
    given = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind} {given}::{escape_data(message)}" if given else f"::{kind}::{escape_data(message)}"


def render(result: RunResult, settings: Settings) -> str:
    lang = settings.lang
    lines: list[str] = []
    for doc in display_records(result, lang)["documents"]:
        lines.extend(document_commands(doc, lang))
    return "\n".join(lines) + ("\n" if lines else "")


def document_commands(doc: dict[str, Any], lang: str) -> list[str]:
    path = repo_path(doc["path"])
    if doc["error"] is not None and not doc["skipped"]:
        return [command("error", doc["error"]["message"], file=path, title=t("tool.PS000.title", lang))]
    lines = []
    for f in doc["findings"]:
        if not is_open(f):
            continue
        evidence = f["evidence"][0] if f["evidence"] else None
        message = f["message"]
        if evidence:
            place = location_text(evidence, lang)
            message += f"\n«{evidence['quote']}»" + (f" ({place})" if place else "")
        if f["suggestion"]:
            message += f"\n{t('label.suggestion_short', lang)}: {f['suggestion']}"
        title = f"{f['code']} {f['title'] or f['name']} ({status_label(f['effective_status'], lang)})"
        lines.append(command(COMMAND[f["severity"]], message, file=path,
                             line=evidence.get("line") if evidence else None, title=title))
    for s in doc["unused_suppressions"]:
        text = t("label.unused_suppression" if s.get("line") else "label.unused_suppression_noline",
                 lang, rule=s["rule"], line=s.get("line"))
        lines.append(command("warning", text, file=path, line=s.get("line"), title=t("tool.PS001.title", lang)))
    return lines
