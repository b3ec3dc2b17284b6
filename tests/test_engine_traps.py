"""Each evidence trap of DOMAIN.md as an end-to-end check on a whole document (bokmål and nynorsk)."""

from __future__ import annotations

import pytest
from helpers_engine import check_text, status

NB_FRAME = """
# Plan for forebygging av omsorgssvikt og atferdsvansker 2024–2028
Eksempelby kommune

## Innledning
{intro}

## Tjenester
Vi har barnehager, skoler og helsestasjon i kommunen.

## Oppsummering
{body}
"""

NN_FRAME = """
# Plan for førebygging av omsorgssvikt og åtferdsvanskar 2024–2028
Eksempelbygd kommune

## Innleiing
{intro}

## Tenester
Me har barnehagar, skular og helsestasjon i kommunen.

## Oppsummering
{body}
"""

LAW_QUOTE_NB = ("Barnevernsloven § 15-1 andre ledd sier: «Kommunestyret selv skal vedta en plan for kommunens "
                "forebyggende arbeid. Planen skal beskrive hva som er målene for arbeidet, hvordan arbeidet skal "
                "organiseres og fordeles mellom tjenestene i kommunen, og hvordan tjenestene skal samarbeide.»")
LAW_QUOTE_NN = ("Barnevernslova § 15-1 andre ledd seier at kommunestyret sjølv skal vedta ein plan. Plana skal "
                "skildre kva som er måla for arbeidet, korleis arbeidet skal organiserast og fordelast mellom "
                "tenestene i kommunen, og korleis tenestene skal samarbeide.")


@pytest.mark.parametrize("frame, quote", [(NB_FRAME, LAW_QUOTE_NB), (NN_FRAME, LAW_QUOTE_NN)])
def test_law_quotation_is_not_evidence(tmp_path, frame, quote):
    result = check_text(tmp_path, frame.format(intro=quote, body="Dette er ei kort oppsummering."))
    assert result.type.value == "plan"
    for rule in ("maal", "organisering", "samarbeid"):
        assert status(result, rule) == "mangler", rule
    assert status(result, "lovhenvisning") == "oppfylt"  # the citation itself still counts for BV301


def test_reform_goals_are_not_the_municipalitys_goals(tmp_path):
    intro = ("Barnevernsreformen trådte i kraft 1.1.2022. Målene for reformen er å sikre at:\n\n"
             "- barn og familier får riktig hjelp til riktig tid\n- kommunene styrker det forebyggende arbeidet")
    result = check_text(tmp_path, NB_FRAME.format(intro=intro, body="Vi vil gjøre vårt beste."))
    assert status(result, "maal") == "mangler"
    own = check_text(tmp_path, NB_FRAME.format(
        intro=intro, body="Hovedmålet vårt er at alle barn i kommunen skal vokse opp i trygge familier."), "own.md")
    assert status(own, "maal") == "oppfylt"


@pytest.mark.parametrize("text", [
    """
    # Planprogram for plan for forebygging av omsorgssvikt og atferdsvansker
    ## Formål med planarbeidet
    Dette planprogrammet beskriver hvordan planen skal utarbeides. Planen skal beskrive mål, organisering og
    samarbeid. Arbeidsgruppen skal utarbeide et utkast innen mars.
    ## Medvirkning
    Planprogrammet sendes på høring. Ungdomsrådet skal få gi innspill.
    ## Hjemmel
    Plikten følger av barnevernloven § 3-1.
    """,
    """
    # Planprogram for plan for førebygging av omsorgssvikt og åtferdsvanskar
    ## Føremål
    Planprogrammet skildrar korleis plana skal lagast. Plana skal skildre mål og organisering.
    Arbeidsgruppa skal utarbeide eit utkast innan mars.
    ## Hjemmel
    Plikta følgjer av barnevernlova § 3-1.
    """,
])
def test_planprogram_is_recognised_not_graded(tmp_path, text):
    result = check_text(tmp_path, text)
    assert result.type.value == "planprogram"
    assert status(result, "maal") == "ikke_relevant"
    assert status(result, "vedtak") == "ikke_relevant"
    assert status(result, "lovhenvisning") == "delvis"  # old § 3-1
    assert any("planprogram" in note for note in result.notes)


