"""Does the evidence stand where the plan deals with the requirement? (DOMAIN.md point 14)

For labelled documents, `sections:` names, per rule, the heading(s) of the section(s) where the
plan meets it. A quote counts as well placed when its section, or a chapter it stands under, is
one of them. Reports, over every `oppfylt`/`delvis` verdict with labelled sections:
- top-1: the share of verdicts whose first quote is well placed;
- all quotes: the share of all quotes shown that are well placed.

Section labels stand in the labels file itself, or for older sets in
benchmarks/sections/<set>.yaml (`documents: [{path, sections}]`).

    python benchmarks/evidence.py benchmarks/holdout5/labels.yaml
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from plansjekk.api import check_document, extract
from plansjekk.errors import ExtractionError
from plansjekk.model import Document
from plansjekk.settings import Settings

SECTIONS_DIR = Path(__file__).resolve().parent / "sections"
_NUMBER = re.compile(r"^(kapittel\s+)?\d+(\.\d+)*\.?\s+", re.IGNORECASE)


def normalise(heading: str) -> set[str]:
    """A heading as compared: lower case, single spaces, with and without its number."""
    text = " ".join(heading.lower().split()).rstrip(":.")
    return {text, _NUMBER.sub("", text)}


def enclosing_headings(document: Document) -> dict[str, set[str]]:
    """For each heading, itself and the headings of the chapters it stands under."""
    chain: list[tuple[int, str]] = []
    out: dict[str, set[str]] = {}
    for section in document.sections:
        if not section.heading:
            continue
        while chain and chain[-1][0] >= section.level:
            chain.pop()
        chain.append((section.level, section.heading))
        out.setdefault(section.heading, set()).update(h for _, h in chain)
    return out


def well_placed(section: str | None, labelled: list[str], enclosing: dict[str, set[str]]) -> bool:
    if not section:
        return False
    wanted = set().union(*(normalise(h) for h in labelled))
    candidates = enclosing.get(section, {section})
    return any(normalise(h) & wanted for h in candidates)


@dataclass
class Placement:
    verdicts: int = 0
    top1: int = 0
    quotes: int = 0
    placed_quotes: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Placement) -> None:
        self.verdicts += other.verdicts
        self.top1 += other.top1
        self.quotes += other.quotes
        self.placed_quotes += other.placed_quotes

    def line(self) -> str:
        top1 = self.top1 / self.verdicts if self.verdicts else 0.0
        share = self.placed_quotes / self.quotes if self.quotes else 0.0
        return (f"topp-1 {top1:.3f} ({self.top1}/{self.verdicts} dommer), "
                f"alle sitater {share:.3f} ({self.placed_quotes}/{self.quotes})")


def section_labels(labels_path: Path) -> dict[str, dict[str, list[str]]]:
    """path → rule → headings, from the labels file and the set's file in benchmarks/sections/."""
    out: dict[str, dict[str, list[str]]] = {}
    sources = [labels_path, SECTIONS_DIR / f"{labels_path.parent.name}.yaml"]
    for source in sources:
        if not source.is_file():
            continue
        for entry in yaml.safe_load(source.read_text(encoding="utf-8")).get("documents") or []:
            if entry.get("sections"):
                out.setdefault(entry["path"], {}).update(entry["sections"])
    return out


def placement(labels_path: Path) -> Placement:
    out = Placement()
    for rel, sections in section_labels(labels_path).items():
        path = (labels_path.parent / rel).resolve()
        try:
            enclosing = enclosing_headings(extract(path))
        except ExtractionError:
            continue
        result = check_document(path, Settings())
        for finding in result.findings:
            labelled = sections.get(finding.name)
            if not labelled or finding.status.value not in ("oppfylt", "delvis") or not finding.evidence:
                continue
            placed = [well_placed(e.section, labelled, enclosing) for e in finding.evidence]
            out.verdicts += 1
            out.top1 += placed[0]
            out.quotes += len(placed)
            out.placed_quotes += sum(placed)
            if not placed[0]:
                out.misses.append(f"{path.name}: {finding.name}: første sitat i «{finding.evidence[0].section}», "
                                  f"ventet {' | '.join(labelled)}")
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    overall = Placement()
    for arg in argv:
        result = placement(Path(arg))
        overall.add(result)
        print(f"{arg}: {result.line()}")
        for miss in result.misses:
            print(f"  - {miss}")
    print(f"Samlet: {overall.line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
