"""The programmatic interface: what the CLI calls, and what tests and other tools may call.

extract → engine → RunResult. Heavy imports (spaCy) stay inside the
functions that need them so `plansjekk --help` and `uttrekk` start fast.
"""

from __future__ import annotations

from pathlib import Path

from plansjekk import __version__
from plansjekk.deadline import TimeUp, time_limit, timeout_message
from plansjekk.errors import ExtractionError
from plansjekk.model import DocError, DocType, Document, DocumentResult, RunResult, Severity, Status
from plansjekk.settings import Limits, Settings

DEFAULT_TIMEOUT = Settings().timeout


def extract(path: str | Path, limits: Limits | None = None, timeout: float = DEFAULT_TIMEOUT) -> Document:
    """Read one file into a Document; raises ExtractionError for unreadable input, and for
    reading that takes more than `timeout` seconds (0: no limit)."""
    from plansjekk.extract.dispatch import extract_document

    try:
        with time_limit(timeout):
            return extract_document(Path(path), limits or Limits())
    except TimeUp:
        raise ExtractionError("tidsavbrudd", timeout_message(timeout)) from None


def unreadable(path: str, error: ExtractionError, fmt: str | None = None) -> DocumentResult:
    return DocumentResult(path=path, type=DocType.UNREADABLE, format=fmt,
                          error=DocError(code=error.code, message=error.message))


def warm_nlp() -> None:
    """Load the lexicon and tokenizer now rather than on the first sentence."""
    from plansjekk.nlp.lexicon import get_lexicon
    from plansjekk.nlp.tokenizer import get_tokenizer

    get_lexicon()
    get_tokenizer()


def check_document(path: str | Path, settings: Settings | None = None) -> DocumentResult:
    """Extract and check one file. Never raises for a bad document: it becomes a result."""
    from plansjekk.engine.evaluate import check
    from plansjekk.engine.loader import load_rules

    settings = settings or Settings()
    try:
        document = extract(path, settings.limits, settings.timeout)  # inside a batch's limit, that one rules
    except ExtractionError as error:
        return unreadable(str(path), error)
    return check(document, load_rules(settings), settings)


def run(paths: list[str], settings: Settings | None = None) -> RunResult:
    """Check files and folders (recursively); every input appears once in the result."""
    from plansjekk.batch.runner import run_batch

    settings = settings or Settings()
    if settings.baseline is None:
        return run_batch(paths, settings, check_document)
    from plansjekk.engine.baseline import load_baseline, use_baseline

    known = load_baseline(settings)  # a bad baseline is a usage error before any document is read
    return use_baseline(run_batch(paths, settings, check_document), settings, known)


def exit_code(result: RunResult, fail_on: str) -> int:
    """DESIGN.md: 0 clean, 1 findings at/above fail_on, 3 a document unreadable (and nothing worse).

    A run that checked nothing (an empty folder, only unsupported files) is 3 as well: a CI job
    with a mistyped path must not pass.
    """
    if all(doc.skipped for doc in result.documents):
        return 3
    threshold = None if fail_on == "aldri" else Severity(fail_on).rank
    worst_finding = False
    unreadable_doc = False
    for doc in result.documents:
        if doc.error is not None and not doc.skipped:
            unreadable_doc = True
        for f in doc.findings:
            status = f.override.status if f.override else f.status
            if f.suppressed or f.baseline or status in (Status.OPPFYLT, Status.IKKE_RELEVANT):
                continue
            if threshold is not None and f.severity.rank >= threshold:
                worst_finding = True
    if worst_finding:
        return 1
    return 3 if unreadable_doc else 0


def version_info() -> str:
    return __version__
