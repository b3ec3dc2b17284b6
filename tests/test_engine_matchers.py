"""Unit tests per matcher type, on tiny documents built from example snippets."""

from __future__ import annotations

from pathlib import Path

import pytest

from plansjekk.engine.adoption import find_adoption, iso_date
from plansjekk.engine.context import DocContext
from plansjekk.engine.exclusions import flags_for
from plansjekk.engine.matchers import (
    match_cooccurrence,
    match_heading,
    match_services,
    match_table,
    match_terms,
)
from plansjekk.engine.schema import (
    CooccurrenceMatcher,
    HeadingMatcher,
    ServicesMatcher,
    TableMatcher,
    TermsMatcher,
)
from plansjekk.engine.selftest import example_document
from plansjekk.engine.terms import compile_concept


def ctx_for(text: str, ruleset, lang: str = "nb") -> DocContext:
    from plansjekk.engine.evaluate import build_context

    return build_context(example_document(text, lang), ruleset)


def test_term_syntax_lemma_prefix_exact_phrase_and_block(ruleset):
    ctx = ctx_for("# X\nHovedmålene og spørsmålet om tidlig innsats i barnevernstenesta.", ruleset)
    tokens = ctx.sentences[-1].tokens
    assert [t for t, _, _ in compile_concept("c", ("mål", "-spørsmål")).matches(tokens)] == ["mål"]
    assert compile_concept("c", ("barnevern*",)).matches(tokens)
    assert compile_concept("c", ("tidlig innsats",)).matches(tokens)
    assert not compile_concept("c", ("=mål",)).matches(tokens)
    assert compile_concept("c", ("*tenesta",)).matches(tokens)


def test_terms_matcher_skips_excluded_sentences(ruleset):
    ctx = ctx_for("# A\nMålene for reformen er gode.\nVårt mål er trygge barn.", ruleset)
    out = match_terms(TermsMatcher(type="terms", kind="goal_word", concepts=["maal"]), ctx, ["reformbakgrunn"])
    assert len(out.hits) == 1 and "Vårt mål" in ctx.sentences[out.hits[0].sentence].text
    assert out.excluded and out.excluded[0][1] == ("reformbakgrunn",)


def test_terms_matcher_none_drops_the_other_sense(ruleset):
    m = TermsMatcher(type="terms", kind="resources_word", concepts=["ressurs_svak"], none=["ressurs_person"])
    person = ctx_for("# A\nFamilien er den viktigste ressursen et barn har.", ruleset)
    assert not match_terms(m, person, []).hits
    money = ctx_for("# A\nKommunen bruker ressurser på foreldrekurs.", ruleset)
    assert [h.kind for h in match_terms(m, money, []).hits] == ["resources_word"]


def test_cooccurrence_needs_all_groups_in_one_sentence(ruleset):
    m = CooccurrenceMatcher(type="samtidig", kind="mechanism", all=[["samarbeid"], ["mekanisme"]])
    apart = ctx_for("# A\nVi samarbeider godt. Teamet er stort.", ruleset)
    assert not match_cooccurrence(m, apart, []).hits
    together = ctx_for("# A\nTverrfaglig team møtes hver måned.", ruleset)
    assert [h.kind for h in match_cooccurrence(m, together, []).hits] == ["mechanism"]


def test_heading_matcher_needs_body_that_is_not_excluded(ruleset):
    m = HeadingMatcher(type="overskrift", kind="goals_section", patterns=[r"\bmål\b"], min_words=5)
    good = ctx_for("# 3 Mål\nAlle barn i kommunen skal ha en trygg og god oppvekst.", ruleset)
    assert match_heading(m, good, ["lovsitat"]).hits
    quoted = ctx_for("# 3 Mål\nPlanen skal beskrive hva som er målene for arbeidet og mer.", ruleset)
    out = match_heading(m, quoted, ["lovsitat"])
    assert not out.hits and out.excluded


