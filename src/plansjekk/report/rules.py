"""Terminal views of the rule pack: the list, one rule explained, the self-test result."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from plansjekk.engine.schema import Rule
from plansjekk.engine.selftest import SelfTestReport


def _console() -> Console:
    return Console(highlight=False)


def print_rule_list(rules) -> None:
    table = Table(title="Regler", show_lines=False)
    for column in ("Kode", "Navn", "Alvor", "Gjelder", "Tittel"):
        table.add_column(column)
    for rule in rules:
        table.add_row(rule.code, rule.name, rule.severity.value, ", ".join(rule.applies_to), rule.title.nb)
    _console().print(table)


def print_rule(rule: Rule) -> None:
    console = _console()
    console.print(f"[bold]{rule.code} {rule.name}[/bold] – {rule.title.nb}")
    console.print(f"Kilde: {rule.source} ({rule.source_url})")
    console.print(f"Alvorlighet hvis den mangler: {rule.severity.value}")
    console.print(f"Gjelder: {', '.join(rule.applies_to)}   Tagger: {', '.join(rule.tags) or '–'}")
    console.print(f"\n{rule.rationale.nb.strip()}\n")
    console.print("[bold]Hva som teller som belegg[/bold]")
    for matcher in rule.evidence:
        console.print(f"  • {_describe(matcher)}")
    if rule.exclude:
        console.print(f"[bold]Teller ikke[/bold]: {', '.join(rule.exclude)}")
    console.print(f"\n[bold]Forslag[/bold]: {rule.suggestion.nb}")
    console.print(f"[dim]Fil: {rule.file}[/dim]")


def _describe(matcher) -> str:
    kind = matcher.type
    if kind == "terms":
        return f"ord fra {', '.join(matcher.concepts)} ({matcher.gives})"
    if kind == "samtidig":
        groups = " + ".join("/".join(g) for g in matcher.all)
        return f"i samme setning: {groups} ({matcher.gives})"
    if kind == "overskrift":
        return f"overskrift som matcher {', '.join(matcher.patterns)} ({matcher.gives})"
    if kind == "tjenester":
        task = " med oppgave" if matcher.with_task else ""
        return f"minst {matcher.min_services} ulike tjenester{task} ({matcher.gives})"
    if kind == "tiltakstabell":
        return f"tabell med ansvarskolonne og minst {matcher.min_rows} rader ({matcher.gives})"
    return f"egen vurdering: {matcher.name}"


def print_selftest(report: SelfTestReport) -> None:
    console = _console()
    failed = [r for r in report.results if not r.ok]
    for result in failed:
        first = result.example.text.strip().splitlines()[-1][:80]
        console.print(f"[red]FEIL[/red] {result.rule}: ventet {result.example.expect.value}, "
                      f"fikk {result.got.value} ({result.example.lang}): {first}")
    for code, status in report.missing:
        console.print(f"[red]MANGLER EKSEMPEL[/red] {code}: ingen eksempel som gir «{status.value}»")
    total = len(report.results)
    console.print(f"{total - len(failed)} av {total} eksempler ga ventet status; "
                  f"{len(report.missing)} manglende eksempler.")
