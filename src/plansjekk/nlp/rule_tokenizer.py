"""spaCy's tokenizer algorithm in pure Python, over rules exported from spaCy (tokenizer.py).

1. split on whitespace; one " " after a word is that word's trailing space, any other
   whitespace becomes tokens of its own;
2. each chunk: a special case as a whole, else strip prefixes and suffixes in turn (stopping
   at a special case or token_match), then the core is a special case, a url/token match,
   or is split at infixes;
3. over the whole text, special cases that contain affixes are matched again on the token
   sequence (longest, then leftmost wins) and replace the tokens when the text agrees.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from plansjekk import regexcache
from plansjekk.nlp.triggers import trigger_class

Tokens = list[tuple[str, int]]
METHODS = {"prefix_search": "search", "suffix_search": "search", "infix_finditer": "finditer",
           "token_match": "match", "url_match": "match"}
DERIVED_FORMAT = 1  # of `derived()`: what the constructor works out from the rules, kept in the cache
_WS = re.compile(r"\s+")  # sre's \s is Py_UNICODE_ISSPACE, the test spaCy applies per char
_UNUSUAL_SPACE = re.compile(r"[^\S ]|^ |  ")  # anything but single spaces after words


class RuleTokenizer:
    """spaCy's tokenizer algorithm over exported rules; returns (text, offset) for every token,
    whitespace tokens included, exactly as `[(t.text, t.idx) for t in nlp.tokenizer(text)]`."""

    def __init__(self, data: dict[str, Any], memo_size: int = 200_000) -> None:
        self.spacy_version = str(data.get("spacy", ""))
        self._rules: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in data["rules"].items()}
        derived = data.get("derived")
        if not isinstance(derived, dict) or derived.get("format") != DERIVED_FORMAT:
            derived = None
        self._triggers: dict[str, str | None] = dict(derived["triggers"]) if derived else {
            name: trigger_class(spec["pattern"], spec["flags"]) if spec else None
            for name, spec in ((n, data.get(n)) for n in METHODS)}
        self._prefix = _method(data, "prefix_search", self._triggers)
        self._suffix = _method(data, "suffix_search", self._triggers)
        self._infix = _method(data, "infix_finditer", self._triggers)
        self._token_match = _method(data, "token_match", self._triggers)
        self._url_match = _method(data, "url_match", self._triggers)
        self._memo: dict[str, tuple[tuple[tuple[str, int], ...], tuple[int, ...]]] = {}
        self._memo_size = memo_size
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        patterns = [tuple(p) for p in derived["specials"]] if derived else [
            tuple(t for t, _ in self._split_text(key, specials=False)) for key in sorted(self._rules)
            if not data["faster_heuristics"] or self._has_affix(key) or " " in key]
        for pattern in patterns:
            self._by_first.setdefault(pattern[0], []).append(pattern)

    def derived(self) -> dict[str, Any]:
        """What the constructor works out from the rules (each pattern's trigger characters, the
        special cases to match again on the token sequence), for the cache: with it, building
        the tokenizer compiles none of spaCy's patterns, and a text that needs none never does."""
        return {"format": DERIVED_FORMAT, "triggers": self._triggers,
                "specials": [list(p) for patterns in self._by_first.values() for p in patterns]}

    def __call__(self, text: str) -> Tokens:
        out: Tokens = []
        starts: list[int] = []  # indices of tokens that begin some special-case pattern
        memo = self._memo
        for start, chunk in (_chunks(text) if _UNUSUAL_SPACE.search(text) else _split_spaces(text)):
            entry = memo.get(chunk) or self._chunk_entry(chunk)
            pieces, firsts = entry
            if firsts:
                starts.extend([len(out) + i for i in firsts])
            if len(pieces) == 1:
                out.append((chunk, start))
            else:
                out.extend([(piece, start + rel) for piece, rel in pieces])
        return self._match_specials(text, out, starts) if starts else out

    def _chunk_entry(self, chunk: str) -> tuple[tuple[tuple[str, int], ...], tuple[int, ...]]:
        pieces = self._tokenize_chunk(chunk, specials=True)
        rel, located = 0, []
        for piece in pieces:
            located.append((piece, rel))
            rel += len(piece)
        entry = (tuple(located), tuple(i for i, p in enumerate(pieces) if p in self._by_first))
        if len(self._memo) >= self._memo_size:
            self._memo.clear()
        self._memo[chunk] = entry
        return entry

    def _split_text(self, text: str, specials: bool) -> Tokens:
        """Steps 1-2 without memo (spaCy builds its special-case patterns this way)."""
        out: Tokens = []
        for start, chunk in _chunks(text):
            rel = start
            for piece in self._tokenize_chunk(chunk, specials):
                out.append((piece, rel))
                rel += len(piece)
        return out

    def _has_affix(self, text: str) -> bool:
        return bool(_span(self._prefix, text) or _span(self._suffix, text)
                    or (self._infix is not None and next(self._infix(text), None) is not None))

    def _tokenize_chunk(self, chunk: str, specials: bool) -> list[str]:
        """One whitespace-delimited chunk: special case, else affixes around a core."""
        rules = self._rules if specials else {}
        if chunk in rules:
            return list(rules[chunk])
        prefixes: list[str] = []
        suffixes: list[str] = []
        core, last = chunk, 0
        while core and len(core) != last:
            if (self._token_match is not None and self._token_match(core)) or core in rules:
                break
            last = len(core)
            pre = _span(self._prefix, core)
            if pre and core[pre:] in rules:
                prefixes.append(core[:pre])
                core = core[pre:]
                break
            suf = _span(self._suffix, core[pre:])
            if suf and core[:-suf] in rules:
                suffixes.append(core[-suf:])
                core = core[:-suf]
                break
            if pre and suf and pre + suf <= len(core):
                prefixes.append(core[:pre])
                suffixes.append(core[-suf:])
                core = core[pre:-suf]
            elif pre:
                prefixes.append(core[:pre])
                core = core[pre:]
            elif suf:
                suffixes.append(core[-suf:])
                core = core[:-suf]
        if core:
            prefixes.extend(rules[core] if core in rules else self._split_infixes(core))
        prefixes.extend(reversed(suffixes))
        return prefixes

    def _split_infixes(self, core: str) -> list[str]:
        """Cut the core at infix matches; a url/token match keeps it whole. Infixes are looked
        for first: without any the result is the same single token either way."""
        matches = [m.span() for m in self._infix(core)] if self._infix is not None else []
        if not matches or (self._token_match is not None and self._token_match(core)) \
                or (self._url_match is not None and self._url_match(core)):
            return [core]
        out, pos = [], 0
        for start, end in matches:
            if start == 0:  # spaCy ignores an infix at the very start
                continue
            if start != pos:
                out.append(core[pos:start])
            if start != end:
                out.append(core[start:end])
            pos = end
        if pos < len(core):
            out.append(core[pos:])
        return out

    def _match_specials(self, text: str, tokens: Tokens, starts: list[int]) -> Tokens:
        """Step 3: special cases found on the token sequence; the longest, then leftmost, wins,
        and every span considered (kept or not) blocks later spans that start or end inside it."""
        found = []
        for i in starts:
            for pattern in self._by_first[tokens[i][0]]:
                end = i + len(pattern)
                if end <= len(tokens) and all(tokens[i + j][0] == p for j, p in enumerate(pattern)):
                    found.append((i, end))
        if not found:
            return tokens
        found.sort(key=lambda span: (span[0] - span[1], span[0]))
        seen: set[int] = set()
        kept = []
        for start, end in found:
            if start not in seen and end - 1 not in seen:
                kept.append((start, end))
            seen.update(range(start, end))
        out: Tokens = []
        pos = 0
        for start, end in sorted(kept):
            out.extend(tokens[pos:start])
            begin = tokens[start][1]
            pieces = self._rules.get(text[begin:tokens[end - 1][1] + len(tokens[end - 1][0])])
            if pieces is None:  # matched across a space that the rule does not have
                out.extend(tokens[start:end])
            else:
                for piece in pieces:
                    out.append((piece, begin))
                    begin += len(piece)
            pos = end
        out.extend(tokens[pos:])
        return out


