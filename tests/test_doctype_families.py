"""Families of texts about a plan that are not the plan, and plans that must stay plans (issue 9).

Each family is one concept from DOMAIN.md "Document types", written as several of our own
paraphrases (bokmål and nynorsk, other headings, other orders), long enough to name the plan in
its title or opening and to report its adoption, so that a single phrase cannot carry the
decision:

- a news item reports that the council adopted a plan: a third person speaks, quotes named
  roles ("…, sier ordføreren"), and dates the decision by weekday;
- a hearing notice invites comments on a draft: how to send them, the deadline, who may
  comment, what happens next; the draft itself is not in it;
- a yearly action plan carries out an adopted plan: one year's measures, the status of last
  year's, approved by the administration.

The guards are plans and drafts that share one of those traits (quotes from young people, an
action plan for a period, a draft web page that invites comments) and must keep their type.
"""

from __future__ import annotations

import pytest
from helpers_engine import check_text

NEWS = {
    "avis_nb": """
# Kommunestyret sa ja til ny plan mot omsorgssvikt
Publisert 4. mars 2025 kl. 14.02 · Tekst: Oppvekstjournalisten

Et samlet kommunestyre vedtok onsdag kveld en ny plan for forebygging av omsorgssvikt og
atferdsvansker. Planen skal gjelde fram til 2029.

– Nå får vi endelig et felles språk mellom skole, barnehage og helsestasjon, sier ordføreren til avisa.

Ifølge planen skal alle ansatte som møter barn, få opplæring i å snakke med barn om vanskelige ting.
Kommunedirektøren skal legge fram en rapport om arbeidet hvert år.

## Pengene mangler

Flere representanter pekte på at planen ikke har egne midler.

– Vi har vedtatt fine ord, men tjenestene trenger folk, sa gruppelederen i Senterpartiet i debatten.

Kommunedirektøren svarte at tiltakene blir prioritert i budsjettarbeidet til høsten.

## Ungdommene ble hørt

Ungdomsrådet har gitt innspill underveis. Lederen i rådet forteller at de ble tatt på alvor, og at
skolene nå skal få en fast kontakt på helsestasjonen.
""",
    "avis_nn": """
# – No skal ingen barn falle mellom to stolar
Nyhende · 12.09.2024

– Me har sett at tenestene ikkje snakkar nok saman, seier kommunalsjefen for oppvekst.

Heradsstyret handsama måndag plan for førebygging av omsorgssvikt og åtferdsvanskar. Plana vart
vedteken samrøystes etter ein kort debatt.

Ifølgje plana skal helsestasjonen, skulane og barnevernstenesta møtast fast kvar månad, og foreldre
skal få rettleiing utan å søkje om det.

## Vil sjå resultat

Opposisjonen ønskte at plana skulle ha tal for kor mange familiar som skal få hjelp.

– Det er lett å skrive mål, det er verre å nå dei, seier representanten frå Høgre.

Ordføraren meiner plana er eit godt steg.

– No har me eit felles grunnlag, og kommunedirektøren skal rapportere kvart år, seier ordføraren.
""",
    "kommunenyhet_nb": """
# Plan for forebygging av omsorgssvikt og atferdsvansker er vedtatt
Aktuelt · 11.12.2024

Kommunestyret vedtok tirsdag planen som skal hjelpe barn og familier tidligere. Arbeidet har pågått
i over et år, og mange har vært med.

– Dette er en plan hele kommunen står bak, sier ordføreren.

Planen beskriver hvordan barnehagene, skolene, helsestasjonen og barnevernstjenesten skal
samarbeide når de er bekymret for et barn. Ifølge kommunalsjefen for oppvekst blir det første
tiltaket en felles rutine for samtaler med foreldre.

– Vi vil at foreldre skal oppleve at det er lett å be om hjelp, sier kommunalsjefen.

## Hva skjer nå?

Planen gjelder fra 1. januar. Kommunedirektøren skal rapportere til kommunestyret hvert år om
hvordan arbeidet går.
""",
    "overskrift_med_plantittel_nn": """
# Plan for førebygging av omsorgssvikt er vedteken i heradsstyret
Av lokalredaksjonen · publisert 3. februar 2025

Heradsstyret sa torsdag ja til plan for førebygging av omsorgssvikt og åtferdsvanskar.
Plana gjeld for fire år.

– Me treng at alle som jobbar med barn, drar i same retning, seier rådgjevaren for oppvekst til avisa.

Ifølgje plana skal kvar skule ha ein kontaktperson frå barnevernstenesta, og helsestasjonen skal
tilby foreldrekurs to gonger i året.

Leiaren i ungdomsrådet fortel at dei fekk seie si meining før plana vart lagd fram.

– Me ville ha nokon å gå til på skulen, og det fekk me, seier ho.
""",
}

