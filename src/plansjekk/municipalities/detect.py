"""Which municipality a document belongs to, from its text and file name.

Plans name their own municipality in fixed phrases: "Sandnes kommune", "Voss herad",
"Bergen bystyre", "kommunestyret i Hole", "www.sandnes.kommune.no". Those strong
patterns score high; a bare mention of a name scores little, and for names that are
also common words or places elsewhere (Hole, Moss, Vik, Time, Sola, Heim, Stad …) a
bare mention scores nothing. Names must start with a capital letter in running text
("hole i veien" is not Hole). The earliest strong mention (usually the cover page) gets
a bonus, so a plan that also names its neighbours keeps its own municipality. When
two municipalities share a name (Herøy, Våler), county names in the text decide; a tie
is reported as unsure.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import PurePath

from plansjekk.municipalities.register import Municipality, ascii_key, fold, name_index

STRONG, FIRST_BONUS, HOST, FILENAME, WEAK, COUNTY_HINT = 10, 5, 8, 12, 1, 2
STRONG_CAP, WEAK_CAP, MIN_SCORE, MIN_WEAK, MARGIN = 5, 10, 8, 3, 3
STRONG_ONLY_REPEATS = 4  # a name that is also a word counts without "kommune" only this often
MAILING_LIST = 10  # this many municipalities named strongly: a letter to all, not one plan
# Names that are also common words or places elsewhere: only strong patterns count.
STRONG_ONLY = frozenset(fold(n) for n in """
    Hole Moss Lund Vik Bø Nes Herøy Våler Os Frøya Sande Hå Time Sola Klepp Strand Ås Gran Lom
    Sel Vang Hol Gol Ål Flå Lier Nome Tinn Valle Heim Fjord Stad Kinn Alver Vega Grane Leka Osen
    Træna Stranda Rauma Aure Frosta Marker Stange Dovre Åmot Bokn Sula Kvam Senja Lyngen Alta Tana
    Rana Hemnes Andøy Stord Årdal Sogndal Lindesnes Færder Vinje Høylandet Grong Røst Loppa Hitra
    Nesna Ørland Bardu Storfjord Kåfjord Nordkapp Porsanger Tjeldsund Evenes Modum Gjesdal Dønna
    Lesja Sauda Volda Askøy Etne Fedje Giske Vestby Eidsvoll Lunner Rindal Heim Ibestad Balsfjord
