"""Phrase lists kept as data (YAML in the rule pack) and compiled into fast regular expressions.

A rule pack keeps what decides a verdict as data; Python keeps only the mechanisms. A phrase
list is a named YAML list of phrases. Phrase syntax (case-insensitive, whole words):

  planen skal          words, any whitespace between them
  lov*  *reform  *tenest*   a word that starts with / ends with / contains ('*' alone: any one word)
  {modal}  {modal?}    one phrase of another list of the pack (with '?': optional)
  ut?                  an optional word
  {begrep:maal}        one word form of a concept in begreper.yaml (its plain and wildcard terms)
  ~40                  any text of at most 40 characters between the words on either side
  #                    a number
  re:§\\s*15           a raw regular expression; {list} references still expand in it

Lists may refer to lists; a cycle, an unknown list and a phrase listed twice in one list (also
through a reference) are errors naming file and line. Compiled patterns get a first-character
lookahead when the pattern's possible first characters can be proven (see `first_chars`):
sre then tests one character class per position instead of every alternative.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plansjekk import regexcache
from plansjekk.engine.yamldata import line_at
from plansjekk.errors import RuleFileError

try:  # the regex parser moved in Python 3.11
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

FLAGS = re.IGNORECASE
_REFERENCE = re.compile(r"\{([a-zæøå_][\wæøå]*(?::[\wæøå]+)?)(\?)?\}", re.IGNORECASE)
_GAP = re.compile(r"~(\d+)$")


@dataclass(frozen=True)
class Source:
    """Where a phrase or list stands, for error messages."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class PhraseList:
    """A named list of phrases as written in its file, with the line of each phrase."""

    name: str
    phrases: tuple[str, ...]
    lines: tuple[int, ...]
    source: Source


class PhraseBook:
    """The phrase lists of a pack, and the concepts they may refer to, compiled on demand."""

    def __init__(self, lists: Mapping[str, PhraseList], vocabulary: Mapping[str, Sequence[str]]) -> None:
        self.lists = dict(lists)
        self.vocabulary = vocabulary
        self._expanded: dict[str, str] = {}
        self._patterns: dict[tuple[str, ...], re.Pattern[str]] = {}

    def regex(self, name: str, _stack: tuple[str, ...] = ()) -> str:
        """The list as one regex alternation (without lookahead), every phrase expanded."""
        if name in self._expanded:
            return self._expanded[name]
        phrase_list = self.lists[name]
        if name in _stack:
            chain = " -> ".join((*_stack, name))
            raise RuleFileError(f"{phrase_list.source}: {name}: listene refererer til hverandre i ring ({chain})")
        seen: dict[str, int] = {}
        parts = []
        for phrase, line in zip(phrase_list.phrases, phrase_list.lines):
            where = Source(phrase_list.source.file, line)
            for alternative in self._alternatives(phrase, where, (*_stack, name)):
                if alternative in seen:
                    raise RuleFileError(f"{where}: {name}: «{phrase}» står to ganger i listen "
                                        f"(først på linje {seen[alternative]})")
                seen[alternative] = line
            parts.append(self._compile_phrase(phrase, where, (*_stack, name)))
        expanded = _alternation(parts)
        self._expanded[name] = expanded
        return expanded

    def _alternatives(self, phrase: str, where: Source, stack: tuple[str, ...]) -> list[str]:
        """The plain phrases a phrase stands for when it is only a list reference (duplicate check)."""
        m = _REFERENCE.fullmatch(phrase.strip())
        if m and not m.group(2) and ":" not in m.group(1):
            self._require(m.group(1), where)
            listed = self.lists[m.group(1)]
            return [a for p in listed.phrases for a in self._alternatives(p, where, stack)]
        return [" ".join(phrase.lower().split())]

    def _require(self, name: str, where: Source) -> None:
        if name not in self.lists:
            raise RuleFileError(f"{where}: ukjent liste «{{{name}}}»")

    def _reference(self, name: str, where: Source, stack: tuple[str, ...]) -> str:
        if name.startswith("begrep:"):
            concept = name.split(":", 1)[1]
            if concept not in self.vocabulary:
                raise RuleFileError(f"{where}: ukjent begrep «{concept}» (ikke definert i begreper.yaml)")
            return concept_regex(self.vocabulary[concept])
        self._require(name, where)
        return self.regex(name, stack)

    def _compile_phrase(self, phrase: str, where: Source, stack: tuple[str, ...]) -> str:
        phrase = phrase.strip()
        if not phrase:
            raise RuleFileError(f"{where}: tom frase")
        if phrase.startswith("re:"):
            raw = _REFERENCE.sub(lambda m: self._reference(m.group(1), where, stack)
                                 + ("?" if m.group(2) else ""), phrase[3:])
            try:
                re.compile(raw, FLAGS)
            except re.error as error:
                raise RuleFileError(f"{where}: ugyldig regulært uttrykk: {error}") from None
            return raw
        items: list[tuple[str, str]] = []  # (kind, regex): "word", "opt" or "gap"
        for word in phrase.split():
            gap = _GAP.match(word)
            ref = _REFERENCE.fullmatch(word)
            if gap:
                items.append(("gap", f".{{0,{gap.group(1)}}}?"))
            elif ref:
                items.append(("opt" if ref.group(2) else "word", self._reference(ref.group(1), where, stack)))
            elif word.endswith("?") and len(word) > 1:
                items.append(("opt", _word(word[:-1])))
            else:
                items.append(("word", _word(word)))
        return _join(items)

    def pattern(self, *names: str) -> re.Pattern[str]:
        """One compiled pattern for the union of lists, with a proven first-character lookahead."""
        key = tuple(names)
        if key not in self._patterns:
            self._patterns[key] = fast_pattern("|".join(self.regex(n) for n in names))
        return self._patterns[key]


