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

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol


class TokenLike(Protocol):
    lower: str
    keys: frozenset[str]
    start: int
    end: int


class FormIndex:
    """The distinct word forms of one document, indexed so a term finds its forms without
    testing every form: by key, and sorted (and sorted reversed) for prefix and suffix terms."""

    def __init__(self, keys_of: dict[str, frozenset[str]]) -> None:
        self.keys_of = keys_of
        self.forms = sorted(keys_of)
        self.reversed = sorted(form[::-1] for form in keys_of)
        self.by_key: dict[str, list[str]] = {}
        for form, keys in keys_of.items():
            for key in keys:
                self.by_key.setdefault(key, []).append(form)

    def starting(self, prefix: str) -> list[str]:
        return _prefix_range(self.forms, prefix)

    def ending(self, suffix: str) -> list[str]:
        return [r[::-1] for r in _prefix_range(self.reversed, suffix[::-1])]


def _prefix_range(ordered: list[str], prefix: str) -> list[str]:
    i = bisect_left(ordered, prefix)
    j = i
    while j < len(ordered) and ordered[j].startswith(prefix):
        j += 1
    return ordered[i:j]


@dataclass(frozen=True)
class Part:
    """One word of a term: a key (lemma or form), or an exact, prefix, suffix or infix form."""

    kind: str  # "key", "exact", "prefix", "suffix", "contains"
    value: str

    def __call__(self, t: TokenLike) -> bool:
        kind, value = self.kind, self.value
        if kind == "key":
            return value in t.keys
        if kind == "exact":
            return t.lower == value
        if kind == "prefix":
            return t.lower.startswith(value)
        if kind == "suffix":
            return t.lower.endswith(value)
        return value in t.lower

    def forms(self, index: FormIndex) -> list[str]:
        """Every form in the document this part can match (a superset is allowed, never less)."""
        if self.kind == "key":
            return index.by_key.get(self.value, [])
        if self.kind == "exact":
            return [self.value] if self.value in index.keys_of else []
        if self.kind == "prefix":
            return index.starting(self.value)
        if self.kind == "suffix":
            return index.ending(self.value)
        return [form for form in index.forms if self.value in form]


def _part(term: str) -> Part:
    if term.startswith("=") and len(term) > 1:
        return Part("exact", term[1:])
    if term.startswith("*") and term.endswith("*") and len(term) > 2:
        return Part("contains", term[1:-1])
    if term.endswith("*") and len(term) > 1:
        return Part("prefix", term[:-1])
    if term.startswith("*") and len(term) > 1:
        return Part("suffix", term[1:])
    return Part("key", term)


@dataclass(frozen=True)
class Concept:
    name: str
    keys: frozenset[str]  # single plain terms: one set lookup per token
    words: tuple[tuple[str, Part], ...]  # single wildcard/exact words
    phrases: tuple[tuple[str, tuple[Part, ...]], ...]
    blocked: tuple[Part, ...]
    # Per word-form memo: a form's keys never change, so each distinct form is judged once.
    _single: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _starts: dict[str, tuple[tuple[str, tuple[Part, ...]], ...]] = field(
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

    def candidate_forms(self, index: FormIndex) -> set[str]:
        """The document's forms that may match or start a phrase; all others cannot."""
        found: set[str] = set()
        for key in self.keys:
            found.update(index.by_key.get(key, ()))
        for _, part in self.words:
            found.update(part.forms(index))
        for _, parts in self.phrases:
            found.update(parts[0].forms(index))
        return found

    def phrase_forms(self, index: FormIndex) -> list[tuple[str, tuple[set[str], ...]]]:
        """Each phrase that may occur, with, per word, the set of the document's forms that word
        matches (a phrase whose first word has no form in the document is left out)."""
        found = []
        for phrase, parts in self.phrases:
            first = set(parts[0].forms(index))
            if first:
                found.append((phrase, (first, *(set(part.forms(index)) for part in parts[1:]))))
        return found

    def _may_start_phrase(self, token: TokenLike) -> tuple[tuple[str, tuple[Part, ...]], ...]:
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
    words: list[tuple[str, Part]] = []
    phrases: list[tuple[str, tuple[Part, ...]]] = []
    blocked: list[Part] = []
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