HEARING_NOTICES = {
    "hoyring_nn": """
# Framlegg til plan for førebygging er sendt på høyring
Publisert 2. mai 2025

Formannskapet har vedteke å leggje framlegget til ny plan for førebygging av omsorgssvikt og
åtferdsvanskar ut på høyring. Me vil gjerne ha merknadene dine.

## Kva er nytt i plana?

Framlegget skildrar korleis tenestene skal samarbeide når dei uroar seg for eit barn, og kven som
skal gjere kva.

## Korleis seie frå?

Du kan sende merknader til postmottaket i kommunen. Skriv saksnummer 25/300 i emnefeltet.
Frist for merknader er 10. juni 2025.

## Vedlegg

- Framlegg til plan for førebygging av omsorgssvikt og åtferdsvanskar (PDF)

## Vegen vidare

Heradsstyret skal handsame plana i september.
""",
    "horing_nb": """
# Høring: Forslag til plan for forebygging av omsorgssvikt og atferdsvansker
Publisert 14. mars 2025

Vi vil høre hva du mener om forslaget til ny plan for forebygging. Formannskapet vedtok den 11. mars
2025 i sak 31/25 å sende forslaget til plan for forebygging av omsorgssvikt og atferdsvansker på høring.

## Hvem kan gi innspill?

Alle kan gi innspill: foreldre, barn og unge, lag og foreninger og ansatte i kommunen.

## Slik sender du innspill

Send uttalelsen din til postmottak@kommune.no, og merk den med saksnummer 2025/77.
Høringsfristen er 30. april 2025.

## Dokumenter

- Forslag til plan for forebygging av omsorgssvikt og atferdsvansker (PDF)
- Saksframlegg til formannskapet (PDF)

## Veien videre

Etter høringen går administrasjonen gjennom innspillene, og kommunestyret behandler planen i juni.
""",
    "si_din_mening_nb": """
# Si din mening om ny plan for forebygging
Forslaget til plan for forebygging av omsorgssvikt og atferdsvansker er nå lagt ut til offentlig
ettersyn. Planen skal beskrive hvordan kommunen jobber for at barn og familier får hjelp tidlig.

Vi ønsker særlig å høre fra barn og unge og fra foreldre. Du kan komme med innspill på e-post eller
i brev til kommunen. Frist for å gi innspill er 1. oktober 2025.

Merk innspillet ditt med «Forebyggingsplan».

Kommunestyret skal etter planen behandle forslaget i desember.
""",
    "offentleg_ettersyn_nn": """
# Plan for førebygging av omsorgssvikt og åtferdsvanskar – offentleg ettersyn
## Om framlegget
Kommunen har laga eit framlegg til plan for førebygging. Plana skal syne korleis barnehagar, skular
og helsestasjonen arbeider saman.
## Merknader
Alle kan kome med innspel til framlegget. Send innspelet til kommunen og merk det med saksnummeret.
Høyringsfristen er 15. august 2025.
## Dokument
Framlegg til plan for førebygging (PDF)
""",
}

