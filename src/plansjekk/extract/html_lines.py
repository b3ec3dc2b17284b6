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
import re

# A comment, a script or style element (its content may hold "<" and ">"), or any other tag;
# each runs to the end of the page when it is never closed.
_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style).*?(?:</\1[^>]*>|\Z)|<[^>]*(?:>|\Z)",
                     re.DOTALL | re.IGNORECASE)


def mask_markup(source: str) -> str:
    """The source with every tag, comment, script and style replaced by blanks (newlines kept)."""
    return _MARKUP.sub(lambda m: "\n" * m.group().count("\n") + " ", source)


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
