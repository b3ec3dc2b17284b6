"""Concept families written for the misses of the development sets benchmarks/dev8 and dev9.

Both sets were written and labelled blind to the rules and then tuned on. Each miss is written
again as our own paraphrases (bokmål and nynorsk) with near-misses on the other side. None of these
sentences is taken from the sets.
"""

from __future__ import annotations

import pytest
from helpers_engine import check_section, check_text, status


# A wish that children have it good names nothing to reach: a partial goal.
@pytest.mark.parametrize("section", [
    "## Vårt mål\nVi ønsker at barn i kommunen skal ha det bra og få hjelp når de trenger det.",
    "## Mål\nVi skal jobbe for at barn og unge i kommunen skal ha det bra.",
    "## Kva vi vil\nVi vil at borna våre skal ha det godt.",
])
def test_wishing_children_well_is_a_partial_goal(tmp_path, section):
    assert status(check_section(tmp_path, section), "maal") == "delvis", section


def test_a_goal_with_content_next_to_the_wish_is_a_goal(tmp_path):
    section = ("## Mål\nVi ønsker at barna skal ha det bra. Innen 2027 skal alle familier med nyfødte få "
               "hjemmebesøk, og færre elever skal ha høyt fravær.")
    assert status(check_section(tmp_path, section), "maal") == "oppfylt"


# Organisation said as intent, put off, or kept in each unit; a leader who keeps track organises.
@pytest.mark.parametrize("section", [
    "## Organisering\nArbeidet skal organiseres på en god måte.",
    "## Organisering\nKommunalsjefane vil se nærmere på hvordan arbeidet skal ledes når planen er vedtatt.",
    "## Organisering og samarbeid\nI dag jobber tjenestene i siloer. Barnehage, skole og helsestasjon er viktige.",
    "## Samarbeid\nNår ein tilsett har uro for eit barn, skal ho drøfte det med leiar og starte ein stafettlogg.",
])
def test_intent_deferral_silos_and_a_word_that_is_both_noun_and_verb_are_no_organisation(tmp_path, section):
    assert status(check_section(tmp_path, section), "organisering") != "oppfylt", section


@pytest.mark.parametrize("section", [
    "## Ansvar\nOppvekstleder følger med på at tiltakstabellen blir fulgt opp.",
    "## Organisering\nKommunalsjefen leiar arbeidet og kallar inn leiarane for tenestene kvar månad.",
])
def test_a_leader_who_keeps_track_or_calls_meetings_organises(tmp_path, section):
    assert status(check_section(tmp_path, section), "organisering") == "oppfylt", section


# The service that acts is named before the task, after "av"/"hos", or before a colon.
@pytest.mark.parametrize(("section", "expected"), [
    ("## Tilbud\nKommunen gir mange tilbud til alle barn, som helsestasjon, barnehage og skole.", "delvis"),
    ("## Tilbod\nKommunen tilbyr mykje til familiane, til dømes helsestasjon, barnehage og skule.", "delvis"),
    ("## Ansvar\nHelsestasjonen gir foreldreveiledning. Barnehagen følger opp språk. Skolen kartlegger trivsel.",
     "oppfylt"),
    ("## Ansvar\nForeldreveiledning gis av helsestasjonen. Språkkartlegging gjøres av barnehagen. "
     "Trivselsundersøkelsen gjennomføres av skolen.", "oppfylt"),
    ("## Kven gjer kva\n- Barnehagen: dagleg observasjon og foreldresamtalar\n- Skulen: fråværsoppfølging og "
     "trivselsarbeid\n- Helsestasjonen: heimebesøk og foreldrerettleiing", "oppfylt"),
])
def test_the_service_that_acts_gets_the_task(tmp_path, section, expected):
    assert status(check_section(tmp_path, section), "ansvarsfordeling") == expected, section


# Measures: one per line with a responsible; a table of levels or roles is no measures table; a
# responsible cell that names everyone names no one.
def test_measures_typed_one_per_line_with_a_responsible_are_measures(tmp_path):
    text = ("Plan for førebygging 2025-2029\n\n1 Mål\nBorn skal få hjelp tidleg.\n\n2 Tiltak\n"
            "Ungdomsklubb tre kveldar i veka - ansvar: kultur\nOpen dør hos helsesjukepleiar - ansvar: "
            "skulehelsetenesta\nForeldrerettleiing for nye foreldre - ansvar: helsestasjonen\n")
    assert status(check_text(tmp_path, text, name="plan.txt"), "tiltak") == "oppfylt"


@pytest.mark.parametrize("table", [
    "| Nivå | Hvem | Oppgave |\n|---|---|---|\n| Politisk | Hovedutvalget | Får årlig rapport |\n"
    "| Koordinering | Oppvekstrådet | Samordner innsatsen |\n| Tjenester | Enhetslederne | Følger opp tiltak |",
    "| Tiltak | Ansvar |\n|---|---|\n| Foreldrekurs | Alle tjenester |\n| Trivselsprogram | Alle tjenester |\n"
    "| Fagdag | Felles |",
])
def test_a_table_of_roles_or_of_everyone_responsible_is_no_measures_table(tmp_path, table):
    assert status(check_section(tmp_path, f"## Oversikt\n{table}"), "tiltak") != "oppfylt"