YEARLY_ACTION_PLANS = {
    "tiltaksplan_nb": """
# Tiltaksplan 2026
Årlig tiltaksplan for Plan for forebygging av omsorgssvikt og atferdsvansker 2025–2028

Godkjent av rådmannen 15.01.2026

## Bakgrunn

Plan for forebygging av omsorgssvikt og atferdsvansker ble vedtatt av kommunestyret 18.06.2025,
sak 55/25. Planen gir mål og ansvar for hele perioden, mens tiltaksplanen viser hva som skal gjøres
i 2026 og hvordan det gikk med tiltakene i 2025.

## Evaluering av tiltakene i 2025

| Tiltak 2025 | Ansvarlig | Status |
|---|---|---|
| Felles rutine for samtaler med foreldre | Kommunalsjef oppvekst | Gjennomført |
| Foreldrekurs på helsestasjonen | Helsestasjonen | Gjennomført |
| Kontaktlærer for barn med høyt fravær | Skolene | Påbegynt |
| Aktivitetskort | Kultur | Utsatt |

## Tiltak for 2026

| Tiltak | Ansvarlig | Når | Kostnad |
|---|---|---|---|
| Aktivitetskort for barn fra familier med lav inntekt | Kultur | Mars 2026 | 150 000 kr |
| Opplæring i samtaler med barn | PP-tjenesten | Våren 2026 | 30 000 kr |
| Faste møter mellom skole og barnevernstjenesten | Kommunalsjef oppvekst | Hele året | Innenfor ramme |

## Oppfølging

Tiltaksplanen rapporteres til oppvekstutvalget i juni og desember.
""",
    "handlingsplan_nn": """
# Årleg handlingsplan for førebygging 2025
Handlingsplan for 2025 til Plan for førebygging av omsorgssvikt og åtferdsvanskar 2024–2028

Godkjend av kommunedirektøren si leiargruppe 10.02.2025

## Om handlingsplana

Heradsstyret vedtok Plan for førebygging av omsorgssvikt og åtferdsvanskar 12.03.2024, sak 20/24.
Kvart år lagar me ein handlingsplan med dei tiltaka frå plana som skal gjennomførast det året.
Denne handlingsplana gjeld for 2025.

## Korleis gjekk det i 2024?

| Tiltak | Ansvarleg | Status |
|---|---|---|
| Foreldrerettleiing i grupper | Helsestasjonen | Gjennomført |
| Kontaktperson for kvar skule | Barnevernstenesta | Delvis gjennomført |
| Kurs for tilsette i barnehagane | PPT | Ikkje starta |

## Tiltak i 2025

| Tiltak | Ansvarleg | Frist | Kostnad |
|---|---|---|---|
| Kontaktperson for den siste skulen | Barnevernstenesta | April 2025 | Innanfor ramma |
| Kurs for tilsette i barnehagane | PPT | Hausten 2025 | 25 000 kr |

## Rapportering

Status vert lagd fram for hovudutval for oppvekst to gonger i året.
""",
    "handlingsprogram_nb": """
# Handlingsprogram for forebygging 2025
Dette handlingsprogrammet gjelder for 2025 og følger opp kommunens plan for forebygging av
omsorgssvikt og atferdsvansker, som kommunestyret vedtok 9. november 2023.

Handlingsprogrammet er vedtatt av kommunedirektørens ledergruppe. Det viser hvilke av planens
tiltak vi prioriterer dette året, og hva de koster.

## Status fra i fjor
Foreldreveiledning i grupper er gjennomført. Kurs i samtaler med barn er delvis gjennomført.
Ungdomskontakt på ungdomsskolen er utsatt til 2025.

## Prioriterte tiltak i 2025
- Ungdomskontakt på ungdomsskolen to dager i uka (helsestasjonen, 200 000 kr)
- Kurs i samtaler med barn for de siste barnehagene (PP-tjenesten, 20 000 kr)
- Evaluering av samarbeidsmøtene mellom skole og barneverntjeneste (kommunalsjef oppvekst)
""",
}


def _check(tmp_path, name, text):
    return check_text(tmp_path, text, name=f"{name}.md")


