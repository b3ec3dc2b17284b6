"""Check that every `sections:` heading in labels.yaml is a heading of its document, word for word.

A heading counts when it is a whole heading line of the document (a `#` line of a Markdown file,
or a whole non-empty line of a text file). Also checks that every `oppfylt`/`delvis` label names
its sections and that no other label does. Independent of plansjekk.

    .venv/bin/python benchmarks/dev10/check_sections.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
RULES = {
    "maal",
    "organisering",
    "ansvarsfordeling",
    "samarbeid",
    "vedtak",
    "strategier",
    "tjenester",
    "avklaring",
    "medvirkning",
    "forankring",
    "kunnskapsgrunnlag",
    "tiltak",
    "innsatsnivaa",
    "oppfolging",
    "ressurser",
    "maalgruppe",
    "lovhenvisning",
}
STATUSES = {"oppfylt", "delvis", "mangler", "ikke_relevant"}


def headings(path: Path) -> set[str]:
    """Heading lines of a Markdown or text document."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    if path.suffix == ".txt":
        return {line for line in lines if line}
    return {re.sub(r"^#+\s+", "", line) for line in lines if line.startswith("#")}


def check(entry: dict) -> list[str]:
    """Problems with one labelled document."""
    path = HERE / entry["path"]
    if not path.exists():
        return [f"{entry['path']}: file missing"]
    problems = []
    expect = entry.get("expect") or {}
    sections = entry.get("sections") or {}
    if set(expect) != RULES:
        problems.append(f"{entry['path']}: expect keys differ: {sorted(set(expect) ^ RULES)}")
    heads = headings(path)
    for rule, status in expect.items():
        statuses = set(status if isinstance(status, list) else [status])
        if not statuses <= STATUSES:
            problems.append(f"{entry['path']}: {rule}: unknown status {status!r}")
        met = bool(statuses & {"oppfylt", "delvis"})
        if met and rule not in sections:
            problems.append(f"{entry['path']}: {rule} is {status} but has no sections")
        if not met and rule in sections:
            problems.append(f"{entry['path']}: {rule} has sections but no oppfylt/delvis label")
    for rule, names in sections.items():
        for name in names:
            if name not in heads:
                problems.append(f"{entry['path']}: {rule}: heading not found: {name!r}")
    return problems


def main() -> int:
    labels = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    problems = [problem for entry in labels["documents"] for problem in check(entry)]
    for problem in problems:
        print(problem)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
