"""RuleTokenizer against spaCy's real "nb" tokenizer, and the rules cache behind it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plansjekk.nlp import tokenizer as tok_mod
from plansjekk.nlp.tokenizer import (
    RuleTokenizer,
    SpacyTokenizer,
    TokenizerExportError,
    build_rules,
    cache_path,
    export_rules,
    load_or_build,
)

REPO = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def spacy_tokenizer():
    from plansjekk.nlp.pipeline import get_nlp

    return get_nlp().tokenizer


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("cache") / "lexicon"  # ordbank.cache_dir() under $PLANSJEKK_CACHE_DIR
    load_or_build(directory)  # builds and writes the cache
    return directory


@pytest.fixture(scope="module")
def rule_tokenizer(rules_dir) -> RuleTokenizer:
    return load_or_build(rules_dir)  # as the product loads it: from the cache


def spacy_tokens(spacy_tokenizer, text: str) -> list[tuple[str, int]]:
    return [(t.text, t.idx) for t in spacy_tokenizer(text)]


def assert_same(rule_tokenizer, spacy_tokenizer, text: str) -> None:
    assert rule_tokenizer(text) == spacy_tokens(spacy_tokenizer, text), repr(text)


def document_texts(paths) -> list[str]:
    from plansjekk.api import extract

    texts = []
    for path in paths:
        for section in extract(path).sections:
            texts.extend([section.heading] if section.heading else [])
            texts.extend(p.text for p in section.paragraphs)
    return texts


def test_same_tokens_as_spacy_on_every_sample_paragraph_and_heading(rule_tokenizer, spacy_tokenizer):
    texts = document_texts(sorted((REPO / "samples" / "planer").iterdir()))
    assert len(texts) > 500
    for text in texts:
        assert_same(rule_tokenizer, spacy_tokenizer, text)


def test_same_tokens_as_spacy_on_the_seeds(rule_tokenizer, spacy_tokenizer):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds finnes ikke (fersk klone)")
    paths = sorted(p for p in SEEDS.iterdir() if p.is_file())
    texts = document_texts(paths) + [p.read_text(encoding="utf-8") for p in paths]  # whole files: newlines, runs
    for text in texts:
        assert_same(rule_tokenizer, spacy_tokenizer, text)


def test_pipeline_tokens_are_what_spacy_tokens_gave(spacy_tokenizer):
    """tokenize() used spaCy's is_space and lower_; str.isspace and str.lower are the same."""
    from plansjekk.nlp.pipeline import tokenize

    texts = document_texts(sorted((REPO / "samples" / "planer").iterdir()))[:400]
    texts += ["ÅRSMELDING  for\tPP-TJENESTEN\u00a0(§ 15-1) – Ǆemal İstanbul ΣΑΣ ß", "\n  \n"]
    expected = []
    for text in texts:
        words = []
        for t in spacy_tokenizer(text):
            assert t.lower_ == t.text.lower() and t.is_space == t.text.isspace()
            if not t.is_space:
                words.append((t.text, unicodedata.normalize("NFC", t.lower_), t.idx, t.idx + len(t.text)))
        expected.append(words)
    got = [[(t.text, t.lower, t.start, t.end) for t in tokens] for tokens in tokenize(texts)]
    assert got == expected


@pytest.mark.parametrize("text", [
    "", " ", "   ", "a", " a", "a ", "a  ", "  a  b   c ", "a\n b", "a \nb", "\ta\t", "a\u00a0b", "a \u00a0 b",
    "f.eks.", "(f.eks.)", "F.eks.", "Jf. § 15-1, jf. bl.a. 2.", "29.05.2024 og 1.1.2022.", "1 000 kr., 2,5 %.",
    "«sitat»", '"sitat",', "(parentes).),", "[klamme]", "barne- og ungdomstjenesten", "2024–2028 — og",
    "og/eller", "https://www.regjeringen.no/no/dokumenter/x?y=1&z=2.", "post@kommune.no.", "Se :) og :-(.",
    "ventet…", "ventet...", "barnas' rett", "Kari's", "°C.", "ca.5", "nr.3", "kl.", "m.m.,", "o.l.)",
])
def test_same_tokens_as_spacy_on_edge_cases(rule_tokenizer, spacy_tokenizer, text):
    assert_same(rule_tokenizer, spacy_tokenizer, text)


def test_whitespace_tokens_are_kept_with_their_offsets(rule_tokenizer):
    assert rule_tokenizer("Kari  bor\nher.") == [("Kari", 0), (" ", 5), ("bor", 6), ("\n", 9), ("her", 10), (".", 13)]


