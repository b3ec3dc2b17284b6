"""A text that talks about a plan is not the plan (issue 9, misses at first contact on real texts).

A plan document is itself the content: its body holds the goals, the organisation, who is
responsible and the measures, usually under their own headings, and the municipality says what it
and its services will do. A text about a plan holds none of that: a landing page introduces the
plan and lists its chapters while the plan is the linked PDF; a short news item reports that a
committee read it; a notice (kunngjering) says that the draft or its planprogram is out on hearing,
in its title or in its lead sentence, and tells the reader where to read it and where to send
comments. All texts are our own wording, bokmål and nynorsk, with other headings and orders.

The guards share one trait each with those texts and must keep their type: a thin draft that ends
with its hearing deadline, a draft whose first sentence says it is on hearing, a planprogram that
opens with its own hearing, a short plan published as a web page, a thin plan with a contents list,
and plans whose headings were lost, whose body still gives the services their work.
"""

from __future__ import annotations

import pytest
from helpers_engine import check_text

ABOUT_THE_PLAN = {
    # --- landing pages that introduce the plan and list its chapters; the plan is the linked file
    "landingsside_kapitler_nb": """
Plan for forebyggende arbeid for barn, unge og familier 2025–2030

Planen har sitt grunnlag i barnevernsloven § 15-1, og den bygger også på kommuneplanens samfunnsdel.

Planen peker ut tre satsingsområder for tjenestene som møter barn og familier:

- Tidlig hjelp
- Et forpliktende samarbeid
- Barn og unge blir hørt

Innholdet i planen:

1. Innledning
2. Lovgrunnlag og føringer
3. Mål og satsingsområder
4. Organisering og ansvar
5. Tiltak
6. Oppfølging og evaluering
""",
    "landingsside_lenke_nn": """
# Plan for førebygging av omsorgssvikt og åtferdsvanskar

Heradsstyret vedtok plana i juni. Ho gjeld for perioden 2025–2029 og er heimla i barnevernslova § 15-1.

Plana skildrar fire innsatsområde: trygge vaksne, tidleg hjelp, godt samarbeid og barn si stemme.
Kvart innsatsområde har eigne mål og tiltak.

Kapitla i plana er innleiing, mål, organisering, ansvar, tiltak og evaluering.

Last ned plana (PDF, 2,4 MB)
""",
    "landingsside_innhald_nb": """
Forebygging av omsorgssvikt – kommunens plan

Her finner du kommunens plan for forebygging av omsorgssvikt og atferdsvansker. Planen gjelder
for 2024–2028 og ble vedtatt av kommunestyret.

Planen er delt i fem kapitler: bakgrunn, mål, organisering, tiltak og oppfølging. Den beskriver
også hvordan barn og unge har medvirket i arbeidet.

Planen (PDF)
Vedlegg: Tiltakstabell (PDF)
""",
    # --- short news items that report what a committee did with the plan
    "kort_nyhende_nn": """
Nyhende

Førre tysdag handsama oppvekstutvalet, saman med fleire andre utval, Kommunedelplan for oppvekst.
Føremålet med plana er å gje kommunen eit felles verktøy for å sikre barn ein trygg oppvekst.
Tidleg innsats og samarbeid mellom tenestene er sentralt i plana.
""",
    "kort_nyhet_nb": """
Aktuelt

Hovedutvalg for oppvekst behandlet mandag Plan for forebygging av omsorgssvikt og atferdsvansker.
Hensikten med planen er å samle kommunens forebyggende arbeid i ett dokument.
Planen legger stor vekt på tidlig innsats og tverrfaglig samarbeid. Kommunestyret behandler
saken i neste møte.
""",
    # --- notices (kunngjering) whose title says the draft is out on hearing
    "kunngjering_tittel_nn": """
Kunngjering, høyring og offentleg ettersyn – plan for førebygging av omsorgssvikt – merknadsfrist 1. september

Formannskapet handsama framlegget til plan 12. juni med dette vedtaket: «Plana vert lagd ut på
høyring og til offentleg ettersyn.» Les heile saksframlegget her.

Framlegget legg vekt på tidleg innsats og på samarbeid mellom barnehage, skule og helsestasjon.
Plana er skriven av ei arbeidsgruppe med tilsette frå fleire tenester, leia av kommunalsjefen.

Plana består av tre dokument: eit kunnskapsgrunnlag, ein handlingsdel og ein kortversjon.

Trykk her for å lese kunnskapsgrunnlaget.
""",
    "kunngjoring_tittel_nb": """
Kunngjøring – høring og offentlig ettersyn av plan for forebygging av omsorgssvikt og atferdsvansker

Planutvalget vedtok 4. mai å legge forslaget til plan ut på høring. Forslaget beskriver hvordan
skoler, barnehager og helsestasjonen skal samarbeide, og hvilke tiltak som prioriteres.

Planen består av en hoveddel og en handlingsdel. Klikk her for å lese forslaget.

Uttalelser sendes til postmottak@kommune.no innen 20. juni.
""",
    # --- notices with no title, whose lead sentence is the decision to send the draft on hearing
    "vedtak_i_opninga_nn": """
Levekårsutvalet vedtok 5. mai at framlegget til plan for oppvekst vert sendt på høyring og lagt ut
til offentleg ettersyn.

Plana er politisk forankra: heradsstyret bad i fjor kommunedirektøren om å starte arbeidet.

Det er eit mål at alle barn skal ha ein trygg og god oppvekst. Plana som no vert lagd fram, tek
ikkje for seg alt som har med oppveksten å gjere, men har fokus på dei områda som er viktigast
framover. Plana byggjer på barnekonvensjonen, og berekraftsmåla ligg også til grunn for ho.

Barn og unge har vore med i arbeidet gjennom ungdomsrådet og elevråda.
""",
    "vedtak_i_opningen_nb": """
Oppvekstutvalget vedtok 2. februar at forslag til plan for forebyggende arbeid sendes på høring.

Bakgrunnen for planen er barnevernsreformen, som gir kommunen et større ansvar for forebygging.
Forslaget bygger på en kartlegging av tjenestene, og det legger vekt på tidlig innsats og
samarbeid. Et mål med planen er at den skal bli et felles styringsverktøy for politikere og
administrasjon.

Barn, foreldre og ansatte har gitt innspill underveis.
""",
    # --- notices about a draft planprogram, with the web page's own furniture around them
    "planprogram_kunngjering_nn": """
Kommunal infoside – ope for publikum 08–15

Høyringsutkast – planprogram for kommunedelplan for oppvekst 2026–2030

Høyringsutkast – planprogram for kommunedelplan for oppvekst er vedteke lagt ut til offentleg
gjennomsyn med merknadsfrist 15. mars 2026.

Planprogrammet er eit verktøy for tidleg medverknad og ein god planprosess. Det skal avklare
rammene for arbeidet og gjere greie for føremålet med plana.

Gå direkte til skjema: høyringar – svarskjema

Sist endra 02.02.2026
Kontakt
Telefon: 12 34 56 78
""",
    "planprogram_kunngjoring_nb": """
Forslag til planprogram for plan for forebygging

Forslag til planprogram for plan for forebygging av omsorgssvikt og atferdsvansker er lagt ut til
offentlig ettersyn fram til 1. april.

Planprogrammet skal beskrive formålet med planarbeidet, hvem som skal delta og hvordan barn og
unge kan medvirke. Rådmannen mener at planen skal behandles som en kommunedelplan.

Se forslaget her. Merknader sendes til postmottak@kommune.no.
""",
}