@pytest.mark.parametrize("name", sorted(NEWS))
def test_a_news_item_about_an_adopted_plan_is_not_the_plan(tmp_path, name):
    result = _check(tmp_path, name, NEWS[name])
    assert result.type.value == "annet", (name, result.type_signals)


@pytest.mark.parametrize("name", sorted(HEARING_NOTICES))
def test_a_hearing_notice_is_not_the_draft(tmp_path, name):
    result = _check(tmp_path, name, HEARING_NOTICES[name])
    assert result.type.value == "annet", (name, result.type_signals)


@pytest.mark.parametrize("name", sorted(YEARLY_ACTION_PLANS))
def test_a_yearly_action_plan_that_carries_out_a_plan_is_not_the_plan(tmp_path, name):
    result = _check(tmp_path, name, YEARLY_ACTION_PLANS[name])
    assert result.type.value == "annet", (name, result.type_signals)


def test_a_decision_to_send_a_long_named_draft_on_hearing_is_no_adoption(tmp_path):
    result = _check(tmp_path, "horing_nb", HEARING_NOTICES["horing_nb"])
    assert result.adoption is None


PLAN_WITH_QUOTES = """
# Handlingsplan for forebygging av omsorgssvikt og atferdsvansker 2024–2027
Vedtatt i kommunestyret 14.05.2024, sak 33/24.

## 1 Mål
Vi skal gi barn og familier hjelp tidlig. Hovedmålet er at alle barn skal ha en trygg oppvekst.

## 2 Barn og unges stemme
Vi spurte elever i ungdomsskolen hva som er viktig for dem.
– Jeg vil ha en voksen på skolen jeg kan snakke med, sier en elev i niende klasse.
– Det hjelper når lærerne merker at noe er galt, sier en annen.

## 3 Organisering
Kommunalsjef for oppvekst leder arbeidet, og et tverrfaglig oppvekstteam koordinerer tiltakene.

## 4 Ansvar
Helsestasjonen har ansvar for foreldreveiledning. Skolen har ansvar for oppfølging av fravær.

## 5 Samarbeid
Oppvekstteamet møtes hver måned med barnehage, skole og helsestasjon.

## 6 Status for forrige plan
Foreldrekurs er gjennomført. Kontaktperson på hver skole er delvis gjennomført. Fritidskort er utsatt.

## 7 Tiltak
Vi vil tilby foreldrekurs hvert halvår. Handlingsdelen rulleres årlig, og tiltakene for 2025 står i tabellen.
"""

DRAFT_PAGE_NN = """
# Høyringsutkast: Plan for førebygging av omsorgssvikt og åtferdsvanskar 2025–2029
Formannskapet vedtok 2. april 2025 å leggje planframlegget ut på høyring. Send innspel til
postmottaket innan 20. mai, og merk innspelet med saksnummer 25/88.

## Mål
Me skal gje barn og familiar hjelp tidleg. Hovudmålet er at alle barn skal ha ein trygg oppvekst.

## Organisering
Kommunalsjef for oppvekst leiar arbeidet, og eit tverrfagleg team samordnar tiltaka.

## Ansvar
Helsestasjonen har ansvar for foreldrerettleiing. Skulen har ansvar for å følgje opp fråvær.

## Samarbeid
Teamet møtest kvar månad med barnehage, skule og helsestasjon.

## Tiltak
Me vil tilby foreldrekurs kvart halvår.

## Dokument
Høyringsutkast til plan for førebygging (PDF)
"""


def test_a_plan_with_quotes_from_young_people_and_last_plans_status_stays_a_plan(tmp_path):
    result = _check(tmp_path, "plan", PLAN_WITH_QUOTES)
    assert result.type.value == "plan" and result.type_certain, result.type_signals


def test_a_draft_on_a_web_page_that_invites_comments_stays_a_draft(tmp_path):
    result = _check(tmp_path, "utkast", DRAFT_PAGE_NN)
    assert result.type.value == "horingsutkast" and result.type_certain, result.type_signals
