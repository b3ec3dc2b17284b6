"""Read a .kilde file: YAML front matter plus a small Markdown dialect.

The dialect is just enough to write realistic plans once and render them to PDF, DOCX
and HTML: headings (#), paragraphs, bullet and numbered lists, pipe tables, fact boxes
(> lines), page breaks (\\newpage), a two-column region (::: kolonner … :::) and a
tracked change marker ([-deleted-]{+inserted+}) and a reviewer comment ({>>text<<})
that only the DOCX renderer keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Block:
    kind: str  # heading, para, bullets, numbered, table, box, pagebreak, columns_on, columns_off
    text: str = ""
    level: int = 0
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    header: bool = False


@dataclass(frozen=True)
class Source:
    path: Path
    meta: dict[str, Any]
    blocks: tuple[Block, ...] = field(default_factory=tuple)


CHANGE = re.compile(r"\[-(.*?)-\]\{\+(.*?)\+\}")
COMMENT = re.compile(r"\{>>(.*?)<<\}")
BOLD = re.compile(r"\*\*(.+?)\*\*")


def accepted(text: str) -> str:
    """Text as if all tracked changes were accepted (what PDF and HTML show)."""
    return COMMENT.sub("", CHANGE.sub(lambda m: m.group(2), text))


def plain(text: str) -> str:
    """Accepted text without inline markup."""
    return BOLD.sub(r"\1", accepted(text))


def read_source(path: Path) -> Source:
    raw = path.read_text(encoding="utf-8")
    if not raw.startswith("---\n"):
        raise ValueError(f"{path}: mangler front matter")
    _, front, body = raw.split("---\n", 2)
    return Source(path=path, meta=yaml.safe_load(front), blocks=tuple(parse_body(body)))


def _table_row(line: str) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in line.strip().strip("|").split("|"))


def parse_body(body: str) -> list[Block]:
    """Line-based parser; blank lines end paragraphs, lists, tables and boxes."""
    blocks: list[Block] = []
    lines = body.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped or stripped.startswith("<!--"):
            i += 1
        elif stripped == "\\newpage":
            blocks.append(Block("pagebreak"))
            i += 1
        elif stripped.startswith(":::"):
            blocks.append(Block("columns_on" if stripped != ":::" else "columns_off"))
            i += 1
        elif stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            blocks.append(Block("heading", text=stripped[level:].strip(), level=level))
            i += 1
        elif stripped.startswith("|"):
            i = _parse_table(lines, i, blocks)
        elif stripped.startswith(">"):
            i = _parse_box(lines, i, blocks)
        elif re.match(r"^(- |\d+\. )", stripped):
            i = _parse_list(lines, i, blocks)
        else:
            para = []
            while i < len(lines) and lines[i].strip() and not _starts_block(lines[i]):
                para.append(lines[i].strip())
                i += 1
            blocks.append(Block("para", text=" ".join(para)))
    return blocks


def _starts_block(line: str) -> bool:
    s = line.strip()
    return bool(re.match(r"^(#|\||>|- |\d+\. |:::|\\newpage)", s))


def _parse_table(lines: list[str], i: int, blocks: list[Block]) -> int:
    rows: list[tuple[str, ...]] = []
    header = False
    while i < len(lines) and lines[i].strip().startswith("|"):
        row = _table_row(lines[i])
        if all(re.fullmatch(r":?-{3,}:?", c) for c in row):
            header = len(rows) == 1
        else:
            rows.append(row)
        i += 1
    blocks.append(Block("table", rows=tuple(rows), header=header))
    return i


def _parse_box(lines: list[str], i: int, blocks: list[Block]) -> int:
    """A fact box: '> **Title**' then '> text' lines; '>' alone separates paragraphs."""
    items: list[str] = []
    current: list[str] = []
    while i < len(lines) and lines[i].strip().startswith(">"):
        text = lines[i].strip()[1:].strip()
        if text:
            current.append(text)
        elif current:
            items.append(" ".join(current))
            current = []
        i += 1
    if current:
        items.append(" ".join(current))
    blocks.append(Block("box", items=tuple(items)))
    return i


def _parse_list(lines: list[str], i: int, blocks: list[Block]) -> int:
    ordered = bool(re.match(r"^\d+\. ", lines[i].strip()))
    items: list[str] = []
    while i < len(lines) and lines[i].strip():
        s = lines[i].strip()
        m = re.match(r"^(- |\d+\. )(.*)$", s)
        if m:
            items.append(m.group(2))
        elif items and lines[i].startswith("  "):
            items[-1] += " " + s
        else:
            break
        i += 1
    blocks.append(Block("numbered" if ordered else "bullets", items=tuple(items)))
    return i