def test_hearing_decision_is_not_adoption(tmp_path):
    text = NB_FRAME.format(intro="Formannskapet vedtok 14.03.2025 å sende planen på høring.",
                           body="Hovedmålet er trygge barn i kommunen.")
    result = check_text(tmp_path, text)
    assert status(result, "vedtak") == "mangler"
    vedtak = next(f for f in result.findings if f.name == "vedtak")
    assert "høring" in vedtak.message
    assert result.adoption is None


def test_draft_gets_not_relevant_adoption_with_reminder(tmp_path):
    text = NB_FRAME.replace("# Plan for", "# Høringsutkast – Plan for").format(
        intro="Formannskapet vedtok 14.03.2025 å sende planen på høring. Høringsfrist er 1. mai 2025.",
        body="Hovedmålet er trygge barn i kommunen.")
    result = check_text(tmp_path, text)
    assert result.type.value == "horingsutkast"
    vedtak = next(f for f in result.findings if f.name == "vedtak")
    assert vedtak.status.value == "ikke_relevant"
    assert "kommunestyret selv" in vedtak.message


@pytest.mark.parametrize("line, expected, body", [
    ("Vedtatt i kommunestyret 29.05.2024, sak 18/24.", "oppfylt", "kommunestyret"),
    ("Vedtatt i bystyret 24.04.2024, sak 31/24.", "oppfylt", "bystyret"),
    ("Handsama: Vedteke av Eksempelbygd heradsstyre 18.06.2024, sak 52/24.", "oppfylt", "heradsstyret"),
    ("Vedtatt i formannskapet 02.04.2024, sak 12/24.", "mangler", "formannskapet"),
])
def test_adoption_body_decides(tmp_path, line, expected, body):
    result = check_text(tmp_path, NB_FRAME.format(intro=line, body="Hovedmålet er trygge barn i kommunen."))
    assert status(result, "vedtak") == expected
    assert result.adoption is not None and result.adoption.body == body
    if expected == "mangler":
        vedtak = next(f for f in result.findings if f.name == "vedtak")
        assert "delegeres" in vedtak.message


def test_future_adoption_is_not_adoption(tmp_path):
    result = check_text(tmp_path, NB_FRAME.format(
        intro="Planen skal vedtas av kommunestyret i juni.", body="Hovedmålet er trygge barn."))
    assert status(result, "vedtak") == "mangler"
    assert result.adoption is None


def test_adoption_in_appended_case_protocol(tmp_path):
    body = ("Hovedmålet er trygge barn.\n\n## Saksprotokoll\nBehandling i bystyret 24.04.2024, sak 31/24.\n\n"
            "Bystyret vedtok planen enstemmig.")
    result = check_text(tmp_path, NB_FRAME.format(intro="Planen bygger på kommuneplanen.", body=body))
    assert status(result, "vedtak") in ("oppfylt", "delvis")
    assert result.adoption is not None and result.adoption.body == "bystyret"


def test_cover_page_key_value_table(tmp_path):
    text = """
    # Plan for forebygging av omsorgssvikt og atferdsvansker
    | Vedtatt av | Kommunestyret |
    | Dato | 12.06.2024 |
    | Saksnummer | 45/24 |
    ## Mål
    Hovedmålet vårt er at alle barn og unge i kommunen skal ha en trygg oppvekst.
    ## Tjenester
    Vi har barnehager og skoler.
    ## Samarbeid
    Vi samarbeider.
    """
    result = check_text(tmp_path, text)
    assert status(result, "vedtak") == "oppfylt"
    assert result.adoption.date == "2024-06-12"


