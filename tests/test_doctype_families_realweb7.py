"""Two type concepts from the real-text batch held_out_7 (missed at first contact), each as a
family of our own paraphrases, bokmål and nynorsk, with guards that must keep their type:

- a plan for the school or kindergarten environment (against bullying and offensive
  behaviour, for a safe learning environment) is a plan of another kind, not the § 15-1 plan,
  however much it speaks of prevention in the municipality's own voice;
- a text that speaks of hearing drafts as a kind of document the municipality sends somewhere
  ("høringsutkast som gjelder barn, sendes til ungdomsrådet") does not call itself a draft.
"""

from __future__ import annotations

import pytest
from helpers_engine import check_text

SCHOOL_ENVIRONMENT = {
    "krenkelser_nb": """
# Tiltaksplan mot krenkende atferd i skolene og barnehagene i Nordvik kommune
Versjon 2. februar 2024

Alle barn i Nordvik skal oppleve trygghet og trivsel. Vi har nulltoleranse for krenkelser, og vi vet
at trivsel betyr mye for læring. Skolene og barnehagene arbeider med forebyggende tiltak hele året,
og vi samarbeider tett med hjemmene. Denne planen viser hva vi gjør for å forebygge mobbing og
krenkende atferd, hvordan vi avdekker det, og hvordan vi følger opp når noe har skjedd.
Vi tror at god klasseledelse, gode relasjoner mellom voksne og barn og et godt samarbeid mellom
skole og hjem er avgjørende. Rektor og styrer har ansvar for at planen følges, og alle ansatte skal
gripe inn når de ser krenkelser. Foreldre kan melde fra til kontaktlærer eller pedagogisk leder.
Elevene skal lære å si ifra, og vi skal ta hver melding på alvor. Hvert år evaluerer vi arbeidet i
samarbeidsutvalget og i foreldrerådet, og planen justeres når vi ser behov for det.
""",
    "mobbing_nn": """
# Handlingsplan mot mobbing for barnehagane og skulane i Fjellheim
Revidert august 2024

Me vil at alle barn skal ha ein trygg og god kvardag. Mobbing og krenkande åtferd skal ikkje
skje hos oss, og me arbeider førebyggjande kvar dag. I denne planen skildrar me korleis me
førebyggjer, avdekkjer og handterer mobbing, og kven som har ansvar for kva. Dei tilsette skal
vere merksame på samspelet mellom barna, og dei skal gripe inn med ein gong. Rektor og styrar
skal sørgje for at kvar sak blir følgd opp, og at foreldra blir tekne med. Me samarbeider med
heimen, og me vil at foreldra skal seie frå når dei er uroa. Kvart år går me gjennom planen i
samarbeidsutvalet, og me justerer tiltaka etter det me har lært.
""",
    "skolemiljo_nb": """
# Plan for et trygt og godt skolemiljø
Vestbygd kommune, skolene

Vi skal sørge for at alle elever har et trygt og godt skolemiljø som fremmer helse, trivsel og
læring. Planen beskriver hvordan vi forebygger krenkelser og uro, hvordan vi følger med, og hva vi
gjør når en elev ikke har det trygt og godt. Alle som arbeider på skolen skal følge med på hvordan
elevene har det, og skal gripe inn og varsle rektor. Rektor skal sette i verk tiltak og lage en
skriftlig plan for hver sak. Vi legger vekt på godt samarbeid med foreldrene, og vi tar elevenes
egne opplevelser på alvor. Skolemiljøet drøftes hvert år i skolemiljøutvalget, og vi justerer
tiltakene etter elevundersøkelsen.
""",
    "barnehagemiljo_nn": """
# Handlingsplan for eit godt psykososialt barnehagemiljø
Sørdal kommune, barnehagane

Me skal sørgje for at alle barn i barnehagane våre har det trygt og godt. Planen syner korleis me
førebyggjer utestenging og krenkande åtferd, korleis me følgjer med, og kva me gjer når eit barn
ikkje har det bra. Alle tilsette skal følgje med på leiken og gripe inn. Styraren har ansvar for at
tiltak blir sette i verk og skrivne ned. Me samarbeider med foreldra og tek barna sine eigne
opplevingar på alvor. Kvart år vurderer me arbeidet i samarbeidsutvalet og justerer planen.
""",
}

