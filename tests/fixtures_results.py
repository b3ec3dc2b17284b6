"""Realistic RunResults built by hand, for reporter, policy and baseline tests.

They mirror what the engine produces for the kinds of documents users bring: an
adopted PDF plan, a Markdown draft with a suppression comment, an unreadable PDF and a
planprogram. Texts include characters that every format must escape (| & < " : , %).
"""

from __future__ import annotations

from typing import Any

from plansjekk.engine.schema import Rule
from plansjekk.engine.validation import validate_rule
from plansjekk.model import (
    Adoption,
    DocError,
    DocType,
    DocumentResult,
    Evidence,
    Finding,
    Override,
    RunResult,
    Severity,
    Status,
    Suppression,
)

LAW = "https://lovdata.no/lov/2021-06-18-97/§15-1"
BUFDIR = "https://www.bufdir.no/fagstotte/barnevern/forebygging/"

RULE_SPECS = [
    # code, name, severity, title nb, title en, source, url, tags
    ("BV101", "maal", "feil", "Mål for arbeidet", "Goals of the work",
     "barnevernsloven § 15-1 andre ledd", LAW, ["lovkrav", "kjerne"]),
    ("BV103", "ansvarsfordeling", "feil", "Ansvarsfordeling mellom tjenestene",
     "Distribution between the services", "barnevernsloven § 15-1 andre ledd", LAW, ["lovkrav", "kjerne"]),
    ("BV105", "vedtak", "feil", "Vedtatt av kommunestyret selv", "Adopted by the municipal council itself",
     "barnevernsloven § 15-1 andre ledd", LAW, ["lovkrav", "kjerne"]),
    ("BV203", "avklaring", "advarsel", "Avklaring ved uenighet", "Resolving unclear responsibility",
     "Statsforvalteren", BUFDIR, ["veiledning"]),
    ("BV208", "innsatsnivaa", "info", "Innsatsnivåer", "Prevention levels", "Bufdir", BUFDIR, ["veiledning"]),
    ("BV301", "lovhenvisning", "advarsel", "Henvisning til § 15-1", "Reference to § 15-1",
     "barnevernsloven § 15-1", LAW, ["lovkrav"]),
]


def rule_dict(code: str, name: str, severity: str, title_nb: str, title_en: str, source: str,
              url: str, tags: list[str]) -> dict[str, Any]:
    """A small but complete rule, as a rule file would declare it."""
    return {
        "code": code, "name": name, "severity": severity, "source": source, "source_url": url,
        "tags": tags,
        "title": {"nb": title_nb, "en": title_en},
        "rationale": {"nb": f"Planen skal beskrive: {title_nb.lower()}.",
                      "en": f"The plan shall describe: {title_en.lower()}."},
        "evidence": [{"type": "terms", "kind": "named", "concepts": [name]}],
        "status": {"oppfylt": {"kind": "named", "min": 2}, "delvis": "named"},
        "messages": {
            "oppfylt": {"nb": f"{title_nb}: beskrevet.", "en": f"{title_en}: described."},
            "delvis": {"nb": f"{title_nb}: delvis beskrevet.", "en": f"{title_en}: partly described."},
            "mangler": {"nb": f"{title_nb}: ikke funnet.", "en": f"{title_en}: not found."},
        },
        "suggestion": {"nb": f"Beskriv {title_nb.lower()} konkret.", "en": f"Describe {title_en.lower()}."},
    }


def make_rules() -> tuple[Rule, ...]:
    return tuple(validate_rule(rule_dict(*spec)) for spec in RULE_SPECS)


RULES = make_rules()
BY_CODE = {r.code: r for r in RULES}


def finding(code: str, status: str, evidence: tuple[Evidence, ...] = (), lang: str = "nb",
            **extra: Any) -> Finding:
    """A Finding the way the engine fills it from its rule."""
    rule = BY_CODE[code]
    st = Status(status)
    problem = st in (Status.DELVIS, Status.MANGLER)
    values: dict[str, Any] = dict(
        code=code, name=rule.name, status=st, severity=Severity(rule.severity),
        message=rule.message(st, lang) if st != Status.IKKE_RELEVANT else "Gjelder ikke for denne dokumenttypen.",
        suggestion=rule.suggestion.get(lang) if problem else None, evidence=evidence,
        title=rule.title.get(lang), source=rule.source, source_url=rule.source_url)
    values.update(extra)
    return Finding(**values)


