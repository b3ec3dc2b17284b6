"""Sentence splitting for Norwegian plan text, as character spans.

Rules of thumb that matter for plans: abbreviations ("f.eks.", "jf.", "bl.a.") and ordinals
("1. januar", "kap. 3. Tiltak") do not end a sentence; bullets, whether inline (" • ") or at the
start of a line ("\\n- ", "\\n2) "), start a new unit; a sentence is never longer than
MAX_CHARS (tables pasted as text would otherwise make one "sentence" match everything).
Spans are returned rather than strings so callers can keep offsets into the paragraph.
"""

from __future__ import annotations

import re

MAX_CHARS = 1500

ABBREVIATIONS = frozenset("""
a.m. adm. adm.dir. ang. anm. avd. bl.a. bla. bnr. ca. d.d. d.m. d.s. d.v.s. dept. dir. dr. dvs.
e.kr. e.l. eg. ekskl. el. etc. etg. ev. evt. f. f.eks. f.kr. f.o.m. fhv. fig. fk. fm. forts. fr.
gnr. hhv. i.e. ibid. ifb. ifm. iht. inkl. istf. jf. jfr. jr. kap. kfr. kgl. kgl.res. kl. komm.
kr. kst. m.a.o. m.fl. m.h.t. m.m. m.v. mfl. mht. mill. min. mnd. mrd. mv. mva. nr. o.a. o.fl.
o.l. o.s.v. obs. off. ofl. osv. p.g.a. p.t. pga. pkt. pr. prof. prop. ref. resp. s. sak. sen.
sml. spm. st. st.meld. st.prp. stk. stud. t. t.d. t.h. t.o.m. t.v. tab. tils. tilsv. tlf. utg.
v. vedk. vedr. vgs. vha. vs. jan. feb. mar. apr. jun. jul. aug. sep. sept. okt. nov. des.
innst. meld. ot.prp. prp. arkivref. arkivnr. saksnr. jnr. l.nr. vedl. henv. mob. avsn. bd. jfr.
""".split())

# Sentence end: terminal punctuation, optional closing quotes/brackets, whitespace.
_END = re.compile(r"[.!?…]+[\"'»”’)\]]*\s+")
# Inline bullet glyphs (also the private-use glyphs PDF symbol fonts produce).
_BULLETS = "•▪●◦‣■□➢➤►▸\uf0b7\uf0a7\uf076\uf0d8\uf0fc"
_INLINE_BULLET = re.compile(rf"(?:^|\s)[{_BULLETS}]\s*")
# A line that starts a list: bullet glyph, dash, star, "1." / "1)" / "a)".
_LIST_LINE = re.compile(rf"\n[ \t]*(?=[{_BULLETS}\-–—*·]\s|\d{{1,2}}[.)]\s|[a-zæøå]\)\s)")
_LEAD_MARKER = re.compile(rf"[{_BULLETS}\-–—*·]\s+|[{_BULLETS}]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def split_sentences(text: str) -> list[str]:
    """Body text -> sentences (stripped, bullet markers removed, never empty)."""
    return [text[s:e] for s, e, _ in sentence_spans(text)]


def sentence_spans(text: str, split: bool = True, unmark: bool = True) -> list[tuple[int, int, bool]]:
    """(start, end, is_bullet) for each unit of `text`.

    With split=False (headings, list items, table rows) the text stays one unit apart from
    the length cap. unmark=True drops a leading bullet marker ("• ", "- "); table rows keep
    theirs, since "–" there is an empty cell.
    """
    spans: list[tuple[int, int, bool]] = []
    for start, end, bullet in _blocks(text) if split else [(0, len(text), False)]:
        start, end, marked = _strip(text, start, end, unmark)
        pieces = _sentences(text, start, end) if split else [(start, end)]
        for i, (s, e) in enumerate(pieces):
            for cs, ce in _cap(text, s, e):
                spans.append((cs, ce, (bullet or marked) and i == 0))
    return spans


def _blocks(text: str) -> list[tuple[int, int, bool]]:
    """Cut at blank lines, list-starting lines and inline bullets; flag the bullet pieces."""
    cuts: list[tuple[int, int, bool]] = [(0, 0, False)]  # (cut position, resume position, bullet)
    for rx, bullet in ((_BLANK_LINE, False), (_LIST_LINE, True), (_INLINE_BULLET, True)):
        cuts.extend((m.start(), m.end(), bullet) for m in rx.finditer(text))
    cuts.sort()
    blocks: list[tuple[int, int, bool]] = []
    for (_, resume, bullet), (nxt, _, _) in zip(cuts, cuts[1:] + [(len(text), 0, False)]):
        if nxt > resume:
            blocks.append((resume, nxt, bullet))
    return blocks


def _strip(text: str, start: int, end: int, unmark: bool) -> tuple[int, int, bool]:
    """Trim whitespace and (if unmark) a leading bullet marker from text[start:end]."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    m = _LEAD_MARKER.match(text, start, end) if unmark else None
    if m and m.end() < end:
        return m.end(), end, True
    return start, end, False


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] at sentence ends that are not abbreviations or ordinals."""
    spans: list[tuple[int, int]] = []
    for m in _END.finditer(text, start, end):
        nxt = m.end()
        if nxt >= end or not _starts_sentence(text, nxt) or _no_break_before(text, start, m.start()):
            continue
        stop = m.end() - len(m.group()) + len(m.group().rstrip())
        if stop > start:
            spans.append((start, stop))
        start = nxt
    if end > start:
        spans.append((start, end))
    return spans


def _starts_sentence(text: str, i: int) -> bool:
    """An uppercase letter or digit, possibly after an opening quote, bracket or §."""
    j = i
    while j < len(text) and j < i + 3 and text[j] in "\"'«“‘([§ ":
        j += 1
    return j < len(text) and (text[j].isupper() or text[j].isdigit())


def _no_break_before(text: str, start: int, dot: int) -> bool:
    """True when the '.' at `dot` closes an abbreviation, an initial or an ordinal number."""
    if text[dot] != ".":
        return False
    w = dot
    while w > start and not text[w - 1].isspace() and text[w - 1] not in "([«\"'":
        w -= 1
    word = text[w:dot + 1].lower()
    if word in ABBREVIATIONS:
        return True
    body = word[:-1]
    if len(body) == 1 and body.isalpha():
        return True  # an initial: "A. Hansen"
    return body.isdigit() and len(body) <= 2  # "1. januar", "kap. 3. Tiltak", list numbers


def _cap(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Break spans longer than MAX_CHARS at the last space before the limit."""
    out: list[tuple[int, int]] = []
    while end - start > MAX_CHARS:
        cut = text.rfind(" ", start + MAX_CHARS // 2, start + MAX_CHARS)
        cut = cut if cut > start else start + MAX_CHARS
        out.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append((start, end))
    return out