@pytest.mark.parametrize("frame, names, tasks", [
    (NB_FRAME, "Planen gjelder barnehage, skole, helsestasjon, PPT og barnevernstjenesten.",
     "Helsestasjonen har ansvar for foreldreveiledning. Barnehagen følger opp barn med språkvansker. "
     "Skolen gjennomfører trivselsundersøkelser. PP-tjenesten veileder lærerne."),
    (NN_FRAME, "Plana gjeld barnehage, skule, helsestasjon, PPT og barnevernstenesta.",
     "Helsestasjonen har ansvar for foreldrerettleiing. Barnehagen følgjer opp born med språkvanskar. "
     "Skulen gjennomfører trivselsundersøkingar. PP-tenesta rettleier lærarane."),
])
def test_responsibility_needs_service_and_task(tmp_path, frame, names, tasks):
    only_names = check_text(tmp_path, frame.format(intro=names, body="Kort oppsummering."), "a.md")
    assert status(only_names, "ansvarsfordeling") == "delvis"
    with_tasks = check_text(tmp_path, frame.format(intro=tasks, body="Kort oppsummering."), "b.md")
    assert status(with_tasks, "ansvarsfordeling") == "oppfylt"


def test_measures_table_with_responsible_column(tmp_path):
    body = ("| Tiltak | Ansvarlig | Tidsrom |\n|---|---|---|\n| Foreldrekurs | Helsestasjonen | 2025 |\n"
            "| Trivselsprogram | Skolene | 2025 |\n| Språkgrupper | Barnehagene | 2026 |")
    result = check_text(tmp_path, NB_FRAME.format(intro="Vi har laget en tiltaksplan.", body=body))
    assert status(result, "tiltak") == "oppfylt"
    assert status(result, "ansvarsfordeling") == "oppfylt"


@pytest.mark.parametrize("frame, generic, concrete", [
    (NB_FRAME, "Tjenestene skal samarbeide godt til beste for barna.",
     "Tverrfaglig team møtes hver måned med barnehage, skole og helsestasjon."),
    (NN_FRAME, "Tenestene skal samarbeide godt til det beste for borna.",
     "Det tverrfaglege teamet møtest kvar månad med barnehage, skule og helsestasjon."),
])
def test_generic_intent_is_partial(tmp_path, frame, generic, concrete):
    vague = check_text(tmp_path, frame.format(intro=generic, body="Kort oppsummering."), "a.md")
    assert status(vague, "samarbeid") == "delvis"
    real = check_text(tmp_path, frame.format(intro=concrete, body="Kort oppsummering."), "b.md")
    assert status(real, "samarbeid") == "oppfylt"


def test_every_positive_verdict_cites_quote_section_and_place(tmp_path):
    text = NB_FRAME.format(intro="Tverrfaglig team møtes hver måned med barnehage, skole og helsestasjon.",
                           body="Hovedmålet er at alle barn i kommunen skal ha en trygg oppvekst.")
    result = check_text(tmp_path, text)
    positive = [f for f in result.findings if f.status.value in ("oppfylt", "delvis")]
    assert positive
    for finding in positive:
        assert finding.evidence, finding.code
        for ev in finding.evidence:
            assert ev.quote and ev.section
            assert ev.page is not None or ev.paragraph is not None


def test_old_section_cited_gets_note(tmp_path):
    result = check_text(tmp_path, NB_FRAME.format(
        intro="Planen er utarbeidet etter barnevernloven § 3-1.", body="Hovedmålet er trygge barn."))
    finding = next(f for f in result.findings if f.name == "lovhenvisning")
    assert finding.status.value == "delvis"
    assert "15-1" in finding.message


def test_letter_and_guidance_are_not_plans(tmp_path):
    letter = """
    # Statsforvalteren ber om kommunens plan
    Saksbehandler: Ola Nordmann. Vår ref: 2024/123.
    Vi ber om at dere sender oss kommunens plan for forebygging av omsorgssvikt og atferdsvansker.
    Kommunestyret skal vedta en plan, jf. barnevernsloven § 15-1. Dere kan sende planen til oss innen 1. mai.
    Vi ber dere også sende vedtaket.
    Med hilsen
    Statsforvalteren
    """
    result = check_text(tmp_path, letter)
    assert result.type.value == "annet"
    assert all(f.status.value == "ikke_relevant" for f in result.findings)