def test_chunk_memo_is_bounded():
    small = RuleTokenizer(export_rules(), memo_size=3)
    words = [f"ord{i}" for i in range(10)]
    assert small(" ".join(words)) == [(w, 5 * i) for i, w in enumerate(words)]
    assert len(small._memo) <= 3


# --- property test: generated plan-like text -----------------------------------------------------

WORDS = ["kommunen", "barnevernstjenesten", "skal", "sikre", "tidlig", "innsats", "for", "barn", "og", "unge",
         "oppvekst", "tiltak", "familie", "foreldre", "særlig", "høyere", "første", "ledd", "PP-tjenesten",
         "NAV", "SLT", "Helsestasjonen", "Bø", "ÆØÅ", "åtferd", "tenestene", "straks", "x", "I", "i", "a"]
ABBREVIATIONS = ["f.eks.", "bl.a.", "jf.", "Jf.", "ca.", "nr.", "kl.", "osv.", "m.m.", "o.l.", "evt.", "kap.",
                 "St.meld.", "pkt.", "mv.", "dvs.", "etc.", "F.eks.", "bl.a", "f.eks"]
PUNCT = [".", ",", ";", ":", "!", "?", "…", "...", ".),", ").", "»,", "”.", "'", "’", "-", "–", "—", "/", "%",
         "§", "&", "+", "=", "*", "#", "°C", "°"]
OPEN = ["", "", "", "(", "«", '"', "“", "[", "'", "‘", "(«", "„"]
CLOSE = ["", "", "", ")", "»", '"', "”", "]", "'", "’", ".", ",", ".),", "…", "!", "?", ":", ";", "’s", "'s", ")."]
SEPARATORS = [" "] * 8 + ["  ", "   ", "\t", "\n", "\n\n", " \n", "\r\n", "\u00a0", " \u00a0", " – ", " — ",
                          "/", "-", "", " - ", "\u2009", "\u3000"]
EMOTICONS = [":)", ":-)", ":(", ";)", ":D", "<3", "^_^", "(:", ":p", "xD", "o_O", ":-/", "=)"]

word = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(str.capitalize),
    st.sampled_from(WORDS).map(str.upper),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøåéüABCÆØÅ", min_size=1, max_size=9),
)
number = st.one_of(
    st.integers(0, 10**6).map(str),
    st.builds("{} {:03d}".format, st.integers(1, 999), st.integers(0, 999)),
    st.builds("{},{} %".format, st.integers(0, 100), st.integers(0, 9)),
    st.builds("{},{}%".format, st.integers(0, 100), st.integers(0, 9)),
    st.builds("kr {},-".format, st.integers(1, 9999)),
)
date = st.builds(lambda d, m, y, pad: f"{d:02d}.{m:02d}.{y}" if pad else f"{d}.{m}.{y}",
                 st.integers(1, 31), st.integers(1, 12), st.integers(1990, 2040), st.booleans())
paragraph = st.builds("§ {}-{}".format, st.integers(1, 20), st.integers(1, 12))
url = st.builds(lambda scheme, host, path: f"{scheme}{host}.no{path}",
                st.sampled_from(["https://", "http://", "www.", "https://www."]),
                st.sampled_from(["lovdata", "kommune", "bufdir", "nav"]),
                st.sampled_from(["", "/", "/lov/2021-06-18-97", "/plan?id=3&s=a", "/a_b/c.pdf"]))
email = st.builds("{}@{}.no".format, st.sampled_from(["post", "kari.nordmann", "slt-koord"]),
                  st.sampled_from(["kommune", "hole.kommune", "nav"]))
atom = st.one_of(word, word, word, st.sampled_from(ABBREVIATIONS), number, date, paragraph, url, email,
                 st.sampled_from(PUNCT), st.sampled_from(EMOTICONS))
wrapped = st.builds(lambda a, b, c: a + b + c, st.sampled_from(OPEN), atom, st.sampled_from(CLOSE))
plan_text = st.builds(
    lambda lead, parts: lead + "".join(w + s for w, s in parts),
    st.sampled_from(["", "", "", " ", "  ", "\n", "• ", "- "]),
    st.lists(st.tuples(wrapped, st.sampled_from(SEPARATORS)), min_size=1, max_size=25),
)


@settings(max_examples=400, deadline=None)
@given(text=plan_text)
def test_same_tokens_as_spacy_on_generated_plan_text(rule_tokenizer, spacy_tokenizer, text):
    assert_same(rule_tokenizer, spacy_tokenizer, text)


# --- the rules cache -------------------------------------------------------------------------------

