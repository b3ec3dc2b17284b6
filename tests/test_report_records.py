"""The record form: DESIGN.md JSON contract keys, extras for tracing, verdicts."""

from __future__ import annotations

import json

from fixtures_results import batch_result, clean_result, markdown_result, single_result

from plansjekk.report import json_report
from plansjekk.report.records import CONTRACT_DOC_KEYS, CONTRACT_FINDING_KEYS, as_records, fails, is_open
from plansjekk.settings import Settings


def test_json_output_has_the_contract_and_traceability_keys() -> None:
    data = json.loads(json_report.render(single_result(), Settings()))
    assert data["plansjekk_version"] == "0.1.0"
    assert data["rulepack"] == {"name": "bvl-15-1", "version": "1.0.0"}
    doc = data["documents"][0]
    assert set(CONTRACT_DOC_KEYS) <= set(doc)
    assert doc["adoption"] == {"body": "kommunestyret", "date": "2024-05-29", "case": "18/24"}
    assert doc["error"] is None and doc["type"] == "plan" and doc["pages"] == 12
    finding = doc["findings"][0]
    assert set(CONTRACT_FINDING_KEYS) | {"source", "source_url"} <= set(finding)
    assert finding["evidence"][0] == {"quote": "Kommunens mål er at alle barn skal ha en trygg oppvekst.",
                                      "section": "3 Mål", "page": 4, "line": None, "paragraph": None}
    assert finding["source"] == "barnevernsloven § 15-1 andre ledd"
    assert finding["source_url"].startswith("https://lovdata.no/")
    assert [r["code"] for r in data["rules"]] == ["BV101", "BV103", "BV105", "BV203", "BV208", "BV301"]


def test_unreadable_document_keeps_its_error_and_has_no_findings() -> None:
    docs = {d["path"]: d for d in as_records(batch_result())["documents"]}
    broken = docs["samples/kryptert.pdf"]
    assert broken["type"] == "unreadable" and broken["findings"] == []
    assert broken["error"]["code"] == "kryptert" and broken["verdict"] == "ulesbar"


def test_documents_sorted_by_path_findings_by_code() -> None:
    records = as_records(batch_result())
    paths = [d["path"] for d in records["documents"]]
    assert paths == sorted(paths) and len(paths) == 4
    for doc in records["documents"]:
        codes = [f["code"] for f in doc["findings"]]
        assert codes == sorted(codes)


def test_override_gives_effective_status_and_keeps_the_machine_verdict() -> None:
    docs = {d["path"]: d for d in as_records(batch_result())["documents"]}
    bv301 = [f for f in docs["samples/planprogram.docx"]["findings"] if f["code"] == "BV301"][0]
    assert bv301["status"] == "mangler" and bv301["effective_status"] == "oppfylt"
    assert bv301["override"]["reviewer"] == "Kari Nordmann"
    assert not is_open(bv301)


def test_verdicts() -> None:
    verdicts = {d["path"]: d["verdict"] for d in as_records(batch_result())["documents"]}
    assert verdicts == {"planer/oppvekst, utkast.md": "mangler", "samples/kryptert.pdf": "ulesbar",
                        "samples/planprogram.docx": "planprogram", "samples/sandnes-plan.pdf": "mangler"}
    assert as_records(clean_result())["documents"][0]["verdict"] == "oppfyller"


def test_fails_mirrors_fail_on_and_ignores_suppressed() -> None:
    findings = {f["code"]: f for f in as_records(markdown_result())["documents"][0]["findings"]}
    assert fails(findings["BV101"], "feil") and not fails(findings["BV101"], "aldri")
    assert not fails(findings["BV203"], "info")  # suppressed
    assert not fails(findings["BV208"], "advarsel") and fails(findings["BV208"], "info")
    summary = as_records(markdown_result())["documents"][0]["summary"]
    assert summary == {"oppfylt": 2, "delvis": 1, "mangler": 2, "ikke_relevant": 1, "suppressed": 1, "open": 2}


def test_skipped_file_is_listed_not_failed() -> None:
    from fixtures_results import clean_result, run_of

    from plansjekk.api import exit_code
    from plansjekk.model import DocError, DocType, DocumentResult
    from plansjekk.report import junit, sarif

    skipped = DocumentResult(path="samples/bilde.png", type=DocType.ANNET, skipped=True,
                             error=DocError(code="ukjent_format", message="Filtypen støttes ikke."))
    result = run_of(skipped)
    doc = as_records(result)["documents"][0]
    assert doc["verdict"] == "hoppet_over" and doc["skipped"] is True
    assert exit_code(result, "info") == 3  # nothing was checked: a mistyped path must not pass CI
    assert exit_code(run_of(skipped, *clean_result().documents), "info") == 0  # a skipped file beside a plan
    assert json.loads(sarif.render(result, Settings()))["runs"][0]["results"] == []
    assert '<skipped message="Filtypen støttes ikke."' in junit.render(result, Settings())
