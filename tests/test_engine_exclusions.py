"""The exclusion patterns' lookaheads (exclusions._starting_with) must never hide a match.

Each fast pattern is `(?=[first])(?:pattern)`. Here the pattern is parsed with the standard
library's regex parser and every character that can begin a match is collected; `first`
must contain them all, so the lookahead only skips positions where no match can start.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plansjekk.engine import exclusions

try:  # the regex parser moved in Python 3.11
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

FAST = re.compile(r"^\(\?=\[(?P<first>[^\]]+)\]\)\(\?:(?P<inner>.*)\)$", re.DOTALL)
PATTERNS = {name: value for name, value in vars(exclusions).items()
            if isinstance(value, re.Pattern) and FAST.match(value.pattern)}


class Unbounded(Exception):
    """A match could start with (almost) any character: no lookahead is possible."""


def first_chars(items: list) -> tuple[set[str], bool]:
    """(characters a match of this sequence can start with, can it match empty?)."""
    found: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _item(op, av) -> tuple[set[str], bool]:
    c = sre_constants
    if op is c.LITERAL:
        return {chr(av)}, False
    if op is c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is c.LITERAL:
                chars.add(chr(value))
            elif kind is c.RANGE:
                chars |= {chr(x) for x in range(value[0], value[1] + 1)}
            else:
                raise Unbounded(kind)
        return chars, False
    if op is c.BRANCH:
        results = [first_chars(list(branch)) for branch in av[1]]
        return set().union(*(r[0] for r in results)), any(r[1] for r in results)
    if op is c.SUBPATTERN:
        return first_chars(list(av[-1]))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        chars, nullable = first_chars(list(av[2]))
        return chars, nullable or av[0] == 0
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True  # zero-width: the next item decides
    raise Unbounded(op)


def test_the_checks_use_fast_patterns():
    assert {"LAW_REF", "LAW_WORDING", "LAW_SAYS", "GUIDANCE", "HEARING"} <= set(PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_lookahead_holds_every_character_a_match_can_start_with(name):
    m = FAST.match(PATTERNS[name].pattern)
    assert m
    chars, nullable = first_chars(list(sre_parse.parse(m["inner"], re.IGNORECASE)))
    assert not nullable
    missing = {ch for ch in chars if ch.lower() not in m["first"].lower()}
    assert not missing, f"{name}: add {''.join(sorted(missing))!r} to its first characters"


def test_analysis_finds_a_missing_first_character():
    """The check above can fail: a lookahead without 'k' hides 'kommunen'."""
    chars, _ = first_chars(list(sre_parse.parse(r"\b(kommunen|plan\w*)\b", re.IGNORECASE)))
    assert chars == {"k", "p"}


@pytest.mark.parametrize("sample", sorted((Path(__file__).resolve().parents[1] / "samples" / "planer").iterdir()),
                         ids=lambda p: p.name)
def test_fast_patterns_agree_with_plain_ones_on_the_samples(sample):
    from plansjekk.api import extract
    from plansjekk.nlp.sentences import split_sentences

    sentences = [s for section in extract(sample).sections for p in section.paragraphs
                 for s in split_sentences(p.text)]
    assert sentences
    for name, fast in PATTERNS.items():
        plain = re.compile(FAST.match(fast.pattern)["inner"], re.IGNORECASE)
        for text in sentences:
            assert bool(fast.search(text)) == bool(plain.search(text)), (name, text)
