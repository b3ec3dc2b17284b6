"""Compare two versions of a plan (`plansjekk sammenlign FØR ETTER`): a draft against the adopted
plan, or a plan against its revision.

Both files go through the same pipeline as `sjekk` (extract → engine); this step lines the
results up rule by rule (compare.rules), matches their sections (compare.sections) and
returns a Comparison that the renderers in report/compare.py print.
"""

from __future__ import annotations

from pathlib import Path

from plansjekk.comparison import Comparison
from plansjekk.settings import Settings


def compare_files(before: str | Path, after: str | Path, settings: Settings) -> Comparison:
    """Raises ExtractionError (with the path in its message) when either file cannot be read."""
    from plansjekk.api import extract
    from plansjekk.compare.rules import metadata_changes, rule_changes
    from plansjekk.compare.sections import compare_sections, profiles
    from plansjekk.engine.evaluate import check
    from plansjekk.engine.loader import load_rules
    from plansjekk.errors import ExtractionError

    ruleset = load_rules(settings)
    documents = []
    for path in (before, after):
        try:
            documents.append(extract(path, settings.limits))
        except ExtractionError as error:
            message = error.message if str(path) in error.message else f"{path}: {error.message}"
            raise ExtractionError(error.code, message) from None
    old, new = (check(document, ruleset, settings) for document in documents)
    sections = compare_sections(*(profiles(d, ruleset.vocabulary, ruleset.services) for d in documents))
    return Comparison(before=old, after=new, rules=rule_changes(old, new), sections=sections,
                      metadata=metadata_changes(old, new))
