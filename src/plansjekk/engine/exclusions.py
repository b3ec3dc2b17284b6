"""Text that looks like evidence but is not (DOMAIN.md points 1, 2, 3, 10, 12), as excluded spans.

What counts as a law quote, reform background, guidance, future tense about the plan, plan-making,
a hearing or a table of contents is data (`unntak.yaml` in the rule pack). This module keeps the
mechanism: it finds each pattern in a sentence and excludes the quoted or background *part*:
the clause the pattern stands in and the neighbouring clauses, but never a clause where the
municipality itself speaks ("Etter at reformen kom, har vi opprettet et oppvekstteam …": the first
clause is background, the second is the municipality's own collaboration). A reference inside an
own clause ("I tråd med lovkravet har vi …") excludes only the reference phrase. A concept hit
inside an excluded span does not count; one outside it does (matchers.py); a sentence is wholly
excluded only when its spans cover all of its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from plansjekk.engine.phrases import PhraseBook, PhraseList, Source, fast_pattern
from plansjekk.engine.yamldata import check_shape, line_at
from plansjekk.errors import RuleFileError

EXCLUSIONS_FILE = "unntak.yaml"
KINDS = ("lovsitat", "reformbakgrunn", "veiledning", "framtid", "horingsvedtak", "planprosess",
         "innholdsfortegnelse", "nektelse")
OWN_VOICE, CONJUNCTIONS, REFERENCE_WORDS = "egen_stemme", "leddbindeord", "henvisningsord"
INSERTED = "innskotsord"  # words that open a clause inserted into an own sentence ("slik loven krever")
BACKGROUND_KIND = "veiledning"  # what a sentence under a background heading is
NEVER_KIND = "innholdsfortegnelse"  # what a contents line or a pointer ("se kapittel 6") is
QUOTE_MIN = 20  # characters in a quotation that can be a law quote
PARAGRAPH_QUOTE_MIN = 40  # ... when the quotation spans several sentences of a paragraph


def _quotations(least: int) -> re.Pattern[str]:
    return re.compile(f"«[^»]{{{least},}}»|“[^”]{{{least},}}”|\"[^\"]{{{least},}}\"")


_QUOTE = _quotations(QUOTE_MIN)
_PARAGRAPH_QUOTE = _quotations(PARAGRAPH_QUOTE_MIN)
_WORD = re.compile(r"\w+")
_PUNCTUATION_BOUNDARY = r"[,;:]\s+|\s+[–—-]\s+|\s*[()]\s*"


# --- the data file's schema ---------------------------------------------------------------------
# Checked by phrases.check_shape (no pydantic model: this file is read at every start-up).

SCOPES = ("ledd", "eget_ledd", "henvisning", "sitat", "setning")
PATTERN_SHAPE = {"!name": re.compile(r"[a-z_æøå]+"), "!scope": SCOPES, "phrases": [str], "requires": [str],
                 "min_count": int}
FILE_SHAPE = {
    "lists": {str: [str]},
    "exclusions": {KINDS: {"!description": str, "!patterns": [PATTERN_SHAPE], "!examples": [str]}},
    "background_headings": {"!phrases": [str], "!examples": {"!match": [str], "!no_match": [str]}},
}


@dataclass(frozen=True)
class PatternSpec:
    name: str
    scope: str
    phrases: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()  # lists that must also occur in the sentence (in the quotation for sitat)
    min_count: int = 1  # matches needed in one sentence (a table of contents: 3)


@dataclass(frozen=True)
class KindSpec:
    description: str
    patterns: tuple[PatternSpec, ...]
    examples: tuple[str, ...]


@dataclass(frozen=True)
class HeadingSpec:
    phrases: tuple[str, ...]
    match: tuple[str, ...]
    no_match: tuple[str, ...]


@dataclass(frozen=True)
class ExclusionFile:
    exclusions: dict[str, KindSpec]
    background_headings: HeadingSpec | None


# --- compiled exclusions ------------------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    """Characters [start, end) of a sentence excluded for `reason` (an exclusion kind) by `pattern`."""

    start: int
    end: int
    reason: str
    pattern: str


@dataclass(frozen=True)
class Pattern:
    kind: str
    name: str
    scope: str
    regex: re.Pattern[str] | None  # None for `sitat` (quotations are found by the mechanism)
    requires: tuple[re.Pattern[str], ...]
    min_count: int
    source: Source


@dataclass(frozen=True)
class Example:
    """A sentence with the exact parts one kind must exclude marked [like this]."""

    kind: str
    marked: str
    source: Source

    @property
    def text(self) -> str:
        return self.marked.replace("[", "").replace("]", "")

    def expected_words(self) -> list[int]:
        """Indexes of the words inside the brackets."""
        words, inside, index = [], False, 0
        for piece in re.split(r"([\[\]])", self.marked):
            if piece in "[]" and piece:
                inside = piece == "["
                continue
            for _ in _WORD.finditer(piece):
                if inside:
                    words.append(index)
                index += 1
        return words


@dataclass
class ExclusionSet:
    """All exclusion patterns of a rule set, compiled; answers per sentence which spans are excluded."""

    patterns: tuple[Pattern, ...]
    own_voice: re.Pattern[str]
    boundary: re.Pattern[str]
    reference_before: re.Pattern[str]
    reference_start: re.Pattern[str]
    background_heading: re.Pattern[str] | None
    examples: tuple[Example, ...] = ()
    heading_examples: tuple[tuple[str, bool, Source], ...] = ()
    _cache: dict[str, tuple[Span, ...]] = field(default_factory=dict, repr=False)

    def spans(self, text: str) -> tuple[Span, ...]:
        """The excluded spans of one sentence (memoised per text: headings and table rows repeat)."""
        cached = self._cache.get(text)
        if cached is None:
            cached = self._spans(text)
            if len(self._cache) < 50_000:
                self._cache[text] = cached
        return cached

    def _spans(self, text: str) -> tuple[Span, ...]:
        found: list[Span] = []
        triggered: list[tuple[Pattern, list[tuple[int, int]]]] = []
        for p in self.patterns:
            triggers = self._triggers(p, text)
            if not triggers:
                continue
            if p.scope == "setning":
                found.append(Span(0, len(text), p.kind, p.name))
            else:
                triggered.append((p, triggers))
        if triggered:
            clauses = self.clauses(text, [t for _, triggers in triggered for t in triggers])
            found.extend(self._extent(p, text, clauses, start, end) for p, triggers in triggered
                         for start, end in triggers)
        return tuple(found)

    def _triggers(self, p: Pattern, text: str) -> list[tuple[int, int]]:
        if p.regex is None:  # a quotation holding every required list
            return [m.span() for m in _QUOTE.finditer(text)
                    if all(r.search(m.group(0)) for r in p.requires)]
        if not p.regex.search(text):
            return []
        if p.requires and not all(r.search(text) for r in p.requires):
            return []
        matches = [m.span() for m in p.regex.finditer(text)]
        return matches if len(matches) >= p.min_count else []

    def clauses(self, text: str, triggers: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, bool]]:
        """The sentence cut into clauses at punctuation and at a conjunction that starts an own
        clause ('… og vi har …'); each as (start, end, the municipality speaks in it). A clause
        without an exclusion pattern that follows an own clause continues it ('Vi har et team
        med barnehage, skole og helsestasjon, …': the comma of a list starts no new voice)."""
        cuts = [0] + [m.end() for m in self.boundary.finditer(text) if 0 < m.end() < len(text)] + [len(text)]
        cuts = sorted(set(cuts))
        out: list[tuple[int, int, bool]] = []
        continues = False  # the previous clause is own and holds no exclusion pattern
        for a, b in zip(cuts, cuts[1:]):
            triggered = any(start < b and a < end for start, end in triggers)
            own = bool(self.own_voice.search(text, a, b)) or (continues and not triggered)
            continues = own and not triggered
            out.append((a, b, own))
        return out

    def _extent(self, p: Pattern, text: str, clauses: list[tuple[int, int, bool]], start: int, end: int) -> Span:
        hit = [i for i, (a, b, _) in enumerate(clauses) if a < end and start < b] or [0]
        lo, hi = hit[0], hit[-1]
        if p.scope == "eget_ledd":  # a negation denies its own clause only, whoever speaks
            return Span(clauses[lo][0], clauses[hi][1], p.kind, p.name)
        if p.scope == "henvisning" and lo == hi and clauses[lo][2]:
            clause_start = clauses[lo][0]
            ref = self.reference_before.search(text, clause_start, start)
            if ref:  # "I tråd med lovkravet har vi …": only the reference phrase
                return Span(ref.start(), end, p.kind, p.name)
        if lo == hi and lo > 0 and clauses[lo - 1][2] and self.reference_start.match(text, clauses[lo][0]):
            # inserted after an own clause: "Vi har, i tråd med reformen, etablert …"
            return Span(clauses[lo][0], clauses[lo][1], p.kind, p.name)
        while lo > 0 and not clauses[lo - 1][2]:
            lo -= 1
        while hi < len(clauses) - 1 and not clauses[hi + 1][2]:
            hi += 1
        return Span(clauses[lo][0], clauses[hi][1], p.kind, p.name)

    def reasons(self, text: str) -> frozenset[str]:
        """Every exclusion kind with a span in the sentence."""
        return frozenset(s.reason for s in self.spans(text))

    def quote_spans(self, paragraph: str) -> list[tuple[int, int]]:
        """Quotations in a paragraph that read like a statute or guidance, so every sentence of a
        multi-sentence quote is known to be one. A child's quoted voice names no plan or
        municipality and stays."""
        quote = next((p for p in self.patterns if p.scope == "sitat"), None)
        if quote is None:
            return []
        return [m.span() for m in _PARAGRAPH_QUOTE.finditer(paragraph)
                if all(r.search(m.group(0)) for r in quote.requires)]

    def quote_kind(self) -> str:
        return next((p.kind for p in self.patterns if p.scope == "sitat"), "lovsitat")

    def is_background_heading(self, heading: str | None) -> bool:
        """Sections on the legal basis and national guidance describe duties, not the plan."""
        return bool(heading) and self.background_heading is not None \
            and bool(self.background_heading.search(heading or ""))


def covered_words(text: str, spans: Iterable[Span]) -> list[int]:
    """Indexes of the words of `text` that start inside one of the spans."""
    ranges = [(s.start, s.end) for s in spans]
    return [i for i, m in enumerate(_WORD.finditer(text)) if any(a <= m.start() < b for a, b in ranges)]


def covers(text: str, spans: Sequence[Span]) -> bool:
    """Do the spans cover every word of the sentence (then the sentence itself is excluded)?"""
    if not spans:
        return False
    ranges = [(s.start, s.end) for s in spans]
    return all(any(a <= m.start() < b for a, b in ranges) for m in _WORD.finditer(text))


# --- loading ------------------------------------------------------------------------------------

def parse_exclusions(path: Path, data: Any) -> ExclusionFile:
    """Check one exclusion file's shape; errors name file and line."""
    check_shape(path, data, FILE_SHAPE)
    for kind, spec in (data.get("exclusions") or {}).items():
        for index, pattern in enumerate(spec["patterns"]):
            if pattern.get("min_count", 1) < 1:
                raise RuleFileError(f"{path}:{line_at(data, ('exclusions', kind, 'patterns', index, 'min_count'))}: "
                                    f"exclusions.{kind}.patterns.{index}.min_count: må være minst 1")
    kinds = {kind: KindSpec(spec["description"], tuple(
        PatternSpec(p["name"], p["scope"], tuple(p.get("phrases", ())), tuple(p.get("requires", ())),
                    p.get("min_count", 1)) for p in spec["patterns"]), tuple(spec["examples"]))
        for kind, spec in (data.get("exclusions") or {}).items()}
    h = data.get("background_headings")
    headings = HeadingSpec(tuple(h["phrases"]), tuple(h["examples"]["match"]), tuple(h["examples"]["no_match"])) \
        if h else None
    return ExclusionFile(kinds, headings)


def compile_exclusions(files: Sequence[tuple[Path, Any, ExclusionFile]], lists: Mapping[str, PhraseList],
                       vocabulary: Mapping[str, Sequence[str]]) -> ExclusionSet:
    """One ExclusionSet from the exclusion files of all packs (a later pack's kind replaces an
    earlier one's; lists merge by name)."""
    book = PhraseBook(lists, vocabulary)
    for name in list(book.lists):  # every list compiles and has no phrase twice, used or not
        book.regex(name)
    kinds: dict[str, tuple[Path, Any, KindSpec]] = {}
    headings: tuple[Path, Any, HeadingSpec] | None = None
    for path, data, spec in files:
        for kind, kind_spec in spec.exclusions.items():
            kinds[kind] = (path, data, kind_spec)
        if spec.background_headings:
            headings = (path, data, spec.background_headings)
    for required in (OWN_VOICE, CONJUNCTIONS, REFERENCE_WORDS):
        if kinds and required not in book.lists:
            first = files[0][0]
            raise RuleFileError(f"{first}:1: lists: mangler listen «{required}» som mekanismen bruker")
    patterns: list[Pattern] = []
    examples: list[Example] = []
    for kind, (path, data, kind_spec) in kinds.items():
        for index, p in enumerate(kind_spec.patterns):
            where = Source(str(path), line_at(data, ("exclusions", kind, "patterns", index)))
            inline = f"{kind}.{p.name}"
            if p.phrases:
                book.lists[inline] = PhraseList(inline, tuple(p.phrases), tuple(
                    line_at(data, ("exclusions", kind, "patterns", index, "phrases", i))
                    for i in range(len(p.phrases))), where)
            elif p.scope != "sitat":
                raise RuleFileError(f"{where}: {inline}: mangler phrases")
            for name in p.requires:
                if name not in book.lists:
                    raise RuleFileError(f"{where}: {inline}: requires: ukjent liste «{name}»")
            patterns.append(Pattern(kind, p.name, p.scope, book.pattern(inline) if p.phrases else None,
                                    tuple(book.pattern(n) for n in p.requires), p.min_count, where))
        examples.extend(Example(kind, text, Source(str(path), line_at(data, ("exclusions", kind, "examples", i))))
                        for i, text in enumerate(kind_spec.examples))
    heading_regex = None
    heading_examples: list[tuple[str, bool, Source]] = []
    if headings:
        path, data, spec_h = headings
        book.lists["background_headings"] = PhraseList("background_headings", tuple(spec_h.phrases), tuple(
            line_at(data, ("background_headings", "phrases", i)) for i in range(len(spec_h.phrases))),
            Source(str(path), line_at(data, ("background_headings",))))
        heading_regex = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?" + book.regex("background_headings"), re.IGNORECASE)
        for expect, key in ((True, "match"), (False, "no_match")):
            texts = getattr(spec_h, key)
            heading_examples.extend(
                (t, expect, Source(str(path), line_at(data, ("background_headings", "examples", key, i))))
                for i, t in enumerate(texts))
    own = book.regex(OWN_VOICE) if OWN_VOICE in book.lists else "(?!)"
    conjunctions = book.regex(CONJUNCTIONS) if CONJUNCTIONS in book.lists else "(?!)"
    reference = book.regex(REFERENCE_WORDS) if REFERENCE_WORDS in book.lists else "(?!)"
    inserted = book.regex(INSERTED) if INSERTED in book.lists else "(?!)"
    boundary = re.compile(f"{_PUNCTUATION_BOUNDARY}|\\s+(?=(?:{conjunctions})\\s+(?:{own}))", re.IGNORECASE)
    # a reference word at most three words before the pattern, in the same clause
    reference_before = re.compile(f"(?:{reference})(?:\\s+\\S+){{0,3}}\\s+$", re.IGNORECASE)
    reference_start = re.compile(f"\\s*(?:{reference}|{inserted})", re.IGNORECASE)
    return ExclusionSet(patterns=tuple(patterns), own_voice=fast_pattern(own), boundary=boundary,
                        reference_before=reference_before, reference_start=reference_start,
                        background_heading=heading_regex,
                        examples=tuple(examples), heading_examples=tuple(heading_examples))


@lru_cache(maxsize=1)
def default_exclusions() -> ExclusionSet:
    """The shipped pack's exclusions (for callers without a rule set, and the helpers below)."""
    from plansjekk.engine.loader import load_ruleset
    from plansjekk.settings import Settings

    return load_ruleset(Settings()).exclusions


def flags_for(text: str) -> frozenset[str]:
    """All exclusion kinds with a span in one sentence (the shipped pack's exclusions)."""
    return default_exclusions().reasons(text)


def is_background_heading(heading: str | None) -> bool:
    return default_exclusions().is_background_heading(heading)


def law_quote_spans(paragraph: str) -> list[tuple[int, int]]:
    return default_exclusions().quote_spans(paragraph)


# --- one document -------------------------------------------------------------------------------

class DocumentExclusions:
    """The excluded spans of every sentence of one document, computed when first asked for
    (sentences no rule quotes are never tested). Beyond a sentence's own spans: a sentence
    inside a multi-sentence law quote, a list item continuing an excluded lead-in
    ("Bufdir anbefaler at planen inneholder:"), a sentence under a background heading, and a
    body sentence `never` says is never evidence (the caller knows: a contents section's role,
    a pointer), wholly."""

    def __init__(self, document: Any, sentences: Sequence[Any], rules: ExclusionSet,
                 never: Callable[[int], bool] | None = None) -> None:
        self.document, self.sentences, self.rules, self.never = document, sentences, rules, never
        self._spans: dict[int, tuple[Span, ...]] = {}
        self._own: dict[int, tuple[Span, ...]] = {}
        self._background: list[bool] | None = None

    def spans(self, index: int) -> tuple[Span, ...]:
        spans = self._spans.get(index)
        if spans is None:
            s = self.sentences[index]
            spans = self._own_spans(index)
            if s.kind == "list_item":
                before = index - 1
                while before >= 0 and self.sentences[before].kind == "list_item":
                    before -= 1
                if before >= 0 and self.sentences[before].kind != "heading" \
                        and self.sentences[before].text.rstrip().endswith(":"):  # a lead-in, not any sentence above
                    spans = spans + self._continued(before, len(s.text))
            # a law chapter is background, but where the municipality speaks there ("Planen vår er
            # forankra i kommuneplanen") the sentence is its own (DOMAIN.md point 10)
            if s.kind != "heading" and self._under_background_heading(s.section_index) \
                    and not self.rules.own_voice.search(s.text):
                spans = spans + (Span(0, len(s.text), BACKGROUND_KIND, "bakgrunnskapittel"),)
            if s.kind != "heading" and self.never is not None and self.never(index):
                spans = spans + (Span(0, len(s.text), NEVER_KIND, "innholdsfortegnelse eller henvisning"),)
            self._spans[index] = spans
        return spans

    def _continued(self, lead_in: int, length: int) -> tuple[Span, ...]:
        """A list continues its lead-in's last clause: the kinds whose span reaches its end."""
        text = self.sentences[lead_in].text
        last = [m.start() for m in _WORD.finditer(text)]
        if not last:
            return ()
        end = last[-1]
        reasons = {(s.reason, s.pattern) for s in self._own_spans(lead_in) if s.start <= end < s.end}
        return tuple(Span(0, length, reason, pattern) for reason, pattern in sorted(reasons))

    def _own_spans(self, index: int) -> tuple[Span, ...]:
        own = self._own.get(index)
        if own is None:
            s = self.sentences[index]
            own = self.rules.spans(s.text) + self._in_paragraph_quote(s)
            self._own[index] = own
        return own

    def _in_paragraph_quote(self, sentence: Any) -> tuple[Span, ...]:
        if sentence.paragraph_index < 0:
            return ()
        paragraph = self.document.sections[sentence.section_index].paragraphs[sentence.paragraph_index].text
        if "«" not in paragraph and '"' not in paragraph and "“" not in paragraph:
            return ()
        first, last = sentence.offset, sentence.offset + len(sentence.text)
        return tuple(Span(max(a, first) - first, min(b, last) - first, self.rules.quote_kind(), "sitat")
                     for a, b in self.rules.quote_spans(paragraph) if a < last and first < b)

    def _under_background_heading(self, section_index: int) -> bool:
        if self._background is None:
            self._background = [self.rules.is_background_heading(sec.heading) for sec in self.document.sections]
        return self._background[section_index]

    def flags(self, index: int) -> frozenset[str]:
        """Every kind with a span anywhere in the sentence."""
        return frozenset(s.reason for s in self.spans(index))

    def excluded(self, index: int, kinds: Sequence[str]) -> list[str]:
        """The kinds (of those asked for) whose spans together cover the whole sentence; [] when
        any of its words is outside them."""
        spans = [s for s in self.spans(index) if s.reason in kinds]
        if not spans or not covers(self.sentences[index].text, spans):
            return []
        present = {s.reason for s in spans}
        return [kind for kind in kinds if kind in present]

    def inside(self, index: int, start: int, end: int, kinds: Sequence[str]) -> list[str]:
        """The kinds whose excluded span holds the text [start, end) of the sentence."""
        return [s.reason for s in self.spans(index) if s.reason in kinds and s.start <= start and end <= s.end]