THIN_DRAFT_DEADLINE_NB = """
# Høringsutkast – Plan for forebygging av omsorgssvikt og atferdsvansker
## Mål
Vi skal oppdage barn som strever tidlig, og gi familien hjelp før problemene vokser.
## Organisering og ansvar
Kommunalsjef for oppvekst leder arbeidet. Helsestasjonen har ansvar for foreldreveiledning.
## Tiltak
Vi vil ha et tverrfaglig team som møtes hver måned.

Høringsfrist: 1. mai 2026
"""

DRAFT_OPENS_WITH_HEARING_NN = """
# Plan for førebygging av omsorgssvikt og åtferdsvanskar 2026–2030
Framlegget vert sendt på høyring med merknadsfrist 1. mars 2026. Høyringsutkast.

## Mål
Me skal gje barn og familiar hjelp tidleg. Hovudmålet er at alle barn skal ha ein trygg oppvekst.

## Organisering
Kommunalsjef for oppvekst leiar arbeidet, og eit tverrfagleg team samordnar tiltaka.

## Ansvar og samarbeid
Helsestasjonen har ansvar for foreldrerettleiing. Skulen og barnevernstenesta møtest kvar månad.

## Tiltak
Me vil tilby foreldrekurs kvart halvår.
"""

DRAFT_OPENS_WITH_HEARING_NB = """
# Plan for forebygging av omsorgssvikt og atferdsvansker 2026–2030
Forslag til høring og offentlig ettersyn, vedtatt lagt ut av formannskapet 3. mars 2026.

## Mål
Vi skal oppdage barn som strever tidlig. Hovedmålet er at alle barn skal vokse opp trygt.

## Organisering
Kommunalsjef for oppvekst leder arbeidet, og et tverrfaglig team samordner tiltakene.

## Ansvar
Helsestasjonen har ansvar for foreldreveiledning. Skolen har ansvar for oppfølging av fravær.

## Tiltak
Vi vil tilby foreldrekurs hvert halvår og en fast kontaktperson på hver skole.

Høringsfrist: 15. april 2026. Innspill sendes til postmottak@kommune.no.
"""

