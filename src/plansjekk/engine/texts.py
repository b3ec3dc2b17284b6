"""Engine-level texts (not tied to one rule); the strings themselves live in i18n."""

from __future__ import annotations

from plansjekk.i18n import t
from plansjekk.model import DocType


def document_note(doc_type: DocType, lang: str) -> str | None:
    """A remark on the whole document for planprogram, annet and høringsutkast."""
    if doc_type in (DocType.PLANPROGRAM, DocType.ANNET, DocType.HORINGSUTKAST):
        return t(f"note.{doc_type.value}", lang)
    return None


def not_relevant_message(doc_type: DocType, lang: str) -> str:
    return t("finding.not_relevant", lang, type=t(f"type.{doc_type.value}", lang))
