"""Approximate source lines for blocks of an HTML page (for SARIF and annotations).

The parser keeps no positions, so the markup is blanked out of a copy of the source
(tags, comments, scripts and styles become spaces, newlines are kept), entities
are decoded, and the words are joined by single spaces (the parser's text has its own
whitespace, a non-breaking space or a line break between two words). Each block's
first words are then searched from where the previous block was found, and no
further than WINDOW characters ahead: a block that is not found (text the parser
changed) costs a bounded search instead of a scan to the end of the page, which made
a 2.4 MB page quadratic.
"""

from __future__ import annotations

import bisect
import html


def mask_markup(source: str) -> str:
    """The source with every tag, comment, script and style replaced by blanks."""
    lowered = source.lower()
    out: list[str] = []
    pos, n = 0, len(source)
    while pos < n:
        lt = source.find("<", pos)
        if lt < 0:
            out.append(source[pos:])
            break
        out.append(source[pos:lt])
        end = _markup_end(source, lowered, lt)
        out.append("\n" * source.count("\n", lt, end) + " ")
        pos = end
    return "".join(out)


def _markup_end(source: str, lowered: str, lt: int) -> int:
    n = len(source)
    if source.startswith("<!--", lt):
        end = source.find("-->", lt + 4)
        return n if end < 0 else end + 3
    for raw in ("script", "style"):
        if lowered.startswith(raw, lt + 1):
            close = lowered.find(f"</{raw}", lt + 1)
            if close < 0:
                return n
            end = source.find(">", close)
            return n if end < 0 else end + 1
    end = source.find(">", lt + 1)
    return n if end < 0 else end + 1


WINDOW = 20_000  # characters of text searched ahead for one block; pages place blocks in order


class LineLocator:
    """Finds blocks in document order; falls back to the previous line when unsure."""

    def __init__(self, source: str) -> None:
        parts: list[str] = []
        self.starts: list[int] = []  # where each source line's words start in self.text
        self.lines: list[int] = []  # that source line's number
        at = 0
        for number, line in enumerate(html.unescape(mask_markup(source)).split("\n"), start=1):
            words = " ".join(line.split())
            if words:
                self.starts.append(at)
                self.lines.append(number)
                parts.append(words)
                at += len(words) + 1
        self.text = " ".join(parts)
        self.cursor = 0

    def line_at(self, offset: int) -> int:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[index] if index >= 0 else 1

    def find(self, block_text: str) -> int:
        """1-based line where `block_text` starts."""
        words = block_text.split()
        probes = [" ".join(words[:3]), words[0] if words and len(words[0]) >= 3 else "",
                  *sorted(words[:6], key=len, reverse=True)[:2]]
        for probe in probes:
            if not probe:
                continue
            pos = self.text.find(probe, self.cursor, self.cursor + WINDOW + len(probe))
            if pos >= 0:
                self.cursor = pos + 1
                return self.line_at(pos)
        return self.line_at(self.cursor)