DRAFTS_AS_A_KIND = {
    "kartlegging_nb": """
# Steg 1: Medbestemmelse
Hvilke organer har kommunen der barn og unge kan være med og bestemme? Ungdomsrådet, elevrådene og
styrene i fritidsklubbene. Hvordan sikrer kommunen at barn blir hørt i saker som gjelder dem?
Høringsutkast som gjelder barn og unge, sendes direkte til ungdomsrådet og elevrådene. Hvordan
er medbestemmelsen reell? Ungdomsrådet får saker i god tid, men kommunen må bli flinkere til å ta
med ungdom tidlig i planarbeidet, før sakene blir behandlet. Barnas representant bør bli mer
synlig og ta kontakt med elevrådene selv.
""",
    "rutine_nn": """
# Korleis barn og unge blir høyrde i kommunen
Ungdomsrådet møtest fire gonger i året. Høyringsutkast vert sende til ungdomsrådet og elevråda når
saka gjeld barn og unge, og rådet kan gje uttale. Planforslag som gjeld areal der barn leikar,
blir lagde fram for representanten for barn og unge. Kommunen bør bli betre til å involvere
ungdom tidleg, og fleire tilsette treng å kjenne til rutinane. Spørsmål kan rettast til
sekretæren for ungdomsrådet.
""",
    "svar_nb": """
# Svar på spørsmål om barns medvirkning
Hvordan får barn og unge si sin mening om planer? Alle høringsutkast som berører barn, blir sendt til
ungdomsrådet, og rådet svarer innen fristen. Hvordan følges innspillene opp? Saksbehandleren
skriver i saken hva ungdomsrådet mente og hvordan det er vurdert. Hva kan bli bedre? Kommunen bør
spørre ungdom tidligere, før et forslag er skrevet.
""",
}

DRAFT = """
# Høringsutkast: Plan for forebygging av omsorgssvikt og atferdsvansker 2025–2029
Strandvik kommune

## Mål
Vi skal oppdage barn som strever tidlig, og gi familiene hjelp før vanskene vokser.

## Organisering
Kommunalsjef for oppvekst leder arbeidet. Oppvekstteamet med helsestasjon, barnehage, skole og
barnevernstjenesten møtes hver måned.

## Samarbeid
Tjenestene deler kunnskap i faste møter, og foreldre får én kontaktperson.

Innspill sendes til postmottak innen 1. mars 2025.
"""

PLAN_THAT_NAMES_ANTI_BULLYING_WORK = """
# Plan for forebygging av omsorgssvikt og atferdsvansker 2024–2028
Austvik kommune. Vedtatt i kommunestyret 12.06.2024, sak 41/24.

## Mål
Vi skal oppdage barn og familier som strever tidlig, og gi dem hjelp i tide.

## Organisering og ansvar
Kommunalsjef for oppvekst har ansvar for planen. Oppvekstteamet med helsestasjonen, barnehagene,
skolene, PPT og barnevernstjenesten møtes hver måned og fordeler oppgavene.

## Samarbeid
Tjenestene samarbeider i faste stafettlogg-møter, og foreldre får én kontaktperson.

## Tiltak
Skolene følger sin egen handlingsplan mot mobbing, og barnehagene har en plan for et godt
barnehagemiljø. Helsestasjonen tilbyr foreldreveiledning til alle.
"""


def _type(tmp_path, name, text):
    return check_text(tmp_path, text, name=f"{name}.md")


def _fired(result, signal: str) -> bool:
    return any(line.startswith(f"{signal} (") for line in result.type_signals)


@pytest.mark.parametrize("name", sorted(SCHOOL_ENVIRONMENT))
def test_a_plan_for_the_school_environment_is_a_plan_of_another_kind(tmp_path, name):
    result = _type(tmp_path, name, SCHOOL_ENVIRONMENT[name])
    assert result.type.value == "annet", (name, result.type_signals)


@pytest.mark.parametrize("name", sorted(DRAFTS_AS_A_KIND))
def test_hearing_drafts_spoken_of_as_a_kind_of_document_make_no_draft(tmp_path, name):
    result = _type(tmp_path, name, DRAFTS_AS_A_KIND[name])
    assert result.type.value == "annet", (name, result.type_signals)
    assert not _fired(result, "utkast"), result.type_signals


def test_a_draft_that_names_itself_so_stays_a_draft(tmp_path):
    result = _type(tmp_path, "utkast", DRAFT)
    assert result.type.value == "horingsutkast" and _fired(result, "utkast"), result.type_signals


def test_a_plan_that_names_the_schools_anti_bullying_plan_among_its_measures_stays_a_plan(tmp_path):
    result = _type(tmp_path, "plan", PLAN_THAT_NAMES_ANTI_BULLYING_WORK)
    assert result.type.value == "plan" and result.type_certain, result.type_signals
