"""Concept families written for the misses of the development sets benchmarks/dev11 and dev12
(mixed formats; towns, districts and inter-municipal plans). Our own paraphrases with near-misses;
none of these sentences is taken from the sets.
"""

from __future__ import annotations

import pytest
from helpers_engine import check_section, check_text, status


# Owning the plan document, line organisation and the ordinary services are no organisation of the work.
@pytest.mark.parametrize("section", [
    "## Ledelse\nKommunalsjef oppvekst er eier av planen.",
    "## Organisering\nArbeidet er organisert i linja, med kommunalsjefane som ansvarlege for sine tenester.",
    "## Organisering\nDet førebyggjande arbeidet er organisert i dei ordinære tenestene. Organiseringa vil bli "
    "nærare skildra i handlingsdelen.",
])
def test_ownership_line_and_ordinary_services_are_no_organisation(tmp_path, section):
    assert status(check_section(tmp_path, section), "organisering") != "oppfylt", section


def test_a_plan_owner_who_leads_a_steering_group_organises(tmp_path):
    section = ("## Slik skal arbeidet organiseres\nKommunalsjef for oppvekst blir planeier og leder styringsgruppa "
               "for barn og unge, der også NAV-leder og leder for barneverntjenesten sitter.")
    assert status(check_section(tmp_path, section), "organisering") == "oppfylt"


def test_the_group_that_wrote_the_plan_is_no_collaboration(tmp_path):
    section = ("## Organisering og samarbeid\nArbeidsgruppa som utarbeidde planen, hadde med seg representantar frå "
               "barnehage, skule, helse og barnevern, og gruppa har hatt seks møte.")
    assert status(check_section(tmp_path, section), "samarbeid") != "oppfylt"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Tilsette som er i tvil om korleis dei skal gå fram, skal ta kontakt med næraste leiar.", "mangler"),
    ("Ved tvil om kven som har ansvaret, avgjer kommunalsjefen saka.", "oppfylt"),
])
def test_doubt_about_procedure_is_no_dispute_between_services(tmp_path, sentence, expected):
    assert status(check_section(tmp_path, f"## Avslutning\n{sentence}"), "avklaring") == expected, sentence


# Follow-up: a section that says neither how nor how often is partial; a yearly report to the
# councils or a spring review is follow-up.
@pytest.mark.parametrize(("section", "expected"), [
    ("## Oppfølging\nPlanen skal rullerast ved behov. Kommunalsjefen har ansvaret for at han blir brukt i "
     "alle tenestene og er kjend for dei tilsette.", "delvis"),
    ("## Oppfølging\nStyringsgruppa lagar ein felles årsrapport som blir lagd fram for dei tre kommunestyra.",
     "oppfylt"),
    ("## Oppfølging\nKoordinatoren gjennomgår tiltaka saman med einingsleiarane kvar vår.", "oppfylt"),
])
def test_follow_up_needs_how_or_how_often(tmp_path, section, expected):
    assert status(check_section(tmp_path, section), "oppfolging") == expected, section


# Goals put off to the action part; a committee's name is no statistic; figures not yet reviewed.
def test_goals_put_off_to_the_action_part_are_missing(tmp_path):
    section = ("## Mål for arbeidet\nMåla for det førebyggjande arbeidet vil bli utarbeidde i handlingsdelen, som "
               "skal liggje føre innan utgangen av året.")
    assert status(check_section(tmp_path, section), "maal") != "oppfylt"


@pytest.mark.parametrize("section", [
    "## Vedtak i levekårsutvalet\nLevekårsutvalet vedtek planen for barn og unge slik han ligg føre.",
    "## Kva vi veit\nVi har ikkje gått gjennom tala systematisk, og ei betre kartlegging står att.",
])
def test_no_local_picture(tmp_path, section):
    assert status(check_section(tmp_path, section), "kunnskapsgrunnlag") != "oppfylt", section


# An inter-municipal plan: a table of the councils' decisions is an adoption, and the title names
# every member.
def test_a_table_of_council_decisions_is_an_adoption_and_the_title_names_the_members(tmp_path):
    text = ("# Felles plan for førebygging av omsorgssvikt og åtferdsvanskar – Askvoll, Fjaler og Hyllestad "
            "2024–2028\n\n## Handsaming\n\n| Kommune | Organ | Dato | Sak |\n|---|---|---|---|\n"
            "| Askvoll | Kommunestyret | 14.03.2024 | 12/24 |\n| Fjaler | Kommunestyret | 21.03.2024 | 19/24 |\n\n"
            "## Mål\nBorna skal få hjelp tidleg.\n")
    result = check_text(tmp_path, text)
    assert status(result, "vedtak") == "oppfylt"
    assert result.municipalities == ("Askvoll", "Fjaler", "Hyllestad")
    assert [(a.municipality, a.date, a.case) for a in result.council_adoptions] == [
        ("Askvoll", "2024-03-14", "12/24"), ("Fjaler", "2024-03-21", "19/24")]