PLANPROGRAM_OPENS_WITH_HEARING_NB = """
# Planprogram – plan for forebygging av omsorgssvikt og atferdsvansker
Forslag til planprogram er lagt ut til offentlig ettersyn med frist for merknader 1. april 2026.

## Formål med planarbeidet
Kommunen skal lage en plan for det forebyggende arbeidet. Planprogrammet beskriver hvordan.

## Organisering av planarbeidet
En arbeidsgruppe med helsestasjon, skole og barneverntjeneste skriver planen.

## Medvirkning
Barn og unge skal medvirke gjennom ungdomsrådet.

## Framdrift
Planen skal legges fram for kommunestyret i desember 2026.
"""

PLAN_AS_WEB_PAGE_NB = """
# Plan for forebygging av omsorgssvikt og atferdsvansker 2025–2031
## Formål
Formålet med planen er at barn skal få hjelp tidlig. Planen er hjemlet i barnevernsloven § 15-1.

Kommunen skal styrke det forebyggende arbeidet i hele oppvekstsektoren. Tjenestene skal
samarbeide tett, og helsestasjonen har ansvar for å koordinere foreldreveiledningen.

Les videre
"""

THIN_PLAN_WITH_CONTENTS_NN = """
# Plan for førebygging av omsorgssvikt og åtferdsvanskar
Vedteken i heradsstyret 14.03.2025, sak 12/25.

Innhald: 1 Mål · 2 Organisering · 3 Tiltak

## 1 Mål
Alle barn skal ha trygge vaksne rundt seg.

## 2 Organisering
Kommunalsjef for oppvekst leiar arbeidet.

## 3 Tiltak
| Tiltak | Ansvarleg |
|---|---|
| Foreldrekurs | Helsestasjonen |
| Kontaktperson på skulen | Barnevernstenesta |
"""

