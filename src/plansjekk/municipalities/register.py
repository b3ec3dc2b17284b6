"""The municipality register: all 357 Norwegian municipalities in the 2024 structure.

Data lives in `plansjekk/data/kommuner.csv` (number, name, sami/kven parallel names,
county, Statsforvalter embete). This module looks municipalities up by number or any
of their names and resolves `--fylke` to its members; `detect` finds the municipality a
plan belongs to. Lookups are diacritic- and case-insensitive so that
"Karasjok", "Kárášjohka" and "KARASJOK" are the same municipality.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from plansjekk.errors import PlansjekkError

DATA_FILE = "kommuner.csv"
# Letters that do not decompose under NFD but should match their plain form.
_EXTRA_FOLD = str.maketrans({"ŋ": "n", "đ": "d", "ŧ": "t", "ö": "o", "ä": "a"})
_RING = "\u030a"  # keep å: it is a letter of its own in Norwegian


@dataclass(frozen=True)
class Municipality:
    number: str  # four digits, e.g. "3310"
    name: str
    other_names: tuple[str, ...]  # parallel names (sami/kven) and inflected forms used in text
    county: str
    embete: str  # the Statsforvalter embete that supervises the municipality

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.other_names)

    @property
    def display_name(self) -> str:
        """'Herøy (Nordland)' where two municipalities share a name, as SSB writes it."""
        if len(_name_index().get(fold(self.name), ())) > 1:
            return f"{self.name} ({self.county})"
        return self.name


@lru_cache(maxsize=65536)  # detection folds every capitalised word of a document
def fold(text: str) -> str:
    """Case-, diacritic- and hyphen-insensitive key; keeps æ, ø and å."""
    decomposed = unicodedata.normalize("NFD", text.casefold().translate(_EXTRA_FOLD))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c == _RING)
    plain = unicodedata.normalize("NFC", kept).replace("-", " ").replace("–", " ")
    return " ".join(plain.split())


def ascii_key(key: str) -> str:
    """'bærum' → 'baerum', 'møre' → 'more': how names are typed without Norwegian letters."""
    return key.replace("æ", "ae").replace("ø", "o").replace("å", "a")


@lru_cache(maxsize=1)
def municipalities() -> tuple[Municipality, ...]:
    """All municipalities, sorted by number."""
    text = resources.files("plansjekk").joinpath("data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO("".join(line for line in text.splitlines(True) if not line.startswith("#"))))
    return tuple(
        Municipality(number=r["nummer"], name=r["navn"],
                     other_names=tuple(n for n in r["andre_navn"].split("|") if n),
                     county=r["fylke"], embete=r["statsforvalter"])
        for r in rows
    )


@lru_cache(maxsize=1)
def _name_index() -> dict[str, tuple[Municipality, ...]]:
    """Folded name (main or other) → municipalities with that name."""
    index: dict[str, list[Municipality]] = {}
    for m in municipalities():
        for name in dict.fromkeys(fold(n) for n in m.names):
            index.setdefault(name, []).append(m)
    return {k: tuple(v) for k, v in index.items()}


def name_index() -> dict[str, tuple[Municipality, ...]]:
    return _name_index()


def by_number(number: str) -> Municipality | None:
    number = number.strip().zfill(4)
    return next((m for m in municipalities() if m.number == number), None)


def lookup(query: str) -> list[Municipality]:
    """Municipalities matching a number, a name, or 'Name (County)'; [] when none."""
    query = query.strip()
    if query.isdigit():
        match = by_number(query)
        return [match] if match else []
    key = fold(query)
    if key.endswith(")") and "(" in key:
        name, county = key[:-1].split("(", 1)
        return [m for m in _name_index().get(fold(name), ()) if fold(m.county) == fold(county)]
    for suffix in (" kommune", " herad"):
        if key.endswith(suffix) and key not in _name_index():
            key = key[: -len(suffix)]
    found = _name_index().get(key)
    if found is None:
        found = tuple(m for k, ms in _name_index().items() if ascii_key(k) == ascii_key(key) for m in ms)
    return list(dict.fromkeys(found))


def counties() -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.county for m in municipalities()))


def embeter() -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.embete for m in municipalities()))


def in_county(name: str) -> list[Municipality]:
    """Members of a county or of a Statsforvalter embete ('Troms og Finnmark').

    Raises PlansjekkError naming the valid choices when the name is unknown.
    """
    key = fold(name)
    for prefix in ("statsforvalteren i ", "statsforvaltaren i ", "fylkesmannen i "):
        key = key.removeprefix(prefix)
    key = key.removesuffix(" fylke")
    key = ascii_key(key)
    members = [m for m in municipalities() if ascii_key(fold(m.county)) == key]
    if not members:
        members = [m for m in municipalities() if ascii_key(fold(m.embete)) == key]
    if not members:
        choices = ", ".join(sorted(set(counties()) | set(embeter())))
        raise PlansjekkError(f"ukjent fylke eller statsforvalterembete «{name}». Gyldige navn: {choices}")
    return members
