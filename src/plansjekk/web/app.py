"""`plansjekk serve`: the routes of the local web page (DESIGN.md), on Starlette.

  GET  /                                 the upload page
  POST /sjekk                            multipart, field `fil` (repeatable) → HTML report
  POST /api/sjekk                        the same → the JSON contract (report.json_report)
  GET  /api/regler                       the rules as JSON
  GET  /rapport/{id}[/dokument/{n}]      a finished run again, or one of its documents
  GET  /rapport/{id}[/dokument/{n}]/last-ned/{format}   the report as a file
  GET  /static/…                         the page's CSS and JavaScript (nothing from elsewhere)

The page decides nothing: checking is the pool's (web.checking), every report is a
reporter's (plansjekk.report), and web.pages only lays them out. Bodies above the
size limit are refused with 413 before they are read in full (UploadLimit). Only
counts are logged.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from plansjekk import __version__
from plansjekk.errors import PlansjekkError
from plansjekk.report import SUFFIXES, render
from plansjekk.settings import Limits, Settings
from plansjekk.web.checking import Upload, check_uploads
from plansjekk.web.pages import DOWNLOADS, HERE, document_page, lang_of, mb_text, message_page, page, run_page
from plansjekk.web.pool import CheckPool
from plansjekk.web.store import Run, RunStore
from plansjekk.web.texts import t
from plansjekk.web.worker import Check, check_with_text

DEFAULT_MAX_MB = 50
MAX_FILES = 500
MEDIA = {"html": "text/html; charset=utf-8", "json": "application/json", "markdown": "text/markdown; charset=utf-8",
         "sarif": "application/sarif+json", "csv": "text/csv; charset=utf-8",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
log = logging.getLogger("plansjekk.serve")


@dataclass(frozen=True)
class ServeConfig:
    max_mb: float = DEFAULT_MAX_MB
    jobs: int = 0  # 0: one worker per core
    timeout: float = 120.0
    lang: str = "nb"  # the page's language when the request does not choose one
    # Host headers to answer; None: any. On the loopback address only its own names, so a web
    # page elsewhere cannot reach the server through a DNS name pointed at 127.0.0.1.
    allowed_hosts: tuple[str, ...] | None = None
    check: Check = check_with_text  # what the workers run on each upload (tests pass another)

    @property
    def max_bytes(self) -> int:
        return int(self.max_mb * 1024 * 1024)


def create_app(config: ServeConfig | None = None) -> Starlette:
    config = config or ServeConfig()
    state: dict[str, Any] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        from plansjekk.batch.runner import _prepare_lexicon
        from plansjekk.engine.loader import load_rules

        _prepare_lexicon()  # build the lexicon cache once, not in every worker at the same time
        state["rules"] = load_rules(Settings())
        state["pool"] = CheckPool(config.jobs or os.cpu_count() or 1, config.check).start()
        state["store"] = RunStore()
        try:
            yield
        finally:
            state["pool"].close()

    async def upload_page(request: Request) -> Response:
        lang = lang_of(request.query_params.get("lang"), config.lang)
        from plansjekk.municipalities.register import counties

        return page("forside.html.j2", lang, page_title=t("title", lang), counties=counties(),
                     max_mb=mb_text(config.max_mb))

    async def check_page(request: Request) -> Response:
        checked = await _check(request, state, config, api=False)
        if isinstance(checked, Response):
            return checked
        key, run = checked
        response = run_page(key, run)
        response.headers["X-Rapport"] = f"/rapport/{key}"
        return response

    async def check_api(request: Request) -> Response:
        checked = await _check(request, state, config, api=True)
        if isinstance(checked, Response):
            return checked
        _, run = checked
        return Response(render("json", run.result, run.settings), media_type="application/json")

    async def rules_api(request: Request) -> Response:
        from plansjekk.report.records import rule_record

        lang = lang_of(request.query_params.get("lang"), config.lang)
        rules = sorted(state["rules"], key=lambda r: r.code)
        return JSONResponse({"plansjekk_version": __version__, "rules": [rule_record(r, lang) for r in rules]})

    async def show_run(request: Request) -> Response:
        key = request.path_params["key"]
        run = state["store"].get(key)
        if run is None:
            return message_page("expired", lang_of(request.query_params.get("lang"), config.lang), 404)
        number = request.path_params.get("number")
        if number is None:
            return run_page(key, run)
        if not 1 <= number <= len(run.result.documents):
            return message_page("not_found", run.settings.lang, 404)
        return document_page(key, run, number)

    async def download(request: Request) -> Response:
        run = state["store"].get(request.path_params["key"])
        fmt = request.path_params["fmt"]
        if run is None:
            return message_page("expired", lang_of(request.query_params.get("lang"), config.lang), 404)
        number = request.path_params.get("number")
        result = run.result
        if number is not None:
            if not 1 <= number <= len(result.documents):
                return message_page("not_found", run.settings.lang, 404)
            result = replace(result, documents=(result.documents[number - 1],))
        if fmt not in DOWNLOADS:
            return message_page("not_found", run.settings.lang, 404)
        content = render(fmt, result, replace(run.settings, output=None))
        name = f"plansjekk-rapport{SUFFIXES[fmt]}"
        return Response(content, media_type=MEDIA[fmt],
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    routes = [
        Route("/", upload_page),
        Route("/sjekk", check_page, methods=["POST"]),
        Route("/api/sjekk", check_api, methods=["POST"]),
        Route("/api/regler", rules_api),
        Route("/rapport/{key}", show_run),
        Route("/rapport/{key}/dokument/{number:int}", show_run),
        Route("/rapport/{key}/last-ned/{fmt}", download),
        Route("/rapport/{key}/dokument/{number:int}/last-ned/{fmt}", download),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(config.allowed_hosts))] \
        if config.allowed_hosts else []
    app = Starlette(routes=routes, lifespan=lifespan, middleware=middleware)

    async def not_found(request: Request, exc: Exception) -> Response:
        lang = lang_of(request.query_params.get("lang"), config.lang)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": {"code": "ikke_funnet", "message": t("not_found", lang)}}, status_code=404)
        return message_page("not_found", lang, 404)

    app.add_exception_handler(404, not_found)

    async def refuse(request: Request, exc: Exception) -> Response:
        return too_large(request, config.max_mb, config.lang)

    app.add_exception_handler(413, refuse)
    return UploadLimit(app, config)  # type: ignore[return-value]


async def _check(request: Request, state: dict[str, Any], config: ServeConfig,
                 api: bool) -> Response | tuple[str, Run]:
    """Read the form, check its files; a Response when the request itself is wrong."""
    lang = lang_of(request.query_params.get("lang"), config.lang)
    try:
        form = await request.form(max_files=MAX_FILES, max_fields=50)
    except Exception as error:  # noqa: BLE001 - malformed multipart, too many parts, wrong type
        if isinstance(error, HTTPException) and error.status_code == 413:
            raise
        key = "too_many" if "Too many files" in str(error) else "bad_form"
        return _problem(key, lang, 400, api, count=MAX_FILES)
    lang = lang_of(str(form.get("lang") or lang), config.lang)
    county = str(form.get("fylke") or "").strip() or None
    uploads = []
    for item in form.getlist("fil"):
        if isinstance(item, UploadFile) and item.filename:
            uploads.append(Upload(item.filename, await item.read()))
            await item.close()
    await form.close()
    if not uploads:
        return _problem("no_files", lang, 400, api)
    limits = Limits(max_bytes=config.max_bytes)
    settings = Settings(lang=lang, use_cache=False, timeout=config.timeout, limits=limits, county=county,
                        formats=("html",))
    started = time.monotonic()
    try:
        result, texts = await check_uploads(uploads, settings, state["pool"], state["rules"])
    except PlansjekkError as error:  # an unknown county
        return _problem_text(str(error), 400, api, lang)
    unreadable = sum(1 for d in result.documents if d.error is not None)
    log.info("sjekket %d fil(er), %d uleselig(e), på %.1f s", len(uploads), unreadable, time.monotonic() - started)
    run = Run(result=result, documents=texts, settings=settings)
    return state["store"].add(run), run


ERROR_CODES = {"no_files": "ingen_filer", "too_many": "for_mange_filer", "bad_form": "ugyldig_skjema"}


def _problem(key: str, lang: str, status: int, api: bool, **values: Any) -> Response:
    return _problem_text(t(key, lang, **values), status, api, lang, code=ERROR_CODES[key])


def _problem_text(message: str, status: int, api: bool, lang: str, code: str = "ugyldig") -> Response:
    if api:
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    return page("melding.html.j2", lang, status=status, page_title=t("error_title", lang), message=message)


def too_large(request: Request, max_mb: float, default_lang: str) -> Response:
    """413 in the page's language: JSON under /api/, a page elsewhere; the connection is closed."""
    lang = lang_of(request.query_params.get("lang"), default_lang)
    message = t("too_large", lang, mb=mb_text(max_mb))
    response: Response
    if request.url.path.startswith("/api/"):
        response = JSONResponse({"error": {"code": "for_stor", "message": message}}, status_code=413)
    else:
        response = page("melding.html.j2", lang, status=413, page_title=t("error_title", lang), message=message)
    response.headers["Connection"] = "close"
    return response


class UploadLimit:
    """ASGI middleware: refuse bodies over `max_bytes` with 413, by Content-Length before reading,
    or with HTTPException(413) (see create_app's handler) as soon as the body read so far passes it."""

    def __init__(self, app: ASGIApp, config: ServeConfig) -> None:
        self.app, self.config, self.max_bytes = app, config, config.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            await too_large(Request(scope), self.config.max_mb, self.config.lang)(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise HTTPException(413)
            return message

        await self.app(scope, counting_receive, send)
