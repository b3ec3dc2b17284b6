"""The web page's HTML: the templates filled from the reporters' records.

Pages decide nothing: the overview comes from report.overview, a document's findings from
report.records, the helpers for the shared card template (report/templates/document.html.j2)
from report.html, and the marked text from web.marks. Every page carries headers that keep
it to this server (no framing, nothing fetched elsewhere, no caching of reports).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from starlette.responses import HTMLResponse, Response

from plansjekk import __version__
from plansjekk.report.html import TEMPLATES as REPORT_TEMPLATES
from plansjekk.report.html import helpers
from plansjekk.web.marks import mark_document
from plansjekk.web.store import Run
from plansjekk.web.texts import t

HERE = Path(__file__).parent
DOWNLOADS = ("html", "json", "markdown", "sarif", "csv", "xlsx")


def run_page(key: str, run: Run) -> Response:
    if len(run.result.documents) == 1:
        return document_page(key, run, 1)
    from plansjekk.report.overview import cell_text, label, overview, status_text

    lang = run.settings.lang
    data = overview(run.result, run.settings)
    numbers = {d.path: n for n, d in enumerate(run.result.documents, start=1)}
    return page("oversikt.html.j2", lang, page_title=label("title", lang), key=key, data=data,
                numbers=numbers, label=lambda k, **v: label(k, lang, **v), cell_text=cell_text,
                status_text=lambda f: status_text(f, lang), downloads=DOWNLOADS)


def document_page(key: str, run: Run, number: int) -> Response:
    """The findings beside the document's own text, every found quote marked and linked."""
    from plansjekk.report.records import document_record, rules_by_code

    lang = run.settings.lang
    doc = run.result.documents[number - 1]
    record = document_record(doc, rules_by_code(run.result.rules), lang, False)
    document = run.documents.get(doc.path)
    sections = mark_document(document, record["findings"]) if document is not None else []
    for finding in record["findings"]:
        for evidence in finding["evidence"]:
            evidence["anchor_label"] = t("show_in_text", lang)
    title = record["title"] or record["path"]
    return page("dokument.html.j2", lang, page_title=f"{t('report.title', lang)}: {title}", key=key,
                doc=record, sections=sections, number=number, total=len(run.result.documents),
                anchors={record["path"]: "vurdering-dokument"}, downloads=DOWNLOADS[:4],
                meta={"version": __version__, "pack": run.result.rulepack,
                      "pack_version": run.result.rulepack_version})


def lang_of(value: str | None, default: str = "nb") -> str:
    """The page language asked for (?lang= or the form), else the server's (serve --lang)."""
    return value if value in ("nb", "en") else default


def mb_text(value: float) -> str:
    return f"{value:g}".replace(".", ",")


@lru_cache(maxsize=1)
def environment() -> Environment:
    loader = ChoiceLoader([FileSystemLoader(str(HERE / "templates")), FileSystemLoader(str(REPORT_TEMPLATES))])
    return Environment(loader=loader, autoescape=True, undefined=StrictUndefined, trim_blocks=True,
                       lstrip_blocks=True)


def page(template: str, lang: str, status: int = 200, **values: Any) -> HTMLResponse:
    context = {**helpers(lang), "w": lambda key, **v: t(key, lang, **v), "version": __version__, **values}
    body = environment().get_template(template).render(**context)
    return HTMLResponse(body, status_code=status, headers=SECURITY_HEADERS)


SECURITY_HEADERS = {
    # Everything the page uses comes from this server; nothing may be framed or fetched elsewhere.
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                               "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def message_page(key: str, lang: str, status: int, **values: Any) -> Response:
    return page("melding.html.j2", lang, status=status, page_title=t("error_title", lang),
                message=t(key, lang, **values))
