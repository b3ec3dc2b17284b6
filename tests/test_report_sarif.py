"""SARIF: valid against the official 2.1.0 schema, and what GitHub code scanning needs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures_results import batch_result, clean_result, markdown_result, single_result

from plansjekk.report import sarif
from plansjekk.settings import Settings

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def log(result, **settings) -> dict:
    return json.loads(sarif.render(result, Settings(**settings)))


def validator():
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (../shared absent)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


@pytest.mark.parametrize("make", [single_result, batch_result, markdown_result, clean_result])
def test_validates_against_the_official_schema(make) -> None:
    errors = sorted(validator().iter_errors(log(make())), key=str)
    assert not errors, errors[0]


def test_schema_check_catches_a_broken_log() -> None:
    data = log(single_result())
    data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert list(validator().iter_errors(data))


def test_driver_rules_carry_code_name_help_and_level() -> None:
    rules = {r["id"]: r for r in log(single_result())["runs"][0]["tool"]["driver"]["rules"]}
    bv103 = rules["BV103"]
    assert bv103["name"] == "ansvarsfordeling"
    assert bv103["shortDescription"]["text"] == "Ansvarsfordeling mellom tjenestene"
    assert bv103["defaultConfiguration"]["level"] == "error"
    assert bv103["helpUri"] == "https://lovdata.no/lov/2021-06-18-97/%C2%A715-1"
    assert "barnevernsloven § 15-1 andre ledd" in bv103["help"]["text"]
    assert rules["BV208"]["defaultConfiguration"]["level"] == "note"
    assert {"PS000", "PS001"} <= set(rules)


def test_one_result_per_finding_that_is_not_met() -> None:
    results = log(single_result())["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["BV103", "BV203", "BV208", "BV301"]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels == {"BV103": "error", "BV203": "warning", "BV208": "note", "BV301": "warning"}
    rules = log(single_result())["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_pdf_page_goes_in_message_and_properties() -> None:
    bv103 = log(single_result())["runs"][0]["results"][0]
    assert "(side 6)" in bv103["message"]["text"]
    assert bv103["properties"]["page"] == 6
    location = bv103["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "samples/sandnes-plan.pdf"
    assert location["region"] == {"startLine": 1}


def test_text_documents_get_the_line_and_an_encoded_uri() -> None:
    results = log(markdown_result())["runs"][0]["results"]
    by_rule = {r["ruleId"]: r for r in results}
    uri = by_rule["BV101"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "planer/oppvekst%2C%20utkast.md"
    unused = by_rule["PS001"]
    assert unused["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert "BV210" in unused["message"]["text"]


def test_suppressed_and_overridden_findings_carry_suppressions() -> None:
    results = log(batch_result())["runs"][0]["results"]
    bv203_voss = [r for r in results if r["ruleId"] == "BV203"
                  and "utkast" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]][0]
    assert bv203_voss["suppressions"] == [{"kind": "inSource",
                                           "justification": "Avklaring står i kommunens delegasjonsreglement."}]
    overridden = [r for r in results if r["ruleId"] == "BV301" and "planprogram" in
                  r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]][0]
    assert overridden["suppressions"][0]["kind"] == "external"


def test_unreadable_document_is_an_error_result() -> None:
    results = log(batch_result())["runs"][0]["results"]
    ps000 = [r for r in results if r["ruleId"] == "PS000"]
    assert len(ps000) == 1 and ps000[0]["level"] == "error"
    assert "kryptert" in ps000[0]["message"]["text"]


def test_clean_run_has_no_results_and_english_rule_texts() -> None:
    data = log(clean_result(), lang="en")
    assert data["runs"][0]["results"] == []
    rules = {r["id"]: r for r in data["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["BV101"]["shortDescription"]["text"] == "Goals of the work"
    assert rules["PS000"]["shortDescription"]["text"] == "The document could not be read"
