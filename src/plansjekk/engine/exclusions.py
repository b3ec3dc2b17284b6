"""Sentences that look like evidence but are not (DOMAIN.md, "what must not count").

Each exclusion is a fixed, named test over one sentence; rules choose which apply.
A quotation of § 15-1 names goals, organisation and collaboration in one breath and
meets none of them; the reform's goals are not the municipality's goals; a planprogram
describes a plan to come; a hearing decision is not an adoption.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _starting_with(first: str, pattern: str) -> re.Pattern[str]:
    """A case-insensitive pattern behind a lookahead for the characters a match can start with.
    sre then tests one character class per position instead of trying every alternative: the
    exclusion checks run 2–4 times faster over a long plan. `first` must hold every character
    a match can start with; tests/test_engine_exclusions.py proves it for each pattern."""
    return re.compile(f"(?=[{first}])(?:{pattern})", _I)

LAW_REF = _starting_with(
    "bhlpr§",
    r"§\s*(15\s*[-–]\s*1|3\s*[-–]\s*1)\b|\bbarnevern(s)?lov(en|a)?\b|\bbarnevern(s)?lova\b|"
    r"\blov om barnevern|\bbvl\.|\blov(en|a|kravet|krav|festet|festa|fest)\b|\blovfest\w*|"
    r"\bhjemlet\b|\bheimla\b|\bprop\.\s*133|\brundskriv\w*",
)
MODAL = _starting_with(
    "bkmps",
    r"\b(skal|må|bør|plikt\w*|pålegg\w*|krev\w*|krav\w*)\b",
)
PLAN_MUST_DESCRIBE = _starting_with(
    "bkmps",
    r"\bplan(en|a)?\s+(skal|må|bør|vil)\s+(også\s+|og\s+|òg\s+)?(beskrive|skildre|inneholde|innehalde|"
    r"gjøre rede|gjere greie|greie ut|vise|omtale|omhandle|ta for seg|synliggjøre|synleggjere|"
    r"redegjøre|si noe|seie noko)|"
    r"\b(skal|må|bør)\s+(planen|plana)\s+(også\s+|òg\s+)?(beskrive|skildre|inneholde|innehalde|omtale|vise)|"
    r"\bkrav\w*\b.{0,80}\b(beskrive|skildre|inneholde|innehalde)\b",
)
LAW_WORDING = _starting_with(
    "fhks",
    r"(hva|kva) som er målene for arbeidet|(hvordan|korleis) (tjenestene|etatene|tenestene|etatane) "
    r"skal samarbeide|(hvordan|korleis) arbeidet skal (organiseres|organiserast)|"
    r"kommunestyret (selv|sjølv) skal vedta|fordeles mellom (tjenestene|etatene)|"
    r"fordelast mellom (tenestene|etatane)|samordne sitt tjenestetilbud|samordne tenestetilbodet sitt|"
    r"skal (fremme|fremje) gode oppvekstvilkår",
)
LAW_SAYS = _starting_with(
    "bfilp§",
    r"\b(loven|lova|lovteksten|lovgiver|lovgjevar|barnevern(s)?loven|barnevern(s)?lova|forarbeidene|forarbeida|"
    r"forskriften|forskrifta|paragrafen|bestemmelsen|føresegna|§\s*\d+\s*[-–]\s*\d+)\b.{0,40}\b(sier|seier|"
    r"understreker|understrekar|slår fast|fastslår|krever|krev|presiserer|presiserar|tydeliggjør|tydeleggjer|"
    r"viderefører|vidarefører|innebærer|inneber|pålegger|pålegg|bestemmer|fastsetter|fastset|stiller krav|"
    r"regulerer|definerer|legger vekt på|legg vekt på)\b|\binnført\w*\s+(en\s+|ei\s+|ein\s+)?(plikt|krav)",
)
LAW_BASIS = _starting_with(
    "eij",
    r"\b(etter|ifølge|i følge|jf\.?|jamfør|i henhold til|i medhald av|i medhold av)\s+(\w+\s+){0,2}§\s*\d",
)
QUOTED = re.compile(r"[«\"“]([^»\"”]{20,})[»\"”]")
REFORM = re.compile(
    r"\b\w*reform(en|a|ens|as)?\b|\blovendring\w*|\bny barnevern(s)?lov|\bstortinget\b|"
    r"\bregjeringen\b|\bregjeringa\b|\bnasjonale (mål|føringer|føringar)\b",
    _I,
)
GUIDANCE = _starting_with(
    "bdfhrsv",
    r"\b(bufdir|veilederen|veiledaren|rettleiaren|rundskrivet|statsforvalteren|fylkesmannen|departementet|"
    r"helsedirektoratet|direktoratet|regjeringen|regjeringa)\b"
    r".{0,60}\b(anbefal\w*|tilrå\w*|ber|bedt|skriv\w*|viser|peker|understrek\w*|påpek\w*|forvent\w*|"
    r"rå(d|der|dar)|tilrådd|presiser\w*)\b",
)
BACKGROUND_HEADING = re.compile(
    r"^(\d+(\.\d+)*\.?\s+)?(lovgrunnlag\w*|lovverk\w*|lovkrav\w*|lovheimel|hjemmel|heimel|juridiske|regelverk\w*|"
    r"((nasjonale|statlege|statlige|regionale|overordna|overordnede)\s+(og\s+\w+\s+)?)?(føringer|føringar)|"
    r"anbefalinger fra|tilrådingar frå)\b",
    _I,
)
PLAN_MAKING = _starting_with(
    "adpsv",
    r"\b(planen|plana|planarbeidet|den nye planen|arbeidsgrupp\w*|prosjektgrupp\w*|planprogrammet)\b"
    r".{0,60}\b(skal|vil|kjem til å|kommer til å)\b.{0,40}\b(utarbeide\w*|utarbeid\w*|beskrive\w*|"
    r"skildre\w*|inneholde|innehalde|omhandle|gjøre rede|gjere greie|"
    r"utgreie\w*|utrede\w*|legge fram|leggje fram|lage\w*|skrive\w*)|"
    r"\b(skal|vil)\b.{0,40}\b(utarbeide|lage|skrive)\b.{0,40}\b(handlingsdel|handlingsplan|tiltaksplan)\w*",
)
PLAN_PROCESS = _starting_with(
    "p",
    r"\b(planen|plana|planutkastet)\s+(er|ble|vart|vert|har vore|har blitt|har vært)\s+(utarbeidet|utarbeidd|"
    r"laget|laga|skrevet|skriven|utforma|utformet)\s+(av|i)\b",
)
HEARING = _starting_with(
    "hos",
    r"\b(høring|høyring|offentlig ettersyn|offentleg ettersyn|høringsutkast|høyringsutkast|"
    r"sende\w* (planen|forslaget|planforslaget|utkastet)?\s*(ut )?på (høring|høyring))\b",
)


def is_law_quote(text: str) -> bool:
    """A quotation or paraphrase of § 15-1 (or old § 3-1) or of what a plan must contain."""
    if PLAN_MUST_DESCRIBE.search(text) or LAW_WORDING.search(text) or LAW_SAYS.search(text) \
            or LAW_BASIS.search(text):
        return True
    for quoted in QUOTED.findall(text):
        if re.search(r"\bskal\b", quoted, _I) and re.search(r"plan|kommune|tjenest|tenest|etat", quoted, _I):
            return True
    return bool(LAW_REF.search(text) and MODAL.search(text))


def is_reform_background(text: str) -> bool:
    return bool(REFORM.search(text))


RESEARCH = _starting_with(
    "efls",
r"\b(forskning|forsking|studier|studiar|litteraturen|erfaring frå|erfaring fra)\s+(viser|tyder|syner)\b",
)


def is_guidance(text: str) -> bool:
    """Advice from Bufdir and others, and general research findings: background, not the plan."""
    return bool(GUIDANCE.search(text) or RESEARCH.search(text))


def is_plan_making(text: str) -> bool:
    """Future tense about the plan itself: 'Arbeidsgruppa skal utarbeide …', 'Planen vil beskrive …'."""
    return bool(PLAN_MAKING.search(text))


def is_plan_process(text: str) -> bool:
    """Who wrote the plan ('Planen er utarbeidet av en arbeidsgruppe …') is not how the work is led."""
    return bool(PLAN_PROCESS.search(text))


TOC_ENTRY = re.compile(r"(?:^|[·|•]\s*)\d+(?:\.\d+)*\.?\s+[A-ZÆØÅ]|\.{4,}\s*\d+")


def is_table_of_contents(text: str) -> bool:
    """A table-of-contents line names every chapter and proves none of them."""
    return len(TOC_ENTRY.findall(text)) >= 3


def is_hearing(text: str) -> bool:
    return bool(HEARING.search(text))


CHECKS = {
    "lovsitat": is_law_quote,
    "reformbakgrunn": is_reform_background,
    "veiledning": is_guidance,
    "framtid": is_plan_making,
    "horingsvedtak": is_hearing,
    "planprosess": is_plan_process,
    "innholdsfortegnelse": is_table_of_contents,
}


LAW_QUOTE_SPAN = re.compile(r"«[^»]{40,}»|“[^”]{40,}”|\"[^\"]{40,}\"")


def law_quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """Character spans of quotations in a paragraph that read like a statute or guidance
    ('… skal/bør … planen/kommunen …'), so every sentence of a multi-sentence quote is known
    to be one. A child's quoted voice has neither plan nor municipality in it and stays."""
    return [m.span() for m in LAW_QUOTE_SPAN.finditer(paragraph)
            if re.search(r"\b(skal|bør|må)\b", m.group(0), _I)
            and re.search(r"plan|kommune|tjenest|tenest|etat", m.group(0), _I)]


def is_background_heading(heading: str | None) -> bool:
    """Sections on the legal basis and national guidance describe duties, not the plan."""
    return bool(heading) and bool(BACKGROUND_HEADING.search(heading or ""))


def flags_for(text: str) -> frozenset[str]:
    """All exclusion names that apply to one sentence."""
    return frozenset(name for name, check in CHECKS.items() if check(text))
