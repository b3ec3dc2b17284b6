"""Strategy concepts from the blind sets holdout19 and holdout20 (missed at first contact), each
as a family of our own paraphrases, bokmål and nynorsk, with guards that keep their verdict:

- early intervention as the name or purpose of a role, team or tool ("en koordinator for
  tidlig innsats", "handlingsveilederen for tidleg innsats") is organisation, not a strategy;
- a way to the goals that consists of more goals ("For å nå dit har vi satt tre delmål") is no
  way to them: sub-goals are goals;
- costs put off to the action part or a budget ("kostnad for tiltakene fastsettes i
  handlingsdelen") allocate no resources.
"""

from __future__ import annotations

import pytest
from helpers_engine import check_section, check_text, status

INTERVENTION_AS_A_NAME = {
    "koordinator_nn": """
## 4 Organisering av arbeidet
Kommunen skal tilsetje ein koordinator for tidleg innsats i 40 % stilling frå 2026.
""",
    "fagkoordinator_nb": """
## Slik er arbeidet organisert
Kommunen har en egen fagkoordinator for tidlig innsats, som holder oversikt over de tverrfaglige
teamene i tjenestene.
""",
    "handlingsveileder_nb": """
## Samarbeid mellom tjenestene
Tjenestene bruker en felles handlingsveileder for tidlig innsats med stafettlogg og fast
kontaktperson for familien.
""",
    "team_nn": """
## Organisering
Teamet for tidleg innsats møtest kvar månad med helsestasjonen, barnehagane og skulane.
""",
}

STRATEGY_GUARDS = {
    "satser_nb": ("""
## Slik jobber vi
Vi satser på tidlig innsats i alle tjenester, og vi styrker foreldrene før vanskene vokser.
""", "oppfylt"),
    "strategi_nn": ("""
## Strategiar
Tidleg innsats er den viktigaste strategien vår, og heile tenestetilbodet skal byggje på han.
""", "oppfylt"),
}

SUBGOALS_AS_THE_WAY = {
    "delmaal_nn": """
## 3 Måla våre
Hovudmålet er at born skal vekse opp trygt. For å kome dit har vi sett tre delmål: alle foreldre
skal få tilbod om rettleiing, ingen born skal vente på hjelp, og fleire skal fullføre skulen.
""",
    "delmaal_nb": """
## Mål
Hovedmålet er trygge barn. For å nå dit har vi satt fire delmål for planperioden.
""",
}

WAY_GUARD = """
## Mål
Hovedmålet er trygge barn. For å nå dit skal vi arbeide mer oppsøkende og møte familiene tidligere.
"""


@pytest.mark.parametrize("name", sorted(INTERVENTION_AS_A_NAME))
def test_early_intervention_naming_a_role_or_tool_is_no_strategy(tmp_path, name):
    result = check_section(tmp_path, INTERVENTION_AS_A_NAME[name])
    assert status(result, "strategier") == "mangler", name


@pytest.mark.parametrize("name", sorted(STRATEGY_GUARDS))
def test_early_intervention_chosen_as_the_way_stays_a_strategy(tmp_path, name):
    section, expected = STRATEGY_GUARDS[name]
    assert status(check_section(tmp_path, section), "strategier") == expected, name


@pytest.mark.parametrize("name", sorted(SUBGOALS_AS_THE_WAY))
def test_sub_goals_are_no_way_to_the_goals(tmp_path, name):
    assert status(check_section(tmp_path, SUBGOALS_AS_THE_WAY[name]), "strategier") == "mangler", name


def test_a_way_of_working_towards_the_goals_stays_partly_a_strategy(tmp_path):
    assert status(check_section(tmp_path, WAY_GUARD), "strategier") == "delvis"


