"""Document metadata for reports: title, municipalities, plan period. Unknown stays None, never guessed."""

from __future__ import annotations

import re
from pathlib import Path

from plansjekk.model import Document, ParagraphKind

PERIOD = re.compile(r"\b(20\d\d)\s*(?:[-–—]|til)\s*(20\d\d)\b")
_I = re.IGNORECASE
NAVIGATION = re.compile(r"\b(gå til|hovedinnhold|hovudinnhald|hovedmeny|hovudmeny|min side|logg inn|"
                        r"meny|søk|hopp til|til forsiden|account_circle|innholdsfortegnelse|innhald)\b", _I)
# Column names of a measures or responsibility table: "Tiltak Mål", "Tiltak | Ansvar | Frist".
TABLE_WORDS = frozenset({"tiltak", "mål", "ansvar", "ansvarlig", "ansvarleg", "frist", "tidsplan", "status",
                         "delmål", "hovedmål", "hovudmål", "aktivitet", "tid", "år", "merknad", "kostnad",
                         "ressurs", "ressurser", "indikator", "måleindikator", "hvem", "kven", "hva", "kva",
                         "når", "nivå", "forventede", "gevinster", "for", "og", "bruker", "innbygger", "eller",
                         "samfunn", "tjeneste", "teneste", "oppgaver", "oppgåver", "strategi", "nr"})


TABLE_KINDS = (ParagraphKind.TABLE_ROW, ParagraphKind.TABLE_HEADER)


def plan_period(document: Document) -> str | None:
    """The first 'YYYY-YYYY' span in the title or opening, if plausible as a plan period."""
    opening = (document.title or "") + "\n" + document.text[:3000]
    for m in PERIOD.finditer(opening):
        start, end = int(m.group(1)), int(m.group(2))
        if 0 < end - start <= 15:
            return f"{start}-{end}"
    return None


def is_title_like(text: str | None) -> bool:
    """A title is words, not navigation, not a table header, not a page number."""
    if not text:
        return False
    clean = " ".join(text.split())
    words = re.findall(r"[^\W\d_]+", clean)
    if len(words) < 2 or len(clean) > 200 or "|" in clean or NAVIGATION.search(clean):
        return False
    return not all(w.casefold() in TABLE_WORDS for w in words)


def document_title(document: Document) -> str | None:
    """The document's title: the extractor's title when it looks like one (and, in plain text, stands
    at the top), else the first line at the top that looks like a title. A table header ('Tiltak Mål'), a
    navigation line or a sentence is never a title; None when nothing looks like one."""
    candidates: list[str] = []
    for section in document.sections[:6]:
        if section.heading:
            candidates.append(" ".join(section.heading.split()))
        text = [p for p in section.paragraphs[:8] if p.kind not in TABLE_KINDS]
        candidates.extend(" ".join(p.text.split()) for p in text[:4])
    top = candidates[:6]
    title = " ".join((document.title or "").split())
    # PDF fonts, DOCX styles, HTML and Markdown headings mark a title; plain text only by position
    if is_title_like(title) and not _is_table_header(document, title) and (document.format != "text" or title in top):
        return title
    return next((c for c in top if is_title_like(c) and len(c) <= 140 and not c.endswith((".", ":", "?"))
                 and not _is_table_header(document, c)), None)


def _is_table_header(document: Document, title: str | None) -> bool:
    return any(p.kind == ParagraphKind.TABLE_HEADER and " ".join(p.text.replace("|", " ").split()) ==
               " ".join((title or "").split()) for _, p in document.paragraphs())


def municipality(document: Document) -> str | None:
    """From the municipality register: strong patterns ('X kommune', 'X herad') and the file name."""
    from plansjekk.municipalities.detect import municipality_name

    return municipality_name(document.text, Path(document.path).name)


# --- inter-municipal plans -----------------------------------------------------------------

NAME = r"[A-ZÆØÅ][\w-]+(?:\s+og\s+[A-ZÆØÅ][\w-]+)?"
COUNCIL_OF = (  # "kommunestyret i Bykle", "Bykle kommunestyre"
    re.compile(rf"\b(?:kommunestyret|kommunestyre|bystyret|bystyre|heradsstyret|heradsstyre|k-styret)\s+(?:i|på)\s+"
               rf"(?P<name>{NAME})"),
    re.compile(rf"\b(?P<name>{NAME})\s+(?:kommunestyre|bystyre|heradsstyre)\b"),
)
MEMBER_LIST = re.compile(
    r"\b(?:kommunene|kommunane|kommunar|kommuner)\s+(?P<after>[A-ZÆØÅ][^.:;\n]{2,160})"
    r"|(?P<before>[A-ZÆØÅ][^.:;\n]{2,160}?)\s+(?:kommuner|kommunar)\b")
SHARED = re.compile(r"\binterkommunal\w*|\bfelles plan\b|\bfelles for\b|\bsamarbeid mellom kommunane\b|"
                    r"\bfor kommunane\b|\bfor kommunene\b", _I)


def _resolve(name: str) -> str | None:
    from plansjekk.municipalities.register import lookup

    found = lookup(name.strip())
    return found[0].display_name if len(found) == 1 else None


def _names_in_list(span: str) -> list[str]:
    """'Evje og Hornnes, Bygland, Valle og Bykle' → the four names, trying 'A og B' as one name first."""
    pieces = [p.strip() for chunk in span.split(",") for p in re.split(r"\s+og\s+", chunk)]
    pieces = [re.sub(r"\s+(kommune|herad)$", "", re.sub(r"\s+\d{4}(\s*[–-]\s*\d{4})?$", "", p)) for p in pieces if p]
    names: list[str] = []
    i = 0
    while i < len(pieces):
        pair = f"{pieces[i]} og {pieces[i + 1]}" if i + 1 < len(pieces) else None
        if pair and _resolve(pair):
            names.append(_resolve(pair) or pair)
            i += 2
            continue
        resolved = _resolve(pieces[i].split()[-1] if pieces[i] else "") if " " in pieces[i] else _resolve(pieces[i])
        if resolved:
            names.append(resolved)
        i += 1
    return names


def member_municipalities(document: Document) -> list[str]:
    """Every municipality an inter-municipal plan belongs to: councils named in its adoption lines
    ('Vedtatt kommunestyre i Bykle …') and member lists ('for kommunane A, B og C'). [] unless at least
    two are found and the text presents itself as shared."""
    opening = (document.title or "") + "\n" + document.text[:4000]
    found: list[str] = []
    councils: set[str] = set()
    for pattern in COUNCIL_OF:
        for m in pattern.finditer(opening):
            names = _names_in_list(m.group("name"))
            found.extend(names)
            councils.update(names)
    shared = bool(SHARED.search(opening))
    if shared:
        for m in MEMBER_LIST.finditer(opening):
            found.extend(_names_in_list(m.group("after") or m.group("before")))
        if document.title:  # "Felles plan for førebygging – Askvoll, Fjaler og Hyllestad 2024–2028"
            found.extend(_names_in_list(re.split(r"\s[–-]\s", document.title)[-1]))
    unique = list(dict.fromkeys(found))
    if len(unique) >= 2 and (shared or len(councils) >= 2):
        return unique
    return []


def municipalities(document: Document, first: str | None) -> tuple[str, ...]:
    """`municipalities` for the JSON: every member of an inter-municipal plan, `first` (the
    document's municipality) leading; just (first,) otherwise; () when unknown."""
    members = member_municipalities(document)
    if not members:
        return (first,) if first else ()
    if first and first in members:
        members.remove(first)
        return (first, *members)
    return tuple(members)
