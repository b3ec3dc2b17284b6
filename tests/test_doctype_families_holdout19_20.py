"""Two concepts from the blind sets holdout19 and holdout20 (missed at first contact), each as a
family of our own paraphrases, bokmål and nynorsk, with guards that must keep their verdict:

- a plan of another kind that says it is not the § 15-1 plan ("Ungdomsplanen er ikkje kommunen
  sin plan for førebygging …") is another document, however plan-like its chapters are;
  "ikke bare …" and "ikke X, men …" say what a plan also or rather is, and a plan that says so
  of another plan further in stays a plan;
- an adoption still to come in a participle after "tenkt", "forventet", "venta å bli" ("Planen
  er tenkt sluttbehandla i kommunestyret i desember") is no adoption, so a hearing draft that
  says so stays a draft.
"""

from __future__ import annotations

import pytest
from helpers_engine import check_text

BODY_NB = """
## Mål
Alle barn og unge skal ha minst ett trygt sted å være etter skoletid, og flere skal delta i
aktiviteter de selv har valgt.

## Tiltak
Tiltak | Ansvar | Når
Åpen møteplass to kvelder i uka | Kulturenheten | 2025
Egen ungdomskontakt i 50 % stilling | Kommunedirektøren | 2026

## Samarbeid
Kulturenheten, skolene og helsestasjonen for ungdom møtes hvert halvår.

## Oppfølging
Planen evalueres hver vår, og ungdomsrådet får en kort rapport.
"""

BODY_NN = """
## Mål
Alle ungdomar skal ha ein stad å vere på fritida, og fleire skal vere med i aktivitetar.

## Tiltak
Tiltak | Ansvar | Når
Open møtestad to kveldar i veka | Kultureininga | 2025
Eigen ungdomskontakt i 50 % stilling | Kommunedirektøren | 2026

## Samarbeid
Kultureininga, skulane og helsestasjonen for ungdom møtest kvart halvår.

## Oppfølging
Planen blir evaluert kvar vår, og ungdomsrådet får ein kort rapport.
"""

NOT_THE_PLAN = {
    "ungdomsplan_nn": """
# Ungdomsplan for Vestnes 2025–2028
Vedteken av kommunestyret 10.04.2025, sak 18/25

## Føreord
Ungdomsplanen er ikkje kommunen sin plan for førebygging av omsorgssvikt og åtferdsvanskar etter
barnevernslova § 15-1. Den planen vart vedteken i 2024, og dei to planane utfyller kvarandre.
""" + BODY_NN,
    "handlingsplan_nb": """
# Handlingsplan for psykisk helse blant barn og unge 2024–2027
Vedtatt av kommunestyret 14.02.2024, sak 8/24

## Innledning
Handlingsplanen omhandler ikke kommunens plan for forebygging av omsorgssvikt og atferdsvansker,
som ble vedtatt i 2023. Her beskriver vi tilbudet innen psykisk helse og rus.
""" + BODY_NB,
    "dette_er_ikke_nb": """
# Fritidsplan for barn og unge i Nordby 2025–2029
Vedtatt i kommunestyret 03.06.2025, sak 33/25

## Om planen
Vi har laget denne planen sammen med ungdomsrådet. Dette er ikke planen etter barnevernsloven
§ 15-1; den er en egen plan som kommunestyret vedtok i 2022.
""" + BODY_NB,
    "plana_gjeld_nn": """
# Plan for kultur og fritid 2025–2028
Sunndal kommune

## Innleiing
Denne plana gjeld ikkje det førebyggjande arbeidet etter § 15-1 i barnevernslova, som har ei eiga
plan. Plana handlar om kva ungdom kan gjere på fritida.
""" + BODY_NN,
}

