"""Markdown to blocks: the subset plans use (headings, lists, pipe tables, paragraphs).

Line-based, no regex with nested quantifiers, so any input is read in linear time.
Every block keeps the 1-based line where it starts (SARIF and GitHub annotations
point there).
"""

from __future__ import annotations

import re

from plansjekk.extract.structure import Block
from plansjekk.extract.tables import join_cells
from plansjekk.model import ParagraphKind

LIST_MARKER = re.compile(r"^\s{0,8}(?:[-*+•]|\d{1,9}[.)])[ \t]+(?=\S)")
LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\n]*\)")  # no delimiter inside: linear scan
EMPHASIS = re.compile(r"(?<![\w\\])([*_]{1,3})([^*_\n]+)(?<!\\)\1(?!\w)")  # "\_" is a character, no marker
CODE = re.compile(r"`([^`\n]*)`")
INLINE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,15}(?:\s[^<>\n]{0,200})?/?>")
FENCES = ("```", "~~~")


def clean_inline(text: str) -> str:
    """Drop inline markup, keep the words: links keep their text, emphasis its content."""
    text = LINK.sub(r"\1", text)
    text = CODE.sub(r"\1", text)
    text = EMPHASIS.sub(r"\2", text)
    text = INLINE_TAG.sub(" ", text)
    text = text.replace("\\|", "|").replace("\\*", "*").replace("\\_", "_").replace("\\#", "#")
    return " ".join(text.split())


def atx_heading(line: str) -> tuple[int, str] | None:
    """`## Mål ##` -> (2, 'Mål')."""
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3 or not stripped.startswith("#"):
        return None
    hashes = len(stripped) - len(stripped.lstrip("#"))
    rest = stripped[hashes:]
    if hashes > 6 or (rest and rest[0] not in " \t"):
        return None
    rest = rest.strip()
    closing = rest.rstrip("#")
    if closing != rest and (not closing or closing.endswith((" ", "\t"))):
        rest = closing.strip()
    return hashes, rest


def is_rule(line: str, chars: str = "-*_") -> bool:
    """Thematic break or setext underline: three or more of one char, spaces allowed."""
    compact = line.replace(" ", "").replace("\t", "")
    return len(compact) >= 3 and compact[0] in chars and compact == compact[0] * len(compact)


def is_setext_underline(line: str) -> int | None:
    stripped = line.strip()
    if stripped and set(stripped) == {"="}:
        return 1
    if len(stripped) >= 2 and set(stripped) == {"-"}:
        return 2
    return None


def split_row(line: str) -> list[str]:
    row = line.strip().replace("\\|", "\x00")
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    return [clean_inline(cell.replace("\x00", "|")) for cell in row.split("|")]


def is_table_separator(line: str) -> bool:
    if "-" not in line:
        return False
    cells = split_row(line.replace(":", ""))
    return all(cell and set(cell) == {"-"} for cell in cells)


class MarkdownParser:
    """One pass over the lines; open paragraph or list item is flushed on structure."""

    def __init__(self, lines: list[str], first_line: int = 1) -> None:
        self.lines = lines
        self.offset = first_line
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.buffer_line = 0
        self.buffer_kind = ParagraphKind.BODY

    def flush(self) -> None:
        if self.buffer:
            text = clean_inline(" ".join(part.strip() for part in self.buffer))
            self.blocks.append(Block(text=text, kind=self.buffer_kind, line=self.buffer_line))
        self.buffer = []
        self.buffer_kind = ParagraphKind.BODY

    def start(self, text: str, line: int, kind: ParagraphKind) -> None:
        self.flush()
        self.buffer, self.buffer_line, self.buffer_kind = [text], line, kind

    def parse(self) -> list[Block]:
        i = 0
        while i < len(self.lines):
            i = self.step(i)
        self.flush()
        return self.blocks

    def step(self, i: int) -> int:
        """Consume the construct starting at line i; return the next line index."""
        raw = self.lines[i]
        line = raw
        while line.lstrip().startswith(">"):  # blockquotes read as ordinary text
            line = line.lstrip()[1:]
        number = i + self.offset
        if not line.strip():
            self.flush()
            return i + 1
        if line.lstrip().startswith(FENCES):
            return self.fence(i, line.lstrip()[:3])
        heading = atx_heading(line)
        if heading:
            self.flush()
            self.blocks.append(Block(text=clean_inline(heading[1]), heading_level=heading[0], line=number))
            return i + 1
        underline = is_setext_underline(line)
        if underline and self.buffer and self.buffer_kind is ParagraphKind.BODY:
            text = clean_inline(" ".join(self.buffer))
            self.blocks.append(Block(text=text, heading_level=underline, line=self.buffer_line))
            self.buffer = []
            return i + 1
        if is_rule(line):
            self.flush()
            return i + 1
        if "|" in line and i + 1 < len(self.lines) and is_table_separator(self.lines[i + 1]):
            return self.table(i)
        marker = LIST_MARKER.match(line)
        if marker:
            self.start(line[marker.end():], number, ParagraphKind.LIST_ITEM)
            return i + 1
        if not self.buffer:
            self.buffer_line = number
        self.buffer.append(line.rstrip("\\ ") if raw.endswith(("  ", "\\")) else line)
        if raw.endswith(("  ", "\\")):  # hard line break: cover-page lines stay separate facts
            self.flush()
        return i + 1

    def fence(self, i: int, fence: str) -> int:
        self.flush()
        j = i + 1
        body: list[str] = []
        while j < len(self.lines) and not self.lines[j].lstrip().startswith(fence):
            body.append(self.lines[j])
            j += 1
        text = " ".join(" ".join(body).split())
        if text:
            self.blocks.append(Block(text=text, line=i + 1 + self.offset))
        return j + 1

    def table(self, i: int) -> int:
        self.flush()
        self.blocks.append(Block(text=join_cells(split_row(self.lines[i])),
                                 kind=ParagraphKind.TABLE_HEADER, line=i + self.offset))
        j = i + 2
        while j < len(self.lines) and "|" in self.lines[j] and self.lines[j].strip():
            cells = split_row(self.lines[j])
            if any(cells):
                self.blocks.append(Block(text=join_cells(cells), kind=ParagraphKind.TABLE_ROW,
                                         line=j + self.offset))
            j += 1
        return j


def front_matter(lines: list[str]) -> tuple[int, str | None]:
    """Skip a YAML front matter block; return (lines to skip, its title if any)."""
    if not lines or lines[0].strip() != "---":
        return 0, None
    for j in range(1, min(len(lines), 60)):
        if lines[j].strip() in ("---", "..."):
            title = None
            for entry in lines[1:j]:
                key, _, value = entry.partition(":")
                if key.strip().lower() in ("title", "tittel") and value.strip():
                    title = value.strip().strip("\"'")
            return j + 1, title
    return 0, None


def parse_markdown(text: str) -> tuple[list[Block], str | None]:
    """Blocks with line numbers, and the front-matter title when there is one."""
    lines = text.split("\n")
    skip, title = front_matter(lines)
    return MarkdownParser(lines[skip:], first_line=skip + 1).parse(), title
