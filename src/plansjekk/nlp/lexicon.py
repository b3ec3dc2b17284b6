"""Bokmål lemma lookup and compound heads over the compiled Norsk Ordbank table.

Matching works on "keys": the word itself, its whole lemmas, and the lemmas of its
compound heads, so a rule asking for `tjeneste` finds "barnevernstjenesten". Nynorsk
is not in Ordbank; nynorsk words pass through as themselves (rule vocabularies list
their forms) and still get a head where their last part is a bokmål noun.

Word-list data: Norsk Ordbank bokmål 2005 (Språkbanken, Nasjonalbiblioteket), CC-BY 4.0,
via spacy-lookups-data.
"""

from __future__ import annotations

import threading
import unicodedata
import zlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from plansjekk.nlp import ordbank

MIN_HEAD = 4  # shortest compound head, in characters
MIN_PREFIX = 3  # shortest part in front of the head
MAX_WORD = 64  # longer "words" (URLs, garbage) are not analysed
MAX_DEPTH = 3
LOOSE_PREFIX = 4  # for words Ordbank does not know: any prefix of this length ...
LOOSE_HEAD = 6  # ... in front of a longer bokmål noun
PREFIX_POS = ordbank.POS_BITS["noun"] | ordbank.POS_BITS["adj"]
_BLOOM_AT = ordbank.HEADER.size
BOUND_PREFIXES = frozenset({"hoved"})  # bound first parts Ordbank has no entry for


class Lexicon:
    """Read-only view of the compiled table: a Bloom filter check, then a binary search, memoised."""

    def __init__(self, compiled: ordbank.Compiled) -> None:
        self._data = compiled.data
        self._count = compiled.size
        self._buckets = compiled.buckets
        self._offsets = compiled.offsets
        self._entry = lru_cache(maxsize=65536)(self._lookup)
        self._analyse = lru_cache(maxsize=131072)(self._analyse_uncached)

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> Lexicon:
        """Load from the cache (building it first if needed); cache_dir overrides the default."""
        return cls(ordbank.load_or_build(cache_dir))

    def __len__(self) -> int:
        return self._count

    def _lookup(self, word: str) -> tuple[int, tuple[tuple[str, int], ...]] | None:
        """(POS mask, ((lemma, POS mask), ...)) for an exact lowercase form, or None."""
        key = word.encode("utf-8", "surrogatepass")
        data, offsets = self._data, self._offsets
        # Bloom filter first (inlined ordbank.bloom_positions): most misses end here
        h1, h2 = zlib.crc32(key), zlib.adler32(key) | 1
        for i in range(ordbank.BLOOM_HASHES):
            pos = (h1 + i * h2) & ordbank.BLOOM_MASK
            if not data[_BLOOM_AT + (pos >> 3)] >> (pos & 7) & 1:
                return None
        bucket = ordbank.bucket_of(key)
        lo, hi = self._buckets[bucket], self._buckets[bucket + 1]
        while lo < hi:
            mid = (lo + hi) >> 1
            start = offsets[mid]
            if data[start:data.index(b"\t", start)] < key:
                lo = mid + 1
            else:
                hi = mid
        if lo >= self._count:
            return None
        start = offsets[lo]
        line = data[start:offsets[lo + 1] - 1].decode("utf-8")
        form, _, rest = line.partition("\t")
        if form != word:
            return None
        fields = rest.split("\t")
        mask = ord(fields[0]) - 64
        if len(fields) == 1:
            return mask, ((form, mask),)
        lemmas = []
        for item in fields[1:]:
            cut, _, suffix = item[1:].partition(":")
            stem = form[: len(form) - int(cut)] if int(cut) else form
            lemmas.append((stem + suffix, ord(item[0]) - 64))
        return mask, tuple(lemmas)

    def lemmas(self, word: str) -> tuple[str, ...]:
        """All Ordbank lemmas of a full form (nouns first); () if the form is unknown."""
        entry = self._entry(_norm(word))
        return tuple(lemma for lemma, _ in entry[1]) if entry else ()

    def noun_lemmas(self, word: str) -> tuple[str, ...]:
        """Lemmas of the word read as a noun; () if it is not a known noun form."""
        return self._nouns(_norm(word))

    def _nouns(self, lower: str) -> tuple[str, ...]:
        entry = self._entry(lower)
        if not entry or not entry[0] & ordbank.NOUN:
            return ()
        return tuple(lemma for lemma, bits in entry[1] if bits & ordbank.NOUN)

    def is_known(self, word: str) -> bool:
        return self._entry(_norm(word)) is not None

    def pos_mask(self, word: str) -> int:
        """Bitmask of ordbank.POS_BITS the form belongs to; 0 if unknown."""
        return self._mask(_norm(word))

    def _mask(self, lower: str) -> int:
        entry = self._entry(lower)
        return entry[0] if entry else 0

    def heads(self, word: str) -> tuple[str, ...]:
        """Lemmas of the compound head(s), outermost first: skolehelsetjenesten -> helsetjeneste, tjeneste."""
        return _heads(self, _norm(word), 0)

    def analyse(self, word: str) -> frozenset[str]:
        """Matching keys: the lowercased word, its lemmas and its compound-head lemmas."""
        return self._analyse(word)

    def _analyse_uncached(self, word: str) -> frozenset[str]:
        lower = _norm(word)
        keys = {lower}
        if not lower or len(lower) > MAX_WORD or not any(c.isalpha() for c in lower):
            return frozenset(keys)
        if "-" in lower.strip("-"):
            # "pp-tjenesten", "nav-kontoret": whole-form lemmas, then the last part as head
            keys.update(self.lemmas(lower))
            last = lower.rstrip("-").rsplit("-", 1)[1]
            if len(last) >= 2:
                keys.update(self._word_keys(last))
        else:
            keys.update(self._word_keys(lower))
        return frozenset(keys)

    def _word_keys(self, word: str) -> tuple[str, ...]:
        """Lemmas and head lemmas of one hyphen-free word; an unknown genitive ("kommunens") uses its stem."""
        entry = self._entry(word)
        lemmas = tuple(lemma for lemma, _ in entry[1]) if entry else ()
        mask = entry[0] if entry else 0
        # only nouns (and unknown words) are split: "beskrive" is not "besk" + "rive"
        heads = _heads(self, word, 0) if not mask or mask & ordbank.NOUN else ()
        if not lemmas and word.endswith("s") and len(word) > MIN_HEAD:
            stem = word[:-1]
            stem_lemmas = self._nouns(stem)
            if stem_lemmas or not heads:
                return stem_lemmas + _heads(self, stem, 0)
        return lemmas + heads