def test_working_by_a_model_for_early_intervention_stays_a_strategy(tmp_path):
    section = """
## 6 Strategiar
Vi vil satse på tre ting. For det andre skal tenestene arbeide etter same modell for tidleg innsats.
"""
    result = check_section(tmp_path, section)
    strategy = next(f for f in result.findings if f.name == "strategier")
    assert strategy.status.value == "oppfylt"
    assert any("modell for tidleg innsats" in e.quote for e in strategy.evidence), strategy.evidence


RESOURCES_PUT_OFF = {  # name -> (section, status): money named but put off is only mentioned (delvis)
    "fastsettes_nb": ("""
## Tiltak
Foreldreveiledning, leksehjelp og åpne møteplasser. Ansvar, tidsplan og kostnad for tiltakene fastsettes i
handlingsdelen.
""", "mangler"),
    "avklart_nn": ("""
## Økonomi
Kostnadene for tiltaka vert avklarte i handlingsprogrammet kvart år.
""", "mangler"),
    "innarbeides_nb": ("""
## Ressurser
Midler til tiltakene innarbeides i økonomiplanen når planen er vedtatt.
""", "delvis"),
    "vurderast_nn": ("""
## Tiltak
Kva tiltaka kostar, vert vurdert i budsjettet for 2026.
""", "delvis"),
}

RESOURCES_GIVEN = {
    "satt_av_nb": """
## Økonomi
Kommunestyret har satt av 1,2 millioner kroner i handlingsdelen for 2025 til foreldreveiledning.
""",
    "innarbeidet_nb": """
## Ressurser
Midlene til to nye stillinger i familieteamet er innarbeidet i økonomiplanen 2025–2028.
""",
    "innarbeidd_nn": """
## Pengar og ressursar
Open dør-tilbodet vert finansiert med 0,2 årsverk helsesjukepleiar, innarbeidd i økonomiplanen.
""",
}


@pytest.mark.parametrize("name", sorted(RESOURCES_PUT_OFF))
def test_costs_put_off_to_the_action_part_or_budget_allocate_nothing(tmp_path, name):
    section, expected = RESOURCES_PUT_OFF[name]
    assert status(check_section(tmp_path, section), "ressurser") == expected, name


@pytest.mark.parametrize("name", sorted(RESOURCES_GIVEN))
def test_money_set_aside_or_already_taken_into_the_budget_is_allocated(tmp_path, name):
    assert status(check_section(tmp_path, RESOURCES_GIVEN[name]), "ressurser") == "oppfylt", name


# --- collaboration: a team of several services that meets is collaboration, word or no word ---------

TEAM_OF_SERVICES = {
    "teamet_nb": """
## Slik er vi organisert
Det tverrfaglige oppvekstteamet er kommunens viktigste verktøy. Teamet møtes første tirsdag i hver
måned og består av helsesykepleier, rektorene, styrer i barnehagen og en kontaktperson fra
barneverntjenesten.
""",
    "ressursteam_nn": """
## Organisering
Kvar skule har eit ressursteam. Teamet møtest annakvar veke, og helsesjukepleiaren og PP-tenesta er med.
""",
    "forum_nb": """
## Organisering
Helsestasjonen, barnehagene og barneverntjenesten møtes i et felles forum fire ganger i året.
""",
    "oppvekstforum_nn": """
## Korleis arbeidet er organisert
Oppvekstforumet, der rektorane, styrarane i barnehagane og leiaren for barnevernstenesta sit, har
møte kvar månad.
""",
}

NO_TEAM_OF_SERVICES = {
    "ved_behov_nb": """
## Organisering
Teamet møtes ved behov.
""",
    "planarbeid_nn": """
## Om planarbeidet
Arbeidsgruppa som skreiv planen, møttest fem gonger med helsesjukepleiar, rektor og barnevernstenesta.
""",
}


@pytest.mark.parametrize("name", sorted(TEAM_OF_SERVICES))
def test_a_team_of_several_services_that_meets_is_collaboration(tmp_path, name):
    assert status(check_section(tmp_path, TEAM_OF_SERVICES[name]), "samarbeid") == "oppfylt", name


