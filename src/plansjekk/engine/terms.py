"""Concept vocabularies compiled into fast token predicates.

Term syntax in begreper.yaml:
  mål            lemma or form: the token's keys (form, Ordbank lemmas, compound head)
  =mål           exact word form only (no lemma, no compound head)
  samarbeid*     word form starts with; *teneste ends with; *tenest* contains
  tidlig innsats consecutive tokens, each part in the syntax above
  -spørsmål      never counts for this concept (spørsmål has the head "mål")
Bokmål lemmas come from the Ordbank lexicon; nynorsk forms are listed explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol


class TokenLike(Protocol):
    lower: str
    keys: frozenset[str]
    start: int
    end: int


Pred = Callable[[TokenLike], bool]


def _part(term: str) -> Pred:
    if term.startswith("=") and len(term) > 1:
        exact = term[1:]
        return lambda t: t.lower == exact
    if term.startswith("*") and term.endswith("*") and len(term) > 2:
        inner = term[1:-1]
        return lambda t: inner in t.lower
    if term.endswith("*") and len(term) > 1:
        prefix = term[:-1]
        return lambda t: t.lower.startswith(prefix)
    if term.startswith("*") and len(term) > 1:
        suffix = term[1:]
        return lambda t: t.lower.endswith(suffix)
    return lambda t: term in t.keys


@dataclass(frozen=True)
class Concept:
    name: str
    keys: frozenset[str]  # single plain terms: one set lookup per token
    patterns: tuple[tuple[str, tuple[Pred, ...]], ...]  # wildcard words and phrases
    blocked: tuple[Pred, ...]

    def matches(self, tokens: tuple[TokenLike, ...]) -> list[tuple[str, int, int]]:
        """(term, start, end) for every match in the token sequence."""
        found: list[tuple[str, int, int]] = []
        for i, token in enumerate(tokens):
            if self.blocked and any(b(token) for b in self.blocked):
                continue
            hit = self.keys & token.keys
            if hit:
                found.append((min(hit), token.start, token.end))
                continue
            for term, parts in self.patterns:
                if i + len(parts) > len(tokens):
                    continue
                if all(p(tokens[i + k]) for k, p in enumerate(parts)):
                    found.append((term, token.start, tokens[i + len(parts) - 1].end))
                    break
        return found


def compile_concept(name: str, terms: tuple[str, ...]) -> Concept:
    keys: set[str] = set()
    patterns: list[tuple[str, tuple[Pred, ...]]] = []
    blocked: list[Pred] = []
    for raw in terms:
        term = raw.strip().lower()
        if not term:
            continue
        if term.startswith("-"):
            blocked.append(_part(term[1:]))
            continue
        words = term.split()
        if len(words) == 1 and not any(c in term for c in "*="):
            keys.add(term)
        else:
            patterns.append((term, tuple(_part(w) for w in words)))
    return Concept(name=name, keys=frozenset(keys), patterns=tuple(patterns), blocked=tuple(blocked))
