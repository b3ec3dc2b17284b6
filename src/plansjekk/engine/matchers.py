"""The fixed set of matcher types. Each turns a DocContext into evidence hits.

Matchers only produce evidence, each of the named kind its rule gives it; evaluate.py decides
the status from the rule's conditions over those kinds (STYLE.md 3).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from plansjekk.engine.context import TASK_CONCEPT, DocContext
from plansjekk.engine.schema import (
    CooccurrenceMatcher,
    HeadingMatcher,
    RoleMatcher,
    ServicesMatcher,
    TableMatcher,
    TermsMatcher,
)

if TYPE_CHECKING:
    from plansjekk.nlp.pipeline import Sentence


@dataclass(frozen=True)
class Hit:
    kind: str  # the rule's name for this evidence (schema.py: `kind`)
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


def _distinct_words(ctx: DocContext, groups: list[list[str]], index: int) -> bool:
    """Each group is met by a word of its own: "drøfte det med leiar" names a leader, and the same
    word cannot also be the verb "leiar" (leads)."""
    starts = [{start for concept in group for _t, start, _e in ctx.hits(concept).get(index, ())} for group in groups]

    def assign(k: int, used: frozenset[int]) -> bool:
        return k == len(starts) or any(assign(k + 1, used | {s}) for s in starts[k] - used)

    return assign(0, frozenset())


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


def _kept(out: Outcome, ctx: DocContext, i: int, exclusions: list[str], terms: tuple[str, ...]) -> bool:
    """For evidence that is no concept hit (a sentence of a section with a role): False, and the
    sentence noted as excluded, when excluded spans cover the whole sentence."""
    reasons = ctx.excluded(i, exclusions)
    if reasons:
        out.excluded.append((i, tuple(reasons), terms))
    return not reasons


def sections_under(ctx: DocContext, patterns: list[str]) -> set[int]:
    """Indexes of the sections whose heading, or an enclosing section's heading, matches."""
    compiled = [re.compile(p, re.IGNORECASE) for p in patterns]
    inside: set[int] = set()
    open_levels: list[tuple[int, bool]] = []  # (level, matches) of the enclosing sections
    for index, section in enumerate(ctx.document.sections):
        while open_levels and open_levels[-1][0] >= section.level:
            open_levels.pop()
        matches = bool(section.heading) and any(p.search(section.heading or "") for p in compiled)
        if matches or any(m for _, m in open_levels):
            inside.add(index)
        open_levels.append((section.level, matches))
    return inside


def _no_quote(s: Sentence) -> bool:
    """A bare heading, or a table's row of column names ("Indikator | Kommunen | Landet"), names
    topics and meets nothing (DOMAIN.md point 12)."""
    if s.kind == "heading":
        return True
    return s.kind == "table_header" and all(len(cell.split()) <= 3 for cell in s.text.split("|"))


def _in_roles(ctx: DocContext, roles: list[str], i: int) -> bool:
    """Whether sentence i stands in a section with one of these roles."""
    return bool(roles) and bool(ctx.section_roles[ctx.sentences[i].section_index] & set(roles))


def match_terms(m: TermsMatcher, ctx: DocContext, exclusions: list[str]) -> Outcome:
    out = Outcome()
    scope = sections_under(ctx, m.under) if m.under else None
    for i in sorted(ctx.sentences_with(m.concepts)):
        kind = ctx.sentences[i].kind
        if (m.kinds and kind not in m.kinds) or (not m.kinds and _no_quote(ctx.sentences[i])):
            continue  # headings have their own matcher
        if scope is not None and ctx.sentences[i].section_index not in scope or _in_roles(ctx, m.not_in_roles, i):
            continue
        if m.none and _terms_in(ctx, m.none, i):
            continue
        terms = _kept_terms(out, ctx, m.concepts, i, exclusions)
        if terms:
            out.hits.append(Hit(m.kind, i, terms, "ord"))
    return out


def match_cooccurrence(m: CooccurrenceMatcher, ctx: DocContext, exclusions: list[str]) -> Outcome:
    out = Outcome()
    candidates = set.intersection(*(ctx.sentences_with(group) for group in m.all))
    for i in sorted(candidates):
        if _no_quote(ctx.sentences[i]) or _in_roles(ctx, m.not_in_roles, i):
            continue
        if not all(_terms_in(ctx, group, i) for group in m.all) or not _distinct_words(ctx, m.all, i):
            continue
        if m.none and _terms_in(ctx, m.none, i):
            continue
        groups = [_kept_terms(out, ctx, group, i, exclusions) for group in m.all]
        if all(groups):
            out.hits.append(Hit(m.kind, i, tuple(t for g in groups for t in g), "sammen i én setning"))
    return out


