"""Rendering for `plansjekk uttrekk`: what the extractor read, as a tree, JSON or Markdown.

Only renders; the document (or the extraction error) is decided elsewhere. The JSON
shape is the uttrekk contract in DESIGN.md, with sections flat in document order.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from plansjekk.errors import ExtractionError
from plansjekk.model import Document, ParagraphKind, Section
from plansjekk.report.safety import printable

FIRST_WORDS = 8
KIND_LABELS = {ParagraphKind.BODY: "avsnitt", ParagraphKind.LIST_ITEM: "punkt",
               ParagraphKind.TABLE_ROW: "tabellrader", ParagraphKind.TABLE_HEADER: "tabellhoder"}


def render_structure(document: Document | None, fmt: str, path: str | None = None,
                     error: ExtractionError | None = None) -> None:
    """Print the document (or the error) in `fmt`: tre/tree, json or markdown."""
    if fmt == "json":
        _write(json.dumps(structure_record(document, path, error), ensure_ascii=False, indent=2) + "\n")
    elif error is not None or document is None:
        _print_error(path, error)
    elif fmt == "markdown":
        _write(printable(to_markdown(document)))
    else:
        _print_tree(document)


def structure_record(document: Document | None, path: str | None = None,
                     error: ExtractionError | None = None) -> dict[str, Any]:
    """The uttrekk JSON object; on error the same keys with empty sections and an error."""
    if document is None:
        return {"path": path, "format": None, "pages": None, "language": None, "title": None,
                "sections": [], "warnings": [],
                "error": {"code": error.code if error else "ukjent",
                          "message": error.message if error else "Dokumentet kunne ikke leses."}}
    return {
        "path": document.path, "format": document.format, "pages": document.pages,
        "language": document.language, "title": document.title,
        "sections": [_section_record(s) for s in document.sections],
        "warnings": list(document.warnings), "error": None,
    }


def _section_record(section: Section) -> dict[str, Any]:
    return {
        "heading": section.heading, "number": section.number, "level": section.level,
        "page_start": section.page_start, "page_end": section.page_end,
        "paragraphs": [{"text": p.text, "page": p.page, "kind": p.kind.value} for p in section.paragraphs],
    }


def to_markdown(document: Document) -> str:
    """Headings as #, list items as '- ', table rows as pipe rows (header row underlined)."""
    out: list[str] = []
    for section in document.sections:
        if section.heading:
            out += ["#" * min(max(section.level, 1), 6) + " " + section.heading, ""]
        previous: ParagraphKind | None = None
        for paragraph in section.paragraphs:
            kind = paragraph.kind
            grouped = kind in (ParagraphKind.LIST_ITEM, ParagraphKind.TABLE_ROW, ParagraphKind.TABLE_HEADER)
            if previous is not None and not (grouped and _same_group(previous, kind)):
                out.append("")
            out += _markdown_lines(paragraph.text, kind)
            previous = kind
        if section.paragraphs:
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _same_group(previous: ParagraphKind, kind: ParagraphKind) -> bool:
    tables = (ParagraphKind.TABLE_ROW, ParagraphKind.TABLE_HEADER)
    if kind == ParagraphKind.TABLE_HEADER:
        return False
    return previous == kind or (previous in tables and kind in tables)


def _markdown_lines(text: str, kind: ParagraphKind) -> list[str]:
    if kind == ParagraphKind.LIST_ITEM:
        return [f"- {text}"]
    if kind in (ParagraphKind.TABLE_ROW, ParagraphKind.TABLE_HEADER):
        row = f"| {text} |"
        if kind == ParagraphKind.TABLE_HEADER:
            return [row, "|" + " --- |" * (text.count(" | ") + 1)]
        return [row]
    return [text]


def _first_words(section: Section) -> str:
    if not section.paragraphs:
        return ""
    words = section.paragraphs[0].text.split()
    return " ".join(words[:FIRST_WORDS]) + (" …" if len(words) > FIRST_WORDS else "")


def _counts(section: Section) -> str:
    counts: dict[str, int] = {}
    for paragraph in section.paragraphs:
        label = KIND_LABELS[paragraph.kind]
        counts[label] = counts.get(label, 0) + 1
    return ", ".join(f"{n} {label}" for label, n in counts.items())


def _pages(section: Section) -> str:
    if section.page_start is None:
        return ""
    if section.page_end in (None, section.page_start):
        return f"s. {section.page_start}"
    return f"s. {section.page_start}–{section.page_end}"


def _print_tree(document: Document) -> None:
    from rich.console import Console
    from rich.text import Text
    from rich.tree import Tree

    facts = [document.format]
    if document.pages:
        facts.append(f"{document.pages} sider")
    if document.language:
        facts.append({"nb": "bokmål", "nn": "nynorsk"}.get(document.language, document.language))
    label = Text.assemble((printable(document.path), "bold"), f" ({', '.join(facts)})")
    if document.title:
        label = Text.assemble(label, "\n", ("Tittel: ", "dim"), printable(document.title))
    root = Tree(label)
    stack: list[tuple[int, Tree]] = [(0, root)]
    for section in document.sections:
        while len(stack) > 1 and stack[-1][0] >= max(section.level, 1):
            stack.pop()
        node = stack[-1][1].add(_section_label(section))
        stack.append((max(section.level, 1), node))
    tty = sys.stdout.isatty()
    console = Console(highlight=False, width=None if tty else 200)  # piped: no 80-column crop
    console.print(root)
    for warning in document.warnings:
        console.print(Text.assemble(("Advarsel: ", "yellow"), printable(warning)))


def _section_label(section: Section) -> Any:
    from rich.text import Text

    heading = printable(section.heading or "(tekst før første overskrift)")
    details = [f"nivå {section.level}"] + [part for part in (_pages(section), _counts(section)) if part]
    label = Text.assemble((heading, "bold" if section.heading else "italic"),
                          ("  [" + ", ".join(details) + "]", "cyan"))
    first = printable(_first_words(section))
    if first:
        label.append("\n" + first, style="dim")
    return label


def _print_error(path: str | None, error: ExtractionError | None) -> None:
    """One line on stderr: coloured on a terminal, plain (unwrapped) when piped."""
    message = error.message if error else "Dokumentet kunne ikke leses."
    code = f" [{error.code}]" if error else ""
    line = printable(f"kunne ikke lese {path or 'filen'}{code}: {message}")
    if not sys.stderr.isatty():
        sys.stderr.write(f"plansjekk: {line}\n")
        return
    from rich.console import Console
    from rich.text import Text

    Console(stderr=True, highlight=False).print(Text.assemble(("plansjekk: ", "bold red"), line))


def _write(text: str) -> None:
    """stdout in UTF-8 even where the locale says otherwise (æøå must survive)."""
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
