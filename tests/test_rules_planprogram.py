"""The planprogram pack (pbl-4-1): loaded beside the § 15-1 pack, reported only on planprogrammer,
selectable by code, and right on planprogrammer written as real files."""

from __future__ import annotations

import shutil

import pytest
from helpers_engine import check_text, status

from plansjekk.engine.loader import default_pack_dir, load_rules, shipped_pack_dirs
from plansjekk.errors import PlansjekkError, RuleFileError
from plansjekk.settings import Settings

CATALOGUE = {
    "PP101": "pp_formaal", "PP102": "pp_planprosess", "PP103": "pp_medvirkning", "PP104": "pp_alternativer",
    "PP105": "pp_utredninger", "PP201": "pp_vedtaksorgan", "PP202": "pp_innholdskrav",
}

PLANPROGRAM_NB = """
    # Planprogram for plan for forebygging av omsorgssvikt og atferdsvansker

    Framlegg til planprogram for Eksempel kommune.

    ## Formålet med planarbeidet
    Med en felles plan vil kommunen sørge for at barn og unge som strever, får hjelp tidligere, og at
    tjenestene trekker i samme retning i det forebyggende arbeidet.

    ## Organisering og deltakere
    Arbeidsgruppen består av representanter fra barnehage, skole, helsestasjon og barnevernstjenesten.

    ## Framdrift
    | Fase | Tidspunkt |
    |---|---|
    | Planprogram på høring | mars 2025 |
    | Planforslag på høring | september 2025 |
    | Sluttbehandling i kommunestyret | desember 2025 |

    ## Medvirkning
    Ungdomsrådet og elevrådene på ungdomsskolene inviteres til en workshop om planen i april.

    ## Disposisjon for planen
    - Mål og strategier
    - Organisering og ansvarsfordeling
    - Samarbeid mellom tjenestene
"""


def test_pack_catalogue_is_the_contract(ruleset):
    assert {r.code: r.name for r in ruleset.rules if r.pack == "pbl-4-1"} == CATALOGUE
    assert ("pbl-4-1", "2026.12") in ruleset.packs and ruleset.packs[0][0] == "bvl-15-1"


def test_shipped_packs_default_first():
    assert [p.name for p in shipped_pack_dirs()] == ["bvl-15-1", "pbl-4-1"]


PLANPROGRAM_NN_PARTIAL = """
    # Planprogram for førebyggjande plan for barn og unge

    Framlegg til planprogram for Døme kommune.

    ## Bakgrunn
    Etter barnevernslova § 15-1 skal planen skildre måla for arbeidet, korleis arbeidet skal organiserast
    og fordelast, og korleis tenestene skal samarbeide.

    ## Framdrift
    Oppstart av planarbeidet er i februar 2025. Planframlegget vert lagt ut på høyring i oktober 2025.
    Planen skal vedtakast etter politisk handsaming i desember 2025.

    ## Medverknad
    Medverknad skal sikrast gjennom heile planarbeidet.

    ## Alternativ
    Det er ikkje aktuelt å greie ut alternativ, sidan dette er ein temaplan utan arealbruk.
"""


def test_planprogram_gets_both_packs_and_a_plan_only_the_first(tmp_path):
    program = check_text(tmp_path, PLANPROGRAM_NB, "planprogram.md")
    assert program.type.value == "planprogram"
    codes = {f.code: f.status.value for f in program.findings}
    assert {c for c in codes if c.startswith("PP")} == set(CATALOGUE)
    assert all(codes[c] == "ikke_relevant" for c in codes if c.startswith("BV") and c != "BV301")
    assert [codes[c] for c in sorted(CATALOGUE)] == \
        ["oppfylt", "oppfylt", "oppfylt", "mangler", "mangler", "oppfylt", "oppfylt"]
    plan = check_text(tmp_path, """
        # Plan for forebygging av omsorgssvikt og atferdsvansker 2025–2029
        ## Mål
        Vi vil at alle barn i kommunen skal ha en trygg oppvekst og få hjelp tidlig.
        ## Organisering
        Kommunalsjef for oppvekst leder oppvekstteamet og samordner det forebyggende arbeidet.
        ## Samarbeid
        Tverrfaglig team møtes hver måned med barnehage, skole og helsestasjon.
    """, "plan.md")
    assert plan.type.value == "plan"
    assert not [f for f in plan.findings if f.code.startswith("PP")]


def test_partial_cases_in_nynorsk(tmp_path):
    """DOMAIN.md: a timetable without participants and participation without an arrangement are
    delvis; a law quote is no disposition; 'no alternatives, because …' meets PP104."""
    result = check_text(tmp_path, PLANPROGRAM_NN_PARTIAL, "planprogram.md")
    assert result.type.value == "planprogram"
    assert status(result, "pp_planprosess") == "delvis"
    assert status(result, "pp_medvirkning") == "delvis"
    assert status(result, "pp_vedtaksorgan") == "delvis"
    assert status(result, "pp_innholdskrav") == "mangler"
    assert status(result, "pp_alternativer") == "oppfylt"
    assert status(result, "pp_formaal") == "mangler"


def test_evidence_cites_the_planprogram(tmp_path):
    result = check_text(tmp_path, PLANPROGRAM_NB, "planprogram.md")
    finding = next(f for f in result.findings if f.code == "PP103")
    assert finding.evidence[0].section == "Medvirkning"
    assert "Ungdomsrådet" in finding.evidence[0].quote
    missing = next(f for f in result.findings if f.code == "PP104")
    assert missing.suggestion and not missing.evidence