def pdf_plan(lang: str = "nb") -> DocumentResult:
    """An adopted plan from a PDF: pages, no lines. Engine texts in `lang`, quotes in Norwegian."""
    note = ("Planen viser bare til gamle § 3-1; gjeldende hjemmel er § 15-1." if lang != "en"
            else "The plan only cites the old § 3-1; the current legal basis is § 15-1.")
    return DocumentResult(
        path="samples/sandnes-plan.pdf", type=DocType.PLAN, language="nb", municipality="Sandnes",
        pages=12, title="Plan for forebygging av omsorgssvikt og atferdsvansker 2024–2032",
        period="2024-2032", adoption=Adoption(body="kommunestyret", date="2024-05-29", case="18/24"),
        format="pdf", sha256="a" * 64,
        findings=(
            finding("BV101", "oppfylt", (Evidence("Kommunens mål er at alle barn skal ha en trygg oppvekst.",
                                                  "3 Mål", 4),), lang=lang),
            finding("BV103", "delvis", (Evidence("Tjenester: barnehage | skole & helsestasjon <alle>",
                                                 "4 Ansvar", 6),),
                    lang=lang,
                    explanation=("treff: barnehage, skole, helsestasjon", "ingen oppgave i samme setning")),
            finding("BV105", "oppfylt", (Evidence("Vedtatt i kommunestyret 29.05.2024, sak 18/24.",
                                                  "Saksprotokoll", 12),), lang=lang),
            finding("BV203", "mangler", lang=lang),
            finding("BV208", "mangler", lang=lang),
            finding("BV301", "delvis", (Evidence("jf. barnevernloven § 3-1", "1 Innledning", 2),), lang=lang),
        ),
        notes=(note,),
    )


def markdown_draft() -> DocumentResult:
    """A Markdown draft in a repository: lines, a used and an unused suppression."""
    return DocumentResult(
        path="planer/oppvekst, utkast.md", type=DocType.HORINGSUTKAST, language="nn",
        municipality="Voss", pages=None, title="Høyringsutkast: førebyggande plan", period=None,
        adoption=None, format="markdown", sha256="b" * 64,
        findings=(
            finding("BV101", "mangler"),
            finding("BV103", "oppfylt", (Evidence("Helsestasjonen har ansvar for foreldrerettleiing: 50 %.",
                                                  "4 Ansvar", None, line=42),)),
            finding("BV105", "ikke_relevant"),
            finding("BV203", "mangler", suppressed="Avklaring står i kommunens delegasjonsreglement."),
            finding("BV208", "delvis", (Evidence("Universelle tiltak for alle.", None, None, paragraph=7),)),
            finding("BV301", "oppfylt", (Evidence("barnevernslova § 15-1", "1 Innleiing", None, line=5),)),
        ),
        unused_suppressions=(Suppression(rule="BV210", reason="Økonomi i budsjettet", line=3),),
    )


def unreadable_pdf() -> DocumentResult:
    return DocumentResult(path="samples/kryptert.pdf", type=DocType.UNREADABLE, format="pdf",
                          error=DocError(code="kryptert",
                                         message="PDF-filen er kryptert. Lagre den uten passord og prøv igjen."))


def planprogram_docx() -> DocumentResult:
    """A planprogram: only ikke_relevant core rules, a note, and a reviewer override."""
    return DocumentResult(
        path="samples/planprogram.docx", type=DocType.PLANPROGRAM, language="nb", municipality="Bodø",
        pages=5, title="Planprogram for forebyggende plan", format="docx", sha256="c" * 64,
        findings=(
            finding("BV101", "ikke_relevant"),
            finding("BV105", "ikke_relevant"),
            finding("BV301", "mangler",
                    override=Override(status=Status.OPPFYLT, reason="Viser til loven i vedlegg",
                                      reviewer="Kari Nordmann", date="2024-09-01",
                                      machine_status=Status.MANGLER)),
        ),
        notes=("Dokumentet er et planprogram: det beskriver en plan som skal lages.",),
    )


def run_of(*docs: DocumentResult) -> RunResult:
    return RunResult(documents=docs, rulepack="bvl-15-1", rulepack_version="1.0.0",
                     plansjekk_version="0.1.0", rules=RULES)


def single_result(lang: str = "nb") -> RunResult:
    return run_of(pdf_plan(lang))


def markdown_result() -> RunResult:
    return run_of(markdown_draft())


def batch_result() -> RunResult:
    return run_of(pdf_plan(), markdown_draft(), unreadable_pdf(), planprogram_docx())


def clean_result() -> RunResult:
    """Every rule met: exit code 0 at every --fail-on."""
    doc = DocumentResult(path="samples/god-plan.md", type=DocType.PLAN, language="nb", format="markdown",
                         municipality="Sandnes",
                         findings=tuple(finding(r.code, "oppfylt", (Evidence("Sitat.", "1 Innledning", None,
                                                                             line=3),))
                                        for r in RULES))
    return run_of(doc)
