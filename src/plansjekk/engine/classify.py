"""What kind of document this is, which decides which rules apply.

Titles vary too much to decide by title alone, so the decision weighs several signals:
the title and opening, how the text addresses its reader (a letter or guidance speaks
to "dere" and "kommunene"; a plan speaks of "vi" and "kommunen"), and whether a
final adoption is recorded.
"""

from __future__ import annotations

import re

from plansjekk.engine.adoption import AdoptionFinding
from plansjekk.engine.context import DocContext
from plansjekk.model import DocType

_I = re.IGNORECASE
PLANPROGRAM = re.compile(r"\bplanprogram(met)?\b", _I)
DRAFT = re.compile(
    r"\b(høringsutkast\w*|høyringsutkast\w*|høringsversjon|høyringsversjon|høringsforslag|"
    r"utkast til|forslag til (plan|ny plan)|planforslag\w*|framlegg til plan|planutkast\w*|"
    r"til (offentlig|offentleg) ettersyn|sendes på høring|sendast på høyring|høringsfrist|høyringsfrist)\b",
    _I,
)
PLAN_TITLE = re.compile(
    r"\b\w*plan[ \t]+(for|mot|om)\b[^\n]{0,60}?\b(forebygg\w*|førebygg\w*|omsorgssvikt|omsorgsvikt|"
    r"atferd\w*|adferd\w*|åtferd\w*)|\b(forebyggende|førebyggande|førebyggjande)[ \t]+(\w+[ \t]+){0,2}plan\b|"
    r"\boppvekstplan\w*|\bkommunedelplan\w*[ \t]+(for[ \t]+)?(oppvekst|barn|forebygg\w*|førebygg\w*)",
    _I,
)
LETTER = re.compile(
    r"\b(med (vennlig )?hilsen|med venleg helsing|vår ref|deres ref|dykkar ref|saksbehandler|"
    r"sakshandsamar|vi ber om|ber om å få|vi viser til|innvalgstelefon)\b",
    _I,
)
READER = re.compile(r"\b(dere|dykk|dykkar|deres)\b", _I)
CASE_DOCUMENT = re.compile(
    r"^\W*(saksframlegg|saksframstilling|saksutredning|særutskrift|møteinnkalling|møteprotokoll|"
    r"saksprotokoll|melding til politisk utvalg|orienteringssak|brev)\b|\b(kommunedirektørens|rådmannens|"
    r"kommunedirektøren sitt|rådmannen sitt) (innstilling|forslag til vedtak|framlegg til vedtak)\b",
    _I | re.MULTILINE,
)
TOPIC = re.compile(r"\b(forebygg\w*|førebygg\w*|omsorgssvikt|omsorgsvikt|atferd\w*|åtferd\w*|adferd\w*)\b", _I)
CORE_TOPICS = {
    "mål": re.compile(r"\b(hoved|hovud|del)?mål(ene|a|et|setting\w*|setjing\w*)?\b|\bvisjon", _I),
    "organisering": re.compile(r"organiser|samordning|koordinering|styring", _I),
    "samarbeid": re.compile(r"samarbeid|samhandling", _I),
    "ansvar": re.compile(r"ansvar|roller|kven gjer kva|hvem gjør hva", _I),
    "tiltak": re.compile(r"\btiltak|handlingsdel|handlingsplan", _I),
    "oppfølging": re.compile(r"oppfølging|evaluering|rullering|revisjon", _I),
}
REPORT_TITLE = re.compile(r"\b(\w*rapport(en)?|årsmelding\w*|rapport for)\b", _I)  # års-, tilstands-, oppvekstrapport
CITIZEN = re.compile(r"\b(du|deg|din|ditt|dine|kontakt oss|ta kontakt)\b", _I)  # a service page
PLURAL = re.compile(r"\bkommunene\b|\bkommunane\b", _I)
OWN_VOICE = re.compile(r"\b(vi|vår|vårt|våre|me|vår kommune|i kommunen vår)\b", _I)