def test_plan_mentioning_its_own_planprogram_is_still_a_plan(tmp_path):
    text = """
    # Plan for forebygging av omsorgssvikt og atferdsvansker 2024–2028
    Eksempelby kommune
    ## Innledning
    Planprogrammet for denne planen ble fastsatt av formannskapet i 2022. Planprogrammet la opp til
    bred medvirkning, og ungdomsrådet har gitt innspill til planen.
    ## Mål
    Hovedmålet er at alle barn i kommunen skal vokse opp i trygge hjem.
    """
    result = check_text(tmp_path, text)
    assert result.type.value == "plan"
    assert result.adoption is None  # fastsetting of the planprogram is not adoption of the plan


def test_who_does_what_matrix_in_nynorsk(tmp_path):
    body = ("| Teneste | Oppgåver |\n|---|---|\n| Helsestasjonen | heimebesøk og foreldrerettleiing |\n"
            "| Barnehagen | observere og følgje opp born |\n| Skulen | trivselsprogram og elevsamtalar |")
    result = check_text(tmp_path, NN_FRAME.format(intro="Tabellen viser kven som gjer kva.", body=body))
    assert result.language == "nn"
    assert status(result, "ansvarsfordeling") == "oppfylt"


def test_every_sentence_of_a_multi_sentence_law_quote_is_a_quote(tmp_path):
    intro = ("Paragrafen lyder: «Kommunen skal fremme gode oppvekstvilkår for barn. Kommunen skal samordne "
             "sine tjenester til barn og familier. Kommunestyret selv skal vedta en plan. Planen skal beskrive "
             "hvordan arbeidet skal organiseres.»")
    result = check_text(tmp_path, NB_FRAME.format(intro=intro, body="Kort oppsummering."))
    assert status(result, "organisering") == "mangler"


def test_who_wrote_the_plan_is_not_how_the_work_is_led(tmp_path):
    intro = "Planen er utarbeidet av en arbeidsgruppe ledet av kommunalsjef for oppvekst."
    result = check_text(tmp_path, NB_FRAME.format(intro=intro, body="Kort oppsummering."))
    assert status(result, "organisering") == "mangler"


def test_plan_adopted_before_the_duty_existed(tmp_path):
    result = check_text(tmp_path, NN_FRAME.format(
        intro="Vedteken av kommunestyret 17.06.2021, sak 33/21.", body="Hovudmålet er trygge born."))
    vedtak = next(f for f in result.findings if f.name == "vedtak")
    assert vedtak.status.value == "mangler" and "1.1.2022" in vedtak.message


def test_case_document_about_the_plan_is_not_the_plan(tmp_path):
    text = """
    # Saksframlegg: Evaluering av plan for forebygging av omsorgssvikt og atferdsvansker
    ## Kommunedirektørens innstilling
    Hovedutvalget tar evalueringen til orientering.
    ## Saksopplysninger
    Gjeldende plan ble vedtatt i kommunestyret 21.06.2023, sak 58/23. Vi har mål, tiltak og samarbeid.
    ## Vurdering
    Tjenestene samarbeider godt, og tverrfaglig team møtes hver måned.
    """
    assert check_text(tmp_path, text).type.value == "annet"


def test_goals_in_a_list_after_a_lead_in(tmp_path):
    body = ("Vi har satt oss tre mål for perioden:\n\n- Alle barn skal ha en trygg voksen i barnehagen.\n"
            "- Færre unge skal slutte på skolen.\n- Foreldre skal få hjelp tidlig.")
    result = check_text(tmp_path, NB_FRAME.format(intro="Planen gjelder hele kommunen.", body=body))
    assert status(result, "maal") == "oppfylt"


def test_service_list_under_one_shared_task_is_only_names(tmp_path):
    body = ("Følgende tjenester jobber med barn og familier:\n\n- Barnehagene\n- Skolene\n- Helsestasjonen\n"
            "- PP-tjenesten")
    result = check_text(tmp_path, NB_FRAME.format(intro="Planen gjelder hele kommunen.", body=body))
    assert status(result, "ansvarsfordeling") == "delvis"


