"""Concept families written for the misses of benchmarks/holdout11 and holdout12 after their blind
first contact (they are regression sets since). Our own paraphrases with near-misses; none of these
sentences is taken from the sets.
"""

from __future__ import annotations

import pytest
from helpers_engine import check_section, check_text, status

PLANPROGRAM_BODY = """
1. Bakgrunn og føremål
Føremålet med planarbeidet er å lage ein felles plan for det førebyggjande arbeidet i kommunen.

2. Framdrift
Oktober 2025: Oppstart. Juni 2026: Sluttbehandling i kommunestyret.

3. Medverknad
Vi vil halde verkstader med elevråda og ungdomsrådet hausten 2025.
"""


@pytest.mark.parametrize("title", [
    "Solvik kommune\nPlanprogram – Plan for førebygging av omsorgssvikt og åtferdsvanskar 2026–2030\n"
    "Fastsett av formannskapet 20.08.2025, sak 47/25",
    "Solvik kommune\nPlanprogram for plan for forebygging av omsorgssvikt og atferdsvansker\n"
    "Fastsatt av formannskapet 20.08.2025",
])
def test_a_planprogram_named_on_the_line_under_the_municipality(tmp_path, title):
    result = check_text(tmp_path, title + "\n" + PLANPROGRAM_BODY, name="planprogram.txt")
    assert result.type.value == "planprogram"


def test_another_plans_planprogram_is_not_the_preventive_one(tmp_path):
    text = "Solvik kommune\nPlanprogram for kommuneplanens samfunnsdel 2026–2038\n" + PLANPROGRAM_BODY
    assert check_text(tmp_path, text, name="planprogram.txt").type.value != "planprogram"


@pytest.mark.parametrize("protocol", [
    "## Saksprotokoll\nKommunestyret i Solvik, møte 19.09.2024, PS 52/24.\n\n"
    "Handsaming: Framlegget frå formannskapet vart samrøystes vedteke.",
    "## Saksprotokoll\nBystyret i Solvik, møte 19.09.2024, PS 52/24.\n\n"
    "Behandling: Innstillingen fra formannskapet ble enstemmig vedtatt.",
    "## Saksprotokoll\nKommunestyret i Solvik, møte 19.09.2024.\n\n"
    "KST-52/24 Vedtak: Kommunestyret vedtek planen for førebygging av omsorgssvikt og åtferdsvanskar.",
])
def test_the_council_decided_what_formannskapet_proposed(tmp_path, protocol):
    text = ("# Plan for førebygging av omsorgssvikt og åtferdsvanskar 2024–2027\n\n## Mål\n"
            "Alle born skal ha ein trygg vaksen å gå til.\n\n" + protocol)
    result = check_text(tmp_path, text)
    assert result.adoption is not None and result.adoption.body in ("kommunestyret", "bystyret")
    assert status(result, "vedtak") in ("oppfylt", "delvis")


@pytest.mark.parametrize(("heading", "rule"), [
    ("## Tre satsinger\n1. Tidlig og nær: hjelpen gis der barna er.\n2. Én vei inn: familier skal ikke fortelle "
     "historien sin flere ganger.\n3. Hele familien: vi ser barnets vansker i sammenheng med foreldrenes situasjon.",
     "strategier"),
    ("## Hva vi har lært siden 2022\nEvalueringen viste at teamet fungerer godt. Ungdata 2024 viser at 17 prosent "
     "av elevene i kommunen har vært utsatt for mobbing, mot 12 prosent i 2021.", "kunnskapsgrunnlag"),
])
def test_chapters_known_by_unusual_headings(tmp_path, heading, rule):
    assert status(check_section(tmp_path, heading), rule) == "oppfylt", heading


@pytest.mark.parametrize(("section", "expected"), [
    ("## Innleiing\nSolvik kommune vil at barn og unge skal:\n\n- ha trygge vaksne rundt seg\n"
     "- få hjelp tidleg når familien treng det\n- oppleve at tenestene heng saman", "oppfylt"),
    ("## Innledning\nSolvik kommune ønsker at barn og unge skal ha en trygg og god oppvekst.", "vag"),
    ("## Innleiing\nVi ønskjer at born og unge skal ha ein god og trygg oppvekst.", "vag"),
    ("## Mål\nAlle barn skal ha en trygg og god oppvekst.", "vag"),
])
def test_what_the_municipality_wants_listed_is_a_goal_a_good_childhood_alone_is_vague(tmp_path, section, expected):
    got = status(check_section(tmp_path, section), "maal")
    assert got == expected if expected == "oppfylt" else got != "oppfylt", section


