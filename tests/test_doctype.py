"""What a document is, and metadata a reviewer can rely on (issue 9).

Every text here is our own paraphrase of a pattern seen in real public texts (news items,
landing pages, hearing notices, guidance, audits, hearing responses, letters), in bokmål and
nynorsk; the real texts themselves stay outside the repository (benchmarks/real-web).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers_engine import check_text, status
from typer.testing import CliRunner

from plansjekk.cli import app

runner = CliRunner()

PLAN = """
# Plan for forebygging av omsorgssvikt og atferdsvansker 2025–2029
Sigdal kommune
## 1 Mål
Vi skal gi barn og familier hjelp tidlig. Hovedmålet er at alle barn skal ha en trygg oppvekst.
## 2 Organisering
Kommunalsjef for oppvekst leder arbeidet, og et tverrfaglig oppvekstteam koordinerer tiltakene.
## 3 Ansvar
Helsestasjonen har ansvar for foreldreveiledning. Skolen har ansvar for oppfølging av fravær.
Barnehagen har ansvar for å observere og følge opp barn.
## 4 Samarbeid
Oppvekstteamet møtes hver måned med barnehage, skole og helsestasjon.
## 5 Tiltak
Vi vil tilby foreldrekurs to ganger i året.
"""

NOT_PLANS = {
    "nyhet_nb": """
        # Ny plan skal hjelpe barn og familier tidligere
        Publisert 12.06.2025
        Kommunestyret vedtok tirsdag plan for forebygging av omsorgssvikt og atferdsvansker. Planen skal
        sørge for at barnehage, skole og helsestasjon samarbeider bedre.
        Les hele planen her (PDF, 4 MB)
        """,
    "nyhet_nn": """
        # Ny plan for førebygging er vedteken
        Sist oppdatert 03.03.2025
        Heradsstyret handsama plan for førebygging av omsorgssvikt og åtferdsvanskar 27. februar.
        Du finn den endelege plana her.
        """,
    "landingsside": """
        # Plan for forebygging av omsorgssvikt og atferdsvansker
        Planen er hjemlet i barnevernsloven § 15-1 og gjelder for 2024–2028.
        Planen har fire innsatsområder: samarbeid, tidlig innsats, kompetanse og barns stemme.
        Plan for forebygging 2024–2028 (PDF, 2 MB)
        """,
    "horingskunngjoring_nn": """
        # Høyring: plan for førebygging av omsorgssvikt
        Kommunen har laga eit forslag til plan for førebygging. Les forslaget (PDF, 1 MB).
        Send innspel til postmottak innan 1. april, og merk saka med 25/120.
        """,
    "veileder": """
        # Slik lager dere en god forebyggende plan
        Alle kommuner skal ha en plan for forebygging av omsorgssvikt. Dere bør starte planarbeidet med
        et kunnskapsgrunnlag. Vi anbefaler at dere involverer barn og unge. Planen bør vise hvem som har
        ansvar for hva, og dere bør beskrive hvordan tjenestene samarbeider. Kommunene bør bruke Ungdata.
        """,
    "revisjon": """
        # Forvaltningsrevisjon: forebyggende arbeid for barn og unge
        Revisjonen er gjort på oppdrag fra kontrollutvalget. Vi konkluderer med at kommunen ikke har en
        oppdatert plan for forebygging av omsorgssvikt og atferdsvansker, og anbefaler at planen rulleres.
        """,
    "horingssvar": """
        # Høringssvar fra Foreningen for barn og familier
        Vi takker for muligheten til å gi innspill. Foreningen mener forslaget til plan for forebygging av
        omsorgssvikt er et godt steg, men savner tiltak for barn med foreldre som sliter med rus.
        """,
    "praksiseksempel": """
        # Eksempel fra en annen kommune
        Nabokommunen har laget en tiltaksplan for det forebyggende arbeidet. Planen viser ansvarsfordeling
        fra barnehage til ungdomsskole. Les tiltaksplanen her (PDF).
        """,
    "rusplan": """
        # Rusmiddelpolitisk handlingsplan 2024–2028
        ## Mål
        Vi skal forebygge rusbruk blant unge og redusere skadene av alkohol.
        ## Tiltak
        Kommunen skal gjennomføre skjenkekontroller, og SLT-koordinator følger opp ungdom.
        ## Samarbeid
        Politiet og kommunen samarbeider i politirådet.
        """,
}


@pytest.mark.parametrize("name", sorted(NOT_PLANS))
def test_texts_about_a_plan_are_not_the_plan(tmp_path, name):
    result = check_text(tmp_path, NOT_PLANS[name])
    assert result.type.value == "annet", (name, result.type_signals)
    assert result.type_reasons and all(isinstance(r, str) and r for r in result.type_reasons)


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_plan_is_a_plan_with_its_reasons(tmp_path, lang):
    text = PLAN if lang == "nb" else PLAN.replace("Vi skal gi", "Me skal gje").replace("Hovedmålet", "Hovudmålet")
    result = check_text(tmp_path, text)
    assert result.type.value == "plan" and result.type_certain
    assert any("plan" in reason for reason in result.type_reasons)


def test_draft_adopted_by_the_council_is_the_plan(tmp_path):
    text = PLAN.replace("# Plan for", "# Høringsutkast: Plan for")
    assert check_text(tmp_path, text).type.value == "horingsutkast"
    adopted = text.replace("Sigdal kommune", "Sigdal kommune\n\nVedtatt i kommunestyret 11.09.2025, sak 61/25.")
    assert check_text(tmp_path, adopted).type.value == "plan"


def test_json_carries_type_certain_reasons_and_municipalities(tmp_path):
    (tmp_path / "plan.md").write_text(PLAN, encoding="utf-8")
    (tmp_path / "kort.txt").write_text("Forebygging av omsorgssvikt er viktig for kommunen.\n", encoding="utf-8")
    (tmp_path / "tom.pdf").write_bytes(b"%PDF-1.4 broken")
    out = runner.invoke(app, ["sjekk", str(tmp_path), "--format", "json", "--no-cache"])
    docs = json.loads(out.stdout)["documents"]
    assert len(docs) == 3
    for doc in docs:
        assert isinstance(doc["type_certain"], bool)
        assert doc["type_reasons"] and all(isinstance(r, str) for r in doc["type_reasons"])
        assert isinstance(doc["municipalities"], list)
    plan = next(d for d in docs if d["path"].endswith("plan.md"))
    assert plan["municipalities"] == ["Sigdal"] == [plan["municipality"]]


def test_user_states_the_type_on_the_command_line_and_in_the_config(tmp_path):
    note = tmp_path / "notat.md"
    note.write_text("# Notat\nHelsestasjonen har ansvar for foreldreveiledning.\n", encoding="utf-8")
    out = runner.invoke(app, ["sjekk", str(note), "--dokumenttype", "plan", "--no-cache", "--no-color"])
    assert "oppgitt av brukeren" in out.stdout
    alias = runner.invoke(app, ["sjekk", str(note), "--type", "horingsutkast", "--format", "json", "--no-cache"])
    doc = json.loads(alias.stdout)["documents"][0]
    assert doc["type"] == "horingsutkast" and doc["type_given"] and doc["type_certain"]
    (tmp_path / "plansjekk.toml").write_text('type = "horingsutkast"\n', encoding="utf-8")
    configured = runner.invoke(app, ["sjekk", str(note), "--format", "json", "--no-cache"])
    assert json.loads(configured.stdout)["documents"][0]["type"] == "horingsutkast"
    bad = runner.invoke(app, ["sjekk", str(note), "--dokumenttype", "brosjyre", "--no-cache"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_uncertain_type_is_said_in_terminal_and_html_and_forklar_shows_signals(tmp_path):
    note = tmp_path / "notat.txt"
    note.write_text("Eksempelbygd kommune\n\nForebygging av omsorgssvikt og atferdsvansker er et felles ansvar. "
                    "Helsestasjonen har ansvar for foreldreveiledning, og skolen følger opp fravær. "
                    "Det forebyggende arbeidet ledes av kommunalsjef for oppvekst.\n", encoding="utf-8")
    terminal = runner.invoke(app, ["sjekk", str(note), "--no-cache", "--no-color"])
    assert "usikker" in terminal.stdout and "--dokumenttype" in terminal.stdout
    html = tmp_path / "r.html"
    runner.invoke(app, ["sjekk", str(note), "--no-cache", "-f", "html", "-o", str(html)])
    page = html.read_text(encoding="utf-8")
    assert "usikker" in page and "kort" in page
    explained = runner.invoke(app, ["sjekk", str(note), "--no-cache", "--no-color", "--forklar"])
    assert "Signaler for dokumenttypen" in explained.stdout and "kort_tekst" in explained.stdout


@pytest.mark.parametrize("sentence", [
    "Dersom kommunen ikke har vedtatt planen innen 30.6.2025, ber vi om en orientering om status.",
    "Har kommunen ikkje vedteke plana innan 1.7.2025, ber vi om ei orientering.",
    "Vi ber om at kommunen sender oss planen når denne er vedtatt av kommunestyret.",
    "Send oss plana så snart ho er vedteken av kommunestyret 12.12.2025.",
])
def test_deadline_condition_or_request_in_a_letter_is_no_adoption(tmp_path, sentence):
    letter = f"""
    # Plan for forebygging – oppfølging fra Statsforvalteren
    Vår ref: 2025/77. Saksbehandler: Kari Nordmann.
    Kommunestyret skal vedta en plan for forebygging, jf. barnevernsloven § 15-1.
    {sentence}
    Med hilsen Statsforvalteren
    """
    result = check_text(tmp_path, letter)
    assert result.adoption is None
    assert result.type.value == "annet"


def test_title_is_never_a_table_header_or_navigation(tmp_path):
    text = """
    Gå til hovedinnhold Gå til hovedmeny

    | Tiltak | Mål |
    |---|---|
    | Foreldrekurs | Tryggere foreldre |

    Plan for forebygging av omsorgssvikt 2025–2028

    Planen gjelder hele kommunen.
    """
    for name in ("side.md", "side.txt"):
        result = check_text(tmp_path, text, name=name)
        assert result.title == "Plan for forebygging av omsorgssvikt 2025–2028", (name, result.title)


INTERKOMMUNAL = """
# Felles plan for forebygging av omsorgssvikt og atferdsvansker 2025–2028
Interkommunal plan for kommunene Ringsaker, Hamar og Stange.
Vedtatt i kommunestyret i Ringsaker 12.03.2025, sak 20/25.
Vedtatt i kommunestyret i Hamar 13.03.2025, sak 31/25.
Vedtatt i kommunestyret i Stange 20.03.2025, sak 14/25.
## Mål
Vi skal gi hjelp tidlig.
## Organisering
Et felles oppvekstråd leder arbeidet.
## Samarbeid
Tjenestene møtes hver måned.
"""


def test_inter_municipal_plan_lists_every_municipality_and_each_adoption(tmp_path):
    result = check_text(tmp_path, INTERKOMMUNAL)
    assert set(result.municipalities) == {"Ringsaker", "Hamar", "Stange"}
    assert result.municipality == result.municipalities[0]
    adoptions = {a.municipality: (a.date, a.case) for a in result.council_adoptions}
    assert adoptions == {"Ringsaker": ("2025-03-12", "20/25"), "Hamar": ("2025-03-13", "31/25"),
                         "Stange": ("2025-03-20", "14/25")}
    assert status(result, "vedtak") == "oppfylt"


def test_inter_municipal_plan_in_nynorsk_with_councils_named_before_the_body(tmp_path):
    text = """
    # Interkommunal plan for førebygging av omsorgssvikt og åtferdsvanskar 2026–2029
    Vedteke Bykle kommunestyre 04.02.26 k-styresak nr. 12/26
    Vedteke Valle kommunestyre 05.02.26 k-styresak nr. 9/26
    Vedteke i kommunestyret i Evje og Hornnes 11.02.26, sak 15/26
    ## Mål
    Me skal gje hjelp tidleg.
    ## Organisering
    Eit felles oppvekstråd leiar arbeidet.
    ## Samarbeid
    Tenestene møtest kvar månad.
    """
    result = check_text(tmp_path, text)
    assert set(result.municipalities) == {"Bykle", "Valle", "Evje og Hornnes"}
    assert {a.municipality: a.case for a in result.council_adoptions} == \
        {"Bykle": "12/26", "Valle": "9/26", "Evje og Hornnes": "15/26"}


@pytest.mark.parametrize("line", [
    "Handsama: Vedteke av Ulvik heradsstyre 12.06.2025, sak 21/25, og av Eidfjord kommunestyre 19.06.2025, sak 34/25.",
    "Behandlet: Vedtatt av kommunestyret i Ulvik 12.06.2025 (sak 21/25) og kommunestyret i Eidfjord 19.06.2025 "
    "(sak 34/25).",
])
def test_two_councils_in_one_sentence_each_keep_their_own_date_and_case(tmp_path, line):
    text = f"""
    # Felles plan for førebygging av omsorgssvikt og åtferdsvanskar for Ulvik og Eidfjord 2025–2028
    {line}
    ## Mål
    Me skal gje hjelp tidleg.
    """
    result = check_text(tmp_path, text)
    assert {a.municipality: (a.date, a.case) for a in result.council_adoptions} == \
        {"Ulvik": ("2025-06-12", "21/25"), "Eidfjord": ("2025-06-19", "34/25")}


def test_batch_overview_credits_every_member_municipality(tmp_path):
    folder = tmp_path / "planer"
    folder.mkdir()
    (folder / "felles.md").write_text(INTERKOMMUNAL, encoding="utf-8")
    expected = tmp_path / "kommuner.txt"
    expected.write_text("Ringsaker\nHamar\nStange\nLøten\n", encoding="utf-8")
    out = runner.invoke(app, ["sjekk", str(folder), "--kommuner", str(expected), "--format", "json",
                              "--no-cache"])
    data = json.loads(out.stdout)
    assert data["missing_municipalities"] == ["Løten"]


def test_plan_adopted_before_2022_says_why_it_falls_short(tmp_path):
    text = """
    # Oppvekstplan for Eksempelbygd 2019–2023
    Vedtatt av kommunestyret 14.05.2019, sak 31/19.
    ## Mål
    Vi skal gi hjelp tidlig.
    ## Organisering
    Kommunalsjefen leder arbeidet.
    ## Samarbeid
    Tjenestene møtes hver måned.
    """
    result = check_text(tmp_path, text)
    assert result.type.value == "plan"
    vedtak = next(f for f in result.findings if f.name == "vedtak")
    law = next(f for f in result.findings if f.name == "lovhenvisning")
    assert vedtak.status.value == "mangler" and "1.1.2022" in vedtak.message
    assert law.status.value == "mangler" and "1.1.2022" in law.message


def test_regler_test_runs_the_type_and_adoption_examples(tmp_path):
    from plansjekk.engine.loader import load_rules
    from plansjekk.engine.selftest import run_examples
    from plansjekk.settings import Settings

    report = run_examples(load_rules(Settings()))
    tables = {d.table for d in report.data}
    assert tables == {"dokumenttype", "vedtak", "roller"} and all(d.ok for d in report.data), \
        [d for d in report.data if not d.ok]
    out = runner.invoke(app, ["regler", "test"])
    assert out.exit_code == 0


def test_type_accuracy_script_skips_texts_without_a_local_copy(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("type_accuracy",
                                                  Path(__file__).parent.parent / "benchmarks" / "type_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "REALWEB_DIR", tmp_path)  # no copies here
    own = [s for s in module.labelled_sets() if s[0].startswith("real-web (own")]
    assert own and all(not docs and skipped > 0 for _, docs, skipped in own)


def test_type_accuracy_reports_texts_tuned_after_first_contact_apart(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("type_accuracy",
                                                  Path(__file__).parent.parent / "benchmarks" / "type_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    sources = tmp_path / "sources.yaml"
    sources.write_text("documents:\n"
                       "- {file: a.txt, split: held_out, type: annet}\n"
                       "- {file: b.txt, split: held_out, type: annet, tuned_after: true}  # missed, tuned on\n"
                       "- {file: c.txt, split: tuned, type: plan}\n", encoding="utf-8")
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("tekst\n", encoding="utf-8")
    monkeypatch.setattr(module, "OWN_REAL", sources)
    monkeypatch.setattr(module, "REALWEB_DIR", tmp_path)
    own = {name: [p.name for p, _ in docs] for name, docs, _ in module.labelled_sets()
           if name.startswith("real-web (own")}
    assert own == {"real-web (own, held_out)": ["a.txt"],
                   "real-web (own, held_out, tuned after first contact)": ["b.txt"],
                   "real-web (own, tuned)": ["c.txt"]}


def test_a_broken_type_table_is_a_rule_file_error_naming_the_file(tmp_path, monkeypatch):
    from plansjekk.engine import classify
    from plansjekk.errors import RuleFileError

    bad = tmp_path / "dokumenttype.yaml"
    bad.write_text("usikker_margin: 3\nkjernekapitler: {}\nuttrykk: {brev: ['hilsen']}\n"
                   "signals:\n  - {id: x, finn: finnes_ikke, vekt: {annet: 1}, grunn: {nb: x}}\n", encoding="utf-8")
    monkeypatch.setattr(classify, "table_path", lambda: bad)
    classify.load_table.cache_clear()
    try:
        with pytest.raises(RuleFileError, match="dokumenttype.yaml"):
            classify.load_table()
    finally:
        classify.load_table.cache_clear()