def match_heading(m: HeadingMatcher, ctx: DocContext, exclusions: list[str]) -> Outcome:
    out = Outcome()
    patterns = [re.compile(p, re.IGNORECASE) for p in m.patterns]
    by_section: dict[int, list[int]] = {}
    for i, s in enumerate(ctx.sentences):
        by_section.setdefault(s.section_index, []).append(i)
    for index, section in enumerate(ctx.document.sections):
        if not section.heading or not any(p.search(section.heading) for p in patterns):
            continue
        body = [i for sub in _with_subsections(ctx, index) for i in by_section.get(sub, [])
                if ctx.sentences[i].kind != "heading"]
        first = _first_of_enough_words(ctx, body, exclusions, m.min_words)
        if first is not None:
            out.hits.append(Hit(m.kind, first, (section.heading,), "overskrift"))
        elif body:
            reasons = tuple(sorted({r for i in body for r in ctx.excluded(i, exclusions)})) or ("for lite tekst",)
            out.excluded.append((body[0], reasons, (section.heading,)))
    return out


def _with_subsections(ctx: DocContext, index: int) -> list[int]:
    """A section and the subsections under it: "Strategier" over three strategies has its text there."""
    sections = ctx.document.sections
    level = sections[index].level
    end = index + 1
    while end < len(sections) and sections[end].level > level:
        end += 1
    return list(range(index, end))


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


def match_role(m: RoleMatcher, ctx: DocContext, exclusions: list[str]) -> Outcome:
    """Body sentences of sections with one of the roles (roles.py), naming one of the concepts."""
    out = Outcome()
    wanted = set(m.roles)
    roles = ctx.section_roles
    candidates = ctx.sentences_with(m.concepts) if m.concepts else range(len(ctx.sentences))
    for i in sorted(candidates):
        s = ctx.sentences[i]
        if _no_quote(s) or not (roles[s.section_index] & wanted):
            continue
        if m.min_words and sum(1 for t in s.tokens if t.lower.isalpha()) < m.min_words:
            continue
        if m.none and _terms_in(ctx, m.none, i):
            continue
        if m.also and not _terms_in(ctx, m.also, i):
            continue
        if m.concepts:
            terms = _kept_terms(out, ctx, m.concepts, i, exclusions)
        else:
            terms = (s.heading or "",) if _kept(out, ctx, i, exclusions, (s.heading or "",)) else ()
        if terms:
            where = "/".join(sorted(roles[s.section_index] & wanted))
            out.hits.append(Hit(m.kind, i, terms, f"i et kapittel om {where}"))
    return out


def match_services(m: ServicesMatcher, ctx: DocContext, exclusions: list[str]) -> Outcome:
    """Every sentence naming a service, one hit per (sentence, service), with the service as its
    term, so a condition counts services with `distinct` and the ranking may choose the best
    sentence for each; with_task requires a task marker in the same sentence."""
    out = Outcome()
    tasks = ctx.hits(TASK_CONCEPT) if m.with_task else None
    barred = set().union(*(ctx.hits(c) for c in m.none))
    for i, named in ctx.services_in.items():
        if (tasks is not None and i not in tasks and not _service_then_tasks(ctx, i)) or i in barred:
            continue
        for service in named:
            if tasks is not None and i in tasks and not _given_the_task(ctx, i, service, tasks[i]):
                continue
            if _kept_terms(out, ctx, [f"tjeneste:{service}"], i, exclusions):
                why = f"tjeneste: {service}" + (" med oppgave" if m.with_task else "")
                out.hits.append(Hit(m.kind, i, (service,), why))
    return out


AGENT_WORDS = ("av", "hos")  # "gis av helsestasjonen", "ansvaret ligg hos skulen"


