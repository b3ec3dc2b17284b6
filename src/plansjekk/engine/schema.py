"""The rule file schema. A rule is data: which matchers give which named evidence kinds,
which conditions over those kinds give which status, and texts.

The classes are frozen dataclasses: a checking run that takes its rules from the rule cache
(engine/rulecache.py) never imports pydantic. Loading a rule file validates it with pydantic
(engine/validation.py) against the annotations below, which stay strings until then (the
`Field` and `AfterValidator` they name are resolved there); the loader adds file and line to
every error. The matcher types are a small fixed set (see matchers.py); a rule cannot add code.
A status condition reads like Semgrep's `pattern-either`/`patterns`:
`oppfylt: {any: [own_goal, {kind: goal_section, min: 2}]}`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Literal, Union

from plansjekk.engine.exclusions import KINDS as EXCLUSION_KINDS
from plansjekk.model import Severity, Status

if TYPE_CHECKING:  # resolved by validation.py when a rule file is validated
    from pydantic import AfterValidator, Field

STRICT = {"extra": "forbid"}  # pydantic's config for every class: an unknown key is an error


def _regexes(patterns: list[str]) -> list[str]:
    """A broken pattern is a rule-file error on load, not a crash in the middle of a check."""
    for pattern in patterns:
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as error:
            raise ValueError(f"ugyldig regulært uttrykk «{pattern}»: {error}") from None
    return patterns


@dataclass(frozen=True, kw_only=True)
class Text:
    """A user-facing text in bokmål (required) and English."""

    __pydantic_config__ = STRICT
    nb: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nb


KIND = r"^[a-z][a-z0-9_]*$"


@dataclass(frozen=True, kw_only=True)
class TermsMatcher:
    """Any sentence containing a term of one of the concepts; with `under`, only sentences in a
    section whose heading, or an enclosing section's heading, matches (a planprogram's disposition)."""

    __pydantic_config__ = STRICT
    type: Literal["terms"]
    kind: Annotated[str, Field(pattern=KIND)]
    concepts: list[str]
    none: list[str] = field(default_factory=list)  # concepts that disqualify the sentence (another sense of the word)
    # sections whose role gives the words another sense (a target in a goals section)
    not_in_roles: list[str] = field(default_factory=list)
    kinds: list[Literal["body", "list_item", "table_row", "table_header", "heading"]] = field(default_factory=list)
    # regular expressions, case-insensitive
    under: Annotated[list[str], AfterValidator(_regexes)] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class CooccurrenceMatcher:
    """A sentence with at least one term from every group (e.g. own-goal marker + goal term)."""

    __pydantic_config__ = STRICT
    type: Literal["samtidig"]
    kind: Annotated[str, Field(pattern=KIND)]
    all: Annotated[list[list[str]], Field(min_length=2)]  # each group: concept names
    none: list[str] = field(default_factory=list)  # concepts that disqualify the sentence
    not_in_roles: list[str] = field(default_factory=list)  # sections whose role gives the words another sense


@dataclass(frozen=True, kw_only=True)
class HeadingMatcher:
    """A section whose heading matches; evidence is the heading plus the first body sentence."""

    __pydantic_config__ = STRICT
    type: Literal["overskrift"]
    kind: Annotated[str, Field(pattern=KIND)]
    patterns: Annotated[list[str], AfterValidator(_regexes)]  # regular expressions, case-insensitive
    min_words: int = 15  # body words under the heading needed for the section to count


@dataclass(frozen=True, kw_only=True)
class RoleMatcher:
    """Body sentences of sections whose role (roller.yaml: heading meaning and content) is one
    of `roles`; with `concepts`, only sentences naming one of them, without `none`."""

    __pydantic_config__ = STRICT
    type: Literal["rolle"]
    kind: Annotated[str, Field(pattern=KIND)]
    roles: Annotated[list[str], Field(min_length=1)]
    concepts: list[str] = field(default_factory=list)
    # a second group the sentence must name too (a model and how it is used)
    also: list[str] = field(default_factory=list)
    none: list[str] = field(default_factory=list)
    min_words: int = 0  # words a sentence needs (a slogan is no statement of goals)


@dataclass(frozen=True, kw_only=True)
class ServicesMatcher:
    """Services named, one hit per sentence and service (the service is the hit's term); with
    `with_task`, only services given a task in the same sentence. A condition counts services
    with `distinct`."""

    __pydantic_config__ = STRICT
    type: Literal["tjenester"]
    kind: Annotated[str, Field(pattern=KIND)]
    with_task: bool = False
    # concepts that disqualify the sentence (a report or a wish is no task)
    none: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class TableMatcher:
    """A table whose header has a responsible column (ansvar/ansvarlig/hvem) and rows naming services."""

    __pydantic_config__ = STRICT
    type: Literal["tiltakstabell"]
    kind: Annotated[str, Field(pattern=KIND)]
    header_concepts: list[str]
    header_also: list[str] = field(default_factory=list)  # concepts the header must name too (a measures column)
    # concepts of a responsible cell that names nobody ("avklares senere")
    undecided: list[str] = field(default_factory=list)
    min_rows: int = 2


@dataclass(frozen=True, kw_only=True)
class FunctionMatcher:
    """Escape hatch for what a data matcher cannot express (adoption, legal reference)."""

    __pydantic_config__ = STRICT
    type: Literal["funksjon"]
    name: Literal["vedtak", "lovhenvisning"]


Matcher = Union[TermsMatcher, CooccurrenceMatcher, HeadingMatcher, RoleMatcher,  # noqa: UP007 - a runtime alias
                ServicesMatcher, TableMatcher, FunctionMatcher]


@dataclass(frozen=True, kw_only=True)
class Count:
    """An evidence kind with at least `min` hits (sentences, or services for `tjenester`) and
    at least `distinct` different terms among them."""

    __pydantic_config__ = STRICT
    kind: Annotated[str, Field(pattern=KIND)]
    min: Annotated[int, Field(ge=1)] = 1
    distinct: Annotated[int, Field(ge=1)] = 1


@dataclass(frozen=True, kw_only=True)
class AnyOf:
    __pydantic_config__ = STRICT
    any: Annotated[list[Condition], Field(min_length=1)]


@dataclass(frozen=True, kw_only=True)
class AllOf:
    __pydantic_config__ = STRICT
    all: Annotated[list[Condition], Field(min_length=1)]


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


@dataclass(frozen=True, kw_only=True)
class StatusConditions:
    """When the rule is met (oppfylt) and partly met (delvis); otherwise it is mangler."""

    __pydantic_config__ = STRICT
    oppfylt: Condition
    delvis: Condition | None = None


@dataclass(frozen=True, kw_only=True)
class Example:
    __pydantic_config__ = STRICT
    text: str
    expect: Status
    lang: Literal["nb", "nn"] = "nb"
    type: Literal["plan", "horingsutkast", "planprogram", "annet"] = "plan"
    note: str | None = None


def _known_exclusions(v: list[str]) -> list[str]:
    unknown = [kind for kind in v if kind not in EXCLUSION_KINDS]
    if unknown:
        raise ValueError("ukjent unntak: " + ", ".join(unknown) + " (tillatt: " + ", ".join(EXCLUSION_KINDS) + ")")
    return v


def _messages_cover_statuses(v: dict[Status, Text]) -> dict[Status, Text]:
    missing = {Status.OPPFYLT, Status.DELVIS, Status.MANGLER} - set(v)
    if missing:
        raise ValueError("mangler meldinger for: " + ", ".join(sorted(s.value for s in missing)))
    return v


@dataclass(frozen=True, kw_only=True)
class Rule:
    __pydantic_config__ = STRICT
    code: Annotated[str, Field(pattern=r"^[A-Z]{2}\d{3}$")]
    name: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    title: Text
    source: str
    source_url: str
    severity: Severity
    tags: list[str] = field(default_factory=list)
    applies_to: list[Literal["plan", "horingsutkast", "planprogram", "annet"]] = field(
        default_factory=lambda: ["plan", "horingsutkast"])
    rationale: Text
    evidence: Annotated[list[Annotated[Matcher, Field(discriminator="type")]], Field(min_length=1)]
    exclude: Annotated[list[str], AfterValidator(_known_exclusions)] = field(
        default_factory=lambda: ["lovsitat", "reformbakgrunn", "veiledning", "framtid", "innholdsfortegnelse"])
    status: StatusConditions | None = None
    # section roles where the plan deals with this (roller.yaml), the usual one first
    home_roles: list[str] = field(default_factory=list)
    rank_by: list[str] | None = None  # concepts that make a quote concrete for this rule (else roller.yaml)
    messages: Annotated[dict[Status, Text], AfterValidator(_messages_cover_statuses)]
    suggestion: Text
    # extra messages a function matcher may choose (e.g. "delegert")
    notes: dict[str, Text] = field(default_factory=dict)
    examples: list[Example] = field(default_factory=list)
    pack: str = "bvl-15-1"
    file: str = ""

    def message(self, status: Status, lang: str = "nb") -> str:
        text = self.messages.get(status)
        return text.get(lang) if text else ""

    @property
    def default_level(self) -> str:
        """SARIF level for a finding of this rule."""
        return {Severity.FEIL: "error", Severity.ADVARSEL: "warning", Severity.INFO: "note"}[self.severity]


def check_rule(rule: Rule) -> Rule:
    """Every evidence kind is named once and used by a condition; every condition names a
    defined kind. A rule decided by a function has no conditions (validation.py runs this
    after the fields are valid)."""
    matchers = [m for m in rule.evidence if not isinstance(m, FunctionMatcher)]
    if not matchers:
        if rule.status is not None:
            raise ValueError("status: en regel som avgjøres av en funksjon har ingen statusvilkår")
        return rule
    if rule.status is None:
        raise ValueError("status: mangler statusvilkår (oppfylt, delvis)")
    kinds = [m.kind for m in matchers]
    duplicate = sorted({k for k in kinds if kinds.count(k) > 1})
    if duplicate:
        raise ValueError("evidence: samme kind flere ganger: " + ", ".join(duplicate))
    used = condition_kinds(rule.status.oppfylt)
    used += condition_kinds(rule.status.delvis) if rule.status.delvis is not None else []
    unknown = sorted(set(used) - set(kinds))
    if unknown:
        raise ValueError("status: ukjent belegg (kind): " + ", ".join(unknown))
    unused = [k for k in kinds if k not in used]
    if unused:
        raise ValueError("evidence: belegg som ingen statusvilkår bruker: " + ", ".join(unused))
    return rule