def test_a_table_of_dates_without_a_decision_is_no_adoption(tmp_path):
    text = ("# Plan for førebygging 2024–2028\nSolvik kommune\n\n## Møteplan\n\n| Organ | Dato | Tema |\n"
            "|---|---|---|\n| Kommunestyret | 14.03.2024 | Orientering |\n\n## Mål\nBorna skal få hjelp tidleg.\n")
    assert status(check_text(tmp_path, text), "vedtak") != "oppfylt"


@pytest.mark.parametrize("sentence", [
    "Målene for planen vil bli formulert av styringsgruppen etter høringsrunden.",
    "Måla skal formulerast etter høyringsrunden, når vi har fått innspel frå barn og foreldre.",
])
def test_goals_to_be_written_after_the_hearing_are_no_goals(tmp_path, sentence):
    assert status(check_section(tmp_path, f"## Mål\n{sentence}"), "maal") != "oppfylt", sentence


# After the blind sets' first contact (holdout7/holdout8, now regression sets).
def test_the_group_that_wrote_the_plan_distributes_no_tasks(tmp_path):
    section = ("## Om planen\nPlanen er skrevet av en arbeidsgruppe med helsesykepleier, styrer i barnehagen, "
               "rektor og en saksbehandler fra barneverntjenesten.")
    assert status(check_section(tmp_path, section), "ansvarsfordeling") != "oppfylt"


@pytest.mark.parametrize("section", [
    "## Når ansvaret er uklart\nNår to tenester er usamde, løyser dei det først sjølve. Lukkast det ikkje, tek "
    "einingsleiarane saka opp med kommunalsjefen, som avgjer kven som har ansvaret.",
    "## Uenighet om ansvar\nTjenestene prøver først å bli enige. Går ikke det, avgjør kommunalsjefen saken.",
])
def test_who_decides_in_a_section_on_disputes_is_resolution(tmp_path, section):
    assert status(check_section(tmp_path, section), "avklaring") == "oppfylt", section


@pytest.mark.parametrize(("section", "expected"), [
    ("## Dette veit me\nUnder arbeidet med planen hadde arbeidsgruppa samtalar med ungdomsrådet og to klassar.",
     "oppfylt"),
    ("## Helsestasjonen\nHelsesjukepleiaren har samtalar med elevar kvar veke.", "mangler"),
])
def test_talking_with_children_counts_only_in_the_work_on_the_plan(tmp_path, section, expected):
    assert status(check_section(tmp_path, section), "medvirkning") == expected, section


def test_a_measures_table_where_most_responsible_cells_name_no_one_splits_little(tmp_path):
    rows = "\n".join(f"| Tiltak {n} | Avklares |" for n in range(5))
    table = ("## Tiltak\n| Tiltak | Ansvarlig |\n|---|---|\n| Foreldrekurs | Helsestasjonen |\n"
             f"| PMTO | Barnevernet |\n{rows}")
    result = check_section(tmp_path, table)
    assert status(result, "tiltak") == "delvis"
    named = table.replace("Avklares", "Skolen")
    assert status(check_section(tmp_path, named), "tiltak") == "oppfylt"


@pytest.mark.parametrize("section", [
    "## Oppgåvene til tenestene\nHelsestasjonen har ansvar for foreldrerettleiing. PP-tenesta har ansvar for "
    "rettleiing av tilsette.",
    "## Tjenestene\nHandlingsveilederen har ansvar for at alle vet hva de skal gjøre ved bekymring.",
    "## Organisering av arbeidet\nTenestene for born og unge er organiserte i to kommunalområde: oppvekst og "
    "helse og omsorg.",
])
def test_guidance_words_and_two_departments_are_no_leadership(tmp_path, section):
    assert status(check_section(tmp_path, section), "organisering") != "oppfylt", section


@pytest.mark.parametrize("section", [
    "## Samhandling\nVi har i dag ingen felles modell for samhandling, og tenestene samarbeider mest når det "
    "oppstår ei sak. I planperioden skal vi utvikle ein samhandlingsmodell.",
    "## Samarbeid\nKommunen vil vurdere om BTI passer for samarbeidet når tjenestene møtes neste år.",
])
def test_a_model_not_yet_in_place_is_no_collaboration(tmp_path, section):
    assert status(check_section(tmp_path, section), "samarbeid") == "delvis", section
