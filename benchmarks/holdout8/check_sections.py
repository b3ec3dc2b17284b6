"""Check that every `sections:` heading in labels.yaml is a heading of its document, word for word.

A heading counts when it is a whole heading line of the source: a `#` line of a Markdown file, or
any whole non-empty line of a text file (where the title line stands for documents without
headings). Independent of plansjekk: it reads the files themselves.

    .venv/bin/python benchmarks/holdout8/check_sections.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def source_headings(path: Path) -> set[str]:
    """Heading lines of a document."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    if path.suffix == ".txt":
        return {line for line in lines if line}
    return {re.sub(r"^#+\s+", "", line) for line in lines if line.startswith("#")}


def main() -> int:
    labels = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    problems = 0
    for entry in labels["documents"]:
        path = HERE / entry["path"]
        heads = source_headings(path)
        expect = entry.get("expect") or {}
        sections = entry.get("sections") or {}
        for rule, headings in sections.items():
            accepted = expect.get(rule)
            accepted = accepted if isinstance(accepted, list) else [accepted]
            if not set(accepted) & {"oppfylt", "delvis"}:
                print(f"{entry['path']}: {rule} has sections but no oppfylt/delvis label")
                problems += 1
            for heading in headings:
                if heading not in heads:
                    print(f"{entry['path']}: {rule}: heading not found: {heading!r}")
                    problems += 1
        for rule, status in expect.items():
            statuses = status if isinstance(status, list) else [status]
            if set(statuses) & {"oppfylt", "delvis"} and rule not in sections:
                print(f"{entry['path']}: {rule} is {status} but has no sections")
                problems += 1
    print("ok" if not problems else f"{problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
