"""Which section of one version is which section of the other, matched by heading meaning and
content, so a renamed or moved section is reported as changed rather than removed and added.

Each section gets a profile: its heading without the number, the plan topics the heading names
(concepts of the rule vocabulary: goals, collaboration, a service …) and the words of its text.
Pairs are scored by text similarity, helped by the heading (same title, or the same topics),
and matched greedily from the best pair down. Among matched pairs, a section whose position
among the others changed (outside the longest run kept in order) or whose parent changed has
moved; a different title is a rename; a different text is an edit.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Any, cast

from plansjekk.comparison import SectionChange, SectionDiff
from plansjekk.model import Document

MIN_SCORE = 0.5
NUMBER = re.compile(r"^\s*(kapittel\s+|kap\.\s*)?\d+(\.\d+)*\.?\s*[-–:)]?\s*", re.IGNORECASE)
WORD = re.compile(r"[a-zæøåéü]{3,}")
STOPWORDS = frozenset(
    "og eller som det den der har han hun med for til fra frå av på skal kan vil ikke ikkje ein eit ei en et "
    "seg sin sitt sine dei deg meg oss vår våre vårt som når kva hva korleis hvordan også òg etter mot om".split())
# The plan topics a heading can name; two headings naming the same ones mean the same thing.
TOPICS = ("maal", "organisering", "samarbeid", "ansvarsfordeling", "strategi", "uenighet", "medvirkning",
          "planforankring", "planer_generelt", "data", "tiltak", "innsatsnivaa", "oppfolging", "evaluering", "ressurs",
          "definisjon", "maalgruppe", "pp_formaal", "pp_medvirkning", "pp_alternativ", "pp_utredning")


@dataclass(frozen=True)
class Profile:
    index: int
    heading: str | None
    title: str  # heading without its number, lower case
    level: int
    parent: int | None  # index of the enclosing section
    topics: frozenset[str]
    words: Counter[str]
    text: str

    @property
    def key(self) -> tuple[str, str]:
        return self.title, self.text


def profiles(document: Document, vocabulary: dict[str, tuple[str, ...]],
             services: dict[str, tuple[str, ...]]) -> list[Profile]:
    from plansjekk.engine.terms import compile_concept
    from plansjekk.nlp.pipeline import tokenize

    concepts = [(name, compile_concept(name, vocabulary[name])) for name in TOPICS if name in vocabulary]
    concepts += [(f"tjeneste:{name}", compile_concept(name, terms)) for name, terms in services.items()]
    headings = [s.heading or "" for s in document.sections]
    result: list[Profile] = []
    stack: list[Profile] = []
    for index, (section, tokens) in enumerate(zip(document.sections, tokenize(headings))):
        while stack and stack[-1].level >= section.level:
            stack.pop()
        text = " ".join(" ".join(p.text.split()) for p in section.paragraphs)
        profile = Profile(
            index=index, heading=section.heading, title=NUMBER.sub("", section.heading or "").strip().lower(),
            level=section.level, parent=stack[-1].index if stack else None,
            topics=frozenset(name for name, concept in concepts if concept.matches(cast(Any, tokens))),
            words=Counter(w for w in WORD.findall(text.lower()) if w not in STOPWORDS), text=text)
        result.append(profile)
        stack.append(profile)
    return result


def cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b[word] for word, count in a.items() if word in b)
    return dot / (math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values())))


def heading_similarity(a: Profile, b: Profile) -> float:
    """1 for the same title; else the overlap of the title words or of the topics named."""
    if a.title == b.title:
        return 1.0
    words_a, words_b = set(WORD.findall(a.title)) - STOPWORDS, set(WORD.findall(b.title)) - STOPWORDS
    by_words = len(words_a & words_b) / len(words_a | words_b) if words_a and words_b else 0.0
    by_topic = len(a.topics & b.topics) / len(a.topics | b.topics) if a.topics and b.topics else 0.0
    return max(by_words, by_topic)


def score(a: Profile, b: Profile) -> float:
    heading = heading_similarity(a, b)
    if not a.words and not b.words:  # a chapter heading with only subsections under it
        return heading
    text = cosine(a.words, b.words)
    return max(text, (heading + text) / 2)


def match(before: list[Profile], after: list[Profile]) -> dict[int, int]:
    """Before index -> after index: untouched sections (same title and text) first, in order; then
    the rest by score, best pairs first (ties: the nearer position)."""
    matched: dict[int, int] = {}
    taken: set[int] = set()
    same: dict[tuple[str, str], list[int]] = {}
    for a in after:
        same.setdefault(a.key, []).append(a.index)
    for b in before:
        if same.get(b.key):
            matched[b.index] = same[b.key].pop(0)
            taken.add(matched[b.index])
    pairs = sorted(((score(b, a), -abs(b.index - a.index), b.index, a.index)
                    for b in before if b.index not in matched for a in after if a.index not in taken),
                   reverse=True)
    for value, _, bi, ai in pairs:
        if value < MIN_SCORE:
            break
        if bi not in matched and ai not in taken:
            matched[bi] = ai
            taken.add(ai)
    return matched


def in_order(matched: dict[int, int]) -> set[int]:
    """The before indexes on the longest run whose after positions keep their order
    (longest increasing subsequence, patience sorting)."""
    items = sorted(matched.items())
    tails: list[int] = []  # tails[k]: item index ending the best run of length k + 1
    previous: list[int | None] = []
    for i, (_, ai) in enumerate(items):
        k = bisect_left([items[t][1] for t in tails], ai)
        previous.append(tails[k - 1] if k else None)
        if k == len(tails):
            tails.append(i)
        else:
            tails[k] = i
    kept: set[int] = set()
    at = tails[-1] if tails else None
    while at is not None:
        kept.add(items[at][0])
        at = previous[at]
    return kept


def compare_sections(before: list[Profile], after: list[Profile]) -> SectionDiff:
    matched = match(before, after)
    kept_order = in_order(matched)
    changed = []
    for bi, ai in sorted(matched.items(), key=lambda item: item[1]):
        b, a = before[bi], after[ai]
        how = []
        if b.title != a.title:
            how.append("omdøpt")
        parent_moved = (matched.get(b.parent) if b.parent is not None else None) != a.parent
        if bi not in kept_order or parent_moved or b.level != a.level:
            how.append("flyttet")
        if b.text != a.text:
            how.append("tekst")
        if how:
            changed.append(SectionChange(before=b.heading, after=a.heading, changes=tuple(how),
                                         similarity=round(cosine(b.words, a.words), 2)))
    taken = set(matched.values())
    return SectionDiff(
        added=tuple(a.heading for a in after if a.index not in taken and (a.heading or a.text)),
        removed=tuple(b.heading for b in before if b.index not in matched and (b.heading or b.text)),
        changed=tuple(changed))