def _norm(word: str) -> str:
    lower = word.lower()
    if not lower.isascii():
        lower = unicodedata.normalize("NFC", lower)
    return lower


def _heads(lex: Lexicon, word: str, depth: int) -> tuple[str, ...]:
    """Compound head lemmas, outermost first, each head split again
    (skolehelsetjenesten -> helsetjeneste, tjeneste).

    The head is the longest noun suffix (>= 4 chars; 5 inside a head) whose prefix
    (>= 3 chars, an optional linking -s-/-e- removed) is a known noun or adjective. This
    keeps "tiltak" -> "tak", "spørsmål" -> "mål" and "tjeneste" -> "neste" out. Words
    Ordbank does not know (nynorsk, new coinages) may instead split anywhere in front of
    a longer (>= 6 chars) head.
    """
    n = len(word)
    if depth >= MAX_DEPTH or n < MIN_PREFIX + MIN_HEAD or n > MAX_WORD:
        return ()
    found = _split(lex, word, MIN_PREFIX, MIN_HEAD + min(depth, 1), _known_prefix)
    if not found and depth == 0 and lex._entry(word) is None:
        found = _split(lex, word, LOOSE_PREFIX, LOOSE_HEAD, None)
    if not found:
        return ()
    suffix, lemmas = found
    return lemmas + tuple(h for h in _heads(lex, suffix, depth + 1) if h not in lemmas)


def _split(lex: Lexicon, word: str, min_prefix: int, min_head: int,
           prefix_ok: Callable[[Lexicon, str], bool] | None) -> tuple[str, tuple[str, ...]] | None:
    for i in range(min_prefix, len(word) - min_head + 1):
        suffix = word[i:]
        if not suffix[0].isalpha():
            continue
        lemmas = lex._nouns(suffix)
        if lemmas and (prefix_ok is None or prefix_ok(lex, word[:i])):
            return suffix, lemmas
    return None


def _known_prefix(lex: Lexicon, prefix: str) -> bool:
    """A noun or adjective form, maybe followed by a linking -s- or -e-, or a bound first part."""
    if prefix in BOUND_PREFIXES or lex._mask(prefix) & PREFIX_POS:
        return True
    stem = prefix[:-1]
    return prefix[-1] in "se" and len(stem) >= MIN_PREFIX and bool(lex._mask(stem) & PREFIX_POS)


_LOCK = threading.Lock()
_INSTANCE: Lexicon | None = None


def lexicon_is_cached() -> bool:
    """False before the first run: the CLI may then say that a one-time build (~5 s) is under way."""
    return _INSTANCE is not None or ordbank.is_cached()


def get_lexicon() -> Lexicon:
    """The process-wide lexicon, loaded (or compiled and cached) on first use."""
    global _INSTANCE
    if _INSTANCE is None:
        with _LOCK:
            if _INSTANCE is None:
                _INSTANCE = Lexicon.load()
    return _INSTANCE
