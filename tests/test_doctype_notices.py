"""Short notices that a draft plan or a draft planprogram is on hearing are not the draft (issue 9).

A municipal page announces the hearing: the formannskap's decision to send the draft out, a
deadline and an address for comments, a link to the document, sometimes a short summary of the
plan or of what a planprogram must contain. DOMAIN.md: such a notice is `annet`; the draft itself
is `horingsutkast`, the planprogram itself `planprogram`. All texts are our own wording.

The guards are the documents themselves: a short draft with its own chapters that calls itself a
høyringsutkast, planprograms with their own chapters (formål, planprosess, medverknad), and a draft
page that ends by inviting comments.
"""

from __future__ import annotations

import pytest
from helpers_engine import check_text

NOTICES = {
    "kunngjering_plan_nn": """
# Kunngjering: høyring av framlegg til plan for førebygging av omsorgssvikt
Publisert 6. mai 2025

Formannskapet vedtok 29. april 2025 i sak 41/25 å sende framlegget til plan for førebygging av
omsorgssvikt og åtferdsvanskar ut på høyring.

Plana skal syne korleis barnehagane, skulane, helsestasjonen og barnevernstenesta arbeider saman
for at barn og familiar skal få hjelp tidleg. Ho har mål for arbeidet, ei skildring av kven som har
ansvar for kva, og tiltak for dei neste fire åra.

Merknader kan sendast til postmottak@herad.no eller til Heradet, Postboks 10. Merk brevet med
saksnummer 25/412. Fristen for å kome med merknader er 20. juni 2025.

Framlegg til plan for førebygging (PDF, 1,2 MB)
""",
    "forslag_sendt_nb": """
# Forslag til plan for forebygging av omsorgssvikt og atferdsvansker er sendt på høring
Aktuelt · 3. februar 2026

Forslaget til ny plan for forebygging er nå sendt på høring. Planen beskriver hvordan tjenestene
skal samarbeide når de er bekymret for et barn, og hvilke tiltak kommunen vil prioritere de neste
årene.

Frist for merknader er 15. mars 2026. Send uttalelsen til postmottak@kommune.no eller i brev til
kommunen, og merk den med saksnummer 26/19.

Les forslaget til plan her.
""",
    "planprogram_ettersyn_nn": """
# Høyringsutkast til planprogram for plan for førebygging er lagt ut til offentleg ettersyn
Publisert 12. januar 2026

Formannskapet har vedteke å leggje høyringsutkastet til planprogram ut til offentleg ettersyn.
Planprogrammet skildrar korleis kommunen skal arbeide med den nye plana for førebygging av
omsorgssvikt og åtferdsvanskar: kva plana skal handle om, kven som skal vere med, og tidsplanen
for arbeidet.

Eit planprogram skal gjere greie for formålet med planarbeidet, planprosessen med fristar og
opplegget for medverknad.

Innspel til planprogrammet kan sendast til postmottak@herad.no innan 1. mars 2026.

Høyringsutkast til planprogram (PDF)
""",
    "planprogram_horing_nb": """
# Høring: planprogram for ny plan for forebygging
Kommunen starter arbeidet med en ny plan for forebygging av omsorgssvikt og atferdsvansker.
Første steg er et planprogram som sier hva planen skal handle om og hvordan arbeidet skal
organiseres.

Vi vil gjerne høre hva du mener. Alle kan gi innspill til planprogrammet: foreldre, barn og unge,
lag og foreninger og ansatte i kommunen.

Høringsfristen er 10. april 2026. Innspill sendes til postmottak@kommune.no og merkes med
«Planprogram forebygging».

Dokumenter: Forslag til planprogram (PDF, 800 kB)
""",
    "formannskap_planprogram_nb": """
# Planprogram for plan for forebygging – offentlig ettersyn
Publisert 20. august 2025

Formannskapet vedtok 14. august 2025 i sak 60/25 å legge forslag til planprogram for plan for
forebygging av omsorgssvikt og atferdsvansker ut til offentlig ettersyn i seks uker.

Planprogrammet skal beskrive formålet med planarbeidet, hvilke tema planen skal ta opp, hvordan
barn, unge og foreldre skal få medvirke, og når kommunestyret skal behandle planen.

Merknader sendes til postmottak@kommune.no innen 1. oktober 2025.

Forslag til planprogram (PDF, 0,6 MB)
""",
    "utan_formannskap_nn": """
# Framlegg til plan for førebygging av omsorgssvikt – høyring
Kommunen har no eit framlegg til ny plan for førebygging klart. Plana handlar om korleis me
oppdagar barn som treng hjelp tidleg, og korleis tenestene skal samarbeide med foreldra.

Alle kan gje merknader til framlegget. Skriv til kommunen eller send e-post til
postmottak@kommune.no. Høyringsfristen er 30. september 2025.

Framlegget finn du her: Framlegg til plan for førebygging (PDF)
""",
    "kunngjoring_kort_nb": """
# Kunngjøring: høring av forslag til plan for forebygging
Kommunestyret behandler planen i desember, men først vil vi høre fra innbyggerne.

Forslaget til plan for forebygging av omsorgssvikt og atferdsvansker har mål, tiltak og en
beskrivelse av hvordan skole, barnehage og helsestasjon samarbeider.

Send innspill innen 1. november 2025 til postmottak@kommune.no.

Forslag til plan (PDF, 2 MB)
""",
    "formannskap_plan_nn": """
# Plan for førebygging av omsorgssvikt og åtferdsvanskar er send på høyring
Nyhende · 4. mars 2026

Formannskapet handsama framlegget 26. februar og vedtok å sende det på høyring i seks veker.
Me vil gjerne høyre kva du meiner.

Framlegget har fire hovudmål: at barn skal ha trygge vaksne, at foreldre skal få rettleiing tidleg,
at tenestene skal samarbeide betre, og at barn og unge skal bli høyrde.

Send merknader til postmottak@herad.no innan 15. april 2026. Merk e-posten med saksnummer 26/55.

Les heile framlegget her.
""",
    "gjennomsyn_planprogram_nn": """
# Planprogram for kommunedelplan oppvekst lagt ut til offentleg gjennomsyn
Heradsstyret sitt planutval har vedteke at planprogrammet for kommunedelplan for oppvekst skal
liggje ute til offentleg gjennomsyn, med merknadsfrist 5. desember 2025.

Kommunedelplanen skal mellom anna omfatte det førebyggjande arbeidet mot omsorgssvikt og
åtferdsvanskar. Planprogrammet avklarar rammene for planarbeidet, kven som skal delta, og korleis
barn, unge og foreldre kan påverke innhaldet.

Svarskjema for merknader ligg nedst på sida.
""",
}