_BOUNDED_WORD = re.compile(r"\\b((?:[^\\\s()|?*+\[\]{}.^$]|\\[^\w])+?)\\b")  # one escaped word


def _alternation(parts: list[str]) -> str:
    """Alternatives as one group; whole words share one pair of word boundaries
    (`\\b(?:plan|planen)\\b`), which keeps the compiled pattern small and quick to build."""
    if not parts:
        return "(?!)"
    words = [m.group(1) for p in parts if (m := _BOUNDED_WORD.fullmatch(p))]
    others = [p for p in parts if not _BOUNDED_WORD.fullmatch(p)]
    grouped = [r"\b(?:" + "|".join(words) + r")\b"] if len(words) > 1 else [f"\\b{w}\\b" for w in words]
    alternatives = grouped + others
    return alternatives[0] if len(alternatives) == 1 and alternatives[0].startswith(r"\b(?:") \
        else "(?:" + "|".join(alternatives) + ")"


def _join(items: list[tuple[str, str]]) -> str:
    """Words joined by whitespace; a gap brings its own; an optional word takes its space along."""
    out, previous = "", ""
    for i, (kind, rx) in enumerate(items):
        separator = r"\s+" if previous == "word" else ""
        if kind == "gap":
            out += rx
        elif kind == "opt" and i == len(items) - 1:
            out += f"(?:{separator}{rx})?"
        elif kind == "opt":
            out += separator + f"(?:{rx}\\s+)?"
        else:
            out += separator + rx
        previous = kind
    return out


def _word(word: str) -> str:
    """One phrase word as regex: '*' wildcards, '#' a number, word boundaries at word edges."""
    if word == "*":
        return r"\b\w+\b"
    if word == "#":
        return r"\d+"
    prefix = word.startswith("*") and len(word) > 1
    suffix = word.endswith("*") and len(word) > 1
    core = word[int(prefix): len(word) - int(suffix)]
    left = r"\b\w*" if prefix else (r"\b" if _is_word_char(core[0]) else "")
    right = r"\w*" if suffix else (r"\b" if _is_word_char(core[-1]) else "")
    return left + re.escape(core) + right


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def concept_regex(terms: Sequence[str]) -> str:
    """A concept's single-word terms as a regex alternation (blocked terms and phrases left out:
    a phrase list names word forms; lemmas beyond the listed forms are the tokenizer's job)."""
    words = [t.strip().lower() for t in terms if t.strip() and not t.startswith("-")]
    parts = []
    for term in words:
        if term.startswith("="):
            term = term[1:]
        parts.append(r"\s+".join(_word(w) for w in term.split()))
    return "(?:" + "|".join(sorted(set(parts), key=lambda p: (-len(p), p))) + ")" if parts else "(?!)"


