"""Reporters: each renders a RunResult; none of them decides anything.

(Minimal registry: json and a plain terminal summary. The full set lands with the reporting work.)
"""

from __future__ import annotations

import json
import sys

from plansjekk.model import RunResult, to_plain
from plansjekk.settings import Settings


def json_record(result: RunResult) -> dict:
    docs = []
    for d in result.documents:
        plain = to_plain(d)
        docs.append({k: plain[k] for k in ("path", "type", "language", "municipality", "pages",
                                           "title", "period", "adoption", "findings", "error")})
        for f in docs[-1]["findings"]:
            for key in ("explanation", "title", "source_url", "override", "suppressed"):
                f.pop(key, None)
            for e in f["evidence"]:
                e.pop("line", None)
                e.pop("paragraph", None)
    return {"plansjekk_version": result.plansjekk_version, "documents": docs}


def write_reports(result: RunResult, settings: Settings) -> None:
    fmt = settings.formats[0] if settings.formats else "terminal"
    if fmt == "json":
        text = json.dumps(json_record(result), ensure_ascii=False, indent=2)
    else:
        lines = []
        for d in result.documents:
            lines.append(f"{d.path}: {d.type.value}" + (f" – {d.error.message}" if d.error else ""))
            for f in d.findings:
                ev = f" «{f.evidence[0].quote}» ({f.evidence[0].section}, s. {f.evidence[0].page})" if f.evidence else ""
                lines.append(f"  {f.code} {f.name:<18} {f.status.value:<13} {f.severity.value:<9}{ev}")
                if settings.explain:
                    lines.extend(f"      · {x}" for x in f.explanation)
        text = "\n".join(lines)
    if settings.output:
        settings.output.write_text(text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")
