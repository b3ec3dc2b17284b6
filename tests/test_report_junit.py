"""JUnit XML parsed back: suites per document, cases per rule, failures by --fail-on."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from fixtures_results import batch_result, single_result

from plansjekk.model import DocumentResult, Evidence, RunResult
from plansjekk.report import junit
from plansjekk.settings import Settings


def parse(result: RunResult, fail_on: str = "feil") -> ET.Element:
    return ET.fromstring(junit.render(result, Settings(fail_on=fail_on)).encode("utf-8"))


def failures(root: ET.Element) -> list[str]:
    return [case.get("name") for case in root.iter("testcase") if case.find("failure") is not None]


@pytest.mark.parametrize("fail_on, expected", [
    ("feil", ["BV103 ansvarsfordeling"]),
    ("advarsel", ["BV103 ansvarsfordeling", "BV203 avklaring", "BV301 lovhenvisning"]),
    ("info", ["BV103 ansvarsfordeling", "BV203 avklaring", "BV208 innsatsnivaa", "BV301 lovhenvisning"]),
    ("aldri", []),
])
def test_failures_follow_fail_on(fail_on: str, expected: list[str]) -> None:
    root = parse(single_result(), fail_on)
    assert failures(root) == expected
    suite = root.find("testsuite")
    assert suite.get("name") == "samples/sandnes-plan.pdf"
    assert suite.get("tests") == "6" and suite.get("failures") == str(len(expected))
    assert root.get("failures") == str(len(expected))


def test_failure_text_has_quote_place_and_suggestion() -> None:
    case = [c for c in parse(single_result()).iter("testcase") if c.get("name") == "BV103 ansvarsfordeling"][0]
    failure = case.find("failure")
    assert failure.get("type") == "feil"
    assert "«Tjenester: barnehage | skole & helsestasjon <alle>» (4 Ansvar, s. 6)" in failure.text
    assert "Legg til: Beskriv ansvarsfordeling" in failure.text


def test_unreadable_is_error_and_suppressed_is_skipped() -> None:
    root = parse(batch_result())
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    broken = suites["samples/kryptert.pdf"]
    assert broken.get("errors") == "1"
    assert broken.find("testcase/error").get("type") == "kryptert"
    draft = suites["planer/oppvekst, utkast.md"]
    skipped = {c.get("name"): c.find("skipped") for c in draft.iter("testcase")}
    assert "delegasjonsreglement" in skipped["BV203 avklaring"].get("message")
    assert skipped["BV105 vedtak"] is not None  # ikke relevant
    assert root.get("errors") == "1"


def test_control_characters_from_pdf_text_stay_valid_xml() -> None:
    doc = single_result().documents[0]
    bad = doc.findings[1].__class__(**{**doc.findings[1].__dict__,
                                       "evidence": (Evidence("tekst\x0cmed\x01styretegn", "4", 6),)})
    result = RunResult(documents=(DocumentResult(**{**doc.__dict__, "findings": (bad,)}),),
                       rules=single_result().rules)
    root = parse(result)
    assert "tekst\ufffdmed\ufffdstyretegn" in root.find(".//failure").text
