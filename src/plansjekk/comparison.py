"""The records of a comparison between two versions of a plan (`plansjekk sammenlign`). They sit
beside model.py, below report/, so the renderers read them without importing the compare step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plansjekk.model import DocumentResult, Evidence, to_plain

BETTER, WORSE, SAME = "bedre", "verre", "uendret"


@dataclass(frozen=True)
class RuleChange:
    """One rule before and after; a status is None when the rule did not run on that version."""

    code: str
    name: str
    title: str
    severity: str
    before: str | None
    after: str | None
    change: str  # bedre, verre, uendret
    appeared: tuple[Evidence, ...] = ()  # quotes cited after and not before
    disappeared: tuple[Evidence, ...] = ()  # quotes cited before and not after


@dataclass(frozen=True)
class SectionChange:
    """A section found in both versions that was renamed, moved or rewritten."""

    before: str | None
    after: str | None
    changes: tuple[str, ...]  # omdøpt, flyttet, tekst
    similarity: float  # of the text, 0–1


@dataclass(frozen=True)
class SectionDiff:
    added: tuple[str | None, ...] = ()
    removed: tuple[str | None, ...] = ()
    changed: tuple[SectionChange, ...] = ()


@dataclass(frozen=True)
class Comparison:
    before: DocumentResult
    after: DocumentResult
    rules: tuple[RuleChange, ...]
    sections: SectionDiff
    metadata: dict[str, tuple[Any, Any]]

    @property
    def worse(self) -> bool:
        """Exit code 1: some requirement is met less well than before."""
        return any(r.change == WORSE for r in self.rules)

    def counts(self) -> dict[str, int]:
        return {kind: sum(1 for r in self.rules if r.change == kind) for kind in (BETTER, WORSE, SAME)}


def as_record(comparison: Comparison, version: str = "") -> dict[str, Any]:
    """The JSON contract (DESIGN.md) first, then the extras the other renderers use."""
    return {
        "plansjekk_version": version,
        "before": comparison.before.path,
        "after": comparison.after.path,
        "rules": [{"code": r.code, "name": r.name, "before": r.before, "after": r.after, "change": r.change,
                   "title": r.title, "severity": r.severity,
                   "appeared": [to_plain(e) for e in r.appeared],
                   "disappeared": [to_plain(e) for e in r.disappeared]} for r in comparison.rules],
        "sections": {"added": list(comparison.sections.added),
                     "removed": list(comparison.sections.removed),
                     "changed": [{"before": c.before, "after": c.after, "changes": list(c.changes),
                                  "similarity": c.similarity} for c in comparison.sections.changed]},
        "metadata": {field: [to_plain(b), to_plain(a)] for field, (b, a) in comparison.metadata.items()},
        "summary": comparison.counts(),
    }
