"""`--format junit`: JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure).

One testsuite per document, one testcase per rule. A finding at or above --fail-on
(delvis/mangler, not suppressed) is a <failure>; below the threshold it passes with the
message in system-out; not applicable and suppressed findings are <skipped>. An
unreadable document is a suite with one testcase `lesing` that has an <error>.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from plansjekk.i18n import severity_label, status_label, t
from plansjekk.model import RunResult
from plansjekk.report.records import as_records, fails, location_text
from plansjekk.settings import Settings


def render(result: RunResult, settings: Settings) -> str:
    records = as_records(result, settings.lang)
    root = ET.Element("testsuites", name="plansjekk")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for doc in records["documents"]:
        suite = document_suite(doc, settings.fail_on, settings.lang)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, count in totals.items():
        root.set(key, str(count))
    ET.indent(root)
    for element in root.iter():  # PDF text can carry control characters XML 1.0 forbids
        element.text = xml_safe(element.text) if element.text else element.text
        for key, value in element.attrib.items():
            element.set(key, xml_safe(value))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    return XML_INVALID.sub("\ufffd", text)


def document_suite(doc: dict[str, Any], fail_on: str, lang: str) -> ET.Element:
    suite = ET.Element("testsuite", name=doc["path"])
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    if doc["error"] is not None:
        case = ET.SubElement(suite, "testcase", classname=_classname(doc["path"]), name="lesing")
        kind = "skipped" if doc["skipped"] else "error"
        ET.SubElement(case, kind, message=doc["error"]["message"], type=doc["error"]["code"])
        counts["tests"], counts["skipped" if doc["skipped"] else "errors"] = 1, 1
    for f in doc["findings"]:
        suite.append(finding_case(f, doc["path"], fail_on, lang, counts))
    for key, value in counts.items():
        suite.set(key, str(value))
    return suite


def finding_case(f: dict[str, Any], path: str, fail_on: str, lang: str,
                 counts: dict[str, int]) -> ET.Element:
    case = ET.Element("testcase", classname=_classname(path), name=f"{f['code']} {f['name']}")
    counts["tests"] += 1
    status = f["effective_status"]
    if f["suppressed"] or status == "ikke_relevant":
        reason = t("label.suppressed_reason", lang, reason=f["suppressed"]) if f["suppressed"] \
            else f["message"]
        ET.SubElement(case, "skipped", message=reason)
        counts["skipped"] += 1
    elif fails(f, fail_on):
        failure = ET.SubElement(case, "failure", type=f["severity"],
                                message=f"{status_label(status, lang)}: {f['message']}")
        failure.text = details(f, lang)
        counts["failures"] += 1
    elif status != "oppfylt":
        ET.SubElement(case, "system-out").text = details(f, lang)
    return case


def details(f: dict[str, Any], lang: str) -> str:
    lines = [f"{f['code']} {f['title']} ({severity_label(f['severity'], lang)}, "
             f"{status_label(f['effective_status'], lang)})", f["message"]]
    for ev in f["evidence"]:
        place = location_text(ev, lang)
        lines.append(f"«{ev['quote']}»" + (f" ({place})" if place else ""))
    if f["suggestion"]:
        lines.append(f"{t('label.suggestion_short', lang)}: {f['suggestion']}")
    if f["source"]:
        lines.append(f"{t('label.source', lang)}: {f['source']}")
    return "\n".join(lines)


def _classname(path: str) -> str:
    """JUnit viewers group by classname; dots would be read as packages."""
    return "plansjekk." + path.replace(".", "_").replace("/", ".")