@pytest.mark.parametrize("name", sorted(NO_TEAM_OF_SERVICES))
def test_a_team_without_services_or_the_plan_group_is_no_collaboration(tmp_path, name):
    assert status(check_section(tmp_path, NO_TEAM_OF_SERVICES[name]), "samarbeid") != "oppfylt", name


# --- disputes: conflict within families is no disagreement between services ------------------------

FAMILY_CONFLICT = {
    "familier_nb": """
## Tre nivåer av innsats
Selektive tiltak gis til grupper med kjent risiko, som foreldregrupper for familier i konflikt.
""",
    "hoy_konflikt_nb": """
## Tiltak
Vi tilbyr kurs for foreldre i høy konflikt, og helsestasjonen har samtaler med par etter samlivsbrudd.
""",
    "hog_konflikt_nn": """
## Tiltak
Familievernet og helsestasjonen har eit tilbod til familiar i høg konflikt.
""",
    "foreldra_nn": """
## Tiltak
Barnehagane tek kontakt med familievernet når foreldra er i konflikt om barnet.
""",
}


@pytest.mark.parametrize("name", sorted(FAMILY_CONFLICT))
def test_conflict_within_families_is_no_disagreement_between_services(tmp_path, name):
    assert status(check_section(tmp_path, FAMILY_CONFLICT[name]), "avklaring") == "mangler", name


def test_a_disagreement_between_services_is_still_named(tmp_path):
    section = """
## Tiltak
Ved uenighet mellom tjenestene om hvem som skal følge opp et barn, tar vi saken opp i oppvekstteamet.
"""
    assert status(check_section(tmp_path, section), "avklaring") != "mangler"


# --- planprogram: who adopts the plan, in a timetable row or in the planprogram's own words ---------

PLANPROGRAM = """
# Planprogram for plan for forebygging av omsorgssvikt og atferdsvansker
Haugvik kommune

## 1 Formålet med planarbeidet
Kommunen skal lage en plan for det forebyggende arbeidet for barn og unge.

## 2 Medvirkning
Barn og unge skal medvirke gjennom ungdomsrådet og elevrådene.

## 3 Framdrift
{process}
"""

COUNCIL_ADOPTS = {
    "tabellrad_nb": "| Fase | Når | Hvem |\n|---|---|---|\n| Høring | oktober 2026 | Formannskapet |\n"
                    "| Vedtak av planen | januar 2027 | Kommunestyret |",
    "fordi_lova_nn": "Den ferdige planen skal vedtakast av kommunestyret sjølv, fordi lova ikkje tillèt at vedtaket "
                     "vert delegert.",
    "slik_lova_nn": "Kommunestyret skal sjølv vedta kommunedelplanen, slik lova krev for denne delen.",
    "siden_loven_nb": "Den ferdige planen skal vedtas av kommunestyret selv, siden loven ikke åpner for delegering.",
}


@pytest.mark.parametrize("name", sorted(COUNCIL_ADOPTS))
def test_the_planprogram_says_the_council_adopts_the_plan(tmp_path, name):
    result = check_text(tmp_path, PLANPROGRAM.format(process=COUNCIL_ADOPTS[name]), name=f"{name}.md")
    assert result.type.value == "planprogram", result.type_signals
    assert status(result, "pp_vedtaksorgan") == "oppfylt", name


def test_the_law_quoted_in_a_planprogram_is_not_its_own_process(tmp_path):
    process = ("Planen skal være ferdig i 2027.\n\n## 4 Lovgrunnlag\n"
               "Barnevernsloven § 15-1 sier at kommunestyret selv skal vedta planen.")
    result = check_text(tmp_path, PLANPROGRAM.format(process=process), name="lov.md")
    assert status(result, "pp_vedtaksorgan") != "oppfylt"


