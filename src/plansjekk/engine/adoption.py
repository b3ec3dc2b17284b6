"""Who adopted the plan, when, and in which case (BV105 and the JSON `adoption` field).

Only a past-tense decision counts. "Formannskapet vedtok å sende planen på høring" is a
hearing decision, "Planen skal vedtas av kommunestyret i juni" is a plan, and a final
adoption by formannskapet is a delegation the law does not allow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from plansjekk.engine import rulecache
from plansjekk.engine.context import DocContext
from plansjekk.engine.phrases import fast_pattern
from plansjekk.errors import RuleFileError
from plansjekk.model import Adoption, CouncilAdoption
from plansjekk.safe_yaml import safe_load

_I = re.IGNORECASE
COUNCILS = ("kommunestyret", "bystyret", "heradsstyret")
PHRASE_FILE = Path("dokument") / "vedtak.yaml"


@lru_cache(maxsize=1)
def _phrases() -> dict[str, re.Pattern[str]]:
    """The adoption phrase lists (rules/bvl-15-1/dokument/vedtak.yaml), one alternation each,
    kept between runs like the rule set."""
    from plansjekk.engine.loader import default_pack_dir

    path = default_pack_dir() / PHRASE_FILE
    return rulecache.cached((path.parent,), lambda: _read_phrases(path), dict, name="vedtak")


def _read_phrases(path: Path) -> dict[str, re.Pattern[str]]:
    import yaml

    try:
        data = safe_load(path.read_text(encoding="utf-8"))
        return {name: fast_pattern("|".join(f"(?:{p})" for p in patterns), _I)
                for name, patterns in data["uttrykk"].items()}
    except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as error:
        raise RuleFileError(f"{path}: ugyldig vedtaksfil: {error}") from None


def adoption_examples() -> list[dict[str, Any]]:
    from plansjekk.engine.loader import default_pack_dir

    data = safe_load((default_pack_dir() / PHRASE_FILE).read_text(encoding="utf-8"))
    return list(data.get("examples") or [])


class _Lazy:
    """A module-level pattern read from the phrase file on first use (keeps import cheap)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(_phrases()[self.name], attr)


