"""Metamorphic tests: edits to a real document that must not change a verdict, and edits that must.

The documents are the sample plans (samples/planer/, every format) and two small plans of our
own (bokmål and nynorsk). Each is extracted once, edited as a Document (a paragraph added,
headings renamed to synonyms, chapters reordered, the adoption moved to the end, a section
deleted) and checked again with the same engine.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path

import pytest

from plansjekk.api import extract
from plansjekk.engine.evaluate import check
from plansjekk.engine.loader import load_rules
from plansjekk.model import Document, Paragraph, Section
from plansjekk.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "samples" / "planer"
SAMPLES = ["kongsvinger-forebyggende-plan-2024-2028.docx", "kvam-plan-forebygging-2024-2027.docx",
           "lunner-plan-forebygging-2024-2028.pdf", "nord-odal-forebyggende-plan.md",
           "ringerike-horingsutkast-plan-forebygging.html", "voss-kommunedelplan-oppvekst-2023-2031.pdf"]

OWN_NB = """# Plan for forebygging av omsorgssvikt og atferdsvansker 2025–2028
Fjellvik kommune. Vedtatt av kommunestyret 11.02.2025, sak 9/25.

## 1 Innledning
Denne planen beskriver hvordan kommunen arbeider for å forebygge omsorgssvikt og atferdsvansker.

## 2 Mål
Hovedmålet er at alle barn og unge i Fjellvik skal vokse opp i trygge familier og få hjelp tidlig.
Delmålet er at foreldre som strever, skal få veiledning før vanskene vokser seg store.

## 3 Organisering
Kommunalsjef for oppvekst leder styringsgruppen for det forebyggende arbeidet.
Styringsgruppen består av lederne for barnehage, skole, helsestasjon og barnevernstjenesten og møtes fire ganger i året.

## 4 Ansvar og oppgaver
| Tjeneste | Ansvar |
|---|---|
| Helsestasjonen | Hjemmebesøk og foreldreveiledning |
| Barnehagen | Språkkartlegging og oppfølging av barn med særlige behov |
| Skolen | Trivselsundersøkelse og sosial kompetanse |
| Barnevernstjenesten | Råd og veiledning til de andre tjenestene |

## 5 Samarbeid
Tverrfaglig team med barnehage, skole, helsestasjon og barnevern møtes hver måned.
Tjenestene bruker en felles handlingsveileder når de er bekymret for et barn.
"""

OWN_NN = """# Plan for førebygging av omsorgssvikt og åtferdsvanskar 2025–2028
Lunde kommune. Vedteke av kommunestyret 18.03.2025, sak 21/25.

## 1 Innleiing
Denne plana skildrar korleis kommunen arbeider for å førebyggje omsorgssvikt og åtferdsvanskar.

## 2 Mål
Hovudmålet er at alle born og unge i Lunde skal veksa opp i trygge familiar og få hjelp tidleg.
Delmålet er at foreldre som strevar, skal få rettleiing før vanskane veks seg store.

## 3 Organisering
Kommunalsjef for oppvekst leiar styringsgruppa for det førebyggjande arbeidet.
Styringsgruppa er sett saman av leiarane for barnehage, skule, helsestasjon og barnevernstenesta.
Styringsgruppa møtest fire gonger i året.

## 4 Ansvar og oppgåver
| Teneste | Ansvar |
|---|---|
| Helsestasjonen | Heimebesøk og foreldrerettleiing |
| Barnehagen | Språkkartlegging og oppfølging av born med særlege behov |
| Skulen | Trivselsundersøking og sosial kompetanse |
| Barnevernstenesta | Råd og rettleiing til dei andre tenestene |

