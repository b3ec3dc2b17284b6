"""Concept families written for the misses of the development set benchmarks/dev7.

dev7 was written and labelled blind to the rules and then tuned on. Each miss is written again here
as several of our own paraphrases (bokmål and nynorsk) with near-misses on the other side; the
concept was changed so that the whole family passes. None of these sentences is taken from the set.
"""

from __future__ import annotations

import pytest
from helpers_engine import PLAN_AROUND, check_text, status
from helpers_engine import check_section as _check_section


def check_section(tmp_path, section: str):
    return _check_section(tmp_path, section, measures=True)


# DOMAIN.md point 4: the body nearest the verb decided; a delegated adoption is no council adoption.
@pytest.mark.parametrize("sentence", [
    "Kommunestyret delegerte i sak 8/24 til formannskapet å vedta planen, og formannskapet vedtok den 02.09.2024.",
    "Heradsstyret gav formannskapet fullmakt til å vedta plana, og formannskapet vedtok ho 5. mars 2025.",
    "Bystyret ga oppvekstutvalget fullmakt, og oppvekstutvalget vedtok planen 14.11.2024 i sak 31/24.",
])
def test_an_adoption_under_delegation_is_delegated(tmp_path, sentence):
    text = PLAN_AROUND.replace("Vedtatt av kommunestyret 12.03.2024, sak 14/24.", sentence).format(section="")
    assert status(check_text(tmp_path, text), "vedtak") == "mangler", sentence


def test_a_council_adoption_on_the_committees_recommendation_is_the_councils(tmp_path):
    text = PLAN_AROUND.replace("Vedtatt av kommunestyret 12.03.2024, sak 14/24.",
                               "Kommunestyret vedtok planen 12.03.2024, sak 9/24, etter innstilling fra formannskapet.")
    assert status(check_text(tmp_path, text.format(section="")), "vedtak") == "oppfylt"


# Disagreement said with the verb and the negation apart, and a section headed by it.
@pytest.mark.parametrize("section", [
    "## Slik er vi rigga\nDersom tenestene ikkje vert samde om kven som skal følgje opp eit barn, vert saka "
    "løfta til kommunalsjefen, som avgjer innan ei veke.",
    "## Ledelse\nHvis tjenestene ikke blir enige om hvem som skal følge opp et barn, avgjør kommunalsjefen saken.",
    "## Ansvar\nKommer tjenestene ikke til enighet, tas saken opp i ledermøtet, som avgjør den.",
    "## Leiing\nEr tenestene ikkje samde, avgjer kommunalsjefen kven som har ansvaret.",
])
def test_disagreement_with_a_deciding_leader_is_resolution(tmp_path, section):
    assert status(check_section(tmp_path, section), "avklaring") == "oppfylt", section


@pytest.mark.parametrize("heading", ["Når vi ikke er enige", "Når tenestene ikkje er samde", "Hvis ansvaret er uklart"])
def test_a_section_on_disagreement_under_a_leadership_chapter_is_no_organisation(tmp_path, heading):
    section = (f"## Ledelse\nPlanen ble laget av en prosjektgruppe med ansatte fra tjenestene.\n\n### {heading}\n"
               "Ved uenighet tas saken opp i ledermøtet. Kommunalsjefen avgjør saken innen to uker.")
    assert status(check_section(tmp_path, section), "organisering") != "oppfylt"


# Anchoring needs a named plan; "andre planar" alone is a mention.
@pytest.mark.parametrize("section", [
    "## Kvifor ein plan\nPlanen heng saman med andre planar i kommunen.",
    "## Bakgrunn\nPlanen ses i sammenheng med andre kommunale planer.",
    "## Bakgrunn\nPlanen bygger på kommunens planverk.",
])
def test_other_plans_in_general_are_a_mention_of_anchoring(tmp_path, section):
    assert status(check_section(tmp_path, section), "forankring") == "delvis", section


@pytest.mark.parametrize("section", [
    "## Kvifor plan\nPlanen er ein temaplan under kommuneplanen sin samfunnsdel 2021–2033.",
    "## Bakgrunn\nPlanen er en temaplan under kommuneplanens samfunnsdel.",
])
def test_a_plan_under_a_named_plan_is_anchored(tmp_path, section):
    assert status(check_section(tmp_path, section), "forankring") == "oppfylt", section


@pytest.mark.parametrize("section", [
    "## Bakgrunn\nPlanen skal ses sammen med folkehelseplanen og planen for psykisk helse og rus.",
    "## Andre planer\nPlanen skal ses sammen med kommuneplanen.",
    "## Kvifor plan\nPlana skal sjåast saman med folkehelseplanen.",
])
def test_a_plan_merely_seen_alongside_another_is_a_mention(tmp_path, section):
    assert status(check_section(tmp_path, section), "forankring") == "delvis", section


# National figures, or a statement that there are no local figures, are no local picture.
@pytest.mark.parametrize("section", [
    "## Kva vi veit\nNasjonale tal frå SSB viser at om lag 3 prosent av barn i Noreg har tiltak frå barnevernet. "
    "Vi har ikkje eigne tal for kommunen, fordi tala er små.",
    "## Kunnskap\nPå landsbasis viser statistikken at andelen barn i lavinntektsfamilier har økt. Vi har ikke egne "
    "tall for kommunen.",
])
def test_national_figures_only_are_a_partial_knowledge_base(tmp_path, section):
    assert status(check_section(tmp_path, section), "kunnskapsgrunnlag") == "delvis", section


def test_local_figures_compared_with_the_country_are_a_knowledge_base(tmp_path):
    section = ("## Slik har vi det\nUngdata fra 2024 viser at 21 prosent av elevene i kommunen ofte er ensomme, "
               "mot 16 prosent i landet. Antallet bekymringsmeldinger i kommunen økte fra 60 til 85 på tre år.")
    assert status(check_section(tmp_path, section), "kunnskapsgrunnlag") == "oppfylt"