""".split())
_STRONG_ONLY_ASCII = STRONG_ONLY | {ascii_key(k) for k in STRONG_ONLY}
REGION_HINTS = {  # county → names in text that point to it (for Herøy, Våler)
    "Nordland": ("Nordland", "Helgeland"),
    "Møre og Romsdal": ("Møre og Romsdal", "Sunnmøre", "Møre"),
    "Østfold": ("Østfold",),
    "Innlandet": ("Innlandet", "Hedmark", "Solør"),
}
_TOKEN = re.compile(r"\w+")
# A word that starts with a capital letter (the Latin letters names are written with); the
# text's other words are never names ("hole i veien" is not Hole) and are skipped unread.
_CAPITALISED = re.compile(r"(?<!\w)[" + "".join(c for c in map(chr, range(0x250)) if c.isupper()) + r"]\w*")
_JOIN = re.compile(r"[ \t\-–]{1,3}")
_AFTER_STRONG = re.compile(
    r"[ \t]*(?:kommunes?|kommunen|herads?|heradet|bystyrets?|bystyre|kommunestyrets?|kommunestyre"
    r"|heradsstyret?|suohkan|gielda|tjïelte)\b", re.IGNORECASE)
_BEFORE_STRONG = re.compile(
    r"\b(?:kommunestyret|bystyret|heradsstyret|ordføreren|ordføraren|rådmannen|kommunedirektøren"
    r"|kommunedirektør)[ \t]+i[ \t]+$", re.IGNORECASE)
_BEFORE_NOT = re.compile(
    r"\b(?:statsforvalteren|statsforvaltaren|fylkesmannen|universitetet|høgskolen|høgskulen"
    r"|tingrett)[ \t]+i[ \t]+(?:\w+[ \t]+og[ \t]+)?$", re.IGNORECASE)
_HOST = re.compile(r"\b([a-z0-9æøå-]+)\.(?:kommune|herad)\.no\b", re.IGNORECASE)
_MAX_WORDS = 4


@lru_cache(maxsize=1)
def _ascii_index() -> dict[str, tuple[Municipality, ...]]:
    """Index for file names and hosts: plain, ascii and run-together ('nordrefollo') keys."""
    index: dict[str, set[Municipality]] = defaultdict(set)
    for key, found in name_index().items():
        for variant in (key, ascii_key(key), key.replace("å", "aa").replace("ø", "oe")):
            index[variant].update(found)
            index[variant.replace(" ", "")].update(found)
    return {k: tuple(sorted(v, key=lambda m: m.number)) for k, v in index.items()}


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """First words of all names: most capitalised words are not, and are skipped at once."""
    return frozenset(key.split()[0] for key in name_index() if key)


def _mentions(text: str) -> list[tuple[int, str, bool]]:
    """(position, folded name, strong?) for every capitalised name in the text."""
    index, first_words = name_index(), _first_words()
    found: list[tuple[int, str, bool]] = []
    resume = 0  # a name found covers its words: none of them starts another
    for word in _CAPITALISED.finditer(text):
        if word.start() < resume or fold(word.group()).split(" ")[0] not in first_words:
            continue
        group = [word]
        while len(group) < _MAX_WORDS and (following := _TOKEN.search(text, group[-1].end())):
            group.append(following)
        for n in range(len(group), 0, -1):
            words = group[:n]
            if any(not _JOIN.fullmatch(text[a.end():b.start()]) for a, b in zip(words, words[1:])):
                continue
            key = fold(" ".join(t.group() for t in words))
            if key in index:
                start, end = words[0].start(), words[-1].end()
                before = text[max(0, start - 60):start]
                if not _BEFORE_NOT.search(before):
                    strong = bool(_AFTER_STRONG.match(text, end) or _BEFORE_STRONG.search(before))
                    found.append((start, key, strong))
                resume = end
                break
    return found


def _filename_hits(filename: str) -> set[str]:
    """Folded names in a file name: 'Plan_Nord-Odal_kommune.pdf', 'baerum-plan.docx'."""
    if not filename:
        return set()
    words = [fold(w) for w in re.findall(r"[^\W_]+", PurePath(filename).stem)]
    index = _ascii_index()
    hits: set[str] = set()
    for i in range(len(words)):
        for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            key = " ".join(words[i:i + n])
            if key in index:
                strong = i + n < len(words) and words[i + n] in ("kommune", "kommunes", "herad")
                if strong or key not in _STRONG_ONLY_ASCII:
                    hits.add(key)
                break
    return hits


def score(text: str, filename: str = "") -> list[tuple[int, Municipality]]:
    """Candidates with their scores, best first (ties by number)."""
    scores: dict[Municipality, int] = defaultdict(int)
    strong_counts: dict[str, int] = defaultdict(int)
    weak_counts: dict[str, int] = defaultdict(int)
    first_strong: str | None = None
    for _, key, strong in _mentions(text):
        if strong:
            strong_counts[key] += 1
            first_strong = first_strong or key
        else:
            weak_counts[key] += 1
    index, ascii_index = name_index(), _ascii_index()
    for key, count in strong_counts.items():
        for m in index[key]:
            scores[m] += STRONG * min(count, STRONG_CAP) + (FIRST_BONUS if key == first_strong else 0)
    for key, count in weak_counts.items():
        if key in STRONG_ONLY and count < STRONG_ONLY_REPEATS:
            continue  # "Hole", "Time", "Alta": an ordinary word until the name recurs
        for m in index[key]:
            scores[m] += WEAK * min(count, WEAK_CAP)
    for label in dict.fromkeys(h.lower() for h in _HOST.findall(text)):
        for m in ascii_index.get(label.replace("-", ""), ()):
            scores[m] += HOST
    for key in _filename_hits(filename):
        for m in ascii_index[key]:
            scores[m] += FILENAME
    _add_county_hints(scores, text)
    return sorted(((s, m) for m, s in scores.items()), key=lambda x: (-x[0], x[1].number))


def _add_county_hints(scores: dict[Municipality, int], text: str) -> None:
    """Herøy and Våler exist twice: let county and region names in the text decide."""
    shared = [m for m in scores if len(name_index()[fold(m.name)]) > 1]
    for m in shared:
        hints = sum(text.count(h) for h in REGION_HINTS.get(m.county, (m.county,)))
        scores[m] += COUNTY_HINT * min(hints, 5)


def _decide(text: str, filename: str) -> tuple[Municipality | None, str | None]:
    ranked = score(text, filename)
    if not ranked:
        return None, None
    best_score, best = ranked[0]
    if best_score < MIN_WEAK or sum(1 for s, _ in ranked if s >= STRONG) >= MAILING_LIST:
        return None, None
    runner_up = ranked[1][0] if len(ranked) > 1 else 0
    if best_score < MIN_SCORE and runner_up > 0:
        return None, None
    if best_score - runner_up >= MARGIN:
        return best, best.display_name
    same_name = [m for s, m in ranked if s == best_score and fold(m.name) == fold(best.name)]
    if len(same_name) > 1 and (len(ranked) == len(same_name) or ranked[len(same_name)][0] + MARGIN <= best_score):
        return None, best.name  # Herøy, but which one is not said
    return None, None


def detect_municipality(text: str, filename: str = "") -> Municipality | None:
    """The municipality a document belongs to, from its text and file name; None when unsure."""
    return _decide(text, filename)[0]


def municipality_name(text: str, filename: str = "") -> str | None:
    """The name to put in DocumentResult.municipality ('Herøy (Nordland)' when resolved)."""
    return _decide(text, filename)[1]
