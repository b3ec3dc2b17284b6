"""The command line: parse arguments, call the API, map the result to an exit code.

Nothing is decided here. User mistakes are PlansjekkError, caught once (exit 2).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from plansjekk import __version__
from plansjekk.cli_text import LocalizedGroup
from plansjekk.errors import PlansjekkError

if TYPE_CHECKING:
    from plansjekk.engine.loader import RuleSet

app = typer.Typer(
    cls=LocalizedGroup,
    help="Sjekker kommunale planer mot barnevernsloven § 15-1.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="Vis og test reglene.", invoke_without_command=True,
                        rich_markup_mode=None)
cache_app = typer.Typer(help="Håndter resultatbufferen.", rich_markup_mode=None)
app.add_typer(rules_app, name="regler")
app.add_typer(rules_app, name="rules", hidden=True)
app.add_typer(cache_app, name="cache")


def _fail(message: str, code: int = 2) -> None:
    from plansjekk.report.safety import printable

    typer.echo(f"plansjekk: {printable(message)}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"plansjekk {__version__}")
        raise typer.Exit(0)


LANG_HELP = "nb (standard) eller en; før eller etter kommandoen."


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Vis versjonen og avslutt."),
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """Sjekker kommunale planer mot barnevernsloven § 15-1."""


def _lang(ctx: typer.Context, lang: str | None) -> str | None:
    """--lang where it was given: on this command, else on a command before it
    (`plansjekk --lang en sjekk …`, `plansjekk regler --lang en vis BV101`)."""
    node: Any = ctx.parent
    while lang is None and node is not None:
        lang = node.params.get("lang")
        node = node.parent
    return lang


def check(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(..., help="Filer eller mapper som skal sjekkes.", metavar="STI"),
    formats: list[str] = typer.Option([], "--format", "-f",
                                      help="terminal, json, sarif, junit, github, markdown, html, csv, xlsx"),
    output: Path | None = typer.Option(None, "--utfil", "--output", "-o",
                                       help="Skriv rapporten til fil; filendelsen velger formatet."),
    rule_dirs: list[Path] = typer.Option([], "--regler", "--rules", help="Ekstra regelmappe (legger til/overstyrer)."),
    explain: bool = typer.Option(False, "--forklar", "--explain", help="Vis hvorfor hver vurdering ble som den ble."),
    fail_on: str | None = typer.Option(None, "--feil-ved", "--fail-on", help="feil, advarsel, info eller aldri."),
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),
    no_color: bool = typer.Option(False, "--ingen-farger", "--no-color", help="Ingen farger."),
    select: list[str] = typer.Option([], "--velg", "--select", help="Bare disse reglene (kode, navn eller tagg)."),
    ignore: list[str] = typer.Option([], "--ignorer", "--ignore", help="Hopp over disse reglene."),
    jobs: int | None = typer.Option(None, "--jobber", "--jobs", "-j", help="Antall parallelle prosesser (1–32)."),
    timeout: float | None = typer.Option(None, "--tidsgrense", "--timeout",
                                         help="Sekunder per dokument (standard 120, høyst 3600)."),
    no_cache: bool = typer.Option(False, "--ingen-buffer", "--no-cache", help="Ikke bruk resultatbufferen."),
    baseline: Path | None = typer.Option(None, "--baseline", help="Rapporter bare nye eller forverrede funn."),
    write_baseline: bool = typer.Option(False, "--lag-baseline", "--write-baseline",
                                        help="Skriv dagens funn til --baseline-filen."),
    county: str | None = typer.Option(None, "--fylke", "--county", help="Forventede kommuner: alle i dette fylket."),
    municipalities: Path | None = typer.Option(None, "--kommuner", "--municipalities",
                                               help="Fil med forventede kommuner."),
    overrides: Path | None = typer.Option(None, "--overstyringer", "--overrides",
                                          help="overstyringer.yaml med manuelle vurderinger."),
    max_mb: float | None = typer.Option(None, "--maks-mb", "--max-mb", help="Største filstørrelse i MB."),
    max_pages: int | None = typer.Option(None, "--maks-sider", "--max-pages", help="Største antall sider."),
    doc_type: str | None = typer.Option(None, "--dokumenttype", "--type",
                                        help="Oppgi dokumenttypen: plan, horingsutkast, planprogram eller annet."),
) -> None:
    """Sjekk en eller flere planer (filer eller mapper)."""
    from plansjekk import api
    from plansjekk.config import resolve_settings
    from plansjekk.report import run_summary, write_reports

    try:
        settings = resolve_settings(
            paths=paths,
            cli=dict(formats=formats, output=output, rule_dirs=rule_dirs, explain=explain,
                     fail_on=fail_on, lang=_lang(ctx, lang), color=False if no_color else None,
                     select=select, ignore=ignore, jobs=jobs, timeout=timeout,
                     use_cache=not no_cache, baseline=baseline, write_baseline=write_baseline,
                     county=county, municipalities_file=municipalities, overrides_file=overrides,
                     max_mb=max_mb, max_pages=max_pages, doc_type=doc_type),
        )
        result = api.run(paths, settings)
        written = write_reports(result, settings)
    except PlansjekkError as error:
        _fail(str(error))
        return
    for line in run_summary(result, written, settings):
        typer.echo(f"plansjekk: {line}", err=True)
    raise typer.Exit(api.exit_code(result, settings.fail_on))


app.command("sjekk")(check)
app.command("check", hidden=True)(check)


def extract(
    path: Path = typer.Argument(..., help="Filen som skal leses.", metavar="FIL"),
    fmt: str = typer.Option("tre", "--format", "-f", help="tre, json eller markdown."),
    max_mb: float | None = typer.Option(None, "--maks-mb", "--max-mb", help="Største filstørrelse i MB."),
    max_pages: int | None = typer.Option(None, "--maks-sider", "--max-pages", help="Største antall sider."),
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),  # for the usage texts (cli_text)
) -> None:
    """Vis strukturen plansjekk leser ut av en fil (seksjoner, sider, avsnitt)."""
    from plansjekk import api
    from plansjekk.errors import ExtractionError
    from plansjekk.report.structure import render_structure
    from plansjekk.settings import Limits

    limits = Limits()
    if max_mb is not None:
        limits = Limits(max_bytes=int(max_mb * 1024 * 1024), max_pages=limits.max_pages)
    if max_pages is not None:
        limits = Limits(max_bytes=limits.max_bytes, max_pages=max_pages)
    if fmt not in ("tre", "tree", "json", "markdown"):
        _fail(f"ukjent format «{fmt}»: bruk tre, json eller markdown")
    try:
        document = api.extract(path, limits)
    except ExtractionError as error:
        render_structure(None, fmt, path=str(path), error=error)
        raise typer.Exit(3) from None
    render_structure(document, fmt)


app.command("uttrekk")(extract)
app.command("extract", hidden=True)(extract)


def compare(
    ctx: typer.Context,
    before: str = typer.Argument(..., help="Den eldre versjonen, f.eks. høringsutkastet.", metavar="FØR"),
    after: str = typer.Argument(..., help="Den nyere versjonen, f.eks. den vedtatte planen.", metavar="ETTER"),
    fmt: str = typer.Option("terminal", "--format", "-f", help="terminal, json, markdown eller html."),
    output: Path | None = typer.Option(None, "--utfil", "--output", "-o", help="Skriv rapporten til fil."),
    rule_dirs: list[Path] = typer.Option([], "--regler", "--rules", help="Ekstra regelmappe (legger til/overstyrer)."),
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),
    no_color: bool = typer.Option(False, "--ingen-farger", "--no-color", help="Ingen farger."),
) -> None:
    """Sammenlign to versjoner av en plan regel for regel (kode 1 når et krav er blitt verre)."""
    from plansjekk.compare.command import run_compare
    from plansjekk.errors import ExtractionError

    try:
        code = run_compare(before, after, fmt, output, _lang(ctx, lang), no_color, rule_dirs)
    except PlansjekkError as error:
        _fail(str(error))
        return
    except ExtractionError as error:
        _fail(error.message, 3)
        return
    raise typer.Exit(code)


app.command("sammenlign")(compare)
app.command("compare", hidden=True)(compare)


@rules_app.callback()
def rules_list(
    ctx: typer.Context,
    rule_dirs: list[Path] = typer.Option([], "--regler", "--rules", help="Ekstra regelmappe."),
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """List reglene (uten underkommando)."""
    lang = _lang(ctx, lang) or "nb"
    ctx.obj = {"rule_dirs": rule_dirs, "lang": lang}
    if ctx.invoked_subcommand is not None:
        return
    from plansjekk.report.rules import print_rule_list

    print_rule_list(_rules(ctx), lang)


def _rules(ctx: typer.Context) -> RuleSet:
    from plansjekk.engine.loader import load_rules
    from plansjekk.settings import Settings

    try:
        return load_rules(Settings(rule_dirs=tuple(ctx.obj["rule_dirs"])))
    except PlansjekkError as error:
        _fail(str(error))
        raise  # unreachable: _fail exits


@rules_app.command("vis")
def rules_show(
    ctx: typer.Context,
    code: str = typer.Argument(..., help="Regelkode eller navn, f.eks. BV103.", metavar="REGEL"),
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """Forklar én regel."""
    from plansjekk.report.rules import print_rule

    match = [r for r in _rules(ctx) if code.upper() == r.code or code.lower() == r.name]
    if not match:
        _fail(f"fant ingen regel «{code}»")
    print_rule(match[0], _lang(ctx, lang) or "nb")


@rules_app.command("test")
def rules_test(ctx: typer.Context, lang: str | None = typer.Option(None, "--lang", help=LANG_HELP)) -> None:
    """Kjør eksemplene i hver regelfil; feiler hvis en regel mangler eksempler."""
    from plansjekk.engine.selftest import run_examples
    from plansjekk.report.rules import print_selftest

    report = run_examples(_rules(ctx))
    print_selftest(report, _lang(ctx, lang) or "nb")
    raise typer.Exit(0 if report.ok else 1)


@app.command("konfig")
def show_config(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(None, help="Filer konfigurasjonen gjelder for.", metavar="[STI]..."),
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """Vis den effektive konfigurasjonen."""
    from plansjekk.config import describe_settings, resolve_settings

    try:
        settings = resolve_settings(paths=paths or ["."], cli={"lang": _lang(ctx, lang)})
    except PlansjekkError as error:
        _fail(str(error))
        return
    typer.echo(describe_settings(settings))


@cache_app.command("tøm")
def cache_clear() -> None:
    """Tøm resultatbufferen."""
    from plansjekk.batch.cache import clear_cache

    removed = clear_cache()
    typer.echo(f"Tømte bufferen ({removed} oppføringer).")


cache_app.command("clear", hidden=True)(cache_clear)


SERVE_HOST_HELP = "Adressen serveren lytter på; en annen enn 127.0.0.1 deler siden med nettverket (se README)."


@app.command("serve")
def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help=SERVE_HOST_HELP),
    port: int = typer.Option(8000, "--port", help="Porten serveren lytter på."),
    open_browser: bool = typer.Option(False, "--åpne", "--open", help="Åpne siden i nettleseren."),
    max_mb: float = typer.Option(50, "--maks-mb", "--max-mb", help="Største opplasting i MB (standard 50)."),
    jobs: int | None = typer.Option(None, "--jobber", "--jobs", "-j", help="Antall parallelle prosesser (1–32)."),
    timeout: float = typer.Option(120, "--tidsgrense", "--timeout",
                                  help="Sekunder per dokument (standard 120, høyst 3600)."),
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """Start nettsiden: slipp planer på siden og les rapporten i nettleseren."""
    from plansjekk.web.server import ServeConfig
    from plansjekk.web.server import serve as run_server

    page_lang = "en" if _lang(ctx, lang) == "en" else "nb"
    try:
        run_server(host, port, open_browser,
                   ServeConfig(max_mb=max_mb, jobs=jobs or 0, timeout=timeout, lang=page_lang))
    except PlansjekkError as error:
        _fail(str(error))


def run() -> None:  # pragma: no cover - entry point for `python -m plansjekk`
    app(prog_name="plansjekk")
    sys.exit(0)
