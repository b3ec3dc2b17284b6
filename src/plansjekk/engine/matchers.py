"""The fixed set of matcher types. Each turns a DocContext into evidence hits.

Matchers only produce evidence; evaluate.py decides the status from it (STYLE.md 3).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from plansjekk.engine.context import TASK_CONCEPT, DocContext
from plansjekk.engine.schema import (
    CooccurrenceMatcher,
    HeadingMatcher,
    ServicesMatcher,
    TableMatcher,
    TermsMatcher,
)


@dataclass(frozen=True)
class Hit:
    strength: str  # "sterk" or "svak"
    sentence: int
    terms: tuple[str, ...]
    why: str


@dataclass
class Outcome:
    hits: list[Hit] = field(default_factory=list)
    excluded: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)


def _terms_in(ctx: DocContext, concepts: list[str], index: int) -> tuple[str, ...]:
    found: list[str] = []
    for concept in concepts:
        found.extend(term for term, _, _ in ctx.hits(concept).get(index, ()))
    return tuple(dict.fromkeys(found))


# --- exclusions (helper ruledata): a concept hit inside an excluded span (a law quote, reform
# background …, see exclusions.py) does not count; one outside it in the same sentence does.
def _kept_terms(out: Outcome, ctx: DocContext, concepts: list[str], i: int, exclusions: list[str]) -> tuple[str, ...]:
    """The concepts' terms in sentence i outside excluded spans; when there are terms but all
    stand inside such spans, the sentence is noted as excluded (for --forklar)."""
    kept: list[str] = []
    dropped: list[str] = []
    reasons: list[str] = []
    for concept in concepts:
        for match in ctx.hits(concept).get(i, ()):
            why = ctx.excluded_at(concept, i, match, exclusions) if exclusions else ()
            if why:
                dropped.append(match[0])
                reasons.extend(why)
            else:
                kept.append(match[0])
    if dropped and not kept:
        out.excluded.append((i, tuple(dict.fromkeys(reasons)), tuple(dict.fromkeys(dropped))))
    return tuple(dict.fromkeys(kept))


def match_terms(m: TermsMatcher, ctx: DocContext, exclusions: list[str]) -> Outcome:
    out = Outcome()
    for i in sorted(ctx.sentences_with(m.concepts)):
        kind = ctx.sentences[i].kind
        if (m.kinds and kind not in m.kinds) or (not m.kinds and kind == "heading"):
            continue  # a bare heading is no quote; headings have their own matcher
        terms = _kept_terms(out, ctx, m.concepts, i, exclusions)
        if terms:
            out.hits.append(Hit(m.gives, i, terms, "ord"))
    distinct = {t for h in out.hits for t in h.terms}
    if len(distinct) < m.min_distinct:
        out.hits = []
    return out


def match_cooccurrence(m: CooccurrenceMatcher, ctx: DocContext, exclusions: list[str]) -> Outcome:
    out = Outcome()
    candidates = set.intersection(*(ctx.sentences_with(group) for group in m.all))
    for i in sorted(candidates):
        if ctx.sentences[i].kind == "heading":
            continue
        if not all(_terms_in(ctx, group, i) for group in m.all):
            continue
        if m.none and _terms_in(ctx, m.none, i):
            continue
        groups = [_kept_terms(out, ctx, group, i, exclusions) for group in m.all]
        if all(groups):
            out.hits.append(Hit(m.gives, i, tuple(t for g in groups for t in g), "sammen i én setning"))
    if len(out.hits) < m.min_sentences:
        out.hits = [Hit("svak", h.sentence, h.terms, h.why) for h in out.hits]
    return out


def match_heading(m: HeadingMatcher, ctx: DocContext, exclusions: list[str]) -> Outcome:
    out = Outcome()
    patterns = [re.compile(p, re.IGNORECASE) for p in m.patterns]
    by_section: dict[int, list[int]] = {}
    for i, s in enumerate(ctx.sentences):
        by_section.setdefault(s.section_index, []).append(i)
    named = {ctx.sentences[i].section_index for i in ctx.sentences_with(m.concepts)
             if ctx.sentences[i].kind == "heading"} if m.concepts else set()
    for index, section in enumerate(ctx.document.sections):
        if not section.heading or not (index in named or any(p.search(section.heading) for p in patterns)):
            continue
        body = [i for i in by_section.get(index, []) if ctx.sentences[i].kind != "heading"]
        first = _first_of_enough_words(ctx, body, exclusions, m.min_words)
        if first is not None:
            out.hits.append(Hit(m.gives, first, (section.heading,), "overskrift"))
        elif body:
            reasons = tuple(sorted({r for i in body for r in ctx.excluded(i, exclusions)})) or ("for lite tekst",)
            out.excluded.append((body[0], reasons, (section.heading,)))
    return out


def _first_of_enough_words(ctx: DocContext, body: list[int], exclusions: list[str],
                           min_words: int) -> int | None:
    """The first kept sentence of a section body once the kept text reaches min_words
    (sentences after that point need no exclusion check)."""
    first, words = None, 0
    for i in body:
        if ctx.excluded(i, exclusions):
            continue
        first = i if first is None else first
        words += len(ctx.sentences[i].text.split())
        if words >= min_words:
            return first
    return None


def match_services(m: ServicesMatcher, ctx: DocContext, exclusions: list[str]) -> Outcome:
    """Distinct named services; with_task requires a task marker in the same sentence."""
    out = Outcome()
    first_hit: dict[str, Hit] = {}
    candidates = ctx.sentences_with([f"tjeneste:{service}" for service in ctx.services])
    if m.with_task:
        candidates &= ctx.sentences_with([TASK_CONCEPT])
    for i in sorted(candidates):
        for service in ctx.services:
            if service in first_hit:
                continue
            terms = _kept_terms(out, ctx, [f"tjeneste:{service}"], i, exclusions)
            if terms:
                why = f"tjeneste: {service}" + (" med oppgave" if m.with_task else "")
                first_hit[service] = Hit(m.gives, i, terms, why)
    strength = m.gives if len(first_hit) >= m.min_services else "svak"
    out.hits = [Hit(strength, h.sentence, h.terms, h.why) for h in first_hit.values()]
    return out


def match_table(m: TableMatcher, ctx: DocContext, exclusions: list[str]) -> Outcome:
    """A table whose header names a responsible column, with enough rows under it."""
    out = Outcome()
    sentences = ctx.sentences
    for i, s in enumerate(sentences):
        if s.kind not in ("table_header", "table_row"):
            continue
        if i > 0 and sentences[i - 1].kind in ("table_header", "table_row") \
                and sentences[i - 1].section_index == s.section_index and s.kind != "table_header":
            continue  # only the first row of a table can be its header
        if not _terms_in(ctx, m.header_concepts, i):
            continue
        rows = 0
        for j in range(i + 1, len(sentences)):
            if sentences[j].kind != "table_row":
                break
            rows += 1
        if rows >= m.min_rows:
            out.hits.append(Hit(m.gives, min(i + 1, len(sentences) - 1), ("tabell",),
                                f"tabell med ansvarskolonne og {rows} rader"))
    return out


MATCHERS: dict[str, Callable[..., Outcome]] = {
    "terms": match_terms,
    "samtidig": match_cooccurrence,
    "overskrift": match_heading,
    "tjenester": match_services,
    "tiltakstabell": match_table,
}
