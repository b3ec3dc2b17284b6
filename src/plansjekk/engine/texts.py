"""Engine-level texts (not tied to one rule), in bokmål and English."""

from __future__ import annotations

from plansjekk.model import DocType

NOTES = {
    DocType.PLANPROGRAM: (
        "Dette er et planprogram, ikke en plan: det beskriver planen som skal lages. "
        "Kravene i § 15-1 vurderes når selve planen foreligger.",
        "This is a planning programme, not a plan: it describes the plan to be made. "
        "The § 15-1 requirements are assessed once the plan itself exists.",
    ),
    DocType.ANNET: (
        "Dokumentet ser ikke ut til å være en plan etter barnevernsloven § 15-1 "
        "(for eksempel et brev, en veileder eller en saksframstilling).",
        "The document does not look like a plan under the Child Welfare Act § 15-1 "
        "(for example a letter, guidance or a case document).",
    ),
    DocType.HORINGSUTKAST: (
        "Dette er et høringsutkast. Husk at kommunestyret selv må vedta den endelige planen.",
        "This is a draft for consultation. Remember that the municipal council itself must adopt the final plan.",
    ),
}

TYPE_NAMES = {
    DocType.PLAN: ("plan", "plan"),
    DocType.HORINGSUTKAST: ("høringsutkast", "draft for consultation"),
    DocType.PLANPROGRAM: ("planprogram", "planning programme"),
    DocType.ANNET: ("annet dokument", "other document"),
    DocType.UNREADABLE: ("uleselig", "unreadable"),
}


def document_note(doc_type: DocType, lang: str) -> str | None:
    pair = NOTES.get(doc_type)
    return (pair[1] if lang == "en" else pair[0]) if pair else None


def not_relevant_message(doc_type: DocType, lang: str) -> str:
    nb, en = TYPE_NAMES[doc_type]
    if lang == "en":
        return f"Does not apply to this document type ({en})."
    return f"Gjelder ikke for denne dokumenttypen ({nb})."