# A plan whose headings were lost in extraction (one run of paragraphs): its body still gives the
# services their work sentence after sentence.
PLAN_WITHOUT_HEADINGS_NN = """
Trygg oppvekst i Fjellbygd 2026–2030. Plan for det førebyggjande arbeidet for barn, unge og
familiar. Vedteken av heradsstyret 10. desember 2025, sak 88/25.

Denne plana gjeld heile oppvekstfeltet i Fjellbygd. Ho er laga etter barnevernslova § 15-1 og
byggjer på kommuneplanen sin samfunnsdel. Plana gjeld frå 1. januar 2026 og vert revidert etter fire
år. Ho skildrar måla for arbeidet, korleis arbeidet er organisert og fordelt mellom tenestene, og
korleis tenestene samarbeider.

Dei fleste barn i Fjellbygd har det godt. Likevel viser Ungdata at ein av fem ungdomar kjenner seg
einsame, og at fleire enn før strevar med søvn og uro. Barnehagane melder om fleire barn som treng
ekstra støtte i språk og samspel. Talet på bekymringsmeldingar til barnevernstenesta har vore
stabilt, men meldingane kjem ofte seint, når vanskane alt har sett seg fast. Difor er tidleg innsats
det viktigaste grepet i denne plana, og difor er samarbeidet mellom tenestene lagt i faste former.

Hovudmålet er at alle barn i Fjellbygd skal vekse opp i trygge familiar og få hjelp tidleg når dei
treng det. Delmåla er at foreldre får rettleiing før vanskane veks, at tenestene oppdagar barn som
strevar, at barn og unge vert høyrde, og at dei tilsette har kunnskapen dei treng.

Helsestasjonen gjev alle foreldre tilbod om heimebesøk etter fødselen og tilbyr foreldrerettleiing i
grupper to gonger i året. Barnehagane nyttar ein felles rutine for å kartleggje språk ved tre års
alder, og dei drøftar uro for eit barn med foreldra først. Skulane følgjer opp fråvær etter ein fast
trapp: kontaktlæraren tek kontakt etter tre dagar, rektor etter fem, og etter ti dagar vert saka
drøfta i det tverrfaglege teamet.

Barnehage, skule, helsestasjon, PPT og barnevernstenesta møtest i eit tverrfagleg team kvar månad.
Teamet drøftar saker anonymt eller med samtykke frå foreldra. Kommunalsjef for oppvekst kallar inn
til møta og set opp sakslista. Når tenestene er usamde om kven som skal følgje opp eit barn, avgjer
kommunalsjefen saka etter å ha høyrt dei involverte. Kvar skule og kvar barnehage har ein fast
kontaktperson i barnevernstenesta, som dei kan ringje for råd utan at det vert sak.

Ungdomsrådet vert høyrt i alle saker som gjeld barn og unge. Elevråda gjennomfører ei årleg
undersøking om trivsel, og resultata vert lagde fram for hovudutval for oppvekst. Barn som får hjelp
frå fleire tenester, får sjølve seie kva dei meiner om hjelpa, og svara vert brukte når tiltaka vert
evaluerte.

Alle tilsette som møter barn, får opplæring i samtalar med barn om vanskelege tema. PPT gjev
rettleiing til barnehagane kvar månad. Barnevernstenesta held kurs om meldeplikta kvart år, og
nytilsette i barnehage og skule får kurset det første halvåret.

Helsestasjonen tek seg av heimebesøk, foreldrerettleiing og helsesjukepleiar på skulane. Barnehagane
tek seg av språkkartlegging, samarbeid med foreldra og melding ved bekymring. Skulane tek seg av
fråværsoppfølging, trivselsarbeid og elevsamtalar. PPT gjev rettleiing og sakkunnige vurderingar.
Barnevernstenesta gjev råd og rettleiing til dei andre tenestene og undersøkjer ved melding.

Tiltaka vert dekte innanfor dei ordinære rammene, med unntak av foreldrerettleiing i grupper, som
krev 150 000 kroner i året, og opplæringa i samtalar med barn, som krev 60 000 kroner det første
året. Begge deler er lagt inn i økonomiplanen for 2026–2029.

Hovudutval for oppvekst får ein rapport om arbeidet kvart år. Rapporten syner tal frå Ungdata, tal
på meldingar til barnevernstenesta, kor mange familiar som har fått rettleiing og kva ungdomsrådet
meiner om tiltaka. Plana vert revidert i 2030, og arbeidet med revisjonen tek til eitt år før.
"""