def test_district_committee_and_budget_remarks_are_not_council_adoption(tmp_path):
    intro = ("| Vedtatt av | Bydelsutvalget i Bydel Eksempel 12.03.2024 |\n\n"
             "Bystyret vedtok i budsjettet for 2023 at alle bydeler skal lage egne planer.")
    result = check_text(tmp_path, NB_FRAME.format(intro=intro, body="Hovedmålet er trygge barn."))
    vedtak = next(f for f in result.findings if f.name == "vedtak")
    assert vedtak.status.value == "mangler" and "delegeres" in vedtak.message
    assert result.adoption.body.startswith("bydelsutvalg")


def test_plan_whose_title_does_not_say_what_it_is(tmp_path):
    text = """
    # Trygg oppvekst i Eksempelbygd 2022–2026
    ## 1 Innleiing
    Denne plana skildrar korleis heradet arbeider førebyggjande.
    ## 2 Mål for arbeidet
    Alle born skal ha ein trygg vaksen.
    ## 3 Korleis arbeidet er organisert
    Kommunalsjefen leiar arbeidet.
    ## 4 Samarbeid mellom tenestene
    Ressursteamet møtest kvar månad.
    ## 5 Tiltak
    Foreldrerettleiing på helsestasjonen.
    """
    assert check_text(tmp_path, text).type.value == "plan"


def test_quoted_guidance_is_not_participation(tmp_path):
    intro = "Bufdir skriv i rettleiaren: «Barn og unge bør få medverke i arbeidet med planen.»"
    result = check_text(tmp_path, NN_FRAME.format(intro=intro, body="Kort oppsummering."))
    assert status(result, "medvirkning") == "mangler"


def test_short_untitled_note_about_prevention_is_uncertain_and_the_user_can_state_the_type(tmp_path):
    """Short texts are rarely plans (DOMAIN.md): three sentences without a title or chapters are not
    called a plan, but the type is said to be uncertain, with reasons, and a user can state it."""
    text = ("Eksempelbygd kommune\n\nForebygging av omsorgssvikt og atferdsvansker er et felles ansvar. "
            "Helsestasjonen har ansvar for foreldreveiledning, og skolen følger opp fravær. "
            "Det forebyggende arbeidet ledes av kommunalsjef for oppvekst.\n")
    result = check_text(tmp_path, text, name="notat.txt")
    assert result.type.value == "annet" and not result.type_certain
    assert any("kort" in reason for reason in result.type_reasons)
    assert any("plan" in reason for reason in result.type_reasons[1:])  # the other side is named
    stated = check_text(tmp_path, text, name="notat.txt", doc_type="plan")
    assert stated.type.value == "plan" and stated.type_given and stated.type_certain
    assert status(stated, "ansvarsfordeling") in ("delvis", "oppfylt")
    english = check_text(tmp_path, "Quarterly report on warehouse logistics and shipping volumes.\n", name="en.txt")
    assert english.type.value == "annet"


def test_plan_re_adopted_after_the_duty_counts_from_its_latest_adoption(tmp_path):
    intro = ("| Versjon | Vedtak | Sak |\n|---|---|---|\n"
             "| 1.0 | Vedtatt av kommunestyret 19.09.2019 | 63/19 |\n"
             "| 2.0 | Vedtatt av kommunestyret 13.02.2025 | 7/25 |")
    result = check_text(tmp_path, NB_FRAME.format(intro=intro, body="Hovedmålet er trygge barn."))
    assert status(result, "vedtak") == "oppfylt"
    assert result.adoption and result.adoption.date == "2025-02-13"


@pytest.mark.parametrize("title", ["Oppvekstrapport 2024 for Eksempelbygd herad", "Tilstandsrapport oppvekst 2024"])
def test_report_that_names_the_plan_and_its_adoption_is_not_the_plan(tmp_path, title):
    text = f"""
    # {title}
    ## Om rapporten
    Rapporten skildrar situasjonen i 2024. Mål og tiltak står i Plan for førebygging av omsorgssvikt og
    åtferdsvanskar, som heradsstyret vedtok 14.12.2023, sak 88/23.
    ## Barn og unge
    Det bur 171 barn under 18 år i kommunen, og talet på barn i barnehage har gått ned.
    ## Barnehage
    Alle barn som søkte plass, fekk plass. Foreldra er nøgde med barnehagen.
    ## Skule
    Elevane trivst, og fråværet har gått ned frå i fjor.
    """
    assert check_text(tmp_path, text).type.value == "annet"


