"""`--format html` for a batch: an overview page that links to one report per document.

With --output rapport.html the overview goes to rapport.html and each checked
document's full report (report.html.render_document) to rapport-dokumenter/NNN-name.html
beside it, linked from the table. Without --output (stdout) there is nowhere to put
the pages, so the overview stands alone without links. One file, inline CSS, no
scripts, nothing fetched from the network. The page is the jinja2 template
templates/overview.html.j2 (autoescaped, like the per-document report).
"""

from __future__ import annotations

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


def render(result: RunResult, settings: Settings) -> str:
    from plansjekk.report.html import environment

    data = overview(result, settings)
    links = _write_pages(result, data, settings) if settings.output is not None else {}
    lang = settings.lang
    return environment().get_template("overview.html.j2").render(
        lang=lang, codes=data["codes"], rows=data["rows"], totals=data["totals"], links=links,
        legend=legend(data, lang), footer="\n".join(footer_lines(data, lang)).strip(),
        version=__version__, rulepack=result.rulepack, rulepack_version=result.rulepack_version,
        label=lambda key, **values: label(key, lang, **values), cell_text=cell_text,
        cell_title=lambda finding: _cell_title(finding, lang),
    )


def _cell_title(finding: dict[str, Any] | None, lang: str) -> str:
    """The tooltip: status, the machine's verdict when overridden, and the reviewer's reason."""
    title = status_text(finding, lang)
    if finding and finding["override"]:
        title += f" – {finding['override']['reason']}"
    return title


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
