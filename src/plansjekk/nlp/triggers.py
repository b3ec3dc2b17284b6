"""Characters without which a regular expression cannot match: a cheap test before a costly one.

spaCy's prefix, suffix, infix and url patterns are long (compiling them costs ~50 ms in every
process) while most chunks of Norwegian text are plain words that none of them can match. For
a pattern we find an element every match must contain (a literal, a character class, or the
content of a positive lookaround; inside an alternation, one per branch), preferring one
without letters. A text with none of its characters cannot match, so the pattern need not be
compiled or run for it. The analysis reads the pattern with sre's parser; whatever it does
not understand is passed over, and a pattern with no such element gets no trigger (the
caller then always runs the pattern).
"""

from __future__ import annotations

import re
from typing import Any

try:  # the regex parser moved in Python 3.11
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

Element = tuple[str, bool]  # (character-class body, may hold a letter)
_CATEGORIES = {"CATEGORY_DIGIT": (r"\d", False), "CATEGORY_NOT_DIGIT": (r"\D", True),
               "CATEGORY_SPACE": (r"\s", False), "CATEGORY_NOT_SPACE": (r"\S", True),
               "CATEGORY_WORD": (r"\w", True), "CATEGORY_NOT_WORD": (r"\W", False)}
_SCAN_LIMIT = 5000  # a longer range is taken to hold letters without looking


def trigger_class(pattern: str, flags: int) -> str | None:
    """A character class (`[...]`) one of whose characters every match of the pattern holds,
    or None when none can be proven."""
    if flags & (re.IGNORECASE | re.LOCALE):
        return None
    try:
        tree = _sre_parse.parse(pattern, flags)
        if tree.state.flags & (re.IGNORECASE | re.LOCALE):  # a global inline (?i)
            return None
        element = _best(_required(list(tree)))
    except (re.error, TypeError, ValueError, AttributeError):
        return None
    return f"[{element[0]}]" if element else None


def _best(elements: list[Element]) -> Element | None:
    return next((e for e in elements if not e[1]), elements[0] if elements else None)


def _required(items: list[Any]) -> list[Element]:
    """The elements every match of this sequence contains."""
    c = _sre_constants
    found: list[Element] = []
    for op, av in items:
        if op is c.LITERAL:
            found.append((_char(av), chr(av).isalpha()))
        elif op is c.IN:
            element = _class(av)
            if element:
                found.append(element)
        elif op is c.SUBPATTERN and not av[1] & (re.IGNORECASE | re.LOCALE):  # not under (?i:…)
            found.extend(_required(list(av[-1])))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            found.extend(_required(list(av[2])))
        elif op is c.ASSERT:  # (?=…) and (?<=…): their characters stand in the searched text
            found.extend(_required(list(av[1])))
        elif op is c.BRANCH:
            chosen = [_best(_required(list(branch))) for branch in av[1]]
            if chosen and all(chosen):
                found.append(("".join(e[0] for e in chosen if e), any(e[1] for e in chosen if e)))
    return found


def _class(items: list[Any]) -> Element | None:
    c = _sre_constants
    body, letters = [], False
    for kind, value in items:
        if kind is c.LITERAL:
            body.append(_char(value))
            letters = letters or chr(value).isalpha()
        elif kind is c.RANGE:
            low, high = value
            body.append(f"{_char(low)}-{_char(high)}")
            letters = letters or high - low > _SCAN_LIMIT or any(chr(x).isalpha() for x in range(low, high + 1))
        elif kind is c.CATEGORY and str(value) in _CATEGORIES:
            text, has_letters = _CATEGORIES[str(value)]
            body.append(text)
            letters = letters or has_letters
        else:  # a negated class (NEGATE) or anything unknown: no element
            return None
    return ("".join(body), letters) if body else None


def _char(code: int) -> str:
    return re.escape(chr(code))