# The økonomiplan as where measures are taken in, or the budget as where something else was
# decided, names no resource; a budget frame for the measures does.
@pytest.mark.parametrize("section", [
    "## Vegen vidare\nTiltak i planen vert tekne inn i handlingsprogrammet i økonomiplanen.",
    "## Oppfølging\nTiltakene følges opp gjennom handlingsdelen i økonomiplanen.",
    "## Bakgrunn\nBystyret vedtok i budsjettet for 2023 at alle bydeler skal lage egne planer.",
])
def test_the_budget_as_a_process_names_no_resource(tmp_path, section):
    assert status(check_section(tmp_path, section), "ressurser") == "mangler", section


@pytest.mark.parametrize("section", [
    "## Ressursar\nTiltaka skal i hovudsak gjennomførast innanfor gjeldande budsjett.",
    "## Økonomi\nTiltakene gjennomføres innenfor tjenestenes rammer.",
    "## Økonomi\nTiltak med kostnader prioriteres når økonomiplanen rulleres.",
])
def test_a_budget_frame_for_the_measures_is_a_partial_resource(tmp_path, section):
    assert status(check_section(tmp_path, section), "ressurser") in {"delvis", "oppfylt"}, section


# Children took part in the plan: meetings about it, a survey answered; "vært med på" something
# else is a statistic, not participation.
@pytest.mark.parametrize("section", [
    "## Medverknad\nUngdomsrådet har hatt to møte om planen, og elevråda har svart på ei spørjeundersøking.",
    "## Medvirkning\nElevrådene har svart på en spørreundersøkelse, og ungdomsrådet har drøftet planen.",
    "## Barn og unges stemme\nUngdomsrådet kom med innspill til utkastet i mars.",
])
def test_meetings_and_surveys_with_children_are_participation(tmp_path, section):
    assert status(check_section(tmp_path, section), "medvirkning") == "oppfylt", section


@pytest.mark.parametrize("section", [
    "## Slik har vi det\nUngdata viser at andelen elever som har vært med på slåssing, har økt.",
    "## Kva vi ser\nDelen ungdomar som har vore med på nasking, har gått ned.",
])
def test_having_taken_part_in_mischief_is_no_participation(tmp_path, section):
    assert status(check_section(tmp_path, section), "medvirkning") == "mangler", section


# Services with "viktige oppgåver" but no task are a list (DOMAIN.md point 5), and "helse og
# omsorg" is a department, not the mental health service.
def test_services_with_important_tasks_unnamed_are_only_named(tmp_path):
    text = ("# Oppvekstplan for Solvik\n\n## Tenestene\nBarnehagane, skulane, helsestasjonen og kulturkontoret "
            "har alle viktige oppgåver for barn og unge. Helsestasjonen høyrer til helse og omsorg. Barnevernet er "
            "interkommunalt.\n")
    result = check_text(tmp_path, text)
    assert status(result, "ansvarsfordeling") == "delvis"
    assert status(result, "tjenester") == "delvis"


def test_a_contents_list_on_separate_lines_of_plain_text_is_no_evidence(tmp_path):
    text = ("KVAM HERAD\n\nPlan for førebygging 2025–2029\n\nInnhald\n1 Innleiing\n2 Mål\n3 Organisering\n"
            "4 Samarbeid\n5 Medverknad\n\n1 Innleiing\nDette er plana for det førebyggjande arbeidet.\n")
    result = check_text(tmp_path, text, name="plan.txt")
    for finding in result.findings:
        for evidence in finding.evidence:
            assert "2 Mål 3 Organisering" not in evidence.quote, (finding.name, evidence.quote)



@pytest.mark.parametrize("section", [
    "## Samarbeid\nFamilien er den viktigaste ressursen barnet har, og foreldra skal alltid vere med.",
    "## Samarbeid\nForeldrene er den fremste ressursen barnet har.",
])
def test_the_family_as_the_childs_resource_is_no_resource_for_the_work(tmp_path, section):
    assert status(check_section(tmp_path, section), "ressurser") == "mangler", section


@pytest.mark.parametrize("sentence", ["Planen gjelder fra 1.8.2025.", "Plana gjeld frå 1. januar 2025.",
                                      "Planen gjelder for perioden 2025–2029."])
def test_when_the_plan_applies_is_no_target_group(tmp_path, sentence):
    assert status(check_section(tmp_path, f"## Om planen\n{sentence}"), "maalgruppe") == "mangler", sentence


@pytest.mark.parametrize("section", [
    "## Kva vi ser\nI samtalar med tilsette kjem det fram at fleire barn enn før viser uro, og at mange "
    "foreldre ønskjer meir rettleiing.",
    "## Slik har vi det\nLærerne forteller om mer uro i klassene, og helsesykepleierne møter flere unge som "
    "strever med ensomhet.",
])
def test_a_challenge_picture_in_words_is_a_partial_knowledge_base_shown_first(tmp_path, section):
    result = check_section(tmp_path, section)
    finding = next(f for f in result.findings if f.name == "kunnskapsgrunnlag")
    assert finding.status.value == "delvis"
    assert finding.evidence[0].section == section.splitlines()[0].lstrip("# ")


@pytest.mark.parametrize("section", [
    "## Bakgrunn\nPlanen skal sjåast saman med folkehelseplanen og kulturplanen.",
    "## Bakgrunn\nPlanen ses sammen med kompetanseplanen for barnehage og skole.",
])
def test_a_plan_seen_together_with_other_plans_is_no_collaboration(tmp_path, section):
    assert status(check_section(tmp_path, section), "samarbeid") == "mangler", section