# ---- Concept families (DOMAIN.md points 9, 11, 12): each miss as several paraphrases. ----
# The frame is the same plan in each case; only the section under test changes.

FAMILY_FRAME = """
# Plan for forebygging av omsorgssvikt og atferdsvansker 2024–2028
Fjellvik kommune

## Innledning
Planen gjelder det forebyggende arbeidet for barn og unge i kommunen.

{section}

## Vedtak
Planen ble vedtatt av kommunestyret 12.03.2024, sak 14/24.
"""


def check_section(tmp_path, section: str, name: str = "plan.md"):
    return check_text(tmp_path, FAMILY_FRAME.format(section=section.strip()), name)


GOALS_WITHOUT_THE_WORD = [
    "## Hit vil vi\nAlle barn i Fjellvik skal oppleve trygghet hjemme og i barnehagen. "
    "Familier som strever, skal få hjelp tidlig og fra riktig tjeneste.",
    "## Det vi strekkjer oss etter\nAlle born og unge i Fjellvik skal ha ein trygg oppvekst. "
    "Familiar som strevar, skal få hjelp tidleg.",
    "## Dette ønsker vi for barna\nVi vil at alle barn skal vokse opp i trygge familier og få hjelp "
    "når de trenger det.",
    "## Barn og familier i Fjellvik\nVi vil at alle barn i kommunen skal oppleve trygghet. "
    "Familier som strever, skal få hjelp tidlig og fra riktig tjeneste.",
    "## Ønskt framtid for borna våre\nKvart barn i heradet skal kjenne seg sett av ein vaksen. "
    "Me vil at foreldre skal få rettleiing før vanskane veks seg store.",
    "## Slik vil vi ha det i 2028\n- Alle barn og unge opplever at de hører til i et trygt fellesskap.\n"
    "- Familier som strever, får hjelp tidlig og fra riktig tjeneste.",
]


@pytest.mark.parametrize("section", GOALS_WITHOUT_THE_WORD)
def test_goals_under_a_heading_without_the_word_maal_are_goals(tmp_path, section):
    result = check_section(tmp_path, section)
    assert status(result, "maal") == "oppfylt"
    assert next(f for f in result.findings if f.name == "maal").evidence[0].section != "Innledning"


NOT_THE_PLANS_GOALS = [
    "## Om denne delen\nHensikten med denne delen er å forklare målene for arbeidet med barn og familier.",
    "## Om kapitlet\nFøremålet med dette kapitlet er å gje ei oversikt over måla for arbeidet med born og familiar.",
    "## Kommuneplanen\nKommuneplanens samfunnsdel har som mål at alle barn skal ha en trygg oppvekst.",
    "## Mål i andre planar\nMålet i folkehelseplanen er at alle born skal ha gode levekår i kommunen.",
    "## Visjon\nTrygge barn – sterke familier",
    "## Visjon\nSaman for borna!",
    "## Vår visjon\n«Alle skal med»",
]


@pytest.mark.parametrize("section", NOT_THE_PLANS_GOALS)
def test_purpose_other_plans_goals_and_a_slogan_are_not_the_plans_goals(tmp_path, section):
    assert status(check_section(tmp_path, section), "maal") != "oppfylt"


@pytest.mark.parametrize("section", NOT_THE_PLANS_GOALS[4:])
def test_a_vision_slogan_alone_is_no_goal(tmp_path, section):
    assert status(check_section(tmp_path, section), "maal") == "mangler"


