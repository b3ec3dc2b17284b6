"""Render a Comparison (`plansjekk sammenlign`): terminal, json, markdown and html.

Like the other reporters these only render what compare/ decided. Every text a reader sees
is in LABELS (bokmål and English) or comes from the rule files via the findings.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from plansjekk import __version__
from plansjekk.comparison import Comparison, as_record
from plansjekk.i18n import STATUS_SYMBOLS, status_label, type_label
from plansjekk.report.records import adoption_text, location_text
from plansjekk.report.safety import printable_records

LABELS = {
    "nb": {"title": "Sammenligning", "before": "Før", "after": "Etter", "code": "Kode", "rule": "Krav",
           "change": "Endring", "bedre": "bedre", "verre": "verre", "uendret": "uendret",
           "evidence": "Belegg som kom til eller forsvant", "new_quote": "nytt", "gone_quote": "borte",
           "sections": "Kapitler", "added": "Lagt til", "removed": "Fjernet", "changed": "Endret",
           "omdøpt": "omdøpt", "flyttet": "flyttet", "tekst": "ny tekst", "no_heading": "(uten overskrift)",
           "similar": "{p} % lik tekst", "metadata": "Opplysninger om dokumentet", "none": "ingen endringer",
           "not_run": "ikke vurdert", "type": "Dokumenttype", "title_field": "Tittel",
           "municipality": "Kommune", "period": "Planperiode", "adoption": "Vedtak", "language": "Språk",
           "summary": "{bedre} krav bedre, {verre} verre, {uendret} uendret.",
           "folded": "{n} regler gjelder ikke for noen av versjonene (dokumenttypen) og er ikke vist."},
    "en": {"title": "Comparison", "before": "Before", "after": "After", "code": "Code", "rule": "Requirement",
           "change": "Change", "bedre": "better", "verre": "worse", "uendret": "unchanged",
           "evidence": "Evidence that appeared or disappeared", "new_quote": "new", "gone_quote": "gone",
           "sections": "Sections", "added": "Added", "removed": "Removed", "changed": "Changed",
           "omdøpt": "renamed", "flyttet": "moved", "tekst": "new text", "no_heading": "(no heading)",
           "similar": "{p} % similar text", "metadata": "Document facts", "none": "no changes",
           "not_run": "not assessed", "type": "Document type", "title_field": "Title",
           "municipality": "Municipality", "period": "Plan period", "adoption": "Adoption", "language": "Language",
           "summary": "{bedre} requirements better, {verre} worse, {uendret} unchanged.",
           "folded": "{n} rules apply to neither version (the document type) and are not shown."},
}
NOT_ASSESSED = (None, "ikke_relevant")
CHANGE_STYLES = {"bedre": "green", "verre": "red", "uendret": "dim"}
FIELD_LABELS = {"type": "type", "title": "title_field", "municipality": "municipality", "period": "period",
                "adoption": "adoption", "language": "language"}


class View:
    """The record, its document text made printable (report/safety.py), plus the wording for one
    language; shared by the terminal, Markdown and HTML renderers (JSON keeps the raw text)."""

    def __init__(self, comparison: Comparison, lang: str) -> None:
        self.record = printable_records(as_record(comparison, __version__))
        self.lang = "en" if lang == "en" else "nb"
        self.label = LABELS[self.lang]

    def status(self, status: str | None) -> str:
        if status is None:
            return self.label["not_run"]
        return f"{STATUS_SYMBOLS[status]} {status_label(status, self.lang)}"

    def heading(self, heading: str | None) -> str:
        return heading or self.label["no_heading"]

    def section_change(self, item: dict[str, Any]) -> str:
        how = ", ".join(self.label[c] for c in item["changes"])
        if "tekst" in item["changes"]:
            how += f"; {self.label['similar'].format(p=round(item['similarity'] * 100))}"
        if item["before"] != item["after"]:
            return f"«{self.heading(item['before'])}» → «{self.heading(item['after'])}» ({how})"
        return f"«{self.heading(item['after'])}» ({how})"

    def field_value(self, field: str, value: Any) -> str:
        if field == "adoption":
            return adoption_text(value, self.lang)
        if field == "type" and value:
            return type_label(value, self.lang)
        return str(value) if value not in (None, "") else "–"

    def metadata(self) -> list[tuple[str, str, str]]:
        return [(self.label[FIELD_LABELS[field]], self.field_value(field, b), self.field_value(field, a))
                for field, (b, a) in self.record["metadata"].items()]

    def evidence(self) -> list[tuple[dict[str, Any], list[tuple[str, str]]]]:
        """Per rule with quotes that came or went: (rule, [(sign, '«quote» (where)')])."""
        out = []
        for rule in self.record["rules"]:
            lines = [("+", f"«{e['quote']}» ({location_text(e, self.lang)})") for e in rule["appeared"]]
            lines += [("−", f"«{e['quote']}» ({location_text(e, self.lang)})") for e in rule["disappeared"]]
            if lines:
                out.append((rule, lines))
        return out

    def rows(self) -> list[dict[str, Any]]:
        """The rules assessed on at least one version (JSON keeps every rule)."""
        return [r for r in self.record["rules"] if r["before"] not in NOT_ASSESSED or r["after"] not in NOT_ASSESSED]

    def summary(self) -> str:
        text = self.label["summary"].format(**self.record["summary"])
        folded = len(self.record["rules"]) - len(self.rows())
        return f"{text} {self.label['folded'].format(n=folded)}" if folded else text


def render_json(comparison: Comparison, lang: str = "nb", color: bool = False) -> str:
    return json.dumps(as_record(comparison, __version__), ensure_ascii=False, indent=2)


def render_terminal(comparison: Comparison, lang: str = "nb", color: bool = False) -> str:
    view, buffer = View(comparison, lang), io.StringIO()
    console = Console(file=buffer, width=110, color_system="standard" if color else None,
                      highlight=False, force_terminal=color, no_color=not color)
    label, record = view.label, view.record
    console.print(f"[bold]{label['title']}[/bold]\n  {label['before']}: {escape(record['before'])}\n"
                  f"  {label['after']}: {escape(record['after'])}")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("code", "rule", "before", "after", "change"):
        table.add_column(label[column])
    for rule in view.rows():
        style = CHANGE_STYLES[rule["change"]]
        table.add_row(rule["code"], escape(rule["title"]), view.status(rule["before"]), view.status(rule["after"]),
                      f"[{style}]{label[rule['change']]}[/{style}]")
    console.print(table)
    _terminal_details(console, view)
    console.print(view.summary())
    return buffer.getvalue()


def _terminal_details(console: Console, view: View) -> None:
    label, sections = view.label, view.record["sections"]
    if view.evidence():
        console.print(f"[bold]{label['evidence']}[/bold]")
        for rule, lines in view.evidence():
            console.print(f"  {rule['code']} {rule['title']}", markup=False)
            for sign, text in lines:
                console.print(f"    {sign} {text}", markup=False)
    console.print(f"[bold]{label['sections']}[/bold]")
    if not any(sections.values()):
        console.print(f"  {label['none']}")
    for key in ("added", "removed"):
        for heading in sections[key]:
            console.print(f"  {label[key]}: «{view.heading(heading)}»", markup=False)
    for item in sections["changed"]:
        console.print(f"  {label['changed']}: {view.section_change(item)}", markup=False)
    console.print(f"[bold]{label['metadata']}[/bold]")
    for name, before, after in view.metadata() or [(label["none"], "", "")]:
        console.print(f"  {name}: {before} → {after}" if before or after else f"  {name}", markup=False)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(comparison: Comparison, lang: str = "nb", color: bool = False) -> str:
    view = View(comparison, lang)
    label, record, sections = view.label, view.record, view.record["sections"]
    lines = [f"# {label['title']}", "", f"- {label['before']}: `{record['before']}`",
             f"- {label['after']}: `{record['after']}`", "",
             f"| {label['code']} | {label['rule']} | {label['before']} | {label['after']} | {label['change']} |",
             "|---|---|---|---|---|"]
    lines += [f"| {r['code']} | {_md(r['title'])} | {view.status(r['before'])} | {view.status(r['after'])} | "
              f"{'**' + label[r['change']] + '**' if r['change'] != 'uendret' else label[r['change']]} |"
              for r in view.rows()]
    lines += ["", view.summary(), ""]
    if view.evidence():
        lines += [f"## {label['evidence']}", ""]
        for rule, quotes in view.evidence():
            lines += [f"**{rule['code']} {_md(rule['title'])}**", ""]
            lines += [f"- {sign} {_md(text)}" for sign, text in quotes] + [""]
    lines += [f"## {label['sections']}", ""]
    lines += [f"- {label[key]}: «{_md(view.heading(h))}»" for key in ("added", "removed") for h in sections[key]]
    lines += [f"- {label['changed']}: {_md(view.section_change(item))}" for item in sections["changed"]]
    if not any(sections.values()):
        lines.append(f"- {label['none']}")
    lines += ["", f"## {label['metadata']}", ""]
    lines += [f"- {name}: {_md(b)} → {_md(a)}" for name, b, a in view.metadata()] or [f"- {label['none']}"]
    return "\n".join(lines) + "\n"


def render_html(comparison: Comparison, lang: str = "nb", color: bool = False) -> str:
    from plansjekk.report.html import environment

    view = View(comparison, lang)
    return environment().get_template("compare.html.j2").render(
        view=view, record=view.record, label=view.label, lang=view.lang, version=__version__)


RENDERERS: dict[str, Callable[[Comparison, str, bool], str]] = {
    "terminal": render_terminal, "json": render_json, "markdown": render_markdown, "html": render_html,
}
