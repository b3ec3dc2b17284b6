"""Who was expected to deliver a plan, who did not, and which plan counts when there are several.

`--fylke NAVN` expects every municipality of a county (or of a Statsforvalter embete);
`--kommuner FIL` expects the municipalities listed in a file, one name or number per
line, or a CSV/semicolon file where the first cell that names a municipality counts.
A municipality has delivered when at least one document of type plan or høringsutkast
was checked for it; an inter-municipal plan counts for every member municipality. With
several, the newest by adoption date is the primary one (undated counts as oldest; a plan
beats a draft on the same date; then path order), and the others are listed as duplicates.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from plansjekk.errors import PlansjekkError
from plansjekk.files import read_text
from plansjekk.model import DocType, DocumentResult
from plansjekk.municipalities.register import Municipality, in_county, lookup
from plansjekk.settings import Settings

PLAN_TYPES = (DocType.PLAN, DocType.HORINGSUTKAST)


def expected_municipalities(settings: Settings) -> list[Municipality]:
    """From --fylke and --kommuner (both may be given); [] when neither was."""
    found: list[Municipality] = []
    if settings.county:
        found.extend(in_county(settings.county))
    if settings.municipalities_file:
        found.extend(read_municipality_file(Path(settings.municipalities_file)))
    return sorted({m.number: m for m in found}.values(), key=lambda m: m.number)


def read_municipality_file(path: Path) -> list[Municipality]:
    try:
        text = read_text(path, "utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise PlansjekkError(f"kan ikke lese kommunelisten {path}: {error}") from None
    found: list[Municipality] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = next(csv.reader(io.StringIO(line), delimiter=_delimiter(line)))
        matches = [lookup(c) for c in cells if c.strip()]
        hit = next((m for m in matches if len(m) == 1), None)
        if hit:
            found.extend(hit)
        elif any(len(m) > 1 for m in matches):
            names = " eller ".join(f"«{m.display_name}» ({m.number})" for m in next(x for x in matches if len(x) > 1))
            raise PlansjekkError(f"{path}:{number}: kommunenavnet finnes flere steder; skriv {names}")
        elif number > 1 or not _looks_like_header(cells):
            raise PlansjekkError(f"{path}:{number}: ukjent kommune «{line.strip()}»")
    return found


def _delimiter(line: str) -> str:
    return next((d for d in (";", "\t", ",") if d in line), ";")


HEADER_WORDS = frozenset({"kommune", "kommunenavn", "navn", "nummer", "kommunenummer", "knr", "fylke",
                          "name", "municipality", "number"})


def _looks_like_header(cells: list[str]) -> bool:
    return any(c.strip().casefold() in HEADER_WORDS for c in cells)


def resolve(doc: DocumentResult, scope: list[Municipality], name: str | None = None) -> Municipality | None:
    """The register entry for a document's municipality name (or `name`, one of an inter-municipal
    plan's members), narrowed to the expected ones."""
    name = name or doc.municipality
    if not name:
        return None
    candidates = lookup(name)
    narrowed = [m for m in candidates if m in scope] or candidates
    return narrowed[0] if len(narrowed) == 1 else None


def member_names(doc: DocumentResult) -> tuple[str, ...]:
    """Every municipality whose plan this is: an inter-municipal plan counts for each member."""
    return doc.municipalities or ((doc.municipality,) if doc.municipality else ())


def municipality_summary(docs: tuple[DocumentResult, ...], expected: list[Municipality]) -> dict:
    """expected/missing names, the primary plan per municipality and the duplicates."""
    groups: dict[str, list[DocumentResult]] = {}
    delivered: set[str] = set()
    for doc in sorted(docs, key=lambda d: d.path):
        if doc.error is not None or doc.type not in PLAN_TYPES or not doc.municipality:
            continue
        for name in member_names(doc):
            found = resolve(doc, expected, name)
            groups.setdefault(found.display_name if found else name, []).append(doc)
            if found:
                delivered.add(found.number)
    primary = {name: _newest(group).path for name, group in groups.items()}
    duplicates = {name: [d.path for d in group if d.path != primary[name]]
                  for name, group in groups.items() if len(group) > 1}
    return {
        "expected": [m.display_name for m in expected],
        "missing": [m.display_name for m in expected if m.number not in delivered],
        "primary": primary,
        "duplicates": duplicates,
    }


def _newest(group: list[DocumentResult]) -> DocumentResult:
    def key(doc: DocumentResult) -> tuple[str, bool]:
        date = doc.adoption.date if doc.adoption and doc.adoption.date else ""
        return date, doc.type == DocType.PLAN

    return max(group, key=key)
