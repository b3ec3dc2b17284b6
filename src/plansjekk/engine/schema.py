"""The rule file schema. A rule is data: which matchers give which evidence, and texts.

Validated with pydantic on load; the loader adds file and line to every error.
The matcher types are a small fixed set (see matchers.py); a rule cannot add code.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from plansjekk.model import Severity, Status


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A user-facing text in bokmål (required) and English."""

    nb: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nb


class TermsMatcher(Strict):
    """Any sentence containing a term of one of the concepts."""

    type: Literal["terms"]
    concepts: list[str]
    gives: Literal["sterk", "svak"] = "svak"
    min_distinct: int = 1  # distinct terms needed over the whole document
    kinds: list[Literal["body", "list_item", "table_row", "table_header", "heading"]] = []


class CooccurrenceMatcher(Strict):
    """A sentence with at least one term from every group (e.g. own-goal marker + goal term)."""

    type: Literal["samtidig"]
    all: list[list[str]] = Field(min_length=2)  # each group: concept names
    none: list[str] = []  # concepts that disqualify the sentence
    gives: Literal["sterk", "svak"] = "sterk"
    min_sentences: int = 1


class HeadingMatcher(Strict):
    """A section whose heading matches; evidence is the heading plus the first body sentence."""

    type: Literal["overskrift"]
    patterns: list[str] = []  # regular expressions, case-insensitive
    concepts: list[str] = []  # or a term of these concepts (begreper.yaml) in the heading
    gives: Literal["sterk", "svak"] = "sterk"
    min_words: int = 15  # body words under the heading needed for the section to count

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        """A broken pattern is a rule-file error on load, not a crash in the middle of a check."""
        for pattern in patterns:
            try:
                re.compile(pattern, re.IGNORECASE)
            except re.error as error:
                raise ValueError(f"ugyldig regulært uttrykk «{pattern}»: {error}") from None
        return patterns

    @model_validator(mode="after")
    def _something_to_match(self) -> HeadingMatcher:
        if not self.patterns and not self.concepts:
            raise ValueError("overskrift trenger patterns eller concepts")
        return self


class ServicesMatcher(Strict):
    """Distinct services named; with `with_task`, only services given a task in the same sentence."""

    type: Literal["tjenester"]
    min_services: int = 3
    with_task: bool = False
    gives: Literal["sterk", "svak"] = "sterk"


class TableMatcher(Strict):
    """A table whose header has a responsible column (ansvar/ansvarlig/hvem) and rows naming services."""

    type: Literal["tiltakstabell"]
    header_concepts: list[str]
    min_rows: int = 2
    gives: Literal["sterk", "svak"] = "sterk"


class FunctionMatcher(Strict):
    """Escape hatch for what a data matcher cannot express (adoption, legal reference)."""

    type: Literal["funksjon"]
    name: Literal["vedtak", "lovhenvisning"]


Matcher = Annotated[
    TermsMatcher | CooccurrenceMatcher | HeadingMatcher | ServicesMatcher | TableMatcher | FunctionMatcher,
    Field(discriminator="type"),
]


class Decision(Strict):
    """How evidence maps to a status: counts of strong and weak hits."""

    oppfylt_sterk: int = 1  # strong hits needed for oppfylt
    delvis_sterk: int = 1  # else: strong hits enough for delvis
    delvis_svak: int = 1  # else: weak hits enough for delvis


class Example(Strict):
    text: str
    expect: Status
    lang: Literal["nb", "nn"] = "nb"
    type: Literal["plan", "horingsutkast", "planprogram", "annet"] = "plan"
    note: str | None = None


class Rule(Strict):
    code: str = Field(pattern=r"^[A-Z]{2}\d{3}$")
    name: str = Field(pattern=r"^[a-z_]+$")
    title: Text
    source: str
    source_url: str
    severity: Severity
    tags: list[str] = []
    applies_to: list[Literal["plan", "horingsutkast", "planprogram", "annet"]] = ["plan", "horingsutkast"]
    rationale: Text
    evidence: list[Matcher] = Field(min_length=1)
    exclude: list[Literal["lovsitat", "reformbakgrunn", "veiledning", "framtid", "horingsvedtak",
                          "planprosess", "innholdsfortegnelse"]] = \
        ["lovsitat", "reformbakgrunn", "veiledning", "framtid", "innholdsfortegnelse"]
    decision: Decision = Decision()
    messages: dict[Status, Text]
    suggestion: Text
    notes: dict[str, Text] = {}  # extra messages a function matcher may choose (e.g. "delegert")
    examples: list[Example] = []
    pack: str = "bvl-15-1"
    file: str = ""

    @field_validator("messages")
    @classmethod
    def _messages_cover_statuses(cls, v: dict[Status, Text]) -> dict[Status, Text]:
        missing = {Status.OPPFYLT, Status.DELVIS, Status.MANGLER} - set(v)
        if missing:
            raise ValueError("mangler meldinger for: " + ", ".join(sorted(s.value for s in missing)))
        return v

    def message(self, status: Status, lang: str = "nb") -> str:
        text = self.messages.get(status)
        return text.get(lang) if text else ""

    @property
    def default_level(self) -> str:
        """SARIF level for a finding of this rule."""
        return {Severity.FEIL: "error", Severity.ADVARSEL: "warning", Severity.INFO: "note"}[self.severity]