def test_select_and_ignore_take_the_new_codes(tmp_path):
    only = check_text(tmp_path, PLANPROGRAM_NB, "planprogram.md", select=("PP101", "pp_medvirkning"))
    assert [f.code for f in only.findings] == ["PP101", "PP103"]
    without = check_text(tmp_path, PLANPROGRAM_NB, "planprogram.md", ignore=("planprogram",))
    assert not [f for f in without.findings if f.code.startswith("PP")]
    with pytest.raises(PlansjekkError, match="PP999"):
        load_rules(Settings(select=("PP999",)))


def test_an_overriding_rule_keeps_its_packs_scope(tmp_path):
    """A PP rule replaced from --regler is still only for planprogrammer."""
    own = tmp_path / "egne"
    own.mkdir()
    source = shipped_pack_dirs()[1] / "PP101-pp_formaal.yaml"
    own.joinpath(source.name).write_text(source.read_text(encoding="utf-8").replace(
        "severity: feil", "severity: info"), encoding="utf-8")
    ruleset = load_rules(Settings(rule_dirs=(own,)))
    assert [r.code for r in ruleset.for_type("plan") if r.code.startswith("PP")] == []
    assert next(r for r in ruleset.for_type("planprogram") if r.code == "PP101").severity.value == "info"


def test_pack_file_with_unknown_document_type_is_an_error(tmp_path):
    pack = tmp_path / "pakke"
    shutil.copytree(default_pack_dir(), pack)
    (pack / "pakke.yaml").write_text("name: egen\napplies_to: [planer]\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match="applies_to"):
        load_rules(Settings(rule_dirs=(pack,)))


def test_regler_lists_both_packs_and_shows_and_tests_the_new_rules():
    from typer.testing import CliRunner

    from plansjekk.cli import app

    runner = CliRunner()
    listing = runner.invoke(app, ["regler"], env={"COLUMNS": "200"})
    assert listing.exit_code == 0
    rows = [line for line in listing.stdout.splitlines() if "PP" in line or "BV1" in line]
    assert any("bvl-15-1" in row and "BV101" in row for row in rows)
    assert sum("pbl-4-1" in row for row in rows) == len(CATALOGUE)
    shown = runner.invoke(app, ["regler", "vis", "PP103"])
    assert shown.exit_code == 0 and "plan- og bygningsloven §§ 4-1 og 5-1" in shown.stdout
    assert runner.invoke(app, ["regler", "vis", "pp_innholdskrav"]).exit_code == 0
    assert runner.invoke(app, ["regler", "test"]).exit_code == 0


PARAPHRASE_NB = """
    # Planprogram: forebyggende plan for barn og unge i Eksempelby

    ## Hvorfor vi lager planen
    Vi lager planen fordi kommunen ønsker at familier som sliter, skal få hjelp tidligere og at
    tjenestene for barn og unge trekker i samme retning.

    ## Slik organiserer vi arbeidet
    Disse er med i prosjektgruppen:
    - virksomhetsleder for barnehagene
    - rektor ved ungdomsskolen
    - leder for helsestasjonen
    - barnevernsleder

    ## Tidsplan
    - Mars 2026: planprogrammet på høring
    - Juni 2026: planforslaget ferdig
    - Oktober 2026: endelig vedtak i bystyret

    ## Barn og unge skal bli hørt
    Vi skal besøke tre skoleklasser og snakke med elevene, og foreldrerådet i barnehagene får
    planforslaget til uttalelse.

    ## Kapitlene i planen
    Planen blir delt i disse kapitlene:
    - Hva vi vil oppnå (mål)
    - Hvordan arbeidet er organisert
    - Hvem som har ansvar for hva
    - Hvordan tjenestene samarbeider
"""
PARAPHRASE_NN = """
    # Planprogram for plan for førebyggjande arbeid i Døme kommune

    ## Kvifor vi lagar planen
    Føremålet er at born og familiar som strevar, skal få hjelp tidlegare, og at tenestene dreg i same retning.

    ## Deltakarar
    Desse er med i arbeidsgruppa:
    - einingsleiar for barnehagane
    - rektor på ungdomsskulen
    - leiar for helsestasjonen
    - barnevernsleiar

    ## Tidsplan
    | Kva | Når |
    |---|---|
    | Planprogram på høyring | mars 2026 |
    | Planframlegg klart | juni 2026 |
    | Sluttbehandling i heradsstyret | oktober 2026 |

    ## Born og unge si stemme
    Ungdomsrådet skal handsame planframlegget, og helsesjukepleiarane skal ha samtalar med elevar på 8. trinn.

    ## Utgreiingsbehov
    Vi treng ei kartlegging av kva tilbod tenestene har i dag.

    ## Alternativ
    Vi skal vurdere om koordineringa bør liggje hos ein barnekoordinator eller i eit oppvekstteam.

    ## Kva planen skal innehalde
    - Mål for arbeidet
    - Organisering
    - Fordeling av ansvar mellom tenestene
    - Samarbeid mellom tenestene
"""


@pytest.mark.parametrize("text, expected", [
    (PARAPHRASE_NB, ["oppfylt", "oppfylt", "oppfylt", "mangler", "mangler", "oppfylt", "oppfylt"]),
    (PARAPHRASE_NN, ["oppfylt"] * 7),
], ids=["nb", "nn"])
def test_other_headings_and_wordings(tmp_path, text, expected):
    """The concepts, not the seed's words: 'Hvorfor vi lager planen', a timetable as a list or a
    'Kva | Når' table, 'endelig vedtak i bystyret', 'Kva planen skal innehalde', 'Vi treng ei kartlegging'."""
    result = check_text(tmp_path, text, "planprogram.md")
    assert result.type.value == "planprogram"
    assert [f.status.value for f in result.findings if f.code.startswith("PP")] == expected
