"""Suppression comments: `<!-- plansjekk: ignorer BV203, BV204 -- begrunnelse -->`.

Found in Markdown, plain text and HTML sources. Comments are never body text, so
they are blanked out here (keeping line breaks, so line numbers stay right).
Plain string scanning, no regex: a hostile file cannot make this backtrack.
"""

from __future__ import annotations

from plansjekk.model import Suppression

VERBS = ("ignorer", "ignore")
MAX_COMMENT = 2000


def parse_directive(body: str, line: int) -> list[Suppression]:
    """The suppressions in one comment body, or [] when it is an ordinary comment."""
    text = body.strip()
    if len(text) > MAX_COMMENT or not text.lower().startswith("plansjekk"):
        return []
    rest = text[len("plansjekk"):].lstrip()
    if not rest.startswith(":"):
        return []
    rest = rest[1:].strip()
    verb = rest.split(None, 1)[0].lower() if rest else ""
    if verb not in VERBS:
        return []
    rest = rest[len(verb):]
    codes_part, reason = rest, ""
    for separator in ("--", " – ", " — "):
        if separator in rest:
            codes_part, reason = rest.split(separator, 1)
            break
    codes = [c for c in codes_part.replace(",", " ").split() if c]
    return [Suppression(rule=code.upper() if code[:2].isalpha() and code[2:].isdigit() else code,
                        reason=reason.strip(), line=line) for code in codes]


def strip_comments(text: str) -> tuple[str, list[Suppression]]:
    """Blank out `<!-- ... -->` (newlines kept) and collect the suppressions they carry."""
    parts: list[str] = []
    found: list[Suppression] = []
    pos = 0
    line = 1
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            break
        end = text.find("-->", start + 4)
        if end < 0:
            break
        line += text.count("\n", pos, start)
        body = text[start + 4:end]
        found.extend(parse_directive(body, line))
        parts.append(text[pos:start])
        parts.append("\n" * body.count("\n"))
        line += body.count("\n")
        pos = end + 3
    parts.append(text[pos:])
    return "".join(parts), found


def find_suppressions(source: str) -> list[Suppression]:
    """Suppressions in a source we do not otherwise rewrite (HTML)."""
    return strip_comments(source)[1]
