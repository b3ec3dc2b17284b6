"""The command line: parse arguments, call the API, map the result to an exit code.

Nothing is decided here. User mistakes are PlansjekkError, caught once (exit 2).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from plansjekk import __version__
from plansjekk.errors import PlansjekkError

if TYPE_CHECKING:
    from plansjekk.engine.loader import RuleSet

app = typer.Typer(
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
    typer.echo(f"plansjekk: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"plansjekk {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Vis versjonen og avslutt."),
) -> None:
    """Sjekker kommunale planer mot barnevernsloven § 15-1."""


def check(
    paths: list[str] = typer.Argument(..., help="Filer eller mapper som skal sjekkes."),
    formats: list[str] = typer.Option([], "--format", "-f",
                                      help="terminal, json, sarif, junit, github, markdown, html, csv, xlsx"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Skriv rapporten til fil."),
    rule_dirs: list[Path] = typer.Option([], "--regler", help="Ekstra regelmappe (legger til/overstyrer)."),
    explain: bool = typer.Option(False, "--forklar", help="Vis hvorfor hver vurdering ble som den ble."),
    fail_on: str | None = typer.Option(None, "--fail-on", help="feil, advarsel, info eller aldri."),
    lang: str | None = typer.Option(None, "--lang", help="nb (standard) eller en."),
    no_color: bool = typer.Option(False, "--no-color", help="Ingen farger."),
    select: list[str] = typer.Option([], "--select", help="Bare disse reglene (kode, navn eller tagg)."),
    ignore: list[str] = typer.Option([], "--ignore", help="Hopp over disse reglene."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", help="Antall parallelle prosesser."),
    timeout: float | None = typer.Option(None, "--tidsgrense", help="Sekunder per dokument (standard 120)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Ikke bruk resultatbufferen."),
    baseline: Path | None = typer.Option(None, "--baseline", help="Rapporter bare nye eller forverrede funn."),
    write_baseline: bool = typer.Option(False, "--lag-baseline", help="Skriv dagens funn til --baseline-filen."),
    county: str | None = typer.Option(None, "--fylke", help="Forventede kommuner: alle i dette fylket."),
    municipalities: Path | None = typer.Option(None, "--kommuner", help="Fil med forventede kommuner."),
    overrides: Path | None = typer.Option(None, "--overstyringer", help="overstyringer.yaml med manuelle vurderinger."),
    max_mb: float | None = typer.Option(None, "--maks-mb", help="Største filstørrelse i MB."),
    max_pages: int | None = typer.Option(None, "--maks-sider", help="Største antall sider."),
    doc_type: str | None = typer.Option(None, "--dokumenttype", "--type",
                                        help="Oppgi dokumenttypen: plan, horingsutkast, planprogram eller annet."),
) -> None:
    """Sjekk en eller flere planer (filer eller mapper)."""
    from plansjekk import api
    from plansjekk.config import resolve_settings
    from plansjekk.report import write_reports

    try:
        settings = resolve_settings(
            paths=paths,
            cli=dict(formats=formats, output=output, rule_dirs=rule_dirs, explain=explain,
                     fail_on=fail_on, lang=lang, color=False if no_color else None,
                     select=select, ignore=ignore, jobs=jobs, timeout=timeout,
                     use_cache=not no_cache, baseline=baseline, write_baseline=write_baseline,
                     county=county, municipalities_file=municipalities, overrides_file=overrides,
                     max_mb=max_mb, max_pages=max_pages, doc_type=doc_type),
        )
        result = api.run(paths, settings)
        write_reports(result, settings)
    except PlansjekkError as error:
        _fail(str(error))
        return
    raise typer.Exit(api.exit_code(result, settings.fail_on))


app.command("sjekk")(check)
app.command("check", hidden=True)(check)


def extract(
    path: Path = typer.Argument(..., help="Filen som skal leses."),
    fmt: str = typer.Option("tre", "--format", "-f", help="tre, json eller markdown."),
    max_mb: float | None = typer.Option(None, "--maks-mb", help="Største filstørrelse i MB."),
    max_pages: int | None = typer.Option(None, "--maks-sider", help="Største antall sider."),
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


@rules_app.callback()
def rules_list(
    ctx: typer.Context,
    rule_dirs: list[Path] = typer.Option([], "--regler", help="Ekstra regelmappe."),
    lang: str = typer.Option("nb", "--lang", help="nb (standard) eller en."),
) -> None:
    """List reglene (uten underkommando)."""
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
def rules_show(ctx: typer.Context, code: str = typer.Argument(..., help="Regelkode eller navn, f.eks. BV103.")) -> None:
    """Forklar én regel."""
    from plansjekk.report.rules import print_rule

    match = [r for r in _rules(ctx) if code.upper() == r.code or code.lower() == r.name]
    if not match:
        _fail(f"fant ingen regel «{code}»")
    print_rule(match[0], ctx.obj["lang"])


@rules_app.command("test")
def rules_test(ctx: typer.Context) -> None:
    """Kjør eksemplene i hver regelfil; feiler hvis en regel mangler eksempler."""
    from plansjekk.engine.selftest import run_examples
    from plansjekk.report.rules import print_selftest

    report = run_examples(_rules(ctx))
    print_selftest(report, ctx.obj["lang"])
    raise typer.Exit(0 if report.ok else 1)


@app.command("konfig")
def show_config(paths: list[str] = typer.Argument(None, help="Filer konfigurasjonen gjelder for.")) -> None:
    """Vis den effektive konfigurasjonen."""
    from plansjekk.config import describe_settings, resolve_settings

    try:
        settings = resolve_settings(paths=paths or ["."], cli={})
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


def run() -> None:  # pragma: no cover - entry point for `python -m plansjekk`
    app(prog_name="plansjekk")
    sys.exit(0)
