"""Rank the hits that met a rule's condition: the first quote is the sentence that best meets
the requirement, from the section where the plan deals with it (DOMAIN.md point 14).

A hit scores for standing in one of the rule's home roles (and loses for a background role:
foreword, knowledge base, legal basis, reform, plan process), for the municipality speaking
("vi", "me", "kommunen": roller.yaml `avsender`), for being concrete (a named service, a task,
how often: roller.yaml `konkret`, or the rule's own `rank_by`), for meeting the condition in
more than one way (several kinds), a little for the kind the condition names first, and it
loses for being a fragment (a one-word list item names, it does not describe).
"""

from __future__ import annotations

from plansjekk.engine.context import DocContext
from plansjekk.engine.matchers import Hit
from plansjekk.engine.schema import Rule

HOME = 4.0
HOME_BY_CONTENT = 2.0  # a role guessed from the content alone is less sure than a heading
LATER_HOME = 1.0  # the rule's first home is where the plan deals with it; a later one (measures for BV103) less so
BACKGROUND = -4.0
SPEAKER = 1.0
CONCRETE = 1.0
CONCRETE_MAX = 2
FIRST_KIND = 1.0
MORE_KINDS = 1.0
FRAGMENT = -1.0
FRAGMENT_WORDS = 3


def score(rule: Rule, ctx: DocContext, hit: Hit, kind_rank: int) -> float:
    sentence = ctx.sentences[hit.sentence]
    roles = ctx.section_roles[sentence.section_index] if ctx.document.sections else frozenset()
    value = max(0.0, FIRST_KIND - 0.5 * kind_rank)
    if roles & set(rule.home_roles):
        value += HOME if ctx.role_from_heading[sentence.section_index] else HOME_BY_CONTENT
        value -= LATER_HOME * min(i for i, role in enumerate(rule.home_roles) if role in roles)
    elif roles & ctx.roles.background:
        value += BACKGROUND
    if ctx.concept_count(ctx.roles.speaker).get(hit.sentence):
        value += SPEAKER
    concepts = ctx.roles.concrete if rule.rank_by is None else tuple(rule.rank_by)
    concrete = ctx.concept_count(concepts).get(hit.sentence, 0)
    if ctx.word_count(hit.sentence) <= FRAGMENT_WORDS:
        value += FRAGMENT
    return value + CONCRETE * min(concrete, CONCRETE_MAX)


def rank(rule: Rule, ctx: DocContext, hits_by_kind: list[tuple[str, list[Hit]]]) -> list[Hit]:
    """Every hit of the witness kinds once (its best-scoring kind), best first, ties in
    document order."""
    best: dict[int, tuple[float, Hit]] = {}
    kinds: dict[int, set[str]] = {}
    for kind_rank, (kind, hits) in enumerate(hits_by_kind):
        for hit in hits:
            if kind in kinds.setdefault(hit.sentence, set()):
                continue  # the same sentence again under the same kind (another service in it)
            kinds[hit.sentence].add(kind)
            value = score(rule, ctx, hit, kind_rank)
            if hit.sentence not in best or value > best[hit.sentence][0]:
                best[hit.sentence] = (value, hit)
    total = {i: value + MORE_KINDS * (len(kinds[i]) - 1) for i, (value, _) in best.items()}
    ordered = sorted(best.items(), key=lambda item: (-total[item[0]], item[0]))
    return [hit for _, (_, hit) in ordered]
