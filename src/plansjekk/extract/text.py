"""Markdown and plain text extractors.

Plain text has no markup, so headings are guessed from what plans look like:
numbered lines ("3.2 Samarbeid"), ALL CAPS lines and short, capitalised lines that
stand alone. Form feeds (as written by pdftotext) become page breaks.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from plansjekk.errors import ExtractionError
from plansjekk.extract.markdown import LIST_MARKER, is_setext_underline, is_table_separator, parse_markdown, split_row
from plansjekk.extract.sniff import decode_text
from plansjekk.extract.structure import Block, make_document
from plansjekk.extract.suppress import strip_comments
from plansjekk.extract.tables import join_cells
from plansjekk.model import Document, ParagraphKind
from plansjekk.settings import Limits

NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.?[ \t]+(\S.*)$")
NOT_HEADING_END = (".", ",", ";", ":")
MAX_HEADING_CHARS = 90
MAX_HEADING_WORDS = 12
# a date or a case number makes a lone line a record ("Vedtatt i kommunestyret 27.04.2023, K-sak 14/23")
DATED = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b|\bsak\s*(?:nr\.?\s*)?\d{1,4}/\d{2,4}\b", re.IGNORECASE)


def read_text(path: Path) -> tuple[str, list[str]]:
    """Decoded text with normalised line ends, plus encoding warnings."""
    text, warnings = decode_text(path.read_bytes())
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"), warnings


def extract_markdown(path: Path, limits: Limits) -> Document:
    text, warnings = read_text(path)
    body, suppressions = strip_comments(text)
    blocks, title = parse_markdown(body)
    return finish(path, "markdown", blocks, None, title, warnings, suppressions)


def extract_plain(path: Path, limits: Limits) -> Document:
    text, warnings = read_text(path)
    body, suppressions = strip_comments(text)
    blocks, pages = parse_plain(body)
    if pages is not None and pages > limits.max_pages:
        raise ExtractionError("for_stor", f"Teksten har {pages} sider, over grensen på "
                                          f"{limits.max_pages}. Øk grensen med --maks-sider.")
    return finish(path, "text", blocks, pages, None, warnings, suppressions)


def finish(path: Path, fmt: str, blocks: list[Block], pages: int | None, title: str | None,
           warnings: list[str], suppressions: list) -> Document:
    if not any(block.text.strip() for block in blocks):
        raise ExtractionError("tom", "Filen inneholder ingen tekst.")
    document = make_document(str(path), fmt, blocks, pages, title=title, warnings=tuple(warnings))
    return dataclasses.replace(document, suppressions=tuple(suppressions))


def parse_plain(text: str) -> tuple[list[Block], int | None]:
    """Blocks from plain text, and the page count when the text has form feeds."""
    paged = "\f" in text
    paragraphs = _paragraphs(text)
    caps_headings = any(_is_caps(lines[0][2]) for lines in paragraphs if len(lines) == 1)
    blocks: list[Block] = []
    for index, lines in enumerate(paragraphs):
        is_last = index == len(paragraphs) - 1
        if index == 0 and _is_title(lines[:1]) and (len(lines) == 1 or _runs_on_as_prose(lines[1:])):
            blocks.append(Block(text=lines[0][2].strip(), line=lines[0][0], page=lines[0][1] if paged else None,
                                heading_level=1))
            if len(lines) > 1:  # a title typed straight above the text, with no blank line
                blocks.extend(_classify(lines[1:], is_last, caps_headings, paged))
            continue
        blocks.extend(_classify(lines, is_last, caps_headings, paged))
    pages = text.count("\f") + 1 if paged else None
    if pages and text.rstrip(" \n").endswith("\f"):
        pages -= 1
    return blocks, pages


def _paragraphs(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of non-blank lines as (line number, page, text) triples."""
    paragraphs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    page = 1
    for number, line in enumerate(text.split("\n"), start=1):
        if "\f" in line:
            page += line.count("\f")
            line = line.replace("\f", "")
            if current:
                paragraphs.append(current)
                current = []
        if line.strip():
            current.append((number, page, line.rstrip()))
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _classify(lines: list[tuple[int, int, str]], is_last: bool, caps_headings: bool,
              paged: bool) -> list[Block]:
    """One paragraph of lines -> headings, list items and body blocks.

    A numbered or ALL CAPS line inside a run of lines (text without blank lines, as
    pdftotext writes it) is a heading when the line before it ends a sentence.
    """
    def block(entry: tuple[int, int, str], text: str, **kw) -> Block:
        return Block(text=text, line=entry[0], page=entry[1] if paged else None, **kw)

    if len(lines) == 2 and is_setext_underline(lines[1][2]):
        return [block(lines[0], lines[0][2].strip(), heading_level=is_setext_underline(lines[1][2]))]
    if _heads_a_table_or_list(lines):
        return [block(lines[0], lines[0][2].strip(), heading_level=2 if caps_headings else 1),
                *_classify(lines[1:], is_last, caps_headings, paged)]
    columns = _dash_columns(lines)
    if columns:
        return [block(entry, join_cells(cells), kind=ParagraphKind.TABLE_HEADER if n == 0 else ParagraphKind.TABLE_ROW)
                for n, (entry, cells) in enumerate(_aligned_rows(lines, columns))]
    if _is_typed_table(lines):
        rows = [e for e in lines if not is_table_separator(e[2])]
        return [block(e, join_cells(_cells(e[2])),
                      kind=ParagraphKind.TABLE_HEADER if n == 0 else ParagraphKind.TABLE_ROW)
                for n, e in enumerate(rows)]
    out: list[Block] = []
    buffer: list[tuple[int, int, str]] = []
    kind = ParagraphKind.BODY

    def flush() -> None:
        if kind == ParagraphKind.BODY and _is_line_list(buffer):
            out.extend(block(e, e[2].strip(), kind=ParagraphKind.BODY if e[2].rstrip().endswith(".")
                             else ParagraphKind.LIST_ITEM) for e in buffer)
        elif buffer:
            out.append(block(buffer[0], join_lines([e[2] for e in buffer]), kind=kind))
        buffer.clear()

    for index, entry in enumerate(lines):
        level = _inner_heading(lines, index, is_last, caps_headings)
        marker = LIST_MARKER.match(entry[2])
        if level is not None:
            flush()
            out.append(block(entry, entry[2].strip(), heading_level=level))
            kind = ParagraphKind.BODY
        elif marker:
            flush()
            buffer.append((entry[0], entry[1], entry[2][marker.end():]))
            kind = ParagraphKind.LIST_ITEM
        else:
            buffer.append(entry)
    flush()
    return out


