"""Check that every `sections:` heading in a set's labels.yaml is a heading of its document, word for word.

A heading counts when it is a whole heading line of the source (`#`/`##` line of a Markdown source
or kilder file, or a whole line of a text file) and its text also occurs in the built file.
Independent of plansjekk: it reads the sources and the built files with python-docx and pypdfium2.

    .venv/bin/python benchmarks/check_sections.py benchmarks/holdout6 benchmarks/dev9 …
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import yaml


def source_headings(path: Path) -> set[str]:
    """Heading lines of the text a document was written from (its kilder/*.md when it was built)."""
    source = path.parent / "kilder" / f"{path.name}.md"
    if not source.exists():
        source = path
    lines = [line.strip() for line in source.read_text(encoding="utf-8").splitlines()]
    if source.suffix == ".txt":
        return {line for line in lines if line}
    return {re.sub(r"^#+\s+", "", line) for line in lines if line.startswith("#")}


def built_text(path: Path) -> str:
    """Plain text of the built document, whitespace collapsed."""
    if path.suffix == ".pdf":
        import pypdfium2

        text = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(path))
    elif path.suffix == ".docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(path).paragraphs)
    else:
        text = html.unescape(path.read_text(encoding="utf-8"))
    return " ".join(text.split())


def check(folder: Path) -> int:
    """The number of problems in one set's labels."""
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    problems = 0
    for entry in labels["documents"]:
        path = folder / entry["path"]
        heads, text = source_headings(path), built_text(path)
        expect = entry.get("expect") or {}
        for rule, headings in (entry.get("sections") or {}).items():
            accepted = expect.get(rule)
            accepted = accepted if isinstance(accepted, list) else [accepted]
            if not set(accepted) & {"oppfylt", "delvis"}:
                print(f"{entry['path']}: {rule} has sections but no oppfylt/delvis label")
                problems += 1
            for heading in headings:
                if heading not in heads or " ".join(heading.split()) not in text:
                    print(f"{entry['path']}: {rule}: heading not found: {heading!r}")
                    problems += 1
        for rule, status in expect.items():
            statuses = status if isinstance(status, list) else [status]
            if set(statuses) & {"oppfylt", "delvis"} and rule not in (entry.get("sections") or {}):
                print(f"{entry['path']}: {rule} is {status} but has no sections")
                problems += 1
    return problems


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    problems = 0
    for folder in map(Path, argv):
        found = check(folder)
        print(f"{folder}: {'ok' if not found else f'{found} problem(s)'}")
        problems += found
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