STILL_THE_PLAN = {
    "ikke_bare_nb": """
# Plan for forebygging av omsorgssvikt og atferdsvansker 2025–2028
Østby kommune. Vedtatt i kommunestyret 12.06.2025, sak 41/25.

## Innledning
Planen er ikke bare et dokument for barnevernstjenesten; den er kommunens plan etter
barnevernsloven § 15-1 for alle tjenester som arbeider med barn og familier.
""" + BODY_NB,
    "ikke_men_nn": """
# Plan for førebygging av omsorgssvikt og åtferdsvanskar 2025–2028
Vestby kommune. Vedteken i kommunestyret 19.06.2025, sak 52/25.

## Innleiing
Plana er ikkje ein plan for barnevernstenesta åleine, men for alle tenestene som arbeider
førebyggjande etter barnevernslova § 15-1.
""" + BODY_NN,
    "annen_plan_lenger_inn_nb": """
# Plan for forebygging av omsorgssvikt og atferdsvansker 2025–2028
Nordvik kommune. Vedtatt i kommunestyret 12.06.2025, sak 44/25.

## Innledning
Planen beskriver hvordan tjenestene i kommunen sammen skal forebygge omsorgssvikt og
atferdsvansker hos barn og unge, og hvordan vi fordeler ansvaret mellom dem.
""" + BODY_NB + "\n" + "Vi følger med på utviklingen gjennom Ungdata og skolehelsetjenesten. " * 25 + """

## Andre planer
Rusplanen er ikke kommunens plan for forebygging av omsorgssvikt, men den støtter det samme arbeidet.
""",
}

DRAFT_START = """
# Høringsutkast: Plan for forebygging av omsorgssvikt og atferdsvansker 2026–2029
{kommune} kommune

Formannskapet vedtok i møte 2. oktober 2025, sak 58/25, å legge planutkastet ut på høring.
Høringsfristen er 14. november 2025. {planned}

## Mål
Vi skal oppdage barn som strever tidlig, og gi familiene hjelp før vanskene vokser.

## Organisering og ansvar
Kommunalsjef for oppvekst leder arbeidet. Oppvekstteamet med helsestasjon, barnehage, skole og
barnevernstjenesten møtes hver måned og fordeler oppgavene.

## Samarbeid
Tjenestene deler kunnskap i faste møter, og foreldre får én kontaktperson.

## Tiltak
Tiltak | Ansvar | År
Foreldreveiledning for alle | Helsestasjonen | 2026
"""

PLANNED_ADOPTION = {
    "tenkt_nn": ("Strand", "Planen er tenkt sluttbehandla i kommunestyret i desember 2025."),
    "forventet_nb": ("Eikeby", "Planen er forventet sluttbehandlet i kommunestyret 11. desember 2025."),
    "venta_nn": ("Fjellvik", "Plana er venta å bli vedteken av heradsstyret i februar 2026."),
    "ment_nb": ("Havøy", "Det er ment at kommunestyret skal vedta planen i januar, og planen er ment vedtatt "
                         "før sommeren."),
}


def _fired(result, signal: str) -> bool:
    return any(line.startswith(f"{signal} (") for line in result.type_signals)


@pytest.mark.parametrize("name", sorted(NOT_THE_PLAN))
def test_a_document_that_says_it_is_not_the_15_1_plan_is_another_document(tmp_path, name):
    result = check_text(tmp_path, NOT_THE_PLAN[name], name=f"{name}.md")
    assert result.type.value == "annet", (name, result.type_signals)
    assert _fired(result, "ikke_planen_etter_loven"), result.type_signals


@pytest.mark.parametrize("name", sorted(STILL_THE_PLAN))
def test_a_plan_that_says_what_it_also_or_rather_is_stays_a_plan(tmp_path, name):
    result = check_text(tmp_path, STILL_THE_PLAN[name], name=f"{name}.md")
    assert result.type.value == "plan", (name, result.type_signals)
    assert not _fired(result, "ikke_planen_etter_loven"), result.type_signals


@pytest.mark.parametrize("name", sorted(PLANNED_ADOPTION))
def test_an_adoption_still_to_come_leaves_a_draft_a_draft(tmp_path, name):
    kommune, planned = PLANNED_ADOPTION[name]
    result = check_text(tmp_path, DRAFT_START.format(kommune=kommune, planned=planned), name=f"{name}.md")
    assert result.adoption is None, (name, result.adoption)
    assert result.type.value == "horingsutkast", (name, result.type_signals)


def test_the_same_draft_once_adopted_reports_the_adoption(tmp_path):
    """The guard of the family: a past adoption in the same place is found."""
    adopted = "Planen ble sluttbehandlet i kommunestyret 11.12.2025, sak 71/25."
    text = DRAFT_START.format(kommune="Strand", planned=adopted)
    result = check_text(tmp_path, text, name="vedtatt.md")
    assert result.adoption is not None and result.adoption.body == "kommunestyret", result.adoption


# --- plans on another topic: violence in close relations, mental health and substance use ---------

