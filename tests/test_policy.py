"""Policy (select/ignore/severity, suppressions), baseline round trips and exit codes."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from fixtures_results import RULES, batch_result, clean_result, finding, markdown_draft, pdf_plan, run_of, single_result

from plansjekk.api import exit_code
from plansjekk.engine.baseline import apply_baseline, use_baseline, write_baseline
from plansjekk.engine.policy import active_rules, apply_policy
from plansjekk.errors import PlansjekkError
from plansjekk.model import Evidence, Severity, Suppression
from plansjekk.report.records import as_records
from plansjekk.settings import Settings


def codes(rules) -> list[str]:
    return [r.code for r in rules]


@pytest.mark.parametrize("select, ignore, expected", [
    ((), (), ["BV101", "BV103", "BV105", "BV203", "BV208", "BV301"]),
    (("kjerne",), (), ["BV101", "BV103", "BV105"]),  # tag
    (("lovkrav",), ("vedtak",), ["BV101", "BV103", "BV301"]),  # tag minus name
    (("bv203", "maal"), (), ["BV101", "BV203"]),  # code (any case) and name
    (("ALL",), ("veiledning",), ["BV101", "BV103", "BV105", "BV301"]),
])
def test_select_and_ignore_by_code_name_or_tag(select, ignore, expected) -> None:
    assert codes(active_rules(list(RULES), Settings(select=select, ignore=ignore))) == expected


@pytest.mark.parametrize("field", ["select", "ignore", "severity"])
def test_unknown_rule_is_an_error_naming_it(field: str) -> None:
    value = {"BV999": "info"} if field == "severity" else ("BV999",)
    settings = replace(Settings(config_file=Path("/repo/plansjekk.toml")), **{field: value})
    with pytest.raises(PlansjekkError, match=f"ukjent regel «BV999» i {field} \\(/repo/plansjekk.toml\\)"):
        active_rules(list(RULES), settings)


def test_severity_table_changes_rules_and_findings() -> None:
    settings = Settings(severity={"BV203": "info", "vedtak": "advarsel"})
    rules = {r.code: r for r in active_rules(list(RULES), settings)}
    assert rules["BV203"].severity == Severity.INFO and rules["BV105"].severity == Severity.ADVARSEL
    assert rules["BV101"] is RULES[0]  # untouched rules are the same objects
    doc = apply_policy(pdf_plan(), (), settings)
    by_code = {f.code: f for f in doc.findings}
    assert by_code["BV203"].severity == Severity.INFO and by_code["BV105"].severity == Severity.ADVARSEL
    assert exit_code(run_of(doc), "advarsel") == 1  # BV301 delvis is still advarsel
    lowered = Settings(severity={"BV103": "info", "BV203": "info", "BV301": "info"})
    assert exit_code(run_of(apply_policy(pdf_plan(), (), lowered)), "advarsel") == 0


def test_suppression_by_code_and_by_name_with_reason() -> None:
    suppressions = (Suppression("BV203", "Står i delegasjonsreglementet", 4), Suppression("innsatsnivaa", "", 5))
    doc = apply_policy(pdf_plan(), suppressions, Settings())
    by_code = {f.code: f for f in doc.findings}
    assert by_code["BV203"].suppressed == "Står i delegasjonsreglementet"
    assert by_code["BV208"].suppressed == "ikke oppgitt"  # a reason is always shown
    assert by_code["BV103"].suppressed is None and doc.unused_suppressions == ()


def test_suppression_that_suppresses_nothing_is_reported() -> None:
    suppressions = (Suppression("BV101", "mål finnes", 2), Suppression("BV999", "skrivefeil", 3))
    doc = apply_policy(pdf_plan(), suppressions, Settings())
    assert doc.unused_suppressions == suppressions  # BV101 is oppfylt; BV999 does not exist
    assert all(f.suppressed is None for f in doc.findings)


def test_suppression_round_trip_from_a_markdown_comment() -> None:
    from plansjekk.extract import suppress
    text = ("# Plan\n<!-- plansjekk: ignorer BV203, BV210 -- Avklaring står i delegasjonsreglementet -->\n"
            "Tekst.\n")
    stripped, found = suppress.strip_comments(text)
    assert "plansjekk" not in stripped
    doc = apply_policy(pdf_plan(), tuple(found), Settings())
    records = as_records(run_of(doc))["documents"][0]
    bv203 = [f for f in records["findings"] if f["code"] == "BV203"][0]
    assert bv203["suppressed"] == "Avklaring står i delegasjonsreglementet"
    assert [(s["rule"], s["line"]) for s in records["unused_suppressions"]] == [("BV210", 2)]
    assert exit_code(run_of(doc), "advarsel") == 1  # BV301 remains
    doc = apply_policy(doc, (Suppression("BV301", "ok", 9), Suppression("BV103", "ok", 9)), Settings())
    assert exit_code(run_of(doc), "info") == 1  # BV208 remains at info
    assert exit_code(run_of(doc), "advarsel") == 0


@pytest.mark.parametrize("make, expected", [
    (single_result, {"feil": 1, "advarsel": 1, "info": 1, "aldri": 0}),
    (clean_result, {"feil": 0, "advarsel": 0, "info": 0, "aldri": 0}),
    (batch_result, {"feil": 1, "advarsel": 1, "info": 1, "aldri": 3}),
])
def test_exit_codes_for_each_fail_on(make, expected) -> None:
    assert {level: exit_code(make(), level) for level in expected} == expected


def test_exit_code_three_when_only_unreadable() -> None:
    from fixtures_results import unreadable_pdf

    assert exit_code(run_of(unreadable_pdf(), clean_result().documents[0]), "info") == 3


# --- baseline -------------------------------------------------------------------------

def test_baseline_round_trip_hides_known_findings(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(batch_result(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["plansjekk_baseline"] == 1
    assert [d["path"] for d in data["documents"]] == ["planer/oppvekst, utkast.md", "samples/planprogram.docx",
                                                      "samples/sandnes-plan.pdf"]  # unreadable not recorded
    filtered = apply_baseline(batch_result(), path)
    assert exit_code(filtered, "info") == 3  # the unreadable document is never hidden
    plan = [d for d in filtered.documents if d.path == "samples/sandnes-plan.pdf"][0]
    assert {f.code for f in plan.findings if not f.baseline} == {"BV101", "BV105"}  # only met ones shown
    assert plan.notes[-1] == "4 kjente funn fra baseline vises ikke."


def test_new_and_worsened_findings_survive_the_baseline(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(single_result(), path)
    doc = pdf_plan()
    worse = tuple(finding("BV101", "delvis", (Evidence("Mål.", "3", 4),)) if f.code == "BV101" else
                  finding("BV301", "mangler") if f.code == "BV301" else f for f in doc.findings)
    changed = replace(doc, findings=worse, sha256="d" * 64)
    filtered = apply_baseline(run_of(changed), path)
    assert [(f.code, f.status.value) for f in filtered.documents[0].findings
            if f.status.value != "oppfylt" and not f.baseline] == [("BV101", "delvis"), ("BV301", "mangler")]
    assert exit_code(filtered, "feil") == 1


def test_baseline_matches_a_renamed_file_by_hash(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(single_result(), path)
    renamed = replace(pdf_plan(), path="arkiv/plan-2024.pdf")
    assert exit_code(apply_baseline(run_of(renamed), path), "info") == 0
    new_doc = replace(pdf_plan(), path="ny.pdf", sha256=None)
    assert exit_code(apply_baseline(run_of(new_doc), path), "info") == 1


def test_use_baseline_writes_then_filters(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    result = use_baseline(batch_result(), Settings(baseline=path, write_baseline=True))
    assert path.exists() and exit_code(result, "info") == 3
    assert use_baseline(markdown_draft_run(), Settings()) == markdown_draft_run()


def markdown_draft_run():
    return run_of(markdown_draft())


@pytest.mark.parametrize("content, match", [
    (None, "fant ikke baseline-filen"), ("{", "er ugyldig"), ('{"documents": []}', "er ugyldig"),
])
def test_bad_baseline_is_a_user_error(tmp_path: Path, content, match) -> None:
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(PlansjekkError, match=match):
        apply_baseline(single_result(), path)


def test_the_shipped_rule_pack_is_filtered_through_policy() -> None:
    from plansjekk.engine import loader
    ruleset = loader.load_rules(Settings(select=("lovkrav",), ignore=("BV105",), severity={"BV301": "info"}))
    active = {r.code: r for r in ruleset.rules}
    assert "BV105" not in active and "BV101" in active and "BV210" not in active
    assert all("lovkrav" in r.tags for r in active.values())
    if "BV301" in active:
        assert active["BV301"].severity == Severity.INFO
    with pytest.raises(PlansjekkError, match="ukjent regel «BV999» i select"):
        loader.load_rules(Settings(select=("BV999",)))


def test_baseline_hides_known_problems_but_not_the_verdict(tmp_path: Path) -> None:
    """Defect 4: with every problem known, the plan still does not meet the law; the exit code is 0."""
    from plansjekk.report.terminal import render

    path = tmp_path / "baseline.json"
    write_baseline(single_result(), path)
    known = apply_baseline(single_result(), path)
    assert exit_code(known, "info") == 0
    text = render(known, Settings(color=False))
    assert "Planen oppfyller ikke alle kravene" in text
    assert "Planen oppfyller kravene" not in text
    assert "kjente funn fra baseline vises ikke" in text


def test_baseline_known_cells_are_marked_with_a_legend(tmp_path: Path) -> None:
    """Defect 4: the overview shows a known problem as '✘†' and explains †, never an empty cell."""
    from plansjekk.report.overview import overview, render_terminal

    path = tmp_path / "baseline.json"
    write_baseline(batch_result(), path)
    known = apply_baseline(batch_result(), path)
    data = overview(known, Settings())
    plan = [r for r in data["rows"] if r["doc"]["path"] == "samples/sandnes-plan.pdf"][0]
    assert plan["cells"]["BV103"]["effective_status"] == "delvis" and plan["cells"]["BV103"]["baseline"]
    text = render_terminal(known, Settings(color=False))
    assert "◐†" in text and "† = kjent fra baseline" in text


@pytest.mark.parametrize("documents", [
    [1], [{"path": 3}], [{"path": "a.md", "findings": ["BV101"]}],
    [{"path": "a.md", "findings": {"BV101": "kanskje"}}], [{"path": "a.md", "sha256": 7}],
])
def test_baseline_with_wrong_inner_types_is_a_user_error(tmp_path: Path, documents) -> None:
    """Defect 12: wrong inner types are refused on load, naming the file and the entry."""
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"plansjekk_baseline": 1, "documents": documents}), encoding="utf-8")
    with pytest.raises(PlansjekkError, match=r"b\.json er ugyldig: documents\[1\]"):
        apply_baseline(single_result(), path)


def test_lag_baseline_never_overwrites_a_file_it_did_not_create(tmp_path: Path) -> None:
    """Defect 19: a config's `baseline` naming an existing, foreign file plus --lag-baseline."""
    path = tmp_path / "README.md"
    path.write_text("# Mine notater\n", encoding="utf-8")
    with pytest.raises(PlansjekkError, match="ikke en baseline fra plansjekk"):
        use_baseline(single_result(), Settings(baseline=path, write_baseline=True))
    assert path.read_text(encoding="utf-8") == "# Mine notater\n"
    write_baseline(single_result(), tmp_path / "ok.json")
    write_baseline(single_result(), tmp_path / "ok.json")  # its own baseline may be rewritten
