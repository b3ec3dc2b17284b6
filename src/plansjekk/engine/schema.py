"""The rule file schema. A rule is data: which matchers give which named evidence kinds,
which conditions over those kinds give which status, and texts.

Validated with pydantic on load; the loader adds file and line to every error.
The matcher types are a small fixed set (see matchers.py); a rule cannot add code.
A status condition reads like Semgrep's `pattern-either`/`patterns`:
`oppfylt: {any: [own_goal, {kind: goal_section, min: 2}]}`.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from plansjekk.engine.exclusions import KINDS as EXCLUSION_KINDS
from plansjekk.model import Severity, Status


class Strict(BaseModel):
    # defer_build: the validators are built on the first validation, not at import, so a run
    # whose rules come from the rule cache (engine/rulecache.py) never builds them at all; the
    # recursive Condition alias is resolved then too.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Text(Strict):
    """A user-facing text in bokmål (required) and English."""

    nb: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nb


KIND = r"^[a-z][a-z0-9_]*$"


class TermsMatcher(Strict):
    """Any sentence containing a term of one of the concepts; with `under`, only sentences in a
    section whose heading, or an enclosing section's heading, matches (a planprogram's disposition)."""

    type: Literal["terms"]
    kind: str = Field(pattern=KIND)
    concepts: list[str]
    none: list[str] = []  # concepts that disqualify the sentence (another sense of the word)
    not_in_roles: list[str] = []  # sections whose role gives the words another sense (a target in a goals section)
    kinds: list[Literal["body", "list_item", "table_row", "table_header", "heading"]] = []
    under: list[str] = []  # regular expressions, case-insensitive

    @field_validator("under")
    @classmethod
    def _under_compiles(cls, patterns: list[str]) -> list[str]:
        return HeadingMatcher._compiles(patterns)


class CooccurrenceMatcher(Strict):
    """A sentence with at least one term from every group (e.g. own-goal marker + goal term)."""

    type: Literal["samtidig"]
    kind: str = Field(pattern=KIND)
    all: list[list[str]] = Field(min_length=2)  # each group: concept names
    none: list[str] = []  # concepts that disqualify the sentence
    not_in_roles: list[str] = []  # sections whose role gives the words another sense


class HeadingMatcher(Strict):
    """A section whose heading matches; evidence is the heading plus the first body sentence."""

    type: Literal["overskrift"]
    kind: str = Field(pattern=KIND)
    patterns: list[str]  # regular expressions, case-insensitive
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


class RoleMatcher(Strict):
    """Body sentences of sections whose role (roller.yaml: heading meaning and content) is one
    of `roles`; with `concepts`, only sentences naming one of them, without `none`."""

    type: Literal["rolle"]
    kind: str = Field(pattern=KIND)
    roles: list[str] = Field(min_length=1)
    concepts: list[str] = []
    also: list[str] = []  # a second group the sentence must name too (a model and how it is used)
    none: list[str] = []
    min_words: int = 0  # words a sentence needs (a slogan is no statement of goals)


class ServicesMatcher(Strict):
    """Services named, one hit per sentence and service (the service is the hit's term); with
    `with_task`, only services given a task in the same sentence. A condition counts services
    with `distinct`."""

    type: Literal["tjenester"]
    kind: str = Field(pattern=KIND)
    with_task: bool = False
    none: list[str] = []  # concepts that disqualify the sentence (a report or a wish is no task)


class TableMatcher(Strict):
    """A table whose header has a responsible column (ansvar/ansvarlig/hvem) and rows naming services."""

    type: Literal["tiltakstabell"]
    kind: str = Field(pattern=KIND)
    header_concepts: list[str]
    header_also: list[str] = []  # concepts the header must name too (a measures column)
    undecided: list[str] = []  # concepts of a responsible cell that names nobody ("avklares senere")
    min_rows: int = 2


class FunctionMatcher(Strict):
    """Escape hatch for what a data matcher cannot express (adoption, legal reference)."""

    type: Literal["funksjon"]
    name: Literal["vedtak", "lovhenvisning"]


Matcher = Annotated[
    TermsMatcher | CooccurrenceMatcher | HeadingMatcher | RoleMatcher | ServicesMatcher | TableMatcher
    | FunctionMatcher,
    Field(discriminator="type"),
]


class Count(Strict):
    """An evidence kind with at least `min` hits (sentences, or services for `tjenester`) and
    at least `distinct` different terms among them."""

    kind: str = Field(pattern=KIND)
    min: int = Field(1, ge=1)
    distinct: int = Field(1, ge=1)


class AnyOf(Strict):
    any: list[Condition] = Field(min_length=1)


class AllOf(Strict):
    all: list[Condition] = Field(min_length=1)


# A bare name is `{kind: name}`; any/all nest like Semgrep's pattern-either/patterns.
Condition = Union[str, Count, AnyOf, AllOf]  # noqa: UP007 - a recursive alias needs Union


def condition_kinds(condition: Condition) -> list[str]:
    """Every evidence kind a condition names, in order."""
    if isinstance(condition, str):
        return [condition]
    if isinstance(condition, Count):
        return [condition.kind]
    items = condition.any if isinstance(condition, AnyOf) else condition.all
    return [k for item in items for k in condition_kinds(item)]


class StatusConditions(Strict):
    """When the rule is met (oppfylt) and partly met (delvis); otherwise it is mangler."""

    oppfylt: Condition
    delvis: Condition | None = None


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
    exclude: list[str] = ["lovsitat", "reformbakgrunn", "veiledning", "framtid", "innholdsfortegnelse"]
    status: StatusConditions | None = None
    home_roles: list[str] = []  # section roles where the plan deals with this (roller.yaml), the usual one first
    rank_by: list[str] | None = None  # concepts that make a quote concrete for this rule (else roller.yaml)
    messages: dict[Status, Text]
    suggestion: Text
    notes: dict[str, Text] = {}  # extra messages a function matcher may choose (e.g. "delegert")
    examples: list[Example] = []
    pack: str = "bvl-15-1"
    file: str = ""

    @field_validator("exclude")
    @classmethod
    def _known_exclusions(cls, v: list[str]) -> list[str]:
        unknown = [kind for kind in v if kind not in EXCLUSION_KINDS]
        if unknown:
            raise ValueError("ukjent unntak: " + ", ".join(unknown) + " (tillatt: " + ", ".join(EXCLUSION_KINDS) + ")")
        return v

    @field_validator("messages")
    @classmethod
    def _messages_cover_statuses(cls, v: dict[Status, Text]) -> dict[Status, Text]:
        missing = {Status.OPPFYLT, Status.DELVIS, Status.MANGLER} - set(v)
        if missing:
            raise ValueError("mangler meldinger for: " + ", ".join(sorted(s.value for s in missing)))
        return v

    @model_validator(mode="after")
    def _conditions_name_the_evidence(self) -> Rule:
        """Every evidence kind is named once and used by a condition; every condition names
        a defined kind. A rule decided by a function has no conditions."""
        matchers = [m for m in self.evidence if not isinstance(m, FunctionMatcher)]
        if not matchers:
            if self.status is not None:
                raise ValueError("status: en regel som avgjøres av en funksjon har ingen statusvilkår")
            return self
        if self.status is None:
            raise ValueError("status: mangler statusvilkår (oppfylt, delvis)")
        kinds = [m.kind for m in matchers]
        duplicate = sorted({k for k in kinds if kinds.count(k) > 1})
        if duplicate:
            raise ValueError("evidence: samme kind flere ganger: " + ", ".join(duplicate))
        used = condition_kinds(self.status.oppfylt)
        used += condition_kinds(self.status.delvis) if self.status.delvis is not None else []
        unknown = sorted(set(used) - set(kinds))
        if unknown:
            raise ValueError("status: ukjent belegg (kind): " + ", ".join(unknown))
        unused = [k for k in kinds if k not in used]
        if unused:
            raise ValueError("evidence: belegg som ingen statusvilkår bruker: " + ", ".join(unused))
        return self

    def message(self, status: Status, lang: str = "nb") -> str:
        text = self.messages.get(status)
        return text.get(lang) if text else ""

    @property
    def default_level(self) -> str:
        """SARIF level for a finding of this rule."""
        return {Severity.FEIL: "error", Severity.ADVARSEL: "warning", Severity.INFO: "note"}[self.severity]