def _is_title(lines: list[tuple[int, int, str]]) -> bool:
    """The document's first line standing alone, capitalised and without a full stop, is its title
    even when longer than a heading ("Plan for forebygging av omsorgssvikt og atferdsvansker i …")."""
    line = lines[0][2].strip()
    return (len(lines) == 1 and line[:1].isupper() and not line.endswith(NOT_HEADING_END + ("!", "?"))
            and len(line) <= MAX_HEADING_CHARS and len(line.split()) <= MAX_HEADING_WORDS)


def _runs_on_as_prose(lines: list[tuple[int, int, str]]) -> bool:
    """The text under a first line reads as sentences: its first line ends one."""
    return lines[0][2].rstrip().endswith((".", "!", "?"))


def _is_line_list(lines: list[tuple[int, int, str]]) -> bool:
    """Three or more short lines that each start with a capital and end without punctuation, as
    measures typed one per line ("Ungdomsklubb tre kveldar i veka - ansvar: kultur"): one item each.
    Wrapped prose ends its lines mid-sentence, and its next line seldom starts with a capital."""
    items = 0
    for number, (_, _, text) in enumerate(lines):
        line = text.strip()
        following = lines[number + 1][2].strip() if number + 1 < len(lines) else ""
        if line.endswith((".", "!", "?")) and items >= 3:
            continue  # a closing sentence after the list
        if (len(line) > 100 or not line[:1].isupper() or line.endswith((",", ";", ":", "-", "–"))
                or LIST_MARKER.match(line) or following and not following[:1].isupper()):
            return False
        items += 1
    return items >= 3


def _heads_a_table_or_list(lines: list[tuple[int, int, str]]) -> bool:
    """A short capitalised line straight above a typed table or a bulleted list ("Dette vil vi
    oppnå" over "- Flere foreldre …") is their heading; a lead-in ending in ":" is not."""
    line, rest = lines[0][2].strip(), lines[1:]
    numbered = NUMBERED.match(line)
    words = numbered.group(2) if numbered else line  # "6. Tiltak 2024–2027" is a numbered heading
    if (len(rest) < 2 or len(words.split()) > 6 or len(words) > 60 or not words[:1].isupper()
            or line.endswith(NOT_HEADING_END + ("!",)) or LIST_MARKER.match(line) and not numbered
            or _cells(line)):
        return False
    bullets = [e for e in rest if LIST_MARKER.match(e[2])]
    if numbered:  # "1. Innledning" over "2. Lovgrunnlag …" is a numbered list, not a heading over one
        return _is_typed_table(rest)
    first = LIST_MARKER.match(rest[0][2])
    continues = first is not None and rest[0][2][first.end():].strip()[:1].islower()  # "Kommunen vil" + "- oppdage …"
    return _is_typed_table(rest) or first is not None and not continues and len(bullets) >= 2


DASH_RULE = re.compile(r"^\s*-{3,}(?:\s+-{3,})+\s*$")


