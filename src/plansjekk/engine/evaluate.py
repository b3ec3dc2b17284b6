"""Check one Document against a rule set: annotate once, run matchers, decide statuses.

The decision is the engine's alone (STYLE.md 3): matchers give hits of named evidence kinds,
a rule's `status` conditions over those kinds give oppfylt / delvis / mangler, and the quotes
shown are the hits that met the condition, ranked best first (ranking.py).
"""

from __future__ import annotations

from plansjekk.engine.adoption import AdoptionFinding, council_adoptions, find_adoption
from plansjekk.engine.classify import classify_decision, given_decision
from plansjekk.engine.context import DocContext
from plansjekk.engine.functions import run_function
from plansjekk.engine.loader import RuleSet
from plansjekk.engine.matchers import MATCHERS, Outcome
from plansjekk.engine.metadata import document_title, municipalities, municipality, plan_period
from plansjekk.engine.policy import apply_policy
from plansjekk.engine.ranking import rank
from plansjekk.engine.schema import AllOf, AnyOf, Condition, Count, FunctionMatcher, Rule
from plansjekk.engine.texts import document_note, not_relevant_message
from plansjekk.model import DocType, Document, DocumentResult, Evidence, Finding, Status
from plansjekk.settings import Settings

MAX_EVIDENCE = 3


def build_context(document: Document, ruleset: RuleSet) -> DocContext:
    from plansjekk.nlp.pipeline import annotate

    return DocContext(document=document, sentences=annotate(document),
                      vocabulary=ruleset.vocabulary, services=ruleset.services, roles=ruleset.roles,
                      shared_concepts=rule_concepts(ruleset), exclusion_rules=ruleset.exclusions)


def rule_concepts(ruleset: RuleSet) -> frozenset[str]:
    """Every concept a rule's matcher names: their whole-document hits are computed anyway."""
    names: set[str] = set()
    for rule in ruleset.rules:
        for m in rule.evidence:
            for field in ("concepts", "none", "also", "header_concepts", "header_also", "undecided"):
                names.update(getattr(m, field, ()) or ())
            names.update(c for group in getattr(m, "all", ()) or () for c in group)
    return frozenset(names)


def check(document: Document, ruleset: RuleSet, settings: Settings) -> DocumentResult:
    """The DocumentResult for one document: classify it, then evaluate every active rule."""
    ctx = build_context(document, ruleset)
    adoption = find_adoption(ctx)
    decision = given_decision(DocType(settings.doc_type), settings.lang) if settings.doc_type \
        else classify_decision(ctx, adoption, settings.lang)
    ctx.doc_type = decision.type
    findings = tuple(evaluate_rule(rule, ctx, adoption, settings.lang, settings.explain)
                     for rule in ruleset.for_type(ctx.doc_type.value))
    members = municipalities(document, municipality(document))
    result = DocumentResult(
        path=document.path, type=ctx.doc_type, language=document.language,
        municipality=members[0] if members else None, pages=document.pages, title=document_title(document),
        period=plan_period(document),
        adoption=adoption.adoption if adoption.kind in ("council", "delegated") else None,
        findings=findings, format=document.format, warnings=document.warnings,
        notes=_notes(ctx.doc_type, settings.lang), ocr_pages=document.ocr_pages,
        type_certain=decision.certain, type_reasons=decision.reasons, type_signals=decision.signals,
        type_given=decision.given_by_user, municipalities=members,
        council_adoptions=council_adoptions(ctx, members) if len(members) > 1 else (),
    )
    return apply_policy(result, document.suppressions, settings)


def _notes(doc_type: DocType, lang: str) -> tuple[str, ...]:
    note = document_note(doc_type, lang)
    return (note,) if note else ()


