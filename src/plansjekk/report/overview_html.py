"""`--format html` for a batch: an overview page that links to one report per document.

With --output rapport.html the overview goes to rapport.html and each checked
document's full report (report.html.render_document) to rapport-dokumenter/NNN-name.html
beside it, linked from the table. Without --output (stdout) there is nowhere to put
the pages, so the overview stands alone without links. One file, inline CSS, no
scripts, nothing fetched from the network.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from plansjekk import __version__
from plansjekk.errors import PlansjekkError
from plansjekk.model import RunResult
from plansjekk.report.overview import cell_text, footer_lines, label, legend, overview, status_text
from plansjekk.settings import Settings

PAGES_SUFFIX = "-dokumenter"
DEFAULT_STEM = "plansjekk-rapport"
CSS = """body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:.3rem .6rem;vertical-align:top}
th{background:#f0f0f0;text-align:left}td.s{text-align:center;font-size:1.1rem}
.oppfylt{background:#c6efce}.delvis{background:#ffeb9c}.mangler{background:#ffc7ce}
.ikke_relevant{background:#eee;color:#666}tr.older{color:#777}tfoot td{font-weight:bold}
pre{white-space:pre-wrap;font-family:inherit}"""


def render(result: RunResult, settings: Settings) -> str:
    data = overview(result, settings)
    links = _write_pages(result, data, settings) if settings.output is not None else {}
    lang = settings.lang
    head = "".join(f"<th>{html.escape(c)}</th>" for c in data["codes"])
    body = "\n".join(_row(row, data["codes"], links, lang) for row in data["rows"])
    totals = "".join(f"<td class='s'>{data['totals'][c]['oppfylt']}</td>" for c in data["codes"])
    footer = html.escape("\n".join(footer_lines(data, lang)).strip())
    return f"""<!DOCTYPE html>
<html lang="{'en' if lang == 'en' else 'nb'}"><head><meta charset="utf-8">
<title>{html.escape(label('title', lang))}</title><style>{CSS}</style></head><body>
<h1>{html.escape(label('title', lang))}</h1>
<table><thead><tr><th>{label('municipality', lang)}</th><th>{label('file', lang)}</th><th>{label('type', lang)}</th>
<th>{label('adopted', lang)}</th>{head}</tr></thead>
<tbody>
{body}
</tbody><tfoot><tr><td colspan="4">{label('total', lang)}</td>{totals}</tr></tfoot></table>
<p>{' &nbsp; '.join(html.escape(part) for part in legend(data, lang))}</p>
<pre>{footer}</pre>
<p><small>plansjekk {__version__}, {html.escape(result.rulepack)} {html.escape(result.rulepack_version)}</small></p>
</body></html>
"""


def _row(row: dict[str, Any], codes: tuple[str, ...], links: dict[str, str], lang: str) -> str:
    doc = row["doc"]
    name = html.escape(row["municipality"] or label("unknown", lang))
    if row["older"]:
        name += f" ({label('older', lang)})"
    file_name = html.escape(doc["path"])
    if doc["path"] in links:
        file_name = f'<a href="{html.escape(links[doc["path"]])}">{file_name}</a>'
    cells = []
    for code in codes:
        finding = row["cells"].get(code)
        css = finding["effective_status"] if finding else ""
        title = html.escape(status_text(finding, lang) + (f" – {finding['override']['reason']}"
                                                          if finding and finding["override"] else ""))
        cells.append(f"<td class='s {css}' title='{title}'>{html.escape(cell_text(finding))}</td>")
    adoption = html.escape((doc["adoption"] or {}).get("date") or "")
    return (f"<tr class='{'older' if row['older'] else ''}'><td>{name}</td><td>{file_name}</td>"
            f"<td>{html.escape(doc['type'])}</td><td>{adoption}</td>{''.join(cells)}</tr>")


def pages_folder(output: Path) -> Path:
    """Where the per-document pages go: beside the overview file, named after it."""
    base = output / DEFAULT_STEM if output.is_dir() else output.with_suffix("")
    return base.with_name(base.name + PAGES_SUFFIX)


def _write_pages(result: RunResult, data: dict[str, Any], settings: Settings) -> dict[str, str]:
    """Write one report per checked document; returns path → relative link."""
    try:
        from plansjekk.report.html import render_document
    except ImportError:
        return {}
    folder = pages_folder(Path(settings.output))  # type: ignore[arg-type]
    docs = {d.path: d for d in result.documents}
    links: dict[str, str] = {}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for number, row in enumerate(data["rows"], start=1):
            path = row["doc"]["path"]
            page = f"{number:03d}-{_slug(Path(path).stem)}.html"
            (folder / page).write_text(render_document(docs[path], result.rules, settings,
                                                       result.rulepack_version), encoding="utf-8")
            links[path] = f"{folder.name}/{page}"
    except OSError as error:
        raise PlansjekkError(f"kunne ikke skrive dokumentsidene i {folder}: {error.strerror}") from None
    return links


def _slug(text: str) -> str:
    return re.sub(r"[^\w-]+", "-", text).strip("-")[:60] or "dokument"