def _dash_columns(lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """A table typed with spaces, its header over a rule of dashes per column ("Tiltak   Ansvarlig"
    over "------   ---------", as pandoc and many editors write it): the columns' character spans."""
    if len(lines) < 3 or not DASH_RULE.match(lines[1][2]):
        return []
    return [m.span() for m in re.finditer(r"-{3,}", lines[1][2])]


def _aligned_rows(lines: list[tuple[int, int, str]],
                  columns: list[tuple[int, int]]) -> list[tuple[tuple[int, int, str], list[str]]]:
    """The header and each row cut at the column starts. A line that fills only some cells of a
    row, the first or the rest, continues the row above it (cells wrapped onto the next line)."""
    starts = [start for start, _ in columns] + [10_000]
    rows: list[tuple[tuple[int, int, str], list[str]]] = []
    for entry in [lines[0], *lines[2:]]:
        cells = [entry[2][a:b].strip() for a, b in zip(starts, starts[1:])]
        wrapped = len(rows) > 1 and (not cells[0] or not any(cells[1:]))
        if wrapped:
            rows[-1] = (rows[-1][0], [f"{above} {more}".strip() for above, more in zip(rows[-1][1], cells)])
        else:
            rows.append((entry, cells))
    return rows


WIDE_GAP = re.compile(r" {2,}")


def _cells(line: str) -> list[str]:
    """A typed table row's cells: split at "|", else at tabs, else at ";", else at gaps of two
    spaces or more (columns aligned with spaces) ([] for no row)."""
    if "|" in line:
        return split_row(line)
    for mark in ("\t", ";"):
        if mark in line.strip():
            return [cell.strip() for cell in line.strip().split(mark)]
    return WIDE_GAP.split(line.strip()) if WIDE_GAP.search(line.strip()) else []


def _is_typed_table(lines: list[tuple[int, int, str]]) -> bool:
    """Lines that all split into the same number (two or more) of cells at "|" (or at tabs or ";",
    then three lines or more): a table typed as text, one row per line, the first its header."""
    rows = [e[2] for e in lines if not is_table_separator(e[2])]
    if len(rows) < 2 or not all("|" in r for r in rows) and len(rows) < 3:
        return False
    widths = {len(_cells(r)) for r in rows}
    return len(widths) == 1 and widths.pop() >= 2


def _inner_heading(lines: list[tuple[int, int, str]], index: int, is_last: bool,
                   caps_headings: bool) -> int | None:
    line = lines[index][2].strip()
    if index == 0 and len(lines) == 1:
        return _heading_level(line, alone=True, is_last=is_last, caps_headings=caps_headings)
    if index == len(lines) - 1 or index > 0 and LIST_MARKER.match(lines[index - 1][2]):
        return None
    following = lines[index + 1][2].strip()
    if NUMBERED.match(following) and LIST_MARKER.match(following):  # "1 Foo" in a numbered list
        return None
    if index > 0 and not lines[index - 1][2].rstrip().endswith((".", "!", "?", ":")):
        return None
    strong = _heading_level(line, alone=False, is_last=False, caps_headings=caps_headings, strong_only=True)
    if strong is not None or index > 0:
        return strong
    if not _leads_a_paragraph(line, following):
        return None
    return 2 if caps_headings else 1


def _leads_a_paragraph(line: str, following: str) -> bool:
    """A short capitalised line straight above a much longer sentence ("Utfordringer" over its text,
    with no blank line between) is that text's heading, a short question too ("Hvor vil vi?");
    a wrapped line is long or ends mid-clause."""
    return (len(line.split()) <= 6 and len(line) <= 50 and line[:1].isupper() and not LIST_MARKER.match(line)
            and not line.endswith(NOT_HEADING_END)
            and not line.endswith("!") and following[:1].isupper() and len(following) >= 1.5 * len(line)
            and not LIST_MARKER.match(following) and any(c.isalpha() for c in line))


def _heading_level(line: str, alone: bool, is_last: bool, caps_headings: bool,
                   strong_only: bool = False) -> int | None:
    """Numbered and ALL CAPS lines are strong signals; short lone lines are weak ones."""
    if len(line) > MAX_HEADING_CHARS or len(line.split()) > MAX_HEADING_WORDS:
        return None
    if line.endswith(NOT_HEADING_END) or LIST_MARKER.match(line) and not NUMBERED.match(line):
        return None
    numbered = NUMBERED.match(line)
    if numbered and numbered.group(2)[0].isupper():
        if alone or strong_only:
            return numbered.group(1).count(".") + 1
        return None
    if _is_caps(line):
        return 1
    if strong_only or not alone or is_last or numbered:
        return None
    if line[0].isupper() and len(line) <= 70 and any(c.isalpha() for c in line) and not DATED.search(line):
        return 2 if caps_headings else 1
    return None


def _is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and len(line) <= MAX_HEADING_CHARS


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines; a word hyphenated at a line end is joined ("forebyg-" + "ging")."""
    out = ""
    for line in lines:
        part = line.strip()
        if not out:
            out = part
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and part[:1].islower():
            out = out[:-1] + part
        else:
            out = f"{out} {part}"
    return out