DRAFT_NN = """
# Høyringsutkast
# Plan for førebygging av omsorgssvikt og åtferdsvanskar 2026–2030
Høyringsutkast datert 1. mars 2026.

## 1 Mål
Me skal gje barn og familiar hjelp tidleg. Hovudmålet er at alle barn skal ha ein trygg oppvekst.

## 2 Organisering
Kommunalsjef for oppvekst leiar arbeidet, og eit tverrfagleg team samordnar tiltaka.

## 3 Ansvar
Helsestasjonen har ansvar for foreldrerettleiing. Skulen har ansvar for å følgje opp fråvær.

## 4 Samarbeid
Teamet møtest kvar månad med barnehage, skule og barnevernstenesta.

## 5 Tiltak
Me vil tilby foreldrekurs kvart halvår, og me skal ha ein kontaktperson på kvar skule.

## 6 Oppfølging
Plana vert evaluert kvart år i hovudutval for oppvekst.
"""

PLANPROGRAM_NN = """
# Planprogram for plan for førebygging av omsorgssvikt og åtferdsvanskar
Høyringsutkast, januar 2026

## 1 Formål
Planprogrammet skal gjere greie for kvifor kommunen skal lage ein ny plan for førebygging, kva
plana skal handle om, og korleis arbeidet skal gå føre seg. Plana skal vere klar hausten 2026.

## 2 Planprosess
Ei arbeidsgruppe med leiarar frå helsestasjonen, skulane, barnehagane og barnevernstenesta skal
skrive plana. Kommunalsjef for oppvekst leiar arbeidet.

| Fase | Tid |
|---|---|
| Høyring av planprogrammet | Januar–februar 2026 |
| Arbeid med plana | Mars–juni 2026 |
| Høyring av plana | August 2026 |

## 3 Medverknad
Barn og unge skal bli høyrde gjennom ungdomsrådet og elevråda. Foreldre skal få seie si meining på
eit ope møte.

## 4 Tema i plana
Plana skal handle om tidleg innsats, samarbeid mellom tenestene og oppfølging av tiltaka.
"""

PLANPROGRAM_NB = """
# Forslag til planprogram – plan for forebygging av omsorgssvikt og atferdsvansker
## Formål med planarbeidet
Planprogrammet beskriver hvordan kommunen skal utarbeide en ny plan for forebygging. Planen skal
gi mål, ansvar og tiltak for arbeidet med barn og familier.

## Planprosess og organisering
Kommunedirektøren er oppdragsgiver. En prosjektgruppe med helsestasjon, skole, barnehage og
barneverntjeneste skal skrive planen, og en referansegruppe skal gi råd underveis.

## Medvirkning
Barn og unge skal medvirke gjennom ungdomsrådet. Foreldre og ansatte inviteres til åpne møter.

## Framdrift
Planen skal legges fram for kommunestyret i desember 2026.

## Innspill
Innspill til planprogrammet sendes til postmottak@kommune.no innen 1. mars 2026.
"""

DRAFT_PAGE_NB = """
# Plan for forebygging av omsorgssvikt og atferdsvansker 2026–2029
Høringsutkast

## Mål
Vi skal gi barn og familier hjelp tidlig. Hovedmålet er at alle barn skal vokse opp trygt.

## Organisering
Kommunalsjef for oppvekst leder arbeidet. Et tverrfaglig team samordner tiltakene.

## Ansvar
Helsestasjonen har ansvar for foreldreveiledning, og skolen har ansvar for oppfølging av fravær.

## Samarbeid
Skole, barnehage, helsestasjon og barneverntjeneste møtes hver måned.

## Tiltak
Vi vil tilby foreldrekurs og en fast kontaktperson på hver skole.

## Innspill
Har du merknader til planen? Send dem til postmottak@kommune.no innen 15. mai 2026.
"""

GUARDS = {
    "hoyringsutkast_nn": (DRAFT_NN, "horingsutkast"),
    "planprogram_nn": (PLANPROGRAM_NN, "planprogram"),
    "planprogram_nb": (PLANPROGRAM_NB, "planprogram"),
    "utkast_med_innspill_nb": (DRAFT_PAGE_NB, "horingsutkast"),
}


@pytest.mark.parametrize("name", sorted(NOTICES))
def test_a_notice_that_a_draft_or_planprogram_is_on_hearing_is_not_the_draft(tmp_path, name):
    result = check_text(tmp_path, NOTICES[name], name=f"{name}.md")
    assert result.type.value == "annet", (name, result.type_signals)


@pytest.mark.parametrize("name", sorted(GUARDS))
def test_the_draft_and_the_planprogram_themselves_keep_their_type(tmp_path, name):
    text, expected = GUARDS[name]
    result = check_text(tmp_path, text, name=f"{name}.md")
    assert result.type.value == expected and result.type_certain, (name, result.type_signals)