def test_services_matcher_counts_distinct_services_and_tasks(ruleset):
    text = ("# A\nHelsestasjonen har ansvar for hjemmebesøk. Helsestasjonen tilbyr kurs.\n"
            "Barnehagen følger opp barna. Skolen og NAV nevnes her.")
    ctx = ctx_for(text, ruleset)
    with_task = match_services(ServicesMatcher(type="tjenester", kind="with_task", with_task=True), ctx, [])
    assert {h.why for h in with_task.hits} == {"tjeneste: helsestasjon med oppgave", "tjeneste: barnehage med oppgave"}
    assert len(with_task.hits) == 3  # both helsestasjon sentences, so the ranking can choose
    named = match_services(ServicesMatcher(type="tjenester", kind="named"), ctx, [])
    assert {t for h in named.hits for t in h.terms} == {"helsestasjon", "barnehage", "skole", "nav"}
    assert {h.kind for h in named.hits} == {"named"}


def test_table_matcher_needs_responsible_header_and_rows(ruleset):
    m = TableMatcher(type="tiltakstabell", kind="table", header_concepts=["ansvar_kolonne"], min_rows=2)
    table = ctx_for("# T\n| Tiltak | Ansvarlig |\n| Kurs | Helsestasjonen |\n| Grupper | Skolen |", ruleset)
    assert match_table(m, table, []).hits
    no_column = ctx_for("# T\n| Tiltak | År |\n| Kurs | 2025 |\n| Grupper | 2026 |", ruleset)
    assert not match_table(m, no_column, []).hits


@pytest.mark.parametrize("cells", [
    ("Avklares senere", "Avklares senere", "Avklares senere"),
    ("Ikke avklart", "Ikkje avklart", "Uavklart"),
    ("Vert avklart i 2026", "Kjem seinare", "TBD"),
    ("", "–", "?"),
])
def test_table_matcher_needs_someone_in_the_responsible_cells(ruleset, cells):
    m = TableMatcher(type="tiltakstabell", kind="table", header_concepts=["ansvar_kolonne"],
                     undecided=["uavklart"], min_rows=2)
    rows = "\n".join(f"| {measure} | {cell} | 2026 |" for measure, cell in zip(("Kurs", "Grupper", "Besøk"), cells))
    undecided = ctx_for("# T\n| Tiltak | Ansvarlig | Når |\n" + rows, ruleset)
    assert not match_table(m, undecided, []).hits
    decided = ctx_for("# T\n| Tiltak | Ansvarlig | Når |\n| Kurs | Helsestasjonen | 2026 |\n"
                      "| Grupper | Skolen | Avklares senere |", ruleset)
    assert match_table(m, decided, []).hits  # a date column still to decide is no responsible cell


@pytest.mark.parametrize("sentence, flag", [
    ("Planen skal beskrive hva som er målene for arbeidet.", "lovsitat"),
    ("Plana skal skildre kva som er måla for arbeidet.", "lovsitat"),
    ("Loven understreker at kommunens ledelse har et ansvar.", "lovsitat"),
    ("Målene for barnevernsreformen er at barn får hjelp tidlig.", "reformbakgrunn"),
    ("Arbeidsgruppa skal utarbeide eit utkast til plan.", "framtid"),
    ("Bufdir anbefaler at planen har mål.", "veiledning"),
    ("Etter loven skal planen beskrive mål, organisering og samarbeid.", "lovsitat"),
    ("Kravene til planen er at den skal beskrive målene for arbeidet.", "lovsitat"),
    ("Forskning viser at tidlig innsats lønner seg.", "veiledning"),
    ("1 Innledning · 2 Mål · 3 Organisering · 4 Samarbeid", "innholdsfortegnelse"),
    ("Mål ........ 5 Organisering ....... 7 Samarbeid ...... 9", "innholdsfortegnelse"),
])
def test_exclusions(sentence, flag):
    assert flag in flags_for(sentence)


@pytest.mark.parametrize("sentence", [
    "Hovedmålet vårt er at alle barn skal ha en trygg oppvekst.",
    "Tverrfaglig team møtes hver måned.",
    "Planen evalueres årlig og revideres hvert fjerde år.",
    "Planen skal rulleres hvert fjerde år.",
    "Skal planen virke, må tjenestene samarbeide.",
])
def test_own_statements_are_not_excluded(sentence):
    assert not flags_for(sentence) - {"horingsvedtak"}


