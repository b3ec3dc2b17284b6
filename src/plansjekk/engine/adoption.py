"""Who adopted the plan, when, and in which case (BV105 and the JSON `adoption` field).

Only a past-tense decision counts. "Formannskapet vedtok å sende planen på høring" is a
hearing decision, "Planen skal vedtas av kommunestyret i juni" is a plan, and a final
adoption by formannskapet is a delegation the law does not allow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plansjekk.engine.context import DocContext
from plansjekk.model import Adoption

_I = re.IGNORECASE
COUNCILS = ("kommunestyret", "bystyret", "heradsstyret")
BODY = re.compile(
    r"\b(?P<w>kommunestyre|bystyre|heradsstyre|kst|formannskap|hovudutval|hovedutvalg|utvalg|utval|"
    r"\w*komite|\w*komité|kommunedirektør|rådmann|bydelsutvalg|levekårsutvalg|oppvekstutval)\w{0,4}\b",
    _I,
)
PAST = re.compile(
    r"\b(vedtatt|vedteke|vedteken|vedtok|godkjent|godkjend|sluttbehandlet|sluttbehandla|"
    r"handsama|behandlet og vedtatt|fattet vedtak|gjorde vedtak|gjorde følgjande vedtak)\b|"
    r"\b(kommunestyre|bystyre|heradsstyre)(ts|s)?\s+vedtak\b|\bvedtak i (kommunestyret|bystyret|heradsstyret)\b|"
    r"\b(behandlet|handsama|handsamt) i (kommunestyret|bystyret|heradsstyret)\b|"
    r"^\W*vedtak\W*:",  # the decision line of a saksprotokoll: "Vedtak: Bystyret vedtar planen."
    _I,
)
FUTURE = re.compile(
    r"\b(skal|vil|skulle|kan|må|bør)\s+(\w+\s+){0,3}(vedtas|vedtakast|vedtast|behandles|behandlast|"
    r"handsamast|bli vedtatt|verte vedteke|vedta|sluttbehandles)\b|\bplanlagt vedtatt|"
    r"\blegges fram for\b|\bleggjast fram for\b|\btil (politisk )?behandling\b|\bforslag til vedtak\b|"
    r"\binnstilling\b",
    _I,
)
OTHER_PLAN = re.compile(
    r"\b(kommuneplan\w*|samfunnsdel\w*|planstrategi\w*|folkehelseplan\w*|boligsosial\w*|"
    r"rusmiddelpolitisk\w*|temaplan\w*|økonomiplan\w*|budsjett\w*|planprogram\w*)",
    _I,
)
HEARING_DECISION = re.compile(
    r"\b(vedtok|vedtatt|vedteke|besluttet|bestemte)\b.{0,100}\b(sende\w*|legge\w*|leggje\w*|legg\w*)\b"
    r".{0,60}\b(høring|høyring|offentlig ettersyn|offentleg ettersyn)",
    _I,
)
THIS_PLAN = re.compile(r"\b(planen|plana|denne planen|plan for (forebygg|førebygg))", _I)
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


def _window(ctx: DocContext, i: int) -> str:
    """Where to look for the body, date and case of a decision: a short section whole (a cover
    block or a saksprotokoll lists them on separate lines), else the nearby sentences."""
    section = ctx.sentences[i].section_index
    same = [j for j in range(max(0, i - 12), min(len(ctx.sentences), i + 13))
            if ctx.sentences[j].section_index == section]
    if len(same) > 12:
        same = [j for j in same if abs(j - i) <= 3]
    return " ".join(ctx.sentences[j].text for j in same)


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


def find_adoption(ctx: DocContext) -> AdoptionFinding:
    best: tuple[float, AdoptionFinding] | None = None
    for i, s in enumerate(ctx.sentences):
        text = s.text
        if not PAST.search(text) and not FUTURE.search(text):
            continue
        if "lovsitat" in ctx.flags(i) or _about_other_plan(text):
            continue
        candidate: tuple[float, AdoptionFinding]
        if HEARING_DECISION.search(text):
            candidate = (1, AdoptionFinding("hearing", None, i))
        elif not PAST.search(text):
            candidate = (2, AdoptionFinding("planned", None, i))
        else:
            window = text if (_body(text) and iso_date(text)) else _window(ctx, i)
            body = _body(text) or _window_body(window)
            case_match = CASE.search(window)
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
