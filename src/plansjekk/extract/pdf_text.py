"""Text rules for PDF lines: hyphenation, list markers, numbered headings, page numbers.

Pure functions on strings, so each rule can be tested on its own.
"""

from __future__ import annotations

import re

# Words after "helse-" that show the hyphen belongs to a shortened compound
# ("helse- og omsorgstjenesten", "barne- og ungdomsarbeid").
_COMPOUND_LINKS = frozenset(["og", "eller", "samt", "enn", "til", "and", "or"])
_ACRONYM = re.compile(r"[A-ZÆØÅ]{2,}")
_LAST_WORD = re.compile(r"(\S+)$")

_GLYPH_BULLETS = "•◦▪▫■□●○‣⁃∙·➢➤►▶✓✔❖\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8\uf02d"
BULLET = re.compile(rf"^(?:[{_GLYPH_BULLETS}]\s*|[-–—*o]\s+)(?=\S)")
NUMBERED_ITEM = re.compile(r"^(?:\(?\d{1,2}\)|\(?[a-zæøå]\)|\d{1,2}\.(?=\s))\s*(?=\S)")
NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})(\.?)\s+(\S.*)$")
PAGE_NUMBER = re.compile(
    r"^(?:(?:side|s\.|page|p\.|sida)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?"
    r"(?:\s*(?:av|of|/|\|)\s*\d{1,4})?$|^[ivxlc]{1,7}$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_TOC_LINE = re.compile(r"·|…|\.{4,}|\s\d{1,3}$")  # contents lines: "1 Innledning ....... 3"
_SPACE = re.compile(r"\s+")


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph, undoing hyphenation at line ends."""
    if not lines:
        return ""
    out = lines[0]
    for nxt in lines[1:]:
        out = join_pair(out, nxt)
    return out


def join_pair(prev: str, nxt: str) -> str:
    """'sam-' + 'arbeid' -> 'samarbeid'; keeps real hyphens ('PP-tjenesten', 'helse- og')."""
    if not nxt:
        return prev
    if prev.endswith("\u00ad"):  # soft hyphen: always a break hyphen
        return prev[:-1] + nxt
    if not (prev.endswith("-") and len(prev) >= 2 and prev[-2].isalnum()):
        return f"{prev} {nxt}"
    head = prev[:-1]
    first = nxt.split(maxsplit=1)[0].strip(",.;:").lower()
    if first in _COMPOUND_LINKS:
        return f"{head}- {nxt}"
    if not nxt[0].islower():
        return f"{head}-{nxt}"  # "0-24-" + "Samarbeidet", "NAV-" + "Kontoret"
    match = _LAST_WORD.search(head)
    word = match.group(1) if match else ""
    if "-" in word or any(ch.isdigit() for ch in word) or _ACRONYM.search(word):
        return f"{head}-{nxt}"  # "PP-" + "tjenesten", "0-24-" + "samarbeidet"
    return head + nxt


def strip_bullet(text: str) -> tuple[str, bool]:
    """('Punkt', True) for '• Punkt'; numbered items keep their number."""
    m = BULLET.match(text)
    if m:
        return text[m.end():], True
    if NUMBERED_ITEM.match(text):
        return text, True
    return text, False


def heading_number(text: str) -> tuple[str, bool, str] | None:
    """('2.1', trailing_dot, rest) when the line starts like a numbered heading."""
    m = NUMBERED_HEADING.match(text)
    if not m:
        return None
    number, dot, rest = m.groups()
    if any(int(part) > 60 for part in number.split(".")):
        return None
    return number, bool(dot), rest


def looks_like_numbered_heading(text: str) -> int | None:
    """Depth of a numbered heading in body text ('2.1 Nasjonale føringer' -> 2), else None.

    A single '1.' with a dot is left to lists unless the font says heading; the
    caller decides that.
    """
    parsed = heading_number(text)
    if parsed is None or len(text) > 100 or _TOC_LINE.search(text):
        return None
    number, _dot, rest = parsed
    if not rest[:1].isupper() or text.rstrip()[-1:] in ".,;:!":
        return None
    if sum(ch.isalpha() for ch in rest) < 3:
        return None
    return number.count(".") + 1


def is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER.match(text.strip()))


def running_key(text: str) -> str:
    """Header/footer identity: case-folded, digits masked, spaces collapsed."""
    return _SPACE.sub(" ", _DIGITS.sub("#", text.casefold())).strip()


def ends_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in ".!?:"