OTHER_TOPIC_BODY = """
## Mål
Færre barn og unge skal ha det vanskelig, og alle tilsette skal vite kva dei skal gjere.

## Organisering
Kommunalsjefen har ansvaret. Eit team med helsestasjonen, barnevernstenesta og NAV møtest kvar månad.

## Tiltak
| Tiltak | Ansvar |
|---|---|
| Opplæring for tilsette | Kommunalsjefen |
| Foreldrekurs | Helsestasjonen |

## Oppfølging
Planen blir evaluert kvart år.
"""

OTHER_TOPIC = {
    "vold_nb": "# Handlingsplan mot vold i nære relasjoner 2024–2027\nVedtatt av kommunestyret 12.03.2024, sak 15/24\n",
    "vald_nn": "# Plan mot vald og overgrep i nære relasjonar 2025–2028\nVedteken av kommunestyret 3.4.2025\n",
    "psykisk_helse_nn": "# Plan for psykisk helse og rus 2025–2029\nVedteken i heradsstyret 20.02.2025, sak 9/25\n",
    "rus_nb": "# Handlingsplan for rusforebyggende arbeid blant ungdom\nVedtatt av bystyret 5.6.2024\n",
}

PREVENTION_TITLES = {
    "omsorgssvikt_og_vold_nb": "# Plan for forebygging av vold, omsorgssvikt og atferdsvansker 2025–2028\n"
                               "Vedtatt av kommunestyret 12.06.2025, sak 40/25\n",
    "psykisk_helse_og_omsorgssvikt_nn": "# Plan for psykisk helse og førebygging av omsorgssvikt hos born og unge\n"
                                        "Vedteken av kommunestyret 19.06.2025, sak 51/25\n",
    "kapittel_om_vold_nb": "# Plan for forebygging av omsorgssvikt og atferdsvansker 2025–2028\n"
                           "Vedtatt av kommunestyret 12.06.2025, sak 42/25\n\n## Vold i nære relasjoner\n"
                           "Barn som lever med vold, skal oppdages tidlig.\n",
}


@pytest.mark.parametrize("name", sorted(OTHER_TOPIC))
def test_a_plan_on_another_topic_is_another_document(tmp_path, name):
    result = check_text(tmp_path, OTHER_TOPIC[name] + OTHER_TOPIC_BODY, name=f"{name}.md")
    assert result.type.value == "annet", (name, result.type_signals)


@pytest.mark.parametrize("name", sorted(PREVENTION_TITLES))
def test_a_prevention_plan_that_also_names_violence_or_mental_health_stays_a_plan(tmp_path, name):
    result = check_text(tmp_path, PREVENTION_TITLES[name] + OTHER_TOPIC_BODY, name=f"{name}.md")
    assert result.type.value == "plan", (name, result.type_signals)


# --- a hearing letter with the draft after it is the draft (holdout22) ------------------------------

LETTER_NB = """
# Høring – forslag til plan for forebygging av omsorgssvikt og atferdsvansker
Til høringsinstansene. Vår ref.: 2026/118. Dato: 09.02.2026

Formannskapet vedtok 05.02.2026, sak 11/26, å sende forslaget på høring. Forslaget følger vedlagt.
Innspill sendes til postmottak innen 20. mars 2026.

Med vennlig hilsen
Kari Nilsen, kommunalsjef
"""

LETTER_NN = """
# Høyring – framlegg til plan for førebygging av omsorgssvikt og åtferdsvanskar
Til høyringsinstansane. Vår ref.: 2026/77. Dato: 10.02.2026

Formannskapet vedtok 06.02.2026 å sende framlegget på offentleg høyring. Framlegget ligg ved brevet.
Innspel kan sendast til postmottak innan 20. mars 2026.

Med helsing
Ola Vik, rådgjevar
"""

DRAFT_BODY = """
# Trygge born – plan for førebygging av omsorgssvikt og åtferdsvanskar 2026–2030
HØYRINGSUTKAST – februar 2026

## Innleiing
Kommunen skal etter barnevernslova ha ein plan for det førebyggjande arbeidet. Planen gjeld born og
unge frå 0 til 18 år og familiane deira, og han skildrar kva tenestene skal gjere kvar for seg og
saman. Arbeidsgruppa har hatt med seg leiarar frå barnehage, skule, helsestasjon og barnevern.

## Slik har borna det
Dei fleste borna i kommunen har det godt. Ungdata viser likevel at fleire unge kjenner seg einsame
enn før, og at fleire familiar ber om hjelp frå barnevernstenesta. Skulane melder om meir uro i
klassane, og helsestasjonen ser fleire foreldre som er slitne.

## Mål
Born som strevar, skal bli sedde tidleg, og familiane skal få hjelp før vanskane veks. Alle born skal
ha ein trygg vaksen i barnehagen og på skulen.

## Organisering
Kommunalsjef for oppvekst leier arbeidet, og oppvekstteamet fordeler oppgåvene.

## Samarbeid
Helsestasjonen, barnehagane, skulane og barnevernstenesta møtest kvar månad i oppvekstteamet.

## Tiltak
| Tiltak | Ansvar |
|---|---|
| Foreldrerettleiing | Helsestasjonen |

## Oppfølging
Planen blir evaluert kvart år.
"""


