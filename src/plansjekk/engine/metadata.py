"""Document metadata for reports: municipality, plan period. Unknown stays None, never guessed."""

from __future__ import annotations

import re
from pathlib import Path

from plansjekk.model import Document

PERIOD = re.compile(r"\b(20\d\d)\s*(?:[-–—]|til)\s*(20\d\d)\b")


def plan_period(document: Document) -> str | None:
    """The first 'YYYY-YYYY' span in the title or opening, if plausible as a plan period."""
    opening = (document.title or "") + "\n" + document.text[:3000]
    for m in PERIOD.finditer(opening):
        start, end = int(m.group(1)), int(m.group(2))
        if 0 < end - start <= 15:
            return f"{start}-{end}"
    return None


def municipality(document: Document) -> str | None:
    """From the municipality register: strong patterns ('X kommune', 'X herad') and the file name."""
    from plansjekk.batch.register import municipality_name

    return municipality_name(document.text, Path(document.path).name)
