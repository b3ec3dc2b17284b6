"""`--format html`: one self-contained, printable report for a planner.

One file, CSS inline, no scripts and nothing fetched from the network; it prints to
PDF (@media print). The overall verdict first, then one card per requirement
(`<article class="regelkort" data-code="BV101">`) with status, the quotes that support
it (section and page) and what to add. `render_document` is the page for one
document, reused by the batch overview; with several documents `render` hands over to
`report.overview_html` when installed, else puts all documents on one page.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from plansjekk import __version__
from plansjekk.i18n import STATUS_SYMBOLS, severity_label, status_label, t, type_label
from plansjekk.model import DocumentResult, RunResult
from plansjekk.report.records import (
    adoption_text,
    as_records,
    document_record,
    location_text,
    rules_by_code,
    run_counts,
)
from plansjekk.report.terminal import override_text, unused_suppression_text
from plansjekk.settings import Settings

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


def render(result: RunResult, settings: Settings) -> str:
    if len(result.documents) > 1:
        try:
            from plansjekk.report.overview_html import render as render_overview
        except ImportError:
            pass
        else:
            return render_overview(result, settings)
    records = as_records(result, settings.lang, settings.explain)
    meta = {"version": records["plansjekk_version"] or __version__, "pack": records["rulepack"]["name"],
            "pack_version": records["rulepack"]["version"]}
    return render_page(records["documents"], meta, settings.lang, run_counts(records))


def render_document(doc: DocumentResult, rules: Iterable[Any], settings: Settings,
                    rulepack_version: str = "") -> str:
    """The full, standalone page for one document (the batch overview links to these)."""
    rules = list(rules)
    record = document_record(doc, rules_by_code(rules), settings.lang, settings.explain)
    meta = {"version": __version__, "pack": rules[0].pack if rules else "",
            "pack_version": rulepack_version}
    counts = run_counts({"documents": [record]})
    return render_page([record], meta, settings.lang, counts)


def render_page(documents: list[dict[str, Any]], meta: dict[str, str], lang: str,
                counts: dict[str, int]) -> str:
    """Fill the template; every text a reader sees comes from i18n or the records."""
    template = environment().get_template("report.html.j2")
    if len(documents) == 1:
        page_title = f"{t('report.title', lang)}: {documents[0]['title'] or documents[0]['path']}"
    else:
        page_title = t("report.title", lang)
    return template.render(
        documents=documents, meta=meta, counts=counts, page_title=page_title,
        anchors={d["path"]: f"dokument-{i}" for i, d in enumerate(documents, 1)}, **helpers(lang))


def helpers(lang: str) -> dict[str, Any]:
    """What document.html.j2 needs besides the records; the web page renders it too."""
    return dict(
        lang=lang, symbols=STATUS_SYMBOLS,
        tr=lambda key, **values: t(key, lang, **values),
        status_label=lambda s: status_label(s, lang),
        severity_label=lambda s: severity_label(s, lang),
        type_label=lambda s: type_label(s, lang),
        adoption=lambda a: adoption_text(a, lang),
        where=lambda ev: location_text(ev, lang),
        override=lambda o: override_text(o, lang),
        unused=lambda items: [unused_suppression_text(s, lang) for s in items],
    )