RESOURCE_AS_STRENGTH = [
    "## Foreldre\nFamilien er den viktigste ressursen et barn har, og vi prioriterer å styrke den.",
    "## Skolen\nSkolen har en ressursperson for psykisk helse som elevene kan kontakte, og timene fordeles jevnt.",
    "## Ressursteam\nRessursteamet i barnehagen fordeler saker mellom tjenestene hver måned.",
    "## Arbeidsmåte\nVi byggjer på ressursane til barnet og familien, og prioriterer det som fungerer.",
    "## Foreldre\nForeldre har egne ressurser som vi skal bygge videre på.",
    "## Ungdom\nUngdom er ein ressurs for lokalsamfunnet, og me prioriterer å lytte til dei.",
]


@pytest.mark.parametrize("section", RESOURCE_AS_STRENGTH)
def test_resource_as_a_persons_strength_is_no_allocated_resource(tmp_path, section):
    assert status(check_section(tmp_path, section), "ressurser") != "oppfylt"


def test_allocated_resources_still_count(tmp_path):
    section = ("## Økonomi\nKommunen har satt av to årsverk og 1,5 millioner kroner til foreldreveiledning "
               "i planperioden.")
    assert status(check_section(tmp_path, section), "ressurser") == "oppfylt"


UNDECIDED_TABLES = [
    "## Tiltak\n| Tiltak | Ansvarlig |\n|---|---|\n| Foreldrekurs | Avklares senere |\n"
    "| Trivselsprogram | Avklares senere |\n| Språkgrupper | Avklares senere |",
    "## Tiltak\n| Tiltak | Ansvarleg | Når |\n|---|---|---|\n| Foreldrekurs | Vert avklart | 2025 |\n"
    "| Trivselsprogram | Ikkje avklart | 2026 |\n| Språkgrupper | Kjem seinare | 2026 |",
    "## Handlingsplan\n| Ansvar | Tiltak |\n|---|---|\n| Ikke bestemt | Foreldrekurs |\n"
    "| Ikke bestemt | Trivselsprogram |\n| Ikke bestemt | Språkgrupper |",
]


@pytest.mark.parametrize("section", UNDECIDED_TABLES)
def test_a_measures_table_whose_responsible_cells_name_nobody_splits_no_responsibility(tmp_path, section):
    result = check_section(tmp_path, section)
    assert status(result, "ansvarsfordeling") != "oppfylt"
    assert status(result, "tiltak") != "oppfylt"


def test_a_measures_table_with_services_responsible_still_counts(tmp_path):
    section = ("## Tiltak\n| Tiltak | Ansvarlig |\n|---|---|\n| Foreldrekurs | Helsestasjonen |\n"
               "| Trivselsprogram | Skolen |\n| Språkgrupper | Barnehagen |")
    result = check_section(tmp_path, section)
    assert status(result, "ansvarsfordeling") == status(result, "tiltak") == "oppfylt"


PLAN_WRITERS = [
    "## Om planarbeidet\nPlanen er utarbeidet av en arbeidsgruppe ledet av kommunalsjef for oppvekst.",
    "## Planprosess\nArbeidsgruppa har vore leia av oppvekstsjefen, og styringsgruppa har vore "
    "rådmannen si leiargruppe.",
    "## Organisering av planarbeidet\nProsjektgruppa som skreiv plana, var samansett av leiarar frå skule, "
    "barnehage og helsestasjon, og prosjektleiaren rapporterte til kommunedirektøren.",
    "## Slik ble planen til\nEn skrivegruppe med lederne fra skole, barnehage og helsestasjon har ledet arbeidet "
    "med planen, og kommunalsjefen har hatt ansvaret for framdriften.",
]


@pytest.mark.parametrize("section", PLAN_WRITERS)
def test_the_group_that_wrote_the_plan_is_not_the_organisation_of_the_work(tmp_path, section):
    assert status(check_section(tmp_path, section), "organisering") != "oppfylt"


SILOS = [
    "## Utfordringer\nI dag jobber tjenestene i siloer, og samarbeidet er tilfeldig.",
    "## Utfordringar\nI dag arbeider tenestene i siloar, og samarbeidet er for lite.",
    "## Utfordringer\nSamarbeidet mellom skole og barnevern er i dag personavhengig, og møtene er sjeldne.",
    "## Status\nDet er lite samarbeid på tvers, og tjenestene har ingen faste møter.",
    "## Status\nSamhandlinga mellom tenestene fungerer dårleg, og det finst ingen faste møte.",
]


