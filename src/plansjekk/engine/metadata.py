"""Document metadata for reports: municipality, plan period. Unknown stays None, never guessed."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from plansjekk.model import Document

PERIOD = re.compile(r"\b(20\d\d)\s*(?:[-–—]|til)\s*(20\d\d)\b")
MUNICIPALITY = re.compile(r"\b([A-ZÆØÅ][a-zæøåA-ZÆØÅ-]+(?: [A-ZÆØÅ][a-zæøå]+)?) (?:kommune|herad)\b")


def plan_period(document: Document) -> str | None:
    """The first 'YYYY-YYYY' span in the title or opening, if plausible as a plan period."""
    opening = (document.title or "") + "\n" + document.text[:3000]
    for m in PERIOD.finditer(opening):
        start, end = int(m.group(1)), int(m.group(2))
        if 0 < end - start <= 15:
            return f"{start}-{end}"
    return None


def municipality(document: Document) -> str | None:
    try:
        from plansjekk.batch.register import municipality_name
    except ImportError:  # pragma: no cover - the register ships with the batch work
        municipality_name = None
    if municipality_name is not None:
        return municipality_name(document.text, Path(document.path).name)
    names = Counter(m.group(1) for m in MUNICIPALITY.finditer(document.text))
    return names.most_common(1)[0][0] if names else None
