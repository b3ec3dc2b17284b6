"""Word's automatic numbering, so "Samarbeid" in a numbered Heading 2 reads "3.2 Samarbeid".

The number is not in the text of the paragraph; Word computes it from numbering.xml.
We replay the counters in document order for decimal, letter and roman formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from plansjekk.extract.docx_styles import w, wval


@dataclass(frozen=True)
class Level:
    start: int
    fmt: str
    text: str
    style: str | None


@dataclass
class Numbering:
    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def parse(cls, root: etree._Element | None) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iter(w("abstractNum")):
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(w("lvl")):
                ilvl = _int(lvl.get(w("ilvl")), 0)
                levels[ilvl] = Level(start=_int(wval(lvl, "start"), 1), fmt=wval(lvl, "numFmt") or "decimal",
                                     text=wval(lvl, "lvlText") or "", style=wval(lvl, "pStyle"))
            numbering.abstract[abstract.get(w("abstractNumId")) or ""] = levels
        for num in root.iter(w("num")):
            overrides = {}
            for override in num.iter(w("lvlOverride")):
                start = wval(override, "startOverride")
                if start is not None:
                    overrides[_int(override.get(w("ilvl")), 0)] = _int(start, 1)
            numbering.nums[num.get(w("numId")) or ""] = (wval(num, "abstractNumId") or "", overrides)
        return numbering

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        """A style's numPr often omits ilvl; the level that names the style tells it."""
        abstract_id, _ = self.nums.get(num_id, ("", {}))
        for ilvl, level in self.abstract.get(abstract_id, {}).items():
            if style_id and level.style == style_id:
                return ilvl
        return 0

    def next_label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter for (num_id, ilvl) and return its label, None for bullets."""
        if num_id not in self.nums or num_id == "0":
            return None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(abstract_id, [0] * 10)
        ilvl = min(ilvl, 9)
        if counters[ilvl] == 0:
            counters[ilvl] = overrides.get(ilvl, levels[ilvl].start)
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = 0
        return self._format(levels, counters, ilvl, overrides)

    def _format(self, levels: dict[int, Level], counters: list[int], ilvl: int,
                overrides: dict[int, int]) -> str | None:
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return None
        label = level.text
        for k in range(ilvl + 1):
            value = counters[k] or (overrides.get(k) or levels[k].start if k in levels else 1)
            fmt = levels[k].fmt if k in levels else "decimal"
            label = label.replace(f"%{k + 1}", _format_value(value, fmt))
        return label.strip() or None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _format_value(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) if value > 0 else "a"
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += letters
            value -= number
    return out or "0"