def test_cache_is_built_on_first_use_with_spacys_rules(tmp_path):
    import spacy

    path = cache_path(tmp_path)
    assert not path.exists()
    load_or_build(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert spacy.__version__ in path.name and data["spacy"] == spacy.__version__
    assert data["rules"]["f.eks."] == ["f.eks."] and data["rules"]["°C."] == ["°", "C", "."]
    assert data["url_match"]["pattern"] and data["token_match"] is None


def test_spacy_version_is_read_without_importing_spacy():
    import spacy

    code = ("import sys; from plansjekk.nlp.tokenizer import spacy_version; "
            "print(spacy_version(), 'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == [spacy.__version__, "False"]


def test_second_load_uses_the_cache_and_never_imports_spacy(rules_dir, spacy_tokenizer):
    text = "Jf. § 15-1 (bl.a. f.eks.) «PP-tjenesten»  29.05.2024 :)"
    path = cache_path(rules_dir)
    before = path.stat().st_mtime_ns
    code = ("import json, sys; from plansjekk.nlp.tokenizer import RuleTokenizer, get_tokenizer; t = get_tokenizer(); "
            f"print(json.dumps([isinstance(t, RuleTokenizer), 'spacy' in sys.modules, t({text!r})]))")
    env = dict(os.environ, PLANSJEKK_CACHE_DIR=str(rules_dir.parent))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    is_rules, imported, tokens = json.loads(out)
    assert is_rules and not imported
    assert [tuple(t) for t in tokens] == spacy_tokens(spacy_tokenizer, text)
    assert path.stat().st_mtime_ns == before  # read, not rewritten


@pytest.mark.parametrize("garbage", [b"{not json", b"", b'{"format": 1, "rules": []}', b"[1, 2]",
                                     b'{"format": 1, "rules": {}, "faster_heuristics": true, "prefix_search": 3}'])
def test_corrupt_cache_file_is_rebuilt(tmp_path, garbage, spacy_tokenizer):
    path = cache_path(tmp_path)
    path.write_bytes(garbage)
    tokenizer = load_or_build(tmp_path)
    assert tokenizer("f.eks. (bl.a.)") == spacy_tokens(spacy_tokenizer, "f.eks. (bl.a.)")
    assert json.loads(path.read_text(encoding="utf-8"))["rules"]["bl.a."] == ["bl.a."]


def test_unwritable_cache_folder_works_from_memory(tmp_path, spacy_tokenizer):
    (tmp_path / "fil").write_text("ikke en mappe")
    directory = tmp_path / "fil" / "cache"  # mkdir and writes fail with a real OSError, even as root
    tokenizer = load_or_build(directory)
    assert isinstance(tokenizer, RuleTokenizer)
    assert tokenizer("ca. 2,5 % (jf. § 15-1).") == spacy_tokens(spacy_tokenizer, "ca. 2,5 % (jf. § 15-1).")
    assert not directory.exists()


def test_stale_cache_files_of_other_spacy_versions_are_removed(tmp_path):
    stale = tmp_path / f"nb-tokenizer-spacy0.0.1-f{tok_mod.FORMAT}.json"
    stale.write_text("{}")
    load_or_build(tmp_path)
    assert not stale.exists() and cache_path(tmp_path).exists()


# --- export checks and the spaCy fallback ------------------------------------------------------------

def test_export_refuses_a_matcher_that_is_not_a_compiled_pattern(spacy_tokenizer):
    original = spacy_tokenizer.token_match
    spacy_tokenizer.token_match = lambda text: None
    try:
        with pytest.raises(TokenizerExportError):
            export_rules()
    finally:
        spacy_tokenizer.token_match = original
    assert export_rules()["token_match"] is None


def test_build_refuses_rules_that_tokenize_differently_from_spacy(monkeypatch):
    data = export_rules()
    del data["rules"]["f.eks."]
    monkeypatch.setattr(tok_mod, "export_rules", lambda: data)
    with pytest.raises(TokenizerExportError):
        build_rules()


def test_get_tokenizer_falls_back_to_spacy_when_export_fails(tmp_path, monkeypatch, spacy_tokenizer):
    def broken() -> dict:
        raise TokenizerExportError("test")

    monkeypatch.setenv("PLANSJEKK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(tok_mod, "export_rules", broken)
    monkeypatch.setattr(tok_mod, "_INSTANCE", None)
    tokenizer = tok_mod.get_tokenizer()
    assert isinstance(tokenizer, SpacyTokenizer) and "test" in tokenizer.reason
    assert tok_mod.get_tokenizer() is tokenizer
    assert tokenizer("Kari  bor her.") == spacy_tokens(spacy_tokenizer, "Kari  bor her.")
    assert not any(tmp_path.rglob("nb-tokenizer-*"))
