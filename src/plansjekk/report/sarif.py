"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

- tool.driver.rules: every active rule (id = code, name, title, rationale, suggestion,
  helpUri = legal source, defaultConfiguration.level from the severity), then the
  tool's own two: PS000 `ulesbar` (a document could not be read, level error) and
  PS001 `ubrukt_undertrykking` (a suppression comment that suppresses nothing, warning).
- results: one per finding that is delvis or mangler. A suppressed finding stays, with
  a SARIF suppression (inSource + the reason); a finding a reviewer overrode to met
  stays with an external suppression. Met and not-applicable findings are left out.
- locations: the file as a relative URI; for text documents (Markdown, HTML, text) the
  line of the first quote; PDF/DOCX have no lines, so startLine is 1 (GitHub needs a
  region) and the page goes in the message and in properties.page.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from plansjekk.i18n import t
from plansjekk.model import RunResult
from plansjekk.report.records import PROBLEM_STATUSES, SARIF_LEVEL, as_records, location_text, repo_path
from plansjekk.settings import Settings

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/plansjekk/"
TEXT_FORMATS = ("markdown", "html", "text", "txt")
TOOL_RULES = (("PS000", "ulesbar", "error"), ("PS001", "ubrukt_undertrykking", "warning"))


def render(result: RunResult, settings: Settings) -> str:
    return json.dumps(sarif_log(result, settings.lang), ensure_ascii=False, indent=2) + "\n"


def sarif_log(result: RunResult, lang: str = "nb") -> dict[str, Any]:
    records = as_records(result, lang)
    rules = [driver_rule(r) for r in records["rules"]] + [tool_rule(*spec, lang=lang) for spec in TOOL_RULES]
    index = {r["id"]: i for i, r in enumerate(rules)}
    results: list[dict[str, Any]] = []
    for doc in records["documents"]:
        results.extend(document_results(doc, index, lang))
    driver = {"name": "plansjekk", "version": records["plansjekk_version"] or "0",
              "informationUri": INFORMATION_URI, "rules": rules,
              "properties": {"rulepack": records["rulepack"]}}
    return {"$schema": SCHEMA_URI, "version": "2.1.0",
            "runs": [{"tool": {"driver": driver}, "invocations": [{"executionSuccessful": True}],
                      "results": results}]}


def driver_rule(rule: dict[str, Any]) -> dict[str, Any]:
    help_text = f"{rule['suggestion']}\n\n{rule['source']}: {rule['source_url']}"
    record = {
        "id": rule["code"], "name": rule["name"],
        "shortDescription": {"text": rule["title"]},
        "fullDescription": {"text": rule["rationale"]},
        "help": {"text": help_text},
        "helpUri": uri_reference(rule["source_url"]),
        "defaultConfiguration": {"level": rule["level"]},
        "properties": {"tags": rule["tags"] + [rule["severity"]], "source": rule["source"],
                       "severity": rule["severity"]},
    }
    if not is_web_link(rule["source_url"]):  # a rule pack's javascript: or file: link is no help
        del record["helpUri"]
    return record


def is_web_link(url: str) -> bool:
    """Only http(s) links become clickable: viewers such as GitHub render helpUri as a link."""
    return url.strip().lower().startswith(("https://", "http://"))


def tool_rule(code: str, name: str, level: str, lang: str) -> dict[str, Any]:
    return {"id": code, "name": name,
            "shortDescription": {"text": t(f"tool.{code}.title", lang)},
            "fullDescription": {"text": t(f"tool.{code}.help", lang)},
            "help": {"text": t(f"tool.{code}.help", lang)},
            "defaultConfiguration": {"level": level}}


def document_results(doc: dict[str, Any], index: dict[str, int], lang: str) -> list[dict[str, Any]]:
    uri = artifact_uri(doc["path"])
    if doc["error"] is not None and not doc["skipped"]:
        return [_result("PS000", index, "error", f"{doc['error']['message']} ({doc['error']['code']})",
                        uri, 1, {"error_code": doc["error"]["code"]})]
    out = [finding_result(f, doc, uri, index, lang) for f in doc["findings"]
           if f["status"] in PROBLEM_STATUSES or f["effective_status"] in PROBLEM_STATUSES]
    for s in doc["unused_suppressions"]:
        text = t("label.unused_suppression" if s.get("line") else "label.unused_suppression_noline",
                 lang, rule=s["rule"], line=s.get("line"))
        out.append(_result("PS001", index, "warning", text, uri, s.get("line") or 1, {"rule": s["rule"]}))
    return out


def finding_result(f: dict[str, Any], doc: dict[str, Any], uri: str, index: dict[str, int],
                   lang: str) -> dict[str, Any]:
    evidence = f["evidence"][0] if f["evidence"] else None
    text_doc = doc.get("format") in TEXT_FORMATS
    line = evidence.get("line") if evidence and text_doc else None
    message = f["message"]
    if evidence and not text_doc and evidence.get("page") is not None:
        message += " " + t("label.page_of_finding", lang, page=evidence["page"])
    if f["suggestion"]:
        message += f" {t('label.suggestion_short', lang)}: {f['suggestion']}"
    props: dict[str, Any] = {"status": f["effective_status"], "severity": f["severity"],
                             "title": f["title"], "source": f["source"]}
    if evidence:
        props.update(quote=evidence["quote"], place=location_text(evidence, lang))
        if evidence.get("page") is not None:
            props["page"] = evidence["page"]
    result = _result(f["code"], index, SARIF_LEVEL[f["severity"]], message, uri, line or 1, props)
    suppressions = []
    if f["suppressed"]:
        suppressions.append({"kind": "inSource", "justification": f["suppressed"]})
    if f["override"] and f["effective_status"] not in PROBLEM_STATUSES:
        suppressions.append({"kind": "external", "justification": f["override"]["reason"]})
    if suppressions:
        result["suppressions"] = suppressions
    return result


def _result(code: str, index: dict[str, int], level: str, message: str, uri: str, line: int,
            props: dict[str, Any]) -> dict[str, Any]:
    fingerprint = hashlib.sha256(f"{uri}\0{code}".encode()).hexdigest()[:32]
    return {
        "ruleId": code, "ruleIndex": index[code], "level": level, "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri},
                                            "region": {"startLine": line}}}],
        "partialFingerprints": {"plansjekk/v1": fingerprint},
        "properties": props,
    }


def artifact_uri(path: str) -> str:
    """A relative, percent-encoded URI for a checked file (absolute → relative to cwd if inside)."""
    relative = repo_path(path)
    if Path(relative).is_absolute():
        return Path(relative).as_uri()
    return quote(relative)


def uri_reference(url: str) -> str:
    """Lovdata links contain '§'; SARIF wants a valid URI, so non-ASCII is percent-encoded."""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")
