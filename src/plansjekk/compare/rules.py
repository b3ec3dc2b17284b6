"""Rule by rule: how each status moved (oppfylt > delvis > mangler) and which quotes came or went.

The engine has already decided every status; this only lines the two results up.
"""

from __future__ import annotations

from typing import Any

from plansjekk.comparison import BETTER, SAME, WORSE, RuleChange
from plansjekk.model import DocumentResult, Evidence, Finding

RANK = {"oppfylt": 2, "delvis": 1, "mangler": 0}
METADATA_FIELDS = ("type", "title", "municipality", "period", "adoption", "language")


def change(before: str | None, after: str | None) -> str:
    """bedre / verre / uendret; a rule that did not apply on one side (ikke_relevant, or a pack
    for another document type) cannot have got better or worse."""
    if before not in RANK or after not in RANK:
        return SAME
    if RANK[after] > RANK[before]:
        return BETTER
    return WORSE if RANK[after] < RANK[before] else SAME


def _status(finding: Finding | None) -> str | None:
    if finding is None:
        return None
    return (finding.override.status if finding.override else finding.status).value


def _key(evidence: Evidence) -> str:
    return " ".join(evidence.quote.split()).lower()


def _only_in(these: tuple[Evidence, ...], others: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    seen = {_key(e) for e in others}
    return tuple(e for e in these if _key(e) not in seen)


def rule_changes(before: DocumentResult, after: DocumentResult) -> tuple[RuleChange, ...]:
    """Every rule reported on either version, in code order."""
    old = {f.code: f for f in before.findings}
    new = {f.code: f for f in after.findings}
    changes = []
    for code in sorted(old.keys() | new.keys()):
        b, a = old.get(code), new.get(code)
        either = next(f for f in (a, b) if f is not None)
        changes.append(RuleChange(
            code=code, name=either.name, title=either.title, severity=either.severity.value,
            before=_status(b), after=_status(a), change=change(_status(b), _status(a)),
            appeared=_only_in(a.evidence if a else (), b.evidence if b else ()),
            disappeared=_only_in(b.evidence if b else (), a.evidence if a else ())))
    return tuple(changes)


def metadata_changes(before: DocumentResult, after: DocumentResult) -> dict[str, tuple[Any, Any]]:
    """The document facts that differ: type, title, municipality, period, adoption, language."""
    changed = {}
    for field in METADATA_FIELDS:
        b, a = getattr(before, field), getattr(after, field)
        if b != a:
            changed[field] = (b, a)
    return changed