# --- the first-character lookahead --------------------------------------------------------------

class _Unbounded(Exception):
    """A match could start with (almost) any character: no lookahead is possible."""


def first_chars(pattern: str) -> set[str] | None:
    """Every character a match of `pattern` can begin with (lower-cased), or None when that
    cannot be proven (a class like \\w, a pattern that can match the empty string)."""
    try:
        chars, nullable = _sequence(list(_sre_parse.parse(pattern, FLAGS)))
    except (_Unbounded, re.error, TypeError, ValueError):
        return None
    return None if nullable or not chars else {c.lower() for c in chars}


def _sequence(items: list) -> tuple[set[str], bool]:
    found: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _item(op, av) -> tuple[set[str], bool]:  # noqa: ANN001 - sre's internal tuples
    c = _sre_constants
    if op is c.LITERAL:
        return {chr(av)}, False
    if op is c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is c.LITERAL:
                chars.add(chr(value))
            elif kind is c.RANGE:
                if value[1] - value[0] > 64:
                    raise _Unbounded(kind)
                chars |= {chr(x) for x in range(value[0], value[1] + 1)}
            else:
                raise _Unbounded(kind)
        return chars, False
    if op is c.BRANCH:
        results = [_sequence(list(branch)) for branch in av[1]]
        return set().union(*(r[0] for r in results)), any(r[1] for r in results)
    if op is c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        chars, nullable = _sequence(list(av[2]))
        return chars, nullable or av[0] == 0
    if op is c.AT:
        return set(), True  # zero-width: the next item decides
    raise _Unbounded(op)


# The regex cache stores the rewritten pattern under the pattern it was made from: a change to
# how _with_lookahead rewrites needs a new name here, or stored rewritings would be reused.
LOOKAHEAD_KIND = "lookahead-1"


def fast_pattern(pattern: str, flags: int = FLAGS) -> re.Pattern[str]:
    """`pattern` compiled behind a lookahead for the characters a match can start with, when
    those are provable; the plain pattern otherwise. Both find the same matches."""
    return regexcache.compile_made(LOOKAHEAD_KIND, pattern, flags, lambda: _with_lookahead(pattern))


def _with_lookahead(pattern: str) -> str:
    chars = first_chars(pattern)
    if not chars:
        return pattern
    first = "".join(re.escape(c) for c in sorted(chars))
    return f"(?=[{first}])(?:{pattern})"


def plain_pattern(fast: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without its lookahead (tests compare the two)."""
    m = re.fullmatch(r"\(\?=\[[^\]]+\]\)\(\?:(.*)\)", fast.pattern, re.DOTALL)
    return re.compile(m.group(1) if m else fast.pattern, fast.flags)


# --- reading lists from a YAML data file ------------------------------------------------------

def phrase_lists(path: Path, data: Any) -> dict[str, PhraseList]:
    """The `lists:` of a phrase data file: name -> PhraseList with the line of every phrase."""
    table = data.get("lists") if isinstance(data, dict) else None
    if table is None:
        return {}
    if not isinstance(table, dict):
        raise RuleFileError(f"{path}:{line_at(data, ('lists',))}: lists: må være en tabell")
    out = {}
    for name, phrases in table.items():
        where = line_at(data, ("lists", name))
        if not isinstance(name, str) or not _LIST_NAME.fullmatch(name):
            raise RuleFileError(f"{path}:{where}: lists: ugyldig listenavn «{name}» (små bokstaver og _)")
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise RuleFileError(f"{path}:{where}: lists.{name}: må være en liste med fraser (tekst i anførselstegn)")
        lines = tuple(line_at(data, ("lists", name, i)) for i in range(len(phrases)))
        out[name] = PhraseList(name, tuple(phrases), lines, Source(str(path), where))
    return out


_LIST_NAME = re.compile(r"[a-zæøå_][a-zæøå_0-9]*")
