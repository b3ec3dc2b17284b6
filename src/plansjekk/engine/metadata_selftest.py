"""The examples in rules/bvl-15-1/dokument/ (document types, adoption sentences), run by
`plansjekk regler test` next to the rules' own examples: the phrase tables are rules too."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataExampleResult:
    table: str  # "dokumenttype" or "vedtak"
    text: str
    expected: str
    got: str
    ok: bool


def run_data_examples(ruleset: object) -> list[DataExampleResult]:
    from plansjekk.engine.adoption import adoption_examples, find_adoption
    from plansjekk.engine.classify import classify_decision, load_table
    from plansjekk.engine.evaluate import build_context
    from plansjekk.engine.selftest import example_document

    results: list[DataExampleResult] = []
    for example in load_table().examples:
        ctx = build_context(example_document(example["text"], example.get("lang", "nb")), ruleset)  # type: ignore[arg-type]
        got = classify_decision(ctx, find_adoption(ctx)).type.value
        results.append(DataExampleResult("dokumenttype", example["text"], example["type"], got, got == example["type"]))
    for example in adoption_examples():
        ctx = build_context(example_document("# Vedtak\n" + example["text"], example.get("lang", "nb")),
                            ruleset)  # type: ignore[arg-type]
        finding = find_adoption(ctx)
        got = finding.kind or "none"
        results.append(DataExampleResult("vedtak", example["text"], example["kind"], got, got == example["kind"]))
    return results
