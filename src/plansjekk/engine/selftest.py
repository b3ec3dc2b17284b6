"""Run the examples every rule file carries (`plansjekk regler test`, and pytest).

An example is a short Markdown-like snippet: '# ' lines are headings, '- ' lines list
items, '|' lines table rows (the first of a table is its header). Each must give the
status it declares; a rule that lacks an example for a status it can give fails too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plansjekk.engine.loader import RuleSet
from plansjekk.engine.metadata_selftest import DataExampleResult, run_data_examples
from plansjekk.engine.schema import Example, Rule
from plansjekk.model import DocType, Document, ParagraphKind, Status

REQUIRED = (Status.OPPFYLT, Status.DELVIS, Status.MANGLER)


@dataclass(frozen=True)
class ExampleResult:
    rule: str
    example: Example
    got: Status
    ok: bool


@dataclass(frozen=True)
class ExclusionExampleResult:
    """One exclusion example (unntak.yaml): the words it must exclude against those excluded."""

    kind: str
    marked: str
    where: str  # file:line
    expected: tuple[str, ...]
    got: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.expected == self.got


@dataclass
class SelfTestReport:
    results: list[ExampleResult] = field(default_factory=list)
    missing: list[tuple[str, Status]] = field(default_factory=list)  # (rule code, status without example)
    data: list[DataExampleResult] = field(default_factory=list)  # document-type, adoption and role examples
    exclusions: list[ExclusionExampleResult] = field(default_factory=list)  # unntak.yaml examples

    @property
    def ok(self) -> bool:
        return not self.missing and all(r.ok for r in self.results) and all(d.ok for d in self.data) \
            and all(r.ok for r in self.exclusions)


def example_document(text: str, lang: str) -> Document:
    """A Document from an example snippet, through the same structure builder as real files."""
    from plansjekk.extract.structure import Block, build_sections

    blocks: list[Block] = []
    in_table = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            in_table = False
            continue
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            blocks.append(Block(line.lstrip("#").strip(), None, heading_level=level, line=number))
            in_table = False
        elif line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            kind = ParagraphKind.TABLE_ROW if in_table else ParagraphKind.TABLE_HEADER
            blocks.append(Block(" | ".join(cells), None, kind, line=number))
            in_table = True
        elif line.startswith(("- ", "* ", "• ")):
            blocks.append(Block(line[2:], None, ParagraphKind.LIST_ITEM, line=number))
            in_table = False
        else:
            blocks.append(Block(line, None, line=number))
            in_table = False
    sections = build_sections(blocks)
    return Document(path="<eksempel>", format="markdown", pages=None, language=lang,
                    title=sections[0].heading if sections else None, sections=sections)


def statuses_rule_can_give(rule: Rule) -> tuple[Status, ...]:
    """Every rule can give oppfylt, delvis and mangler; ikke_relevant when some types are excluded."""
    if set(rule.applies_to) != {"plan", "horingsutkast", "planprogram", "annet"}:
        return (*REQUIRED, Status.IKKE_RELEVANT)
    return REQUIRED


def run_examples(ruleset: RuleSet) -> SelfTestReport:
    from plansjekk.engine.adoption import find_adoption
    from plansjekk.engine.evaluate import build_context, evaluate_rule

    report = SelfTestReport()
    for rule in ruleset.rules:
        single = RuleSet(rules=(rule,), vocabulary=ruleset.vocabulary, services=ruleset.services,
                         pack=ruleset.pack, version=ruleset.version, fingerprint=ruleset.fingerprint,
                         exclusions=ruleset.exclusions, roles=ruleset.roles)
        for example in rule.examples:
            ctx = build_context(example_document(example.text, example.lang), single)
            ctx.doc_type = DocType(example.type)
            finding = evaluate_rule(rule, ctx, find_adoption(ctx), "nb", explain=False)
            report.results.append(ExampleResult(rule.code, example, finding.status,
                                                finding.status == example.expect))
        covered = {e.expect for e in rule.examples}
        report.missing.extend((rule.code, s) for s in statuses_rule_can_give(rule) if s not in covered)
    report.data = run_data_examples(ruleset) + role_examples(ruleset)
    report.exclusions = run_exclusion_examples(ruleset)
    return report


def role_examples(ruleset: RuleSet) -> list[DataExampleResult]:
    """The roller.yaml examples: the first section must get the role each names (or none)."""
    from plansjekk.engine.evaluate import build_context

    results = []
    for example in ruleset.roles.examples:
        text = (f"# {example.overskrift}\n" if example.overskrift else "") + example.tekst
        ctx = build_context(example_document(text, example.lang), ruleset)
        got = ctx.section_roles[0] if ctx.section_roles else frozenset()
        ok = not got if example.rolle is None else example.rolle in got
        results.append(DataExampleResult("roller", text, example.rolle or "-", ", ".join(sorted(got)) or "-", ok))
    return results


def run_exclusion_examples(ruleset: RuleSet) -> list[ExclusionExampleResult]:
    """Every example in the exclusion data: exactly the [bracketed] words are excluded for its
    kind; a background-heading example matches or not as declared."""
    from plansjekk.engine.exclusions import covered_words

    rules = ruleset.exclusions
    if rules is None:
        return []
    results = []
    for example in rules.examples:
        text = example.text
        words = [m.group(0) for m in re.finditer(r"\w+", text)]
        got = covered_words(text, [s for s in rules.spans(text) if s.reason == example.kind])
        results.append(ExclusionExampleResult(example.kind, example.marked, str(example.source),
                                              tuple(words[i] for i in example.expected_words()),
                                              tuple(words[i] for i in got)))
    for heading, expect, source in rules.heading_examples:
        found = rules.is_background_heading(heading)
        results.append(ExclusionExampleResult("bakgrunnsoverskrift", heading, str(source),
                                              ("treff",) if expect else (), ("treff",) if found else ()))
    return results

