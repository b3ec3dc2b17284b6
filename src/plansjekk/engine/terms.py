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

from dataclasses import dataclass, field
from functools import lru_cache
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
    words: tuple[tuple[str, Pred], ...]  # single wildcard/exact words
    phrases: tuple[tuple[str, tuple[Pred, ...]], ...]
    blocked: tuple[Pred, ...]
    # Per word-form memo: a form's keys never change, so each distinct form is judged once.
    _single: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _starts: dict[str, tuple[tuple[str, tuple[Pred, ...]], ...]] = field(
        default_factory=dict, compare=False, repr=False)

    def _single_term(self, token: TokenLike) -> str:
        """The term a single token matches ('' for none, or when a blocked form)."""
        term = self._single.get(token.lower)
        if term is None:
            term = ""
            if not any(b(token) for b in self.blocked):
                hit = self.keys & token.keys
                term = min(hit) if hit else next((t for t, p in self.words if p(token)), "")
            self._single[token.lower] = term
        return term

    def _may_start_phrase(self, token: TokenLike) -> tuple[tuple[str, tuple[Pred, ...]], ...]:
        """The phrases whose first word this token matches (memoised per word form)."""
        start = self._starts.get(token.lower)
        if start is None:
            start = tuple(p for p in self.phrases if p[1][0](token))
            self._starts[token.lower] = start
        return start

    def phrase_at(self, tokens: tuple[TokenLike, ...], i: int) -> tuple[str, int, int] | None:
        """The first phrase that starts at token i, as (phrase, start, end)."""
        for phrase, parts in self._may_start_phrase(tokens[i]):
            if i + len(parts) <= len(tokens) and all(p(tokens[i + k]) for k, p in enumerate(parts)):
                return phrase, tokens[i].start, tokens[i + len(parts) - 1].end
        return None

    def matches(self, tokens: tuple[TokenLike, ...]) -> list[tuple[str, int, int]]:
        """(term, start, end) for every match in the token sequence."""
        found: list[tuple[str, int, int]] = []
        for i, token in enumerate(tokens):
            term = self._single_term(token)
            if term:
                found.append((term, token.start, token.end))
                continue
            if self.phrases and self._may_start_phrase(token):
                match = self.phrase_at(tokens, i)
                if match:
                    found.append(match)
        return found


@lru_cache(maxsize=512)
def compile_concept(name: str, terms: tuple[str, ...]) -> Concept:
    """Compiled once per vocabulary entry and shared by every document checked in the process."""
    keys: set[str] = set()
    words: list[tuple[str, Pred]] = []
    phrases: list[tuple[str, tuple[Pred, ...]]] = []
    blocked: list[Pred] = []
    for raw in terms:
        term = raw.strip().lower()
        if not term:
            continue
        if term.startswith("-"):
            blocked.append(_part(term[1:]))
            continue
        parts = term.split()
        if len(parts) > 1:
            phrases.append((term, tuple(_part(w) for w in parts)))
        elif any(c in term for c in "*="):
            words.append((term, _part(term)))
        else:
            keys.add(term)
    return Concept(name=name, keys=frozenset(keys), words=tuple(words), phrases=tuple(phrases),
                   blocked=tuple(blocked))
