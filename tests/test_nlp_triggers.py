"""Trigger characters (nlp/triggers.py): a text without any of them cannot match the pattern,
so the tokenizer neither compiles nor runs spaCy's long affix patterns for it."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plansjekk.nlp.rule_tokenizer import METHODS, RuleTokenizer
from plansjekk.nlp.tokenizer import load_or_build
from plansjekk.nlp.triggers import trigger_class


def test_an_element_without_letters_is_preferred():
    assert trigger_class(r"(?<=[0-9])(?:km|m|kg)$", re.UNICODE) == "[0-9]"
    assert trigger_class(r"^US\$|^€", re.UNICODE) == r"[\$€]"


def test_every_branch_must_give_an_element():
    assert trigger_class(r"a\.|b,", 0) == r"[\.,]"
    assert trigger_class(r"a\.|[^x]", 0) is None  # a negated class proves nothing
    assert trigger_class(r"x?", 0) is None  # may match the empty string


def test_case_insensitive_patterns_get_no_trigger():
    assert trigger_class("abc", re.IGNORECASE) is None
    assert trigger_class("(?i)abc", 0) is None
    assert trigger_class("(?i:a)b", 0) == "[b]"


@pytest.fixture(scope="module")
def spacy_patterns(tmp_path_factory) -> dict[str, re.Pattern[str]]:
    folder = tmp_path_factory.mktemp("tok")
    load_or_build(folder)
    data = json.loads(next(folder.glob("nb-tokenizer-*.json")).read_text(encoding="utf-8"))
    return {name: (re.compile(data[name]["pattern"], data[name]["flags"]),
                   trigger_class(data[name]["pattern"], data[name]["flags"]))
            for name in METHODS if data.get(name)}


CHUNKS = st.text(alphabet=st.sampled_from(list("abcæøåABCØkmg019.,-/:;!?()«»\"'’§%$€°…–—#*&_")), max_size=12)


@settings(max_examples=1500, deadline=None)
@given(text=CHUNKS)
def test_spacys_patterns_never_match_a_text_without_their_trigger(spacy_patterns, text):
    for pattern, trigger in spacy_patterns.values():
        if trigger is not None and not re.search(trigger, text, pattern.flags):
            assert pattern.search(text) is None


def test_a_cached_tokenizer_compiles_no_pattern_for_plain_words(tmp_path):
    load_or_build(tmp_path)
    data = json.loads(next(tmp_path.glob("nb-tokenizer-*.json")).read_text(encoding="utf-8"))
    assert data["derived"]["triggers"]["infix_finditer"]
    tokenizer = RuleTokenizer(data)
    assert [t for t, _ in tokenizer("Kommunen har en plan for barn og unge")] == \
        ["Kommunen", "har", "en", "plan", "for", "barn", "og", "unge"]
    assert all(getattr(tokenizer, f"_{n}")._method is None for n in ("prefix", "suffix", "infix", "url_match"))
    assert [t for t, _ in tokenizer("(f.eks. i 2024).")] == ["(", "f.eks.", "i", "2024", ")", "."]