def evaluate_rule(rule: Rule, ctx: DocContext, adoption: AdoptionFinding, lang: str,
                  explain: bool) -> Finding:
    if ctx.doc_type.value not in rule.applies_to:
        specific = rule.notes.get(f"ikke_relevant_{ctx.doc_type.value}")
        message = specific.get(lang) if specific else not_relevant_message(ctx.doc_type, lang)
        return _finding(rule, Status.IKKE_RELEVANT, message, None, (), (), lang)
    functions = [m for m in rule.evidence if isinstance(m, FunctionMatcher)]
    if functions:
        status, note, evidence, why = run_function(functions[0].name, ctx, adoption)
        message = rule.notes[note].get(lang) if note and note in rule.notes else rule.message(status, lang)
        suggestion = None if status == Status.OPPFYLT else rule.suggestion.get(lang)
        return _finding(rule, status, message, suggestion, evidence, why if explain else (), lang)
    outcomes = {m.kind: MATCHERS[m.type](m, ctx, list(rule.exclude))
                for m in rule.evidence if not isinstance(m, FunctionMatcher)}
    status, witnesses = decide(rule, outcomes)
    hits = rank(rule, ctx, [(kind, outcomes[kind].hits) for kind in witnesses])[:MAX_EVIDENCE]
    evidence = tuple(ctx.evidence(h.sentence) for h in hits)
    why = explanation(ctx, list(outcomes.values())) if explain else ()
    suggestion = None if status == Status.OPPFYLT else rule.suggestion.get(lang)
    return _finding(rule, status, rule.message(status, lang), suggestion, evidence, why, lang)


def decide(rule: Rule, outcomes: dict[str, Outcome]) -> tuple[Status, list[str]]:
    """The status whose condition holds (oppfylt before delvis, else mangler), and the kinds
    that made it hold, in the order the condition names them."""
    assert rule.status is not None  # the schema requires conditions of every non-function rule
    for status, condition in ((Status.OPPFYLT, rule.status.oppfylt), (Status.DELVIS, rule.status.delvis)):
        if condition is not None:
            witnesses = holding(condition, outcomes)
            if witnesses is not None:
                return status, list(dict.fromkeys(witnesses))
    return Status.MANGLER, []


def holding(condition: Condition, outcomes: dict[str, Outcome]) -> list[str] | None:
    """The kinds that make a condition hold, or None when it does not hold."""
    if isinstance(condition, str):
        condition = Count(kind=condition, min=1, distinct=1)
    if isinstance(condition, Count):
        hits = outcomes[condition.kind].hits
        distinct = {t for h in hits for t in h.terms}
        return [condition.kind] if len(hits) >= condition.min and len(distinct) >= condition.distinct else None
    if isinstance(condition, AnyOf):
        found = [holding(item, outcomes) for item in condition.any]
        held = [k for f in found if f is not None for k in f]
        return held if any(f is not None for f in found) else None
    assert isinstance(condition, AllOf)
    parts = [holding(item, outcomes) for item in condition.all]
    if any(p is None for p in parts):
        return None
    return [k for p in parts if p is not None for k in p]


def explanation(ctx: DocContext, outcomes: list[Outcome], limit: int = 4) -> tuple[str, ...]:
    lines: list[str] = []
    excluded_seen: set[int] = set()
    for outcome in outcomes:
        for hit in outcome.hits[:limit]:
            lines.append(f"{hit.kind}: {hit.why} [{', '.join(hit.terms)}] «{ctx.evidence(hit.sentence, 90).quote}» "
                         f"({ctx.where(hit.sentence)})")
        for index, reasons, terms in [e for e in outcome.excluded if e[0] not in excluded_seen][:limit]:
            excluded_seen.add(index)
            lines.append(f"utelatt ({', '.join(reasons)}): [{', '.join(terms)}] "
                         f"«{ctx.evidence(index, 90).quote}» ({ctx.where(index)})")
    return tuple(lines)


def _finding(rule: Rule, status: Status, message: str, suggestion: str | None,
             evidence: tuple[Evidence, ...], why: tuple[str, ...], lang: str) -> Finding:
    return Finding(code=rule.code, name=rule.name, status=status, severity=rule.severity,
                   message=message, suggestion=suggestion, evidence=evidence, explanation=why,
                   title=rule.title.get(lang), source=rule.source, source_url=rule.source_url)

