"""Immutable records that flow through the pipeline.

extract → Document(sections) → nlp → engine → DocumentResult(findings) → report.
Every stage reads these records and builds new ones; nothing is mutated, so a
result can be cached, sent between processes and rendered by any reporter.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class ParagraphKind(str, Enum):
    """What a paragraph was in the source; matchers treat tables and lists differently."""

    BODY = "body"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"
    TABLE_HEADER = "table_header"


class Status(str, Enum):
    OPPFYLT = "oppfylt"
    DELVIS = "delvis"
    MANGLER = "mangler"
    IKKE_RELEVANT = "ikke_relevant"


class Severity(str, Enum):
    FEIL = "feil"
    ADVARSEL = "advarsel"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse; used for --fail-on and sorting."""
        return {"info": 1, "advarsel": 2, "feil": 3}[self.value]


class DocType(str, Enum):
    PLAN = "plan"
    HORINGSUTKAST = "horingsutkast"
    PLANPROGRAM = "planprogram"
    ANNET = "annet"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class Paragraph:
    text: str
    page: int | None
    kind: ParagraphKind = ParagraphKind.BODY
    line: int | None = None  # 1-based source line for text formats (Markdown/HTML/TXT)


@dataclass(frozen=True)
class Section:
    heading: str | None
    level: int
    number: str | None
    page_start: int | None
    page_end: int | None
    paragraphs: tuple[Paragraph, ...] = ()
    line: int | None = None  # source line of the heading, for text formats


@dataclass(frozen=True)
class Document:
    path: str
    format: str  # pdf, docx, html, markdown, text
    pages: int | None
    language: str | None  # "nb", "nn" or None
    title: str | None
    sections: tuple[Section, ...]
    warnings: tuple[str, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    ocr_pages: tuple[int, ...] = ()  # pages whose text came from OCR (scanned pages)

    def paragraphs(self) -> list[tuple[Section, Paragraph]]:
        return [(s, p) for s in self.sections for p in s.paragraphs]

    @property
    def text(self) -> str:
        parts: list[str] = []
        for s in self.sections:
            if s.heading:
                parts.append(s.heading)
            parts.extend(p.text for p in s.paragraphs)
        return "\n".join(parts)


@dataclass(frozen=True)
class Suppression:
    """`<!-- plansjekk: ignorer BV203 -- begrunnelse -->` found in a text source."""

    rule: str
    reason: str
    line: int | None = None


@dataclass(frozen=True)
class Evidence:
    quote: str
    section: str | None
    page: int | None
    line: int | None = None
    paragraph: int | None = None  # 1-based paragraph number where there are no pages


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    status: Status
    severity: Severity
    message: str
    suggestion: str | None
    evidence: tuple[Evidence, ...] = ()
    explanation: tuple[str, ...] = ()  # --forklar: matched terms, excluded sentences
    title: str = ""
    source: str = ""  # legal source, e.g. "barnevernsloven § 15-1 andre ledd"
    source_url: str = ""
    suppressed: str | None = None  # reason, when a suppression comment applies
    override: Override | None = None
    baseline: bool = False  # known from --baseline: counts for the verdict, never fails, not listed


@dataclass(frozen=True)
class Override:
    """A reviewer's judgement recorded next to the machine's verdict."""

    status: Status
    reason: str
    reviewer: str | None = None
    date: str | None = None
    machine_status: Status | None = None


@dataclass(frozen=True)
class Adoption:
    body: str | None
    date: str | None
    case: str | None


@dataclass(frozen=True)
class CouncilAdoption:
    """One council's adoption of an inter-municipal plan."""

    municipality: str
    body: str | None
    date: str | None
    case: str | None


@dataclass(frozen=True)
class DocError:
    code: str  # e.g. "kryptert", "skannet", "korrupt", "tom", "for_stor", "ukjent_format"
    message: str


@dataclass(frozen=True)
class DocumentResult:
    path: str
    type: DocType
    language: str | None = None
    municipality: str | None = None
    pages: int | None = None
    title: str | None = None
    period: str | None = None
    adoption: Adoption | None = None
    findings: tuple[Finding, ...] = ()
    error: DocError | None = None
    format: str | None = None
    sha256: str | None = None
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # document-level remarks (e.g. "dette er et planprogram")
    unused_suppressions: tuple[Suppression, ...] = ()
    skipped: bool = False  # unsupported file in a batch: listed, not checked
    ocr_pages: tuple[int, ...] = ()  # pages read by OCR; quotes from them may hold misreadings
    type_certain: bool = True  # false when the signals for two types are close
    type_reasons: tuple[str, ...] = ()  # why this type, in the run's language (at least one)
    type_signals: tuple[str, ...] = ()  # every signal that fired, with its weights (--forklar)
    type_given: bool = False  # the user stated the type (--dokumenttype, `type` in plansjekk.toml)
    municipalities: tuple[str, ...] = ()  # every municipality whose plan this is; the first is `municipality`
    council_adoptions: tuple[CouncilAdoption, ...] = ()  # each member council's adoption (inter-municipal)


@dataclass(frozen=True)
class RunResult:
    """Everything one `plansjekk sjekk` run produced; the single input of every reporter."""

    documents: tuple[DocumentResult, ...]
    rulepack: str = "bvl-15-1"
    rulepack_version: str = ""
    plansjekk_version: str = ""
    rules: tuple[Any, ...] = ()  # engine.schema.Rule objects that were active
    expected_municipalities: tuple[str, ...] = ()
    missing_municipalities: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


def to_plain(obj: Any) -> Any:
    """Dataclasses and enums to JSON-ready builtins (enums become their values)."""
    if hasattr(obj, "__dataclass_fields__"):
        return {k: to_plain(v) for k, v in asdict(obj).items()}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    return obj