BODY = _Lazy("organ")
PAST = _Lazy("fortid")
FUTURE = _Lazy("framtid")
NOT_ADOPTION = _Lazy("ikke_vedtak")
OTHER_PLAN = _Lazy("annen_plan")
HEARING_DECISION = _Lazy("horingsvedtak")
THIS_PLAN = _Lazy("denne_planen")
PROPOSER = _Lazy("forslag_fra")
DATE = re.compile(
    r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b|\b(\d{1,2})\.\s*(januar|februar|mars|april|mai|juni|"
    r"juli|august|september|oktober|november|desember)\s+(\d{4})\b",
    _I,
)
CASE = re.compile(r"\b(?:k-?sak|ps|sak(?:snr|snummer|nr)?)\.?:?\s*(?:nr\.?\s*)?(\d{1,4}/\d{2,4})\b", _I)
MONTHS = ["januar", "februar", "mars", "april", "mai", "juni",
          "juli", "august", "september", "oktober", "november", "desember"]


@dataclass(frozen=True)
class AdoptionFinding:
    """kind: council (valid), delegated (final decision by another body), mentioned (no body
    or date), planned (future), hearing (decision to send on hearing) or None."""

    kind: str | None
    adoption: Adoption | None
    sentence: int | None


def iso_date(text: str) -> str | None:
    m = DATE.search(text)
    if not m:
        return None
    if m.group(1):
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
    else:
        day, month, year = int(m.group(4)), MONTHS.index(m.group(5).lower()) + 1, m.group(6)
    year_n = int(year) + 2000 if len(year) == 2 else int(year)
    if not (1 <= day <= 31 and 1 <= month <= 12 and 1990 <= year_n <= 2100):
        return None
    return f"{year_n:04d}-{month:02d}-{day:02d}"


def _body(text: str) -> str | None:
    m = BODY.search(text)
    if not m:
        return None
    word = m.group("w").lower()
    for council in COUNCILS:
        if council.startswith(word):
            return council
    if word == "kst":
        return "kommunestyret"
    return m.group(0).lower()


def _deciding_body(text: str) -> str | None:
    """The body whose decision the past-tense verb reports: the one named nearest the verb
    ('Kommunestyret delegerte til formannskapet å vedta planen, og formannskapet vedtok den' is
    formannskapet's decision)."""
    verb = PAST.search(text)
    bodies = [m for m in BODY.finditer(text) if not PROPOSER.search(text[max(0, m.start() - 40): m.start()])]
    if not bodies:
        return None  # only the body that proposed it is named: the decider stands elsewhere (the protocol's head)
    if not verb or len(bodies) < 2:
        return _body(bodies[0].group(0))
    nearest = min(bodies, key=lambda m: min(abs(m.start() - verb.end()), abs(verb.start() - m.end())))
    return _body(nearest.group(0))


def _window(ctx: DocContext, i: int) -> str:
    """Where to look for the body, date and case of a decision: a short section whole (a cover
    block or a saksprotokoll lists them on separate lines), else the nearby sentences."""
    section = ctx.sentences[i].section_index
    same = [j for j in range(max(0, i - 12), min(len(ctx.sentences), i + 13))
            if ctx.sentences[j].section_index == section]
    if len(same) > 12:
        same = [j for j in same if abs(j - i) <= 3]
    window = " ".join(ctx.sentences[j].text for j in same)
    if not DATE.search(window) and _body(ctx.sentences[i].text) in COUNCILS:
        # the council's decision line under a protocol's head ("Møtedato: 18.06.2024 / Saknr: 34/24") above a heading
        window = " ".join(ctx.sentences[j].text for j in range(max(0, i - 8), i + 1))
    return window


def _window_body(window: str) -> str | None:
    """In a protocol or cover block that names the council, an adoption there is the council's."""
    bodies = [_body(m.group(0)) for m in BODY.finditer(window)]
    return next((b for b in bodies if b in COUNCILS), bodies[0] if bodies else None)


PLAN_NOUN = re.compile(r"\b\w*plan\w*|\bsamfunnsdel\w*", _I)


def _about_other_plan(text: str) -> bool:
    """True when the adoption verb belongs to another plan: its subject before the verb
    ('Kommuneplanen ble vedtatt …') or its object right after ('… vedtok planprogrammet',
    '… vedtatt i planstrategien'). 'Planen ble vedtatt …' is always this plan."""
    m = PAST.search(text)
    if not m:
        return False
    before = PLAN_NOUN.findall(text[max(0, m.start() - 80): m.start()])
    if before and THIS_PLAN.fullmatch(before[-1]):
        return False
    next_words = [w.strip(".,;:()") for w in DATE.sub("", text[m.end():]).split()[:4]]
    after = [w for w in next_words if PLAN_NOUN.fullmatch(w) or OTHER_PLAN.match(w)]
    if after and OTHER_PLAN.match(after[0]):  # "vedtok i budsjettet", "vedtok planprogrammet"
        return True
    return bool(before) and bool(OTHER_PLAN.fullmatch(before[-1]))


def _outranks(candidate: tuple[float, AdoptionFinding], best: tuple[float, AdoptionFinding]) -> bool:
    """Higher rank wins; between equal council adoptions the later date wins (a revised plan
    re-adopted in 2025 is not a 2019 plan)."""
    if candidate[0] != best[0]:
        return candidate[0] > best[0]
    new, old = candidate[1].adoption, best[1].adoption
    return bool(new and old and new.date and old.date and new.date > old.date)


DECISION_TABLE = re.compile(r"\b(vedtak\w*|vedte\w*|vedtatt|handsam\w*|behandl\w*|sluttbehandl\w*)\b", _I)


def _decision_table_row(ctx: DocContext, i: int) -> bool:
    """A row of a table of decisions ("Kommune | Organ | Dato | Sak" under "Handsaming"): its
    council and date are an adoption though the row has no verb (DOMAIN.md point 13)."""
    s = ctx.sentences[i]
    if s.kind != "table_row" or not iso_date(s.text) or _body(s.text) not in COUNCILS:
        return False
    heading = ctx.document.sections[s.section_index].heading or ""
    j = i - 1
    while j >= 0 and ctx.sentences[j].kind == "table_row":
        j -= 1
    header = ctx.sentences[j].text if j >= 0 and ctx.sentences[j].kind == "table_header" else ""
    return bool(DECISION_TABLE.search(heading) or DECISION_TABLE.search(header))


def _still_to_come(past: re.Match[str], text: str) -> bool:
    """The decision word is part of one still to come ("skal vedtas", "er tenkt sluttbehandla"),
    wherever in the sentence that stands."""
    return any(f.start() <= past.start() < f.end() for f in FUTURE.finditer(text))


def find_adoption(ctx: DocContext) -> AdoptionFinding:
    best: tuple[float, AdoptionFinding] | None = None
    for i, s in enumerate(ctx.sentences):
        text = s.text
        past, future = PAST.search(text), FUTURE.search(text)
        decided = past is not None or _decision_table_row(ctx, i)
        if not decided and not future:
            continue
        if ctx.flags(i) & {"lovsitat", "veiledning"} or _about_other_plan(text) or NOT_ADOPTION.search(text):
            continue
        candidate: tuple[float, AdoptionFinding]
        if HEARING_DECISION.search(text):
            candidate = (1, AdoptionFinding("hearing", None, i))
        elif not decided or past and future and _still_to_come(past, text):  # "planlagt vedtatt"
            candidate = (2, AdoptionFinding("planned", None, i))
        else:
            nearby = _window(ctx, i)
            window = text if (_body(text) and iso_date(text)) else nearby
            body = _deciding_body(text) or _window_body(window)
            case_match = CASE.search(window)
            if case_match is None and len(text.split()) <= 10:  # a cover block: "Saksnr.: 24/1187" on its own line
                case_match = CASE.search(nearby)
            date, case = iso_date(window), (case_match.group(1) if case_match else None)
            adoption = Adoption(body=body, date=date, case=case) if (body or date or case) else None
            if body in COUNCILS:
                # prefer the sentence that itself names the body, the date and the case
                rank = 5 + bool(date) + bool(case) + 0.5 * bool(_body(text)) \
                    + 0.25 * bool(iso_date(text)) + 0.25 * bool(CASE.search(text))
                candidate = (rank, AdoptionFinding("council", adoption, i))
            elif body:
                candidate = (4, AdoptionFinding("delegated", adoption, i))
            else:
                candidate = (3, AdoptionFinding("mentioned", adoption, i))
        if best is None or _outranks(candidate, best):
            best = candidate
    return best[1] if best else AdoptionFinding(None, None, None)


def council_adoptions(ctx: DocContext, members: tuple[str, ...]) -> tuple[CouncilAdoption, ...]:
    """Each member council's adoption of an inter-municipal plan: a past-tense council decision
    whose sentence names the member ('Vedtatt kommunestyre i Bykle 10.12.2015, sak 178/15')."""
    from plansjekk.municipalities.register import fold

    found: dict[str, CouncilAdoption] = {}
    for i, s in enumerate(ctx.sentences):
        text = s.text
        if not (PAST.search(text) or _decision_table_row(ctx, i)) or NOT_ADOPTION.search(text) \
                or "lovsitat" in ctx.flags(i):
            continue
        body = _body(text)
        if body not in COUNCILS:
            continue
        for line in re.split(r"\n|(?=\bvedt(?:att|eke|eken|ok)\b)", text, flags=_I):  # one adoption each
            for member, part in _member_parts(fold(line), members):
                if member in found:
                    continue
                case = CASE.search(part) or re.search(r"\b(\d{1,4}/\d{2,4})\b", part)
                found[member] = CouncilAdoption(municipality=member, body=_body(part) or body,
                                                date=iso_date(part), case=case.group(1) if case else None)
    return tuple(found[m] for m in members if m in found)


def _member_parts(line: str, members: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each member named in a (folded) line with the part of the line that is its own: from its
    name to the next member's ('av Modalen kommunestyre 12.06.2025, sak 21/25, og av Vaksdal
    kommunestyre 19.06.2025, sak 34/25'); the whole line when that part has no date ('i
    kommunestyra i Vaksdal og Modalen 12.06.2025')."""
    from plansjekk.municipalities.register import fold

    spots = sorted((line.find(key), member) for member in members
                   if (key := fold(member.split(" (")[0])) and key in line)
    parts = []
    for n, (start, member) in enumerate(spots):
        part = line[start: spots[n + 1][0] if n + 1 < len(spots) else len(line)]
        parts.append((member, part if iso_date(part) else line))
    return parts