## 5 Samarbeid
Tverrfagleg team med barnehage, skule, helsestasjon og barnevern møtest kvar månad.
Tenestene brukar ein felles handlingsrettleiar når dei er uroa for eit barn.
"""


@lru_cache(maxsize=1)
def _rules():
    return load_rules(Settings())


@cache
def document(name: str) -> Document:
    return extract(PLANS / name)


def own_document(tmp_path: Path, text: str, name: str) -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract(path)


def verdicts(doc: Document) -> dict[str, str]:
    result = check(doc, _rules(), Settings(use_cache=False))
    return {f.name: f.status.value for f in result.findings} | {"type": result.type.value}


def with_sections(doc: Document, sections: list[Section]) -> Document:
    return replace(doc, sections=tuple(sections))


def add_reform_section(doc: Document) -> Document:
    """A background chapter on the reform, after the first section: names goals, teams, meetings."""
    page = doc.sections[0].page_end
    reform = Section("Barnevernsreformen", max(doc.sections[0].level, 1), None, page, page, (
        Paragraph("Barnevernsreformen trådte i kraft 1. januar 2022. Målet med reformen er at barn og familier "
                  "skal få riktig hjelp til riktig tid, og at kommunene skal samarbeide bedre i tverrfaglige team "
                  "som møtes jevnlig.", page),))
    return with_sections(doc, [doc.sections[0], reform, *doc.sections[1:]])


SYNONYMS = [(r"\bSamarbeid\b", "Samhandling"), (r"\bsamarbeid\b", "samhandling"),
            (r"\bOrganisering\b", "Organisering og leiing"), (r"^(\d+(\.\d+)*\.?\s+)?Mål\b", r"\1Hit vil vi"),
            (r"\bInnledning\b", "Om planen"), (r"\bInnleiing\b", "Om plana")]


def rename_headings(doc: Document) -> tuple[Document, int]:
    sections, renamed = [], 0
    for section in doc.sections:
        heading = section.heading
        for pattern, synonym in SYNONYMS:
            if heading and re.search(pattern, heading):
                heading = re.sub(pattern, synonym, heading)
        renamed += heading != section.heading
        sections.append(replace(section, heading=heading))
    return with_sections(doc, sections), renamed


def chapters(doc: Document) -> tuple[Section, list[list[Section]]]:
    """The first section (title and cover) and the top-level chapters after it, each with its subsections."""
    top = min(s.level for s in doc.sections[1:])
    groups: list[list[Section]] = []
    for section in doc.sections[1:]:
        if section.level <= top or not groups:
            groups.append([section])
        else:
            groups[-1].append(section)
    return doc.sections[0], groups


def reorder_chapters(doc: Document) -> Document:
    first, groups = chapters(doc)
    return with_sections(doc, [first, *[s for group in reversed(groups) for s in group]])


ADOPTION = re.compile(r"\b(vedtatt|vedteke|vedtok|vedtak)\b.*\b(kommunestyre|bystyre|heradsstyre)", re.I | re.S)


def move_adoption_to_end(doc: Document) -> Document | None:
    """The first paragraph stating the adoption, moved from where it stands to a last section."""
    for si, section in enumerate(doc.sections[:3]):
        for pi, paragraph in enumerate(section.paragraphs):
            if ADOPTION.search(paragraph.text):
                kept = replace(section, paragraphs=section.paragraphs[:pi] + section.paragraphs[pi + 1:])
                last = doc.sections[-1]
                end = Section("Vedtak", max(last.level, 1), None, last.page_end, last.page_end,
                              (replace(paragraph, page=last.page_end),))
                return with_sections(doc, [*doc.sections[:si], kept, *doc.sections[si + 1:], end])
    return None


@pytest.mark.parametrize("name", SAMPLES)
def test_a_reform_chapter_added_elsewhere_changes_no_verdict(name):
    doc = document(name)
    assert verdicts(add_reform_section(doc)) == verdicts(doc)


@pytest.mark.parametrize("name", SAMPLES)
def test_headings_renamed_to_synonyms_change_no_verdict(name):
    doc = document(name)
    renamed, count = rename_headings(doc)
    assert count, f"{name}: no heading with a synonym in the table"
    assert verdicts(renamed) == verdicts(doc)


@pytest.mark.parametrize("name", SAMPLES)
def test_chapters_in_another_order_change_no_verdict(name):
    doc = document(name)
    assert verdicts(reorder_chapters(doc)) == verdicts(doc)


ADOPTED_ON_THE_COVER = ["kvam-plan-forebygging-2024-2027.docx", "lunner-plan-forebygging-2024-2028.pdf"]


@pytest.mark.parametrize("name", ADOPTED_ON_THE_COVER)
def test_adoption_moved_to_the_end_changes_no_verdict(name):
    doc = document(name)
    moved = move_adoption_to_end(doc)
    assert moved is not None, f"{name}: no adoption statement in the first sections"
    assert verdicts(moved) == verdicts(doc)


@pytest.mark.parametrize("text, name", [(OWN_NB, "eigen-nb.md"), (OWN_NN, "eigen-nn.md")])
def test_own_plans_are_invariant_under_every_neutral_edit(tmp_path, text, name):
    doc = own_document(tmp_path, text, name)
    before = verdicts(doc)
    assert {before[r] for r in ("maal", "organisering", "ansvarsfordeling", "samarbeid", "vedtak")} == {"oppfylt"}
    renamed, count = rename_headings(doc)
    assert count >= 3
    moved = move_adoption_to_end(doc)
    assert moved is not None
    for edited in (add_reform_section(doc), renamed, reorder_chapters(doc), moved):
        assert verdicts(edited) == before


def delete_sections(doc: Document, heading: str) -> Document:
    return with_sections(doc, [s for s in doc.sections if not (s.heading or "").endswith(heading)])


@pytest.mark.parametrize("text, name", [(OWN_NB, "eigen-nb.md"), (OWN_NN, "eigen-nn.md")])
@pytest.mark.parametrize("heading, rule", [
    ("Mål", "maal"), ("Organisering", "organisering"), ("Samarbeid", "samarbeid"),
])
def test_deleting_the_section_that_meets_a_rule_changes_its_verdict(tmp_path, text, name, heading, rule):
    doc = own_document(tmp_path, text, name)
    assert verdicts(doc)[rule] == "oppfylt"
    assert verdicts(delete_sections(doc, heading))[rule] in ("mangler", "delvis")


@pytest.mark.parametrize("text, name", [(OWN_NB, "eigen-nb.md"), (OWN_NN, "eigen-nn.md")])
def test_deleting_the_responsibility_table_changes_the_split_of_responsibility(tmp_path, text, name):
    doc = own_document(tmp_path, text, name)
    heading = next(s.heading for s in doc.sections if s.heading and s.heading.startswith("4 "))
    assert verdicts(delete_sections(doc, heading))["ansvarsfordeling"] in ("mangler", "delvis")


@pytest.mark.parametrize("heading, rule", [
    ("Ressursar", "ressurser"), ("Medverknad", "medvirkning"),
])
def test_deleting_a_real_plans_chapter_that_meets_a_rule_changes_its_verdict(heading, rule):
    doc = document("kvam-plan-forebygging-2024-2027.docx")
    assert verdicts(doc)[rule] == "oppfylt"
    assert verdicts(delete_sections(doc, heading))[rule] in ("mangler", "delvis")
