"""What kind of document this is, which decides which rules apply.

Titles vary too much to decide by title alone, so the decision weighs the signals in one
table kept as data (rules/bvl-15-1/dokument/dokumenttype.yaml): who speaks and to whom,
what the text does (decides, reports, asks, advises, announces), its length and structure,
and whether this plan was adopted. This module holds the mechanisms: where to look, how to
count, and how scores become a type with its reasons. When two types score close, the
type is reported as uncertain, with the reasons on both sides.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from plansjekk.engine import rulecache
from plansjekk.engine.adoption import AdoptionFinding
from plansjekk.engine.context import DocContext
from plansjekk.engine.phrases import fast_pattern
from plansjekk.errors import RuleFileError
from plansjekk.model import DocType
from plansjekk.safe_yaml import safe_load

TABLE_FILE = Path("dokument") / "dokumenttype.yaml"
ORDER = (DocType.ANNET, DocType.PLANPROGRAM, DocType.PLAN, DocType.HORINGSUTKAST)  # tie-breaks
NEEDS_OWN_SIGNAL = (DocType.HORINGSUTKAST, DocType.PLANPROGRAM)
BODY_WORDS = 350  # a text's length counts towards its own content once per this many words (kort_tekst)
SERVICE_SENTENCES = 2  # sentences naming a service count towards a plan's own content per this many
LEAD = 2  # sentences: a notice says what it is in its first sentence or two, a plan's preface later
REGIONS = ("tittel", "overskrifter", "opning", "start", "tekst")


@dataclass(frozen=True)
class Signal:
    id: str
    phrases: str | None  # name of a phrase list, or None for a measure
    region: str
    measure: str | None
    minimum: int | None
    maximum: int | None
    weights: dict[DocType, int]
    reason: dict[str, str]


@dataclass(frozen=True)
class TypeTable:
    margin: int
    phrases: dict[str, re.Pattern[str]]
    chapters: dict[str, re.Pattern[str]]
    other_chapters: dict[str, re.Pattern[str]]  # a plan's or planprogram's other chapters
    signals: tuple[Signal, ...]
    examples: tuple[dict[str, Any], ...]
    about_titles: tuple[str, ...]  # phrase lists that, in the title, make it a text about a plan


@dataclass(frozen=True)
class TypeDecision:
    """The type with whether the signals were clear, the reasons (Norwegian or English) and
    every fired signal with its weights (--forklar)."""

    type: DocType
    certain: bool
    reasons: tuple[str, ...]
    signals: tuple[str, ...]
    given_by_user: bool = False


def table_path() -> Path:
    from plansjekk.engine.loader import default_pack_dir

    return default_pack_dir() / TABLE_FILE


@lru_cache(maxsize=1)
def load_table() -> TypeTable:
    """The signal table (kept between runs like the rule set); a broken table is a rule-file
    error with the file named."""
    path = table_path()
    return rulecache.cached((path.parent,), lambda: _read_table(path), TypeTable, name="dokumenttype")


def _read_table(path: Path) -> TypeTable:
    import yaml

    try:
        data = safe_load(path.read_text(encoding="utf-8"))
        phrases = {name: _alternation(patterns) for name, patterns in data["uttrykk"].items()}
        chapters = {name: _alternation(patterns) for name, patterns in data["kjernekapitler"].items()}
        other = {name: _alternation(patterns) for name, patterns in data["dokumentkapitler"].items()}
        signals = tuple(_signal(raw, phrases) for raw in data["signals"])
        about = tuple(data["tittel_om_annet"])
        unknown = [name for name in about if name not in phrases]
        if unknown:
            raise ValueError(f"tittel_om_annet: ukjent uttrykksliste {', '.join(unknown)}")
        return TypeTable(margin=int(data["usikker_margin"]), phrases=phrases, chapters=chapters,
                         other_chapters=other, signals=signals,
                         examples=tuple(data.get("examples") or ()), about_titles=about)
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, re.error) as error:
        raise RuleFileError(f"{path}: ugyldig dokumenttypetabell: {error}") from None


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    """One pattern for a phrase list, behind the first-character lookahead: the signals are
    counted over the whole text, and most positions can then be skipped at once."""
    return fast_pattern("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.MULTILINE)


def _signal(raw: dict[str, Any], phrases: dict[str, re.Pattern[str]]) -> Signal:
    name = raw.get("finn")
    measure = raw.get("maal")
    if (name is None) == (measure is None) or (name is not None and name not in phrases):
        raise ValueError(f"signal {raw.get('id')}: trenger enten finn (en uttrykksliste) eller maal")
    if measure is not None and measure not in MEASURES:
        raise ValueError(f"signal {raw['id']}: ukjent maal «{measure}»")
    region = raw.get("i", "tekst")
    if region not in REGIONS:
        raise ValueError(f"signal {raw['id']}: ukjent område «{region}»")
    maximum = raw.get("hoyst")
    minimum = raw.get("minst", None if maximum is not None else 1)
    return Signal(id=raw["id"], phrases=name, region=region, measure=measure, minimum=minimum,
                  maximum=maximum, weights={DocType(k): int(v) for k, v in raw["vekt"].items()},
                  reason=dict(raw["grunn"]))


# --- where to look ---------------------------------------------------------------------

def _headings(ctx: DocContext, count: int) -> str:
    from plansjekk.engine.metadata import document_title

    doc = ctx.document
    return "\n".join(filter(None, [document_title(doc) or doc.title or ""] +
                            [s.heading or "" for s in doc.sections[:count]]))


def _region(ctx: DocContext, region: str) -> str:
    if region == "tittel":
        return _headings(ctx, 2)
    if region == "overskrifter":
        return _headings(ctx, 6)
    if region == "opning":
        lead = [s.text for s in ctx.sentences if s.kind != "heading"][:LEAD]
        return "\n".join([_headings(ctx, 2), *lead])
    if region == "start":
        return _headings(ctx, 4) + "\n" + ctx.document.text[:1500]
    return ctx.document.text


# --- measures the engine computes --------------------------------------------------------

def core_topics(ctx: DocContext) -> int:
    """How many of a plan's core chapters the document has as headings."""
    return _chapters_headed(ctx, load_table().chapters)