GENERIC_BEFORE = re.compile(r"\b(en|ein|ei|sin|si|slik|kommunens|kommunen\w* sin|vedta|om|av)\s*$", _I)
ADVICE = re.compile(r"\b(bør|kan dere|kan de|anbefaler|tilrår)\b", _I)


def _headings(ctx: DocContext, count: int = 6) -> str:
    doc = ctx.document
    return "\n".join(filter(None, [doc.title or ""] + [s.heading or "" for s in doc.sections[:count]]))


def core_topics(ctx: DocContext) -> int:
    """How many of a plan's core chapters the document has as headings."""
    headings = [s.heading for s in ctx.document.sections if s.heading]
    return sum(1 for pattern in CORE_TOPICS.values() if any(pattern.search(h) for h in headings))


def plan_and_other_scores(ctx: DocContext, adoption: AdoptionFinding) -> tuple[int, int]:
    """Evidence for 'this is the plan itself' against 'this talks about such a plan'."""
    text = ctx.document.text
    headings = _headings(ctx)
    case_document = bool(CASE_DOCUMENT.search(_headings(ctx, 2)))  # "Saksframlegg: … plan for …"
    report = bool(REPORT_TITLE.search(_headings(ctx, 2)))  # "Oppvekstrapport 2024", "Årsmelding SLT"
    plan = 3 if PLAN_TITLE.search(headings) and not case_document else 0
    if not plan and not case_document and not report:  # a report names the plan it reports on
        opening = text[:1000]
        own_titles = [m for m in PLAN_TITLE.finditer(opening)
                      if not GENERIC_BEFORE.search(opening[max(0, m.start() - 20):m.start()])]
        plan = 2 if own_titles else 0
    titled = plan > 0
    # A plan's own chapters (goals, organisation, collaboration, measures …) say what it is
    # even when the title does not ("Trygg oppvekst i Ørsta").
    structured = core_topics(ctx) >= 3
    plan += 2 if structured else 0
    plan += 1 if len(ctx.document.sections) >= 4 else 0
    plan += 1 if len(OWN_VOICE.findall(text)) >= 5 else 0
    if titled or structured:  # an adoption counts only in a document that presents itself as the plan
        plan += 2 if adoption.kind in ("council", "delegated") else 0
    other = 3 * min(2, len(LETTER.findall(text)))
    other += 2 if len(READER.findall(text)) >= 3 else 0
    other += 1 if len(PLURAL.findall(text)) >= 3 else 0
    other += 1 if len(ADVICE.findall(text)) >= 5 else 0
    other += 2 if len(CITIZEN.findall(text)) >= 4 else 0
    other += 4 if case_document else 0
    other += 3 if report else 0  # a report about the work, not the plan
    return plan, other


def is_planprogram(ctx: DocContext) -> bool:
    """Named so in the title, or in the opening of a text that mostly speaks of the plan to come.
    A plan that mentions its own planprogram in its history is still a plan."""
    if PLANPROGRAM.search(_headings(ctx, 2)):
        return True
    text = ctx.document.text
    if not PLANPROGRAM.search(text[:1500]) or len(PLANPROGRAM.findall(text)) < 2:
        return False
    return sum(1 for i in range(len(ctx.sentences)) if "framtid" in ctx.flags(i)) >= 2


def classify(ctx: DocContext, adoption: AdoptionFinding) -> DocType:
    text = ctx.document.text
    if not text.strip():
        return DocType.ANNET
    opening = _headings(ctx, 4) + "\n" + text[:1500]
    if is_planprogram(ctx):
        return DocType.PLANPROGRAM
    plan, other = plan_and_other_scores(ctx, adoption)
    if other >= 2 and other >= plan:
        return DocType.ANNET
    # Without clear signs of a letter, guidance or case document, a Norwegian text about the
    # preventive work is treated as a plan: calling a plan "annet" hides every finding,
    # while calling a stray document a plan only shows findings a reader can dismiss.
    if plan < 2 and (ctx.document.language is None or len(TOPIC.findall(text)) < 3):
        return DocType.ANNET
    if DRAFT.search(opening) and adoption.kind != "council":
        return DocType.HORINGSUTKAST
    return DocType.PLAN