# A resources section must speak of money or staff in that sense; within the frames or put off to
# a later budget is partial.
@pytest.mark.parametrize(("section", "expected"), [
    ("## Ressursar\nFamilien er den viktigaste ressursen eit barn har. Ressurspersonane i kvar eining er viktige.",
     "mangler"),
    ("## Økonomi\nTiltakene i planen skal gjennomføres innenfor vedtatte budsjettrammer.", "delvis"),
    ("## Økonomi\nTiltaka skal gjennomførast innanfor dei økonomiske rammene til einingane.", "delvis"),
    ("## Økonomi\nEventuelle behov for mer midler tas med i budsjettarbeidet for neste år.", "delvis"),
    ("## Økonomi\nKommunestyret har satt av 1,2 millioner kroner til familieteamet i 2025.", "oppfylt"),
])
def test_resources_in_their_sense(tmp_path, section, expected):
    assert status(check_section(tmp_path, section), "ressurser") == expected, section


# Knowledge base: local figures, not a staffing share, a target or the country's figures.
@pytest.mark.parametrize(("section", "expected"), [
    ("## Økonomi\n| Tiltak | Kostnad |\n|---|---|\n| Ungdomsklubb (to voksne i 10 % stilling) | 120 000 kr |\n"
     "| Kurs | 8 000 kr |", "mangler"),
    ("## Mål\nAndelen elever som blir mobbet, skal være under 5 prosent.", "mangler"),
    ("## Slik står det til\nUngdata 2024 viser at 22 % av jentene på ungdomstrinnet har mye plager. "
     "Barnevernstjenesten fikk 41 bekymringsmeldinger i 2024.", "oppfylt"),
])
def test_what_counts_as_a_local_figure(tmp_path, section, expected):
    assert status(check_section(tmp_path, section), "kunnskapsgrunnlag") == expected, section


# Follow-up: a review and annual reporting are partial; target group: "femner om" and "tenkjer på".
@pytest.mark.parametrize("section", [
    "## Evaluering\nTabellen gjennomgås når planen går ut.",
    "## Vidare arbeid\nOppvekstsjefen rapporterer i årsmeldinga om kva som er gjort.",
])
def test_a_review_or_a_report_without_how_often_is_partial_follow_up(tmp_path, section):
    assert status(check_section(tmp_path, section), "oppfolging") == "delvis", section


def test_whom_the_plan_covers_and_what_the_terms_mean_in_nynorsk(tmp_path):
    section = ("## Kva er planen?\nPlanen gjeld for 2025–2029. Han femner om alle barn og unge mellom 0 og 20 år. "
               "Vi tenkjer på omsorgssvikt som at barnet over tid ikkje får dekt behova sine.")
    assert status(check_section(tmp_path, section), "maalgruppe") == "oppfylt"


@pytest.mark.parametrize("section", [
    "## Om planen\nHva som menes med omsorgssvikt og atferdsvansker er beskrevet i veilederen fra Bufdir, og vi "
    "har ikke skrevet det på nytt her.",
    "## Om plana\nPlana gjeld for 2025–2029.",
])
def test_terms_explained_elsewhere_and_a_period_are_no_definition(tmp_path, section):
    assert status(check_section(tmp_path, section), "maalgruppe") != "oppfylt", section


# Strategy: a working principle the municipality puts first is part of a strategy.
@pytest.mark.parametrize("section", [
    "## Slik tenkjer vi\nDifor legg vi vekt på at tenestene skal vere lette å kome i kontakt med.",
    "## Dette vil vi\nVi skal arbeide slik at tjenestene kjenner hverandre og tar kontakt tidlig heller enn sent.",
])
def test_a_working_principle_is_a_partial_strategy(tmp_path, section):
    assert status(check_section(tmp_path, section), "strategier") == "delvis", section


# Collaboration: a model named alone is intent; a model and how it is used is collaboration.
@pytest.mark.parametrize(("section", "expected"), [
    ("## Samarbeid\nKommunen bruker BTI. Vi har Familiens hus og et 0–24-samarbeid mellom kommunalområdene.",
     "delvis"),
    ("## Samarbeid\nTverrfaglig team møtes hver måned med barnehage, skole og helsestasjon.", "oppfylt"),
    ("## Samarbeid\nStafettloggen i BTI blir brukt når meir enn éi teneste er inne.", "oppfylt"),
])
def test_a_model_must_be_described_to_be_collaboration(tmp_path, section, expected):
    assert status(check_section(tmp_path, section), "samarbeid") == expected, section


def test_a_feedback_letter_on_a_plan_is_not_a_plan(tmp_path):
    text = ("# Tilbakemelding på plan for førebygging av omsorgssvikt og åtferdsvanskar – Solvik kommune\n\n"
            "Vi har motteke plana som kommunestyret vedtok 12.05.2025, sak 20/25.\n\n## Vår vurdering\n"
            "Plana har klare mål, og vi merkar oss at kommunalsjefen leier arbeidet. Vi ber om at de skildrar "
            "korleis usemje vert løyst.\n\nMed venleg helsing\nStatsforvaltaren i Vestland\n")
    assert check_text(tmp_path, text).type.value == "annet"