@pytest.mark.parametrize("letter", [LETTER_NB, LETTER_NN], ids=["nb", "nn"])
def test_a_hearing_letter_with_the_draft_after_it_is_the_draft(tmp_path, letter):
    result = check_text(tmp_path, letter + DRAFT_BODY, name="brev_og_utkast.md")
    assert result.type.value == "horingsutkast", result.type_signals


@pytest.mark.parametrize("letter", [LETTER_NB, LETTER_NN], ids=["nb", "nn"])
def test_a_hearing_letter_alone_is_no_draft(tmp_path, letter):
    result = check_text(tmp_path, letter, name="brev.md")
    assert result.type.value == "annet", result.type_signals


# --- adoption lines: a saksprotokoll's voted decision counts, a line left to fill in does not -------

PLAN_BODY_NB = """
## Mål
Vi skal oppdage barn som strever tidlig, og gi familiene hjelp før vanskene vokser.

## Organisering
Kommunalsjef for oppvekst leder arbeidet. Oppvekstteamet med helsestasjon, barnehage, skole og
barnevernstjenesten møtes hver måned og fordeler oppgavene.

## Tiltak
| Tiltak | Ansvar |
|---|---|
| Foreldreveiledning for alle | Helsestasjonen |
"""

PROTOCOLS = {
    "enstemmig_nb": """
### Vedlegg: Utskrift av saksprotokoll
Kommunestyret. Møtedato: 19.06.2025. Sak: PS 34/25

Vedtak (enstemmig): Kommunestyret vedtar planen for forebygging av omsorgssvikt og atferdsvansker.
""",
    "samrøystes_nn": """
### Vedlegg: Saksprotokoll
Heradsstyret. Møtedato: 19.06.2025. Sak: PS 34/25

Vedtak (samrøystes): Heradsstyret vedtek plana for førebygging av omsorgssvikt og åtferdsvanskar.
""",
    "stemmer_nb": """
## Saksprotokoll
Kommunestyret 19.06.2025, sak 34/25

Kommunestyrets vedtak (mot 3 stemmer): Planen for forebygging av omsorgssvikt og atferdsvansker vedtas.
""",
}

LEFT_TO_FILL = {
    "streker_nb": "Vedtatt av kommunestyret: \\_\\_\\_.\\_\\_\\_.2026, sak \\_\\_\\_/26",  # Markdown escapes
    "klammer_nn": "Vedteken i kommunestyret [dato], sak [nr.]",
    "xx_nb": "Vedtatt i kommunestyret xx.xx.2026, sak xx/26",
    "dd_mm_nb": "Godkjent av kommunestyret dd.mm.åååå",
}


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
def test_the_voted_decision_line_of_a_saksprotokoll_is_the_adoption(tmp_path, name):
    text = "# Plan for forebygging av omsorgssvikt og atferdsvansker 2025–2029\n" + PLAN_BODY_NB + PROTOCOLS[name]
    result = check_text(tmp_path, text, name=f"{name}.md")
    assert result.adoption is not None and result.adoption.date == "2025-06-19", (name, result.adoption)


@pytest.mark.parametrize("name", sorted(LEFT_TO_FILL))
def test_an_adoption_line_left_to_fill_in_is_no_adoption(tmp_path, name):
    text = ("# Plan for forebygging av omsorgssvikt og atferdsvansker 2026–2030\nHØRINGSUTKAST 12. januar 2026\n\n"
            + LEFT_TO_FILL[name] + "\n" + PLAN_BODY_NB)
    result = check_text(tmp_path, text, name=f"{name}.md")
    assert result.adoption is None, (name, result.adoption)
    assert result.type.value == "horingsutkast", (name, result.type_signals)