def _chapters_headed(ctx: DocContext, chapters: dict[str, re.Pattern[str]]) -> int:
    headings = [s.heading for s in ctx.document.sections if s.heading]
    return sum(1 for pattern in chapters.values() if any(pattern.search(h) for h in headings))


def plan_body(ctx: DocContext) -> int:
    """How much of a plan's own content the text holds: the chapters a plan or a planprogram is
    organised in, as headings; the municipality saying what it will do and who is responsible;
    the services given their work sentence after sentence; and length (a text of some pages holds
    something of its own, even where its headings were lost). A text that only speaks about a plan
    (announces its hearing, reports its adoption, introduces the linked document, lists its
    chapters) is short, names the services in passing, and has none of it."""
    table = load_table()
    text = ctx.document.text
    return (core_topics(ctx) + _chapters_headed(ctx, table.other_chapters)
            + len(table.phrases["bestemmer"].findall(text)) + len(ctx.services_in) // SERVICE_SENTENCES
            + len(text.split()) // BODY_WORDS)


def own_plan_title(ctx: DocContext) -> int:
    """1 when the title or first headings name a § 15-1 plan, or the opening names one that is
    not 'a plan' in general ('skal vedta en ny plan …') or a link ('les Plan for …'). A heading
    that reports what happened to the plan ('Plan for … er vedtatt') is a headline, not a title."""
    table = load_table()
    title = _headings(ctx, 2)
    if any(table.phrases[name].search(title) for name in table.about_titles):
        return 0  # a case document, report, hearing notice or yearly action plan names its plan
    if table.phrases["annen_plan"].search(title):
        return 0  # "Ruspolitisk handlingsplan": a plan of another kind, whatever prevention it names
    plan_title, headline = table.phrases["plantittel"], table.phrases["overskrift_om_planen"]
    if any(plan_title.search(line) and not headline.search(line) for line in _headings(ctx, 6).splitlines()):
        return 1
    opening = ctx.document.text[:1000]
    generic = table.phrases["generelt_foran"]
    return int(any(not generic.search(opening[max(0, m.start() - 20):m.start()])
                   for m in plan_title.finditer(opening)))


def draft_chapters(ctx: DocContext, adoption: AdoptionFinding) -> int:
    """A plan's core chapters, counted in a document that calls itself a draft and is neither
    the final version nor adopted by the council (0 otherwise): a hearing letter with the draft
    after it holds the draft itself, a hearing notice does not, and a plan's history
    ("1.0 Høringsutkast … 2.0 Endelig plan", "sendt på høring i mars, vedtatt i juni") is history."""
    phrases, start = load_table().phrases, _region(ctx, "start")
    if not phrases["utkast"].search(start) or phrases["endelig_versjon"].search(start) \
            or _council_adopted_this_plan(ctx, adoption):
        return 0
    return core_topics(ctx)


def is_planprogram(ctx: DocContext) -> bool:
    """Named so in the title, or in the opening of a text that mostly speaks of the plan to come.
    A plan that mentions its own planprogram in its history is still a plan."""
    phrases = load_table().phrases
    planprogram, topic = phrases["planprogram"], phrases["tema"]
    if planprogram.search(_headings(ctx, 2)):
        return True
    text = ctx.document.text
    opening = [line.strip() for line in text.split("\n")[:6] if line.strip()][:4]
    if any(planprogram.match(line) and topic.search(line) for line in opening):
        return True  # "Planprogram – Plan for førebygging …" under the municipality's name
    if not planprogram.search(text[:1500]) or len(planprogram.findall(text)) < 2:
        return False
    future = (i for i in range(len(ctx.sentences)) if "framtid" in ctx.flags(i))
    return next(future, None) is not None and next(future, None) is not None  # two are enough: stop there


def _adopted_this_plan(ctx: DocContext, adoption: AdoptionFinding) -> int:
    """An adoption counts only in a document that presents itself as the plan."""
    if adoption.kind not in ("council", "delegated"):
        return 0
    return int(bool(own_plan_title(ctx)) or core_topics(ctx) >= 3)


def _council_adopted_this_plan(ctx: DocContext, adoption: AdoptionFinding) -> int:
    return int(adoption.kind == "council" and _adopted_this_plan(ctx, adoption) > 0)


def _other_plan_in_title(ctx: DocContext) -> int:
    other = load_table().phrases["annen_plan"]
    return len(other.findall(_headings(ctx, 2) + "\n" + ctx.document.text[:400]))


MEASURES: dict[str, Callable[[DocContext, AdoptionFinding], int]] = {
    "ord": lambda ctx, _: len(ctx.document.text.split()),
    "seksjoner": lambda ctx, _: sum(1 for s in ctx.document.sections if s.heading),
    "kjernekapitler": lambda ctx, _: core_topics(ctx),
    "kjernekapitler_i_utkast": draft_chapters,
    "planinnhold": lambda ctx, _: plan_body(ctx),
    "tema": lambda ctx, _: len(load_table().phrases["tema"].findall(ctx.document.text)) if ctx.document.language else 0,
    "vedtak_av_planen": _adopted_this_plan,
    "kommunestyrets_vedtak_av_planen": _council_adopted_this_plan,
    "planprogram": lambda ctx, _: int(is_planprogram(ctx)),
    "egen_plantittel": lambda ctx, _: own_plan_title(ctx),
    "annen_plan_i_tittel": lambda ctx, _: _other_plan_in_title(ctx),
}


# --- the decision ------------------------------------------------------------------------

def _fired(ctx: DocContext, adoption: AdoptionFinding, table: TypeTable) -> list[tuple[Signal, int]]:
    fired: list[tuple[Signal, int]] = []
    regions: dict[str, str] = {}
    counts: dict[tuple[str, str], int] = {}  # signals that differ only in their bounds count once
    for signal in table.signals:
        if signal.measure is not None:
            count = MEASURES[signal.measure](ctx, adoption)
        else:
            assert signal.phrases is not None
            key = (signal.phrases, signal.region)
            if key not in counts:
                text = regions.setdefault(signal.region, _region(ctx, signal.region))
                counts[key] = len(table.phrases[signal.phrases].findall(text))
            count = counts[key]
        if signal.minimum is not None and count < signal.minimum:
            continue
        if signal.maximum is not None and count > signal.maximum:
            continue
        fired.append((signal, count))
    return fired


def decide(fired: list[tuple[Signal, int]], margin: int, lang: str = "nb") -> TypeDecision:
    """Scores per type from the fired signals; the winner, whether it is clear, and why."""
    own: dict[DocType, int] = {t: 0 for t in ORDER}
    has_own: set[DocType] = set()
    for signal, _ in fired:
        for doc_type, weight in signal.weights.items():
            own[doc_type] += weight
            if weight > 0:
                has_own.add(doc_type)
    scores = dict(own)
    scores[DocType.HORINGSUTKAST] = own[DocType.PLAN] + own[DocType.HORINGSUTKAST]  # a draft is a plan
    candidates = [t for t in ORDER if t not in NEEDS_OWN_SIGNAL or t in has_own]
    if DocType.PLAN not in has_own:
        candidates = [t for t in candidates if t != DocType.PLAN]
    winner = max(candidates, key=lambda t: (scores[t], -ORDER.index(t)))
    others = [t for t in candidates if t != winner]
    runner = max(others, key=lambda t: (scores[t], -ORDER.index(t))) if others else None
    lead = scores[winner] - scores[runner] if runner is not None else margin
    certain = lead >= margin
    reasons = _reasons(fired, winner, runner if not certain else None, count_line=(scores, lead), lang=lang)
    lines = tuple(f"{s.id} ({count}): " + ", ".join(f"{t.value} {w:+d}" for t, w in s.weights.items())
                  for s, count in fired)
    lines += (("poeng: " + ", ".join(f"{t.value} {scores[t]}" for t in candidates)),)
    return TypeDecision(type=winner, certain=certain, reasons=reasons, signals=lines)


def _reasons(fired: list[tuple[Signal, int]], winner: DocType, rival: DocType | None,
             count_line: tuple[dict[DocType, int], int], lang: str) -> tuple[str, ...]:
    from plansjekk.i18n import t, type_label

    def text(signal: Signal, count: int) -> str:
        return signal.reason.get(lang, signal.reason["nb"]).format(antall=count)

    def supports(signal: Signal, doc_type: DocType) -> int:
        weight = signal.weights.get(doc_type, 0)
        if doc_type == DocType.HORINGSUTKAST:
            weight += signal.weights.get(DocType.PLAN, 0)
        return weight

    pro = sorted(((supports(s, winner), text(s, c)) for s, c in fired if supports(s, winner) > 0),
                 key=lambda x: -x[0])
    reasons = [r for _, r in pro[:4]] or [t("type.no_signals", lang)]
    if rival is not None:
        contra = sorted(((supports(s, rival), text(s, c)) for s, c in fired
                         if supports(s, rival) > supports(s, winner)), key=lambda x: -x[0])
        reasons.append(t("type.uncertain_against", lang, type=type_label(rival.value, lang),
                         why="; ".join(r for _, r in contra[:3]) or t("type.no_signals", lang)))
    return tuple(reasons)


def classify_decision(ctx: DocContext, adoption: AdoptionFinding, lang: str = "nb") -> TypeDecision:
    if not ctx.document.text.strip():
        from plansjekk.i18n import t

        return TypeDecision(DocType.ANNET, True, (t("type.empty", lang),), ())
    table = load_table()
    return decide(_fired(ctx, adoption, table), table.margin, lang)


def classify(ctx: DocContext, adoption: AdoptionFinding) -> DocType:
    return classify_decision(ctx, adoption).type


def given_decision(doc_type: DocType, lang: str = "nb") -> TypeDecision:
    """The user stated the type (--dokumenttype / `type` in plansjekk.toml)."""
    from plansjekk.i18n import t

    return TypeDecision(doc_type, True, (t("type.given_by_user", lang),), (), given_by_user=True)