@pytest.mark.parametrize("section", SILOS)
def test_a_collaboration_problem_is_no_collaboration(tmp_path, section):
    assert status(check_section(tmp_path, section), "samarbeid") == "mangler"


CONTENTS_ONLY = [
    "## Innhold\n1 Mål for arbeidet ........ 3\n\n2 Organisering ........ 4\n\n"
    "3 Samarbeid mellom tjenestene ........ 5",
    "## Innhald\n- Måla våre\n- Organisering og leiing\n- Samarbeid mellom tenestene",
    "## Innholdsfortegnelse\n1. Mål 3\n\n2. Organisering 5\n\n3. Samarbeid 7",
    "## Innhold\nMål for arbeidet · Organisering · Samarbeid og samhandling",
]


@pytest.mark.parametrize("section", CONTENTS_ONLY)
def test_a_contents_list_meets_no_requirement(tmp_path, section):
    result = check_section(tmp_path, section)
    for rule in ("maal", "organisering", "samarbeid"):
        assert status(result, rule) == "mangler", rule


# ---- The first quote is the ground of the verdict (DOMAIN.md point 14). ----

GROUND_NB = """
# Plan for forebygging av omsorgssvikt og atferdsvansker 2025–2028
Bakkevik kommune. Vedtatt av kommunestyret 04.02.2025, sak 7/25.

## 1 Innledning
Barnevernsreformen ga kommunene et større ansvar, og målet med reformen er at barn skal få hjelp tidlig.
I kommunen har helsestasjonen, barnehagene, skolene og barnevernstjenesten lenge gitt råd til familier.

## 2 Kunnskapsgrunnlag
| Indikator | 2022 | 2023 |
|---|---|---|
| Bekymringsmeldinger fulgt opp innen fristen | 88 % | 91 % |
| Elever som trives på skolen, årlig måling | 85 % | 83 % |
Andelen ungdom i kommunen som sier de har en voksen å snakke med, har gått ned siden 2021.

## 3 Hit vil vi
Alle barn i Bakkevik skal vokse opp i trygge familier og få hjelp før vanskene blir store.
Foreldre som strever, skal få veiledning tidlig og fra riktig tjeneste.

## 4 Tjenestene og ansvaret deres
Helsestasjonen har ansvar for hjemmebesøk og foreldreveiledning til alle nyfødte.
Barnehagen følger opp barn med språkvansker og melder bekymring tidlig.
Skolen gjennomfører trivselsundersøkelsen hvert år og følger opp elever som mistrives.
Barnevernstjenesten gir råd og veiledning til de andre tjenestene.

## 5 Samarbeid
Tverrfaglig team med barnehage, skole, helsestasjon og barnevern møtes hver måned.

## 6 Oppfølging
Planen evalueres hvert år i kommunestyret, og rulleres hvert fjerde år.
"""


def first_sections(result) -> dict[str, str | None]:
    return {f.name: f.evidence[0].section if f.evidence else None for f in result.findings}


def test_the_first_quote_stands_where_the_plan_deals_with_the_requirement(tmp_path):
    result = check_text(tmp_path, GROUND_NB)
    first = first_sections(result)
    assert first["maal"] == "3 Hit vil vi"
    assert first["ansvarsfordeling"] == "4 Tjenestene og ansvaret deres"
    assert first["samarbeid"] == "5 Samarbeid"
    assert first["oppfolging"] == "6 Oppfølging"
    assert first["kunnskapsgrunnlag"] == "2 Kunnskapsgrunnlag"
    for f in result.findings:
        for evidence in f.evidence:  # a heading alone is never a quote
            assert evidence.quote.strip() != (evidence.section or "").strip()


def test_the_first_quote_follows_its_section_when_chapters_move(tmp_path):
    chapters = GROUND_NB.split("\n## ")
    moved = "\n## ".join([chapters[0], *reversed(chapters[1:])])
    assert first_sections(check_text(tmp_path, moved, "flyttet.md")) == first_sections(check_text(tmp_path, GROUND_NB))