@pytest.mark.parametrize("text, iso", [
    ("29.05.2024", "2024-05-29"), ("20.03.24", "2024-03-20"), ("1.1.22", "2022-01-01"),
    ("21. april 2024", "2024-04-21"), ("ingen dato", None), ("45.13.2024", None),
])
def test_iso_date(text, iso):
    assert iso_date(text) == iso


def test_adoption_prefers_council_with_date_over_other_mentions(ruleset):
    text = ("# Plan\nFormannskapet vedtok 01.02.2024 å sende planen på høring.\n"
            "Kommuneplanens samfunnsdel ble vedtatt av kommunestyret 10.10.2020.\n"
            "Planen ble vedtatt i kommunestyret 29.05.2024, sak 18/24.")
    finding = find_adoption(ctx_for(text, ruleset))
    assert finding.kind == "council"
    adoption = finding.adoption
    assert (adoption.body, adoption.date, adoption.case) == ("kommunestyret", "2024-05-29", "18/24")


@pytest.mark.parametrize("sentence, kind", [
    ("Kommunestyrets vedtak 20.06.2023, sak 45/23.", "council"),
    ("Planen ble behandlet i kommunestyret 20.06.2023.", "council"),
    ("Handsama i heradsstyret 01.02.2024, sak 5/24.", "council"),
    ("Planen ble vedtatt i kommunestyret 20.06.2023, og bygger på kommuneplanen.", "council"),
    ("Vedtatt i kommunestyret 20.06.2023 sammen med kommuneplanens samfunnsdel.", "council"),
    ("Kommunestyret vedtok 12.05.2022 planprogrammet for planen.", None),
    ("Kommuneplanens samfunnsdel ble vedtatt av kommunestyret 10.10.2020.", None),
    ("Denne planen inngår i temaplanen som er vedtatt i kommunens planstrategi.", None),
    ("Planen skal behandles i kommunestyret 20. juni.", "planned"),
    ("Vedtatt i formannskapet 02.04.2024, sak 12/24.", "delegated"),
])
def test_adoption_belongs_to_this_plan(ruleset, sentence, kind):
    assert find_adoption(ctx_for(f"# Plan\n{sentence}", ruleset)).kind == kind


@pytest.mark.parametrize("sample", sorted((Path(__file__).resolve().parents[1] / "samples" / "planer").iterdir()),
                         ids=lambda p: p.name)
def test_indexed_concept_hits_equal_scanning_every_token(sample, ruleset):
    """The document's form index only narrows which words are tested: for every concept,
    DocContext.hits must find exactly what Concept.matches finds token by token."""
    from plansjekk.api import extract
    from plansjekk.engine.evaluate import build_context

    ctx = build_context(extract(sample), ruleset)
    for name in ctx._concepts:
        concept = ctx._concepts[name]
        expected = {i: concept.matches(s.tokens) for i, s in enumerate(ctx.sentences)}
        got = ctx.hits(name)
        for item, lead_in in ctx._lead_ins.items():  # list items also carry their lead-in's hits
            if lead_in in got and name != "oppgave":
                expected[item] = sorted(expected[item] + expected[lead_in], key=lambda m: m[1])
        assert got == {i: m for i, m in expected.items() if m}, name


def test_status_conditions_any_all_min_and_distinct():
    from plansjekk.engine.evaluate import holding
    from plansjekk.engine.matchers import Hit, Outcome
    from plansjekk.engine.validation import validate_status

    def outcome(kind, *terms):
        return Outcome(hits=[Hit(kind, i, (t,), "") for i, t in enumerate(terms)])

    outcomes = {"a": outcome("a", "x", "x"), "b": outcome("b"), "c": outcome("c", "y", "z")}
    cond = validate_status({
        "oppfylt": {"any": [{"all": ["a", "b"]}, {"kind": "c", "distinct": 2}]},
        "delvis": {"kind": "a", "min": 3},
    })
    assert holding(cond.oppfylt, outcomes) == ["c"]  # a and b fails on b; c has two distinct terms
    assert holding(cond.delvis, outcomes) is None  # two hits of a, not three
    assert holding(validate_status({"oppfylt": {"kind": "a", "min": 2}}).oppfylt, outcomes) == ["a"]
    assert holding(validate_status({"oppfylt": {"kind": "a", "distinct": 2}}).oppfylt,
                   outcomes) is None  # two hits, one term