# --- knowledge base: a service's screening task or a fee is no picture of the situation (holdout21) --

NO_KNOWLEDGE = {
    "oppgave_tabell_nb": """
## Hvem gjør hva
| Tjeneste | Oppgaver |
|---|---|
| Helsestasjon og skolehelsetjeneste | Hjemmebesøk, foreldreveiledning, samtaler med elever, kartlegging av språk |
| Barnehagene | Følge med på barnas utvikling |
""",
    "oppgave_nn": """
## Kven gjer kva
Skulehelsetenesta har ansvar for samtalar med elevane og kartlegging av trivsel i kvar klasse.
""",
    "egenandel_nb": """
## Tiltak
Ferieaktiviteter uten egenandel for barn i familier med lav inntekt, i regi av NAV og kultur.
""",
}

KNOWLEDGE = """
## Slik har barna det
Ungdata 2024 viser at 18 prosent av elevene i kommunen har vært utsatt for mobbing, mot 13 prosent i landet.
Andelen barn i familier med lav inntekt er 9 prosent i kommunen.
"""


@pytest.mark.parametrize("name", sorted(NO_KNOWLEDGE))
def test_a_task_or_a_fee_is_no_knowledge_base(tmp_path, name):
    assert status(check_section(tmp_path, NO_KNOWLEDGE[name]), "kunnskapsgrunnlag") == "mangler", name


def test_local_figures_on_the_situation_stay_a_knowledge_base(tmp_path):
    assert status(check_section(tmp_path, KNOWLEDGE), "kunnskapsgrunnlag") == "oppfylt"


# --- participation: services involved around a child is no child taking part (holdout21) -------------

SERVICES_INVOLVED = {
    "bti_nb": """
## Samarbeid
Vi bruker BTI-modellen med stafettlogg når flere tjenester er involvert rundt et barn.
""",
    "saka_nn": """
## Samarbeid
Når fleire tenester er involverte i saka til eit barn, får familien éin kontaktperson.
""",
}


@pytest.mark.parametrize("name", sorted(SERVICES_INVOLVED))
def test_services_involved_around_a_child_is_no_participation(tmp_path, name):
    assert status(check_section(tmp_path, SERVICES_INVOLVED[name]), "medvirkning") == "mangler", name


def test_children_involved_in_the_plan_work_still_count(tmp_path):
    section = """
## Medvirkning
Barn og unge har vært involvert i planarbeidet gjennom ungdomsrådet og elevrådene.
"""
    assert status(check_section(tmp_path, section), "medvirkning") != "mangler"


@pytest.mark.parametrize("heading", ["Kunnskap om barn og unge i Solvik", "Kunnskap om born og unge i Solvik",
                                     "Kunnskap om oppveksten i Solvik"])
def test_a_chapter_of_knowledge_about_the_children_is_a_knowledge_base(tmp_path, heading):
    section = f"""
## {heading}
Ungdata 2023 viser at 15 prosent av elevene i kommunen har vært utsatt for mobbing. Kommunen vil
gjennomføre Ungdata på nytt i 2025, og helsestasjonen følger med på hvor mange familier som ber om hjelp.
"""
    assert status(check_section(tmp_path, section), "kunnskapsgrunnlag") != "mangler", heading


@pytest.mark.parametrize("sentence", ["Kommunen vil gjennomføre Ungdata på nytt i 2025.",
                                      "Kommunen skal kartleggje levekåra til barnefamiliane i 2026.",
                                      "Vi planlegger å hente inn tall fra tjenestene neste år."])
def test_a_survey_still_to_be_done_holds_no_figures(tmp_path, sentence):
    section = f"""
## Kunnskap om barn og unge
Tjenestene melder at flere familier strever med økonomi og psykisk helse enn før. {sentence}
"""
    assert status(check_section(tmp_path, section), "kunnskapsgrunnlag") == "delvis", sentence
