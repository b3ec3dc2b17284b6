"""Turn PDF lines (and tables) into structure Blocks: paragraphs, list items, headings.

Two passes. First, lines are grouped into paragraphs by vertical gap, indentation,
font changes and list markers. Then each paragraph is classified: a heading when its
font is clearly larger than the body text, when it is a short bold line, or when it
is a short numbered line ("2.1 Nasjonale føringer"); heading levels come from the
number's depth or, without a number, from the rank of the font size.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from statistics import median
from typing import TYPE_CHECKING, Union

from plansjekk.extract.pdf_tables import Table
from plansjekk.extract.pdf_text import (
    ends_sentence,
    join_lines,
    looks_like_numbered_heading,
    strip_bullet,
)
from plansjekk.extract.structure import Block
from plansjekk.model import ParagraphKind

if TYPE_CHECKING:
    from plansjekk.extract.pdf_layout import Line

Item = Union["Line", Table]


@dataclass
class Para:
    lines: list[Line]
    is_list: bool = False
    numbered_depth: int | None = None  # looks like "2.1 Heading"
    x0: float = field(init=False)

    def __post_init__(self) -> None:
        self.x0 = self.lines[0].x0


@dataclass(frozen=True)
class Style:
    """Document-wide measures the decisions are relative to."""

    body: float  # dominant font size
    gap: float  # usual gap between lines of a paragraph, in ems
    right: dict[int, float]  # right text edge per page

    def is_large(self, size: float) -> bool:
        return size >= self.body + max(1.0, 0.12 * self.body)


def measure(lines: list[Line]) -> Style:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 11.0
    gaps = [(b.top - a.bottom) / b.size for a, b in zip(lines, lines[1:])
            if a.page == b.page and abs(a.size - b.size) < 0.6 and abs(b.size - body) < 0.6
            and -0.5 * b.size <= b.top - a.bottom < 2 * b.size]
    # with few lines the median may be a paragraph gap; line gaps are rarely above 0.5 em
    gap = min(median(gaps), 0.5) if len(gaps) >= 5 else 0.3
    right: dict[int, list[float]] = {}
    for line in lines:
        right.setdefault(line.page, []).append(line.x1)
    every = sorted(x for xs in right.values() for x in xs)
    overall = every[int(len(every) * 0.9)] if every else 0.0
    edges = {p: sorted(xs)[int(len(xs) * 0.9)] if len(xs) >= 8 else overall for p, xs in right.items()}
    return Style(body=body, gap=gap, right=edges)


def _headingish(line: Line, style: Style) -> bool:
    return style.is_large(line.size) or line.bold


def _starts_new(para: Para, line: Line, style: Style) -> bool:
    """Whether `line` begins a new paragraph after `para`."""
    prev = para.lines[-1]
    lowercase_next = line.text[:1].islower()
    if line.page != prev.page or line.top < prev.bottom - 0.5 * line.size:
        # page or column break: continue only a sentence that is visibly unfinished
        return not (lowercase_next and not ends_sentence(prev.text) and not _headingish(prev, style))
    if strip_bullet(line.text)[1] or _numbered(line, style):
        return True
    if abs(line.size - prev.size) > 0.75 or _headingish(line, style) != _headingish(prev, style):
        return True
    if line.top - prev.bottom > (style.gap + 0.45) * line.size:
        return True
    if para.is_list:  # continuation lines hang under the text, or the item visibly goes on
        full = prev.x1 >= style.right.get(prev.page, prev.x1) - 2 * prev.size
        goes_on = not ends_sentence(prev.text) and (lowercase_next or full)
        return line.x0 < para.x0 + 2 and not goes_on
    if line.x0 > prev.x0 + 0.8 * line.size and not lowercase_next:
        return True  # first-line indent
    short = prev.x1 < style.right.get(prev.page, prev.x1) - 2.5 * prev.size
    return short and ends_sentence(prev.text) and not lowercase_next


def _numbered(line: Line, style: Style) -> int | None:
    """Depth when the line is a short numbered heading in body text."""
    depth = looks_like_numbered_heading(line.text)
    if depth is None:
        return None
    if _headingish(line, style):
        return depth
    right = style.right.get(line.page, line.x1)
    short = line.x1 < right - 0.2 * (right - line.x0)
    plain_dot = depth == 1 and line.text.split(maxsplit=1)[0].endswith(".")
    return depth if short and not plain_dot else None


def group(items: list[Item], style: Style) -> list[Para | Table]:
    out: list[Para | Table] = []
    current: Para | None = None
    for item in items:
        if isinstance(item, Table):
            out.append(item)
            current = None
            continue
        extendable = current is not None and (
            not current.numbered_depth or _headingish(current.lines[0], style))
        if current is not None and extendable and not _starts_new(current, item, style):
            current.lines.append(item)
            continue
        current = Para([item], is_list=strip_bullet(item.text)[1],
                       numbered_depth=_numbered(item, style))
        out.append(current)
    return out


def _heading_kind(para: Para, style: Style) -> str | None:
    """'size', 'bold' or 'number' when the paragraph is a heading."""
    text = " ".join(ln.text for ln in para.lines)
    if para.numbered_depth:
        return "number"
    if len(para.lines) > 3 or len(text) > 200 or not text[:1].isalnum():
        return None
    if all(style.is_large(ln.size) for ln in para.lines):
        return "size"
    if (all(ln.bold for ln in para.lines) and len(para.lines) <= 2 and len(text) <= 120
            and not para.is_list and text.rstrip()[-1:] not in ".,;" and not text[:1].islower()):
        return "bold"
    return None


def _levels(kinds: list[tuple[Para, str]]) -> dict[int, int]:
    """Heading level per paragraph id: number depth, else size rank (bold comes last).

    Sizes used only on the cover page (page 1 of a longer document) do not take up
    ranks, so unnumbered chapter headings still come out as level 1.
    """
    def size_of(p: Para) -> int:
        return round(max(ln.size for ln in p.lines))

    sized = [p for p, k in kinds if k == "size"]
    long_doc = any(p.lines[0].page > 2 for p, _ in kinds)
    inner = {size_of(p) for p in sized if p.lines[0].page > 1 or not long_doc}
    rank = {s: i + 1 for i, s in enumerate(sorted(inner, reverse=True))}
    by_number: dict[int, Counter[int]] = {}
    for p, k in kinds:
        if k == "number" and p.numbered_depth:
            by_number.setdefault(size_of(p), Counter())[p.numbered_depth] += 1
    levels: dict[int, int] = {}
    for p, k in kinds:
        size = size_of(p)
        if k == "number" and p.numbered_depth:
            level = p.numbered_depth
        elif k == "size" and size in by_number:
            level = by_number[size].most_common(1)[0][0]
        elif k == "size":
            level = rank.get(size, 1)
        else:
            level = len(rank) + 1
        levels[id(p)] = min(level, 6)
    return levels


def to_blocks(items: list[Item]) -> list[Block]:
    """The Block stream for structure.make_document."""
    lines = [i for i in items if not isinstance(i, Table)]
    style = measure(lines)
    grouped = group(items, style)
    kinds = [(p, k) for p in grouped if isinstance(p, Para) for k in [_heading_kind(p, style)] if k]
    levels = _levels(kinds)
    blocks: list[Block] = []
    for para in grouped:
        if isinstance(para, Table):
            for i, row in enumerate(para.rows):
                kind = ParagraphKind.TABLE_HEADER if i == 0 else ParagraphKind.TABLE_ROW
                blocks.append(Block(" | ".join(row), para.page, kind))
            continue
        text = join_lines([ln.text for ln in para.lines])
        page = para.lines[0].page
        if id(para) in levels:
            blocks.append(Block(text, page, heading_level=levels[id(para)]))
        elif para.is_list:
            blocks.append(Block(strip_bullet(text)[0], page, ParagraphKind.LIST_ITEM))
        else:
            blocks.append(Block(text, page))
    return blocks