def _split_spaces(text: str) -> Iterator[tuple[int, str]]:
    """_chunks for the common text whose only whitespace is single spaces after words."""
    pos = 0
    for part in text.split(" "):
        if part:
            yield pos, part
        pos += len(part) + 1


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """spaCy's whitespace pass: runs of non-space and of space; a run of whitespace that follows
    a word loses its first character when that is " " (it becomes the word's trailing space)."""
    pos = 0
    for m in _WS.finditer(text):
        start, end = m.span()
        if start > pos:
            yield pos, text[pos:start]
        if start and text[start] == " ":
            start += 1
        if end > start:
            yield start, text[start:end]
        pos = end
    if pos < len(text):
        yield pos, text[pos:]


def _span(search: Callable[[str], Any] | None, text: str) -> int:
    if search is None:
        return 0
    m = search(text)
    return m.end() - m.start() if m is not None else 0


def _method(data: dict[str, Any], name: str, triggers: dict[str, str | None]) -> _Pattern | None:
    spec = data.get(name)
    return None if spec is None else _Pattern(spec["pattern"], spec["flags"], METHODS[name], triggers.get(name))


class _Pattern:
    """One of spaCy's patterns as a bound method (search, match or finditer), compiled on first
    use; a text without any of its trigger characters (triggers.py) cannot match and is
    answered without it."""

    def __init__(self, pattern: str, flags: int, method: str, trigger: str | None) -> None:
        self._pattern, self._flags, self._name = pattern, flags, method
        self._trigger = re.compile(trigger, flags).search if trigger else None
        self._method: Callable[[str], Any] | None = None

    def __call__(self, text: str) -> Any:
        if self._trigger is not None and self._trigger(text) is None:
            return iter(()) if self._name == "finditer" else None
        method = self._method
        if method is None:
            method = self._method = getattr(regexcache.compile(self._pattern, self._flags), self._name)
        return method(text)