def _given_the_task(ctx: DocContext, i: int, service: str, tasks: list[tuple[str, int, int]]) -> bool:
    """The service is the one that acts: named before a task word ("Helsestasjonen gir …"), or
    after "av"/"hos"/":" ("… gis av helsestasjonen"). Services listed after the task as examples
    ("Kommunen gir tilbod til alle, som helsestasjon, barnehage og skule") are given nothing."""
    text, concept = ctx.sentences[i].text, f"tjeneste:{service}"
    for match in ctx.hits(concept).get(i, ()):
        if ctx.lead_in_holding(concept, i, match) is not None:
            return True  # the lead-in names the service and the list its tasks
        start = match[1]
        if any(task_start > start for _t, task_start, _e in tasks):
            return True
        before = text[:start].lower().split()
        if before and (before[-1].endswith(":") or before[-1] in AGENT_WORDS):  # "Ansvarlig: NAV"
            return True
    return False


def _service_then_tasks(ctx: DocContext, i: int) -> bool:
    """A list item or row that opens with a service and a colon gives that service what follows
    ("Barnehagen: dagleg observasjon, foreldresamtalar …")."""
    s = ctx.sentences[i]
    if s.kind not in ("list_item", "table_row"):
        return False
    head, colon, rest = s.text.partition(":")
    if not colon or len(head.split()) > 6 or len(rest.split()) < 2:
        return False
    return any(start < len(head) for service in ctx.services_in.get(i, ())
               for _term, start, _end in ctx.hits(f"tjeneste:{service}").get(i, ()))


def _cells(text: str) -> list[tuple[int, int]]:
    """Character spans of the cells of a table row ('a | b | c')."""
    spans, start = [], 0
    for part in text.split("|"):
        spans.append((start, start + len(part)))
        start += len(part) + 1
    return spans


def _columns_with(ctx: DocContext, concepts: list[str], i: int) -> set[int]:
    """Which cells of row i hold a term of the concepts."""
    cells = _cells(ctx.sentences[i].text)
    found: set[int] = set()
    for concept in concepts:
        for _, start, _ in ctx.hits(concept).get(i, ()):
            found.update(k for k, (a, b) in enumerate(cells) if a <= start < b)
    return found


def _responsible(ctx: DocContext, m: TableMatcher, row: int, columns: set[int]) -> bool:
    """A row whose responsible cell names someone: not empty and not 'avklares senere'."""
    text = ctx.sentences[row].text
    cells = _cells(text)
    if len(cells) < 2 or not columns:
        return True  # one merged cell: nothing to judge it by
    named = [k for k in columns if k < len(cells) and text[cells[k][0]:cells[k][1]].strip(" -–?.")]
    return bool(set(named) - _columns_with(ctx, m.undecided, row)) if m.undecided else bool(named)


def match_table(m: TableMatcher, ctx: DocContext, exclusions: list[str]) -> Outcome:
    """A table whose header names a responsible column, with enough rows under it that name
    someone responsible, and at least half of them (a cell saying nobody is decided yet splits no
    responsibility; a table where most say so splits little)."""
    out = Outcome()
    sentences = ctx.sentences
    for i, s in enumerate(sentences):
        if s.kind not in ("table_header", "table_row"):
            continue
        if i > 0 and sentences[i - 1].kind in ("table_header", "table_row") \
                and sentences[i - 1].section_index == s.section_index and s.kind != "table_header":
            continue  # only the first row of a table can be its header
        if not _terms_in(ctx, m.header_concepts, i) or m.header_also and not _terms_in(ctx, m.header_also, i):
            continue
        columns = _columns_with(ctx, m.header_concepts, i)
        rows = named = 0
        first: int | None = None
        for j in range(i + 1, len(sentences)):
            if sentences[j].kind != "table_row":
                break
            rows += 1
            if _responsible(ctx, m, j, columns):
                named += 1
                first = j if first is None else first
        if named >= m.min_rows and 2 * named >= rows and first is not None:  # most rows name someone
            out.hits.append(Hit(m.kind, first, ("tabell",),
                                f"tabell med ansvarskolonne og {named} av {rows} rader med ansvarlig"))
        elif rows:
            out.excluded.append((i + 1, ("ansvarlig ikke avklart",), ("tabell",)))
    return out


MATCHERS: dict[str, Callable[..., Outcome]] = {
    "terms": match_terms,
    "samtidig": match_cooccurrence,
    "overskrift": match_heading,
    "rolle": match_role,
    "tjenester": match_services,
    "tiltakstabell": match_table,
}
