"""The effective settings of one run: defaults ← config file ← CLI flags.

`config.py` finds and validates plansjekk.toml / [tool.plansjekk]; this module only
holds the record so every stage can take it without importing the config machinery.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MAX_BYTES = 100 * 1024 * 1024
DEFAULT_MAX_PAGES = 1000


@dataclass(frozen=True)
class Limits:
    """Guards against huge or hostile inputs; configurable from the CLI."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int = DEFAULT_MAX_PAGES
    max_unzipped_bytes: int = 512 * 1024 * 1024  # a whole DOCX package, or all of a PDF's inflated streams
    max_stream_bytes: int = 128 * 1024 * 1024  # one PDF stream inflated (a page's text is far less)
    max_xml_bytes: int = 64 * 1024 * 1024  # one DOCX XML part inflated (a 300-page plan is ~10 MB)
    # Address space of one batch worker; --jobs workers together stay within RAM (batch/pool.py).
    max_worker_bytes: int = 3 * 1024 * 1024 * 1024
    # About 300,000 words, several times the longest plan; bounds the NLP's memory (~300 MB).
    max_chars: int = 2_000_000


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    rule_dirs: tuple[Path, ...] = ()
    fail_on: str = "feil"
    lang: str = "nb"
    formats: tuple[str, ...] = ("terminal",)
    output: Path | None = None
    explain: bool = False
    color: bool | None = None
    limits: Limits = field(default_factory=Limits)
    jobs: int | None = None
    timeout: float = 120.0
    use_cache: bool = True
    baseline: Path | None = None
    write_baseline: bool = False
    county: str | None = None
    municipalities_file: Path | None = None
    overrides_file: Path | None = None
    doc_type: str | None = None  # the type the user states (--dokumenttype / `type`); None = decide
    config_file: Path | None = None  # the plansjekk.toml / pyproject.toml the settings came from
