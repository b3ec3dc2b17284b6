"""Terminal views of the rule pack: the list, one rule explained, the self-test result."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table

from plansjekk.engine.schema import AnyOf, Condition, Count, Rule
from plansjekk.engine.selftest import SelfTestReport

LABELS = {
    "nb": {"rules": "Regler", "pack": "Pakke", "code": "Kode", "name": "Navn", "severity": "Alvor",
           "applies": "Gjelder",
           "title": "Tittel", "source": "Kilde", "if_missing": "Alvorlighet hvis den mangler",
           "tags": "Tagger", "evidence": "Hva som teller som belegg", "excluded": "Teller ikke",
           "suggestion": "Forslag", "file": "Fil",
           "when": "{status} når", "home": "Hjemme i kapitler om", "failed": "FEIL", "expected": "ventet",
           "got": "fikk", "missing": "MANGLER EKSEMPEL", "no_example": "ingen eksempel som gir",
           "summary": "{ok} av {total} eksempler ga ventet status; {missing} manglende eksempler.",
           "exclusion_summary": "{ok} av {total} unntakseksempler utelot nøyaktig det markerte."},
    "en": {"rules": "Rules", "pack": "Pack", "code": "Code", "name": "Name", "severity": "Severity",
           "applies": "Applies to",
           "title": "Title", "source": "Source", "if_missing": "Severity when missing",
           "tags": "Tags", "evidence": "What counts as evidence", "excluded": "Does not count",
           "suggestion": "Suggestion", "file": "File",
           "when": "{status} when", "home": "At home in sections on", "failed": "FAIL", "expected": "expected",
           "got": "got", "missing": "MISSING EXAMPLE", "no_example": "no example giving",
           "summary": "{ok} of {total} examples gave the expected status; {missing} missing examples.",
           "exclusion_summary": "{ok} of {total} exclusion examples excluded exactly what is marked."},
}


def _console() -> Console:
    return Console(highlight=False)


def _labels(lang: str) -> dict[str, str]:
    return LABELS["en" if lang == "en" else "nb"]


def print_rule_list(rules: Iterable[Rule], lang: str = "nb") -> None:
    label = _labels(lang)
    table = Table(title=label["rules"])
    for column in ("pack", "code", "name", "severity", "applies", "title"):
        table.add_column(label[column])
    for rule in rules:
        table.add_row(rule.pack, rule.code, rule.name, rule.severity.value, ", ".join(rule.applies_to),
                      rule.title.get(lang))
    _console().print(table)


def print_rule(rule: Rule, lang: str = "nb") -> None:
    label, console = _labels(lang), _console()
    console.print(f"[bold]{rule.code} {rule.name}[/bold] – {rule.title.get(lang)}")
    console.print(f"{label['source']}: {rule.source} ({rule.source_url})")
    console.print(f"{label['if_missing']}: {rule.severity.value}")
    console.print(f"{label['applies']}: {', '.join(rule.applies_to)}   {label['tags']}: {', '.join(rule.tags) or '–'}")
    console.print(f"\n{rule.rationale.get(lang).strip()}\n")
    console.print(f"[bold]{label['evidence']}[/bold]")
    for matcher in rule.evidence:
        console.print(f"  • {_describe(matcher)}")
    if rule.status is not None:
        for status, condition in (("oppfylt", rule.status.oppfylt), ("delvis", rule.status.delvis)):
            if condition is not None:
                console.print(f"  {label['when'].format(status=status)}: {describe_condition(condition, lang)}")
    if rule.home_roles:
        console.print(f"{label['home']}: {', '.join(rule.home_roles)}")
    if rule.exclude:
        console.print(f"[bold]{label['excluded']}[/bold]: {', '.join(rule.exclude)}")
    console.print(f"\n[bold]{label['suggestion']}[/bold]: {rule.suggestion.get(lang)}")
    console.print(f"[dim]{label['file']}: {rule.file}[/dim]")


def _describe(matcher) -> str:
    """The matcher in the rule file's own terms (kind, type and parameters), for rule authors."""
    kind = matcher.type
    if kind == "terms":
        return f"{matcher.kind} = terms: {', '.join(matcher.concepts)}"
    if kind == "samtidig":
        return f"{matcher.kind} = samtidig: {' + '.join('/'.join(g) for g in matcher.all)}"
    if kind == "overskrift":
        return f"{matcher.kind} = overskrift: {', '.join(matcher.patterns)}"
    if kind == "rolle":
        concepts = f" + {'/'.join(matcher.concepts)}" if matcher.concepts else ""
        return f"{matcher.kind} = rolle: {'/'.join(matcher.roles)}{concepts}"
    if kind == "tjenester":
        task = ", with_task" if matcher.with_task else ""
        return f"{matcher.kind} = tjenester{task}"
    if kind == "tiltakstabell":
        return f"{matcher.kind} = tiltakstabell: {', '.join(matcher.header_concepts)}, min_rows={matcher.min_rows}"
    return f"funksjon: {matcher.name}"


def describe_condition(condition: Condition, lang: str = "nb") -> str:
    """A status condition in one line: any as «|», all as «&», counts in brackets."""
    hits, distinct = ("hits", "distinct") if lang == "en" else ("treff", "ulike")
    if isinstance(condition, str):
        return condition
    if isinstance(condition, Count):
        counts = ([f"≥{condition.min} {hits}"] if condition.min > 1 else []) + \
                 ([f"≥{condition.distinct} {distinct}"] if condition.distinct > 1 else [])
        return f"{condition.kind} ({', '.join(counts)})" if counts else condition.kind
    if isinstance(condition, AnyOf):
        return "(" + " | ".join(describe_condition(c, lang) for c in condition.any) + ")"
    return "(" + " & ".join(describe_condition(c, lang) for c in condition.all) + ")"


def print_selftest(report: SelfTestReport, lang: str = "nb") -> None:
    label, console = _labels(lang), _console()
    failed = [r for r in report.results if not r.ok]
    for result in failed:
        last = result.example.text.strip().splitlines()[-1][:80]
        console.print(f"[red]{label['failed']}[/red] {result.rule}: {label['expected']} "
                      f"{result.example.expect.value}, {label['got']} {result.got.value} "
                      f"({result.example.lang}): {last}")
    for code, status in report.missing:
        console.print(f"[red]{label['missing']}[/red] {code}: {label['no_example']} «{status.value}»")
    for data in (d for d in report.data if not d.ok):
        last = data.text.strip().splitlines()[-1][:80]
        console.print(f"[red]{label['failed']}[/red] {data.table}: {label['expected']} {data.expected}, "
                      f"{label['got']} {data.got}: {last}")
    for ex in (r for r in report.exclusions if not r.ok):
        console.print(f"[red]{label['failed']}[/red] {ex.where}: {ex.kind}: {label['expected']} "
                      f"«{' '.join(ex.expected)}», {label['got']} «{' '.join(ex.got)}»: {ex.marked[:80]}",
                      markup=False)
    total = len(report.results) + len(report.data)
    bad = len(failed) + sum(1 for d in report.data if not d.ok)
    console.print(label["summary"].format(ok=total - bad, total=total, missing=len(report.missing)))
    if report.exclusions:
        bad = sum(1 for r in report.exclusions if not r.ok)
        console.print(label["exclusion_summary"].format(ok=len(report.exclusions) - bad, total=len(report.exclusions)))