PLAN_PAGE_WITHOUT_HEADINGS_NB = """
Plan for forebygging av omsorgssvikt og atferdsvansker i Dalvik 2025–2028

Planen ble vedtatt av kommunestyret 3. april 2025 og gjelder for hele oppvekstområdet.

Helsestasjonen tilbyr alle foreldre en samtale om samspill når barnet er åtte måneder. Barnehagene
bruker samme verktøy for å følge med på språk og trivsel, og de tar bekymringen opp med foreldrene
tidlig. Skolene følger opp elever med høyt fravær etter en felles rutine. PP-tjenesten veileder
barnehagene og skolene hver måned. Barneverntjenesten har faste kontordager på ungdomsskolen og
gir råd uten at det blir en sak. Familiesenteret tilbyr foreldrekurs to ganger i året.

Oppvekstsjefen har det samlede ansvaret og kaller inn det tverrfaglige teamet hver måned.
Kommunestyret får en rapport om arbeidet hvert år, og planen rulleres i 2028.
"""

# A thin plan organised in chapters of its own (introduction, services), with little in them yet.
THIN_PLAN_WITH_CHAPTERS_NN = """
# Plan for førebygging av omsorgssvikt og åtferdsvanskar 2026–2029
## Innleiing
Plana gjeld alle born og unge i bygda og familiane deira, og ho vert rullert kvart fjerde år.
## Tenester
Barnehagane, skulane og helsestasjonen arbeider saman om tidleg hjelp.
"""

GUARDS = {
    "tynt_utkast_med_horingsfrist_nb": (THIN_DRAFT_DEADLINE_NB, "horingsutkast"),
    "utkast_som_opnar_med_hoyring_nn": (DRAFT_OPENS_WITH_HEARING_NN, "horingsutkast"),
    "utkast_som_apner_med_horing_nb": (DRAFT_OPENS_WITH_HEARING_NB, "horingsutkast"),
    "planprogram_som_apner_med_horing_nb": (PLANPROGRAM_OPENS_WITH_HEARING_NB, "planprogram"),
    "plan_som_nettside_nb": (PLAN_AS_WEB_PAGE_NB, "plan"),
    "tynn_plan_med_innhald_nn": (THIN_PLAN_WITH_CONTENTS_NN, "plan"),
    "plan_utan_overskrifter_nn": (PLAN_WITHOUT_HEADINGS_NN, "plan"),
    "planside_uten_overskrifter_nb": (PLAN_PAGE_WITHOUT_HEADINGS_NB, "plan"),
}


def _file_name(name: str, text: str) -> str:
    """Markdown when the text has Markdown headings, else plain text as copied from a web page."""
    return f"{name}.md" if text.lstrip().startswith("#") else f"{name}.txt"


@pytest.mark.parametrize("name", sorted(ABOUT_THE_PLAN))
def test_a_text_about_a_plan_is_not_the_plan(tmp_path, name):
    result = check_text(tmp_path, ABOUT_THE_PLAN[name], name=_file_name(name, ABOUT_THE_PLAN[name]))
    assert result.type.value == "annet" and result.type_certain, (name, result.type_signals)


@pytest.mark.parametrize("name", sorted(GUARDS))
def test_a_thin_plan_draft_or_planprogram_keeps_its_type(tmp_path, name):
    text, expected = GUARDS[name]
    result = check_text(tmp_path, text, name=_file_name(name, text))
    assert result.type.value == expected and result.type_certain, (name, result.type_signals)


def test_a_thin_plan_with_chapters_of_its_own_is_still_a_plan(tmp_path):
    """Little in it yet, so the type may be uncertain; but chapters of its own are no page about it."""
    result = check_text(tmp_path, THIN_PLAN_WITH_CHAPTERS_NN, name="tynn.md")
    assert result.type.value == "plan", result.type_signals