def test_a_lead_in_without_a_colon_over_lowercase_items_is_no_heading():
    from plansjekk.extract.text import parse_plain

    blocks, _ = parse_plain("Mål\n\nSolvik kommune vil\n- oppdage barn som strevar tidlegare\n"
                            "- gje foreldre støtte\n")
    assert not any(b.heading_level and b.text == "Solvik kommune vil" for b in blocks)


@pytest.mark.parametrize(("section", "rule", "expected"), [
    ("## Organisering\nSpørsmål om hvem som har ansvaret i enkeltsaker tas opp i Oppvekstteamet, som avgjør saken.",
     "avklaring", "oppfylt"),
    ("## Organisering\nSpørsmål om kven som har ansvaret, vert tekne opp i leiarforumet, som avgjer saka.",
     "avklaring", "oppfylt"),
    ("## Organisering og ansvar\nLeiarforumet samordnar det førebyggjande arbeidet og gjer prioriteringar mellom "
     "tenestene.", "strategier", "not oppfylt"),
])
def test_questions_of_responsibility_settled_and_a_forums_priorities(tmp_path, section, rule, expected):
    got = status(check_section(tmp_path, section), rule)
    assert got != "oppfylt" if expected == "not oppfylt" else got == expected, section


def test_a_protocols_decision_line_takes_the_date_and_case_from_its_head(tmp_path):
    text = ("Plan for førebygging av omsorgssvikt og åtferdsvanskar 2024–2028\n\nMål\n"
            "Alle born i Solvik skal ha ein trygg vaksen å gå til.\n\n"
            "Utskrift av saksprotokoll\n\nSolvik kommunestyre\nMøtedato: 18.06.2024\nSaknr: 34/24\n\n"
            "Plan for førebygging av omsorgssvikt og åtferdsvanskar 2024–2028\n\n"
            "Vedtak:\nSolvik kommunestyre vedtek Plan for førebygging av omsorgssvikt og åtferdsvanskar 2024–2028.\n")
    result = check_text(tmp_path, text, name="plan.txt")
    assert status(result, "vedtak") == "oppfylt"
    assert result.adoption is not None and (result.adoption.date, result.adoption.case) == ("2024-06-18", "34/24")


def test_a_joint_plans_list_of_council_decisions(tmp_path):
    text = ("Felles plan for forebygging av omsorgssvikt og atferdsvansker for Evje og Hornnes, Iveland og "
            "Bygland 2025–2028\n\nVedtak i kommunestyrene:\nEvje og Hornnes kommunestyre 05.12.2024, sak 88/24\n"
            "Iveland kommunestyre 10.12.2024, sak 61/24\nBygland kommunestyre 12.12.2024, sak 70/24\n\n"
            "MÅL\nAlle barn skal ha en trygg voksen å gå til.\n")
    result = check_text(tmp_path, text, name="plan.txt")
    assert status(result, "vedtak") == "oppfylt"
    assert {a.municipality: a.case for a in result.council_adoptions} == \
        {"Evje og Hornnes": "88/24", "Iveland": "61/24", "Bygland": "70/24"}


@pytest.mark.parametrize("title", ["Ruspolitisk handlingsplan 2024–2027", "Rusmiddelpolitisk handlingsplan for Solvik",
                                   "Alkoholpolitisk handlingsplan 2025–2028"])
def test_a_plan_of_another_kind_is_not_presented_as_the_preventive_plan(tmp_path, title):
    text = (f"# {title}\n\nVedtatt i Solvik kommunestyre 12.03.2024.\n\n## Forord\nVi vil ha et lokalsamfunn som "
            "legger til rette for gode valg, og vi vil hindre frafall med forebyggende arbeid blant unge.\n\n"
            "## Forebyggende tiltak\n- Foreldremøter om rus\n- Natteravner i helgene\n")
    result = check_text(tmp_path, text)
    assert "tittelen eller åpningen presenterer dokumentet som en plan" not in " ".join(result.type_reasons)
